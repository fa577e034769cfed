#include "core/media/audiodecoder.h"
#include "core/media/peaks.h"

#include <QTest>

#include <cmath>

using namespace earmark;

namespace {

QString sample(const char *name)
{
    return QStringLiteral(EARMARK_BINARY_DIR "/share/earmark/samples/") + QLatin1String(name);
}

} // namespace

class TestPeaks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builderBuckets()
    {
        media::PeakBuilder b(10, 4);
        const float a[] = {0.5f, -0.5f, 0.25f, -0.25f, 1.0f, 0.0f};
        b.add(a, 3);
        b.add(a + 3, 3);
        b.finish();
        const media::Peaks &p = b.peaks();
        QCOMPARE(p.size(), 2);
        QCOMPARE(p.max[0], 0.5f);
        QCOMPARE(p.min[0], -0.5f);
        QCOMPARE(p.rms[0], float(std::sqrt((0.25 + 0.25 + 0.0625 + 0.0625) / 4)));
        QCOMPARE(p.max[1], 1.0f);
        QCOMPARE(p.min[1], 0.0f);
        QCOMPARE(p.bucketSeconds(), 0.4);
    }

    void bellsEveryTwoSeconds()
    {
        // The sample rings a decaying 880 Hz bell at 0, 2, 4, 6, 8 s (amplitude 0.6), silent from
        // 1 s after each strike.
        auto peaks = media::computePeaks(sample("test-pattern-bells.mp4"), 0.1);
        QVERIFY2(peaks.ok(), qPrintable(peaks.errorString()));
        // AAC pads its last frame: 10 s plus up to 1023 samples.
        QVERIFY2(peaks->size() == 100 || peaks->size() == 101,
                 qPrintable(QString::number(peaks->size())));
        for (int strike = 0; strike < 5; ++strike) {
            const int at = strike * 20;
            QVERIFY2(peaks->max[at] > 0.4f, qPrintable(QString::number(peaks->max[at])));
            QVERIFY(peaks->min[at] < -0.4f);
            QVERIFY2(peaks->max[at + 15] < 0.02f, qPrintable(QString::number(peaks->max[at + 15])));
        }
    }

    void decodesAnExactRange()
    {
        qint64 frames = 0;
        int rate = 0;
        const Status s = media::decodeAudio(
            sample("test-pattern-bells.mp4"),
            media::AudioDecodeOptions{16000, 1, -1, Time::fromSeconds(2.5), Time::fromSeconds(3)},
            [&](const float *, qint64 n) {
                frames += n;
                return true;
            },
            [&](const media::AudioFormat &f) { rate = f.sampleRate; });
        QVERIFY2(s.ok(), qPrintable(s.errorString()));
        QCOMPARE(rate, 16000);
        QCOMPARE(frames, 48000);
    }

    void cancels()
    {
        CancellationToken cancel;
        cancel.cancel();
        auto peaks = media::computePeaks(sample("test-pattern-bells.mp4"), 0.1, cancel);
        QVERIFY(!peaks.ok());
        QVERIFY(peaks.errorString().contains(QStringLiteral("cancelled")));
    }
};

QTEST_GUILESS_MAIN(TestPeaks)
#include "tst_peaks.moc"
