#include "inference/finetune.h"

#include "core/annotation/labelset.h"
#include "core/storage/annotationrepository.h"
#include "core/storage/database.h"
#include "core/storage/labelsetrepository.h"
#include "core/storage/videorepository.h"
#include "inference/internal/analyzer.h"
#include "inference/internal/checkpoint.h"
#include "inference/internal/device.h"
#include "inference/internal/heads.h"
#include "inference/pack.h"
#include "inference/runtime.h"

#include <torch/torch.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QRegularExpression>
#include <QSaveFile>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <set>

namespace earmark::inference {

using namespace annotation;

namespace {

const QString kAvvp = QStringLiteral("avvp");
const QString kAve = QStringLiteral("ave");
const QString kAvs = QStringLiteral("avs");

QString errorText(const std::exception &e)
{
    return QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0);
}

// ---- Labels from the library ----

// The library's label set for a head's vocabulary (as storeAnalysis picks it) and, for each of
// its classes, the pack's class index (-1: a class the pack does not know).
struct HeadLabels
{
    std::optional<LabelSet> set;
    std::vector<int> toPack;
};

Result<HeadLabels> headLabels(const std::shared_ptr<storage::Database> &db,
                              const PackManifest &m,
                              const PackHead &head)
{
    HeadLabels out;
    const QStringList vocab = m.vocabularies.value(head.vocabulary);
    storage::LabelSetRepository sets(db);
    Result<std::optional<LabelSet>> set = std::optional<LabelSet>();
    if (vocab == LabelSet::llp().classes)
        set = sets.byId(kLlpLabelSetId);
    else if (vocab == LabelSet::ave().classes)
        set = sets.byId(kAveLabelSetId);
    else
        set = sets.byName(QStringLiteral("%1 %2").arg(m.id, head.vocabulary));
    if (!set)
        return set.error();
    out.set = *set;
    if (out.set) {
        for (const QString &c : std::as_const(out.set->classes))
            out.toPack.push_back(int(vocab.indexOf(c)));
    }
    return out;
}

// A 1-s segment [binStart, binStart + length) is covered by [onset, offset) when they overlap by
// at least half of it (as the library evaluation bins segments).
bool covers(const Segment &s, Time binStart, Time length)
{
    const Time from = std::max(s.onset, binStart);
    const Time to = std::min(s.offset, binStart + length);
    return to > from && (to - from).microseconds() * 2 >= length.microseconds();
}

struct MaskTruth
{
    int width = 0;
    int height = 0;
    QByteArray pixels; // width * height, 1 foreground
};

struct VideoLabels
{
    Video video;
    QList<Segment> avvp;           // confirmed, in the AVVP head's label set, timed
    QList<Segment> ave;            // confirmed AVE events
    QMap<qint64, MaskTruth> masks; // frame time (us) -> union of the confirmed masks
};

// ---- Examples ----

struct AvvpData
{
    std::vector<at::Tensor> audio, visual, st;         // per window [T, A], [N, V], [T, S]
    std::vector<at::Tensor> audioLabels, visualLabels; // per window [T, C]
};

struct AveData
{
    std::vector<at::Tensor> audio, visual;
    std::vector<at::Tensor> events; // [T]
    std::vector<int64_t> classes;   // -1: no event in the window
};

struct AvsData
{
    std::vector<at::Tensor> maps;  // [C, h, w]
    std::vector<at::Tensor> audio; // [A]
    std::vector<at::Tensor> masks; // [1, H, W] 0/1 at half the frame size
};

// Stacked examples of one task on the device.
struct Batchable
{
    std::vector<at::Tensor> inputs;
    int64_t size = 0;
    at::Tensor take(size_t i, const at::Tensor &index) const
    {
        return inputs[i].defined() ? inputs[i].index_select(0, index) : at::Tensor();
    }
};

at::Tensor stackOn(const std::vector<at::Tensor> &parts, c10::Device device)
{
    return parts.empty() || !parts.front().defined() ? at::Tensor() : at::stack(parts).to(device);
}

// ---- Losses and fits ----

at::Tensor aveFinetuneLoss(const nn::AveOutput &out, const at::Tensor &events, const at::Tensor &cls)
{
    at::Tensor loss = at::binary_cross_entropy_with_logits(out.eventLogits, events);
    const at::Tensor has = cls >= 0;
    if (has.any().item<bool>()) {
        const at::Tensor rows = has.nonzero().squeeze(1);
        loss = loss
               + at::cross_entropy_loss(out.classLogits.index_select(0, rows),
                                        cls.index_select(0, rows));
    }
    return loss;
}

struct Trainee
{
    QString task;
    torch::nn::Module *module = nullptr;
    std::shared_ptr<Batchable> data = std::make_shared<Batchable>();
    // Loss of the examples `index` (train or eval mode as the module is).
    std::function<at::Tensor(const at::Tensor &index)> loss;
    // (loss sum weighted by examples, score numerator, score denominator) over `index`.
    std::function<std::array<double, 3>(const at::Tensor &index)> fitParts;
    QString scoreName;
};

std::pair<double, double> fitOf(Trainee &t)
{
    torch::NoGradGuard noGrad;
    t.module->eval();
    double loss = 0, num = 0, den = 0;
    const int64_t chunk = 64;
    for (int64_t i = 0; i < t.data->size; i += chunk) {
        const at::Tensor index = at::arange(i, std::min(t.data->size, i + chunk), at::kLong)
                                     .to(t.data->inputs.front().device());
        const auto parts = t.fitParts(index);
        loss += parts[0];
        num += parts[1];
        den += parts[2];
    }
    return {loss / double(std::max<int64_t>(1, t.data->size)), den > 0 ? 100.0 * num / den : 0.0};
}

// ---- Writing the pack ----

QString versionBase(const QString &version)
{
    static const QRegularExpression ft(QStringLiteral("-ft\\.\\d+$"));
    QString base = version;
    return base.remove(ft);
}

Status copyPackFiles(const Pack &pack, const QString &to)
{
    QDir().mkpath(to);
    if (!QFile::copy(QDir(pack.folder).filePath(QStringLiteral("pack.json")),
                     QDir(to).filePath(QStringLiteral("pack.json"))))
        return Error(QStringLiteral("cannot copy pack.json into %1").arg(to), pack.folder);
    for (auto it = pack.manifest.files.cbegin(); it != pack.manifest.files.cend(); ++it) {
        const QString dst = QDir(to).filePath(it.key());
        if (!QDir().mkpath(QFileInfo(dst).absolutePath())
            || !QFile::copy(pack.filePath(it.key()), dst))
            return Error(QStringLiteral("cannot copy '%1' into %2").arg(it.key(), to), pack.folder);
    }
    return {};
}

// Over the copy of the source's file; saveStateDict copies the tensors to the CPU itself.
Status saveHead(const torch::nn::Module &module, const QString &path)
{
    const CheckpointFormat format = path.endsWith(QLatin1String(".safetensors"))
                                        ? CheckpointFormat::SafeTensors
                                        : CheckpointFormat::TorchZip;
    return saveStateDict(path, stateDictOf(module), format);
}

Status rewriteManifest(const QString &folder,
                       const QString &version,
                       const QJsonObject &training,
                       const QString &descriptionSuffix)
{
    const QString path = QDir(folder).filePath(QStringLiteral("pack.json"));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("cannot read: %1").arg(f.errorString()), path);
    QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    QJsonObject t = training;
    if (o.contains(QLatin1String("training")))
        t.insert(QStringLiteral("base_training"), o.value(QLatin1String("training")));
    // The source's scores were measured on its own weights: kept as what it started from.
    if (!o.value(QLatin1String("metrics")).toObject().isEmpty())
        t.insert(QStringLiteral("base_metrics"), o.value(QLatin1String("metrics")));
    o.insert(QStringLiteral("metrics"), QJsonObject());
    o.insert(QStringLiteral("training"), t);
    o.insert(QStringLiteral("version"), version);
    o.insert(QStringLiteral("description"),
             (o.value(QLatin1String("description")).toString() + QLatin1Char(' ')
              + descriptionSuffix)
                 .trimmed());
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Error(QStringLiteral("cannot write: %1").arg(out.errorString()), path);
    out.write(QJsonDocument(o).toJson(QJsonDocument::Indented));
    if (!out.commit())
        return Error(QStringLiteral("cannot write: %1").arg(out.errorString()), path);
    return {};
}

