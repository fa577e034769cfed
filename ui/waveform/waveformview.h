#pragma once

#include "core/base/cancellation.h"
#include "core/base/time.h"
#include "core/media/waveform.h"

#include <QThreadPool>
#include <QWidget>

#include <vector>

class QPainter;

namespace earmark::ui {

class TimeAxis;

// The waveform strip: min/max envelope with RMS inside, and the playhead. Follows the shared
// TimeAxis; click to seek, wheel to scroll, Ctrl+wheel to zoom.
//
// Draws from a multi-resolution overview (media::WaveformOverview) computed in one streaming
// pass on a worker thread and cached next to the library (setCacheDir), so a second open is
// instant; while it is computed the strip fills in from the left as data arrives. Zoomed in
// below the overview's finest level (256 samples per pixel), it decodes just the visible range
// on a worker and draws the samples themselves: lines between sample points, and the points
// when they are far apart. The GUI thread never decodes. GUI thread only.
class WaveformView : public QWidget
{
    Q_OBJECT

public:
    explicit WaveformView(TimeAxis *axis, QWidget *parent = nullptr);
    ~WaveformView() override;

    // Where overviews are cached (paths::cacheDirForLibrary(library) + "/waveforms"); empty: no
    // cache.
    void setCacheDir(const QString &dir) { m_cacheDir = dir; }
    QString cacheDir() const { return m_cacheDir; }

    // Starts reading the overview of `path` in the background; cancels a previous load.
    void load(const QString &path);
    void clear();

    bool isLoading() const { return m_loading; }
    const media::WaveformOverview &overview() const { return m_overview; }
    // True when the view draws decoded samples of the visible range (zoomed in far).
    bool showsSamples() const;
    // True while samples for the visible range are being decoded.
    bool isDecodingSamples() const { return m_rawPending; }

    QSize sizeHint() const override { return {640, 80}; }

Q_SIGNALS:
    void seekRequested(earmark::Time position);
    void loaded();
    void loadFailed(const QString &message);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    double samplesPerPixel() const;
    void requestSamplesIfNeeded();
    void paintOverview(QPainter &p, double firstSample, double spp);
    void paintSamples(QPainter &p, double firstSample, double spp);

    TimeAxis *m_axis;
    QString m_cacheDir;
    QString m_path;
    media::WaveformOverview m_overview;
    CancellationToken m_cancel;
    bool m_loading = false;
    QString m_error;
    quint64 m_generation = 0;

    // Decoded samples (mono, the overview's rate) of a window around the visible range.
    qint64 m_rawFirst = 0;
    std::vector<float> m_raw;
    bool m_rawPending = false;
    qint64 m_wantFirst = 0; // the window asked for last
    qint64 m_wantLast = 0;

    QThreadPool m_pool; // the overview and sample windows; never the GUI thread
};

} // namespace earmark::ui
