#include "inference/internal/analyzer.h"

#include "core/base/paths.h"
#include "core/media/audiodecoder.h"
#include "core/media/framesampler.h"
#include "core/media/probe.h"
#include "core/storage/database.h"
#include "inference/internal/packmodels.h"
#include "inference/internal/tensorutil.h"
#include "inference/npy.h"

#include <c10/core/InferenceMode.h>
#include <torch/csrc/jit/serialization/import.h>

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cmath>
#include <set>

namespace earmark::inference {

namespace {

QString errorText(const std::exception &e)
{
    return QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0);
}

Error cancelledError()
{
    return Error(QStringLiteral("the analysis was cancelled"));
}

} // namespace

LoadedPack::Encoder *LoadedPack::encoder(const QString &name)
{
    auto it = m_encoders.find(name);
    return it == m_encoders.end() ? nullptr : &it->second;
}

Result<std::shared_ptr<LoadedPack>> LoadedPack::load(const QString &folder, c10::Device device)
{
    auto pack = openPack(folder, VerifyFiles::Yes);
    if (!pack)
        return pack.error();
    auto lp = std::make_shared<LoadedPack>();
    lp->m_pack = std::move(*pack);
    lp->m_device = device;
    const PackManifest &m = lp->m_pack.manifest;
    for (const PackEncoder &spec : m.encoders) {
        Encoder e;
        e.spec = spec;
        const QString path = lp->m_pack.filePath(spec.file);
        if (spec.kind == QLatin1String("torchscript")) {
            try {
                e.script = torch::jit::load(QFile::encodeName(path).toStdString(), device);
                e.script->eval();
            } catch (const std::exception &ex) {
                return Error(QStringLiteral("encoder '%1': cannot load the TorchScript module: %2")
                                 .arg(spec.name, errorText(ex)),
                             path);
            }
        } else if (spec.input == QLatin1String("audio")) {
            auto enc = loadAudioEncoder(path, spec.config, device);
            if (!enc)
                return enc.error();
            if ((*enc)->options().sampleRate != m.audioInput(spec).sampleRate)
                return Error(QStringLiteral("encoder '%1' is configured for %2 Hz but its audio "
                                            "input is %3 Hz")
                                 .arg(spec.name)
                                 .arg((*enc)->options().sampleRate)
                                 .arg(m.audioInput(spec).sampleRate),
                             path);
            e.audio = *enc;
        } else {
            auto enc = loadVisualEncoder(path, spec.config, device);
            if (!enc)
                return enc.error();
            e.visual = *enc;
        }
        lp->m_encoders.emplace(spec.name, std::move(e));
    }
    for (const PackHead &h : m.heads) {
        const QString path = lp->m_pack.filePath(h.file);
        if (h.task == QLatin1String("avvp")) {
            auto config = avvpHeadConfig(h.arch, h.config);
            if (!config)
                return Error(config.error().message, path);
            auto head = loadAvvpHead(path, *config, device);
            if (!head)
                return head.error();
            lp->avvp = *head;
        } else if (h.task == QLatin1String("ave")) {
            auto head = loadAveHead(path, h.config, device);
            if (!head)
                return head.error();
            lp->ave = *head;
        } else if (h.task == QLatin1String("avs")) {
            auto head = loadAvsDecoder(path, h.config, device);
            if (!head)
                return head.error();
            lp->avs = *head;
        }
        const QStringList vocab = m.vocabularies.value(h.vocabulary);
        const int64_t classes = lp->avvp && h.task == QLatin1String("avvp")
                                    ? lp->avvp->options().classes
                                : lp->ave && h.task == QLatin1String("ave")
                                    ? lp->ave->options().classes
                                    : int64_t(vocab.size());
        if (h.task != QLatin1String("avs") && classes != vocab.size())
            return Error(QStringLiteral(
                             "the %1 head predicts %2 classes but vocabulary '%3' has %4")
                             .arg(h.task)
                             .arg(classes)
                             .arg(h.vocabulary)
                             .arg(vocab.size()),
                         QDir(lp->m_pack.folder).filePath(QStringLiteral("pack.json")));
    }
    return lp;
}

