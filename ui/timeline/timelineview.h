#pragma once

#include "core/annotation/segment.h"
#include "core/base/time.h"
#include "ui/timeline/timelinemodel.h"

#include <QPixmap>
#include <QPointer>
#include <QWidget>

#include <vector>

class QScrollBar;

namespace earmark::ui {

class EditorSession;
class TimeAxis;

// The timeline under the player: a time ruler with the playhead, and the event tracks of the open
// video (TimelineModel's rows: groups per annotation track, sections per modality, a lane pair per
// class with confirmed events above and model proposals below). A custom painter: only what is on
// screen is visited, and events narrower than a few pixels are merged into runs, so 100,000
// events paint in a few milliseconds at any zoom.
//
// Follows the shared TimeAxis (a header column on the left holds row names; lanes span the rest;
// laneMargins() tells views above how to line up). Mouse:
//   ruler: click or drag to seek
//   empty lane: drag to draw an event (in an "add" row, a class picker follows), click to seek
//   event: click selects (Ctrl toggles), drag moves the selection, drag an edge to resize,
//          double click changes the class; Ctrl+drag on empty space selects with a rubber band
//   snapping: to event boundaries, the playhead and frames; Shift disables it while dragging
//   headers: click the triangle or name to collapse or expand a group or section
//   wheel scrolls in time (over the names: up and down), Ctrl+wheel zooms, Shift+wheel scrolls
//   up and down
// Edits go through the EditorSession. GUI thread only.
class TimelineView : public QWidget
{
    Q_OBJECT

public:
    TimelineView(TimeAxis *axis, QWidget *parent = nullptr);
    ~TimelineView() override;

    // Shows and edits the session's document; null shows the ruler only.
    void setSession(EditorSession *session);
    EditorSession *session() const;

    QSize sizeHint() const override { return {640, 320}; }

    // Pixels left of and right of the lanes (header column, scroll bar), for views aligned above.
    QMargins laneMargins() const;
    int headerWidth() const { return m_headerWidth; }

    // Geometry, in widget coordinates, for tests and overlays.
    QRect laneArea() const;
    // The rectangle of row `row` (model row index), empty when scrolled out of view.
    QRect rowRect(int row) const;
    // The first row of kind `kind` (and class, for class rows) in group `group`, -1 when none.
    int findRow(TimelineRowKind kind,
                int group,
                annotation::Modality modality,
                int classIndex = -1) const;
    double xForTime(Time t) const;
    Time timeForX(double x) const;
    // The on-screen rectangle of a segment, empty when not visible.
    QRectF segmentRect(annotation::SegmentId id) const;
    // Scrolls up or down so that `row` is visible.
    void ensureRowVisible(int row);

    // How wide (pixels) the edge zones are that resize instead of move.
    static constexpr int edgeZone() { return 5; }
    // How close (pixels) a boundary pulls a dragged time.
    static constexpr int snapDistance() { return 8; }

Q_SIGNALS:
    void seekRequested(earmark::Time position);
    // A right click on the lanes (the selection already updated): the workbench shows its menu.
    void contextMenuRequested(const QPoint &globalPos);
    // Pixels on either side of the lanes changed.
    void laneMarginsChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void leaveEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    enum class Part { None, Body, LeftEdge, RightEdge };
    struct Hit
    {
        int row = -1;
        annotation::SegmentId id = 0;
        Part part = Part::None;
        qint64 onset = 0;
        qint64 offset = 0;
    };
    enum class Drag {
        None,
        Seek,
        PendingDraw,
        Draw,
        PendingMove,
        Move,
        Resize,
        RubberBand,
    };

    void relayout();
    void updateScrollBar();
    int rowAt(int y) const;
    int rowHeight(const TimelineRow &row) const;
    Hit hitTest(const QPointF &pos) const;
    // Calls f(lane, key, proposalsBand) for the lanes a row shows.
    template<typename F>
    void forEachLaneOfRow(const TimelineRow &row, F f) const;

    void paintRuler(QPainter &p, const QRect &area);
    void paintRow(QPainter &p, int rowIndex, const QRect &rect);
    struct BandCanvas;
    void collectLane(BandCanvas &canvas,
                     const TimelineLane &lane,
                     int classIndex,
                     bool proposals,
                     bool summary) const;
    void paintBand(QPainter &p,
                   BandCanvas &canvas,
                   const QRectF &band,
                   bool proposals,
                   const annotation::LabelSet *summaryLabels);
    void paintHeader(QPainter &p, int rowIndex, const QRect &rect);
    const QPixmap &headerColumn();
    void paintDisclosure(QPainter &p, const QRect &rect, bool open) const;

    void startSnapping(const QList<annotation::SegmentId> &exclude);
    // `t` moved to a nearby boundary or the playhead, else to the nearest frame; Shift (given by
    // `snap` false) leaves it alone. Reports the boundary it snapped to, if any.
    qint64 snapTime(qint64 t, bool snap, bool *toBoundary = nullptr) const;
    qint64 snappedMoveDelta(qint64 delta, bool snap);
    void finishDrag(QMouseEvent *event);
    void updateCursor(const QPointF &pos);
    void selectInRubberBand(const QRect &band);
    qint64 frameDuration() const;
    qint64 clampToVideo(qint64 t) const;

    TimeAxis *m_axis;
    QPointer<EditorSession> m_session;
    QScrollBar *m_vbar = nullptr;
    int m_headerWidth = 230;
    std::vector<int> m_rowTop; // content y of each model row, plus the total height at the end
    int m_scrollY = 0;
    int m_rowsVersion = 0;  // counts layouts, for the names column's cache
    int m_itemsVersion = 0; // counts item changes (the names column shows counts)
    QPixmap m_header;       // the names column as last painted
    QString m_headerKey;

    // Mouse interaction.
    Drag m_drag = Drag::None;
    QPointF m_pressPos;
    Hit m_pressHit;
    int m_drawRow = -1;
    qint64 m_drawAnchor = 0;
    qint64 m_drawStart = 0;
    qint64 m_drawEnd = 0;
    qint64 m_moveDelta = 0;
    annotation::SegmentId m_resizeId = 0;
    qint64 m_resizeOnset = 0;
    qint64 m_resizeOffset = 0;
    QRect m_rubberBand;
    std::vector<qint64> m_snapTargets;
    qint64 m_snapLine = -1; // the boundary a drag snapped to, drawn as a guide; -1: none
    int m_lastPlayheadX = -1;
};

// Spacing of major ruler ticks for a scale, chosen from 1-2-5 steps so labels never crowd.
double rulerTickSeconds(double secondsPerPixel, int minPixelsBetweenLabels);

} // namespace earmark::ui
