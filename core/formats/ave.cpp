// AVE annotations (Annotations.txt and the split files trainSet.txt, valSet.txt, testSet.txt):
// "Category&VideoID&Quality&StartTime&EndTime", `&` because class names hold commas; the event is
// the whole seconds [StartTime, EndTime) of the 10-s video. The header line is optional on
// reading and always written.

#include "core/formats/internal/common.h"
#include "core/formats/internal/readers.h"

#include <QRegularExpression>

namespace earmark::formats::internal {

using annotation::Modality;

namespace {

const QString kHeader = QStringLiteral("Category&VideoID&Quality&StartTime&EndTime");
const Time kAveDuration = Time::fromSeconds(10);

} // namespace

Result<Dataset> readAve(const QString &path, const ReadOptions &options)
{
    auto lines = readLines(path);
    if (!lines)
        return lines.error();
    Dataset data;
    RowChecker rows(path, options, data);
    const QString ave = annotation::aveLabelSetName();
    const QString track = options.track.isEmpty() ? QStringLiteral("AVE") : options.track;
    static const QRegularExpression idRe(QStringLiteral("^[A-Za-z0-9_-]{11}$"));
    for (int i = 0; i < lines->size(); ++i) {
        const int line = i + 1;
        const QString &text = lines->at(i);
        if (i == 0 && text == kHeader)
            continue;
        const QStringList cols = text.split(QLatin1Char('&'));
        if (cols.size() != 5) {
            if (!rows.bad(line,
                          text,
                          QStringLiteral("expected 5 &-separated fields (Category, VideoID, "
                                         "Quality, StartTime, EndTime), found %1")
                              .arg(text.isEmpty() ? 0 : cols.size())))
                return rows.error();
            continue;
        }
        QString problem;
        const auto start = parseSeconds(cols.at(3));
        const auto end = parseSeconds(cols.at(4));
        if (!rows.knowsClass(ave, cols.at(0)))
            problem = RowChecker::unknownClass(ave, cols.at(0));
        else if (!idRe.match(cols.at(1)).hasMatch())
            problem = QStringLiteral("VideoID \"%1\" is not an 11-character YouTube id")
                          .arg(cols.at(1));
        else if (!start)
            problem = QStringLiteral("StartTime \"%1\" is not a number of seconds").arg(cols.at(3));
        else if (!end)
            problem = QStringLiteral("EndTime \"%1\" is not a number of seconds").arg(cols.at(4));
        else if (!(*start < *end))
            problem = QStringLiteral("StartTime %1 is not before EndTime %2")
                          .arg(cols.at(3), cols.at(4));
        else if (*end > kAveDuration)
            problem = QStringLiteral("EndTime %1 is past the end of the 10-s video").arg(cols.at(4));
        if (!problem.isEmpty()) {
            if (!rows.bad(line, text, problem, cols.at(1)))
                return rows.error();
            continue;
        }
        data.video(cols.at(1)).duration = kAveDuration;
        DatasetSegment s;
        s.video = cols.at(1);
        s.track = track;
        s.labelSet = ave;
        s.label = cols.at(0);
        s.modality = Modality::AudioVisual;
        s.onset = *start;
        s.offset = *end;
        s.attributes.insert(QStringLiteral("quality"), cols.at(2));
        s.line = line;
        data.segments.append(s);
    }
    return data;
}

Status writeAve(const Dataset &data, const QString &path, const WriteOptions &options)
{
    QByteArray out = kHeader.toUtf8() + '\n';
    auto skipped = [&](int index) {
        if (!options.includeSkipped)
            return;
        for (const SkippedRow &row : data.skipped) {
            if (row.afterSegment == index)
                out += row.text.toUtf8() + '\n';
        }
    };
    skipped(-1);
    for (int i = 0; i < data.segments.size(); ++i) {
        const DatasetSegment &s = data.segments.at(i);
        QString quality = s.attributes.value(QStringLiteral("quality")).toString();
        if (quality.isEmpty())
            quality = QStringLiteral("good");
        out += QStringLiteral("%1&%2&%3&%4&%5\n")
                   .arg(s.label, s.video, quality, secondsText(s.onset), secondsText(s.offset))
                   .toUtf8();
        skipped(i);
    }
    return writeFileAtomically(path, out);
}

} // namespace earmark::formats::internal
