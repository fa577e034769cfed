// The media engine's views as a person uses them, rendered offscreen: the player's exact frame
// steps and scrubbing, the waveform filling in and zooming to single samples, the thumbnail
// strip and library thumbnails. Screenshots land in <build>/screenshots.

#include "core/media/framesampler.h"
#include "core/media/seekproxy.h"
#include "mediatestutil.h"
#include "ui/library/libraryproxies.h"
#include "ui/player/framefetcher.h"
#include "ui/player/playerwidget.h"
#include "ui/player/videoview.h"
#include "ui/thumbnails/librarythumbnails.h"
#include "ui/thumbnails/thumbnailstrip.h"
#include "ui/timeaxis.h"
#include "ui/waveform/waveformview.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace earmark;
using namespace earmark::mediatest;

namespace {

QString shots()
{
    const QString dir = QStringLiteral(EARMARK_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    return dir;
}

// Reads the frame index from a shown picture (Format_RGB32).
int indexOf(const QImage &image)
{
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    media::VideoFrame f;
    f.width = img.width();
    f.height = img.height();
    f.bytesPerLine = int(img.bytesPerLine());
    f.pixels.assign(img.constBits(), img.constBits() + img.sizeInBytes());
    return readIndex(f);
}

} // namespace

class TestMediaViews : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_indexed; // 8 s, 25 fps, keyframe every 50 frames, with sound

private Q_SLOTS:
    void initTestCase()
    {
        m_indexed = m_dir.filePath(QStringLiteral("indexed.mp4"));
        const QString e = ffmpeg({QStringLiteral("-f"),
                                  QStringLiteral("lavfi"),
                                  QStringLiteral("-i"),
                                  indexPicture(320, 240, 25, 8),
                                  QStringLiteral("-f"),
                                  QStringLiteral("lavfi"),
                                  QStringLiteral("-i"),
                                  QStringLiteral("sine=f=220:d=8:r=16000"),
                                  QStringLiteral("-c:v"),
                                  QStringLiteral("libx264"),
                                  QStringLiteral("-g"),
                                  QStringLiteral("50"),
                                  QStringLiteral("-pix_fmt"),
                                  QStringLiteral("yuv420p"),
                                  QStringLiteral("-c:a"),
                                  QStringLiteral("aac"),
                                  QStringLiteral("-shortest"),
                                  m_indexed});
        QVERIFY2(e.isEmpty(), qPrintable(e));
    }

    void playerStepsAndScrubsExactly()
    {
        ui::PlayerWidget player;
        player.resize(640, 480);
        player.show();
        QVERIFY(QTest::qWaitForWindowExposed(&player));
        player.open(m_indexed, 25);
        // The first picture comes from the exact decoder, paused at the start.
        QTRY_VERIFY_WITH_TIMEOUT(!player.isFetchingFrame(), 10000);
        QVERIFY(player.showsExactFrame());
        QCOMPARE(indexOf(player.videoView()->currentImage()), 0);

        player.seek(Time::fromMilliseconds(2000));
        QCOMPARE(player.position(), Time::fromMilliseconds(2000));
        QTRY_VERIFY_WITH_TIMEOUT(!player.isFetchingFrame(), 5000);
        QCOMPARE(indexOf(player.videoView()->currentImage()), 50);

        // Steps: one frame each, across the keyframe at frame 50 and back.
        for (int expected : {51, 52}) {
            player.stepFrames(1);
            QTRY_VERIFY_WITH_TIMEOUT(!player.isFetchingFrame(), 5000);
            QCOMPARE(indexOf(player.videoView()->currentImage()), expected);
            QCOMPARE(player.position(), Time::fromMilliseconds(40 * expected));
        }
        for (int expected : {51, 50, 49, 48}) {
            player.stepFrames(-1);
            QTRY_VERIFY_WITH_TIMEOUT(!player.isFetchingFrame(), 5000);
            QCOMPARE(indexOf(player.videoView()->currentImage()), expected);
            QCOMPARE(player.position(), Time::fromMilliseconds(40 * expected));
        }
        // Several quick presses add up.
        player.stepFrames(1);
        player.stepFrames(1);
        player.stepFrames(1);
        QTRY_VERIFY_WITH_TIMEOUT(!player.isFetchingFrame(), 5000);
        QCOMPARE(indexOf(player.videoView()->currentImage()), 51);

        // Scrubbing: a burst of seeks ends on the frame of the last one.
        for (int ms = 100; ms <= 7000; ms += 130)
            player.seek(Time::fromMilliseconds(ms));
        QTRY_VERIFY_WITH_TIMEOUT(!player.isFetchingFrame(), 10000);
        QCOMPARE(player.position(), Time::fromMilliseconds(6990));
        QCOMPARE(indexOf(player.videoView()->currentImage()), 174);
        QVERIFY(player.grab().save(shots() + QStringLiteral("/player-exact-frame.png")));
    }

