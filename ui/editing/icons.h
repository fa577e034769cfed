#pragma once

#include <QIcon>

namespace earmark::ui {

enum class IconKind {
    Undo,
    Redo,
    Split,
    Merge,
    Delete,
    Class,
    Accept,
    Reject,
    Previous,
    Next,
    AcceptAll,
    Loop,
    Speaker,
    SpeakerMuted,
    Brush,
    Eraser,
    AddObject,
};

// The workbench's tool icons, drawn as vector shapes in the palette's text colour whenever they
// are painted, so they follow the light and dark themes (disabled ones are drawn faded).
QIcon workbenchIcon(IconKind kind);

} // namespace earmark::ui
