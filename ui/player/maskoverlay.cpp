#include "ui/player/maskoverlay.h"

#include "core/annotation/commands.h"
#include "core/annotation/document.h"
#include "ui/editing/editorsession.h"
#include "ui/player/videoview.h"
#include "ui/timeline/timelinestyle.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>

#include <cmath>

namespace earmark::ui {

using namespace annotation;

MaskOverlay::MaskOverlay(VideoView *view, EditorSession *session)
    : QWidget(view)
    , m_view(view)
    , m_session(session)
{
    setObjectName(QStringLiteral("maskOverlay"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setMouseTracking(true);
    setGeometry(view->rect());
    view->installEventFilter(this);
    connect(view, &VideoView::frameShown, this, qOverload<>(&QWidget::update));
    connect(m_session, &EditorSession::documentChanged, this, [this] {
        invalidate();
        m_object = 0;
    });
    connect(m_session, &EditorSession::edited, this, &MaskOverlay::invalidate);
    raise();
    show();
}

bool MaskOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::Resize)
        setGeometry(m_view->rect());
    return QWidget::eventFilter(watched, event);
}

void MaskOverlay::invalidate()
{
    m_cache.clear();
    update();
}

void MaskOverlay::setTime(Time time)
{
    if (time == m_time)
        return;
    m_time = time;
    update();
}

void MaskOverlay::setOpacity(double opacity)
{
    m_opacity = std::clamp(opacity, 0.0, 1.0);
    update();
}

void MaskOverlay::setOutlineOnly(bool outline)
{
    m_outline = outline;
    update();
}

void MaskOverlay::setMasksVisible(bool visible)
{
    m_visible = visible;
    update();
}

void MaskOverlay::setObjectHidden(MaskObjectId object, bool hidden)
{
    if (hidden)
        m_hidden.insert(object);
    else
        m_hidden.remove(object);
    update();
}

void MaskOverlay::setTool(Tool tool)
{
    if (tool == m_tool)
        return;
    m_tool = tool;
    setAttribute(Qt::WA_TransparentForMouseEvents, tool == Tool::None);
    setCursor(tool == Tool::None ? Qt::ArrowCursor : Qt::BlankCursor);
    update();
    Q_EMIT toolChanged(tool);
}

void MaskOverlay::setCurrentObject(MaskObjectId object)
{
    m_object = object;
    update();
}

void MaskOverlay::setBrushSize(int pixels)
{
    m_brushSize = std::clamp(pixels, 1, 400);
    update();
}

QColor MaskOverlay::colorOf(MaskObjectId object) const
{
    const AnnotationDocument *doc = m_session ? m_session->document() : nullptr;
    if (!doc)
        return objectColor(0);
    const QList<MaskObject> objects = doc->maskObjects();
    for (int i = 0; i < objects.size(); ++i) {
        if (objects.at(i).id == object)
            return objectColor(i);
    }
    return objectColor(0);
}

const MaskFrame *MaskOverlay::frameShown(MaskObjectId object) const
{
    const AnnotationDocument *doc = m_session ? m_session->document() : nullptr;
    if (!doc)
        return nullptr;
    const double fps = doc->video().frameRate;
    const qint64 half = fps > 0 ? qint64(5e5 / fps) : 0;
    const MaskFrame *best = nullptr;
    const QList<MaskFrame> frames = doc->maskFrames(object);
    for (const MaskFrame &f : frames) {
        if (f.time.microseconds() > m_time.microseconds() + half)
            break;
        best = doc->maskFrame(f.id);
    }
    return best;
}

Time MaskOverlay::frameTime() const
{
    const AnnotationDocument *doc = m_session ? m_session->document() : nullptr;
    const double fps = doc ? doc->video().frameRate : 0;
    if (fps <= 0)
        return m_time;
    const double k = std::floor(m_time.seconds() * fps + 1e-6);
    return Time::fromSeconds(k / fps);
}

QPointF MaskOverlay::maskPoint(const QPointF &widgetPos, const QSize &maskSize) const
{
    const QRect picture = m_view->pictureRect();
    if (picture.isEmpty())
        return {};
    return QPointF((widgetPos.x() - picture.left()) * maskSize.width() / picture.width(),
                   (widgetPos.y() - picture.top()) * maskSize.height() / picture.height());
}

QImage MaskOverlay::renderedMask(const MaskFrame &frame, const QColor &color)
{
    const auto it = m_cache.constFind(frame.id);
    if (it != m_cache.constEnd() && it->color == color.rgb() && it->outline == m_outline
        && it->opacity == m_opacity)
        return it->image;
    const int w = frame.mask.width(), h = frame.mask.height();
    const QByteArray pixels = frame.mask.toPixels();
    QImage image(w, h, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    const int alpha = m_outline ? 255 : int(std::lround(m_opacity * 255));
    const QRgb fill = qPremultiply(qRgba(color.red(), color.green(), color.blue(), alpha));
    // The edge stays crisp whatever the fill's opacity.
    const QRgb edgeColor = qPremultiply(
        qRgba(color.red(), color.green(), color.blue(), std::max(alpha, 230)));
    const auto *src = reinterpret_cast<const uchar *>(pixels.constData());
    for (int y = 0; y < h; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        const uchar *row = src + qsizetype(y) * w;
        for (int x = 0; x < w; ++x) {
            if (!row[x])
                continue;
            const bool edge = x == 0 || y == 0 || x == w - 1 || y == h - 1 || !row[x - 1]
                              || !row[x + 1] || !row[x - w] || !row[x + w];
            if (edge)
                line[x] = edgeColor;
            else if (!m_outline)
                line[x] = fill;
        }
    }
    m_cache.insert(frame.id, {image, color.rgb(), m_outline, m_opacity});
    return image;
}

void MaskOverlay::paintEvent(QPaintEvent *)
{
    const AnnotationDocument *doc = m_session ? m_session->document() : nullptr;
    const QRect picture = m_view->pictureRect();
    if (!doc || picture.isEmpty())
        return;
    QPainter p(this);
    p.setClipRect(picture);
    p.setRenderHint(QPainter::SmoothPixmapTransform, !m_outline);
    if (m_visible) {
        for (const MaskObject &o : doc->maskObjects()) {
            if (m_hidden.contains(o.id))
                continue;
            const QColor color = colorOf(o.id);
            if (m_stroking && o.id == m_object) {
                // The stroke in progress, straight from the working copy.
                QImage preview(m_stroke.size(), QImage::Format_ARGB32_Premultiplied);
                preview.fill(Qt::transparent);
                const QRgb fill = qPremultiply(
                    qRgba(color.red(), color.green(), color.blue(), int(m_opacity * 255)));
                for (int y = 0; y < m_stroke.height(); ++y) {
                    const auto *src = reinterpret_cast<const QRgb *>(m_stroke.constScanLine(y));
                    auto *dst = reinterpret_cast<QRgb *>(preview.scanLine(y));
                    for (int x = 0; x < m_stroke.width(); ++x)
                        dst[x] = qRed(src[x]) > 127 ? fill : 0;
                }
                p.drawImage(picture, preview);
                continue;
            }
            if (const MaskFrame *frame = frameShown(o.id); frame && !frame->mask.isNull())
                p.drawImage(picture, renderedMask(*frame, color));
        }
    }
    if (m_tool != Tool::None && m_hover.x() >= 0) {
        // The brush outline where it will paint.
        p.setRenderHint(QPainter::Antialiasing);
        const double r = m_brushSize / 2.0;
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(0, 0, 0, 160), 3));
        p.drawEllipse(m_hover, r, r);
        p.setPen(QPen(m_tool == Tool::Brush ? colorOf(m_object) : QColor(Qt::white), 1.5));
        p.drawEllipse(m_hover, r, r);
    }
}

