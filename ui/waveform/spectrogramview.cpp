#include "ui/waveform/spectrogramview.h"

#include "ui/shell/theme.h"
#include "ui/timeaxis.h"

#include <QEvent>
#include <QGuiApplication>
#include <QIconEngine>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPointer>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace earmark::ui {

namespace {

struct Stop
{
    double at;
    int r, g, b;
};

// Dark themes: an inferno-like ramp, black through purple and orange to pale yellow.
constexpr Stop kDarkMap[] = {{0.00, 0, 0, 4},
                             {0.14, 31, 12, 72},
                             {0.29, 85, 15, 109},
                             {0.43, 136, 34, 106},
                             {0.57, 186, 54, 85},
                             {0.71, 227, 89, 51},
                             {0.86, 249, 140, 10},
                             {1.00, 252, 255, 164}};
// Light themes: the same hues the other way round, paper white to a deep violet (like ink).
constexpr Stop kLightMap[] = {{0.00, 251, 251, 249},
                              {0.18, 252, 236, 178},
                              {0.36, 251, 190, 100},
                              {0.54, 236, 122, 52},
                              {0.72, 190, 52, 78},
                              {0.86, 112, 22, 104},
                              {1.00, 34, 8, 52}};

template<size_t N>
QColor interpolate(const Stop (&map)[N], double t)
{
    t = std::clamp(t, 0.0, 1.0);
    size_t i = 1;
    while (i + 1 < N && map[i].at < t)
        ++i;
    const Stop &a = map[i - 1], &b = map[i];
    const double f = (t - a.at) / (b.at - a.at);
    auto mix = [f](int x, int y) { return int(std::lround(x + (y - x) * f)); };
    return QColor(mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b));
}

// Three rising harmonics over a quiet background, in the view's own colours for the palette of
// the moment (so the icon follows theme changes).
class SpectrogramIconEngine : public QIconEngine
{
public:
    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const QPalette palette = QGuiApplication::palette();
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->translate(rect.topLeft());
        painter->scale(rect.width() / 40.0, rect.height() / 40.0);
        if (mode == QIcon::Disabled)
            painter->setOpacity(0.4);
        QPainterPath frame;
        frame.addRoundedRect(QRectF(3, 6, 34, 28), 4, 4);
        painter->fillPath(frame, SpectrogramView::colorFor(0.1, palette));
        painter->setClipPath(frame);
        for (int h = 0; h < 3; ++h) {
            QPainterPath line;
            line.moveTo(3, 30 - h * 7);
            line.cubicTo(16, 29 - h * 7, 24, 22 - h * 8, 37, 17 - h * 9);
            painter->setPen(QPen(SpectrogramView::colorFor(1.0 - h * 0.22, palette),
                                 3.6 - h * 0.7,
                                 Qt::SolidLine,
                                 Qt::RoundCap));
            painter->drawPath(line);
        }
        painter->setClipping(false);
        painter->setPen(QPen(palette.color(QPalette::WindowText), 2.2));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(frame);
        painter->restore();
    }
    QIconEngine *clone() const override { return new SpectrogramIconEngine; }
};

} // namespace

SpectrogramView::SpectrogramView(TimeAxis *axis, QWidget *parent)
    : QWidget(parent)
    , m_axis(axis)
{
    connect(m_axis, &TimeAxis::rangeChanged, this, qOverload<>(&QWidget::update));
    connect(m_axis, &TimeAxis::playheadChanged, this, qOverload<>(&QWidget::update));
    setMinimumHeight(48);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_pool.setMaxThreadCount(1);
    updateColorTable();
}

SpectrogramView::~SpectrogramView()
{
    m_cancel.cancel();
    m_pool.waitForDone();
}

QColor SpectrogramView::colorFor(double level, const QPalette &palette)
{
    return isDark(palette) ? interpolate(kDarkMap, level) : interpolate(kLightMap, level);
}

QIcon SpectrogramView::icon()
{
    return QIcon(new SpectrogramIconEngine);
}

