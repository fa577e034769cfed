#include "ui/thumbnails/librarythumbnails.h"

#include "core/media/framesampler.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QSaveFile>

#include <cstring>

namespace earmark::ui {

namespace {

QString cacheKey(const QString &path)
{
    const QFileInfo info(path);
    const QByteArray key = info.absoluteFilePath().toUtf8() + '|' + QByteArray::number(info.size())
                           + '|' + QByteArray::number(info.lastModified().toMSecsSinceEpoch());
    return QString::fromLatin1(
        QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(24));
}

} // namespace

LibraryThumbnails::LibraryThumbnails(const QString &cacheDir, QSize size, QObject *parent)
    : QObject(parent)
    , m_cacheDir(cacheDir)
    , m_size(size)
{
    m_pool.setMaxThreadCount(1);
}

LibraryThumbnails::~LibraryThumbnails()
{
    m_pool.clear();
    m_pool.waitForDone();
}

QImage LibraryThumbnails::thumbnail(const QString &path)
{
    if (const auto it = m_ready.constFind(path); it != m_ready.constEnd())
        return it.value();
    if (path.isEmpty() || m_pending.contains(path) || m_failed.contains(path))
        return {};
    m_pending.insert(path);
    QPointer<LibraryThumbnails> self(this);
    const QString cacheDir = m_cacheDir;
    const QSize size = m_size;
    m_pool.start([self, path, cacheDir, size] {
        const QString file = cacheDir.isEmpty()
                                 ? QString()
                                 : QDir(cacheDir).filePath(cacheKey(path) + QStringLiteral(".png"));
        QImage image;
        if (!file.isEmpty() && QFileInfo::exists(file))
            image.load(file, "PNG");
        if (image.isNull()) {
            auto frame = media::posterFrame(path, size.width(), size.height());
            if (frame) {
                image = QImage(frame->width, frame->height, QImage::Format_RGB32);
                for (int y = 0; y < frame->height; ++y)
                    std::memcpy(image.scanLine(y),
                                frame->pixels.data() + std::size_t(y) * frame->bytesPerLine,
                                std::size_t(frame->width) * 4);
                if (!file.isEmpty() && QDir().mkpath(cacheDir)) {
                    QSaveFile out(file);
                    if (out.open(QIODevice::WriteOnly) && image.save(&out, "PNG"))
                        out.commit();
                }
            }
        }
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, path, image] {
                if (!self)
                    return;
                self->m_pending.remove(path);
                if (image.isNull()) {
                    self->m_failed.insert(path);
                    return;
                }
                self->m_ready.insert(path, image);
                Q_EMIT self->thumbnailReady(path, image);
            },
            Qt::QueuedConnection);
    });
    return {};
}

} // namespace earmark::ui
