// JSON Lines: one JSON object per line, everything explicit, for scripts. Kinds ("type"):
//   {"type":"video","video":NAME,"duration":10,"path":FILE,"attributes":{...}}
//   {"video":NAME,"track":"LLP","label_set":"LLP","class":"Dog","modality":"audio",
//    "onset":1.5,"offset":4,"status":"accepted","confidence":1,"author":"ana","attributes":{...}}
//    (type "segment" is the default)
//   {"type":"mask","video":NAME,"track":...,"label_set":...,"object":"dog","class":"Dog",
//    "time":0.9375,"width":224,"height":224,"counts":[...]}  (counts: RleMask runs, 0-run first)
// Times are seconds; kept exact to the microsecond.

#include "core/formats/internal/common.h"
#include "core/formats/internal/readers.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace earmark::formats::internal {

using annotation::Modality;
using annotation::SegmentStatus;

namespace {

std::optional<Time> jsonTime(const QJsonValue &v)
{
    if (!v.isDouble() || v.toDouble() < 0)
        return std::nullopt;
    return Time::fromSeconds(v.toDouble());
}

QJsonValue timeValue(Time t)
{
    if (t.microseconds() % 1000000 == 0)
        return QJsonValue(t.microseconds() / 1000000);
    return QJsonValue(double(t.microseconds()) / 1e6);
}

} // namespace

Result<Dataset> readJsonl(const QString &path, const ReadOptions &options)
{
    auto lines = readLines(path);
    if (!lines)
        return lines.error();
    Dataset data;
    RowChecker rows(path, options, data);
    const QString defaultSet = options.labelSet.isEmpty() ? annotation::llpLabelSetName()
                                                          : options.labelSet;
    const QString defaultTrack = options.track.isEmpty() ? QStringLiteral("JSONL") : options.track;
    for (int i = 0; i < lines->size(); ++i) {
        const int line = i + 1;
        const QString &text = lines->at(i);
        if (text.trimmed().isEmpty())
            continue;
        QJsonParseError perr;
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &perr);
        QString problem;
        if (perr.error != QJsonParseError::NoError)
            problem = QStringLiteral("not JSON: %1 at character %2")
                          .arg(perr.errorString())
                          .arg(perr.offset);
        else if (!doc.isObject())
            problem = QStringLiteral("expected a JSON object");
        const QJsonObject o = doc.object();
        const QString type = o.value(QStringLiteral("type")).toString(QStringLiteral("segment"));
        const QString video = options.video.isEmpty() ? o.value(QStringLiteral("video")).toString()
                                                      : options.video;
        if (problem.isEmpty() && video.isEmpty())
            problem = QStringLiteral("\"video\" is missing");
        if (problem.isEmpty() && type == QLatin1String("video")) {
            DatasetVideo &v = data.video(video);
            if (o.contains(QStringLiteral("duration"))) {
                const auto d = jsonTime(o.value(QStringLiteral("duration")));
                if (!d) {
                    problem = QStringLiteral("\"duration\" is not a number of seconds");
                } else {
                    v.duration = *d;
                }
            }
            v.path = o.value(QStringLiteral("path")).toString();
            v.attributes = o.value(QStringLiteral("attributes")).toObject();
            if (problem.isEmpty())
                continue;
        }
        const QString track = o.value(QStringLiteral("track")).toString(defaultTrack);
        const QString labelSet = o.value(QStringLiteral("label_set")).toString(defaultSet);
        const QString label = o.value(QStringLiteral("class")).toString();
        if (problem.isEmpty() && type == QLatin1String("segment")) {
            const auto onset = jsonTime(o.value(QStringLiteral("onset")));
            const auto offset = jsonTime(o.value(QStringLiteral("offset")));
            std::optional<Modality> modality = options.modality.value_or(Modality::AudioVisual);
            if (o.contains(QStringLiteral("modality")))
                modality = annotation::modalityFromName(
                    o.value(QStringLiteral("modality")).toString());
            std::optional<SegmentStatus> status = SegmentStatus::Accepted;
            if (o.contains(QStringLiteral("status")))
                status = annotation::segmentStatusFromName(
                    o.value(QStringLiteral("status")).toString());
            const QJsonValue confidence = o.value(QStringLiteral("confidence"));
            if (label.isEmpty())
                problem = QStringLiteral("\"class\" is missing");
            else if (!onset)
                problem = QStringLiteral("\"onset\" is not a number of seconds");
            else if (!offset)
                problem = QStringLiteral("\"offset\" is not a number of seconds");
            else if (!(*onset < *offset))
                problem = QStringLiteral("onset is not before offset");
            else if (!modality)
                problem = QStringLiteral("\"modality\" is not audio, visual, audio_visual or "
                                         "unspecified");
            else if (!status)
                problem = QStringLiteral(
                    "\"status\" is not proposed, accepted, rejected or edited");
            else if (!confidence.isUndefined() && !confidence.isDouble())
                problem = QStringLiteral("\"confidence\" is not a number");
            else if (!rows.knowsClass(labelSet, label))
                problem = RowChecker::unknownClass(labelSet, label);
            if (problem.isEmpty()) {
                data.video(video);
                DatasetSegment s;
                s.video = video;
                s.track = track;
                s.labelSet = labelSet;
                s.label = label;
                s.modality = *modality;
                s.onset = *onset;
                s.offset = *offset;
                s.status = *status;
                s.confidence = confidence.toDouble(1.0);
                s.author = o.value(QStringLiteral("author")).toString();
                s.attributes = o.value(QStringLiteral("attributes")).toObject();
                s.line = line;
                data.segments.append(s);
                continue;
            }
        } else if (problem.isEmpty() && type == QLatin1String("mask")) {
            const auto time = jsonTime(o.value(QStringLiteral("time")));
            const int w = o.value(QStringLiteral("width")).toInt(),
                      h = o.value(QStringLiteral("height")).toInt();
            const QJsonArray counts = o.value(QStringLiteral("counts")).toArray();
            QList<quint32> runs;
            qint64 total = 0;
            bool countsOk = !counts.isEmpty();
            for (const QJsonValue &c : counts) {
                if (!c.isDouble() || c.toDouble() < 0
                    || c.toDouble() != double(qint64(c.toDouble())))
                    countsOk = false;
                runs.append(quint32(c.toDouble()));
                total += qint64(c.toDouble());
            }
            const QString object = o.value(QStringLiteral("object")).toString();
            if (!time)
                problem = QStringLiteral("\"time\" is not a number of seconds");
            else if (w <= 0 || h <= 0)
                problem = QStringLiteral("\"width\" and \"height\" must be positive");
            else if (!countsOk || total != qint64(w) * h)
                problem = QStringLiteral(
                    "\"counts\" must be whole numbers adding up to width x height");
            else if (object.isEmpty())
                problem = QStringLiteral("\"object\" is missing");
            else if (!label.isEmpty() && !rows.knowsClass(labelSet, label))
                problem = RowChecker::unknownClass(labelSet, label);
            if (problem.isEmpty()) {
                QByteArray px(qsizetype(w) * h, '\0');
                qsizetype pos = 0;
                bool on = false;
                for (quint32 c : runs) {
                    if (on)
                        std::fill(px.data() + pos, px.data() + pos + c, '\1');
                    pos += c;
                    on = !on;
                }
                data.video(video);
                DatasetMask m;
                m.video = video;
                m.track = track;
                m.labelSet = labelSet;
                m.object = object;
                m.label = label;
                m.time = *time;
                m.mask = annotation::RleMask::fromPixels(w, h, px);
                m.file = path;
                data.masks.append(m);
                continue;
            }
        } else if (problem.isEmpty()) {
            problem = QStringLiteral("unknown \"type\" \"%1\" (video, segment or mask)").arg(type);
        }
        if (!rows.bad(line, text, problem, video))
            return rows.error();
    }
    return data;
}

