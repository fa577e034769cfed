#pragma once

#include "core/base/time.h"

#include <QMediaPlayer>
#include <QTemporaryDir>
#include <QWidget>

#include <memory>

class QAudioOutput;
class QLabel;
class QSlider;
class QToolButton;

namespace earmark::ui {

class FrameFetcher;
class VideoView;

// The player: the video picture with play/pause, frame step, a seek slider and the time.
// Playback through Qt Multimedia (FFmpeg backend); frames are painted by VideoView. While paused,
// seeks, scrubbing and frame steps show the exact frame from the media engine's own decoder
// (FrameFetcher, on its own thread): position() is then the time asked for (after a frame step,
// the shown frame's presentation time) and the picture is the frame shown at that time.
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
    // True while a paused picture from the exact decoder is shown (or on its way).
    bool showsExactFrame() const { return m_still; }
    // Presentation time of the picture shown while paused (the frame at position()).
    Time shownFrameTime() const { return m_stillFrame; }
    // True until the exact frame for the last seek or step is on screen (from the seek proxy
    // first, when there is one).
    bool isFetchingFrame() const { return m_fetching; }

    // Where seek proxies are kept (see FrameFetcher::setProxyDir); empty: none. The proxy of a
    // video is made in the background the first time it is opened; a note under the picture
    // shows the progress.
    void setProxyDir(const QString &dir);
    FrameFetcher *frameFetcher() const { return m_fetcher; }

public Q_SLOTS:
    void play();
    void pause();
    void togglePlay();
    void seek(earmark::Time position);
    void stepFrames(int frames);

Q_SIGNALS:
    void positionChanged(earmark::Time position);
    // The exact frame for a paused seek or step is on screen.
    void exactFrameShown(earmark::Time frameTime);
    void durationChanged(earmark::Time duration);
    void playingChanged(bool playing);
    void errorOccurred(const QString &message);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateDisplaySize();
    void updateTimeLabel();
    void showStill(Time position);
    void onExactFrame(const QImage &image, Time pts, Time requested, bool stepped, bool fromProxy);
    void syncPlayerPosition(Time position);
    // The address Qt Multimedia is given for `path`.
    QUrl playableUrl(const QString &path);

    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_audio = nullptr;
    VideoView *m_view = nullptr;
    QToolButton *m_playButton = nullptr;
    QToolButton *m_stepBackButton = nullptr;
    QToolButton *m_stepForwardButton = nullptr;
    QSlider *m_slider = nullptr;
    QLabel *m_timeLabel = nullptr;
    QLabel *m_proxyLabel = nullptr; // the seek proxy's progress while it is made
    FrameFetcher *m_fetcher = nullptr;
    QString m_path;
    // Links with plain names to files whose names Qt Multimedia cannot open (made on demand).
    std::unique_ptr<QTemporaryDir> m_links;
    double m_frameRate = 25;
    bool m_sliderDragging = false;
    bool m_still = false;    // paused on an exact frame: m_stillPosition is the position
    bool m_fetching = false; // an exact frame is being decoded
    Time m_stillPosition;
    Time m_stillFrame;
};

} // namespace earmark::ui
