#include "core/media/videoreader.h"

#include "core/media/internal/framedecoder.h"
#include "core/media/internal/seekproxyformat.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
}

#include <algorithm>
#include <map>

namespace earmark::media {

namespace internal {

namespace {
// Frames a fill behind takes at least (keyframes are indexed by decode time in some containers,
// a few frames before they are shown).
constexpr int kMinStretch = 8;
// Frames prefetch() fills ahead before it turns to the stretch behind.
constexpr int kFirstAhead = 4;
} // namespace

class VideoReaderPrivate
{
public:
    struct Entry
    {
        FramePtr raw;                            // decoded picture, until converted
        std::shared_ptr<const VideoFrame> shown; // converted to the delivered format
        int64_t next = INT64_MIN;                // pts of the next frame of the stream, if known
        std::size_t bytes = 0;
    };

    // One decoder and what it last passed to the cache (to link neighbours).
    struct Decoder
    {
        std::unique_ptr<FrameDecoder> decoder;
        int seeks = -1;
        int64_t lastCollected = INT64_MIN;
        int64_t lastOut = -1; // the decoder's framesOut() when it came
    };

    QString path;
    Decoder main;   // answers requests and fills ahead
    Decoder behind; // fills behind the playhead; opened on first use
    bool behindFailed = false;
    std::unique_ptr<FrameConverter> converter;
    // The seek proxy, when attached, and a converter of its pictures to the delivered size.
    std::unique_ptr<FrameDecoder> proxy;
    std::unique_ptr<FrameConverter> proxyConverter;
    FrameFormat format;
    int sarNum = 0, sarDen = 1;
    VideoReader::Options options;

    // Frames by pts. An entry's `next` says which frame follows it in the stream: facts about
    // the stream that stay true when entries are evicted.
    std::map<int64_t, Entry> cache;
    std::size_t cacheBytes = 0;
    int64_t focus = INT64_MIN;    // what eviction keeps close: the target being decoded
    int64_t firstPts = INT64_MIN; // the stream's first and last frames, once seen
    int64_t finalPts = INT64_MIN;
    int64_t lastPts = INT64_MIN; // of the last frame returned
    int decodedFrames = 0;

    // The delivered format, and a converter to it for the main decoder's stream.
    void setFormat(const FrameFormat &f)
    {
        format = f;
        const AVCodecParameters *par = main.decoder->stream()->codecpar;
        converter = std::make_unique<FrameConverter>(f,
                                                     par->width,
                                                     par->height,
                                                     sarNum,
                                                     sarDen,
                                                     f.applyRotation ? main.decoder->rotation() : 0);
        proxyConverter.reset();
    }

    // The proxy's frame shown at `target` (stream ticks, shared with the source), delivered like
    // the source's would be. Not kept in the cache: it is the source's pictures that are.
    Result<VideoFrame> proxyAt(int64_t target, Time requested, const CancellationToken &cancel)
    {
        FrameDecoder::Options o;
        o.exact = true;
        auto answer = proxy->frameAt(target, o, cancel);
        if (!answer)
            return answer.error();
        if (!proxyConverter) {
            // The proxy holds display-oriented, square-pixel pictures: scale them to the
            // delivered size.
            FrameFormat f = format;
            f.width = converter->outputWidth();
            f.height = converter->outputHeight();
            f.resize = ResizeMode::Stretch;
            f.applyRotation = false;
            const AVCodecParameters *par = proxy->stream()->codecpar;
            proxyConverter = std::make_unique<FrameConverter>(f, par->width, par->height, 1, 1, 0);
        }
        VideoFrame out;
        if (Status s = proxyConverter->convert(answer->frame, out); !s)
            return Error(s.error().message, proxy->path());
        out.pts = dec().timeFor(answer->pts);
        out.requested = requested;
        if (answer->pts > target)
            firstPts = answer->pts;
        lastPts = answer->pts;
        focus = answer->pts;
        return out;
    }

