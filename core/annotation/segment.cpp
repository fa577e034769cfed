#include "core/annotation/segment.h"

namespace earmark::annotation {

QString modalityName(Modality modality)
{
    switch (modality) {
    case Modality::Audio:
        return QStringLiteral("audio");
    case Modality::Visual:
        return QStringLiteral("visual");
    case Modality::AudioVisual:
        return QStringLiteral("audio_visual");
    case Modality::Unspecified:
        return QStringLiteral("unspecified");
    }
    return QStringLiteral("audio_visual");
}

std::optional<Modality> modalityFromName(QStringView name)
{
    for (Modality m :
         {Modality::Audio, Modality::Visual, Modality::AudioVisual, Modality::Unspecified}) {
        if (name == modalityName(m))
            return m;
    }
    if (name == QLatin1String("audio-visual") || name == QLatin1String("av")
        || name == QLatin1String("audiovisual"))
        return Modality::AudioVisual;
    return std::nullopt;
}

bool modalityIncludes(Modality m, Modality part)
{
    if (m == part)
        return true;
    return m == Modality::AudioVisual && (part == Modality::Audio || part == Modality::Visual);
}

QString segmentStatusName(SegmentStatus status)
{
    switch (status) {
    case SegmentStatus::Proposed:
        return QStringLiteral("proposed");
    case SegmentStatus::Accepted:
        return QStringLiteral("accepted");
    case SegmentStatus::Rejected:
        return QStringLiteral("rejected");
    case SegmentStatus::Edited:
        return QStringLiteral("edited");
    }
    return QStringLiteral("accepted");
}

std::optional<SegmentStatus> segmentStatusFromName(QStringView name)
{
    for (SegmentStatus s : {SegmentStatus::Proposed,
                            SegmentStatus::Accepted,
                            SegmentStatus::Rejected,
                            SegmentStatus::Edited}) {
        if (name == segmentStatusName(s))
            return s;
    }
    return std::nullopt;
}

Segment Segment::predicted() const
{
    Segment s = *this;
    const QJsonObject original = attributes.value(QLatin1String("proposed")).toObject();
    if (status != SegmentStatus::Edited || original.isEmpty())
        return s;
    s.onset = Time::fromMicroseconds(original.value(QLatin1String("onset_us")).toInteger());
    s.offset = Time::fromMicroseconds(original.value(QLatin1String("offset_us")).toInteger());
    s.classIndex = original.value(QLatin1String("class")).toInt(s.classIndex);
    s.modality = modalityFromName(original.value(QLatin1String("modality")).toString())
                     .value_or(s.modality);
    return s;
}

QDateTime nowUtc()
{
    return QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), Qt::UTC);
}

} // namespace earmark::annotation
