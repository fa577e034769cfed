#include "inference/train.h"

#include "core/media/audiodecoder.h"
#include "core/media/framesampler.h"
#include "core/media/imagecodec.h"
#include "inference/internal/checkpoint.h"
#include "inference/internal/heads.h"
#include "inference/internal/packmodels.h"
#include "inference/pack.h"
#include "inference/runtime.h"

#include <torch/torch.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <numeric>
#include <random>
#include <thread>

namespace earmark::inference {

namespace {

constexpr int kSegments = 10;     // 10-s clips, 1-s segments
constexpr double kPhase = 0.9375; // one frame per second at 15/16 s: AVSBench's mask frames
constexpr int kSampleRate = 16000;
constexpr int kWarmupEpochs = 2; // epochs before the AVVP segment pseudo-labels count
constexpr float kMean = 0.5f;
constexpr float kStd = 0.25f;

// ---- The clips and their truth ----

struct ClipTruth
{
    QString name;
    QString video;
    std::vector<float> weak; // [C] heard or seen
    int aveClass = 0;
    std::vector<float> aveEvents; // [10]
    QString maskFolder;           // avsbench/gt_masks/<split>/<class>/<name>
};

struct DataSet
{
    QStringList classes;
    QString split;
    std::uint64_t clipSeed = 0;
    std::vector<ClipTruth> clips;
};

Result<QByteArray> readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("cannot read: %1").arg(f.errorString()), path);
    return f.readAll();
}

Result<DataSet> readDataSet(const QString &dir, int maxClips)
{
    DataSet data;
    const QDir root(dir);
    auto classes = readAll(root.filePath(QStringLiteral("classes.txt")));
    if (!classes)
        return Error(classes.error().message
                         + QStringLiteral(" (is this a folder that earmark synth made?)"),
                     classes.error().file);
    for (const QByteArray &line : classes->split('\n')) {
        if (!line.trimmed().isEmpty())
            data.classes.append(QString::fromUtf8(line.trimmed()));
    }
    const QString synthPath = root.filePath(QStringLiteral("synth.json"));
    auto synth = readAll(synthPath);
    if (!synth)
        return synth.error();
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(*synth, &pe);
    if (!doc.isObject())
        return Error(QStringLiteral("not JSON: %1 at offset %2").arg(pe.errorString()).arg(pe.offset),
                     synthPath);
    const QJsonObject top = doc.object();
    data.split = top.value(QLatin1String("split")).toString();
    // A string (64-bit seeds do not fit a JSON number), or a number in older files.
    const QJsonValue seed = top.value(QLatin1String("seed"));
    data.clipSeed = seed.isString() ? seed.toString().toULongLong()
                                    : std::uint64_t(seed.toDouble());
    const QJsonArray clips = top.value(QLatin1String("clips")).toArray();
    if (clips.isEmpty())
        return Error(QStringLiteral("clips: no clips listed"), synthPath);
    const int C = int(data.classes.size());
    for (int i = 0; i < clips.size(); ++i) {
        if (maxClips > 0 && i >= maxClips)
            break;
        const QJsonObject c = clips[i].toObject();
        const QString field = QStringLiteral("clips[%1]").arg(i);
        ClipTruth t;
        t.name = c.value(QLatin1String("name")).toString();
        if (t.name.isEmpty())
            return Error(field + QStringLiteral(".name: missing"), synthPath);
        t.video = root.filePath(QStringLiteral("videos/%1.mp4").arg(t.name));
        if (!QFileInfo::exists(t.video))
            return Error(QStringLiteral("the clip's video is missing"), t.video);
        t.weak.assign(size_t(C), 0.f);
        t.aveEvents.assign(kSegments, 0.f);
        bool primarySeen = false;
        const QJsonArray events = c.value(QLatin1String("events")).toArray();
        for (int e = 0; e < events.size(); ++e) {
            const QJsonObject ev = events[e].toObject();
            const QString cls = ev.value(QLatin1String("class")).toString();
            const int k = int(data.classes.indexOf(cls));
            if (k < 0)
                return Error(QStringLiteral("%1.events[%2].class: '%3' is not in classes.txt")
                                 .arg(field)
                                 .arg(e)
                                 .arg(cls),
                             synthPath);
            const QJsonArray a = ev.value(QLatin1String("audio")).toArray();
            const QJsonArray v = ev.value(QLatin1String("visual")).toArray();
            const bool heard = a.size() == 2 && a[1].toInt() > a[0].toInt();
            const bool seen = v.size() == 2 && v[1].toInt() > v[0].toInt();
            if (heard || seen)
                t.weak[size_t(k)] = 1.f;
            if (ev.value(QLatin1String("primary")).toBool() && !primarySeen) {
                primarySeen = true;
                t.aveClass = k;
                if (heard && seen) {
                    const int on = std::max(a[0].toInt(), v[0].toInt());
                    const int off = std::min(a[1].toInt(), v[1].toInt());
                    for (int s = std::max(0, on); s < std::min(kSegments, off); ++s)
                        t.aveEvents[size_t(s)] = 1.f;
                }
                t.maskFolder = root.filePath(
                    QStringLiteral("avsbench/gt_masks/%1/%2/%3").arg(data.split, cls, t.name));
            }
        }
        if (!primarySeen)
            return Error(field + QStringLiteral(".events: no primary event"), synthPath);
        data.clips.push_back(std::move(t));
    }
    return data;
}

