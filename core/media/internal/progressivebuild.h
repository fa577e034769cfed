#pragma once

#include "core/base/cancellation.h"
#include "core/base/result.h"
#include "core/media/audiodecoder.h"

#include <QElapsedTimer>

#include <algorithm>
#include <optional>
#include <type_traits>

namespace earmark::media::internal {

// Decodes the audio of `path` into a summary built while decoding (the waveform overview, the
// spectrogram): `make(builder, format)` emplaces the builder once the format is known, every
// block goes to its add(), and `onUpdate` (optional) receives its takeUpdate() at most every
// `updateIntervalMs` (the first after at most 125 ms) and once more after finish(). Returns
// `take(builder)` of the finished builder; errors (cancellation included) name the file.
template<typename Builder, typename Make, typename Take, typename OnUpdate>
auto buildWhileDecoding(const QString &path,
                        const AudioDecodeOptions &decode,
                        int updateIntervalMs,
                        Make make,
                        Take take,
                        const OnUpdate &onUpdate,
                        const CancellationToken &cancel)
    -> Result<std::invoke_result_t<Take, Builder &>>
{
    std::optional<Builder> builder;
    QElapsedTimer clock;
    clock.start();
    qint64 nextUpdateMs = std::min(125, std::max(0, updateIntervalMs));
    const Status status = decodeAudio(
        path,
        decode,
        [&](const float *samples, qint64 frames) {
            builder->add(samples, frames);
            if (onUpdate && clock.elapsed() >= nextUpdateMs) {
                onUpdate(builder->takeUpdate());
                nextUpdateMs = clock.elapsed() + std::max(1, updateIntervalMs);
            }
            return true;
        },
        [&](const AudioFormat &format) { make(builder, format); },
        cancel);
    if (!status)
        return status.error();
    if (!builder)
        return Error(QStringLiteral("no audio could be decoded"), path);
    builder->finish();
    if (onUpdate)
        onUpdate(builder->takeUpdate());
    return take(*builder);
}

} // namespace earmark::media::internal
