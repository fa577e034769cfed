#include "core/storage/annotationrepository.h"

#include "core/storage/internal/rows.h"
#include "core/storage/labelsetrepository.h"
#include "core/storage/videorepository.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace earmark::storage {

using namespace annotation;

namespace {

QString idList(const QList<qint64> &ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (qint64 id : ids)
        parts.append(QString::number(id));
    return parts.join(QLatin1Char(','));
}

QString whereClause(const AnnotationQuery &query)
{
    QStringList where;
    if (!query.videos.isEmpty())
        where << QStringLiteral("video_id IN (%1)").arg(idList(query.videos));
    if (query.labelSet != 0)
        where << QStringLiteral("track_id IN (SELECT id FROM tracks WHERE label_set_id = %1)")
                     .arg(query.labelSet);
    if (query.run != 0)
        where << QStringLiteral("run_id = %1").arg(query.run);
    if (query.confirmedOnly)
        where << QStringLiteral("status IN ('accepted', 'edited')");
    return where.isEmpty() ? QString()
                           : QStringLiteral(" WHERE ") + where.join(QLatin1String(" AND "));
}

} // namespace

AnnotationRepository::AnnotationRepository(std::shared_ptr<Database> db)
    : m_db(std::move(db))
{}

Result<IdRange> AnnotationRepository::reserveIds(qint64 count)
{
    qint64 first = 0;
    const Status s = m_db->transaction([&](QSqlDatabase &db) -> Status {
        auto r = internal::reserveIds(db, count);
        if (!r)
            return r.error();
        first = *r;
        return {};
    });
    if (!s)
        return Error(s.error().message, m_db->location());
    return IdRange{first, count};
}

Result<DocumentSnapshot> AnnotationRepository::loadSnapshot(VideoId video) const
{
    DocumentSnapshot snap;
    auto v = VideoRepository(m_db).byId(video);
    if (!v)
        return v.error();
    if (!v->has_value())
        return Error(QStringLiteral("video %1 is not in the library").arg(video), m_db->location());
    snap.video = **v;
    QSqlDatabase db = m_db->connection();
    auto sets = LabelSetRepository::all(db);
    if (!sets)
        return sets.error();
    snap.labelSets = *sets;
    auto tracks = this->tracks(video);
    if (!tracks)
        return tracks.error();
    snap.tracks = *tracks;
    AnnotationQuery query;
    query.videos = {video};
    auto segments = this->segments(query);
    if (!segments)
        return segments.error();
    snap.segments = *segments;
    auto objects = maskObjects(query);
    if (!objects)
        return objects.error();
    snap.maskObjects = *objects;
    QList<MaskObjectId> ids;
    for (const MaskObject &o : std::as_const(snap.maskObjects))
        ids.append(o.id);
    auto frames = maskFrames(ids);
    if (!frames)
        return frames.error();
    snap.maskFrames = *frames;
    return snap;
}

Status AnnotationRepository::applyEdit(const Edit &edit)
{
    const Status s = m_db->transaction([&](QSqlDatabase &db) -> Status {
        internal::RowWriter writer(db);
        for (const Change &c : edit.changes) {
            if (const Status st = writer.apply(c); !st)
                return st;
        }
        return writer.finish();
    });
    if (!s)
        return Error(QStringLiteral("cannot save \"%1\": %2").arg(edit.text, s.error().message),
                     m_db->location());
    return {};
}

