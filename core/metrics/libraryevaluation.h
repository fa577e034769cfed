#pragma once

#include "core/annotation/segment.h"
#include "core/base/cancellation.h"
#include "core/base/progress.h"
#include "core/base/result.h"
#include "core/metrics/ave.h"
#include "core/metrics/avs.h"
#include "core/metrics/avvp.h"
#include "core/storage/database.h"

#include <QStringList>

#include <memory>

namespace earmark::metrics {

enum class Task { Avvp, Ave, Avs };
QString taskName(Task task); // "avvp", "ave", "avs"

struct RunEvaluationOptions
{
    Task task = Task::Avvp;
    annotation::ModelRunId run = 0;
    // More runs scored together with `run` (earmark analyze makes one run per video and task):
    // each must have the same task and label set as `run`.
    QList<annotation::ModelRunId> moreRuns;
    QList<annotation::VideoId> videos; // empty: every video the runs have results for
    int batchFrames = 20;              // AVS
};

struct RunEvaluation
{
    Task task = Task::Avvp;
    AvvpResult avvp;
    AveResult ave;
    AvsResult avs;
    int videos = 0;
    int windows = 0;   // AVVP and AVE: 10-s windows scored
    QStringList notes; // what was left out and why
};

// The benchmark metrics for a model run in a library: what the run predicted (Segment::predicted:
// an edited proposal counts as the model made it; rejected ones count too) against the confirmed
// (Accepted and Edited) annotations of the same label set on the same videos, whoever made them.
// AVVP and AVE score each video in 10-s windows of ten 1-s segments (a segment counts in a 1-s bin
// it covers at least half of; clip-level labels are not timed and are left out); AVE takes in each
// bin the class covering most of it, else background. AVS scores the true mask frames (the union
// of the confirmed objects on a frame) against the run's masks on the same frames, resized to the
// true mask's size when they differ (nearest pixel), in batches of `batchFrames`.
// Reads the library on the calling thread: run it off the GUI thread; `cancel` stops it.
Result<RunEvaluation> evaluateRun(const std::shared_ptr<storage::Database> &db,
                                  const RunEvaluationOptions &options,
                                  const CancellationToken &cancel = {},
                                  const ProgressCallback &progress = {});

} // namespace earmark::metrics
