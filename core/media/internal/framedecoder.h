#pragma once

// The exact video decoding engine behind sampleFrames() and VideoReader: one demuxer and decoder
// that answers "which frame is shown at t" going forward, skipping what will not be shown, and
// seeking only when that saves work. Only forward declarations of FFmpeg types here.

#include "core/base/cancellation.h"
#include "core/base/result.h"
#include "core/base/time.h"
#include "core/media/framesampler.h"
#include "core/media/internal/ffmpegutil.h"

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>

extern "C" {
struct AVStream;
}

namespace earmark::media::internal {

// Converts decoded frames to what a FrameFormat asks: crop, scale, pixel format, rotation,
// normalisation. Keeps its scaler between frames of the same geometry. One per thread.
class FrameConverter
{
public:
    // `codedWidth` x `codedHeight` and `sarNum`/`sarDen` describe the stream's stored pictures;
    // `rotation` is clockwise degrees (0, 90, 180, 270).
    FrameConverter(const FrameFormat &format,
                   int codedWidth,
                   int codedHeight,
                   int sarNum,
                   int sarDen,
                   int rotation);
    ~FrameConverter();

    int outputWidth() const { return m_outWidth; }
    int outputHeight() const { return m_outHeight; }

    // Fills out's picture fields (not index/requested/pts). The frame is not modified.
    Status convert(const AVFrame *frame, VideoFrame &out);

private:
    void geometryFor(int frameWidth, int frameHeight);

    FrameFormat m_format;
    int m_rotation = 0;
    double m_sar = 1;
    int m_outWidth = 0; // delivered (display orientation)
    int m_outHeight = 0;
    // Per source geometry: what to crop from the stored frame and the scaled size (stored
    // orientation) and where it goes in the delivered picture.
    int m_srcWidth = -1;
    int m_srcHeight = -1;
    int m_srcFormat = -1;
    int m_srcColorspace = -1;
    int m_srcRange = -1;
    int m_cropX = 0, m_cropY = 0, m_cropW = 0, m_cropH = 0;
    int m_scaledW = 0, m_scaledH = 0; // stored orientation
    SwsContextPtr m_sws;
    std::vector<std::uint8_t> m_scratch; // scaled picture before rotation/padding
    FramePtr m_cropped;
};

class FrameDecoder
{
public:
    // Opens `path`'s video stream (`streamIndex` -1: the best one) with `threads` decoder threads
    // (1 when frames will be skipped; 0: one per core).
    static Result<std::unique_ptr<FrameDecoder>> open(const QString &path,
                                                      int streamIndex,
                                                      int threads);
    ~FrameDecoder();

    const QString &path() const { return m_path; }
    AVFormatContext *format() const { return m_format.get(); }
    AVStream *stream() const { return m_stream; }
    AVCodecContext *codec() const { return m_codec.get(); }
    int rotation() const { return m_rotation; }
    Time duration() const { return m_duration; }
    double frameRate() const { return m_frameRate; }
    // One frame's length in stream ticks (from the average rate; 1 when unknown).
    int64_t frameTicks() const { return m_frameTicks; }

    int64_t ticksFor(Time t) const;
    Time timeFor(int64_t pts) const;

    struct Options
    {
        bool exact = true; // false: the keyframe at or before the target, decoded alone
        // Frames with pts >= keepFrom are never skipped and are passed to onDecoded with their
        // pts, in presentation order (the reader's cache of neighbours). INT64_MAX: none. See
        // framesOut() for telling which passed frames are neighbours in the stream.
        int64_t keepFrom = INT64_MAX;
        std::function<void(const AVFrame *, int64_t pts)> onDecoded;
        // false: seek only to go back, never to jump ahead over a keyframe (so every frame from
        // keepFrom to the target comes out: a run of neighbours stays unbroken).
        bool seekForward = true;
    };

    // The frame shown at stream time `target`: the last decoded frame whose pts <= target (the
    // first frame when target precedes it). Goes forward from where the decoder is, seeking
    // first when the target is behind or a keyframe lies between here and the target. The frame
    // stays owned by the decoder and valid until the next call. `atEnd` tells whether the file
    // ended before a frame past the target was seen.
    struct Answer
    {
        const AVFrame *frame = nullptr;
        int64_t pts = 0;
        bool atEnd = false;
    };
    Result<Answer> frameAt(int64_t target, const Options &options, const CancellationToken &cancel);

    // Pts of the frame decoded right after the last answer (its successor), when already known.
    bool hasSuccessor() const;
    int64_t successorPts() const;

    // Read error (not end of file) that stopped reading, if any.
    const QString &readError() const { return m_readError; }
    // Counts the seeks done so far: frames decoded after a change are not contiguous with those
    // decoded before.
    int seekCount() const { return m_seekCount; }
    // Time stamp (stream ticks; decode time in some containers) of the last indexed keyframe at
    // or before `target`; INT64_MIN when the container has no index.
    int64_t indexedKeyframeBefore(int64_t target) const;
    // Frames that came out of the decoder so far (the one passed to onDecoded included), and
    // the largest pts of a packet skipped since the last seek (INT64_MIN: none). Two frames
    // that came out one after the other (framesOut() differs by one) with no seek in between
    // and no skipped packet past the earlier one's pts are neighbours in the stream.
    int64_t framesOut() const { return m_framesOut; }
    int64_t maxSkippedPts() const { return m_maxSkippedPts; }
    // Raw size of a decoded picture of this stream in bytes (for cache budgets).
    std::size_t pictureBytes() const;

private:
    FrameDecoder() = default;
    Status seekTo(int64_t target);
    bool shouldSeek(int64_t target, bool forward) const;
    Status fillQueue(const CancellationToken &cancel);
    Result<Answer> keyframeAt(int64_t target, const CancellationToken &cancel);
    int64_t ptsOf(const AVFrame *frame);

    QString m_path;
    FormatContextPtr m_format;
    CodecContextPtr m_codec;
    AVStream *m_stream = nullptr;
    int m_streamIndex = -1;
    int m_rotation = 0;
    Time m_duration;
    double m_frameRate = 0;
    int64_t m_frameTicks = 1;
    int64_t m_startTicks = 0; // the file's start offset in stream ticks
    bool m_hasIndex = false;

    // Decode state (reset by a seek).
    std::deque<PacketPtr> m_queue;   // read ahead, not yet sent
    std::deque<int64_t> m_recentPts; // pts of the last packets sent
    FramePtr m_current;              // last frame with pts <= the last target
    int64_t m_currentPts = INT64_MIN;
    FramePtr m_ahead; // first frame past the last target
    int64_t m_aheadPts = INT64_MIN;
    FramePtr m_scratch;
    int64_t m_lastReadDts = INT64_MIN;
    int64_t m_lastFramePts = INT64_MIN; // to synthesise missing timestamps
    bool m_demuxEof = false;
    bool m_flushSent = false;
    bool m_decoderEof = false;
    bool m_positioned = false;        // false before the first decode and after a failed seek
    int64_t m_seekTarget = INT64_MIN; // target of the last seek, to check where it landed
    bool m_needsSeek = false;         // after a keyframe-only decode
    int m_seekCount = 0;
    int64_t m_framesOut = 0;
    int64_t m_maxSkippedPts = INT64_MIN;
    QString m_readError;
};

// The file's start offset in microseconds: the container's start time when positive (MPEG-TS,
// edited MP4), else 0. Every time Earmark reports counts from it.
int64_t startOffsetMicroseconds(const AVFormatContext *format);
// Clockwise display rotation of a stream in degrees (0, 90, 180, 270).
int displayRotation(const AVStream *stream);

} // namespace earmark::media::internal