void MaskOverlay::paintStroke(const QPointF &from, const QPointF &to)
{
    const QSize size = m_stroke.size();
    const QRect picture = m_view->pictureRect();
    if (picture.isEmpty())
        return;
    const double scale = double(size.width()) / picture.width();
    const double radius = std::max(0.5, m_brushSize * scale / 2);
    QPainter p(&m_stroke);
    p.setRenderHint(QPainter::Antialiasing, false);
    const QColor ink = m_tool == Tool::Brush ? Qt::white : Qt::black;
    p.setPen(QPen(ink, radius * 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    const QPointF a = maskPoint(from, size), b = maskPoint(to, size);
    if (a == b) {
        p.setPen(Qt::NoPen);
        p.setBrush(ink);
        p.drawEllipse(a, radius, radius);
    } else {
        p.drawLine(a, b);
    }
}

void MaskOverlay::mousePressEvent(QMouseEvent *event)
{
    AnnotationDocument *doc = m_session ? m_session->document() : nullptr;
    if (event->button() != Qt::LeftButton || m_tool == Tool::None || !doc)
        return;
    if (!m_object || !doc->maskObject(m_object)) {
        Q_EMIT m_session->errorOccurred(tr("Choose or add a mask object to paint."));
        return;
    }
    // Start from the mask shown, or an empty one the size of the video.
    QSize size(doc->video().width, doc->video().height);
    QByteArray pixels;
    if (const MaskFrame *frame = frameShown(m_object); frame && !frame->mask.isNull()) {
        size = QSize(frame->mask.width(), frame->mask.height());
        pixels = frame->mask.toPixels();
    }
    if (size.isEmpty())
        size = m_view->currentImage().size();
    if (size.isEmpty())
        return;
    m_stroke = QImage(size, QImage::Format_RGB32);
    m_stroke.fill(Qt::black);
    if (!pixels.isEmpty()) {
        const auto *src = reinterpret_cast<const uchar *>(pixels.constData());
        for (int y = 0; y < size.height(); ++y) {
            auto *line = reinterpret_cast<QRgb *>(m_stroke.scanLine(y));
            for (int x = 0; x < size.width(); ++x)
                line[x] = src[qsizetype(y) * size.width() + x] ? 0xffffffff : 0xff000000;
        }
    }
    m_stroking = true;
    m_lastPoint = event->position();
    paintStroke(m_lastPoint, m_lastPoint);
    update();
}

void MaskOverlay::mouseMoveEvent(QMouseEvent *event)
{
    m_hover = event->position();
    if (m_stroking) {
        paintStroke(m_lastPoint, event->position());
        m_lastPoint = event->position();
    }
    update();
}

void MaskOverlay::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_stroking)
        return;
    paintStroke(m_lastPoint, event->position());
    commitStroke();
}