    FrameDecoder &dec() { return *main.decoder; }
    int64_t ticks() const { return main.decoder->frameTicks(); }

    std::size_t shownBytes() const
    {
        const std::size_t pixels = std::size_t(converter->outputWidth())
                                   * converter->outputHeight();
        switch (format.output) {
        case PixelOutput::Rgb24:
            return pixels * 3;
        case PixelOutput::Rgb32:
            return pixels * 4;
        case PixelOutput::FloatPlanes:
            return pixels * 3 * sizeof(float);
        }
        return pixels * 4;
    }
    int budgetFrames() const
    {
        return int(
            std::max<std::size_t>(2, options.cacheBytes / std::max<std::size_t>(1, shownBytes())));
    }
    int wantBehind() const { return std::min(options.prefetchBehind, budgetFrames() * 2 / 3); }
    int wantAhead() const
    {
        return std::min(options.prefetchAhead, std::max(1, budgetFrames() - wantBehind() - 2));
    }

    void drop(std::map<int64_t, Entry>::iterator it)
    {
        cacheBytes -= it->second.bytes;
        cache.erase(it);
    }

    // Evicts the frames farthest from the focus until the cache fits its budget.
    void trim()
    {
        while (cacheBytes > options.cacheBytes && cache.size() > 1) {
            auto first = cache.begin();
            auto last = std::prev(cache.end());
            const auto distance = [&](int64_t pts) {
                return focus == INT64_MIN ? 0 : (pts > focus ? pts - focus : focus - pts);
            };
            drop(distance(first->first) >= distance(last->first) ? first : last);
        }
    }

    Status convertEntry(Entry &e)
    {
        if (e.shown)
            return {};
        auto out = std::make_shared<VideoFrame>();
        if (Status s = converter->convert(e.raw.get(), *out); !s)
            return Error(s.error().message, path);
        const std::size_t bytes = out->pixels.size() + out->planes.size() * sizeof(float);
        e.shown = std::move(out);
        // Answers are copies of the converted picture from now on.
        e.raw.reset();
        cacheBytes = cacheBytes - e.bytes + bytes;
        e.bytes = bytes;
        return {};
    }

    // FrameDecoder::Options::onDecoded: keeps the frame and links it to the one passed before.
    void collect(Decoder &d, const AVFrame *frame, int64_t pts, bool convert)
    {
        // Neighbours in the stream: out of the decoder one right after the other, no seek and no
        // skipped picture in between.
        const FrameDecoder &fd = *d.decoder;
        const bool follows = fd.seekCount() == d.seeks && d.lastCollected != INT64_MIN
                             && d.lastCollected < pts && fd.framesOut() == d.lastOut + 1
                             && (fd.maxSkippedPts() == INT64_MIN
                                 || fd.maxSkippedPts() < d.lastCollected);
        const int64_t previous = follows ? d.lastCollected : INT64_MIN;
        d.seeks = fd.seekCount();
        d.lastCollected = INT64_MIN;
        ++decodedFrames;
        auto [it, inserted] = cache.try_emplace(pts);
        if (inserted) {
            FramePtr ref = makeFrame();
            if (av_frame_ref(ref.get(), frame) < 0) {
                cache.erase(it);
                return;
            }
            it->second.raw = std::move(ref);
            it->second.bytes = d.decoder->pictureBytes();
            cacheBytes += it->second.bytes;
            if (convert)
                (void) convertEntry(it->second);
        }
        if (previous != INT64_MIN) {
            if (auto prev = cache.find(previous); prev != cache.end())
                prev->second.next = pts;
        }
        d.lastCollected = pts;
        d.lastOut = fd.framesOut();
        trim();
    }

