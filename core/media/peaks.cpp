#include "core/media/peaks.h"

#include "core/media/audiodecoder.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace earmark::media {

PeakBuilder::PeakBuilder(int sampleRate, int samplesPerBucket)
{
    m_peaks.sampleRate = sampleRate;
    m_peaks.samplesPerBucket = std::max(1, samplesPerBucket);
}

void PeakBuilder::add(const float *samples, qint64 count)
{
    for (qint64 i = 0; i < count; ++i) {
        const float v = samples[i];
        if (m_filled == 0) {
            m_min = v;
            m_max = v;
        } else {
            m_min = std::min(m_min, v);
            m_max = std::max(m_max, v);
        }
        m_sumSquares += double(v) * v;
        if (++m_filled == m_peaks.samplesPerBucket)
            closeBucket();
    }
}

void PeakBuilder::finish()
{
    if (m_filled > 0)
        closeBucket();
}

void PeakBuilder::closeBucket()
{
    m_peaks.min.append(m_min);
    m_peaks.max.append(m_max);
    m_peaks.rms.append(float(std::sqrt(m_sumSquares / m_filled)));
    m_filled = 0;
    m_sumSquares = 0;
}

Result<Peaks> computePeaks(const QString &path,
                           double bucketSeconds,
                           const CancellationToken &cancel,
                           const std::function<void(const Peaks &)> &onPartial)
{
    std::optional<PeakBuilder> builder;
    qint64 sinceUpdate = 0;
    int updateEvery = 0;
    const Status status = decodeAudio(
        path,
        AudioDecodeOptions{},
        [&](const float *samples, qint64 frames) {
            builder->add(samples, frames);
            sinceUpdate += frames;
            if (onPartial && sinceUpdate >= updateEvery) {
                sinceUpdate = 0;
                onPartial(builder->peaks());
            }
            return true;
        },
        [&](const AudioFormat &format) {
            builder.emplace(format.sampleRate,
                            std::max(1, int(std::lround(bucketSeconds * format.sampleRate))));
            updateEvery = format.sampleRate * 60; // a minute of audio between partial updates
        },
        cancel);
    if (!status)
        return status.error();
    builder->finish();
    return builder->takePeaks();
}

} // namespace earmark::media