// ---- Model inputs, computed once ----

struct Inputs
{
    at::Tensor audio;     // [N, samples] float waveforms (replaced by log-mels once computed)
    at::Tensor mels;      // [N, mels, frames]
    at::Tensor frames;    // [N, 10, 3, S, S] uint8
    at::Tensor masks;     // [N, 10, S/2, S/2] uint8 (0..255: the mask's coverage of each pixel)
    at::Tensor weak;      // [N, C]
    at::Tensor aveEvents; // [N, 10]
    at::Tensor aveClass;  // [N] int64
};

Status prepareClip(
    const ClipTruth &clip, int size, Inputs &in, int64_t i, const CancellationToken &cancel)
{
    // Audio: as the analyzer's windowAudio decodes one 10-s window.
    media::AudioDecodeOptions ao;
    ao.sampleRate = kSampleRate;
    ao.channels = 1;
    ao.start = Time();
    ao.duration = Time::fromSeconds(kSegments);
    auto pcm = media::decodeAudioBuffer(clip.video, ao, cancel);
    if (!pcm)
        return pcm.error();
    const int64_t samples = in.audio.size(1);
    const size_t n = std::min(pcm->samples.size(), size_t(samples));
    std::copy_n(pcm->samples.begin(), n, in.audio[i].data_ptr<float>());

    // Frames: as the analyzer's windowFrames samples them (RGB bytes, normalised later).
    std::vector<Time> times;
    for (int k = 0; k < kSegments; ++k)
        times.push_back(Time::fromSeconds(k + kPhase));
    media::FrameSamplerOptions fo;
    fo.format.width = size;
    fo.format.height = size;
    fo.format.resize = media::ResizeMode::Stretch;
    fo.format.filter = media::ScaleFilter::Bicubic;
    fo.format.output = media::PixelOutput::Rgb24;
    auto frames = media::sampleFrames(clip.video, times, fo, cancel);
    if (!frames)
        return frames.error();
    if (frames->size() != times.size())
        return Error(QStringLiteral("%1 frames decoded where %2 were asked for")
                         .arg(frames->size())
                         .arg(times.size()),
                     clip.video);
    for (size_t k = 0; k < frames->size(); ++k) {
        const media::VideoFrame &f = (*frames)[k];
        if (f.width != size || f.height != size || f.bytesPerLine != size * 3
            || f.pixels.size() != size_t(size * size * 3))
            return Error(QStringLiteral("frame %1 came back as %2x%3, not %4x%4")
                             .arg(k)
                             .arg(f.width)
                             .arg(f.height)
                             .arg(size),
                         clip.video);
        at::Tensor hwc = at::from_blob(const_cast<uint8_t *>(f.pixels.data()),
                                       {size, size, 3},
                                       at::kByte);
        in.frames[i][int64_t(k)].copy_(hwc.permute({2, 0, 1}));
    }

    // Masks: AVSBench PNGs, mask k at frame 16k - 1 (the frame sampled for second k - 1).
    for (int k = 1; k <= kSegments; ++k) {
        const QString path = QDir(clip.maskFolder)
                                 .filePath(QStringLiteral("%1_%2.png").arg(clip.name).arg(k));
        auto mask = media::readMaskImage(path);
        if (!mask)
            return mask.error();
        at::Tensor m = at::from_blob(const_cast<char *>(mask->pixels.constData()),
                                     {1, 1, mask->height, mask->width},
                                     at::kByte)
                           .to(at::kFloat)
                           .gt(0)
                           .to(at::kFloat);
        m = at::adaptive_avg_pool2d(m, {size / 2, size / 2}).mul(255).round().to(at::kByte);
        in.masks[i][k - 1].copy_(m[0][0]);
    }
    return {};
}

