#pragma once

// Training Earmark's own model pack (`earmark train`): the small audio and visual encoders, a
// LINK-style AVVP head, the AVE head and the AVS decoder, trained together on clips that
// `earmark synth` made.
//
// Two stages. First the encoders: on the pretraining clips, the audio encoder learns to classify
// each second of audio and the visual encoder each frame, from their segment labels, the way
// published encoders come pretrained on AudioSet and ImageNet; the AVS decoder learns those clips'
// masks. Then the heads, on the frozen encoders' features of the training clips: AVVP learns from
// the weak (video-level) labels only, as the benchmark does, with segment pseudo-labels from the
// encoders' classifiers restricted to the video's labels (as VALOR and LINK take theirs from CLAP
// and CLIP) and LINK's similarity-weighted loss; AVE learns from its segment labels.
//
// The clips' model inputs (log-mel spectrograms and small frames, decoded exactly as the
// analyzer decodes them) are computed once and kept in memory. Training is reproducible from the
// seed: the data order of each epoch and torch's random state are functions of (seed, epoch), so
// a run resumed from its checkpoint ends with the same weights as one that was not stopped.
//
// Thread-safety: trainPack() runs on the calling thread (LibTorch uses every core inside it).

#include "core/base/cancellation.h"
#include "core/base/result.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <functional>

namespace earmark::inference {

struct TrainOptions
{
    QString clipsDir; // an `earmark synth` output folder (synth.json, videos/, ave/, avsbench/)
    // Another such folder whose segment labels pretrain the encoders (the stand-in for the
    // AudioSet and ImageNet pretraining of published encoders); empty: `clipsDir` itself.
    QString pretrainDir;
    QString outDir; // the pack folder to write (created; its files are replaced)
    // Per-epoch checkpoint; empty: <outDir>/../<outDir's name>.checkpoint
    QString checkpoint;
    bool resume = false; // continue from `checkpoint` when it exists
    std::uint64_t seed = 1;
    int epochs = 32;     // encoder epochs (one pass over the pretraining clips each)
    int headEpochs = 30; // head epochs on the frozen encoders' features
    int batchSize = 16;
    int framesPerClip = 3; // frames drawn from each clip of an encoder batch
    int maxClips = 0;      // 0: every clip of the folder
    int stepsPerEpoch = 0; // 0: the whole data set each epoch (tests use a few)
    int frameSize = 96;    // frames are frameSize x frameSize
    bool maxPool = true;   // encoders pool their maps by maximum ("pool": "max"), else by mean
    int threads = 0;       // 0: the machine's core count
    QString packId = QStringLiteral("earmark-default");
    QString packVersion = QStringLiteral("1.0.0");
    QString commandLine;  // recorded in the manifest
    QJsonObject madeFrom; // more facts for the manifest's "training" (the clips' seed, ...)
};

struct TrainProgress
{
    enum class Stage { Preparing, Training };
    Stage stage = Stage::Training;
    int done = 0; // clips prepared, or steps trained in this run
    int total = 0;
    int epoch = 0; // 1-based
    int epochs = 0;
    double loss = 0; // mean loss of the epoch so far
    double elapsed = 0;
    double eta = -1; // seconds, -1 when not known yet
};

struct TrainSummary
{
    QString packDir;
    int clips = 0;
    int epochs = 0;
    int resumedFromEpoch = 0; // 0: started afresh
    double finalLoss = 0;
    double seconds = 0;
    bool finished = false; // false: cancelled after a checkpoint; run again with resume
};

using TrainProgressCallback = std::function<void(const TrainProgress &)>;

// Trains and writes the pack (pack.json with checksums, weights as torch.save files). Errors
// name the clip file or the truth file and line that is wrong.
Result<TrainSummary> trainPack(const TrainOptions &options,
                               const TrainProgressCallback &progress = {},
                               const CancellationToken &cancel = {});

} // namespace earmark::inference
