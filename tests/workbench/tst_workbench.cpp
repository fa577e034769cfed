// A person's session in the workbench, driven with the mouse and the keyboard against a real
// library file: draw, move, resize, split, merge, relabel, change modality, review a model's
// proposals, mark the video, undo everything back and redo it, copy events into another video,
// paint a mask; the media strips (waveform cache, library pictures, the thumbnail strip). After each step the library file, opened again from scratch, holds exactly what
// the person sees.

#include "core/annotation/commands.h"
#include "core/annotation/document.h"
#include "core/media/seekproxy.h"
#include "core/storage/annotationrepository.h"
#include "core/storage/annotationsession.h"
#include "core/storage/database.h"
#include "core/storage/modelrunrepository.h"
#include "core/storage/videoimport.h"
#include "core/storage/videorepository.h"
#include "ui/editing/classpicker.h"
#include "ui/editing/editorsession.h"
#include "ui/editing/reviewpanel.h"
#include "ui/editing/undohistorypanel.h"
#include "ui/editing/workbench.h"
#include "ui/library/librarycontroller.h"
#include "ui/library/librarypanel.h"
#include "ui/mainwindow.h"
#include "ui/player/framefetcher.h"
#include "ui/player/maskoverlay.h"
#include "ui/player/playerwidget.h"
#include "ui/player/transport.h"
#include "ui/player/videoview.h"
#include "ui/shell/actionregistry.h"
#include "ui/thumbnails/librarythumbnails.h"
#include "ui/thumbnails/thumbnailstrip.h"
#include "ui/timeaxis.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelineview.h"
#include "ui/waveform/waveformview.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QLineEdit>
#include <QListView>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace earmark;
using namespace earmark::annotation;
using ui::TimelineRowKind;

namespace {

constexpr int kSpeech = 0, kDog = 3, kFireAlarm = 7, kTelephone = 21;

QString sample(const char *name)
{
    return QStringLiteral(EARMARK_BINARY_DIR "/share/earmark/samples/") + QLatin1String(name);
}

QList<Segment> byId(QList<Segment> list)
{
    std::sort(list.begin(), list.end(), [](const Segment &a, const Segment &b) {
        return a.id < b.id;
    });
    return list;
}

// A mouse move with a button held and keyboard modifiers (QTest::mouseMove sends none).
void dragTo(QWidget *widget, const QPoint &pos, Qt::KeyboardModifiers modifiers)
{
    QMouseEvent move(QEvent::MouseMove,
                     QPointF(pos),
                     QPointF(widget->mapToGlobal(pos)),
                     Qt::NoButton,
                     Qt::LeftButton,
                     modifiers);
    QApplication::sendEvent(widget, &move);
}

// Answers the class picker that the next mouse release or key press opens: types `search` and
// presses Enter.
void answerClassPicker(const QString &search)
{
    QTimer::singleShot(0, [search] {
        QWidget *popup = QApplication::activePopupWidget();
        auto *picker = qobject_cast<ui::ClassPicker *>(popup);
        QVERIFY2(picker, "no class picker opened");
        auto *field = picker->findChild<QLineEdit *>(QStringLiteral("classSearch"));
        QTest::keyClicks(field, search);
        QTest::keyClick(field, Qt::Key_Return);
    });
}

} // namespace

