#pragma once

#include "core/base/time.h"

#include <QImage>
#include <QObject>
#include <QSize>
#include <QString>

#include <memory>

namespace earmark::ui {

// Decodes exact frames of one video on a thread of its own, for the player's seeks while paused,
// scrubbing and frame steps (Qt Multimedia has no frame step and may show a stale frame after a
// seek). Requests are coalesced: while one is being decoded, a newer seek replaces a waiting one
// and steps add up; a newer seek also cancels the one being decoded, so only the latest target
// is decoded and its answer never waits behind stale ones. Between requests the worker fills the
// reader's cache around the playhead (media::VideoReader::prefetch), so steps either way and
// scrubbing nearby are answered without decoding; pictures are kept at display size (at most
// setDisplaySize()), which bounds that cache's memory. Owns a media::VideoReader on its thread.
//
// With a proxy folder (setProxyDir), a seek proxy of the video (media/seekproxy.h) is made in the
// background on first open, at low priority, and kept there. Once it is there, a seek or step
// the cache cannot answer is answered twice: at once with the exact frame from the proxy
// (`fromProxy`), then with the same frame decoded from the file, unless a newer request came.
//
// GUI thread API; results arrive as queued signals on the GUI thread.
class FrameFetcher : public QObject
{
    Q_OBJECT

public:
    explicit FrameFetcher(QObject *parent = nullptr);
    ~FrameFetcher() override;

    // Opens `path` (closing the previous file); requests made before the open finishes wait for
    // it. Empty: close.
    void open(const QString &path);
    void close() { open(QString()); }
    QString path() const { return m_path; }

    // The frame shown at `t`.
    void requestAt(Time t);
    // `frames` frames after (or before, when negative) the last frame answered or asked for.
    void requestStep(int frames);

    bool isBusy() const;

    // Whether idle time fills the cache (default on). The player turns it off while Qt
    // Multimedia plays: the cores are needed there, and the playhead moves on anyway.
    void setIdleFill(bool enabled);

    // The largest picture wanted (device pixels); frames are scaled down to fit, keeping their
    // aspect, never up. Default 1280x720.
    void setDisplaySize(QSize size);

    // Where seek proxies are kept (the library's cache folder + "/proxies"); empty: none are
    // made or used. Takes effect at the next open().
    void setProxyDir(const QString &dir);
    QString proxyDir() const { return m_proxyDir; }
    bool hasProxy() const { return m_hasProxy; }

Q_SIGNALS:
    // `requested`: the asked time for requestAt(), the frame's own time for steps.
    // `stepped`: the answer to frame steps.
    // `fromProxy`: the picture is the seek proxy's (the right frame at the proxy's resolution);
    // the file's own follows.
    void frameReady(const QImage &image,
                    earmark::Time pts,
                    earmark::Time requested,
                    bool stepped,
                    bool fromProxy);
    // The seek proxy of the open file is being made: the fraction done (0..1); then proxyReady
    // once it is used, or proxyFailed (seeking still works, decoding the file itself).
    void proxyProgress(double fraction);
    void proxyReady();
    void proxyFailed(const QString &message);
    // The file could not be opened or decoded (not raised for files without video).
    void failed(const QString &message);

private:
    struct Worker;
    std::unique_ptr<Worker> m_worker;
    QString m_path;
    QString m_proxyDir;
    bool m_hasProxy = false;
    quint64 m_openGeneration = 0; // of the latest open()
    quint64 m_requested = 0;      // requests made
    quint64 m_answered = 0;       // the latest request answered (or failed)
};

} // namespace earmark::ui
