#include "ui/timeline/timelineview.h"

#include <QMouseEvent>
#include <QPainter>

#include <array>
#include <cmath>

namespace earmark::ui {

namespace {

constexpr int kRulerHeight = 22;

} // namespace

double rulerTickSeconds(double secondsPerPixel, int minPixelsBetweenLabels)
{
    static constexpr std::array<double, 21> steps = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1,
                                                     0.2,   0.5,   1,     2,    5,    10,   15,
                                                     30,    60,    120,   300,  600,  1800, 3600};
    const double wanted = secondsPerPixel * minPixelsBetweenLabels;
    for (double s : steps) {
        if (s >= wanted)
            return s;
    }
    return std::ceil(wanted / 3600) * 3600;
}

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
{
    setMinimumHeight(60);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void TimelineView::setDuration(Time duration)
{
    m_duration = duration;
    update();
}

void TimelineView::setPlayhead(Time position)
{
    if (position == m_playhead)
        return;
    m_playhead = position;
    update();
}

double TimelineView::secondsPerPixel() const
{
    return width() > 0 && m_duration > Time() ? m_duration.seconds() / width() : 0;
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const QRect ruler(0, 0, width(), kRulerHeight);
    p.fillRect(ruler, pal.color(QPalette::Window));
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(0, kRulerHeight - 1, width(), kRulerHeight - 1);

    const double spp = secondsPerPixel();
    if (spp <= 0) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(0, kRulerHeight, 0, 0),
                   Qt::AlignCenter,
                   tr("Open a video to see its timeline"));
        return;
    }

    const double major = rulerTickSeconds(spp, 70);
    const double minor = major / 5;
    p.setPen(pal.color(QPalette::WindowText));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p.setFont(small);
    const double total = m_duration.seconds();
    for (int i = 0; i * minor <= total + 1e-9; ++i) {
        const double t = i * minor;
        const int x = int(std::lround(t / spp));
        const bool isMajor = i % 5 == 0;
        p.setPen(isMajor ? pal.color(QPalette::WindowText) : pal.color(QPalette::Mid));
        p.drawLine(x, kRulerHeight - (isMajor ? 8 : 4), x, kRulerHeight - 1);
        if (isMajor) {
            const Time at = Time::fromSeconds(t);
            const QString label = major < 1 ? formatTime(at, TimeFormat::Precise).mid(3)
                                            : formatTime(at);
            p.drawText(x + 3, kRulerHeight - 9, label);
        }
    }

    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(rect().adjusted(0, kRulerHeight, 0, 0), Qt::AlignCenter, tr("No events yet"));

    const int x = int(m_playhead.seconds() / spp);
    p.setPen(QPen(QColor(230, 60, 60), 1));
    p.drawLine(x, 0, x, height());
}

void TimelineView::seekTo(double x)
{
    const double spp = secondsPerPixel();
    if (spp > 0)
        Q_EMIT seekRequested(Time::fromSeconds(std::clamp(x * spp, 0.0, m_duration.seconds())));
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        seekTo(event->position().x());
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        seekTo(event->position().x());
}

} // namespace earmark::ui
