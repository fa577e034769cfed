// The main window as a person first sees it: a sample video opened, played for a second, its
// picture in the video area, its waveform and its entry in the library panel.

#include "core/storage/database.h"
#include "core/storage/videorepository.h"
#include "ui/library/librarycontroller.h"
#include "ui/library/librarypanel.h"
#include "ui/mainwindow.h"
#include "ui/player/playerwidget.h"
#include "ui/player/videoview.h"
#include "ui/waveform/waveformview.h"

#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace earmark;

namespace {

QString sample(const char *name)
{
    return QStringLiteral(EARMARK_BINARY_DIR "/share/earmark/samples/") + QLatin1String(name);
}

// Mean and spread of a picture's luminance.
std::pair<double, double> lumaStats(const QImage &image)
{
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    double sum = 0, sumSq = 0;
    qint64 n = 0;
    for (int y = 0; y < img.height(); y += 2) {
        const auto *line = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < img.width(); x += 2) {
            const double l = qGray(line[x]);
            sum += l;
            sumSq += l * l;
            ++n;
        }
    }
    const double mean = sum / n;
    return {mean, std::sqrt(std::max(0.0, sumSq / n - mean * mean))};
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Settings of its own: the GUI tests run in parallel.
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QVERIFY2(QFile::exists(sample("test-pattern-bells.mp4")), "sample media not built");
    }

    void playsSampleVideo()
    {
        QTemporaryDir dir;
        auto db = storage::Database::open(dir.filePath(QStringLiteral("library.sqlite")));
        QVERIFY2(db.ok(), qPrintable(db.errorString()));
        ui::LibraryController library(*db);
        ui::MainWindow window(&library);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        const QString path = sample("test-pattern-bells.mp4");
        window.openFiles({path});
        QTRY_VERIFY_WITH_TIMEOUT(window.currentVideo().has_value(), 10000);
        QCOMPARE(window.currentVideo()->path, QFileInfo(path).absoluteFilePath());
        QTRY_COMPARE_WITH_TIMEOUT(window.libraryPanel()->visibleCount(), 1, 5000);

        // Stored in the library file, with the probed facts.
        auto stored = storage::VideoRepository(*db).byPath(path);
        QVERIFY(stored.ok() && stored->has_value());
        QCOMPARE((*stored)->width, 640);
        QCOMPARE((*stored)->duration.milliseconds(), 10000);

        ui::PlayerWidget *player = window.player();
        QTRY_VERIFY_WITH_TIMEOUT(player->duration() > Time(), 10000);
        player->play();
        QTRY_VERIFY_WITH_TIMEOUT(player->position() >= Time::fromMilliseconds(1000), 15000);
        player->pause();

        // The video area shows the picture: bright and varied, not black.
        const QImage shown = window.player()->videoView()->grab().toImage();
        const QRect picture = window.player()->videoView()->pictureRect();
        QVERIFY(!picture.isEmpty());
        const double ratio = double(picture.width()) / picture.height();
        QVERIFY2(std::abs(ratio - 640.0 / 360.0) < 0.02, "aspect ratio not kept");
        const auto [mean, spread] = lumaStats(shown.copy(picture));
        QVERIFY2(mean > 40 && spread > 20,
                 qPrintable(QStringLiteral("video area looks black: mean %1, spread %2")
                                .arg(mean)
                                .arg(spread)));

        // The time display follows the player.
        const auto *timeLabel = window.findChild<QLabel *>(QStringLiteral("timeLabel"));
        QVERIFY(timeLabel);
        QVERIFY2(timeLabel->text().endsWith(QLatin1String("/ 0:10.0")),
                 qPrintable(timeLabel->text()));

        // The waveform strip fills in.
        QTRY_VERIFY_WITH_TIMEOUT(!window.waveform()->isLoading(), 10000);
        QVERIFY(window.waveform()->overview().isComplete());
        QVERIFY(window.waveform()->overview().coveredDuration() > Time::fromSeconds(9.9));

        const QString shots = QStringLiteral(EARMARK_BINARY_DIR "/screenshots");
        QDir().mkpath(shots);
        QVERIFY(window.grab().save(shots + QStringLiteral("/mainwindow-playing.png")));
    }

    void frameStepMovesOneFrame()
    {
        QTemporaryDir dir;
        auto db = storage::Database::open(dir.filePath(QStringLiteral("library.sqlite")));
        QVERIFY(db.ok());
        ui::LibraryController library(*db);
        ui::MainWindow window(&library);
        window.show();
        window.openFiles({sample("mandelbrot-chirp.mp4")});
        QTRY_VERIFY_WITH_TIMEOUT(window.currentVideo().has_value(), 10000);
        ui::PlayerWidget *player = window.player();
        QTRY_VERIFY_WITH_TIMEOUT(player->duration() > Time(), 10000);
        player->seek(Time::fromMilliseconds(2000));
        QTRY_COMPARE_WITH_TIMEOUT(player->position(), Time::fromMilliseconds(2000), 5000);
        player->stepFrames(1);
        // 25 fps: the next frame spans 2.04-2.08 s; the player lands on its start.
        QTRY_VERIFY_WITH_TIMEOUT(player->position() >= Time::fromMilliseconds(2040)
                                     && player->position() < Time::fromMilliseconds(2080),
                                 5000);
        player->stepFrames(-2);
        QTRY_VERIFY_WITH_TIMEOUT(player->position() >= Time::fromMilliseconds(1960)
                                     && player->position() < Time::fromMilliseconds(2000),
                                 5000);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
