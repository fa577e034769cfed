#pragma once

#include "core/base/cancellation.h"
#include "core/base/time.h"
#include "core/media/peaks.h"

#include <QWidget>

#include <memory>

namespace earmark::ui {

// The waveform strip: min/max envelope with RMS inside, and the playhead. Peaks are computed in a
// worker and drawn as they arrive, so the strip fills in while the file is read. Follows the shared
// TimeAxis; click to seek, wheel to scroll, Ctrl+wheel to zoom.
// GUI thread only.
class TimeAxis;

class WaveformView : public QWidget
{
    Q_OBJECT

public:
    explicit WaveformView(TimeAxis *axis, QWidget *parent = nullptr);
    ~WaveformView() override;

    // Starts computing the peaks of `path` in the background; cancels a previous load.
    void load(const QString &path);
    void clear();

    bool isLoading() const { return m_loading; }
    const media::Peaks &peaks() const { return m_peaks; }

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
    TimeAxis *m_axis;
    media::Peaks m_peaks;
    CancellationToken m_cancel;
    bool m_loading = false;
    QString m_error;
    quint64 m_generation = 0;
};

} // namespace earmark::ui