Result<QList<Segment>> AnnotationRepository::segmentsIn(VideoId video, Time start, Time end) const
{
    QList<Segment> out;
    if (!(start < end))
        return out;
    // One statement of fixed text: for each duration class c (a segment of class c lasts at most
    // 2^c us), an index range scan of (video_id, span_class = c, onset_us in (start - 2^c, end)).
    // SQLite and PostgreSQL both run it as a nested loop over the 63 classes, each an index probe
    // (empty classes cost one probe). A scalar subquery on videos.segment_classes in the same
    // statement made SQLite build a Bloom filter over the whole table per query: it is not used.
    static const QString sql = [] {
        QStringList values, columns;
        for (int c = 0; c < 63; ++c)
            values << QStringLiteral("(%1, CAST(%2 AS BIGINT))").arg(c).arg(qint64(1) << c);
        for (const QString &col :
             QString::fromLatin1(internal::kSegmentColumns).split(QLatin1Char(',')))
            columns << QStringLiteral("s.") + col.trimmed();
        return QStringLiteral("WITH classes(k, longest) AS (VALUES %1) "
                              "SELECT %2 FROM classes c JOIN segments s"
                              " ON s.video_id = ? AND s.span_class = c.k"
                              " AND s.onset_us > ? - c.longest AND s.onset_us < ? "
                              "WHERE s.offset_us > ? ORDER BY s.onset_us, s.id")
            .arg(values.join(QStringLiteral(", ")), columns.join(QStringLiteral(", ")));
    }();
    QSqlQuery &q = *m_db->cachedQuery(sql);
    q.addBindValue(video);
    q.addBindValue(start.microseconds());
    q.addBindValue(end.microseconds());
    q.addBindValue(start.microseconds());
    if (!q.exec()) {
        const QString text = sqlErrorText(q);
        q.finish();
        return Error(QStringLiteral("cannot read the segments of video %1: %2").arg(video).arg(text),
                     m_db->location());
    }
    while (q.next())
        out.append(internal::readSegment(q));
    q.finish();
    return out;
}

Result<QList<Track>> AnnotationRepository::tracks(VideoId video) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM tracks WHERE video_id = ? ORDER BY id")
                  .arg(QLatin1String(internal::kTrackColumns)));
    q.addBindValue(video);
    if (!q.exec())
        return Error(QStringLiteral("cannot read the tracks of video %1: %2")
                         .arg(video)
                         .arg(sqlErrorText(q)),
                     m_db->location());
    QList<Track> out;
    while (q.next())
        out.append(internal::readTrack(q));
    return out;
}

Result<QList<Segment>> AnnotationRepository::segments(const AnnotationQuery &query) const
{
    QSqlQuery q(m_db->connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM segments%2 ORDER BY id")
                    .arg(QLatin1String(internal::kSegmentColumns), whereClause(query))))
        return Error(QStringLiteral("cannot read segments: %1").arg(sqlErrorText(q)),
                     m_db->location());
    QList<Segment> out;
    while (q.next())
        out.append(internal::readSegment(q));
    return out;
}

Result<qint64> AnnotationRepository::segmentCount(VideoId video) const
{
    QSqlQuery q(m_db->connection());
    if (video != 0) {
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM segments WHERE video_id = ?"));
        q.addBindValue(video);
    } else {
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM segments"));
    }
    if (!q.exec() || !q.next())
        return Error(QStringLiteral("cannot count segments: %1").arg(sqlErrorText(q)),
                     m_db->location());
    return q.value(0).toLongLong();
}

Result<QList<MaskObject>> AnnotationRepository::maskObjects(const AnnotationQuery &query) const
{
    QSqlQuery q(m_db->connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM mask_objects%2 ORDER BY id")
                    .arg(QLatin1String(internal::kMaskObjectColumns), whereClause(query))))
        return Error(QStringLiteral("cannot read mask objects: %1").arg(sqlErrorText(q)),
                     m_db->location());
    QList<MaskObject> out;
    while (q.next())
        out.append(internal::readMaskObject(q));
    return out;
}

Result<QList<MaskFrame>> AnnotationRepository::maskFrames(const QList<MaskObjectId> &objects) const
{
    QList<MaskFrame> out;
    if (objects.isEmpty())
        return out;
    QSqlQuery q(m_db->connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM mask_frames WHERE object_id IN (%2) "
                               "ORDER BY object_id, time_us")
                    .arg(QLatin1String(internal::kMaskFrameColumns), idList(objects))))
        return Error(QStringLiteral("cannot read mask frames: %1").arg(sqlErrorText(q)),
                     m_db->location());
    while (q.next()) {
        auto f = internal::readMaskFrame(q);
        if (!f)
            return Error(f.error().message, m_db->location());
        out.append(*f);
    }
    return out;
}

} // namespace earmark::storage