at::Tensor LoadedPack::encode(Encoder &e, const at::Tensor &input)
{
    if (e.script) {
        at::Tensor in = e.spec.input == QLatin1String("frames") ? input.unsqueeze(0) : input;
        c10::IValue out = e.script->forward({in.to(m_device)});
        at::Tensor t;
        if (out.isTensor())
            t = out.toTensor();
        else if (out.isTuple() && !out.toTupleRef().elements().empty())
            t = out.toTupleRef().elements()[0].toTensor();
        else
            TORCH_CHECK(false, "the encoder returned neither a tensor nor a tuple of tensors");
        TORCH_CHECK(t.dim() >= 2 && t.size(0) == 1,
                    "the encoder returned shape ",
                    t.sizes(),
                    "; expected a batch of one: [1, T, D] or [1, N, C, h, w]");
        return t[0];
    }
    if (e.audio) {
        at::Tensor mono = input.dim() == 3 ? input.mean(1) : input;
        return e.audio->forward(mono.to(m_device))[0];
    }
    nn::VisualFeatures f = e.visual->forward(input.to(m_device));
    return e.spec.output == QLatin1String("map") ? f.map : f.vector;
}

namespace {

struct Window
{
    int firstSegment = 0;
    Time start;
};

// Windows of `spw` segments over `segments` segments: back to back, the last one ending with the
// range (overlapping the one before) so every window is full.
std::vector<Window> planWindows(int segments, int spw, Time start, double segmentLength)
{
    std::vector<Window> out;
    auto add = [&](int first) {
        out.push_back({first, start + Time::fromSeconds(first * segmentLength)});
    };
    if (segments <= spw) {
        add(0);
        return out;
    }
    for (int first = 0; first + spw <= segments; first += spw)
        add(first);
    if (segments % spw)
        add(segments - spw);
    return out;
}

media::ResizeMode resizeMode(const QString &s)
{
    if (s == QLatin1String("fit"))
        return media::ResizeMode::Fit;
    if (s == QLatin1String("crop"))
        return media::ResizeMode::Crop;
    return media::ResizeMode::Stretch;
}

media::ScaleFilter scaleFilter(const QString &s)
{
    if (s == QLatin1String("bilinear"))
        return media::ScaleFilter::Bilinear;
    if (s == QLatin1String("area"))
        return media::ScaleFilter::Area;
    return media::ScaleFilter::Bicubic;
}

// Feature arrays of every window for one encoder, on disk as [windows, ...] float32 .npy.
class FeatureCache
{
public:
    FeatureCache(QString dir, const QString &mediaPath, const std::vector<Window> &windows, Time end)
        : m_dir(std::move(dir))
    {
        const QFileInfo info(mediaPath);
        m_identity = QStringLiteral("v1|%1|%2|%3|%4")
                         .arg(info.absoluteFilePath())
                         .arg(info.size())
                         .arg(info.lastModified().toMSecsSinceEpoch())
                         .arg(end.microseconds());
        for (const Window &w : windows)
            m_identity += QStringLiteral("|%1").arg(w.start.microseconds());
    }

    QString pathFor(const QString &preprocessingKey) const
    {
        if (m_dir.isEmpty())
            return {};
        const QByteArray key = (m_identity + u'|' + preprocessingKey).toUtf8();
        return QDir(m_dir).filePath(
            QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex())
            + QStringLiteral(".npy"));
    }

    std::optional<at::Tensor> load(const QString &key, size_t windows) const
    {
        const QString path = pathFor(key);
        if (path.isEmpty() || !QFileInfo::exists(path))
            return std::nullopt;
        auto a = readNpy(path);
        if (!a || a->rank() < 2 || a->dim(0) != int64_t(windows))
            return std::nullopt; // unreadable or stale: recompute
        at::Tensor t = at::empty(a->shape, at::TensorOptions().dtype(at::kFloat));
        std::memcpy(t.data_ptr<float>(), a->data.data(), a->data.size() * sizeof(float));
        return t;
    }

    void store(const QString &key, const at::Tensor &features) const
    {
        const QString path = pathFor(key);
        if (path.isEmpty() || !QDir().mkpath(m_dir))
            return; // the cache is an optimisation: failing to write it is not an error
        (void) writeNpy(path, toArray(features));
    }

private:
    QString m_dir;
    QString m_identity;
};

} // namespace

