#include "ui/player/playerwidget.h"

#include "ui/player/framefetcher.h"
#include "ui/player/videoview.h"
#include "ui/shell/icons.h"

#include <QAudioDevice>
#include <QAudioOutput>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaDevices>
#include <QResizeEvent>

#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <cmath>

#include <algorithm>
#include <cmath>

namespace earmark::ui {

namespace {

QString preciseTime(Time t)
{
    const qint64 tenths = t.milliseconds() / 100;
    return formatTime(t) + QLatin1Char('.') + QString::number(tenths % 10);
}

} // namespace

PlayerWidget::PlayerWidget(QWidget *parent)
    : QWidget(parent)
    , m_player(new QMediaPlayer(this))
    , m_view(new VideoView(this))
{
    // Qt 6.4's FFmpeg backend crashes writing audio when the system has no output device
    // (headless machines, containers): play the picture alone there.
    if (!QMediaDevices::audioOutputs().isEmpty()) {
        m_audio = new QAudioOutput(this);
        m_player->setAudioOutput(m_audio);
    }
    m_player->setVideoSink(m_view->videoSink());
    m_fetcher = new FrameFetcher(this);
    connect(m_fetcher, &FrameFetcher::frameReady, this, &PlayerWidget::onExactFrame);
    m_proxyLabel = new QLabel(this);
    m_proxyLabel->setObjectName(QStringLiteral("proxyLabel"));
    m_proxyLabel->setTextFormat(Qt::PlainText);
    m_proxyLabel->setToolTip(tr("A small copy of the video made for seeking: once it is ready, "
                                "any frame shows at once. It is kept in the library's cache "
                                "folder."));
    m_proxyLabel->hide();
    connect(m_fetcher, &FrameFetcher::proxyProgress, this, [this](double fraction) {
        m_proxyLabel->setText(
            tr("Preparing fast seeking… %1%").arg(int(std::floor(fraction * 100))));
        m_proxyLabel->show();
    });
    connect(m_fetcher, &FrameFetcher::proxyReady, m_proxyLabel, &QLabel::hide);
    connect(m_fetcher, &FrameFetcher::proxyFailed, this, [this](const QString &message) {
        // Seeking still works, decoding the file itself: a note, not an error box.
        m_proxyLabel->setText(tr("Fast seeking unavailable"));
        m_proxyLabel->setToolTip(message);
        m_proxyLabel->show();
    });
    connect(m_fetcher, &FrameFetcher::failed, this, [this](const QString &message) {
        m_fetching = m_fetcher->isBusy();
        Q_EMIT errorOccurred(tr("Cannot show the frames of %1: %2").arg(m_path, message));
    });

    auto makeButton = [this](IconKind icon, const QString &tip) {
        auto *b = new QToolButton(this);
        b->setIcon(workbenchIcon(icon));
        b->setToolTip(tip);
        b->setAutoRaise(true);
        b->setFocusPolicy(Qt::NoFocus);
        return b;
    };
    m_stepBackButton = makeButton(IconKind::StepBackward, tr("Previous frame (,)"));
    m_playButton = makeButton(IconKind::Play, tr("Play (Space)"));
    m_stepForwardButton = makeButton(IconKind::StepForward, tr("Next frame (.)"));
    m_stepBackButton->setObjectName(QStringLiteral("stepBackButton"));
    m_playButton->setObjectName(QStringLiteral("playButton"));
    m_stepForwardButton->setObjectName(QStringLiteral("stepForwardButton"));

    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("seekSlider"));
    m_slider->setRange(0, 0);
    m_slider->setFocusPolicy(Qt::NoFocus);
    m_timeLabel = new QLabel(this);
    m_timeLabel->setObjectName(QStringLiteral("timeLabel"));
    m_timeLabel->setTextFormat(Qt::PlainText);
    m_timeLabel->setMinimumWidth(
        m_timeLabel->fontMetrics().horizontalAdvance(QStringLiteral("00:00:00.0 / 00:00:00.0")));
    m_timeLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *transport = new QHBoxLayout;
    transport->setContentsMargins(4, 2, 4, 2);
    transport->addWidget(m_stepBackButton);
    transport->addWidget(m_playButton);
    transport->addWidget(m_stepForwardButton);
    transport->addWidget(m_slider, 1);
    transport->addWidget(m_proxyLabel);
    transport->addWidget(m_timeLabel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    layout->addLayout(transport);

    connect(m_playButton, &QToolButton::clicked, this, &PlayerWidget::togglePlay);
    connect(m_stepBackButton, &QToolButton::clicked, this, [this] { stepFrames(-1); });
    connect(m_stepForwardButton, &QToolButton::clicked, this, [this] { stepFrames(1); });
    connect(m_slider, &QSlider::sliderPressed, this, [this] { m_sliderDragging = true; });
    connect(m_slider, &QSlider::sliderReleased, this, [this] {
        m_sliderDragging = false;
        seek(Time::fromMilliseconds(m_slider->value()));
    });
    // Scrubbing: while paused every move asks the exact decoder (requests coalesce).
    connect(m_slider, &QSlider::sliderMoved, this, [this](int ms) {
        seek(Time::fromMilliseconds(ms));
    });
    connect(m_slider, &QSlider::actionTriggered, this, [this](int action) {
        if (action != QAbstractSlider::SliderMove)
            seek(Time::fromMilliseconds(m_slider->sliderPosition()));
    });

    connect(m_player, &QMediaPlayer::positionChanged, this, [this](qint64 ms) {
        if (m_still)
            return; // the exact position rules while paused
        if (!m_sliderDragging)
            m_slider->setValue(int(ms));
        updateTimeLabel();
        Q_EMIT positionChanged(Time::fromMilliseconds(ms));
    });
    connect(m_player, &QMediaPlayer::durationChanged, this, [this](qint64 ms) {
        m_slider->setRange(0, int(ms));
        m_slider->setPageStep(std::max(1000, int(ms / 20)));
        updateTimeLabel();
        Q_EMIT durationChanged(Time::fromMilliseconds(ms));
    });
    connect(m_player,
            &QMediaPlayer::playbackStateChanged,
            this,
            [this](QMediaPlayer::PlaybackState state) {
                const bool playing = state == QMediaPlayer::PlayingState;
                m_fetcher->setIdleFill(!playing);
                if (playing && m_still) {
                    m_still = false;
                    m_view->setFollowSink(true);
                }
                m_playButton->setIcon(workbenchIcon(playing ? IconKind::Pause : IconKind::Play));
                m_playButton->setToolTip(playing ? tr("Pause (Space)") : tr("Play (Space)"));
                Q_EMIT playingChanged(playing);
            });
    connect(m_player,
            &QMediaPlayer::errorOccurred,
            this,
            [this](QMediaPlayer::Error, const QString &text) {
                Q_EMIT errorOccurred(tr("Cannot play %1: %2").arg(m_path, text));
            });
    updateTimeLabel();
}

void PlayerWidget::open(const QString &path, double frameRate)
{
    m_path = path;
    m_frameRate = frameRate > 0 ? frameRate : 25;
    m_view->clear();
    m_proxyLabel->hide();
    m_player->setSource(playableUrl(path));
    // The first picture comes from the exact decoder: shown at once, paused at the start.
    updateDisplaySize();
    m_fetcher->open(path);
    showStill(Time());
}

QUrl PlayerWidget::playableUrl(const QString &path)
{
    // Qt Multimedia 6.4's FFmpeg backend hands FFmpeg the path percent-encoded, which it cannot
    // open when the name has letters outside ASCII ("Cannot play …: Could not open file"). Such
    // files are played through a link with a plain name; the media engine reads the real path.
    auto plain = [](const QString &text) {
        return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 128; });
    };
    if (plain(path) || path.isEmpty())
        return QUrl::fromLocalFile(path);
    if (!m_links || !m_links->isValid())
        m_links = std::make_unique<QTemporaryDir>(
            QDir::temp().filePath(QStringLiteral("earmark-play-XXXXXX")));
    const QFileInfo info(path);
    const QString link = m_links->filePath(
        QString::fromLatin1(
            QCryptographicHash::hash(info.absoluteFilePath().toUtf8(), QCryptographicHash::Sha1)
                .toHex()
                .left(16))
        + (info.suffix().isEmpty() || !plain(info.suffix()) ? QString()
                                                            : QLatin1Char('.') + info.suffix()));
    QFile::remove(link);
    if (!m_links->isValid() || !QFile::link(info.absoluteFilePath(), link))
        return QUrl::fromLocalFile(path); // playback reports the error; frames still show
    return QUrl::fromLocalFile(link);
}

