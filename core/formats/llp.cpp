// LLP (AVVP) label files: weak labels ("filename<TAB>event_labels", comma-separated classes per
// clip) and dense labels ("filename<TAB>onset<TAB>offset<TAB>event_labels", one class per row,
// whole seconds in the published files, offset exclusive). Clips are named
// "<11-character YouTube id>_<start>_<end>"; the published files use decimal start/end for a few
// clips ("AP0061o0Nvk_101.8_111.8"), which are kept as written.

#include "core/formats/internal/common.h"
#include "core/formats/internal/readers.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

namespace earmark::formats::internal {

using annotation::Modality;

namespace {

const QString kWeakHeader = QStringLiteral("filename\tevent_labels");
const QString kDenseHeader = QStringLiteral("filename\tonset\toffset\tevent_labels");

QString clipNameProblem(const QString &name)
{
    return QStringLiteral("filename \"%1\" is not an LLP clip name "
                          "(<11-character YouTube id>_<start>_<end>)")
        .arg(name);
}

// Skipped rows to put back after segment `index` (or before all when index is -1).
void appendSkipped(QByteArray &out, const Dataset &data, int index, bool include)
{
    if (!include)
        return;
    for (const SkippedRow &row : data.skipped) {
        if (row.afterSegment == index)
            out += row.text.toUtf8() + '\n';
    }
}

} // namespace

Result<Dataset> readLlpWeak(const QString &path, const ReadOptions &options)
{
    auto lines = readLines(path);
    if (!lines)
        return lines.error();
    if (lines->isEmpty() || lines->constFirst() != kWeakHeader)
        return Error(QStringLiteral("expected the header \"filename<TAB>event_labels\" of an LLP "
                                    "weak-label file"),
                     path,
                     1);
    Dataset data;
    RowChecker rows(path, options, data);
    const QString llp = annotation::llpLabelSetName();
    const QString track = options.track.isEmpty() ? QStringLiteral("LLP weak") : options.track;
    QHash<QString, int> seen;
    for (int i = 1; i < lines->size(); ++i) {
        const int line = i + 1;
        const QString &text = lines->at(i);
        const QStringList cols = text.split(QLatin1Char('\t'));
        if (cols.size() != 2) {
            if (!rows.bad(line,
                          text,
                          QStringLiteral("expected 2 tab-separated columns (filename, "
                                         "event_labels), found %1")
                              .arg(text.isEmpty() ? 0 : cols.size())))
                return rows.error();
            continue;
        }
        const QString &name = cols.at(0);
        const auto clip = parseLlpClipName(name);
        if (!clip) {
            if (!rows.bad(line, text, clipNameProblem(name)))
                return rows.error();
            continue;
        }
        if (seen.contains(name)) {
            if (!rows.bad(line,
                          text,
                          QStringLiteral("clip %1 is listed again (first at line %2)")
                              .arg(name)
                              .arg(seen.value(name)),
                          name))
                return rows.error();
            continue;
        }
        const QStringList labels = cols.at(1).split(QLatin1Char(','));
        QString problem;
        QSet<QString> unique;
        for (const QString &label : labels) {
            if (label.isEmpty())
                problem = QStringLiteral("an event label is empty");
            else if (!rows.knowsClass(llp, label))
                problem = RowChecker::unknownClass(llp, label);
            else if (unique.contains(label))
                problem = QStringLiteral("class \"%1\" is listed twice").arg(label);
            unique.insert(label);
            if (!problem.isEmpty())
                break;
        }
        if (!problem.isEmpty()) {
            if (!rows.bad(line, text, problem, name))
                return rows.error();
            continue;
        }
        seen.insert(name, line);
        DatasetVideo &video = data.video(name);
        video.duration = clip->end - clip->start;
        for (const QString &label : labels) {
            DatasetSegment s;
            s.video = name;
            s.track = track;
            s.labelSet = llp;
            s.label = label;
            s.modality = Modality::Unspecified;
            s.onset = Time();
            s.offset = video.duration;
            s.line = line;
            data.segments.append(s);
        }
    }
    return data;
}

Result<Dataset> readLlpDense(const QString &path, const ReadOptions &options)
{
    std::optional<Modality> modality = options.modality;
    if (!modality)
        modality = modalityFromFileName(path);
    if (!modality || (*modality != Modality::Audio && *modality != Modality::Visual))
        return Error(QStringLiteral("say whether the file holds audio or visual events with "
                                    "--modality audio or --modality visual"),
                     path);
    auto lines = readLines(path);
    if (!lines)
        return lines.error();
    if (lines->isEmpty() || lines->constFirst() != kDenseHeader)
        return Error(QStringLiteral("expected the header "
                                    "\"filename<TAB>onset<TAB>offset<TAB>event_labels\" of an LLP "
                                    "dense-label file"),
                     path,
                     1);
    Dataset data;
    RowChecker rows(path, options, data);
    const QString llp = annotation::llpLabelSetName();
    const QString track = options.track.isEmpty() ? QStringLiteral("LLP") : options.track;
    for (int i = 1; i < lines->size(); ++i) {
        const int line = i + 1;
        const QString &text = lines->at(i);
        const QStringList cols = text.split(QLatin1Char('\t'));
        if (cols.size() != 4) {
            if (!rows.bad(line,
                          text,
                          QStringLiteral("expected 4 tab-separated columns (filename, onset, "
                                         "offset, event_labels), found %1")
                              .arg(text.isEmpty() ? 0 : cols.size())))
                return rows.error();
            continue;
        }
        const QString &name = cols.at(0);
        const auto clip = parseLlpClipName(name);
        QString problem;
        const auto onset = parseSeconds(cols.at(1));
        const auto offset = parseSeconds(cols.at(2));
        if (!clip)
            problem = clipNameProblem(name);
        else if (!onset)
            problem = QStringLiteral("onset \"%1\" is not a number of seconds").arg(cols.at(1));
        else if (!offset)
            problem = QStringLiteral("offset \"%1\" is not a number of seconds").arg(cols.at(2));
        else if (!(*onset < *offset))
            problem = QStringLiteral("onset %1 is not before offset %2").arg(cols.at(1), cols.at(2));
        else if (*offset > clip->end - clip->start)
            problem = QStringLiteral("offset %1 is past the end of the %2-s clip")
                          .arg(cols.at(2), secondsText(clip->end - clip->start));
        else if (!rows.knowsClass(llp, cols.at(3)))
            problem = RowChecker::unknownClass(llp, cols.at(3));
        if (!problem.isEmpty()) {
            if (!rows.bad(line, text, problem, clip ? name : QString()))
                return rows.error();
            continue;
        }
        DatasetVideo &video = data.video(name);
        video.duration = clip->end - clip->start;
        DatasetSegment s;
        s.video = name;
        s.track = track;
        s.labelSet = llp;
        s.label = cols.at(3);
        s.modality = *modality;
        s.onset = *onset;
        s.offset = *offset;
        s.line = line;
        data.segments.append(s);
    }
    return data;
}

Status writeLlpWeak(const Dataset &data, const QString &path, const WriteOptions &options)
{
    QByteArray out = kWeakHeader.toUtf8() + '\n';
    appendSkipped(out, data, -1, options.includeSkipped);
    for (const auto &[video, indices] : segmentsByVideo(data)) {
        if (indices.isEmpty())
            continue;
        // The clip-level labels, in their order, when the clip has them (LLP's weak and dense
        // labels disagree for some clips: each file keeps its own); else the classes of the
        // timed segments, in the order they were made.
        QStringList labels;
        for (int i : indices) {
            const DatasetSegment &s = data.segments.at(i);
            if (s.modality == Modality::Unspecified && !labels.contains(s.label))
                labels.append(s.label);
        }
        if (labels.isEmpty()) {
            for (int i : indices) {
                const DatasetSegment &s = data.segments.at(i);
                if (!labels.contains(s.label))
                    labels.append(s.label);
            }
        }
        out += (video + QLatin1Char('\t') + labels.join(QLatin1Char(','))).toUtf8() + '\n';
        for (int i : indices)
            appendSkipped(out, data, i, options.includeSkipped);
    }
    return writeFileAtomically(path, out);
}

Status writeLlpDense(const Dataset &data, const QString &path, const WriteOptions &options)
{
    std::optional<Modality> modality = options.modality;
    if (!modality)
        modality = modalityFromFileName(path);
    if (!modality || (*modality != Modality::Audio && *modality != Modality::Visual))
        return Error(QStringLiteral("say whether to write the audio or the visual events with "
                                    "--modality audio or --modality visual"),
                     path);
    QByteArray out = kDenseHeader.toUtf8() + '\n';
    appendSkipped(out, data, -1, options.includeSkipped);
    for (int i = 0; i < data.segments.size(); ++i) {
        const DatasetSegment &s = data.segments.at(i);
        if (s.modality != Modality::Unspecified
            && annotation::modalityIncludes(s.modality, *modality))
            out += QStringLiteral("%1\t%2\t%3\t%4\n")
                       .arg(s.video, secondsText(s.onset), secondsText(s.offset), s.label)
                       .toUtf8();
        appendSkipped(out, data, i, options.includeSkipped);
    }
    return writeFileAtomically(path, out);
}

} // namespace earmark::formats::internal
