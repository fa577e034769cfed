#include "ui/editing/editorsession.h"

#include "core/annotation/commands.h"
#include "ui/timeaxis.h"
#include "ui/timeline/timelinemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>

#include <algorithm>

namespace earmark::ui {

using namespace annotation;

namespace {

constexpr auto kMime = "application/x-earmark-segments";

} // namespace

EditorSession::EditorSession(TimeAxis *axis, QObject *parent)
    : QObject(parent)
    , m_axis(axis)
    , m_model(new TimelineModel(this))
{}

EditorSession::~EditorSession() = default;

QString EditorSession::segmentsMimeType()
{
    return QString::fromLatin1(kMime);
}

void EditorSession::setDocument(AnnotationDocument *document)
{
    if (m_document)
        m_document->disconnect(this);
    m_document = document;
    m_selection.clear();
    m_model->setDocument(document);
    if (m_document)
        connect(m_document, &AnnotationDocument::changed, this, &EditorSession::onEdit);
    Q_EMIT selectionChanged();
    Q_EMIT documentChanged(document);
}

Time EditorSession::playhead() const
{
    return m_axis ? m_axis->playhead() : Time();
}

void EditorSession::onEdit(const Edit &edit)
{
    bool pruned = false;
    for (const Change &change : edit.changes) {
        const auto *c = std::get_if<SegmentChange>(&change);
        if (c && c->isRemove() && m_selection.removeAll(c->before->id) > 0)
            pruned = true;
    }
    if (pruned) {
        m_model->setSelection(m_selection);
        Q_EMIT selectionChanged();
    }
    Q_EMIT edited();
}

void EditorSession::setSelection(const QList<SegmentId> &ids)
{
    QList<SegmentId> unique;
    unique.reserve(ids.size());
    QSet<SegmentId> seen;
    for (SegmentId id : ids) {
        if (!seen.contains(id) && m_document && m_document->segment(id)) {
            seen.insert(id);
            unique.append(id);
        }
    }
    if (unique == m_selection)
        return;
    m_selection = unique;
    m_model->setSelection(m_selection);
    Q_EMIT selectionChanged();
}

void EditorSession::toggleSelected(SegmentId id)
{
    QList<SegmentId> ids = m_selection;
    if (!ids.removeAll(id))
        ids.append(id);
    setSelection(ids);
}

void EditorSession::selectAll()
{
    if (!m_document)
        return;
    QList<SegmentId> ids;
    for (const Segment &s : m_document->segments()) {
        if (m_model->groupOfTrack(s.trackId) >= 0)
            ids.append(s.id);
    }
    setSelection(ids);
}

int EditorSession::currentGroup() const
{
    TimelineLaneKey key;
    if (current() && m_model->item(current(), &key))
        return key.group;
    return 0;
}

bool EditorSession::execute(const Result<Edit> &edit)
{
    if (!m_document) {
        Q_EMIT errorOccurred(tr("Open a video first."));
        return false;
    }
    if (!edit) {
        Q_EMIT errorOccurred(edit.errorString());
        return false;
    }
    if (edit->isEmpty())
        return false;
    const Status s = m_document->execute(*edit);
    if (!s) {
        Q_EMIT errorOccurred(s.errorString());
        return false;
    }
    return true;
}

TrackId EditorSession::ensureTrack(int group)
{
    const QList<TimelineGroup> &groups = m_model->groups();
    if (group < 0 || group >= groups.size())
        return 0;
    if (groups.at(group).track != 0)
        return groups.at(group).track;
    const LabelSetId labelSet = groups.at(group).labelSet;
    const LabelSet *set = m_document->labelSet(labelSet);
    const auto edit = commands::addTrack(*m_document,
                                         set ? set->name : groups.at(group).name,
                                         labelSet);
    if (!execute(edit))
        return 0;
    return std::get<TrackChange>(edit->changes.constFirst()).after->id;
}

bool EditorSession::drawSegment(int group, Modality modality, int classIndex, Time onset, Time offset)
{
    if (!m_document) {
        Q_EMIT errorOccurred(tr("Open a video first."));
        return false;
    }
    const bool needsTrack = group >= 0 && group < m_model->groups().size()
                            && m_model->groups().at(group).track == 0;
    if (needsTrack)
        m_document->beginMacro(tr("Add event"));
    const TrackId track = ensureTrack(group);
    Result<Edit> edit
        = track ? commands::drawSegment(*m_document, track, modality, classIndex, onset, offset)
                : Result<Edit>(Error(tr("There is no track to draw into.")));
    const bool ok = execute(edit);
    if (needsTrack) {
        if (!ok) {
            m_document->abortMacro();
            return false;
        }
        if (const Status s = m_document->endMacro(); !s) {
            Q_EMIT errorOccurred(s.errorString());
            return false;
        }
    }
    if (ok)
        setSelection({std::get<SegmentChange>(edit->changes.constFirst()).after->id});
    return ok;
}

bool EditorSession::moveSelection(Time delta)
{
    if (m_selection.isEmpty() || delta == Time())
        return false;
    return execute(commands::moveSegments(*m_document, m_selection, delta));
}

bool EditorSession::resizeSegment(SegmentId id, Time onset, Time offset)
{
    if (!m_document)
        return false;
    return execute(commands::resizeSegment(*m_document, id, onset, offset));
}

bool EditorSession::splitAtPlayhead()
{
    if (!m_document)
        return false;
    const Time at = playhead();
    QList<SegmentId> targets;
    for (SegmentId id : std::as_const(m_selection)) {
        const Segment *s = m_document->segment(id);
        if (s && s->onset < at && at < s->offset)
            targets.append(id);
    }
    if (targets.isEmpty()) {
        Q_EMIT errorOccurred(tr("Select an event under the playhead to split it."));
        return false;
    }
    // Each split takes a new id from the pool, so build them one after another.
    m_document->beginMacro(targets.size() == 1 ? tr("Split event")
                                               : tr("Split %n events", nullptr, targets.size()));
    QList<SegmentId> parts;
    for (SegmentId id : std::as_const(targets)) {
        const auto edit = commands::splitSegment(*m_document, id, at);
        if (!execute(edit)) {
            m_document->abortMacro();
            return false;
        }
        for (const Change &c : edit->changes) {
            if (const auto *sc = std::get_if<SegmentChange>(&c); sc && sc->isInsert())
                parts.append(sc->after->id);
        }
    }
    if (const Status s = m_document->endMacro(); !s) {
        Q_EMIT errorOccurred(s.errorString());
        return false;
    }
    // Keep the parts after the playhead selected, as editors do after a razor cut.
    setSelection(parts);
    return true;
}

bool EditorSession::mergeSelection()
{
    if (m_selection.size() < 2) {
        Q_EMIT errorOccurred(tr("Select two or more events of one class to merge them."));
        return false;
    }
    const SegmentId keep = [&] {
        SegmentId first = m_selection.constFirst();
        for (SegmentId id : std::as_const(m_selection)) {
            const Segment *a = m_document->segment(id), *b = m_document->segment(first);
            if (a && b && std::tie(a->onset, a->id) < std::tie(b->onset, b->id))
                first = id;
        }
        return first;
    }();
    if (!execute(commands::mergeSegments(*m_document, m_selection)))
        return false;
    setSelection({keep});
    return true;
}

bool EditorSession::relabelSelection(int classIndex)
{
    if (m_selection.isEmpty()) {
        Q_EMIT errorOccurred(tr("Select the events to change their class."));
        return false;
    }
    return execute(commands::relabelSegments(*m_document, m_selection, classIndex));
}

bool EditorSession::relabelWithQuickKey(int n)
{
    const QList<int> classes = m_model->quickClasses(currentGroup());
    if (n < 0 || n >= classes.size()) {
        Q_EMIT errorOccurred(tr("No class has the number %1 in this track.").arg((n + 1) % 10));
        return false;
    }
    return relabelSelection(classes.at(n));
}

bool EditorSession::setSelectionModality(Modality modality)
{
    if (m_selection.isEmpty()) {
        Q_EMIT errorOccurred(tr("Select the events to change whether they are heard or seen."));
        return false;
    }
    return execute(commands::setModality(*m_document, m_selection, modality));
}

bool EditorSession::deleteSelection()
{
    if (m_selection.isEmpty())
        return false;
    return execute(commands::deleteSegments(*m_document, m_selection));
}

QList<SegmentId> EditorSession::unreviewedProposals() const
{
    QList<SegmentId> out;
    m_model->forEachLane([&](const TimelineLaneKey &, const TimelineLanes &lanes) {
        for (const TimelineItem &item : lanes.proposals.items()) {
            if (item.status == SegmentStatus::Proposed)
                out.append(item.id);
        }
    });
    return out;
}

bool EditorSession::acceptSelection()
{
    if (!m_document || m_selection.isEmpty()) {
        Q_EMIT errorOccurred(tr("Select the proposals to accept (N selects the next one)."));
        return false;
    }
    const bool single = m_selection.size() == 1;
    if (!execute(commands::acceptProposals(*m_document, m_selection))) {
        Q_EMIT message(tr("Nothing to accept: the selection has no open proposals."));
        return false;
    }
    if (single)
        selectNextProposal(1);
    return true;
}

bool EditorSession::rejectSelection()
{
    if (!m_document || m_selection.isEmpty()) {
        Q_EMIT errorOccurred(tr("Select the proposals to reject (N selects the next one)."));
        return false;
    }
    const bool single = m_selection.size() == 1;
    if (!execute(commands::rejectProposals(*m_document, m_selection))) {
        Q_EMIT message(tr("Nothing to reject: the selection has no proposals."));
        return false;
    }
    if (single)
        selectNextProposal(1);
    return true;
}

bool EditorSession::acceptAbove(double threshold)
{
    if (!m_document)
        return false;
    const QList<SegmentId> ids = commands::proposalsAbove(*m_document, threshold);
    if (ids.isEmpty()) {
        Q_EMIT message(
            tr("No open proposal has a confidence of %1% or more.").arg(qRound(threshold * 100)));
        return false;
    }
    return execute(commands::acceptProposals(*m_document, ids));
}

bool EditorSession::rejectBelow(double threshold)
{
    if (!m_document)
        return false;
    QList<SegmentId> ids;
    m_model->forEachLane([&](const TimelineLaneKey &, const TimelineLanes &lanes) {
        for (const TimelineItem &item : lanes.proposals.items()) {
            if (item.status == SegmentStatus::Proposed && item.confidence < threshold)
                ids.append(item.id);
        }
    });
    if (ids.isEmpty()) {
        Q_EMIT message(
            tr("No open proposal has a confidence below %1%.").arg(qRound(threshold * 100)));
        return false;
    }
    return execute(commands::rejectProposals(*m_document, ids));
}

bool EditorSession::selectNextProposal(int direction)
{
    if (!m_document)
        return false;
    // From the current segment, else from the playhead.
    std::pair<qint64, SegmentId> from{playhead().microseconds(), direction > 0 ? -1 : 0};
    if (const Segment *s = current() ? m_document->segment(current()) : nullptr)
        from = {s->onset.microseconds(), s->id};
    const Segment *best = nullptr;
    for (SegmentId id : unreviewedProposals()) {
        const Segment *s = m_document->segment(id);
        const std::pair<qint64, SegmentId> key{s->onset.microseconds(), s->id};
        if (direction > 0 ? key <= from : key >= from)
            continue;
        if (!best
            || (direction > 0 ? key < std::pair(best->onset.microseconds(), best->id)
                              : key > std::pair(best->onset.microseconds(), best->id)))
            best = s;
    }
    if (!best) {
        Q_EMIT message(direction > 0 ? tr("No more open proposals after this one.")
                                     : tr("No open proposals before this one."));
        return false;
    }
    const Time onset = best->onset, offset = best->offset;
    setSelection({best->id});
    Q_EMIT revealRequested(onset, offset);
    return true;
}

EditorSession::ProposalCounts EditorSession::proposalCounts() const
{
    ProposalCounts counts;
    m_model->forEachLane([&](const TimelineLaneKey &, const TimelineLanes &lanes) {
        for (const TimelineItem &item : lanes.proposals.items()) {
            if (item.status == SegmentStatus::Proposed)
                ++counts.unreviewed;
            else
                ++counts.rejected;
        }
        for (const TimelineItem &item : lanes.confirmed.items())
            counts.accepted += item.fromModel ? 1 : 0;
    });
    return counts;
}

int EditorSession::unreviewedAtOrAbove(double threshold) const
{
    int n = 0;
    m_model->forEachLane([&](const TimelineLaneKey &, const TimelineLanes &lanes) {
        for (const TimelineItem &item : lanes.proposals.items())
            n += item.status == SegmentStatus::Proposed && item.confidence >= threshold ? 1 : 0;
    });
    return n;
}

QMimeData *EditorSession::mimeFor(const QList<Segment> &segments) const
{
    const LabelSet *set = m_document->labelSetOfTrack(segments.constFirst().trackId);
    QJsonObject labels;
    labels.insert(QLatin1String("id"), set ? set->id : 0);
    labels.insert(QLatin1String("name"), set ? set->name : QString());
    labels.insert(QLatin1String("classes"),
                  QJsonArray::fromStringList(set ? set->classes : QStringList()));
    QJsonArray list;
    QString text;
    for (const Segment &s : segments) {
        QJsonObject o;
        o.insert(QLatin1String("onset_us"), s.onset.microseconds());
        o.insert(QLatin1String("offset_us"), s.offset.microseconds());
        o.insert(QLatin1String("class"), s.classIndex);
        o.insert(QLatin1String("modality"), modalityName(s.modality));
        list.append(o);
        text += QStringLiteral("%1\t%2\t%3\t%4\n")
                    .arg(QString::number(s.onset.seconds(), 'f', 6),
                         QString::number(s.offset.seconds(), 'f', 6),
                         set ? set->className(s.classIndex) : QString::number(s.classIndex),
                         modalityName(s.modality));
    }
    QJsonObject root;
    root.insert(QLatin1String("labelSet"), labels);
    root.insert(QLatin1String("segments"), list);
    auto *mime = new QMimeData;
    mime->setData(segmentsMimeType(), QJsonDocument(root).toJson(QJsonDocument::Compact));
    mime->setText(text);
    return mime;
}

bool EditorSession::copySelection()
{
    if (!m_document || m_selection.isEmpty()) {
        Q_EMIT errorOccurred(tr("Select the events to copy."));
        return false;
    }
    // Events of one label set at a time: those of the current segment's.
    const LabelSet *set = m_document->labelSetOfTrack(m_document->segment(current())->trackId);
    QList<Segment> segments;
    for (SegmentId id : std::as_const(m_selection)) {
        const Segment *s = m_document->segment(id);
        if (s && m_document->labelSetOfTrack(s->trackId) == set)
            segments.append(*s);
    }
    QApplication::clipboard()->setMimeData(mimeFor(segments));
    Q_EMIT message(tr("Copied %n event(s).", nullptr, int(segments.size())));
    return true;
}

bool EditorSession::cutSelection()
{
    return copySelection() && deleteSelection();
}

bool EditorSession::paste()
{
    if (!m_document) {
        Q_EMIT errorOccurred(tr("Open a video first."));
        return false;
    }
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    if (!mime || !mime->hasFormat(segmentsMimeType())) {
        Q_EMIT errorOccurred(tr("The clipboard holds no events to paste."));
        return false;
    }
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(mime->data(segmentsMimeType()), &error).object();
    const QJsonObject labels = root.value(QLatin1String("labelSet")).toObject();
    LabelSet source;
    source.id = labels.value(QLatin1String("id")).toInteger();
    source.name = labels.value(QLatin1String("name")).toString();
    for (const QJsonValue &v : labels.value(QLatin1String("classes")).toArray())
        source.classes.append(v.toString());
    QList<Segment> segments;
    for (const QJsonValue &v : root.value(QLatin1String("segments")).toArray()) {
        const QJsonObject o = v.toObject();
        Segment s;
        s.onset = Time::fromMicroseconds(o.value(QLatin1String("onset_us")).toInteger());
        s.offset = Time::fromMicroseconds(o.value(QLatin1String("offset_us")).toInteger());
        s.classIndex = o.value(QLatin1String("class")).toInt(-1);
        s.modality = modalityFromName(o.value(QLatin1String("modality")).toString())
                         .value_or(Modality::AudioVisual);
        if (s.isValid())
            segments.append(s);
    }
    if (error.error != QJsonParseError::NoError || segments.isEmpty()) {
        Q_EMIT errorOccurred(tr("The events on the clipboard cannot be read."));
        return false;
    }
    // Into the current group; else the first group of the copied label set; else the first.
    int group = current() ? currentGroup() : -1;
    if (group < 0) {
        const QList<TimelineGroup> &groups = m_model->groups();
        for (int i = 0; i < groups.size() && group < 0; ++i) {
            if (groups.at(i).labelSet == source.id)
                group = i;
        }
        group = std::max(group, 0);
    }
    const bool needsTrack = m_model->groups().value(group).track == 0;
    if (needsTrack)
        m_document->beginMacro(tr("Paste events"));
    const TrackId track = ensureTrack(group);
    const auto edit = track
                          ? commands::pasteSegments(*m_document, segments, source, track, playhead())
                          : Result<Edit>(Error(tr("There is no track to paste into.")));
    const bool ok = execute(edit);
    if (needsTrack) {
        if (!ok) {
            m_document->abortMacro();
            return false;
        }
        if (const Status s = m_document->endMacro(); !s) {
            Q_EMIT errorOccurred(s.errorString());
            return false;
        }
    }
    if (!ok)
        return false;
    QList<SegmentId> pasted;
    for (const Change &c : edit->changes) {
        if (const auto *sc = std::get_if<SegmentChange>(&c); sc && sc->isInsert())
            pasted.append(sc->after->id);
    }
    setSelection(pasted);
    return true;
}

bool EditorSession::undo()
{
    if (!m_document || !m_document->undoStack()->canUndo())
        return false;
    if (const Status s = m_document->undo(); !s) {
        Q_EMIT errorOccurred(s.errorString());
        return false;
    }
    return true;
}

bool EditorSession::redo()
{
    if (!m_document || !m_document->undoStack()->canRedo())
        return false;
    if (const Status s = m_document->redo(); !s) {
        Q_EMIT errorOccurred(s.errorString());
        return false;
    }
    return true;
}

bool EditorSession::setVideoStatus(ReviewStatus status)
{
    if (!m_document)
        return false;
    return execute(commands::setVideoStatus(*m_document, status));
}

} // namespace earmark::ui
