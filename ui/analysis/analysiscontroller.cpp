#include "ui/analysis/analysiscontroller.h"

#include "ui/library/librarycontroller.h"

#include <QPointer>

namespace earmark::ui {

AnalysisController::AnalysisController(std::unique_ptr<inference::Engine> engine,
                                       LibraryController *library,
                                       QObject *parent)
    : QObject(parent)
    , m_engine(std::move(engine))
    , m_library(library)
{}

AnalysisController::~AnalysisController()
{
    m_engine->cancelAll();
    m_engine->waitForIdle();
}

quint64 AnalysisController::analyze(const annotation::Video &video,
                                    const QString &packFolder,
                                    const QStringList &tasks,
                                    Time start,
                                    Time end)
{
    auto pack = packFolder.isEmpty() ? m_packs.active() : m_packs.find(packFolder);
    if (!pack) {
        Q_EMIT errorOccurred(pack.errorString());
        return 0;
    }
    inference::AnalysisRequest request;
    request.mediaPath = video.path;
    request.pack = pack->folder;
    request.tasks = tasks;
    request.start = start;
    request.end = end > start ? end : Time();
    request.library = m_library->database();
    request.videoId = video.id;
    request.author = qEnvironmentVariable("USER", QStringLiteral("earmark"));

    // The engine reports on its worker thread: hop to this object's thread, and only while it
    // exists.
    QPointer<AnalysisController> self(this);
    inference::AnalysisCallbacks callbacks;
    callbacks.progress = [self](inference::RequestId id, double f, const QString &stage) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, id, f, stage] {
                if (self)
                    self->onProgress(id, f, stage);
            },
            Qt::QueuedConnection);
    };
    callbacks.finished = [self](inference::RequestId id,
                                const Result<inference::AnalysisResult> &r) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, id, r] {
                if (self)
                    self->onFinished(id, r);
            },
            Qt::QueuedConnection);
    };
    Job job;
    job.videoId = video.id;
    job.title = video.title.isEmpty() ? video.path : video.title;
    job.pack = QStringLiteral("%1@%2").arg(pack->manifest.id, pack->manifest.version);
    job.start = request.start;
    job.end = request.end;
    job.stage = tr("Waiting");
    // Registered before the engine can report on it.
    job.id = m_engine->submit(std::move(request), std::move(callbacks));
    m_jobs.append(job);
    Q_EMIT jobAdded(job.id);
    return job.id;
}

void AnalysisController::cancel(quint64 id)
{
    Job *job = findJob(id);
    if (!job || job->state == State::Done || job->state == State::Failed
        || job->state == State::Cancelled)
        return;
    m_engine->cancel(id);
    job->stage = tr("Cancelling…");
    Q_EMIT jobChanged(id);
}

void AnalysisController::cancelAll()
{
    for (const Job &j : std::as_const(m_jobs))
        cancel(j.id);
}

void AnalysisController::clearFinished()
{
    m_jobs.removeIf([](const Job &j) {
        return j.state == State::Done || j.state == State::Failed || j.state == State::Cancelled;
    });
}

const AnalysisController::Job *AnalysisController::job(quint64 id) const
{
    for (const Job &j : m_jobs) {
        if (j.id == id)
            return &j;
    }
    return nullptr;
}

AnalysisController::Job *AnalysisController::findJob(quint64 id)
{
    for (Job &j : m_jobs) {
        if (j.id == id)
            return &j;
    }
    return nullptr;
}

int AnalysisController::activeCount() const
{
    return int(std::count_if(m_jobs.begin(), m_jobs.end(), [](const Job &j) {
        return j.state == State::Queued || j.state == State::Running;
    }));
}

void AnalysisController::onProgress(quint64 id, double fraction, const QString &stage)
{
    Job *job = findJob(id);
    if (!job || (job->state != State::Queued && job->state != State::Running))
        return;
    job->state = State::Running;
    job->fraction = fraction;
    if (job->stage != tr("Cancelling…"))
        job->stage = stage;
    Q_EMIT jobChanged(id);
}

void AnalysisController::onFinished(quint64 id, const Result<inference::AnalysisResult> &r)
{
    Job *job = findJob(id);
    if (!job)
        return;
    if (r) {
        job->state = State::Done;
        job->fraction = 1;
        QStringList parts;
        for (const inference::TaskResult &t : r->tasks) {
            const bool masks = t.task == QLatin1String("avs");
            const int n = int(masks ? t.masks.size() : t.segments.size());
            parts << (masks ? (n == 1 ? tr("%1 %2 mask") : tr("%1 %2 masks"))
                            : (n == 1 ? tr("%1 %2 event") : tr("%1 %2 events")))
                         .arg(t.task.toUpper())
                         .arg(n);
        }
        job->message = parts.join(QStringLiteral(", "));
        job->stage = tr("Done in %1 s").arg(r->seconds, 0, 'f', 1);
    } else if (r.errorString().contains(QLatin1String("cancelled"))) {
        job->state = State::Cancelled;
        job->stage = tr("Cancelled");
    } else {
        job->state = State::Failed;
        job->message = r.errorString();
        job->stage = tr("Failed");
    }
    const annotation::VideoId video = job->videoId;
    const bool stored = r && r->stored;
    Q_EMIT jobChanged(id);
    Q_EMIT jobFinished(id);
    if (stored)
        Q_EMIT proposalsStored(video);
}

} // namespace earmark::ui
