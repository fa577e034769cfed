// The main window as an annotator sees it mid-work, rendered to PNG in light and dark, in
// English and Japanese: a sample video paused on a frame with a sounding object's mask over it,
// the waveform, the timeline with audio, visual and audio-visual events, a model's proposals
// (open, accepted, rejected), an AVE localization track, the review panel, the thumbnail strip
// and the library with review states and pictures. Files: <build>/screenshots/workbench-<language>-<theme>.png.

#include "core/annotation/commands.h"
#include "core/annotation/document.h"
#include "core/storage/database.h"
#include "core/storage/modelrunrepository.h"
#include "core/storage/videoimport.h"
#include "core/storage/videorepository.h"
#include "ui/editing/editorsession.h"
#include "ui/editing/workbench.h"
#include "ui/library/librarycontroller.h"
#include "ui/library/librarypanel.h"
#include "ui/mainwindow.h"
#include "ui/player/maskoverlay.h"
#include "ui/player/playerwidget.h"
#include "ui/player/videoview.h"
#include "ui/shell/language.h"
#include "ui/shell/theme.h"
#include "ui/thumbnails/thumbnailstrip.h"
#include "ui/timeaxis.h"
#include "ui/timeline/timelineview.h"
#include "ui/waveform/waveformview.h"

#include <QApplication>
#include <QDir>
#include <QFontDatabase>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <cmath>

using namespace earmark;
using namespace earmark::annotation;

namespace {

// LLP classes.
constexpr int kSpeech = 0, kCar = 1, kClapping = 24, kTelephone = 21, kDog = 3;
// AVE's "Church bell".
constexpr int kChurchBell = 0;

QString sample(const char *name)
{
    return QStringLiteral(EARMARK_BINARY_DIR "/share/earmark/samples/") + QLatin1String(name);
}

QString shotsDir()
{
    return QStringLiteral(EARMARK_BINARY_DIR "/screenshots");
}

// A filled ellipse mask of `w` x `h` centred at (cx, cy) with radii (rx, ry).
RleMask ellipseMask(int w, int h, double cx, double cy, double rx, double ry)
{
    QByteArray pixels(qsizetype(w) * h, '\0');
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const double dx = (x - cx) / rx, dy = (y - cy) / ry;
            if (dx * dx + dy * dy <= 1)
                pixels[qsizetype(y) * w + x] = 1;
        }
    }
    return RleMask::fromPixels(w, h, pixels);
}

