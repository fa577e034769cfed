#include "core/media/framesampler.h"

#include "core/media/internal/framedecoder.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

#include <QThread>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <numeric>
#include <optional>
#include <thread>

namespace earmark::media {

using namespace internal;

namespace {

// A frame this far before the asked time, at the end of a file that says it lasts longer, means
// the file was cut short.
constexpr Time kTruncationSlack = Time::fromMilliseconds(1000);

std::unique_ptr<FrameConverter> makeConverter(FrameDecoder &decoder, const FrameFormat &format)
{
    AVStream *st = decoder.stream();
    const AVRational sar = av_guess_sample_aspect_ratio(decoder.format(), st, nullptr);
    return std::make_unique<FrameConverter>(format,
                                            st->codecpar->width,
                                            st->codecpar->height,
                                            sar.num,
                                            sar.den,
                                            format.applyRotation ? decoder.rotation() : 0);
}

using Deliver = std::function<bool(VideoFrame &&)>;

// Decodes the times order[begin, end) (ascending) with one decoder on this thread.
Status sampleRun(const QString &path,
                 const std::vector<Time> &times,
                 const std::vector<int> &order,
                 std::size_t begin,
                 std::size_t end,
                 const FrameSamplerOptions &options,
                 const Deliver &deliver,
                 const CancellationToken &cancel)
{
    auto opened = FrameDecoder::open(path, options.streamIndex, 1);
    if (!opened)
        return opened.error();
    FrameDecoder &decoder = **opened;
    std::unique_ptr<FrameConverter> converter = makeConverter(decoder, options.format);
    const FrameDecoder::Options decodeOptions{options.accuracy == SeekAccuracy::Exact,
                                              INT64_MAX,
                                              {}};
    std::optional<VideoFrame> previous; // for repeated times
    for (std::size_t k = begin; k < end; ++k) {
        if (cancel.isCancelled())
            return Error(QStringLiteral("cancelled"), path);
        const int index = order[k];
        const Time t = times[index];
        VideoFrame frame;
        if (previous && previous->requested == t) {
            frame = *previous;
        } else {
            auto answer = decoder.frameAt(decoder.ticksFor(t), decodeOptions, cancel);
            if (!answer)
                return answer.error();
            const Time shown = decoder.timeFor(answer->pts);
            const Time frameLength = decoder.timeFor(decoder.ticksFor(Time())
                                                     + 2 * decoder.frameTicks());
            if (answer->atEnd && !decoder.readError().isEmpty() && t > shown + frameLength)
                return Error(QStringLiteral("read error after %1 (%2); the file may be truncated "
                                            "or damaged")
                                 .arg(formatTime(shown, TimeFormat::Precise), decoder.readError()),
                             path);
            if (answer->atEnd && t > shown + kTruncationSlack) {
                if (!decoder.readError().isEmpty())
                    return Error(QStringLiteral("read error after %1 (%2); the file may be "
                                                "truncated or damaged")
                                     .arg(formatTime(shown, TimeFormat::Precise),
                                          decoder.readError()),
                                 path);
                if (decoder.duration() > shown + kTruncationSlack)
                    return Error(QStringLiteral("the pictures end at %1 although the file says it "
                                                "lasts %2; the file is probably truncated")
                                     .arg(formatTime(shown, TimeFormat::Precise),
                                          formatTime(decoder.duration(), TimeFormat::Precise)),
                                 path);
            }
            if (Status s = converter->convert(answer->frame, frame); !s)
                return Error(s.error().message, path);
            frame.pts = shown;
        }
        frame.index = index;
        frame.requested = t;
        if (k + 1 < end && times[order[k + 1]] == t)
            previous = frame;
        else
            previous.reset();
        if (!deliver(std::move(frame)))
            return {};
    }
    return {};
}

} // namespace

Status sampleFrames(const QString &path,
                    const std::vector<Time> &times,
                    const FrameSamplerOptions &options,
                    const FrameSink &sink,
                    const CancellationToken &cancel,
                    const ProgressCallback &progress)
{
    if (times.empty())
        return {};
    std::vector<int> order(times.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return times[a] < times[b]; });

    const std::size_t total = times.size();
    std::size_t delivered = 0;
    std::size_t lastReported = 0;
    auto report = [&] {
        if (progress
            && (delivered - lastReported >= std::max<std::size_t>(1, total / 100)
                || delivered == total)) {
            lastReported = delivered;
            progress(double(delivered) / total, QStringLiteral("Decoding frames"));
        }
    };

    int decoders = options.decoders > 0 ? options.decoders : QThread::idealThreadCount();
    // Each run costs an open and usually a seek: give each at least a few frames.
    decoders = int(std::clamp<std::size_t>(std::size_t(std::max(1, decoders)), 1, (total + 3) / 4));

    if (decoders == 1) {
        bool stopped = false;
        const Status status = sampleRun(
            path,
            times,
            order,
            0,
            total,
            options,
            [&](VideoFrame &&frame) {
                if (!sink(std::move(frame))) {
                    stopped = true;
                    return false;
                }
                ++delivered;
                report();
                return true;
            },
            cancel);
        return stopped ? Status() : status;
    }

