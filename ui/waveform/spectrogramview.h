#pragma once

#include "core/base/cancellation.h"
#include "core/base/time.h"
#include "core/media/spectrogram.h"

#include <QIcon>
#include <QImage>
#include <QRectF>
#include <QThreadPool>
#include <QVector>
#include <QWidget>

class QPainter;

namespace earmark::ui {

class TimeAxis;

// The spectrogram strip: a mel spectrogram (media::computeSpectrogram, 80 bands from 40 Hz to
// 8 kHz, 100 columns per second) of the visible range of the shared TimeAxis, low frequencies at
// the bottom, with a few frequency marks on the left and the playhead. Follows the axis like the
// waveform: click to seek, wheel to scroll, Ctrl+wheel to zoom.
//
// The spectrogram is computed in one streaming pass on a worker thread and fills in from the
// left while the file is read; the GUI thread only maps cells to pixels. Zoomed out, a pixel
// shows the loudest of its columns per band (short sounds stay visible); zoomed in, columns
// widen. Levels are shown over the 80 dB below the loudest cell so far, through a colour map
// that follows the theme: loud is bright on a dark background in dark themes and dark on a light
// background in light themes. GUI thread only.
class SpectrogramView : public QWidget
{
    Q_OBJECT

public:
    // The dB span shown, below the loudest cell.
    static constexpr double kDisplayRangeDb = 80;

    explicit SpectrogramView(TimeAxis *axis, QWidget *parent = nullptr);
    ~SpectrogramView() override;

    // Starts computing the spectrogram of `path` in the background; cancels a previous one.
    void load(const QString &path);
    void clear();

    QString path() const { return m_path; }
    bool isLoading() const { return m_loading; }
    QString errorString() const { return m_error; }
    const media::Spectrogram &spectrogram() const { return m_spectrogram; }

    // The colour of a level in [0, 1] (0: the floor, 1: the loudest) for `palette`'s theme.
    static QColor colorFor(double level, const QPalette &palette);
    // A small picture of a spectrogram for the toolbar, drawn in the application palette's
    // colours whenever it is painted.
    static QIcon icon();

    QSize sizeHint() const override { return {640, 80}; }

Q_SIGNALS:
    void seekRequested(earmark::Time position);
    void loaded();
    void loadFailed(const QString &message);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    void append(const media::SpectrogramUpdate &update);
    void updateColorTable();
    // The visible range as an image with one row per band, and where it goes horizontally
    // (m_imageTarget): one pixel per widget pixel when zoomed out, one per spectrogram column
    // when zoomed in further. Returns how many pixels from the left are computed.
    int renderColumns();
    void paintFrequencyMarks(QPainter &p);

    TimeAxis *m_axis;
    QString m_path;
    media::Spectrogram m_spectrogram;
    std::uint8_t m_loudest = 0; // the loudest cell so far (sets the top of the displayed range)
    CancellationToken m_cancel;
    bool m_loading = false;
    QString m_error;
    quint64 m_generation = 0;

    QVector<QRgb> m_colors; // per cell value
    bool m_colorsForDark = false;
    std::uint8_t m_colorsLoudest = 0;
    QImage m_image;       // Indexed8, bands rows; valid for m_imageKey
    QRectF m_imageTarget; // its horizontal extent in widget pixels
    struct ImageKey
    {
        qint64 start = -1, end = -1, columns = -1;
        int width = -1;
        bool operator==(const ImageKey &) const = default;
    } m_imageKey;
    int m_imageFilled = 0;

    QThreadPool m_pool; // the computation; never the GUI thread
};

} // namespace earmark::ui
