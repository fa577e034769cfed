#pragma once

#include "core/base/cancellation.h"
#include "core/base/time.h"
#include "core/media/peaks.h"

#include <QWidget>

#include <memory>

namespace earmark::ui {

// The waveform strip: min/max envelope with RMS inside, and the playhead. Peaks are computed in a
// worker and drawn as they arrive, so the strip fills in while the file is read. Click to seek.
// GUI thread only.
class WaveformView : public QWidget
{
    Q_OBJECT

public:
    explicit WaveformView(QWidget *parent = nullptr);
    ~WaveformView() override;

    // Starts computing the peaks of `path` in the background; cancels a previous load.
    void load(const QString &path);
    void clear();
    void setPlayhead(earmark::Time position);
    void setDuration(earmark::Time duration);

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

private:
    double secondsPerPixel() const;

    media::Peaks m_peaks;
    Time m_duration;
    Time m_playhead;
    CancellationToken m_cancel;
    bool m_loading = false;
    QString m_error;
    quint64 m_generation = 0;
};

} // namespace earmark::ui
