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
#include <memory>
#include <mutex>
#include <numeric>
#include <optional>
#include <random>
#include <thread>

namespace earmark::inference {

namespace {

constexpr int kSegments = 10;     // 10-s clips, 1-s segments
constexpr double kPhase = 0.9375; // one frame per second at 15/16 s: AVSBench's mask frames
constexpr int kSampleRate = 16000;
constexpr int kWarmupEpochs = 2; // head epochs before the AVVP segment pseudo-labels count
constexpr float kMean = 0.5f;
constexpr float kStd = 0.25f;

// ---- The clips and their truth ----

struct ClipTruth
{
    QString name;
    QString video;
    std::vector<float> weak;  // [C] heard or seen
    std::vector<float> heard; // [10, C] the segments where each class is heard
    std::vector<float> seen;  // [10, C] and seen
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
        t.heard.assign(size_t(kSegments * C), 0.f);
        t.seen.assign(size_t(kSegments * C), 0.f);
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
            auto mark = [&](const QJsonArray &span, std::vector<float> &labels) {
                for (int seg = std::max(0, span[0].toInt());
                     seg < std::min(kSegments, span[1].toInt());
                     ++seg)
                    labels[size_t(seg * C + k)] = 1.f;
            };
            if (heard)
                mark(a, t.heard);
            if (seen)
                mark(v, t.seen);
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
    at::Tensor masks;     // [N, 10, S/2, S/2] uint8 (0..255: the mask's coverage of each pixel);
                          // undefined for clips only the heads learn from
    at::Tensor weak;      // [N, C]
    at::Tensor heard;     // [N, 10, C] segment labels (the encoder stage only)
    at::Tensor seen;      // [N, 10, C]
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
    if (!in.masks.defined())
        return {};
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
    o.audio.channels = {32, 64, 128, 128};
    o.audio.embed = 128;
    o.audio.segments = kSegments;
    o.audio.norm = nn::ConvNorm::Batch;
    o.visual.channels = {32, 64, 128, 128};
    o.visual.embed = 128;
    o.visual.norm = nn::ConvNorm::Batch;
    o.visual.mapBlock = 2; // a map at 1/8 of the frame for the AVS decoder
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
    o.avs.visualChannels = o.visual.channels[size_t(o.visual.mapBlock)];
    o.avs.audioDim = o.audio.embed;
    o.avs.hidden = 32;
    o.avs.groups = 8;
    return o;
}

struct NetImpl : torch::nn::Module
{
    explicit NetImpl(const NetOptions &o)
        : options(o)
    {
        audio = register_module("audio", nn::AudioEncoder(o.audio));
        visual = register_module("visual", nn::VisualEncoder(o.visual));
        avs = register_module("avs", nn::AvsDecoder(o.avs));
        aux_a = register_module("aux_a", torch::nn::Linear(o.audio.embed, o.avvp.classes));
        aux_v = register_module("aux_v", torch::nn::Linear(o.visual.embed, o.avvp.classes));
        avvp = register_module("avvp", nn::AvvpHead(o.avvp));
        ave = register_module("ave", nn::AveHead(o.ave));
    }

    // The heads afresh, drawn from torch's random state: the head stage starts from these.
    void resetHeads()
    {
        avvp = replace_module("avvp", nn::AvvpHead(options.avvp));
        ave = replace_module("ave", nn::AveHead(options.ave));
        // LINK compares segments with label-text embeddings; without a text encoder here, each
        // class gets a fixed random unit vector (drawn from the seed) as its label embedding.
        torch::NoGradGuard noGrad;
        for (auto *sem : {&avvp->sem_a, &avvp->sem_v}) {
            at::Tensor t = torch::randn((*sem)->label_text.sizes());
            (*sem)->label_text.copy_(t / t.norm(2, -1, true));
        }
    }

    std::vector<at::Tensor> encoderParameters() const
    {
        std::vector<at::Tensor> out;
        for (const torch::nn::Module *m :
             std::initializer_list<const torch::nn::Module *>{audio.get(),
                                                              visual.get(),
                                                              avs.get(),
                                                              aux_a.get(),
                                                              aux_v.get()}) {
            for (const at::Tensor &p : m->parameters())
                out.push_back(p);
        }
        return out;
    }

    std::vector<at::Tensor> headParameters() const
    {
        std::vector<at::Tensor> out = avvp->parameters();
        for (const at::Tensor &p : ave->parameters())
            out.push_back(p);
        return out;
    }

