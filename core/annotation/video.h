#pragma once

#include "core/base/time.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace earmark::annotation {

using VideoId = qint64;

// Where a person is with one video.
enum class ReviewStatus { ToDo, InProgress, Done, Reviewed };

QString reviewStatusName(ReviewStatus status); // "todo", "in_progress", ...
std::optional<ReviewStatus> reviewStatusFromName(QStringView name);

// A media file in a library, with the facts probed when it was added.
struct Video
{
    VideoId id = 0;
    QString path;  // absolute path of the file
    QString title; // shown in lists; the file name by default
    Time duration;
    int width = 0;
    int height = 0;
    double frameRate = 0;
    bool hasAudio = false;
    bool hasVideo = false;
    ReviewStatus status = ReviewStatus::ToDo;
    QDateTime added;
};

} // namespace earmark::annotation
