// A process killed at any moment (SIGKILL, in the middle of editing or of an import) loses no
// committed edit, leaves no partial import, and the library opens cleanly afterwards.

#include "core/storage/annotationrepository.h"
#include "core/storage/database.h"
#include "core/storage/videorepository.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace earmark;
using namespace earmark::storage;

namespace {

using State = QMap<qint64, QPair<qint64, qint64>>; // segment id -> onset, offset (us)

void applyOps(State &state, const QString &ops)
{
    for (const QString &op : ops.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QStringList w = op.split(QLatin1Char(' '));
        if (w.at(0) == QLatin1String("set"))
            state.insert(w.at(1).toLongLong(), {w.at(2).toLongLong(), w.at(3).toLongLong()});
        else
            state.remove(w.at(1).toLongLong());
    }
}

State stored(const std::shared_ptr<Database> &db)
{
    State s;
    auto segments = AnnotationRepository(db).segments({});
    if (segments) {
        for (const annotation::Segment &seg : std::as_const(*segments))
            s.insert(seg.id, {seg.onset.microseconds(), seg.offset.microseconds()});
    }
    return s;
}

bool integrityOk(const std::shared_ptr<Database> &db)
{
    QSqlQuery q(db->connection());
    return q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next()
           && q.value(0).toString() == QLatin1String("ok");
}

void killHard(QProcess &p)
{
    // processId() is 0 once the child has exited; kill(0) would hit our own process group.
    const pid_t pid = pid_t(p.processId());
    if (pid > 0)
        ::kill(pid, SIGKILL);
    p.waitForFinished(10000);
}

} // namespace

class TestCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editsSurviveKills()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lib.sqlite"));
        annotation::VideoId video = 0;
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            annotation::Video v;
            v.externalId = QStringLiteral("crash_clip");
            v.duration = Time::fromSeconds(60);
            auto added = VideoRepository(*db).add(v);
            QVERIFY(added.ok());
            video = added->id;
        }
        QRandomGenerator rng(QRandomGenerator::global()->generate());
        State committed;
        int edits = 0, inFlight = 0;
        for (int round = 0; round < 6; ++round) {
            QProcess child;
            child.start(QStringLiteral(EARMARK_BINARY_DIR "/tests/storage/crash_helper"),
                        {path, QString::number(video), QString::number(rng.generate())});
            QVERIFY(child.waitForStarted());
            QVERIFY(child.waitForReadyRead(20000));
            // Let it edit for a random while, then kill it without warning.
            QTest::qWait(rng.bounded(150, 900));
            killHard(child);
            QString pending;
            bool sawPending = false;
            const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
            for (const QByteArray &raw : lines) {
                const QString line = QString::fromUtf8(raw);
                if (line.startsWith(QLatin1String("error")))
                    QFAIL(qPrintable(line));
                if (line.startsWith(QLatin1String("pending "))) {
                    pending = line.mid(8);
                    sawPending = true;
                } else if (line == QLatin1String("committed")) {
                    applyOps(committed, pending);
                    sawPending = false;
                    ++edits;
                }
            }
            auto db = Database::open(path); // quick_check inside
            QVERIFY2(db.ok(), qPrintable(db.errorString()));
            QVERIFY(integrityOk(*db));
            const State now = stored(*db);
            if (now == committed)
                continue;
            // The edit under way when the kill came may have made it, whole.
            State withPending = committed;
            applyOps(withPending, pending);
            QVERIFY2(sawPending && now == withPending,
                     qPrintable(QStringLiteral("round %1: the library holds %2 segments, the "
                                               "committed edits say %3")
                                    .arg(round)
                                    .arg(now.size())
                                    .arg(committed.size())));
            committed = withPending;
            ++inFlight;
        }
        qInfo("%d edits reported committed over 6 kills; %d in-flight edits found whole",
              edits,
              inFlight);
        QVERIFY(edits > 0);
    }

    void importsAreAllOrNothing()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("big_audio.csv"));
        const int clips = 5000, perClip = 8;
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("filename\tonset\toffset\tevent_labels\n");
            for (int c = 0; c < clips; ++c) {
                const QByteArray name = QStringLiteral("%1_%2_%3")
                                            .arg(c, 11, 36, QLatin1Char('x'))
                                            .arg(c * 10)
                                            .arg(c * 10 + 10)
                                            .toLatin1();
                for (int k = 0; k < perClip; ++k)
                    f.write(name + '\t' + QByteArray::number(k) + '\t' + QByteArray::number(k + 2)
                            + "\tSpeech\n");
            }
        }
        const QString path = dir.filePath(QStringLiteral("lib.sqlite"));
        QVERIFY(Database::open(path).ok());
        QRandomGenerator rng(QRandomGenerator::global()->generate());
        int whole = 0, none = 0;
        for (int round = 0; round < 4; ++round) {
            QProcess child;
            child.start(QStringLiteral(EARMARK_BINARY_DIR "/bin/earmark"),
                        {QStringLiteral("import"),
                         QStringLiteral("--library"),
                         path,
                         QStringLiteral("--format"),
                         QStringLiteral("llp-dense"),
                         file});
            QVERIFY(child.waitForStarted());
            QTest::qWait(rng.bounded(100, 2500));
            killHard(child);
            auto db = Database::open(path);
            QVERIFY2(db.ok(), qPrintable(db.errorString()));
            QVERIFY(integrityOk(*db));
            const qint64 count = *AnnotationRepository(*db).segmentCount();
            const qsizetype videos = VideoRepository(*db).all()->size();
            // Either every row of an import or none of it; each import adds the same rows.
            QVERIFY2(count % (clips * perClip) == 0,
                     qPrintable(QStringLiteral("%1 segments after a kill").arg(count)));
            QVERIFY(videos == 0 || videos == clips);
            (count == qint64(whole + 1) * clips * perClip ? whole : none) += 1;
        }
        qInfo("killed imports: %d had committed, %d had not", whole, none);
    }
};

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
