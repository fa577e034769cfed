#include "core/formats/internal/common.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStringDecoder>

namespace earmark::formats {

Status writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return Error(QStringLiteral("cannot create the folder; check permissions"),
                     info.absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(QStringLiteral("cannot write the file: %1").arg(file.errorString()), path);
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Error(QStringLiteral("cannot write the file (disk full?): %1").arg(file.errorString()),
                     path);
    return {};
}

} // namespace earmark::formats

namespace earmark::formats::internal {

using annotation::Modality;

Result<QStringList> readLines(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return Error(QStringLiteral("the file does not exist"), path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("cannot read the file: %1").arg(f.errorString()), path);
    const QByteArray bytes = f.readAll();
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder(bytes);
    if (decoder.hasError())
        return Error(QStringLiteral("the file is not UTF-8 text; save it as UTF-8"), path);
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    QStringList lines = text.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    for (QString &l : lines) {
        if (l.endsWith(QLatin1Char('\r')))
            l.chop(1);
    }
    return lines;
}

bool RowChecker::bad(int line, const QString &text, const QString &reason, const QString &video)
{
    if (m_options.skipBadRows) {
        m_data.skipped.append(
            SkippedRow{line, text, reason, video, int(m_data.segments.size()) - 1});
        return true;
    }
    m_error = Error(reason
                        + QStringLiteral(" (fix the row, or import with --skip-bad-rows to "
                                         "leave such rows out)"),
                    m_file,
                    line);
    return false;
}

bool RowChecker::knowsClass(const QString &labelSet, const QString &label) const
{
    for (const annotation::LabelSet &s : m_options.labelSets) {
        if (s.name == labelSet)
            return !s.builtin || s.indexOf(label) >= 0;
    }
    for (const annotation::LabelSet &s : annotation::builtinLabelSets()) {
        if (s.name == labelSet)
            return s.indexOf(label) >= 0;
    }
    return true;
}

QString RowChecker::unknownClass(const QString &labelSet, const QString &label)
{
    return QStringLiteral("unknown class \"%1\" (label set %2 has no such class)")
        .arg(label, labelSet);
}

namespace {

QString modalityWord(Modality m)
{
    switch (m) {
    case Modality::Audio:
        return QStringLiteral("audio");
    case Modality::Visual:
        return QStringLiteral("visual");
    case Modality::AudioVisual:
        return QStringLiteral("audio-visual");
    case Modality::Unspecified:
        return QStringLiteral("unspecified");
    }
    return QStringLiteral("audio-visual");
}

} // namespace

QString withModality(const QString &label, Modality m)
{
    return QStringLiteral("%1 [%2]").arg(label, modalityWord(m));
}

std::pair<QString, Modality> splitModality(const QString &text, Modality fallback)
{
    static const QRegularExpression re(
        QStringLiteral("^(.*\\S)\\s*\\[(audio|visual|audio-visual|unspecified)\\]$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return {text.trimmed(), fallback};
    return {m.captured(1), annotation::modalityFromName(m.captured(2)).value_or(fallback)};
}

QString tierName(const QString &track, Modality m, int lane)
{
    QString name = QStringLiteral("%1 %2").arg(track, modalityWord(m));
    if (lane > 0)
        name += QStringLiteral(" (%1)").arg(lane + 1);
    return name;
}

TierName parseTierName(const QString &name)
{
    static const QRegularExpression re(
        QStringLiteral("^(.*\\S) (audio|visual|audio-visual|unspecified)(?: \\((\\d+)\\))?$"));
    const auto m = re.match(name);
    if (!m.hasMatch())
        return {name, std::nullopt};
    return {m.captured(1), annotation::modalityFromName(m.captured(2))};
}

QList<int> assignLanes(const QList<const DatasetSegment *> &segments)
{
    QList<int> order(segments.size());
    for (int i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return segments.at(a)->onset < segments.at(b)->onset;
    });
    QList<Time> laneEnd;
    QList<int> lanes(segments.size(), 0);
    for (int i : std::as_const(order)) {
        const DatasetSegment *s = segments.at(i);
        int lane = 0;
        while (lane < laneEnd.size() && laneEnd.at(lane) > s->onset)
            ++lane;
        if (lane == laneEnd.size())
            laneEnd.append(s->offset);
        else
            laneEnd[lane] = s->offset;
        lanes[i] = lane;
    }
    return lanes;
}

QString perVideoPath(const QString &folder, const QString &video, const QString &extension)
{
    QString safe = video;
    safe.replace(QRegularExpression(QStringLiteral("[/\\\\:*?\"<>|]")), QStringLiteral("_"));
    return QDir(folder).filePath(safe + extension);
}

QList<QPair<QString, QList<int>>> segmentsByVideo(const Dataset &data)
{
    QList<QPair<QString, QList<int>>> groups;
    QHash<QString, qsizetype> index;
    for (const DatasetVideo &v : data.videos) {
        index.insert(v.name, groups.size());
        groups.append({v.name, {}});
    }
    for (int i = 0; i < data.segments.size(); ++i) {
        const QString &v = data.segments.at(i).video;
        auto it = index.constFind(v);
        if (it == index.cend()) {
            it = index.insert(v, groups.size());
            groups.append({v, {}});
        }
        groups[*it].second.append(i);
    }
    return groups;
}

} // namespace earmark::formats::internal