    // Several runs, each on its own thread with its own decoder; frames cross to this thread
    // through a small bounded queue so memory stays flat.
    struct Shared
    {
        std::mutex mutex;
        std::condition_variable changed;
        std::deque<VideoFrame> queue;
        int running = 0;
        bool stop = false;
        std::optional<Error> error;
    } shared;
    const std::size_t capacity = std::size_t(decoders) * 2;
    // Cancels the workers when the caller cancels or the sink stops.
    CancellationToken stopRuns;

    std::vector<std::thread> workers;
    shared.running = decoders;
    for (int w = 0; w < decoders; ++w) {
        const std::size_t begin = total * std::size_t(w) / std::size_t(decoders);
        const std::size_t end = total * std::size_t(w + 1) / std::size_t(decoders);
        workers.emplace_back([&, begin, end] {
            auto deliverOne = [&](VideoFrame &&frame) {
                std::unique_lock lock(shared.mutex);
                shared.changed.wait(lock,
                                    [&] { return shared.queue.size() < capacity || shared.stop; });
                if (shared.stop)
                    return false;
                shared.queue.push_back(std::move(frame));
                shared.changed.notify_all();
                return true;
            };
            const Status s = sampleRun(path, times, order, begin, end, options, deliverOne, stopRuns);
            std::unique_lock lock(shared.mutex);
            if (!s && !shared.error && !shared.stop)
                shared.error = s.error();
            if (!s)
                shared.stop = true;
            --shared.running;
            shared.changed.notify_all();
        });
    }

    bool sinkStopped = false;
    for (;;) {
        std::unique_lock lock(shared.mutex);
        shared.changed.wait_for(lock, std::chrono::milliseconds(50), [&] {
            return !shared.queue.empty() || shared.running == 0;
        });
        if (cancel.isCancelled() && !shared.stop) {
            shared.stop = true;
            stopRuns.cancel();
            shared.changed.notify_all();
        }
        if (shared.queue.empty()) {
            if (shared.running == 0)
                break;
            continue;
        }
        VideoFrame frame = std::move(shared.queue.front());
        shared.queue.pop_front();
        shared.changed.notify_all();
        if (shared.stop)
            continue; // draining after a stop
        lock.unlock();
        const bool more = sink(std::move(frame));
        lock.lock();
        if (!more) {
            sinkStopped = true;
            shared.stop = true;
            stopRuns.cancel();
            shared.changed.notify_all();
        } else {
            ++delivered;
            lock.unlock();
            report();
        }
    }
    for (std::thread &t : workers)
        t.join();
    if (cancel.isCancelled())
        return Error(QStringLiteral("cancelled"), path);
    if (sinkStopped)
        return {};
    if (shared.error)
        return *shared.error;
    return {};
}

Result<std::vector<VideoFrame>> sampleFrames(const QString &path,
                                             const std::vector<Time> &times,
                                             const FrameSamplerOptions &options,
                                             const CancellationToken &cancel)
{
    std::vector<VideoFrame> frames(times.size());
    const Status status = sampleFrames(
        path,
        times,
        options,
        [&](VideoFrame &&frame) {
            const int index = frame.index;
            frames[std::size_t(index)] = std::move(frame);
            return true;
        },
        cancel);
    if (!status)
        return status.error();
    return frames;
}

std::vector<Time> uniformTimes(Time start, Time end, double perSecond, double phase, int maxCount)
{
    std::vector<Time> times;
    if (!(perSecond > 0) || end <= start)
        return times;
    phase = std::clamp(phase, 0.0, 1.0);
    const double length = (end - start).seconds();
    const double slots = length * perSecond - phase;
    qint64 count = slots > 0 ? qint64(std::ceil(slots - 1e-9)) : 0;
    double step = 1.0 / perSecond;
    if (maxCount > 0 && count > maxCount) {
        count = maxCount;
        step = length / maxCount;
    }
    times.reserve(std::size_t(count));
    for (qint64 k = 0; k < count; ++k) {
        const Time t = start + Time::fromSeconds((double(k) + phase) * step);
        if (t >= end)
            break;
        times.push_back(t);
    }
    return times;
}

Result<VideoFrame> posterFrame(const QString &path,
                               int maxWidth,
                               int maxHeight,
                               const CancellationToken &cancel)
{
    auto opened = FrameDecoder::open(path, -1, 1);
    if (!opened)
        return opened.error();
    FrameDecoder &decoder = **opened;
    // The display size first, then the largest size that fits.
    const auto display = makeConverter(decoder, FrameFormat{});
    const double scale = std::min({double(std::max(1, maxWidth)) / display->outputWidth(),
                                   double(std::max(1, maxHeight)) / display->outputHeight(),
                                   1.0});
    FrameFormat format;
    format.width = std::max(1, int(std::lround(display->outputWidth() * scale)));
    format.height = std::max(1, int(std::lround(display->outputHeight() * scale)));
    format.output = PixelOutput::Rgb32;
    format.filter = ScaleFilter::Area;
    const auto converter = makeConverter(decoder, format);
    const Time at = Time::fromMicroseconds(decoder.duration().microseconds() / 10);
    auto answer = decoder.frameAt(decoder.ticksFor(at),
                                  FrameDecoder::Options{false, INT64_MAX, {}},
                                  cancel);
    if (!answer)
        return answer.error();
    VideoFrame frame;
    if (Status s = converter->convert(answer->frame, frame); !s)
        return Error(s.error().message, path);
    frame.requested = at;
    frame.pts = decoder.timeFor(answer->pts);
    return frame;
}

} // namespace earmark::media
