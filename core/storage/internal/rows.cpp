#include "core/storage/internal/rows.h"

#include "core/annotation/document.h"
#include "core/storage/database.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QVariant>

namespace earmark::storage::internal {

using namespace annotation;

const char kSegmentColumns[] = "id, video_id, track_id, modality, class_index, onset_us, "
                               "offset_us, run_id, author, confidence, status, created, "
                               "modified, attributes";
const char kTrackColumns[] = "id, video_id, name, label_set_id, run_id, created";
const char kMaskObjectColumns[] = "id, video_id, track_id, class_index, name, run_id, confidence, "
                                  "status, author, created, modified, attributes";
const char kMaskFrameColumns[] = "id, object_id, video_id, time_us, width, height, rle";
const char kModelRunColumns[] = "id, pack, version, task, label_set_id, parameters, started, "
                                "finished, author";

namespace {

QVariant nullableId(qint64 id)
{
    return id == 0 ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(id);
}

QString mismatch(const char *what, qint64 id)
{
    return QStringLiteral("the %1 %2 was changed or removed elsewhere (another window or "
                          "another person); reopen the video to see the library as it is")
        .arg(QLatin1String(what))
        .arg(id);
}

void bindSegment(QSqlQuery &q, const Segment &s)
{
    q.addBindValue(s.videoId);
    q.addBindValue(s.trackId);
    q.addBindValue(modalityName(s.modality));
    q.addBindValue(s.classIndex);
    q.addBindValue(s.onset.microseconds());
    q.addBindValue(s.offset.microseconds());
    q.addBindValue(durationClass(s.duration()));
    q.addBindValue(nullableId(s.runId));
    q.addBindValue(text(s.author));
    q.addBindValue(s.confidence);
    q.addBindValue(segmentStatusName(s.status));
    q.addBindValue(toMs(s.created));
    q.addBindValue(toMs(s.modified));
    q.addBindValue(toJson(s.attributes));
}

void bindMaskObject(QSqlQuery &q, const MaskObject &o)
{
    q.addBindValue(o.videoId);
    q.addBindValue(o.trackId);
    q.addBindValue(o.classIndex);
    q.addBindValue(text(o.name));
    q.addBindValue(nullableId(o.runId));
    q.addBindValue(o.confidence);
    q.addBindValue(segmentStatusName(o.status));
    q.addBindValue(text(o.author));
    q.addBindValue(toMs(o.created));
    q.addBindValue(toMs(o.modified));
    q.addBindValue(toJson(o.attributes));
}

Result<Segment> readRow(const QSqlQuery &q, const Segment *)
{
    return readSegment(q);
}
Result<Track> readRow(const QSqlQuery &q, const Track *)
{
    return readTrack(q);
}
Result<MaskObject> readRow(const QSqlQuery &q, const MaskObject *)
{
    return readMaskObject(q);
}
Result<MaskFrame> readRow(const QSqlQuery &q, const MaskFrame *)
{
    return readMaskFrame(q);
}

const char *nameOf(const Segment *)
{
    return "segment";
}
const char *nameOf(const Track *)
{
    return "track";
}
const char *nameOf(const MaskObject *)
{
    return "mask object";
}
const char *nameOf(const MaskFrame *)
{
    return "mask frame";
}

} // namespace

qint64 toMs(const QDateTime &t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

QDateTime fromMs(qint64 ms)
{
    return ms == 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QString toJson(const QJsonObject &o)
{
    return o.isEmpty() ? QStringLiteral("{}")
                       : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QJsonObject fromJson(const QString &text)
{
    if (text.isEmpty() || text == QLatin1String("{}"))
        return {};
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

Segment readSegment(const QSqlQuery &q)
{
    Segment s;
    s.id = q.value(0).toLongLong();
    s.videoId = q.value(1).toLongLong();
    s.trackId = q.value(2).toLongLong();
    s.modality = modalityFromName(q.value(3).toString()).value_or(Modality::AudioVisual);
    s.classIndex = q.value(4).toInt();
    s.onset = Time::fromMicroseconds(q.value(5).toLongLong());
    s.offset = Time::fromMicroseconds(q.value(6).toLongLong());
    s.runId = q.value(7).toLongLong();
    s.author = q.value(8).toString();
    s.confidence = q.value(9).toDouble();
    s.status = segmentStatusFromName(q.value(10).toString()).value_or(SegmentStatus::Accepted);
    s.created = fromMs(q.value(11).toLongLong());
    s.modified = fromMs(q.value(12).toLongLong());
    s.attributes = fromJson(q.value(13).toString());
    return s;
}

Track readTrack(const QSqlQuery &q)
{
    Track t;
    t.id = q.value(0).toLongLong();
    t.videoId = q.value(1).toLongLong();
    t.name = q.value(2).toString();
    t.labelSetId = q.value(3).toLongLong();
    t.runId = q.value(4).toLongLong();
    t.created = fromMs(q.value(5).toLongLong());
    return t;
}

MaskObject readMaskObject(const QSqlQuery &q)
{
    MaskObject o;
    o.id = q.value(0).toLongLong();
    o.videoId = q.value(1).toLongLong();
    o.trackId = q.value(2).toLongLong();
    o.classIndex = q.value(3).toInt();
    o.name = q.value(4).toString();
    o.runId = q.value(5).toLongLong();
    o.confidence = q.value(6).toDouble();
    o.status = segmentStatusFromName(q.value(7).toString()).value_or(SegmentStatus::Accepted);
    o.author = q.value(8).toString();
    o.created = fromMs(q.value(9).toLongLong());
    o.modified = fromMs(q.value(10).toLongLong());
    o.attributes = fromJson(q.value(11).toString());
    return o;
}

Result<MaskFrame> readMaskFrame(const QSqlQuery &q)
{
    MaskFrame f;
    f.id = q.value(0).toLongLong();
    f.objectId = q.value(1).toLongLong();
    f.videoId = q.value(2).toLongLong();
    f.time = Time::fromMicroseconds(q.value(3).toLongLong());
    auto mask = RleMask::fromBytes(q.value(6).toByteArray());
    if (!mask || mask->width() != q.value(4).toInt() || mask->height() != q.value(5).toInt())
        return Error(QStringLiteral("mask frame %1 is damaged in the library").arg(f.id));
    f.mask = *mask;
    return f;
}

ModelRun readModelRun(const QSqlQuery &q)
{
    ModelRun r;
    r.id = q.value(0).toLongLong();
    r.pack = q.value(1).toString();
    r.version = q.value(2).toString();
    r.task = q.value(3).toString();
    r.labelSetId = q.value(4).toLongLong();
    r.parameters = fromJson(q.value(5).toString());
    r.started = fromMs(q.value(6).toLongLong());
    r.finished = fromMs(q.value(7).toLongLong());
    r.author = q.value(8).toString();
    return r;
}

Result<qint64> reserveIds(QSqlDatabase &db, qint64 count)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE earmark_ids SET next_id = next_id + ? "
                             "WHERE name = 'annotation' RETURNING next_id"));
    q.addBindValue(count);
    if (!q.exec() || !q.next())
        return Error(QStringLiteral("cannot reserve ids: %1").arg(sqlErrorText(q)));
    return q.value(0).toLongLong() - count;
}

RowWriter::RowWriter(QSqlDatabase &db)
    : m_db(db)
    , m_insertSegment(db)
{
    m_insertSegment.prepare(QStringLiteral("INSERT INTO segments (id, video_id, track_id, "
                                           "modality, class_index, onset_us, offset_us, "
                                           "span_class, run_id, author, confidence, status, "
                                           "created, modified, attributes) "
                                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
}

Status RowWriter::insert(const Segment &s)
{
    if (!s.isValid())
        return Error(QStringLiteral("segment %1 is not valid (it must start at 0 or later, "
                                    "before it ends, and have a class)")
                         .arg(s.id));
    m_insertSegment.addBindValue(s.id);
    bindSegment(m_insertSegment, s);
    if (!m_insertSegment.exec())
        return Error(QStringLiteral("cannot store segment %1: %2")
                         .arg(s.id)
                         .arg(sqlErrorText(m_insertSegment)));
    m_classes[s.videoId] |= qint64(1) << durationClass(s.duration());
    return {};
}

Status RowWriter::insert(const Track &t)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO tracks (id, video_id, name, label_set_id, run_id, "
                             "created) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(t.id);
    q.addBindValue(t.videoId);
    q.addBindValue(text(t.name));
    q.addBindValue(t.labelSetId);
    q.addBindValue(nullableId(t.runId));
    q.addBindValue(toMs(t.created));
    if (!q.exec())
        return Error(QStringLiteral("cannot store track %1: %2").arg(t.id).arg(sqlErrorText(q)));
    return {};
}

Status RowWriter::insert(const MaskObject &o)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO mask_objects (id, video_id, track_id, class_index, "
                             "name, run_id, confidence, status, author, created, modified, "
                             "attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(o.id);
    bindMaskObject(q, o);
    if (!q.exec())
        return Error(
            QStringLiteral("cannot store mask object %1: %2").arg(o.id).arg(sqlErrorText(q)));
    return {};
}

Status RowWriter::insert(const MaskFrame &f)
{
    if (f.mask.isNull())
        return Error(QStringLiteral("mask frame %1 has no pixels").arg(f.id));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO mask_frames (id, object_id, video_id, time_us, width, "
                             "height, rle) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(f.id);
    q.addBindValue(f.objectId);
    q.addBindValue(f.videoId);
    q.addBindValue(f.time.microseconds());
    q.addBindValue(f.mask.width());
    q.addBindValue(f.mask.height());
    q.addBindValue(f.mask.toBytes());
    if (!q.exec())
        return Error(
            QStringLiteral("cannot store mask frame %1: %2").arg(f.id).arg(sqlErrorText(q)));
    return {};
}

template<typename T>
Status RowWriter::checkStored(const char *table, const char *columns, const T &before)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?")
                  .arg(QLatin1String(columns), QLatin1String(table)));
    q.addBindValue(before.id);
    if (!q.exec())
        return Error(QStringLiteral("cannot read %1 %2: %3")
                         .arg(QLatin1String(nameOf(&before)))
                         .arg(before.id)
                         .arg(sqlErrorText(q)));
    if (!q.next())
        return Error(mismatch(nameOf(&before), before.id));
    auto stored = readRow(q, &before);
    if (!stored)
        return stored.error();
    if (!(*stored == before))
        return Error(mismatch(nameOf(&before), before.id));
    return {};
}

Status RowWriter::removeRow(const char *table, qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(QLatin1String(table)));
    q.addBindValue(id);
    if (!q.exec())
        return Error(QStringLiteral("cannot remove %1 from %2: %3")
                         .arg(id)
                         .arg(QLatin1String(table))
                         .arg(sqlErrorText(q)));
    return {};
}

Status RowWriter::updateSegment(const Segment &before, const Segment &after)
{
    if (!after.isValid() || after.id != before.id)
        return Error(QStringLiteral("segment %1 is not valid").arg(after.id));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE segments SET video_id = ?, track_id = ?, modality = ?, "
                             "class_index = ?, onset_us = ?, offset_us = ?, span_class = ?, "
                             "run_id = ?, author = ?, confidence = ?, status = ?, created = ?, "
                             "modified = ?, attributes = ? WHERE id = ?"));
    bindSegment(q, after);
    q.addBindValue(after.id);
    if (!q.exec())
        return Error(
            QStringLiteral("cannot store segment %1: %2").arg(after.id).arg(sqlErrorText(q)));
    m_classes[after.videoId] |= qint64(1) << durationClass(after.duration());
    return {};
}