    // Decodes the frame shown at `target` with `d`, keeping frames from `keepFrom` on.
    // `seekForward` false: never jump ahead over a keyframe (see FrameDecoder::Options).
    Result<FrameDecoder::Answer> decodeWith(Decoder &d,
                                            int64_t target,
                                            int64_t keepFrom,
                                            bool convert,
                                            const CancellationToken &cancel,
                                            bool seekForward = true)
    {
        FrameDecoder::Options o;
        o.exact = true;
        o.keepFrom = keepFrom;
        o.seekForward = seekForward;
        o.onDecoded = [this, &d, convert](const AVFrame *f, int64_t pts) {
            collect(d, f, pts, convert);
        };
        auto answer = d.decoder->frameAt(target, o, cancel);
        if (!answer)
            return answer;
        if (answer->pts > target) // the target precedes the first frame
            firstPts = answer->pts;
        if (answer->atEnd && answer->pts <= target && !d.decoder->hasSuccessor()
            && d.decoder->readError().isEmpty())
            finalPts = answer->pts;
        return answer;
    }

    // The cached frame shown at `target`, or end().
    std::map<int64_t, Entry>::const_iterator cachedAt(int64_t target) const
    {
        auto it = cache.upper_bound(target);
        if (it == cache.begin())
            return it != cache.end() && it->first == firstPts ? it : cache.end();
        --it;
        const Entry &e = it->second;
        if (it->first == target || (e.next != INT64_MIN && target < e.next)
            || (it->first == finalPts))
            return it;
        return cache.end();
    }

    // The cached frame before `pts` in the stream, or end().
    std::map<int64_t, Entry>::iterator cachedBefore(int64_t pts)
    {
        auto it = cache.lower_bound(pts);
        if (it == cache.begin())
            return cache.end();
        --it;
        return it->second.next == pts ? it : cache.end();
    }

    Result<VideoFrame> deliverEntry(std::map<int64_t, Entry>::iterator it, Time requested)
    {
        if (Status s = convertEntry(it->second); !s)
            return s.error();
        VideoFrame out = *it->second.shown;
        out.pts = dec().timeFor(it->first);
        out.requested = requested;
        lastPts = it->first;
        focus = it->first;
        trim();
        return out;
    }

    Result<VideoFrame> deliverAnswer(const FrameDecoder::Answer &answer, Time requested)
    {
        if (auto it = cache.find(answer.pts); it != cache.end())
            return deliverEntry(it, requested);
        VideoFrame out;
        if (Status s = converter->convert(answer.frame, out); !s)
            return Error(s.error().message, path);
        out.pts = dec().timeFor(answer.pts);
        out.requested = requested;
        lastPts = answer.pts;
        return out;
    }

    Result<VideoFrame> decodeAt(int64_t target, Time requested, const CancellationToken &cancel)
    {
        if (auto hit = cachedAt(target); hit != cache.end())
            return deliverEntry(cache.find(hit->first), requested);
        focus = target;
        const int64_t keepFrom = target - ticks() * std::max(1, options.cachedFrames);
        auto answer = decodeWith(main, target, keepFrom, false, cancel);
        if (!answer)
            return answer.error();
        return deliverAnswer(*answer, requested);
    }

    Decoder *behindDecoder()
    {
        if (!behind.decoder && !behindFailed) {
            auto opened = FrameDecoder::open(path, main.decoder->stream()->index, options.threads);
            if (opened)
                behind.decoder = std::move(opened).value();
            else
                behindFailed = true;
        }
        return behind.decoder ? &behind : nullptr;
    }

    // Frames before `lo` in the stream, up to `count` of them (fewer at the start), kept and
    // linked up to `lo` itself. Stops at the keyframe before (past a few frames), so one call
    // costs a keyframe interval's decode at most and the frames nearest `lo` come first. Uses
    // the second decoder, which keeps its place between calls.
    Status fillBehind(int64_t lo, int count, bool convert, const CancellationToken &cancel)
    {
        Decoder *d = behindDecoder();
        if (!d)
            d = &main;
        int64_t keepFrom = lo - ticks() * std::max(1, count);
        if (const int64_t key = d->decoder->indexedKeyframeBefore(lo - 1); key != INT64_MIN)
            keepFrom = std::min(std::max(keepFrom, key),
                                lo - ticks() * std::min(std::max(1, count), kMinStretch));
        auto answer = decodeWith(*d, lo - 1, keepFrom, convert, cancel);
        if (!answer)
            return answer.error();
        if (answer->pts >= lo)
            firstPts = lo;
        return {};
    }

