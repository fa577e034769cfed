#pragma once

#include "core/base/time.h"

#include <QObject>
#include <QPointer>

#include <optional>
#include <utility>

class QTimer;

namespace earmark::ui {

class EditorSession;
class PlayerWidget;
class TimeAxis;

// What the keyboard does to playback beyond play/pause and frame steps, on top of PlayerWidget:
//   J / K / L shuttle: L plays forward, faster each press (1x, 1.5x, 2x); J plays backward
//     (stepping frames back in time, 1x, 2x, 4x each press); K stops.
//   playback speed 0.25x to 2x (kept across videos),
//   volume and mute (kept across runs; no effect when the system has no audio output),
//   jump to the start or end of the current event (or the nearest event boundary),
//   loop the selection: playback wraps from the selected events' end back to their start.
// GUI thread only.
class TransportController : public QObject
{
    Q_OBJECT

public:
    TransportController(PlayerWidget *player,
                        TimeAxis *axis,
                        EditorSession *session,
                        QObject *parent = nullptr);

    // The speeds offered (and stepped through by speedUp/speedDown).
    static QList<double> speeds();
    double speed() const { return m_speed; }
    // 0 when not shuttling; negative when playing backward.
    double shuttleRate() const { return m_shuttle; }
    double volume() const { return m_volume; }
    bool isMuted() const { return m_muted; }
    std::optional<std::pair<Time, Time>> loopRange() const { return m_loop; }

public Q_SLOTS:
    void shuttleForward();
    void shuttleBackward();
    void shuttleStop();
    void setSpeed(double speed);
    void speedUp();
    void speedDown();
    void setVolume(double volume);
    void setMuted(bool muted);
    void jumpToStart();
    void jumpToEnd();
    // Loops over the selected events (from the first start to the last end); off when nothing is
    // selected or when `on` is false.
    void setLoopSelection(bool on);
    void toggleLoopSelection() { setLoopSelection(!m_loop); }

Q_SIGNALS:
    void speedChanged(double speed);
    void shuttleChanged(double rate);
    void volumeChanged(double volume, bool muted);
    void loopChanged(bool on);
    void message(const QString &text);

private:
    void applyRate();
    void applyVolume();
    void stepBackward();
    void onPosition(Time position);

    PlayerWidget *m_player;
    TimeAxis *m_axis;
    QPointer<EditorSession> m_session;
    QTimer *m_reverse;
    double m_speed = 1.0;
    double m_shuttle = 0;
    double m_volume = 1.0;
    bool m_muted = false;
    std::optional<std::pair<Time, Time>> m_loop;
};

} // namespace earmark::ui
