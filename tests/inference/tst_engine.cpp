// The engine end to end on real media decoded by FFmpeg: a model pack of native modules (and a
// TorchScript encoder) run over a 23.5-s video in sliding windows, stitched, cached, cancelled,
// and stored as model runs in a real SQLite library.

#include "core/storage/database.h"
#include "core/storage/modelrunrepository.h"
#include "core/storage/videorepository.h"
#include "inference/engine.h"
#include "inference/internal/checkpoint.h"
#include "inference/internal/heads.h"
#include "inference/internal/packmodels.h"
#include "inference/pack.h"
#include "testpack.h"

#include <torch/utils.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <mutex>

using namespace earmark;
using namespace earmark::inference;
using earmark::inference::testing::writeTestPack;

namespace {

struct Outcome
{
    std::vector<double> progress;
    std::optional<Result<AnalysisResult>> result;
};

// Runs one request and waits for it.
Result<AnalysisResult> runOnce(Engine &engine, AnalysisRequest request, Outcome *outcome = nullptr)
{
    Outcome local;
    Outcome &o = outcome ? *outcome : local;
    std::mutex mutex;
    AnalysisCallbacks callbacks;
    callbacks.progress = [&](RequestId, double f, const QString &) {
        std::lock_guard lock(mutex);
        o.progress.push_back(f);
    };
    callbacks.finished = [&](RequestId, const Result<AnalysisResult> &r) {
        std::lock_guard lock(mutex);
        o.result = r;
    };
    engine.submit(std::move(request), callbacks);
    engine.waitForIdle();
    return *o.result;
}

} // namespace