void MaskOverlay::commitStroke()
{
    m_stroking = false;
    AnnotationDocument *doc = m_session ? m_session->document() : nullptr;
    if (!doc)
        return;
    const int w = m_stroke.width(), h = m_stroke.height();
    QByteArray pixels(qsizetype(w) * h, '\0');
    for (int y = 0; y < h; ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(m_stroke.constScanLine(y));
        char *dst = pixels.data() + qsizetype(y) * w;
        for (int x = 0; x < w; ++x)
            dst[x] = qRed(line[x]) > 127 ? 1 : 0;
    }
    m_stroke = QImage();
    // The frame shown when it is the current frame's; else a new frame at the current frame.
    const Time at = frameTime();
    Time time = at;
    if (const MaskFrame *shown = frameShown(m_object)) {
        const double fps = doc->video().frameRate;
        const qint64 half = fps > 0 ? qint64(5e5 / fps) : 0;
        if (std::abs((shown->time - at).microseconds()) <= half)
            time = shown->time;
    }
    m_session->execute(
        commands::setMaskFrame(*doc, m_object, time, RleMask::fromPixels(w, h, pixels)));
    update();
}

void MaskOverlay::leaveEvent(QEvent *)
{
    m_hover = QPointF(-1, -1);
    update();
}

} // namespace earmark::ui
