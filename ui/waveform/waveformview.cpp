#include "ui/waveform/waveformview.h"

#include "ui/timeaxis.h"

#include <QCoreApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QPointer>
#include <QThreadPool>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace earmark::ui {

namespace {

constexpr double kBucketSeconds = 0.01; // 10 ms: fine enough for the whole-file strip

} // namespace

WaveformView::WaveformView(TimeAxis *axis, QWidget *parent)
    : QWidget(parent)
    , m_axis(axis)
{
    connect(m_axis, &TimeAxis::rangeChanged, this, qOverload<>(&QWidget::update));
    connect(m_axis, &TimeAxis::playheadChanged, this, qOverload<>(&QWidget::update));
    setMinimumHeight(48);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

WaveformView::~WaveformView()
{
    m_cancel.cancel();
}

void WaveformView::load(const QString &path)
{
    m_cancel.cancel();
    m_cancel = CancellationToken();
    m_peaks = {};
    m_error.clear();
    m_loading = true;
    const quint64 generation = ++m_generation;
    update();

    QPointer<WaveformView> self(this);
    const CancellationToken cancel = m_cancel;
    QThreadPool::globalInstance()->start([self, path, cancel, generation] {
        auto deliver = [self, generation](media::Peaks peaks, bool done, QString error) {
            QMetaObject::invokeMethod(
                qApp,
                [self, generation, peaks = std::move(peaks), done, error] {
                    if (!self || self->m_generation != generation)
                        return;
                    if (!error.isEmpty()) {
                        self->m_loading = false;
                        self->m_error = error;
                        self->update();
                        Q_EMIT self->loadFailed(error);
                        return;
                    }
                    self->m_peaks = peaks;
                    if (done) {
                        self->m_loading = false;
                        Q_EMIT self->loaded();
                    }
                    self->update();
                },
                Qt::QueuedConnection);
        };
        auto result = media::computePeaks(path,
                                          kBucketSeconds,
                                          cancel,
                                          [&](const media::Peaks &partial) {
                                              deliver(partial, false, {});
                                          });
        if (cancel.isCancelled())
            return;
        if (!result)
            deliver({}, true, result.errorString());
        else
            deliver(std::move(result).value(), true, {});
    });
}

void WaveformView::clear()
{
    m_cancel.cancel();
    ++m_generation;
    m_peaks = {};
    m_loading = false;
    m_error.clear();
    update();
}

void WaveformView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const int mid = height() / 2;
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(0, mid, width(), mid);

    const double spp = m_axis->secondsPerPixel(width());
    const double start = m_axis->visibleStart().seconds();
    if (!m_error.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(8, 0, -8, 0),
                   Qt::AlignVCenter | Qt::AlignLeft,
                   tr("No waveform: %1").arg(m_error));
    } else if (m_peaks.size() > 0 && spp > 0) {
        const double bucket = m_peaks.bucketSeconds();
        const double half = (height() - 4) / 2.0;
        const QColor envelope = pal.color(QPalette::Highlight);
        QColor rmsColor = envelope.darker(140);
        for (int x = 0; x < width(); ++x) {
            const double t0 = start + x * spp;
            if (t0 < 0)
                continue;
            const qsizetype first = qsizetype(t0 / bucket);
            qsizetype last = qsizetype((t0 + spp) / bucket);
            if (first >= m_peaks.size())
                break;
            last = std::clamp(last, first + 1, m_peaks.size());
            float lo = m_peaks.min[first], hi = m_peaks.max[first], rms = 0;
            for (qsizetype i = first; i < last; ++i) {
                lo = std::min(lo, m_peaks.min[i]);
                hi = std::max(hi, m_peaks.max[i]);
                rms = std::max(rms, m_peaks.rms[i]);
            }
            p.setPen(envelope);
            p.drawLine(x, int(mid - hi * half), x, int(mid - lo * half));
            p.setPen(rmsColor);
            p.drawLine(x, int(mid - rms * half), x, int(mid + rms * half));
        }
    } else if (m_loading) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("Reading audio…"));
    }

    if (spp > 0) {
        const int x = int(m_axis->xForTime(m_axis->playhead(), width()));
        p.setPen(QPen(QColor(230, 60, 60), 1));
        p.drawLine(x, 0, x, height());
    }
}

void WaveformView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_axis->secondsPerPixel(width()) > 0)
        Q_EMIT seekRequested(std::max(Time(), m_axis->timeForX(event->position().x(), width())));
}

void WaveformView::mouseMoveEvent(QMouseEvent *event)
{
    if ((event->buttons() & Qt::LeftButton) && m_axis->secondsPerPixel(width()) > 0)
        Q_EMIT seekRequested(std::max(Time(), m_axis->timeForX(event->position().x(), width())));
}

void WaveformView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (event->modifiers() & Qt::ControlModifier)
        m_axis->zoom(std::pow(1.25, steps), m_axis->timeForX(event->position().x(), width()));
    else
        m_axis->scrollByFraction(-steps * 0.1);
    event->accept();
}

} // namespace earmark::ui
