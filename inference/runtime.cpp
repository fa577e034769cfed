#include "inference/runtime.h"

#include "inference/internal/device.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/version.h>

#include <QThread>

#include <mutex>

namespace earmark::inference {

void configureRuntime()
{
    static std::once_flag once;
    std::call_once(once, [] {
        const int cores = std::max(1, QThread::idealThreadCount());
        at::set_num_threads(cores);
    });
}

c10::Device computeDevice()
{
    configureRuntime();
    static const c10::Device device = torch::cuda::is_available() ? c10::Device(c10::kCUDA, 0)
                                                                  : c10::Device(c10::kCPU);
    return device;
}

RuntimeInfo runtimeInfo()
{
    RuntimeInfo info;
    info.torchVersion = QStringLiteral(TORCH_VERSION);
    info.cudaAvailable = torch::cuda::is_available();
    info.device = info.cudaAvailable
                      ? QStringLiteral("cuda (%1 device(s))").arg(torch::cuda::device_count())
                      : QStringLiteral("cpu");
    info.threads = at::get_num_threads();
    return info;
}

} // namespace earmark::inference