// ---- The networks ----

struct NetOptions
{
    nn::AudioEncoderOptions audio;
    nn::VisualEncoderOptions visual;
    nn::AvvpHeadOptions avvp;
    nn::AveHeadOptions ave;
    nn::AvsDecoderOptions avs;
};

NetOptions netOptions(int classes, bool maxPool)
{
    NetOptions o;
    o.audio.sampleRate = kSampleRate;
    o.audio.fftSize = 1024;
    o.audio.hop = 640;
    o.audio.mels = 48;
    o.audio.channels = {16, 32, 64};
    o.audio.embed = 128;
    o.audio.segments = kSegments;
    o.visual.channels = {16, 32, 64};
    o.visual.embed = 128;
    o.visual.maxPool = maxPool;
    o.audio.maxPool = maxPool;
    o.avvp = nn::AvvpHeadOptions::link(32);
    o.avvp.audioDim = o.avvp.visualDim = o.avvp.stDim = 128;
    o.avvp.hidden = 128;
    o.avvp.heads = 4;
    o.avvp.feedForward = 256;
    o.avvp.layers = 1;
    o.avvp.classes = classes;
    o.avvp.segments = kSegments;
    o.ave.audioDim = o.ave.visualDim = 128;
    o.ave.hidden = 128;
    o.ave.heads = 4;
    o.ave.feedForward = 256;
    o.ave.layers = 1;
    o.ave.classes = classes;
    o.avs.visualChannels = o.visual.channels.back();
    o.avs.audioDim = o.audio.embed;
    o.avs.hidden = 32;
    o.avs.groups = 8;
    return o;
}

struct NetImpl : torch::nn::Module
{
    explicit NetImpl(const NetOptions &o)
    {
        audio = register_module("audio", nn::AudioEncoder(o.audio));
        visual = register_module("visual", nn::VisualEncoder(o.visual));
        avvp = register_module("avvp", nn::AvvpHead(o.avvp));
        ave = register_module("ave", nn::AveHead(o.ave));
        avs = register_module("avs", nn::AvsDecoder(o.avs));
        aux_a = register_module("aux_a", torch::nn::Linear(o.audio.embed, o.avvp.classes));
        aux_v = register_module("aux_v", torch::nn::Linear(o.visual.embed, o.avvp.classes));
        // LINK compares segments with label-text embeddings; without a text encoder here, each
        // class gets a fixed random unit vector (drawn from the seed) as its label embedding.
        torch::NoGradGuard noGrad;
        for (auto *sem : {&avvp->sem_a, &avvp->sem_v}) {
            at::Tensor t = torch::randn((*sem)->label_text.sizes());
            (*sem)->label_text.copy_(t / t.norm(2, -1, true));
        }
    }

    // The audio encoder after its log-mel front end (AudioEncoderImpl::forward's later half).
    at::Tensor audioFromMels(const at::Tensor &mels)
    {
        at::Tensor x = mels.unsqueeze(1);
        for (size_t i = 0; i < audio->blocks->size(); ++i) {
            x = audio->blocks[i]->as<torch::nn::SequentialImpl>()->forward(x);
            if (x.size(2) >= 2 && x.size(3) >= 2)
                x = at::max_pool2d(x, {2, 2});
        }
        x = at::adaptive_avg_pool1d(x.mean(2), {audio->options().segments});
        return audio->proj->forward(x.transpose(1, 2));
    }

    nn::AudioEncoder audio{nullptr};
    nn::VisualEncoder visual{nullptr};
    nn::AvvpHead avvp{nullptr};
    nn::AveHead ave{nullptr};
    nn::AvsDecoder avs{nullptr};
    torch::nn::Linear aux_a{nullptr};
    torch::nn::Linear aux_v{nullptr};
};
TORCH_MODULE(Net);

// Multiple-instance pooling of segment logits [B,T,C] into video probabilities [B,C]: a soft
// maximum (log-mean-exp with sharpness 5), so one clear segment makes the video positive and
// every segment of a negative video is pushed down.
at::Tensor poolSegments(const at::Tensor &logits)
{
    constexpr double r = 5.0;
    const double logT = std::log(double(logits.size(1)));
    return at::sigmoid((at::logsumexp(logits * r, 1) - logT) / r);
}

