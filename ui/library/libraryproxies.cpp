#include "ui/library/libraryproxies.h"

#include "core/base/threadpriority.h"
#include "core/media/seekproxy.h"
#include "core/media/videoreader.h"

#include <QFile>
#include <QPointer>

namespace earmark::ui {

namespace {

// Whether `proxyFile` is a usable proxy of `mediaPath` as it is now.
bool proxyIsCurrent(const QString &mediaPath, const QString &proxyFile)
{
    if (!QFile::exists(proxyFile))
        return false;
    auto reader = media::VideoReader::open(mediaPath);
    return reader && (*reader)->attachProxy(proxyFile).ok();
}

} // namespace

LibraryProxies::LibraryProxies(const QString &proxyDir, QObject *parent)
    : QObject(parent)
    , m_proxyDir(proxyDir)
{
    m_thread = std::thread([this] { run(); });
}

LibraryProxies::~LibraryProxies()
{
    {
        std::unique_lock lock(m_mutex);
        m_quit = true;
        m_queue.clear();
        m_cancel.cancel();
    }
    m_wake.notify_all();
    m_thread.join();
}

void LibraryProxies::add(const QString &mediaPath)
{
    {
        std::unique_lock lock(m_mutex);
        if (std::find(m_queue.begin(), m_queue.end(), mediaPath) != m_queue.end())
            return;
        m_queue.push_back(mediaPath);
    }
    m_wake.notify_all();
}

int LibraryProxies::pending() const
{
    std::unique_lock lock(m_mutex);
    return int(m_queue.size()) + m_working;
}

void LibraryProxies::run()
{
    lowerCurrentThreadPriority();
    QPointer<LibraryProxies> self(this);
    auto post = [self](auto &&fn) {
        QMetaObject::invokeMethod(self.data(), std::forward<decltype(fn)>(fn), Qt::QueuedConnection);
    };
    for (;;) {
        QString path;
        CancellationToken cancel;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_quit || !m_queue.empty(); });
            if (m_quit)
                return;
            path = m_queue.front();
            m_queue.pop_front();
            m_working = 1;
            cancel = m_cancel;
        }
        const QString file = media::seekProxyFile(m_proxyDir, path);
        bool made = false;
        QString failure;
        if (!proxyIsCurrent(path, file) && media::seekProxyHelps(path)) {
            const Status s = media::buildSeekProxy(path, file, {}, cancel);
            made = s.ok();
            if (made)
                media::trimSeekProxies(m_proxyDir, media::kSeekProxyCacheBytes, file);
            if (!s && !cancel.isCancelled())
                failure = s.errorString();
        }
        bool nothingLeft = false;
        {
            std::unique_lock lock(m_mutex);
            m_working = 0;
            nothingLeft = m_queue.empty();
            if (m_quit)
                return;
        }
        post([self, path, made, failure, nothingLeft] {
            if (!self)
                return;
            if (made)
                Q_EMIT self->proxyMade(path);
            else if (!failure.isEmpty())
                Q_EMIT self->proxyFailed(path, failure);
            if (nothingLeft && self->pending() == 0)
                Q_EMIT self->idle();
        });
    }
}

} // namespace earmark::ui