Status RowWriter::apply(const Change &change)
{
    if (const auto *c = std::get_if<SegmentChange>(&change)) {
        if (c->before) {
            if (const Status s = checkStored("segments", kSegmentColumns, *c->before); !s)
                return s;
        }
        if (c->before && c->after)
            return updateSegment(*c->before, *c->after);
        if (c->after)
            return insert(*c->after);
        return removeRow("segments", c->before->id);
    }
    if (const auto *c = std::get_if<TrackChange>(&change)) {
        if (c->before) {
            if (const Status s = checkStored("tracks", kTrackColumns, *c->before); !s)
                return s;
        }
        if (c->before && c->after) {
            QSqlQuery q(m_db);
            q.prepare(QStringLiteral("UPDATE tracks SET video_id = ?, name = ?, label_set_id = ?, "
                                     "run_id = ?, created = ? WHERE id = ?"));
            q.addBindValue(c->after->videoId);
            q.addBindValue(text(c->after->name));
            q.addBindValue(c->after->labelSetId);
            q.addBindValue(nullableId(c->after->runId));
            q.addBindValue(toMs(c->after->created));
            q.addBindValue(c->after->id);
            if (!q.exec())
                return Error(QStringLiteral("cannot store track %1: %2")
                                 .arg(c->after->id)
                                 .arg(sqlErrorText(q)));
            return {};
        }
        if (c->after)
            return insert(*c->after);
        return removeRow("tracks", c->before->id);
    }
    if (const auto *c = std::get_if<MaskObjectChange>(&change)) {
        if (c->before) {
            if (const Status s = checkStored("mask_objects", kMaskObjectColumns, *c->before); !s)
                return s;
        }
        if (c->before && c->after) {
            QSqlQuery q(m_db);
            q.prepare(QStringLiteral("UPDATE mask_objects SET video_id = ?, track_id = ?, "
                                     "class_index = ?, name = ?, run_id = ?, confidence = ?, "
                                     "status = ?, author = ?, created = ?, modified = ?, "
                                     "attributes = ? WHERE id = ?"));
            bindMaskObject(q, *c->after);
            q.addBindValue(c->after->id);
            if (!q.exec())
                return Error(QStringLiteral("cannot store mask object %1: %2")
                                 .arg(c->after->id)
                                 .arg(sqlErrorText(q)));
            return {};
        }
        if (c->after)
            return insert(*c->after);
        return removeRow("mask_objects", c->before->id);
    }
    if (const auto *c = std::get_if<MaskFrameChange>(&change)) {
        if (c->before) {
            if (const Status s = checkStored("mask_frames", kMaskFrameColumns, *c->before); !s)
                return s;
        }
        if (c->before && c->after) {
            QSqlQuery q(m_db);
            q.prepare(QStringLiteral("UPDATE mask_frames SET object_id = ?, video_id = ?, "
                                     "time_us = ?, width = ?, height = ?, rle = ? WHERE id = ?"));
            q.addBindValue(c->after->objectId);
            q.addBindValue(c->after->videoId);
            q.addBindValue(c->after->time.microseconds());
            q.addBindValue(c->after->mask.width());
            q.addBindValue(c->after->mask.height());
            q.addBindValue(c->after->mask.toBytes());
            q.addBindValue(c->after->id);
            if (!q.exec())
                return Error(QStringLiteral("cannot store mask frame %1: %2")
                                 .arg(c->after->id)
                                 .arg(sqlErrorText(q)));
            return {};
        }
        if (c->after)
            return insert(*c->after);
        return removeRow("mask_frames", c->before->id);
    }
    const auto &c = std::get<VideoStatusChange>(change);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE videos SET status = ? WHERE id = ? AND status = ?"));
    q.addBindValue(reviewStatusName(c.after));
    q.addBindValue(c.videoId);
    q.addBindValue(reviewStatusName(c.before));
    if (!q.exec())
        return Error(QStringLiteral("cannot set the status of video %1: %2")
                         .arg(c.videoId)
                         .arg(sqlErrorText(q)));
    if (q.numRowsAffected() != 1)
        return Error(mismatch("video", c.videoId));
    return {};
}

Status RowWriter::finish()
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE videos SET segment_classes = segment_classes | ? "
                             "WHERE id = ? AND (segment_classes & ?) <> ?"));
    for (auto it = m_classes.cbegin(); it != m_classes.cend(); ++it) {
        q.addBindValue(it.value());
        q.addBindValue(it.key());
        q.addBindValue(it.value());
        q.addBindValue(it.value());
        if (!q.exec())
            return Error(
                QStringLiteral("cannot update video %1: %2").arg(it.key()).arg(sqlErrorText(q)));
    }
    m_classes.clear();
    return {};
}

} // namespace earmark::storage::internal
