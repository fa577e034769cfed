#pragma once

// Reading and writing model weights as they are distributed, without Python:
// - torch.save zip archives (PyTorch >= 1.6), read with LibTorch's own zip reader and a pickle
//   reader of our own (LibTorch's torch::pickle_load rejects the OrderedDict of a state_dict);
// - legacy torch.save files (the pre-1.6 sequential format);
// - safetensors files;
// - TorchScript archives (their parameters and buffers).
// Wrappers such as {"state_dict": ...} or {"model": ...} are unwrapped; key prefixes such as
// "module." (DataParallel) or "__M__." are matched against the module being loaded.
//
// Thread-safety: free functions without shared state; safe from any thread.

#include "core/base/result.h"

#include <torch/nn/module.h>

#include <QString>
#include <QStringList>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace earmark::inference {

// Named tensors in file order, as a state_dict holds them.
struct StateDict
{
    std::vector<std::pair<std::string, at::Tensor>> entries;

    const at::Tensor *find(std::string_view name) const;
    void insert(std::string name, at::Tensor tensor);
    size_t size() const { return entries.size(); }
};

enum class CheckpointFormat { TorchZip, TorchLegacy, SafeTensors, TorchScript };

QString checkpointFormatName(CheckpointFormat format);

struct Checkpoint
{
    StateDict tensors;
    CheckpointFormat format = CheckpointFormat::TorchZip;
    // Where in the saved object the tensors were: empty for a bare state_dict, else the wrapper
    // path such as "state_dict" or "model".
    std::string wrapper;
};

// Reads the tensors of a checkpoint file of any supported format. Tensors keep their stored
// dtype (fp16 stays fp16). Errors name the file and what is wrong with it.
Result<Checkpoint> readCheckpoint(const QString &path);

struct LoadOptions
{
    // Keys (after prefix matching) that the checkpoint may hold although the module does not use
    // them, e.g. HAN's unused "audio_encoder." modules. Matched as prefixes.
    std::vector<std::string> ignoredPrefixes;
};

struct LoadReport
{
    std::string strippedPrefix; // e.g. "module."; empty when the keys matched as they are
    QStringList ignored;        // keys skipped: under ignoredPrefixes or outside the prefix
};

// Copies `dict` into the parameters and buffers of `module` (converting dtype and device).
// Every parameter and buffer must be present with the right shape, and no key under the
// matched prefix may be left over; otherwise nothing is changed and the error lists the
// missing, unexpected and mis-shaped keys. `what` names the module for the message
// ("the VALOR head (hidden 512, 8 heads)").
Result<LoadReport> loadStateDict(torch::nn::Module &module,
                                 const StateDict &dict,
                                 const QString &what,
                                 const LoadOptions &options = {});

// The parameters and buffers of `module` by their state_dict names.
StateDict stateDictOf(const torch::nn::Module &module);

// Writes `dict` as torch.save(state_dict) does (zip archive, OrderedDict pickle: Python's
// torch.load and readCheckpoint read it) or as safetensors, chosen by `format` (TorchZip or
// SafeTensors). `metadata` goes into safetensors' __metadata__. The file is written next to its
// destination and renamed into place, so a failure leaves no partial file.
Status saveStateDict(const QString &path,
                     const StateDict &dict,
                     CheckpointFormat format = CheckpointFormat::TorchZip,
                     const std::vector<std::pair<std::string, std::string>> &metadata = {});

} // namespace earmark::inference
