#pragma once

// The inference engine: runs model packs over videos in the background.
//
// One worker thread owns the loaded models (kept per pack until unloadModels()) and runs the
// requests one after another in the order they were submitted. A request decodes the audio and
// frames the pack asks for (core/media), in sliding windows of the pack's length (10 s) over any
// duration — the last window ends at the end of the range, overlapping the one before — runs
// the encoders and heads, and stitches the windows' 1-s segments into events and masks.
// Encoder features are cached on disk, keyed by the media file (path, size, time), the encoder
// and its exact preprocessing, so a second run over the same video only runs the heads.
//
// With a library, the results are stored as one model run per task (proposed segments and
// masks), in one transaction, and only if the video is still in the library.
//
// Thread-safety: every method may be called from any thread. Callbacks run on the worker
// thread: re-post to the GUI thread before touching widgets. Exceptions never leave the worker.

#include "core/annotation/mask.h"
#include "core/annotation/segment.h"
#include "core/base/result.h"
#include "core/base/time.h"
#include "inference/floatarray.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace earmark::storage {
class Database;
}

namespace earmark::inference {

using RequestId = quint64;

struct AnalysisRequest
{
    QString mediaPath;
    QString pack; // the pack's folder (PackRegistry::find gives it from an id)
    // Empty: every task the pack has; else a subset of "avvp", "ave", "avs".
    QStringList tasks;
    // The range to analyse; end == 0: to the end of the file.
    Time start;
    Time end;
    // Where results are stored as model runs; null: they are only returned.
    std::shared_ptr<storage::Database> library;
    annotation::VideoId videoId = 0; // the video in `library`
    QString author;                  // stored with the runs; default "earmark"
    bool useFeatureCache = true;
};

// A proposed event: times are absolute in the file.
struct SegmentProposal
{
    annotation::Modality modality = annotation::Modality::AudioVisual;
    int classIndex = 0;
    Time onset;
    Time offset;
    double confidence = 0;
};

// A proposed mask of the sounding object on the frame shown at `time`, at the video's display
// size.
struct MaskProposal
{
    Time time;
    annotation::RleMask mask;
    double confidence = 0; // mean probability of the masked pixels
};

struct TaskResult
{
    QString task;       // "avvp", "ave", "avs"
    QString vocabulary; // the pack's vocabulary name ("llp", "ave"); empty for avs
    QStringList classes;
    std::vector<SegmentProposal> segments;
    std::vector<MaskProposal> masks;
    // Stitched per-segment scores over the range, for plots: avvp [S, 2, C] segment
    // probabilities (audio, visual); ave [S] event probability. Empty for avs.
    FloatArray scores;
    annotation::ModelRunId storedRun = 0; // set when stored in a library
};

struct AnalysisResult
{
    RequestId id = 0;
    QString mediaPath;
    annotation::VideoId videoId = 0;
    QString packId;
    QString packVersion;
    Time start;
    Time end;
    int windows = 0;
    double segmentLength = 1;
    bool featuresFromCache = false; // every window's features came from the cache
    bool stored = false;            // results were written to the library
    double seconds = 0;             // wall time of the request
    QString device;
    std::vector<TaskResult> tasks;
};

struct AnalysisCallbacks
{
    // fraction in [0, 1] of this request, and what is being done.
    std::function<void(RequestId, double, const QString &)> progress;
    // Exactly once per submitted request: its result, or the error (a cancelled request gives an
    // error saying so).
    std::function<void(RequestId, const Result<AnalysisResult> &)> finished;
};

class Engine
{
public:
    virtual ~Engine() = default;

    // Queues a request and returns its id at once.
    virtual RequestId submit(AnalysisRequest request, AnalysisCallbacks callbacks) = 0;
    // A queued request is dropped; a running one stops at its next check (within a window).
    // Its `finished` still comes, with a "cancelled" error. False when the id is unknown or done.
    virtual bool cancel(RequestId id) = 0;
    virtual void cancelAll() = 0;
    // Blocks until every request submitted so far has finished (for the CLI and tests).
    virtual void waitForIdle() = 0;
    // Requests queued or running.
    virtual int pending() const = 0;
    // "cpu (2 threads)" or "cuda:0".
    virtual QString deviceName() const = 0;
    // Frees the loaded models (between requests).
    virtual void unloadModels() = 0;
};

struct EngineOptions
{
    // Where features are cached. Empty: "<library>.cache/features" for requests with a SQLite
    // library, else the platform cache folder.
    QString cacheDir;
};

// The LibTorch engine: CUDA when LibTorch has it, else the CPU with the thread count set from
// the machine.
std::unique_ptr<Engine> createEngine(const EngineOptions &options = {});

} // namespace earmark::inference
