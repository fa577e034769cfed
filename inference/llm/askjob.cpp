#include "inference/llm/askjob.h"

#include "inference/llm/chatclient.h"

#include <QFileInfo>
#include <QMutexLocker>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace earmark::llm {

ClipCache::ClipCache(int capacity)
    : m_capacity(std::max(1, capacity))
{}

std::shared_ptr<const VideoClip> ClipCache::find(const QString &key) const
{
    QMutexLocker lock(&m_mutex);
    for (const auto &[k, clip] : m_entries) {
        if (k == key)
            return clip;
    }
    return nullptr;
}

void ClipCache::insert(const QString &key, std::shared_ptr<const VideoClip> clip)
{
    QMutexLocker lock(&m_mutex);
    m_entries.removeIf([&](const auto &entry) { return entry.first == key; });
    m_entries.prepend({key, std::move(clip)});
    while (m_entries.size() > m_capacity)
        m_entries.removeLast();
}

void ClipCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_entries.clear();
}

QString ClipCache::keyFor(const ClipSource &source,
                          const std::optional<ClipRange> &range,
                          const LlmSettings &settings)
{
    const QFileInfo info(source.path);
    return QStringLiteral("%1|%2|%3|%4-%5|%6|%7|%8|%9|%10|%11")
        .arg(info.absoluteFilePath())
        .arg(info.lastModified().toMSecsSinceEpoch())
        .arg(info.size())
        .arg(range ? range->start.microseconds() : -1)
        .arg(range ? range->end.microseconds() : -1)
        .arg(settings.framesPerSecond)
        .arg(settings.maxFrames)
        .arg(settings.frameMaxSide)
        .arg(settings.jpegQuality)
        .arg(int(settings.sendFrames))
        .arg(int(settings.sendAudio));
}

AskJob::AskJob(ChatClient *client, AskInput input, std::shared_ptr<ClipCache> cache, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_input(std::move(input))
    , m_cache(std::move(cache))
{}

AskJob::~AskJob()
{
    m_cancel.cancel();
    if (m_watcher)
        m_watcher->disconnect(this);
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->deleteLater();
    }
}

void AskJob::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    Q_EMIT stageChanged(stage);
}

void AskJob::start()
{
    if (m_stage != Stage::Idle)
        return;
    if (const Status valid = m_input.settings.validate(); !valid) {
        setStage(Stage::Preparing);
        // Never from within start(): callers may still be setting up.
        const ChatError error{ChatError::Kind::Settings,
                              QStringLiteral("The chat settings are incomplete: %1. Open "
                                             "Preferences › Chat.")
                                  .arg(valid.errorString())};
        QMetaObject::invokeMethod(
            this, [this, error] { finish(Outcome::Failed, error); }, Qt::QueuedConnection);
        return;
    }
    setStage(Stage::Preparing);

    m_watcher = new QFutureWatcher<Prepared>(this);
    connect(m_watcher, &QFutureWatcher<Prepared>::finished, this, &AskJob::onPrepared);
    connect(m_watcher, &QFutureWatcher<Prepared>::progressValueChanged, this, [this](int value) {
        Q_EMIT progress(value / 1000.0, m_watcher->progressText());
    });

    const AskInput input = m_input;
    const CancellationToken cancel = m_cancel;
    const std::shared_ptr<ClipCache> cache = m_cache;
    m_watcher->setFuture(QtConcurrent::run([input, cancel, cache](QPromise<Prepared> &promise) {
        promise.setProgressRange(0, 1000);
        Prepared prepared;
        const QString key = ClipCache::keyFor(input.source, input.range, input.settings);
        std::shared_ptr<const VideoClip> clip = cache ? cache->find(key) : nullptr;
        if (!clip) {
            auto made = prepareVideoClip(input.source,
                                         input.range,
                                         input.settings,
                                         cancel,
                                         [&promise](double fraction, const QString &stage) {
                                             promise.setProgressValueAndText(int(fraction * 990),
                                                                             stage);
                                         });
            if (!made) {
                prepared.error = ChatError{ChatError::Kind::Media, made.errorString()};
                promise.addResult(std::move(prepared));
                return;
            }
            clip = std::make_shared<const VideoClip>(std::move(*made));
            if (cache)
                cache->insert(key, clip);
        }
        if (cancel.isCancelled())
            return;
        ChatRequest request;
        request.model = input.settings.model.trimmed();
        PromptContext context = input.context;
        if (context.videoDuration <= Time())
            context.videoDuration = clip->videoDuration;
        request.systemPrompt = systemPrompt(context);
        request.history = input.history;
        request.question = input.question;
        request.clip = clip;
        request.maxTokens = input.settings.maxAnswerTokens;
        prepared.body = chatRequestBody(request);
        promise.setProgressValueAndText(1000, QStringLiteral("Sending"));
        promise.addResult(std::move(prepared));
    }));
}

void AskJob::onPrepared()
{
    if (m_outcome != Outcome::Running)
        return;
    if (m_watcher->future().resultCount() == 0) {
        finish(Outcome::Stopped);
        return;
    }
    Prepared prepared = m_watcher->future().result();
    if (prepared.error) {
        finish(Outcome::Failed, prepared.error);
        return;
    }
    m_requestBytes = prepared.body.size();
    setStage(Stage::Waiting);
    m_reply = m_client->send(m_input.settings, prepared.body);
    connect(m_reply, &ChatReply::answerStarted, this, [this] { setStage(Stage::Streaming); });
    connect(m_reply, &ChatReply::textArrived, this, [this](const QString &piece) {
        setStage(Stage::Streaming);
        m_text += piece;
        Q_EMIT textArrived(piece);
    });
    connect(m_reply, &ChatReply::finished, this, &AskJob::onReplyFinished);
}

void AskJob::onReplyFinished()
{
    ChatReply *reply = m_reply;
    if (!reply)
        return;
    m_text = reply->text();
    switch (reply->outcome()) {
    case ChatReply::Outcome::Complete:
        finish(Outcome::Complete);
        break;
    case ChatReply::Outcome::Stopped:
        finish(Outcome::Stopped);
        break;
    default:
        finish(Outcome::Failed, reply->error());
        break;
    }
    reply->deleteLater();
}

void AskJob::stop()
{
    if (m_outcome != Outcome::Running || m_stage == Stage::Idle)
        return;
    m_cancel.cancel();
    if (m_reply && m_reply->isRunning()) {
        m_reply->stop(); // finished() -> onReplyFinished()
        return;
    }
    finish(Outcome::Stopped);
}

void AskJob::finish(Outcome outcome, std::optional<ChatError> error)
{
    if (m_outcome != Outcome::Running)
        return;
    m_outcome = outcome;
    m_error = std::move(error);
    if (m_watcher)
        m_watcher->disconnect(this);
    setStage(Stage::Done);
    Q_EMIT finished();
}

} // namespace earmark::llm
