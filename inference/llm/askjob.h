#pragma once

#include "core/base/cancellation.h"
#include "inference/llm/chatprotocol.h"
#include "inference/llm/llmsettings.h"
#include "inference/llm/prompt.h"
#include "inference/llm/videoclip.h"

#include <QFutureWatcher>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace earmark::llm {

class ChatClient;
class ChatReply;

// Prepared clips kept for the next question about the same part of the same video, so a
// follow-up does not decode again. Thread-safe.
class ClipCache
{
public:
    explicit ClipCache(int capacity = 2);

    std::shared_ptr<const VideoClip> find(const QString &key) const;
    void insert(const QString &key, std::shared_ptr<const VideoClip> clip);
    void clear();

    // What identifies a clip: the file (and its modification time), the range and the settings
    // that shape frames and audio.
    static QString keyFor(const ClipSource &source,
                          const std::optional<ClipRange> &range,
                          const LlmSettings &settings);

private:
    mutable QMutex m_mutex;
    int m_capacity;
    QList<std::pair<QString, std::shared_ptr<const VideoClip>>> m_entries; // most recent first
};

// Everything one question needs.
struct AskInput
{
    ClipSource source;
    std::optional<ClipRange> range; // a selection; absent: the whole video
    QString question;
    QList<ChatTurn> history; // earlier complete turns about this video, oldest first
    PromptContext context;   // title, duration and annotations for the system message
    LlmSettings settings;
};

// One question, from the video's media to the streamed answer: the clip is prepared (decoded,
// scaled, JPEG- and WAV-encoded, put into the request body) on a worker thread, then the body is
// sent and the answer streamed by `client` on the caller's thread. Signals come on the thread
// that owns the job (the GUI thread in the application), which never waits.
//
// finished() comes exactly once, after start() has returned (never from within it); then
// outcome(), text() and error() are final.
// stop() ends the job at any stage. Deleting the job abandons it (the worker notices and stops).
class AskJob : public QObject
{
    Q_OBJECT

public:
    enum class Stage { Idle, Preparing, Waiting, Streaming, Done };
    enum class Outcome { Running, Complete, Stopped, Failed };

    AskJob(ChatClient *client,
           AskInput input,
           std::shared_ptr<ClipCache> cache = {},
           QObject *parent = nullptr);
    ~AskJob() override;

    void start();
    void stop();

    Stage stage() const { return m_stage; }
    Outcome outcome() const { return m_outcome; }
    QString text() const { return m_text; }
    std::optional<ChatError> error() const { return m_error; }
    const AskInput &input() const { return m_input; }
    // The size of the request body, once prepared.
    qint64 requestBytes() const { return m_requestBytes; }

Q_SIGNALS:
    // Preparing the clip: `fraction` in [0, 1] and what is being done, for a progress display.
    void progress(double fraction, const QString &stage);
    void stageChanged(earmark::llm::AskJob::Stage stage);
    void textArrived(const QString &piece);
    void finished();

private:
    struct Prepared
    {
        QByteArray body;
        std::optional<ChatError> error;
    };

    void onPrepared();
    void onReplyFinished();
    void setStage(Stage stage);
    void finish(Outcome outcome, std::optional<ChatError> error = std::nullopt);

    ChatClient *m_client;
    AskInput m_input;
    std::shared_ptr<ClipCache> m_cache;
    CancellationToken m_cancel;
    QFutureWatcher<Prepared> *m_watcher = nullptr;
    QPointer<ChatReply> m_reply;
    Stage m_stage = Stage::Idle;
    Outcome m_outcome = Outcome::Running;
    QString m_text;
    std::optional<ChatError> m_error;
    qint64 m_requestBytes = 0;
};

} // namespace earmark::llm
