#include "ui/timeline/timelineview.h"

#include "ui/timeaxis.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

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

TimelineView::TimelineView(TimeAxis *axis, QWidget *parent)
    : QWidget(parent)
    , m_axis(axis)
{
    connect(m_axis, &TimeAxis::rangeChanged, this, qOverload<>(&QWidget::update));
    connect(m_axis, &TimeAxis::playheadChanged, this, qOverload<>(&QWidget::update));
    setMinimumHeight(60);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
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

    const double spp = m_axis->secondsPerPixel(width());
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
    const double visibleStart = m_axis->visibleStart().seconds();
    const double visibleEnd = m_axis->visibleEnd().seconds();
    for (qint64 i = qint64(std::floor(visibleStart / minor)); i * minor <= visibleEnd + 1e-9; ++i) {
        const double t = i * minor;
        const int x = int(std::lround((t - visibleStart) / spp));
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

    const int x = int(m_axis->xForTime(m_axis->playhead(), width()));
    p.setPen(QPen(QColor(230, 60, 60), 1));
    p.drawLine(x, 0, x, height());
}

void TimelineView::seekTo(double x)
{
    if (m_axis->secondsPerPixel(width()) > 0)
        Q_EMIT seekRequested(std::clamp(m_axis->timeForX(x, width()), Time(), m_axis->duration()));
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

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (event->modifiers() & Qt::ControlModifier)
        m_axis->zoom(std::pow(1.25, steps), m_axis->timeForX(event->position().x(), width()));
    else
        m_axis->scrollByFraction(-steps * 0.1);
    event->accept();
}

} // namespace earmark::ui