void PlayerWidget::setProxyDir(const QString &dir)
{
    m_fetcher->setProxyDir(dir);
}

void PlayerWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateDisplaySize();
}

// Exact frames are decoded at the size they are shown (the fetcher's cache holds more of them
// that way), though not below a modest size, so a briefly small view does not blur them.
void PlayerWidget::updateDisplaySize()
{
    if (!m_view || !m_fetcher)
        return;
    const qreal dpr = m_view->devicePixelRatioF();
    m_fetcher->setDisplaySize(QSize(std::max(640, int(m_view->width() * dpr)),
                                    std::max(360, int(m_view->height() * dpr))));
}

void PlayerWidget::close()
{
    m_player->stop();
    m_player->setSource(QUrl());
    m_fetcher->close();
    m_proxyLabel->hide();
    m_path.clear();
    m_still = false;
    m_fetching = false;
    m_view->setFollowSink(true);
    m_view->clear();
    updateTimeLabel();
}

Time PlayerWidget::position() const
{
    if (m_still)
        return m_stillPosition;
    return Time::fromMilliseconds(m_player->position());
}

Time PlayerWidget::duration() const
{
    return Time::fromMilliseconds(m_player->duration());
}

bool PlayerWidget::isPlaying() const
{
    return m_player->playbackState() == QMediaPlayer::PlayingState;
}

