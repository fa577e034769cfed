#include "ui/player/framefetcher.h"

#include "core/base/threadpriority.h"
#include "core/media/seekproxy.h"
#include "core/media/videoreader.h"

#include <QFile>
#include <QPointer>

#include <algorithm>
#include <cmath>

#include <condition_variable>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>

namespace earmark::ui {

// What the GUI asked for and the worker has not started yet. Guarded by Worker::mutex.
struct Pending
{
    bool reopen = false;
    QString path;
    quint64 generation = 0;
    QString proxyDir; // with reopen
    std::optional<Time> at;
    int steps = 0;
    quint64 sequence = 0; // of the latest request folded in

    bool empty() const { return !reopen && !at && steps == 0; }
};

struct FrameFetcher::Worker
{
    std::mutex mutex;
    std::condition_variable wake;
    Pending pending;
    bool quit = false;
    QSize displaySize{1280, 720};
    bool idleFill = true;
    // The job being decoded (cancelled by a newer seek) and the idle prefetch (cancelled by any
    // request). Guarded by mutex; the tokens themselves are thread-safe.
    CancellationToken jobCancel;
    CancellationToken idleCancel;
    std::thread thread;
    // A seek proxy the builder finished (for the file of `builtGeneration`), and whether the
    // worker is decoding the file's picture after answering from the proxy (any request then
    // cancels it: the proxy's answer stands).
    QString builtProxy;
    quint64 builtGeneration = 0;
    bool refining = false;

    // Worker thread only.
    std::unique_ptr<media::VideoReader> reader;
    quint64 openGeneration = 0;
    QSize naturalSize;      // the reader's pictures at full display size
    QSize appliedBox;       // the display size its output fits
    bool prefetched = true; // nothing left to fill around the playhead
    std::thread builder;    // makes the open file's seek proxy
    CancellationToken builderCancel;

