#pragma once

// Fine-tuning a model pack's heads on what people confirmed in a library (`earmark finetune`,
// Analysis › Fine-Tune Models on Accepted Annotations…).
//
// What is learnt from: the confirmed (Accepted and Edited) annotations of a library, per video
// that has a media file.
// - AVVP: the segments in the label set the pack's AVVP runs use (the built-in LLP set when the
//   pack's vocabulary is LLP's, else "<pack id> <vocabulary>"). A video with at least one such
//   segment is taken as densely labelled: every 1-s segment of it is supervised per modality
//   (heard, seen), positive where a confirmed segment covers at least half of it, negative
//   elsewhere. Clip-level (unspecified-modality) labels and classes the pack does not know are
//   left out.
// - AVE: the same for the AVE head's label set. When the AVE and AVVP heads share a label set
//   (the default pack's), only audio-visual segments are AVE events, and only videos that have
//   at least one are used for AVE. Per segment: the class covering it, else background; the
//   window's class is its most frequent event class.
// - AVS: the confirmed mask objects of a video (any label set): the union of their masks on a
//   frame supervises the frame the pack's map encoder samples at that time (within half a frame
//   interval), as a binary mask at half the frame size.
// Features come from the library's feature cache ("<library>.cache/features", the files
// `earmark analyze` writes); windows that are not cached are decoded, encoded with the pack's
// encoders and stored there. The encoders are not changed, so the new pack reads the same cache.
//
// The heads start from the pack's weights and train with Adam on those labels (AVVP: BCE on the
// video-level and per-segment outputs; AVE: BCE on segment events and cross-entropy on the class;
// AVS: BCE plus soft IoU), reproducibly from the seed (data order and torch's random state are
// functions of seed and epoch). The result is a new version of the pack: same id, version
// "<version>-ft.N" (N one more than any installed fine-tuned version of it), the encoder files
// copied, the tuned heads' weights replaced, "training" saying what it was tuned from, on which
// library and with how many videos, windows and segments, checksums updated. It is written to a
// hidden temporary folder and renamed into place, so the packs folder never holds half a pack, and
// the source version stays installed and selectable. The active pack stays what it was (when it
// was chosen by id alone, it is pinned to the version it meant) until a person picks the new one.
//
// Thread-safety: finetunePack() runs on the calling thread (LibTorch uses every core inside it)
// and reads the library with that thread's connection.

#include "core/base/cancellation.h"
#include "core/base/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace earmark::storage {
class Database;
}

namespace earmark::inference {

struct FinetuneOptions
{
    std::shared_ptr<storage::Database> library;
    QString pack;     // the source pack's folder (PackRegistry::find gives it)
    QString packsDir; // where the new version is installed (PackRegistry::packsDir())
    QString outDir;   // instead: this folder (must not exist yet), not installed anywhere
    // Feature cache; empty: "<library>.cache/features" (the platform cache for PostgreSQL).
    QString cacheDir;
    // Subset of "avvp", "ave", "avs"; empty: every task of the pack that has labels.
    QStringList tasks;
    int epochs = 20;
    int batchSize = 8;
    double learningRate = 3e-4;
    std::uint64_t seed = 1;
    int threads = 0;     // 0: the machine's core count
    QString version;     // empty: "<source version>-ft.N"
    QString commandLine; // recorded in the manifest
};

struct FinetuneProgress
{
    enum class Stage { Collecting, Encoding, Training, Writing };
    Stage stage = Stage::Collecting;
    int done = 0; // videos encoded, or steps trained
    int total = 0;
    int epoch = 0; // 1-based, while training
    int epochs = 0;
    double loss = 0; // mean loss of the epoch so far
    double elapsed = 0;
    double eta = -1; // seconds, -1 when not known yet
    QString item;    // the video being encoded
};

// How well a head fits the labels it was tuned on, before and after (eval mode, all examples).
struct FinetuneFit
{
    QString task;
    int examples = 0; // windows (AVVP, AVE) or frames (AVS)
    double lossBefore = 0;
    double lossAfter = 0;
    // AVVP: F-score (%) of the segment decisions (frame and video probability >= threshold) over
    // every window, modality, class and segment; AVE: segment accuracy (%) over the 29-way labels
    // (classes and background); AVS: mIoU (%) at probability > threshold.
    QString scoreName;
    double scoreBefore = 0;
    double scoreAfter = 0;
};

struct FinetuneSummary
{
    QString packDir; // the new pack's folder (empty when cancelled)
    QString packId;
    QString version;
    QString fromVersion;
    int videos = 0;   // with labels for at least one tuned head
    int windows = 0;  // 10-s windows trained on (all tasks)
    int segments = 0; // labelled 1-s segments (AVVP and AVE windows x segments)
    int maskFrames = 0;
    int epochs = 0;
    double seconds = 0;
    double encodeSeconds = 0; // getting the features (cache reads and encoding)
    int encodedVideos = 0;    // videos whose features were not all cached
    std::vector<FinetuneFit> fits;
    QStringList notes;     // what was left out and why
    bool finished = false; // false: cancelled, nothing written
};

using FinetuneProgressCallback = std::function<void(const FinetuneProgress &)>;

// The version a fine-tune of `pack` gets when none is given: "<version>-ft.N", N one more than
// the largest N among the folder names and installed versions of the same pack in `packsDir`.
QString nextFinetuneVersion(const QString &packFolder, const QString &packsDir);

// Fine-tunes and writes the new pack version. Errors name the pack, library or video at fault
// and say what to do (no confirmed annotations: annotate or accept proposals first).
Result<FinetuneSummary> finetunePack(const FinetuneOptions &options,
                                     const FinetuneProgressCallback &progress = {},
                                     const CancellationToken &cancel = {});

} // namespace earmark::inference
