#pragma once

#include "core/annotation/segment.h"

#include <QByteArray>
#include <QList>

namespace earmark::annotation {

using MaskObjectId = qint64;
using MaskFrameId = qint64;

// A binary mask, run-length encoded in row-major order: counts alternate between runs of 0 and
// runs of 1 and always start with a run of 0 (possibly of length 0); they sum to width * height.
// Values, cheap to copy (implicitly shared list).
class RleMask
{
public:
    RleMask() = default;
    // `pixels` holds width * height bytes, row after row; any non-zero byte is foreground.
    static RleMask fromPixels(int width, int height, const QByteArray &pixels);
    // An all-background mask.
    static RleMask empty(int width, int height);
    // Decodes toBytes()'s output; nullopt when the bytes are not a valid mask.
    static std::optional<RleMask> fromBytes(const QByteArray &bytes);

    int width() const { return m_width; }
    int height() const { return m_height; }
    const QList<quint32> &counts() const { return m_counts; }
    bool isNull() const { return m_width == 0 || m_height == 0; }

    // width * height bytes, 1 for foreground, 0 for background.
    QByteArray toPixels() const;
    // The same, scaled to `width` x `height` (nearest pixel): masks drawn at the video's size
    // compared with, or learned at, a model's size.
    QByteArray toPixels(int width, int height) const;
    // A compact byte form for storage: varint width, height, run count and runs.
    QByteArray toBytes() const;

    qint64 area() const; // foreground pixels
    bool at(int x, int y) const;

    bool operator==(const RleMask &) const = default;

private:
    int m_width = 0;
    int m_height = 0;
    QList<quint32> m_counts;
};

// A thing whose pixels are masked over frames (a sounding object), in a track of a video. Its
// class is an index into the track's label set, or -1 when the dataset gives none (AVSBench MS3).
// Review status, source and times mean what they mean for a Segment.
struct MaskObject
{
    MaskObjectId id = 0;
    VideoId videoId = 0;
    TrackId trackId = 0;
    int classIndex = -1;
    QString name;
    ModelRunId runId = 0;
    double confidence = 1.0;
    SegmentStatus status = SegmentStatus::Accepted;
    QString author;
    QDateTime created;
    QDateTime modified;
    QJsonObject attributes;

    bool operator==(const MaskObject &) const = default;
};

// The mask of one object on the video frame shown at `time`.
struct MaskFrame
{
    MaskFrameId id = 0;
    MaskObjectId objectId = 0;
    VideoId videoId = 0;
    Time time;
    RleMask mask;

    bool operator==(const MaskFrame &) const = default;
};

} // namespace earmark::annotation
