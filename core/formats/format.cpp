#include "core/formats/format.h"

#include "core/formats/internal/readers.h"

#include <QFileInfo>

namespace earmark::formats {

using namespace internal;

const QList<Format> &allFormats()
{
    static const QList<Format> list = {
        {QStringLiteral("audacity"),
         QStringLiteral("Audacity label track (start, end, label per line)"),
         QStringLiteral(".txt"),
         false,
         true,
         QString(),
         readAudacity,
         writeAudacity},
        {QStringLiteral("ave"),
         QStringLiteral("AVE annotations (Category&VideoID&Quality&StartTime&EndTime)"),
         QStringLiteral(".txt"),
         false,
         false,
         annotation::aveLabelSetName(),
         readAve,
         writeAve},
        {QStringLiteral("avsbench"),
         QStringLiteral("AVSBench mask folders (S4 and MS3 layouts)"),
         QString(),
         true,
         false,
         QString(),
         readAvsBench,
         writeAvsBench},
        {QStringLiteral("eaf"),
         QStringLiteral("ELAN annotation document"),
         QStringLiteral(".eaf"),
         false,
         true,
         QString(),
         readEaf,
         writeEaf},
        {QStringLiteral("jsonl"),
         QStringLiteral("JSON Lines: videos, segments and masks, one object per line"),
         QStringLiteral(".jsonl"),
         false,
         false,
         QString(),
         readJsonl,
         writeJsonl},
        {QStringLiteral("llp-dense"),
         QStringLiteral("LLP dense labels (filename, onset, offset, event_labels)"),
         QStringLiteral(".csv"),
         false,
         false,
         annotation::llpLabelSetName(),
         readLlpDense,
         writeLlpDense},
        {QStringLiteral("llp-weak"),
         QStringLiteral("LLP weak labels (filename, event_labels)"),
         QStringLiteral(".csv"),
         false,
         false,
         annotation::llpLabelSetName(),
         readLlpWeak,
         writeLlpWeak},
        {QStringLiteral("textgrid"),
         QStringLiteral("Praat TextGrid"),
         QStringLiteral(".TextGrid"),
         false,
         true,
         QString(),
         readTextGrid,
         writeTextGrid},
        {QStringLiteral("vtt"),
         QStringLiteral("WebVTT cues"),
         QStringLiteral(".vtt"),
         false,
         true,
         QString(),
         readVtt,
         writeVtt},
    };
    return list;
}

const Format *findFormat(const QString &name)
{
    for (const Format &f : allFormats()) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

std::optional<annotation::Modality> modalityFromFileName(const QString &path)
{
    const QString base = QFileInfo(path).fileName().toLower();
    const bool audio = base.contains(QLatin1String("audio"));
    const bool visual = base.contains(QLatin1String("visual"));
    if (audio && !visual)
        return annotation::Modality::Audio;
    if (visual && !audio)
        return annotation::Modality::Visual;
    return std::nullopt;
}

QStringList formatNames()
{
    QStringList names;
    for (const Format &f : allFormats())
        names.append(f.name);
    return names;
}

} // namespace earmark::formats
