// The library file: created, migrated, reopened, refused when newer or damaged.

#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/storage/videoimport.h"
#include "core/storage/videorepository.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace earmark;
using namespace earmark::storage;

namespace {

QString sample(const char *name)
{
    return QStringLiteral(EARMARK_BINARY_DIR "/share/earmark/samples/") + QLatin1String(name);
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsSchemaInWalMode()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/folder/lib.sqlite"));
        auto db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.errorString()));
        QCOMPARE((*db)->schemaVersion(), currentSchemaVersion());
        QSqlQuery q((*db)->connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(QFile::exists(path));
    }

    void addsProbedVideosOnceAndKeepsThemAcrossReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lib.sqlite"));
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            VideoRepository videos(*db);
            auto a = addMediaFile(videos, sample("mandelbrot-chirp.mp4"));
            QVERIFY2(a.ok(), qPrintable(a.errorString()));
            QCOMPARE(a->width, 640);
            QCOMPARE(a->height, 360);
            QCOMPARE(a->frameRate, 25.0);
            QVERIFY(a->hasAudio && a->hasVideo);
            QCOMPARE(a->title, QStringLiteral("mandelbrot-chirp.mp4"));
            auto again = addMediaFile(videos, sample("mandelbrot-chirp.mp4"));
            QVERIFY(again.ok());
            QCOMPARE(again->id, a->id);
            QVERIFY(addMediaFile(videos, sample("life-noise-bursts.mp4")).ok());
            QVERIFY(videos.setStatus(a->id, annotation::ReviewStatus::Done).ok());
        }
        auto db = Database::open(path);
        QVERIFY(db.ok());
        auto all = VideoRepository(*db).all();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).title, QStringLiteral("life-noise-bursts.mp4"));
        QCOMPARE(all->at(1).status, annotation::ReviewStatus::Done);
        QCOMPARE(all->at(1).duration, Time::fromSeconds(10));
    }

    void reportsFilesThatAreNotMedia()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("lib.sqlite")));
        QVERIFY(db.ok());
        const QString bogus = dir.filePath(QStringLiteral("notes.mp4"));
        QFile f(bogus);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a video");
        f.close();
        VideoRepository videos(*db);
        auto r = addMediaFile(videos, bogus);
        QVERIFY(!r.ok());
        QVERIFY2(r.errorString().contains(bogus), qPrintable(r.errorString()));
        auto missing = addMediaFile(videos, dir.filePath(QStringLiteral("missing.mp4")));
        QVERIFY(!missing.ok());
        QVERIFY(missing.errorString().contains(QStringLiteral("does not exist")));
        QCOMPARE(videos.all()->size(), 0);
    }

    void refusesALibraryFromANewerVersion()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lib.sqlite"));
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            QSqlQuery q((*db)->connection());
            QVERIFY(q.exec(QStringLiteral("UPDATE earmark_meta SET value = '9999' WHERE key = "
                                          "'schema_version'")));
        }
        auto db = Database::open(path);
        QVERIFY(!db.ok());
        QVERIFY2(db.errorString().contains(QStringLiteral("newer Earmark")),
                 qPrintable(db.errorString()));
        QVERIFY(db.errorString().contains(path));
    }

    void refusesADamagedFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lib.sqlite"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
        f.close();
        auto db = Database::open(path);
        QVERIFY(!db.ok());
        QVERIFY2(db.errorString().contains(path), qPrintable(db.errorString()));
    }

    void transactionRollsBackOnError()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("lib.sqlite")));
        QVERIFY(db.ok());
        const Status s = (*db)->transaction([](QSqlDatabase &c) -> Status {
            QSqlQuery q(c);
            q.exec(
                QStringLiteral("INSERT INTO videos (path, title, added) VALUES ('/a', 'a', 'x')"));
            return Error(QStringLiteral("changed my mind"));
        });
        QVERIFY(!s.ok());
        QCOMPARE(VideoRepository(*db).all()->size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
