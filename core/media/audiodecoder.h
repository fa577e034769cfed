#pragma once

#include "core/base/cancellation.h"
#include "core/base/progress.h"
#include "core/base/result.h"
#include "core/base/time.h"

#include <QString>

#include <functional>

namespace earmark::media {

struct AudioDecodeOptions
{
    int sampleRate = 0;   // 0 keeps the stream's rate
    int channels = 1;     // 1 (mono mix) or 2 (stereo); more is down-mixed by libswresample
    int streamIndex = -1; // -1 picks the best audio stream
    Time start;           // decode from here
    Time duration;        // 0 decodes to the end
};

// What the decoder found before the first block arrives.
struct AudioFormat
{
    int sampleRate = 0;
    int channels = 0;
    Time duration; // of the stream, 0 if unknown
};

// Receives interleaved float samples in [-1, 1], `frames` frames of `channels` values, in order.
// Returns false to stop decoding early (not an error).
using AudioSink = std::function<bool(const float *interleaved, qint64 frames)>;

// Decodes one audio stream in blocks and pushes them into `sink`: memory stays flat whatever the
// file's length. `onFormat` (optional) is called once before the first block. Runs on the
// calling thread; cancel through `cancel` (returns an error saying it was cancelled).
Status decodeAudio(const QString &path,
                   const AudioDecodeOptions &options,
                   const AudioSink &sink,
                   const std::function<void(const AudioFormat &)> &onFormat = {},
                   const CancellationToken &cancel = {},
                   const ProgressCallback &progress = {});

} // namespace earmark::media
