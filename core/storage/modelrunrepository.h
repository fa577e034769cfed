#pragma once

#include "core/annotation/mask.h"
#include "core/annotation/segment.h"
#include "core/base/result.h"
#include "core/storage/database.h"

#include <QList>

#include <memory>
#include <optional>

namespace earmark::storage {

// What a model run found in one video. The store fills in ids, video, track, run, status
// (Proposed), author and times; the caller gives the rest. `objects[i].id` is only a key the
// caller picks so that `frames[j].objectId` can name its object; the store replaces both.
struct RunResult
{
    annotation::VideoId videoId = 0;
    QString trackName;                     // empty: "<pack> <version> (run <id>)"
    QList<annotation::Segment> segments;   // modality, classIndex, onset, offset, confidence
    QList<annotation::MaskObject> objects; // classIndex, name, confidence
    QList<annotation::MaskFrame> frames;   // objectId (the caller's key), time, mask
};

struct StoredRun
{
    annotation::ModelRun run;                 // with its id
    QList<annotation::VideoId> videos;        // the videos whose results were stored
    QList<annotation::VideoId> missingVideos; // removed before the run finished: skipped
    QList<annotation::TrackId> tracks;        // one per stored video, in `videos` order
};

// Model runs and their proposals. Methods run on the calling thread with its own connection.
class ModelRunRepository
{
public:
    explicit ModelRunRepository(std::shared_ptr<Database> db);

    // Stores the run and all its results in one transaction: one new track per video holding its
    // proposals (status Proposed). Results for videos no longer in the library are skipped and
    // listed; when none is left, nothing is stored and the result is an error. A proposal that is
    // not valid (onset >= offset, class outside the run's label set) fails the whole run.
    Result<StoredRun> addRunWithResults(const annotation::ModelRun &run,
                                        const QList<RunResult> &results);

    Result<QList<annotation::ModelRun>> all() const; // by id
    Result<std::optional<annotation::ModelRun>> byId(annotation::ModelRunId id) const;
    // The videos the run has tracks in.
    Result<QList<annotation::VideoId>> videos(annotation::ModelRunId id) const;
    // The runs that have tracks in `video`, by id.
    Result<QList<annotation::ModelRunId>> runsOf(annotation::VideoId video) const;

    // Removes a run and what it proposed that nobody confirmed. Proposals a person accepted or
    // edited stay, as a person's annotations (their runId becomes 0), with their tracks.
    Status remove(annotation::ModelRunId id);

private:
    std::shared_ptr<Database> m_db;
};

} // namespace earmark::storage
