#include "ui/chat/chatsession.h"

#include "core/base/log.h"
#include "inference/llm/chatclient.h"

namespace earmark::ui {

using storage::ChatMessage;
using storage::ChatRepository;

namespace {

bool sameMessage(const ChatMessage &a, const ChatMessage &b)
{
    return a.role == b.role && a.created == b.created && a.videoId == b.videoId;
}

} // namespace

ChatSession::ChatSession(const annotation::Video &video,
                         std::shared_ptr<storage::Database> db,
                         SerialExecutor *storageThread,
                         llm::ChatClient *client,
                         std::shared_ptr<llm::ClipCache> clips,
                         QObject *parent)
    : QObject(parent)
    , m_video(video)
    , m_db(std::move(db))
    , m_storage(storageThread)
    , m_client(client)
    , m_clips(std::move(clips))
{}

ChatSession::~ChatSession()
{
    if (m_job) {
        m_job->disconnect(this);
        delete m_job;
    }
}

llm::AskJob::Stage ChatSession::stage() const
{
    return m_job ? m_job->stage() : llm::AskJob::Stage::Idle;
}

void ChatSession::load()
{
    auto db = m_db;
    const annotation::VideoId id = m_video.id;
    m_storage->call([db, id] { return ChatRepository(db).forVideo(id); },
                    this,
                    [this](Result<QList<ChatMessage>> result) {
                        if (!result) {
                            Q_EMIT errorOccurred(
                                tr("Cannot read the conversation: %1").arg(result.errorString()));
                            m_loaded = true;
                            Q_EMIT loaded();
                            return;
                        }
                        m_messages = std::move(*result);
                        m_loaded = true;
                        Q_EMIT loaded();
                        Q_EMIT messagesChanged();
                    });
}

bool ChatSession::ask(const QString &question,
                      const std::optional<ChatMessage::Range> &range,
                      const llm::LlmSettings &settings)
{
    const QString text = question.trimmed();
    if (m_job || text.isEmpty())
        return false;
    ChatMessage message;
    message.videoId = m_video.id;
    message.role = ChatMessage::Role::User;
    message.content = text;
    message.range = range;
    message.created = QDateTime::currentDateTimeUtc();
    m_messages.append(message);

    auto db = m_db;
    m_storage->call([db, message] { return ChatRepository(db).add(message); },
                    this,
                    [this, message](Result<ChatMessage> stored) {
                        if (!stored) {
                            Q_EMIT errorOccurred(
                                tr("The question could not be saved: %1").arg(stored.errorString()));
                            return;
                        }
                        for (ChatMessage &m : m_messages) {
                            if (sameMessage(m, message))
                                m.id = stored->id;
                        }
                        Q_EMIT messagesChanged(); // links name messages by id
                    });
    Q_EMIT messagesChanged();
    start(message, settings);
    return true;
}

bool ChatSession::retry(storage::ChatMessageId answerId, const llm::LlmSettings &settings)
{
    if (m_job)
        return false;
    qsizetype at = -1;
    for (qsizetype i = 0; i < m_messages.size(); ++i) {
        if (m_messages[i].id == answerId && m_messages[i].role == ChatMessage::Role::Assistant)
            at = i;
    }
    if (at < 0 && answerId == 0 && !m_messages.isEmpty()
        && m_messages.last().role == ChatMessage::Role::Assistant)
        at = m_messages.size() - 1; // an answer whose storing has not finished yet
    if (at < 0)
        return false;
    qsizetype questionAt = at - 1;
    while (questionAt >= 0 && m_messages[questionAt].role != ChatMessage::Role::User)
        --questionAt;
    if (questionAt < 0)
        return false;
    const ChatMessage question = m_messages[questionAt];

    if (at != m_messages.size() - 1) {
        // Later messages follow: ask again at the end, where the new answer will be.
        return ask(question.content, question.range, settings);
    }
    const ChatMessage answer = m_messages.takeAt(at);
    if (answer.id > 0) {
        auto db = m_db;
        const storage::ChatMessageId id = answer.id;
        m_storage->call([db, id] { return ChatRepository(db).remove(id); },
                        this,
                        [this](Status removed) {
                            if (!removed)
                                Q_EMIT errorOccurred(tr("The old answer could not be removed: %1")
                                                         .arg(removed.errorString()));
                        });
    }
    Q_EMIT messagesChanged();
    start(question, settings);
    return true;
}

QList<llm::ChatTurn> ChatSession::historyBefore(qsizetype questionIndex) const
{
    // The complete question-answer pairs before the question, the latest kHistoryTurns of them.
    QList<llm::ChatTurn> turns;
    for (qsizetype i = 0; i + 1 < questionIndex; ++i) {
        const ChatMessage &q = m_messages[i];
        const ChatMessage &a = m_messages[i + 1];
        if (q.role == ChatMessage::Role::User && a.role == ChatMessage::Role::Assistant
            && a.status == ChatMessage::Status::Complete && !a.content.isEmpty()) {
            turns.append({llm::ChatTurn::Role::User, q.content});
            turns.append({llm::ChatTurn::Role::Assistant, a.content});
        }
    }
    while (turns.size() > 2 * kHistoryTurns)
        turns.remove(0, 2);
    return turns;
}

void ChatSession::start(const ChatMessage &question, const llm::LlmSettings &settings)
{
    llm::AskInput input;
    input.source.path = m_video.path;
    input.source.duration = m_video.duration;
    if (question.range)
        input.range = llm::ClipRange{question.range->start, question.range->end};
    input.question = question.content;
    qsizetype questionIndex = m_messages.size();
    for (qsizetype i = 0; i < m_messages.size(); ++i) {
        if (sameMessage(m_messages[i], question))
            questionIndex = i;
    }
    input.history = historyBefore(questionIndex);
    input.context.videoTitle = m_video.title;
    input.context.videoDuration = m_video.duration;
    if (question.range)
        input.context.range = std::make_pair(question.range->start, question.range->end);
    if (m_annotations)
        input.context.annotations = m_annotations();
    input.settings = settings;

    m_pendingQuestion = question;
    m_pendingModel = settings.model.trimmed();
    m_streaming.clear();
    m_job = new llm::AskJob(m_client, std::move(input), m_clips, this);
    connect(m_job, &llm::AskJob::textArrived, this, [this](const QString &piece) {
        m_streaming += piece;
        Q_EMIT textArrived(piece);
    });
    connect(m_job, &llm::AskJob::stageChanged, this, &ChatSession::stageChanged);
    connect(m_job, &llm::AskJob::progress, this, &ChatSession::progress);
    connect(m_job, &llm::AskJob::finished, this, &ChatSession::onJobFinished);
    Q_EMIT busyChanged(true);
    m_job->start();
}

void ChatSession::stop()
{
    if (m_job)
        m_job->stop();
}

void ChatSession::onJobFinished()
{
    llm::AskJob *job = m_job;
    m_job = nullptr;
    ChatMessage answer;
    answer.videoId = m_video.id;
    answer.role = ChatMessage::Role::Assistant;
    answer.content = job->text();
    answer.range = m_pendingQuestion ? m_pendingQuestion->range : std::nullopt;
    answer.model = m_pendingModel;
    answer.created = QDateTime::currentDateTimeUtc();
    switch (job->outcome()) {
    case llm::AskJob::Outcome::Complete:
        answer.status = ChatMessage::Status::Complete;
        break;
    case llm::AskJob::Outcome::Stopped:
        answer.status = ChatMessage::Status::Stopped;
        break;
    default:
        answer.status = ChatMessage::Status::Error;
        answer.error = job->error() ? job->error()->message : tr("The question failed.");
        break;
    }
    job->deleteLater();
    m_pendingQuestion.reset();
    m_streaming.clear();
    m_messages.append(answer);

    auto db = m_db;
    m_storage->call([db, answer] { return ChatRepository(db).add(answer); },
                    this,
                    [this, answer](Result<ChatMessage> stored) {
                        if (!stored) {
                            Q_EMIT errorOccurred(
                                tr("The answer could not be saved: %1").arg(stored.errorString()));
                            Q_EMIT answerFinished(answer);
                            return;
                        }
                        for (ChatMessage &m : m_messages) {
                            if (sameMessage(m, answer))
                                m.id = stored->id;
                        }
                        Q_EMIT messagesChanged(); // links name messages by id
                        Q_EMIT answerFinished(*stored);
                    });
    Q_EMIT messagesChanged();
    Q_EMIT busyChanged(false);
}

void ChatSession::clear()
{
    stop();
    m_messages.clear();
    auto db = m_db;
    const annotation::VideoId id = m_video.id;
    m_storage->call([db, id] { return ChatRepository(db).clear(id); },
                    this,
                    [this](Status cleared) {
                        if (!cleared)
                            Q_EMIT errorOccurred(tr("The conversation could not be cleared: %1")
                                                     .arg(cleared.errorString()));
                    });
    Q_EMIT messagesChanged();
}

} // namespace earmark::ui
