#include "core/base/paths.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace earmark::paths {

QString defaultLibraryPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("library.sqlite"));
}

QString dataDir()
{
    const QString fromEnv = qEnvironmentVariable("EARMARK_DATA_DIR");
    if (!fromEnv.isEmpty())
        return QDir(fromEnv).absolutePath();
    const QString appDir = QCoreApplication::applicationDirPath();
    if (appDir.isEmpty())
        return {};
    const QString candidate = QDir(appDir).absoluteFilePath(QStringLiteral("../share/earmark"));
    if (QFileInfo(candidate).isDir())
        return QDir::cleanPath(candidate);
    return {};
}

QString cacheDirForLibrary(const QString &libraryPath)
{
    return QFileInfo(libraryPath).absoluteFilePath() + QStringLiteral(".cache");
}

QString cacheDirFor(const QString &libraryFilePath)
{
    return libraryFilePath.isEmpty()
               ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
               : cacheDirForLibrary(libraryFilePath);
}

QString cacheFileFor(const QString &cacheDir, const QString &mediaPath, const QString &suffix)
{
    const QByteArray key = QCryptographicHash::hash(QFileInfo(mediaPath).absoluteFilePath().toUtf8(),
                                                    QCryptographicHash::Sha1)
                               .toHex()
                               .left(24);
    return QDir(cacheDir).filePath(QString::fromLatin1(key) + suffix);
}

} // namespace earmark::paths