void PlayerWidget::play()
{
    if (m_path.isEmpty())
        return;
    if (m_still) {
        syncPlayerPosition(m_stillPosition);
        m_still = false;
        m_fetching = false;
        m_view->setFollowSink(true);
    }
    m_fetcher->setIdleFill(false);
    m_player->play();
}

void PlayerWidget::pause()
{
    const bool wasPlaying = isPlaying();
    m_player->pause();
    // The picture Qt Multimedia leaves up may lag its position: replace it with the exact frame.
    if (wasPlaying && !m_path.isEmpty())
        showStill(Time::fromMilliseconds(m_player->position()));
}

void PlayerWidget::togglePlay()
{
    if (isPlaying())
        pause();
    else
        play();
}

void PlayerWidget::seek(Time position)
{
    if (m_path.isEmpty())
        return;
    position = std::max(Time(), position);
    if (m_player->duration() > 0)
        position = std::min(position, Time::fromMilliseconds(m_player->duration()));
    if (isPlaying()) {
        m_player->setPosition(position.milliseconds());
        return;
    }
    showStill(position);
    syncPlayerPosition(position);
}

void PlayerWidget::stepFrames(int frames)
{
    if (m_path.isEmpty() || frames == 0)
        return;
    if (isPlaying())
        pause();
    else if (!m_still)
        showStill(position());
    m_fetching = true;
    m_fetcher->requestStep(frames);
}

void PlayerWidget::showStill(Time position)
{
    m_still = true;
    m_stillPosition = position;
    m_fetching = true;
    m_view->setFollowSink(false);
    m_fetcher->requestAt(position);
    if (!m_sliderDragging)
        m_slider->setValue(int(position.milliseconds()));
    updateTimeLabel();
    Q_EMIT positionChanged(position);
}

void PlayerWidget::onExactFrame(
    const QImage &image, Time pts, Time requested, bool stepped, bool fromProxy)
{
    Q_UNUSED(fromProxy); // the right frame either way; the file's own picture replaces it
    m_fetching = m_fetcher->isBusy();
    if (!m_still)
        return; // playing again: Qt Multimedia's frames rule
    m_view->showImage(image);
    m_stillFrame = pts;
    if (stepped) {
        m_stillPosition = pts;
        syncPlayerPosition(pts);
        if (!m_sliderDragging)
            m_slider->setValue(int(pts.milliseconds()));
        updateTimeLabel();
        Q_EMIT positionChanged(pts);
    }
    Q_UNUSED(requested);
    Q_EMIT exactFrameShown(pts);
}

void PlayerWidget::syncPlayerPosition(Time position)
{
    // Whole milliseconds, rounded up: playback resumes at or just after the frame's start.
    m_player->setPosition((position.microseconds() + 999) / 1000);
}

void PlayerWidget::updateTimeLabel()
{
    m_timeLabel->setText(
        QStringLiteral("%1 / %2").arg(preciseTime(position()), preciseTime(duration())));
}

} // namespace earmark::ui
