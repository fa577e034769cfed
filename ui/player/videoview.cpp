#include "ui/player/videoview.h"

#include <QPainter>
#include <QVideoSink>

namespace earmark::ui {

VideoView::VideoView(QWidget *parent)
    : QWidget(parent)
    , m_sink(new QVideoSink(this))
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(160, 90);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    connect(m_sink, &QVideoSink::videoFrameChanged, this, &VideoView::onFrame);
}

void VideoView::onFrame(const QVideoFrame &frame)
{
    if (!frame.isValid() || !m_followSink)
        return;
    m_image = frame.toImage();
    update();
    Q_EMIT frameShown();
}

void VideoView::showImage(const QImage &image)
{
    m_image = image;
    update();
    Q_EMIT frameShown();
}

void VideoView::clear()
{
    m_image = QImage();
    update();
}

QRect VideoView::pictureRect() const
{
    if (m_image.isNull())
        return {};
    const QSize scaled = m_image.size().scaled(size(), Qt::KeepAspectRatio);
    return QRect(QPoint((width() - scaled.width()) / 2, (height() - scaled.height()) / 2), scaled);
}

void VideoView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), Qt::black);
    if (m_image.isNull()) {
        p.setPen(QColor(140, 140, 140));
        p.drawText(rect(), Qt::AlignCenter, tr("No video"));
        return;
    }
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(pictureRect(), m_image);
}

} // namespace earmark::ui
