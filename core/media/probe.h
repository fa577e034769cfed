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
    QString language; // ISO 639 code from the container, empty if none
    QString title;
    Time duration; // 0 when the container does not say
    qint64 bitRate = 0;
    // Video
    int width = 0; // as coded (before rotation)
    int height = 0;
    // As shown: rotated and with square pixels (what sampleFrames() gives for a 0 x 0 size).
    int displayWidth = 0;
    int displayHeight = 0;
    double frameRate = 0; // average frames per second
    bool variableFrameRate = false;
    qint64 frameCount = 0; // from the container, 0 when it does not say
    // Degrees clockwise to turn the stored picture for display: 0, 90, 180, 270. A phone held
    // upright stores landscape pictures with rotation 90; `ffmpeg -i f out.png` turns them the
    // same way.
    int rotation = 0;
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
    Time startTime; // the container's start offset, removed from every time Earmark reports
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