    // A file whose name has letters outside ASCII plays (Qt Multimedia is given a link) and
    // shows its exact frames.
    void playerOpensNamesOutsideAscii()
    {
        const QString named = m_dir.filePath(QStringLiteral("Glocken läuten 鐘の音.mp4"));
        QFile::remove(named);
        QVERIFY(QFile::copy(m_indexed, named));
        ui::PlayerWidget player;
        player.resize(640, 480);
        player.show();
        QVERIFY(QTest::qWaitForWindowExposed(&player));
        QSignalSpy errors(&player, &ui::PlayerWidget::errorOccurred);
        player.open(named, 25);
        QTRY_VERIFY_WITH_TIMEOUT(player.mediaPlayer()->duration() > 0, 10000);
        QCOMPARE(player.mediaPlayer()->error(), QMediaPlayer::NoError);
        QCOMPARE(player.currentFile(), named);
        player.seek(Time::fromMilliseconds(2000));
        QTRY_VERIFY_WITH_TIMEOUT(!player.isFetchingFrame(), 5000);
        QCOMPARE(indexOf(player.videoView()->currentImage()), 50);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).value(0).toString()));
    }

    void fetcherCoalescesAndReportsErrors()
    {
        ui::FrameFetcher fetcher;
        QSignalSpy frames(&fetcher, &ui::FrameFetcher::frameReady);
        QSignalSpy failures(&fetcher, &ui::FrameFetcher::failed);
        fetcher.open(m_indexed);
        for (int i = 0; i < 30; ++i)
            fetcher.requestAt(Time::fromMilliseconds(100 * i));
        QTRY_VERIFY_WITH_TIMEOUT(!fetcher.isBusy(), 10000);
        QVERIFY(frames.size() >= 1 && frames.size() < 30);
        QCOMPARE(frames.last().at(2).value<Time>(), Time::fromMilliseconds(2900));
        QCOMPARE(indexOf(frames.last().at(0).value<QImage>()), 72);

        fetcher.open(m_dir.filePath(QStringLiteral("missing.mp4")));
        fetcher.requestAt(Time());
        QTRY_COMPARE_WITH_TIMEOUT(failures.size(), 1, 5000);
        QVERIFY(failures.first().at(0).toString().contains(QStringLiteral("missing.mp4")));
    }

    // Between requests the fetcher fills its cache around the playhead: steps back through a
    // keyframe interval and scrubbing nearby all answer the exact frame, at display size.
    void fetcherStepsBackAndScrubsFromItsCache()
    {
        ui::FrameFetcher fetcher;
        fetcher.setDisplaySize(QSize(160, 160));
        QSignalSpy frames(&fetcher, &ui::FrameFetcher::frameReady);
        fetcher.open(m_indexed);
        fetcher.requestAt(Time::fromMilliseconds(3990)); // frame 99, just before a keyframe
        QTRY_VERIFY_WITH_TIMEOUT(!fetcher.isBusy(), 10000);
        QCOMPARE(indexOf(frames.last().at(0).value<QImage>()), 99);
        QCOMPARE(frames.last().at(0).value<QImage>().size(), QSize(160, 120));
        QTest::qWait(300); // idle: the cache fills
        for (int expected = 98; expected >= 40; --expected) {
            fetcher.requestStep(-1);
            QTRY_VERIFY_WITH_TIMEOUT(!fetcher.isBusy(), 10000);
            QCOMPARE(indexOf(frames.last().at(0).value<QImage>()), expected);
            QCOMPARE(frames.last().at(3).toBool(), true);
        }
        // A burst of seeks: superseded ones may be cancelled, the latest is answered exactly.
        for (int i = 0; i < 20; ++i)
            fetcher.requestAt(Time::fromMilliseconds(1000 + 37 * i));
        QTRY_VERIFY_WITH_TIMEOUT(!fetcher.isBusy(), 10000);
        QCOMPARE(frames.last().at(2).value<Time>(), Time::fromMilliseconds(1000 + 37 * 19));
        QCOMPARE(indexOf(frames.last().at(0).value<QImage>()), (1000 + 37 * 19) / 40);
    }

    // With a proxy folder the fetcher makes the video's seek proxy in the background; then a
    // cold seek or step is answered first from it and then from the file, with the same frame.
    // A later open finds the proxy ready.
    void fetcherAnswersFromTheSeekProxyFirst()
    {
        const QString proxies = m_dir.filePath(QStringLiteral("proxies"));
        QVERIFY(media::seekProxyHelps(m_indexed)); // keyframes 50 frames apart
        {
            ui::FrameFetcher fetcher;
            fetcher.setDisplaySize(QSize(320, 240));
            fetcher.setProxyDir(proxies);
            QSignalSpy frames(&fetcher, &ui::FrameFetcher::frameReady);
            QSignalSpy progress(&fetcher, &ui::FrameFetcher::proxyProgress);
            QSignalSpy ready(&fetcher, &ui::FrameFetcher::proxyReady);
            fetcher.open(m_indexed);
            QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 90000);
            QVERIFY(fetcher.hasProxy());
            QVERIFY(!progress.isEmpty());
            QCOMPARE(progress.last().at(0).toDouble(), 1.0);
            QVERIFY(QFile::exists(media::seekProxyFile(proxies, m_indexed)));

            fetcher.requestAt(Time::fromMilliseconds(4990)); // frame 124, 24 after a keyframe
            QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty() && !frames.last().at(4).toBool(), 10000);
            QCOMPARE(frames.size(), 2);
            QCOMPARE(frames.first().at(4).toBool(), true); // the proxy's, first
            for (const QList<QVariant> &f : frames) {
                QCOMPARE(indexOf(f.at(0).value<QImage>()), 124);
                QCOMPARE(f.at(1).value<Time>(), Time::fromMilliseconds(4960));
                QCOMPARE(f.at(2).value<Time>(), Time::fromMilliseconds(4990));
            }
            // 30 steps back at once, across the keyframe at frame 100.
            frames.clear();
            fetcher.requestStep(-30);
            QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty() && !frames.last().at(4).toBool(), 10000);
            for (const QList<QVariant> &f : frames) {
                QCOMPARE(indexOf(f.at(0).value<QImage>()), 94);
                QCOMPARE(f.at(3).toBool(), true);
            }
            // Steps in quick succession: every answer is the right frame, the last one exact.
            frames.clear();
            for (int i = 0; i < 5; ++i)
                fetcher.requestStep(-1);
            QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty() && !frames.last().at(4).toBool()
                                         && indexOf(frames.last().at(0).value<QImage>()) == 89,
                                     10000);
        }
        // Opened again: the proxy is there, no progress this time.
        ui::FrameFetcher again;
        again.setProxyDir(proxies);
        QSignalSpy progress(&again, &ui::FrameFetcher::proxyProgress);
        QSignalSpy ready(&again, &ui::FrameFetcher::proxyReady);
        again.open(m_indexed);
        again.requestAt(Time::fromMilliseconds(7000));
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 5000);
        QVERIFY(progress.isEmpty());
    }

    // The library's queue makes proxies of added videos, skips what has one or gains nothing, and
    // the player then finds the proxy ready.
    void libraryQueueMakesProxiesOfAddedVideos()
    {
        const QString proxies = m_dir.filePath(QStringLiteral("queued-proxies"));
        const QString tone = m_dir.filePath(QStringLiteral("tone.m4a"));
        const QString e = ffmpeg({QStringLiteral("-f"),
                                  QStringLiteral("lavfi"),
                                  QStringLiteral("-i"),
                                  QStringLiteral("sine=d=1"),
                                  tone});
        QVERIFY2(e.isEmpty(), qPrintable(e));
        {
            ui::LibraryProxies queue(proxies);
            QSignalSpy made(&queue, &ui::LibraryProxies::proxyMade);
            QSignalSpy failed(&queue, &ui::LibraryProxies::proxyFailed);
            QSignalSpy idle(&queue, &ui::LibraryProxies::idle);
            queue.add(tone);
            queue.add(m_indexed);
            QVERIFY(queue.pending() >= 1);
            QTRY_VERIFY_WITH_TIMEOUT(!idle.isEmpty() && queue.pending() == 0, 90000);
            QCOMPARE(made.size(), 1);
            QCOMPARE(made.first().at(0).toString(), m_indexed);
            QVERIFY(failed.isEmpty());
            QVERIFY(QFile::exists(media::seekProxyFile(proxies, m_indexed)));
            QVERIFY(!QFile::exists(media::seekProxyFile(proxies, tone)));
            // Added again: the proxy is there and current, nothing is made.
            idle.clear();
            queue.add(m_indexed);
            QTRY_VERIFY_WITH_TIMEOUT(!idle.isEmpty(), 10000);
            QCOMPARE(made.size(), 1);
        }
        ui::FrameFetcher fetcher;
        fetcher.setProxyDir(proxies);
        QSignalSpy progress(&fetcher, &ui::FrameFetcher::proxyProgress);
        QSignalSpy ready(&fetcher, &ui::FrameFetcher::proxyReady);
        fetcher.open(m_indexed);
        fetcher.requestAt(Time::fromMilliseconds(3000));
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 5000);
        QVERIFY(progress.isEmpty());
    }

    void waveformFillsInAndZoomsToSamples()
    {
        ui::TimeAxis axis;
        ui::WaveformView view(&axis);
        view.setCacheDir(m_dir.filePath(QStringLiteral("waveforms")));
        view.resize(800, 120);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        axis.setDuration(Time::fromSeconds(10));
        QSignalSpy loaded(&view, &ui::WaveformView::loaded);
        view.load(sample("test-pattern-bells.mp4"));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
        QVERIFY(view.overview().isComplete());
        QCOMPARE(view.overview().sampleRate(), 44100);
        const QImage whole = view.grab().toImage();
        QVERIFY(whole.save(shots() + QStringLiteral("/waveform-whole.png")));
        // The bell at 2 s reaches far from the middle line; the silence at 1.5 s does not.
        auto extent = [&](const QImage &img, int x) {
            int top = img.height(), bottom = 0;
            const QRgb base = img.pixel(x, 2);
            for (int y = 0; y < img.height(); ++y) {
                if (img.pixel(x, y) != base && y != img.height() / 2) {
                    top = std::min(top, y);
                    bottom = std::max(bottom, y);
                }
            }
            return bottom - top;
        };
        QVERIFY(extent(whole, 162) > 50);
        QVERIFY(extent(whole, 125) < 10);

        // A second view of the same file: from the cache, complete at once.
        ui::WaveformView again(&axis);
        again.setCacheDir(view.cacheDir());
        QSignalSpy loadedAgain(&again, &ui::WaveformView::loaded);
        QElapsedTimer clock;
        clock.start();
        again.load(sample("test-pattern-bells.mp4"));
        QTRY_COMPARE_WITH_TIMEOUT(loadedAgain.size(), 1, 5000);
        QCOMPARE(again.overview().sampleCount(), view.overview().sampleCount());

        // Zoom to 200 samples across 800 pixels: the samples themselves, decoded in the background.
        axis.setVisibleRange(Time::fromSeconds(2.001), Time::fromSeconds(2.001 + 200 / 44100.0));
        QTRY_VERIFY_WITH_TIMEOUT(view.showsSamples(), 5000);
        const QImage close = view.grab().toImage();
        QVERIFY(close.save(shots() + QStringLiteral("/waveform-samples.png")));
        // An 880 Hz tone: 200 samples hold four periods, so the line crosses the middle often.
        int crossings = 0;
        int last = 0;
        for (int x = 0; x < close.width(); x += 2) {
            int y0 = -1;
            for (int y = 0; y < close.height(); ++y) {
                const QColor c = close.pixelColor(x, y);
                if (c.blue() > 150 && c.red() < 120) { // the envelope colour
                    y0 = y;
                    break;
                }
            }
            if (y0 < 0)
                continue;
            const int side = y0 < close.height() / 2 ? -1 : 1;
            if (last && side != last)
                ++crossings;
            last = side;
        }
        QVERIFY2(crossings >= 6, qPrintable(QString::number(crossings)));
    }

    void thumbnailStripAndLibraryPictures()
    {
        ui::TimeAxis axis;
        axis.setDuration(Time::fromSeconds(8));
        ui::ThumbnailStrip strip(&axis);
        strip.resize(800, 48);
        strip.show();
        QVERIFY(QTest::qWaitForWindowExposed(&strip));
        QSignalSpy ready(&strip, &ui::ThumbnailStrip::thumbnailsReady);
        strip.load(m_indexed, 4.0 / 3.0);
        QTRY_VERIFY_WITH_TIMEOUT(!strip.isBusy() && ready.size() >= 1, 10000);
        QVERIFY(strip.visibleSlots() >= 8);
        QCOMPARE(strip.readySlots(), strip.visibleSlots());
        QVERIFY(strip.grab().save(shots() + QStringLiteral("/thumbnail-strip.png")));
        // Zoomed in: exact frames; the slot at 1.00-1.04 s shows frame 25.
        axis.setVisibleRange(Time::fromSeconds(1), Time::fromSeconds(1.6));
        QTRY_VERIFY_WITH_TIMEOUT(strip.readySlots() == strip.visibleSlots() && !strip.isBusy(),
                                 10000);
        const QImage zoomed = strip.grab().toImage();
        QVERIFY(!zoomed.isNull());

        const QString cache = m_dir.filePath(QStringLiteral("thumbnails"));
        {
            ui::LibraryThumbnails thumbs(cache, QSize(96, 54));
            QSignalSpy made(&thumbs, &ui::LibraryThumbnails::thumbnailReady);
            QVERIFY(thumbs.thumbnail(m_indexed).isNull());
            QVERIFY(thumbs.isPending(m_indexed));
            QTRY_COMPARE_WITH_TIMEOUT(made.size(), 1, 10000);
            const QImage image = made.first().at(1).value<QImage>();
            QCOMPARE(image.size(), QSize(72, 54));
            QCOMPARE(thumbs.thumbnail(m_indexed).size(), QSize(72, 54));
            // No pictures in a sound file: none, and no retry.
            const QString wav = m_dir.filePath(QStringLiteral("tone.wav"));
            QVERIFY(ffmpeg({QStringLiteral("-f"),
                            QStringLiteral("lavfi"),
                            QStringLiteral("-i"),
                            QStringLiteral("sine=d=1"),
                            wav})
                        .isEmpty());
            thumbs.thumbnail(wav);
            QTRY_VERIFY_WITH_TIMEOUT(!thumbs.isPending(wav), 5000);
            QVERIFY(thumbs.thumbnail(wav).isNull());
            QVERIFY(!thumbs.isPending(wav));
        }
        QCOMPARE(QDir(cache).entryList({QStringLiteral("*.png")}).size(), 1);
        // A later run reads the stored picture.
        ui::LibraryThumbnails later(cache, QSize(96, 54));
        QSignalSpy made(&later, &ui::LibraryThumbnails::thumbnailReady);
        later.thumbnail(m_indexed);
        QTRY_COMPARE_WITH_TIMEOUT(made.size(), 1, 5000);
    }
};

QTEST_MAIN(TestMediaViews)
#include "tst_mediaviews.moc"