at::Tensor perSegment(const at::Tensor &x, int64_t segments)
{
    const int64_t rows = x.size(-2);
    if (rows == segments || rows % segments != 0)
        return x;
    auto sizes = x.sizes().vec();
    sizes[sizes.size() - 2] = segments;
    sizes.insert(sizes.end() - 1, rows / segments);
    return x.reshape(sizes).mean(-2);
}

namespace {

// One window of audio as the encoder takes it: [1, samples] or [1, 2, samples], zeros past the
// range's end or when the file has no audio.
Result<at::Tensor> windowAudio(const QString &path,
                               const media::MediaInfo &info,
                               const PackAudioInput &in,
                               Time start,
                               double windowLength,
                               Time end,
                               const CancellationToken &cancel)
{
    const int64_t samples = int64_t(std::llround(windowLength * in.sampleRate));
    at::Tensor interleaved = at::zeros({samples, in.channels});
    if (info.hasAudio() && start < end) {
        media::AudioDecodeOptions o;
        o.sampleRate = in.sampleRate;
        o.channels = in.channels;
        o.start = start;
        o.duration = std::min(Time::fromSeconds(windowLength), end - start);
        auto buffer = media::decodeAudioBuffer(path, o, cancel);
        if (!buffer)
            return cancel.isCancelled() ? cancelledError() : buffer.error();
        const size_t n = std::min(buffer->samples.size(), size_t(interleaved.numel()));
        std::copy_n(buffer->samples.begin(), n, interleaved.data_ptr<float>());
    }
    return in.channels == 1 ? interleaved.t().contiguous()
                            : interleaved.t().unsqueeze(0).contiguous();
}

// One window's frames as normalised float RGB [N, 3, height, width].
Result<at::Tensor> windowFrames(const QString &path,
                                const PackFrameInput &in,
                                Time start,
                                double windowLength,
                                const CancellationToken &cancel)
{
    std::vector<Time> times;
    for (double t : in.times(windowLength))
        times.push_back(start + Time::fromSeconds(t));
    media::FrameSamplerOptions o;
    o.format.width = in.width;
    o.format.height = in.height;
    o.format.resize = resizeMode(in.resize);
    o.format.filter = scaleFilter(in.filter);
    o.format.output = media::PixelOutput::FloatPlanes;
    o.format.mean = in.mean;
    o.format.std = in.std;
    auto sampled = media::sampleFrames(path, times, o, cancel);
    if (!sampled)
        return cancel.isCancelled() ? cancelledError() : sampled.error();
    if (sampled->size() != times.size())
        return Error(QStringLiteral("%1 frames decoded where %2 were asked for")
                         .arg(sampled->size())
                         .arg(times.size()),
                     path);
    at::Tensor frames = at::empty({int64_t(times.size()), 3, in.height, in.width});
    for (size_t k = 0; k < sampled->size(); ++k) {
        const media::VideoFrame &vf = (*sampled)[k];
        if (vf.planes.size() != size_t(3 * in.width * in.height))
            return Error(QStringLiteral("frame %1 came back as %2x%3, not the %4x%5 the pack asks "
                                        "for")
                             .arg(k)
                             .arg(vf.width)
                             .arg(vf.height)
                             .arg(in.width)
                             .arg(in.height),
                         path);
        std::memcpy(frames[int64_t(k)].data_ptr<float>(),
                    vf.planes.data(),
                    vf.planes.size() * sizeof(float));
    }
    return frames;
}

struct Stitched
{
    std::vector<double> sum;
    std::vector<int> count;
    int stride = 0;

