#include "core/annotation/document.h"

#include "core/base/log.h"

#include <QtGlobal>

#include <algorithm>
#include <bit>
#include <limits>

namespace earmark::annotation {

namespace {

QString defaultAuthor()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return name.isEmpty() ? QStringLiteral("unknown") : name;
}

QString mismatch(const char *what, qint64 id)
{
    return QStringLiteral("the %1 %2 changed since the edit was made; nothing was changed")
        .arg(QLatin1String(what))
        .arg(id);
}

} // namespace

int durationClass(Time duration)
{
    const qint64 d = duration.microseconds();
    if (d <= 1)
        return 0;
    return int(std::bit_width(quint64(d - 1)));
}

AnnotationDocument::AnnotationDocument(DocumentSnapshot snapshot, QObject *parent)
    : QObject(parent)
    , m_video(std::move(snapshot.video))
    , m_undo(new UndoStack(this))
    , m_author(defaultAuthor())
{
    for (const LabelSet &set : std::as_const(snapshot.labelSets))
        m_labelSets.insert(set.id, set);
    for (const Track &t : std::as_const(snapshot.tracks))
        m_tracks.emplace(t.id, t);
    m_segments.reserve(snapshot.segments.size());
    for (const Segment &s : std::as_const(snapshot.segments)) {
        m_segments.insert(s.id, s);
        indexSegment(s);
    }
    for (const MaskObject &o : std::as_const(snapshot.maskObjects))
        m_objects.emplace(o.id, o);
    for (const MaskFrame &f : std::as_const(snapshot.maskFrames)) {
        m_frames.insert(f.id, f);
        m_framesByTime.emplace(std::make_pair(f.objectId, f.time.microseconds()), f.id);
    }
}

AnnotationDocument::~AnnotationDocument() = default;

const LabelSet *AnnotationDocument::labelSet(LabelSetId id) const
{
    const auto it = m_labelSets.constFind(id);
    return it == m_labelSets.cend() ? nullptr : &*it;
}

const LabelSet *AnnotationDocument::labelSetOfTrack(TrackId track) const
{
    const Track *t = this->track(track);
    return t ? labelSet(t->labelSetId) : nullptr;
}

void AnnotationDocument::updateLabelSet(const LabelSet &set)
{
    m_labelSets.insert(set.id, set);
}

QList<Track> AnnotationDocument::tracks() const
{
    QList<Track> out;
    out.reserve(qsizetype(m_tracks.size()));
    for (const auto &[id, t] : m_tracks)
        out.append(t);
    return out;
}

const Track *AnnotationDocument::track(TrackId id) const
{
    const auto it = m_tracks.find(id);
    return it == m_tracks.end() ? nullptr : &it->second;
}

const Segment *AnnotationDocument::segment(SegmentId id) const
{
    const auto it = m_segments.constFind(id);
    return it == m_segments.cend() ? nullptr : &*it;
}

QList<Segment> AnnotationDocument::segments() const
{
    QList<Segment> out = m_segments.values();
    std::sort(out.begin(), out.end(), [](const Segment &a, const Segment &b) {
        return a.id < b.id;
    });
    return out;
}

QList<Segment> AnnotationDocument::segmentsOfTrack(TrackId track) const
{
    QList<Segment> out;
    for (const Segment &s : m_segments) {
        if (s.trackId == track)
            out.append(s);
    }
    std::sort(out.begin(), out.end(), [](const Segment &a, const Segment &b) {
        return std::tie(a.onset, a.id) < std::tie(b.onset, b.id);
    });
    return out;
}

