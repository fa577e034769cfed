#pragma once

#include "core/base/result.h"

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

class QSqlQuery;

namespace earmark::storage {

enum class Backend { SQLite, PostgreSQL };

// A library database: a SQLite file, or a PostgreSQL database given as
// "postgresql://user:password@host:port/dbname". Opening creates or migrates the schema.
//
// Thread-safety: one Database object may be shared by threads; each thread gets its own Qt SQL
// connection from connection() (a Qt SQL rule), opened on first use and closed, with the
// thread's cached statements, when the thread ends or the Database is destroyed, whichever comes
// first. Writes go through transaction().
class Database
{
public:
    ~Database();

    static Result<std::shared_ptr<Database>> open(const QString &location);

    Backend backend() const { return m_backend; }
    QString location() const { return m_location; }
    // The file of a SQLite library (empty for PostgreSQL).
    QString filePath() const;

    // This thread's connection. Opens it on first use.
    QSqlDatabase connection() const;

    int schemaVersion() const;

    // Runs `work` in one transaction on this thread's connection: committed if it returns ok,
    // rolled back (nothing changed) otherwise.
    Status transaction(const std::function<Status(QSqlDatabase &)> &work) const;

    // This thread's prepared statement for `sql`, prepared on first use and kept until the
    // Database goes: for queries run often (parsing and planning can cost more than running).
    // Bind, exec, read, then finish() it; one use at a time. Owned by the Database.
    QSqlQuery *cachedQuery(const QString &sql) const;

private:
    Database() = default;
    Status openFirstConnection();
    QString connectionName() const;

    // What a thread's exit must reach to close its connection, even when it outlives the
    // Database (shared with the thread's exit hook, which holds it weakly).
    struct Connections
    {
        QString namePrefix;
        QMutex mutex;
        QHash<QString, QSqlQuery *> statements; // key: connection name + '\n' + sql
        // Deletes the statements of one connection and removes it.
        void close(const QString &connectionName);
    };

    Backend m_backend = Backend::SQLite;
    QString m_location;
    std::shared_ptr<Connections> m_connections = std::make_shared<Connections>();
};

// Formats a failed query's error with its statement for an Error message.
QString sqlErrorText(const class QSqlQuery &query);

} // namespace earmark::storage
