// Waveform overviews: the levels agree with each other and with the audio, fill in while the file
// is read, come back from the cache on the second open, and export audiowaveform's .dat format.

#include "core/media/audiodecoder.h"
#include "core/media/waveform.h"
#include "mediatestutil.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <cmath>

using namespace earmark;
using namespace earmark::mediatest;

class TestWaveform : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void levelsAgree()
    {
        // 10 s at 8 kHz: a ramp from -1 to 1 with a spike.
        const int rate = 8000;
        std::vector<float> x(size_t(rate) * 10);
        for (size_t i = 0; i < x.size(); ++i)
            x[i] = -1.f + 2.f * float(i) / float(x.size());
        x[50000] = 1.0f;
        media::WaveformBuilder builder(rate);
        // In odd pieces, as a decoder would deliver them.
        for (size_t at = 0; at < x.size(); at += 777)
            builder.add(x.data() + at, qint64(std::min<size_t>(777, x.size() - at)));
        builder.finish();
        const media::WaveformOverview &o = builder.overview();
        QVERIFY(o.isComplete());
        QCOMPARE(o.sampleCount(), qint64(x.size()));
        QCOMPARE(o.levels().size(), size_t(media::WaveformOverview::kLevelCount));
        const media::WaveformLevel &finest = o.levels()[0];
        QCOMPARE(finest.samplesPerBucket, 256);
        QCOMPARE(finest.size(), (x.size() + 255) / 256);
        // Bucket 10: samples 2560..2815.
        QCOMPARE(finest.min[10], std::int16_t(std::lrint(x[2560] * 32768)));
        QCOMPARE(finest.max[10], std::int16_t(std::lrint(x[2815] * 32768)));
        // Every coarser bucket is the extreme of its four children.
        for (size_t l = 1; l < o.levels().size(); ++l) {
            const auto &fine = o.levels()[l - 1];
            const auto &coarse = o.levels()[l];
            QCOMPARE(coarse.samplesPerBucket, fine.samplesPerBucket * 4);
            for (size_t b = 0; b < coarse.size(); ++b) {
                std::int16_t lo = 32767, hi = -32768;
                for (size_t c = 4 * b; c < std::min(fine.size(), 4 * b + 4); ++c) {
                    lo = std::min(lo, fine.min[c]);
                    hi = std::max(hi, fine.max[c]);
                }
                QCOMPARE(coarse.min[b], lo);
                QCOMPARE(coarse.max[b], hi);
            }
        }
        // The spike shows at every zoom.
        for (qint64 spp : {256, 1000, 5000, 80000}) {
            const qint64 first = 50000 / spp * spp;
            const auto r = o.range(first, first + spp);
            QVERIFY(r.valid);
            QVERIFY2(r.max > 0.99f, qPrintable(QString::number(spp)));
        }
        // RMS of a ramp over everything: 1/sqrt(3).
        const auto all = o.range(0, qint64(x.size()));
        QVERIFY(std::abs(all.rms - 1 / std::sqrt(3.f)) < 0.01f);
        QVERIFY(!o.range(qint64(x.size()) + 1000, qint64(x.size()) + 2000).valid);
    }

    void fillsInWhileReadingAndMatchesTheAudio()
    {
        const QString file = sample("test-pattern-bells.mp4");
        media::WaveformOptions options;
        options.updateIntervalMs = 0; // an update per decoded block
        media::WaveformOverview progressive;
        int updates = 0;
        auto result = media::computeWaveform(file, options, {}, [&](media::WaveformUpdate &&u) {
            ++updates;
            QVERIFY(u.sampleCount >= progressive.sampleCount());
            progressive.append(u);
        });
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QVERIFY2(updates >= 3, qPrintable(QString::number(updates)));
        QVERIFY(progressive.isComplete());
        QCOMPARE(progressive.sampleCount(), result->sampleCount());
        for (size_t l = 0; l < result->levels().size(); ++l) {
            QCOMPARE(progressive.levels()[l].min, result->levels()[l].min);
            QCOMPARE(progressive.levels()[l].rms, result->levels()[l].rms);
        }
        QCOMPARE(result->sampleRate(), 44100);
        QCOMPARE(result->expectedDuration().milliseconds() / 100, 100);
        // Bells (0.6) at 0, 2, 4, 6, 8 s; silence from 1 s after each.
        for (int strike = 0; strike < 5; ++strike) {
            const qint64 at = qint64(strike) * 2 * 44100;
            QVERIFY(result->range(at, at + 4410).max > 0.4f);
            QVERIFY(result->range(at + 50000, at + 52000).max < 0.02f);
        }
    }

    void secondOpenComesFromTheCache()
    {
        // A copy, so the test can change it.
        const QString file = m_dir.filePath(QStringLiteral("bells-ünï.mp4"));
        QVERIFY(QFile::copy(sample("test-pattern-bells.mp4"), file));
        const QString cacheDir = m_dir.filePath(QStringLiteral("library.sqlite.cache/waveforms"));
        media::WaveformOptions options;
        options.cacheDir = cacheDir;
        auto first = media::computeWaveform(file, options);
        QVERIFY2(first.ok(), qPrintable(first.errorString()));
        const QString cached = media::waveformCacheFile(cacheDir, file);
        QVERIFY(QFile::exists(cached));

        QElapsedTimer clock;
        clock.start();
        int updates = 0;
        auto second = media::computeWaveform(file, options, {}, [&](media::WaveformUpdate &&u) {
            ++updates;
            QVERIFY(u.complete);
        });
        QVERIFY(second.ok());
        QCOMPARE(updates, 1);
        QCOMPARE(second->sampleCount(), first->sampleCount());
        QCOMPARE(second->levels()[0].max, first->levels()[0].max);
        QCOMPARE(second->levels()[3].rms, first->levels()[3].rms);

        // A damaged cache file is recomputed, not trusted.
        {
            QFile f(cached);
            QVERIFY(f.open(QIODevice::ReadWrite));
            f.seek(200);
            f.write("garbage");
        }
        QVERIFY(!media::readWaveformCache(cached, file).ok());
        auto third = media::computeWaveform(file, options);
        QVERIFY(third.ok());
        QCOMPARE(third->levels()[0].max, first->levels()[0].max);
        QVERIFY(media::readWaveformCache(cached, file).ok());

        // The media file changed: the cache is stale.
        QFile media(file);
        QVERIFY(media.open(QIODevice::ReadWrite));
        QVERIFY(media.setFileTime(QDateTime::currentDateTime().addSecs(5),
                                  QFileDevice::FileModificationTime));
        media.close();
        auto stale = media::readWaveformCache(cached, file);
        QVERIFY(!stale.ok());
        QVERIFY(stale.errorString().contains(QStringLiteral("changed")));
    }

    void audiowaveformDat()
    {
        const QString out = m_dir.filePath(QStringLiteral("bells.dat"));
        media::AudiowaveformOptions o;
        o.pixelsPerSecond = 100;
        const Status s = media::writeAudiowaveformDat(sample("test-pattern-bells.mp4"), out, o);
        QVERIFY2(s.ok(), qPrintable(s.errorString()));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray d = f.readAll();
        const char *p = d.constData();
        QCOMPARE(qFromLittleEndian<qint32>(p), 2);       // version
        QCOMPARE(qFromLittleEndian<quint32>(p + 4), 0u); // 16-bit
        QCOMPARE(qFromLittleEndian<qint32>(p + 8), 44100);
        QCOMPARE(qFromLittleEndian<qint32>(p + 12), 441); // samples per pixel
        const quint32 length = qFromLittleEndian<quint32>(p + 16);
        QCOMPARE(qFromLittleEndian<qint32>(p + 20), 1); // channels
        QVERIFY2(length == 1000 || length == 1001 || length == 1002,
                 qPrintable(QString::number(length)));
        QCOMPARE(d.size(), qsizetype(24 + length * 4));
        // Compare with the audio itself, pixel by pixel.
        auto audio = media::decodeAudioBuffer(sample("test-pattern-bells.mp4"), {});
        QVERIFY(audio.ok());
        for (quint32 i = 0; i < length; i += 37) {
            float lo = 1, hi = -1;
            for (qint64 k = qint64(i) * 441;
                 k < std::min<qint64>(audio->frames(), qint64(i + 1) * 441);
                 ++k) {
                lo = std::min(lo, audio->samples[size_t(k)]);
                hi = std::max(hi, audio->samples[size_t(k)]);
            }
            const qint16 dmin = qFromLittleEndian<qint16>(p + 24 + 4 * i);
            const qint16 dmax = qFromLittleEndian<qint16>(p + 26 + 4 * i);
            QVERIFY(std::abs(dmin - lo * 32768) <= 1.5);
            QVERIFY(std::abs(dmax - hi * 32768) <= 1.5);
        }

        // 8 bits, two channels, a fixed zoom.
        o.pixelsPerSecond = 0;
        o.samplesPerPixel = 512;
        o.bits = 8;
        o.splitChannels = true;
        QVERIFY(media::writeAudiowaveformDat(sample("test-pattern-bells.mp4"), out, o).ok());
        QFile g(out);
        QVERIFY(g.open(QIODevice::ReadOnly));
        const QByteArray e = g.readAll();
        QCOMPARE(qFromLittleEndian<quint32>(e.constData() + 4), 1u);
        QCOMPARE(qFromLittleEndian<qint32>(e.constData() + 12), 512);
        // The sample is mono: one channel, as audiowaveform gives.
        QCOMPARE(qFromLittleEndian<qint32>(e.constData() + 20), 1);
        const quint32 len8 = qFromLittleEndian<quint32>(e.constData() + 16);
        QCOMPARE(e.size(), qsizetype(24 + len8 * 2));
        QVERIFY(qint8(e[24 + 1]) > 70); // first bell's max: 0.6 * 128
        // A stereo file: left loud, right quiet.
        const QString stereo = m_dir.filePath(QStringLiteral("stereo.wav"));
        const QString err = ffmpeg(
            {QStringLiteral("-f"),
             QStringLiteral("lavfi"),
             QStringLiteral("-i"),
             QStringLiteral("aevalsrc='0.8*sin(2*PI*300*t)|0.1*sin(2*PI*300*t)':s=8000:d=1"),
             stereo});
        QVERIFY2(err.isEmpty(), qPrintable(err));
        QVERIFY(media::writeAudiowaveformDat(stereo, out, o).ok());
        QFile h(out);
        QVERIFY(h.open(QIODevice::ReadOnly));
        const QByteArray two = h.readAll();
        QCOMPARE(qFromLittleEndian<qint32>(two.constData() + 20), 2);
        const quint32 len2 = qFromLittleEndian<quint32>(two.constData() + 16);
        QCOMPARE(len2, quint32((8000 + 511) / 512));
        QCOMPARE(two.size(), qsizetype(24 + len2 * 4));
        QVERIFY(qint8(two[24 + 1]) > 95);                           // left max
        QVERIFY(qint8(two[24 + 3]) > 9 && qint8(two[24 + 3]) < 16); // right max

        // Bad input: a clear error and no file.
        const QString bad = m_dir.filePath(QStringLiteral("none.dat"));
        const Status missing = media::writeAudiowaveformDat(m_dir.filePath(QStringLiteral("x.mp3")),
                                                            bad,
                                                            {});
        QVERIFY(!missing.ok());
        QVERIFY(!QFile::exists(bad));
    }
};

QTEST_GUILESS_MAIN(TestWaveform)
#include "tst_waveform.moc"
