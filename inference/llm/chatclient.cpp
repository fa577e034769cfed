#include "inference/llm/chatclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace earmark::llm {

namespace {

// Error bodies and whole (non-streamed) answers are kept up to this size.
constexpr qsizetype kMaxBody = 16 * 1024 * 1024;

QNetworkRequest makeRequest(const QUrl &url, const LlmSettings &settings)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Earmark"));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    const QString key = settings.effectiveApiKey();
    if (!key.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + key.toUtf8());
    return request;
}

} // namespace

ChatError connectionError(int networkError, const QString &qtMessage, const QString &endpoint)
{
    const QString where = displayEndpoint(endpoint);
    switch (QNetworkReply::NetworkError(networkError)) {
    case QNetworkReply::ConnectionRefusedError:
        return {ChatError::Kind::CannotConnect,
                QStringLiteral("Cannot reach the chat server at %1: nothing is listening there. "
                               "Start the server, or check the endpoint in Preferences › Chat.")
                    .arg(where)};
    case QNetworkReply::HostNotFoundError:
        return {ChatError::Kind::CannotConnect,
                QStringLiteral("Cannot reach the chat server at %1: the host name \"%2\" is "
                               "unknown. Check the endpoint in Preferences › Chat.")
                    .arg(where, QUrl(endpoint.trimmed()).host())};
    case QNetworkReply::RemoteHostClosedError:
        return {ChatError::Kind::CannotConnect,
                QStringLiteral("The chat server at %1 closed the connection without answering. "
                               "Check that the endpoint is an OpenAI-compatible server, and look "
                               "at the server's log.")
                    .arg(where)};
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        return {ChatError::Kind::CannotConnect,
                QStringLiteral("Cannot set up a secure connection to the chat server at %1 (%2). "
                               "Check the endpoint in Preferences › Chat.")
                    .arg(where, qtMessage)};
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::UnknownNetworkError:
        return {ChatError::Kind::CannotConnect,
                QStringLiteral("Cannot reach the chat server at %1: the network is not available "
                               "(%2).")
                    .arg(where, qtMessage)};
    default:
        return {ChatError::Kind::CannotConnect,
                QStringLiteral("Cannot talk to the chat server at %1 (%2).").arg(where, qtMessage)};
    }
}

ChatReply::ChatReply(QNetworkReply *reply, const LlmSettings &settings, QObject *parent)
    : QObject(parent)
    , m_reply(reply)
    , m_watchdog(new QTimer(this))
    , m_endpoint(settings.endpoint)
    , m_model(settings.model)
    , m_timeoutSeconds(settings.timeoutSeconds)
    , m_maxTokens(settings.maxAnswerTokens)
{
    reply->setParent(this);
    m_watchdog->setSingleShot(true);
    m_watchdog->setInterval(std::chrono::seconds(m_timeoutSeconds));
    connect(m_watchdog, &QTimer::timeout, this, &ChatReply::onTimeout);
    connect(reply, &QNetworkReply::metaDataChanged, this, &ChatReply::onMetaData);
    connect(reply, &QNetworkReply::readyRead, this, &ChatReply::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &ChatReply::onFinished);
    // Sending a large question counts as activity: the limit is on silence, not on size.
    connect(reply, &QNetworkReply::uploadProgress, m_watchdog, [this] { m_watchdog->start(); });
    m_watchdog->start();
}

ChatReply::~ChatReply()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void ChatReply::stop()
{
    if (m_outcome != Outcome::Running)
        return;
    m_stopping = true;
    if (m_reply)
        m_reply->abort(); // finished() follows synchronously
    if (m_outcome == Outcome::Running)
        finish(Outcome::Stopped);
}

void ChatReply::onMetaData()
{
    m_watchdog->start();
    m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray type = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    m_eventStream = type.trimmed().toLower().startsWith("text/event-stream");
}

void ChatReply::onReadyRead()
{
    m_watchdog->start();
    if (!m_receivedAny) {
        m_receivedAny = true;
        if (m_status > 0 && m_status < 400)
            Q_EMIT answerStarted();
    }
    const QByteArray bytes = m_reply->readAll();
    if (m_status >= 400 || !m_eventStream) {
        if (m_body.size() < kMaxBody)
            m_body += bytes;
        return;
    }
    m_parser.feed(bytes);
    handleEvents();
}

