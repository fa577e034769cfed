#pragma once

#include "core/base/cancellation.h"
#include "core/base/result.h"
#include "core/base/time.h"

#include <QString>

#include <complex>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace earmark::media {

class Fft;
struct SpectrogramUpdate;

// How a spectrogram is computed: the audio is mixed to mono and resampled to `sampleRate`, cut
// into Hann-windowed frames of `fftSize` samples every `hopSize` samples, and the power of each
// frame summed into `bands` triangular bands evenly spaced on the mel scale between
// `minFrequency` and `maxFrequency` (clamped to the Nyquist frequency). Each cell is the band's
// level in dB relative to a full-scale sine, quantised to 8 bits: 0 at or below `floorDb`, 1..255
// for (floorDb, 0 dB], linearly (louder clamps to 255).
struct SpectrogramOptions
{
    int sampleRate = 16000;
    int fftSize = 512; // a power of two: 32 ms at 16 kHz
    int hopSize = 160; // 100 columns per second at 16 kHz
    int bands = 80;
    double minFrequency = 40;
    double maxFrequency = 8000;
    double floorDb = -100;
    int streamIndex = -1; // -1: the best audio stream
    // Minimum wall-clock time between onUpdate calls; the first comes after the first 1/8 s.
    int updateIntervalMs = 250;
};

// The geometry a spectrogram was computed with: enough to map cells to times and frequencies.
struct SpectrogramFormat
{
    int sampleRate = 0;
    int fftSize = 0;
    int hopSize = 0;
    int bands = 0;
    double minFrequency = 0;
    double maxFrequency = 0;
    double floorDb = -100;

    bool isValid() const { return sampleRate > 0 && hopSize > 0 && bands > 0; }
    double columnsPerSecond() const { return isValid() ? double(sampleRate) / hopSize : 0; }
    // Band b's centre frequency in Hz (bands run upwards from 0).
    double bandFrequency(double band) const;
    // The (fractional) band whose centre is `hz`; below 0 or above bands - 1 outside the range.
    double bandForFrequency(double hz) const;
    // The dB level a cell value stands for (floorDb for 0).
    double decibels(std::uint8_t cell) const;
    bool operator==(const SpectrogramFormat &) const = default;
};

// Log-magnitude mel spectrogram of a file's audio, 8 bits per cell, column by column: column c
// covers the audio of [c, c + 1) / columnsPerSecond() seconds (its frame is centred there).
// About 29 MB per hour with the defaults. Knows nothing of drawing. A value type.
class Spectrogram
{
public:
    Spectrogram() = default;
    Spectrogram(const SpectrogramFormat &format, Time expectedDuration);

    const SpectrogramFormat &format() const { return m_format; }
    int bands() const { return m_format.bands; }
    qint64 columnCount() const { return m_columns; }
    // The duration the container announced (0 if unknown): the full extent while computing.
    Time expectedDuration() const { return m_expectedDuration; }
    Time coveredDuration() const;
    bool isComplete() const { return m_complete; }
    bool isEmpty() const { return m_columns == 0; }

    std::uint8_t at(qint64 column, int band) const
    {
        return m_cells[size_t(column) * size_t(m_format.bands) + size_t(band)];
    }
    // The `bands()` cells of one column, lowest band first.
    const std::uint8_t *column(qint64 column) const
    {
        return m_cells.data() + size_t(column) * size_t(m_format.bands);
    }
    const std::vector<std::uint8_t> &cells() const { return m_cells; }

    // Appends what a later piece of the same computation adds (see SpectrogramUpdate).
    void append(const SpectrogramUpdate &update);

private:
    friend class SpectrogramBuilder;
    SpectrogramFormat m_format;
    Time m_expectedDuration;
    qint64 m_columns = 0;
    bool m_complete = false;
    std::vector<std::uint8_t> m_cells; // column-major: column c, band b at c * bands + b
};

// The columns a computation added since its previous update, for a view that fills in while the
// file is read.
struct SpectrogramUpdate
{
    SpectrogramFormat format;
    Time expectedDuration;
    qint64 firstColumn = 0;
    std::vector<std::uint8_t> cells; // whole columns, as in Spectrogram::cells()
    bool complete = false;
};

// Streaming computation: feed mono samples at format().sampleRate in order, in pieces of any
// size; memory stays at one frame plus the columns made. Not thread-safe (one per computation).
class SpectrogramBuilder
{
public:
    explicit SpectrogramBuilder(const SpectrogramOptions &options = {}, Time expectedDuration = {});
    ~SpectrogramBuilder();

    void add(const float *mono, qint64 count);
    // Pads the end with silence so the last samples get their column; marks it complete.
    void finish();
    const Spectrogram &spectrogram() const { return m_result; }
    Spectrogram takeSpectrogram() { return std::move(m_result); }
    // What was added since the previous call (everything on the first call).
    SpectrogramUpdate takeUpdate();

private:
    void computeColumn();

    Spectrogram m_result;
    std::unique_ptr<Fft> m_fft;
    std::vector<float> m_window;
    // Per band: the first FFT bin it weighs and the weights of its bins.
    std::vector<int> m_firstBin;
    std::vector<std::vector<float>> m_weights;
    std::vector<float> m_pending; // samples not yet consumed; the next frame starts at m_offset
    std::size_t m_offset = 0;
    qint64 m_samples = 0; // fed so far
    qint64 m_sent = 0;    // columns handed out by takeUpdate()
    std::vector<float> m_frame;
    std::vector<float> m_power;
    std::vector<std::complex<float>> m_scratch;
    float m_powerScale = 1;
};

// The spectrogram of a file's audio, decoded in blocks (memory stays flat: the cells only, never
// the decoded audio). `onUpdate` (optional) is called on the calling thread as columns
// accumulate, the last time with complete set. Errors name the file; cancelling returns an error
// saying so. Thread-safe (no shared state).
Result<Spectrogram> computeSpectrogram(
    const QString &path,
    const SpectrogramOptions &options = {},
    const CancellationToken &cancel = {},
    const std::function<void(SpectrogramUpdate &&)> &onUpdate = {});

} // namespace earmark::media
