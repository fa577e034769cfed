#pragma once

#include "core/annotation/mask.h"
#include "core/base/time.h"

#include <QHash>
#include <QImage>
#include <QPointer>
#include <QSet>
#include <QWidget>

namespace earmark::ui {

class EditorSession;
class VideoView;

// AVS masks over the video picture: each mask object of the open video in its own colour, filled
// with an adjustable opacity or drawn as an outline; a brush and an eraser correct the mask of
// the frame shown.
//
// A transparent child laid over a VideoView (it follows the view's size and paints into the
// view's picture rectangle), so the player needs no change. The mask shown for an object at time
// t is its latest mask frame at or before t (within half a video frame). A brush or eraser stroke
// becomes one edit (setMaskFrame) when the button is released: the frame shown is changed if it
// is the current video frame's, otherwise a new mask frame is made at the current frame, starting
// from the mask shown. GUI thread only.
class MaskOverlay : public QWidget
{
    Q_OBJECT

public:
    enum class Tool { None, Brush, Eraser };

    MaskOverlay(VideoView *view, EditorSession *session);

    // The time of the frame shown (the player's position).
    void setTime(Time time);
    Time time() const { return m_time; }

    void setOpacity(double opacity); // 0..1, fill opacity
    double opacity() const { return m_opacity; }
    void setOutlineOnly(bool outline);
    bool outlineOnly() const { return m_outline; }
    void setMasksVisible(bool visible);
    bool masksVisible() const { return m_visible; }
    void setObjectHidden(annotation::MaskObjectId object, bool hidden);
    bool isObjectHidden(annotation::MaskObjectId object) const { return m_hidden.contains(object); }

    // Brush and eraser act on the current object.
    void setTool(Tool tool);
    Tool tool() const { return m_tool; }
    void setCurrentObject(annotation::MaskObjectId object);
    annotation::MaskObjectId currentObject() const { return m_object; }
    // Brush diameter in pixels of the picture as shown.
    void setBrushSize(int pixels);
    int brushSize() const { return m_brushSize; }

    // The mask frame shown for `object` now (null when none).
    const annotation::MaskFrame *frameShown(annotation::MaskObjectId object) const;
    // Widget point -> mask pixel for a mask of `size`, and back (tests, tools).
    QPointF maskPoint(const QPointF &widgetPos, const QSize &maskSize) const;
    // The colour of an object: by its place among the video's objects.
    QColor colorOf(annotation::MaskObjectId object) const;

Q_SIGNALS:
    void toolChanged(earmark::ui::MaskOverlay::Tool tool);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QImage renderedMask(const annotation::MaskFrame &frame, const QColor &color);
    void paintStroke(const QPointF &from, const QPointF &to);
    void commitStroke();
    Time frameTime() const;
    void invalidate();

    VideoView *m_view;
    QPointer<EditorSession> m_session;
    Time m_time;
    double m_opacity = 0.45;
    bool m_outline = false;
    bool m_visible = true;
    QSet<annotation::MaskObjectId> m_hidden;
    Tool m_tool = Tool::None;
    annotation::MaskObjectId m_object = 0;
    int m_brushSize = 24;

    // Rendered masks by (frame id, colour, outline, opacity): decoding an RLE mask and colouring
    // it happens once per frame shown.
    struct Rendered
    {
        QImage image;
        QRgb color = 0;
        bool outline = false;
        double opacity = 0;
    };
    QHash<annotation::MaskFrameId, Rendered> m_cache;

    // The stroke being painted: a grey-scale copy of the mask (255 foreground).
    QImage m_stroke;
    bool m_stroking = false;
    QPointF m_lastPoint;
    QPointF m_hover{-1, -1};
};

} // namespace earmark::ui
