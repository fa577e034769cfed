#include "core/media/waveform.h"

#include "core/base/paths.h"
#include "core/media/audiodecoder.h"
#include "core/media/internal/progressivebuild.h"
#include "core/media/probe.h"

#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <optional>

namespace earmark::media {

namespace {

constexpr quint32 kCacheMagic = 0x46574d45; // "EMWF"
constexpr quint32 kCacheVersion = 1;

std::int16_t quantize(float v)
{
    return std::int16_t(std::clamp<long>(std::lrint(v * 32768.f), -32768, 32767));
}

float unquantize(std::int16_t v)
{
    return v / 32768.f;
}

quint64 fnv1a(const char *data, qsizetype size, quint64 h = 1469598103934665603ull)
{
    for (qsizetype i = 0; i < size; ++i) {
        h ^= quint8(data[i]);
        h *= 1099511628211ull;
    }
    return h;
}

} // namespace

// ---- WaveformOverview ------------------------------------------------------------------------

WaveformOverview::WaveformOverview(int sampleRate, Time expectedDuration)
    : m_sampleRate(sampleRate)
    , m_expectedDuration(expectedDuration)
{
    int spb = kFinestSamplesPerBucket;
    for (int i = 0; i < kLevelCount; ++i, spb *= kLevelFactor) {
        WaveformLevel level;
        level.samplesPerBucket = spb;
        m_levels.push_back(std::move(level));
    }
}

Time WaveformOverview::coveredDuration() const
{
    return m_sampleRate > 0 ? Time::fromSeconds(double(m_sampleCount) / m_sampleRate) : Time();
}

const WaveformLevel &WaveformOverview::levelFor(double samplesPerPixel) const
{
    static const WaveformLevel empty;
    if (m_levels.empty())
        return empty;
    std::size_t best = 0;
    for (std::size_t i = 0; i < m_levels.size(); ++i) {
        if (m_levels[i].samplesPerBucket <= samplesPerPixel)
            best = i;
    }
    return m_levels[best];
}

WaveformOverview::Range WaveformOverview::range(qint64 firstSample, qint64 lastSample) const
{
    Range r;
    if (m_levels.empty() || lastSample <= firstSample)
        return r;
    const WaveformLevel &level = levelFor(double(lastSample - firstSample));
    const qint64 spb = level.samplesPerBucket;
    const qint64 size = qint64(level.size());
    const qint64 b0 = std::max<qint64>(0, firstSample / spb);
    const qint64 b1 = std::min<qint64>(size, (lastSample + spb - 1) / spb);
    if (b0 >= b1)
        return r;
    std::int16_t lo = level.min[size_t(b0)], hi = level.max[size_t(b0)];
    double squares = 0;
    qint64 samples = 0;
    for (qint64 b = b0; b < b1; ++b) {
        lo = std::min(lo, level.min[size_t(b)]);
        hi = std::max(hi, level.max[size_t(b)]);
        const double v = unquantize(level.rms[size_t(b)]);
        // The last bucket of a finished file may be partial: weigh buckets by their samples.
        const qint64 n = std::clamp<qint64>(m_sampleCount - b * spb, 1, spb);
        squares += v * v * double(n);
        samples += n;
    }
    r.min = unquantize(lo);
    r.max = unquantize(hi);
    r.rms = float(std::sqrt(squares / double(std::max<qint64>(1, samples))));
    r.valid = true;
    return r;
}

void WaveformOverview::append(const WaveformUpdate &update)
{
    if (m_levels.empty() || m_sampleRate != update.sampleRate) {
        *this = WaveformOverview(update.sampleRate, update.expectedDuration);
        m_levels.clear();
        for (const WaveformLevel &l : update.buckets) {
            WaveformLevel level;
            level.samplesPerBucket = l.samplesPerBucket;
            m_levels.push_back(std::move(level));
        }
    }
    for (std::size_t i = 0; i < update.buckets.size() && i < m_levels.size(); ++i) {
        WaveformLevel &level = m_levels[i];
        const WaveformLevel &add = update.buckets[i];
        const std::size_t at = std::min(update.firstBucket[i], level.size());
        level.min.resize(at);
        level.max.resize(at);
        level.rms.resize(at);
        level.min.insert(level.min.end(), add.min.begin(), add.min.end());
        level.max.insert(level.max.end(), add.max.begin(), add.max.end());
        level.rms.insert(level.rms.end(), add.rms.begin(), add.rms.end());
    }
    m_sampleCount = update.sampleCount;
    m_expectedDuration = update.expectedDuration;
    m_complete = update.complete;
}

// ---- WaveformBuilder -------------------------------------------------------------------------

WaveformBuilder::WaveformBuilder(int sampleRate, Time expectedDuration)
    : m_overview(sampleRate, expectedDuration)
    , m_sent(m_overview.m_levels.size(), 0)
    , m_open(m_overview.m_levels.size())
{}

void WaveformBuilder::add(const float *mono, qint64 count)
{
    const int spb = WaveformOverview::kFinestSamplesPerBucket;
    Open &o = m_open[0];
    qint64 i = 0;
    while (i < count) {
        const int n = int(std::min<qint64>(spb - o.filled, count - i));
        const float *p = mono + i;
        float lo = o.filled ? o.min : p[0];
        float hi = o.filled ? o.max : p[0];
        float squares = 0;
        for (int j = 0; j < n; ++j) {
            const float v = p[j];
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
            squares += v * v;
        }
        o.min = lo;
        o.max = hi;
        o.sumSquares += squares;
        o.filled += n;
        o.samples += n;
        i += n;
        if (o.filled == spb)
            closeFinest();
    }
    m_overview.m_sampleCount += count;
}

void WaveformBuilder::closeFinest()
{
    closeLevel(0);
}

void WaveformBuilder::closeLevel(std::size_t index)
{
    Open &o = m_open[index];
    WaveformLevel &level = m_overview.m_levels[index];
    level.min.push_back(quantize(o.min));
    level.max.push_back(quantize(o.max));
    level.rms.push_back(
        quantize(float(std::sqrt(o.sumSquares / double(std::max<qint64>(1, o.samples))))));
    if (index + 1 < m_open.size()) {
        Open &parent = m_open[index + 1];
        parent.min = parent.filled ? std::min(parent.min, o.min) : o.min;
        parent.max = parent.filled ? std::max(parent.max, o.max) : o.max;
        parent.sumSquares += o.sumSquares;
        parent.samples += o.samples;
        ++parent.filled;
        o = Open{};
        if (parent.filled == WaveformOverview::kLevelFactor)
            closeLevel(index + 1);
    } else {
        o = Open{};
    }
}

void WaveformBuilder::finish()
{
    for (std::size_t i = 0; i < m_open.size(); ++i) {
        if (m_open[i].filled > 0)
            closeLevel(i);
    }
    m_overview.m_complete = true;
}

WaveformUpdate WaveformBuilder::takeUpdate()
{
    WaveformUpdate u;
    u.sampleRate = m_overview.m_sampleRate;
    u.expectedDuration = m_overview.m_expectedDuration;
    u.sampleCount = m_overview.m_sampleCount;
    u.complete = m_overview.m_complete;
    for (std::size_t i = 0; i < m_overview.m_levels.size(); ++i) {
        const WaveformLevel &level = m_overview.m_levels[i];
        WaveformLevel add;
        add.samplesPerBucket = level.samplesPerBucket;
        const auto from = std::ptrdiff_t(m_sent[i]);
        add.min.assign(level.min.begin() + from, level.min.end());
        add.max.assign(level.max.begin() + from, level.max.end());
        add.rms.assign(level.rms.begin() + from, level.rms.end());
        u.firstBucket.push_back(m_sent[i]);
        u.buckets.push_back(std::move(add));
        m_sent[i] = level.size();
    }
    return u;
}

// ---- Cache -----------------------------------------------------------------------------------

QString waveformCacheFile(const QString &cacheDir, const QString &mediaPath)
{
    return paths::cacheFileFor(cacheDir, mediaPath, QStringLiteral(".waveform"));
}

Result<WaveformOverview> readWaveformCache(const QString &cacheFile, const QString &mediaPath)
{
    QFile file(cacheFile);
    if (!file.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("no cached waveform"), cacheFile);
    const QByteArray data = file.readAll();
    if (data.size() < 16)
        return Error(QStringLiteral("damaged cached waveform"), cacheFile);
    const qsizetype body = data.size() - 8;
    const quint64 stored = qFromLittleEndian<quint64>(data.constData() + body);
    if (stored != fnv1a(data.constData(), body))
        return Error(QStringLiteral("damaged cached waveform (checksum)"), cacheFile);

    QDataStream in(data.left(body));
    in.setByteOrder(QDataStream::LittleEndian);
    quint32 magic = 0, version = 0;
    qint64 size = 0, modified = 0;
    QString path;
    in >> magic >> version >> size >> modified >> path;
    if (magic != kCacheMagic || version != kCacheVersion)
        return Error(QStringLiteral("cached waveform of another version"), cacheFile);
    const QFileInfo media(mediaPath);
    if (path != media.absoluteFilePath() || size != media.size()
        || modified != media.lastModified().toMSecsSinceEpoch())
        return Error(QStringLiteral("stale cached waveform: the media file changed"), cacheFile);

    qint32 sampleRate = 0;
    qint64 sampleCount = 0, expectedUs = 0;
    quint32 levelCount = 0;
    in >> sampleRate >> sampleCount >> expectedUs >> levelCount;
    if (in.status() != QDataStream::Ok || sampleRate <= 0 || levelCount > 32)
        return Error(QStringLiteral("damaged cached waveform"), cacheFile);
    WaveformOverview overview(sampleRate, Time::fromMicroseconds(expectedUs));
    overview.m_levels.clear();
    for (quint32 l = 0; l < levelCount; ++l) {
        qint32 spb = 0;
        quint64 n = 0;
        in >> spb >> n;
        if (in.status() != QDataStream::Ok || spb <= 0 || n > quint64(data.size()))
            return Error(QStringLiteral("damaged cached waveform"), cacheFile);
        WaveformLevel level;
        level.samplesPerBucket = spb;
        for (std::vector<std::int16_t> *v : {&level.min, &level.max, &level.rms}) {
            v->resize(n);
            const int bytes = int(n * 2);
            if (in.readRawData(reinterpret_cast<char *>(v->data()), bytes) != bytes)
                return Error(QStringLiteral("damaged cached waveform"), cacheFile);
            if constexpr (Q_BYTE_ORDER == Q_BIG_ENDIAN) {
                for (auto &x : *v)
                    x = qFromLittleEndian(x);
            }
        }
        overview.m_levels.push_back(std::move(level));
    }
    overview.m_sampleCount = sampleCount;
    overview.m_complete = true;
    return overview;
}

Status writeWaveformCache(const QString &cacheFile,
                          const QString &mediaPath,
                          const WaveformOverview &overview)
{
    if (!QDir().mkpath(QFileInfo(cacheFile).absolutePath()))
        return Error(QStringLiteral("cannot create the cache folder"), cacheFile);
    QByteArray data;
    {
        QDataStream out(&data, QIODevice::WriteOnly);
        out.setByteOrder(QDataStream::LittleEndian);
        const QFileInfo media(mediaPath);
        out << kCacheMagic << kCacheVersion << qint64(media.size())
            << qint64(media.lastModified().toMSecsSinceEpoch()) << media.absoluteFilePath();
        out << qint32(overview.sampleRate()) << qint64(overview.sampleCount())
            << qint64(overview.expectedDuration().microseconds())
            << quint32(overview.levels().size());
        for (const WaveformLevel &level : overview.levels()) {
            out << qint32(level.samplesPerBucket) << quint64(level.size());
            for (const std::vector<std::int16_t> *v : {&level.min, &level.max, &level.rms}) {
                if constexpr (Q_BYTE_ORDER == Q_BIG_ENDIAN) {
                    for (std::int16_t x : *v)
                        out << qint16(x);
                } else {
                    out.writeRawData(reinterpret_cast<const char *>(v->data()), int(v->size() * 2));
                }
            }
        }
    }
    char checksum[8];
    qToLittleEndian<quint64>(fnv1a(data.constData(), data.size()), checksum);
    data.append(checksum, 8);
    QSaveFile file(cacheFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return Error(QStringLiteral("cannot write the cached waveform (%1)").arg(file.errorString()),
                     cacheFile);
    return {};
}

// ---- Computation -----------------------------------------------------------------------------

Result<WaveformOverview> computeWaveform(const QString &path,
                                         const WaveformOptions &options,
                                         const CancellationToken &cancel,
                                         const std::function<void(WaveformUpdate &&)> &onUpdate)
{
    const QString cacheFile = options.cacheDir.isEmpty()
                                  ? QString()
                                  : waveformCacheFile(options.cacheDir, path);
    if (!cacheFile.isEmpty()) {
        auto cached = readWaveformCache(cacheFile, path);
        if (cached) {
            if (onUpdate) {
                WaveformUpdate u;
                u.sampleRate = cached->sampleRate();
                u.expectedDuration = cached->expectedDuration();
                u.sampleCount = cached->sampleCount();
                u.complete = true;
                for (const WaveformLevel &level : cached->levels()) {
                    u.firstBucket.push_back(0);
                    u.buckets.push_back(level);
                }
                onUpdate(std::move(u));
            }
            return cached;
        }
    }

    AudioDecodeOptions decode;
    decode.channels = 1;
    decode.streamIndex = options.streamIndex;
    auto computed = internal::buildWhileDecoding<WaveformBuilder>(
        path,
        decode,
        options.updateIntervalMs,
        [](std::optional<WaveformBuilder> &builder, const AudioFormat &format) {
            builder.emplace(format.sampleRate, format.duration);
        },
        [](WaveformBuilder &builder) { return builder.takeOverview(); },
        onUpdate,
        cancel);
    if (!computed)
        return computed.error();
    WaveformOverview overview = std::move(computed).value();
    if (!cacheFile.isEmpty()) {
        if (Status s = writeWaveformCache(cacheFile, path, overview); !s)
            qWarning("%s", qPrintable(s.errorString()));
    }
    return overview;
}

// ---- audiowaveform .dat ----------------------------------------------------------------------

Status writeAudiowaveformDat(const QString &mediaPath,
                             const QString &outPath,
                             const AudiowaveformOptions &options,
                             const CancellationToken &cancel,
                             const ProgressCallback &progress)
{
    if (options.bits != 8 && options.bits != 16)
        return Error(QStringLiteral("bits must be 8 or 16, not %1").arg(options.bits));
    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly))
        return Error(QStringLiteral("cannot write the waveform file (%1); check the folder exists "
                                    "and is writable")
                         .arg(file.errorString()),
                     outPath);

