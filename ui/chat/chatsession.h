#pragma once

#include "core/annotation/video.h"
#include "core/base/serialexecutor.h"
#include "core/storage/chatrepository.h"
#include "core/storage/database.h"
#include "inference/llm/askjob.h"
#include "inference/llm/llmsettings.h"
#include "inference/llm/prompt.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

namespace earmark::llm {
class ChatClient;
}

namespace earmark::ui {

// The conversation about one video: its history from the library, the question being answered
// and the answer streaming in. Questions are stored before they are sent and answers when they
// end (complete, stopped or failed, with what had arrived), so nothing is lost when the server,
// the network or the application goes away. Storage runs on the library's storage thread, the
// clip preparation on a worker, the answer streams on the GUI thread without blocking it.
//
// GUI thread only. Store failures arrive as errorOccurred().
class ChatSession : public QObject
{
    Q_OBJECT

public:
    using Message = storage::ChatMessage;
    // Called on the GUI thread when a question is sent: the annotations to give as context.
    using AnnotationSource = std::function<QList<llm::ContextAnnotation>()>;

    ChatSession(const annotation::Video &video,
                std::shared_ptr<storage::Database> db,
                SerialExecutor *storageThread,
                llm::ChatClient *client,
                std::shared_ptr<llm::ClipCache> clips,
                QObject *parent = nullptr);
    ~ChatSession() override;

    const annotation::Video &video() const { return m_video; }
    bool isLoaded() const { return m_loaded; }
    // The stored messages, oldest first. While an answer streams it is not among them.
    const QList<Message> &messages() const { return m_messages; }

    bool isBusy() const { return m_job != nullptr; }
    // The question being answered and what has arrived of its answer.
    std::optional<Message> pendingQuestion() const { return m_pendingQuestion; }
    QString streamingText() const { return m_streaming; }
    llm::AskJob::Stage stage() const;

    // The text typed but not sent yet; kept per video while the application runs.
    QString draft() const { return m_draft; }
    void setDraft(const QString &text) { m_draft = text; }

    void setAnnotationSource(AnnotationSource source) { m_annotations = std::move(source); }

    // Reads the history from the library; loaded() follows.
    void load();
    // Asks a question about the whole video or `range`. Ignored while busy or when empty;
    // returns whether it was taken.
    bool ask(const QString &question,
             const std::optional<Message::Range> &range,
             const llm::LlmSettings &settings);
    // Asks the question of a failed or stopped answer again; the old answer is replaced.
    bool retry(storage::ChatMessageId answerId, const llm::LlmSettings &settings);
    // Stops the answer; what arrived is kept as a stopped answer.
    void stop();
    // Removes the whole conversation from the library.
    void clear();

    // How many earlier complete turns go with a question as context.
    static constexpr int kHistoryTurns = 10;

Q_SIGNALS:
    void loaded();
    void messagesChanged();
    void busyChanged(bool busy);
    void stageChanged(earmark::llm::AskJob::Stage stage);
    void progress(double fraction, const QString &stage);
    void textArrived(const QString &piece);
    // An answer ended and was stored; `message` is the stored assistant message (id 0 if it
    // could not be stored).
    void answerFinished(const earmark::storage::ChatMessage &message);
    void errorOccurred(const QString &message);

private:
    void start(const Message &question, const llm::LlmSettings &settings);
    void onJobFinished();
    QList<llm::ChatTurn> historyBefore(qsizetype questionIndex) const;

    annotation::Video m_video;
    std::shared_ptr<storage::Database> m_db;
    SerialExecutor *m_storage;
    llm::ChatClient *m_client;
    std::shared_ptr<llm::ClipCache> m_clips;
    AnnotationSource m_annotations;

    bool m_loaded = false;
    QList<Message> m_messages;
    QString m_draft;

    llm::AskJob *m_job = nullptr;
    std::optional<Message> m_pendingQuestion;
    QString m_pendingModel;
    QString m_streaming;
};

} // namespace earmark::ui
