#pragma once

#include <QString>

namespace earmark::inference {

// Facts about the LibTorch runtime Earmark was built with.
struct RuntimeInfo
{
    QString torchVersion; // e.g. "1.13.1"
    QString device;       // "cpu" or "cuda:0 (NVIDIA H100)"
    bool cudaAvailable = false;
    int threads = 0; // intra-op threads used on CPU
};

// Picks the device (CUDA when LibTorch has it, else the CPU) and sets the CPU thread count to the
// machine's core count (LibTorch starts at one here). Idempotent; call before running models.
void configureRuntime();

RuntimeInfo runtimeInfo();

} // namespace earmark::inference
