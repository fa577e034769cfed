#pragma once

#include "core/base/cancellation.h"
#include "core/base/progress.h"
#include "core/base/result.h"
#include "core/base/time.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <vector>

namespace earmark::media {

struct WaveformUpdate;

// One resolution of a waveform overview: per bucket of `samplesPerBucket` samples of the mono
// mix, the minimum, maximum and RMS, stored as 16-bit values (sample * 32768, clamped: 16-bit
// PCM values, like audiowaveform's 16-bit data). Bucket i covers samples [i * samplesPerBucket, (i + 1) * ...).
struct WaveformLevel
{
    int samplesPerBucket = 0;
    std::vector<std::int16_t> min;
    std::vector<std::int16_t> max;
    std::vector<std::int16_t> rms;

    std::size_t size() const { return min.size(); }
};

// Multi-resolution min/max/RMS summary of a file's audio: what a waveform view draws from at any
// zoom down to kFinestSamplesPerBucket samples per pixel (below that, decode the visible range:
// decodeAudio with start/duration). Levels grow by a factor of kLevelFactor. Knows nothing of
// drawing. A value type: copies are independent.
class WaveformOverview
{
public:
    static constexpr int kFinestSamplesPerBucket = 256;
    static constexpr int kLevelFactor = 4;
    static constexpr int kLevelCount = 6; // 256 ... 262144 samples per bucket

    WaveformOverview() = default;
    explicit WaveformOverview(int sampleRate, Time expectedDuration = {});

    int sampleRate() const { return m_sampleRate; }
    // Samples summarised so far (all of them once complete()).
    qint64 sampleCount() const { return m_sampleCount; }
    Time coveredDuration() const;
    // The duration the container announced (0 if unknown); the full extent while computing.
    Time expectedDuration() const { return m_expectedDuration; }
    bool isComplete() const { return m_complete; }
    bool isEmpty() const { return m_sampleCount == 0; }

    const std::vector<WaveformLevel> &levels() const { return m_levels; }
    // The coarsest level whose buckets are no larger than `samplesPerPixel` (the finest level
    // when zoomed in further).
    const WaveformLevel &levelFor(double samplesPerPixel) const;

    struct Range
    {
        float min = 0;
        float max = 0;
        float rms = 0;
        bool valid = false; // false when nothing of [first, last) is summarised yet
    };
    // Min, max (in [-1, 1]) and RMS over samples [first, last), from the coarsest level that
    // resolves the range (buckets overlapping the range count whole): what one pixel column of a
    // view shows.
    Range range(qint64 firstSample, qint64 lastSample) const;

    // Appends what a later piece of the same computation adds (see WaveformUpdate).
    void append(const WaveformUpdate &update);

private:
    friend class WaveformBuilder;
    friend Result<WaveformOverview> readWaveformCache(const QString &, const QString &);
    int m_sampleRate = 0;
    qint64 m_sampleCount = 0;
    Time m_expectedDuration;
    bool m_complete = false;
    std::vector<WaveformLevel> m_levels;
};

// The buckets a computation added since its previous update: sent from the worker to the view so
// the view fills in while the file is read without copying what it already has.
struct WaveformUpdate
{
    int sampleRate = 0;
    Time expectedDuration;
    qint64 sampleCount = 0; // total summarised after this update
    bool complete = false;
    // Per level: the index of its first new bucket and the new buckets.
    std::vector<std::size_t> firstBucket;
    std::vector<WaveformLevel> buckets;
};

// Streaming computation: feed mono samples in order; all levels are built in the same pass.
class WaveformBuilder
{
public:
    WaveformBuilder(int sampleRate, Time expectedDuration = {});

    void add(const float *mono, qint64 count);
    // Closes the last partial buckets and marks the overview complete.
    void finish();
    const WaveformOverview &overview() const { return m_overview; }
    WaveformOverview takeOverview() { return std::move(m_overview); }
    // What was added since the previous call (everything on the first call).
    WaveformUpdate takeUpdate();

private:
    void closeFinest();
    void closeLevel(std::size_t level);

    WaveformOverview m_overview;
    std::vector<std::size_t> m_sent;
    // Per level: the open bucket's running values.
    struct Open
    {
        int filled = 0;     // samples (finest level) or child buckets (coarser levels)
        qint64 samples = 0; // samples covered
        float min = 0;
        float max = 0;
        double sumSquares = 0;
    };
    std::vector<Open> m_open;
};

struct WaveformOptions
{
    int streamIndex = -1; // -1: the best audio stream
    // Directory for cached overviews (paths::cacheDirForLibrary(library) + "/waveforms" is what
    // the application uses); empty: no cache. A cached overview is used when the media file's
    // path, size and modification time match; writes go through a temporary file and a rename.
    QString cacheDir;
    // Minimum wall-clock time between onUpdate calls; the first comes after the first 1/8 s.
    int updateIntervalMs = 250;
};

// The overview of a file's audio (mono mix at the stream's own rate), from the cache when
// there, else decoded in one streaming pass and then cached. `onUpdate` (optional) is called on
// the calling thread as buckets accumulate, so a view can draw the part already read; a cached
// overview comes as one complete update. Memory: the overview only (about 2.7 MB per hour at
// 48 kHz), never the decoded audio. Thread-safe (no shared state; concurrent writers of one cache
// file are safe: the last rename wins).
Result<WaveformOverview> computeWaveform(const QString &path,
                                         const WaveformOptions &options = {},
                                         const CancellationToken &cancel = {},
                                         const std::function<void(WaveformUpdate &&)> &onUpdate = {});

// Where computeWaveform() caches the overview of `mediaPath` inside `cacheDir`.
QString waveformCacheFile(const QString &cacheDir, const QString &mediaPath);
// Reads a cached overview; an error when missing, stale (the media file changed) or damaged.
Result<WaveformOverview> readWaveformCache(const QString &cacheFile, const QString &mediaPath);
Status writeWaveformCache(const QString &cacheFile,
                          const QString &mediaPath,
                          const WaveformOverview &overview);

// BBC audiowaveform's binary .dat format, version 2 (peaks.js reads it): a 24-byte header
// (version 2, flags: bit 0 set for 8-bit, sample rate, samples per pixel, length, channels) then
// per pixel and channel a min/max pair, little-endian.
struct AudiowaveformOptions
{
    int streamIndex = -1;
    // One of the two; samples per pixel wins when both are set. Neither: 256 samples per pixel
    // (audiowaveform's default zoom).
    int samplesPerPixel = 0;
    double pixelsPerSecond = 0;
    int bits = 16;              // 16 or 8
    bool splitChannels = false; // false: one channel (the mono mix); true: left and right
};

// Decodes `mediaPath` and writes its .dat file to `outPath` (through a temporary file and a
// rename: an interrupted run leaves no half-written file).
Status writeAudiowaveformDat(const QString &mediaPath,
                             const QString &outPath,
                             const AudiowaveformOptions &options,
                             const CancellationToken &cancel = {},
                             const ProgressCallback &progress = {});

} // namespace earmark::media
