// The spectrogram one toggle away from the waveform: View › Spectrogram (Shift+S, in the
// shortcut registry without conflicts, remembered) shows mandelbrot-chirp.mp4's rising chirp in
// the strip, in step with the shared time axis when it zooms, in the light and the dark theme;
// and saves build/screenshots/spectrogram.png (dark), spectrogram-light.png and the strip
// zoomed into 0.3 s, spectrogram-zoomed.png.

#include "core/storage/database.h"
#include "ui/library/librarycontroller.h"
#include "ui/mainwindow.h"
#include "ui/player/playerwidget.h"
#include "ui/shell/actionregistry.h"
#include "ui/shell/theme.h"
#include "ui/timeaxis.h"
#include "ui/waveform/audiostrip.h"
#include "ui/waveform/spectrogramview.h"
#include "ui/waveform/waveformview.h"

#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace earmark;

namespace {

QString sample(const char *name)
{
    return QStringLiteral(EARMARK_BINARY_DIR "/share/earmark/samples/") + QLatin1String(name);
}

// The chirp in mandelbrot-chirp.mp4: 0.4 sin(2 pi (200 + 60 t) t), so 200 + 120 t Hz.
double chirpHz(double seconds)
{
    return 200 + 120 * seconds;
}

// The row of `image` (the spectrogram widget's picture) whose pixels at columns [x - 2, x + 2]
// differ most from the colour of silence: where the loudest band is drawn.
int loudestRow(const QImage &image, int x, const QColor &silence)
{
    int best = -1;
    double bestDistance = -1;
    for (int y = 0; y < image.height(); ++y) {
        double distance = 0;
        for (int dx = -2; dx <= 2; ++dx) {
            const QColor c = image.pixelColor(std::clamp(x + dx, 0, image.width() - 1), y);
            distance += std::abs(c.red() - silence.red()) + std::abs(c.green() - silence.green())
                        + std::abs(c.blue() - silence.blue());
        }
        if (distance > bestDistance) {
            bestDistance = distance;
            best = y;
        }
    }
    return best;
}

// Where the view draws the centre of the band of `hz`.
double rowFor(const ui::SpectrogramView *view, double hz)
{
    const media::SpectrogramFormat &f = view->spectrogram().format();
    return view->height() * (1 - (f.bandForFrequency(hz) + 0.5) / f.bands);
}

} // namespace

class TestSpectrogramView : public QObject
{
    Q_OBJECT

