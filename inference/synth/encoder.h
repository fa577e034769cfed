#pragma once

#include "core/base/result.h"

#include <QImage>
#include <QString>

#include <functional>
#include <vector>

namespace earmark::synth {

// Encodes one clip with the ffmpeg program: frames (RGB32, all the same size) are piped in raw,
// the sound (mono float at `sampleRate`) goes through a temporary WAV next to `mp4Path`. Writes
// H.264 (yuv420p, one keyframe per second, single-threaded so the bytes depend only on the input)
// and AAC into "<mp4Path>.part" and renames it to `mp4Path` when ffmpeg succeeded; on failure no
// file is left behind. `frame(i)` is called for i = 0 .. frameCount-1 in order. ffmpeg runs in
// its own process group, so a terminal's Ctrl-C does not reach it.
Status encodeClip(const QString &mp4Path,
                  int frameCount,
                  int fps,
                  const std::function<QImage(int)> &frame,
                  const std::vector<float> &audio,
                  int sampleRate,
                  const QString &ffmpegProgram = QStringLiteral("ffmpeg"));

// Writes mono float samples as a 16-bit PCM WAV file (write-then-rename).
Status writeWav(const QString &path, const std::vector<float> &samples, int sampleRate);

} // namespace earmark::synth
