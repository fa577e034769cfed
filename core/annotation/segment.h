#pragma once

#include "core/annotation/labelset.h"
#include "core/annotation/video.h"
#include "core/base/time.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace earmark::annotation {

// Ids of tracks, segments, mask objects, mask frames and model runs come from one counter per
// library (AnnotationStore::reserveIds), so an id names one thing whatever its kind, and ids
// grow in the order things were made (exports keep a file's row order by sorting on them).
using TrackId = qint64;
using SegmentId = qint64;
using ModelRunId = qint64;

// How an event shows itself. `Unspecified` is for clip-level (weak) labels that say an event
// happens in a clip without saying whether it is heard or seen (LLP's weak labels).
enum class Modality { Audio, Visual, AudioVisual, Unspecified };

QString modalityName(Modality modality); // "audio", "visual", "audio_visual", "unspecified"
std::optional<Modality> modalityFromName(QStringView name); // also accepts "audio-visual", "av"
// Whether an event of modality `m` counts as heard (`Audio`) or seen (`Visual`).
bool modalityIncludes(Modality m, Modality part);

// Where a segment stands in review.
//   Proposed: made by a model run, not reviewed yet.
//   Accepted: a person stands behind it (drawn, imported, or a proposal accepted as it was).
//   Rejected: a proposal a person turned down (kept: it still counts as the run's prediction).
//   Edited:   a proposal a person changed (counts like Accepted; the run's original prediction is
//             kept in attributes["proposed"], see Segment::predicted()).
enum class SegmentStatus { Proposed, Accepted, Rejected, Edited };

QString segmentStatusName(SegmentStatus status); // "proposed", "accepted", "rejected", "edited"
std::optional<SegmentStatus> segmentStatusFromName(QStringView name);
// Accepted or Edited: what a person has confirmed (the ground truth of evaluations and exports).
inline bool isConfirmed(SegmentStatus s)
{
    return s == SegmentStatus::Accepted || s == SegmentStatus::Edited;
}

// A labelled stretch of one video, in one track: class `classIndex` of the track's label set,
// heard and/or seen (modality) from `onset` (inclusive) to `offset` (exclusive), in exact
// microseconds. Invariant kept by every writer: 0 <= onset < offset.
struct Segment
{
    SegmentId id = 0;
    VideoId videoId = 0;
    TrackId trackId = 0;
    Modality modality = Modality::AudioVisual;
    int classIndex = -1;
    Time onset;
    Time offset;
    ModelRunId runId = 0; // the model run that proposed it; 0 when a person made it
    QString author;       // who made or last changed it (a person's name, or the model pack)
    double confidence = 1.0;
    SegmentStatus status = SegmentStatus::Accepted;
    QDateTime created; // UTC, millisecond precision
    QDateTime modified;
    QJsonObject attributes; // format round-trip facts (AVE quality), the original proposal

    Time duration() const { return offset - onset; }
    bool overlaps(Time start, Time end) const { return onset < end && offset > start; }
    bool isValid() const { return onset >= Time() && onset < offset && classIndex >= 0; }

    // What the model run predicted: this segment for an unedited proposal, the saved original
    // for an Edited one. Meaningful only when runId != 0.
    Segment predicted() const;

    bool operator==(const Segment &) const = default;
};

// A lane of segments (and mask objects) in one video with one label set: "LLP", "AVE", the
// tiers of an ELAN file, or the proposals of one model run (runId set).
struct Track
{
    TrackId id = 0;
    VideoId videoId = 0;
    QString name;
    LabelSetId labelSetId = 0;
    ModelRunId runId = 0;
    QDateTime created;

    bool operator==(const Track &) const = default;
};

// One run of a model pack over one or more videos: what produced a set of proposals.
struct ModelRun
{
    ModelRunId id = 0;
    QString pack;    // model pack name
    QString version; // pack version
    QString task;    // "avvp", "ave", "avs", ...
    LabelSetId labelSetId = 0;
    QJsonObject parameters; // thresholds, window length, device, ...
    QDateTime started;
    QDateTime finished;
    QString author;

    bool operator==(const ModelRun &) const = default;
};

// Current UTC time at millisecond precision (the precision the store keeps).
QDateTime nowUtc();

} // namespace earmark::annotation
