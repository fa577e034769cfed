#pragma once

#include "core/annotation/document.h"
#include "core/annotation/edit.h"
#include "core/annotation/mask.h"
#include "core/annotation/segment.h"
#include "core/base/result.h"
#include "core/storage/database.h"

#include <QList>

#include <memory>

namespace earmark::storage {

// Which segments (or mask objects) a query returns. Results come back by id (creation order).
struct AnnotationQuery
{
    QList<annotation::VideoId> videos;   // empty: every video
    annotation::LabelSetId labelSet = 0; // 0: any; else those in tracks of this label set
    annotation::ModelRunId run = 0;      // 0: any source; else only what this run proposed
    bool confirmedOnly = false;          // only Accepted and Edited ones
};

// The tracks, segments and masks of a library. Methods run on the calling thread with its own
// connection (call them off the GUI thread); each write is one transaction.
class AnnotationRepository
{
public:
    explicit AnnotationRepository(std::shared_ptr<Database> db);

    // Reserves `count` ids for things an editor will create (AnnotationDocument's pool).
    Result<annotation::IdRange> reserveIds(qint64 count);

    // Everything the editor needs for one video. Fails when the video is not in the library.
    Result<annotation::DocumentSnapshot> loadSnapshot(annotation::VideoId video) const;

    // Writes one edit in one transaction: every change or none. A change whose `before` is not
    // what is stored (changed by another client meanwhile) fails the whole edit.
    Status applyEdit(const annotation::Edit &edit);

    // The segments of a video overlapping [start, end), by onset then id. Uses the
    // (video_id, span_class, onset_us) index: one range scan per duration class present.
    Result<QList<annotation::Segment>> segmentsIn(annotation::VideoId video,
                                                  Time start,
                                                  Time end) const;

    Result<QList<annotation::Track>> tracks(annotation::VideoId video) const;
    Result<QList<annotation::Segment>> segments(const AnnotationQuery &query) const;
    Result<qint64> segmentCount(annotation::VideoId video = 0) const;
    Result<QList<annotation::MaskObject>> maskObjects(const AnnotationQuery &query) const;
    // The frames of the given objects, by object then time.
    Result<QList<annotation::MaskFrame>> maskFrames(
        const QList<annotation::MaskObjectId> &objects) const;

private:
    std::shared_ptr<Database> m_db;
};

} // namespace earmark::storage
