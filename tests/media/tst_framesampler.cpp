// The frame sampler delivers the frame shown at each asked time, exactly: every test video here
// draws its own frame index into the picture, so a wrong frame cannot pass.

#include "core/media/framesampler.h"
#include "core/media/probe.h"
#include "mediatestutil.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace earmark;
using namespace earmark::mediatest;

namespace {

media::FrameSamplerOptions rgbAtDisplaySize()
{
    media::FrameSamplerOptions o;
    o.format.output = media::PixelOutput::Rgb24;
    return o;
}

double meanAbsDiff(const std::uint8_t *a, const std::uint8_t *b, std::size_t n)
{
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i)
        sum += std::abs(int(a[i]) - int(b[i]));
    return n ? sum / n : 0;
}

} // namespace

class TestFrameSampler : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_cfr; // 12 s, 30 fps, B-frames, keyframe every 90 frames
    QString m_vfr; // 6 s, irregular frame intervals, 10-bit
    QString m_colour;

    QString path(const char *name) const { return m_dir.filePath(QString::fromUtf8(name)); }

    // Checks that every asked time got the frame ffprobe says is shown then.
    void verifyExact(const QString &file,
                     const std::vector<Time> &times,
                     const media::FrameSamplerOptions &options)
    {
        const std::vector<Time> pts = framePresentationTimes(file);
        QVERIFY(pts.size() > 10);
        auto frames = media::sampleFrames(file, times, options);
        QVERIFY2(frames.ok(), qPrintable(frames.errorString()));
        QCOMPARE(frames->size(), times.size());
        for (std::size_t i = 0; i < times.size(); ++i) {
            const media::VideoFrame &f = (*frames)[i];
            const int expected = shownAt(pts, times[i]);
            QVERIFY2(!f.isNull(), qPrintable(QStringLiteral("no frame for %1").arg(i)));
            QCOMPARE(f.index, int(i));
            QCOMPARE(f.requested, times[i]);
            const int got = readIndex(f);
            QVERIFY2(got == expected,
                     qPrintable(QStringLiteral("at %1 s: frame %2 delivered, %3 is shown")
                                    .arg(times[i].seconds(), 0, 'f', 6)
                                    .arg(got)
                                    .arg(expected)));
            QCOMPARE(f.pts, pts[std::size_t(expected)]);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cfr = path("cfr.mp4");
        QString e = ffmpeg({QStringLiteral("-f"),
                            QStringLiteral("lavfi"),
                            QStringLiteral("-i"),
                            indexPicture(320, 240, 30, 12),
                            QStringLiteral("-c:v"),
                            QStringLiteral("libx264"),
                            QStringLiteral("-g"),
                            QStringLiteral("90"),
                            QStringLiteral("-pix_fmt"),
                            QStringLiteral("yuv420p"),
                            QStringLiteral("-movflags"),
                            QStringLiteral("+faststart"),
                            m_cfr});
        QVERIFY2(e.isEmpty(), qPrintable(e));
        // A phone-like variable frame rate: 33 ms steps with pauses, stored in 10 bits.
        m_vfr = path("vfr-10bit.mp4");
        e = ffmpeg(
            {QStringLiteral("-f"),
             QStringLiteral("lavfi"),
             QStringLiteral("-i"),
             indexPicture(320, 240, 30, 6)
                 + QStringLiteral(",settb=1/1000,setpts='N*33+floor(N/10)*17+floor(N/25)*120'"),
             QStringLiteral("-fps_mode"),
             QStringLiteral("passthrough"),
             QStringLiteral("-c:v"),
             QStringLiteral("libx264"),
             QStringLiteral("-pix_fmt"),
             QStringLiteral("yuv420p10le"),
             QStringLiteral("-video_track_timescale"),
             QStringLiteral("1000"),
             m_vfr});
        QVERIFY2(e.isEmpty(), qPrintable(e));
        m_colour = path("colour.mp4");
        e = ffmpeg({QStringLiteral("-f"),
                    QStringLiteral("lavfi"),
                    QStringLiteral("-i"),
                    QStringLiteral("color=c=0x3366cc:s=320x240:r=25:d=1"),
                    QStringLiteral("-c:v"),
                    QStringLiteral("libx264"),
                    QStringLiteral("-pix_fmt"),
                    QStringLiteral("yuv444p"),
                    m_colour});
        QVERIFY2(e.isEmpty(), qPrintable(e));
    }

    void onePerSecond()
    {
        const auto times = media::uniformTimes({}, Time::fromSeconds(12), 1.0);
        QCOMPARE(times.size(), std::size_t(12));
        QCOMPARE(times.front(), Time::fromMilliseconds(500));
        verifyExact(m_cfr, times, rgbAtDisplaySize());
    }

    void denseSparseAndBoundaryTimes()
    {
        const std::vector<Time> pts = framePresentationTimes(m_cfr);
        std::vector<Time> times = media::uniformTimes({}, Time::fromSeconds(12), 7.0, 0.0);
        // Exactly on a frame's time, a microsecond before it, past both ends, repeats, unsorted.
        for (int k : {0, 1, 89, 90, 91, 179, 180, 359}) {
            times.push_back(pts[std::size_t(k)]);
            times.push_back(pts[std::size_t(k)] - Time::fromMicroseconds(1));
        }
        times.push_back(Time::fromSeconds(-1));
        times.push_back(Time::fromSeconds(60));
        times.push_back(Time::fromSeconds(3.3));
        times.push_back(Time::fromSeconds(3.3));
        times.push_back(Time::fromSeconds(0.2));
        verifyExact(m_cfr, times, rgbAtDisplaySize());
    }

    void randomTimesWithParallelDecoders()
    {
        QRandomGenerator rng(7);
        std::vector<Time> times;
        for (int i = 0; i < 40; ++i)
            times.push_back(Time::fromMicroseconds(qint64(rng.bounded(12'000'000))));
        media::FrameSamplerOptions o = rgbAtDisplaySize();
        verifyExact(m_cfr, times, o);
        o.decoders = 2;
        verifyExact(m_cfr, times, o);
    }

    void variableFrameRateTenBit()
    {
        auto info = media::probe(m_vfr);
        QVERIFY2(info.ok(), qPrintable(info.errorString()));
        QCOMPARE(info->video()->bitsPerSample, 10);
        QVERIFY(info->video()->variableFrameRate);
        std::vector<Time> times = media::uniformTimes({}, Time::fromSeconds(6.5), 13.0, 0.3);
        const std::vector<Time> pts = framePresentationTimes(m_vfr);
        for (const Time &t : pts) {
            times.push_back(t);
            times.push_back(t - Time::fromMicroseconds(1));
        }
        verifyExact(m_vfr, times, rgbAtDisplaySize());
    }

    void keyframeAccuracyGivesTheKeyframeBefore()
    {
        media::FrameSamplerOptions o = rgbAtDisplaySize();
        o.accuracy = media::SeekAccuracy::Keyframe;
        const std::vector<Time> times{Time::fromSeconds(0.5),
                                      Time::fromSeconds(4.0),
                                      Time::fromSeconds(7.9),
                                      Time::fromSeconds(11.5)};
        const std::vector<Time> all = framePresentationTimes(m_cfr);
        const std::vector<Time> keys = framePresentationTimes(m_cfr, true);
        QVERIFY(keys.size() >= 4);
        auto frames = media::sampleFrames(m_cfr, times, o);
        QVERIFY2(frames.ok(), qPrintable(frames.errorString()));
        for (std::size_t i = 0; i < times.size(); ++i) {
            const Time key = keys[std::size_t(shownAt(keys, times[i]))];
            const int expected = shownAt(all, key);
            QCOMPARE((*frames)[i].pts, key);
            QCOMPARE(readIndex((*frames)[i]), expected);
        }
    }

    void floatPlanesNormalised()
    {
        media::FrameSamplerOptions o;
        o.format.width = 224;
        o.format.height = 224;
        o.format.output = media::PixelOutput::FloatPlanes;
        o.format.mean = {0.485f, 0.456f, 0.406f};
        o.format.std = {0.229f, 0.224f, 0.225f};
        auto frames = media::sampleFrames(m_colour, {Time::fromSeconds(0.5)}, o);
        QVERIFY2(frames.ok(), qPrintable(frames.errorString()));
        const media::VideoFrame &f = frames->front();
        QCOMPARE(f.width, 224);
        QCOMPARE(f.height, 224);
        QCOMPARE(f.planes.size(), std::size_t(3 * 224 * 224));
        QVERIFY(f.pixels.empty());
        const float rgb[] = {0x33 / 255.f, 0x66 / 255.f, 0xcc / 255.f};
        for (int c = 0; c < 3; ++c) {
            const float expected = (rgb[c] - o.format.mean[size_t(c)]) / o.format.std[size_t(c)];
            const float got = f.planes[std::size_t(c) * 224 * 224 + 112 * 224 + 112];
            // YUV round trip: a few levels of 255.
            QVERIFY2(std::abs(got - expected) < 4.f / 255.f / o.format.std[size_t(c)],
                     qPrintable(
                         QStringLiteral("channel %1: %2 vs %3").arg(c).arg(got).arg(expected)));
        }
    }

    void resizeModes()
    {
        // 320x240 into 224x224.
        media::FrameSamplerOptions o;
        o.format.width = 224;
        o.format.height = 224;
        o.format.padValue = 0;
        o.format.resize = media::ResizeMode::Fit;
        auto fit = media::sampleFrames(m_colour, {Time()}, o);
        QVERIFY2(fit.ok(), qPrintable(fit.errorString()));
        const media::VideoFrame &f = fit->front();
        QCOMPARE(f.width, 224);
        QCOMPARE(f.bytesPerLine, 224 * 3);
        // 224 x 168 picture, 28-row bars above and below.
        auto at = [](const media::VideoFrame &fr, int x, int y) {
            return fr.pixels[std::size_t(y) * fr.bytesPerLine + std::size_t(x) * 3 + 2];
        };
        QCOMPARE(int(at(f, 112, 10)), 0);
        QCOMPARE(int(at(f, 112, 213)), 0);
        QVERIFY(at(f, 112, 112) > 180);
        QVERIFY(at(f, 112, 30) > 180);

        o.format.resize = media::ResizeMode::Crop;
        // The 240x240 middle of the 320x240 picture: the columns of bits 0 and 1 (20 px each)
        // are cut off, so the left edge shows bit 2 (frame 4 = 0b100 white, frame 1 black).
        auto crop = media::sampleFrames(m_cfr,
                                        {Time::fromSeconds(4.5 / 30), Time::fromSeconds(1.5 / 30)},
                                        o);
        QVERIFY2(crop.ok(), qPrintable(crop.errorString()));
        QCOMPARE((*crop)[0].width, 224);
        QCOMPARE((*crop)[0].height, 224);
        QVERIFY(at((*crop)[0], 3, 112) > 200);
        QVERIFY(at((*crop)[1], 3, 112) < 50);
        QVERIFY(at((*crop)[1], 3, 3) < 50); // no bars: the picture reaches the top

        o.format.resize = media::ResizeMode::Stretch;
        o.format.width = 160;
        o.format.height = 0; // keeps the aspect ratio
        auto half = media::sampleFrames(m_cfr, {Time::fromSeconds(1)}, o);
        QVERIFY2(half.ok(), qPrintable(half.errorString()));
        QCOMPARE(half->front().height, 120);
        QCOMPARE(readIndex(half->front()), 30);
    }

    void rotationMatchesFfmpeg()
    {
        // A picture that is not symmetric, stored sideways with a display matrix.
        const QString plain = path("plain.mp4");
        QString e = ffmpeg({QStringLiteral("-f"),
                            QStringLiteral("lavfi"),
                            QStringLiteral("-i"),
                            QStringLiteral("testsrc2=size=320x240:rate=25:duration=1"),
                            QStringLiteral("-c:v"),
                            QStringLiteral("libx264"),
                            QStringLiteral("-pix_fmt"),
                            QStringLiteral("yuv444p"),
                            QStringLiteral("-qp"),
                            QStringLiteral("0"),
                            plain});
        QVERIFY2(e.isEmpty(), qPrintable(e));
        for (int degrees : {90, 180, 270}) {
            const QString rotated = path("rotated.mp4");
            e = ffmpeg({QStringLiteral("-i"),
                        plain,
                        QStringLiteral("-c"),
                        QStringLiteral("copy"),
                        QStringLiteral("-metadata:s:v:0"),
                        QStringLiteral("rotate=%1").arg(degrees),
                        rotated});
            QVERIFY2(e.isEmpty(), qPrintable(e));
            auto info = media::probe(rotated);
            QVERIFY(info.ok());
            // FFmpeg 5.1's MP4 muxer stores "rotate=D" as a counter-clockwise turn of D degrees,
            // and ffmpeg shows it so; what matters is that Earmark turns it as ffmpeg does.
            QCOMPARE(info->video()->rotation, (360 - degrees) % 360);
            const bool sideways = degrees != 180;
            QCOMPARE(info->video()->displayWidth, sideways ? 240 : 320);

            // What ffmpeg shows: its autorotation of the first frame.
            const QString raw = path("reference.rgb");
            e = ffmpeg({QStringLiteral("-i"),
                        rotated,
                        QStringLiteral("-frames:v"),
                        QStringLiteral("1"),
                        QStringLiteral("-f"),
                        QStringLiteral("rawvideo"),
                        QStringLiteral("-pix_fmt"),
                        QStringLiteral("rgb24"),
                        raw});
            QVERIFY2(e.isEmpty(), qPrintable(e));
            QFile f(raw);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray reference = f.readAll();

            auto frames = media::sampleFrames(rotated, {Time()}, rgbAtDisplaySize());
            QVERIFY2(frames.ok(), qPrintable(frames.errorString()));
            const media::VideoFrame &ours = frames->front();
            QCOMPARE(ours.width, sideways ? 240 : 320);
            QCOMPARE(ours.height, sideways ? 320 : 240);
            QCOMPARE(qsizetype(ours.pixels.size()), reference.size());
            const double diff = meanAbsDiff(ours.pixels.data(),
                                            reinterpret_cast<const std::uint8_t *>(
                                                reference.constData()),
                                            ours.pixels.size());
            QVERIFY2(diff < 3,
                     qPrintable(
                         QStringLiteral("%1°: differs from ffmpeg by %2").arg(degrees).arg(diff)));

            // Turned the other way would differ a lot.
            media::FrameSamplerOptions unrotated = rgbAtDisplaySize();
            unrotated.format.applyRotation = false;
            auto stored = media::sampleFrames(rotated, {Time()}, unrotated);
            QVERIFY(stored.ok());
            QCOMPARE(stored->front().width, 320);
        }
    }

    void nonAsciiPath()
    {
        const QString copy = path("bilder-äöü-映像.mp4");
        QVERIFY(QFile::copy(m_cfr, copy));
        verifyExact(copy, {Time::fromSeconds(2.5)}, rgbAtDisplaySize());
    }

    void clearErrors()
    {
        // No video.
        const QString wav = path("tone.wav");
        QString e = ffmpeg({QStringLiteral("-f"),
                            QStringLiteral("lavfi"),
                            QStringLiteral("-i"),
                            QStringLiteral("sine=d=1"),
                            wav});
        QVERIFY2(e.isEmpty(), qPrintable(e));
        auto none = media::sampleFrames(wav, {Time()}, rgbAtDisplaySize());
        QVERIFY(!none.ok());
        QVERIFY2(none.errorString().contains(QStringLiteral("no video stream")),
                 qPrintable(none.errorString()));
        QVERIFY(none.errorString().startsWith(wav));

        // Cut in the middle: what is there decodes, then a clear error.
        QFile in(m_cfr);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray all = in.readAll();
        const QString cut = path("cut.mp4");
        QFile out(cut);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(all.left(all.size() / 2));
        out.close();
        std::vector<int> delivered;
        const Status s = media::sampleFrames(cut,
                                             {Time::fromSeconds(1),
                                              Time::fromSeconds(2),
                                              Time::fromSeconds(11)},
                                             rgbAtDisplaySize(),
                                             [&](media::VideoFrame &&f) {
                                                 delivered.push_back(readIndex(f));
                                                 return true;
                                             });
        QVERIFY(!s.ok());
        QVERIFY2(s.errorString().contains(QStringLiteral("truncated")), qPrintable(s.errorString()));
        QCOMPARE(delivered, (std::vector<int>{30, 60}));

        // Not media at all.
        const QString text = path("notes.mp4");
        QFile t(text);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write("these are not the frames you are looking for\n");
        t.close();
        auto junk = media::sampleFrames(text, {Time()}, rgbAtDisplaySize());
        QVERIFY(!junk.ok());
        QVERIFY(junk.errorString().startsWith(text));
    }

    void stopsAndCancels()
    {
        int calls = 0;
        const Status s = media::sampleFrames(m_cfr,
                                             media::uniformTimes({}, Time::fromSeconds(12), 2.0),
                                             rgbAtDisplaySize(),
                                             [&](media::VideoFrame &&) { return ++calls < 3; });
        QVERIFY(s.ok());
        QCOMPARE(calls, 3);
        CancellationToken cancel;
        cancel.cancel();
        auto r = media::sampleFrames(m_cfr, {Time::fromSeconds(5)}, rgbAtDisplaySize(), cancel);
        QVERIFY(!r.ok());
        QVERIFY(r.errorString().contains(QStringLiteral("cancelled")));
    }

    void uniformTimesCapsTheCount()
    {
        // 2 fps over 10 minutes, at most 120 frames: spread over the whole range.
        const auto t = media::uniformTimes({}, Time::fromSeconds(600), 2.0, 0.5, 120);
        QCOMPARE(t.size(), std::size_t(120));
        QCOMPARE(t.front(), Time::fromMilliseconds(2500));
        QCOMPARE(t.back(), Time::fromMilliseconds(597500));
        QCOMPARE(media::uniformTimes({}, Time::fromSeconds(10), 2.0, 0.5, 120).size(),
                 std::size_t(20));
        QVERIFY(media::uniformTimes(Time::fromSeconds(5), Time::fromSeconds(5), 1.0).empty());
    }

    void posterFrameFits()
    {
        auto poster = media::posterFrame(m_cfr, 160, 160);
        QVERIFY2(poster.ok(), qPrintable(poster.errorString()));
        QCOMPARE(poster->width, 160);
        QCOMPARE(poster->height, 120);
        QCOMPARE(poster->bytesPerLine, 160 * 4);
        QVERIFY(poster->pts <= Time::fromSeconds(1.2));
    }
};

QTEST_GUILESS_MAIN(TestFrameSampler)
#include "tst_framesampler.moc"
