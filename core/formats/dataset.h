#pragma once

#include "core/annotation/labelset.h"
#include "core/annotation/mask.h"
#include "core/annotation/segment.h"
#include "core/base/time.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace earmark::formats {

// What a file holds, in the words of the file: videos, tracks, label sets and classes by name.
// Readers fill it from a file; storage::importDataset() puts it in a library (resolving names to
// videos, tracks and class indices); storage::exportDataset() fills one from a library for a
// writer. Order matters: writers keep the order of `videos`, `segments` and `masks`.

struct DatasetVideo
{
    QString name;           // dataset name: "BjCEufrlXm4_20_30", an AVE id, a file's base name
    QString path;           // media file, when the format names one (ELAN); else empty
    Time duration;          // 0 when the format does not say
    QJsonObject attributes; // what the format needs to write it back (AVSBench split, ...)
};

struct DatasetSegment
{
    QString video; // a DatasetVideo::name
    QString track;
    QString labelSet;
    QString label;
    annotation::Modality modality = annotation::Modality::AudioVisual;
    Time onset;
    Time offset;
    double confidence = 1.0;
    annotation::SegmentStatus status = annotation::SegmentStatus::Accepted;
    QString author;
    QJsonObject attributes; // round-trip facts (AVE quality, Audacity frequencies)
    int line = 0;           // where it was read (0 when not from a file)
    // Stored id when exported from a library (keeps skipped rows in place); 0 otherwise.
    qint64 id = 0;
};

struct DatasetMask
{
    QString video;
    QString track;
    QString labelSet;
    QString object; // objects of one video are told apart by name
    QString label;  // empty: the object has no class (AVSBench MS3)
    Time time;      // the frame the mask belongs to
    annotation::RleMask mask;
    QString file; // where it was read
};

// A row a lenient import (--skip-bad-rows) left out, kept so the library can show it and an
// export can put it back where it was.
struct SkippedRow
{
    int line = 0;
    QString text; // the row as it was in the file
    QString reason;
    QString video;         // the row's video, when it could be told
    int afterSegment = -1; // index in Dataset::segments of the segment read just before; -1: none
};

struct Dataset
{
    QList<DatasetVideo> videos;
    QList<DatasetSegment> segments;
    QList<DatasetMask> masks;
    QList<SkippedRow> skipped;

    // The video named `name`, added (with no facts) when missing.
    DatasetVideo &video(const QString &name);
    const DatasetVideo *findVideo(const QString &name) const;
};

// Seconds written exactly, with no more digits than needed: 3 -> "3", 1.5 -> "1.5",
// 0.000001 -> "0.000001". Times are whole microseconds.
QString secondsText(Time t);
// Decimal seconds ("3", "1.25", "0.5e1" is refused): exact to the microsecond. nullopt when the
// text is not a plain non-negative decimal number.
std::optional<Time> parseSeconds(QStringView text);

// LLP's clip names: "<11-character YouTube id>_<start>_<end>" (start and end in seconds, whole or
// decimal). nullopt when `name` is not one; the duration is end - start.
struct LlpClipName
{
    QString youtubeId;
    Time start;
    Time end;
};
std::optional<LlpClipName> parseLlpClipName(const QString &name);

// AVSBench's frames: frame n (1 to 5) of a 5-s clip is the one shown at (n - 1) + 15/16 s, and a
// mask at time t belongs to frame floor(t) + 1. Model runs store AVS masks at these times.
Time avsFrameTime(int frame);
int avsFrameIndex(Time time);

} // namespace earmark::formats
