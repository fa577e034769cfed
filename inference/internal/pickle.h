#pragma once

// A Python pickle reader for what PyTorch checkpoints contain (protocols 0-4; torch.save writes
// protocol 2). It builds a tree of plain values; objects of classes it does not know become
// generic Object values (class name, constructor arguments, state) instead of failing, so that
// the tensors of a checkpoint load even when other entries (optimizer state, hyper-parameters,
// numpy scalars) use classes only Python has.
//
// Known callables: collections.OrderedDict, torch._utils._rebuild_tensor(_v2),
// torch._utils._rebuild_parameter(_with_state), torch.Size, builtins.set/frozenset.
// Tensors are rebuilt on storages supplied by the caller through persistent ids.

#include "core/base/result.h"

#include <ATen/ATen.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace earmark::inference::pickle {

struct Value;
using ValuePtr = std::shared_ptr<Value>;

struct Value
{
    enum class Kind {
        None,
        Bool,
        Int,
        BigInt, // an integer wider than 64 bits: `text` holds its little-endian bytes
        Float,
        String, // str (UTF-8)
        Bytes,  // bytes / Python 2 str
        Tuple,
        List,
        Dict,   // dict or OrderedDict, insertion order kept
        Global, // a class or function named module.name
        Object, // an instance of a class this reader does not know
        Tensor,
    };

    Kind kind = Kind::None;
    bool boolean = false;
    int64_t integer = 0;
    double real = 0;
    std::string text;            // String, Bytes; Global/Object: "module.name"
    std::vector<ValuePtr> items; // Tuple, List; Object: constructor arguments
    std::vector<std::pair<ValuePtr, ValuePtr>> entries; // Dict
    ValuePtr state;    // Object/Dict: what BUILD set (e.g. OrderedDict._metadata)
    at::Tensor tensor; // Tensor

    static ValuePtr none();
    static ValuePtr makeInt(int64_t v);
    static ValuePtr makeString(std::string s);

    bool isString() const { return kind == Kind::String; }
    // The entry of a Dict whose key is the string `key`; null if absent or not a Dict.
    ValuePtr get(std::string_view key) const;
    // A short description for error messages: "dict", "tuple of 5", "object argparse.Namespace".
    std::string describe() const;
};

// Resolves a persistent id (torch: the tuple ('storage', StorageType, key, location, numel)) to
// a value; for storages, a one-dimensional tensor of the storage's dtype and length.
using PersistentLoader = std::function<Result<ValuePtr>(const ValuePtr &pid)>;

// Reads one pickle from `data` starting at `*offset`, stopping after its STOP opcode and
// advancing `*offset` past it. Errors say which opcode at which byte offset failed.
Result<ValuePtr> unpickle(const uint8_t *data,
                          size_t size,
                          size_t *offset,
                          const PersistentLoader &persistentLoad);

// The tensor dtype of a torch storage class name ("FloatStorage", "HalfStorage", ...), or
// nullopt when unknown.
std::optional<at::ScalarType> storageDtype(std::string_view className);
// The inverse: "FloatStorage" for float32 and so on; empty for dtypes torch.save cannot name.
std::string storageClassName(at::ScalarType dtype);

} // namespace earmark::inference::pickle
