#include "core/storage/modelrunrepository.h"

#include "core/storage/internal/rows.h"
#include "core/storage/labelsetrepository.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariant>

namespace earmark::storage {

using namespace annotation;

ModelRunRepository::ModelRunRepository(std::shared_ptr<Database> db)
    : m_db(std::move(db))
{}

Result<StoredRun> ModelRunRepository::addRunWithResults(const ModelRun &run,
                                                        const QList<RunResult> &results)
{
    StoredRun out;
    const Status status = m_db->transaction([&](QSqlDatabase &db) -> Status {
        auto sets = LabelSetRepository::all(db);
        if (!sets)
            return sets.error();
        const LabelSet *labels = nullptr;
        for (const LabelSet &s : std::as_const(*sets)) {
            if (s.id == run.labelSetId)
                labels = &s;
        }
        if (!labels)
            return Error(QStringLiteral("the model run names label set %1, which is not in the "
                                        "library")
                             .arg(run.labelSetId));
        // Which videos are still here.
        QList<const RunResult *> present;
        QSqlQuery exists(db);
        exists.prepare(QStringLiteral("SELECT 1 FROM videos WHERE id = ?"));
        for (const RunResult &r : results) {
            exists.addBindValue(r.videoId);
            if (!exists.exec())
                return Error(QStringLiteral("cannot read the videos: %1").arg(sqlErrorText(exists)));
            if (exists.next())
                present.append(&r);
            else
                out.missingVideos.append(r.videoId);
        }
        if (present.isEmpty())
            return Error(QStringLiteral("the videos of this model run are no longer in the "
                                        "library; nothing was stored"));

        qint64 needed = 1;
        for (const RunResult *r : std::as_const(present))
            needed += 1 + r->segments.size() + r->objects.size() + r->frames.size();
        auto first = internal::reserveIds(db, needed);
        if (!first)
            return first.error();
        qint64 next = *first;

        out.run = run;
        out.run.id = next++;
        if (!out.run.started.isValid())
            out.run.started = nowUtc();
        if (!out.run.finished.isValid())
            out.run.finished = nowUtc();
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO model_runs (id, pack, version, task, label_set_id, "
                                 "parameters, started, finished, author) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(out.run.id);
        q.addBindValue(internal::text(out.run.pack));
        q.addBindValue(internal::text(out.run.version));
        q.addBindValue(internal::text(out.run.task));
        q.addBindValue(out.run.labelSetId);
        q.addBindValue(internal::toJson(out.run.parameters));
        q.addBindValue(internal::toMs(out.run.started));
        q.addBindValue(internal::toMs(out.run.finished));
        q.addBindValue(internal::text(out.run.author));
        if (!q.exec())
            return Error(QStringLiteral("cannot store the model run: %1").arg(sqlErrorText(q)));

        const QString author = run.version.isEmpty()
                                   ? run.pack
                                   : QStringLiteral("%1 %2").arg(run.pack, run.version);
        const QDateTime now = nowUtc();
        internal::RowWriter writer(db);
        for (const RunResult *r : std::as_const(present)) {
            Track t;
            t.id = next++;
            t.videoId = r->videoId;
            t.name = r->trackName.isEmpty()
                         ? QStringLiteral("%1 (run %2)").arg(author).arg(out.run.id)
                         : r->trackName;
            t.labelSetId = run.labelSetId;
            t.runId = out.run.id;
            t.created = now;
            if (const Status s = writer.insert(t); !s)
                return s;
            for (Segment s : r->segments) {
                if (s.classIndex < 0 || s.classIndex >= labels->size())
                    return Error(QStringLiteral("a proposal of video %1 has class %2, outside "
                                                "label set %3; nothing was stored")
                                     .arg(r->videoId)
                                     .arg(s.classIndex)
                                     .arg(labels->name));
                s.id = next++;
                s.videoId = r->videoId;
                s.trackId = t.id;
                s.runId = out.run.id;
                s.status = SegmentStatus::Proposed;
                s.author = author;
                s.created = s.modified = now;
                if (const Status st = writer.insert(s); !st)
                    return Error(QStringLiteral("video %1: %2; nothing was stored")
                                     .arg(r->videoId)
                                     .arg(st.error().message));
            }
            QHash<MaskObjectId, MaskObjectId> objectIds;
            for (MaskObject o : r->objects) {
                const MaskObjectId key = o.id;
                o.id = next++;
                objectIds.insert(key, o.id);
                o.videoId = r->videoId;
                o.trackId = t.id;
                o.runId = out.run.id;
                o.status = SegmentStatus::Proposed;
                o.author = author;
                o.created = o.modified = now;
                if (const Status st = writer.insert(o); !st)
                    return st;
            }
            for (MaskFrame f : r->frames) {
                if (!objectIds.contains(f.objectId))
                    return Error(QStringLiteral("a mask frame of video %1 names object %2, which "
                                                "the results do not hold; nothing was stored")
                                     .arg(r->videoId)
                                     .arg(f.objectId));
                f.objectId = objectIds.value(f.objectId);
                f.id = next++;
                f.videoId = r->videoId;
                if (const Status st = writer.insert(f); !st)
                    return st;
            }
            out.videos.append(r->videoId);
            out.tracks.append(t.id);
        }
        return writer.finish();
    });
    if (!status)
        return Error(status.error().message, m_db->location());
    return out;
}

Result<QList<ModelRun>> ModelRunRepository::all() const
{
    QSqlQuery q(m_db->connection());
    if (!q.exec(QStringLiteral("SELECT %1 FROM model_runs ORDER BY id")
                    .arg(QLatin1String(internal::kModelRunColumns))))
        return Error(QStringLiteral("cannot list the model runs: %1").arg(sqlErrorText(q)),
                     m_db->location());
    QList<ModelRun> out;
    while (q.next())
        out.append(internal::readModelRun(q));
    return out;
}

Result<std::optional<ModelRun>> ModelRunRepository::byId(ModelRunId id) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM model_runs WHERE id = ?")
                  .arg(QLatin1String(internal::kModelRunColumns)));
    q.addBindValue(id);
    if (!q.exec())
        return Error(QStringLiteral("cannot read model run %1: %2").arg(id).arg(sqlErrorText(q)),
                     m_db->location());
    if (!q.next())
        return std::optional<ModelRun>();
    return std::optional<ModelRun>(internal::readModelRun(q));
}