at::Tensor stepLoss(Net &net, const Inputs &in, const at::Tensor &index, int epoch, int size)
{
    const int64_t B = index.size(0);
    at::Tensor mels = in.mels.index_select(0, index);
    at::Tensor frames = in.frames.index_select(0, index)
                            .to(at::kFloat)
                            .div_(255.f)
                            .sub_(kMean)
                            .div_(kStd)
                            .view({B * kSegments, 3, size, size});
    // Masks at the decoder's own resolution (a quarter of the map's stride): the analyzer
    // upsamples its output to the video's size.
    const int64_t maskSize = in.masks.size(-1);
    at::Tensor masks = in.masks.index_select(0, index)
                           .to(at::kFloat)
                           .div_(255.f)
                           .view({B * kSegments, 1, maskSize, maskSize});
    at::Tensor weak = in.weak.index_select(0, index);

    at::Tensor a = net->audioFromMels(mels); // [B,T,E]
    nn::VisualFeatures vf = net->visual->forward(frames);
    at::Tensor v = vf.vector.view({B, kSegments, -1});

    // Single-modality classifiers: weak labels through multiple-instance pooling.
    at::Tensor auxA = net->aux_a->forward(a);
    at::Tensor auxV = net->aux_v->forward(v);
    at::Tensor loss = at::binary_cross_entropy(poolSegments(auxA).clamp(1e-6, 1 - 1e-6), weak)
                      + at::binary_cross_entropy(poolSegments(auxV).clamp(1e-6, 1 - 1e-6), weak);

    // AVVP from the weak labels; after the warm-up, with segment pseudo-labels from the
    // single-modality classifiers restricted to the video's labels.
    nn::AvvpOutput out = net->avvp->forward(a, v, v);
    static const bool debug = qEnvironmentVariableIsSet("EARMARK_TRAIN_DEBUG");
    if (debug) {
        // How well the single-modality classifiers separate the video's classes from the others.
        torch::NoGradGuard noGrad;
        const at::Tensor w = weak.unsqueeze(1).expand_as(auxA);
        auto mean = [](const at::Tensor &x, const at::Tensor &m) {
            return (x * m).sum().item<double>() / std::max(1.0, m.sum().item<double>());
        };
        std::fprintf(stderr,
                     "\n  audio %.3f/%.3f visual %.3f/%.3f pseudo %.3f/%.3f global %.3f/%.3f\n",
                     mean(at::sigmoid(auxA), w),
                     mean(at::sigmoid(auxA), 1 - w),
                     mean(at::sigmoid(auxV), w),
                     mean(at::sigmoid(auxV), 1 - w),
                     mean((at::sigmoid(auxA) > 0.5).to(at::kFloat), w),
                     mean((at::sigmoid(auxV) > 0.5).to(at::kFloat), w),
                     mean(out.globalProb, weak),
                     mean(out.globalProb, 1 - weak));
    }
    if (epoch <= kWarmupEpochs) {
        loss = loss + at::binary_cross_entropy(out.globalProb.clamp(1e-7, 1 - 1e-7), weak);
    } else {
        at::Tensor w = weak.unsqueeze(1);
        at::Tensor pa = (at::sigmoid(auxA.detach()) > 0.5).to(at::kFloat) * w;
        at::Tensor pv = (at::sigmoid(auxV.detach()) > 0.5).to(at::kFloat) * w;
        loss = loss + nn::linkLoss(out, weak, pa, pv);
    }

    // AVE: segment events and the video's class.
    nn::AveOutput ave = net->ave->forward(a, v);
    loss = loss
           + nn::aveLoss(ave,
                         in.aveEvents.index_select(0, index),
                         in.aveClass.index_select(0, index));

    // AVS: each frame's mask from its map and the audio of its second.
    at::Tensor logits = net->avs->forward(vf.map,
                                          a.reshape({B * kSegments, -1}),
                                          maskSize,
                                          maskSize);
    loss = loss + nn::avsLoss(logits, masks);
    return loss;
}

// ---- Checkpoints ----

QString fingerprint(const TrainOptions &o, const DataSet &data)
{
    return QStringLiteral("seed=%1 clips=%2 size=%3 batch=%4 steps=%5 pool=%6 classes=%7")
        .arg(o.seed)
        .arg(data.clips.size())
        .arg(o.frameSize)
        .arg(o.batchSize)
        .arg(o.stepsPerEpoch)
        .arg(o.maxPool ? QStringLiteral("max") : QStringLiteral("mean"))
        .arg(data.classes.join(QLatin1Char(',')));
}

