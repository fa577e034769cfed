#include "ui/timeline/timelinemodel.h"

#include <algorithm>

namespace earmark::ui {

using namespace annotation;

namespace {

bool itemLess(const TimelineItem &a, const TimelineItem &b)
{
    return std::tie(a.onset, a.id) < std::tie(b.onset, b.id);
}

TimelineItem itemOf(const Segment &s)
{
    TimelineItem item;
    item.onset = s.onset.microseconds();
    item.offset = s.offset.microseconds();
    item.id = s.id;
    item.confidence = s.confidence;
    item.status = s.status;
    item.fromModel = s.runId != 0;
    return item;
}

constexpr Modality kSections[] = {Modality::Audio,
                                  Modality::Visual,
                                  Modality::AudioVisual,
                                  Modality::Unspecified};

} // namespace

void TimelineLane::insert(const TimelineItem &item)
{
    const auto it = std::upper_bound(m_items.begin(), m_items.end(), item, itemLess);
    m_items.insert(it, item);
    m_longest = std::max(m_longest, item.offset - item.onset);
}

void TimelineLane::sort()
{
    std::sort(m_items.begin(), m_items.end(), itemLess);
    m_longest = 0;
    for (const TimelineItem &item : m_items)
        m_longest = std::max(m_longest, item.offset - item.onset);
}

TimelineItem *TimelineLane::find(SegmentId id, qint64 onset)
{
    TimelineItem key;
    key.onset = onset;
    key.id = id;
    const auto it = std::lower_bound(m_items.begin(), m_items.end(), key, itemLess);
    if (it == m_items.end() || it->id != id)
        return nullptr;
    return &*it;
}

bool TimelineLane::remove(SegmentId id, qint64 onset)
{
    TimelineItem *item = find(id, onset);
    if (!item)
        return false;
    m_items.erase(m_items.begin() + (item - m_items.data()));
    return true;
}

size_t TimelineLane::firstOverlapping(qint64 start) const
{
    const qint64 bound = start - m_longest;
    const auto it = std::lower_bound(m_items.begin(),
                                     m_items.end(),
                                     bound,
                                     [](const TimelineItem &item, qint64 t) {
                                         return item.onset < t;
                                     });
    return size_t(it - m_items.begin());
}

TimelineModel::TimelineModel(QObject *parent)
    : QObject(parent)
{}

TimelineModel::~TimelineModel() = default;

void TimelineModel::setDocument(AnnotationDocument *document)
{
    if (m_document)
        m_document->disconnect(this);
    m_document = document;
    m_selection.clear();
    if (m_document) {
        connect(m_document, &AnnotationDocument::changed, this, &TimelineModel::onEdit);
        connect(m_document, &QObject::destroyed, this, [this] {
            m_document = nullptr;
            rebuild();
        });
    }
    rebuild();
}

const LabelSet *TimelineModel::labelSetOfGroup(int group) const
{
    if (!m_document || group < 0 || group >= m_groups.size())
        return nullptr;
    return m_document->labelSet(m_groups.at(group).labelSet);
}

void TimelineModel::buildGroups()
{
    for (const TimelineGroup &g : std::as_const(m_groups))
        m_savedState.insert(g.name, g);
    m_groups.clear();
    m_groupOfTrack.clear();
    if (!m_document)
        return;
    const QList<Track> tracks = m_document->tracks();
    for (const Track &t : tracks) {
        if (t.runId != 0)
            continue;
        TimelineGroup g;
        g.track = t.id;
        g.labelSet = t.labelSetId;
        g.name = t.name;
        m_groupOfTrack.insert(t.id, int(m_groups.size()));
        m_groups.append(g);
    }
    for (const Track &t : tracks) {
        if (t.runId == 0)
            continue;
        int target = -1;
        for (int i = 0; i < m_groups.size(); ++i) {
            if (m_groups.at(i).labelSet == t.labelSetId) {
                target = i;
                break;
            }
        }
        if (target < 0) {
            // Proposals of a label set nobody annotates yet: a group of their own; the
            // annotation track is made when a person first draws into it.
            TimelineGroup g;
            g.labelSet = t.labelSetId;
            const LabelSet *set = m_document->labelSet(t.labelSetId);
            g.name = set ? set->name : t.name;
            target = int(m_groups.size());
            m_groups.append(g);
        }
        m_groups[target].proposalTracks.append(t.id);
        m_groupOfTrack.insert(t.id, target);
    }
    if (m_groups.isEmpty()) {
        TimelineGroup g;
        g.labelSet = kLlpLabelSetId;
        g.name = llpLabelSetName();
        m_groups.append(g);
    }
    for (TimelineGroup &g : m_groups) {
        const auto it = m_savedState.constFind(g.name);
        if (it != m_savedState.constEnd()) {
            g.collapsed = it->collapsed;
            g.collapsedSections = it->collapsedSections;
        }
    }
}

void TimelineModel::buildRows()
{
    m_rows.clear();
    for (int g = 0; g < m_groups.size(); ++g) {
        const TimelineGroup &group = m_groups.at(g);
        m_rows.append({TimelineRowKind::Group, g, Modality::AudioVisual, -1, group.collapsed});
        if (group.collapsed)
            continue;
        for (Modality m : kSections) {
            const TimelineLaneKey first{g, m, 0};
            auto it = m_lanes.lower_bound(first);
            const bool hasLanes = it != m_lanes.end() && it->first.group == g
                                  && it->first.modality == m;
            if (m == Modality::Unspecified && !hasLanes)
                continue;
            const bool collapsed = group.collapsedSections.contains(int(m));
            m_rows.append({TimelineRowKind::Modality, g, m, -1, collapsed});
            if (collapsed)
                continue;
            for (; it != m_lanes.end() && it->first.group == g && it->first.modality == m; ++it)
                m_rows.append({TimelineRowKind::Class, g, m, it->first.classIndex, false});
        }
    }
}

void TimelineModel::rebuild()
{
    m_lanes.clear();
    m_locations.clear();
    buildGroups();
    if (m_document) {
        const QList<Segment> segments = m_document->segments();
        m_locations.reserve(segments.size());
        // Items arrive by id: append them all, then sort each lane once.
        for (const Segment &s : segments) {
            const int g = m_groupOfTrack.value(s.trackId, -1);
            if (g < 0)
                continue;
            const TimelineLaneKey key{g, s.modality, s.classIndex};
            const bool proposal = isProposalLane(s.status);
            m_locations.insert(s.id, {key, s.onset.microseconds(), proposal});
            TimelineItem item = itemOf(s);
            item.selected = m_selection.contains(s.id);
            TimelineLanes &lanes = m_lanes[key];
            (proposal ? lanes.proposals : lanes.confirmed).append(item);
        }
        for (auto &[key, lanes] : m_lanes) {
            lanes.confirmed.sort();
            lanes.proposals.sort();
        }
    }
    buildRows();
    Q_EMIT rowsChanged();
    Q_EMIT itemsChanged();
}

void TimelineModel::addSegment(const Segment &s)
{
    const int g = m_groupOfTrack.value(s.trackId, -1);
    if (g < 0)
        return;
    const TimelineLaneKey key{g, s.modality, s.classIndex};
    const bool proposal = isProposalLane(s.status);
    m_locations.insert(s.id, {key, s.onset.microseconds(), proposal});
    TimelineItem item = itemOf(s);
    item.selected = m_selection.contains(s.id);
    TimelineLanes &lanes = m_lanes[key];
    (proposal ? lanes.proposals : lanes.confirmed).insert(item);
}

void TimelineModel::removeSegment(SegmentId id)
{
    const auto it = m_locations.constFind(id);
    if (it == m_locations.constEnd())
        return;
    const auto lanes = m_lanes.find(it->key);
    if (lanes != m_lanes.end())
        (it->proposal ? lanes->second.proposals : lanes->second.confirmed).remove(id, it->onset);
    m_locations.erase(it);
}

void TimelineModel::onEdit(const Edit &edit)
{
    bool tracksChanged = false;
    for (const Change &change : edit.changes) {
        if (std::holds_alternative<TrackChange>(change))
            tracksChanged = true;
    }
    if (tracksChanged) {
        rebuild();
        return;
    }
    const size_t lanesBefore = m_lanes.size();
    for (const Change &change : edit.changes) {
        const auto *c = std::get_if<SegmentChange>(&change);
        if (!c)
            continue;
        if (c->before)
            removeSegment(c->before->id);
        if (c->after)
            addSegment(*c->after);
    }
    if (m_lanes.size() != lanesBefore) {
        buildRows();
        Q_EMIT rowsChanged();
    }
    Q_EMIT itemsChanged();
}

const TimelineLanes *TimelineModel::lanes(const TimelineLaneKey &key) const
{
    const auto it = m_lanes.find(key);
    return it == m_lanes.end() ? nullptr : &it->second;
}

QList<const TimelineLanes *> TimelineModel::lanesOf(int group, std::optional<Modality> m) const
{
    QList<const TimelineLanes *> out;
    for (auto it = m_lanes.lower_bound({group, m.value_or(Modality::Audio), 0});
         it != m_lanes.end() && it->first.group == group;
         ++it) {
        if (m && it->first.modality != *m)
            break;
        out.append(&it->second);
    }
    return out;
}

TimelineItem *TimelineModel::mutableItem(SegmentId id)
{
    const auto it = m_locations.constFind(id);
    if (it == m_locations.constEnd())
        return nullptr;
    const auto lanes = m_lanes.find(it->key);
    if (lanes == m_lanes.end())
        return nullptr;
    return (it->proposal ? lanes->second.proposals : lanes->second.confirmed).find(id, it->onset);
}

const TimelineItem *TimelineModel::item(SegmentId id, TimelineLaneKey *key) const
{
    const auto it = m_locations.constFind(id);
    if (it == m_locations.constEnd())
        return nullptr;
    if (key)
        *key = it->key;
    return const_cast<TimelineModel *>(this)->mutableItem(id);
}

QList<int> TimelineModel::quickClasses(int group) const
{
    QList<int> out;
    for (auto it = m_lanes.lower_bound({group, Modality::Audio, 0});
         it != m_lanes.end() && it->first.group == group;
         ++it) {
        if (!out.contains(it->first.classIndex))
            out.append(it->first.classIndex);
    }
    std::sort(out.begin(), out.end());
    return out;
}

void TimelineModel::setGroupCollapsed(int group, bool collapsed)
{
    if (group < 0 || group >= m_groups.size() || m_groups[group].collapsed == collapsed)
        return;
    m_groups[group].collapsed = collapsed;
    buildRows();
    Q_EMIT rowsChanged();
}

void TimelineModel::setSectionCollapsed(int group, Modality modality, bool collapsed)
{
    if (group < 0 || group >= m_groups.size())
        return;
    QSet<int> &sections = m_groups[group].collapsedSections;
    if (sections.contains(int(modality)) == collapsed)
        return;
    if (collapsed)
        sections.insert(int(modality));
    else
        sections.remove(int(modality));
    buildRows();
    Q_EMIT rowsChanged();
}

void TimelineModel::setSelection(const QList<SegmentId> &ids)
{
    for (SegmentId id : std::as_const(m_selection)) {
        if (TimelineItem *item = mutableItem(id))
            item->selected = false;
    }
    m_selection = QSet<SegmentId>(ids.begin(), ids.end());
    for (SegmentId id : ids) {
        if (TimelineItem *item = mutableItem(id))
            item->selected = true;
    }
    Q_EMIT itemsChanged();
}

} // namespace earmark::ui
