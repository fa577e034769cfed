#include "core/storage/database.h"

#include "core/storage/migrations.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <functional>
#include <vector>

namespace earmark::storage {

namespace {

QAtomicInt g_nextDatabase;
QAtomicInteger<quint64> g_nextThread;

// This thread's part of every connection name, and the connections to close when it ends. The
// system reuses an ended thread's identifier, so names come from a counter instead: a
// connection of an ended thread must never be taken for the new thread's.
struct ThreadConnections
{
    const QString serial = QString::number(g_nextThread.fetchAndAddRelaxed(1));
    std::vector<std::pair<std::weak_ptr<void>, std::function<void()>>> onExit;

    ~ThreadConnections()
    {
        if (!QCoreApplication::instance())
            return; // the process is ending; the Databases still open go with it
        for (auto &[owner, close] : onExit) {
            if (const auto alive = owner.lock())
                close();
        }
    }
};

ThreadConnections &threadConnections()
{
    thread_local ThreadConnections connections;
    return connections;
}

bool isPostgresUrl(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://"))
           || location.startsWith(QLatin1String("postgres://"));
}

} // namespace

QString sqlErrorText(const QSqlQuery &query)
{
    return QStringLiteral("%1 (in: %2)")
        .arg(query.lastError().text(), query.lastQuery().simplified().left(200));
}

Database::~Database()
{
    // Cached statements first: a connection is removed only once no query holds it.
    QMutexLocker lock(&m_connections->mutex);
    qDeleteAll(m_connections->statements);
    m_connections->statements.clear();
    // Connections of other threads are removed too; their handles are gone by now (a Qt SQL
    // connection lives only inside the calls that use it).
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names) {
        if (name.startsWith(m_connections->namePrefix))
            QSqlDatabase::removeDatabase(name);
    }
}

void Database::Connections::close(const QString &connectionName)
{
    QMutexLocker lock(&mutex);
    const QString prefix = connectionName + QLatin1Char('\n');
    for (auto it = statements.begin(); it != statements.end();) {
        if (it.key().startsWith(prefix)) {
            delete it.value();
            it = statements.erase(it);
        } else {
            ++it;
        }
    }
    QSqlDatabase::removeDatabase(connectionName);
}

Result<std::shared_ptr<Database>> Database::open(const QString &location)
{
    std::shared_ptr<Database> db(new Database);
    db->m_location = location;
    db->m_backend = isPostgresUrl(location) ? Backend::PostgreSQL : Backend::SQLite;
    db->m_connections->namePrefix = QStringLiteral("earmark-db%1-")
                                        .arg(g_nextDatabase.fetchAndAddRelaxed(1));
    if (db->m_backend == Backend::SQLite) {
        const QFileInfo info(location);
        if (!QDir().mkpath(info.absolutePath()))
            return Error(QStringLiteral("cannot create the folder for the library; check "
                                        "permissions"),
                         info.absolutePath());
        db->m_location = info.absoluteFilePath();
    }
    const Status status = db->openFirstConnection();
    if (!status)
        return status.error();
    return db;
}

QString Database::filePath() const
{
    return m_backend == Backend::SQLite ? m_location : QString();
}

QString Database::connectionName() const
{
    return m_connections->namePrefix + threadConnections().serial;
}

QSqlDatabase Database::connection() const
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);

    // Closed when this thread ends, unless the Database has gone first.
    std::weak_ptr<Connections> connections = m_connections;
    auto &onExit = threadConnections().onExit;
    std::erase_if(onExit, [](const auto &entry) { return entry.first.expired(); });
    onExit.emplace_back(connections, [connections, name] {
        if (const auto alive = connections.lock())
            alive->close(name);
    });

    QSqlDatabase db;
    if (m_backend == Backend::SQLite) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_location);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else {
        const QUrl url(m_location);
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
    }
    if (!db.open())
        return db; // callers see !isOpen() and lastError()
    if (m_backend == Backend::SQLite) {
        // WAL: readers never block the writer; synchronous=NORMAL keeps every committed
        // transaction across a killed process (only a power cut can lose the last ones).
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        q.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    }
    return db;
}

Status Database::openFirstConnection()
{
    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        const QString what = m_backend == Backend::SQLite
                                 ? QStringLiteral("cannot open the library file (%1); check that "
                                                  "it is a SQLite file and that you may write it")
                                 : QStringLiteral("cannot connect to the PostgreSQL server (%1); "
                                                  "check the address, user and password");
        return Error(what.arg(db.lastError().text()),
                     m_backend == Backend::SQLite
                         ? m_location
                         : QUrl(m_location).toDisplayString(QUrl::RemovePassword));
    }
    if (m_backend == Backend::SQLite) {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next()
            || q.value(0).toString() != QLatin1String("ok"))
            return Error(QStringLiteral(
                             "the library file is damaged or not a SQLite database (%1); "
                             "restore it from a backup or open another library")
                             .arg(q.lastError().text().isEmpty() ? q.value(0).toString()
                                                                 : q.lastError().text()),
                         m_location);
    }
    const Status migrated = migrate(db, m_backend);
    if (!migrated)
        return Error(migrated.error().message, m_location);
    return {};
}

QSqlQuery *Database::cachedQuery(const QString &sql) const
{
    const QString key = connectionName() + QLatin1Char('\n') + sql;
    QSqlDatabase db = connection();
    QMutexLocker lock(&m_connections->mutex);
    if (QSqlQuery *q = m_connections->statements.value(key))
        return q;
    auto *q = new QSqlQuery(db);
    q->setForwardOnly(true);
    q->prepare(sql);
    m_connections->statements.insert(key, q);
    return q;
}

int Database::schemaVersion() const
{
    QSqlQuery q(connection());
    if (q.exec(QStringLiteral("SELECT value FROM earmark_meta WHERE key = 'schema_version'"))
        && q.next())
        return q.value(0).toInt();
    return 0;
}

Status Database::transaction(const std::function<Status(QSqlDatabase &)> &work) const
{
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return Error(QStringLiteral("the library is not open: %1").arg(db.lastError().text()),
                     m_location);
    if (!db.transaction())
        return Error(QStringLiteral("cannot start a transaction: %1").arg(db.lastError().text()),
                     m_location);
    Status status = work(db);
    if (!status) {
        db.rollback();
        return status;
    }
    if (!db.commit()) {
        const QString text = db.lastError().text();
        db.rollback();
        return Error(QStringLiteral("cannot save the change: %1").arg(text), m_location);
    }
    return {};
}

} // namespace earmark::storage
