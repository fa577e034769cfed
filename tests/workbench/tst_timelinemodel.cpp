// The timeline's model of a document: which rows a person sees, which lane each event is drawn
// in, and that edits (and their undo) move events between lanes without a rebuild.

#include "core/annotation/commands.h"
#include "ui/timeline/timelinemodel.h"
#include "workbenchtestutil.h"

#include <QSignalSpy>
#include <QTest>

using namespace earmark;
using namespace earmark::annotation;
using namespace earmark::testing;
using ui::TimelineLaneKey;
using ui::TimelineModel;
using ui::TimelineRowKind;

namespace {

QStringList describeRows(const TimelineModel &model)
{
    QStringList out;
    for (const ui::TimelineRow &r : model.rows()) {
        switch (r.kind) {
        case TimelineRowKind::Group:
            out << QStringLiteral("group %1%2").arg(r.group).arg(r.collapsed ? "+" : "");
            break;
        case TimelineRowKind::Modality:
            out << QStringLiteral("  %1%2").arg(modalityName(r.modality)).arg(r.collapsed ? "+" : "");
            break;
        case TimelineRowKind::Class:
            out << QStringLiteral("    class %1").arg(r.classIndex);
            break;
        }
    }
    return out;
}

QList<SegmentId> idsIn(const ui::TimelineLane &lane)
{
    QList<SegmentId> ids;
    for (const ui::TimelineItem &item : lane.items())
        ids << item.id;
    return ids;
}

} // namespace

class TestTimelineModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsPerGroupSectionAndClass()
    {
        auto doc = makeDocument(60,
                                {makeSegment(1, kAnnotationTrack, Modality::Audio, 3, 1, 2),
                                 makeSegment(2, kAnnotationTrack, Modality::Audio, 0, 4, 5),
                                 makeSegment(3, kAnnotationTrack, Modality::AudioVisual, 3, 1, 9),
                                 makeSegment(4, kProposalTrack, Modality::Visual, 7, 2, 3, 0.9)});
        TimelineModel model;
        model.setDocument(doc.get());
        // One group (the proposals join the annotation track of their label set); audio, visual
        // and audio-visual sections with a row per class.
        QCOMPARE(describeRows(model),
                 QStringList({"group 0",
                              "  audio",
                              "    class 0",
                              "    class 3",
                              "  visual",
                              "    class 7",
                              "  audio_visual",
                              "    class 3"}));
        QCOMPARE(model.groups().size(), 1);
        QCOMPARE(model.groups().at(0).track, kAnnotationTrack);
        QCOMPARE(model.groups().at(0).proposalTracks, QList<TrackId>{kProposalTrack});
        // Number keys: the classes with rows, by class index.
        QCOMPARE(model.quickClasses(0), QList<int>({0, 3, 7}));
        // The proposal is drawn in the proposals lane of its class.
        const ui::TimelineLanes *visual = model.lanes({0, Modality::Visual, 7});
        QVERIFY(visual);
        QCOMPARE(idsIn(visual->proposals), QList<SegmentId>{4});
        QVERIFY(visual->confirmed.isEmpty());
    }

    void clipLabelsAppearOnlyWhenPresent()
    {
        auto doc = makeDocument(10,
                                {makeSegment(1, kAnnotationTrack, Modality::Unspecified, 2, 0, 10)});
        TimelineModel model;
        model.setDocument(doc.get());
        QVERIFY(describeRows(model).contains(QStringLiteral("  unspecified")));
        auto empty = makeDocument(10, {});
        model.setDocument(empty.get());
        QVERIFY(!describeRows(model).contains(QStringLiteral("  unspecified")));
    }

    void videoWithoutTracksOffersADefaultGroup()
    {
        DocumentSnapshot snap = makeSnapshot(10, {});
        snap.tracks.clear();
        AnnotationDocument doc(snap);
        TimelineModel model;
        model.setDocument(&doc);
        QCOMPARE(model.groups().size(), 1);
        QCOMPARE(model.groups().at(0).track, TrackId(0)); // made on the first event drawn
        QCOMPARE(model.groups().at(0).labelSet, kLlpLabelSetId);
        QCOMPARE(model.rows().size(), 4); // the group and its three sections
    }

    void editsMoveItemsBetweenLanes()
    {
        auto doc = makeDocument(60,
                                {makeSegment(1, kAnnotationTrack, Modality::Audio, 3, 1, 2),
                                 makeSegment(2, kProposalTrack, Modality::Audio, 3, 4, 6, 0.8)});
        TimelineModel model;
        model.setDocument(doc.get());
        QSignalSpy rows(&model, &TimelineModel::rowsChanged);
        QSignalSpy items(&model, &TimelineModel::itemsChanged);

        // Accepting a proposal moves it up to the confirmed lane of its class.
        QVERIFY(doc->execute(*commands::acceptProposals(*doc, {2})));
        const ui::TimelineLanes *lanes = model.lanes({0, Modality::Audio, 3});
        QCOMPARE(idsIn(lanes->confirmed), QList<SegmentId>({1, 2}));
        QVERIFY(lanes->proposals.isEmpty());
        QVERIFY(model.item(2)->fromModel);
        QCOMPARE(rows.size(), 0);
        QCOMPARE(items.size(), 1);

        // A new class gets a row; the old row stays though it is empty now.
        QVERIFY(doc->execute(*commands::relabelSegments(*doc, {1}, 11)));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(idsIn(model.lanes({0, Modality::Audio, 11})->confirmed), QList<SegmentId>{1});
        QCOMPARE(idsIn(model.lanes({0, Modality::Audio, 3})->confirmed), QList<SegmentId>{2});
        QVERIFY(describeRows(model).contains(QStringLiteral("    class 11")));

        // Moving keeps the lane sorted by onset.
        QVERIFY(doc->execute(*commands::moveSegments(*doc, {2}, Time::fromSeconds(-4))));
        QVERIFY(doc->execute(*commands::drawSegment(*doc,
                                                    kAnnotationTrack,
                                                    Modality::Audio,
                                                    3,
                                                    Time::fromSeconds(0.5),
                                                    Time::fromSeconds(0.7))));
        const QList<SegmentId> ids = idsIn(model.lanes({0, Modality::Audio, 3})->confirmed);
        QCOMPARE(ids.size(), 2);
        QCOMPARE(ids.at(0), SegmentId(2)); // onset 0 s
        QCOMPARE(model.item(2)->onset, 0);

        // Undo everything: back where it started.
        while (doc->undoStack()->canUndo())
            QVERIFY(doc->undo());
        QCOMPARE(idsIn(model.lanes({0, Modality::Audio, 3})->confirmed), QList<SegmentId>{1});
        QCOMPARE(idsIn(model.lanes({0, Modality::Audio, 3})->proposals), QList<SegmentId>{2});
        QVERIFY(model.lanes({0, Modality::Audio, 11})->confirmed.isEmpty());
        QCOMPARE(model.itemCount(), 2);
    }

    void collapsingHidesRowsAndKeepsState()
    {
        auto doc = makeDocument(60, {makeSegment(1, kAnnotationTrack, Modality::Audio, 3, 1, 2)});
        TimelineModel model;
        model.setDocument(doc.get());
        model.setSectionCollapsed(0, Modality::Audio, true);
        QCOMPARE(describeRows(model).at(1), QStringLiteral("  audio+"));
        QVERIFY(!describeRows(model).contains(QStringLiteral("    class 3")));
        model.setGroupCollapsed(0, true);
        QCOMPARE(describeRows(model), QStringList{"group 0+"});
        // A track change rebuilds the groups; the collapse state stays.
        QVERIFY(doc->execute(*commands::renameTrack(*doc, kProposalTrack, QStringLiteral("run"))));
        QCOMPARE(describeRows(model), QStringList{"group 0+"});
        model.setGroupCollapsed(0, false);
        QCOMPARE(describeRows(model).at(1), QStringLiteral("  audio+"));
    }

    void selectionFlagsFollowEdits()
    {
        auto doc = makeDocument(60,
                                {makeSegment(1, kAnnotationTrack, Modality::Audio, 3, 1, 2),
                                 makeSegment(2, kAnnotationTrack, Modality::Audio, 3, 4, 6)});
        TimelineModel model;
        model.setDocument(doc.get());
        model.setSelection({2});
        QVERIFY(!model.item(1)->selected);
        QVERIFY(model.item(2)->selected);
        // An edited item keeps its flag.
        QVERIFY(doc->execute(*commands::moveSegments(*doc, {2}, Time::fromSeconds(1))));
        QVERIFY(model.item(2)->selected);
        model.setSelection({1});
        QVERIFY(model.item(1)->selected);
        QVERIFY(!model.item(2)->selected);
    }

    void windowQueriesFindExactlyTheOverlappingItems()
    {
        const QList<Segment> segments = manySegments(5000, 600, 7);
        auto doc = makeDocument(600, segments);
        TimelineModel model;
        model.setDocument(doc.get());
        QCOMPARE(model.itemCount(), 5000);
        QRandomGenerator rng(3);
        for (int trial = 0; trial < 200; ++trial) {
            const qint64 start = qint64(rng.bounded(600e6));
            const qint64 end = start + qint64(rng.bounded(30e6)) + 1;
            QSet<SegmentId> found, expected;
            model.forEachLane([&](const TimelineLaneKey &, const ui::TimelineLanes &lanes) {
                for (const ui::TimelineLane *lane : {&lanes.confirmed, &lanes.proposals}) {
                    const auto &items = lane->items();
                    for (size_t i = lane->firstOverlapping(start); i < items.size(); ++i) {
                        if (items[i].onset >= end)
                            break;
                        if (items[i].offset > start)
                            found.insert(items[i].id);
                    }
                }
            });
            for (const Segment &s : segments) {
                if (s.onset.microseconds() < end && s.offset.microseconds() > start)
                    expected.insert(s.id);
            }
            QCOMPARE(found, expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestTimelineModel)
#include "tst_timelinemodel.moc"