Status writeJsonl(const Dataset &data, const QString &path, const WriteOptions &)
{
    QByteArray out;
    auto line = [&](const QJsonObject &o) {
        out += QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    };
    for (const DatasetVideo &v : data.videos) {
        QJsonObject o{{QStringLiteral("type"), QStringLiteral("video")},
                      {QStringLiteral("video"), v.name}};
        if (v.duration > Time())
            o.insert(QStringLiteral("duration"), timeValue(v.duration));
        if (!v.path.isEmpty())
            o.insert(QStringLiteral("path"), v.path);
        if (!v.attributes.isEmpty())
            o.insert(QStringLiteral("attributes"), v.attributes);
        line(o);
    }
    for (const DatasetSegment &s : data.segments) {
        QJsonObject o{{QStringLiteral("video"), s.video},
                      {QStringLiteral("track"), s.track},
                      {QStringLiteral("label_set"), s.labelSet},
                      {QStringLiteral("class"), s.label},
                      {QStringLiteral("modality"), annotation::modalityName(s.modality)},
                      {QStringLiteral("onset"), timeValue(s.onset)},
                      {QStringLiteral("offset"), timeValue(s.offset)},
                      {QStringLiteral("status"), annotation::segmentStatusName(s.status)},
                      {QStringLiteral("confidence"), s.confidence}};
        if (!s.author.isEmpty())
            o.insert(QStringLiteral("author"), s.author);
        if (!s.attributes.isEmpty())
            o.insert(QStringLiteral("attributes"), s.attributes);
        line(o);
    }
    for (const DatasetMask &m : data.masks) {
        QJsonArray counts;
        for (quint32 c : m.mask.counts())
            counts.append(qint64(c));
        QJsonObject o{{QStringLiteral("type"), QStringLiteral("mask")},
                      {QStringLiteral("video"), m.video},
                      {QStringLiteral("track"), m.track},
                      {QStringLiteral("label_set"), m.labelSet},
                      {QStringLiteral("object"), m.object},
                      {QStringLiteral("time"), timeValue(m.time)},
                      {QStringLiteral("width"), m.mask.width()},
                      {QStringLiteral("height"), m.mask.height()},
                      {QStringLiteral("counts"), counts}};
        if (!m.label.isEmpty())
            o.insert(QStringLiteral("class"), m.label);
        line(o);
    }
    return writeFileAtomically(path, out);
}

} // namespace earmark::formats::internal
