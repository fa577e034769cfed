#pragma once

#include "core/base/cancellation.h"
#include "core/base/result.h"
#include "core/base/time.h"
#include "core/media/framesampler.h"

#include <QString>

#include <memory>

namespace earmark::media {

namespace internal {
class VideoReaderPrivate;
}

// Random access to the exact frames of one video stream: what the player uses for frame
// stepping and scrubbing (Qt Multimedia has no frame step and may show a stale frame after a
// seek). Keeps its decoder open between calls, decodes forward when the asked time is a little
// ahead, seeks to the keyframe before it otherwise.
//
// Frames around the playhead are kept in a cache bounded in bytes (converted to the delivered
// format, so a player asking for display-sized pictures keeps many). The cache knows which
// frames follow one another in the stream, so steps and nearby times are answered from it
// without decoding, and every answer is still the exact frame. prefetch() fills it in idle time:
// a little ahead of the playhead and a longer stretch behind it (stepping back would otherwise
// decode from the keyframe again and again), the stretch behind with a second decoder so the
// first stays where forward steps need it.
//
// Not thread-safe: use one reader from one thread at a time (the player's decode worker); open
// one reader per thread to read in parallel.
class VideoReader
{
public:
    struct Options
    {
        int streamIndex = -1; // -1: the best video stream
        // Delivered pictures (index is always -1 and `requested` the asked time). The default:
        // display size (rotated), Rgb32, ready for QImage.
        FrameFormat format{0, 0, ResizeMode::Stretch, PixelOutput::Rgb32};
        int threads = 0; // decoder threads; 0: one per core (low latency matters more here)
        // Frames before a decoded target kept on the way (cheap: most are decoded anyway).
        int cachedFrames = 16;
        // Memory for kept frames (decoded pictures, or delivered ones once converted).
        std::size_t cacheBytes = std::size_t(256) << 20;
        // What prefetch() fills around the playhead, in frames (less when cacheBytes is short).
        int prefetchBehind = 150;
        int prefetchAhead = 30;
    };

    struct CacheStats
    {
        int frames = 0;        // kept
        std::size_t bytes = 0; // their memory
        int behind = 0;        // consecutive frames kept before the last one returned
        int ahead = 0;         // and after it
        int decodedFrames = 0; // passed through the cache since the reader was opened
    };

    static Result<std::unique_ptr<VideoReader>> open(const QString &path, const Options &options);
    static Result<std::unique_ptr<VideoReader>> open(const QString &path)
    {
        return open(path, Options{});
    }
    ~VideoReader();

    VideoReader(const VideoReader &) = delete;
    VideoReader &operator=(const VideoReader &) = delete;

    QString path() const;
    Time duration() const;
    double frameRate() const; // average, 0 if unknown
    int width() const;        // of the delivered pictures
    int height() const;

    // The frame shown at `t`: the last frame whose presentation time is <= t; the first frame
    // when t precedes it, the last when t is past the end. Cancel to abandon a long decode
    // (returns an error saying it was cancelled; the reader stays usable).
    Result<VideoFrame> frameAt(Time t, const CancellationToken &cancel = {});
    // The frame after / before the last one returned (the first frame when none was). At either
    // end of the file the same frame again.
    Result<VideoFrame> nextFrame(const CancellationToken &cancel = {});
    Result<VideoFrame> previousFrame(const CancellationToken &cancel = {});
    // Presentation time of the frame after the last one returned, if known without decoding
    // (the end of the current frame's display interval); 0 otherwise.
    Time currentFrameEnd() const;

    // Fills the cache around the last frame returned (see the class comment). Returns true when
    // the neighbourhood is complete, false when cancelled or a decode failed (the next frame
    // request reports errors). Work done before a cancel is kept, and a later call continues
    // from where the decoders are, so it is fine to call it in every idle moment and cancel it
    // when a request comes.
    bool prefetch(const CancellationToken &cancel);
    // Whether the frame shown at `t` / the next / previous step is in the cache (answered
    // without decoding).
    bool isCachedAt(Time t) const;
    bool isStepCached(int direction) const;
    // Seek proxy (see seekproxy.h): once attached, previewAt() and previewStep() answer from it
    // when the cache cannot, in milliseconds, with the exact frame (the same one frameAt() would
    // give, same pts) at the proxy's resolution scaled to the delivered size. An error (and
    // nothing attached) when the file is no proxy of this video's stream as it is now.
    Status attachProxy(const QString &proxyFile);
    bool hasProxy() const;
    // The frame shown at `t` / one step from the last frame returned: from the cache when there
    // (then exactly what frameAt() / nextFrame() / previousFrame() give), else from the proxy
    // when one is attached (isCachedAt() / isStepCached() tell which it will be), else decoded
    // like frameAt(). The frame becomes the last returned, so steps go on from it. A proxy that
    // cannot be decoded (damaged, or gone from the disk) is detached and the file answers.
    Result<VideoFrame> previewAt(Time t, const CancellationToken &cancel = {});
    Result<VideoFrame> previewStep(int direction, const CancellationToken &cancel = {});
    // Changes the delivered picture size (0: from the other side or the display size); kept
    // converted frames are dropped.
    void setOutputSize(int width, int height);
    CacheStats cacheStats() const;

private:
    explicit VideoReader(std::unique_ptr<internal::VideoReaderPrivate> d);
    std::unique_ptr<internal::VideoReaderPrivate> d;
};

} // namespace earmark::media
