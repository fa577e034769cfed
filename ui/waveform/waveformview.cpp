#include "ui/waveform/waveformview.h"

#include <QCoreApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QPointer>
#include <QThreadPool>

#include <algorithm>
#include <cmath>

namespace earmark::ui {

namespace {

constexpr double kBucketSeconds = 0.01; // 10 ms: fine enough for the whole-file strip

} // namespace

WaveformView::WaveformView(QWidget *parent)
    : QWidget(parent)
{
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
    m_duration = {};
    m_playhead = {};
    update();
}

void WaveformView::setPlayhead(Time position)
{
    if (position == m_playhead)
        return;
    m_playhead = position;
    update();
}

void WaveformView::setDuration(Time duration)
{
    m_duration = duration;
    update();
}

double WaveformView::secondsPerPixel() const
{
    double total = m_duration.seconds();
    if (total <= 0)
        total = m_peaks.size() * m_peaks.bucketSeconds();
    return width() > 0 && total > 0 ? total / width() : 0;
}

void WaveformView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const int mid = height() / 2;
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(0, mid, width(), mid);

    const double spp = secondsPerPixel();
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
            const qsizetype first = qsizetype(x * spp / bucket);
            qsizetype last = qsizetype((x + 1) * spp / bucket);
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
        const int x = int(m_playhead.seconds() / spp);
        p.setPen(QPen(QColor(230, 60, 60), 1));
        p.drawLine(x, 0, x, height());
    }
}

void WaveformView::mousePressEvent(QMouseEvent *event)
{
    const double spp = secondsPerPixel();
    if (event->button() == Qt::LeftButton && spp > 0)
        Q_EMIT seekRequested(Time::fromSeconds(std::max(0.0, event->position().x() * spp)));
}

void WaveformView::mouseMoveEvent(QMouseEvent *event)
{
    const double spp = secondsPerPixel();
    if ((event->buttons() & Qt::LeftButton) && spp > 0)
        Q_EMIT seekRequested(Time::fromSeconds(std::max(0.0, event->position().x() * spp)));
}

} // namespace earmark::ui
