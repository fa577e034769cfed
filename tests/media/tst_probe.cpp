#include "core/media/probe.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace earmark;

namespace {

QString sample(const char *name)
{
    return QStringLiteral(EARMARK_BINARY_DIR "/share/earmark/samples/") + QLatin1String(name);
}

bool ffmpeg(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("ffmpeg"),
            QStringList{QStringLiteral("-nostdin"),
                        QStringLiteral("-v"),
                        QStringLiteral("error"),
                        QStringLiteral("-y")}
                + args);
    return p.waitForFinished(60000) && p.exitCode() == 0;
}

} // namespace

class TestProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sampleVideo()
    {
        auto info = media::probe(sample("test-pattern-bells.mp4"));
        QVERIFY2(info.ok(), qPrintable(info.errorString()));
        QVERIFY(info->hasVideo() && info->hasAudio());
        QCOMPARE(info->duration.milliseconds(), 10000);
        QCOMPARE(info->video()->width, 640);
        QCOMPARE(info->video()->height, 360);
        QCOMPARE(info->video()->frameRate, 25.0);
        QCOMPARE(info->video()->codec, QStringLiteral("h264"));
        QCOMPARE(info->video()->rotation, 0);
        QCOMPARE(info->audio()->sampleRate, 44100);
        QCOMPARE(info->audio()->codec, QStringLiteral("aac"));
        const QJsonObject json = info->toJson();
        QCOMPARE(json.value(QStringLiteral("duration")).toDouble(), 10.0);
    }

    void audioOnlyRotatedAndNonAsciiPaths()
    {
        QTemporaryDir dir;
        const QString audio = dir.filePath(QStringLiteral("sprache-äöü-音声.wav"));
        QVERIFY(ffmpeg({QStringLiteral("-f"),
                        QStringLiteral("lavfi"),
                        QStringLiteral("-i"),
                        QStringLiteral("sine=frequency=300:duration=2:sample_rate=16000"),
                        audio}));
        auto a = media::probe(audio);
        QVERIFY2(a.ok(), qPrintable(a.errorString()));
        QVERIFY(a->hasAudio());
        QVERIFY(!a->hasVideo());
        QCOMPARE(a->audio()->sampleRate, 16000);
        QCOMPARE(a->duration.milliseconds(), 2000);

        // A phone-style file: the picture is stored sideways with a display matrix (set by
        // remuxing; FFmpeg 5.1 drops the tag when encoding).
        const QString plain = dir.filePath(QStringLiteral("plain.mp4"));
        QVERIFY(ffmpeg({QStringLiteral("-f"),
                        QStringLiteral("lavfi"),
                        QStringLiteral("-i"),
                        QStringLiteral("testsrc2=size=320x240:rate=30:duration=1"),
                        QStringLiteral("-c:v"),
                        QStringLiteral("libx264"),
                        plain}));
        const QString rotated = dir.filePath(QStringLiteral("phone.mp4"));
        QVERIFY(ffmpeg({QStringLiteral("-i"),
                        plain,
                        QStringLiteral("-c"),
                        QStringLiteral("copy"),
                        QStringLiteral("-metadata:s:v:0"),
                        QStringLiteral("rotate=90"),
                        rotated}));
        auto r = media::probe(rotated);
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        QVERIFY(!r->hasAudio());
        QVERIFY2(r->video()->rotation == 90 || r->video()->rotation == 270,
                 qPrintable(QString::number(r->video()->rotation)));
        QCOMPARE(media::probe(plain)->video()->rotation, 0);
    }

    void clearErrorsForBadFiles()
    {
        QTemporaryDir dir;
        auto missing = media::probe(dir.filePath(QStringLiteral("nothing.mp4")));
        QVERIFY(!missing.ok());
        QVERIFY(missing.errorString().contains(QStringLiteral("nothing.mp4")));

        // The first 2 kB of a real file: FFmpeg cannot find its streams.
        QFile in(sample("mandelbrot-chirp.mp4"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QString cut = dir.filePath(QStringLiteral("cut.mp4"));
        QFile out(cut);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(in.read(2048));
        out.close();
        auto truncated = media::probe(cut);
        QVERIFY(!truncated.ok());
        QVERIFY2(truncated.errorString().startsWith(cut), qPrintable(truncated.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestProbe)
#include "tst_probe.moc"