QList<Segment> AnnotationDocument::segmentsIn(Time start, Time end) const
{
    QList<Segment> out;
    if (!(start < end))
        return out;
    const qint64 s = start.microseconds(), e = end.microseconds();
    for (int c = 0; c < int(m_byClass.size()); ++c) {
        const auto &set = m_byClass[size_t(c)];
        if (set.empty())
            continue;
        // A segment of class c lasts at most 2^c, so one that reaches past `start` begins after
        // start - 2^c.
        const qint64 longest = c >= 62 ? std::numeric_limits<qint64>::max() / 2 : (qint64(1) << c);
        auto it = set.lower_bound({s - longest, std::numeric_limits<SegmentId>::min()});
        for (; it != set.end() && it->first < e; ++it) {
            const Segment &seg = m_segments[it->second];
            if (seg.offset.microseconds() > s)
                out.append(seg);
        }
    }
    std::sort(out.begin(), out.end(), [](const Segment &a, const Segment &b) {
        return std::tie(a.onset, a.id) < std::tie(b.onset, b.id);
    });
    return out;
}

QList<MaskObject> AnnotationDocument::maskObjects() const
{
    QList<MaskObject> out;
    for (const auto &[id, o] : m_objects)
        out.append(o);
    return out;
}

const MaskObject *AnnotationDocument::maskObject(MaskObjectId id) const
{
    const auto it = m_objects.find(id);
    return it == m_objects.end() ? nullptr : &it->second;
}

QList<MaskFrame> AnnotationDocument::maskFrames(MaskObjectId object) const
{
    QList<MaskFrame> out;
    for (auto it = m_framesByTime.lower_bound({object, std::numeric_limits<qint64>::min()});
         it != m_framesByTime.end() && it->first.first == object;
         ++it)
        out.append(m_frames.value(it->second));
    return out;
}

const MaskFrame *AnnotationDocument::maskFrame(MaskFrameId id) const
{
    const auto it = m_frames.constFind(id);
    return it == m_frames.cend() ? nullptr : &*it;
}

const MaskFrame *AnnotationDocument::maskFrameAt(MaskObjectId object, Time time) const
{
    const auto it = m_framesByTime.find({object, time.microseconds()});
    return it == m_framesByTime.end() ? nullptr : maskFrame(it->second);
}

void AnnotationDocument::indexSegment(const Segment &s)
{
    m_byClass[size_t(durationClass(s.duration()))].emplace(s.onset.microseconds(), s.id);
}

void AnnotationDocument::unindexSegment(const Segment &s)
{
    m_byClass[size_t(durationClass(s.duration()))].erase({s.onset.microseconds(), s.id});
}

