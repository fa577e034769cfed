#include "ui/thumbnails/thumbnailstrip.h"

#include "core/media/framesampler.h"
#include "ui/timeaxis.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPointer>
#include <QTimer>

#include <cmath>
#include <cstring>

namespace earmark::ui {

namespace {

constexpr double kFinestSlotSeconds = 0.04;
constexpr int kMaxCached = 800;
// Slots this long or longer show keyframes; shorter ones exact frames.
constexpr double kKeyframeSlotSeconds = 2.0;

QImage toImage(const media::VideoFrame &frame)
{
    QImage image(frame.width, frame.height, QImage::Format_RGB32);
    for (int y = 0; y < frame.height; ++y)
        std::memcpy(image.scanLine(y),
                    frame.pixels.data() + std::size_t(y) * frame.bytesPerLine,
                    std::size_t(frame.width) * 4);
    return image;
}

} // namespace

ThumbnailStrip::ThumbnailStrip(TimeAxis *axis, QWidget *parent)
    : QWidget(parent)
    , m_axis(axis)
{
    setObjectName(QStringLiteral("thumbnailStrip"));
    setMinimumHeight(32);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_pool.setMaxThreadCount(1);
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(40);
    connect(debounce, &QTimer::timeout, this, &ThumbnailStrip::schedule);
    connect(m_axis, &TimeAxis::rangeChanged, this, [this, debounce] {
        update();
        debounce->start();
    });
    connect(m_axis, &TimeAxis::playheadChanged, this, qOverload<>(&QWidget::update));
}

ThumbnailStrip::~ThumbnailStrip()
{
    m_cancel.cancel();
    m_pool.waitForDone();
}

void ThumbnailStrip::load(const QString &path, double aspect)
{
    m_cancel.cancel();
    ++m_generation;
    ++m_fileGeneration;
    m_path = path;
    m_aspect = aspect;
    m_cache.clear();
    m_lru.clear();
    m_lruPos.clear();
    m_busy = false;
    update();
    QTimer::singleShot(0, this, &ThumbnailStrip::schedule);
}

void ThumbnailStrip::clear()
{
    load(QString());
}

int ThumbnailStrip::thumbWidth() const
{
    const double aspect = m_aspect > 0 ? m_aspect : 16.0 / 9.0;
    return std::max(8, int(std::lround(height() * aspect)));
}

double ThumbnailStrip::slotSeconds(int level)
{
    return kFinestSlotSeconds * std::ldexp(1.0, level);
}

int ThumbnailStrip::currentLevel() const
{
    const double wanted = thumbWidth() * m_axis->secondsPerPixel(width());
    if (!(wanted > kFinestSlotSeconds))
        return 0;
    // Slots no longer than a picture's time: each picture has a slot (a frame) of its own.
    return std::clamp(int(std::floor(std::log2(wanted / kFinestSlotSeconds) + 1e-9)), 0, 40);
}

const QImage *ThumbnailStrip::cached(const Slot &slot) const
{
    const auto it = m_cache.constFind(slot);
    return it == m_cache.constEnd() ? nullptr : &it.value();
}

void ThumbnailStrip::store(const Slot &slot, const QImage &image)
{
    if (const auto pos = m_lruPos.find(slot); pos != m_lruPos.end()) {
        m_lru.erase(pos.value());
        m_lruPos.erase(pos);
    }
    m_lru.push_front(slot);
    m_lruPos.insert(slot, m_lru.begin());
    m_cache.insert(slot, image);
    while (int(m_lru.size()) > kMaxCached) {
        const Slot old = m_lru.back();
        m_lru.pop_back();
        m_lruPos.remove(old);
        m_cache.remove(old);
    }
}

std::vector<ThumbnailStrip::Picture> ThumbnailStrip::visiblePictures() const
{
    std::vector<Picture> out;
    const double spp = m_axis->secondsPerPixel(width());
    if (m_path.isEmpty() || m_axis->duration() <= Time() || width() <= 0 || !(spp > 0))
        return out;
    const double span = thumbWidth() * spp; // seconds per picture
    const int level = currentLevel();
    const double step = slotSeconds(level);
    const double duration = m_axis->duration().seconds();
    const double end = std::min(m_axis->visibleEnd().seconds(), duration);
    for (qint64 j = qint64(std::floor(m_axis->visibleStart().seconds() / span));
         double(j) * span < end;
         ++j) {
        const double from = double(j) * span;
        const double to = std::min(from + span, duration);
        // The frame of the slot at the picture's middle (of its part before the end): a slot
        // is no longer than a picture, so the frame lies within the picture's time.
        const double middle = (from + to) / 2;
        Picture picture;
        picture.slot = Slot{level, qint64(std::floor(middle / step))};
        picture.x = m_axis->xForTime(Time::fromSeconds(from), width());
        picture.width = m_axis->xForTime(Time::fromSeconds(from + span), width()) - picture.x;
        picture.visibleWidth = m_axis->xForTime(Time::fromSeconds(to), width()) - picture.x;
        picture.middle = middle;
        out.push_back(picture);
    }
    return out;
}

std::vector<qint64> ThumbnailStrip::visibleSlotIndices() const
{
    std::vector<qint64> slots;
    for (const Picture &p : visiblePictures()) {
        if (slots.empty() || slots.back() != p.slot.index)
            slots.push_back(p.slot.index);
    }
    return slots;
}

int ThumbnailStrip::visibleSlots() const
{
    return int(visibleSlotIndices().size());
}

int ThumbnailStrip::readySlots() const
{
    const int level = currentLevel();
    int n = 0;
    for (qint64 k : visibleSlotIndices())
        n += cached(Slot{level, k}) ? 1 : 0;
    return n;
}

void ThumbnailStrip::schedule()
{
    // Hidden (View › Thumbnails off, or not yet shown): nothing is decoded until it shows.
    if (!isVisible())
        return;
    if (m_path.isEmpty() || m_axis->duration() <= Time() || width() <= 0 || height() <= 0)
        return;
    const int level = currentLevel();
    const double step = slotSeconds(level);
    std::vector<Time> times;
    std::vector<qint64> indices;
    for (qint64 k : visibleSlotIndices()) {
        if (cached(Slot{level, k}))
            continue;
        const Time t = Time::fromSeconds((double(k) + 0.5) * step);
        indices.push_back(k);
        times.push_back(std::min(t, m_axis->duration()));
    }
    m_cancel.cancel();
    m_cancel = CancellationToken();
    const quint64 generation = ++m_generation;
    if (times.empty()) {
        m_busy = false;
        Q_EMIT thumbnailsReady();
        return;
    }
    m_busy = true;
    media::FrameSamplerOptions options;
    options.format.height = std::max(8, int(std::lround(height() * devicePixelRatioF())));
    options.format.width = 0;
    options.format.output = media::PixelOutput::Rgb32;
    options.format.filter = media::ScaleFilter::Area;
    options.accuracy = step >= kKeyframeSlotSeconds ? media::SeekAccuracy::Keyframe
                                                    : media::SeekAccuracy::Exact;
    QPointer<ThumbnailStrip> self(this);
    const QString path = m_path;
    const CancellationToken cancel = m_cancel;
    const qreal dpr = devicePixelRatioF();
    const quint64 file = m_fileGeneration;
    m_pool.start([self, path, times, indices, options, cancel, generation, level, dpr, file] {
        const Status status = media::sampleFrames(
            path,
            times,
            options,
            [&](media::VideoFrame &&frame) {
                if (cancel.isCancelled() || !self)
                    return false;
                QImage image = toImage(frame);
                image.setDevicePixelRatio(dpr);
                const qint64 k = indices[size_t(frame.index)];
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, image, k, level, file] {
                        if (!self || self->m_fileGeneration != file)
                            return;
                        if (self->m_aspect <= 0 && image.height() > 0) {
                            self->m_aspect = double(image.width()) / image.height();
                            self->update();
                            // Pictures of another width: other slots to show.
                            QTimer::singleShot(0, self.data(), &ThumbnailStrip::schedule);
                        }
                        self->store(Slot{level, k}, image);
                        self->update();
                    },
                    Qt::QueuedConnection);
                return true;
            },
            cancel);
        Q_UNUSED(status); // a file without pictures simply shows none
        if (!self || cancel.isCancelled())
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation] {
                if (!self || self->m_generation != generation)
                    return;
                self->m_busy = false;
                Q_EMIT self->thumbnailsReady();
            },
            Qt::QueuedConnection);
    });
}

