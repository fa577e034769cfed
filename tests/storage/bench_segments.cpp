// Time-window queries among 1,000,000 segments: the store's duration-class B-tree ranges against
// two references measured in the same run on the same rows (a plain index on (video, onset) with
// onset < end AND offset > start, and ARCHITECTURE.md's single lower bound onset > start -
// longest), in one 100-hour video and in 1,000 videos of 1,000 segments. Also the in-memory
// document's window reads, and insert throughput. Checks that every method returns the same
// segments; prints times and ratios, asserts no time.
//
//   bench_segments [segments]     (default 1,000,000)

#include "core/annotation/document.h"
#include "core/storage/annotationrepository.h"
#include "core/storage/database.h"
#include "core/storage/videorepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>

using namespace earmark;
using namespace earmark::annotation;
using namespace earmark::storage;

namespace {

void out(const QString &s)
{
    std::fputs(qPrintable(s + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

struct Window
{
    VideoId video;
    qint64 start;
    qint64 end;
};

// Runs `query` for every window; returns the mean milliseconds and the total rows.
template<typename F>
QPair<double, qint64> timeQueries(const QList<Window> &windows, F query)
{
    QElapsedTimer t;
    t.start();
    qint64 rows = 0;
    for (const Window &w : windows)
        rows += query(w);
    return {double(t.nsecsElapsed()) / 1e6 / windows.size(), rows};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 total = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1'000'000;
    QTemporaryDir dir;
    auto opened = Database::open(dir.filePath(QStringLiteral("bench.sqlite")));
    if (!opened) {
        out(opened.errorString());
        return 1;
    }
    auto db = *opened;
    QRandomGenerator rng(12345);

    // Layout A: one 100-hour video. Layout B: 1,000 videos of an hour.
    const qint64 hour = 3600'000'000;
    Video longVideo;
    longVideo.externalId = QStringLiteral("hundred_hours");
    longVideo.duration = Time::fromMicroseconds(100 * hour);
    const VideoId big = VideoRepository(db).add(longVideo)->id;
    QList<VideoId> many;
    for (int i = 0; i < 1000; ++i) {
        Video v;
        v.externalId = QStringLiteral("hour_%1").arg(i);
        v.duration = Time::fromMicroseconds(hour);
        many.append(VideoRepository(db).add(v)->id);
    }

    // Segments: mostly 0.2-10 s events; 1 in 1000 a long one (up to 20 minutes); one segment
    // spanning each whole video (a clip-level label).
    auto makeSegment = [&](qint64 id, VideoId video, TrackId track, qint64 length) {
        Segment s;
        s.id = id;
        s.videoId = video;
        s.trackId = track;
        s.classIndex = int(id % 25);
        s.modality = Modality::Audio;
        const qint64 len = id % 1000 == 0 ? rng.bounded(qint64(60'000'000), qint64(1200'000'000))
                                          : rng.bounded(qint64(200'000), qint64(10'000'000));
        const qint64 on = rng.bounded(qint64(0), length - len);
        s.onset = Time::fromMicroseconds(on);
        s.offset = Time::fromMicroseconds(on + len);
        return s;
    };
    AnnotationRepository repo(db);
    const qint64 perLayout = total / 2;
    auto ids = repo.reserveIds(total + 2000 + 10);
    qint64 next = ids->first;
    QElapsedTimer insertTimer;
    insertTimer.start();
    QList<Segment> bigSegments;
    {
        Edit e;
        const TrackId track = next++;
        e.insert(Track{track, big, QStringLiteral("events"), kLlpLabelSetId, 0, {}});
        Segment whole = makeSegment(next++, big, track, 100 * hour);
        whole.onset = Time();
        whole.offset = longVideo.duration;
        e.insert(whole);
        bigSegments.append(whole);
        for (qint64 i = 0; i < perLayout; ++i) {
            const Segment s = makeSegment(next++, big, track, 100 * hour);
            e.insert(s);
            bigSegments.append(s);
        }
        if (const Status s = repo.applyEdit(e); !s) {
            out(s.errorString());
            return 1;
        }
    }
    {
        Edit e;
        for (VideoId v : std::as_const(many)) {
            const TrackId track = next++;
            e.insert(Track{track, v, QStringLiteral("events"), kLlpLabelSetId, 0, {}});
            Segment whole = makeSegment(next++, v, track, hour);
            whole.onset = Time();
            whole.offset = Time::fromMicroseconds(hour);
            e.insert(whole);
            for (qint64 i = 0; i < perLayout / 1000; ++i)
                e.insert(makeSegment(next++, v, track, hour));
        }
        if (const Status s = repo.applyEdit(e); !s) {
            out(s.errorString());
            return 1;
        }
    }
    const double insertSeconds = insertTimer.nsecsElapsed() / 1e9;
    const qint64 count = *repo.segmentCount();
    out(QStringLiteral("segments stored: %1 (one 100-hour video: %2; 1,000 one-hour videos: %3)")
            .arg(count)
            .arg(perLayout + 1)
            .arg(count - perLayout - 1));
    out(QStringLiteral("insert: %1 s, %2 segments/s (one transaction per layout, Qt SQL)")
            .arg(insertSeconds, 0, 'f', 1)
            .arg(double(count) / insertSeconds, 0, 'f', 0));

    // The reference index for the plain methods.
    {
        QSqlQuery q(db->connection());
        q.exec(QStringLiteral("CREATE INDEX bench_onset ON segments (video_id, onset_us)"));
        q.exec(QStringLiteral("ANALYZE"));
    }
    auto countRows = [&](QSqlQuery &q) {
        qint64 n = 0;
        while (q.next())
            ++n;
        return n;
    };
    QSqlQuery plain(db->connection());
    const QString columns = QString::fromLatin1(
        "id, video_id, track_id, modality, class_index, onset_us, offset_us, run_id, author, "
        "confidence, status, created, modified, attributes");
    plain.prepare(QStringLiteral("SELECT %1 FROM segments "
                                 "INDEXED BY bench_onset WHERE video_id = ? AND onset_us < ? AND "
                                 "offset_us > ? ORDER BY onset_us")
                      .arg(columns));
    QSqlQuery bounded(db->connection());
    bounded.prepare(QStringLiteral("SELECT %1 FROM segments "
                                   "INDEXED BY bench_onset WHERE video_id = ? AND onset_us > ? AND "
                                   "onset_us < ? AND offset_us > ? ORDER BY onset_us")
                        .arg(columns));
    QHash<VideoId, qint64> longest;
    {
        QSqlQuery q(db->connection());
        q.exec(QStringLiteral(
            "SELECT video_id, MAX(offset_us - onset_us) FROM segments GROUP BY video_id"));
        while (q.next())
            longest.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    }

    for (int layout = 0; layout < 2; ++layout) {
        QList<Window> windows;
        for (int i = 0; i < 100; ++i) {
            const VideoId v = layout == 0 ? big : many.at(rng.bounded(int(many.size())));
            const qint64 length = layout == 0 ? 100 * hour : hour;
            const qint64 start = rng.bounded(qint64(0), length - 60'000'000);
            windows.append({v, start, start + 60'000'000});
        }
        const auto store = timeQueries(windows, [&](const Window &w) {
            return qint64(repo.segmentsIn(w.video,
                                          Time::fromMicroseconds(w.start),
                                          Time::fromMicroseconds(w.end))
                              ->size());
        });
        const auto naive = timeQueries(windows, [&](const Window &w) {
            plain.addBindValue(w.video);
            plain.addBindValue(w.end);
            plain.addBindValue(w.start);
            plain.exec();
            return countRows(plain);
        });
        const auto lower = timeQueries(windows, [&](const Window &w) {
            bounded.addBindValue(w.video);
            bounded.addBindValue(w.start - longest.value(w.video));
            bounded.addBindValue(w.end);
            bounded.addBindValue(w.start);
            bounded.exec();
            return countRows(bounded);
        });
        if (store.second != naive.second || store.second != lower.second) {
            out(QStringLiteral("MISMATCH: the methods return %1, %2 and %3 rows")
                    .arg(store.second)
                    .arg(naive.second)
                    .arg(lower.second));
            return 1;
        }
        out(QStringLiteral("%1, 60-s windows (%2 rows each on average):")
                .arg(layout == 0 ? QStringLiteral("one 100-hour video")
                                 : QStringLiteral("1,000 one-hour videos"))
                .arg(double(store.second) / windows.size(), 0, 'f', 1));
        out(QStringLiteral("  store (duration classes):            %1 ms")
                .arg(store.first, 0, 'f', 3));
        out(QStringLiteral("  onset < end AND offset > start:      %1 ms  (%2x the store's time)")
                .arg(naive.first, 0, 'f', 3)
                .arg(naive.first / store.first, 0, 'f', 1));
        out(QStringLiteral("  onset > start - longest (%1 s):  %2 ms  (%3x)")
                .arg(double(longest.value(windows.constFirst().video)) / 1e6, 0, 'f', 0)
                .arg(lower.first, 0, 'f', 3)
                .arg(lower.first / store.first, 0, 'f', 1));
    }

    // The editor's in-memory document over the 100-hour video's 500,000 segments.
    DocumentSnapshot snap;
    snap.video = *VideoRepository(db).byId(big).value();
    snap.labelSets = {LabelSet::llp()};
    snap.tracks = *repo.tracks(big);
    snap.segments = bigSegments;
    QElapsedTimer load;
    load.start();
    AnnotationDocument doc(snap);
    const double loadMs = load.nsecsElapsed() / 1e6;
    QList<Window> windows;
    for (int i = 0; i < 2000; ++i) {
        const qint64 start = rng.bounded(qint64(0), 100 * hour - 60'000'000);
        windows.append({big, start, start + 60'000'000});
    }
    const auto memory = timeQueries(windows, [&](const Window &w) {
        return qint64(
            doc.segmentsIn(Time::fromMicroseconds(w.start), Time::fromMicroseconds(w.end)).size());
    });
    out(QStringLiteral("in-memory document of %1 segments: built in %2 ms, 60-s window read %3 ms")
            .arg(doc.segmentCount())
            .arg(loadMs, 0, 'f', 0)
            .arg(memory.first, 0, 'f', 4));
    return 0;
}