// The next "BASE-ft.N" for a pack `id` at `version`: past the source's own N and every version of
// the pack installed in, or named by a folder of, `packsDir`.
QString nextVersion(const QString &id, const QString &version, const QString &packsDir)
{
    const QString base = versionBase(version);
    const QRegularExpression ft(
        QStringLiteral("^%1-ft\\.(\\d+)$").arg(QRegularExpression::escape(base)));
    int last = 0;
    auto consider = [&](const QString &v) {
        const auto match = ft.match(v);
        if (match.hasMatch())
            last = std::max(last, match.captured(1).toInt());
    };
    consider(version);
    if (!packsDir.isEmpty()) {
        for (const Pack &p : PackRegistry(packsDir).packs()) {
            if (p.manifest.id == id)
                consider(p.manifest.version);
        }
        const QString prefix = id + QLatin1Char('-');
        for (const QString &name : QDir(packsDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (name.startsWith(prefix))
                consider(name.mid(prefix.size()));
        }
    }
    return QStringLiteral("%1-ft.%2").arg(base).arg(last + 1);
}

} // namespace

QString nextFinetuneVersion(const QString &packFolder, const QString &packsDir)
{
    auto pack = openPack(packFolder, VerifyFiles::No);
    if (!pack)
        return QString();
    return nextVersion(pack->manifest.id, pack->manifest.version, packsDir);
}

