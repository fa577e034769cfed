#include "core/storage/datasetio.h"

#include "core/annotation/document.h"
#include "core/storage/annotationrepository.h"
#include "core/storage/internal/rows.h"
#include "core/storage/labelsetrepository.h"
#include "core/storage/videorepository.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

namespace earmark::storage {

using namespace annotation;

namespace {

QString defaultAuthor()
{
    QString name = qEnvironmentVariable("USER");
    return name.isEmpty() ? QStringLiteral("import") : name;
}

// The library's videos, looked up by media file, external id and file base name.
struct VideoIndex
{
    QHash<QString, Video> byPath;
    QHash<QString, Video> byExternalId;
    QHash<QString, Video> byBaseName; // the first video with a file of that base name

    void add(const Video &v)
    {
        if (v.hasFile()) {
            byPath.insert(v.path, v);
            const QString base = QFileInfo(v.path).completeBaseName();
            if (!byBaseName.contains(base))
                byBaseName.insert(base, v);
        }
        if (!v.externalId.isEmpty())
            byExternalId.insert(v.externalId, v);
    }
};

} // namespace

Result<ImportReport> importDataset(const std::shared_ptr<Database> &db,
                                   const formats::Dataset &data,
                                   const ImportOptions &options,
                                   const ProgressCallback &progress,
                                   const CancellationToken &cancel)
{
    ImportReport report;
    report.skipped = data.skipped;
    const QString author = options.author.isEmpty() ? defaultAuthor() : options.author;
    const QString source = options.source;
    const qint64 total = qMax<qint64>(1, data.segments.size() + data.masks.size());
    const Status status = db->transaction([&](QSqlDatabase &c) -> Status {
        // Label sets by name; user sets grow with the classes met.
        auto sets = LabelSetRepository::all(c);
        if (!sets)
            return sets.error();
        QHash<QString, LabelSet> setByName;
        for (const LabelSet &s : std::as_const(*sets))
            setByName.insert(s.name, s);
        QHash<QString, QStringList> wanted;
        for (const formats::DatasetSegment &s : data.segments) {
            if (!wanted[s.labelSet].contains(s.label))
                wanted[s.labelSet].append(s.label);
        }
        for (const formats::DatasetMask &m : data.masks) {
            QStringList &list = wanted[m.labelSet];
            if (!m.label.isEmpty() && !list.contains(m.label))
                list.append(m.label);
        }
        for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
            auto set = setByName.constFind(it.key());
            if (set == setByName.cend()) {
                auto made = LabelSetRepository::create(c, it.key(), it.value());
                if (!made)
                    return made.error();
                setByName.insert(it.key(), *made);
                continue;
            }
            if (set->builtin) {
                for (const formats::DatasetSegment &s : data.segments) {
                    if (s.labelSet == it.key() && set->indexOf(s.label) < 0)
                        return Error(QStringLiteral("unknown class \"%1\" (label set %2 has no "
                                                    "such class)")
                                         .arg(s.label, s.labelSet),
                                     source,
                                     s.line);
                }
            }
            auto grown = LabelSetRepository::addClasses(c, *set, it.value());
            if (!grown)
                return Error(grown.error().message, source);
            setByName.insert(it.key(), *grown);
        }

        // Videos.
        QHash<QString, formats::DatasetVideo> facts;
        QStringList names;
        for (const formats::DatasetVideo &v : data.videos) {
            facts.insert(v.name, v);
            names.append(v.name);
        }
        QHash<QString, Time> lastOffset;
        for (const formats::DatasetSegment &s : data.segments) {
            if (!facts.contains(s.video)) {
                facts.insert(s.video, formats::DatasetVideo{s.video, {}, {}, {}});
                names.append(s.video);
            }
            lastOffset[s.video] = std::max(lastOffset.value(s.video), s.offset);
        }
        for (const formats::DatasetMask &m : data.masks) {
            if (!facts.contains(m.video)) {
                facts.insert(m.video, formats::DatasetVideo{m.video, {}, {}, {}});
                names.append(m.video);
            }
        }
        QHash<QString, VideoId> videoByName;
        VideoIndex index;
        {
            auto all = VideoRepository::all(c);
            if (!all)
                return all.error();
            for (const Video &v : std::as_const(*all))
                index.add(v);
        }
        for (const QString &name : std::as_const(names)) {
            if (cancel.isCancelled())
                return Error(QStringLiteral("the import was cancelled; nothing was stored"));
            const formats::DatasetVideo &f = facts[name];
            std::optional<Video> found;
            if (!f.path.isEmpty() && index.byPath.contains(QFileInfo(f.path).absoluteFilePath()))
                found = index.byPath.value(QFileInfo(f.path).absoluteFilePath());
            else if (index.byExternalId.contains(name))
                found = index.byExternalId.value(name);
            else if (index.byBaseName.contains(name))
                found = index.byBaseName.value(name);
            if (found) {
                ++report.videosMatched;
                if (found->externalId.isEmpty() && !index.byExternalId.contains(name)) {
                    if (const Status s = VideoRepository::setExternalId(c, found->id, name); !s)
                        return s;
                    found->externalId = name;
                    index.add(*found);
                }
                if (!f.attributes.isEmpty()) {
                    QJsonObject merged = found->attributes;
                    for (auto it = f.attributes.begin(); it != f.attributes.end(); ++it)
                        merged.insert(it.key(), it.value());
                    if (const Status s = VideoRepository::setAttributes(c, found->id, merged); !s)
                        return s;
                }
                videoByName.insert(name, found->id);
                continue;
            }
            Video v;
            v.externalId = name;
            v.duration = f.duration > Time() ? f.duration : lastOffset.value(name);
            v.attributes = f.attributes;
            auto added = VideoRepository::insert(c, v);
            if (!added)
                return Error(added.error().message, source);
            ++report.videosCreated;
            index.add(*added);
            videoByName.insert(name, added->id);
        }

        // Ids for everything this import makes.
        const qint64 needed = 2 + 2 * (data.segments.size() + data.masks.size());
        auto first = internal::reserveIds(c, needed);
        if (!first)
            return first.error();
        qint64 next = *first;
        const qint64 importId = next++;

        // Tracks: the video's track of that name and label set, or a new one.
        internal::RowWriter writer(c);
        QHash<QString, TrackId> trackByKey;
        auto trackFor = [&](VideoId video, const QString &name, LabelSetId set) -> Result<TrackId> {
            const QString key = QStringLiteral("%1\x1f%2\x1f%3").arg(video).arg(name).arg(set);
            if (auto it = trackByKey.constFind(key); it != trackByKey.cend())
                return *it;
            QSqlQuery q(c);
            q.prepare(QStringLiteral("SELECT id FROM tracks WHERE video_id = ? AND name = ? AND "
                                     "label_set_id = ? AND run_id IS NULL ORDER BY id"));
            q.addBindValue(video);
            q.addBindValue(name);
            q.addBindValue(set);
            if (!q.exec())
                return Error(QStringLiteral("cannot read the tracks: %1").arg(sqlErrorText(q)));
            TrackId id = 0;
            if (q.next()) {
                id = q.value(0).toLongLong();
            } else {
                Track t{next++, video, name, set, 0, nowUtc()};
                if (const Status s = writer.insert(t); !s)
                    return s.error();
                id = t.id;
            }
            trackByKey.insert(key, id);
            return id;
        };

        const QDateTime now = nowUtc();
        QList<SegmentId> segmentIds;
        segmentIds.reserve(data.segments.size());
        qint64 done = 0;
        for (const formats::DatasetSegment &d : data.segments) {
            if (cancel.isCancelled())
                return Error(QStringLiteral("the import was cancelled; nothing was stored"));
            const LabelSet &set = setByName[d.labelSet];
            auto track = trackFor(videoByName.value(d.video), d.track, set.id);
            if (!track)
                return track.error();
            Segment s;
            s.id = next++;
            s.videoId = videoByName.value(d.video);
            s.trackId = *track;
            s.modality = d.modality;
            s.classIndex = set.indexOf(d.label);
            s.onset = d.onset;
            s.offset = d.offset;
            s.author = d.author.isEmpty() ? author : d.author;
            s.confidence = d.confidence;
            s.status = d.status;
            s.created = s.modified = now;
            s.attributes = d.attributes;
            if (!s.isValid())
                return Error(QStringLiteral("the segment is not valid (onset must be before "
                                            "offset)"),
                             source,
                             d.line);
            if (const Status st = writer.insert(s); !st)
                return Error(st.error().message, source, d.line);
            segmentIds.append(s.id);
            ++report.segments;
            if (progress && ++done % 2000 == 0)
                progress(double(done) / total, QStringLiteral("Storing segments"));
        }

        QHash<QString, MaskObjectId> objectByKey;
        QSet<QPair<MaskObjectId, qint64>> frameKeys;
        for (const formats::DatasetMask &m : data.masks) {
            if (cancel.isCancelled())
                return Error(QStringLiteral("the import was cancelled; nothing was stored"));
            const VideoId video = videoByName.value(m.video);
            const LabelSet &set = setByName[m.labelSet];
            const QString key = QStringLiteral("%1\x1f%2\x1f%3").arg(video).arg(m.track, m.object);
            MaskObjectId object = objectByKey.value(key);
            if (!object) {
                auto track = trackFor(video, m.track, set.id);
                if (!track)
                    return track.error();
                MaskObject o;
                o.id = next++;
                o.videoId = video;
                o.trackId = *track;
                o.classIndex = m.label.isEmpty() ? -1 : set.indexOf(m.label);
                o.name = m.object;
                o.author = author;
                o.created = o.modified = now;
                if (const Status st = writer.insert(o); !st)
                    return st;
                object = o.id;
                objectByKey.insert(key, object);
            }
            if (frameKeys.contains({object, m.time.microseconds()}))
                return Error(QStringLiteral("two masks of object \"%1\" of video %2 are for the "
                                            "same frame")
                                 .arg(m.object, m.video),
                             m.file);
            frameKeys.insert({object, m.time.microseconds()});
            MaskFrame f{next++, object, video, m.time, m.mask};
            if (const Status st = writer.insert(f); !st)
                return Error(st.error().message, m.file);
            ++report.masks;
            if (progress && ++done % 200 == 0)
                progress(double(done) / total, QStringLiteral("Storing masks"));
        }

        QSqlQuery q(c);
        q.prepare(QStringLiteral("INSERT INTO imports (id, format, source, author, created, "
                                 "segments, masks, skipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(importId);
        q.addBindValue(internal::text(options.format));
        q.addBindValue(internal::text(source));
        q.addBindValue(internal::text(author));
        q.addBindValue(internal::toMs(now));
        q.addBindValue(report.segments);
        q.addBindValue(report.masks);
        q.addBindValue(int(data.skipped.size()));
        if (!q.exec())
            return Error(QStringLiteral("cannot record the import: %1").arg(sqlErrorText(q)));
        q.prepare(QStringLiteral("INSERT INTO import_skipped_rows (import_id, line, text, reason, "
                                 "video, after_segment_id) VALUES (?, ?, ?, ?, ?, ?)"));
        int ordinal = 0;
        for (const formats::SkippedRow &row : data.skipped) {
            q.addBindValue(importId);
            // Rows without a line (files of a folder) are numbered in order after the others.
            q.addBindValue(row.line > 0 ? row.line : 1000000000 + ordinal++);
            q.addBindValue(internal::text(row.text));
            q.addBindValue(internal::text(row.reason));
            q.addBindValue(internal::text(row.video));
            q.addBindValue(row.afterSegment >= 0 && row.afterSegment < segmentIds.size()
                               ? segmentIds.at(row.afterSegment)
                               : qint64(0));
            if (!q.exec())
                return Error(QStringLiteral("cannot record a skipped row: %1").arg(sqlErrorText(q)));
        }
        report.importId = importId;
        return writer.finish();
    });
    if (!status)
        return status.error();
    if (progress)
        progress(1.0, QStringLiteral("Imported"));
    return report;
}

Result<formats::Dataset> exportDataset(const std::shared_ptr<Database> &db,
                                       const ExportOptions &options)
{
    QSqlDatabase c = db->connection();
    auto videos = VideoRepository::all(c);
    if (!videos)
        return videos.error();
    auto sets = LabelSetRepository::all(c);
    if (!sets)
        return sets.error();
    QHash<VideoId, Video> videoById;
    for (const Video &v : std::as_const(*videos))
        videoById.insert(v.id, v);
    QHash<LabelSetId, LabelSet> setById;
    LabelSetId labelSet = 0;
    for (const LabelSet &s : std::as_const(*sets)) {
        setById.insert(s.id, s);
        if (s.name == options.labelSet)
            labelSet = s.id;
    }
    if (!options.labelSet.isEmpty() && labelSet == 0)
        return Error(QStringLiteral("the library has no label set \"%1\"").arg(options.labelSet));

    AnnotationQuery query;
    query.labelSet = labelSet;
    query.run = options.run;
    query.confirmedOnly = !options.includeProposals && options.run == 0;
    QSet<QString> selectedNames;
    for (const QString &name : options.videos) {
        const Video *match = nullptr;
        for (const Video &v : std::as_const(*videos)) {
            if (v.datasetName() == name || v.externalId == name
                || (v.hasFile() && v.path == QFileInfo(name).absoluteFilePath())) {
                match = &v;
                break;
            }
        }
        if (!match)
            return Error(QStringLiteral("video \"%1\" is not in the library").arg(name));
        query.videos.append(match->id);
        selectedNames.insert(match->datasetName());
    }
    if (!options.videos.isEmpty() && query.videos.isEmpty())
        return formats::Dataset{};

    AnnotationRepository repo(db);
    auto segments = repo.segments(query);
    if (!segments)
        return segments.error();
    if (options.modality) {
        QList<Segment> kept;
        for (const Segment &s : std::as_const(*segments)) {
            const Modality m = options.run != 0 ? s.predicted().modality : s.modality;
            if (m != Modality::Unspecified && modalityIncludes(m, *options.modality))
                kept.append(s);
        }
        *segments = kept;
    }
    auto objects = repo.maskObjects(query);
    if (!objects)
        return objects.error();
    QList<TrackId> trackIds;
    QHash<TrackId, Track> trackById;
    {
        QSqlQuery q(c);
        q.setForwardOnly(true);
        if (!q.exec(
                QStringLiteral("SELECT %1 FROM tracks").arg(QLatin1String(internal::kTrackColumns))))
            return Error(QStringLiteral("cannot read the tracks: %1").arg(sqlErrorText(q)));
        while (q.next()) {
            const Track t = internal::readTrack(q);
            trackById.insert(t.id, t);
        }
    }

    // Videos in the order of their first segment (or mask object), then segments by id.
    QHash<VideoId, qint64> firstId;
    for (const Segment &s : std::as_const(*segments)) {
        if (!firstId.contains(s.videoId))
            firstId.insert(s.videoId, s.id);
    }
    for (const MaskObject &o : std::as_const(*objects)) {
        if (!firstId.contains(o.videoId) || firstId.value(o.videoId) > o.id)
            firstId.insert(o.videoId, o.id);
    }
    QList<VideoId> order = firstId.keys();
    std::sort(order.begin(), order.end(), [&](VideoId a, VideoId b) {
        return firstId.value(a) < firstId.value(b);
    });
    QHash<VideoId, int> rank;
    for (int i = 0; i < order.size(); ++i)
        rank.insert(order.at(i), i);
    QList<Segment> sorted = *segments;
    std::stable_sort(sorted.begin(), sorted.end(), [&](const Segment &a, const Segment &b) {
        const int ra = rank.value(a.videoId), rb = rank.value(b.videoId);
        return ra != rb ? ra < rb : a.id < b.id;
    });

    formats::Dataset out;
    for (VideoId id : std::as_const(order)) {
        const Video &v = videoById[id];
        out.videos.append(formats::DatasetVideo{v.datasetName(), v.path, v.duration, v.attributes});
    }
    QHash<SegmentId, int> indexById;
    for (const Segment &stored : std::as_const(sorted)) {
        const Segment s = options.run != 0 ? stored.predicted() : stored;
        const Track &t = trackById[s.trackId];
        const LabelSet &set = setById[t.labelSetId];
        formats::DatasetSegment d;
        d.video = videoById[s.videoId].datasetName();
        d.track = t.name;
        d.labelSet = set.name;
        d.label = set.className(s.classIndex);
        d.modality = s.modality;
        d.onset = s.onset;
        d.offset = s.offset;
        d.confidence = s.confidence;
        d.status = s.status;
        d.author = s.author;
        d.attributes = s.attributes;
        d.attributes.remove(QStringLiteral("proposed"));
        d.id = s.id;
        indexById.insert(s.id, int(out.segments.size()));
        out.segments.append(d);
    }
    QList<MaskObjectId> objectIds;
    QHash<MaskObjectId, MaskObject> objectById;
    for (const MaskObject &o : std::as_const(*objects)) {
        objectIds.append(o.id);
        objectById.insert(o.id, o);
    }
    auto frames = repo.maskFrames(objectIds);
    if (!frames)
        return frames.error();
    QList<MaskFrame> frameList = *frames;
    std::stable_sort(frameList.begin(),
                     frameList.end(),
                     [&](const MaskFrame &a, const MaskFrame &b) {
                         const int ra = rank.value(a.videoId), rb = rank.value(b.videoId);
                         if (ra != rb)
                             return ra < rb;
                         return a.time != b.time ? a.time < b.time : a.objectId < b.objectId;
                     });
    for (const MaskFrame &f : std::as_const(frameList)) {
        const MaskObject &o = objectById[f.objectId];
        const Track &t = trackById[o.trackId];
        const LabelSet &set = setById[t.labelSetId];
        formats::DatasetMask m;
        m.video = videoById[f.videoId].datasetName();
        m.track = t.name;
        m.labelSet = set.name;
        m.object = o.name;
        m.label = set.className(o.classIndex);
        m.time = f.time;
        m.mask = f.mask;
        out.masks.append(m);
    }

    if (!options.skippedFrom.isEmpty()) {
        QSqlQuery q(c);
        q.prepare(QStringLiteral("SELECT r.line, r.text, r.reason, r.video, r.after_segment_id "
                                 "FROM import_skipped_rows r JOIN imports i ON i.id = r.import_id "
                                 "WHERE i.format = ? ORDER BY r.import_id, r.line"));
        q.addBindValue(options.skippedFrom);
        if (!q.exec())
            return Error(QStringLiteral("cannot read the skipped rows: %1").arg(sqlErrorText(q)));
        while (q.next()) {
            formats::SkippedRow row;
            row.line = q.value(0).toInt();
            row.text = q.value(1).toString();
            row.reason = q.value(2).toString();
            row.video = q.value(3).toString();
            const SegmentId after = q.value(4).toLongLong();
            if (!selectedNames.isEmpty() && !selectedNames.contains(row.video))
                continue;
            if (after == 0)
                row.afterSegment = -1;
            else if (indexById.contains(after))
                row.afterSegment = indexById.value(after);
            else
                continue; // the row it followed is gone
            out.skipped.append(row);
        }
    }
    return out;
}

} // namespace earmark::storage