    Stitched(int segments, int stride_)
        : sum(size_t(segments) * size_t(stride_), 0.0)
        , count(size_t(segments), 0)
        , stride(stride_)
    {}
    void add(int segment, const float *values)
    {
        for (int i = 0; i < stride; ++i)
            sum[size_t(segment) * size_t(stride) + size_t(i)] += values[i];
        ++count[size_t(segment)];
    }
    double at(int segment, int i) const
    {
        const int n = std::max(1, count[size_t(segment)]);
        return sum[size_t(segment) * size_t(stride) + size_t(i)] / n;
    }
};

struct EncodedRange
{
    std::map<LoadedPack::Encoder *, at::Tensor> features; // [windows, ...] on the CPU
    bool fromCache = false; // every window's features came from the cache
};

// The features of `encoders` for every window: from the cache in `cacheDir` (none when empty),
// else decoded and encoded window by window and stored there. Reports 0..0.85 of the work.
// Throws what LibTorch throws.
Result<EncodedRange> encodeRange(LoadedPack &lp,
                                 const QString &mediaPath,
                                 const media::MediaInfo &info,
                                 const std::vector<Window> &windows,
                                 Time end,
                                 const std::vector<LoadedPack::Encoder *> &encoders,
                                 const QString &cacheDir,
                                 const CancellationToken &cancel,
                                 const std::function<void(double, const QString &)> &report)
{
    const PackManifest &m = lp.pack().manifest;
    const FeatureCache cache(cacheDir, mediaPath, windows, end);
    EncodedRange out;
    std::map<LoadedPack::Encoder *, at::Tensor> &features = out.features;
    std::vector<LoadedPack::Encoder *> missing;
    for (auto *e : encoders) {
        if (auto cached = cache.load(m.preprocessingKey(e->spec), windows.size()))
            features[e] = *cached;
        else
            missing.push_back(e);
    }
    out.fromCache = missing.empty();
    std::map<LoadedPack::Encoder *, std::vector<at::Tensor>> perWindow;
    // The distinct input settings the missing encoders need: each decoded once per window.
    std::vector<PackAudioInput> audioInputs;
    std::vector<PackFrameInput> frameInputs;
    for (auto *e : missing) {
        if (e->spec.input == QLatin1String("audio")) {
            const PackAudioInput in = m.audioInput(e->spec);
            if (std::find(audioInputs.begin(), audioInputs.end(), in) == audioInputs.end())
                audioInputs.push_back(in);
        } else {
            const PackFrameInput in = m.frameInput(e->spec);
            if (std::find(frameInputs.begin(), frameInputs.end(), in) == frameInputs.end())
                frameInputs.push_back(in);
        }
    }
    for (size_t w = 0; w < windows.size() && !missing.empty(); ++w) {
        if (cancel.isCancelled())
            return cancelledError();
        const double base = 0.85 * double(w) / double(windows.size());
        const double span = 0.85 / double(windows.size());
        report(base, QStringLiteral("Decoding window %1 of %2").arg(w + 1).arg(windows.size()));
        std::vector<at::Tensor> audio, frames;
        for (const PackAudioInput &in : audioInputs) {
            auto pcm
                = windowAudio(mediaPath, info, in, windows[w].start, m.windowLength, end, cancel);
            if (!pcm)
                return pcm.error();
            audio.push_back(*pcm);
        }
        for (const PackFrameInput &in : frameInputs) {
            auto f = windowFrames(mediaPath, in, windows[w].start, m.windowLength, cancel);
            if (!f)
                return f.error();
            frames.push_back(*f);
        }
        report(base + span * 0.6,
               QStringLiteral("Encoding window %1 of %2").arg(w + 1).arg(windows.size()));
        for (auto *e : missing) {
            at::Tensor input;
            if (e->spec.input == QLatin1String("audio")) {
                const auto it = std::find(audioInputs.begin(),
                                          audioInputs.end(),
                                          m.audioInput(e->spec));
                input = audio[size_t(it - audioInputs.begin())];
            } else {
                const auto it = std::find(frameInputs.begin(),
                                          frameInputs.end(),
                                          m.frameInput(e->spec));
                input = frames[size_t(it - frameInputs.begin())];
            }
            perWindow[e].push_back(lp.encode(*e, input).cpu());
        }
    }
    for (auto *e : missing) {
        at::Tensor stacked = at::stack(perWindow[e]);
        features[e] = stacked;
        cache.store(m.preprocessingKey(e->spec), stacked);
    }
    return out;
}

} // namespace

QString defaultFeatureCacheDir(const storage::Database *library)
{
    const QString base = paths::cacheDirFor(library ? library->filePath() : QString());
    return QDir(base).filePath(QStringLiteral("features"));
}

