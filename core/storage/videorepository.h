#pragma once

#include "core/annotation/video.h"
#include "core/base/result.h"
#include "core/storage/database.h"

#include <QList>

#include <memory>
#include <optional>

namespace earmark::storage {

// The videos of a library. Methods run on the calling thread with its own connection.
class VideoRepository
{
public:
    explicit VideoRepository(std::shared_ptr<Database> db);

    // Adds the video, or returns the existing one with the same absolute path unchanged.
    Result<annotation::Video> add(const annotation::Video &video);
    Result<QList<annotation::Video>> all() const;
    Result<std::optional<annotation::Video>> byId(annotation::VideoId id) const;
    Result<std::optional<annotation::Video>> byPath(const QString &path) const;
    Status setStatus(annotation::VideoId id, annotation::ReviewStatus status);
    Status remove(annotation::VideoId id);

private:
    std::shared_ptr<Database> m_db;
};

} // namespace earmark::storage
