#pragma once

#include "core/base/result.h"
#include "core/base/time.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace earmark::media {

struct StreamInfo
{
    enum class Kind { Video, Audio, Subtitle, Data, Other };
    int index = -1;
    Kind kind = Kind::Other;
    QString codec;
    Time duration; // 0 when the container does not say
    // Video
    int width = 0;
    int height = 0;
    double frameRate = 0; // average frames per second
    bool variableFrameRate = false;
    int rotation = 0;      // degrees clockwise to apply for display: 0, 90, 180, 270
    int bitsPerSample = 0; // of the pixel format's components, e.g. 8 or 10
    QString pixelFormat;
    // Audio
    int sampleRate = 0;
    int channels = 0;
    QString channelLayout;
    QString sampleFormat;
};

struct MediaInfo
{
    QString path;
    QString container;
    Time duration;
    qint64 bitRate = 0;
    QList<StreamInfo> streams;
    int bestVideoStream = -1; // index into streams' `index` values, -1 if none
    int bestAudioStream = -1;

    bool hasVideo() const { return bestVideoStream >= 0; }
    bool hasAudio() const { return bestAudioStream >= 0; }
    const StreamInfo *stream(int index) const;
    const StreamInfo *video() const { return stream(bestVideoStream); }
    const StreamInfo *audio() const { return stream(bestAudioStream); }

    QJsonObject toJson() const;
};

// Reads a file's container and stream facts without decoding. Thread-safe (no shared state).
Result<MediaInfo> probe(const QString &path);

} // namespace earmark::media
