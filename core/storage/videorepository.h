#pragma once

#include "core/annotation/video.h"
#include "core/base/result.h"
#include "core/storage/database.h"

#include <QList>

#include <memory>
#include <optional>

namespace earmark::storage {

// The videos of a library. Methods run on the calling thread with its own connection.
//
// Videos without a media file (labels imported for dataset clips the library has no file for)
// have an empty Video::path and a non-empty Video::externalId; see annotation::Video.
class VideoRepository
{
public:
    explicit VideoRepository(std::shared_ptr<Database> db);

    // Adds the video, or returns the existing one with the same absolute path unchanged. A video
    // with an empty path is added without a file; it needs an external id, unique in the library.
    Result<annotation::Video> add(const annotation::Video &video);
    Result<QList<annotation::Video>> all() const;
    Result<std::optional<annotation::Video>> byId(annotation::VideoId id) const;
    Result<std::optional<annotation::Video>> byPath(const QString &path) const;
    Result<std::optional<annotation::Video>> byExternalId(const QString &externalId) const;
    Status setStatus(annotation::VideoId id, annotation::ReviewStatus status);
    Status remove(annotation::VideoId id);
    // Gives a video without a file the probed media file `file` (path, duration, size, streams
    // taken from it); its labels stay. Fails when another video has that file.
    Status attachFile(annotation::VideoId id, const annotation::Video &file);

    // Inside the caller's transaction.
    static Result<annotation::Video> insert(QSqlDatabase &db, const annotation::Video &video);
    static Result<std::optional<annotation::Video>> byExternalId(QSqlDatabase &db,
                                                                 const QString &externalId);
    static Result<QList<annotation::Video>> all(QSqlDatabase &db);
    static Status setExternalId(QSqlDatabase &db, annotation::VideoId id, const QString &externalId);
    static Status setAttributes(QSqlDatabase &db,
                                annotation::VideoId id,
                                const QJsonObject &attributes);

private:
    std::shared_ptr<Database> m_db;
};

} // namespace earmark::storage
