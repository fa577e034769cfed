#pragma once

#include "core/annotation/document.h"
#include "core/annotation/segment.h"

#include <QObject>
#include <QPointer>
#include <QSet>

#include <map>
#include <vector>

namespace earmark::ui {

// One segment as the timeline paints and hit-tests it: a few plain numbers, so that culling and
// merging 100,000 of them stays cheap.
struct TimelineItem
{
    qint64 onset = 0;  // microseconds
    qint64 offset = 0; // microseconds
    annotation::SegmentId id = 0;
    double confidence = 1;
    annotation::SegmentStatus status = annotation::SegmentStatus::Accepted;
    bool fromModel = false; // proposed by a model run (runId != 0), whatever its status now
    bool selected = false;
};

// The items of one lane, sorted by (onset, id), with the longest duration seen, so the items
// overlapping a window are found by one binary search.
class TimelineLane
{
public:
    void insert(const TimelineItem &item);
    // Bulk loading: append() in any order, then sort() once.
    void append(const TimelineItem &item) { m_items.push_back(item); }
    void sort();
    // Removes the item `id` that starts at `onset`; false when it is not here.
    bool remove(annotation::SegmentId id, qint64 onset);
    TimelineItem *find(annotation::SegmentId id, qint64 onset);
    const std::vector<TimelineItem> &items() const { return m_items; }
    bool isEmpty() const { return m_items.empty(); }
    int size() const { return int(m_items.size()); }

    // Index of the first item that can reach past `start`: every item before it ends at or
    // before `start` (found with the longest duration as a bound).
    size_t firstOverlapping(qint64 start) const;

private:
    std::vector<TimelineItem> m_items;
    qint64 m_longest = 0; // never shrinks until the lane is rebuilt: a safe bound
};

// What a timeline row shows.
enum class TimelineRowKind {
    Group,    // a track of annotations (with the proposals of its label set): a collapsible header
    Modality, // audio / visual / audio-visual events of a group: a collapsible header; expanded,
              // its lane is where events of a class not shown yet are drawn
    Class,    // the events of one class: confirmed ones above, proposals below
};

// Where segments go: one group per annotation track, one section per modality, one lane pair per
// class.
struct TimelineLaneKey
{
    int group = 0;
    annotation::Modality modality = annotation::Modality::AudioVisual;
    int classIndex = 0;
    auto operator<=>(const TimelineLaneKey &) const = default;
};

// Confirmed events (accepted, edited, drawn) and proposals (proposed, rejected) of one class.
struct TimelineLanes
{
    TimelineLane confirmed;
    TimelineLane proposals;
};

// A group: the annotation track new events are drawn into, and the proposal tracks (model runs)
// of the same label set shown next to it.
struct TimelineGroup
{
    annotation::TrackId track = 0; // 0: the video has no annotation track yet (made on first draw)
    annotation::LabelSetId labelSet = annotation::kLlpLabelSetId;
    QString name;
    QList<annotation::TrackId> proposalTracks;
    bool collapsed = false;
    // Collapsed modality sections, by Modality value.
    QSet<int> collapsedSections;
};

struct TimelineRow
{
    TimelineRowKind kind = TimelineRowKind::Class;
    int group = 0;
    annotation::Modality modality = annotation::Modality::AudioVisual;
    int classIndex = -1;
    // Whether this header row stands for its hidden rows (collapsed): it then shows their events.
    bool collapsed = false;
};

// The rows and lanes of the timeline, built from an AnnotationDocument and kept in step with its
// edits (each changed segment moves between lanes; nothing is rebuilt for an edit of segments).
// Knows nothing of pixels: TimelineView lays the rows out and paints them.
//
// Sections shown per group: audio, visual and audio-visual always (a person draws new events of
// any class on a section's header row); "unspecified" (clip-level labels) when there are some. Class rows appear for each
// class with events in the section and stay until the document is replaced, so a row does not
// jump away when its last event is deleted.
//
// GUI thread only.
class TimelineModel : public QObject
{
    Q_OBJECT

public:
    explicit TimelineModel(QObject *parent = nullptr);
    ~TimelineModel() override;

    // Not owned; null clears the model.
    void setDocument(annotation::AnnotationDocument *document);
    annotation::AnnotationDocument *document() const { return m_document; }

    const QList<TimelineGroup> &groups() const { return m_groups; }
    const QList<TimelineRow> &rows() const { return m_rows; }
    const annotation::LabelSet *labelSetOfGroup(int group) const;

    // The lanes of a class row (null when it has none yet).
    const TimelineLanes *lanes(const TimelineLaneKey &key) const;
    // Every lane of a group (and section), for collapsed rows.
    QList<const TimelineLanes *> lanesOf(int group, std::optional<annotation::Modality> m) const;
    // The lane key of a class row.
    static TimelineLaneKey keyOf(const TimelineRow &row)
    {
        return {row.group, row.modality, row.classIndex};
    }

    // The group showing segments of `track`, -1 when none.
    int groupOfTrack(annotation::TrackId track) const { return m_groupOfTrack.value(track, -1); }
    // The lane key and item of a segment (null when it is not shown).
    const TimelineItem *item(annotation::SegmentId id, TimelineLaneKey *key = nullptr) const;

    // The classes that have rows in a group, by class index: the number keys 1-9, 0 pick them.
    QList<int> quickClasses(int group) const;

    void setGroupCollapsed(int group, bool collapsed);
    void setSectionCollapsed(int group, annotation::Modality modality, bool collapsed);

    // Marks the items of `ids` selected (and every other one not).
    void setSelection(const QList<annotation::SegmentId> &ids);

    int itemCount() const { return int(m_locations.size()); }

    // Calls f(key, lanes) for every lane, by key.
    template<typename F>
    void forEachLane(F f) const
    {
        for (const auto &[key, lanes] : m_lanes)
            f(key, lanes);
    }

Q_SIGNALS:
    // Rows were added or removed (layout changes).
    void rowsChanged();
    // Items changed (repaint).
    void itemsChanged();

private:
    struct Location
    {
        TimelineLaneKey key;
        qint64 onset = 0;
        bool proposal = false;
    };

    void rebuild();
    void onEdit(const annotation::Edit &edit);
    void addSegment(const annotation::Segment &s);
    void removeSegment(annotation::SegmentId id);
    void buildGroups();
    void buildRows();
    TimelineItem *mutableItem(annotation::SegmentId id);

    QPointer<annotation::AnnotationDocument> m_document;
    QList<TimelineGroup> m_groups;
    QHash<annotation::TrackId, int> m_groupOfTrack;
    QList<TimelineRow> m_rows;
    std::map<TimelineLaneKey, TimelineLanes> m_lanes;
    QHash<annotation::SegmentId, Location> m_locations;
    QSet<annotation::SegmentId> m_selection;
    // Collapse state survives rebuilds, by group name.
    QHash<QString, TimelineGroup> m_savedState;
};

// Whether a segment of this status is drawn in the proposals lane.
inline bool isProposalLane(annotation::SegmentStatus s)
{
    return s == annotation::SegmentStatus::Proposed || s == annotation::SegmentStatus::Rejected;
}

} // namespace earmark::ui
