#include "ui/waveform/waveformview.h"

#include "core/media/audiodecoder.h"
#include "ui/timeaxis.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPointer>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace earmark::ui {

namespace {

constexpr int kFinest = media::WaveformOverview::kFinestSamplesPerBucket;

} // namespace

WaveformView::WaveformView(TimeAxis *axis, QWidget *parent)
    : QWidget(parent)
    , m_axis(axis)
{
    connect(m_axis, &TimeAxis::rangeChanged, this, [this] {
        requestSamplesIfNeeded();
        update();
    });
    connect(m_axis, &TimeAxis::playheadChanged, this, qOverload<>(&QWidget::update));
    setMinimumHeight(48);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_pool.setMaxThreadCount(2);
}

WaveformView::~WaveformView()
{
    m_cancel.cancel();
    m_pool.waitForDone();
}

void WaveformView::load(const QString &path)
{
    m_cancel.cancel();
    m_cancel = CancellationToken();
    m_path = path;
    m_overview = {};
    m_raw.clear();
    m_rawPending = false;
    m_error.clear();
    m_loading = true;
    const quint64 generation = ++m_generation;
    update();

    QPointer<WaveformView> self(this);
    const CancellationToken cancel = m_cancel;
    media::WaveformOptions options;
    options.cacheDir = m_cacheDir;
    m_pool.start([self, path, cancel, generation, options] {
        // Runs on the pool: only values cross to the GUI thread, through queued calls.
        auto apply = [self, generation](auto fn) {
            if (self)
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, generation, fn = std::move(fn)]() mutable {
                        if (self && self->m_generation == generation)
                            fn(*self);
                    },
                    Qt::QueuedConnection);
        };
        auto result = media::computeWaveform(path, options, cancel, [&](media::WaveformUpdate &&u) {
            apply([u = std::move(u)](WaveformView &view) {
                view.m_overview.append(u);
                view.update();
            });
        });
        if (cancel.isCancelled())
            return;
        if (!result) {
            const QString error = result.errorString();
            apply([error](WaveformView &view) {
                view.m_loading = false;
                view.m_error = error;
                view.update();
                Q_EMIT view.loadFailed(error);
            });
            return;
        }
        apply([](WaveformView &view) {
            view.m_loading = false;
            view.requestSamplesIfNeeded();
            view.update();
            Q_EMIT view.loaded();
        });
    });
}

void WaveformView::clear()
{
    m_cancel.cancel();
    m_cancel = CancellationToken();
    ++m_generation;
    m_path.clear();
    m_overview = {};
    m_raw.clear();
    m_rawPending = false;
    m_loading = false;
    m_error.clear();
    update();
}

double WaveformView::samplesPerPixel() const
{
    return m_axis->secondsPerPixel(width()) * m_overview.sampleRate();
}

bool WaveformView::showsSamples() const
{
    if (m_raw.empty() || m_overview.sampleRate() <= 0)
        return false;
    const double spp = samplesPerPixel();
    const qint64 first = qint64(m_axis->visibleStart().seconds() * m_overview.sampleRate());
    const qint64 last = first + qint64(std::ceil(spp * width()));
    return spp < kFinest && first >= m_rawFirst
           && std::min(last, m_overview.sampleCount()) <= m_rawFirst + qint64(m_raw.size());
}

void WaveformView::requestSamplesIfNeeded()
{
    const int rate = m_overview.sampleRate();
    if (m_path.isEmpty() || rate <= 0 || width() <= 0)
        return;
    const double spp = samplesPerPixel();
    if (!(spp > 0) || spp >= kFinest)
        return;
    const qint64 first = std::max<qint64>(0, qint64(m_axis->visibleStart().seconds() * rate));
    const qint64 last = qint64(m_axis->visibleEnd().seconds() * rate) + 1;
    const bool covered = !m_raw.empty() && first >= m_rawFirst
                         && last <= m_rawFirst + qint64(m_raw.size());
    if (covered)
        return;
    // Half a view more on each side, so small scrolls need no new decode.
    const qint64 span = last - first;
    m_wantFirst = std::max<qint64>(0, first - span / 2);
    m_wantLast = last + span / 2;
    if (m_rawPending)
        return; // asked again when the one in flight is back
    m_rawPending = true;
    QPointer<WaveformView> self(this);
    const quint64 generation = m_generation;
    const QString path = m_path;
    const CancellationToken cancel = m_cancel;
    const qint64 wantFirst = m_wantFirst, wantLast = m_wantLast;
    m_pool.start([self, generation, path, cancel, rate, wantFirst, wantLast] {
        media::AudioDecodeOptions o;
        o.sampleRate = rate;
        o.channels = 1;
        o.start = Time::fromMicroseconds(wantFirst * 1000000 / rate);
        o.duration = Time::fromMicroseconds((wantLast - wantFirst) * 1000000 / rate + 1);
        auto decoded = media::decodeAudioBuffer(path, o, cancel);
        if (cancel.isCancelled() || !self)
            return;
        const qint64 firstSample = qint64(std::llround(o.start.seconds() * rate));
        std::vector<float> samples = decoded ? std::move(decoded->samples) : std::vector<float>();
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, firstSample, samples = std::move(samples)]() mutable {
                if (!self || self->m_generation != generation)
                    return;
                self->m_rawPending = false;
                self->m_rawFirst = firstSample;
                self->m_raw = std::move(samples);
                self->update();
                self->requestSamplesIfNeeded(); // the view may have moved meanwhile
            },
            Qt::QueuedConnection);
    });
}

