#include "inference/synth/generator.h"

#include "inference/synth/assets.h"
#include "inference/synth/encoder.h"
#include "inference/synth/plan.h"
#include "inference/synth/render.h"
#include "inference/synth/truth.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSaveFile>
#include <QThread>

#include <atomic>
#include <thread>

namespace earmark::synth {

namespace {

Status writeFile(const QString &path, const QByteArray &data)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error(QStringLiteral("cannot create the folder"), QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return Error(QStringLiteral("cannot write the file: %1").arg(file.errorString()), path);
    return {};
}

Status writePng(const QString &path, const QImage &image)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error(QStringLiteral("cannot create the folder"), QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
        return Error(QStringLiteral("cannot write the mask: %1").arg(file.errorString()), path);
    return {};
}

Status makeClip(const ClipPlan &plan,
                const Catalog &catalog,
                AssetBank &bank,
                const SynthOptions &options,
                const QDir &out)
{
    auto audio = renderAudio(plan, catalog, bank);
    if (!audio)
        return audio.error();
    auto renderer = FrameRenderer::create(plan, bank);
    if (!renderer)
        return renderer.error();
    const QString category = catalog.classes[std::size_t(plan.primary().classIndex)].name;
    const QString maskDir = out.filePath(
        QStringLiteral("avsbench/gt_masks/%1/%2/%3").arg(options.split, category, plan.name));
    for (int k = 1; k <= clip::seconds; ++k) {
        const QImage mask = renderer->soundingMask(clip::maskFrame(k));
        if (Status s = writePng(QStringLiteral("%1/%2_%3.png").arg(maskDir, plan.name).arg(k), mask);
            !s)
            return s;
    }
    return encodeClip(
        out.filePath(QStringLiteral("videos/%1.mp4").arg(plan.name)),
        clip::frames,
        clip::fps,
        [&](int i) { return renderer->frame(i); },
        *audio,
        clip::sampleRate,
        options.ffmpeg);
}

} // namespace

Result<SynthSummary> generateClips(const SynthOptions &options,
                                   const ProgressCallback &progress,
                                   const CancellationToken &cancel)
{
    static const QRegularExpression splitPattern(QStringLiteral("^[A-Za-z0-9_-]+$"));
    if (!splitPattern.match(options.split).hasMatch())
        return Error(QStringLiteral("the split name \"%1\" may hold only letters, digits, '_' and "
                                    "'-'")
                         .arg(options.split));
    if (options.count < 1)
        return Error(QStringLiteral("the clip count must be at least 1"));
    if (options.firstIndex < 0)
        return Error(QStringLiteral("the first clip index must not be negative"));
    if (options.outDir.isEmpty())
        return Error(QStringLiteral("no output folder given"));
    QDir out(options.outDir);
    if (out.exists() && !out.isEmpty())
        return Error(QStringLiteral("the output folder is not empty: choose a new folder so no "
                                    "clips or labels are mixed or overwritten"),
                     options.outDir);
    if (!QDir().mkpath(options.outDir) || !out.mkpath(QStringLiteral("videos")))
        return Error(QStringLiteral("cannot create the output folder"), options.outDir);

    const AssetPool pool = options.pool.value_or(
        options.split == QLatin1String("train") ? AssetPool::Training : AssetPool::HeldOut);
    auto catalog = loadCatalog(pool, options.roots);
    if (!catalog)
        return catalog.error();
    AssetBank bank(clip::sampleRate);

    std::vector<ClipPlan> plans(std::size_t(options.count));
    for (int i = 0; i < options.count; ++i)
        plans[std::size_t(i)] = planClip(*catalog,
                                         options.seed,
                                         options.split,
                                         options.firstIndex + i);

    const int jobs = std::clamp(options.jobs > 0 ? options.jobs : QThread::idealThreadCount(),
                                1,
                                options.count);
    std::atomic<int> next{0};
    std::atomic<int> done{0};
    std::atomic<bool> failed{false};
    QMutex mutex;
    std::optional<Error> firstError;
    auto worker = [&] {
        for (;;) {
            if (failed.load() || cancel.isCancelled())
                return;
            const int i = next.fetch_add(1);
            if (i >= options.count)
                return;
            const Status s = makeClip(plans[std::size_t(i)], *catalog, bank, options, out);
            QMutexLocker lock(&mutex);
            if (!s) {
                if (!firstError)
                    firstError = s.error();
                failed = true;
                return;
            }
            const int finished = ++done;
            if (progress)
                progress(double(finished) / options.count,
                         QStringLiteral("clip %1 of %2").arg(finished).arg(options.count));
        }
    };
    std::vector<std::thread> threads;
    for (int j = 1; j < jobs; ++j)
        threads.emplace_back(worker);
    worker();
    for (std::thread &t : threads)
        t.join();
    if (firstError)
        return *firstError;
    if (cancel.isCancelled())
        return Error(QStringLiteral("cancelled after %1 of %2 clips; the truth files were not "
                                    "written")
                         .arg(done.load())
                         .arg(options.count));

    QJsonArray classArray;
    for (const ClassEntry &c : catalog->classes)
        classArray.append(QJsonObject{{QStringLiteral("name"), c.name},
                                      {QStringLiteral("llp"), c.llp},
                                      {QStringLiteral("source"), c.description}});
    QJsonArray clipArray;
    for (const ClipPlan &plan : plans)
        clipArray.append(plan.toJson(*catalog));
    static const char *poolNames[] = {"all", "training", "held-out"};
    const QJsonObject manifest{
        {QStringLiteral("generator"), QStringLiteral("earmark synth 1")},
        {QStringLiteral("seed"), QString::number(options.seed)},
        {QStringLiteral("split"), options.split},
        {QStringLiteral("first_index"), options.firstIndex},
        {QStringLiteral("count"), options.count},
        {QStringLiteral("asset_pool"), QString::fromLatin1(poolNames[int(pool)])},
        {QStringLiteral("format"),
         QJsonObject{{QStringLiteral("seconds"), clip::seconds},
                     {QStringLiteral("fps"), clip::fps},
                     {QStringLiteral("width"), clip::width},
                     {QStringLiteral("height"), clip::height},
                     {QStringLiteral("sample_rate"), clip::sampleRate},
                     {QStringLiteral("mask_frames"),
                      QStringLiteral("mask k (1..10) is video frame 16k-1, at k - 1/16 s")}}},
        {QStringLiteral("classes"), classArray},
        {QStringLiteral("clips"), clipArray},
    };
    QByteArray classesText = catalog->classNames().join(QLatin1Char('\n')).toUtf8() + '\n';
    const std::vector<std::pair<QString, QByteArray>> files = {
        {QStringLiteral("classes.txt"), classesText},
        {QStringLiteral("llp/") + llpWeakFileName(options.split), llpWeakLabels(plans, *catalog)},
        {QStringLiteral("llp/AVVP_eval_audio.csv"),
         llpDenseLabels(plans, *catalog, Modality::Audio)},
        {QStringLiteral("llp/AVVP_eval_visual.csv"),
         llpDenseLabels(plans, *catalog, Modality::Visual)},
        {QStringLiteral("ave/Annotations.txt"), aveAnnotations(plans, *catalog, true)},
        {QStringLiteral("ave/") + aveSplitFileName(options.split),
         aveAnnotations(plans, *catalog, false)},
        {QStringLiteral("avsbench/s4_meta_data.csv"),
         avsbenchMetadata(plans, *catalog, options.split)},
        {QStringLiteral("synth.json"), QJsonDocument(manifest).toJson(QJsonDocument::Indented)},
    };
    for (const auto &[relative, data] : files) {
        if (Status s = writeFile(out.filePath(relative), data); !s)
            return s.error();
    }
    return SynthSummary{options.count, catalog->classNames(), out.absolutePath()};
}

} // namespace earmark::synth
