#pragma once

#include <atomic>
#include <memory>

namespace earmark {

// Cooperative cancellation shared between the thread that asks for a job and the worker that
// runs it. Copies share one flag. Thread-safe.
class CancellationToken
{
public:
    CancellationToken()
        : m_flag(std::make_shared<std::atomic_bool>(false))
    {}

    void cancel() { m_flag->store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return m_flag->load(std::memory_order_relaxed); }

private:
    std::shared_ptr<std::atomic_bool> m_flag;
};

} // namespace earmark
