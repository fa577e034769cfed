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
    Play,
    Pause,
    StepBackward,
    StepForward,
};

// The application's tool and transport icons, drawn as vector shapes in the palette's text colour whenever they
// are painted, so they follow the light and dark themes (disabled ones are drawn faded).
QIcon workbenchIcon(IconKind kind);

} // namespace earmark::ui
