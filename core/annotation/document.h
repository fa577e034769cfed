#pragma once

#include "core/annotation/edit.h"
#include "core/annotation/labelset.h"
#include "core/annotation/mask.h"
#include "core/annotation/segment.h"
#include "core/annotation/undostack.h"
#include "core/annotation/video.h"
#include "core/base/result.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <array>
#include <map>
#include <memory>
#include <set>

namespace earmark::annotation {

// Everything of one video the editor works on, as loaded from the store
// (storage::AnnotationStore::loadSnapshot) or built by a test.
struct DocumentSnapshot
{
    Video video;
    QList<LabelSet> labelSets; // every label set of the library
    QList<Track> tracks;
    QList<Segment> segments;
    QList<MaskObject> maskObjects;
    QList<MaskFrame> maskFrames;
};

// A block of ids reserved in the store for things a document creates: [first, first + count).
struct IdRange
{
    qint64 first = 0;
    qint64 count = 0;
};

// Where a document's applied edits go to be stored. persist() is called on the document's thread,
// once per applied edit (undo and redo included, as their own edits), in the order they were
// applied; the sink writes each one in one transaction, in that order (a SerialExecutor does it in
// storage::DocumentPersister). When a write fails the sink calls
// AnnotationDocument::reportPersistFailure() on the document's thread and drops the edits queued
// after it (they were built on the failed one).
class EditSink
{
public:
    virtual ~EditSink() = default;
    virtual void persist(const Edit &edit) = 0;
    // Asks for more ids; the answer arrives as AnnotationDocument::addIds() on its thread.
    virtual void requestIds(qint64 count) = 0;
};

// The annotations of one video in memory, for the editor.
//
// Shape: the timeline and the player read the document synchronously on the GUI thread (no
// database waits there). Every change is an Edit, applied here at once, all or nothing, then
// handed to the EditSink, which writes it to the library in order on the storage thread; the
// document is what the person sees, the library catches up within milliseconds and is never
// ahead. New things get ids from a pool of ids reserved in the store beforehand, so an edit is
// complete (ids included) before it is written, and undo restores the same ids.
//
// If the sink reports that a write failed (disk full, the video was deleted by another client),
// the document turns stale: it refuses further edits, and its owner reloads it from the library
// (storage::AnnotationSession does). Nothing is half-written either way: each edit is one
// transaction.
//
// Thread-safety: GUI thread (the thread the document lives in) only.
class AnnotationDocument : public QObject
{
    Q_OBJECT

public:
    explicit AnnotationDocument(DocumentSnapshot snapshot, QObject *parent = nullptr);
    ~AnnotationDocument() override;

    // Not owned; may be null (edits then live in memory only, as in unit tests).
    void setSink(EditSink *sink) { m_sink = sink; }
    EditSink *sink() const { return m_sink; }

    // Who makes the edits (written to Segment::author). Defaults to the login name.
    void setAuthor(const QString &author) { m_author = author; }
    QString author() const { return m_author; }

    // --- reading ---
    const Video &video() const { return m_video; }
    VideoId videoId() const { return m_video.id; }

    QList<LabelSet> labelSets() const { return m_labelSets.values(); }
    const LabelSet *labelSet(LabelSetId id) const;
    const LabelSet *labelSetOfTrack(TrackId track) const;
    // The library now knows another label set or more classes of one (user-defined sets grow).
    void updateLabelSet(const LabelSet &set);

    QList<Track> tracks() const; // by id
    const Track *track(TrackId id) const;

    int segmentCount() const { return int(m_segments.size()); }
    const Segment *segment(SegmentId id) const;
    QList<Segment> segments() const;                     // all, by id
    QList<Segment> segmentsOfTrack(TrackId track) const; // by onset, then id
    // The segments overlapping [start, end), by onset then id. Cost grows with the result, not
    // with the number of segments (segments are indexed by duration class and onset).
    QList<Segment> segmentsIn(Time start, Time end) const;

    QList<MaskObject> maskObjects() const; // by id
    const MaskObject *maskObject(MaskObjectId id) const;
    QList<MaskFrame> maskFrames(MaskObjectId object) const; // by time
    const MaskFrame *maskFrame(MaskFrameId id) const;
    const MaskFrame *maskFrameAt(MaskObjectId object, Time time) const;

    // --- editing ---
    // Applies `edit` (all or nothing), hands it to the sink, records it for undo. An empty edit
    // does nothing and returns ok. Fails when the document is stale, when an edit is already
    // being undone, or when a change does not match the document (its `before` is not what is
    // here, an inserted id exists): then nothing changed.
    Status execute(Edit edit);
    Status undo();
    Status redo();
    // Undoes or redoes until the undo stack's index is `index`.
    Status setIndex(int index);
    UndoStack *undoStack() const { return m_undo; }

    // Macros: between beginMacro() and endMacro() every execute() is applied at once (so the next
    // step sees it) but the steps become one undo entry and are written in one transaction at
    // endMacro(). abortMacro() takes the steps back. Macros do not nest.
    void beginMacro(const QString &text);
    Status endMacro();
    void abortMacro();
    bool inMacro() const { return m_macro.has_value(); }

    // Ids for new things. takeId() fails when the pool is empty (the sink is asked for more
    // whenever fewer than lowWaterMark() remain, so this takes a burst of thousands of new
    // things faster than the store answers).
    Result<qint64> takeId();
    qint64 availableIds() const;
    void addIds(IdRange range);
    static constexpr qint64 lowWaterMark() { return 2048; }
    static constexpr qint64 refillSize() { return 8192; }

    bool isStale() const { return !m_staleReason.isEmpty(); }
    QString staleReason() const { return m_staleReason; }
    // Called by the sink when a write failed (see EditSink).
    void reportPersistFailure(const QString &message);

Q_SIGNALS:
    // After every applied edit (execute, undo, redo, each macro step). Receivers read the
    // document's new state; `edit` says what changed.
    void changed(const earmark::annotation::Edit &edit);
    // The library could not store an edit; the document is stale and should be reloaded.
    void persistFailed(const QString &message);

private:
    Status applyInMemory(const Edit &edit);
    Status applyChange(const Change &change);
    void revertChange(const Change &change);
    void indexSegment(const Segment &s);
    void unindexSegment(const Segment &s);
    void persist(const Edit &edit);
    void topUpIds();

    Video m_video;
    QHash<LabelSetId, LabelSet> m_labelSets;
    std::map<TrackId, Track> m_tracks;
    QHash<SegmentId, Segment> m_segments;
    // Per duration class c (2^(c-1) < duration <= 2^c microseconds): (onset, id), sorted.
    std::array<std::set<std::pair<qint64, SegmentId>>, 64> m_byClass;
    std::map<MaskObjectId, MaskObject> m_objects;
    QHash<MaskFrameId, MaskFrame> m_frames;
    std::map<std::pair<MaskObjectId, qint64>, MaskFrameId> m_framesByTime;

    EditSink *m_sink = nullptr;
    UndoStack *m_undo = nullptr;
    QString m_author;
    QList<IdRange> m_ids;
    bool m_idsRequested = false;
    QString m_staleReason;
    std::optional<Edit> m_macro;
};

// The duration class used by range queries: the smallest c with duration <= 2^c microseconds.
int durationClass(Time duration);

} // namespace earmark::annotation