void ThumbnailStrip::resizeEvent(QResizeEvent *)
{
    QTimer::singleShot(0, this, &ThumbnailStrip::schedule);
}

void ThumbnailStrip::showEvent(QShowEvent *)
{
    QTimer::singleShot(0, this, &ThumbnailStrip::schedule);
}

void ThumbnailStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Window).darker(115));
    if (m_path.isEmpty() || m_axis->duration() <= Time() || m_axis->secondsPerPixel(width()) <= 0)
        return;
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    const QColor frameColor = pal.color(QPalette::Window).darker(160);
    for (const Picture &picture : visiblePictures()) {
        // Whole pictures side by side; the last one cut at the end of the video.
        const QRectF cell = QRectF(picture.x, 0, picture.visibleWidth, height())
                                .adjusted(1, 1, -1, -1);
        const QImage *image = cached(picture.slot);
        // Stand-ins from other zoom levels while this one is decoded.
        const int level = picture.slot.level;
        for (int d = 1; !image && d <= 3; ++d) {
            for (int l : {level - d, level + d}) {
                if (l < 0 || image)
                    continue;
                image = cached(Slot{l, qint64(std::floor(picture.middle / slotSeconds(l)))});
            }
        }
        if (!image) {
            p.fillRect(cell, frameColor);
            continue;
        }
        const QRectF whole = QRectF(picture.x, 0, picture.width, height()).adjusted(1, 1, -1, -1);
        const QSizeF size = QSizeF(image->size() / image->devicePixelRatio())
                                .scaled(whole.size(), Qt::KeepAspectRatio);
        const QRectF target(whole.center().x() - size.width() / 2,
                            whole.center().y() - size.height() / 2,
                            size.width(),
                            size.height());
        p.save();
        p.setClipRect(cell);
        p.drawImage(target, *image);
        p.restore();
    }
    const int x = int(m_axis->xForTime(m_axis->playhead(), width()));
    p.setPen(QPen(QColor(230, 60, 60), 1));
    p.drawLine(x, 0, x, height());
}

void ThumbnailStrip::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_axis->secondsPerPixel(width()) > 0)
        Q_EMIT seekRequested(std::max(Time(), m_axis->timeForX(event->position().x(), width())));
}

} // namespace earmark::ui