void ChatReply::handleEvents()
{
    const QList<SseEvent> events = m_parser.takeEvents();
    for (const SseEvent &event : events) {
        if (m_outcome != Outcome::Running)
            return;
        if (event.data.trimmed() == "[DONE]") {
            m_sawDone = true;
            continue;
        }
        auto chunk = parseStreamData(event.data);
        if (!chunk) {
            finish(Outcome::Failed,
                   ChatError{ChatError::Kind::BadResponse,
                             QStringLiteral("The chat server at %1 sent something that is not an "
                                            "OpenAI-compatible answer: %2")
                                 .arg(displayEndpoint(m_endpoint), chunk.errorString())});
            return;
        }
        if (!chunk->errorMessage.isEmpty()) {
            finish(Outcome::Failed,
                   ChatError{ChatError::Kind::ServerError,
                             QStringLiteral("The chat server failed while answering. The server "
                                            "said: \"%1\" Try again; if it keeps failing, look at "
                                            "the server's log.")
                                 .arg(chunk->errorMessage)});
            return;
        }
        if (!chunk->content.isEmpty()) {
            m_text += chunk->content;
            Q_EMIT textArrived(chunk->content);
        }
        if (!chunk->finishReason.isEmpty())
            m_finishReason = chunk->finishReason;
    }
}

void ChatReply::onTimeout()
{
    if (m_outcome != Outcome::Running)
        return;
    m_timedOut = true;
    if (m_reply)
        m_reply->abort();
    if (m_outcome == Outcome::Running)
        onFinished();
}

ChatError ChatReply::networkError() const
{
    return connectionError(int(m_reply->error()), m_reply->errorString(), m_endpoint);
}

void ChatReply::onFinished()
{
    if (m_outcome != Outcome::Running)
        return;
    m_watchdog->stop();
    if (m_stopping) {
        finish(Outcome::Stopped);
        return;
    }
    if (m_reply && m_status == 0)
        m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_reply && m_reply->bytesAvailable() > 0)
        onReadyRead();
    if (m_outcome != Outcome::Running)
        return;

    if (m_timedOut) {
        const QString where = displayEndpoint(m_endpoint);
        const QString message
            = m_receivedAny
                  ? QStringLiteral("The chat server at %1 stopped sending the answer: nothing "
                                   "arrived for %2 s. Try again; if the server is busy, raise the "
                                   "time limit in Preferences › Chat.")
                  : QStringLiteral("The chat server at %1 did not answer within %2 s. It may be "
                                   "busy or still loading the model: try again, or raise the time "
                                   "limit in Preferences › Chat.");
        finish(Outcome::Failed,
               ChatError{ChatError::Kind::Timeout, message.arg(where).arg(m_timeoutSeconds)});
        return;
    }
    if (m_status >= 400) {
        finish(Outcome::Failed, errorForHttpStatus(m_status, m_body, m_endpoint, m_model));
        return;
    }
    if (m_status == 0) {
        finish(Outcome::Failed, networkError());
        return;
    }

    if (!m_eventStream) {
        // A server that ignored "stream": a whole completion in one JSON body.
        auto whole = parseStreamData(m_body);
        if (!whole || m_body.isEmpty()) {
            finish(Outcome::Failed,
                   ChatError{ChatError::Kind::BadResponse,
                             QStringLiteral("The chat server at %1 answered with something that "
                                            "is not an OpenAI-compatible answer (HTTP %2, %3). "
                                            "Check the endpoint in Preferences › Chat.")
                                 .arg(displayEndpoint(m_endpoint))
                                 .arg(m_status)
                                 .arg(m_body.isEmpty() ? QStringLiteral("empty")
                                                       : whole.errorString())});
            return;
        }
        if (!whole->errorMessage.isEmpty()) {
            finish(Outcome::Failed,
                   ChatError{ChatError::Kind::ServerError,
                             QStringLiteral("The chat server failed while answering. The server "
                                            "said: \"%1\"")
                                 .arg(whole->errorMessage)});
            return;
        }
        m_text = whole->content;
        if (!m_text.isEmpty())
            Q_EMIT textArrived(m_text);
        m_finishReason = whole->finishReason;
        m_sawDone = true;
    } else if (!m_sawDone && m_finishReason.isEmpty()) {
        // Tolerate a last event the server did not close with a blank line.
        m_parser.feed("\n\n");
        handleEvents();
        if (m_outcome != Outcome::Running)
            return;
    }

    if (m_finishReason == QLatin1String("length")) {
        const QString limit = m_maxTokens > 0 ? QStringLiteral(" of %1 tokens").arg(m_maxTokens)
                                              : QString();
        finish(Outcome::Failed,
               ChatError{ChatError::Kind::TooLong,
                         QStringLiteral("The answer was cut off: it reached the length limit%1. "
                                        "Ask for a shorter answer, or raise \"Longest answer\" in "
                                        "Preferences › Chat.")
                             .arg(limit)});
        return;
    }
    if (!m_sawDone && m_finishReason.isEmpty()) {
        const bool networkFailure = m_reply && m_reply->error() != QNetworkReply::NoError;
        finish(Outcome::Failed,
               ChatError{ChatError::Kind::StreamCut,
                         QStringLiteral("The answer was cut off: the connection to the chat "
                                        "server closed before it was complete%1. Try again.")
                             .arg(networkFailure
                                      ? QStringLiteral(" (%1)").arg(m_reply->errorString())
                                      : QString())});
        return;
    }
    finish(Outcome::Complete);
}

