// Annotations in the library: edits written in one transaction each (all or nothing), editing
// sessions that keep the library in step with the editor (undo and redo included), time-window
// queries, model runs with their proposals and masks. Runs against SQLite and PostgreSQL.

#include "testlibrary.h"

#include "core/annotation/commands.h"
#include "core/base/serialexecutor.h"
#include "core/storage/annotationrepository.h"
#include "core/storage/annotationsession.h"
#include "core/storage/modelrunrepository.h"
#include "core/storage/videorepository.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace earmark;
using namespace earmark::annotation;
using namespace earmark::storage;

namespace {

Time s(double seconds)
{
    return Time::fromSeconds(seconds);
}

struct Library
{
    QTemporaryDir dir;
    std::shared_ptr<Database> db;
    VideoId video = 0;
};

std::unique_ptr<Library> makeLibrary()
{
    auto lib = std::make_unique<Library>();
    auto db = Database::open(testing::newLibraryLocation(lib->dir));
    if (!db) {
        qWarning("%s", qPrintable(db.errorString()));
        return nullptr;
    }
    lib->db = *db;
    Video v;
    v.externalId = QStringLiteral("BjCEufrlXm4_20_30");
    v.duration = s(10);
    auto added = VideoRepository(lib->db).add(v);
    if (!added)
        return nullptr;
    lib->video = added->id;
    return lib;
}

bool sameContent(const DocumentSnapshot &a, const AnnotationDocument &doc)
{
    QList<MaskFrame> frames;
    for (const MaskObject &o : doc.maskObjects())
        frames += doc.maskFrames(o.id);
    return a.tracks == doc.tracks() && a.segments == doc.segments()
           && a.maskObjects == doc.maskObjects() && a.maskFrames == frames
           && a.video.status == doc.video().status;
}

} // namespace

class TestAnnotationStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { EARMARK_REQUIRE_BACKEND(); }

    void sessionWritesEveryEditInOrder()
    {
        auto lib = makeLibrary();
        QVERIFY(lib);
        SerialExecutor storage(QStringLiteral("storage"));
        auto session = AnnotationSession::openNow(lib->db, storage, lib->video);
        QVERIFY2(session.ok(), qPrintable(session.errorString()));
        AnnotationDocument *doc = (*session)->document();
        QVERIFY(doc->availableIds() >= AnnotationDocument::refillSize());
        auto track = commands::addTrack(*doc, QStringLiteral("LLP"), kLlpLabelSetId);
        QVERIFY(doc->execute(*track).ok());
        const TrackId t = doc->tracks().constFirst().id;
        for (int i = 0; i < 5; ++i) {
            auto e = commands::drawSegment(*doc, t, Modality::Audio, i, s(i), s(i + 1.5));
            QVERIFY(doc->execute(*e).ok());
        }
        const SegmentId first = doc->segments().constFirst().id;
        QVERIFY(doc->execute(*commands::moveSegments(*doc, {first}, s(0.25))).ok());
        QVERIFY(doc->execute(*commands::splitSegment(*doc, first, s(1))).ok());
        QVERIFY(doc->execute(*commands::setVideoStatus(*doc, ReviewStatus::InProgress)).ok());
        auto obj = commands::addMaskObject(*doc, t, 3, QStringLiteral("dog"));
        QVERIFY(doc->execute(*obj).ok());
        const MaskObjectId o = doc->maskObjects().constFirst().id;
        QByteArray px(64, '\0');
        px[9] = 1;
        QVERIFY(
            doc->execute(*commands::setMaskFrame(*doc, o, s(0.9375), RleMask::fromPixels(8, 8, px)))
                .ok());
        (*session)->waitForWrites();

        AnnotationRepository repo(lib->db);
        auto stored = repo.loadSnapshot(lib->video);
        QVERIFY2(stored.ok(), qPrintable(stored.errorString()));
        QVERIFY(sameContent(*stored, *doc));
        QCOMPARE(stored->segments.size(), 6);
        QCOMPARE(stored->video.status, ReviewStatus::InProgress);

        // Undo everything: the library is empty again; redo: all back.
        QVERIFY(doc->setIndex(0).ok());
        (*session)->waitForWrites();
        stored = repo.loadSnapshot(lib->video);
        QVERIFY(stored.ok());
        QVERIFY(stored->tracks.isEmpty() && stored->segments.isEmpty()
                && stored->maskObjects.isEmpty() && stored->maskFrames.isEmpty());
        QCOMPARE(stored->video.status, ReviewStatus::ToDo);
        QVERIFY(doc->setIndex(doc->undoStack()->count()).ok());
        (*session)->waitForWrites();
        stored = repo.loadSnapshot(lib->video);
        QVERIFY(sameContent(*stored, *doc));

        // A second session sees the same.
        auto other = AnnotationSession::openNow(lib->db, storage, lib->video);
        QVERIFY(other.ok());
        QCOMPARE((*other)->document()->segments(), doc->segments());
    }

    void openingAsynchronouslyHandsTheSessionToTheCaller()
    {
        auto lib = makeLibrary();
        QVERIFY(lib);
        SerialExecutor storage(QStringLiteral("storage"));
        QObject context;
        std::shared_ptr<AnnotationSession> session;
        QString error;
        AnnotationSession::open(lib->db,
                                storage,
                                lib->video,
                                &context,
                                [&](Result<std::shared_ptr<AnnotationSession>> r) {
                                    if (r)
                                        session = *r;
                                    else
                                        error = r.errorString();
                                });
        QTRY_VERIFY(session || !error.isEmpty());
        QVERIFY2(session, qPrintable(error));
        QCOMPARE(session->document()->videoId(), lib->video);

        std::shared_ptr<AnnotationSession> none;
        AnnotationSession::open(lib->db,
                                storage,
                                99999,
                                &context,
                                [&](Result<std::shared_ptr<AnnotationSession>> r) {
                                    error = r ? QString() : r.errorString();
                                });
        QTRY_VERIFY(error.contains(QStringLiteral("not in the library")));
    }

    void aFailedWriteReloadsTheDocument()
    {
        auto lib = makeLibrary();
        QVERIFY(lib);
        SerialExecutor storage(QStringLiteral("storage"));
        auto session = AnnotationSession::openNow(lib->db, storage, lib->video);
        QVERIFY(session.ok());
        AnnotationDocument *doc = (*session)->document();
        QVERIFY(doc->execute(*commands::addTrack(*doc, QStringLiteral("LLP"), kLlpLabelSetId)).ok());
        const TrackId t = doc->tracks().constFirst().id;
        QVERIFY(doc->execute(*commands::drawSegment(*doc, t, Modality::Audio, 0, s(1), s(2))).ok());
        (*session)->waitForWrites();
        // Someone else changes the segment behind the editor's back.
        {
            QSqlQuery q(lib->db->connection());
            QVERIFY(q.exec(QStringLiteral("UPDATE segments SET class_index = 4")));
        }
        QSignalSpy errors(session->get(), &AnnotationSession::errorOccurred);
        QSignalSpy replaced(session->get(), &AnnotationSession::documentReplaced);
        const SegmentId id = doc->segments().constFirst().id;
        QVERIFY(doc->execute(*commands::relabelSegments(*doc, {id}, 2)).ok());
        QTRY_COMPARE(errors.count(), 1);
        QVERIFY2(errors.at(0).at(0).toString().contains(
                     QStringLiteral("changed or removed elsewhere")),
                 qPrintable(errors.at(0).at(0).toString()));
        QTRY_COMPARE(replaced.count(), 1);
        AnnotationDocument *fresh = (*session)->document();
        QCOMPARE(fresh->segment(id)->classIndex, 4); // the library's version
        QVERIFY(!fresh->isStale());
    }

    void anEditIsAllOrNothing()
    {
        auto lib = makeLibrary();
        QVERIFY(lib);
        AnnotationRepository repo(lib->db);
        auto ids = repo.reserveIds(10);
        QVERIFY(ids.ok());
        Track t{ids->first, lib->video, QStringLiteral("LLP"), kLlpLabelSetId, 0, nowUtc()};
        Edit e{QStringLiteral("add"), {}};
        e.insert(t);
        Segment seg;
        seg.id = ids->first + 1;
        seg.videoId = lib->video;
        seg.trackId = t.id;
        seg.classIndex = 1;
        seg.onset = s(1);
        seg.offset = s(2);
        seg.created = seg.modified = nowUtc();
        e.insert(seg);
        QVERIFY(repo.applyEdit(e).ok());

        Segment ghost = seg;
        ghost.id = ids->first + 2; // never stored
        Segment moved = ghost;
        moved.onset = s(3);
        moved.offset = s(4);
        Segment another = seg;
        another.id = ids->first + 3;
        Edit bad{QStringLiteral("bad"), {}};
        bad.insert(another);
        bad.update(ghost, moved);
        const Status st = repo.applyEdit(bad);
        QVERIFY(!st.ok());
        QVERIFY2(st.errorString().contains(QStringLiteral("\"bad\"")), qPrintable(st.errorString()));
        QCOMPARE(*repo.segmentCount(lib->video), 1); // `another` did not stay

        Segment invalid = seg;
        invalid.id = ids->first + 4;
        invalid.offset = invalid.onset;
        Edit inv{QStringLiteral("invalid"), {}};
        inv.insert(invalid);
        QVERIFY(!repo.applyEdit(inv).ok());
        QCOMPARE(*repo.segmentCount(lib->video), 1);
    }

    void windowQueriesMatchAScan()
    {
        auto lib = makeLibrary();
        QVERIFY(lib);
        AnnotationRepository repo(lib->db);
        const qint64 n = testing::usePostgres() ? 800 : 3000;
        auto ids = repo.reserveIds(n + 1);
        QVERIFY(ids.ok());
        Edit bulk;
        bulk.insert(Track{ids->first, lib->video, QStringLiteral("LLP"), kLlpLabelSetId, 0, {}});
        QRandomGenerator rng(3);
        const qint64 length = 3600'000'000; // an hour
        for (qint64 i = 0; i < n; ++i) {
            Segment seg;
            seg.id = ids->first + 1 + i;
            seg.videoId = lib->video;
            seg.trackId = ids->first;
            seg.classIndex = int(i % 25);
            const qint64 len = i % 100 == 0 ? rng.bounded(qint64(1), length)
                                            : rng.bounded(qint64(1), qint64(20'000'000));
            const qint64 on = rng.bounded(qint64(0), length - len);
            seg.onset = Time::fromMicroseconds(on);
            seg.offset = Time::fromMicroseconds(on + len);
            bulk.insert(seg);
        }
        QVERIFY(repo.applyEdit(bulk).ok());
        auto all = repo.segments(AnnotationQuery{{lib->video}, 0, 0, false});
        QVERIFY(all.ok());
        QCOMPARE(all->size(), n);
        for (int q = 0; q < 50; ++q) {
            const qint64 a = rng.bounded(qint64(0), length);
            const qint64 len = rng.bounded(qint64(1), qint64(120'000'000));
            const Time start = Time::fromMicroseconds(a), end = Time::fromMicroseconds(a + len);
            QList<SegmentId> expected;
            for (const Segment &seg : std::as_const(*all)) {
                if (seg.overlaps(start, end))
                    expected.append(seg.id);
            }
            auto got = repo.segmentsIn(lib->video, start, end);
            QVERIFY2(got.ok(), qPrintable(got.errorString()));
            QList<SegmentId> gotIds;
            for (const Segment &seg : std::as_const(*got))
                gotIds.append(seg.id);
            for (qsizetype i = 1; i < got->size(); ++i)
                QVERIFY(got->at(i - 1).onset <= got->at(i).onset);
            std::sort(expected.begin(), expected.end());
            std::sort(gotIds.begin(), gotIds.end());
            QCOMPARE(gotIds, expected);
        }
        QVERIFY(repo.segmentsIn(lib->video, s(5), s(5))->isEmpty());
    }

    void modelRunsStoreTheirProposalsInOneGo()
    {
        auto lib = makeLibrary();
        QVERIFY(lib);
        Video other;
        other.externalId = QStringLiteral("other");
        auto second = VideoRepository(lib->db).add(other);
        QVERIFY(second.ok());

        ModelRun run;
        run.pack = QStringLiteral("valor");
        run.version = QStringLiteral("1.0");
        run.task = QStringLiteral("avvp");
        run.labelSetId = kLlpLabelSetId;
        run.parameters.insert(QStringLiteral("threshold"), 0.5);
        RunResult r1;
        r1.videoId = lib->video;
        Segment p;
        p.modality = Modality::Audio;
        p.classIndex = 3;
        p.onset = s(0);
        p.offset = s(4);
        p.confidence = 0.75;
        r1.segments = {p};
        MaskObject obj;
        obj.id = 1;
        obj.classIndex = 3;
        obj.name = QStringLiteral("dog");
        r1.objects = {obj};
        r1.frames = {MaskFrame{0, 1, 0, s(0.9375), RleMask::empty(4, 4)}};
        RunResult gone;
        gone.videoId = 424242;
        gone.segments = {p};
        RunResult r2;
        r2.videoId = second->id;
        r2.trackName = QStringLiteral("VALOR");
        r2.segments = {p, p};

        ModelRunRepository runs(lib->db);
        auto stored = runs.addRunWithResults(run, {r1, gone, r2});
        QVERIFY2(stored.ok(), qPrintable(stored.errorString()));
        QCOMPARE(stored->videos, (QList<VideoId>{lib->video, second->id}));
        QCOMPARE(stored->missingVideos, QList<VideoId>{424242});
        auto back = runs.byId(stored->run.id);
        QVERIFY(back.ok() && back->has_value());
        QCOMPARE((*back)->pack, QStringLiteral("valor"));
        QCOMPARE((*back)->parameters.value(QStringLiteral("threshold")).toDouble(), 0.5);
        QCOMPARE(*runs.videos(stored->run.id), (QList<VideoId>{lib->video, second->id}));

        AnnotationRepository repo(lib->db);
        auto snap = repo.loadSnapshot(lib->video);
        QVERIFY(snap.ok());
        QCOMPARE(snap->tracks.size(), 1);
        QCOMPARE(snap->tracks.constFirst().runId, stored->run.id);
        QCOMPARE(snap->segments.size(), 1);
        const Segment &proposal = snap->segments.constFirst();
        QCOMPARE(proposal.status, SegmentStatus::Proposed);
        QCOMPARE(proposal.confidence, 0.75);
        QCOMPARE(proposal.runId, stored->run.id);
        QCOMPARE(snap->maskFrames.size(), 1);
        QCOMPARE(snap->maskFrames.constFirst().objectId, snap->maskObjects.constFirst().id);
        auto snap2 = repo.loadSnapshot(second->id);
        QCOMPARE(snap2->tracks.constFirst().name, QStringLiteral("VALOR"));
        QCOMPARE(snap2->segments.size(), 2);

        // Nothing is stored when no video is left, or when a proposal is not valid.
        QVERIFY(!runs.addRunWithResults(run, {gone}).ok());
        RunResult bad = r1;
        bad.segments.append(p);
        bad.segments.last().classIndex = 25;
        const auto refused = runs.addRunWithResults(run, {bad});
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorString().contains(QStringLiteral("nothing was stored")),
                 qPrintable(refused.errorString()));
        QCOMPARE(runs.all()->size(), 1);
        QCOMPARE(*repo.segmentCount(), 3);

        // Accept one proposal, then remove the run: the accepted one stays as a person's.
        SerialExecutor storage(QStringLiteral("storage"));
        auto session = AnnotationSession::openNow(lib->db, storage, second->id);
        QVERIFY(session.ok());
        AnnotationDocument *doc = (*session)->document();
        const SegmentId keep = doc->segments().constFirst().id;
        QVERIFY(doc->execute(*commands::acceptProposals(*doc, {keep})).ok());
        (*session)->waitForWrites();
        QVERIFY(runs.remove(stored->run.id).ok());
        QCOMPARE(runs.all()->size(), 0);
        auto left = repo.segments(AnnotationQuery{});
        QVERIFY(left.ok());
        QCOMPARE(left->size(), 1);
        QCOMPARE(left->constFirst().id, keep);
        QCOMPARE(left->constFirst().runId, 0);
        QCOMPARE(left->constFirst().status, SegmentStatus::Accepted);
        QCOMPARE(repo.tracks(lib->video)->size(), 0);
        QCOMPARE(repo.tracks(second->id)->size(), 1);
    }

    void removingAVideoRemovesItsAnnotations()
    {
        auto lib = makeLibrary();
        QVERIFY(lib);
        SerialExecutor storage(QStringLiteral("storage"));
        auto session = AnnotationSession::openNow(lib->db, storage, lib->video);
        QVERIFY(session.ok());
        AnnotationDocument *doc = (*session)->document();
        QVERIFY(doc->execute(*commands::addTrack(*doc, QStringLiteral("LLP"), kLlpLabelSetId)).ok());
        const TrackId t = doc->tracks().constFirst().id;
        QVERIFY(doc->execute(*commands::drawSegment(*doc, t, Modality::Audio, 0, s(1), s(2))).ok());
        (*session)->waitForWrites();
        QVERIFY(VideoRepository(lib->db).remove(lib->video).ok());
        QCOMPARE(*AnnotationRepository(lib->db).segmentCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAnnotationStore)
#include "tst_annotationstore.moc"