class TestEngine : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_pack;
    QString m_video;
    std::unique_ptr<Engine> m_engine;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    void writePack(const QString &folder, bool scriptedAudio)
    {
        const QString error = writeTestPack(folder, scriptedAudio);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    AnalysisRequest request(Time start = {}, Time end = {}) const
    {
        AnalysisRequest r;
        r.mediaPath = m_video;
        r.pack = m_pack;
        r.start = start;
        r.end = end;
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_video = path(QStringLiteral("clip.mp4"));
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"),
                     {QStringLiteral("-nostdin"),
                      QStringLiteral("-v"),
                      QStringLiteral("error"),
                      QStringLiteral("-f"),
                      QStringLiteral("lavfi"),
                      QStringLiteral("-i"),
                      QStringLiteral("testsrc2=size=160x120:rate=10:duration=23.5"),
                      QStringLiteral("-f"),
                      QStringLiteral("lavfi"),
                      QStringLiteral("-i"),
                      QStringLiteral(
                          "aevalsrc='0.5*sin(2*PI*440*t)*lt(mod(t,4),2)':s=16000:d=23.5"),
                      QStringLiteral("-c:v"),
                      QStringLiteral("libx264"),
                      QStringLiteral("-preset"),
                      QStringLiteral("ultrafast"),
                      QStringLiteral("-pix_fmt"),
                      QStringLiteral("yuv420p"),
                      QStringLiteral("-c:a"),
                      QStringLiteral("aac"),
                      QStringLiteral("-shortest"),
                      m_video});
        QVERIFY(ffmpeg.waitForFinished(60000));
        QCOMPARE(ffmpeg.exitCode(), 0);
        m_pack = path(QStringLiteral("pack"));
        writePack(m_pack, false);
        EngineOptions options;
        options.cacheDir = path(QStringLiteral("cache"));
        m_engine = createEngine(options);
    }

    void cleanupTestCase() { m_engine.reset(); }

    void analysesEveryTaskInSlidingWindows()
    {
        Outcome outcome;
        auto r = runOnce(*m_engine, request(), &outcome);
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        QCOMPARE(r->windows, 3); // 0-10, 10-20 and 14-24 (ending with the video)
        QCOMPARE(r->end, Time::fromSeconds(23.5));
        QCOMPARE(r->tasks.size(), size_t(3));
        QVERIFY(!r->featuresFromCache);
        QVERIFY(!outcome.progress.empty());
        QVERIFY(std::is_sorted(outcome.progress.begin(), outcome.progress.end()));
        QCOMPARE(outcome.progress.back(), 1.0);

        const TaskResult &avvp = r->tasks[0];
        QCOMPARE(avvp.task, QStringLiteral("avvp"));
        QCOMPARE(avvp.scores.shape, (std::vector<int64_t>{24, 2, 25}));
        QCOMPARE(avvp.classes, llpClasses());
        for (const SegmentProposal &p : avvp.segments) {
            QVERIFY(p.onset < p.offset);
            QVERIFY(p.offset <= Time::fromSeconds(23.5));
            QCOMPARE(p.onset.microseconds() % 1000000, 0);
            QVERIFY(p.modality == annotation::Modality::Audio
                    || p.modality == annotation::Modality::Visual);
            const int m = p.modality == annotation::Modality::Audio ? 0 : 1;
            for (qint64 s = p.onset.microseconds() / 1000000; s * 1000000 < p.offset.microseconds();
                 ++s)
                QVERIFY(avvp.scores.data[size_t((s * 2 + m) * 25 + p.classIndex)] >= 0.5f);
        }
        const TaskResult &ave = r->tasks[1];
        QCOMPARE(ave.scores.shape, std::vector<int64_t>{24});
        for (const SegmentProposal &p : ave.segments) {
            QCOMPARE(p.modality, annotation::Modality::AudioVisual);
            QVERIFY(p.classIndex >= 0 && p.classIndex < 3);
        }
        const TaskResult &avs = r->tasks[2];
        QVERIFY(avs.segments.empty());
        for (const MaskProposal &mp : avs.masks) {
            QCOMPARE(mp.mask.width(), 160); // the video's own size
            QCOMPARE(mp.mask.height(), 120);
            QVERIFY(mp.time < Time::fromSeconds(23.5));
            QCOMPARE(mp.time.microseconds() % 1000000, 500000); // frames at k + 0.5 s
        }
    }

    void windowsStitchByAveragingTheirSegments()
    {
        auto whole = runOnce(*m_engine, request());
        QVERIFY(whole.ok());
        auto first = runOnce(*m_engine, request({}, Time::fromSeconds(10)));
        auto middle = runOnce(*m_engine, request(Time::fromSeconds(10), Time::fromSeconds(20)));
        auto last = runOnce(*m_engine, request(Time::fromSeconds(14), {}));
        QVERIFY(first.ok() && middle.ok() && last.ok());
        QCOMPARE(last->windows, 1);
        const FloatArray &w = whole->tasks[0].scores;
        const int stride = 2 * 25;
        auto score = [&](const Result<AnalysisResult> &r, int segment, int i) {
            return double(r->tasks[0].scores.data[size_t(segment * stride + i)]);
        };
        for (int i = 0; i < stride; ++i) {
            for (int s = 0; s < 10; ++s) // only the first window covers them
                QVERIFY(std::abs(w.data[size_t(s * stride + i)] - score(first, s, i)) < 1e-5);
            for (int s = 10; s < 14; ++s)
                QVERIFY(std::abs(w.data[size_t(s * stride + i)] - score(middle, s - 10, i)) < 1e-5);
            for (int s = 14; s < 20; ++s) { // two windows: the mean
                const double mean = (score(middle, s - 10, i) + score(last, s - 14, i)) / 2;
                QVERIFY(std::abs(w.data[size_t(s * stride + i)] - mean) < 1e-5);
            }
            for (int s = 20; s < 24; ++s)
                QVERIFY(std::abs(w.data[size_t(s * stride + i)] - score(last, s - 14, i)) < 1e-5);
        }
    }

    void featuresAreCachedPerVideoAndPreprocessing()
    {
        auto cold = runOnce(*m_engine, request());
        QVERIFY(cold.ok());
        QVERIFY(cold->featuresFromCache); // the first test computed them
        AnalysisRequest fresh = request();
        fresh.useFeatureCache = false;
        auto recomputed = runOnce(*m_engine, fresh);
        QVERIFY(recomputed.ok());
        QVERIFY(!recomputed->featuresFromCache);
        QCOMPARE(cold->tasks[0].scores.data, recomputed->tasks[0].scores.data);
        // Another range of the same video is another key.
        auto part = runOnce(*m_engine, request(Time::fromSeconds(3), Time::fromSeconds(9)));
        QVERIFY(part.ok());
        QCOMPARE(part->windows, 1);
        QCOMPARE(part->tasks[0].scores.shape, (std::vector<int64_t>{6, 2, 25}));
    }

    void cancelStopsQueuedAndRunningRequests()
    {
        std::mutex mutex;
        std::vector<std::pair<RequestId, QString>> finished;
        AnalysisCallbacks callbacks;
        callbacks.finished = [&](RequestId id, const Result<AnalysisResult> &r) {
            std::lock_guard lock(mutex);
            finished.emplace_back(id, r.ok() ? QStringLiteral("ok") : r.errorString());
        };
        AnalysisRequest uncached = request();
        uncached.useFeatureCache = false;
        const RequestId a = m_engine->submit(uncached, callbacks);
        const RequestId b = m_engine->submit(uncached, callbacks);
        QVERIFY(m_engine->cancel(b));
        QVERIFY(m_engine->cancel(a));
        m_engine->waitForIdle();
        QCOMPARE(m_engine->pending(), 0);
        QCOMPARE(finished.size(), size_t(2));
        for (const auto &[id, text] : finished)
            QVERIFY2(text.contains(QLatin1String("cancelled")), qPrintable(text));
        QVERIFY(!m_engine->cancel(a)); // done
    }

    void resultsBecomeModelRunsInTheLibrary()
    {
        auto db = storage::Database::open(path(QStringLiteral("library.sqlite")));
        QVERIFY2(db.ok(), qPrintable(db.errorString()));
        storage::VideoRepository videos(*db);
        annotation::Video v;
        v.path = m_video;
        v.title = QStringLiteral("clip");
        v.duration = Time::fromSeconds(23.5);
        auto added = videos.add(v);
        QVERIFY(added.ok());
        AnalysisRequest r = request();
        r.library = *db;
        r.videoId = added->id;
        auto result = runOnce(*m_engine, r);
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QVERIFY(result->stored);
        storage::ModelRunRepository runs(*db);
        auto all = runs.all();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(0).task, QStringLiteral("avvp"));
        QCOMPARE(all->at(0).labelSetId, annotation::kLlpLabelSetId);
        QCOMPARE(all->at(0).pack, QStringLiteral("test-pack"));
        QCOMPARE(all->at(1).task, QStringLiteral("ave"));
        QVERIFY(all->at(1).labelSetId != annotation::kAveLabelSetId); // the pack's own 3 classes
        for (const TaskResult &t : result->tasks) {
            QVERIFY(t.storedRun > 0);
            auto vids = runs.videos(t.storedRun);
            QVERIFY(vids.ok());
            QCOMPARE(*vids, QList<annotation::VideoId>{added->id});
        }

        // The video leaves the library before the run ends: nothing is stored.
        QVERIFY(videos.remove(added->id).ok());
        auto late = runOnce(*m_engine, r);
        QVERIFY(!late.ok());
        QVERIFY2(late.errorString().contains(QLatin1String("no longer in the library")),
                 qPrintable(late.errorString()));
        QCOMPARE(runs.all()->size(), 3);
    }

    void torchScriptEncodersRunToo()
    {
        const QString scripted = path(QStringLiteral("scripted-pack"));
        writePack(scripted, true);
        AnalysisRequest r = request({}, Time::fromSeconds(10));
        r.pack = scripted;
        r.tasks = {QStringLiteral("avvp")};
        auto result = runOnce(*m_engine, r);
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QCOMPARE(result->tasks.size(), size_t(1));
        QCOMPARE(result->tasks[0].scores.shape, (std::vector<int64_t>{10, 2, 25}));
    }

    void badRequestsSayWhy()
    {
        AnalysisRequest noTask = request();
        noTask.tasks = {QStringLiteral("captioning")};
        auto r = runOnce(*m_engine, noTask);
        QVERIFY(!r.ok());
        QVERIFY2(r.errorString().contains(QLatin1String("no captioning head")),
                 qPrintable(r.errorString()));
        AnalysisRequest past = request(Time::fromSeconds(30), {});
        r = runOnce(*m_engine, past);
        QVERIFY(!r.ok());
        QVERIFY2(r.errorString().contains(QLatin1String("nothing to analyse")),
                 qPrintable(r.errorString()));
        AnalysisRequest broken = request();
        broken.pack = path(QStringLiteral("no-such-pack"));
        r = runOnce(*m_engine, broken);
        QVERIFY(!r.ok());
        QVERIFY2(r.errorString().contains(QLatin1String("no-such-pack")),
                 qPrintable(r.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
