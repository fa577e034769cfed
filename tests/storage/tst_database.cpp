// The library database: created, migrated (also from libraries written by earlier versions),
// reopened, refused when newer or damaged; label sets, videos without files, id reservation.
// Runs against SQLite, and against PostgreSQL as tst_database_postgresql.

#include "testlibrary.h"

#include "core/annotation/labelset.h"
#include "core/storage/annotationrepository.h"
#include "core/storage/database.h"
#include "core/storage/labelsetrepository.h"
#include "core/storage/migrations.h"
#include "core/storage/videoimport.h"
#include "core/storage/videorepository.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace earmark;
using namespace earmark::storage;

namespace {

QString sample(const char *name)
{
    return QStringLiteral(EARMARK_BINARY_DIR "/share/earmark/samples/") + QLatin1String(name);
}

// The statements Earmark's schema versions 1 and 2 ran, as they shipped, for building a library
// "written by an earlier version" on either backend.
QStringList oldSchema(Backend backend, int version)
{
    const QString pk = backend == Backend::SQLite
                           ? QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT")
                           : QStringLiteral("BIGSERIAL PRIMARY KEY");
    const QString real = backend == Backend::SQLite ? QStringLiteral("REAL")
                                                    : QStringLiteral("DOUBLE PRECISION");
    QStringList s = {
        QStringLiteral("CREATE TABLE IF NOT EXISTS earmark_meta (key TEXT PRIMARY KEY, value TEXT "
                       "NOT NULL)"),
        QStringLiteral("CREATE TABLE videos ( id %1, path TEXT NOT NULL UNIQUE, title TEXT NOT "
                       "NULL, duration_us BIGINT NOT NULL DEFAULT 0, width INTEGER NOT NULL "
                       "DEFAULT 0, height INTEGER NOT NULL DEFAULT 0, frame_rate %2 NOT NULL "
                       "DEFAULT 0, has_audio INTEGER NOT NULL DEFAULT 0, has_video INTEGER NOT "
                       "NULL DEFAULT 0, status TEXT NOT NULL DEFAULT 'todo', added TEXT NOT NULL)")
            .arg(pk, real),
    };
    if (version >= 2) {
        s << QStringLiteral("CREATE TABLE chat_messages ( id %1, video_id BIGINT NOT NULL "
                            "REFERENCES videos(id) ON DELETE CASCADE, role TEXT NOT NULL, content "
                            "TEXT NOT NULL, range_start_us BIGINT, range_end_us BIGINT, model TEXT "
                            "NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'complete', error "
                            "TEXT NOT NULL DEFAULT '', created TEXT NOT NULL)")
                 .arg(pk)
          << QStringLiteral("CREATE INDEX chat_messages_video ON chat_messages (video_id, id)");
    }
    s << QStringLiteral("INSERT INTO earmark_meta (key, value) VALUES ('schema_version', '%1')")
             .arg(version);
    return s;
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { EARMARK_REQUIRE_BACKEND(); }

    void createsTheCurrentSchema()
    {
        QTemporaryDir dir;
        const QString location = testing::newLibraryLocation(dir);
        auto db = Database::open(location);
        QVERIFY2(db.ok(), qPrintable(db.errorString()));
        QCOMPARE((*db)->schemaVersion(), currentSchemaVersion());
        QCOMPARE(currentSchemaVersion(), 3);
        if ((*db)->backend() == Backend::SQLite) {
            QSqlQuery q((*db)->connection());
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
            QVERIFY(QFile::exists(location));
        }
    }

    void createsFolderForANewLibraryFile()
    {
        if (testing::usePostgres())
            QSKIP("a PostgreSQL library is not a file");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/folder/lib.sqlite"));
        auto db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.errorString()));
        QVERIFY(QFile::exists(path));
    }

    void addsProbedVideosOnceAndKeepsThemAcrossReopen()
    {
        QTemporaryDir dir;
        const QString location = testing::newLibraryLocation(dir);
        {
            auto db = Database::open(location);
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
        auto db = Database::open(location);
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
        auto db = Database::open(testing::newLibraryLocation(dir));
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
        const QString location = testing::newLibraryLocation(dir);
        {
            auto db = Database::open(location);
            QVERIFY(db.ok());
            QSqlQuery q((*db)->connection());
            QVERIFY(q.exec(QStringLiteral("UPDATE earmark_meta SET value = '9999' WHERE key = "
                                          "'schema_version'")));
        }
        auto db = Database::open(location);
        QVERIFY(!db.ok());
        QVERIFY2(db.errorString().contains(QStringLiteral("newer Earmark")),
                 qPrintable(db.errorString()));
        if (!testing::usePostgres())
            QVERIFY(db.errorString().contains(location));
    }

    void refusesADamagedFile()
    {
        if (testing::usePostgres())
            QSKIP("a PostgreSQL library is not a file");
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
        auto db = Database::open(testing::newLibraryLocation(dir));
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

    // Worker threads come and go (a pool's threads expire; a job may start its own), and the
    // system hands a new thread the identifier of one that ended. Each must still get a
    // connection of its own that works, with cached statements that work too.
    void threadsThatFollowEachOtherEachGetAWorkingConnection()
    {
        QTemporaryDir dir;
        auto db = Database::open(testing::newLibraryLocation(dir));
        QVERIFY(db.ok());
        const std::shared_ptr<Database> library = *db;
        const qsizetype connectionsBefore = QSqlDatabase::connectionNames().size();
        for (int i = 0; i < 8; ++i) {
            QString failure;
            std::thread worker([&] {
                QSqlQuery q(library->connection());
                if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM videos")) || !q.next()) {
                    failure = QStringLiteral("query %1: %2").arg(i).arg(sqlErrorText(q));
                    return;
                }
                QSqlQuery *cached = library->cachedQuery(QStringLiteral("SELECT COUNT(*) FROM "
                                                                        "label_sets"));
                if (!cached->exec() || !cached->next())
                    failure = QStringLiteral("cached %1: %2").arg(i).arg(sqlErrorText(*cached));
                cached->finish();
            });
            worker.join();
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
            // The ended thread's connection is closed, not left open until the library closes.
            QCOMPARE(QSqlDatabase::connectionNames().size(), connectionsBefore);
        }
        QCOMPARE(VideoRepository(library).all()->size(), 0);
    }

    void migratesALibraryWrittenByAnEarlierVersion_data()
    {
        QTest::addColumn<int>("version");
        QTest::newRow("schema 1") << 1;
        QTest::newRow("schema 2") << 2;
    }

    void migratesALibraryWrittenByAnEarlierVersion()
    {
        QFETCH(int, version);
        QTemporaryDir dir;
        const QString location = testing::newLibraryLocation(dir);
        const Backend backend = testing::usePostgres() ? Backend::PostgreSQL : Backend::SQLite;
        {
            // Write the old schema and data with plain Qt SQL, as that version left them.
            const QString name = QStringLiteral("earmark-test-old-%1").arg(version);
            {
                QSqlDatabase old;
                if (backend == Backend::SQLite) {
                    old = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                    old.setDatabaseName(location);
                } else {
                    const QUrl url(location);
                    old = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
                    old.setHostName(url.host());
                    old.setPort(url.port());
                    old.setUserName(url.userName());
                    old.setDatabaseName(url.path().mid(1));
                }
                QVERIFY(old.open());
                QSqlQuery q(old);
                for (const QString &statement : oldSchema(backend, version))
                    QVERIFY2(q.exec(statement), qPrintable(sqlErrorText(q)));
                QVERIFY(q.exec(QStringLiteral(
                    "INSERT INTO videos (path, title, duration_us, status, added) VALUES "
                    "('/media/old.mp4', 'old.mp4', 5000000, 'done', '2024-01-02T03:04:05.000Z')")));
                if (version >= 2)
                    QVERIFY(q.exec(QStringLiteral(
                        "INSERT INTO chat_messages (video_id, role, content, created) VALUES "
                        "(1, 'user', 'what barks?', '2024-01-02T03:04:06.000Z')")));
                old.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
        auto db = Database::open(location);
        QVERIFY2(db.ok(), qPrintable(db.errorString()));
        QCOMPARE((*db)->schemaVersion(), currentSchemaVersion());
        auto videos = VideoRepository(*db).all();
        QVERIFY2(videos.ok(), qPrintable(videos.errorString()));
        QCOMPARE(videos->size(), 1);
        const annotation::Video &v = videos->constFirst();
        QCOMPARE(v.path, QStringLiteral("/media/old.mp4"));
        QCOMPARE(v.status, annotation::ReviewStatus::Done);
        QCOMPARE(v.duration, Time::fromSeconds(5));
        QVERIFY(v.externalId.isEmpty());
        QVERIFY(v.hasFile());
        if (version >= 2) {
            QSqlQuery q((*db)->connection());
            QVERIFY(q.exec(QStringLiteral("SELECT video_id, content FROM chat_messages")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toLongLong(), v.id);
            QCOMPARE(q.value(1).toString(), QStringLiteral("what barks?"));
        }
        auto sets = LabelSetRepository(*db).all();
        QVERIFY(sets.ok());
        QCOMPARE(sets->size(), 2);
        QCOMPARE(sets->at(0), annotation::LabelSet::llp());
        QCOMPARE(sets->at(1), annotation::LabelSet::ave());
        // The migrated library takes annotations.
        auto ids = AnnotationRepository(*db).reserveIds(10);
        QVERIFY2(ids.ok(), qPrintable(ids.errorString()));
        // Reopening does not migrate again.
        db = Database::open(location);
        QVERIFY(db.ok());
        QCOMPARE(VideoRepository(*db).all()->size(), 1);
    }

    void builtInLabelSetsKeepTheBenchmarksOrder()
    {
        QTemporaryDir dir;
        auto db = Database::open(testing::newLibraryLocation(dir));
        QVERIFY(db.ok());
        LabelSetRepository sets(*db);
        auto llp = sets.byName(QStringLiteral("LLP"));
        QVERIFY(llp.ok() && llp->has_value());
        QCOMPARE((*llp)->size(), 25);
        QCOMPARE((*llp)->className(0), QStringLiteral("Speech"));
        QCOMPARE((*llp)->className(5), QStringLiteral("Frying_(food)"));
        QCOMPARE((*llp)->className(24), QStringLiteral("Clapping"));
        auto ave = sets.byId(annotation::kAveLabelSetId);
        QVERIFY(ave.ok() && ave->has_value());
        QCOMPARE((*ave)->size(), 28);
        QCOMPARE((*ave)->className(1), QStringLiteral("Male speech, man speaking"));
        QCOMPARE((*ave)->className(27), QStringLiteral("Mandolin"));
        QVERIFY((*ave)->builtin);

        auto grown = sets.addClasses(annotation::kLlpLabelSetId, {QStringLiteral("Kazoo")});
        QVERIFY(!grown.ok());
        QVERIFY2(grown.errorString().contains(QStringLiteral("Kazoo")),
                 qPrintable(grown.errorString()));
        QCOMPARE((*sets.byName(QStringLiteral("LLP")))->size(), 25);
    }

    void userLabelSetsGrowByAppending()
    {
        QTemporaryDir dir;
        auto db = Database::open(testing::newLibraryLocation(dir));
        QVERIFY(db.ok());
        LabelSetRepository sets(*db);
        auto birds = sets.create(QStringLiteral("Birds"),
                                 {QStringLiteral("Owl"), QStringLiteral("Crow")});
        QVERIFY2(birds.ok(), qPrintable(birds.errorString()));
        QVERIFY(birds->id >= 1000);
        QVERIFY(!birds->builtin);
        auto again = sets.create(QStringLiteral("Birds"), {});
        QVERIFY(!again.ok());
        auto twice = sets.create(QStringLiteral("Twice"),
                                 {QStringLiteral("A"), QStringLiteral("A")});
        QVERIFY(!twice.ok());
        QVERIFY(!sets.byName(QStringLiteral("Twice"))->has_value());
        auto grown = sets.addClasses(birds->id,
                                     {QStringLiteral("Crow"),
                                      QStringLiteral("Wren"),
                                      QStringLiteral("Owl")});
        QVERIFY(grown.ok());
        QCOMPARE(grown->classes,
                 (QStringList{QStringLiteral("Owl"),
                              QStringLiteral("Crow"),
                              QStringLiteral("Wren")}));
        QCOMPARE(**sets.byId(birds->id), *grown);
    }

    void videosWithoutFilesGetTheirFileLater()
    {
        QTemporaryDir dir;
        auto db = Database::open(testing::newLibraryLocation(dir));
        QVERIFY(db.ok());
        VideoRepository videos(*db);
        annotation::Video clip;
        clip.externalId = QStringLiteral("mandelbrot-chirp");
        clip.duration = Time::fromSeconds(10);
        auto added = videos.add(clip);
        QVERIFY2(added.ok(), qPrintable(added.errorString()));
        QVERIFY(!added->hasFile());
        QCOMPARE(added->title, QStringLiteral("mandelbrot-chirp"));
        annotation::Video other;
        other.externalId = QStringLiteral("BjCEufrlXm4_20_30");
        QVERIFY(videos.add(other).ok());
        auto read = videos.byExternalId(QStringLiteral("mandelbrot-chirp"));
        QVERIFY(read.ok() && read->has_value());
        QVERIFY((*read)->path.isEmpty());
        QCOMPARE((*read)->id, added->id);
        // Two videos cannot share a dataset name.
        QVERIFY(!videos.add(clip).ok());
        QVERIFY(!videos.byPath(QString())->has_value());

        auto attached = addMediaFile(videos, sample("mandelbrot-chirp.mp4"));
        QVERIFY2(attached.ok(), qPrintable(attached.errorString()));
        QCOMPARE(attached->id, added->id);
        QVERIFY(attached->hasFile());
        QCOMPARE(attached->width, 640);
        QCOMPARE(attached->externalId, QStringLiteral("mandelbrot-chirp"));
        QCOMPARE(videos.all()->size(), 2);
    }

    void reservedIdsNeverOverlap()
    {
        QTemporaryDir dir;
        const QString location = testing::newLibraryLocation(dir);
        auto db = Database::open(location);
        QVERIFY(db.ok());
        auto a = AnnotationRepository(*db).reserveIds(100);
        auto b = AnnotationRepository(*db).reserveIds(5);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a->count, 100);
        QVERIFY(b->first >= a->first + 100);
        // A second client of the same library gets its own block too.
        auto other = Database::open(location);
        QVERIFY(other.ok());
        auto c = AnnotationRepository(*other).reserveIds(1);
        QVERIFY(c.ok());
        QVERIFY(c->first >= b->first + 5);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
