// Audacity label tracks (File > Export > Labels): "start<TAB>end<TAB>label" per line, seconds with
// six decimals; a line "\<TAB>low<TAB>high" after a label gives its frequency range. One file per
// video. Labels carry the modality as " [audio]" etc.; a label without one is heard (audio) unless
// --modality says otherwise.

#include "core/formats/internal/common.h"
#include "core/formats/internal/readers.h"

#include <QFileInfo>

namespace earmark::formats::internal {

using annotation::Modality;

namespace {

Result<Dataset> readOne(const QString &path, const ReadOptions &options)
{
    auto lines = readLines(path);
    if (!lines)
        return lines.error();
    Dataset data;
    RowChecker rows(path, options, data);
    const QString video = options.video.isEmpty() ? QFileInfo(path).completeBaseName()
                                                  : options.video;
    const QString labelSet = options.labelSet.isEmpty() ? annotation::llpLabelSetName()
                                                        : options.labelSet;
    const QString track = options.track.isEmpty() ? QStringLiteral("Audacity") : options.track;
    data.video(video);
    bool lastWasLabel = false;
    for (int i = 0; i < lines->size(); ++i) {
        const int line = i + 1;
        const QString &text = lines->at(i);
        if (text.trimmed().isEmpty())
            continue;
        const QStringList cols = text.split(QLatin1Char('\t'));
        if (cols.constFirst() == QLatin1String("\\")) {
            const auto low = cols.size() == 3 ? parseSeconds(cols.at(1)) : std::nullopt;
            const auto high = cols.size() == 3 ? parseSeconds(cols.at(2)) : std::nullopt;
            if (!lastWasLabel || !low || !high) {
                if (!rows.bad(line,
                              text,
                              QStringLiteral("a frequency line must follow a label "
                                             "and hold two numbers")))
                    return rows.error();
                continue;
            }
            data.segments.last().attributes.insert(QStringLiteral("low_hz"), cols.at(1));
            data.segments.last().attributes.insert(QStringLiteral("high_hz"), cols.at(2));
            lastWasLabel = false;
            continue;
        }
        lastWasLabel = false;
        QString problem;
        std::optional<Time> start, end;
        if (cols.size() != 3) {
            problem = QStringLiteral("expected 3 tab-separated columns (start, end, label), "
                                     "found %1")
                          .arg(cols.size());
        } else {
            start = parseSeconds(cols.at(0));
            end = parseSeconds(cols.at(1));
            if (!start)
                problem = QStringLiteral("start \"%1\" is not a number of seconds").arg(cols.at(0));
            else if (!end)
                problem = QStringLiteral("end \"%1\" is not a number of seconds").arg(cols.at(1));
            else if (!(*start < *end))
                problem = QStringLiteral("start %1 is not before end %2 (point labels mark no "
                                         "stretch of time)")
                              .arg(cols.at(0), cols.at(1));
        }
        std::pair<QString, Modality> label;
        if (problem.isEmpty()) {
            label = splitModality(cols.at(2), options.modality.value_or(Modality::Audio));
            if (label.first.isEmpty())
                problem = QStringLiteral("the label is empty");
            else if (!rows.knowsClass(labelSet, label.first))
                problem = RowChecker::unknownClass(labelSet, label.first);
        }
        if (!problem.isEmpty()) {
            if (!rows.bad(line, text, problem, video))
                return rows.error();
            continue;
        }
        DatasetSegment s;
        s.video = video;
        s.track = track;
        s.labelSet = labelSet;
        s.label = label.first;
        s.modality = label.second;
        s.onset = *start;
        s.offset = *end;
        s.line = line;
        data.segments.append(s);
        lastWasLabel = true;
    }
    return data;
}

QString sixDecimals(Time t)
{
    const qint64 us = t.microseconds();
    return QStringLiteral("%1.%2").arg(us / 1000000).arg(us % 1000000, 6, 10, QLatin1Char('0'));
}

QByteArray writeOne(const Dataset &data, const QString &)
{
    QByteArray out;
    for (const DatasetSegment &s : data.segments) {
        out += QStringLiteral("%1\t%2\t%3\n")
                   .arg(sixDecimals(s.onset),
                        sixDecimals(s.offset),
                        withModality(s.label, s.modality))
                   .toUtf8();
        const QString low = s.attributes.value(QStringLiteral("low_hz")).toString();
        const QString high = s.attributes.value(QStringLiteral("high_hz")).toString();
        if (!low.isEmpty() && !high.isEmpty())
            out += QStringLiteral("\\\t%1\t%2\n").arg(low, high).toUtf8();
    }
    return out;
}

} // namespace

Result<Dataset> readAudacity(const QString &path, const ReadOptions &options)
{
    return readPerVideo(path, QStringLiteral(".txt"), options, readOne);
}

Status writeAudacity(const Dataset &data, const QString &path, const WriteOptions &)
{
    return writePerVideo(data, path, QStringLiteral(".txt"), writeOne);
}

} // namespace earmark::formats::internal
