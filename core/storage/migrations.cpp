#include "core/storage/migrations.h"

#include "core/storage/database.h"

#include "core/annotation/labelset.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace earmark::storage {

namespace {

// One schema step. Statements use {pk} for an auto-increment 64-bit primary key, {blob} for
// binary data and {real} for a double, replaced per backend.
struct Migration
{
    int version;
    QStringList statements;
};

QString sqlLiteral(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// Schema 3: annotations. Ids of label sets (other than the built-in ones, 1 and 2), tracks,
// segments, mask objects, mask frames, model runs and imports come from the one counter in
// earmark_ids (AnnotationRepository::reserveIds), the same way on SQLite and PostgreSQL, so an
// editor can name new things before it writes them. Times of day are milliseconds since the
// epoch (UTC); media times are microseconds. `span_class` is the smallest c with
// offset - onset <= 2^c microseconds; videos.segment_classes has bit c set when the video may
// hold a segment of class c: a time-window query reads, per class present, the B-tree range
// (video_id, span_class, onset_us > start - 2^c), so long segments never widen the scan of short
// ones. A video without a media file keeps a placeholder in `path` (see videorepository.cpp).
QStringList annotationSchema()
{
    QStringList s = {
        QStringLiteral("CREATE TABLE earmark_ids (name TEXT PRIMARY KEY, next_id BIGINT NOT NULL)"),
        QStringLiteral("INSERT INTO earmark_ids (name, next_id) VALUES ('annotation', 1000)"),
        QStringLiteral("ALTER TABLE videos ADD COLUMN external_id TEXT"),
        QStringLiteral("ALTER TABLE videos ADD COLUMN attributes TEXT NOT NULL DEFAULT '{}'"),
        QStringLiteral("ALTER TABLE videos ADD COLUMN segment_classes BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("CREATE UNIQUE INDEX videos_external_id ON videos (external_id)"),
        QStringLiteral("CREATE TABLE label_sets ("
                       " id BIGINT PRIMARY KEY,"
                       " name TEXT NOT NULL UNIQUE,"
                       " builtin INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE TABLE label_classes ("
                       " label_set_id BIGINT NOT NULL REFERENCES label_sets(id) ON DELETE CASCADE,"
                       " idx INTEGER NOT NULL,"
                       " name TEXT NOT NULL,"
                       " PRIMARY KEY (label_set_id, idx))"),
        QStringLiteral(
            "CREATE UNIQUE INDEX label_classes_name ON label_classes (label_set_id, name)"),
        QStringLiteral("CREATE TABLE model_runs ("
                       " id BIGINT PRIMARY KEY,"
                       " pack TEXT NOT NULL,"
                       " version TEXT NOT NULL DEFAULT '',"
                       " task TEXT NOT NULL DEFAULT '',"
                       " label_set_id BIGINT REFERENCES label_sets(id),"
                       " parameters TEXT NOT NULL DEFAULT '{}',"
                       " started BIGINT NOT NULL,"
                       " finished BIGINT NOT NULL DEFAULT 0,"
                       " author TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE TABLE tracks ("
                       " id BIGINT PRIMARY KEY,"
                       " video_id BIGINT NOT NULL REFERENCES videos(id) ON DELETE CASCADE,"
                       " name TEXT NOT NULL,"
                       " label_set_id BIGINT NOT NULL REFERENCES label_sets(id),"
                       " run_id BIGINT REFERENCES model_runs(id) ON DELETE SET NULL,"
                       " created BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX tracks_video ON tracks (video_id)"),
        QStringLiteral("CREATE TABLE segments ("
                       " id BIGINT PRIMARY KEY,"
                       " video_id BIGINT NOT NULL REFERENCES videos(id) ON DELETE CASCADE,"
                       " track_id BIGINT NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,"
                       " modality TEXT NOT NULL,"
                       " class_index INTEGER NOT NULL,"
                       " onset_us BIGINT NOT NULL,"
                       " offset_us BIGINT NOT NULL,"
                       " span_class INTEGER NOT NULL,"
                       " run_id BIGINT REFERENCES model_runs(id) ON DELETE SET NULL,"
                       " author TEXT NOT NULL DEFAULT '',"
                       " confidence {real} NOT NULL DEFAULT 1,"
                       " status TEXT NOT NULL,"
                       " created BIGINT NOT NULL,"
                       " modified BIGINT NOT NULL,"
                       " attributes TEXT NOT NULL DEFAULT '{}',"
                       " CHECK (onset_us >= 0 AND onset_us < offset_us))"),
        QStringLiteral("CREATE INDEX segments_window ON segments (video_id, span_class, onset_us)"),
        QStringLiteral("CREATE INDEX segments_track ON segments (track_id)"),
        QStringLiteral("CREATE INDEX segments_run ON segments (run_id)"),
        QStringLiteral("CREATE TABLE mask_objects ("
                       " id BIGINT PRIMARY KEY,"
                       " video_id BIGINT NOT NULL REFERENCES videos(id) ON DELETE CASCADE,"
                       " track_id BIGINT NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,"
                       " class_index INTEGER NOT NULL,"
                       " name TEXT NOT NULL DEFAULT '',"
                       " run_id BIGINT REFERENCES model_runs(id) ON DELETE SET NULL,"
                       " confidence {real} NOT NULL DEFAULT 1,"
                       " status TEXT NOT NULL,"
                       " author TEXT NOT NULL DEFAULT '',"
                       " created BIGINT NOT NULL,"
                       " modified BIGINT NOT NULL,"
                       " attributes TEXT NOT NULL DEFAULT '{}')"),
        QStringLiteral("CREATE INDEX mask_objects_video ON mask_objects (video_id)"),
        QStringLiteral("CREATE INDEX mask_objects_track ON mask_objects (track_id)"),
        QStringLiteral("CREATE INDEX mask_objects_run ON mask_objects (run_id)"),
        QStringLiteral("CREATE TABLE mask_frames ("
                       " id BIGINT PRIMARY KEY,"
                       " object_id BIGINT NOT NULL REFERENCES mask_objects(id) ON DELETE CASCADE,"
                       " video_id BIGINT NOT NULL REFERENCES videos(id) ON DELETE CASCADE,"
                       " time_us BIGINT NOT NULL,"
                       " width INTEGER NOT NULL,"
                       " height INTEGER NOT NULL,"
                       " rle {blob} NOT NULL)"),
        QStringLiteral(
            "CREATE UNIQUE INDEX mask_frames_object ON mask_frames (object_id, time_us)"),
        QStringLiteral("CREATE INDEX mask_frames_video ON mask_frames (video_id, time_us)"),
        QStringLiteral("CREATE TABLE imports ("
                       " id BIGINT PRIMARY KEY,"
                       " format TEXT NOT NULL,"
                       " source TEXT NOT NULL,"
                       " author TEXT NOT NULL DEFAULT '',"
                       " created BIGINT NOT NULL,"
                       " segments INTEGER NOT NULL DEFAULT 0,"
                       " masks INTEGER NOT NULL DEFAULT 0,"
                       " skipped INTEGER NOT NULL DEFAULT 0)"),
        // Rows an import skipped (--skip-bad-rows), kept as they were read so nothing of the
        // file is lost; `after_segment_id` is the segment stored just before the row.
        QStringLiteral("CREATE TABLE import_skipped_rows ("
                       " import_id BIGINT NOT NULL REFERENCES imports(id) ON DELETE CASCADE,"
                       " line INTEGER NOT NULL,"
                       " text TEXT NOT NULL,"
                       " reason TEXT NOT NULL,"
                       " video TEXT NOT NULL DEFAULT '',"
                       " after_segment_id BIGINT NOT NULL DEFAULT 0,"
                       " PRIMARY KEY (import_id, line))"),
    };
    for (const annotation::LabelSet &set : annotation::builtinLabelSets()) {
        s << QStringLiteral("INSERT INTO label_sets (id, name, builtin) VALUES (%1, %2, 1)")
                 .arg(set.id)
                 .arg(sqlLiteral(set.name));
        for (int i = 0; i < set.size(); ++i)
            s << QStringLiteral("INSERT INTO label_classes (label_set_id, idx, name) "
                                "VALUES (%1, %2, %3)")
                     .arg(set.id)
                     .arg(i)
                     .arg(sqlLiteral(set.classes.at(i)));
    }
    return s;
}

const QList<Migration> &migrations()
{
    static const QList<Migration> list = {
        {1,
         {QStringLiteral("CREATE TABLE videos ("
                         " id {pk},"
                         " path TEXT NOT NULL UNIQUE,"
                         " title TEXT NOT NULL,"
                         " duration_us BIGINT NOT NULL DEFAULT 0,"
                         " width INTEGER NOT NULL DEFAULT 0,"
                         " height INTEGER NOT NULL DEFAULT 0,"
                         " frame_rate {real} NOT NULL DEFAULT 0,"
                         " has_audio INTEGER NOT NULL DEFAULT 0,"
                         " has_video INTEGER NOT NULL DEFAULT 0,"
                         " status TEXT NOT NULL DEFAULT 'todo',"
                         " added TEXT NOT NULL)")}},
        {2,
         {QStringLiteral("CREATE TABLE chat_messages ("
                         " id {pk},"
                         " video_id BIGINT NOT NULL REFERENCES videos(id) ON DELETE CASCADE,"
                         " role TEXT NOT NULL," // 'user' or 'assistant'
                         " content TEXT NOT NULL,"
                         " range_start_us BIGINT," // the selection asked about; NULL:
                         " range_end_us BIGINT,"   // the whole video
                         " model TEXT NOT NULL DEFAULT '',"
                         " status TEXT NOT NULL DEFAULT 'complete'," // complete, stopped, error
                         " error TEXT NOT NULL DEFAULT '',"
                         " created TEXT NOT NULL)"),
          QStringLiteral("CREATE INDEX chat_messages_video ON chat_messages (video_id, id)")}},
        {3, annotationSchema()},
    };
    return list;
}

QString dialect(QString sql, Backend backend)
{
    if (backend == Backend::SQLite) {
        sql.replace(QLatin1String("{pk}"), QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"));
        sql.replace(QLatin1String("{blob}"), QLatin1String("BLOB"));
        sql.replace(QLatin1String("{real}"), QLatin1String("REAL"));
    } else {
        sql.replace(QLatin1String("{pk}"), QLatin1String("BIGSERIAL PRIMARY KEY"));
        sql.replace(QLatin1String("{blob}"), QLatin1String("BYTEA"));
        sql.replace(QLatin1String("{real}"), QLatin1String("DOUBLE PRECISION"));
    }
    return sql;
}

int storedVersion(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT value FROM earmark_meta WHERE key = 'schema_version'"))
        && q.next())
        return q.value(0).toInt();
    return 0;
}

} // namespace

int currentSchemaVersion()
{
    return migrations().constLast().version;
}

Status migrate(QSqlDatabase &db, Backend backend)
{
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS earmark_meta ("
                                   " key TEXT PRIMARY KEY, value TEXT NOT NULL)")))
            return Error(QStringLiteral("cannot prepare the library: %1").arg(sqlErrorText(q)));
    }
    const int stored = storedVersion(db);
    if (stored > currentSchemaVersion())
        return Error(QStringLiteral("the library was written by a newer Earmark (schema %1, this "
                                    "version knows up to %2); update Earmark to open it")
                         .arg(stored)
                         .arg(currentSchemaVersion()));
    for (const Migration &m : migrations()) {
        if (m.version <= stored)
            continue;
        if (!db.transaction())
            return Error(
                QStringLiteral("cannot start the schema update: %1").arg(db.lastError().text()));
        for (const QString &statement : m.statements) {
            QSqlQuery q(db);
            if (!q.exec(dialect(statement, backend))) {
                const QString text = sqlErrorText(q);
                db.rollback();
                return Error(QStringLiteral("schema update to version %1 failed: %2")
                                 .arg(m.version)
                                 .arg(text));
            }
        }
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("INSERT INTO earmark_meta (key, value) VALUES ('schema_version', ?)"
                           " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
        q.addBindValue(QString::number(m.version));
        if (!q.exec() || !db.commit()) {
            const QString text = sqlErrorText(q);
            db.rollback();
            return Error(
                QStringLiteral("schema update to version %1 failed: %2").arg(m.version).arg(text));
        }
    }
    return {};
}

} // namespace earmark::storage