void SpectrogramView::load(const QString &path)
{
    m_cancel.cancel();
    m_cancel = CancellationToken();
    m_path = path;
    m_spectrogram = {};
    m_loudest = 0;
    m_imageKey = {};
    m_error.clear();
    m_loading = true;
    const quint64 generation = ++m_generation;
    updateColorTable();
    update();

    QPointer<SpectrogramView> self(this);
    const CancellationToken cancel = m_cancel;
    m_pool.start([self, path, cancel, generation] {
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
        auto result = media::computeSpectrogram(path, {}, cancel, [&](media::SpectrogramUpdate &&u) {
            apply([u = std::move(u)](SpectrogramView &view) { view.append(u); });
        });
        if (cancel.isCancelled())
            return;
        if (!result) {
            const QString error = result.errorString();
            apply([error](SpectrogramView &view) {
                view.m_loading = false;
                view.m_error = error;
                view.update();
                Q_EMIT view.loadFailed(error);
            });
            return;
        }
        apply([](SpectrogramView &view) {
            view.m_loading = false;
            view.update();
            Q_EMIT view.loaded();
        });
    });
}

void SpectrogramView::clear()
{
    m_cancel.cancel();
    m_cancel = CancellationToken();
    ++m_generation;
    m_path.clear();
    m_spectrogram = {};
    m_loudest = 0;
    m_imageKey = {};
    m_loading = false;
    m_error.clear();
    updateColorTable();
    update();
}

void SpectrogramView::append(const media::SpectrogramUpdate &update)
{
    m_spectrogram.append(update);
    if (!update.cells.empty())
        m_loudest = std::max(m_loudest, *std::max_element(update.cells.begin(), update.cells.end()));
    updateColorTable();
    QWidget::update();
}

void SpectrogramView::updateColorTable()
{
    const bool dark = isDark(palette());
    if (!m_colors.isEmpty() && dark == m_colorsForDark && m_loudest == m_colorsLoudest)
        return;
    m_colorsForDark = dark;
    m_colorsLoudest = m_loudest;
    m_colors.resize(256);
    const media::SpectrogramFormat &f = m_spectrogram.format();
    const double top = m_loudest > 0 ? f.decibels(m_loudest) : 0;
    for (int v = 0; v < 256; ++v) {
        double level = 0;
        if (v > 0 && m_loudest > 0)
            level = (f.decibels(std::uint8_t(v)) - (top - kDisplayRangeDb)) / kDisplayRangeDb;
        m_colors[v] = colorFor(level, palette()).rgb();
    }
}

int SpectrogramView::renderColumns()
{
    const media::SpectrogramFormat &f = m_spectrogram.format();
    const int w = width();
    const int bands = f.bands;
    const ImageKey key{m_axis->visibleStart().microseconds(),
                       m_axis->visibleEnd().microseconds(),
                       m_spectrogram.columnCount(),
                       w};
    if (key == m_imageKey && m_image.height() == bands)
        return m_imageFilled;
    m_imageKey = key;
    const double cps = f.columnsPerSecond();
    const double start = m_axis->visibleStart().seconds();
    const double spp = m_axis->secondsPerPixel(w);
    const qint64 columns = m_spectrogram.columnCount();
    auto xForColumn = [&](qint64 c) { return (double(c) / cps - start) / spp; };

    if (spp * cps < 1) {
        // Zoomed in (a column wider than a pixel): one image pixel per column, scaled up by the
        // painter so the columns blend smoothly into each other.
        const qint64 c0 = std::max<qint64>(0, qint64(std::floor(start * cps)) - 1);
        const qint64 c1 = std::min(columns, qint64(std::ceil((start + w * spp) * cps)) + 1);
        m_image = QImage(int(std::max<qint64>(1, c1 - c0)), bands, QImage::Format_Indexed8);
        m_image.fill(0);
        for (qint64 c = c0; c < c1; ++c) {
            const std::uint8_t *cells = m_spectrogram.column(c);
            for (int b = 0; b < bands; ++b)
                m_image.scanLine(bands - 1 - b)[c - c0] = cells[b];
        }
        m_imageTarget = QRectF(xForColumn(c0),
                               0,
                               xForColumn(c0 + m_image.width()) - xForColumn(c0),
                               1);
        m_imageFilled = c1 > c0 ? int(std::clamp(std::ceil(xForColumn(c1)), 0.0, double(w))) : 0;
        if (c1 <= c0 && columns > 0 && xForColumn(columns) >= w)
            m_imageFilled = w;
        return m_imageFilled;
    }

    // Zoomed out: one image pixel per widget pixel, the loudest of its columns per band.
    m_image = QImage(w, bands, QImage::Format_Indexed8);
    m_image.fill(0);
    m_imageTarget = QRectF(0, 0, w, 1);
    std::vector<std::uint8_t> peak(static_cast<size_t>(bands));
    m_imageFilled = w;
    for (int x = 0; x < w; ++x) {
        const qint64 c0 = qint64(std::floor((start + x * spp) * cps));
        if (c0 >= columns) {
            m_imageFilled = x;
            break;
        }
        const qint64 c1 = std::min(columns,
                                   std::max(c0 + 1,
                                            qint64(std::floor((start + (x + 1) * spp) * cps))));
        if (c0 < 0)
            continue;
        std::copy_n(m_spectrogram.column(c0), bands, peak.begin());
        for (qint64 c = c0 + 1; c < c1; ++c) {
            const std::uint8_t *cells = m_spectrogram.column(c);
            for (int b = 0; b < bands; ++b)
                peak[size_t(b)] = std::max(peak[size_t(b)], cells[b]);
        }
        for (int b = 0; b < bands; ++b)
            m_image.scanLine(bands - 1 - b)[x] = peak[size_t(b)];
    }
    return m_imageFilled;
}

