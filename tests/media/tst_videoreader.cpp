// The player's exact decoder: any time, then frame steps forward and back, always the frame that
// is shown, across keyframes and in files with irregular frame times; with its cache and
// background prefetching, every picture identical to the one decoding every frame gives.

#include "core/media/seekproxy.h"
#include "core/media/videoreader.h"
#include "mediatestutil.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>

using namespace earmark;
using namespace earmark::mediatest;

class TestVideoReader : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_cfr;
    QString m_vfr;
    QString m_natural; // moving pictures, B-frames with several references, a long GOP
    std::vector<Time> m_cfrPts;
    std::vector<Time> m_vfrPts;
    std::vector<Time> m_naturalPts;

    // Every frame of `path` decoded in order, from the start, without a seek or a cache.
    static std::vector<media::VideoFrame> decodeEveryFrame(const QString &path)
    {
        media::VideoReader::Options o;
        o.threads = 1;
        o.cacheBytes = 1;
        o.cachedFrames = 1;
        auto reader = media::VideoReader::open(path, o);
        std::vector<media::VideoFrame> frames;
        if (!reader)
            return frames;
        auto f = (*reader)->frameAt(Time());
        while (f && (frames.empty() || f->pts > frames.back().pts)) {
            frames.push_back(*f);
            f = (*reader)->nextFrame();
        }
        return frames;
    }

    // Lets `reader` prefetch until done or for about `ms` milliseconds.
    static void prefetchFor(media::VideoReader &reader, int ms)
    {
        CancellationToken cancel;
        std::thread timer([cancel, ms]() mutable {
            std::this_thread::sleep_for(std::chrono::milliseconds(ms));
            cancel.cancel();
        });
        reader.prefetch(cancel);
        timer.join();
    }

    static bool samePicture(const media::VideoFrame &a, const media::VideoFrame &b)
    {
        return a.pts == b.pts && a.width == b.width && a.height == b.height && a.pixels == b.pixels;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cfr = m_dir.filePath(QStringLiteral("cfr.mp4"));
        QString e = ffmpeg({QStringLiteral("-f"),
                            QStringLiteral("lavfi"),
                            QStringLiteral("-i"),
                            indexPicture(320, 240, 25, 8),
                            QStringLiteral("-c:v"),
                            QStringLiteral("libx264"),
                            QStringLiteral("-g"),
                            QStringLiteral("50"),
                            QStringLiteral("-pix_fmt"),
                            QStringLiteral("yuv420p"),
                            m_cfr});
        QVERIFY2(e.isEmpty(), qPrintable(e));
        m_vfr = m_dir.filePath(QStringLiteral("vfr.mkv"));
        e = ffmpeg({QStringLiteral("-f"),
                    QStringLiteral("lavfi"),
                    QStringLiteral("-i"),
                    indexPicture(320, 240, 30, 4)
                        + QStringLiteral(",settb=1/1000,setpts='N*33+floor(N/7)*41'"),
                    QStringLiteral("-fps_mode"),
                    QStringLiteral("passthrough"),
                    QStringLiteral("-c:v"),
                    QStringLiteral("libx264"),
                    QStringLiteral("-g"),
                    QStringLiteral("40"),
                    m_vfr});
        QVERIFY2(e.isEmpty(), qPrintable(e));
        m_natural = m_dir.filePath(QStringLiteral("natural.mp4"));
        e = ffmpeg(
            {QStringLiteral("-f"),
             QStringLiteral("lavfi"),
             QStringLiteral("-i"),
             QStringLiteral("testsrc2=s=320x240:r=25:d=10"),
             QStringLiteral("-f"),
             QStringLiteral("lavfi"),
             QStringLiteral("-i"),
             indexPicture(320, 40, 25, 10),
             QStringLiteral("-filter_complex"),
             QStringLiteral("[0][1]overlay=0:0,format=yuv420p"),
             QStringLiteral("-c:v"),
             QStringLiteral("libx264"),
             QStringLiteral("-x264-params"),
             QStringLiteral("keyint=120:min-keyint=120:scenecut=0:bframes=3:b-pyramid=normal:"
                            "ref=3"),
             m_natural});
        QVERIFY2(e.isEmpty(), qPrintable(e));
        m_naturalPts = framePresentationTimes(m_natural);
        QCOMPARE(m_naturalPts.size(), std::size_t(250));
        m_cfrPts = framePresentationTimes(m_cfr);
        m_vfrPts = framePresentationTimes(m_vfr);
        QCOMPARE(m_cfrPts.size(), std::size_t(200));
        QVERIFY(m_vfrPts.size() > 100);
    }

    void randomAccess_data()
    {
        QTest::addColumn<bool>("vfr");
        QTest::newRow("constant rate") << false;
        QTest::newRow("variable rate") << true;
    }

    void randomAccess()
    {
        QFETCH(bool, vfr);
        const std::vector<Time> &pts = vfr ? m_vfrPts : m_cfrPts;
        auto reader = media::VideoReader::open(vfr ? m_vfr : m_cfr);
        QVERIFY2(reader.ok(), qPrintable(reader.errorString()));
        QCOMPARE((*reader)->width(), 320);
        QCOMPARE((*reader)->height(), 240);
        QRandomGenerator rng(11);
        const qint64 end = pts.back().microseconds() + 100000;
        for (int i = 0; i < 60; ++i) {
            const Time t = Time::fromMicroseconds(qint64(rng.bounded(quint64(end))));
            auto f = (*reader)->frameAt(t);
            QVERIFY2(f.ok(), qPrintable(f.errorString()));
            const int expected = shownAt(pts, t);
            QCOMPARE(readIndex(*f), expected);
            QCOMPARE(f->pts, pts[size_t(expected)]);
            QCOMPARE(f->bytesPerLine, 320 * 4);
        }
    }

    void stepsForwardAndBack_data() { randomAccess_data(); }

    void stepsForwardAndBack()
    {
        QFETCH(bool, vfr);
        const std::vector<Time> &pts = vfr ? m_vfrPts : m_cfrPts;
        auto opened = media::VideoReader::open(vfr ? m_vfr : m_cfr);
        QVERIFY(opened.ok());
        media::VideoReader &reader = **opened;
        // Forward from the start over two keyframes.
        auto f = reader.frameAt(Time());
        QVERIFY(f.ok());
        QCOMPARE(readIndex(*f), 0);
        for (int i = 1; i < 110; ++i) {
            f = reader.nextFrame();
            QVERIFY2(f.ok(), qPrintable(f.errorString()));
            QCOMPARE(readIndex(*f), i);
            QCOMPARE(f->pts, pts[size_t(i)]);
            QCOMPARE(reader.currentFrameEnd() > f->pts || reader.currentFrameEnd() == Time(), true);
        }
        // Back across a keyframe (40 or 50 frames apart): more than the frames kept.
        for (int i = 108; i >= 30; --i) {
            f = reader.previousFrame();
            QVERIFY2(f.ok(), qPrintable(f.errorString()));
            QCOMPARE(readIndex(*f), i);
        }
        // Mixed.
        f = reader.nextFrame();
        QCOMPARE(readIndex(*f), 31);
        f = reader.frameAt(pts[90] - Time::fromMicroseconds(1));
        QCOMPARE(readIndex(*f), 89);
        f = reader.previousFrame();
        QCOMPARE(readIndex(*f), 88);
        f = reader.nextFrame();
        QCOMPARE(readIndex(*f), 89);
        f = reader.nextFrame();
        QCOMPARE(readIndex(*f), 90);

        // The ends: stepping stops at the first and last frames.
        f = reader.frameAt(Time());
        f = reader.previousFrame();
        QVERIFY(f.ok());
        QCOMPARE(readIndex(*f), 0);
        const int last = int(pts.size()) - 1;
        f = reader.frameAt(pts.back() + Time::fromSeconds(5));
        QVERIFY(f.ok());
        QCOMPARE(readIndex(*f), last);
        f = reader.nextFrame();
        QVERIFY(f.ok());
        QCOMPARE(readIndex(*f), last);
        f = reader.previousFrame();
        QCOMPARE(readIndex(*f), last - 1);
    }

    // The reference: decoding every frame in order gives frames 0..N-1 with the right times.
    void fullDecodeReference()
    {
        const auto frames = decodeEveryFrame(m_natural);
        QCOMPARE(frames.size(), m_naturalPts.size());
        for (std::size_t i = 0; i < frames.size(); ++i) {
            media::VideoFrame strip = frames[i];
            strip.height = 40;
            QCOMPARE(readIndex(strip), int(i));
            QCOMPARE(frames[i].pts, m_naturalPts[i]);
        }
    }

    // Random times, steps back through two keyframe intervals and forward again, scrubbing
    // around the playhead, with prefetching cut short at random moments in between and a cache
    // too small for it all: every picture is byte for byte the one a full decode gives (a wrong
    // or skipped reference frame would show as a different picture even where the index strip
    // survives).
    void cachedAndPrefetchedFramesMatchFullDecode_data()
    {
        QTest::addColumn<int>("cacheFrames");
        QTest::addColumn<int>("threads");
        QTest::newRow("roomy cache, frame threads") << 400 << 0;
        QTest::newRow("roomy cache, one thread") << 400 << 1;
        QTest::newRow("cache of 24 frames") << 24 << 0;
        QTest::newRow("cache of 3 frames") << 3 << 1;
    }

    void cachedAndPrefetchedFramesMatchFullDecode()
    {
        QFETCH(int, cacheFrames);
        QFETCH(int, threads);
        const auto reference = decodeEveryFrame(m_natural);
        QCOMPARE(reference.size(), m_naturalPts.size());
        const std::size_t frameBytes = reference[0].pixels.size();
        media::VideoReader::Options o;
        o.threads = threads;
        o.cacheBytes = frameBytes * std::size_t(cacheFrames);
        auto opened = media::VideoReader::open(m_natural, o);
        QVERIFY(opened.ok());
        media::VideoReader &reader = **opened;
        auto check = [&](const Result<media::VideoFrame> &f, int expected) {
            if (!f.ok())
                return QStringLiteral("error: ") + f.errorString();
            if (!samePicture(*f, reference[std::size_t(expected)]))
                return QStringLiteral("not frame %1 (pts %2 ms)")
                    .arg(expected)
                    .arg(f->pts.milliseconds());
            if (reader.cacheStats().bytes > o.cacheBytes + 2 * frameBytes)
                return QStringLiteral("cache over budget: %1 bytes").arg(reader.cacheStats().bytes);
            return QString();
        };
        QRandomGenerator rng(7);
        const int last = int(reference.size()) - 1;
        // Random times, prefetching for a random while after each.
        for (int i = 0; i < 40; ++i) {
            const Time t = Time::fromMicroseconds(qint64(rng.bounded(10'200'000)));
            const QString error = check(reader.frameAt(t), shownAt(m_naturalPts, t));
            QVERIFY2(error.isEmpty(),
                     qPrintable(QStringLiteral("at %1 ms: ").arg(t.milliseconds()) + error));
            prefetchFor(reader, int(rng.bounded(40)));
        }
        // Back from the end across both keyframes (frames 240 and 120), then forward again.
        int at = last;
        QVERIFY(check(reader.frameAt(m_naturalPts.back()), at).isEmpty());
        for (; at > 0;) {
            --at;
            const QString error = check(reader.previousFrame(), at);
            QVERIFY2(error.isEmpty(),
                     qPrintable(QStringLiteral("stepping back to %1: ").arg(at) + error));
            if (rng.bounded(3) == 0)
                prefetchFor(reader, int(rng.bounded(25)));
        }
        QVERIFY(check(reader.previousFrame(), 0).isEmpty()); // stays on the first
        for (; at < last;) {
            ++at;
            const QString error = check(reader.nextFrame(), at);
            QVERIFY2(error.isEmpty(),
                     qPrintable(QStringLiteral("stepping on to %1: ").arg(at) + error));
            if (rng.bounded(4) == 0)
                prefetchFor(reader, int(rng.bounded(25)));
        }
        QVERIFY(check(reader.nextFrame(), last).isEmpty()); // stays on the last
        // Scrubbing near the playhead after a full prefetch: answered from the cache.
        QVERIFY(check(reader.frameAt(m_naturalPts[130]), 130).isEmpty());
        QVERIFY(reader.prefetch({}));
        const auto stats = reader.cacheStats();
        if (cacheFrames >= 400) {
            QVERIFY2(stats.behind >= 120 && stats.ahead >= 30,
                     qPrintable(
                         QStringLiteral("behind %1 ahead %2").arg(stats.behind).arg(stats.ahead)));
            QVERIFY(reader.isStepCached(-1) && reader.isStepCached(1));
        }
        for (int i = 0; i < 30; ++i) {
            const Time t = m_naturalPts[130]
                           + Time::fromMicroseconds(qint64(rng.bounded(2'400'000)))
                           - Time::fromMicroseconds(1'200'000);
            const bool cached = reader.isCachedAt(t);
            const int decodedBefore = reader.cacheStats().decodedFrames;
            const QString error = check(reader.frameAt(t), shownAt(m_naturalPts, t));
            QVERIFY2(error.isEmpty(),
                     qPrintable(QStringLiteral("scrubbing to %1 ms: ").arg(t.milliseconds())
                                + error));
            if (cached)
                QCOMPARE(reader.cacheStats().decodedFrames, decodedBefore);
        }
    }

    // Stepping back through a long keyframe interval decodes it a few times, not once a step.
    void steppingBackDoesNotDecodeTheIntervalPerStep()
    {
        auto opened = media::VideoReader::open(m_natural);
        QVERIFY(opened.ok());
        media::VideoReader &reader = **opened;
        QVERIFY(reader.frameAt(m_naturalPts[239]).ok());
        const int before = reader.cacheStats().decodedFrames;
        for (int i = 238; i >= 120; --i) {
            auto f = reader.previousFrame();
            QVERIFY(f.ok());
            QCOMPARE(f->pts, m_naturalPts[std::size_t(i)]);
        }
        // 119 steps inside one interval of 120 frames: decoding it once per step would keep
        // some 7,000 frames; a few stretches keep little more than the 119.
        const int kept = reader.cacheStats().decodedFrames - before;
        QVERIFY2(kept < 400, qPrintable(QString::number(kept)));
    }

    // Changing the picture size keeps answers exact and sized.
    void outputSizeChange()
    {
        auto opened = media::VideoReader::open(m_natural);
        QVERIFY(opened.ok());
        media::VideoReader &reader = **opened;
        QVERIFY(reader.frameAt(m_naturalPts[50]).ok());
        QVERIFY(reader.prefetch({}));
        reader.setOutputSize(160, 0);
        QCOMPARE(reader.width(), 160);
        QCOMPARE(reader.height(), 120);
        auto f = reader.previousFrame();
        QVERIFY(f.ok());
        QCOMPARE(f->width, 160);
        QCOMPARE(f->pts, m_naturalPts[49]);
        media::VideoFrame strip = *f;
        strip.height = 20;
        QCOMPARE(readIndex(strip), 49);
    }

    // The seek proxy: the frame for any time and every step either way is the one the source
    // shows (the same pts, the same index in the picture), at the proxy's resolution; the
    // source's exact decode of it follows with the same pts.
    void seekProxyAnswersWithTheShownFrame_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("B-frames, long GOP") << QStringLiteral("natural");
        QTest::newRow("variable rate") << QStringLiteral("vfr");
        QTest::newRow("constant rate") << QStringLiteral("cfr");
    }

    void seekProxyAnswersWithTheShownFrame()
    {
        QFETCH(QString, which);
        const QString path = which == QLatin1String("natural") ? m_natural
                             : which == QLatin1String("vfr")   ? m_vfr
                                                               : m_cfr;
        const std::vector<Time> &pts = which == QLatin1String("natural") ? m_naturalPts
                                       : which == QLatin1String("vfr")   ? m_vfrPts
                                                                         : m_cfrPts;
        const int stripRows = which == QLatin1String("natural") ? 40 : 240;
        const QString proxy = media::seekProxyFile(m_dir.filePath(QStringLiteral("proxies")), path);
        media::SeekProxyOptions po;
        po.maxWidth = 240; // smaller than the video: the pictures are scaled
        po.maxHeight = 240;
        double lastProgress = -1;
        bool progressRose = true;
        const Status built = media::buildSeekProxy(path, proxy, po, {}, [&](double p) {
            progressRose = progressRose && p >= lastProgress;
            lastProgress = p;
        });
        QVERIFY2(built.ok(), qPrintable(built.errorString()));
        QVERIFY(progressRose);
        QCOMPARE(lastProgress, 1.0);
        QVERIFY(QFile::exists(proxy));
        QVERIFY(!QFile::exists(proxy + QStringLiteral(".part")));
        QCOMPARE(framePresentationTimes(proxy), pts);

        auto opened = media::VideoReader::open(path);
        QVERIFY(opened.ok());
        media::VideoReader &reader = **opened;
        QVERIFY(!reader.hasProxy());
        const Status attached = reader.attachProxy(proxy);
        QVERIFY2(attached.ok(), qPrintable(attached.errorString()));
        QVERIFY(reader.hasProxy());
        auto index = [&](const media::VideoFrame &f) {
            media::VideoFrame strip = f;
            strip.height = stripRows;
            return readIndex(strip);
        };

        QRandomGenerator rng(5);
        const qint64 end = pts.back().microseconds() + 100000;
        for (int i = 0; i < 40; ++i) {
            const Time t = i == 0 ? Time()
                                  : Time::fromMicroseconds(qint64(rng.bounded(quint64(end))));
            const bool cached = reader.isCachedAt(t);
            auto preview = reader.previewAt(t);
            QVERIFY2(preview.ok(), qPrintable(preview.errorString()));
            const int expected = shownAt(pts, t);
            QCOMPARE(preview->pts, pts[size_t(expected)]);
            QCOMPARE(preview->width, 320);
            QCOMPARE(preview->height, 240);
            QCOMPARE(index(*preview), expected);
            if (i % 4 == 0 || cached) {
                auto exact = reader.frameAt(t);
                QVERIFY(exact.ok());
                QCOMPARE(exact->pts, preview->pts);
                if (cached)
                    QVERIFY(samePicture(*exact, *preview));
            }
            // Steps from the preview go on from its frame.
            int at = expected;
            for (int k = 0; k < 12; ++k) {
                const int direction = (i + k) % 5 == 4 ? 1 : -1;
                auto step = reader.previewStep(direction);
                QVERIFY2(step.ok(), qPrintable(step.errorString()));
                at = std::clamp(at + direction, 0, int(pts.size()) - 1);
                QCOMPARE(step->pts, pts[size_t(at)]);
                QCOMPARE(index(*step), at);
            }
        }
        // Both ends: the first frame has no frame before it, the last none after it.
        QVERIFY(reader.previewAt(pts.back() + Time::fromSeconds(1)).ok());
        auto past = reader.previewStep(1);
        QVERIFY(past.ok());
        QCOMPARE(past->pts, pts.back());
        QVERIFY(reader.previewAt(Time()).ok());
        auto before = reader.previewStep(-1);
        QVERIFY(before.ok());
        QCOMPARE(before->pts, pts.front());
    }

    // Phones store portrait video sideways with a display matrix, cameras write 10-bit: the
    // proxy's picture is the file's own, turned and converted the same way.
    void seekProxyOfRotatedTenBitVideoMatchesTheFile()
    {
        const QString plain = m_dir.filePath(QStringLiteral("tenbit.mp4"));
        QString e = ffmpeg({QStringLiteral("-f"),
                            QStringLiteral("lavfi"),
                            QStringLiteral("-i"),
                            QStringLiteral("testsrc2=s=320x240:r=25:d=3"),
                            QStringLiteral("-c:v"),
                            QStringLiteral("libx264"),
                            QStringLiteral("-pix_fmt"),
                            QStringLiteral("yuv420p10le"),
                            QStringLiteral("-g"),
                            QStringLiteral("75"),
                            plain});
        QVERIFY2(e.isEmpty(), qPrintable(e));
        const QString rotated = m_dir.filePath(QStringLiteral("tenbit-rotated.mp4"));
        e = ffmpeg({QStringLiteral("-i"),
                    plain,
                    QStringLiteral("-c"),
                    QStringLiteral("copy"),
                    QStringLiteral("-metadata:s:v:0"),
                    QStringLiteral("rotate=90"),
                    rotated});
        QVERIFY2(e.isEmpty(), qPrintable(e));
        const QString proxy = media::seekProxyFile(m_dir.filePath(QStringLiteral("proxies-turned")),
                                                   rotated);
        const Status built = media::buildSeekProxy(rotated, proxy);
        QVERIFY2(built.ok(), qPrintable(built.errorString()));
        auto opened = media::VideoReader::open(rotated);
        QVERIFY(opened.ok());
        media::VideoReader &reader = **opened;
        QCOMPARE(reader.width(), 240);
        QCOMPARE(reader.height(), 320);
        QVERIFY(reader.attachProxy(proxy).ok());
        for (const double seconds : {0.0, 1.3, 2.9}) {
            const Time t = Time::fromSeconds(seconds);
            auto preview = reader.previewAt(t);
            QVERIFY2(preview.ok(), qPrintable(preview.errorString()));
            auto exact = reader.frameAt(t);
            QVERIFY(exact.ok());
            QCOMPARE(preview->pts, exact->pts);
            QCOMPARE(preview->width, exact->width);
            QCOMPARE(preview->height, exact->height);
            double sum = 0;
            for (std::size_t i = 0; i < exact->pixels.size(); ++i)
                sum += std::abs(int(preview->pixels[i]) - int(exact->pixels[i]));
            const double meanDiff = sum / double(exact->pixels.size());
            QVERIFY2(meanDiff < 6,
                     qPrintable(QStringLiteral("at %1 s the proxy differs by %2")
                                    .arg(seconds)
                                    .arg(meanDiff)));
        }
    }

    // A proxy is used only for the file it was made from, as that file is now.
    void seekProxyOfAnotherFileOrVersionIsRefused()
    {
        const QString copy = m_dir.filePath(QStringLiteral("copy of cfr ü.mp4"));
        QFile::remove(copy);
        QVERIFY(QFile::copy(m_cfr, copy));
        const QString cacheDir = m_dir.filePath(QStringLiteral("proxies-refused"));
        const QString proxy = media::seekProxyFile(cacheDir, copy);
        QVERIFY(proxy != media::seekProxyFile(cacheDir, m_cfr));
        const Status built = media::buildSeekProxy(copy, proxy);
        QVERIFY2(built.ok(), qPrintable(built.errorString()));

        auto other = media::VideoReader::open(m_vfr);
        QVERIFY(other.ok());
        const Status foreign = (*other)->attachProxy(proxy);
        QVERIFY(!foreign.ok());
        QVERIFY2(foreign.errorString().contains(QStringLiteral("another version")),
                 qPrintable(foreign.errorString()));
        QVERIFY(!(*other)->hasProxy());

        auto same = media::VideoReader::open(copy);
        QVERIFY(same.ok());
        QVERIFY((*same)->attachProxy(proxy).ok());
        // The file changes afterwards: a reader opened now refuses the proxy.
        {
            QFile f(copy);
            QVERIFY(f.open(QIODevice::Append));
            f.write("trailing bytes");
        }
        auto changed = media::VideoReader::open(copy);
        QVERIFY(changed.ok());
        QVERIFY(!(*changed)->attachProxy(proxy).ok());

        // Not a proxy at all: a video without the stamp, and a file that is no video.
        QVERIFY(!(*changed)->attachProxy(m_cfr).ok());
        const QString junk = m_dir.filePath(QStringLiteral("junk.proxy.mp4"));
        {
            QFile f(junk);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(4096, 'x'));
        }
        const Status bad = (*changed)->attachProxy(junk);
        QVERIFY(!bad.ok());
        QVERIFY(bad.errorString().contains(junk));
        // Without a proxy, previews are the exact decode.
        auto f = (*changed)->previewAt(Time::fromSeconds(3));
        QVERIFY(f.ok());
        QCOMPARE(readIndex(*f), 75);
    }

    // A proxy damaged after it was attached: the file answers, with the right frames.
    void damagedSeekProxyGivesWayToTheFile()
    {
        const QString proxy = media::seekProxyFile(m_dir.filePath(
                                                       QStringLiteral("proxies-damaged")),
                                                   m_natural);
        QVERIFY(media::buildSeekProxy(m_natural, proxy).ok());
        auto opened = media::VideoReader::open(m_natural);
        QVERIFY(opened.ok());
        media::VideoReader &reader = **opened;
        QVERIFY(reader.attachProxy(proxy).ok());
        {
            // The MP4's index was read on attaching; the pictures after it are cut away.
            QFile f(proxy);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.resize(2048));
        }
        auto f = reader.previewAt(m_naturalPts[180]);
        QVERIFY2(f.ok(), qPrintable(f.errorString()));
        QCOMPARE(f->pts, m_naturalPts[180]);
        media::VideoFrame strip = *f;
        strip.height = 40;
        QCOMPARE(readIndex(strip), 180);
        QVERIFY(!reader.hasProxy());
        auto back = reader.previewStep(-1);
        QVERIFY(back.ok());
        QCOMPARE(back->pts, m_naturalPts[179]);
    }

    // Two requests for one proxy at once (the library's queue and the player): the second waits
    // for the first and passes its progress on; if the first is cancelled, the second makes it.
    void concurrentRequestsForOneProxyShareTheWork()
    {
        const QString proxy = media::seekProxyFile(m_dir.filePath(QStringLiteral("proxies-shared")),
                                                   m_natural);
        for (const bool cancelFirst : {false, true}) {
            QFile::remove(proxy);
            CancellationToken firstCancel;
            std::atomic_bool firstStarted = false;
            Status first, second;
            std::vector<double> secondProgress;
            std::thread a([&] {
                first = media::buildSeekProxy(m_natural, proxy, {}, firstCancel, [&](double f) {
                    firstStarted = true;
                    if (cancelFirst && f > 0.2)
                        firstCancel.cancel();
                });
            });
            while (!firstStarted)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            std::thread b([&] {
                second = media::buildSeekProxy(m_natural, proxy, {}, {}, [&](double f) {
                    secondProgress.push_back(f);
                });
            });
            a.join();
            b.join();
            QCOMPARE(first.ok(), !cancelFirst);
            QVERIFY2(second.ok(), qPrintable(second.errorString()));
            QVERIFY(!secondProgress.empty());
            QCOMPARE(secondProgress.back(), 1.0);
            QCOMPARE(framePresentationTimes(proxy), m_naturalPts);
            auto reader = media::VideoReader::open(m_natural);
            QVERIFY(reader.ok());
            QVERIFY((*reader)->attachProxy(proxy).ok());
            QVERIFY(QDir(QFileInfo(proxy).absolutePath())
                        .entryList({QStringLiteral("*.part*")}, QDir::Files)
                        .isEmpty());
        }
    }

    // The proxies folder stays under its limit: the least recently used proxies go first, never
    // the one just made; other files are left alone.
    void seekProxyFolderIsTrimmedLeastRecentlyUsedFirst()
    {
        QTemporaryDir dir;
        const QDateTime now = QDateTime::currentDateTime();
        auto make = [&](const QString &name, int kilobytes, int minutesAgo) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(kilobytes * 1024, 'p'));
            f.close();
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.setFileTime(now.addSecs(-60 * minutesAgo), QFileDevice::FileModificationTime));
        };
        make(QStringLiteral("a.proxy.mp4"), 100, 50); // oldest use
        make(QStringLiteral("b.proxy.mp4"), 100, 40);
        make(QStringLiteral("c.proxy.mp4"), 100, 30);
        make(QStringLiteral("d.proxy.mp4"), 100, 60); // older still, but just used (below)
        make(QStringLiteral("notes.txt"), 500, 90);
        make(QStringLiteral("e.proxy.mp4.part123"), 10, 60 * 25); // a killed build, a day ago
        make(QStringLiteral("f.proxy.mp4.part456"), 10, 5);       // perhaps in progress
        media::markSeekProxyUsed(dir.filePath(QStringLiteral("d.proxy.mp4")));
        QCOMPARE(media::trimSeekProxies(dir.path(),
                                        250 * 1024,
                                        dir.filePath(QStringLiteral("c.proxy.mp4"))),
                 2);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("a.proxy.mp4"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("b.proxy.mp4"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("c.proxy.mp4"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("d.proxy.mp4"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("notes.txt"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("e.proxy.mp4.part123"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("f.proxy.mp4.part456"))));
        // Under the limit: nothing goes; the one to keep stays even when it alone is too big.
        QCOMPARE(media::trimSeekProxies(dir.path(), 250 * 1024), 0);
        QCOMPARE(media::trimSeekProxies(dir.path(),
                                        50 * 1024,
                                        dir.filePath(QStringLiteral("c.proxy.mp4"))),
                 1);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("c.proxy.mp4"))));
    }

    // A cancelled or failed build leaves no file behind, and says why.
    void cancelledOrFailedSeekProxyLeavesNothing()
    {
        const QString cacheDir = m_dir.filePath(QStringLiteral("proxies-cancelled"));
        const QString proxy = media::seekProxyFile(cacheDir, m_natural);
        CancellationToken cancel;
        const Status s = media::buildSeekProxy(m_natural, proxy, {}, cancel, [&](double) {
            cancel.cancel();
        });
        QVERIFY(!s.ok());
        QVERIFY(s.errorString().contains(QStringLiteral("cancel")));
        QVERIFY(QDir(cacheDir).entryList(QDir::Files).isEmpty());

        const QString audioOnly = m_dir.filePath(QStringLiteral("tone.m4a"));
        const QString e = ffmpeg({QStringLiteral("-f"),
                                  QStringLiteral("lavfi"),
                                  QStringLiteral("-i"),
                                  QStringLiteral("sine=d=1"),
                                  audioOnly});
        QVERIFY2(e.isEmpty(), qPrintable(e));
        QVERIFY(!media::seekProxyHelps(audioOnly));
        const Status none = media::buildSeekProxy(audioOnly,
                                                  media::seekProxyFile(cacheDir, audioOnly));
        QVERIFY(!none.ok());
        QVERIFY(none.errorString().contains(QStringLiteral("no video stream")));
        QVERIFY(QDir(cacheDir).entryList(QDir::Files).isEmpty());
        // Small pictures and keyframes close together gain nothing; a long GOP does.
        QVERIFY(!media::seekProxyHelps(m_vfr, media::SeekProxyOptions{-1, 960, 540, 20, 20}));
        QVERIFY(media::seekProxyHelps(m_natural));
    }

    void scaledOutputAndErrors()
    {
        media::VideoReader::Options o;
        o.format.width = 160;
        o.format.height = 0;
        auto reader = media::VideoReader::open(m_cfr, o);
        QVERIFY(reader.ok());
        QCOMPARE((*reader)->height(), 120);
        auto f = (*reader)->frameAt(Time::fromSeconds(3));
        QVERIFY(f.ok());
        QCOMPARE(f->width, 160);
        QCOMPARE(readIndex(*f), 75);
        QCOMPARE((*reader)->duration(), Time::fromSeconds(8));
        QCOMPARE((*reader)->frameRate(), 25.0);

        CancellationToken cancel;
        cancel.cancel();
        auto cancelled = (*reader)->frameAt(Time::fromSeconds(7.5), cancel);
        QVERIFY(!cancelled.ok());
        // Still usable afterwards.
        f = (*reader)->frameAt(Time::fromSeconds(7.5));
        QVERIFY2(f.ok(), qPrintable(f.errorString()));
        QCOMPARE(readIndex(*f), 187);

        auto none = media::VideoReader::open(m_dir.filePath(QStringLiteral("absent.mp4")));
        QVERIFY(!none.ok());
        QVERIFY(none.errorString().contains(QStringLiteral("absent.mp4")));
    }
};

QTEST_GUILESS_MAIN(TestVideoReader)
#include "tst_videoreader.moc"
