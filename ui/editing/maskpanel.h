#pragma once

#include <QWidget>

class QCheckBox;
class QListWidget;
class QSlider;
class QToolButton;

namespace earmark::ui {

class EditorSession;
class MaskOverlay;

// The "Masks" panel: the video's mask objects (sounding objects of AVS) in their overlay colours,
// each shown or hidden; the overlay's opacity and outline mode; brush and eraser with their size
// to correct the mask of the frame shown; adding an object. Opacity, outline and brush size are
// remembered. GUI thread only.
class MaskPanel : public QWidget
{
    Q_OBJECT

public:
    MaskPanel(EditorSession *session, MaskOverlay *overlay, QWidget *parent = nullptr);

    QListWidget *objectList() const { return m_objects; }
    QToolButton *brushButton() const { return m_brush; }
    QToolButton *eraserButton() const { return m_eraser; }

    // Adds a mask object to the current group's track (a class picker chooses its class).
    void addObject();

private:
    void rebuild();

    EditorSession *m_session;
    MaskOverlay *m_overlay;
    QListWidget *m_objects = nullptr;
    QCheckBox *m_show = nullptr;
    QCheckBox *m_outline = nullptr;
    QSlider *m_opacity = nullptr;
    QSlider *m_size = nullptr;
    QToolButton *m_brush = nullptr;
    QToolButton *m_eraser = nullptr;
    QToolButton *m_add = nullptr;
};

} // namespace earmark::ui
