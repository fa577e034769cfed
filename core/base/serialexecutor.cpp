#include "core/base/serialexecutor.h"

#include <QSemaphore>

namespace earmark {

SerialExecutor::SerialExecutor(const QString &name)
    : m_thread(new QThread)
    , m_receiver(new QObject)
{
    m_thread->setObjectName(name);
    m_receiver->moveToThread(m_thread);
    m_thread->start();
}

SerialExecutor::~SerialExecutor()
{
    waitForIdle();
    m_thread->quit();
    m_thread->wait();
    delete m_receiver; // its thread has stopped
    delete m_thread;
}

void SerialExecutor::post(std::function<void()> task)
{
    QMetaObject::invokeMethod(m_receiver, std::move(task), Qt::QueuedConnection);
}

void SerialExecutor::waitForIdle()
{
    if (QThread::currentThread() == m_thread)
        return;
    QSemaphore done;
    post([&done] { done.release(); });
    done.acquire();
}

} // namespace earmark
