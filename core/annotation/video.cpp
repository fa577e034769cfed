#include "core/annotation/video.h"

#include <QFileInfo>

namespace earmark::annotation {

QString reviewStatusName(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::ToDo:
        return QStringLiteral("todo");
    case ReviewStatus::InProgress:
        return QStringLiteral("in_progress");
    case ReviewStatus::Done:
        return QStringLiteral("done");
    case ReviewStatus::Reviewed:
        return QStringLiteral("reviewed");
    }
    return QStringLiteral("todo");
}

std::optional<ReviewStatus> reviewStatusFromName(QStringView name)
{
    for (ReviewStatus s :
         {ReviewStatus::ToDo, ReviewStatus::InProgress, ReviewStatus::Done, ReviewStatus::Reviewed}) {
        if (name == reviewStatusName(s))
            return s;
    }
    return std::nullopt;
}

QString Video::datasetName() const
{
    if (!externalId.isEmpty())
        return externalId;
    if (!path.isEmpty())
        return QFileInfo(path).completeBaseName();
    return title;
}

} // namespace earmark::annotation
