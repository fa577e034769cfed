#pragma once

#include "core/base/time.h"

#include <QMediaPlayer>
#include <QWidget>

class QAudioOutput;
class QLabel;
class QSlider;
class QToolButton;

namespace earmark::ui {

class VideoView;

// The player: the video picture with play/pause, frame step, a seek slider and the time.
// Playback through Qt Multimedia (FFmpeg backend); frames are painted by VideoView.
// GUI thread only.
class PlayerWidget : public QWidget
{
    Q_OBJECT

public:
    explicit PlayerWidget(QWidget *parent = nullptr);

    // Opens a file; `frameRate` (from the library) sets the frame-step length, 25 if unknown.
    void open(const QString &path, double frameRate);
    void close();
    QString currentFile() const { return m_path; }

    Time position() const;
    Time duration() const;
    bool isPlaying() const;
    double frameRate() const { return m_frameRate; }

    VideoView *videoView() const { return m_view; }
    QMediaPlayer *mediaPlayer() const { return m_player; }

public Q_SLOTS:
    void play();
    void pause();
    void togglePlay();
    void seek(earmark::Time position);
    void stepFrames(int frames);

Q_SIGNALS:
    void positionChanged(earmark::Time position);
    void durationChanged(earmark::Time duration);
    void playingChanged(bool playing);
    void errorOccurred(const QString &message);

private:
    void updateTimeLabel();

    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_audio = nullptr;
    VideoView *m_view = nullptr;
    QToolButton *m_playButton = nullptr;
    QToolButton *m_stepBackButton = nullptr;
    QToolButton *m_stepForwardButton = nullptr;
    QSlider *m_slider = nullptr;
    QLabel *m_timeLabel = nullptr;
    QString m_path;
    double m_frameRate = 25;
    bool m_sliderDragging = false;
};

} // namespace earmark::ui
