#pragma once

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>
#include <type_traits>

namespace earmark {

// One worker thread that runs posted tasks in order: the place for work that must not block the
// GUI thread and must not run concurrently with itself (database writes, for instance).
//
// Thread-safety: post() and call() may be used from any thread. Tasks run on the worker thread;
// call()'s continuation runs on the thread of `context`, and only if `context` still exists.
// The destructor finishes the tasks already posted, then stops the thread.
class SerialExecutor
{
public:
    explicit SerialExecutor(const QString &name);
    ~SerialExecutor();

    SerialExecutor(const SerialExecutor &) = delete;
    SerialExecutor &operator=(const SerialExecutor &) = delete;

    void post(std::function<void()> task);

    // Runs `work` on the worker thread, then `done(result)` on `context`'s thread.
    template<typename Work, typename Done>
    void call(Work work, QObject *context, Done done)
    {
        using R = std::invoke_result_t<Work>;
        QPointer<QObject> guard(context);
        post([work = std::move(work), done = std::move(done), guard]() mutable {
            auto result = std::make_shared<R>(work());
            if (!guard)
                return;
            QMetaObject::invokeMethod(
                guard.data(),
                [done = std::move(done), result]() mutable { done(std::move(*result)); },
                Qt::QueuedConnection);
        });
    }

    // Blocks until every task posted before this call has run. For tests and shutdown.
    void waitForIdle();

    QThread *thread() const { return m_thread; }

private:
    QThread *m_thread = nullptr;
    QObject *m_receiver = nullptr; // lives in m_thread
};

} // namespace earmark