Status AnnotationDocument::applyChange(const Change &change)
{
    if (const auto *c = std::get_if<SegmentChange>(&change)) {
        const qint64 id = c->id();
        const auto it = m_segments.find(id);
        if (c->before) {
            if (it == m_segments.end() || !(*it == *c->before))
                return Error(mismatch("segment", id));
        } else if (it != m_segments.end()) {
            return Error(QStringLiteral("segment %1 exists already; nothing was changed").arg(id));
        }
        if (c->after) {
            if (!c->after->isValid() || c->after->videoId != m_video.id
                || !m_tracks.count(c->after->trackId))
                return Error(QStringLiteral("segment %1 is not valid here (it must start before "
                                            "it ends, at 0 or later, in a track of this video, "
                                            "with a class); nothing was changed")
                                 .arg(id));
        }
        if (c->before) {
            unindexSegment(*c->before);
            m_segments.erase(it);
        }
        if (c->after) {
            m_segments.insert(id, *c->after);
            indexSegment(*c->after);
        }
        return {};
    }
    if (const auto *c = std::get_if<TrackChange>(&change)) {
        const qint64 id = c->id();
        const auto it = m_tracks.find(id);
        if (c->before) {
            if (it == m_tracks.end() || !(it->second == *c->before))
                return Error(mismatch("track", id));
        } else if (it != m_tracks.end()) {
            return Error(QStringLiteral("track %1 exists already; nothing was changed").arg(id));
        }
        if (c->after && (c->after->videoId != m_video.id || !labelSet(c->after->labelSetId)))
            return Error(QStringLiteral("track %1 is not valid here; nothing was changed").arg(id));
        if (!c->after) {
            for (const Segment &s : m_segments) {
                if (s.trackId == id)
                    return Error(QStringLiteral("track %1 still holds segments; remove them "
                                                "first; nothing was changed")
                                     .arg(id));
            }
            for (const auto &[oid, o] : m_objects) {
                if (o.trackId == id)
                    return Error(QStringLiteral("track %1 still holds mask objects; remove "
                                                "them first; nothing was changed")
                                     .arg(id));
            }
        }
        if (c->before)
            m_tracks.erase(it);
        if (c->after)
            m_tracks.emplace(id, *c->after);
        return {};
    }
    if (const auto *c = std::get_if<MaskObjectChange>(&change)) {
        const qint64 id = c->id();
        const auto it = m_objects.find(id);
        if (c->before) {
            if (it == m_objects.end() || !(it->second == *c->before))
                return Error(mismatch("mask object", id));
        } else if (it != m_objects.end()) {
            return Error(
                QStringLiteral("mask object %1 exists already; nothing was changed").arg(id));
        }
        if (c->after && (c->after->videoId != m_video.id || !m_tracks.count(c->after->trackId)))
            return Error(
                QStringLiteral("mask object %1 is not valid here; nothing was changed").arg(id));
        if (!c->after) {
            const auto first = m_framesByTime.lower_bound({id, std::numeric_limits<qint64>::min()});
            if (first != m_framesByTime.end() && first->first.first == id)
                return Error(QStringLiteral("mask object %1 still has frames; remove them first; "
                                            "nothing was changed")
                                 .arg(id));
        }
        if (c->before)
            m_objects.erase(it);
        if (c->after)
            m_objects.emplace(id, *c->after);
        return {};
    }
    if (const auto *c = std::get_if<MaskFrameChange>(&change)) {
        const qint64 id = c->id();
        const auto it = m_frames.find(id);
        if (c->before) {
            if (it == m_frames.end() || !(*it == *c->before))
                return Error(mismatch("mask frame", id));
        } else if (it != m_frames.end()) {
            return Error(
                QStringLiteral("mask frame %1 exists already; nothing was changed").arg(id));
        }
        if (c->after) {
            const auto clash = m_framesByTime.find(
                {c->after->objectId, c->after->time.microseconds()});
            const bool clashes = clash != m_framesByTime.end() && clash->second != id;
            if (!m_objects.count(c->after->objectId) || c->after->videoId != m_video.id || clashes
                || c->after->mask.isNull())
                return Error(QStringLiteral("mask frame %1 is not valid here (one frame per "
                                            "object and time); nothing was changed")
                                 .arg(id));
        }
        if (c->before) {
            m_framesByTime.erase({c->before->objectId, c->before->time.microseconds()});
            m_frames.erase(it);
        }
        if (c->after) {
            m_frames.insert(id, *c->after);
            m_framesByTime.emplace(std::make_pair(c->after->objectId, c->after->time.microseconds()),
                                   id);
        }
        return {};
    }
    const auto &c = std::get<VideoStatusChange>(change);
    if (c.videoId != m_video.id || m_video.status != c.before)
        return Error(mismatch("status of video", c.videoId));
    m_video.status = c.after;
    return {};
}

void AnnotationDocument::revertChange(const Change &change)
{
    // The inverse of a change that was just applied always applies.
    const Edit undo = Edit{QString(), {change}}.inverse();
    const Status s = applyChange(undo.changes.constFirst());
    (void) EARMARK_CHECK(s.ok());
}

Status AnnotationDocument::applyInMemory(const Edit &edit)
{
    for (qsizetype i = 0; i < edit.changes.size(); ++i) {
        const Status s = applyChange(edit.changes.at(i));
        if (!s) {
            for (qsizetype j = i - 1; j >= 0; --j)
                revertChange(edit.changes.at(j));
            return s;
        }
    }
    return {};
}

void AnnotationDocument::persist(const Edit &edit)
{
    if (m_sink)
        m_sink->persist(edit);
}

