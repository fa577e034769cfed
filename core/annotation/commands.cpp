#include "core/annotation/commands.h"

#include <QSet>

#include <algorithm>

namespace earmark::annotation::commands {

namespace {

QString plural(qsizetype n, const char *one, const char *many)
{
    return n == 1 ? QLatin1String(one) : QStringLiteral("%1 %2").arg(n).arg(QLatin1String(many));
}

// Marks `s` as changed by the document's person now; a proposal becomes Edited, keeping what the
// model predicted.
void touch(Segment &s, const Segment &original, const AnnotationDocument &doc)
{
    if (s.runId != 0 && s.status != SegmentStatus::Edited) {
        if (!s.attributes.contains(QLatin1String("proposed"))) {
            QJsonObject p;
            p.insert(QLatin1String("onset_us"), original.onset.microseconds());
            p.insert(QLatin1String("offset_us"), original.offset.microseconds());
            p.insert(QLatin1String("class"), original.classIndex);
            p.insert(QLatin1String("modality"), modalityName(original.modality));
            s.attributes.insert(QLatin1String("proposed"), p);
        }
        s.status = SegmentStatus::Edited;
    }
    s.author = doc.author();
    s.modified = nowUtc();
}

Result<const Segment *> find(const AnnotationDocument &doc, SegmentId id)
{
    const Segment *s = doc.segment(id);
    if (!s)
        return Error(QStringLiteral("segment %1 is not in this video").arg(id));
    return s;
}

Result<QList<Segment>> findAll(const AnnotationDocument &doc, const QList<SegmentId> &ids)
{
    QList<Segment> out;
    QSet<SegmentId> seen;
    for (SegmentId id : ids) {
        if (seen.contains(id))
            continue;
        seen.insert(id);
        auto s = find(doc, id);
        if (!s)
            return s.error();
        out.append(**s);
    }
    return out;
}

Status checkRange(const AnnotationDocument &doc, Time onset, Time offset)
{
    if (onset < Time())
        return Error(QStringLiteral("a segment cannot start before the video (%1)")
                         .arg(formatTime(onset, TimeFormat::Precise)));
    if (!(onset < offset))
        return Error(QStringLiteral("a segment must start before it ends (%1 to %2)")
                         .arg(formatTime(onset, TimeFormat::Precise),
                              formatTime(offset, TimeFormat::Precise)));
    const Time duration = doc.video().duration;
    if (duration > Time() && offset > duration)
        return Error(QStringLiteral("a segment cannot end after the video (%1 > %2)")
                         .arg(formatTime(offset, TimeFormat::Precise),
                              formatTime(duration, TimeFormat::Precise)));
    return {};
}

Status checkClass(const AnnotationDocument &doc, TrackId track, int classIndex)
{
    const LabelSet *set = doc.labelSetOfTrack(track);
    if (!set)
        return Error(QStringLiteral("track %1 is not in this video").arg(track));
    if (classIndex < 0 || classIndex >= set->size())
        return Error(QStringLiteral("class %1 is not in label set %2 (0 to %3)")
                         .arg(classIndex)
                         .arg(set->name)
                         .arg(set->size() - 1));
    return {};
}

} // namespace

Result<Edit> addTrack(AnnotationDocument &doc, const QString &name, LabelSetId labelSet)
{
    if (name.trimmed().isEmpty())
        return Error(QStringLiteral("a track needs a name"));
    if (!doc.labelSet(labelSet))
        return Error(QStringLiteral("label set %1 is not in this library").arg(labelSet));
    auto id = doc.takeId();
    if (!id)
        return id.error();
    Track t;
    t.id = *id;
    t.videoId = doc.videoId();
    t.name = name.trimmed();
    t.labelSetId = labelSet;
    t.created = nowUtc();
    Edit e{QStringLiteral("Add track %1").arg(t.name), {}};
    e.insert(t);
    return e;
}

Result<Edit> renameTrack(AnnotationDocument &doc, TrackId track, const QString &name)
{
    const Track *t = doc.track(track);
    if (!t)
        return Error(QStringLiteral("track %1 is not in this video").arg(track));
    if (name.trimmed().isEmpty())
        return Error(QStringLiteral("a track needs a name"));
    Track after = *t;
    after.name = name.trimmed();
    Edit e{QStringLiteral("Rename track to %1").arg(after.name), {}};
    if (after != *t)
        e.update(*t, after);
    return e;
}

Result<Edit> removeTrack(AnnotationDocument &doc, TrackId track)
{
    const Track *t = doc.track(track);
    if (!t)
        return Error(QStringLiteral("track %1 is not in this video").arg(track));
    Edit e{QStringLiteral("Remove track %1").arg(t->name), {}};
    for (const MaskObject &o : doc.maskObjects()) {
        if (o.trackId != track)
            continue;
        for (const MaskFrame &f : doc.maskFrames(o.id))
            e.remove(f);
        e.remove(o);
    }
    for (const Segment &s : doc.segmentsOfTrack(track))
        e.remove(s);
    e.remove(*t);
    return e;
}

Result<Edit> drawSegment(AnnotationDocument &doc,
                         TrackId track,
                         Modality modality,
                         int classIndex,
                         Time onset,
                         Time offset)
{
    if (const Status s = checkClass(doc, track, classIndex); !s)
        return s.error();
    if (const Status s = checkRange(doc, onset, offset); !s)
        return s.error();
    auto id = doc.takeId();
    if (!id)
        return id.error();
    Segment s;
    s.id = *id;
    s.videoId = doc.videoId();
    s.trackId = track;
    s.modality = modality;
    s.classIndex = classIndex;
    s.onset = onset;
    s.offset = offset;
    s.author = doc.author();
    s.status = SegmentStatus::Accepted;
    s.created = s.modified = nowUtc();
    Edit e{QStringLiteral("Add %1").arg(doc.labelSetOfTrack(track)->className(classIndex)), {}};
    e.insert(s);
    return e;
}

Result<Edit> moveSegments(AnnotationDocument &doc, const QList<SegmentId> &ids, Time delta)
{
    auto list = findAll(doc, ids);
    if (!list)
        return list.error();
    if (list->isEmpty())
        return Edit{};
    Time first = list->constFirst().onset, last = list->constFirst().offset;
    for (const Segment &s : std::as_const(*list)) {
        first = std::min(first, s.onset);
        last = std::max(last, s.offset);
    }
    if (first + delta < Time())
        delta = -first;
    const Time duration = doc.video().duration;
    if (duration > Time() && last + delta > duration)
        delta = duration - last;
    Edit e{QStringLiteral("Move %1").arg(plural(list->size(), "segment", "segments")), {}};
    if (delta == Time())
        return e;
    for (const Segment &s : std::as_const(*list)) {
        Segment after = s;
        after.onset += delta;
        after.offset += delta;
        touch(after, s, doc);
        e.update(s, after);
    }
    return e;
}

Result<Edit> resizeSegment(AnnotationDocument &doc, SegmentId id, Time onset, Time offset)
{
    auto s = find(doc, id);
    if (!s)
        return s.error();
    if (const Status st = checkRange(doc, onset, offset); !st)
        return st.error();
    Edit e{QStringLiteral("Resize segment"), {}};
    if (onset == (*s)->onset && offset == (*s)->offset)
        return e;
    Segment after = **s;
    after.onset = onset;
    after.offset = offset;
    touch(after, **s, doc);
    e.update(**s, after);
    return e;
}

Result<Edit> splitSegment(AnnotationDocument &doc, SegmentId id, Time at)
{
    auto s = find(doc, id);
    if (!s)
        return s.error();
    const Segment &orig = **s;
    if (!(orig.onset < at && at < orig.offset))
        return Error(QStringLiteral("the split point %1 is not inside the segment (%2 to %3)")
                         .arg(formatTime(at, TimeFormat::Precise),
                              formatTime(orig.onset, TimeFormat::Precise),
                              formatTime(orig.offset, TimeFormat::Precise)));
    auto newId = doc.takeId();
    if (!newId)
        return newId.error();
    Segment first = orig;
    first.offset = at;
    touch(first, orig, doc);
    Segment second = orig;
    second.id = *newId;
    second.onset = at;
    second.created = second.modified = nowUtc();
    second.author = doc.author();
    if (second.runId != 0) {
        second.runId = 0;
        second.confidence = 1.0;
        second.status = SegmentStatus::Accepted;
        second.attributes.remove(QLatin1String("proposed"));
    }
    Edit e{QStringLiteral("Split segment"), {}};
    e.update(orig, first);
    e.insert(second);
    return e;
}

Result<Edit> mergeSegments(AnnotationDocument &doc, const QList<SegmentId> &ids)
{
    auto list = findAll(doc, ids);
    if (!list)
        return list.error();
    if (list->size() < 2)
        return Error(QStringLiteral("select at least two segments to merge"));
    std::sort(list->begin(), list->end(), [](const Segment &a, const Segment &b) {
        return std::tie(a.onset, a.id) < std::tie(b.onset, b.id);
    });
    const Segment &keep = list->constFirst();
    Time end = keep.offset;
    for (const Segment &s : std::as_const(*list)) {
        if (s.trackId != keep.trackId || s.classIndex != keep.classIndex
            || s.modality != keep.modality)
            return Error(QStringLiteral("only segments of one track, class and modality can be "
                                        "merged"));
        end = std::max(end, s.offset);
    }
    Edit e{QStringLiteral("Merge %1 segments").arg(list->size()), {}};
    for (qsizetype i = 1; i < list->size(); ++i)
        e.remove(list->at(i));
    Segment after = keep;
    after.offset = end;
    touch(after, keep, doc);
    e.update(keep, after);
    return e;
}

Result<Edit> relabelSegments(AnnotationDocument &doc, const QList<SegmentId> &ids, int classIndex)
{
    auto list = findAll(doc, ids);
    if (!list)
        return list.error();
    Edit e;
    for (const Segment &s : std::as_const(*list)) {
        if (const Status st = checkClass(doc, s.trackId, classIndex); !st)
            return st.error();
        if (s.classIndex == classIndex)
            continue;
        Segment after = s;
        after.classIndex = classIndex;
        touch(after, s, doc);
        e.update(s, after);
    }
    QString className;
    if (!list->isEmpty())
        className = doc.labelSetOfTrack(list->constFirst().trackId)->className(classIndex);
    e.text = QStringLiteral("Change class to %1").arg(className);
    return e;
}

Result<Edit> setModality(AnnotationDocument &doc, const QList<SegmentId> &ids, Modality modality)
{
    auto list = findAll(doc, ids);
    if (!list)
        return list.error();
    Edit e{QStringLiteral("Change modality to %1").arg(modalityName(modality)), {}};
    for (const Segment &s : std::as_const(*list)) {
        if (s.modality == modality)
            continue;
        Segment after = s;
        after.modality = modality;
        touch(after, s, doc);
        e.update(s, after);
    }
    return e;
}

Result<Edit> deleteSegments(AnnotationDocument &doc, const QList<SegmentId> &ids)
{
    auto list = findAll(doc, ids);
    if (!list)
        return list.error();
    Edit e{QStringLiteral("Delete %1").arg(plural(list->size(), "segment", "segments")), {}};
    for (const Segment &s : std::as_const(*list))
        e.remove(s);
    return e;
}

Result<Edit> acceptProposals(AnnotationDocument &doc, const QList<SegmentId> &ids)
{
    auto list = findAll(doc, ids);
    if (!list)
        return list.error();
    Edit e;
    for (const Segment &s : std::as_const(*list)) {
        if (s.runId == 0
            || (s.status != SegmentStatus::Proposed && s.status != SegmentStatus::Rejected))
            continue;
        Segment after = s;
        after.status = SegmentStatus::Accepted;
        after.author = doc.author();
        after.modified = nowUtc();
        e.update(s, after);
    }
    e.text = QStringLiteral("Accept %1").arg(plural(e.changes.size(), "proposal", "proposals"));
    return e;
}

Result<Edit> rejectProposals(AnnotationDocument &doc, const QList<SegmentId> &ids)
{
    auto list = findAll(doc, ids);
    if (!list)
        return list.error();
    Edit e;
    for (const Segment &s : std::as_const(*list)) {
        if (s.runId == 0 || s.status == SegmentStatus::Rejected)
            continue;
        Segment after = s;
        after.status = SegmentStatus::Rejected;
        after.author = doc.author();
        after.modified = nowUtc();
        e.update(s, after);
    }
    e.text = QStringLiteral("Reject %1").arg(plural(e.changes.size(), "proposal", "proposals"));
    return e;
}

QList<SegmentId> proposalsAbove(const AnnotationDocument &doc, double threshold, TrackId track)
{
    QList<SegmentId> out;
    for (const Segment &s : doc.segments()) {
        if (s.runId != 0 && s.status == SegmentStatus::Proposed && s.confidence >= threshold
            && (track == 0 || s.trackId == track))
            out.append(s.id);
    }
    return out;
}

Result<Edit> pasteSegments(AnnotationDocument &doc,
                           const QList<Segment> &segments,
                           const LabelSet &sourceLabels,
                           TrackId track,
                           Time at)
{
    const LabelSet *target = doc.labelSetOfTrack(track);
    if (!target)
        return Error(QStringLiteral("track %1 is not in this video").arg(track));
    Edit e{QStringLiteral("Paste %1").arg(plural(segments.size(), "segment", "segments")), {}};
    if (segments.isEmpty())
        return e;
    Time first = segments.constFirst().onset;
    for (const Segment &s : segments)
        first = std::min(first, s.onset);
    QList<Segment> sorted = segments;
    std::sort(sorted.begin(), sorted.end(), [](const Segment &a, const Segment &b) {
        return std::tie(a.onset, a.id) < std::tie(b.onset, b.id);
    });
    const QDateTime now = nowUtc();
    for (const Segment &s : std::as_const(sorted)) {
        int cls = s.classIndex;
        if (sourceLabels.id != target->id) {
            const QString name = sourceLabels.className(s.classIndex);
            cls = target->indexOf(name);
            if (cls < 0)
                return Error(QStringLiteral("label set %1 has no class \"%2\"; add it or paste "
                                            "into a track of another label set")
                                 .arg(target->name, name));
        }
        Segment copy = s;
        copy.videoId = doc.videoId();
        copy.trackId = track;
        copy.classIndex = cls;
        copy.onset = s.onset - first + at;
        copy.offset = s.offset - first + at;
        copy.runId = 0;
        copy.confidence = 1.0;
        copy.status = SegmentStatus::Accepted;
        copy.author = doc.author();
        copy.created = copy.modified = now;
        copy.attributes.remove(QLatin1String("proposed"));
        if (const Status st = checkRange(doc, copy.onset, copy.offset); !st)
            return Error(QStringLiteral("cannot paste here: %1").arg(st.error().message));
        auto id = doc.takeId();
        if (!id)
            return id.error();
        copy.id = *id;
        e.insert(copy);
    }
    return e;
}

Result<Edit> setVideoStatus(AnnotationDocument &doc, ReviewStatus status)
{
    Edit e{QStringLiteral("Mark video %1").arg(reviewStatusName(status)), {}};
    if (doc.video().status != status)
        e.changes.append(VideoStatusChange{doc.videoId(), doc.video().status, status});
    return e;
}

Result<Edit> addMaskObject(AnnotationDocument &doc,
                           TrackId track,
                           int classIndex,
                           const QString &name)
{
    if (!doc.track(track))
        return Error(QStringLiteral("track %1 is not in this video").arg(track));
    if (classIndex >= 0) {
        if (const Status st = checkClass(doc, track, classIndex); !st)
            return st.error();
    }
    auto id = doc.takeId();
    if (!id)
        return id.error();
    MaskObject o;
    o.id = *id;
    o.videoId = doc.videoId();
    o.trackId = track;
    o.classIndex = classIndex;
    o.name = name;
    o.author = doc.author();
    o.created = o.modified = nowUtc();
    Edit e{QStringLiteral("Add object %1").arg(name), {}};
    e.insert(o);
    return e;
}

Result<Edit> setMaskFrame(AnnotationDocument &doc,
                          MaskObjectId object,
                          Time time,
                          const RleMask &mask)
{
    const MaskObject *o = doc.maskObject(object);
    if (!o)
        return Error(QStringLiteral("mask object %1 is not in this video").arg(object));
    if (mask.isNull())
        return Error(QStringLiteral("the mask is empty (0 x 0 pixels)"));
    Edit e{QStringLiteral("Paint mask"), {}};
    if (const MaskFrame *existing = doc.maskFrameAt(object, time)) {
        if (existing->mask == mask)
            return e;
        MaskFrame after = *existing;
        after.mask = mask;
        e.update(*existing, after);
    } else {
        auto id = doc.takeId();
        if (!id)
            return id.error();
        e.insert(MaskFrame{*id, object, doc.videoId(), time, mask});
    }
    if (o->runId != 0 && o->status != SegmentStatus::Edited) {
        MaskObject after = *o;
        after.status = SegmentStatus::Edited;
        after.author = doc.author();
        after.modified = nowUtc();
        e.update(*o, after);
    }
    return e;
}

Result<Edit> removeMaskFrame(AnnotationDocument &doc, MaskFrameId frame)
{
    const MaskFrame *f = doc.maskFrame(frame);
    if (!f)
        return Error(QStringLiteral("mask frame %1 is not in this video").arg(frame));
    Edit e{QStringLiteral("Remove mask frame"), {}};
    e.remove(*f);
    return e;
}

Result<Edit> removeMaskObject(AnnotationDocument &doc, MaskObjectId object)
{
    const MaskObject *o = doc.maskObject(object);
    if (!o)
        return Error(QStringLiteral("mask object %1 is not in this video").arg(object));
    Edit e{QStringLiteral("Remove object %1").arg(o->name), {}};
    for (const MaskFrame &f : doc.maskFrames(object))
        e.remove(f);
    e.remove(*o);
    return e;
}

} // namespace earmark::annotation::commands
