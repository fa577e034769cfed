#pragma once

#include "core/base/cancellation.h"
#include "core/base/progress.h"
#include "core/base/result.h"
#include "inference/synth/catalog.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace earmark::synth {

// What `earmark synth` makes. Clip i of a run is a function of (seed, split, firstIndex + i)
// alone, so runs with the same seed and split give byte-identical truth files and masks and
// identical audio samples and frames, whatever `jobs` is.
struct SynthOptions
{
    std::uint64_t seed = 1;
    int count = 10;
    int firstIndex = 0;
    QString split = QStringLiteral("train"); // a folder and file name part: [A-Za-z0-9_-]+
    QString outDir;                          // created; must be empty or absent
    int jobs = 0;                            // clips made at once; 0: one per CPU core
    // Which recordings and pictures to draw from; by default "train" uses the training pool
    // and any other split the held-out pool (see AssetPool).
    std::optional<AssetPool> pool;
    QString ffmpeg = QStringLiteral("ffmpeg");
    AssetRoots roots;
};

struct SynthSummary
{
    int clips = 0;
    QStringList classNames;
    QString outDir;
};

// Makes the clips and their truth under options.outDir:
//   videos/<name>.mp4         10 s, 224x224, 16 fps H.264 (yuv420p) + 16 kHz mono AAC
//   classes.txt               the class vocabulary, one name per line, index order
//   synth.json                seed, split, format, classes and every clip's plan
//   llp/<AVVP_train.csv | AVVP_val_pd.csv | AVVP_test_pd.csv | AVVP_<split>.csv>   weak labels
//   llp/AVVP_eval_audio.csv, llp/AVVP_eval_visual.csv                              dense labels
//   ave/Annotations.txt (with header), ave/<split>Set.txt (without)
//   avsbench/s4_meta_data.csv, avsbench/gt_masks/<split>/<class>/<name>/<name>_<k>.png, k=1..10
// where <name> is "<11-char id>_0_10". Each file appears whole (write-then-rename); the truth
// files are written last, only when every clip was made. `progress` is called from worker threads
// (one at a time) after each clip. Cancelling stops after the clips in progress.
Result<SynthSummary> generateClips(const SynthOptions &options,
                                   const ProgressCallback &progress = {},
                                   const CancellationToken &cancel = {});

} // namespace earmark::synth