Status saveCheckpoint(const QString &path,
                      Net &net,
                      torch::optim::Optimizer &optimizer,
                      int epoch,
                      const QString &print)
{
    const QString tmp = path + QStringLiteral(".part");
    try {
        torch::serialize::OutputArchive archive;
        net->save(archive);
        torch::serialize::OutputArchive opt;
        optimizer.save(opt);
        archive.write("optimizer", opt);
        archive.write("epoch", c10::IValue(int64_t(epoch)));
        archive.write("fingerprint", c10::IValue(print.toStdString()));
        archive.save_to(QFile::encodeName(tmp).toStdString());
    } catch (const std::exception &e) {
        QFile::remove(tmp);
        return Error(QStringLiteral("cannot write the checkpoint: %1")
                         .arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)),
                     path);
    }
    QFile::remove(path);
    if (!QFile::rename(tmp, path))
        return Error(QStringLiteral("cannot move the checkpoint into place"), path);
    return {};
}

Result<int> loadCheckpoint(const QString &path,
                           Net &net,
                           torch::optim::Optimizer &optimizer,
                           const QString &print)
{
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(QFile::encodeName(path).toStdString());
        c10::IValue stored;
        archive.read("fingerprint", stored);
        const QString theirs = QString::fromStdString(stored.toStringRef());
        if (theirs != print)
            return Error(QStringLiteral(
                             "the checkpoint was made with other settings (%1); this run "
                             "has %2. Use the same settings, or start afresh without "
                             "--resume")
                             .arg(theirs, print),
                         path);
        net->load(archive);
        torch::serialize::InputArchive opt;
        archive.read("optimizer", opt);
        optimizer.load(opt);
        c10::IValue epoch;
        archive.read("epoch", epoch);
        return int(epoch.toInt());
    } catch (const std::exception &e) {
        return Error(QStringLiteral("cannot read the checkpoint: %1")
                         .arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)),
                     path);
    }
}

// ---- The pack ----

QJsonArray stringArray(const QStringList &list)
{
    QJsonArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}

