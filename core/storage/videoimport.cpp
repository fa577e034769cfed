#include "core/storage/videoimport.h"

#include "core/media/probe.h"

#include <QFileInfo>

namespace earmark::storage {

Result<annotation::Video> addMediaFile(VideoRepository &videos, const QString &path)
{
    auto existing = videos.byPath(path);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return **existing;

    auto info = media::probe(path);
    if (!info)
        return info.error();
    annotation::Video video;
    video.path = path;
    video.duration = info->duration;
    video.hasAudio = info->hasAudio();
    video.hasVideo = info->hasVideo();
    if (const media::StreamInfo *v = info->video()) {
        const bool sideways = v->rotation == 90 || v->rotation == 270;
        video.width = sideways ? v->height : v->width;
        video.height = sideways ? v->width : v->height;
        video.frameRate = v->frameRate;
    }
    // Labels imported earlier for a dataset clip of this name wait in a video without a file:
    // the file joins that entry.
    auto named = videos.byExternalId(QFileInfo(path).completeBaseName());
    if (!named)
        return named.error();
    if (named->has_value() && !(*named)->hasFile()) {
        const Status attached = videos.attachFile((*named)->id, video);
        if (!attached)
            return attached.error();
        auto updated = videos.byId((*named)->id);
        if (!updated)
            return updated.error();
        return **updated;
    }
    return videos.add(video);
}

} // namespace earmark::storage
