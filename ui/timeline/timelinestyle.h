#pragma once

#include "core/annotation/segment.h"

#include <QColor>
#include <QPalette>
#include <QString>

namespace earmark::ui {

// Colours and names the workbench draws events with, taken from the palette so that they read
// well on light and dark themes alike.

// The colour of class `classIndex` (hues spread by the golden angle, so neighbours differ).
QColor classColor(int classIndex, const QPalette &palette);
// The colour of mask object number `n` of a video (its place among the video's objects).
QColor objectColor(int n);
// A colour for text drawn on `background`: dark or light, whichever reads.
QColor textColorOn(const QColor &background);

// A class name as people read it: dataset names join words with underscores ("Fire_alarm").
QString displayClassName(const QString &name);

// "Audio events", "Visual events", "Audio-visual events", "Clip labels".
QString sectionTitle(annotation::Modality modality);
// "audio", "visual", "audio-visual", "unspecified", for messages and tooltips.
QString modalityText(annotation::Modality modality);
QString statusText(annotation::SegmentStatus status);
QString reviewStatusText(annotation::ReviewStatus status);
// A small round dot colour per review status (library panel, status menu).
QColor reviewStatusColor(annotation::ReviewStatus status);

} // namespace earmark::ui
