#pragma once

#include "core/base/time.h"

#include <QObject>

#include <optional>

class QWheelEvent;

namespace earmark::ui {

// The shared horizontal axis of the waveform, spectrogram, thumbnail strip and timeline: which
// part of the file is visible, and where the playhead is. Views map times to their own pixels
// with secondsPerPixel(width) and follow changed(); zooming or scrolling one view moves them all.
// GUI thread only.
class TimeAxis : public QObject
{
    Q_OBJECT

public:
    explicit TimeAxis(QObject *parent = nullptr);

    Time duration() const { return m_duration; }
    Time visibleStart() const { return m_start; }
    Time visibleEnd() const { return m_end; }
    Time visibleLength() const { return m_end - m_start; }
    Time playhead() const { return m_playhead; }

    // Shortest visible span: a few samples' worth, so zooming stops at single samples/frames.
    static constexpr Time minimumSpan() { return Time::fromMicroseconds(1000); }

    // Pixel <-> time for a view `width` pixels wide showing the visible range.
    double secondsPerPixel(int width) const;
    double xForTime(Time t, int width) const;
    Time timeForX(double x, int width) const;

    // The strips' mouse, shared so every view answers alike: the time a left press or drag at
    // `x` seeks to (none while the axis is empty), and the wheel: Ctrl zooms around the pointer
    // (wheelZoom), otherwise it scrolls by a tenth of the view per notch.
    std::optional<Time> seekTime(double x, int width) const;
    void wheel(QWheelEvent *event, int width);
    // Zooms in (notches > 0) or out by 1.25 per wheel notch around `anchor`.
    void wheelZoom(double notches, Time anchor);

public Q_SLOTS:
    // A new file: shows all of it.
    void setDuration(earmark::Time duration);
    void setPlayhead(earmark::Time position);
    // Shows [start, end), clamped to the file and to minimumSpan().
    void setVisibleRange(earmark::Time start, earmark::Time end);
    void showAll();
    // Zooms by `factor` (> 1 zooms in) keeping the time under `anchor` where it is.
    void zoom(double factor, earmark::Time anchor);
    // Scrolls by a fraction of the visible length (negative: earlier).
    void scrollByFraction(double fraction);
    // Scrolls, if needed, so that `t` is visible (used to follow the playhead).
    void ensureVisible(earmark::Time t);

Q_SIGNALS:
    void rangeChanged();
    void playheadChanged(earmark::Time position);

private:
    Time m_duration;
    Time m_start;
    Time m_end;
    Time m_playhead;
};

} // namespace earmark::ui
