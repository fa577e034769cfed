#include "ui/timeaxis.h"

#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace earmark::ui {

TimeAxis::TimeAxis(QObject *parent)
    : QObject(parent)
{}

double TimeAxis::secondsPerPixel(int width) const
{
    if (width <= 0 || m_end <= m_start)
        return 0;
    return (m_end - m_start).seconds() / width;
}

double TimeAxis::xForTime(Time t, int width) const
{
    const double spp = secondsPerPixel(width);
    return spp > 0 ? (t - m_start).seconds() / spp : 0;
}

Time TimeAxis::timeForX(double x, int width) const
{
    return m_start + Time::fromSeconds(x * secondsPerPixel(width));
}

void TimeAxis::setDuration(Time duration)
{
    m_duration = std::max(Time(), duration);
    m_start = Time();
    m_end = m_duration;
    m_playhead = std::min(m_playhead, m_duration);
    Q_EMIT rangeChanged();
}

void TimeAxis::setPlayhead(Time position)
{
    if (position == m_playhead)
        return;
    m_playhead = position;
    Q_EMIT playheadChanged(position);
}

void TimeAxis::setVisibleRange(Time start, Time end)
{
    if (m_duration <= Time())
        return;
    Time span = std::clamp(end - start, minimumSpan(), m_duration);
    start = std::clamp(start, Time(), m_duration - span);
    end = start + span;
    if (start == m_start && end == m_end)
        return;
    m_start = start;
    m_end = end;
    Q_EMIT rangeChanged();
}

void TimeAxis::showAll()
{
    setVisibleRange(Time(), m_duration);
}

void TimeAxis::zoom(double factor, Time anchor)
{
    if (factor <= 0 || m_duration <= Time())
        return;
    const double span = visibleLength().seconds();
    const double newSpan = std::clamp(span / factor, minimumSpan().seconds(), m_duration.seconds());
    const double anchorFraction = span > 0 ? (anchor - m_start).seconds() / span : 0.5;
    const Time start = anchor - Time::fromSeconds(anchorFraction * newSpan);
    setVisibleRange(start, start + Time::fromSeconds(newSpan));
}

void TimeAxis::scrollByFraction(double fraction)
{
    const Time delta = Time::fromSeconds(visibleLength().seconds() * fraction);
    setVisibleRange(m_start + delta, m_end + delta);
}

void TimeAxis::ensureVisible(Time t)
{
    if (t >= m_start && t < m_end)
        return;
    const Time span = visibleLength();
    // Page so the playhead lands near the left edge, as editors do while playing.
    const Time start = t - Time::fromMicroseconds(span.microseconds() / 10);
    setVisibleRange(start, start + span);
}

std::optional<Time> TimeAxis::seekTime(double x, int width) const
{
    if (secondsPerPixel(width) <= 0)
        return std::nullopt;
    return std::max(Time(), timeForX(x, width));
}

void TimeAxis::wheel(QWheelEvent *event, int width)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (event->modifiers() & Qt::ControlModifier)
        wheelZoom(notches, timeForX(event->position().x(), width));
    else
        scrollByFraction(-notches * 0.1);
    event->accept();
}

void TimeAxis::wheelZoom(double notches, Time anchor)
{
    zoom(std::pow(1.25, notches), anchor);
}

} // namespace earmark::ui