    // Consecutive cached frames before and after `pts`; `lo`/`hi` the ends of that run.
    int countBehind(int64_t pts, int64_t *lo) const
    {
        int n = 0;
        int64_t at = pts;
        for (;;) {
            auto it = cache.lower_bound(at);
            if (it == cache.begin())
                break;
            --it;
            if (it->second.next != at)
                break;
            at = it->first;
            ++n;
        }
        *lo = at;
        return n;
    }

    int countAhead(int64_t pts, int64_t *hi) const
    {
        int n = 0;
        int64_t at = pts;
        for (;;) {
            auto it = cache.find(at);
            if (it == cache.end() || it->second.next == INT64_MIN
                || cache.find(it->second.next) == cache.end())
                break;
            at = it->second.next;
            ++n;
        }
        *hi = at;
        return n;
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
    d->path = path;
    d->main.decoder = std::move(decoder).value();
    const AVRational sar = av_guess_sample_aspect_ratio(d->main.decoder->format(),
                                                        d->main.decoder->stream(),
                                                        nullptr);
    d->sarNum = sar.num;
    d->sarDen = sar.den;
    d->setFormat(options.format);
    return std::unique_ptr<VideoReader>(new VideoReader(std::move(d)));
}

QString VideoReader::path() const
{
    return d->path;
}

Time VideoReader::duration() const
{
    return d->main.decoder->duration();
}

double VideoReader::frameRate() const
{
    return d->main.decoder->frameRate();
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
    return d->decodeAt(d->dec().ticksFor(std::max(Time(), t)), t, cancel);
}

Result<VideoFrame> VideoReader::nextFrame(const CancellationToken &cancel)
{
    if (d->lastPts == INT64_MIN)
        return frameAt(Time(), cancel);
    const int64_t last = d->lastPts;
    auto it = d->cache.find(last);
    int64_t next = it != d->cache.end() ? it->second.next : INT64_MIN;
    if (next == INT64_MIN) {
        if (last == d->finalPts)
            return d->decodeAt(last, d->dec().timeFor(last), cancel);
        // Put the main decoder on the current frame, keeping it and its successor: that links
        // them; the decoder also knows the successor when the cache could not keep it.
        d->focus = last;
        auto answer = d->decodeWith(d->main, last, last, false, cancel);
        if (!answer)
            return answer.error();
        it = d->cache.find(last);
        if (it != d->cache.end() && it->second.next != INT64_MIN)
            next = it->second.next;
        else if (answer->pts == last && d->dec().hasSuccessor() && d->dec().successorPts() > last)
            next = d->dec().successorPts();
        else
            return d->deliverAnswer(*answer, d->dec().timeFor(answer->pts)); // the last frame
    }
    if (auto n = d->cache.find(next); n != d->cache.end())
        return d->deliverEntry(n, d->dec().timeFor(next));
    return d->decodeAt(next, d->dec().timeFor(next), cancel);
}

Result<VideoFrame> VideoReader::previousFrame(const CancellationToken &cancel)
{
    if (d->lastPts == INT64_MIN)
        return frameAt(Time(), cancel);
    const int64_t last = d->lastPts;
    if (auto prev = d->cachedBefore(last); prev != d->cache.end())
        return d->deliverEntry(prev, d->dec().timeFor(prev->first));
    if (last == d->firstPts)
        return d->decodeAt(last, d->dec().timeFor(last), cancel);
    // Decode a stretch behind at once, so the next steps back are answered from the cache:
    // as much as the cache holds in decoded form, half of it at most.
    d->focus = last;
    const int count = std::clamp(int(d->options.cacheBytes / 2
                                     / std::max<std::size_t>(1, d->main.decoder->pictureBytes())),
                                 std::max(1, d->options.cachedFrames),
                                 std::max(std::max(1, d->options.cachedFrames), d->wantBehind()));
    if (Status s = d->fillBehind(last, count, false, cancel); !s)
        return s.error();
    if (auto prev = d->cachedBefore(last); prev != d->cache.end())
        return d->deliverEntry(prev, d->dec().timeFor(prev->first));
    // Not linked (a damaged stretch, or the cache too small): ask for the frame before directly.
    auto frame = d->decodeAt(last - 1, d->dec().timeFor(last - 1), cancel);
    if (frame)
        frame->requested = frame->pts;
    return frame;
}

Time VideoReader::currentFrameEnd() const
{
    if (d->lastPts == INT64_MIN)
        return {};
    if (auto it = d->cache.find(d->lastPts); it != d->cache.end() && it->second.next != INT64_MIN)
        return d->main.decoder->timeFor(it->second.next);
    return {};
}

bool VideoReader::prefetch(const CancellationToken &cancel)
{
    if (d->lastPts == INT64_MIN)
        return true;
    d->focus = d->lastPts;
    bool aheadStuck = false;
    for (int round = 0; round < 64; ++round) {
        if (cancel.isCancelled())
            return false;
        int64_t hi = 0, lo = 0;
        const int ahead = d->countAhead(d->lastPts, &hi);
        const int behind = d->countBehind(d->lastPts, &lo);
        // A few frames ahead first (the main decoder is usually just there: cheap), then the
        // stretch behind (stepping back is what costs), then the rest ahead.
        const int wantAhead = behind < d->wantBehind() && lo != d->firstPts
                                  ? std::min(d->wantAhead(), internal::kFirstAhead)
                                  : d->wantAhead();
        if (!aheadStuck && ahead < wantAhead && hi != d->finalPts) {
            const int64_t target = hi + d->ticks() * (wantAhead - ahead);
            // Put the main decoder on `hi` unless it is just there, then go on without jumping
            // over a keyframe, so every frame up to the target joins the run.
            if (d->main.seeks != d->dec().seekCount() || d->main.lastCollected != hi) {
                if (!d->decodeWith(d->main, hi, hi, true, cancel))
                    return false;
            }
            if (!d->decodeWith(d->main, target, hi, true, cancel, false))
                return false;
            int64_t newHi = 0;
            aheadStuck = d->countAhead(d->lastPts, &newHi) <= ahead;
            continue;
        }
        if (behind < d->wantBehind() && lo != d->firstPts) {
            if (Status s = d->fillBehind(lo, d->wantBehind() - behind, true, cancel); !s)
                return false;
            int64_t newLo = 0;
            if (d->countBehind(d->lastPts, &newLo) <= behind && d->firstPts != lo)
                return false; // could not link (damaged stream): try again after the next move
            continue;
        }
        // Convert what is kept near the playhead, so steps cost a copy.
        for (int64_t at = lo; at != INT64_MIN && at <= hi;) {
            if (cancel.isCancelled())
                return false;
            auto it = d->cache.find(at);
            if (it == d->cache.end())
                break;
            if (!it->second.shown && !d->convertEntry(it->second))
                return false;
            at = it->second.next;
        }
        d->trim();
        return true;
    }
    return true;
}

bool VideoReader::isCachedAt(Time t) const
{
    return d->cachedAt(d->main.decoder->ticksFor(std::max(Time(), t))) != d->cache.end();
}

bool VideoReader::isStepCached(int direction) const
{
    if (d->lastPts == INT64_MIN)
        return false;
    if (direction < 0) {
        if (d->lastPts == d->firstPts)
            return true;
        return d->cachedBefore(d->lastPts) != d->cache.end();
    }
    auto it = d->cache.find(d->lastPts);
    return it != d->cache.end()
           && (d->lastPts == d->finalPts
               || (it->second.next != INT64_MIN && d->cache.count(it->second.next)));
}

Status VideoReader::attachProxy(const QString &proxyFile)
{
    d->proxy.reset();
    d->proxyConverter.reset();
    auto opened = internal::FrameDecoder::open(proxyFile, -1, 1);
    if (!opened)
        return opened.error();
    const AVDictionaryEntry *comment = av_dict_get((*opened)->format()->metadata,
                                                   "comment",
                                                   nullptr,
                                                   0);
    const auto stamp = internal::SeekProxyStamp::parse(comment ? QString::fromUtf8(comment->value)
                                                               : QString());
    if (!stamp)
        return Error(QStringLiteral("not a seek proxy made by Earmark"), proxyFile);
    const AVStream *proxyStream = (*opened)->stream();
    if (*stamp != internal::SeekProxyStamp::of(d->path, d->main.decoder->stream())
        || av_cmp_q(proxyStream->time_base, d->main.decoder->stream()->time_base) != 0)
        return Error(QStringLiteral("the seek proxy is of another version of the video; it is "
                                    "made again"),
                     proxyFile);
    d->proxy = std::move(opened).value();
    return {};
}

bool VideoReader::hasProxy() const
{
    return d->proxy != nullptr;
}

Result<VideoFrame> VideoReader::previewAt(Time t, const CancellationToken &cancel)
{
    const int64_t target = d->dec().ticksFor(std::max(Time(), t));
    if (!d->proxy || d->cachedAt(target) != d->cache.end())
        return d->decodeAt(target, t, cancel);
    auto frame = d->proxyAt(target, t, cancel);
    if (frame || cancel.isCancelled())
        return frame;
    // A damaged proxy (or one gone from the disk) is dropped: the file itself answers.
    d->proxy.reset();
    return d->decodeAt(target, t, cancel);
}

Result<VideoFrame> VideoReader::previewStep(int direction, const CancellationToken &cancel)
{
    auto exactStep = [&] { return direction < 0 ? previousFrame(cancel) : nextFrame(cancel); };
    if (!d->proxy || d->lastPts == INT64_MIN || isStepCached(direction))
        return exactStep();
    const int64_t last = d->lastPts;
    auto fromProxy = [&]() -> Result<VideoFrame> {
        if (direction < 0) {
            // The last frame before `last`: the frame shown just before it.
            return d->proxyAt(last - 1, Time(), cancel);
        }
        // The proxy's decoder, put on `last`, knows the frame after it.
        internal::FrameDecoder::Options o;
        o.exact = true;
        auto here = d->proxy->frameAt(last, o, cancel);
        if (!here)
            return here.error();
        const int64_t next = here->pts == last && d->proxy->hasSuccessor()
                                 ? d->proxy->successorPts()
                                 : last;
        if (here->atEnd && next == last)
            d->finalPts = last;
        return d->proxyAt(std::max(next, last), Time(), cancel);
    };
    auto frame = fromProxy();
    if (frame) {
        frame->requested = frame->pts;
        return frame;
    }
    if (cancel.isCancelled())
        return frame;
    // A damaged proxy is dropped: the file itself answers, from the same frame.
    d->proxy.reset();
    d->lastPts = last;
    return exactStep();
}

void VideoReader::setOutputSize(int width, int height)
{
    if (width == d->format.width && height == d->format.height)
        return;
    FrameFormat f = d->format;
    f.width = width;
    f.height = height;
    d->setFormat(f);
    // Converted pictures have the old size: drop them. (The links of the frames still kept
    // stay: they are facts about the stream.)
    for (auto it = d->cache.begin(); it != d->cache.end();) {
        auto here = it++;
        if (here->second.shown)
            d->drop(here);
    }
}

VideoReader::CacheStats VideoReader::cacheStats() const
{
    CacheStats s;
    s.frames = int(d->cache.size());
    s.bytes = d->cacheBytes;
    s.decodedFrames = d->decodedFrames;
    if (d->lastPts != INT64_MIN) {
        int64_t end = 0;
        s.behind = d->countBehind(d->lastPts, &end);
        s.ahead = d->countAhead(d->lastPts, &end);
    }
    return s;
}

} // namespace earmark::media
