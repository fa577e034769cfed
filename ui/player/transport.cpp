#include "ui/player/transport.h"

#include "core/annotation/document.h"
#include "ui/editing/editorsession.h"
#include "ui/player/playerwidget.h"
#include "ui/timeaxis.h"
#include "ui/timeline/timelinemodel.h"

#include <QAudioOutput>
#include <QMediaPlayer>
#include <QSettings>
#include <QTimer>

#include <cmath>

namespace earmark::ui {

using namespace annotation;

namespace {

constexpr int kReverseTickMs = 40;

} // namespace

TransportController::TransportController(PlayerWidget *player,
                                         TimeAxis *axis,
                                         EditorSession *session,
                                         QObject *parent)
    : QObject(parent)
    , m_player(player)
    , m_axis(axis)
    , m_session(session)
    , m_reverse(new QTimer(this))
{
    const QSettings settings;
    m_speed = std::clamp(settings.value(QStringLiteral("player/speed"), 1.0).toDouble(), 0.25, 2.0);
    m_volume = std::clamp(settings.value(QStringLiteral("player/volume"), 1.0).toDouble(), 0.0, 1.0);
    m_muted = settings.value(QStringLiteral("player/muted"), false).toBool();
    m_reverse->setInterval(kReverseTickMs);
    connect(m_reverse, &QTimer::timeout, this, &TransportController::stepBackward);
    connect(m_player, &PlayerWidget::positionChanged, this, &TransportController::onPosition);
    connect(m_player, &PlayerWidget::playingChanged, this, [this](bool playing) {
        // A pause from elsewhere (space, the button) ends a forward shuttle.
        if (!playing && m_shuttle > 0) {
            m_shuttle = 0;
            applyRate();
            Q_EMIT shuttleChanged(0);
        }
    });
    // A new file gets the chosen rate and volume once its player is ready.
    connect(m_player, &PlayerWidget::durationChanged, this, [this] {
        applyRate();
        applyVolume();
    });
    connect(m_session, &EditorSession::documentChanged, this, [this] { setLoopSelection(false); });
    applyRate();
    applyVolume();
}

QList<double> TransportController::speeds()
{
    return {0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0};
}

void TransportController::applyRate()
{
    const double rate = m_shuttle > 0 ? m_shuttle : m_speed;
    if (m_player->mediaPlayer()->playbackRate() != rate)
        m_player->mediaPlayer()->setPlaybackRate(rate);
}

void TransportController::applyVolume()
{
    if (QAudioOutput *out = m_player->mediaPlayer()->audioOutput()) {
        out->setVolume(float(m_volume));
        out->setMuted(m_muted);
    }
}

void TransportController::shuttleForward()
{
    m_reverse->stop();
    if (m_shuttle <= 0)
        m_shuttle = m_speed;
    else
        m_shuttle = std::min(2.0, m_shuttle < 1.0 ? 1.0 : m_shuttle + 0.5);
    applyRate();
    m_player->play();
    Q_EMIT shuttleChanged(m_shuttle);
}

void TransportController::shuttleBackward()
{
    m_player->pause();
    m_shuttle = m_shuttle >= 0 ? -1.0 : std::max(-4.0, m_shuttle * 2);
    applyRate();
    m_reverse->start();
    Q_EMIT shuttleChanged(m_shuttle);
}

void TransportController::shuttleStop()
{
    m_reverse->stop();
    m_player->pause();
    if (m_shuttle != 0) {
        m_shuttle = 0;
        applyRate();
        Q_EMIT shuttleChanged(0);
    }
}

void TransportController::stepBackward()
{
    const Time step = Time::fromMilliseconds(qint64(std::lround(kReverseTickMs * -m_shuttle)));
    const Time target = m_player->position() - step;
    if (target <= Time()) {
        m_player->seek(Time());
        shuttleStop();
        return;
    }
    m_player->seek(target);
}

void TransportController::setSpeed(double speed)
{
    speed = std::clamp(speed, 0.25, 2.0);
    if (speed == m_speed)
        return;
    m_speed = speed;
    QSettings().setValue(QStringLiteral("player/speed"), m_speed);
    if (m_shuttle > 0)
        m_shuttle = m_speed;
    applyRate();
    Q_EMIT speedChanged(m_speed);
    Q_EMIT message(tr("Playback speed %1×").arg(m_speed));
}

void TransportController::speedUp()
{
    for (double s : speeds()) {
        if (s > m_speed + 1e-9) {
            setSpeed(s);
            return;
        }
    }
}

void TransportController::speedDown()
{
    const QList<double> list = speeds();
    for (auto it = list.rbegin(); it != list.rend(); ++it) {
        if (*it < m_speed - 1e-9) {
            setSpeed(*it);
            return;
        }
    }
}

void TransportController::setVolume(double volume)
{
    m_volume = std::clamp(volume, 0.0, 1.0);
    QSettings().setValue(QStringLiteral("player/volume"), m_volume);
    applyVolume();
    Q_EMIT volumeChanged(m_volume, m_muted);
}

void TransportController::setMuted(bool muted)
{
    m_muted = muted;
    QSettings().setValue(QStringLiteral("player/muted"), m_muted);
    applyVolume();
    Q_EMIT volumeChanged(m_volume, m_muted);
}

void TransportController::jumpToStart()
{
    const AnnotationDocument *doc = m_session->document();
    if (!doc)
        return;
    if (const Segment *s = doc->segment(m_session->current())) {
        m_player->seek(s->onset);
        return;
    }
    // No event selected: the nearest event start before the playhead.
    const qint64 now = m_axis->playhead().microseconds();
    qint64 best = -1;
    m_session->model()->forEachLane([&](const TimelineLaneKey &, const TimelineLanes &lanes) {
        for (const TimelineItem &item : lanes.confirmed.items()) {
            if (item.onset >= now)
                break;
            best = std::max(best, item.onset);
        }
    });
    if (best >= 0)
        m_player->seek(Time::fromMicroseconds(best));
}

void TransportController::jumpToEnd()
{
    const AnnotationDocument *doc = m_session->document();
    if (!doc)
        return;
    if (const Segment *s = doc->segment(m_session->current())) {
        // The last frame inside the event (its end is exclusive).
        const double fps = doc->video().frameRate > 0 ? doc->video().frameRate : 25;
        m_player->seek(std::max(s->onset, s->offset - Time::fromSeconds(0.5 / fps)));
        return;
    }
    // No event selected: the nearest event end after the playhead.
    const qint64 now = m_axis->playhead().microseconds();
    qint64 best = -1;
    m_session->model()->forEachLane([&](const TimelineLaneKey &, const TimelineLanes &lanes) {
        for (const TimelineItem &item : lanes.confirmed.items()) {
            if (item.offset > now && (best < 0 || item.offset < best))
                best = item.offset;
        }
    });
    if (best >= 0)
        m_player->seek(Time::fromMicroseconds(best));
}

void TransportController::setLoopSelection(bool on)
{
    std::optional<std::pair<Time, Time>> loop;
    const AnnotationDocument *doc = m_session ? m_session->document() : nullptr;
    if (on && doc) {
        for (SegmentId id : m_session->selection()) {
            if (const Segment *s = doc->segment(id)) {
                if (!loop)
                    loop = std::pair(s->onset, s->offset);
                loop->first = std::min(loop->first, s->onset);
                loop->second = std::max(loop->second, s->offset);
            }
        }
        if (!loop)
            Q_EMIT message(tr("Select the events to loop over."));
    }
    m_loop = loop;
    if (m_loop) {
        const Time pos = m_player->position();
        if (pos < m_loop->first || pos >= m_loop->second)
            m_player->seek(m_loop->first);
    }
    Q_EMIT loopChanged(bool(m_loop));
}

void TransportController::onPosition(Time position)
{
    if (m_loop && m_player->isPlaying() && position >= m_loop->second)
        m_player->seek(m_loop->first);
}

} // namespace earmark::ui
