#pragma once

#include <QImage>
#include <QVideoFrame>
#include <QWidget>

class QVideoSink;

namespace earmark::ui {

// Paints the frames a QVideoSink delivers, scaled to fit with the aspect ratio kept. Our own
// painter (not QVideoWidget) so overlays can be drawn over the picture and so it renders offscreen.
// GUI thread only.
class VideoView : public QWidget
{
    Q_OBJECT

public:
    explicit VideoView(QWidget *parent = nullptr);

    QVideoSink *videoSink() const { return m_sink; }

    // The frame shown now, as an image (null before the first frame).
    QImage currentImage() const { return m_image; }
    // Where the picture is drawn inside the widget.
    QRect pictureRect() const;

    // Shows a still image (from the media engine's exact decoder) until the next sink frame.
    void showImage(const QImage &image);
    void clear();
    // false: frames from the sink are ignored (a still from the exact decoder stays up while the
    // paused player catches up with a seek). True by default.
    void setFollowSink(bool follow) { m_followSink = follow; }
    bool followsSink() const { return m_followSink; }

    QSize sizeHint() const override { return {640, 360}; }

Q_SIGNALS:
    void frameShown();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void onFrame(const QVideoFrame &frame);

    QVideoSink *m_sink = nullptr;
    QImage m_image;
    bool m_followSink = true;
};

} // namespace earmark::ui