    int channels = 0, rate = 0, spp = 0;
    quint32 length = 0;
    auto header = [&] {
        QByteArray h(24, Qt::Uninitialized);
        char *p = h.data();
        qToLittleEndian<qint32>(2, p);
        qToLittleEndian<quint32>(options.bits == 8 ? 1u : 0u, p + 4);
        qToLittleEndian<qint32>(rate, p + 8);
        qToLittleEndian<qint32>(spp, p + 12);
        qToLittleEndian<quint32>(length, p + 16);
        qToLittleEndian<qint32>(channels, p + 20);
        return h;
    };

    // Per channel: the open pixel's extremes as 16-bit values.
    std::vector<int> lo, hi;
    int filled = 0;
    QByteArray pending;
    bool writeFailed = false;
    auto closePixel = [&] {
        for (int c = 0; c < channels; ++c) {
            if (options.bits == 8) {
                pending.append(char(std::clamp(lo[size_t(c)] / 256, -128, 127)));
                pending.append(char(std::clamp(hi[size_t(c)] / 256, -128, 127)));
            } else {
                char b[4];
                qToLittleEndian<qint16>(qint16(lo[size_t(c)]), b);
                qToLittleEndian<qint16>(qint16(hi[size_t(c)]), b + 2);
                pending.append(b, 4);
            }
            lo[size_t(c)] = 32767;
            hi[size_t(c)] = -32768;
        }
        ++length;
        filled = 0;
        if (pending.size() >= 1 << 16) {
            if (file.write(pending) != pending.size())
                writeFailed = true;
            pending.clear();
        }
    };

