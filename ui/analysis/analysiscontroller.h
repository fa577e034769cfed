#pragma once

#include "core/annotation/video.h"
#include "core/base/time.h"
#include "inference/engine.h"
#include "inference/pack.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace earmark::ui {

class LibraryController;

// The GUI's side of the inference engine: starts analyses of library videos with a model pack,
// follows their progress, cancels them, and says when their proposals are in the library.
// The engine works on its own thread; its reports arrive here as queued calls, so every signal is
// emitted on the GUI thread. GUI thread only.
class AnalysisController : public QObject
{
    Q_OBJECT

public:
    enum class State { Queued, Running, Done, Failed, Cancelled };

    struct Job
    {
        quint64 id = 0; // the engine's request id
        annotation::VideoId videoId = 0;
        QString title;
        QString pack; // "id@version"
        Time start;
        Time end; // 0: to the end
        State state = State::Queued;
        double fraction = 0;
        QString stage;
        QString message; // Done: what was found; Failed: the error
    };

    AnalysisController(std::unique_ptr<inference::Engine> engine,
                       LibraryController *library,
                       QObject *parent = nullptr);
    // Cancels what is running and waits for the engine to stop.
    ~AnalysisController() override;

    inference::PackRegistry &packs() { return m_packs; }
    QString deviceName() const { return m_engine->deviceName(); }

    // Queues an analysis of `video` (of [start, end) when end > start) with `pack` (the active
    // pack when empty; errorOccurred when there is none). Returns the job id, 0 on error.
    quint64 analyze(const annotation::Video &video,
                    const QString &packFolder = QString(),
                    const QStringList &tasks = {},
                    Time start = {},
                    Time end = {});
    void cancel(quint64 id);
    void cancelAll();
    // Finished jobs leave the list.
    void clearFinished();

    QList<Job> jobs() const { return m_jobs; }
    const Job *job(quint64 id) const;
    int activeCount() const;

Q_SIGNALS:
    void jobAdded(quint64 id);
    void jobChanged(quint64 id);
    // The job ended (done, failed or cancelled).
    void jobFinished(quint64 id);
    // New model runs of `video` are in the library.
    void proposalsStored(earmark::annotation::VideoId video);
    void errorOccurred(const QString &message);

private:
    Job *findJob(quint64 id);
    void onProgress(quint64 id, double fraction, const QString &stage);
    void onFinished(quint64 id, const Result<inference::AnalysisResult> &result);

    std::unique_ptr<inference::Engine> m_engine;
    LibraryController *m_library;
    inference::PackRegistry m_packs;
    QList<Job> m_jobs;
};

} // namespace earmark::ui
