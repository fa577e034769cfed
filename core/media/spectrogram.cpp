#include "core/media/spectrogram.h"

#include "core/media/audiodecoder.h"
#include "core/media/fft.h"
#include "core/media/internal/progressivebuild.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>

namespace earmark::media {

namespace {

double hzToMel(double hz)
{
    return 2595.0 * std::log10(1.0 + hz / 700.0);
}

double melToHz(double mel)
{
    return 700.0 * (std::pow(10.0, mel / 2595.0) - 1.0);
}

SpectrogramFormat formatFor(const SpectrogramOptions &o)
{
    SpectrogramFormat f;
    f.sampleRate = o.sampleRate;
    f.fftSize = o.fftSize;
    f.hopSize = o.hopSize;
    f.bands = o.bands;
    f.minFrequency = std::max(0.0, o.minFrequency);
    f.maxFrequency = std::min(o.maxFrequency, o.sampleRate / 2.0);
    f.floorDb = o.floorDb;
    return f;
}

} // namespace

// ---- SpectrogramFormat -----------------------------------------------------------------------

// Band centres are the inner points of bands + 2 points evenly spaced in mel from min to max.
double SpectrogramFormat::bandFrequency(double band) const
{
    const double lo = hzToMel(minFrequency), hi = hzToMel(maxFrequency);
    return melToHz(lo + (hi - lo) * (band + 1) / (bands + 1));
}

double SpectrogramFormat::bandForFrequency(double hz) const
{
    const double lo = hzToMel(minFrequency), hi = hzToMel(maxFrequency);
    if (hi <= lo)
        return 0;
    return (hzToMel(std::max(0.0, hz)) - lo) / (hi - lo) * (bands + 1) - 1;
}

double SpectrogramFormat::decibels(std::uint8_t cell) const
{
    if (cell == 0)
        return floorDb;
    return floorDb + (-floorDb) * (cell - 1) / 254.0;
}

// ---- Spectrogram -----------------------------------------------------------------------------

Spectrogram::Spectrogram(const SpectrogramFormat &format, Time expectedDuration)
    : m_format(format)
    , m_expectedDuration(expectedDuration)
{}

Time Spectrogram::coveredDuration() const
{
    const double cps = m_format.columnsPerSecond();
    return cps > 0 ? Time::fromSeconds(double(m_columns) / cps) : Time();
}

void Spectrogram::append(const SpectrogramUpdate &update)
{
    if (!(m_format == update.format))
        *this = Spectrogram(update.format, update.expectedDuration);
    const int bands = std::max(1, m_format.bands);
    const qint64 at = std::min(update.firstColumn, m_columns);
    m_cells.resize(size_t(at) * size_t(bands));
    m_cells.insert(m_cells.end(), update.cells.begin(), update.cells.end());
    m_columns = qint64(m_cells.size()) / bands;
    m_expectedDuration = update.expectedDuration;
    m_complete = update.complete;
}

// ---- SpectrogramBuilder ----------------------------------------------------------------------

SpectrogramBuilder::SpectrogramBuilder(const SpectrogramOptions &options, Time expectedDuration)
    : m_result(formatFor(options), expectedDuration)
    , m_fft(std::make_unique<Fft>(options.fftSize))
{
    const SpectrogramFormat &f = m_result.m_format;
    const int n = m_fft->size();
    if (n == 0 || f.hopSize <= 0 || f.bands <= 0 || f.sampleRate <= 0)
        return; // computeSpectrogram() refuses such options; add() then does nothing
    // Periodic Hann window; scaled so a full-scale sine at a bin's centre has power 1 there.
    m_window.resize(size_t(n));
    double sum = 0;
    for (int i = 0; i < n; ++i) {
        m_window[size_t(i)] = float(0.5 - 0.5 * std::cos(2 * std::numbers::pi * i / n));
        sum += m_window[size_t(i)];
    }
    m_powerScale = float(1.0 / ((sum / 2) * (sum / 2)));

    // Triangular mel filters with peak 1. A band narrower than the bin spacing (low bands of a
    // short frame) takes the bins around its centre by linear interpolation instead, so no band
    // is empty.
    const int bins = n / 2 + 1;
    const double binHz = double(f.sampleRate) / n;
    for (int b = 0; b < f.bands; ++b) {
        const double left = f.bandFrequency(b - 1), centre = f.bandFrequency(b),
                     right = f.bandFrequency(b + 1);
        std::vector<float> w(size_t(bins), 0.f);
        int count = 0;
        for (int k = 0; k < bins; ++k) {
            const double hz = k * binHz;
            double v = 0;
            if (hz > left && hz <= centre)
                v = (hz - left) / (centre - left);
            else if (hz > centre && hz < right)
                v = (right - hz) / (right - centre);
            if (v > 0) {
                w[size_t(k)] = float(v);
                ++count;
            }
        }
        if (count < 2) {
            std::fill(w.begin(), w.end(), 0.f);
            const double pos = centre / binHz;
            const int k0 = std::clamp(int(std::floor(pos)), 0, bins - 1);
            const int k1 = std::min(k0 + 1, bins - 1);
            const float frac = float(pos - k0);
            w[size_t(k0)] += 1 - frac;
            w[size_t(k1)] += frac;
        }
        int first = 0, last = bins - 1;
        while (first < last && w[size_t(first)] == 0)
            ++first;
        while (last > first && w[size_t(last)] == 0)
            --last;
        m_firstBin.push_back(first);
        m_weights.emplace_back(w.begin() + first, w.begin() + last + 1);
    }
    // The first frame is centred on the middle of column 0: half a frame minus half a hop of
    // silence before the first sample.
    m_pending.assign(size_t(std::max(0, n / 2 - f.hopSize / 2)), 0.f);
    m_frame.resize(size_t(n));
    m_power.resize(size_t(bins));
}

SpectrogramBuilder::~SpectrogramBuilder() = default;

void SpectrogramBuilder::add(const float *mono, qint64 count)
{
    if (m_window.empty() || count <= 0)
        return;
    m_pending.insert(m_pending.end(), mono, mono + count);
    m_samples += count;
    const std::size_t n = m_window.size();
    const std::size_t hop = std::size_t(m_result.m_format.hopSize);
    while (m_pending.size() - m_offset >= n) {
        computeColumn();
        m_offset += hop;
    }
    // Keep the buffer small: drop what no frame needs any more.
    if (m_offset > (1u << 14)) {
        m_pending.erase(m_pending.begin(), m_pending.begin() + std::ptrdiff_t(m_offset));
        m_offset = 0;
    }
}

void SpectrogramBuilder::computeColumn()
{
    const SpectrogramFormat &f = m_result.m_format;
    const std::size_t n = m_window.size();
    const float *x = m_pending.data() + m_offset;
    for (std::size_t i = 0; i < n; ++i)
        m_frame[i] = x[i] * m_window[i];
    m_fft->powerSpectrum(m_frame.data(), m_power.data(), m_scratch);
    const double range = -f.floorDb;
    for (int b = 0; b < f.bands; ++b) {
        const std::vector<float> &w = m_weights[size_t(b)];
        const float *p = m_power.data() + m_firstBin[size_t(b)];
        double energy = 0;
        for (std::size_t k = 0; k < w.size(); ++k)
            energy += double(w[k]) * p[k];
        energy *= m_powerScale;
        std::uint8_t cell = 0;
        if (energy > 0) {
            const double db = 10 * std::log10(energy);
            if (db > f.floorDb)
                cell = std::uint8_t(
                    std::clamp<long>(1 + std::lround((db - f.floorDb) / range * 254), 1, 255));
        }
        m_result.m_cells.push_back(cell);
    }
    ++m_result.m_columns;
}

void SpectrogramBuilder::finish()
{
    if (!m_window.empty() && !m_result.m_complete) {
        const qint64 hop = m_result.m_format.hopSize;
        const qint64 wanted = (m_samples + hop - 1) / hop;
        const std::size_t n = m_window.size();
        while (m_result.m_columns < wanted) {
            if (m_pending.size() - m_offset < n)
                m_pending.resize(m_offset + n, 0.f);
            computeColumn();
            m_offset += std::size_t(hop);
        }
        m_pending.clear();
        m_pending.shrink_to_fit();
        m_offset = 0;
    }
    m_result.m_complete = true;
}

SpectrogramUpdate SpectrogramBuilder::takeUpdate()
{
    SpectrogramUpdate u;
    u.format = m_result.m_format;
    u.expectedDuration = m_result.m_expectedDuration;
    u.firstColumn = m_sent;
    const std::size_t bands = std::size_t(std::max(1, u.format.bands));
    u.cells.assign(m_result.m_cells.begin() + std::ptrdiff_t(size_t(m_sent) * bands),
                   m_result.m_cells.end());
    u.complete = m_result.m_complete;
    m_sent = m_result.m_columns;
    return u;
}

// ---- Computation -----------------------------------------------------------------------------

Result<Spectrogram> computeSpectrogram(const QString &path,
                                       const SpectrogramOptions &options,
                                       const CancellationToken &cancel,
                                       const std::function<void(SpectrogramUpdate &&)> &onUpdate)
{
    if (options.sampleRate < 1000 || options.hopSize <= 0 || options.bands <= 0
        || Fft(options.fftSize).size() == 0 || options.minFrequency >= options.maxFrequency
        || options.floorDb >= 0)
        return Error(QStringLiteral("invalid spectrogram options (rate %1, FFT size %2, hop %3, "
                                    "%4 bands, %5-%6 Hz, floor %7 dB)")
                         .arg(options.sampleRate)
                         .arg(options.fftSize)
                         .arg(options.hopSize)
                         .arg(options.bands)
                         .arg(options.minFrequency)
                         .arg(options.maxFrequency)
                         .arg(options.floorDb),
                     path);
    AudioDecodeOptions decode;
    decode.sampleRate = options.sampleRate;
    decode.channels = 1;
    decode.streamIndex = options.streamIndex;
    return internal::buildWhileDecoding<SpectrogramBuilder>(
        path,
        decode,
        options.updateIntervalMs,
        [&](std::optional<SpectrogramBuilder> &builder, const AudioFormat &format) {
            builder.emplace(options, format.duration);
        },
        [](SpectrogramBuilder &builder) { return builder.takeSpectrogram(); },
        onUpdate,
        cancel);
}

} // namespace earmark::media
