// WebVTT: one cue per segment ("00:00:01.000 --> 00:00:04.000", then the label), cues in time
// order, times to the millisecond (the format's precision). One file per video. Labels carry the
// modality as " [audio]" etc.; a cue without one is heard and seen (audio-visual) unless
// --modality says otherwise. NOTE, STYLE and REGION blocks and cue settings are read past.

#include "core/formats/internal/common.h"
#include "core/formats/internal/readers.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace earmark::formats::internal {

using annotation::Modality;

namespace {

std::optional<Time> parseVttTime(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^(?:(\\d+):)?([0-5]\\d):([0-5]\\d)\\.(\\d{3})$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 h = m.captured(1).isEmpty() ? 0 : m.captured(1).toLongLong();
    const qint64 ms = ((h * 60 + m.captured(2).toLongLong()) * 60 + m.captured(3).toLongLong())
                          * 1000
                      + m.captured(4).toLongLong();
    return Time::fromMilliseconds(ms);
}

QString vttTime(Time t)
{
    const qint64 ms = (t.microseconds() + 500) / 1000;
    return QStringLiteral("%1:%2:%3.%4")
        .arg(ms / 3600000, 2, 10, QLatin1Char('0'))
        .arg((ms / 60000) % 60, 2, 10, QLatin1Char('0'))
        .arg((ms / 1000) % 60, 2, 10, QLatin1Char('0'))
        .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

Result<Dataset> readOne(const QString &path, const ReadOptions &options)
{
    auto lines = readLines(path);
    if (!lines)
        return lines.error();
    if (lines->isEmpty() || !lines->constFirst().startsWith(QLatin1String("WEBVTT")))
        return Error(QStringLiteral("not a WebVTT file (it must start with \"WEBVTT\")"), path, 1);
    Dataset data;
    RowChecker rows(path, options, data);
    const QString video = options.video.isEmpty() ? QFileInfo(path).completeBaseName()
                                                  : options.video;
    const QString labelSet = options.labelSet.isEmpty() ? annotation::llpLabelSetName()
                                                        : options.labelSet;
    const QString track = options.track.isEmpty() ? QStringLiteral("WebVTT") : options.track;
    data.video(video);
    static const QRegularExpression timing(QStringLiteral("^(\\S+)\\s+-->\\s+(\\S+)(?:\\s.*)?$"));
    int i = 1;
    while (i < lines->size()) {
        // A block runs to the next blank line.
        while (i < lines->size() && lines->at(i).trimmed().isEmpty())
            ++i;
        if (i >= lines->size())
            break;
        const int blockStart = i;
        QStringList block;
        while (i < lines->size() && !lines->at(i).trimmed().isEmpty())
            block.append(lines->at(i++));
        const QString &head = block.constFirst();
        if (head.startsWith(QLatin1String("NOTE")) || head == QLatin1String("STYLE")
            || head == QLatin1String("REGION"))
            continue;
        int timingLine = 0;
        if (!head.contains(QLatin1String("-->")))
            timingLine = 1; // a cue identifier first
        const int line = blockStart + timingLine + 1;
        const QString text = block.join(QLatin1Char('\n'));
        QString problem;
        std::optional<Time> start, end;
        QString label;
        Modality modality = options.modality.value_or(Modality::AudioVisual);
        if (timingLine >= block.size()) {
            problem = QStringLiteral("a cue without a timing line (\"start --> end\")");
        } else {
            const auto m = timing.match(block.at(timingLine));
            if (!m.hasMatch()) {
                problem = QStringLiteral("expected a timing line \"start --> end\"");
            } else {
                start = parseVttTime(m.captured(1));
                end = parseVttTime(m.captured(2));
                if (!start)
                    problem = QStringLiteral("\"%1\" is not a time (hh:mm:ss.ttt)")
                                  .arg(m.captured(1));
                else if (!end)
                    problem = QStringLiteral("\"%1\" is not a time (hh:mm:ss.ttt)")
                                  .arg(m.captured(2));
                else if (!(*start < *end))
                    problem = QStringLiteral("the cue ends before it starts");
            }
            if (problem.isEmpty()) {
                const QString body = block.mid(timingLine + 1).join(QLatin1Char(' ')).trimmed();
                std::tie(label, modality) = splitModality(body, modality);
                if (label.isEmpty())
                    problem = QStringLiteral("the cue has no text");
                else if (!rows.knowsClass(labelSet, label))
                    problem = RowChecker::unknownClass(labelSet, label);
            }
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
        s.label = label;
        s.modality = modality;
        s.onset = *start;
        s.offset = *end;
        s.line = line;
        data.segments.append(s);
    }
    return data;
}

QByteArray writeOne(const Dataset &data, const QString &)
{
    QList<const DatasetSegment *> cues;
    for (const DatasetSegment &s : data.segments)
        cues.append(&s);
    std::stable_sort(cues.begin(), cues.end(), [](const DatasetSegment *a, const DatasetSegment *b) {
        return a->onset < b->onset;
    });
    QByteArray out = "WEBVTT\n";
    for (const DatasetSegment *s : std::as_const(cues)) {
        Time end = s->offset;
        if ((end.microseconds() + 500) / 1000 <= (s->onset.microseconds() + 500) / 1000)
            end = s->onset + Time::fromMilliseconds(1); // keep sub-millisecond cues
        out += QStringLiteral("\n%1 --> %2\n%3\n")
                   .arg(vttTime(s->onset), vttTime(end), withModality(s->label, s->modality))
                   .toUtf8();
    }
    return out;
}

} // namespace

Result<Dataset> readVtt(const QString &path, const ReadOptions &options)
{
    return readPerVideo(path, QStringLiteral(".vtt"), options, readOne);
}

Status writeVtt(const Dataset &data, const QString &path, const WriteOptions &)
{
    return writePerVideo(data, path, QStringLiteral(".vtt"), writeOne);
}

} // namespace earmark::formats::internal
