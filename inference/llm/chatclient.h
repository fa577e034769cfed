#pragma once

#include "core/base/result.h"
#include "inference/llm/chatprotocol.h"
#include "inference/llm/llmsettings.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace earmark::llm {

// One streamed answer from an OpenAI-compatible server. Created by ChatClient::send(); lives on
// the thread of its client (the GUI thread in the application) and never blocks it: bytes are
// handled as they arrive. textArrived() carries each piece of the answer; finished() comes
// exactly once, after which outcome(), text() and error() are final. Delete it with deleteLater()
// after finished(), or delete it at any time to abandon the request.
class ChatReply : public QObject
{
    Q_OBJECT

public:
    enum class Outcome {
        Running,
        Complete, // the server finished the answer
        Stopped,  // stop() was called; text() holds what had arrived
        Failed,   // error() says why; text() holds what had arrived (a cut stream, say)
    };

    ~ChatReply() override;

    Outcome outcome() const { return m_outcome; }
    bool isRunning() const { return m_outcome == Outcome::Running; }
    QString text() const { return m_text; }
    std::optional<ChatError> error() const { return m_error; }
    // The HTTP status, 0 before the server answered or when it never did.
    int httpStatus() const { return m_status; }

public Q_SLOTS:
    // Stops the answer: the connection is closed, finished() follows at once.
    void stop();

Q_SIGNALS:
    void textArrived(const QString &piece);
    // The first byte of the answer arrived (the server is streaming).
    void answerStarted();
    void finished();

private:
    friend class ChatClient;
    ChatReply(QNetworkReply *reply, const LlmSettings &settings, QObject *parent);

    void onMetaData();
    void onReadyRead();
    void onFinished();
    void onTimeout();
    void handleEvents();
    void finish(Outcome outcome, std::optional<ChatError> error = std::nullopt);
    ChatError networkError() const;

    QPointer<QNetworkReply> m_reply;
    QTimer *m_watchdog = nullptr;
    QString m_endpoint;
    QString m_model;
    int m_timeoutSeconds = 0;
    int m_maxTokens = 0;

    Outcome m_outcome = Outcome::Running;
    QString m_text;
    std::optional<ChatError> m_error;
    int m_status = 0;
    bool m_eventStream = false;
    bool m_receivedAny = false;
    bool m_sawDone = false;
    QString m_finishReason;
    QByteArray m_body; // error bodies and non-streamed replies
    SseParser m_parser;
    bool m_timedOut = false;
    bool m_stopping = false;
};

// Sends questions to an OpenAI-compatible chat-completions server and streams the answers.
// Thread-safety: use one client from one thread (it owns a QNetworkAccessManager); many replies
// may run at once.
class ChatClient : public QObject
{
    Q_OBJECT

public:
    explicit ChatClient(QObject *parent = nullptr);
    ~ChatClient() override;

    // POSTs `body` (from chatRequestBody()) to settings.chatCompletionsUrl() with the API key,
    // asking for a server-sent-event stream. The reply is a child of this client.
    ChatReply *send(const LlmSettings &settings, const QByteArray &body);

    // Lists the models the server offers (GET <endpoint>/models), for "Test connection".
    // `done` runs on this client's thread, unless `context` has been deleted by then.
    void fetchModels(const LlmSettings &settings,
                     QObject *context,
                     std::function<void(Result<QStringList>)> done);

private:
    QNetworkAccessManager *m_network = nullptr;
};

// The error for a request that failed before any HTTP answer (nothing listening, unknown host,
// TLS failure, ...), in plain words naming the endpoint.
ChatError connectionError(int networkError, const QString &qtMessage, const QString &endpoint);

} // namespace earmark::llm
