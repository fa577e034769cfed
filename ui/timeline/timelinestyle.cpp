#include "ui/timeline/timelinestyle.h"

#include "ui/shell/theme.h"

#include <QCoreApplication>

#include <cmath>

namespace earmark::ui {

using namespace annotation;

QColor classColor(int classIndex, const QPalette &palette)
{
    // 24 hues 15 degrees apart, visited 7 steps at a time so that classes next to each other in
    // a label set differ by about 105 degrees; each further 24 classes are lighter or darker.
    const int c = std::max(0, classIndex);
    const double hue = std::fmod(205.0 + 15.0 * ((c * 7) % 24), 360.0);
    const int band = (c / 24) % 3;
    const double shift = band == 0 ? 0.0 : band == 1 ? 0.12 : -0.1;
    QColor color;
    if (isDark(palette))
        color.setHslF(hue / 360.0, 0.55, 0.56 + shift * 0.8);
    else
        color.setHslF(hue / 360.0, 0.62, 0.52 + shift);
    return color;
}

QColor objectColor(int n)
{
    static const QColor colors[] = {QColor(0xff, 0x4d, 0x4d),
                                    QColor(0x2e, 0x9b, 0xff),
                                    QColor(0x36, 0xd3, 0x6b),
                                    QColor(0xff, 0xb0, 0x20),
                                    QColor(0xc0, 0x5c, 0xff),
                                    QColor(0x00, 0xd0, 0xd0),
                                    QColor(0xff, 0x6e, 0xc7),
                                    QColor(0xa8, 0xd8, 0x30)};
    return colors[std::max(0, n) % int(std::size(colors))];
}

QColor textColorOn(const QColor &background)
{
    const double luma = 0.299 * background.redF() + 0.587 * background.greenF()
                        + 0.114 * background.blueF();
    return luma > 0.6 ? QColor(0x1a, 0x1c, 0x20) : QColor(0xff, 0xff, 0xff);
}

QString displayClassName(const QString &name)
{
    QString out = name;
    out.replace(QLatin1Char('_'), QLatin1Char(' '));
    return out;
}

QString sectionTitle(Modality modality)
{
    switch (modality) {
    case Modality::Audio:
        return QCoreApplication::translate("TimelineStyle", "Audio events");
    case Modality::Visual:
        return QCoreApplication::translate("TimelineStyle", "Visual events");
    case Modality::AudioVisual:
        return QCoreApplication::translate("TimelineStyle", "Audio-visual events");
    case Modality::Unspecified:
        return QCoreApplication::translate("TimelineStyle", "Clip labels");
    }
    return {};
}

QString modalityText(Modality modality)
{
    switch (modality) {
    case Modality::Audio:
        return QCoreApplication::translate("TimelineStyle", "audio");
    case Modality::Visual:
        return QCoreApplication::translate("TimelineStyle", "visual");
    case Modality::AudioVisual:
        return QCoreApplication::translate("TimelineStyle", "audio-visual");
    case Modality::Unspecified:
        return QCoreApplication::translate("TimelineStyle", "unspecified");
    }
    return {};
}

QString statusText(SegmentStatus status)
{
    switch (status) {
    case SegmentStatus::Proposed:
        return QCoreApplication::translate("TimelineStyle", "proposed");
    case SegmentStatus::Accepted:
        return QCoreApplication::translate("TimelineStyle", "accepted");
    case SegmentStatus::Rejected:
        return QCoreApplication::translate("TimelineStyle", "rejected");
    case SegmentStatus::Edited:
        return QCoreApplication::translate("TimelineStyle", "edited");
    }
    return {};
}

QString reviewStatusText(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::ToDo:
        return QCoreApplication::translate("TimelineStyle", "To do");
    case ReviewStatus::InProgress:
        return QCoreApplication::translate("TimelineStyle", "In progress");
    case ReviewStatus::Done:
        return QCoreApplication::translate("TimelineStyle", "Done");
    case ReviewStatus::Reviewed:
        return QCoreApplication::translate("TimelineStyle", "Reviewed");
    }
    return {};
}

QColor reviewStatusColor(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::ToDo:
        return QColor(0x9a, 0x9e, 0xa6);
    case ReviewStatus::InProgress:
        return QColor(0xf0, 0xa0, 0x20);
    case ReviewStatus::Done:
        return QColor(0x2f, 0x9e, 0x5a);
    case ReviewStatus::Reviewed:
        return QColor(0x3d, 0x7e, 0xe6);
    }
    return {};
}

} // namespace earmark::ui
