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
// ahead, seeks to the keyframe before it otherwise, and keeps the last few decoded frames so
// stepping back mostly costs nothing.
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
        int threads = 0;       // decoder threads; 0: one per core (low latency matters more here)
        int cachedFrames = 16; // converted frames kept for stepping back
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

private:
    explicit VideoReader(std::unique_ptr<internal::VideoReaderPrivate> d);
    std::unique_ptr<internal::VideoReaderPrivate> d;
};

} // namespace earmark::media