void WaveformView::paintEvent(QPaintEvent *)
{
    requestSamplesIfNeeded(); // after resizes too
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const int mid = height() / 2;
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(0, mid, width(), mid);

    const double spp = samplesPerPixel();
    const int rate = m_overview.sampleRate();
    if (!m_error.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(8, 0, -8, 0),
                   Qt::AlignVCenter | Qt::AlignLeft,
                   tr("No waveform: %1").arg(m_error));
    } else if (rate > 0 && spp > 0) {
        const double firstSample = m_axis->visibleStart().seconds() * rate;
        if (showsSamples())
            paintSamples(p, firstSample, spp);
        else
            paintOverview(p, firstSample, spp);
        // Not read yet: a lighter band, so a person sees the rest is coming.
        if (!m_overview.isComplete()) {
            const double doneX = (m_overview.sampleCount() - firstSample) / spp;
            if (doneX < width()) {
                QColor pending = pal.color(QPalette::Highlight);
                pending.setAlpha(28);
                p.fillRect(QRectF(std::max(0.0, doneX), 0, width(), height()), pending);
            }
        }
    } else if (m_loading) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("Reading audio…"));
    }

    if (m_axis->secondsPerPixel(width()) > 0) {
        const int x = int(m_axis->xForTime(m_axis->playhead(), width()));
        p.setPen(QPen(QColor(230, 60, 60), 1));
        p.drawLine(x, 0, x, height());
    }
}

void WaveformView::paintOverview(QPainter &p, double firstSample, double spp)
{
    const double half = (height() - 4) / 2.0;
    const int mid = height() / 2;
    const QColor envelope = palette().color(QPalette::Highlight);
    const QColor rmsColor = envelope.darker(140);
    for (int x = 0; x < width(); ++x) {
        const qint64 a = qint64(std::floor(firstSample + x * spp));
        const qint64 b = std::max(a + 1, qint64(std::floor(firstSample + (x + 1) * spp)));
        if (b <= 0)
            continue;
        if (a >= m_overview.sampleCount())
            break;
        const auto r = m_overview.range(std::max<qint64>(0, a), b);
        if (!r.valid)
            continue;
        p.setPen(envelope);
        p.drawLine(x, int(std::lround(mid - r.max * half)), x, int(std::lround(mid - r.min * half)));
        const float rms = std::min({r.rms, r.max > 0 ? r.max : 0.f, r.min < 0 ? -r.min : 0.f});
        if (rms > 0) {
            p.setPen(rmsColor);
            p.drawLine(x, int(std::lround(mid - rms * half)), x, int(std::lround(mid + rms * half)));
        }
    }
}

void WaveformView::paintSamples(QPainter &p, double firstSample, double spp)
{
    const double half = (height() - 4) / 2.0;
    const int mid = height() / 2;
    const QColor envelope = palette().color(QPalette::Highlight);
    const qint64 count = qint64(m_raw.size());
    auto sampleAt = [&](qint64 i) { return m_raw[size_t(i - m_rawFirst)]; };
    p.setRenderHint(QPainter::Antialiasing, spp < 1);
    if (spp >= 1) {
        // Several samples per pixel: their extremes, column by column.
        p.setPen(envelope);
        for (int x = 0; x < width(); ++x) {
            const qint64 a = std::max(m_rawFirst, qint64(std::floor(firstSample + x * spp)));
            const qint64 b = std::min(m_rawFirst + count,
                                      std::max(a + 1,
                                               qint64(std::floor(firstSample + (x + 1) * spp))));
            if (a >= b)
                continue;
            float lo = sampleAt(a), hi = lo;
            for (qint64 i = a; i < b; ++i) {
                lo = std::min(lo, sampleAt(i));
                hi = std::max(hi, sampleAt(i));
            }
            p.drawLine(x, int(std::lround(mid - hi * half)), x, int(std::lround(mid - lo * half)));
        }
        return;
    }
    // Single samples: a line through them, and the points themselves when they are apart.
    const qint64 a = std::max(m_rawFirst, qint64(std::floor(firstSample)) - 1);
    const qint64 b = std::min(m_rawFirst + count,
                              qint64(std::ceil(firstSample + width() * spp)) + 2);
    QPainterPath path;
    for (qint64 i = a; i < b; ++i) {
        const QPointF pt((i - firstSample) / spp, mid - sampleAt(i) * half);
        if (i == a)
            path.moveTo(pt);
        else
            path.lineTo(pt);
    }
    p.setPen(QPen(envelope, 1.2));
    p.drawPath(path);
    if (spp < 0.125) {
        p.setBrush(envelope);
        p.setPen(Qt::NoPen);
        for (qint64 i = a; i < b; ++i)
            p.drawEllipse(QPointF((i - firstSample) / spp, mid - sampleAt(i) * half), 2.5, 2.5);
    }
}

void WaveformView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        if (const auto t = m_axis->seekTime(event->position().x(), width()))
            Q_EMIT seekRequested(*t);
    }
}

void WaveformView::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton) {
        if (const auto t = m_axis->seekTime(event->position().x(), width()))
            Q_EMIT seekRequested(*t);
    }
}

void WaveformView::wheelEvent(QWheelEvent *event)
{
    m_axis->wheel(event, width());
}

} // namespace earmark::ui
