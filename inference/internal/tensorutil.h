#pragma once

// Conversions between the torch-free FloatArray and at::Tensor.

#include "inference/floatarray.h"

#include <ATen/ATen.h>

#include <cstring>
#include <vector>

namespace earmark::inference {

// A tensor viewing `a`'s data without a copy: `a` must outlive it and stay unchanged.
inline at::Tensor viewOf(const FloatArray &a)
{
    return at::from_blob(const_cast<float *>(a.data.data()),
                         a.shape,
                         at::TensorOptions().dtype(at::kFloat));
}

// A batch [N, ...] of same-shaped arrays (one copy into the batch; none for a single array).
inline at::Tensor stackArrays(const std::vector<const FloatArray *> &arrays)
{
    if (arrays.size() == 1)
        return viewOf(*arrays.front()).unsqueeze(0);
    std::vector<int64_t> shape{int64_t(arrays.size())};
    shape.insert(shape.end(), arrays.front()->shape.begin(), arrays.front()->shape.end());
    at::Tensor out = at::empty(shape, at::TensorOptions().dtype(at::kFloat));
    float *dst = out.data_ptr<float>();
    for (const FloatArray *a : arrays) {
        std::memcpy(dst, a->data.data(), a->data.size() * sizeof(float));
        dst += a->data.size();
    }
    return out;
}

inline FloatArray toArray(const at::Tensor &t)
{
    at::Tensor c = t.detach().to(at::kCPU, at::kFloat).contiguous();
    FloatArray a;
    a.shape.assign(c.sizes().begin(), c.sizes().end());
    a.data.assign(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    return a;
}

inline std::vector<float> toVector(const at::Tensor &t)
{
    at::Tensor c = t.detach().to(at::kCPU, at::kFloat).contiguous();
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

} // namespace earmark::inference
