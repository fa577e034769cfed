#pragma once

#include "core/base/time.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace earmark::annotation {

using VideoId = qint64;

// Where a person is with one video.
enum class ReviewStatus { ToDo, InProgress, Done, Reviewed };

QString reviewStatusName(ReviewStatus status); // "todo", "in_progress", ...
std::optional<ReviewStatus> reviewStatusFromName(QStringView name);

// A video of a library, with the facts probed when it was added.
//
// A video need not have a media file: importing labels for a dataset clip that is not in the
// library (an LLP clip "<11-char YouTube id>_<start>_<end>", an AVE or AVSBench video id) creates
// an entry with an empty `path` and the dataset's name in `externalId`; its duration comes from
// the dataset (10 s for LLP and AVE, 5 s for AVSBench) and width/height/frameRate are 0. Such an
// entry is annotated, evaluated and exported like any other; the player has nothing to play
// (check hasFile()). Adding the media file later (a file whose base name is the external id)
// attaches it to the same entry (VideoRepository::attachFile), so the labels stay with it.
struct Video
{
    VideoId id = 0;
    QString path;       // absolute path of the media file; empty when the library has none
    QString externalId; // the name a dataset knows the video by ("BjCEufrlXm4_20_30"); may be empty
    QString title;      // shown in lists; the file name or the external id by default
    Time duration;
    int width = 0;
    int height = 0;
    double frameRate = 0;
    bool hasAudio = false;
    bool hasVideo = false;
    ReviewStatus status = ReviewStatus::ToDo;
    QDateTime added;
    // Facts formats need to write the video back as they read it (AVSBench split and category,
    // for instance). Keys are lower-case words; values are JSON values.
    QJsonObject attributes;

    bool hasFile() const { return !path.isEmpty(); }
    // The name exports use: the external id, else the file's base name, else the title.
    QString datasetName() const;
};

} // namespace earmark::annotation
