// A child process for tst_crash: edits one video through an editing session, forever, and says
// on stdout what each edit is about to do ("pending ...") and when it is in the library
// ("committed"), so that its parent can kill it at any moment and check the library.
//
//   crash_helper LIBRARY VIDEO SEED

#include "core/annotation/commands.h"
#include "core/base/serialexecutor.h"
#include "core/storage/annotationsession.h"
#include "core/storage/database.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <cstdio>

using namespace earmark;
using namespace earmark::annotation;

namespace {

void say(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

QString describe(const Edit &edit)
{
    QStringList parts;
    for (const Change &c : edit.changes) {
        const auto *s = std::get_if<SegmentChange>(&c);
        if (!s)
            continue;
        if (s->after)
            parts << QStringLiteral("set %1 %2 %3")
                         .arg(s->after->id)
                         .arg(s->after->onset.microseconds())
                         .arg(s->after->offset.microseconds());
        else
            parts << QStringLiteral("remove %1").arg(s->before->id);
    }
    return parts.join(QLatin1Char(';'));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 4) {
        std::fputs("usage: crash_helper LIBRARY VIDEO SEED\n", stderr);
        return 2;
    }
    auto db = storage::Database::open(QString::fromLocal8Bit(argv[1]));
    if (!db) {
        say(QStringLiteral("error ") + db.errorString());
        return 1;
    }
    SerialExecutor storageThread(QStringLiteral("storage"));
    auto session = storage::AnnotationSession::openNow(*db,
                                                       storageThread,
                                                       QString::fromLatin1(argv[2]).toLongLong());
    if (!session) {
        say(QStringLiteral("error ") + session.errorString());
        return 1;
    }
    AnnotationDocument *doc = (*session)->document();
    QRandomGenerator rng(quint32(QByteArray(argv[3]).toUInt()));
    if (doc->tracks().isEmpty()) {
        const Status s = doc->execute(
            *commands::addTrack(*doc, QStringLiteral("crash"), kLlpLabelSetId));
        if (!s) {
            say(QStringLiteral("error ") + s.errorString());
            return 1;
        }
        (*session)->waitForWrites();
    }
    const TrackId track = doc->tracks().constFirst().id;
    say(QStringLiteral("ready"));
    for (;;) {
        const QList<Segment> segments = doc->segmentsOfTrack(track);
        const int op = rng.bounded(100);
        Result<Edit> edit = Error(QString());
        if (segments.isEmpty() || op < 55) {
            const qint64 on = rng.bounded(qint64(0), qint64(50'000'000));
            edit = commands::drawSegment(*doc,
                                         track,
                                         Modality::Audio,
                                         rng.bounded(25),
                                         Time::fromMicroseconds(on),
                                         Time::fromMicroseconds(on + rng.bounded(1, 5'000'000)));
        } else if (op < 75) {
            const Segment &s = segments.at(rng.bounded(int(segments.size())));
            edit = commands::moveSegments(*doc,
                                          {s.id},
                                          Time::fromMicroseconds(
                                              rng.bounded(-2'000'000, 2'000'000)));
        } else if (op < 90) {
            const Segment &s = segments.at(rng.bounded(int(segments.size())));
            edit = commands::deleteSegments(*doc, {s.id});
        } else if (doc->undoStack()->canUndo()) {
            // Undo: say what the inverse of the last edit does.
            const Edit inverse = doc->undoStack()->edit(doc->undoStack()->index() - 1).inverse();
            say(QStringLiteral("pending ") + describe(inverse));
            const Status s = doc->undo();
            if (!s) {
                say(QStringLiteral("error ") + s.errorString());
                return 1;
            }
            (*session)->waitForWrites();
            if (doc->isStale()) {
                say(QStringLiteral("error ") + doc->staleReason());
                return 1;
            }
            say(QStringLiteral("committed"));
            continue;
        } else {
            continue;
        }
        if (!edit) {
            say(QStringLiteral("error ") + edit.errorString());
            return 1;
        }
        if (edit->isEmpty())
            continue;
        say(QStringLiteral("pending ") + describe(*edit));
        const Status s = doc->execute(*edit);
        if (!s) {
            say(QStringLiteral("error ") + s.errorString());
            return 1;
        }
        (*session)->waitForWrites();
        QCoreApplication::processEvents(); // deliver a failure report, if any
        if (doc->isStale()) {
            say(QStringLiteral("error ") + doc->staleReason());
            return 1;
        }
        say(QStringLiteral("committed"));
    }
}
