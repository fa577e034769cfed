#pragma once

#include "core/base/cancellation.h"

#include <QObject>
#include <QString>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace earmark::ui {

// Makes the seek proxies (core/media/seekproxy.h) of library videos in the background, one at a
// time, at low priority, into `proxyDir`: a video gets its proxy when it is added, so the player
// shows any frame of it at once when it is opened. Videos that would not gain from one (small
// pictures with keyframes close together, no pictures at all) and videos whose proxy is there
// already are skipped. The folder is kept under media::kSeekProxyCacheBytes, the least recently
// used proxies going first. If the player opens a video whose proxy is being made here, it waits for
// this one rather than making its own. GUI thread API; results arrive as queued signals.
class LibraryProxies : public QObject
{
    Q_OBJECT

public:
    explicit LibraryProxies(const QString &proxyDir, QObject *parent = nullptr);
    // Stops the proxy being made (its partial file is removed) and drops the rest of the queue.
    ~LibraryProxies() override;

    QString proxyDir() const { return m_proxyDir; }
    void add(const QString &mediaPath);
    // Videos waiting or being worked on.
    int pending() const;

Q_SIGNALS:
    void proxyMade(const QString &mediaPath);
    void proxyFailed(const QString &mediaPath, const QString &message);
    // Nothing left to do.
    void idle();

private:
    void run();

    QString m_proxyDir;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<QString> m_queue;
    int m_working = 0;
    bool m_quit = false;
    CancellationToken m_cancel;
    std::thread m_thread;
};

} // namespace earmark::ui