void removeTranslators()
{
    for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT

    // Fills the open video's document the way a person and a model run would have.
    void annotate(ui::EditorSession *session)
    {
        AnnotationDocument *doc = session->document();
        auto run = [&](Result<Edit> edit) { QVERIFY2(session->execute(edit), "edit refused"); };
        auto trackNamed = [&](const QString &name) -> TrackId {
            for (const Track &t : doc->tracks()) {
                if (t.name == name)
                    return t.id;
            }
            return 0;
        };
        run(commands::addTrack(*doc, QStringLiteral("LLP"), kLlpLabelSetId));
        const TrackId llp = trackNamed(QStringLiteral("LLP"));
        auto draw = [&](TrackId track, Modality m, int cls, double on, double off) {
            run(commands::drawSegment(*doc,
                                      track,
                                      m,
                                      cls,
                                      Time::fromSeconds(on),
                                      Time::fromSeconds(off)));
        };
        // The bell rings every two seconds; a car drives through; someone claps at the end.
        draw(llp, Modality::Audio, kTelephone, 0.0, 0.96);
        draw(llp, Modality::Audio, kTelephone, 2.0, 2.92);
        draw(llp, Modality::Audio, kSpeech, 5.2, 6.4);
        draw(llp, Modality::Visual, kCar, 1.4, 6.2);
        draw(llp, Modality::Visual, kDog, 7.0, 9.6);
        draw(llp, Modality::AudioVisual, kTelephone, 2.0, 2.92);
        draw(llp, Modality::AudioVisual, kClapping, 8.2, 9.5);

        // AVE localization: the bell, second by second.
        run(commands::addTrack(*doc, QStringLiteral("AVE"), kAveLabelSetId));
        const TrackId ave = trackNamed(QStringLiteral("AVE"));
        for (int s : {0, 2, 4, 6, 8})
            draw(ave, Modality::AudioVisual, kChurchBell, s, s + 1);

        // A sounding object with its mask on every second.
        run(commands::addMaskObject(*doc, llp, kTelephone, QStringLiteral("bell")));
        const MaskObjectId bell = doc->maskObjects().constLast().id;
        for (int s = 0; s < 10; ++s) {
            run(commands::setMaskFrame(*doc,
                                       bell,
                                       Time::fromSeconds(s),
                                       ellipseMask(640, 360, 150 + 6 * s, 222, 84, 58)));
        }
        session->setSelection({doc->segments().at(3).id}); // the speech event
    }

    VideoId m_annotated = 0; // the video with the model's proposals

    std::shared_ptr<storage::Database> makeLibrary(const QTemporaryDir &dir, bool japanese)
    {
        auto db = storage::Database::open(dir.filePath(QStringLiteral("library.sqlite")));
        if (!db)
            return nullptr;
        storage::VideoRepository videos(*db);
        // File names in the library's language show its text renders. (The opened video keeps a
        // plain name: Qt 6.4's FFmpeg player cannot open paths with other characters.)
        const QStringList names = japanese ? QStringList{QStringLiteral("church-bells.mp4"),
                                                         QStringLiteral("マンデルブロ.mp4"),
                                                         QStringLiteral("ライフゲーム.mp4")}
                                           : QStringList{QStringLiteral("church-bells.mp4"),
                                                         QStringLiteral("mandelbrot.mp4"),
                                                         QStringLiteral("game-of-life.mp4")};
        const char *sources[] = {"test-pattern-bells.mp4",
                                 "mandelbrot-chirp.mp4",
                                 "life-noise-bursts.mp4"};
        const ReviewStatus statuses[] = {ReviewStatus::InProgress,
                                         ReviewStatus::Done,
                                         ReviewStatus::ToDo};
        VideoId first = 0;
        for (int i = 0; i < 3; ++i) {
            const QString path = dir.filePath(names.at(i));
            QFile::copy(sample(sources[i]), path);
            auto video = storage::addMediaFile(videos, path);
            if (!video)
                return nullptr;
            if (!videos.setStatus(video->id, statuses[i]))
                return nullptr;
            first = first ? first : video->id;
        }
        // The model's proposals for the first video.
        ModelRun run;
        run.pack = QStringLiteral("avvp-han");
        run.version = QStringLiteral("1.0");
        run.task = QStringLiteral("avvp");
        run.labelSetId = kLlpLabelSetId;
        storage::RunResult result;
        result.videoId = first;
        m_annotated = first;
        auto proposal = [](Modality m, int cls, double on, double off, double conf) {
            Segment s;
            s.modality = m;
            s.classIndex = cls;
            s.onset = Time::fromSeconds(on);
            s.offset = Time::fromSeconds(off);
            s.confidence = conf;
            return s;
        };
        result.segments = {proposal(Modality::Audio, kTelephone, 4.0, 4.9, 0.93),
                           proposal(Modality::Audio, kTelephone, 6.0, 6.8, 0.71),
                           proposal(Modality::Audio, kTelephone, 8.0, 8.6, 0.44),
                           proposal(Modality::Audio, kSpeech, 5.1, 6.5, 0.81),
                           proposal(Modality::Visual, kCar, 1.2, 6.5, 0.66),
                           proposal(Modality::Visual, kDog, 3.2, 3.9, 0.28),
                           proposal(Modality::AudioVisual, kClapping, 8.0, 9.4, 0.58)};
        if (!storage::ModelRunRepository(*db).addRunWithResults(run, {result}))
            return nullptr;
        return *db;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Settings of its own: the GUI tests run in parallel.
        QCoreApplication::setApplicationName(QStringLiteral("tst_screenshots"));
        QSettings().clear();
        QVERIFY2(QFile::exists(sample("test-pattern-bells.mp4")), "sample media not built");
        QVERIFY(QDir().mkpath(shotsDir()));
        // Japanese needs a font with its characters (Debian: fonts-noto-cjk).
        QVERIFY2(!QFontDatabase::families(QFontDatabase::Japanese).isEmpty(),
                 "no font for Japanese text: install fonts-noto-cjk");
    }

    void mainWindow_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("dark");
        QTest::newRow("en-light") << QStringLiteral("en") << false;
        QTest::newRow("en-dark") << QStringLiteral("en") << true;
        QTest::newRow("ja-light") << QStringLiteral("ja") << false;
        QTest::newRow("ja-dark") << QStringLiteral("ja") << true;
        // German: the longest labels of the translations, to see that nothing is cut off.
        QTest::newRow("de-light") << QStringLiteral("de") << false;
    }

    void mainWindow()
    {
        QFETCH(QString, language);
        QFETCH(bool, dark);
        // Each picture shows the window as it first opens: not with the dock sizes the previous
        // row's window saved when it closed (in another language, with other size hints).
        QSettings().clear();
        removeTranslators();
        if (language != QLatin1String("en"))
            QCOMPARE(ui::installTranslations(language), language);
        else
            QLocale::setDefault(QLocale(QLocale::English));
        ui::applyTheme(dark ? ui::ThemeChoice::Dark : ui::ThemeChoice::Light);

        QTemporaryDir dir;
        auto db = makeLibrary(dir, language == QLatin1String("ja"));
        QVERIFY(db);
        ui::LibraryController library(db);
        ui::MainWindow window(&library);
        window.resize(1680, 1050);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(window.libraryPanel()->visibleCount(), 3, 10000);

        for (const Video &v : library.videos()) {
            if (v.id == m_annotated)
                window.openVideo(v);
        }
        ui::EditorSession *session = window.workbench()->session();
        QTRY_VERIFY_WITH_TIMEOUT(session->document() != nullptr, 10000);
        annotate(session);
        // Some of the proposals reviewed already.
        const QList<Segment> segments = session->document()->segments();
        QVERIFY(
            session->execute(commands::acceptProposals(*session->document(), {segments.at(0).id})));
        QVERIFY(
            session->execute(commands::rejectProposals(*session->document(), {segments.at(5).id})));

        // Paused on the frame at 4.2 s, with the waveform read.
        ui::PlayerWidget *player = window.player();
        QTRY_VERIFY_WITH_TIMEOUT(player->duration() > Time(), 10000);
        player->seek(Time::fromMilliseconds(4200));
        if (!QTest::qWaitFor([&] { return !player->videoView()->currentImage().isNull(); }, 5000)) {
            // No still from a paused seek: play a moment to get a picture.
            player->play();
            QTRY_VERIFY_WITH_TIMEOUT(!player->videoView()->currentImage().isNull(), 10000);
            player->pause();
            player->seek(Time::fromMilliseconds(4200));
        }
        QTRY_VERIFY_WITH_TIMEOUT(!window.waveform()->isLoading(), 10000);
        // The pictures: the thumbnail strip's slots and every library row's.
        ui::ThumbnailStrip *strip = window.thumbnailStrip();
        QTRY_VERIFY_WITH_TIMEOUT(strip->visibleSlots() > 0
                                     && strip->readySlots() == strip->visibleSlots(),
                                 15000);
        for (const Video &v : library.videos())
            QTRY_VERIFY_WITH_TIMEOUT(window.libraryPanel()->showsThumbnail(v.id), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(window.workbench()->maskOverlay()->time(),
                                  Time::fromMilliseconds(4200),
                                  5000);
        QTest::qWait(200);

        const QImage shot = window.grab().toImage();
        const QString file = shotsDir()
                             + QStringLiteral("/workbench-%1-%2.png")
                                   .arg(language,
                                        dark ? QStringLiteral("dark") : QStringLiteral("light"));
        QVERIFY(shot.save(file));
        qInfo("%s", qPrintable(file));

        // The theme reached the timeline: its background is dark or light as asked.
        ui::TimelineView *timeline = window.timeline();
        const QPoint origin = timeline->mapTo(&window, QPoint(0, 0));
        const QRect lanes = timeline->laneArea().translated(origin);
        const QColor empty = shot.pixelColor(lanes.bottomRight() - QPoint(4, 4));
        QCOMPARE(empty.lightness() < 128, dark);
        // The mask is drawn over the picture: the bell's colour at its centre.
        ui::VideoView *view = player->videoView();
        const QRect picture = view->pictureRect().translated(view->mapTo(&window, QPoint(0, 0)));
        const QPoint bellCentre(picture.left() + picture.width() * (150 + 24) / 640,
                                picture.top() + picture.height() * 222 / 360);
        const QColor overlayColor = window.workbench()->maskOverlay()->colorOf(
            session->document()->maskObjects().constLast().id);
        QCOMPARE(overlayColor, QColor(0xff, 0x4d, 0x4d)); // the first object is red
        const QColor seen = shot.pixelColor(bellCentre);
        const QColor under = view->currentImage().pixelColor(150 + 24, 222);
        QVERIFY2(seen.red() > under.red() + 40,
                 qPrintable(QStringLiteral("the red mask does not show at the object: %1 over %2")
                                .arg(seen.name(), under.name())));
        window.close();
    }

    void cleanupTestCase()
    {
        removeTranslators();
        ui::applyTheme(ui::ThemeChoice::Light);
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
