#pragma once

// What the engine's worker does for one request: a loaded pack (encoders and heads) and the
// analysis of one media range with it. Used on the worker thread only.

#include "core/base/cancellation.h"
#include "core/base/progress.h"
#include "core/base/time.h"
#include "inference/engine.h"
#include "inference/internal/heads.h"
#include "inference/pack.h"

#include <torch/csrc/jit/api/module.h>

#include <map>
#include <memory>
#include <optional>

namespace earmark::inference {

// A pack with its modules loaded on a device. Not changed once loaded; running the modules needs
// a non-const reference (one thread at a time).
class LoadedPack
{
public:
    struct Encoder
    {
        PackEncoder spec;
        std::optional<torch::jit::Module> script;
        nn::AudioEncoder audio{nullptr};
        nn::VisualEncoder visual{nullptr};
    };

    // Opens the pack (checksums verified) and loads every encoder and head the given tasks need
    // (all tasks when empty).
    static Result<std::shared_ptr<LoadedPack>> load(const QString &folder, c10::Device device);

    const Pack &pack() const { return m_pack; }
    c10::Device device() const { return m_device; }
    Encoder *encoder(const QString &name);

    // One window's input -> its features without the batch dimension: [T', D] for vector
    // encoders, [N, C, h, w] for map encoders. Audio input [1, samples] or [1, 2, samples]; frames
    // [N, 3, H, W].
    at::Tensor encode(Encoder &encoder, const at::Tensor &input);

    nn::AvvpHead avvp{nullptr};
    nn::AveHead ave{nullptr};
    nn::AvsDecoder avs{nullptr};

private:
    Pack m_pack;
    c10::Device m_device = c10::kCPU;
    std::map<QString, Encoder> m_encoders;
};

// The encoder features of a whole media file in the windows analyze() uses (back to back, the
// last one ending with the file), read from `cacheDir` where analyze() cached them (the same
// files and keys), else decoded, encoded and stored there (no caching when empty).
struct WindowFeatures
{
    Time end;                               // the file's duration
    int segments = 0;                       // segments of the file
    std::vector<int> firstSegments;         // per window: the index of its first segment
    std::vector<Time> starts;               // per window: its start in the file
    std::map<QString, at::Tensor> features; // encoder name -> [windows, ...] on the CPU
    bool fromCache = false;                 // every window's features came from the cache
};

// Where features are cached when no folder is chosen: "features" in the library's cache folder
// (paths::cacheDirForLibrary), or in the user's cache for a library without a file or none.
QString defaultFeatureCacheDir(const storage::Database *library);

// Computes in inference mode: clone() the tensors before using them in autograd.
Result<WindowFeatures> encodeWindows(LoadedPack &pack,
                                     const QString &mediaPath,
                                     const QStringList &encoders,
                                     const QString &cacheDir,
                                     const CancellationToken &cancel,
                                     const ProgressCallback &progress);

// Averages rows in groups so that [.., N, D] becomes [.., T, D] when N is a multiple of T (frame
// features per segment); anything else comes back as it is.
at::Tensor perSegment(const at::Tensor &x, int64_t segments);

// Runs `pack` over the request's range. Features are read from and written to `cacheDir` (no
// caching when empty). Does not store anything in a library.
Result<AnalysisResult> analyze(LoadedPack &pack,
                               const AnalysisRequest &request,
                               const QString &cacheDir,
                               const CancellationToken &cancel,
                               const ProgressCallback &progress);

} // namespace earmark::inference