Result<WindowFeatures> encodeWindows(LoadedPack &lp,
                                     const QString &mediaPath,
                                     const QStringList &encoderNames,
                                     const QString &cacheDir,
                                     const CancellationToken &cancel,
                                     const ProgressCallback &progress)
{
    const PackManifest &m = lp.pack().manifest;
    std::vector<LoadedPack::Encoder *> encoders;
    for (const QString &name : encoderNames) {
        LoadedPack::Encoder *e = lp.encoder(name);
        if (!e)
            return Error(QStringLiteral("pack %1 has no encoder named '%2'").arg(m.id, name));
        if (std::find(encoders.begin(), encoders.end(), e) == encoders.end())
            encoders.push_back(e);
    }
    auto info = media::probe(mediaPath);
    if (!info)
        return info.error();
    for (auto *e : encoders) {
        if (e->spec.input == QLatin1String("frames") && !info->hasVideo())
            return Error(QStringLiteral("the pack needs pictures but the file has no video stream"),
                         mediaPath);
    }
    const Time end = info->duration;
    if (end <= Time())
        return Error(QStringLiteral("the file has no duration"), mediaPath);
    const double seg = m.segmentLength;
    const int segments = std::max(1, int(std::ceil(end.seconds() / seg - 1e-6)));
    const std::vector<Window> windows = planWindows(segments, m.segmentsPerWindow(), Time(), seg);
    WindowFeatures out;
    out.end = end;
    out.segments = segments;
    for (const Window &w : windows) {
        out.firstSegments.push_back(w.firstSegment);
        out.starts.push_back(w.start);
    }
    auto report = [&](double f, const QString &stage) {
        if (progress)
            progress(std::clamp(f / 0.85, 0.0, 1.0), stage);
    };
    c10::InferenceMode guard;
    try {
        auto encoded
            = encodeRange(lp, mediaPath, *info, windows, end, encoders, cacheDir, cancel, report);
        if (!encoded)
            return encoded.error();
        out.fromCache = encoded->fromCache;
        for (auto &[e, t] : encoded->features)
            out.features[e->spec.name] = t;
    } catch (const std::exception &e) {
        return Error(QStringLiteral("the model failed: %1").arg(errorText(e)), mediaPath);
    }
    return out;
}

