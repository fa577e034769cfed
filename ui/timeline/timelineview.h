#pragma once

#include "core/base/time.h"

#include <QWidget>

namespace earmark::ui {

// The timeline under the player: a time ruler with the playhead, and the area where event tracks
// are drawn. Click or drag on the ruler to seek. GUI thread only.
class TimelineView : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineView(QWidget *parent = nullptr);

    void setDuration(earmark::Time duration);
    void setPlayhead(earmark::Time position);

    QSize sizeHint() const override { return {640, 160}; }

Q_SIGNALS:
    void seekRequested(earmark::Time position);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    double secondsPerPixel() const;
    void seekTo(double x);

    Time m_duration;
    Time m_playhead;
};

// Spacing of major ruler ticks for a scale, chosen from 1-2-5 steps so labels never crowd.
double rulerTickSeconds(double secondsPerPixel, int minPixelsBetweenLabels);

} // namespace earmark::ui
