#include "core/media/videoreader.h"

#include "core/media/internal/framedecoder.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

#include <algorithm>
#include <deque>

namespace earmark::media {

namespace internal {

class VideoReaderPrivate
{
public:
    struct Cached
    {
        int64_t pts = 0;
        FramePtr frame;
    };

    std::unique_ptr<FrameDecoder> decoder;
    std::unique_ptr<FrameConverter> converter;
    VideoReader::Options options;
    // Decoded neighbours in ascending pts, contiguous: no frame of the stream lies between two
    // entries (nothing was skipped there).
    std::deque<Cached> cache;
    int seenSeeks = 0;
    int64_t lastPts = INT64_MIN; // of the last frame returned

    void remember(const AVFrame *frame, int64_t pts)
    {
        if (decoder->seekCount() != seenSeeks) {
            seenSeeks = decoder->seekCount();
            cache.clear();
        }
        if (!cache.empty() && pts <= cache.back().pts)
            cache.clear();
        FramePtr ref = makeFrame();
        if (av_frame_ref(ref.get(), frame) < 0)
            return;
        cache.push_back(Cached{pts, std::move(ref)});
        const std::size_t limit = std::size_t(std::max(1, options.cachedFrames)) + 4;
        while (cache.size() > limit)
            cache.pop_front();
    }

    // Index of the cached frame shown at `target`, when the cache alone can tell; -1 otherwise.
    int cachedAt(int64_t target) const
    {
        for (std::size_t i = 0; i + 1 < cache.size(); ++i) {
            if (cache[i].pts <= target && cache[i + 1].pts > target)
                return int(i);
        }
        return -1;
    }

    int cachedIndexOf(int64_t pts) const
    {
        for (std::size_t i = 0; i < cache.size(); ++i) {
            if (cache[i].pts == pts)
                return int(i);
        }
        return -1;
    }

    Result<VideoFrame> deliver(const AVFrame *frame, int64_t pts, Time requested)
    {
        VideoFrame out;
        if (Status s = converter->convert(frame, out); !s)
            return Error(s.error().message, decoder->path());
        out.pts = decoder->timeFor(pts);
        out.requested = requested;
        lastPts = pts;
        return out;
    }

    Result<VideoFrame> decodeAt(int64_t target, Time requested, const CancellationToken &cancel)
    {
        if (const int i = cachedAt(target); i >= 0)
            return deliver(cache[std::size_t(i)].frame.get(), cache[std::size_t(i)].pts, requested);
        const int64_t span = decoder->frameTicks() * std::max(1, options.cachedFrames);
        int64_t keepFrom = target - span;
        // Keep the cache contiguous: frames between its end and the new ones must not be skipped.
        if (!cache.empty() && cache.back().pts < keepFrom && cache.back().pts >= target - 2 * span)
            keepFrom = cache.back().pts;
        if (!cache.empty() && cache.back().pts < keepFrom)
            cache.clear();
        FrameDecoder::Options o;
        o.exact = true;
        o.keepFrom = keepFrom;
        o.onDecoded = [this](const AVFrame *f) {
            int64_t pts = f->best_effort_timestamp;
            if (pts == AV_NOPTS_VALUE)
                pts = f->pts;
            if (pts != AV_NOPTS_VALUE)
                remember(f, pts);
        };
        auto answer = decoder->frameAt(target, o, cancel);
        if (!answer)
            return answer.error();
        return deliver(answer->frame, answer->pts, requested);
    }
};

} // namespace internal

using internal::VideoReaderPrivate;

VideoReader::VideoReader(std::unique_ptr<VideoReaderPrivate> dd)
    : d(std::move(dd))
{}

VideoReader::~VideoReader() = default;

Result<std::unique_ptr<VideoReader>> VideoReader::open(const QString &path, const Options &options)
{
    auto decoder = internal::FrameDecoder::open(path, options.streamIndex, options.threads);
    if (!decoder)
        return decoder.error();
    auto d = std::make_unique<VideoReaderPrivate>();
    d->options = options;
    d->decoder = std::move(decoder).value();
    AVStream *st = d->decoder->stream();
    const AVRational sar = av_guess_sample_aspect_ratio(d->decoder->format(), st, nullptr);
    d->converter = std::make_unique<internal::FrameConverter>(options.format,
                                                              st->codecpar->width,
                                                              st->codecpar->height,
                                                              sar.num,
                                                              sar.den,
                                                              options.format.applyRotation
                                                                  ? d->decoder->rotation()
                                                                  : 0);
    return std::unique_ptr<VideoReader>(new VideoReader(std::move(d)));
}

QString VideoReader::path() const
{
    return d->decoder->path();
}

Time VideoReader::duration() const
{
    return d->decoder->duration();
}

double VideoReader::frameRate() const
{
    return d->decoder->frameRate();
}

int VideoReader::width() const
{
    return d->converter->outputWidth();
}

int VideoReader::height() const
{
    return d->converter->outputHeight();
}

Result<VideoFrame> VideoReader::frameAt(Time t, const CancellationToken &cancel)
{
    return d->decodeAt(d->decoder->ticksFor(std::max(Time(), t)), t, cancel);
}

Result<VideoFrame> VideoReader::nextFrame(const CancellationToken &cancel)
{
    if (d->lastPts == INT64_MIN)
        return frameAt(Time(), cancel);
    const int64_t last = d->lastPts;
    if (const int i = d->cachedIndexOf(last); i >= 0 && std::size_t(i) + 1 < d->cache.size()) {
        const auto &next = d->cache[std::size_t(i) + 1];
        return d->deliver(next.frame.get(), next.pts, d->decoder->timeFor(next.pts));
    }
    // Put the decoder on the current frame; its successor is then known unless the file ends.
    auto current = d->decodeAt(last, d->decoder->timeFor(last), cancel);
    if (!current)
        return current;
    if (!d->decoder->hasSuccessor() || d->decoder->successorPts() <= last)
        return current; // the last frame
    const int64_t next = d->decoder->successorPts();
    return d->decodeAt(next, d->decoder->timeFor(next), cancel);
}

Result<VideoFrame> VideoReader::previousFrame(const CancellationToken &cancel)
{
    if (d->lastPts == INT64_MIN)
        return frameAt(Time(), cancel);
    const int64_t last = d->lastPts;
    if (const int i = d->cachedIndexOf(last); i > 0) {
        const auto &prev = d->cache[std::size_t(i) - 1];
        return d->deliver(prev.frame.get(), prev.pts, d->decoder->timeFor(prev.pts));
    }
    auto frame = d->decodeAt(last - 1, d->decoder->timeFor(last - 1), cancel);
    if (frame)
        frame->requested = frame->pts;
    return frame;
}

Time VideoReader::currentFrameEnd() const
{
    if (d->lastPts == INT64_MIN)
        return {};
    if (const int i = d->cachedIndexOf(d->lastPts); i >= 0 && std::size_t(i) + 1 < d->cache.size())
        return d->decoder->timeFor(d->cache[std::size_t(i) + 1].pts);
    if (d->decoder->hasSuccessor() && d->decoder->successorPts() > d->lastPts)
        return d->decoder->timeFor(d->decoder->successorPts());
    return {};
}

} // namespace earmark::media
