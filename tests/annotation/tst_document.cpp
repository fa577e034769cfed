// The in-memory annotation document and the edit commands: every edit applies fully or changes
// nothing, undo takes the document back exactly, redo forward again; time-window reads agree with
// a plain scan; masks round-trip through their run-length form.

#include "core/annotation/commands.h"
#include "core/annotation/document.h"
#include "core/annotation/mask.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace earmark;
using namespace earmark::annotation;

namespace {

Time s(double seconds)
{
    return Time::fromSeconds(seconds);
}

DocumentSnapshot snapshot()
{
    DocumentSnapshot snap;
    snap.video.id = 7;
    snap.video.duration = s(60);
    snap.video.externalId = QStringLiteral("clip");
    snap.labelSets = {LabelSet::llp(), LabelSet::ave()};
    Track track;
    track.id = 100;
    track.videoId = 7;
    track.name = QStringLiteral("LLP");
    track.labelSetId = kLlpLabelSetId;
    snap.tracks = {track};
    Track run = track;
    run.id = 101;
    run.name = QStringLiteral("Model");
    run.runId = 55;
    snap.tracks.append(run);
    Segment proposal;
    proposal.id = 200;
    proposal.videoId = 7;
    proposal.trackId = 101;
    proposal.modality = Modality::Audio;
    proposal.classIndex = 3; // Dog
    proposal.onset = s(2);
    proposal.offset = s(5);
    proposal.runId = 55;
    proposal.confidence = 0.8;
    proposal.status = SegmentStatus::Proposed;
    snap.segments = {proposal};
    return snap;
}

// Everything a person can see of a document, for comparing states.
struct State
{
    QList<Track> tracks;
    QList<Segment> segments;
    QList<MaskObject> objects;
    QList<MaskFrame> frames;
    ReviewStatus status;
    bool operator==(const State &) const = default;
};

State state(const AnnotationDocument &doc)
{
    State st{doc.tracks(), doc.segments(), doc.maskObjects(), {}, doc.video().status};
    for (const MaskObject &o : st.objects)
        st.frames += doc.maskFrames(o.id);
    return st;
}

class RecordingSink : public EditSink
{
public:
    void persist(const Edit &edit) override { edits.append(edit); }
    void requestIds(qint64 count) override { requested += count; }
    QList<Edit> edits;
    qint64 requested = 0;
};

std::unique_ptr<AnnotationDocument> makeDocument()
{
    auto doc = std::make_unique<AnnotationDocument>(snapshot());
    doc->addIds({1000, 5000});
    doc->setAuthor(QStringLiteral("tester"));
    return doc;
}

} // namespace

class TestDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawsAndUndoesAndRedoes()
    {
        auto doc = makeDocument();
        RecordingSink sink;
        doc->setSink(&sink);
        QSignalSpy changed(doc.get(), &AnnotationDocument::changed);
        const State before = state(*doc);
        auto edit = commands::drawSegment(*doc, 100, Modality::Visual, 0, s(1.25), s(3.5));
        QVERIFY2(edit.ok(), qPrintable(edit.errorString()));
        QVERIFY(doc->execute(*edit).ok());
        QCOMPARE(doc->segmentCount(), 2);
        const Segment *drawn = doc->segment(1000);
        QVERIFY(drawn);
        QCOMPARE(drawn->onset, Time::fromMicroseconds(1250000));
        QCOMPARE(drawn->status, SegmentStatus::Accepted);
        QCOMPARE(drawn->author, QStringLiteral("tester"));
        QCOMPARE(drawn->runId, 0);
        const State after = state(*doc);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Add Speech"));

        QVERIFY(doc->undo().ok());
        QCOMPARE(state(*doc), before);
        QVERIFY(doc->redo().ok());
        QCOMPARE(state(*doc), after);
        QCOMPARE(changed.count(), 3);
        // The sink saw the edit, its inverse and the edit again, in that order.
        QCOMPARE(sink.edits.size(), 3);
        QCOMPARE(sink.edits.at(0), *edit);
        QCOMPARE(sink.edits.at(1), edit->inverse());
        QCOMPARE(sink.edits.at(2), *edit);
    }

    void refusesBadSegments()
    {
        auto doc = makeDocument();
        QVERIFY(!commands::drawSegment(*doc, 100, Modality::Audio, 0, s(3), s(3)).ok());
        QVERIFY(!commands::drawSegment(*doc, 100, Modality::Audio, 0, s(-1), s(3)).ok());
        QVERIFY(!commands::drawSegment(*doc, 100, Modality::Audio, 25, s(1), s(3)).ok());
        QVERIFY(!commands::drawSegment(*doc, 999, Modality::Audio, 0, s(1), s(3)).ok());
        auto late = commands::drawSegment(*doc, 100, Modality::Audio, 0, s(59), s(61));
        QVERIFY(!late.ok());
        QVERIFY2(late.errorString().contains(QStringLiteral("after the video")),
                 qPrintable(late.errorString()));
        QCOMPARE(doc->segmentCount(), 1);
    }

    void everyCommandUndoesExactly()
    {
        auto doc = makeDocument();
        QList<State> states{state(*doc)};
        auto run = [&](Result<Edit> edit) {
            QVERIFY2(edit.ok(), qPrintable(edit.errorString()));
            QVERIFY(!edit->isEmpty());
            const Status st = doc->execute(*edit);
            QVERIFY2(st.ok(), qPrintable(st.errorString()));
            states.append(state(*doc));
        };
        run(commands::drawSegment(*doc, 100, Modality::Audio, 0, s(0), s(4)));
        const SegmentId a = 1000;
        run(commands::drawSegment(*doc, 100, Modality::Audio, 0, s(6), s(8)));
        const SegmentId b = 1001;
        run(commands::moveSegments(*doc, {a, b}, s(1)));
        QCOMPARE(doc->segment(a)->onset, s(1));
        run(commands::resizeSegment(*doc, a, s(0.5), s(5.5)));
        run(commands::mergeSegments(*doc, {a, b}));
        QVERIFY(!doc->segment(b));
        QCOMPARE(doc->segment(a)->offset, s(9));
        run(commands::splitSegment(*doc, a, s(3)));
        QCOMPARE(doc->segment(a)->offset, s(3));
        QCOMPARE(doc->segment(1002)->onset, s(3));
        run(commands::relabelSegments(*doc, {a, 1002}, 3));
        run(commands::setModality(*doc, {a}, Modality::AudioVisual));
        run(commands::acceptProposals(*doc, {200}));
        QCOMPARE(doc->segment(200)->status, SegmentStatus::Accepted);
        run(commands::rejectProposals(*doc, {200}));
        run(commands::setVideoStatus(*doc, ReviewStatus::InProgress));
        run(commands::addTrack(*doc, QStringLiteral("Extra"), kAveLabelSetId));
        const TrackId extra = 1003;
        QVERIFY(doc->track(extra));
        run(commands::pasteSegments(*doc, {*doc->segment(a)}, LabelSet::llp(), 100, s(20)));
        run(commands::addMaskObject(*doc, extra, 2, QStringLiteral("dog")));
        const MaskObjectId obj = 1005;
        QByteArray pixels(16, '\0');
        pixels[5] = 1;
        run(commands::setMaskFrame(*doc, obj, s(0.9375), RleMask::fromPixels(4, 4, pixels)));
        pixels[6] = 1;
        run(commands::setMaskFrame(*doc, obj, s(0.9375), RleMask::fromPixels(4, 4, pixels)));
        QCOMPARE(doc->maskFrames(obj).size(), 1);
        run(commands::renameTrack(*doc, extra, QStringLiteral("Objects")));
        run(commands::removeTrack(*doc, extra));
        QVERIFY(!doc->maskObject(obj));
        run(commands::deleteSegments(*doc, {a, 1002}));

        // Back, one edit at a time, through every state; then forward again.
        for (int i = int(states.size()) - 2; i >= 0; --i) {
            QVERIFY(doc->undo().ok());
            QCOMPARE(state(*doc), states.at(i));
        }
        QVERIFY(!doc->undoStack()->canUndo());
        QVERIFY(doc->setIndex(doc->undoStack()->count()).ok());
        QCOMPARE(state(*doc), states.constLast());
    }

    void editingAProposalKeepsWhatTheModelSaid()
    {
        auto doc = makeDocument();
        auto moved = commands::moveSegments(*doc, {200}, s(1));
        QVERIFY(moved.ok());
        QVERIFY(doc->execute(*moved).ok());
        const Segment *p = doc->segment(200);
        QCOMPARE(p->status, SegmentStatus::Edited);
        QCOMPARE(p->onset, s(3));
        QCOMPARE(p->runId, 55);
        const Segment predicted = p->predicted();
        QCOMPARE(predicted.onset, s(2));
        QCOMPARE(predicted.offset, s(5));
        QCOMPARE(predicted.classIndex, 3);
        QCOMPARE(predicted.modality, Modality::Audio);
        // A second change keeps the first original.
        auto relabel = commands::relabelSegments(*doc, {200}, 4);
        QVERIFY(doc->execute(*relabel).ok());
        QCOMPARE(doc->segment(200)->predicted().classIndex, 3);
    }

    void proposalsAboveAThreshold()
    {
        auto doc = makeDocument();
        QCOMPARE(commands::proposalsAbove(*doc, 0.9), QList<SegmentId>{});
        QCOMPARE(commands::proposalsAbove(*doc, 0.8), QList<SegmentId>{200});
        QCOMPARE(commands::proposalsAbove(*doc, 0.5, 100), QList<SegmentId>{});
    }

    void movesStayInsideTheVideo()
    {
        auto doc = makeDocument();
        auto e = commands::moveSegments(*doc, {200}, s(-10));
        QVERIFY(e.ok());
        QVERIFY(doc->execute(*e).ok());
        QCOMPARE(doc->segment(200)->onset, Time());
        auto e2 = commands::moveSegments(*doc, {200}, s(100));
        QVERIFY(doc->execute(*e2).ok());
        QCOMPARE(doc->segment(200)->offset, s(60));
        auto none = commands::moveSegments(*doc, {200}, s(1));
        QVERIFY(none.ok() && none->isEmpty());
    }

    void aFailingChangeLeavesEverythingAsItWas()
    {
        auto doc = makeDocument();
        const State before = state(*doc);
        auto first = commands::drawSegment(*doc, 100, Modality::Audio, 0, s(1), s(2));
        Segment stale = *doc->segment(200);
        stale.confidence = 0.1; // not what the document holds
        Segment after = stale;
        after.classIndex = 1;
        Edit edit = *first;
        edit.update(stale, after);
        const Status st = doc->execute(edit);
        QVERIFY(!st.ok());
        QVERIFY2(st.errorString().contains(QStringLiteral("nothing was changed")),
                 qPrintable(st.errorString()));
        QCOMPARE(state(*doc), before);
        QVERIFY(!doc->undoStack()->canUndo());
    }

    void macrosAreOneUndoStepAndOneWrite()
    {
        auto doc = makeDocument();
        RecordingSink sink;
        doc->setSink(&sink);
        const State before = state(*doc);
        doc->beginMacro(QStringLiteral("Draw and split"));
        auto draw = commands::drawSegment(*doc, 100, Modality::Audio, 0, s(10), s(20));
        QVERIFY(doc->execute(*draw).ok());
        auto split = commands::splitSegment(*doc, 1000, s(15)); // sees the drawn segment
        QVERIFY2(split.ok(), qPrintable(split.errorString()));
        QVERIFY(doc->execute(*split).ok());
        QVERIFY(sink.edits.isEmpty());
        QVERIFY(doc->endMacro().ok());
        QCOMPARE(sink.edits.size(), 1);
        QCOMPARE(sink.edits.constFirst().changes.size(), 3);
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Draw and split"));
        QVERIFY(doc->undo().ok());
        QCOMPARE(state(*doc), before);

        doc->beginMacro(QStringLiteral("Abandoned"));
        auto again = commands::drawSegment(*doc, 100, Modality::Audio, 0, s(30), s(31));
        QVERIFY(doc->execute(*again).ok());
        doc->abortMacro();
        QCOMPARE(state(*doc), before);
    }

    void staleDocumentsRefuseEdits()
    {
        auto doc = makeDocument();
        QSignalSpy failed(doc.get(), &AnnotationDocument::persistFailed);
        doc->reportPersistFailure(QStringLiteral("disk full"));
        QCOMPARE(failed.count(), 1);
        auto e = commands::drawSegment(*doc, 100, Modality::Audio, 0, s(1), s(2));
        const Status st = doc->execute(*e);
        QVERIFY(!st.ok());
        QVERIFY(st.errorString().contains(QStringLiteral("disk full")));
    }

    void idPoolAsksForMoreBeforeRunningOut()
    {
        AnnotationDocument doc(snapshot());
        RecordingSink sink;
        doc.setSink(&sink);
        QVERIFY(!doc.takeId().ok());
        QCOMPARE(sink.requested, AnnotationDocument::refillSize());
        doc.addIds({5000, AnnotationDocument::lowWaterMark() + 52});
        for (int i = 0; i < 52; ++i)
            QCOMPARE(*doc.takeId(), 5000 + i);
        QCOMPARE(sink.requested, AnnotationDocument::refillSize());
        (void) doc.takeId(); // one less than the mark left
        QCOMPARE(sink.requested, 2 * AnnotationDocument::refillSize());
    }

    void undoHistoryIsBounded()
    {
        auto doc = makeDocument();
        doc->undoStack()->setUndoLimit(3);
        for (int i = 0; i < 5; ++i) {
            auto e = commands::drawSegment(*doc, 100, Modality::Audio, 0, s(i), s(i + 0.5));
            QVERIFY(doc->execute(*e).ok());
        }
        QCOMPARE(doc->undoStack()->count(), 3);
        QVERIFY(doc->setIndex(0).ok());
        QCOMPARE(doc->segmentCount(), 3); // the first two draws stay
    }

    void windowQueriesMatchAScan()
    {
        auto doc = makeDocument();
        QRandomGenerator rng(42);
        Edit bulk;
        for (int i = 0; i < 3000; ++i) {
            Segment seg;
            seg.id = 10000 + i;
            seg.videoId = 7;
            seg.trackId = 100;
            seg.classIndex = i % 25;
            // Mostly short segments, some long ones (up to the whole video).
            const qint64 len = i % 50 == 0 ? rng.bounded(1, 60'000'000) : rng.bounded(1, 3'000'000);
            const qint64 on = rng.bounded(qint64(0), 60'000'000 - len);
            seg.onset = Time::fromMicroseconds(on);
            seg.offset = Time::fromMicroseconds(on + len);
            bulk.insert(seg);
        }
        QVERIFY(doc->execute(bulk).ok());
        const QList<Segment> all = doc->segments();
        for (int q = 0; q < 200; ++q) {
            const qint64 a = rng.bounded(qint64(0), qint64(60'000'000));
            const qint64 len = rng.bounded(1, 10'000'000);
            const Time start = Time::fromMicroseconds(a), end = Time::fromMicroseconds(a + len);
            QList<SegmentId> expected;
            for (const Segment &seg : all) {
                if (seg.overlaps(start, end))
                    expected.append(seg.id);
            }
            QList<SegmentId> got;
            for (const Segment &seg : doc->segmentsIn(start, end))
                got.append(seg.id);
            std::sort(expected.begin(), expected.end());
            std::sort(got.begin(), got.end());
            QCOMPARE(got, expected);
        }
    }

    void durationClasses()
    {
        QCOMPARE(durationClass(Time::fromMicroseconds(1)), 0);
        QCOMPARE(durationClass(Time::fromMicroseconds(2)), 1);
        QCOMPARE(durationClass(Time::fromMicroseconds(3)), 2);
        QCOMPARE(durationClass(Time::fromMicroseconds(4)), 2);
        QCOMPARE(durationClass(Time::fromMicroseconds(5)), 3);
        QCOMPARE(durationClass(s(1)), 20); // 2^20 = 1,048,576 us
    }

    void masksRoundTripThroughRuns()
    {
        QRandomGenerator rng(7);
        for (int t = 0; t < 20; ++t) {
            const int w = rng.bounded(1, 40), h = rng.bounded(1, 40);
            QByteArray px(w * h, '\0');
            for (char &c : px)
                c = rng.bounded(3) == 0 ? 1 : 0;
            const RleMask m = RleMask::fromPixels(w, h, px);
            QCOMPARE(m.toPixels(), px);
            qint64 sum = 0;
            for (quint32 c : m.counts())
                sum += c;
            QCOMPARE(sum, qint64(w) * h);
            const auto back = RleMask::fromBytes(m.toBytes());
            QVERIFY(back.has_value());
            QCOMPARE(*back, m);
            QCOMPARE(m.area(), qint64(px.count('\1')));
            const int x = rng.bounded(w), y = rng.bounded(h);
            QCOMPARE(m.at(x, y), px.at(y * w + x) != 0);
        }
        QCOMPARE(RleMask::fromPixels(2, 1, QByteArray("\1\1", 2)).counts(), (QList<quint32>{0, 2}));
        QVERIFY(!RleMask::fromBytes(QByteArray("\x02\x02\x01\x05", 4)).has_value()); // sum 5 != 4
        QVERIFY(!RleMask::fromBytes(QByteArray("\x02")).has_value());
    }

    // A mask drawn at the video's size, read at a model's size: nearest pixel either way.
    void masksScaleToOtherSizes()
    {
        // 2x2: the top-left and bottom-right pixels set.
        const RleMask m = RleMask::fromPixels(2, 2, QByteArray("\1\0\0\1", 4));
        QCOMPARE(m.toPixels(2, 2), m.toPixels());
        QCOMPARE(m.toPixels(4, 2), QByteArray("\1\1\0\0\0\0\1\1", 8));
        QCOMPARE(m.toPixels(4, 4).count('\1'), 8);
        QCOMPARE(m.toPixels(4, 4).at(0), '\1');
        QCOMPARE(m.toPixels(4, 4).at(3), '\0');
        QCOMPARE(m.toPixels(1, 1), QByteArray("\1", 1)); // the centre falls in the bottom-right
        QCOMPARE(RleMask().toPixels(3, 2), QByteArray(6, '\0'));
    }
};

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