Status writePack(const TrainOptions &o,
                 const DataSet &data,
                 const NetOptions &no,
                 Net &net,
                 int epochs,
                 double seconds,
                 double finalLoss)
{
    if (!QDir().mkpath(o.outDir))
        return Error(QStringLiteral("cannot create the pack folder"), o.outDir);
    const QDir dir(o.outDir);
    struct File
    {
        const char *name;
        const torch::nn::Module *module;
    };
    for (const File &f : {File{"audio.pt", net->audio.get()},
                          File{"visual.pt", net->visual.get()},
                          File{"avvp.pt", net->avvp.get()},
                          File{"ave.pt", net->ave.get()},
                          File{"avs.pt", net->avs.get()}}) {
        if (Status s = saveStateDict(dir.filePath(QLatin1String(f.name)), stateDictOf(*f.module));
            !s)
            return s;
    }
    const QJsonObject frames{{QStringLiteral("sampling"), QStringLiteral("uniform")},
                             {QStringLiteral("fps"), 1},
                             {QStringLiteral("phase"), kPhase},
                             {QStringLiteral("width"), o.frameSize},
                             {QStringLiteral("height"), o.frameSize},
                             {QStringLiteral("resize"), QStringLiteral("stretch")},
                             {QStringLiteral("filter"), QStringLiteral("bicubic")},
                             {QStringLiteral("mean"), QJsonArray{kMean, kMean, kMean}},
                             {QStringLiteral("std"), QJsonArray{kStd, kStd, kStd}}};
    auto encoder = [](const char *name,
                      const char *input,
                      const char *arch,
                      QJsonObject config,
                      const char *file,
                      const char *output) {
        return QJsonObject{{QStringLiteral("name"), QLatin1String(name)},
                           {QStringLiteral("input"), QLatin1String(input)},
                           {QStringLiteral("kind"), QStringLiteral("native")},
                           {QStringLiteral("arch"), QLatin1String(arch)},
                           {QStringLiteral("config"), config},
                           {QStringLiteral("file"), QLatin1String(file)},
                           {QStringLiteral("output"), QLatin1String(output)}};
    };
    QJsonObject training{{QStringLiteral("tool"), QStringLiteral("earmark train")},
                         {QStringLiteral("seed"), QString::number(o.seed)},
                         {QStringLiteral("clips"), int(data.clips.size())},
                         {QStringLiteral("clip_split"), data.split},
                         {QStringLiteral("clip_seed"), QString::number(data.clipSeed)},
                         {QStringLiteral("epochs"), epochs},
                         {QStringLiteral("batch_size"), o.batchSize},
                         {QStringLiteral("frame_size"), o.frameSize},
                         {QStringLiteral("seconds"), std::round(seconds)},
                         {QStringLiteral("final_loss"), finalLoss},
                         {QStringLiteral("torch"), runtimeInfo().torchVersion},
                         {QStringLiteral("supervision"),
                          QStringLiteral("AVVP from weak video-level labels (segment pseudo-labels "
                                         "from single-modality MIL classifiers, LINK's "
                                         "similarity-weighted loss); AVE from segment labels; AVS "
                                         "from masks")}};
    if (o.stepsPerEpoch > 0)
        training.insert(QStringLiteral("steps_per_epoch"), o.stepsPerEpoch);
    if (!o.commandLine.isEmpty())
        training.insert(QStringLiteral("command"), o.commandLine);
    for (auto it = o.madeFrom.begin(); it != o.madeFrom.end(); ++it)
        training.insert(it.key(), it.value());

    // Keep the metrics of an earlier pack in this folder only if it is the same training.
    QJsonObject metrics;
    QJsonObject manifest{
        {QStringLiteral("earmark_pack"), 1},
        {QStringLiteral("id"), o.packId},
        {QStringLiteral("name"), QStringLiteral("Earmark default models")},
        {QStringLiteral("version"), o.packVersion},
        {QStringLiteral("description"),
         QStringLiteral("Small audio and visual CNN encoders with a LINK-style AVVP head, an AVE "
                        "head and an AVS decoder, trained by Earmark on clips that earmark synth "
                        "made from Debian's recordings and clip art (%1 classes).")
             .arg(data.classes.size())},
        {QStringLiteral("licence"), QStringLiteral("MIT")},
        {QStringLiteral("tasks"),
         QJsonArray{QStringLiteral("avvp"), QStringLiteral("ave"), QStringLiteral("avs")}},
        {QStringLiteral("vocabularies"),
         QJsonObject{{QStringLiteral("synth"), stringArray(data.classes)}}},
        {QStringLiteral("window"),
         QJsonObject{{QStringLiteral("length"), kSegments}, {QStringLiteral("segment"), 1}}},
        {QStringLiteral("inputs"),
         QJsonObject{{QStringLiteral("audio"),
                      QJsonObject{{QStringLiteral("sample_rate"), kSampleRate},
                                  {QStringLiteral("channels"), 1}}},
                     {QStringLiteral("frames"), frames}}},
        {QStringLiteral("encoders"),
         QJsonArray{
             encoder("audio", "audio", "audio-cnn", toJson(no.audio), "audio.pt", "vector"),
             encoder("visual", "frames", "visual-cnn", toJson(no.visual), "visual.pt", "vector"),
             encoder("visual_map", "frames", "visual-cnn", toJson(no.visual), "visual.pt", "map")}},
        {QStringLiteral("heads"),
         QJsonArray{QJsonObject{{QStringLiteral("task"), QStringLiteral("avvp")},
                                {QStringLiteral("arch"), QStringLiteral("link")},
                                {QStringLiteral("file"), QStringLiteral("avvp.pt")},
                                {QStringLiteral("vocabulary"), QStringLiteral("synth")},
                                {QStringLiteral("config"), toJson(no.avvp)},
                                {QStringLiteral("threshold"), 0.5},
                                {QStringLiteral("features"),
                                 QJsonObject{{QStringLiteral("audio"), QStringLiteral("audio")},
                                             {QStringLiteral("visual"), QStringLiteral("visual")},
                                             {QStringLiteral("st"), QStringLiteral("visual")}}}},
                    QJsonObject{{QStringLiteral("task"), QStringLiteral("ave")},
                                {QStringLiteral("arch"), QStringLiteral("ave")},
                                {QStringLiteral("file"), QStringLiteral("ave.pt")},
                                {QStringLiteral("vocabulary"), QStringLiteral("synth")},
                                {QStringLiteral("config"), toJson(no.ave)},
                                {QStringLiteral("threshold"), 0.5},
                                {QStringLiteral("features"),
                                 QJsonObject{{QStringLiteral("audio"), QStringLiteral("audio")},
                                             {QStringLiteral("visual"), QStringLiteral("visual")}}}},
                    QJsonObject{{QStringLiteral("task"), QStringLiteral("avs")},
                                {QStringLiteral("arch"), QStringLiteral("avs-decoder")},
                                {QStringLiteral("file"), QStringLiteral("avs.pt")},
                                {QStringLiteral("config"), toJson(no.avs)},
                                {QStringLiteral("threshold"), 0.5},
                                {QStringLiteral("features"),
                                 QJsonObject{{QStringLiteral("map"), QStringLiteral("visual_map")},
                                             {QStringLiteral("audio"), QStringLiteral("audio")}}}}}},
        {QStringLiteral("training"), training},
        {QStringLiteral("metrics"), metrics},
    };
    const QString path = dir.filePath(QStringLiteral("pack.json"));
    QFile f(path + QStringLiteral(".part"));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || f.write(QJsonDocument(manifest).toJson()) < 0 || !f.flush())
        return Error(QStringLiteral("cannot write: %1").arg(f.errorString()), f.fileName());
    f.close();
    QFile::remove(path);
    if (!QFile::rename(f.fileName(), path))
        return Error(QStringLiteral("cannot move the manifest into place"), path);
    return updatePackChecksums(o.outDir);
}

} // namespace

