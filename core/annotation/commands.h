#pragma once

#include "core/annotation/document.h"
#include "core/annotation/edit.h"
#include "core/base/result.h"

#include <QList>

// The edits a person makes, built against a document's current state. Each function checks its
// arguments and returns the complete Edit (new ids taken from the document's pool) or an Error
// saying what is wrong; it changes nothing itself. Run the result with
// AnnotationDocument::execute(); combine several with Edit::combine() or a document macro.
//
// Every change a person makes to a model's proposal turns it Edited and keeps what the model
// predicted in attributes["proposed"] (Segment::predicted()), so the run can still be evaluated.
// Segments stay inside the video: [0, duration) when the duration is known.
namespace earmark::annotation::commands {

Result<Edit> addTrack(AnnotationDocument &doc, const QString &name, LabelSetId labelSet);
Result<Edit> renameTrack(AnnotationDocument &doc, TrackId track, const QString &name);
// Removes the track with its segments, mask objects and mask frames (all restored by undo).
Result<Edit> removeTrack(AnnotationDocument &doc, TrackId track);

// A new segment drawn by the person: Accepted, no model run, confidence 1.
Result<Edit> drawSegment(AnnotationDocument &doc,
                         TrackId track,
                         Modality modality,
                         int classIndex,
                         Time onset,
                         Time offset);
// Shifts segments by `delta`, limited so that none leaves the video (the edit may move them less
// than asked, or be empty when they cannot move at all).
Result<Edit> moveSegments(AnnotationDocument &doc, const QList<SegmentId> &ids, Time delta);
Result<Edit> resizeSegment(AnnotationDocument &doc, SegmentId id, Time onset, Time offset);
// Cuts a segment in two at `at` (strictly inside it): the first part keeps the id, the second
// gets a new one (a person's segment when the first was a model's proposal).
Result<Edit> splitSegment(AnnotationDocument &doc, SegmentId id, Time at);
// Joins two or more segments of one track, class and modality into the earliest one, which then
// spans from the first onset to the last offset; the others are removed.
Result<Edit> mergeSegments(AnnotationDocument &doc, const QList<SegmentId> &ids);
Result<Edit> relabelSegments(AnnotationDocument &doc, const QList<SegmentId> &ids, int classIndex);
Result<Edit> setModality(AnnotationDocument &doc, const QList<SegmentId> &ids, Modality modality);
Result<Edit> deleteSegments(AnnotationDocument &doc, const QList<SegmentId> &ids);

// Proposals (segments with a model run): accept turns them Accepted as they are, reject turns
// them Rejected. Segments a person made are left alone.
Result<Edit> acceptProposals(AnnotationDocument &doc, const QList<SegmentId> &ids);
Result<Edit> rejectProposals(AnnotationDocument &doc, const QList<SegmentId> &ids);
// The unreviewed proposals with confidence >= threshold, in `track` (0: every track).
QList<SegmentId> proposalsAbove(const AnnotationDocument &doc, double threshold, TrackId track = 0);

// Copies of `segments` (from this or another video, their classes in `sourceLabels`) into
// `track`, shifted so the earliest starts at `at`. Classes are matched by name when the label
// sets differ; a class the target set lacks is an error naming it (add it to a user-defined set
// first with storage::LabelSetRepository::addClasses and AnnotationDocument::updateLabelSet).
Result<Edit> pasteSegments(AnnotationDocument &doc,
                           const QList<Segment> &segments,
                           const LabelSet &sourceLabels,
                           TrackId track,
                           Time at);

Result<Edit> setVideoStatus(AnnotationDocument &doc, ReviewStatus status);

// Mask objects and their frames (the brush/eraser replaces one frame's mask).
Result<Edit> addMaskObject(AnnotationDocument &doc,
                           TrackId track,
                           int classIndex,
                           const QString &name);
Result<Edit> setMaskFrame(AnnotationDocument &doc,
                          MaskObjectId object,
                          Time time,
                          const RleMask &mask);
Result<Edit> removeMaskFrame(AnnotationDocument &doc, MaskFrameId frame);
Result<Edit> removeMaskObject(AnnotationDocument &doc, MaskObjectId object);

} // namespace earmark::annotation::commands
