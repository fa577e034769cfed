// Audio as the models and the chat need it: any rate, mono or stereo, a chosen stream, exact
// ranges, in memory or as WAV files.

#include "core/media/audiodecoder.h"
#include "core/media/probe.h"
#include "mediatestutil.h"

#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <cmath>

using namespace earmark;
using namespace earmark::mediatest;

namespace {

media::AudioDecodeOptions opts(int rate, int channels, Time start = {}, Time duration = {})
{
    media::AudioDecodeOptions o;
    o.sampleRate = rate;
    o.channels = channels;
    o.start = start;
    o.duration = duration;
    return o;
}

double maxAbsDiff(const float *a, const float *b, qint64 n)
{
    double m = 0;
    for (qint64 i = 0; i < n; ++i)
        m = std::max(m, double(std::abs(a[i] - b[i])));
    return m;
}

} // namespace

class TestAudio : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QString::fromUtf8(name)); }

private Q_SLOTS:
    void exactRangesMatchAFullDecode_data()
    {
        QTest::addColumn<QString>("codec");
        QTest::addColumn<int>("rate");
        QTest::newRow("aac native") << "aac" << 0;
        QTest::newRow("aac 16 kHz") << "aac" << 16000;
        QTest::newRow("mp3 native") << "libmp3lame" << 0;
        QTest::newRow("mp3 32 kHz") << "libmp3lame" << 32000;
    }

    void exactRangesMatchAFullDecode()
    {
        QFETCH(QString, codec);
        QFETCH(int, rate);
        const QString file = path(codec == QLatin1String("aac") ? "tones.m4a" : "tones.mp3");
        if (!QFile::exists(file)) {
            const QString e = ffmpeg(
                {QStringLiteral("-f"),
                 QStringLiteral("lavfi"),
                 QStringLiteral("-i"),
                 // Tones, not noise: AAC codes noise parametrically and
                 // its decoder fills it in from a random generator.
                 QStringLiteral("aevalsrc='0.3*sin(2*PI*(200+150*t)*t)+0.2*"
                                "sin(2*PI*1234*t)*sin(2*PI*0.7*t)':s=44100:d=8"),
                 QStringLiteral("-c:a"),
                 codec,
                 file});
            QVERIFY2(e.isEmpty(), qPrintable(e));
        }
        auto whole = media::decodeAudioBuffer(file, opts(rate, 1));
        QVERIFY2(whole.ok(), qPrintable(whole.errorString()));
        const int r = whole->sampleRate;
        QCOMPARE(r, rate ? rate : 44100);
        for (double start : {0.25, 2.5, 5.1234}) {
            auto piece = media::decodeAudioBuffer(file,
                                                  opts(rate,
                                                       1,
                                                       Time::fromSeconds(start),
                                                       Time::fromSeconds(1.5)));
            QVERIFY2(piece.ok(), qPrintable(piece.errorString()));
            QCOMPARE(piece->frames(), qint64(std::llround(1.5 * r)));
            const qint64 first = std::llround(start * r);
            const double diff = maxAbsDiff(piece->samples.data(),
                                           whole->samples.data() + first,
                                           piece->frames());
            // The same samples a full decode gives (resampling restarts: a hair of difference).
            QVERIFY2(diff < (rate ? 2e-3 : 1e-4),
                     qPrintable(QStringLiteral("from %1 s: differs by %2").arg(start).arg(diff)));
        }
    }

    void stereoAndSurroundDownmix()
    {
        // 5.1 with a tone only in the front left channel.
        const QString file = path("surround.mka");
        QString e = ffmpeg({QStringLiteral("-f"),
                            QStringLiteral("lavfi"),
                            QStringLiteral("-i"),
                            QStringLiteral("aevalsrc='0.5*sin(2*PI*440*t)|0|0|0|0|0':s=48000:d=2:"
                                           "channel_layout=5.1"),
                            QStringLiteral("-c:a"),
                            QStringLiteral("flac"),
                            file});
        QVERIFY2(e.isEmpty(), qPrintable(e));
        auto info = media::probe(file);
        QVERIFY(info.ok());
        QCOMPARE(info->audio()->channels, 6);
        auto stereo = media::decodeAudioBuffer(file, opts(0, 2));
        QVERIFY2(stereo.ok(), qPrintable(stereo.errorString()));
        QCOMPARE(stereo->channels, 2);
        float left = 0, right = 0;
        for (qint64 i = 0; i < stereo->frames(); ++i) {
            left = std::max(left, std::abs(stereo->samples[size_t(2 * i)]));
            right = std::max(right, std::abs(stereo->samples[size_t(2 * i + 1)]));
        }
        QVERIFY2(left > 0.2f && right < 0.01f,
                 qPrintable(QStringLiteral("%1 %2").arg(left).arg(right)));
        auto mono = media::decodeAudioBuffer(file, opts(16000, 1));
        QVERIFY(mono.ok());
        QCOMPARE(mono->frames(), qint64(32000));
    }

    void choosesAStream()
    {
        // Two audio streams: 300 Hz quiet and 1 kHz loud.
        const QString file = path("two-streams.mkv");
        QString e = ffmpeg({QStringLiteral("-f"),
                            QStringLiteral("lavfi"),
                            QStringLiteral("-i"),
                            QStringLiteral("sine=f=300:d=1,volume=0.1"),
                            QStringLiteral("-f"),
                            QStringLiteral("lavfi"),
                            QStringLiteral("-i"),
                            QStringLiteral("sine=f=1000:d=1,volume=0.8"),
                            QStringLiteral("-map"),
                            QStringLiteral("0"),
                            QStringLiteral("-map"),
                            QStringLiteral("1"),
                            QStringLiteral("-c:a"),
                            QStringLiteral("flac"),
                            file});
        QVERIFY2(e.isEmpty(), qPrintable(e));
        auto peakOf = [&](int stream) {
            media::AudioDecodeOptions o = opts(0, 1);
            o.streamIndex = stream;
            auto b = media::decodeAudioBuffer(file, o);
            float peak = 0;
            for (float v : b->samples)
                peak = std::max(peak, std::abs(v));
            return peak;
        };
        const float quiet = peakOf(0), loud = peakOf(1);
        QVERIFY2(loud > 5 * quiet && quiet > 0.f,
                 qPrintable(QStringLiteral("%1 %2").arg(quiet).arg(loud)));
        media::AudioDecodeOptions bad = opts(0, 1);
        bad.streamIndex = 7;
        auto none = media::decodeAudioBuffer(file, bad);
        QVERIFY(!none.ok());
        QVERIFY(none.errorString().startsWith(file));
    }

    void audioStartingLateIsPaddedWithSilence()
    {
        const QString file = path("late-audio.mp4");
        QString e = ffmpeg({QStringLiteral("-f"),
                            QStringLiteral("lavfi"),
                            QStringLiteral("-i"),
                            QStringLiteral("testsrc2=s=160x120:r=25:d=3"),
                            QStringLiteral("-itsoffset"),
                            QStringLiteral("1"),
                            QStringLiteral("-f"),
                            QStringLiteral("lavfi"),
                            QStringLiteral("-i"),
                            QStringLiteral("sine=f=500:d=2:r=16000,volume=4"),
                            QStringLiteral("-c:v"),
                            QStringLiteral("libx264"),
                            QStringLiteral("-c:a"),
                            QStringLiteral("pcm_s16le"),
                            QStringLiteral("-f"),
                            QStringLiteral("mov"),
                            file});
        QVERIFY2(e.isEmpty(), qPrintable(e));
        auto b = media::decodeAudioBuffer(file, opts(16000, 1, {}, Time::fromSeconds(2)));
        QVERIFY2(b.ok(), qPrintable(b.errorString()));
        QCOMPARE(b->frames(), qint64(32000));
        float before = 0, after = 0;
        for (int i = 0; i < 15800; ++i)
            before = std::max(before, std::abs(b->samples[size_t(i)]));
        for (int i = 16200; i < 32000; ++i)
            after = std::max(after, std::abs(b->samples[size_t(i)]));
        QVERIFY2(before < 0.01f && after > 0.3f,
                 qPrintable(QStringLiteral("%1 %2").arg(before).arg(after)));
    }

    void wavInMemoryAndOnDisk()
    {
        media::AudioBuffer tone;
        tone.sampleRate = 16000;
        tone.channels = 1;
        for (int i = 0; i < 1600; ++i)
            tone.samples.push_back(float(std::sin(2 * M_PI * 440 * i / 16000.0)) * 0.5f);
        tone.samples[0] = 2.0f; // clipped, not wrapped
        const QByteArray wav = media::encodeWav(tone);
        QCOMPARE(wav.size(), 44 + 3200);
        QCOMPARE(wav.left(4), QByteArray("RIFF"));
        QCOMPARE(qFromLittleEndian<quint32>(wav.constData() + 4), quint32(wav.size() - 8));
        QCOMPARE(qFromLittleEndian<quint16>(wav.constData() + 20), quint16(1));
        QCOMPARE(qFromLittleEndian<quint32>(wav.constData() + 24), quint32(16000));
        QCOMPARE(qFromLittleEndian<qint16>(wav.constData() + 44), qint16(32767));
        const QByteArray f32 = media::encodeWav(tone, media::WavFormat::Float32);
        QCOMPARE(qFromLittleEndian<quint16>(f32.constData() + 20), quint16(3));

        // What the chat sends: 16 kHz mono of a range, read back by FFmpeg.
        const QString out = path("clip.wav");
        const Status s = media::writeWav(sample("test-pattern-bells.mp4"),
                                         out,
                                         opts(16000, 1, Time::fromSeconds(1), Time::fromSeconds(3)));
        QVERIFY2(s.ok(), qPrintable(s.errorString()));
        auto info = media::probe(out);
        QVERIFY2(info.ok(), qPrintable(info.errorString()));
        QCOMPARE(info->audio()->sampleRate, 16000);
        QCOMPARE(info->audio()->channels, 1);
        QCOMPARE(info->audio()->codec, QStringLiteral("pcm_s16le"));
        QCOMPARE(info->duration, Time::fromSeconds(3));
        // The bell at 2 s is 1 s into the clip.
        auto back = media::decodeAudioBuffer(out, opts(0, 1));
        QVERIFY(back.ok());
        float quiet = 0, bell = 0;
        for (int i = 15000; i < 15900; ++i)
            quiet = std::max(quiet, std::abs(back->samples[size_t(i)]));
        for (int i = 16000; i < 17000; ++i)
            bell = std::max(bell, std::abs(back->samples[size_t(i)]));
        QVERIFY2(quiet < 0.05f && bell > 0.4f,
                 qPrintable(QStringLiteral("%1 %2").arg(quiet).arg(bell)));

        // A failure leaves nothing behind.
        const QString broken = path("broken.wav");
        QVERIFY(!media::writeWav(path("missing.mp4"), broken, opts(16000, 1)).ok());
        QVERIFY(!QFile::exists(broken));
    }

    void refusesHugeBuffers()
    {
        auto b = media::decodeAudioBuffer(sample("test-pattern-bells.mp4"), opts(0, 1), {}, 2.0);
        QVERIFY(!b.ok());
        QVERIFY(b.errorString().contains(QStringLiteral("longer than")));
    }
};

QTEST_GUILESS_MAIN(TestAudio)
#include "tst_audio.moc"