    QImage m_last; // the spectrogram's picture as last checked

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Settings of its own: the GUI tests run in parallel.
        QCoreApplication::setApplicationName(QStringLiteral("tst_spectrogramview"));
        QVERIFY2(QFile::exists(sample("mandelbrot-chirp.mp4")), "sample media not built");
        QVERIFY(QDir().mkpath(QStringLiteral(EARMARK_BINARY_DIR "/screenshots")));
    }

    void showsTheChirp_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("dark") << true;
        QTest::newRow("light") << false;
    }

    void showsTheChirp()
    {
        QFETCH(bool, dark);
        QSettings().clear();
        QLocale::setDefault(QLocale(QLocale::English));
        ui::applyTheme(dark ? ui::ThemeChoice::Dark : ui::ThemeChoice::Light);
        QTemporaryDir dir;
        auto db = storage::Database::open(dir.filePath(QStringLiteral("library.sqlite")));
        QVERIFY2(db.ok(), qPrintable(db.errorString()));
        ui::LibraryController library(*db);
        auto window = std::make_unique<ui::MainWindow>(&library);
        window->resize(1680, 1050);
        auto *splitter = qobject_cast<QSplitter *>(window->centralWidget());
        QVERIFY(splitter);
        splitter->setSizes({560, 190, 300});
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));

        // The action: in the registry under View, Shift+S, no other action on those keys.
        ui::ActionRegistry *actions = window->actions();
        QAction *toggle = actions->action(QStringLiteral("view.spectrogram"));
        QVERIFY(toggle);
        QVERIFY(toggle->isCheckable());
        QVERIFY(!toggle->isChecked()); // off on first run
        QCOMPARE(actions->defaultKeys(QStringLiteral("view.spectrogram")),
                 QKeySequence(Qt::SHIFT | Qt::Key_S));
        QCOMPARE(toggle->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_S));
        QVERIFY2(actions->conflictsWith(QStringLiteral("view.spectrogram"), toggle->shortcut())
                     .isEmpty(),
                 qPrintable(
                     actions->conflictsWith(QStringLiteral("view.spectrogram"), toggle->shortcut())
                         .join(QLatin1Char(' '))));
        QCOMPARE(actions->category(QStringLiteral("view.spectrogram")), QStringLiteral("View"));

        window->openFiles({sample("mandelbrot-chirp.mp4")});
        QTRY_VERIFY_WITH_TIMEOUT(window->currentVideo().has_value(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!window->waveform()->isLoading(), 10000);
        ui::SpectrogramView *view = window->spectrogram();
        ui::AudioStrip *strip = window->audioStrip();
        // Not computed while hidden.
        QCOMPARE(strip->currentWidget(), window->waveform());
        QVERIFY(view->spectrogram().isEmpty() && !view->isLoading());

        toggle->trigger();
        QVERIFY(toggle->isChecked());
        QCOMPARE(strip->currentWidget(), view);
        QVERIFY(view->isVisible());
        const auto *label = window->findChild<QLabel *>(QStringLiteral("waveformLabel"));
        QVERIFY(label);
        QCOMPARE(label->text(), QStringLiteral("Spectrogram"));
        QTRY_VERIFY_WITH_TIMEOUT(!view->isLoading(), 10000);
        QVERIFY2(view->errorString().isEmpty(), qPrintable(view->errorString()));
        QVERIFY(view->spectrogram().isComplete());
        QVERIFY(view->height() >= 120);

        ui::TimeAxis *axis = window->timeAxis();
        const QColor silence = ui::SpectrogramView::colorFor(0, view->palette());
        const QColor loud = ui::SpectrogramView::colorFor(1, view->palette());
        // The colour map runs from the theme's background side to the other.
        QCOMPARE(silence.lightness() < 128, dark);
        QCOMPARE(loud.lightness() > 128, dark);

        // Whole file: the loudest row climbs from left to right, where the chirp's frequency is.
        auto checkRows = [&](const char *what, bool rises = true) {
            const QImage image = view->grab().toImage();
            m_last = image;
            int previous = view->height();
            for (double fraction : {0.1, 0.3, 0.5, 0.7, 0.9}) {
                const int x = int(view->width() * fraction);
                const double t = axis->timeForX(x + 0.5, view->width()).seconds();
                const int row = loudestRow(image, x, silence);
                const double expected = rowFor(view, chirpHz(t));
                const double bandHeight = double(view->height()) / view->spectrogram().bands();
                QVERIFY2(std::abs(row - expected) <= 2.5 * bandHeight + 1,
                         qPrintable(QStringLiteral("%1: at %2 s row %3, expected %4 (%5 Hz)")
                                        .arg(QLatin1String(what))
                                        .arg(t)
                                        .arg(row)
                                        .arg(expected)
                                        .arg(chirpHz(t))));
                QVERIFY2(rises ? row < previous : row <= previous,
                         qPrintable(QStringLiteral("%1: the chirp does not rise at %2 s (row %3 "
                                                   "after %4)")
                                        .arg(QLatin1String(what))
                                        .arg(t)
                                        .arg(row)
                                        .arg(previous)));
                previous = row;
            }
        };
        checkRows("whole file");
        if (QTest::currentTestFailed())
            return;
        const QImage whole = m_last;
        const int leftWhole = loudestRow(whole, view->width() / 10, silence);
        const int rightWhole = loudestRow(whole, view->width() * 9 / 10, silence);
        QVERIFY(rightWhole < leftWhole - 10);

        // Zoomed into 4-6 s on the shared axis: the strip shows that span only, so its left and
        // right ends lie between the whole view's rows for 4 s and 6 s.
        axis->setVisibleRange(Time::fromSeconds(4), Time::fromSeconds(6));
        QCOMPARE(axis->visibleStart(), Time::fromSeconds(4));
        checkRows("zoomed to 4-6 s");
        if (QTest::currentTestFailed())
            return;
        const QImage zoomed = view->grab().toImage();
        const int leftZoomed = loudestRow(zoomed, 4, silence);
        const int rightZoomed = loudestRow(zoomed, view->width() - 5, silence);
        QVERIFY2(leftZoomed - rightZoomed < (leftWhole - rightWhole) / 2,
                 qPrintable(QStringLiteral("zoomed rise %1 px, whole rise %2 px")
                                .arg(leftZoomed - rightZoomed)
                                .arg(leftWhole - rightWhole)));
        // And scrolling moves it too: 6-8 s is higher.
        axis->scrollByFraction(1.0);
        QCOMPARE(axis->visibleStart(), Time::fromSeconds(6));
        checkRows("scrolled to 6-8 s");
        if (QTest::currentTestFailed())
            return;
        QVERIFY(loudestRow(view->grab().toImage(), 4, silence) < rightZoomed + 3);

        // Zoomed in far (30 columns over the whole width): the columns are blended, not blocks,
        // and still where the chirp is.
        axis->setVisibleRange(Time::fromMilliseconds(4000), Time::fromMilliseconds(4300));
        checkRows("zoomed to 4-4.3 s", false);
        if (QTest::currentTestFailed())
            return;
        {
            // Along a row beside the chirp, the colour changes in many small steps (blended)
            // rather than in one step per column (blocks): the largest step is a small part of
            // the change over one column's width.
            const QImage image = view->grab().toImage();
            if (dark)
                QVERIFY(image.save(
                    QStringLiteral(EARMARK_BINARY_DIR "/screenshots/spectrogram-zoomed.png")));
            const int y = loudestRow(image, view->width() / 2, silence) + 4;
            const int x0 = view->width() / 4, x1 = view->width() * 3 / 4;
            const double columnsShown = 0.3 * view->spectrogram().format().columnsPerSecond() / 2;
            int largest = 0, total = 0;
            for (int x = x0 + 1; x < x1; ++x) {
                const QColor a = image.pixelColor(x - 1, y), b = image.pixelColor(x, y);
                const int d = std::abs(a.red() - b.red()) + std::abs(a.green() - b.green())
                              + std::abs(a.blue() - b.blue());
                largest = std::max(largest, d);
                total += d;
            }
            QVERIFY2(total > 0 && largest * columnsShown < total / 2.0,
                     qPrintable(QStringLiteral("largest step %1 of %2 over %3 columns")
                                    .arg(largest)
                                    .arg(total)
                                    .arg(columnsShown)));
        }

        // The picture for people: the whole file, the playhead at 4.2 s.
        axis->showAll();
        window->player()->seek(Time::fromMilliseconds(4200));
        QTRY_COMPARE_WITH_TIMEOUT(axis->playhead(), Time::fromMilliseconds(4200), 5000);
        QTest::qWait(200);
        const QString shots = QStringLiteral(EARMARK_BINARY_DIR "/screenshots");
        QDir().mkpath(shots);
        const QString file = shots
                             + (dark ? QStringLiteral("/spectrogram.png")
                                     : QStringLiteral("/spectrogram-light.png"));
        QVERIFY(window->grab().save(file));
        qInfo("%s", qPrintable(file));

        // Remembered: a new window opens with the spectrogram shown, and the toggle goes back.
        window.reset();
        ui::MainWindow again(&library);
        QAction *toggleAgain = again.actions()->action(QStringLiteral("view.spectrogram"));
        QVERIFY(toggleAgain->isChecked());
        QVERIFY(again.audioStrip()->isSpectrogramShown());
        toggleAgain->trigger();
        QVERIFY(!again.audioStrip()->isSpectrogramShown());
        QCOMPARE(again.audioStrip()->currentWidget(), again.waveform());
        QVERIFY(!QSettings().value(QStringLiteral("view/spectrogram")).toBool());
    }

    // A long file fills in from the left while it is computed (the rest tinted as pending), the
    // GUI thread answering all along; loading another file cancels the first.
    void fillsInWhileComputing()
    {
        ui::applyTheme(ui::ThemeChoice::Dark);
        QTemporaryDir dir;
        // 15 minutes of a 1 kHz tone at 8 kHz (WAV: quick to make and to read, so the time goes
        // to the spectrogram itself, about 90,000 columns).
        const QString wav = dir.filePath(QStringLiteral("long.wav"));
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"),
                     {QStringLiteral("-nostdin"),
                      QStringLiteral("-v"),
                      QStringLiteral("error"),
                      QStringLiteral("-f"),
                      QStringLiteral("lavfi"),
                      QStringLiteral("-i"),
                      QStringLiteral("sine=frequency=1000:sample_rate=8000:duration=900"),
                      wav});
        QVERIFY(ffmpeg.waitForFinished(60000));
        QCOMPARE(ffmpeg.exitCode(), 0);

        ui::TimeAxis axis;
        axis.setDuration(Time::fromSeconds(900));
        ui::SpectrogramView view(&axis);
        view.resize(800, 120);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy loaded(&view, &ui::SpectrogramView::loaded);
        view.load(wav);
        QVERIFY(view.isLoading());
        bool sawPartial = false;
        QElapsedTimer clock;
        clock.start();
        qint64 longestWaitMs = 0;
        while (view.isLoading() && clock.elapsed() < 30000) {
            QElapsedTimer step;
            step.start();
            QTest::qWait(5);
            longestWaitMs = std::max(longestWaitMs, step.elapsed());
            const qint64 columns = view.spectrogram().columnCount();
            if (sawPartial || columns == 0 || view.spectrogram().isComplete() || columns > 80000)
                continue;
            sawPartial = true;
            // Drawn up to where the columns reach, tinted after.
            const QImage image = view.grab().toImage();
            const double reached = axis.xForTime(view.spectrogram().coveredDuration(), 800);
            QVERIFY2(reached > 2 && reached < 790, qPrintable(QString::number(reached)));
            const int y = int(view.height()
                              * (1
                                 - (view.spectrogram().format().bandForFrequency(1000) + 0.5)
                                       / view.spectrogram().bands()));
            const QColor done = image.pixelColor(int(reached) - 2, y);
            const QColor pending = image.pixelColor(799, y);
            QVERIFY2(done.lightness() > 150,
                     qPrintable(QStringLiteral("the tone is not drawn: %1").arg(done.name())));
            QVERIFY2(pending.lightness() < 100,
                     qPrintable(
                         QStringLiteral("the pending part is drawn: %1").arg(pending.name())));
        }
        QVERIFY2(sawPartial, "the spectrogram came in one piece");
        QVERIFY(!view.isLoading());
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(view.spectrogram().columnCount(), qint64(90000));
        // The GUI thread kept turning while the worker computed.
        QVERIFY2(longestWaitMs < 1000, qPrintable(QString::number(longestWaitMs)));

        // Another file replaces one still being computed: only the second arrives.
        view.load(wav);
        view.load(sample("mandelbrot-chirp.mp4"));
        QTRY_VERIFY_WITH_TIMEOUT(!view.isLoading(), 30000);
        QTest::qWait(100); // anything late from the first would land now
        QCOMPARE(loaded.size(), 2);
        QVERIFY2(std::abs(view.spectrogram().coveredDuration().seconds() - 10) <= 0.02,
                 qPrintable(QString::number(view.spectrogram().coveredDuration().seconds())));
        QVERIFY(view.spectrogram().isComplete());
        view.clear();
        QVERIFY(view.spectrogram().isEmpty());
        QVERIFY(!view.isLoading());

        // A file that cannot be read: the strip says so, naming it.
        QSignalSpy failed(&view, &ui::SpectrogramView::loadFailed);
        view.load(dir.filePath(QStringLiteral("missing.mp4")));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QVERIFY2(failed.at(0).at(0).toString().contains(QLatin1String("missing.mp4")),
                 qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(view.errorString(), failed.at(0).at(0).toString());
    }

    void cleanupTestCase() { ui::applyTheme(ui::ThemeChoice::Light); }
};

QTEST_MAIN(TestSpectrogramView)
#include "tst_spectrogramview.moc"
