#include "ui/player/framefetcher.h"

#include "core/media/videoreader.h"

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

    // Worker thread only.
    std::unique_ptr<media::VideoReader> reader;
    quint64 openGeneration = 0;
    QSize naturalSize;      // the reader's pictures at full display size
    QSize appliedBox;       // the display size its output fits
    bool prefetched = true; // nothing left to fill around the playhead

    void run(QPointer<FrameFetcher> owner);
    void fitOutput(QSize box);
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

} // namespace

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
                return quit || !pending.empty() || (idleFill && reader && !prefetched);
            });
            if (quit)
                return;
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
        auto post = [&](auto &&fn) {
            if (owner)
                QMetaObject::invokeMethod(owner.data(),
                                          std::forward<decltype(fn)>(fn),
                                          Qt::QueuedConnection);
        };
        const quint64 generation = job.generation;
        const quint64 sequence = job.sequence;
        auto settle = [&] {
            post([owner, sequence] {
                if (owner)
                    owner->m_answered = std::max(owner->m_answered, sequence);
            });
        };
        if (job.reopen) {
            reader.reset();
            openGeneration = generation;
            appliedBox = QSize();
            if (!job.path.isEmpty()) {
                auto opened = media::VideoReader::open(job.path);
                if (opened) {
                    reader = std::move(opened).value();
                    naturalSize = QSize(reader->width(), reader->height());
                } else if (!opened.errorString().contains(QLatin1String("no video stream"))) {
                    const QString message = opened.errorString();
                    post([owner, message] {
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
        Result<media::VideoFrame> frame = Error(QString());
        bool stepped = false;
        if (job.at)
            frame = reader->frameAt(*job.at, cancel);
        for (int i = 0; i < std::abs(job.steps) && (!job.at || frame.ok()); ++i) {
            frame = job.steps > 0 ? reader->nextFrame(cancel) : reader->previousFrame(cancel);
            stepped = true;
            if (!frame)
                break;
        }
        if (!frame) {
            // Cancelled: a newer seek is waiting and will be answered instead.
            if (!frame.errorString().isEmpty() && !cancel.isCancelled()) {
                const QString message = frame.errorString();
                post([owner, message] {
                    if (owner)
                        Q_EMIT owner->failed(message);
                });
            }
            settle();
            continue;
        }
        const QImage image = toImage(*frame);
        const Time pts = frame->pts;
        const Time requested = stepped ? frame->pts : frame->requested;
        post([owner, image, pts, requested, stepped, generation, sequence] {
            if (!owner)
                return;
            owner->m_answered = std::max(owner->m_answered, sequence);
            std::unique_lock lock(owner->m_worker->mutex);
            const bool current = owner->m_worker->pending.generation == generation;
            lock.unlock();
            if (current)
                Q_EMIT owner->frameReady(image, pts, requested, stepped);
        });
    }
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
        p = Pending{true, path, p.generation + 1, std::nullopt, 0, 0};
    }
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

bool FrameFetcher::isBusy() const
{
    return m_answered < m_requested;
}

} // namespace earmark::ui
