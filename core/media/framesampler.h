#pragma once

#include "core/base/cancellation.h"
#include "core/base/progress.h"
#include "core/base/result.h"
#include "core/base/time.h"

#include <QString>

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

namespace earmark::media {

// How a picture is fitted into the requested width x height.
enum class ResizeMode {
    Stretch, // exactly width x height, aspect ratio not kept (what `ffmpeg -vf scale=W:H` does)
    Fit,     // aspect ratio kept, the whole picture visible, bars of `padValue` around it
    Crop,    // aspect ratio kept, the frame filled, the overflow cut off evenly on both sides
};

// The pixel layout a frame is delivered in.
enum class PixelOutput {
    Rgb24,       // packed R, G, B bytes; rows of width * 3 bytes, no padding
    Rgb32,       // 32-bit words 0xffRRGGBB in native byte order (QImage::Format_RGB32's layout)
    FloatPlanes, // planes R, G, B (CHW) of width * height floats: (value / 255 - mean) / std
};

enum class ScaleFilter {
    Bilinear,
    Bicubic, // FFmpeg's scale filter default
    Area,    // best for large reductions (thumbnails)
};

// What a model or a view asks for. Sizes are those of the delivered picture, after rotation.
struct FrameFormat
{
    // 0 x 0: the picture's display size (rotated, square pixels). One of them 0: derived from
    // the other with the display aspect ratio kept (resize is then irrelevant).
    int width = 0;
    int height = 0;
    ResizeMode resize = ResizeMode::Stretch;
    PixelOutput output = PixelOutput::Rgb24;
    ScaleFilter filter = ScaleFilter::Bicubic;
    // FloatPlanes only: per channel R, G, B, applied after scaling values to [0, 1]. ImageNet
    // models want mean {0.485, 0.456, 0.406} and std {0.229, 0.224, 0.225}.
    std::array<float, 3> mean{0.f, 0.f, 0.f};
    std::array<float, 3> std{1.f, 1.f, 1.f};
    std::uint8_t padValue = 0; // Fit: the bars' R = G = B value, before normalisation
    // Turn the picture as the file's display matrix says (phones store portrait video sideways),
    // as players and `ffmpeg -i f out.png` do.
    bool applyRotation = true;
};

// One decoded, converted picture.
struct VideoFrame
{
    int index = -1; // position of the requested time in the list given to sampleFrames()
    Time requested; // the time asked for
    Time pts;       // presentation time of the frame shown at `requested`, from the file's start
    int width = 0;
    int height = 0;
    // Rgb24 / Rgb32: bytesPerLine * height bytes. Empty for FloatPlanes.
    int bytesPerLine = 0;
    std::vector<std::uint8_t> pixels;
    // FloatPlanes: 3 * height * width values, plane by plane. Empty otherwise.
    std::vector<float> planes;

    bool isNull() const { return width <= 0 || height <= 0; }
};

enum class SeekAccuracy {
    // The frame shown at the time: the last one whose presentation time is <= t.
    Exact,
    // The keyframe at or before t: far faster for sparse pictures (thumbnails) on long files,
    // but up to a GOP (often seconds) early.
    Keyframe,
};

struct FrameSamplerOptions
{
    int streamIndex = -1; // -1: the best video stream
    FrameFormat format;
    SeekAccuracy accuracy = SeekAccuracy::Exact;
    // Decoders working in parallel on consecutive runs of the times, each single-threaded with
    // its own demuxer (on 2 cores two decoders beat one decoder with two threads when frames are
    // skipped). 1: all on the calling thread. 0: one per core (QThread::idealThreadCount()).
    int decoders = 1;
};

// Receives the frames. Return false to stop early (not an error). Always called on the thread
// that called sampleFrames(), one call at a time. With decoders == 1 the frames come in
// ascending time order; with more, each run's frames come in order but runs interleave: use
// VideoFrame::index.
using FrameSink = std::function<bool(VideoFrame &&frame)>;

// Decodes the frames shown at `times` (any order, repeats allowed; times before the first frame
// give the first frame, after the last give the last). Times count from the start of the file:
// the container's start offset is removed, so 0 is the first frame of an ordinary file.
//
// How: one pass in decode order; packets whose frames will not be shown at any requested time
// and that no other frame refers to are not decoded; a seek happens only when the next time lies
// beyond the next keyframe (so 1 fps with keyframes every few seconds never seeks, 1 frame a
// minute seeks every time). Memory stays flat whatever the file's length.
//
// Errors name the file: no video stream, unreadable or truncated file (the frames decoded
// before a truncation are still delivered, then the error is returned), cancelled.
// Thread-safe: no shared state; call from any thread.
Status sampleFrames(const QString &path,
                    const std::vector<Time> &times,
                    const FrameSamplerOptions &options,
                    const FrameSink &sink,
                    const CancellationToken &cancel = {},
                    const ProgressCallback &progress = {});

// The same, collecting the frames in the order of `times`.
Result<std::vector<VideoFrame>> sampleFrames(const QString &path,
                                             const std::vector<Time> &times,
                                             const FrameSamplerOptions &options,
                                             const CancellationToken &cancel = {});

// Evenly spaced times over [start, end): perSecond per second at (k + phase) / perSecond from
// start (phase 0.5: the middle of each 1/perSecond interval; 0: its start). When that would be
// more than maxCount times (maxCount > 0), maxCount times spread evenly over the range instead,
// again at the `phase` of each of maxCount equal intervals.
// Example: the frames of 1-s segments at 1 fps: uniformTimes({}, duration, 1.0).
std::vector<Time> uniformTimes(
    Time start, Time end, double perSecond, double phase = 0.5, int maxCount = 0);

// A representative small picture of a file for lists: the frame at 10% of the duration (past
// black openings), nearest keyframe, fitted into maxWidth x maxHeight keeping the aspect ratio
// (no bars), Rgb32. Error for audio-only files.
Result<VideoFrame> posterFrame(const QString &path,
                               int maxWidth,
                               int maxHeight,
                               const CancellationToken &cancel = {});

} // namespace earmark::media
