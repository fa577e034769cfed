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

Q_SIGNALS:
    // `requested`: the asked time for requestAt(), the frame's own time for steps.
    // `stepped`: the answer to frame steps.
    void frameReady(const QImage &image, earmark::Time pts, earmark::Time requested, bool stepped);
    // The file could not be opened or decoded (not raised for files without video).
    void failed(const QString &message);

private:
    struct Worker;
    std::unique_ptr<Worker> m_worker;
    QString m_path;
    quint64 m_requested = 0; // requests made
    quint64 m_answered = 0;  // the latest request answered (or failed)
};

} // namespace earmark::ui
