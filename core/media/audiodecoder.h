#pragma once

#include "core/base/cancellation.h"
#include "core/base/progress.h"
#include "core/base/result.h"
#include "core/base/time.h"

#include <QString>

#include <QByteArray>

#include <functional>
#include <vector>

namespace earmark::media {

struct AudioDecodeOptions
{
    int sampleRate = 0;   // 0 keeps the stream's rate; else resampled with libswresample
    int channels = 1;     // 1 (mono mix) or 2 (stereo); more is down-mixed by libswresample
    int streamIndex = -1; // -1 picks the best audio stream
    // The exact range: the first sample delivered is the one at `start` (counted from the start
    // of the file, like frame times), and `duration` * rate samples are delivered (fewer only
    // when the file ends first).
    Time start;    // decode from here
    Time duration; // 0 decodes to the end
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

// Interleaved samples of a whole range, for short pieces (a model's window, a segment, a chat
// clip). Refuses ranges over `maxSeconds` of audio so a mistake cannot fill the memory.
struct AudioBuffer
{
    int sampleRate = 0;
    int channels = 0;
    std::vector<float> samples; // interleaved, frames() * channels values in [-1, 1]

    qint64 frames() const { return channels > 0 ? qint64(samples.size()) / channels : 0; }
    Time duration() const
    {
        return sampleRate > 0 ? Time::fromSeconds(double(frames()) / sampleRate) : Time();
    }
};
Result<AudioBuffer> decodeAudioBuffer(const QString &path,
                                      const AudioDecodeOptions &options,
                                      const CancellationToken &cancel = {},
                                      double maxSeconds = 600);

enum class WavFormat { Int16, Float32 };

// A RIFF/WAVE file in memory (16-bit PCM or 32-bit float) from interleaved samples: for sending
// audio to a server. Values outside [-1, 1] are clipped for Int16.
QByteArray encodeWav(const AudioBuffer &audio, WavFormat format = WavFormat::Int16);

// Decodes `mediaPath` (with `options`: rate, channels, stream, range) into a WAV file at
// `wavPath`, streaming (memory stays flat) through a temporary file and a rename. A WAV file
// holds at most 4 GiB: longer output is an error, and nothing is left behind.
Status writeWav(const QString &mediaPath,
                const QString &wavPath,
                const AudioDecodeOptions &options,
                WavFormat format = WavFormat::Int16,
                const CancellationToken &cancel = {},
                const ProgressCallback &progress = {});

} // namespace earmark::media
