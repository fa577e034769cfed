#pragma once

#include "core/base/result.h"
#include "inference/engine.h"

#include <memory>

namespace earmark::storage {
class Database;
}

namespace earmark::inference {

// Stores each task of `result` as one model run in `library` (proposed segments, or mask
// objects and frames for AVS), each run in its own transaction, and sets TaskResult::storedRun.
// The label set is the built-in LLP or AVE set when the pack's vocabulary is exactly it, else a
// user set named "<pack id> <vocabulary>" (created, or grown by the classes it lacks). Nothing is
// stored, and the error says so, when the video is no longer in the library. Runs on the calling
// thread with its own connection.
Status storeAnalysis(const std::shared_ptr<storage::Database> &library,
                     AnalysisResult &result,
                     const QString &author);

} // namespace earmark::inference