void SpectrogramView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const media::SpectrogramFormat &f = m_spectrogram.format();
    const double spp = m_axis->secondsPerPixel(width());
    if (!m_error.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(8, 0, -8, 0),
                   Qt::AlignVCenter | Qt::AlignLeft,
                   tr("No spectrogram: %1").arg(m_error));
    } else if (f.isValid() && spp > 0 && width() > 0) {
        const int filled = renderColumns();
        m_image.setColorTable(m_colors);
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        p.drawImage(QRectF(m_imageTarget.x(), 0, m_imageTarget.width(), height()),
                    m_image,
                    QRectF(0, 0, m_image.width(), m_image.height()));
        // Not computed yet: the background with a tint, so a person sees the rest is coming.
        if (!m_spectrogram.isComplete() && filled < width()) {
            const QRect pending(filled, 0, width() - filled, height());
            p.fillRect(pending, pal.color(QPalette::Base));
            QColor tint = pal.color(QPalette::Highlight);
            tint.setAlpha(28);
            p.fillRect(pending, tint);
        }
        paintFrequencyMarks(p);
    } else if (m_loading) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("Computing the spectrogram…"));
    }

    if (spp > 0) {
        const int x = int(m_axis->xForTime(m_axis->playhead(), width()));
        p.setPen(QPen(QColor(230, 60, 60), 1));
        p.drawLine(x, 0, x, height());
    }
}

void SpectrogramView::paintFrequencyMarks(QPainter &p)
{
    const media::SpectrogramFormat &f = m_spectrogram.format();
    if (height() < 40)
        return;
    QFont font = p.font();
    font.setPointSizeF(std::max(6.5, font.pointSizeF() * 0.8));
    p.setFont(font);
    const QFontMetrics metrics(font);
    QColor back = palette().color(QPalette::Base);
    back.setAlpha(190);
    const QColor text = palette().color(QPalette::Text);
    double lastY = 1e9;
    for (double hz : {100.0, 250.0, 500.0, 1000.0, 2000.0, 4000.0, 8000.0}) {
        const double band = f.bandForFrequency(hz);
        if (band < 0 || band > f.bands - 1)
            continue;
        const double y = height() * (1 - (band + 0.5) / f.bands);
        if (y < metrics.height() / 2.0 + 1 || y > height() - metrics.height() / 2.0 - 1
            || lastY - y < metrics.height() + 2)
            continue;
        lastY = y;
        const QString label = hz < 1000 ? tr("%1 Hz").arg(hz) : tr("%1 kHz").arg(hz / 1000);
        const QRectF box(7,
                         y - metrics.height() / 2.0,
                         metrics.horizontalAdvance(label) + 8,
                         metrics.height());
        p.setPen(Qt::NoPen);
        p.setBrush(back);
        p.drawRoundedRect(box, 3, 3);
        p.fillRect(QRectF(0, y - 0.5, 5, 1), text);
        p.setPen(text);
        p.drawText(box, Qt::AlignCenter, label);
    }
}

void SpectrogramView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        updateColorTable();
        update();
    }
    QWidget::changeEvent(event);
}

void SpectrogramView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        if (const auto t = m_axis->seekTime(event->position().x(), width()))
            Q_EMIT seekRequested(*t);
    }
}

void SpectrogramView::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton) {
        if (const auto t = m_axis->seekTime(event->position().x(), width()))
            Q_EMIT seekRequested(*t);
    }
}

void SpectrogramView::wheelEvent(QWheelEvent *event)
{
    m_axis->wheel(event, width());
}

} // namespace earmark::ui