Result<TrainSummary> trainPack(const TrainOptions &options,
                               const TrainProgressCallback &progress,
                               const CancellationToken &cancel)
{
    QElapsedTimer timer;
    timer.start();
    if (options.outDir.isEmpty())
        return Error(QStringLiteral("no pack folder given"));
    if (options.epochs < 1 || options.batchSize < 1 || options.frameSize < 16)
        return Error(QStringLiteral("epochs and batch size must be positive and frames at least "
                                    "16 pixels"));
    configureRuntime();
    const int threads = options.threads > 0 ? options.threads
                                            : std::max(1, QThread::idealThreadCount());
    at::set_num_threads(threads);

    auto data = readDataSet(options.clipsDir, options.maxClips);
    if (!data)
        return data.error();
    const int64_t N = int64_t(data->clips.size());
    const int64_t C = data->classes.size();
    const int S = options.frameSize;
    const QString checkpoint = options.checkpoint.isEmpty()
                                   ? QDir::cleanPath(options.outDir) + QStringLiteral(".checkpoint")
                                   : options.checkpoint;

    // Model inputs, decoded by a few threads.
    Inputs in;
    in.audio = at::zeros({N, int64_t(kSegments) * kSampleRate});
    in.frames = at::zeros({N, kSegments, 3, S, S}, at::kByte);
    in.masks = at::zeros({N, kSegments, S / 2, S / 2}, at::kByte);
    in.weak = at::zeros({N, C});
    in.aveEvents = at::zeros({N, kSegments});
    in.aveClass = at::zeros({N}, at::kLong);
    for (int64_t i = 0; i < N; ++i) {
        const ClipTruth &t = data->clips[size_t(i)];
        std::copy(t.weak.begin(), t.weak.end(), in.weak[i].data_ptr<float>());
        std::copy(t.aveEvents.begin(), t.aveEvents.end(), in.aveEvents[i].data_ptr<float>());
        in.aveClass[i] = int64_t(t.aveClass);
    }
    {
        std::atomic<int64_t> next{0};
        std::atomic<int> done{0};
        std::mutex mutex;
        std::optional<Error> failure;
        auto work = [&] {
            for (int64_t i = next++; i < N; i = next++) {
                if (cancel.isCancelled())
                    return;
                Status s = prepareClip(data->clips[size_t(i)], S, in, i, cancel);
                std::lock_guard lock(mutex);
                if (!s) {
                    if (!failure)
                        failure = s.error();
                    next = N;
                    return;
                }
                ++done;
                if (progress) {
                    TrainProgress p;
                    p.stage = TrainProgress::Stage::Preparing;
                    p.done = done;
                    p.total = int(N);
                    p.elapsed = timer.elapsed() / 1000.0;
                    p.eta = p.elapsed / p.done * double(N - p.done);
                    progress(p);
                }
            }
        };
        std::vector<std::thread> workers;
        const int jobs = std::max(1, std::min(threads * 2, int(N)));
        for (int j = 0; j < jobs; ++j)
            workers.emplace_back(work);
        for (auto &w : workers)
            w.join();
        if (failure)
            return *failure;
    }
    if (cancel.isCancelled()) {
        TrainSummary s;
        s.packDir = options.outDir;
        s.clips = int(N);
        s.seconds = timer.elapsed() / 1000.0;
        return s;
    }

    torch::manual_seed(options.seed);
    const NetOptions no = netOptions(int(C), options.maxPool);
    Net net(no);
    {
        torch::NoGradGuard noGrad;
        std::vector<at::Tensor> mels;
        for (int64_t i = 0; i < N; i += 32)
            mels.push_back(net->audio->logMel(in.audio.slice(0, i, std::min(N, i + 32))));
        in.mels = at::cat(mels);
        in.audio = at::Tensor();
    }

    torch::optim::Adam optimizer(net->parameters(), torch::optim::AdamOptions(1e-3));
    const QString print = fingerprint(options, *data);
    int startEpoch = 0;
    TrainSummary summary;
    summary.packDir = options.outDir;
    summary.clips = int(N);
    if (options.resume && QFileInfo::exists(checkpoint)) {
        auto epoch = loadCheckpoint(checkpoint, net, optimizer, print);
        if (!epoch)
            return epoch.error();
        startEpoch = *epoch;
        summary.resumedFromEpoch = startEpoch;
    }

    const int64_t batch = std::min<int64_t>(options.batchSize, N);
    const int64_t stepsPerEpoch = options.stepsPerEpoch > 0 ? options.stepsPerEpoch
                                                            : (N + batch - 1) / batch;
    const int totalSteps = int(stepsPerEpoch
                               * (options.epochs - std::min(startEpoch, options.epochs)));
    int stepsDone = 0;
    QElapsedTimer trainTimer;
    trainTimer.start();
    double lastLoss = 0;
    try {
        for (int epoch = startEpoch + 1; epoch <= options.epochs; ++epoch) {
            // The epoch's data order and torch's random state depend on (seed, epoch) only.
            std::mt19937_64 rng(options.seed * 1000003ULL + std::uint64_t(epoch));
            std::vector<int64_t> order(static_cast<size_t>(N));
            std::iota(order.begin(), order.end(), 0);
            std::shuffle(order.begin(), order.end(), rng);
            torch::manual_seed(options.seed * 7919ULL + std::uint64_t(epoch));
            // Cosine learning-rate schedule over the epochs.
            const double lr = 1e-3
                              * (0.05
                                 + 0.95 * 0.5
                                       * (1
                                          + std::cos(M_PI * (epoch - 1) / double(options.epochs))));
            for (auto &group : optimizer.param_groups())
                static_cast<torch::optim::AdamOptions &>(group.options()).lr(lr);
            net->train();
            double sum = 0;
            for (int64_t step = 0; step < stepsPerEpoch; ++step) {
                if (cancel.isCancelled()) {
                    summary.epochs = epoch - 1;
                    summary.seconds = timer.elapsed() / 1000.0;
                    summary.finalLoss = lastLoss;
                    return summary; // the last checkpoint stays; resume from it
                }
                std::vector<int64_t> idx;
                for (int64_t k = 0; k < batch; ++k)
                    idx.push_back(order[size_t((step * batch + k) % N)]);
                optimizer.zero_grad();
                at::Tensor loss = stepLoss(net, in, at::tensor(idx), epoch, S);
                loss.backward();
                torch::nn::utils::clip_grad_norm_(net->parameters(), 5.0);
                optimizer.step();
                sum += loss.item<double>();
                ++stepsDone;
                if (progress) {
                    TrainProgress p;
                    p.done = stepsDone;
                    p.total = totalSteps;
                    p.epoch = epoch;
                    p.epochs = options.epochs;
                    p.loss = sum / double(step + 1);
                    p.elapsed = timer.elapsed() / 1000.0;
                    p.eta = trainTimer.elapsed() / 1000.0 / stepsDone * (totalSteps - stepsDone);
                    progress(p);
                }
            }
            lastLoss = sum / double(stepsPerEpoch);
            if (Status s = saveCheckpoint(checkpoint, net, optimizer, epoch, print); !s)
                return s.error();
        }
    } catch (const std::exception &e) {
        return Error(QStringLiteral("training failed: %1")
                         .arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)));
    }
    net->eval();
    summary.epochs = options.epochs;
    summary.finalLoss = lastLoss;
    summary.seconds = timer.elapsed() / 1000.0;
    if (Status s = writePack(options, *data, no, net, options.epochs, summary.seconds, lastLoss); !s)
        return s.error();
    summary.finished = true;
    return summary;
}

} // namespace earmark::inference