Result<QList<VideoId>> ModelRunRepository::videos(ModelRunId id) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(
        QStringLiteral("SELECT DISTINCT video_id FROM tracks WHERE run_id = ? ORDER BY video_id"));
    q.addBindValue(id);
    if (!q.exec())
        return Error(QStringLiteral("cannot read model run %1: %2").arg(id).arg(sqlErrorText(q)),
                     m_db->location());
    QList<VideoId> out;
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

Result<QList<ModelRunId>> ModelRunRepository::runsOf(VideoId video) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT DISTINCT run_id FROM tracks WHERE video_id = ? AND run_id "
                             "IS NOT NULL AND run_id <> 0 ORDER BY run_id"));
    q.addBindValue(video);
    if (!q.exec())
        return Error(QStringLiteral("cannot read the model runs of video %1: %2")
                         .arg(video)
                         .arg(sqlErrorText(q)),
                     m_db->location());
    QList<ModelRunId> out;
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

Status ModelRunRepository::remove(ModelRunId id)
{
    const Status s = m_db->transaction([&](QSqlDatabase &db) -> Status {
        const QStringList statements = {
            QStringLiteral("DELETE FROM segments WHERE run_id = ? AND status NOT IN "
                           "('accepted', 'edited')"),
            QStringLiteral("DELETE FROM mask_objects WHERE run_id = ? AND status NOT IN "
                           "('accepted', 'edited')"),
            QStringLiteral("DELETE FROM tracks WHERE run_id = ? "
                           "AND NOT EXISTS (SELECT 1 FROM segments s WHERE s.track_id = tracks.id) "
                           "AND NOT EXISTS (SELECT 1 FROM mask_objects o "
                           "WHERE o.track_id = tracks.id)"),
            QStringLiteral("UPDATE segments SET run_id = NULL WHERE run_id = ?"),
            QStringLiteral("UPDATE mask_objects SET run_id = NULL WHERE run_id = ?"),
            QStringLiteral("UPDATE tracks SET run_id = NULL WHERE run_id = ?"),
            QStringLiteral("DELETE FROM model_runs WHERE id = ?"),
        };
        for (const QString &sql : statements) {
            QSqlQuery q(db);
            q.prepare(sql);
            q.addBindValue(id);
            if (!q.exec())
                return Error(
                    QStringLiteral("cannot remove model run %1: %2").arg(id).arg(sqlErrorText(q)));
        }
        return {};
    });
    if (!s)
        return Error(s.error().message, m_db->location());
    return {};
}

} // namespace earmark::storage
