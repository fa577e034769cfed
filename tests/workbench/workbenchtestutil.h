#pragma once

// Documents for the workbench tests: a video with an annotation track and a model run's
// proposals, built in memory (the store's tests cover loading the same from a library).

#include "core/annotation/document.h"

#include <QRandomGenerator>

#include <memory>

namespace earmark::testing {

inline constexpr annotation::TrackId kAnnotationTrack = 1;
inline constexpr annotation::TrackId kProposalTrack = 2;
inline constexpr annotation::ModelRunId kRun = 7;

inline annotation::Segment makeSegment(annotation::SegmentId id,
                                       annotation::TrackId track,
                                       annotation::Modality modality,
                                       int classIndex,
                                       double onset,
                                       double offset,
                                       double confidence = 1.0)
{
    annotation::Segment s;
    s.id = id;
    s.videoId = 1;
    s.trackId = track;
    s.modality = modality;
    s.classIndex = classIndex;
    s.onset = Time::fromSeconds(onset);
    s.offset = Time::fromSeconds(offset);
    if (track == kProposalTrack) {
        s.runId = kRun;
        s.status = annotation::SegmentStatus::Proposed;
        s.confidence = confidence;
        s.author = QStringLiteral("avvp-pack");
    } else {
        s.author = QStringLiteral("tester");
    }
    s.created = s.modified = annotation::nowUtc();
    return s;
}

// A video of `seconds` at 25 fps with an LLP annotation track (id 1) and an LLP proposal track
// of run 7 (id 2), and `segments` in them.
inline annotation::DocumentSnapshot makeSnapshot(double seconds,
                                                 const QList<annotation::Segment> &segments)
{
    annotation::DocumentSnapshot snap;
    snap.video.id = 1;
    snap.video.title = QStringLiteral("clip");
    snap.video.path = QStringLiteral("/nonexistent/clip.mp4");
    snap.video.duration = Time::fromSeconds(seconds);
    snap.video.width = 640;
    snap.video.height = 360;
    snap.video.frameRate = 25;
    snap.video.hasAudio = snap.video.hasVideo = true;
    snap.labelSets = annotation::builtinLabelSets();
    annotation::Track annotations;
    annotations.id = kAnnotationTrack;
    annotations.videoId = 1;
    annotations.name = QStringLiteral("LLP");
    annotations.labelSetId = annotation::kLlpLabelSetId;
    annotation::Track proposals = annotations;
    proposals.id = kProposalTrack;
    proposals.name = QStringLiteral("avvp-pack 1.0 (run 7)");
    proposals.runId = kRun;
    snap.tracks = {annotations, proposals};
    snap.segments = segments;
    return snap;
}

inline std::unique_ptr<annotation::AnnotationDocument> makeDocument(
    double seconds, const QList<annotation::Segment> &segments)
{
    auto doc = std::make_unique<annotation::AnnotationDocument>(makeSnapshot(seconds, segments));
    doc->addIds({1000000, 1000000});
    doc->setAuthor(QStringLiteral("tester"));
    return doc;
}

// `count` segments spread over `seconds` in 25 classes and three modalities, a fifth of them
// proposals, lengths from a frame to a minute (seeded: the same every run).
inline QList<annotation::Segment> manySegments(int count, double seconds, quint32 seed = 42)
{
    QRandomGenerator rng(seed);
    QList<annotation::Segment> out;
    out.reserve(count);
    const annotation::Modality modalities[] = {annotation::Modality::Audio,
                                               annotation::Modality::Visual,
                                               annotation::Modality::AudioVisual};
    for (int i = 0; i < count; ++i) {
        const double onset = rng.bounded(seconds - 1.0);
        const double length = std::min(seconds - onset,
                                       0.04
                                           + rng.bounded(1.0) * rng.bounded(60.0)
                                                 * rng.bounded(1.0));
        const bool proposal = rng.bounded(5) == 0;
        out.append(makeSegment(i + 1,
                               proposal ? kProposalTrack : kAnnotationTrack,
                               modalities[rng.bounded(3)],
                               int(rng.bounded(25)),
                               onset,
                               onset + std::max(0.04, length),
                               0.3 + rng.bounded(0.7)));
    }
    return out;
}

} // namespace earmark::testing
