#include "core/storage/migrations.h"

#include "core/storage/database.h"

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
