#pragma once

#include <QHash>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QSize>
#include <QThreadPool>

namespace earmark::ui {

// Small pictures of library videos for lists. Made in the background (media::posterFrame: the
// keyframe near 10% of the video, fitted into `size`), kept as PNG files in the library's cache
// folder (<cacheDir>/<key>.png, keyed by the file's path, size and modification time, written
// through a temporary file and a rename) so later runs show them at once, and in memory. Files
// without pictures (audio only, unreadable) get none and are not tried again.
// GUI thread API; the decoding and the disk cache run on a worker thread.
class LibraryThumbnails : public QObject
{
    Q_OBJECT

public:
    explicit LibraryThumbnails(const QString &cacheDir,
                               QSize size = {96, 54},
                               QObject *parent = nullptr);
    ~LibraryThumbnails() override;

    QSize size() const { return m_size; }
    // The picture of `path` when ready; otherwise a null image, and thumbnailReady follows once
    // it is made (nothing follows for files without pictures).
    QImage thumbnail(const QString &path);
    bool isPending(const QString &path) const { return m_pending.contains(path); }

Q_SIGNALS:
    void thumbnailReady(const QString &path, const QImage &image);

private:
    QString m_cacheDir;
    QSize m_size;
    QHash<QString, QImage> m_ready;
    QSet<QString> m_pending;
    QSet<QString> m_failed;
    QThreadPool m_pool;
};

} // namespace earmark::ui