    AudioDecodeOptions decode;
    decode.channels = 1;
    decode.streamIndex = options.streamIndex;
    if (options.splitChannels) {
        // Left and right of a stereo (or larger) stream; a mono stream stays one channel.
        auto info = probe(mediaPath);
        if (!info) {
            file.cancelWriting();
            return info.error();
        }
        const StreamInfo *stream = options.streamIndex >= 0 ? info->stream(options.streamIndex)
                                                            : info->audio();
        if (stream && stream->channels >= 2)
            decode.channels = 2;
    }
    const Status status = decodeAudio(
        mediaPath,
        decode,
        [&](const float *samples, qint64 frames) {
            for (qint64 i = 0; i < frames; ++i) {
                for (int c = 0; c < channels; ++c) {
                    const int v = quantize(samples[i * channels + c]);
                    lo[size_t(c)] = std::min(lo[size_t(c)], v);
                    hi[size_t(c)] = std::max(hi[size_t(c)], v);
                }
                if (++filled == spp)
                    closePixel();
            }
            return !writeFailed;
        },
        [&](const AudioFormat &format) {
            rate = format.sampleRate;
            channels = format.channels;
            if (options.samplesPerPixel > 0)
                spp = options.samplesPerPixel;
            else if (options.pixelsPerSecond > 0)
                spp = std::max(1, int(std::lround(rate / options.pixelsPerSecond)));
            else
                spp = 256;
            lo.assign(size_t(channels), 32767);
            hi.assign(size_t(channels), -32768);
            file.write(header());
        },
        cancel,
        progress);
    if (!status) {
        file.cancelWriting();
        return status.error();
    }
    if (filled > 0)
        closePixel();
    if (!pending.isEmpty() && file.write(pending) != pending.size())
        writeFailed = true;
    if (writeFailed || !file.seek(0) || file.write(header()) != 24 || !file.commit()) {
        file.cancelWriting();
        return Error(QStringLiteral("cannot write the waveform file (%1)").arg(file.errorString()),
                     outPath);
    }
    return {};
}

} // namespace earmark::media