    void run(QPointer<FrameFetcher> owner);
    void fitOutput(QSize box);
    void stopBuilder();
    void startProxy(QPointer<FrameFetcher> owner,
                    const QString &path,
                    const QString &proxyDir,
                    quint64 generation);
};

namespace {

QImage toImage(const media::VideoFrame &frame)
{
    QImage image(frame.width, frame.height, QImage::Format_RGB32);
    for (int y = 0; y < frame.height; ++y)
        std::memcpy(image.scanLine(y),
                    frame.pixels.data() + std::size_t(y) * frame.bytesPerLine,
                    std::size_t(frame.width) * 4);
    return image;
}

// Runs `fn` on the GUI thread, if the fetcher is still there.
template<typename Fn>
void post(const QPointer<FrameFetcher> &owner, Fn &&fn)
{
    if (owner)
        QMetaObject::invokeMethod(owner.data(), std::forward<Fn>(fn), Qt::QueuedConnection);
}

} // namespace

void FrameFetcher::Worker::stopBuilder()
{
    builderCancel.cancel();
    if (builder.joinable())
        builder.join();
}

void FrameFetcher::Worker::startProxy(QPointer<FrameFetcher> owner,
                                      const QString &path,
                                      const QString &proxyDir,
                                      quint64 generation)
{
    const QString file = media::seekProxyFile(proxyDir, path);
    if (QFile::exists(file)) {
        if (reader->attachProxy(file)) {
            media::markSeekProxyUsed(file);
            post(owner, [owner, generation] {
                if (owner && owner->m_openGeneration == generation) {
                    owner->m_hasProxy = true;
                    Q_EMIT owner->proxyReady();
                }
            });
            return;
        }
        QFile::remove(file); // stale: the video changed since
    }
    if (!media::seekProxyHelps(path))
        return;
    builderCancel = CancellationToken();
    builder = std::thread([this, owner, path, proxyDir, file, generation, cancel = builderCancel] {
        lowerCurrentThreadPriority();
        double shown = -1;
        const Status built = media::buildSeekProxy(path, file, {}, cancel, [&](double fraction) {
            if (fraction - shown < 0.01 && fraction < 1)
                return;
            shown = fraction;
            post(owner, [owner, generation, fraction] {
                if (owner && owner->m_openGeneration == generation)
                    Q_EMIT owner->proxyProgress(fraction);
            });
        });
        if (built) {
            media::trimSeekProxies(proxyDir, media::kSeekProxyCacheBytes, file);
            {
                std::unique_lock lock(mutex);
                builtProxy = file;
                builtGeneration = generation;
            }
            wake.notify_all();
        } else if (!cancel.isCancelled()) {
            const QString message = built.errorString();
            post(owner, [owner, generation, message] {
                if (owner && owner->m_openGeneration == generation)
                    Q_EMIT owner->proxyFailed(message);
            });
        }
    });
}

void FrameFetcher::Worker::fitOutput(QSize box)
{
    if (!reader || box == appliedBox || naturalSize.isEmpty())
        return;
    appliedBox = box;
    const double scale = std::min({1.0,
                                   double(std::max(1, box.width())) / naturalSize.width(),
                                   double(std::max(1, box.height())) / naturalSize.height()});
    reader->setOutputSize(std::max(1, int(std::lround(naturalSize.width() * scale))),
                          std::max(1, int(std::lround(naturalSize.height() * scale))));
}

void FrameFetcher::Worker::run(QPointer<FrameFetcher> owner)
{
    for (;;) {
        Pending job;
        CancellationToken cancel;
        QSize box;
        bool idle = false;
        {
            std::unique_lock lock(mutex);
            wake.wait(lock, [&] {
                return quit || !pending.empty() || (idleFill && reader && !prefetched)
                       || !builtProxy.isEmpty();
            });
            if (quit)
                break;
            if (!builtProxy.isEmpty()) {
                const QString file = std::exchange(builtProxy, QString());
                if (builtGeneration != openGeneration || !reader)
                    continue;
                lock.unlock();
                const Status attached = reader->attachProxy(file);
                const quint64 generation = openGeneration;
                const QString message = attached.ok() ? QString() : attached.errorString();
                post(owner, [owner, generation, message] {
                    if (!owner || owner->m_openGeneration != generation)
                        return;
                    owner->m_hasProxy = message.isEmpty();
                    if (message.isEmpty())
                        Q_EMIT owner->proxyReady();
                    else
                        Q_EMIT owner->proxyFailed(message);
                });
                continue;
            }
            box = displaySize;
            if (pending.empty()) {
                idleCancel = CancellationToken();
                cancel = idleCancel;
                idle = true;
            } else {
                job = std::move(pending);
                pending = Pending{};
                pending.generation = job.generation;
                pending.path = job.path;
                jobCancel = CancellationToken();
                cancel = jobCancel;
            }
        }
        if (idle) {
            // Fill the cache around the playhead until done or a request comes.
            fitOutput(box);
            reader->prefetch(cancel);
            prefetched = !cancel.isCancelled();
            continue;
        }
        const quint64 generation = job.generation;
        const quint64 sequence = job.sequence;
        auto settle = [&] {
            post(owner, [owner, sequence] {
                if (owner)
                    owner->m_answered = std::max(owner->m_answered, sequence);
            });
        };
        if (job.reopen) {
            stopBuilder();
            reader.reset();
            openGeneration = generation;
            appliedBox = QSize();
            if (!job.path.isEmpty()) {
                auto opened = media::VideoReader::open(job.path);
                if (opened) {
                    reader = std::move(opened).value();
                    naturalSize = QSize(reader->width(), reader->height());
                    if (!job.proxyDir.isEmpty())
                        startProxy(owner, job.path, job.proxyDir, generation);
                } else if (!opened.errorString().contains(QLatin1String("no video stream"))) {
                    const QString message = opened.errorString();
                    post(owner, [owner, message] {
                        if (owner)
                            Q_EMIT owner->failed(message);
                    });
                }
            }
        }
        if (!reader) {
            settle();
            continue;
        }
        fitOutput(box);
        prefetched = false; // the playhead moves
        // With a proxy, what the cache cannot answer comes from the proxy first.
        const bool proxy = reader->hasProxy();
        bool fromProxy = false;
        Result<media::VideoFrame> frame = Error(QString());
        bool stepped = false;
        if (job.at) {
            fromProxy = proxy && !reader->isCachedAt(*job.at);
            frame = proxy ? reader->previewAt(*job.at, cancel) : reader->frameAt(*job.at, cancel);
        }
        for (int i = 0; i < std::abs(job.steps) && (!job.at || frame.ok()); ++i) {
            const int direction = job.steps > 0 ? 1 : -1;
            if (proxy) {
                fromProxy = !reader->isStepCached(direction); // the last step decides
                frame = reader->previewStep(direction, cancel);
            } else {
                frame = direction > 0 ? reader->nextFrame(cancel) : reader->previousFrame(cancel);
            }
            stepped = true;
            if (!frame)
                break;
        }
        auto deliver = [&](const media::VideoFrame &f, bool preview) {
            const QImage image = toImage(f);
            const Time pts = f.pts;
            const Time requested = stepped ? f.pts : f.requested;
            post(owner, [owner, image, pts, requested, stepped, preview, generation, sequence] {
                if (!owner)
                    return;
                owner->m_answered = std::max(owner->m_answered, sequence);
                std::unique_lock lock(owner->m_worker->mutex);
                const bool current = owner->m_worker->pending.generation == generation;
                lock.unlock();
                if (current)
                    Q_EMIT owner->frameReady(image, pts, requested, stepped, preview);
            });
        };
        if (frame && fromProxy) {
            deliver(*frame, true);
            // Then the file's own picture of that frame, unless a request comes first.
            {
                std::unique_lock lock(mutex);
                if (!pending.empty())
                    continue;
                refining = true;
            }
            const Time requested = frame->requested;
            auto exact = reader->frameAt(frame->pts, cancel);
            {
                std::unique_lock lock(mutex);
                refining = false;
            }
            if (!exact && cancel.isCancelled())
                continue;
            frame = std::move(exact);
            if (frame)
                frame->requested = requested;
        }
        if (!frame) {
            // Cancelled: a newer seek is waiting and will be answered instead.
            if (!frame.errorString().isEmpty() && !cancel.isCancelled()) {
                const QString message = frame.errorString();
                post(owner, [owner, message] {
                    if (owner)
                        Q_EMIT owner->failed(message);
                });
            }
            settle();
            continue;
        }
        deliver(*frame, false);
    }
    stopBuilder();
}

FrameFetcher::FrameFetcher(QObject *parent)
    : QObject(parent)
    , m_worker(std::make_unique<Worker>())
{
    QPointer<FrameFetcher> self(this);
    m_worker->thread = std::thread([w = m_worker.get(), self] { w->run(self); });
}

FrameFetcher::~FrameFetcher()
{
    {
        std::unique_lock lock(m_worker->mutex);
        m_worker->quit = true;
        m_worker->jobCancel.cancel();
        m_worker->idleCancel.cancel();
    }
    m_worker->wake.notify_all();
    m_worker->thread.join();
}

void FrameFetcher::open(const QString &path)
{
    m_path = path;
    {
        std::unique_lock lock(m_worker->mutex);
        m_worker->jobCancel.cancel();
        m_worker->idleCancel.cancel();
        Pending &p = m_worker->pending;
        p = Pending{true, path, p.generation + 1, m_proxyDir, std::nullopt, 0, 0};
        m_openGeneration = p.generation;
    }
    m_hasProxy = false;
    m_worker->wake.notify_all();
}

void FrameFetcher::requestAt(Time t)
{
    {
        std::unique_lock lock(m_worker->mutex);
        // Whatever is being decoded is superseded: the latest seek wins.
        m_worker->jobCancel.cancel();
        m_worker->idleCancel.cancel();
        m_worker->pending.at = t;
        m_worker->pending.steps = 0;
        m_worker->pending.sequence = ++m_requested;
    }
    m_worker->wake.notify_all();
}

void FrameFetcher::requestStep(int frames)
{
    if (frames == 0)
        return;
    {
        std::unique_lock lock(m_worker->mutex);
        m_worker->idleCancel.cancel();
        // A step waits for a decode in progress (it goes on from its answer), except for the
        // file's own picture of a frame the proxy already answered.
        if (m_worker->refining)
            m_worker->jobCancel.cancel();
        m_worker->pending.steps += frames;
        m_worker->pending.sequence = ++m_requested;
    }
    m_worker->wake.notify_all();
}

void FrameFetcher::setIdleFill(bool enabled)
{
    {
        std::unique_lock lock(m_worker->mutex);
        m_worker->idleFill = enabled;
        if (!enabled)
            m_worker->idleCancel.cancel();
    }
    m_worker->wake.notify_all();
}

void FrameFetcher::setDisplaySize(QSize size)
{
    if (size.isEmpty())
        return;
    {
        std::unique_lock lock(m_worker->mutex);
        m_worker->displaySize = size;
    }
    m_worker->wake.notify_all();
}

void FrameFetcher::setProxyDir(const QString &dir)
{
    m_proxyDir = dir;
}

bool FrameFetcher::isBusy() const
{
    return m_answered < m_requested;
}

} // namespace earmark::ui