    NetOptions options;
    nn::AudioEncoder audio{nullptr};
    nn::VisualEncoder visual{nullptr};
    nn::AvsDecoder avs{nullptr};
    torch::nn::Linear aux_a{nullptr}; // the encoders' own classifiers: segment -> classes
    torch::nn::Linear aux_v{nullptr};
    nn::AvvpHead avvp{nullptr};
    nn::AveHead ave{nullptr};
};
TORCH_MODULE(Net);

at::Tensor normalisedFrames(const at::Tensor &bytes) // [..., 3, S, S] uint8
{
    return bytes.to(at::kFloat).div_(255.f).sub_(kMean).div_(kStd);
}

// The encoder stage: the audio encoder classifies each second of the clips' audio, the visual
// encoder each of `framesPerClip` frames drawn from every clip (frames of many clips in a batch,
// not all ten of a few, learn faster), both against the segment labels; the AVS decoder learns
// those frames' masks from the visual map and the audio of the frame's second.
at::Tensor encoderLoss(Net &net, const Inputs &in, const at::Tensor &clips, int framesPerClip)
{
    const int64_t B = clips.size(0);
    at::Tensor a = net->audio->fromLogMel(in.mels.index_select(0, clips)); // [B,T,E]
    at::Tensor loss = at::binary_cross_entropy_with_logits(net->aux_a->forward(a),
                                                           in.heard.index_select(0, clips));

    at::Tensor clip = clips.repeat_interleave(framesPerClip);                      // [B*K]
    at::Tensor second = torch::randint(kSegments, {B * framesPerClip}, at::kLong); // [B*K]
    nn::VisualFeatures vf = net->visual->forward(normalisedFrames(in.frames.index({clip, second})));
    loss = loss
           + at::binary_cross_entropy_with_logits(net->aux_v->forward(vf.vector),
                                                  in.seen.index({clip, second}));

    // Masks at the decoder's own resolution: the analyzer upsamples its output to the video's.
    const int64_t maskSize = in.masks.size(-1);
    at::Tensor masks = in.masks.index({clip, second}).to(at::kFloat).div_(255.f).unsqueeze(1);
    at::Tensor audioOfFrame
        = a.reshape({B * kSegments, -1})
              .index_select(0, at::arange(B).repeat_interleave(framesPerClip) * kSegments + second);
    at::Tensor logits = net->avs->forward(vf.map, audioOfFrame, maskSize, maskSize);
    return loss + nn::avsLoss(logits, masks);
}

// What the trained encoders make of the training clips, computed once for the head stage.
struct Features
{
    at::Tensor audio;        // [N,T,E]
    at::Tensor visual;       // [N,T,E]
    at::Tensor audioPseudo;  // [N,T,C] the encoders' classifiers, restricted to the weak labels
    at::Tensor visualPseudo; // [N,T,C]
};

Features encode(Net &net, const Inputs &in)
{
    torch::NoGradGuard noGrad;
    net->audio->eval();
    net->visual->eval();
    const int64_t N = in.mels.size(0);
    std::vector<at::Tensor> audio, visual;
    for (int64_t i = 0; i < N; i += 16) {
        const int64_t end = std::min(N, i + 16);
        audio.push_back(net->audio->fromLogMel(in.mels.slice(0, i, end)));
        at::Tensor frames = in.frames.slice(0, i, end);
        visual.push_back(net->visual->forward(normalisedFrames(frames.flatten(0, 1)))
                             .vector.view({end - i, kSegments, -1}));
    }
    Features f;
    f.audio = at::cat(audio);
    f.visual = at::cat(visual);
    const at::Tensor weak = in.weak.unsqueeze(1);
    f.audioPseudo = (at::sigmoid(net->aux_a->forward(f.audio)) > 0.5).to(at::kFloat) * weak;
    f.visualPseudo = (at::sigmoid(net->aux_v->forward(f.visual)) > 0.5).to(at::kFloat) * weak;
    return f;
}

// The head stage: AVVP from the weak labels (after a warm-up, with the encoders' segment
// pseudo-labels restricted to the video's labels, weighed by LINK's similarity loss), AVE from its
// segment labels, on the encoders' features.
at::Tensor headLoss(Net &net, const Inputs &in, const Features &f, const at::Tensor &index, int epoch)
{
    at::Tensor a = f.audio.index_select(0, index);
    at::Tensor v = f.visual.index_select(0, index);
    at::Tensor weak = in.weak.index_select(0, index);
    nn::AvvpOutput out = net->avvp->forward(a, v, v);
    at::Tensor loss = epoch <= kWarmupEpochs
                          ? at::binary_cross_entropy(out.globalProb.clamp(1e-7, 1 - 1e-7), weak)
                          : nn::linkLoss(out,
                                         weak,
                                         f.audioPseudo.index_select(0, index),
                                         f.visualPseudo.index_select(0, index));
    nn::AveOutput ave = net->ave->forward(a, v);
    return loss
           + nn::aveLoss(ave,
                         in.aveEvents.index_select(0, index),
                         in.aveClass.index_select(0, index));
}

// ---- Checkpoints ----

QString fingerprint(const TrainOptions &o, const DataSet &pretrain, const DataSet &data)
{
    return QStringLiteral(
               "seed=%1 clips=%2 pretrain=%3 size=%4 batch=%5 frames=%6 steps=%7 pool=%8 "
               "classes=%9")
        .arg(o.seed)
        .arg(data.clips.size())
        .arg(pretrain.clips.size())
        .arg(o.frameSize)
        .arg(o.batchSize)
        .arg(o.framesPerClip)
        .arg(o.stepsPerEpoch)
        .arg(o.maxPool ? QStringLiteral("max") : QStringLiteral("mean"))
        .arg(data.classes.join(QLatin1Char(',')));
}

// Where a run stands: encoder epochs done, then head epochs done.
struct Progress
{
    int encoderEpochs = 0;
    int headEpochs = 0;
};

Status saveCheckpoint(const QString &path,
                      Net &net,
                      torch::optim::Optimizer &encoderOptimizer,
                      torch::optim::Optimizer *headOptimizer,
                      Progress done,
                      const QString &print)
{
    const QString tmp = path + QStringLiteral(".part");
    try {
        torch::serialize::OutputArchive archive;
        net->save(archive);
        torch::serialize::OutputArchive opt;
        encoderOptimizer.save(opt);
        archive.write("optimizer", opt);
        if (headOptimizer) {
            torch::serialize::OutputArchive heads;
            headOptimizer->save(heads);
            archive.write("head_optimizer", heads);
        }
        archive.write("epoch", c10::IValue(int64_t(done.encoderEpochs)));
        archive.write("head_epoch", c10::IValue(int64_t(done.headEpochs)));
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

// Loads the network and the encoder optimizer; the head optimizer's state, when the run was in
// its head stage, goes to `headState` for the caller to load once it has made that optimizer.
Result<Progress> loadCheckpoint(const QString &path,
                                Net &net,
                                torch::optim::Optimizer &optimizer,
                                std::optional<torch::serialize::InputArchive> &headState,
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
        Progress done;
        c10::IValue epoch;
        archive.read("epoch", epoch);
        done.encoderEpochs = int(epoch.toInt());
        c10::IValue headEpoch;
        if (archive.try_read("head_epoch", headEpoch))
            done.headEpochs = int(headEpoch.toInt());
        net->load(archive);
        torch::serialize::InputArchive opt;
        archive.read("optimizer", opt);
        optimizer.load(opt);
        if (done.headEpochs > 0) {
            headState.emplace();
            archive.read("head_optimizer", *headState);
        }
        return done;
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
                 const DataSet &pretrain,
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
                         {QStringLiteral("head_epochs"), o.headEpochs},
                         {QStringLiteral("frames_per_clip"), o.framesPerClip},
                         {QStringLiteral("pretrain_clips"), int(pretrain.clips.size())},
                         {QStringLiteral("pretrain_clip_seed"), QString::number(pretrain.clipSeed)},
                         {QStringLiteral("pretrain_clip_split"), pretrain.split},
                         {QStringLiteral("batch_size"), o.batchSize},
                         {QStringLiteral("frame_size"), o.frameSize},
                         {QStringLiteral("seconds"), std::round(seconds)},
                         {QStringLiteral("final_loss"), finalLoss},
                         {QStringLiteral("torch"), runtimeInfo().torchVersion},
                         {QStringLiteral("supervision"),
                          QStringLiteral(
                              "Encoders: pretrained on the pretraining clips' segment labels "
                              "(each second of audio, each frame, classified), standing in for "
                              "the AudioSet and ImageNet pretraining of published encoders; the "
                              "AVS decoder from those clips' masks. Heads, on the frozen "
                              "encoders: AVVP from the training clips' weak video-level labels "
                              "only (segment pseudo-labels from the encoders' classifiers "
                              "restricted to the video's labels, as VALOR takes them from CLAP "
                              "and CLIP, with LINK's similarity-weighted loss); AVE from its "
                              "segment labels.")}};
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

// Decodes the clips' model inputs with a few threads; their masks only `withMasks`.
Result<Inputs> prepareInputs(const DataSet &data,
                             int size,
                             int threads,
                             bool withMasks,
                             const std::function<void(int)> &prepared,
                             const CancellationToken &cancel)
{
    const int64_t N = int64_t(data.clips.size());
    const int64_t C = data.classes.size();
    Inputs in;
    in.audio = at::zeros({N, int64_t(kSegments) * kSampleRate});
    in.frames = at::zeros({N, kSegments, 3, size, size}, at::kByte);
    if (withMasks)
        in.masks = at::zeros({N, kSegments, size / 2, size / 2}, at::kByte);
    in.weak = at::zeros({N, C});
    in.heard = at::zeros({N, kSegments, C});
    in.seen = at::zeros({N, kSegments, C});
    in.aveEvents = at::zeros({N, kSegments});
    in.aveClass = at::zeros({N}, at::kLong);
    for (int64_t i = 0; i < N; ++i) {
        const ClipTruth &t = data.clips[size_t(i)];
        std::copy(t.weak.begin(), t.weak.end(), in.weak[i].data_ptr<float>());
        std::copy(t.heard.begin(), t.heard.end(), in.heard[i].data_ptr<float>());
        std::copy(t.seen.begin(), t.seen.end(), in.seen[i].data_ptr<float>());
        std::copy(t.aveEvents.begin(), t.aveEvents.end(), in.aveEvents[i].data_ptr<float>());
        in.aveClass[i] = int64_t(t.aveClass);
    }
    std::atomic<int64_t> next{0};
    int done = 0;
    std::mutex mutex;
    std::optional<Error> failure;
    auto work = [&] {
        for (int64_t i = next++; i < N; i = next++) {
            if (cancel.isCancelled())
                return;
            Status s = prepareClip(data.clips[size_t(i)], size, in, i, cancel);
            std::lock_guard lock(mutex);
            if (!s) {
                if (!failure)
                    failure = s.error();
                next = N;
                return;
            }
            if (prepared)
                prepared(++done);
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
    return in;
}

void computeMels(Net &net, Inputs &in)
{
    torch::NoGradGuard noGrad;
    const int64_t N = in.audio.size(0);
    std::vector<at::Tensor> mels;
    for (int64_t i = 0; i < N; i += 32)
        mels.push_back(net->audio->logMel(in.audio.slice(0, i, std::min(N, i + 32))));
    in.mels = at::cat(mels);
    in.audio = at::Tensor();
}

// Cosine learning-rate schedule over a stage's epochs.
void setLearningRate(torch::optim::Optimizer &optimizer, int epoch, int epochs)
{
    const double lr = 1e-3
                      * (0.05 + 0.95 * 0.5 * (1 + std::cos(M_PI * (epoch - 1) / double(epochs))));
    for (auto &group : optimizer.param_groups())
        static_cast<torch::optim::AdamOptions &>(group.options()).lr(lr);
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
    if (options.epochs < 1 || options.headEpochs < 1 || options.batchSize < 1
        || options.framesPerClip < 1 || options.frameSize < 16)
        return Error(QStringLiteral("epochs, batch size and frames per clip must be positive and "
                                    "frames at least 16 pixels"));
    configureRuntime();
    const int threads = options.threads > 0 ? options.threads
                                            : std::max(1, QThread::idealThreadCount());
    at::set_num_threads(threads);

    auto data = readDataSet(options.clipsDir, options.maxClips);
    if (!data)
        return data.error();
    const bool ownPretrain = !options.pretrainDir.isEmpty()
                             && QDir(options.pretrainDir) != QDir(options.clipsDir);
    auto pretrain = ownPretrain ? readDataSet(options.pretrainDir, options.maxClips) : data;
    if (!pretrain)
        return pretrain.error();
    if (pretrain->classes != data->classes)
        return Error(QStringLiteral("its classes.txt lists other classes than the training "
                                    "clips' (%1)")
                         .arg(data->classes.join(QLatin1String(", "))),
                     QDir(options.pretrainDir).filePath(QStringLiteral("classes.txt")));
    const int64_t N = int64_t(data->clips.size());
    const int64_t P = int64_t(pretrain->clips.size());
    const int64_t C = data->classes.size();
    const int S = options.frameSize;
    const QString checkpoint = options.checkpoint.isEmpty()
                                   ? QDir::cleanPath(options.outDir) + QStringLiteral(".checkpoint")
                                   : options.checkpoint;
    if (const QString folder = QFileInfo(checkpoint).absolutePath(); !QDir().mkpath(folder))
        return Error(QStringLiteral("cannot create the checkpoint's folder"), folder);

    TrainSummary summary;
    summary.packDir = options.outDir;
    summary.clips = int(N);
    auto cancelled = [&](int epochs, double loss) {
        summary.epochs = epochs;
        summary.seconds = timer.elapsed() / 1000.0;
        summary.finalLoss = loss;
        return summary; // the last checkpoint stays; resume from it
    };

    // Model inputs, decoded by a few threads.
    const int64_t toPrepare = ownPretrain ? N + P : N;
    auto prepared = [&](int64_t before) {
        return [&, before](int done) {
            if (!progress)
                return;
            TrainProgress p;
            p.stage = TrainProgress::Stage::Preparing;
            p.done = int(before) + done;
            p.total = int(toPrepare);
            p.elapsed = timer.elapsed() / 1000.0;
            p.eta = p.elapsed / p.done * double(p.total - p.done);
            progress(p);
        };
    };
    auto in = prepareInputs(*data, S, threads, !ownPretrain, prepared(0), cancel);
    if (!in)
        return in.error();
    Inputs pretrainInputs;
    if (ownPretrain) {
        auto pre = prepareInputs(*pretrain, S, threads, true, prepared(N), cancel);
        if (!pre)
            return pre.error();
        pretrainInputs = std::move(*pre);
    }
    if (cancel.isCancelled())
        return cancelled(0, 0);

    torch::manual_seed(options.seed);
    const NetOptions no = netOptions(int(C), options.maxPool);
    Net net(no);
    computeMels(net, *in);
    if (ownPretrain)
        computeMels(net, pretrainInputs);
    const Inputs &pre = ownPretrain ? pretrainInputs : *in;

    torch::optim::Adam encoderOptimizer(net->encoderParameters(), torch::optim::AdamOptions(1e-3));
    std::unique_ptr<torch::optim::Adam> headOptimizer;
    const QString print = fingerprint(options, *pretrain, *data);
    Progress done;
    if (options.resume && QFileInfo::exists(checkpoint)) {
        std::optional<torch::serialize::InputArchive> headState;
        auto loaded = loadCheckpoint(checkpoint, net, encoderOptimizer, headState, print);
        if (!loaded)
            return loaded.error();
        done = *loaded;
        if (headState) {
            headOptimizer = std::make_unique<torch::optim::Adam>(net->headParameters(),
                                                                 torch::optim::AdamOptions(1e-3));
            headOptimizer->load(*headState);
        }
        // Head epochs count only when the encoders are finished (else the heads start again).
        summary.resumedFromEpoch = done.encoderEpochs
                                   + (done.encoderEpochs < options.epochs ? 0 : done.headEpochs);
    }

    const int64_t batch = std::min<int64_t>(options.batchSize, P);
    const int64_t encoderSteps = options.stepsPerEpoch > 0 ? options.stepsPerEpoch
                                                           : (P + batch - 1) / batch;
    const int64_t headBatch = std::min<int64_t>(options.batchSize, N);
    const int64_t headSteps = options.stepsPerEpoch > 0 ? options.stepsPerEpoch
                                                        : (N + headBatch - 1) / headBatch;
    const int allEpochs = options.epochs + options.headEpochs;
    const int headEpochsLeft = done.encoderEpochs < options.epochs
                                   ? options.headEpochs
                                   : std::max(0, options.headEpochs - done.headEpochs);
    const int totalSteps = int(encoderSteps * std::max(0, options.epochs - done.encoderEpochs)
                               + headSteps * headEpochsLeft);
    int stepsDone = 0;
    QElapsedTimer trainTimer;
    trainTimer.start();
    double lastLoss = 0;
    auto report = [&](int epoch, double loss) {
        ++stepsDone;
        if (!progress)
            return;
        TrainProgress p;
        p.done = stepsDone;
        p.total = totalSteps;
        p.epoch = epoch;
        p.epochs = allEpochs;
        p.loss = loss;
        p.elapsed = timer.elapsed() / 1000.0;
        p.eta = trainTimer.elapsed() / 1000.0 / stepsDone * (totalSteps - stepsDone);
        progress(p);
    };
    // The epoch's data order and torch's random state depend on (seed, epoch) only.
    auto epochOrder = [&](int64_t n, int epoch) {
        std::mt19937_64 rng(options.seed * 1000003ULL + std::uint64_t(epoch));
        std::vector<int64_t> order(static_cast<size_t>(n));
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), rng);
        torch::manual_seed(options.seed * 7919ULL + std::uint64_t(epoch));
        return order;
    };
    try {
        // Stage 1: the encoders, their classifiers and the AVS decoder. Heads trained on earlier
        // encoders (a run resumed to more encoder epochs) start again.
        if (done.encoderEpochs < options.epochs) {
            done.headEpochs = 0;
            headOptimizer.reset();
        }
        for (int epoch = done.encoderEpochs + 1; epoch <= options.epochs; ++epoch) {
            const std::vector<int64_t> order = epochOrder(P, epoch);
            setLearningRate(encoderOptimizer, epoch, options.epochs);
            net->train();
            double sum = 0;
            for (int64_t step = 0; step < encoderSteps; ++step) {
                if (cancel.isCancelled())
                    return cancelled(epoch - 1, lastLoss);
                std::vector<int64_t> idx;
                for (int64_t k = 0; k < batch; ++k)
                    idx.push_back(order[size_t((step * batch + k) % P)]);
                encoderOptimizer.zero_grad();
                at::Tensor loss = encoderLoss(net, pre, at::tensor(idx), options.framesPerClip);
                loss.backward();
                torch::nn::utils::clip_grad_norm_(net->encoderParameters(), 5.0);
                encoderOptimizer.step();
                sum += loss.item<double>();
                report(epoch, sum / double(step + 1));
            }
            lastLoss = sum / double(encoderSteps);
            done.encoderEpochs = epoch;
            if (Status s = saveCheckpoint(checkpoint, net, encoderOptimizer, nullptr, done, print);
                !s)
                return s.error();
        }

        // Stage 2: the heads on the frozen encoders' features of the training clips.
        const Features features = encode(net, *in);
        if (!headOptimizer) {
            torch::manual_seed(options.seed * 104729ULL);
            net->resetHeads();
            headOptimizer = std::make_unique<torch::optim::Adam>(net->headParameters(),
                                                                 torch::optim::AdamOptions(1e-3));
        }
        for (int epoch = done.headEpochs + 1; epoch <= options.headEpochs; ++epoch) {
            const std::vector<int64_t> order = epochOrder(N, options.epochs + epoch);
            setLearningRate(*headOptimizer, epoch, options.headEpochs);
            net->avvp->train();
            net->ave->train();
            double sum = 0;
            for (int64_t step = 0; step < headSteps; ++step) {
                if (cancel.isCancelled())
                    return cancelled(options.epochs + epoch - 1, lastLoss);
                std::vector<int64_t> idx;
                for (int64_t k = 0; k < headBatch; ++k)
                    idx.push_back(order[size_t((step * headBatch + k) % N)]);
                headOptimizer->zero_grad();
                at::Tensor loss = headLoss(net, *in, features, at::tensor(idx), epoch);
                loss.backward();
                torch::nn::utils::clip_grad_norm_(net->headParameters(), 5.0);
                headOptimizer->step();
                sum += loss.item<double>();
                report(options.epochs + epoch, sum / double(step + 1));
            }
            lastLoss = sum / double(headSteps);
            done.headEpochs = epoch;
            if (Status s = saveCheckpoint(checkpoint,
                                          net,
                                          encoderOptimizer,
                                          headOptimizer.get(),
                                          done,
                                          print);
                !s)
                return s.error();
        }
    } catch (const std::exception &e) {
        return Error(QStringLiteral("training failed: %1")
                         .arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)));
    }
    net->eval();
    summary.epochs = allEpochs;
    summary.finalLoss = lastLoss;
    summary.seconds = timer.elapsed() / 1000.0;
    if (Status s
        = writePack(options, *pretrain, *data, no, net, options.epochs, summary.seconds, lastLoss);
        !s)
        return s.error();
    summary.finished = true;
    return summary;
}

} // namespace earmark::inference
