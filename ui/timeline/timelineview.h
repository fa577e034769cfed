#pragma once

#include "core/base/time.h"

#include <QWidget>

namespace earmark::ui {

// The timeline under the player: a time ruler with the playhead, and the area where event tracks
// are drawn. Follows the shared TimeAxis. Click or drag to seek, wheel to scroll, Ctrl+wheel to
// zoom. GUI thread only.
class TimeAxis;

class TimelineView : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineView(TimeAxis *axis, QWidget *parent = nullptr);

    QSize sizeHint() const override { return {640, 160}; }

Q_SIGNALS:
    void seekRequested(earmark::Time position);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    void seekTo(double x);

    TimeAxis *m_axis;
};

// Spacing of major ruler ticks for a scale, chosen from 1-2-5 steps so labels never crowd.
double rulerTickSeconds(double secondsPerPixel, int minPixelsBetweenLabels);

} // namespace earmark::ui
