#pragma once

#include <c10/core/Device.h>

namespace earmark::inference {

// The device models run on: CUDA device 0 when LibTorch has CUDA and sees a GPU, else the CPU.
// Decided once per process (configureRuntime() is called first).
c10::Device computeDevice();

} // namespace earmark::inference