Status AnnotationDocument::execute(Edit edit)
{
    if (isStale())
        return Error(QStringLiteral("these annotations could not be saved (%1); reopen the video")
                         .arg(m_staleReason));
    if (edit.isEmpty())
        return {};
    const Status s = applyInMemory(edit);
    if (!s)
        return s;
    if (m_macro) {
        m_macro->changes += edit.changes;
    } else {
        persist(edit);
        m_undo->push(edit);
    }
    Q_EMIT changed(edit);
    return {};
}

Status AnnotationDocument::undo()
{
    if (m_macro)
        return Error(QStringLiteral("finish the current edit before undoing"));
    if (isStale())
        return Error(QStringLiteral("these annotations could not be saved (%1); reopen the video")
                         .arg(m_staleReason));
    if (!m_undo->canUndo())
        return {};
    const Edit inverse = m_undo->edit(m_undo->index() - 1).inverse();
    const Status s = applyInMemory(inverse);
    if (!s)
        return s;
    persist(inverse);
    m_undo->moveIndex(m_undo->index() - 1);
    Q_EMIT changed(inverse);
    return {};
}

Status AnnotationDocument::redo()
{
    if (m_macro)
        return Error(QStringLiteral("finish the current edit before redoing"));
    if (isStale())
        return Error(QStringLiteral("these annotations could not be saved (%1); reopen the video")
                         .arg(m_staleReason));
    if (!m_undo->canRedo())
        return {};
    const Edit edit = m_undo->edit(m_undo->index());
    const Status s = applyInMemory(edit);
    if (!s)
        return s;
    persist(edit);
    m_undo->moveIndex(m_undo->index() + 1);
    Q_EMIT changed(edit);
    return {};
}

Status AnnotationDocument::setIndex(int index)
{
    index = std::clamp(index, 0, m_undo->count());
    while (m_undo->index() > index) {
        if (const Status s = undo(); !s)
            return s;
    }
    while (m_undo->index() < index) {
        if (const Status s = redo(); !s)
            return s;
    }
    return {};
}

void AnnotationDocument::beginMacro(const QString &text)
{
    if (!EARMARK_CHECK(!m_macro))
        return;
    m_macro = Edit{text, {}};
}

Status AnnotationDocument::endMacro()
{
    if (!m_macro)
        return {};
    Edit edit = std::move(*m_macro);
    m_macro.reset();
    if (edit.isEmpty())
        return {};
    persist(edit);
    m_undo->push(edit);
    return {};
}

void AnnotationDocument::abortMacro()
{
    if (!m_macro)
        return;
    const Edit done = std::move(*m_macro);
    m_macro.reset();
    if (done.isEmpty())
        return;
    const Edit back = done.inverse();
    const Status s = applyInMemory(back);
    if (EARMARK_CHECK(s.ok()))
        Q_EMIT changed(back);
}

qint64 AnnotationDocument::availableIds() const
{
    qint64 n = 0;
    for (const IdRange &r : m_ids)
        n += r.count;
    return n;
}

void AnnotationDocument::addIds(IdRange range)
{
    m_idsRequested = false;
    if (range.count > 0)
        m_ids.append(range);
}

void AnnotationDocument::topUpIds()
{
    if (m_sink && !m_idsRequested && availableIds() < lowWaterMark()) {
        m_idsRequested = true;
        m_sink->requestIds(refillSize());
    }
}

Result<qint64> AnnotationDocument::takeId()
{
    while (!m_ids.isEmpty() && m_ids.constFirst().count == 0)
        m_ids.removeFirst();
    if (m_ids.isEmpty()) {
        topUpIds();
        return Error(QStringLiteral("the library has not handed out new ids yet; try again in a "
                                    "moment"));
    }
    IdRange &r = m_ids.first();
    const qint64 id = r.first;
    ++r.first;
    --r.count;
    topUpIds();
    return id;
}

void AnnotationDocument::reportPersistFailure(const QString &message)
{
    if (isStale())
        return;
    m_staleReason = message;
    Q_EMIT persistFailed(message);
}

} // namespace earmark::annotation