class TestWorkbench : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_libraryPath;
    std::shared_ptr<storage::Database> m_db;
    Video m_clip;
    Video m_other;

    // The library file opened afresh must hold what the document shows.
    void verifyStore(const AnnotationDocument &doc, ui::Workbench &workbench)
    {
        workbench.annotationSession()->waitForWrites();
        auto db = storage::Database::open(m_libraryPath);
        QVERIFY2(db.ok(), qPrintable(db.errorString()));
        auto snapshot = storage::AnnotationRepository(*db).loadSnapshot(doc.videoId());
        QVERIFY2(snapshot.ok(), qPrintable(snapshot.errorString()));
        QCOMPARE(byId(snapshot->segments), doc.segments());
        QCOMPARE(snapshot->tracks, doc.tracks());
        QCOMPARE(snapshot->video.status, doc.video().status);
        QCOMPARE(snapshot->maskFrames.size(), [&] {
            qsizetype n = 0;
            for (const MaskObject &o : doc.maskObjects())
                n += doc.maskFrames(o.id).size();
            return n;
        }());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Settings of its own: the GUI tests run in parallel.
        QCoreApplication::setApplicationName(QStringLiteral("tst_workbench"));
        QSettings().clear();
        QVERIFY2(QFile::exists(sample("test-pattern-bells.mp4")), "sample media not built");
        m_libraryPath = m_dir.filePath(QStringLiteral("library.sqlite"));
        auto db = storage::Database::open(m_libraryPath);
        QVERIFY2(db.ok(), qPrintable(db.errorString()));
        m_db = *db;
        storage::VideoRepository videos(m_db);
        auto clip = storage::addMediaFile(videos, sample("test-pattern-bells.mp4"));
        QVERIFY2(clip.ok(), qPrintable(clip.errorString()));
        m_clip = *clip;
        auto other = storage::addMediaFile(videos, sample("mandelbrot-chirp.mp4"));
        QVERIFY2(other.ok(), qPrintable(other.errorString()));
        m_other = *other;

        // A model run proposed three events in the clip.
        ModelRun run;
        run.pack = QStringLiteral("avvp-test");
        run.version = QStringLiteral("1.0");
        run.task = QStringLiteral("avvp");
        run.labelSetId = kLlpLabelSetId;
        storage::RunResult result;
        result.videoId = m_clip.id;
        auto proposal = [](Modality m, int cls, double on, double off, double conf) {
            Segment s;
            s.modality = m;
            s.classIndex = cls;
            s.onset = Time::fromSeconds(on);
            s.offset = Time::fromSeconds(off);
            s.confidence = conf;
            return s;
        };
        result.segments = {proposal(Modality::Audio, kTelephone, 1.0, 2.0, 0.92),
                           proposal(Modality::Audio, kTelephone, 3.0, 4.0, 0.55),
                           proposal(Modality::Visual, kFireAlarm, 5.0, 7.0, 0.85)};
        auto stored = storage::ModelRunRepository(m_db).addRunWithResults(run, {result});
        QVERIFY2(stored.ok(), qPrintable(stored.errorString()));
    }

    void annotatorSession()
    {
        auto db = storage::Database::open(m_libraryPath);
        QVERIFY(db.ok());
        ui::LibraryController library(*db);
        ui::MainWindow window(&library);
        window.resize(1500, 950);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        ui::Workbench *workbench = window.workbench();
        ui::EditorSession *session = workbench->session();
        ui::TimelineView *timeline = window.timeline();
        ui::TimeAxis *axis = window.timeAxis();

        window.openVideo(m_clip);
        QTRY_VERIFY_WITH_TIMEOUT(session->document() != nullptr, 10000);
        AnnotationDocument *doc = session->document();
        QCOMPARE(doc->segmentCount(), 3);
        verifyStore(*doc, *workbench);
        const QList<Segment> initial = doc->segments();
        QCOMPARE(axis->duration(), Time::fromSeconds(10));
        timeline->setFocus();

        auto x = [&](double seconds) {
            return int(std::lround(timeline->xForTime(Time::fromSeconds(seconds))));
        };
        auto key = [&](int k, Qt::KeyboardModifiers mods = Qt::NoModifier) {
            // The offscreen platform does not give the window back its activation after a
            // popup closes (a desktop does); shortcuts need an active window.
            if (QApplication::activeWindow() != &window) {
                window.activateWindow();
                QVERIFY(QTest::qWaitForWindowActive(&window));
            }
            QTest::keyClick(timeline, Qt::Key(k), mods);
        };
        auto only = [&]() -> Segment {
            QTest::qVerify(session->selection().size() == 1,
                           "selection",
                           "one event selected",
                           __FILE__,
                           __LINE__);
            return *doc->segment(session->current());
        };

        // Draw: drag on the audio section's header row from 2 s to 4 s; the class picker asks
        // for the class ("dog", Enter).
        const int addRow = timeline->findRow(TimelineRowKind::Modality, 0, Modality::Audio);
        QVERIFY(addRow >= 0);
        const int addY = timeline->rowRect(addRow).center().y();
        QTest::mousePress(timeline, Qt::LeftButton, {}, QPoint(x(2.0), addY));
        QTest::mouseMove(timeline, QPoint(x(3.0), addY));
        QTest::mouseMove(timeline, QPoint(x(4.0), addY));
        answerClassPicker(QStringLiteral("dog"));
        QTest::mouseRelease(timeline, Qt::LeftButton, {}, QPoint(x(4.0), addY));
        QCOMPARE(doc->segmentCount(), 4);
        Segment drawn = only();
        QCOMPARE(drawn.classIndex, kDog);
        QCOMPARE(drawn.modality, Modality::Audio);
        QCOMPARE(drawn.status, SegmentStatus::Accepted);
        QCOMPARE(drawn.runId, ModelRunId(0));
        // Snapped: to the proposal's end at 2 s, to a frame boundary at 4 s.
        QCOMPARE(drawn.onset, Time::fromSeconds(2.0));
        QCOMPARE(drawn.offset, Time::fromSeconds(4.0));
        verifyStore(*doc, *workbench);

        // Move: drag the event's middle one second later.
        QRectF r = timeline->segmentRect(drawn.id);
        QVERIFY(!r.isEmpty());
        QPoint grab = r.center().toPoint();
        QTest::mousePress(timeline, Qt::LeftButton, {}, grab);
        QTest::mouseMove(timeline, grab + QPoint(10, 0));
        QTest::mouseMove(timeline, grab + QPoint(x(1.0) - x(0.0), 0));
        QTest::mouseRelease(timeline, Qt::LeftButton, {}, grab + QPoint(x(1.0) - x(0.0), 0));
        drawn = *doc->segment(drawn.id);
        QCOMPARE(drawn.onset, Time::fromSeconds(3.0));
        QCOMPARE(drawn.offset, Time::fromSeconds(5.0));
        verifyStore(*doc, *workbench);

        // Resize: drag the end to 6.5 s, holding Shift so it does not snap to the proposal
        // boundaries nearby (it still is the exact time under the mouse).
        r = timeline->segmentRect(drawn.id);
        const QPoint edge(int(r.right()) - 1, int(r.center().y()));
        QTest::mousePress(timeline, Qt::LeftButton, Qt::ShiftModifier, edge);
        dragTo(timeline, QPoint(x(6.0), edge.y()), Qt::ShiftModifier);
        dragTo(timeline, QPoint(x(6.5), edge.y()), Qt::ShiftModifier);
        QTest::mouseRelease(timeline, Qt::LeftButton, Qt::ShiftModifier, QPoint(x(6.5), edge.y()));
        drawn = *doc->segment(drawn.id);
        QCOMPARE(drawn.onset, Time::fromSeconds(3.0));
        QVERIFY2(std::abs(drawn.offset.seconds() - 6.5) < 0.02,
                 qPrintable(formatTime(drawn.offset, TimeFormat::Precise)));
        // Without Shift the end snaps: to the frame grid.
        r = timeline->segmentRect(drawn.id);
        QTest::mousePress(timeline, Qt::LeftButton, {}, QPoint(int(r.right()) - 1, edge.y()));
        QTest::mouseMove(timeline, QPoint(x(6.0), edge.y()));
        QTest::mouseMove(timeline, QPoint(x(6.01) + 1, edge.y()));
        QTest::mouseRelease(timeline, Qt::LeftButton, {}, QPoint(x(6.01) + 1, edge.y()));
        drawn = *doc->segment(drawn.id);
        QCOMPARE(drawn.offset.microseconds() % 40000, 0);
        QVERIFY(std::abs(drawn.offset.seconds() - 6.0) < 0.05);
        const Time end = drawn.offset;
        verifyStore(*doc, *workbench);

        // Split at the playhead (S): two events, the second selected.
        window.player()->seek(Time::fromSeconds(4.0));
        axis->setPlayhead(Time::fromSeconds(4.0));
        key(Qt::Key_S);
        QVERIFY2(doc->segmentCount() == 5, qPrintable(window.statusBar()->currentMessage()));
        const Segment second = only();
        QCOMPARE(second.onset, Time::fromSeconds(4.0));
        QCOMPARE(second.offset, end);
        QCOMPARE(doc->segment(drawn.id)->offset, Time::fromSeconds(4.0));
        verifyStore(*doc, *workbench);

        // Merge (M) after selecting both: click one, Ctrl+click the other.
        QTest::mouseClick(timeline,
                          Qt::LeftButton,
                          {},
                          timeline->segmentRect(drawn.id).center().toPoint());
        QTest::mouseClick(timeline,
                          Qt::LeftButton,
                          Qt::ControlModifier,
                          timeline->segmentRect(second.id).center().toPoint());
        QCOMPARE(session->selection().size(), 2);
        key(Qt::Key_M);
        QCOMPARE(doc->segmentCount(), 4);
        QCOMPARE(doc->segment(drawn.id)->offset, end);
        QVERIFY(!doc->segment(second.id));
        verifyStore(*doc, *workbench);

        // Relabel with the class picker (C, "speech", Enter), then with a number key: the classes
        // with rows in this track are numbered 1 (Speech), 2 (Dog, empty now), 3 (Fire alarm),
        // 4 (Telephone).
        QCOMPARE(only().id, drawn.id);
        answerClassPicker(QStringLiteral("speech"));
        key(Qt::Key_C);
        QCOMPARE(doc->segment(drawn.id)->classIndex, kSpeech);
        verifyStore(*doc, *workbench);
        const QList<int> quick = session->model()->quickClasses(0);
        QCOMPARE(quick, QList<int>({kSpeech, kDog, kFireAlarm, kTelephone}));
        key(Qt::Key_2);
        QCOMPARE(doc->segment(drawn.id)->classIndex, kDog);
        verifyStore(*doc, *workbench);

        // Modality: Shift+V makes it a visual event (its row moves to the visual section).
        key(Qt::Key_V, Qt::ShiftModifier);
        QCOMPARE(doc->segment(drawn.id)->modality, Modality::Visual);
        QVERIFY(timeline->findRow(TimelineRowKind::Class, 0, Modality::Visual, kDog) >= 0);
        verifyStore(*doc, *workbench);

        // Proposals: Escape deselects; from the start, N selects the first open proposal, A
        // accepts it and moves on, R rejects that one and moves on.
        key(Qt::Key_Escape);
        QVERIFY(session->selection().isEmpty());
        window.player()->seek(Time());
        axis->setPlayhead(Time());
        key(Qt::Key_N);
        const Segment p1 = only();
        QCOMPARE(p1.onset, Time::fromSeconds(1.0));
        QCOMPARE(p1.status, SegmentStatus::Proposed);
        key(Qt::Key_A);
        QCOMPARE(doc->segment(p1.id)->status, SegmentStatus::Accepted);
        QCOMPARE(doc->segment(p1.id)->runId, p1.runId); // still the model's, with its history
        const Segment p2 = only();
        QCOMPARE(p2.onset, Time::fromSeconds(3.0));
        key(Qt::Key_R);
        QCOMPARE(doc->segment(p2.id)->status, SegmentStatus::Rejected);
        verifyStore(*doc, *workbench);
        // All above the threshold (80 %): the visual proposal at 0.85.
        QCOMPARE(workbench->reviewPanel()->threshold(), 0.8);
        key(Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        for (const Segment &s : doc->segments()) {
            if (s.runId != 0)
                QVERIFY(s.status != SegmentStatus::Proposed);
        }
        verifyStore(*doc, *workbench);

        // The video is done: the library panel shows it and filters by it.
        window.actions()->action(QStringLiteral("review.status-done"))->trigger();
        QCOMPARE(doc->video().status, ReviewStatus::Done);
        verifyStore(*doc, *workbench);
        QTRY_COMPARE(window.libraryPanel()->visibleCount(), 2);
        window.libraryPanel()->setStatusFilter(ReviewStatus::Done);
        QCOMPARE(window.libraryPanel()->visibleCount(), 1);
        window.libraryPanel()->setStatusFilter(std::nullopt);

        // The history lists every step; undo them all (Ctrl+Z) back to the video as opened.
        const QList<Segment> finalState = doc->segments();
        const int steps = doc->undoStack()->count();
        QCOMPARE(steps, 13);
        QCOMPARE(workbench->historyPanel()->model()->rowCount(), steps + 1);
        for (int i = 0; i < steps; ++i)
            key(Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!doc->undoStack()->canUndo());
        QCOMPARE(doc->segments(), initial);
        QCOMPARE(doc->video().status, ReviewStatus::ToDo);
        verifyStore(*doc, *workbench);
        // ... and redo them all (Ctrl+Shift+Z).
        for (int i = 0; i < steps; ++i)
            key(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!doc->undoStack()->canRedo());
        QCOMPARE(doc->segments(), finalState);
        QCOMPARE(doc->video().status, ReviewStatus::Done);
        verifyStore(*doc, *workbench);
        // A click in the history goes back to any step at once.
        auto *history = workbench->historyPanel()->view();
        QTest::mouseClick(history->viewport(),
                          Qt::LeftButton,
                          {},
                          history->visualRect(history->model()->index(1, 0)).center());
        QCOMPARE(doc->undoStack()->index(), 1);
        QCOMPARE(doc->segmentCount(), 4);
        verifyStore(*doc, *workbench);
        QTest::mouseClick(history->viewport(),
                          Qt::LeftButton,
                          {},
                          history->visualRect(history->model()->index(steps, 0)).center());
        QCOMPARE(doc->segments(), finalState);
        verifyStore(*doc, *workbench);

        // Copy the drawn event, open the other video, paste it at 1 s.
        session->setSelection({drawn.id});
        key(Qt::Key_C, Qt::ControlModifier);
        const Segment copied = *doc->segment(drawn.id);
        window.openVideo(m_other);
        QTRY_VERIFY_WITH_TIMEOUT(session->document() && session->document()->videoId() == m_other.id,
                                 10000);
        doc = session->document();
        QCOMPARE(doc->segmentCount(), 0);
        window.player()->seek(Time::fromSeconds(1.0));
        axis->setPlayhead(Time::fromSeconds(1.0));
        key(Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(doc->segmentCount(), 1);
        const Segment pasted = doc->segments().constFirst();
        QCOMPARE(pasted.onset, Time::fromSeconds(1.0));
        QCOMPARE(pasted.duration(), copied.duration());
        QCOMPARE(pasted.classIndex, copied.classIndex);
        QCOMPARE(pasted.modality, copied.modality);
        QCOMPARE(doc->tracks().size(), 1); // the video's first track, made for the paste
        verifyStore(*doc, *workbench);
        // One undo step takes the paste and its new track back.
        key(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(doc->segmentCount(), 0);
        QVERIFY(doc->tracks().isEmpty());
        verifyStore(*doc, *workbench);
        window.close();
    }

    void brushPaintsTheFrameShown()
    {
        // A Database of its own: its connections belong to this test's storage thread.
        auto db = storage::Database::open(m_libraryPath);
        QVERIFY(db.ok());
        ui::LibraryController library(*db);
        ui::MainWindow window(&library);
        window.resize(1400, 900);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        ui::Workbench *workbench = window.workbench();
        ui::EditorSession *session = workbench->session();
        window.openVideo(m_clip);
        QTRY_VERIFY_WITH_TIMEOUT(session->document() != nullptr, 10000);
        AnnotationDocument *doc = session->document();
        // An object to paint, in the person's track (not the model run's).
        TrackId track = 0;
        for (const Track &t : doc->tracks()) {
            if (t.runId == 0)
                track = t.id;
        }
        QVERIFY(track != 0);
        QVERIFY(session->execute(commands::addMaskObject(*doc, track, kDog, QStringLiteral("dog"))));
        ui::MaskOverlay *overlay = workbench->maskOverlay();
        QTRY_VERIFY(overlay->currentObject() != 0);

        // A picture in the view (the frame the player would show) at 2.02 s: frame 50.
        ui::VideoView *view = window.player()->videoView();
        QImage frame(640, 360, QImage::Format_RGB32);
        frame.fill(Qt::darkGray);
        view->showImage(frame);
        QTRY_VERIFY_WITH_TIMEOUT(window.player()->duration() > Time(), 10000);
        window.player()->seek(Time::fromMilliseconds(2020));
        QTRY_COMPARE_WITH_TIMEOUT(overlay->time(), Time::fromMilliseconds(2020), 5000);
        const QRect picture = view->pictureRect();
        QVERIFY(!picture.isEmpty());

        // B picks the brush; a stroke across the middle of the picture.
        QTest::keyClick(&window, Qt::Key_B);
        QCOMPARE(overlay->tool(), ui::MaskOverlay::Tool::Brush);
        const QPoint a = picture.center() - QPoint(picture.width() / 6, 0);
        const QPoint b = picture.center() + QPoint(picture.width() / 6, 0);
        QTest::mousePress(overlay, Qt::LeftButton, {}, a);
        QTest::mouseMove(overlay, picture.center());
        QTest::mouseMove(overlay, b);
        QTest::mouseRelease(overlay, Qt::LeftButton, {}, b);
        const MaskObjectId object = overlay->currentObject();
        QList<MaskFrame> frames = doc->maskFrames(object);
        QCOMPARE(frames.size(), 1);
        QCOMPARE(frames.at(0).time, Time::fromSeconds(2.0));
        QCOMPARE(frames.at(0).mask.width(), 640);
        QCOMPARE(frames.at(0).mask.height(), 360);
        QVERIFY(frames.at(0).mask.at(320, 180));
        QVERIFY(!frames.at(0).mask.at(20, 20));
        const qint64 painted = frames.at(0).mask.area();
        QVERIFY(painted > 2000);
        verifyStore(*doc, *workbench);

        // The eraser (E) takes a bite out of the same frame: one more edit, not a new frame.
        QTest::keyClick(&window, Qt::Key_E);
        QTest::mousePress(overlay, Qt::LeftButton, {}, picture.center());
        QTest::mouseRelease(overlay, Qt::LeftButton, {}, picture.center());
        frames = doc->maskFrames(object);
        QCOMPARE(frames.size(), 1);
        QVERIFY(!frames.at(0).mask.at(320, 180));
        QVERIFY(frames.at(0).mask.area() < painted);
        verifyStore(*doc, *workbench);

        // The overlay draws the object's colour over the picture.
        overlay->setOpacity(1.0);
        const QImage shot = view->grab().toImage();
        const QColor c = shot.pixelColor(a + QPoint(4, 0));
        QVERIFY2(c != QColor(Qt::darkGray), qPrintable(c.name()));
        QCOMPARE(c.rgb(), overlay->colorOf(object).rgb());

        // Undo takes the strokes back one at a time.
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(doc->maskFrames(object).at(0).mask.area(), painted);
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(doc->maskFrames(object).isEmpty());
        verifyStore(*doc, *workbench);
        window.close();
    }

    void transportKeys()
    {
        auto db = storage::Database::open(m_libraryPath);
        QVERIFY(db.ok());
        ui::LibraryController library(*db);
        ui::MainWindow window(&library);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        ui::TransportController *transport = window.workbench()->transport();
        // Speed steps through 0.25x to 2x and stays inside.
        transport->setSpeed(1.0);
        QTest::keyClick(&window, Qt::Key_Greater);
        QCOMPARE(transport->speed(), 1.25);
        for (int i = 0; i < 6; ++i)
            QTest::keyClick(&window, Qt::Key_Greater);
        QCOMPARE(transport->speed(), 2.0);
        for (int i = 0; i < 10; ++i)
            QTest::keyClick(&window, Qt::Key_Less);
        QCOMPARE(transport->speed(), 0.25);
        QCOMPARE(window.player()->mediaPlayer()->playbackRate(), 0.25);
        transport->setSpeed(1.0);

        // J/K/L on a real video: L plays forward, K stops, J runs backward.
        window.openVideo(m_clip);
        QTRY_VERIFY_WITH_TIMEOUT(window.player()->duration() > Time(), 10000);
        window.player()->seek(Time::fromSeconds(5));
        QTRY_COMPARE_WITH_TIMEOUT(window.player()->position(), Time::fromSeconds(5), 5000);
        QTest::keyClick(&window, Qt::Key_J);
        QCOMPARE(transport->shuttleRate(), -1.0);
        QTRY_VERIFY_WITH_TIMEOUT(window.player()->position() < Time::fromSeconds(4.8), 5000);
        QTest::keyClick(&window, Qt::Key_K);
        QCOMPARE(transport->shuttleRate(), 0.0);
        const Time stopped = window.player()->position();
        QTest::qWait(300);
        QVERIFY(window.player()->position() <= stopped + Time::fromMilliseconds(50));
        QTest::keyClick(&window, Qt::Key_L);
        QCOMPARE(transport->shuttleRate(), 1.0);
        QTest::keyClick(&window, Qt::Key_L);
        QCOMPARE(transport->shuttleRate(), 1.5);
        QCOMPARE(window.player()->mediaPlayer()->playbackRate(), 1.5);
        QTRY_VERIFY_WITH_TIMEOUT(window.player()->position() > stopped + Time::fromMilliseconds(300),
                                 5000);
        QTest::keyClick(&window, Qt::Key_K);
        QVERIFY(!window.player()->isPlaying());
        QCOMPARE(window.player()->mediaPlayer()->playbackRate(), 1.0);

        // Jump to the start and end of the selected event ([ and ]).
        ui::EditorSession *session = window.workbench()->session();
        QTRY_VERIFY_WITH_TIMEOUT(session->document() != nullptr, 10000);
        const Segment first = session->document()->segments().constFirst();
        session->setSelection({first.id});
        QTest::keyClick(&window, Qt::Key_BracketLeft);
        QTRY_COMPARE_WITH_TIMEOUT(window.player()->position(), first.onset, 5000);
        QTest::keyClick(&window, Qt::Key_BracketRight);
        QTRY_VERIFY_WITH_TIMEOUT(window.player()->position() < first.offset
                                     && window.player()->position()
                                            > first.offset - Time::fromMilliseconds(40),
                                 5000);
        // Loop the selection: on with a selection, off with none.
        QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
        QVERIFY(transport->loopRange().has_value());
        QCOMPARE(transport->loopRange()->first, first.onset);
        QVERIFY(window.actions()->action(QStringLiteral("playback.loop"))->isChecked());
        QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
        QVERIFY(!transport->loopRange());
        window.close();
    }
    // The window's media strips against the library's cache folder: the waveform overview is
    // stored under <library>.cache/waveforms, the library's rows get their pictures (stored under
    // <library>.cache/thumbnails), the thumbnail strip lines up with the lanes, fills its slots
    // and seeks, and View › Thumbnails hides it and is remembered.
    void mediaStrips()
    {
        const QString cache = m_libraryPath + QStringLiteral(".cache");
        QVERIFY(QDir(cache).removeRecursively()); // what earlier tests made
        QSettings().remove(QStringLiteral("view/thumbnails"));
        auto db = storage::Database::open(m_libraryPath);
        QVERIFY(db.ok());
        ui::LibraryController library(*db);
        auto window = std::make_unique<ui::MainWindow>(&library);
        window->resize(1500, 950);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QCOMPARE(QFileInfo(window->cacheDir()).absoluteFilePath(),
                 QFileInfo(cache).absoluteFilePath());
        QCOMPARE(QDir::cleanPath(window->waveform()->cacheDir()),
                 QDir::cleanPath(cache + QStringLiteral("/waveforms")));

        // The library's rows: a stand-in at once, the picture once it is made.
        ui::LibraryPanel *panel = window->libraryPanel();
        QTRY_COMPARE_WITH_TIMEOUT(panel->visibleCount(), 2, 10000);
        auto *list = panel->findChild<QTreeWidget *>(QStringLiteral("libraryList"));
        QVERIFY(list);
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            QVERIFY(!list->topLevelItem(i)->icon(0).isNull());
        QTRY_VERIFY_WITH_TIMEOUT(panel->showsThumbnail(m_clip.id)
                                     && panel->showsThumbnail(m_other.id),
                                 15000);
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = list->topLevelItem(i);
            const QImage icon = item->icon(0).pixmap(list->iconSize()).toImage();
            QVERIFY(!icon.isNull());
            // A picture, not the empty frame: its pixels differ.
            const QColor centre = icon.pixelColor(icon.width() / 2, icon.height() / 2);
            int differing = 0;
            for (int y = 0; y < icon.height(); y += 3) {
                for (int x = 0; x < icon.width(); x += 3)
                    differing += icon.pixelColor(x, y) != centre ? 1 : 0;
            }
            QVERIFY2(differing > 20, qPrintable(item->text(0)));
            QVERIFY(!item->text(2).isEmpty());
            QVERIFY(!item->icon(2).isNull()); // the status dot stays
        }
        QTRY_COMPARE_WITH_TIMEOUT(QDir(cache + QStringLiteral("/thumbnails"))
                                      .entryList({QStringLiteral("*.png")}, QDir::Files)
                                      .size(),
                                  2,
                                  5000);

        // Opening the clip: its overview goes to the cache, the strip fills its slots.
        window->openVideo(m_clip);
        QTRY_VERIFY_WITH_TIMEOUT(!window->waveform()->isLoading(), 15000);
        QVERIFY(window->waveform()->overview().sampleCount() > 0);
        const auto waveformFiles = [&] {
            QStringList files;
            QDirIterator it(cache + QStringLiteral("/waveforms"),
                            QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext())
                files << it.next();
            return files;
        };
        QTRY_COMPARE_WITH_TIMEOUT(waveformFiles().size(), 1, 5000);
        QVERIFY(QFileInfo(waveformFiles().constFirst()).size() > 0);
        // The open video's seek proxy is made in the background, next to the library, and the
        // player uses it.
        const QString proxy = media::seekProxyFile(cache + QStringLiteral("/proxies"), m_clip.path);
        // (made at low priority: other work on the machine goes first)
        QTRY_VERIFY_WITH_TIMEOUT(window->player()->frameFetcher()->hasProxy(), 90000);
        QVERIFY(QFileInfo(proxy).size() > 0);

        ui::ThumbnailStrip *strip = window->thumbnailStrip();
        QVERIFY(strip->isVisible());
        QCOMPARE(strip->path(), m_clip.path);
        QTRY_VERIFY_WITH_TIMEOUT(strip->visibleSlots() > 0 && !strip->isBusy()
                                     && strip->readySlots() == strip->visibleSlots(),
                                 15000);
        // Lined up with the lanes: the strip spans the timeline's lane area.
        ui::TimelineView *timeline = window->timeline();
        const QRect lanes = timeline->laneArea().translated(timeline->mapTo(window.get(), QPoint()));
        const QRect stripRect(strip->mapTo(window.get(), QPoint()), strip->size());
        QCOMPARE(stripRect.left(), lanes.left());
        QCOMPARE(stripRect.width(), lanes.width());
        QVERIFY(stripRect.bottom() < window->waveform()->mapTo(window.get(), QPoint()).y());

        const QString shotDir = qEnvironmentVariable("EARMARK_SCREENSHOT_DIR");
        if (!shotDir.isEmpty()) {
            QVERIFY(QDir().mkpath(shotDir));
            QVERIFY(window->grab().save(shotDir + QStringLiteral("/media-strips.png")));
        }

        // A click on the strip seeks the player there.
        QTRY_VERIFY_WITH_TIMEOUT(window->player()->duration() > Time(), 10000);
        const QPoint at(strip->width() * 3 / 4, strip->height() / 2);
        const Time target = window->timeAxis()->timeForX(at.x(), strip->width());
        QTest::mouseClick(strip, Qt::LeftButton, {}, at);
        QTRY_VERIFY_WITH_TIMEOUT(qAbs((window->player()->position() - target).seconds()) < 0.1,
                                 5000);

        // View › Thumbnails hides the strip; the choice holds for the next window.
        QAction *toggle = window->actions()->action(QStringLiteral("view.thumbnails"));
        QVERIFY(toggle);
        QVERIFY(toggle->isCheckable());
        QVERIFY(toggle->isChecked());
        toggle->trigger();
        QVERIFY(!strip->isVisible());
        QVERIFY(!toggle->isChecked());
        window->close();
        window.reset();

        window = std::make_unique<ui::MainWindow>(&library);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        toggle = window->actions()->action(QStringLiteral("view.thumbnails"));
        QVERIFY(!toggle->isChecked());
        QVERIFY(!window->thumbnailStrip()->isVisible());
        // Opened while hidden, the strip decodes nothing until it is shown again.
        window->openVideo(m_other);
        QTest::qWait(200);
        QVERIFY(!window->thumbnailStrip()->isBusy());
        QCOMPARE(window->thumbnailStrip()->readySlots(), 0);
        toggle->trigger();
        QVERIFY(window->thumbnailStrip()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(window->thumbnailStrip()->visibleSlots() > 0
                                     && window->thumbnailStrip()->readySlots()
                                            == window->thumbnailStrip()->visibleSlots(),
                                 15000);
        QVERIFY(QSettings().value(QStringLiteral("view/thumbnails")).toBool());
        window->close();
    }
};

QTEST_MAIN(TestWorkbench)
#include "tst_workbench.moc"
