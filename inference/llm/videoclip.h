#pragma once

#include "core/base/cancellation.h"
#include "core/base/progress.h"
#include "core/base/result.h"
#include "core/base/time.h"

#include <QByteArray>
#include <QList>
#include <QSize>
#include <QString>

#include <optional>

namespace earmark::llm {

struct LlmSettings;

// The part of a video sent with a question, prepared exactly as the model takes it: frames
// sampled evenly over the clip as JPEG files, and the audio as one 16 kHz mono 16-bit WAV file.
// Immutable once prepared; safe to share between threads.
struct VideoClip
{
    QString path;
    Time start; // of the clip in the video
    Time end;
    bool wholeVideo = true; // false: a selection
    Time videoDuration;     // of the whole video

    QList<Time> frameTimes;       // presentation times of the frames, ascending
    QList<QByteArray> jpegFrames; // one JPEG file per frame time
    QSize frameSize;              // of every JPEG
    QByteArray wav;               // empty when the video has no sound or audio is not sent
    qint64 audioSampleCount = 0;  // 16 kHz samples in `wav`

    Time length() const { return end - start; }
};

// The video a clip is taken from.
struct ClipSource
{
    QString path;
    Time duration; // as the library knows it; 0: taken from the file
};

// A part of a video: [start, end).
struct ClipRange
{
    Time start;
    Time end;
};

// Reads the video's frames and audio for `range` (absent: the whole video) as `settings` ask:
// frames at settings.framesPerSecond (media::uniformTimes with phase 0.5: 2 per second over
// 0-10 s are at 0.25, 0.75, ... 9.75 s), at most settings.maxFrames spread evenly over longer
// clips, the longer side scaled down to settings.frameMaxSide, JPEG at settings.jpegQuality; the
// audio as a 16 kHz mono 16-bit WAV of exactly the range. Frames are left out for audio-only
// files and when settings.sendFrames is off; audio likewise.
//
// Decodes: call it off the GUI thread. Fails with a message for a person naming the file when it
// cannot be read, and when the clip is longer than settings.maxClipSeconds (saying to select a
// shorter range).
Result<VideoClip> prepareVideoClip(const ClipSource &source,
                                   const std::optional<ClipRange> &range,
                                   const LlmSettings &settings,
                                   const CancellationToken &cancel = {},
                                   const ProgressCallback &progress = {});

} // namespace earmark::llm