Result<AnalysisResult> analyze(LoadedPack &lp,
                               const AnalysisRequest &request,
                               const QString &cacheDir,
                               const CancellationToken &cancel,
                               const ProgressCallback &progress)
{
    QElapsedTimer timer;
    timer.start();
    const PackManifest &m = lp.pack().manifest;
    auto report = [&](double f, const QString &stage) {
        if (progress)
            progress(std::clamp(f, 0.0, 1.0), stage);
    };

    QStringList tasks = request.tasks.isEmpty() ? m.tasks : request.tasks;
    for (const QString &t : tasks) {
        if (!m.head(t))
            return Error(QStringLiteral("pack %1 has no %2 head (it has: %3)")
                             .arg(m.id, t, m.tasks.join(QStringLiteral(", "))));
    }

    auto info = media::probe(request.mediaPath);
    if (!info)
        return info.error();
    const Time duration = info->duration;
    const Time start = std::max(Time(), request.start);
    const Time end = request.end > Time() ? std::min(request.end, duration) : duration;
    if (end <= start)
        return Error(QStringLiteral("nothing to analyse: the range %1-%2 is empty or past the end "
                                    "(%3)")
                         .arg(formatTime(start, TimeFormat::Precise),
                              formatTime(end, TimeFormat::Precise),
                              formatTime(duration, TimeFormat::Precise)),
                     request.mediaPath);

    // Which encoders the requested heads need.
    std::vector<LoadedPack::Encoder *> encoders;
    for (const QString &t : tasks) {
        for (const QString &name : m.head(t)->features) {
            LoadedPack::Encoder *e = lp.encoder(name);
            if (std::find(encoders.begin(), encoders.end(), e) == encoders.end())
                encoders.push_back(e);
        }
    }
    bool needsFrames = false;
    for (auto *e : encoders)
        needsFrames = needsFrames || e->spec.input == QLatin1String("frames");
    if (needsFrames && !info->hasVideo())
        return Error(QStringLiteral("the pack needs pictures but the file has no video stream"),
                     request.mediaPath);

    const double seg = m.segmentLength;
    const int spw = m.segmentsPerWindow();
    const int segments = std::max(1, int(std::ceil((end - start).seconds() / seg - 1e-6)));
    const std::vector<Window> windows = planWindows(segments, spw, start, seg);

    AnalysisResult result;
    result.mediaPath = request.mediaPath;
    result.videoId = request.videoId;
    result.packId = m.id;
    result.packVersion = m.version;
    result.start = start;
    result.end = end;
    result.windows = int(windows.size());
    result.segmentLength = seg;
    result.device = lp.device().str().c_str();

    c10::InferenceMode guard;
    try {
        auto encoded = encodeRange(lp,
                                   request.mediaPath,
                                   *info,
                                   windows,
                                   end,
                                   encoders,
                                   request.useFeatureCache ? cacheDir : QString(),
                                   cancel,
                                   report);
        if (!encoded)
            return encoded.error();
        std::map<LoadedPack::Encoder *, at::Tensor> &features = encoded->features;
        result.featuresFromCache = encoded->fromCache;
        auto feature = [&](const PackHead &h, const QString &input) {
            return features.at(lp.encoder(h.features.value(input))).to(lp.device());
        };

        report(0.85, QStringLiteral("Running the heads"));
        const int W = int(windows.size());
        for (const QString &task : tasks) {
            if (cancel.isCancelled())
                return cancelledError();
            const PackHead &h = *m.head(task);
            TaskResult tr;
            tr.task = task;
            tr.vocabulary = h.vocabulary;
            tr.classes = m.vocabularies.value(h.vocabulary);
            const float thr = float(h.threshold);
            auto segmentTime = [&](int s) {
                return std::min(end, start + Time::fromSeconds(s * seg));
            };
            if (task == QLatin1String("avvp")) {
                const int C = int(lp.avvp->options().classes);
                nn::AvvpOutput out
                    = lp.avvp->forward(perSegment(feature(h, QStringLiteral("audio")), spw),
                                       feature(h, QStringLiteral("visual")),
                                       perSegment(feature(h, QStringLiteral("st")), spw));
                const at::Tensor frame = out.frameProb.cpu().contiguous();   // [W,T,2,C]
                const at::Tensor global = out.globalProb.cpu().contiguous(); // [W,C]
                Stitched frames(segments, 2 * C), videoLevel(segments, C);
                for (int w = 0; w < W; ++w) {
                    for (int t = 0; t < spw; ++t) {
                        const int s = windows[size_t(w)].firstSegment + t;
                        if (s >= segments)
                            break;
                        frames.add(s, frame[w][t].data_ptr<float>());
                        videoLevel.add(s, global[w].data_ptr<float>());
                    }
                }
                tr.scores = FloatArray({segments, 2, C});
                for (int s = 0; s < segments; ++s) {
                    for (int i = 0; i < 2 * C; ++i)
                        tr.scores.data[size_t(s * 2 * C + i)] = float(frames.at(s, i));
                }
                for (int mod = 0; mod < 2; ++mod) {
                    for (int c = 0; c < C; ++c) {
                        int first = -1;
                        double sum = 0;
                        for (int s = 0; s <= segments; ++s) {
                            const bool on = s < segments && frames.at(s, mod * C + c) >= thr
                                            && videoLevel.at(s, c) >= thr;
                            if (on) {
                                if (first < 0) {
                                    first = s;
                                    sum = 0;
                                }
                                sum += frames.at(s, mod * C + c);
                            } else if (first >= 0) {
                                SegmentProposal p;
                                p.modality = mod == 0 ? annotation::Modality::Audio
                                                      : annotation::Modality::Visual;
                                p.classIndex = c;
                                p.onset = segmentTime(first);
                                p.offset = segmentTime(s);
                                p.confidence = sum / (s - first);
                                tr.segments.push_back(p);
                                first = -1;
                            }
                        }
                    }
                }
            } else if (task == QLatin1String("ave")) {
                const int C = int(lp.ave->options().classes);
                nn::AveOutput out = lp.ave->forward(perSegment(feature(h, QStringLiteral("audio")),
                                                               spw),
                                                    perSegment(feature(h, QStringLiteral("visual")),
                                                               spw));
                const at::Tensor event = out.eventProb.cpu().contiguous(); // [W,T]
                const at::Tensor cls = out.classProb.cpu().contiguous();   // [W,C]
                Stitched events(segments, 1), classes(segments, C);
                for (int w = 0; w < W; ++w) {
                    for (int t = 0; t < spw; ++t) {
                        const int s = windows[size_t(w)].firstSegment + t;
                        if (s >= segments)
                            break;
                        events.add(s, event[w].data_ptr<float>() + t);
                        classes.add(s, cls[w].data_ptr<float>());
                    }
                }
                tr.scores = FloatArray({segments});
                std::vector<int> label(size_t(segments), C); // C: background
                for (int s = 0; s < segments; ++s) {
                    tr.scores.data[size_t(s)] = float(events.at(s, 0));
                    if (events.at(s, 0) <= thr)
                        continue;
                    int best = 0;
                    for (int c = 1; c < C; ++c) {
                        if (classes.at(s, c) > classes.at(s, best))
                            best = c;
                    }
                    label[size_t(s)] = best;
                }
                for (int s = 0; s < segments;) {
                    const int l = label[size_t(s)];
                    int e = s + 1;
                    while (e < segments && label[size_t(e)] == l)
                        ++e;
                    if (l != C) {
                        SegmentProposal p;
                        p.modality = annotation::Modality::AudioVisual;
                        p.classIndex = l;
                        p.onset = segmentTime(s);
                        p.offset = segmentTime(e);
                        double sum = 0;
                        for (int k = s; k < e; ++k)
                            sum += events.at(k, 0);
                        p.confidence = sum / (e - s);
                        tr.segments.push_back(p);
                    }
                    s = e;
                }
            } else if (task == QLatin1String("avs")) {
                const at::Tensor maps = feature(h, QStringLiteral("map")); // [W,N,C,h,w]
                const at::Tensor audio = perSegment(feature(h, QStringLiteral("audio")),
                                                    spw); // [W,T,A]
                const media::StreamInfo *video = info->video();
                const int height = video->displayHeight > 0 ? video->displayHeight : video->height;
                const int width = video->displayWidth > 0 ? video->displayWidth : video->width;
                const PackFrameInput f = m.frameInput(
                    lp.encoder(h.features.value(QStringLiteral("map")))->spec);
                std::set<qint64> seen;
                for (int w = 0; w < W; ++w) {
                    if (cancel.isCancelled())
                        return cancelledError();
                    report(0.85 + 0.1 * w / W,
                           QStringLiteral("Segmenting window %1 of %2").arg(w + 1).arg(W));
                    std::vector<Time> times;
                    for (double t : f.times(m.windowLength))
                        times.push_back(windows[size_t(w)].start + Time::fromSeconds(t));
                    std::vector<int64_t> keep, rows;
                    for (size_t k = 0; k < times.size(); ++k) {
                        if (times[k] >= end || !seen.insert(times[k].microseconds()).second)
                            continue;
                        keep.push_back(int64_t(k));
                        const int64_t row = std::clamp<int64_t>(
                            int64_t((times[k] - windows[size_t(w)].start).seconds() / seg),
                            0,
                            audio.size(1) - 1);
                        rows.push_back(row);
                    }
                    if (keep.empty())
                        continue;
                    const at::Tensor index = at::tensor(keep).to(lp.device());
                    const at::Tensor audioRows = audio[w].index_select(0,
                                                                       at::tensor(rows).to(
                                                                           lp.device()));
                    const at::Tensor logits = lp.avs->forward(maps[w].index_select(0, index),
                                                              audioRows,
                                                              height,
                                                              width);
                    const at::Tensor prob = at::sigmoid(logits).squeeze(1).cpu().contiguous();
                    for (size_t k = 0; k < keep.size(); ++k) {
                        const at::Tensor p = prob[int64_t(k)];
                        const at::Tensor on = p > float(h.threshold);
                        const int64_t area = on.sum().item<int64_t>();
                        if (area == 0)
                            continue;
                        const at::Tensor bytes = on.to(at::kByte).contiguous();
                        MaskProposal mp;
                        mp.time = times[size_t(keep[k])];
                        mp.mask = annotation::RleMask::fromPixels(
                            width,
                            height,
                            QByteArray(reinterpret_cast<const char *>(bytes.data_ptr<uint8_t>()),
                                       qsizetype(bytes.numel())));
                        mp.confidence = (p * on).sum().item<double>() / double(area);
                        tr.masks.push_back(std::move(mp));
                    }
                }
            }
            result.tasks.push_back(std::move(tr));
        }
    } catch (const std::exception &e) {
        return Error(QStringLiteral("the model failed: %1").arg(errorText(e)), request.mediaPath);
    }
    result.seconds = double(timer.elapsed()) / 1000.0;
    report(0.95, QStringLiteral("Done"));
    return result;
}

} // namespace earmark::inference