Result<FinetuneSummary> finetunePack(const FinetuneOptions &o,
                                     const FinetuneProgressCallback &progress,
                                     const CancellationToken &cancel)
{
    QElapsedTimer timer;
    timer.start();
    if (!o.library)
        return Error(QStringLiteral("no library given"));
    if (o.epochs < 1 || o.batchSize < 1 || !(o.learningRate > 0))
        return Error(QStringLiteral("epochs, batch size and learning rate must be positive"));
    if (o.outDir.isEmpty() && o.packsDir.isEmpty())
        return Error(QStringLiteral("no packs folder or output folder given"));
    configureRuntime();
    const int threads = o.threads > 0 ? o.threads : std::max(1, QThread::idealThreadCount());
    at::set_num_threads(threads);
    const c10::Device device = computeDevice();
    auto report = [&](FinetuneProgress p) {
        if (!progress)
            return;
        p.elapsed = timer.elapsed() / 1000.0;
        progress(p);
    };
    report({});

    auto loaded = LoadedPack::load(o.pack, device);
    if (!loaded)
        return loaded.error();
    LoadedPack &lp = **loaded;
    const PackManifest &m = lp.pack().manifest;
    const QString manifestPath = QDir(lp.pack().folder).filePath(QStringLiteral("pack.json"));
    for (const QString &t : o.tasks) {
        if (t != kAvvp && t != kAve && t != kAvs)
            return Error(QStringLiteral("unknown task '%1' (avvp, ave or avs)").arg(t));
        if (!m.head(t))
            return Error(QStringLiteral("the pack has no %1 head (it has: %2)")
                             .arg(t, m.tasks.join(QStringLiteral(", "))),
                         manifestPath);
    }
    auto wanted = [&](const QString &task) {
        return m.head(task) && (o.tasks.isEmpty() || o.tasks.contains(task));
    };
    const bool wantAvvp = wanted(kAvvp) && lp.avvp;
    const bool wantAve = wanted(kAve) && lp.ave;
    const bool wantAvs = wanted(kAvs) && lp.avs;

    FinetuneSummary summary;
    summary.packId = m.id;
    summary.fromVersion = m.version;

    // The label sets and the confirmed annotations of every video with a media file.
    const std::shared_ptr<storage::Database> &db = o.library;
    HeadLabels avvpSet, aveSet;
    if (wantAvvp) {
        auto s = headLabels(db, m, *m.head(kAvvp));
        if (!s)
            return s.error();
        avvpSet = *s;
    }
    if (wantAve) {
        auto s = headLabels(db, m, *m.head(kAve));
        if (!s)
            return s.error();
        aveSet = *s;
    }
    const bool sharedSet = avvpSet.set && aveSet.set && avvpSet.set->id == aveSet.set->id;
    auto videos = storage::VideoRepository(db).all();
    if (!videos)
        return videos.error();
    storage::AnnotationRepository repo(db);
    std::vector<VideoLabels> labelled;
    for (const Video &v : std::as_const(*videos)) {
        if (cancel.isCancelled())
            return summary;
        VideoLabels vl;
        vl.video = v;
        auto segmentsOf = [&](const HeadLabels &set,
                              bool audioVisualOnly) -> Result<QList<Segment>> {
            QList<Segment> out;
            if (!set.set)
                return out;
            storage::AnnotationQuery q;
            q.videos = {v.id};
            q.labelSet = set.set->id;
            q.confirmedOnly = true;
            auto found = repo.segments(q);
            if (!found)
                return found.error();
            for (const Segment &s : std::as_const(*found)) {
                if (s.modality == Modality::Unspecified || s.classIndex < 0
                    || s.classIndex >= int(set.toPack.size())
                    || set.toPack[size_t(s.classIndex)] < 0)
                    continue;
                if (audioVisualOnly && s.modality != Modality::AudioVisual)
                    continue;
                Segment p = s;
                p.classIndex = set.toPack[size_t(s.classIndex)];
                out.append(p);
            }
            return out;
        };
        if (wantAvvp) {
            auto s = segmentsOf(avvpSet, false);
            if (!s)
                return s.error();
            vl.avvp = *s;
        }
        if (wantAve) {
            auto s = segmentsOf(aveSet, sharedSet);
            if (!s)
                return s.error();
            vl.ave = *s;
        }
        if (wantAvs) {
            storage::AnnotationQuery q;
            q.videos = {v.id};
            q.confirmedOnly = true;
            auto objects = repo.maskObjects(q);
            if (!objects)
                return objects.error();
            QList<MaskObjectId> ids;
            for (const MaskObject &obj : std::as_const(*objects))
                ids.append(obj.id);
            auto frames = repo.maskFrames(ids);
            if (!frames)
                return frames.error();
            for (const MaskFrame &f : std::as_const(*frames)) {
                if (f.mask.isNull())
                    continue;
                MaskTruth &t = vl.masks[f.time.microseconds()];
                if (t.pixels.isEmpty()) {
                    t.width = f.mask.width();
                    t.height = f.mask.height();
                    t.pixels = f.mask.toPixels();
                } else {
                    const QByteArray px = f.mask.toPixels(t.width, t.height);
                    for (qsizetype i = 0; i < px.size(); ++i)
                        t.pixels[i] = char(t.pixels.at(i) | px.at(i));
                }
            }
        }
        if (vl.avvp.isEmpty() && vl.ave.isEmpty() && vl.masks.isEmpty())
            continue;
        if (!v.hasFile() || !QFileInfo::exists(v.path)) {
            summary.notes.append(QStringLiteral("%1: confirmed annotations but no media file, left "
                                                "out")
                                     .arg(v.title));
            continue;
        }
        labelled.push_back(std::move(vl));
    }
    if (labelled.empty() && !summary.notes.isEmpty())
        return Error(QStringLiteral("%1 video(s) with confirmed annotations, %2 among them, have "
                                    "no media file to compute features from: add the videos' "
                                    "files to the library, then fine-tune")
                         .arg(summary.notes.size())
                         .arg(summary.notes.constFirst().section(QLatin1Char(':'), 0, 0)),
                     db->location());
    if (labelled.empty()) {
        QStringList sets;
        if (avvpSet.set)
            sets << QStringLiteral("'%1'").arg(avvpSet.set->name);
        if (aveSet.set && !sharedSet)
            sets << QStringLiteral("'%1'").arg(aveSet.set->name);
        return Error(QStringLiteral("the library has no confirmed annotations the pack's heads can "
                                    "learn from (label sets %1%2): accept or correct proposals, "
                                    "or import annotations, then fine-tune")
                         .arg(sets.isEmpty() ? QStringLiteral("none found")
                                             : sets.join(QStringLiteral(", ")),
                              wantAvs ? QStringLiteral(", or confirmed masks") : QString()),
                     db->location());
    }

    // Features of the labelled videos, window by window.
    const QString cacheDir = o.cacheDir.isEmpty() ? defaultFeatureCacheDir(db.get()) : o.cacheDir;
    const int T = m.segmentsPerWindow();
    const Time segLength = Time::fromSeconds(m.segmentLength);
    const PackHead *avvpHead = m.head(kAvvp);
    const PackHead *aveHead = m.head(kAve);
    const PackHead *avsHead = m.head(kAvs);
    AvvpData avvp;
    AveData ave;
    AvsData avs;
    int64_t avvpClasses = wantAvvp ? lp.avvp->options().classes : 0;
    int64_t aveClasses = wantAve ? lp.ave->options().classes : 0;
    QElapsedTimer encodeTimer;
    encodeTimer.start();
    for (size_t i = 0; i < labelled.size(); ++i) {
        const VideoLabels &vl = labelled[i];
        const bool useAvvp = wantAvvp && !vl.avvp.isEmpty();
        const bool useAve = wantAve && !vl.ave.isEmpty();
        const bool useAvs = wantAvs && !vl.masks.isEmpty();
        QStringList encoders;
        for (const auto &[use, head] : {std::pair{useAvvp, avvpHead},
                                        std::pair{useAve, aveHead},
                                        std::pair{useAvs, avsHead}}) {
            if (!use)
                continue;
            for (const QString &e : head->features) {
                if (!encoders.contains(e))
                    encoders << e;
            }
        }
        FinetuneProgress p;
        p.stage = FinetuneProgress::Stage::Encoding;
        p.done = int(i);
        p.total = int(labelled.size());
        p.item = vl.video.title;
        report(p);
        auto wf = encodeWindows(lp, vl.video.path, encoders, cacheDir, cancel, {});
        if (!wf) {
            if (cancel.isCancelled())
                return summary;
            return Error(QStringLiteral("%1: %2").arg(vl.video.title, wf.error().message),
                         wf.error().file);
        }
        if (!wf->fromCache)
            ++summary.encodedVideos;
        // Normal tensors (encodeWindows works in inference mode).
        std::map<QString, at::Tensor> f;
        for (auto &[name, t] : wf->features)
            f[name] = t.clone();
        auto feature = [&](const PackHead *h, const char *input) {
            const QString name = h->features.value(QLatin1String(input));
            return name.isEmpty() ? at::Tensor() : f.at(name);
        };
        const int W = int(wf->starts.size());
        ++summary.videos;
        for (int w = 0; w < W; ++w) {
            const Time ws = wf->starts[size_t(w)];
            if (useAvvp) {
                at::Tensor a = at::zeros({T, avvpClasses}), v = at::zeros({T, avvpClasses});
                for (const Segment &s : std::as_const(vl.avvp)) {
                    for (int t = 0; t < T; ++t) {
                        if (!covers(s,
                                    ws + Time::fromMicroseconds(segLength.microseconds() * t),
                                    segLength))
                            continue;
                        if (modalityIncludes(s.modality, Modality::Audio))
                            a[t][s.classIndex] = 1.f;
                        if (modalityIncludes(s.modality, Modality::Visual))
                            v[t][s.classIndex] = 1.f;
                    }
                }
                avvp.audioLabels.push_back(a);
                avvp.visualLabels.push_back(v);
                avvp.audio.push_back(perSegment(feature(avvpHead, "audio")[w], T));
                avvp.visual.push_back(feature(avvpHead, "visual")[w]);
                const at::Tensor st = feature(avvpHead, "st");
                avvp.st.push_back(st.defined() ? perSegment(st[w], T) : at::Tensor());
                summary.segments += T;
            }
            if (useAve) {
                at::Tensor events = at::zeros({T});
                std::vector<int> count(size_t(aveClasses), 0);
                for (int t = 0; t < T; ++t) {
                    const Time bin = ws + Time::fromMicroseconds(segLength.microseconds() * t);
                    // The class covering most of the segment.
                    Time best;
                    int cls = -1;
                    for (const Segment &s : std::as_const(vl.ave)) {
                        const Time from = std::max(s.onset, bin);
                        const Time to = std::min(s.offset, bin + segLength);
                        if (covers(s, bin, segLength) && to - from > best) {
                            best = to - from;
                            cls = s.classIndex;
                        }
                    }
                    if (cls >= 0) {
                        events[t] = 1.f;
                        ++count[size_t(cls)];
                    }
                }
                const auto top = std::max_element(count.begin(), count.end());
                ave.classes.push_back(*top > 0 ? int64_t(top - count.begin()) : -1);
                ave.events.push_back(events);
                ave.audio.push_back(perSegment(feature(aveHead, "audio")[w], T));
                ave.visual.push_back(perSegment(feature(aveHead, "visual")[w], T));
                summary.segments += T;
            }
            ++summary.windows;
        }
        if (useAvs) {
            const PackEncoder &mapEncoder = *m.encoder(
                avsHead->features.value(QStringLiteral("map")));
            const PackFrameInput fi = m.frameInput(mapEncoder);
            const std::vector<double> times = fi.times(m.windowLength);
            double tolerance = 0.5;
            for (size_t k = 1; k < times.size(); ++k)
                tolerance = std::min(tolerance, (times[k] - times[k - 1]) / 2);
            const at::Tensor maps = feature(avsHead, "map");                   // [W,N,C,h,w]
            const at::Tensor audio = perSegment(feature(avsHead, "audio"), T); // [W,T,A]
            const int H = std::max(8, fi.height / 2), Wd = std::max(8, fi.width / 2);
            std::set<qint64> used;
            for (int w = 0; w < W; ++w) {
                const Time ws = wf->starts[size_t(w)];
                for (size_t k = 0; k < times.size(); ++k) {
                    const Time when = ws + Time::fromSeconds(times[k]);
                    if (when >= wf->end)
                        continue;
                    // The confirmed mask nearest to this frame, within the tolerance.
                    auto it = vl.masks.lowerBound(when.microseconds());
                    std::optional<qint64> best;
                    for (auto c : {it, it == vl.masks.cbegin() ? vl.masks.cend() : std::prev(it)}) {
                        if (c == vl.masks.cend())
                            continue;
                        const double d = std::abs(double(c.key() - when.microseconds())) / 1e6;
                        if (d <= tolerance + 1e-9
                            && (!best
                                || std::abs(c.key() - when.microseconds())
                                       < std::abs(*best - when.microseconds())))
                            best = c.key();
                    }
                    if (!best || !used.insert(*best).second)
                        continue;
                    const MaskTruth mt = vl.masks.value(*best);
                    at::Tensor px = at::from_blob(const_cast<char *>(mt.pixels.constData()),
                                                  {1, 1, mt.height, mt.width},
                                                  at::kByte)
                                        .to(at::kFloat);
                    // Binary at the size trained on: a person's mask says in or out.
                    avs.masks.push_back(
                        at::adaptive_avg_pool2d(px, {H, Wd})[0].gt(0.5).to(at::kFloat));
                    avs.maps.push_back(maps[w][int64_t(k)]);
                    const int64_t row = std::clamp<int64_t>(int64_t((when - ws).seconds()
                                                                    / m.segmentLength),
                                                            0,
                                                            audio.size(1) - 1);
                    avs.audio.push_back(audio[w][row]);
                    ++summary.maskFrames;
                }
            }
        }
    }
    summary.encodeSeconds = encodeTimer.elapsed() / 1000.0;
    if (wantAvvp && avvp.audio.empty())
        summary.notes.append(QStringLiteral("no confirmed AVVP segments: the AVVP head is kept"));
    if (wantAve && ave.audio.empty())
        summary.notes.append(
            sharedSet ? QStringLiteral("no confirmed audio-visual segments: the AVE head is kept")
                      : QStringLiteral("no confirmed AVE segments: the AVE head is kept"));
    if (wantAvs && avs.maps.empty())
        summary.notes.append(
            QStringLiteral("no confirmed masks on the frames the pack samples: the AVS decoder is "
                           "kept"));

    // The heads to tune and their data, on the device.
    std::vector<Trainee> trainees;
    try {
        if (!avvp.audio.empty()) {
            Trainee t;
            t.task = kAvvp;
            t.module = lp.avvp.get();
            t.data->inputs = {stackOn(avvp.audio, device),
                              stackOn(avvp.visual, device),
                              stackOn(avvp.st, device),
                              stackOn(avvp.audioLabels, device),
                              stackOn(avvp.visualLabels, device)};
            t.data->size = int64_t(avvp.audio.size());
            std::shared_ptr<Batchable> d = t.data;
            nn::AvvpHeadImpl *head = lp.avvp.get();
            auto forward = [d, head](const at::Tensor &index) {
                return head->forward(d->take(0, index), d->take(1, index), d->take(2, index));
            };
            auto lossOf = [d](const nn::AvvpOutput &out, const at::Tensor &index) {
                const at::Tensor a = d->take(3, index), v = d->take(4, index);
                const at::Tensor weak = at::maximum(a, v).amax(1);
                return nn::valorLoss(out, weak, a, v);
            };
            t.loss = [forward, lossOf](const at::Tensor &index) {
                return lossOf(forward(index), index);
            };
            const float thr = float(avvpHead->threshold);
            t.fitParts = [forward, lossOf, d, thr](const at::Tensor &index) {
                const nn::AvvpOutput out = forward(index);
                const double loss = lossOf(out, index).item<double>() * double(index.size(0));
                const at::Tensor truth = at::stack({d->take(3, index), d->take(4, index)}, 2) > 0.5;
                const at::Tensor pred = (out.frameProb >= thr)
                                        & (out.globalProb >= thr).unsqueeze(1).unsqueeze(1);
                const double tp = (pred & truth).sum().item<double>();
                const double fp = (pred & ~truth).sum().item<double>();
                const double fn = (~pred & truth).sum().item<double>();
                return std::array<double, 3>{loss, 2 * tp, 2 * tp + fp + fn};
            };
            t.scoreName = QStringLiteral("segment F-score");
            trainees.push_back(std::move(t));
        }
        if (!ave.audio.empty()) {
            Trainee t;
            t.task = kAve;
            t.module = lp.ave.get();
            t.data->inputs = {stackOn(ave.audio, device),
                              stackOn(ave.visual, device),
                              stackOn(ave.events, device),
                              at::tensor(ave.classes, at::kLong).to(device)};
            t.data->size = int64_t(ave.audio.size());
            std::shared_ptr<Batchable> d = t.data;
            nn::AveHeadImpl *head = lp.ave.get();
            const int64_t C = aveClasses;
            auto forward = [d, head](const at::Tensor &index) {
                return head->forward(d->take(0, index), d->take(1, index));
            };
            t.loss = [forward, d](const at::Tensor &index) {
                return aveFinetuneLoss(forward(index), d->take(2, index), d->take(3, index));
            };
            t.fitParts = [forward, d, C](const at::Tensor &index) {
                const nn::AveOutput out = forward(index);
                const at::Tensor events = d->take(2, index), cls = d->take(3, index);
                const double loss = aveFinetuneLoss(out, events, cls).item<double>()
                                    * double(index.size(0));
                const at::Tensor truth = at::where(events > 0.5,
                                                   cls.clamp_min(0).unsqueeze(1).expand_as(events),
                                                   at::full_like(events, double(C), at::kLong));
                const at::Tensor pred = nn::aveSegmentLabels(out);
                return std::array<double, 3>{loss,
                                             pred.eq(truth).sum().item<double>(),
                                             double(truth.numel())};
            };
            t.scoreName = QStringLiteral("segment accuracy");
            trainees.push_back(std::move(t));
        }
        if (!avs.maps.empty()) {
            Trainee t;
            t.task = kAvs;
            t.module = lp.avs.get();
            t.data->inputs = {stackOn(avs.maps, device),
                              stackOn(avs.audio, device),
                              stackOn(avs.masks, device)};
            t.data->size = int64_t(avs.maps.size());
            std::shared_ptr<Batchable> d = t.data;
            nn::AvsDecoderImpl *head = lp.avs.get();
            const float thr = float(avsHead->threshold);
            auto forward = [d, head](const at::Tensor &index) {
                const at::Tensor masks = d->take(2, index);
                return head->forward(d->take(0, index),
                                     d->take(1, index),
                                     masks.size(2),
                                     masks.size(3));
            };
            t.loss = [forward, d](const at::Tensor &index) {
                return nn::avsLoss(forward(index), d->take(2, index));
            };
            t.fitParts = [forward, d, thr](const at::Tensor &index) {
                const at::Tensor logits = forward(index);
                const at::Tensor masks = d->take(2, index);
                const double loss = nn::avsLoss(logits, masks).item<double>()
                                    * double(index.size(0));
                const at::Tensor pred = (at::sigmoid(logits) > thr).flatten(1);
                const at::Tensor truth = (masks > 0.5).flatten(1);
                const at::Tensor inter = (pred & truth).sum(1).to(at::kDouble);
                const at::Tensor uni = (pred | truth).sum(1).to(at::kDouble);
                const at::Tensor tn = (~pred & ~truth).sum(1).to(at::kDouble);
                // As the benchmark: an empty true mask scores its true-negative share.
                const at::Tensor iou = at::where(truth.any(1),
                                                 inter / uni.clamp_min(1),
                                                 tn / double(truth.size(1)));
                return std::array<double, 3>{loss, iou.sum().item<double>(), double(index.size(0))};
            };
            t.scoreName = QStringLiteral("mIoU");
            trainees.push_back(std::move(t));
        }
    } catch (const std::exception &e) {
        return Error(QStringLiteral("preparing the labels failed: %1").arg(errorText(e)));
    }
    if (trainees.empty())
        return Error(QStringLiteral("nothing to fine-tune: %1")
                         .arg(summary.notes.join(QStringLiteral("; "))),
                     db->location());

    // Training.
    int64_t stepsPerEpoch = 0;
    for (const Trainee &t : trainees)
        stepsPerEpoch += (t.data->size + o.batchSize - 1) / o.batchSize;
    const int64_t totalSteps = stepsPerEpoch * o.epochs;
    int64_t stepsDone = 0;
    QElapsedTimer trainTimer;
    try {
        std::vector<std::unique_ptr<torch::optim::Adam>> optimizers;
        for (Trainee &t : trainees) {
            const auto fit = fitOf(t);
            summary.fits.push_back(
                {t.task, int(t.data->size), fit.first, 0, t.scoreName, fit.second, 0});
            for (at::Tensor &p : t.module->parameters())
                p.set_requires_grad(true);
            optimizers.push_back(
                std::make_unique<torch::optim::Adam>(t.module->parameters(),
                                                     torch::optim::AdamOptions(o.learningRate)));
        }
        trainTimer.start();
        for (int epoch = 1; epoch <= o.epochs; ++epoch) {
            std::mt19937_64 rng(o.seed * 1000003ULL + std::uint64_t(epoch));
            torch::manual_seed(o.seed * 7919ULL + std::uint64_t(epoch));
            // Cosine schedule from the learning rate down to a tenth of it.
            const double lr = o.learningRate
                              * (0.1 + 0.9 * 0.5 * (1 + std::cos(M_PI * (epoch - 1) / o.epochs)));
            double sum = 0;
            int64_t steps = 0;
            for (size_t k = 0; k < trainees.size(); ++k) {
                Trainee &t = trainees[k];
                torch::optim::Adam &optimizer = *optimizers[k];
                for (auto &group : optimizer.param_groups())
                    static_cast<torch::optim::AdamOptions &>(group.options()).lr(lr);
                std::vector<int64_t> order(size_t(t.data->size));
                std::iota(order.begin(), order.end(), 0);
                std::shuffle(order.begin(), order.end(), rng);
                t.module->train();
                for (int64_t first = 0; first < t.data->size; first += o.batchSize) {
                    if (cancel.isCancelled()) {
                        summary.seconds = timer.elapsed() / 1000.0;
                        summary.fits.clear();
                        return summary;
                    }
                    const std::vector<int64_t> idx(order.begin() + first,
                                                   order.begin()
                                                       + std::min<int64_t>(t.data->size,
                                                                           first + o.batchSize));
                    optimizer.zero_grad();
                    at::Tensor loss = t.loss(at::tensor(idx, at::kLong).to(device));
                    loss.backward();
                    torch::nn::utils::clip_grad_norm_(t.module->parameters(), 5.0);
                    optimizer.step();
                    sum += loss.item<double>();
                    ++steps;
                    ++stepsDone;
                    FinetuneProgress p;
                    p.stage = FinetuneProgress::Stage::Training;
                    p.done = int(stepsDone);
                    p.total = int(totalSteps);
                    p.epoch = epoch;
                    p.epochs = o.epochs;
                    p.loss = sum / double(steps);
                    p.eta = trainTimer.elapsed() / 1000.0 / double(stepsDone)
                            * double(totalSteps - stepsDone);
                    report(p);
                }
            }
        }
        for (size_t k = 0; k < trainees.size(); ++k) {
            const auto fit = fitOf(trainees[k]);
            summary.fits[k].lossAfter = fit.first;
            summary.fits[k].scoreAfter = fit.second;
        }
    } catch (const std::exception &e) {
        return Error(QStringLiteral("fine-tuning failed: %1").arg(errorText(e)), manifestPath);
    }
    summary.epochs = o.epochs;

    // The new pack version.
    FinetuneProgress writing;
    writing.stage = FinetuneProgress::Stage::Writing;
    report(writing);
    summary.version = o.version.isEmpty() ? nextVersion(m.id, m.version, o.packsDir) : o.version;
    if (summary.version.contains(QLatin1Char('/')) || summary.version.contains(QLatin1Char('@')))
        return Error(
            QStringLiteral("the version must not contain '@' or '/': %1").arg(summary.version));
    const QString target = !o.outDir.isEmpty()
                               ? QDir(o.outDir).absolutePath()
                               : QDir(o.packsDir)
                                     .filePath(QStringLiteral("%1-%2").arg(m.id, summary.version));
    if (QFileInfo::exists(target))
        return Error(QStringLiteral("the folder exists already: choose another version or folder"),
                     target);
    const QString parent = QFileInfo(target).absolutePath();
    if (!QDir().mkpath(parent))
        return Error(QStringLiteral("cannot create the folder"), parent);
    const QString partial = QDir(parent).filePath(QStringLiteral(".partial-")
                                                  + QFileInfo(target).fileName());
    QDir(partial).removeRecursively();
    auto discard = [&](const Error &e) -> Error {
        QDir(partial).removeRecursively();
        return e;
    };
    if (Status s = copyPackFiles(lp.pack(), partial); !s)
        return discard(s.error());
    QJsonArray tuned, fits;
    for (size_t k = 0; k < trainees.size(); ++k) {
        const Trainee &t = trainees[k];
        const PackHead &h = *m.head(t.task);
        if (Status s = saveHead(*t.module, QDir(partial).filePath(h.file)); !s)
            return discard(s.error());
        tuned.append(t.task);
        const FinetuneFit &f = summary.fits[k];
        fits.append(QJsonObject{{QStringLiteral("task"), f.task},
                                {QStringLiteral("examples"), f.examples},
                                {QStringLiteral("score"), f.scoreName},
                                {QStringLiteral("before"), std::round(f.scoreBefore * 100) / 100},
                                {QStringLiteral("after"), std::round(f.scoreAfter * 100) / 100},
                                {QStringLiteral("loss_before"), f.lossBefore},
                                {QStringLiteral("loss_after"), f.lossAfter}});
    }
    summary.seconds = timer.elapsed() / 1000.0;
    QJsonObject training{{QStringLiteral("tool"), QStringLiteral("earmark finetune")},
                         {QStringLiteral("fine_tuned_from"),
                          QJsonObject{{QStringLiteral("id"), m.id},
                                      {QStringLiteral("version"), m.version}}},
                         {QStringLiteral("library"), db->location()},
                         {QStringLiteral("videos"), summary.videos},
                         {QStringLiteral("windows"), summary.windows},
                         {QStringLiteral("segments"), summary.segments},
                         {QStringLiteral("mask_frames"), summary.maskFrames},
                         {QStringLiteral("heads"), tuned},
                         {QStringLiteral("fit_on_labels"), fits},
                         {QStringLiteral("epochs"), o.epochs},
                         {QStringLiteral("batch_size"), o.batchSize},
                         {QStringLiteral("learning_rate"), o.learningRate},
                         {QStringLiteral("seed"), QString::number(o.seed)},
                         {QStringLiteral("seconds"), std::round(summary.seconds)},
                         {QStringLiteral("torch"), runtimeInfo().torchVersion},
                         {QStringLiteral("supervision"),
                          QStringLiteral(
                              "confirmed (accepted and edited) annotations of the library as dense "
                              "per-segment labels per modality; encoders unchanged")}};
    if (!o.commandLine.isEmpty())
        training.insert(QStringLiteral("command"), o.commandLine);
    if (!summary.notes.isEmpty()) {
        QJsonArray notes;
        for (const QString &n : std::as_const(summary.notes))
            notes.append(n);
        training.insert(QStringLiteral("notes"), notes);
    }
    const QString suffix = QStringLiteral("Fine-tuned from version %1 on the confirmed annotations "
                                          "of %2 videos (%3).")
                               .arg(m.version)
                               .arg(summary.videos)
                               .arg(QFileInfo(db->location()).fileName());
    if (Status s = rewriteManifest(partial, summary.version, training, suffix); !s)
        return discard(s.error());
    if (Status s = updatePackChecksums(partial); !s)
        return discard(s.error());
    if (auto check = openPack(partial, VerifyFiles::Yes); !check)
        return discard(check.error());
    // An active pack named by id alone would now mean the new version: keep the one that was
    // active until a person chooses the new one.
    std::optional<Pack> activeBefore;
    if (o.outDir.isEmpty()) {
        if (auto a = PackRegistry(o.packsDir).active())
            activeBefore = *a;
    }
    if (!QDir().rename(partial, target))
        return discard(Error(QStringLiteral("cannot move the new pack into place"), target));
    if (activeBefore) {
        PackRegistry registry(o.packsDir);
        auto now = registry.active();
        if (now && now->folder != activeBefore->folder)
            (void) registry.setActive(QStringLiteral("%1@%2").arg(activeBefore->manifest.id,
                                                                  activeBefore->manifest.version));
    }
    summary.packDir = QFileInfo(target).canonicalFilePath();
    summary.finished = true;
    return summary;
}

} // namespace earmark::inference
