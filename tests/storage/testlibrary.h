#pragma once

// Where storage tests put their libraries: a SQLite file in a temporary folder, or, when the
// environment names a folder of tools/pg-test-server (EARMARK_TEST_POSTGRESQL_DIR, set by the
// *_postgresql CTest entries), a new database on that PostgreSQL server. Header-only, shared by
// the tests of tests/storage, tests/annotation, tests/formats and tests/metrics.

#include "core/storage/database.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>

namespace earmark::testing {

inline QString postgresDir()
{
    return qEnvironmentVariable("EARMARK_TEST_POSTGRESQL_DIR");
}

inline bool usePostgres()
{
    return !postgresDir().isEmpty();
}

inline QString readFileText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(f.readAll()).trimmed();
}

// Empty when the configured backend can be used; else why not (for QSKIP).
inline QString backendUnavailable()
{
    if (!usePostgres())
        return QString();
    const QString dir = postgresDir();
    const QString reason = readFileText(dir + QStringLiteral("/unavailable"));
    if (!reason.isEmpty())
        return QStringLiteral("no PostgreSQL server for the tests: ") + reason;
    if (readFileText(dir + QStringLiteral("/url")).isEmpty())
        return QStringLiteral("no PostgreSQL server for the tests: tools/pg-test-server did not "
                              "start one in %1 (run the test through ctest, which starts it)")
            .arg(dir);
    return QString();
}

// A location for a new, empty library: a file in `dir`, or a fresh PostgreSQL database.
inline QString newLibraryLocation(const QTemporaryDir &dir,
                                  const QString &name = QStringLiteral("lib"))
{
    if (!usePostgres())
        return dir.filePath(name + QStringLiteral(".sqlite"));
    const QString base = readFileText(postgresDir() + QStringLiteral("/url"));
    const QUrl url(base);
    const QString dbName = QStringLiteral("t_%1").arg(
        QUuid::createUuid().toString(QUuid::Id128).left(20));
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"),
                                                       QStringLiteral("earmark-test-admin"));
        admin.setHostName(url.host());
        admin.setPort(url.port(5432));
        admin.setUserName(url.userName());
        admin.setDatabaseName(QStringLiteral("postgres"));
        if (admin.open()) {
            QSqlQuery q(admin);
            if (!q.exec(QStringLiteral("CREATE DATABASE %1").arg(dbName)))
                qWarning("cannot create test database: %s", qPrintable(q.lastError().text()));
        } else {
            qWarning("cannot reach the test server: %s", qPrintable(admin.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("earmark-test-admin"));
    return base + dbName;
}

inline QString backendName()
{
    return usePostgres() ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite");
}

} // namespace earmark::testing

#define EARMARK_REQUIRE_BACKEND() \
    do { \
        const QString why = ::earmark::testing::backendUnavailable(); \
        if (!why.isEmpty()) \
            QSKIP(qPrintable(why)); \
    } while (false)
