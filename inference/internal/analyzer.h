#pragma once

// What the engine's worker does for one request: a loaded pack (encoders and heads) and the
// analysis of one media range with it. Used on the worker thread only.

#include "core/base/cancellation.h"
#include "core/base/progress.h"
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

// Runs `pack` over the request's range. Features are read from and written to `cacheDir` (no
// caching when empty). Does not store anything in a library.
Result<AnalysisResult> analyze(LoadedPack &pack,
                               const AnalysisRequest &request,
                               const QString &cacheDir,
                               const CancellationToken &cancel,
                               const ProgressCallback &progress);

} // namespace earmark::inference
