// The LibTorch implementation of Engine: one worker thread, a queue of requests, loaded packs
// kept between requests.

#include "inference/engine.h"

#include "core/storage/database.h"
#include "inference/internal/analyzer.h"
#include "inference/internal/device.h"
#include "inference/runstorage.h"
#include "inference/runtime.h"

#include <QDir>
#include <QFileInfo>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace earmark::inference {

namespace {

class TorchEngine final : public Engine
{
public:
    explicit TorchEngine(EngineOptions options)
        : m_options(std::move(options))
    {
        configureRuntime();
        m_device = computeDevice();
        m_thread = std::thread([this] { work(); });
    }

    ~TorchEngine() override
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
            for (Job &j : m_queue)
                j.token.cancel();
            m_runningToken.cancel();
        }
        m_wake.notify_all();
        m_thread.join();
    }

    RequestId submit(AnalysisRequest request, AnalysisCallbacks callbacks) override
    {
        RequestId id;
        {
            std::lock_guard lock(m_mutex);
            id = m_next++;
            m_queue.push_back(
                Job{id, std::move(request), std::move(callbacks), CancellationToken()});
        }
        m_wake.notify_all();
        return id;
    }

    bool cancel(RequestId id) override
    {
        std::lock_guard lock(m_mutex);
        if (m_running == id) {
            m_runningToken.cancel();
            return true;
        }
        for (Job &j : m_queue) {
            if (j.id == id) {
                j.token.cancel();
                return true;
            }
        }
        return false;
    }

    void cancelAll() override
    {
        std::lock_guard lock(m_mutex);
        for (Job &j : m_queue)
            j.token.cancel();
        if (m_running)
            m_runningToken.cancel();
    }

    void waitForIdle() override
    {
        std::unique_lock lock(m_mutex);
        m_idle.wait(lock, [this] { return m_queue.empty() && !m_running; });
    }

    int pending() const override
    {
        std::lock_guard lock(m_mutex);
        return int(m_queue.size()) + (m_running ? 1 : 0);
    }

    QString deviceName() const override
    {
        if (m_device.is_cuda())
            return QStringLiteral("cuda:%1").arg(m_device.index());
        return QStringLiteral("cpu (%1 threads)").arg(runtimeInfo().threads);
    }

    void unloadModels() override
    {
        m_unload = true;
        m_wake.notify_all();
    }

private:
    struct Job
    {
        RequestId id;
        AnalysisRequest request;
        AnalysisCallbacks callbacks;
        CancellationToken token;
    };

    void work()
    {
        for (;;) {
            Job job;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return m_stop || !m_queue.empty() || m_unload; });
                if (m_unload.exchange(false))
                    m_packs.clear(); // the worker owns them; freed on its thread
                if (m_queue.empty()) {
                    if (m_stop)
                        return;
                    continue;
                }
                job = std::move(m_queue.front());
                m_queue.pop_front();
                m_running = job.id;
                m_runningToken = job.token;
            }
            Result<AnalysisResult> result = Error(QString());
            try {
                result = run(job);
            } catch (const std::exception &e) {
                result = Error(
                    QStringLiteral("the analysis failed: %1").arg(QString::fromUtf8(e.what())));
            } catch (...) {
                result = Error(QStringLiteral("the analysis failed"));
            }
            if (job.callbacks.finished)
                job.callbacks.finished(job.id, result);
            {
                std::lock_guard lock(m_mutex);
                m_running.reset();
                m_runningToken = CancellationToken();
            }
            m_idle.notify_all();
        }
    }

    QString cacheDirFor(const AnalysisRequest &r) const
    {
        if (!m_options.cacheDir.isEmpty())
            return m_options.cacheDir;
        return defaultFeatureCacheDir(r.library.get());
    }

    Result<std::shared_ptr<LoadedPack>> pack(const QString &folder)
    {
        const QFileInfo manifest(QDir(folder).filePath(QStringLiteral("pack.json")));
        const QString key = QStringLiteral("%1|%2|%3")
                                .arg(manifest.canonicalFilePath())
                                .arg(manifest.lastModified().toMSecsSinceEpoch())
                                .arg(manifest.size());
        auto it = m_packs.find(key);
        if (it != m_packs.end())
            return it->second;
        auto loaded = LoadedPack::load(folder, m_device);
        if (!loaded)
            return loaded.error();
        m_packs[key] = *loaded;
        return loaded;
    }

    Result<AnalysisResult> run(const Job &job)
    {
        const RequestId id = job.id;
        auto progress = [&](double f, const QString &stage) {
            if (job.callbacks.progress)
                job.callbacks.progress(id, f, stage);
        };
        if (job.token.isCancelled())
            return Error(QStringLiteral("the analysis was cancelled"));
        progress(0, QStringLiteral("Loading the models"));
        auto lp = pack(job.request.pack);
        if (!lp)
            return lp.error();
        auto result = analyze(**lp, job.request, cacheDirFor(job.request), job.token, progress);
        if (!result)
            return result;
        result->id = id;
        if (job.request.library) {
            if (job.token.isCancelled())
                return Error(QStringLiteral("the analysis was cancelled"));
            progress(0.97, QStringLiteral("Storing the proposals"));
            if (Status s = storeAnalysis(job.request.library, *result, job.request.author); !s)
                return Error(QStringLiteral("the results were not stored: %1").arg(s.errorString()));
        }
        progress(1, QStringLiteral("Done"));
        return result;
    }

    const EngineOptions m_options;
    c10::Device m_device = c10::kCPU;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<Job> m_queue;            // guarded by m_mutex
    std::optional<RequestId> m_running; // guarded by m_mutex
    CancellationToken m_runningToken;   // guarded by m_mutex
    RequestId m_next = 1;               // guarded by m_mutex
    bool m_stop = false;                // guarded by m_mutex
    std::atomic<bool> m_unload{false};
    std::map<QString, std::shared_ptr<LoadedPack>> m_packs; // worker thread only
    std::thread m_thread;
};

} // namespace

std::unique_ptr<Engine> createEngine(const EngineOptions &options)
{
    return std::make_unique<TorchEngine>(options);
}

} // namespace earmark::inference