void ChatReply::finish(Outcome outcome, std::optional<ChatError> error)
{
    if (m_outcome != Outcome::Running)
        return;
    m_watchdog->stop();
    m_outcome = outcome;
    m_error = std::move(error);
    if (m_reply) {
        m_reply->disconnect(this);
        if (m_reply->isRunning())
            m_reply->abort();
    }
    Q_EMIT finished();
}

ChatClient::ChatClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    // Never follow a redirect to another host with the API key.
    m_network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

ChatClient::~ChatClient() = default;

ChatReply *ChatClient::send(const LlmSettings &settings, const QByteArray &body)
{
    QNetworkRequest request = makeRequest(settings.chatCompletionsUrl(), settings);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("text/event-stream"));
    QNetworkReply *reply = m_network->post(request, body);
    return new ChatReply(reply, settings, this);
}

void ChatClient::fetchModels(const LlmSettings &settings,
                             QObject *context,
                             std::function<void(Result<QStringList>)> done)
{
    QNetworkRequest request = makeRequest(settings.modelsUrl(), settings);
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    request.setTransferTimeout(settings.timeoutSeconds * 1000);
    QNetworkReply *reply = m_network->get(request);
    const QString endpoint = settings.endpoint;
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this, [reply, endpoint, guard, done] {
        reply->deleteLater();
        if (!guard)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        const QString where = displayEndpoint(endpoint);
        if (reply->error() == QNetworkReply::OperationCanceledError && status == 0) {
            done(Error(QStringLiteral("The chat server at %1 did not answer in time.").arg(where)));
            return;
        }
        if (status == 0) {
            done(Error(
                connectionError(int(reply->error()), reply->errorString(), endpoint).message));
            return;
        }
        if (status == 401 || status == 403) {
            done(Error(QStringLiteral("The chat server at %1 refused the API key (HTTP %2).")
                           .arg(where)
                           .arg(status)));
            return;
        }
        if (status >= 400) {
            done(Error(QStringLiteral("The chat server at %1 does not list its models (HTTP %2: "
                                      "%3). Check that the endpoint ends in /v1.")
                           .arg(where)
                           .arg(status)
                           .arg(serverErrorMessage(body))));
            return;
        }
        const QJsonArray data
            = QJsonDocument::fromJson(body).object().value(QLatin1String("data")).toArray();
        QStringList models;
        for (const QJsonValue &m : data) {
            const QString id = m.toObject().value(QLatin1String("id")).toString();
            if (!id.isEmpty())
                models.append(id);
        }
        if (models.isEmpty()) {
            done(Error(QStringLiteral("The server at %1 answered, but lists no models: it may not "
                                      "be an OpenAI-compatible server.")
                           .arg(where)));
            return;
        }
        done(models);
    });
}

} // namespace earmark::llm
