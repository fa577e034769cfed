#pragma once

#include "core/base/cancellation.h"
#include "core/base/result.h"

#include <QString>
#include <QVector>

#include <functional>

namespace earmark::media {

// Min/max/RMS of a mono signal per bucket of `samplesPerBucket` samples: what a waveform view
// draws from. Knows nothing of drawing.
struct Peaks
{
    int sampleRate = 0;
    int samplesPerBucket = 0;
    QVector<float> min;
    QVector<float> max;
    QVector<float> rms;

    qsizetype size() const { return min.size(); }
    double bucketSeconds() const
    {
        return sampleRate > 0 ? double(samplesPerBucket) / sampleRate : 0;
    }
};

// Streaming min/max/RMS: feed blocks of mono samples in order; complete buckets appear in peaks().
class PeakBuilder
{
public:
    PeakBuilder(int sampleRate, int samplesPerBucket);

    void add(const float *samples, qint64 count);
    // Closes the last partial bucket.
    void finish();
    const Peaks &peaks() const { return m_peaks; }
    Peaks takePeaks() { return std::move(m_peaks); }

private:
    void closeBucket();

    Peaks m_peaks;
    int m_filled = 0;
    float m_min = 0;
    float m_max = 0;
    double m_sumSquares = 0;
};

// Decodes the file's audio (mono mix at its own rate) and computes peaks with buckets of
// `bucketSeconds`. `onPartial` (optional) is called from time to time with the peaks so far, on
// the calling thread, so a view can fill in while the file is read.
Result<Peaks> computePeaks(const QString &path,
                           double bucketSeconds,
                           const CancellationToken &cancel = {},
                           const std::function<void(const Peaks &)> &onPartial = {});

} // namespace earmark::media
