#include "inference/internal/packmodels.h"

#include "inference/runtime.h"

#include <QJsonArray>

namespace earmark::inference {

namespace {

int64_t intOr(const QJsonObject &o, const char *key, int64_t fallback)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? int64_t(v.toDouble()) : fallback;
}

std::vector<int64_t> intsOr(const QJsonObject &o, const char *key, std::vector<int64_t> fallback)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isArray())
        return fallback;
    std::vector<int64_t> out;
    for (const QJsonValue &x : v.toArray())
        out.push_back(int64_t(x.toDouble()));
    return out.empty() ? fallback : out;
}

// "norm": "batch" or "group" (the default, which older packs leave out).
nn::ConvNorm convNorm(const QJsonObject &o)
{
    return o.value(QLatin1String("norm")).toString() == QLatin1String("batch")
               ? nn::ConvNorm::Batch
               : nn::ConvNorm::Group;
}

QString convNormName(nn::ConvNorm norm)
{
    return norm == nn::ConvNorm::Batch ? QStringLiteral("batch") : QStringLiteral("group");
}

QJsonArray toArray(const std::vector<int64_t> &v)
{
    QJsonArray a;
    for (int64_t x : v)
        a.append(qint64(x));
    return a;
}

// The tensor whose key ends with `suffix` (after any prefix), and that prefix.
const at::Tensor *findSuffix(const StateDict &sd, const std::string &suffix, std::string *prefix)
{
    for (const auto &[key, t] : sd.entries) {
        if (key.size() >= suffix.size()
            && key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0
            && (key.size() == suffix.size() || key[key.size() - suffix.size() - 1] == '.')) {
            if (prefix)
                *prefix = key.substr(0, key.size() - suffix.size());
            return &t;
        }
    }
    return nullptr;
}

int64_t dimOf(const StateDict &sd, const std::string &key, int64_t dim, int64_t fallback)
{
    const at::Tensor *t = sd.find(key);
    return t && t->dim() > dim ? t->size(dim) : fallback;
}

int64_t countLayers(const StateDict &sd, const std::string &prefix, const std::string &probe)
{
    int64_t n = 0;
    while (sd.find(prefix + std::to_string(n) + probe))
        ++n;
    return n;
}

QString errorText(const std::exception &e)
{
    return QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0);
}

template<typename Module>
Result<Module> loadModule(Module module,
                          const QString &path,
                          const StateDict &weights,
                          const QString &what,
                          c10::Device device,
                          const LoadOptions &options = {})
{
    auto loaded = loadStateDict(*module, weights, what, options);
    if (!loaded)
        return Error(loaded.error().message, path);
    module->eval();
    module->to(device);
    return module;
}

} // namespace

nn::AudioEncoderOptions audioEncoderOptions(const QJsonObject &c)
{
    nn::AudioEncoderOptions o;
    o.sampleRate = intOr(c, "sample_rate", o.sampleRate);
    o.fftSize = intOr(c, "fft_size", o.fftSize);
    o.hop = intOr(c, "hop", o.hop);
    o.mels = intOr(c, "mels", o.mels);
    o.channels = intsOr(c, "channels", o.channels);
    o.embed = intOr(c, "embed", o.embed);
    o.segments = intOr(c, "segments", o.segments);
    o.maxPool = c.value(QLatin1String("pool")).toString() == QLatin1String("max");
    o.norm = convNorm(c);
    return o;
}

QJsonObject toJson(const nn::AudioEncoderOptions &o)
{
    return QJsonObject{{QStringLiteral("sample_rate"), qint64(o.sampleRate)},
                       {QStringLiteral("fft_size"), qint64(o.fftSize)},
                       {QStringLiteral("hop"), qint64(o.hop)},
                       {QStringLiteral("mels"), qint64(o.mels)},
                       {QStringLiteral("channels"), toArray(o.channels)},
                       {QStringLiteral("embed"), qint64(o.embed)},
                       {QStringLiteral("segments"), qint64(o.segments)},
                       {QStringLiteral("pool"),
                        o.maxPool ? QStringLiteral("max") : QStringLiteral("mean")},
                       {QStringLiteral("norm"), convNormName(o.norm)}};
}

nn::VisualEncoderOptions visualEncoderOptions(const QJsonObject &c)
{
    nn::VisualEncoderOptions o;
    o.channels = intsOr(c, "channels", o.channels);
    o.embed = intOr(c, "embed", o.embed);
    o.maxPool = c.value(QLatin1String("pool")).toString() == QLatin1String("max");
    o.norm = convNorm(c);
    o.mapBlock = intOr(c, "map_block", o.mapBlock);
    return o;
}

QJsonObject toJson(const nn::VisualEncoderOptions &o)
{
    return QJsonObject{{QStringLiteral("channels"), toArray(o.channels)},
                       {QStringLiteral("embed"), qint64(o.embed)},
                       {QStringLiteral("pool"),
                        o.maxPool ? QStringLiteral("max") : QStringLiteral("mean")},
                       {QStringLiteral("norm"), convNormName(o.norm)},
                       {QStringLiteral("map_block"), qint64(o.mapBlock)}};
}

nn::AveHeadOptions aveHeadOptions(const QJsonObject &c, const StateDict &sd)
{
    nn::AveHeadOptions o;
    std::string p;
    if (const at::Tensor *t = findSuffix(sd, "fc_a.weight", &p); t && t->dim() == 2) {
        o.hidden = t->size(0);
        o.audioDim = t->size(1);
    }
    o.visualDim = dimOf(sd, p + "fc_v.weight", 1, o.visualDim);
    o.classes = dimOf(sd, p + "fc_class.weight", 0, o.classes);
    o.feedForward = dimOf(sd, p + "encoder.layers.0.linear1.weight", 0, o.feedForward);
    if (const int64_t n = countLayers(sd, p + "encoder.layers.", ".linear1.weight"))
        o.layers = n;
    o.hidden = intOr(c, "hidden", o.hidden);
    o.heads = intOr(c, "heads", o.heads);
    o.feedForward = intOr(c, "ff", o.feedForward);
    o.layers = intOr(c, "layers", o.layers);
    o.audioDim = intOr(c, "audio_dim", o.audioDim);
    o.visualDim = intOr(c, "visual_dim", o.visualDim);
    o.classes = intOr(c, "classes", o.classes);
    return o;
}

QJsonObject toJson(const nn::AveHeadOptions &o)
{
    return QJsonObject{{QStringLiteral("hidden"), qint64(o.hidden)},
                       {QStringLiteral("heads"), qint64(o.heads)},
                       {QStringLiteral("ff"), qint64(o.feedForward)},
                       {QStringLiteral("layers"), qint64(o.layers)},
                       {QStringLiteral("audio_dim"), qint64(o.audioDim)},
                       {QStringLiteral("visual_dim"), qint64(o.visualDim)},
                       {QStringLiteral("classes"), qint64(o.classes)}};
}

nn::AvsDecoderOptions avsDecoderOptions(const QJsonObject &c, const StateDict &sd)
{
    nn::AvsDecoderOptions o;
    std::string p;
    if (const at::Tensor *t = findSuffix(sd, "proj_v.weight", &p); t && t->dim() == 4) {
        o.hidden = t->size(0);
        o.visualChannels = t->size(1);
    }
    o.audioDim = dimOf(sd, p + "proj_a.weight", 1, o.audioDim);
    o.visualChannels = intOr(c, "visual_channels", o.visualChannels);
    o.audioDim = intOr(c, "audio_dim", o.audioDim);
    o.hidden = intOr(c, "hidden", o.hidden);
    o.groups = intOr(c, "groups", o.groups);
    return o;
}

QJsonObject toJson(const nn::AvsDecoderOptions &o)
{
    return QJsonObject{{QStringLiteral("visual_channels"), qint64(o.visualChannels)},
                       {QStringLiteral("audio_dim"), qint64(o.audioDim)},
                       {QStringLiteral("hidden"), qint64(o.hidden)},
                       {QStringLiteral("groups"), qint64(o.groups)}};
}

QJsonObject toJson(const nn::AvvpHeadOptions &o)
{
    QJsonObject c{{QStringLiteral("hidden"), qint64(o.hidden)},
                  {QStringLiteral("heads"), qint64(o.heads)},
                  {QStringLiteral("ff"), qint64(o.feedForward)},
                  {QStringLiteral("layers"), qint64(o.layers)},
                  {QStringLiteral("norm"),
                   o.norm == nn::NormPlacement::Pre ? QStringLiteral("pre")
                                                    : QStringLiteral("post")}};
    if (o.temporalSpatial)
        c.insert(QStringLiteral("temporal_spatial"), true);
    if (o.adaptiveInteraction)
        c.insert(QStringLiteral("adaptive_interaction"), true);
    if (o.labelTextDim > 0)
        c.insert(QStringLiteral("label_text_dim"), qint64(o.labelTextDim));
    return c;
}

Result<AvvpHeadConfig> avvpHeadConfig(const QString &arch, const QJsonObject &c)
{
    AvvpHeadConfig config;
    auto a = avvpArchFromName(arch);
    if (!a)
        return Error(QStringLiteral("unknown AVVP architecture '%1'").arg(arch));
    config.arch = *a;
    config.hidden = int(intOr(c, "hidden", 0));
    config.heads = int(intOr(c, "heads", 0));
    config.layers = int(intOr(c, "layers", 0));
    config.feedForward = int(intOr(c, "ff", 0));
    const QString norm = c.value(QLatin1String("norm")).toString();
    if (norm == QLatin1String("pre"))
        config.norm = NormPlacement::Pre;
    else if (norm == QLatin1String("post"))
        config.norm = NormPlacement::Post;
    else if (!norm.isEmpty())
        return Error(QStringLiteral("config.norm is pre or post, not '%1'").arg(norm));
    return config;
}

nn::AvvpHeadOptions avvpHeadOptions(const AvvpHeadConfig &c, const StateDict &sd)
{
    nn::AvvpHeadOptions o;
    switch (c.arch) {
    case AvvpArch::Han:
        o = nn::AvvpHeadOptions::han();
        break;
    case AvvpArch::Valor:
        o = nn::AvvpHeadOptions::valor();
        break;
    case AvvpArch::ValorPlusPlus:
        o = nn::AvvpHeadOptions::valorPlus();
        o.audioDim = 768;
        o.visualDim = 768;
        break;
    case AvvpArch::Link:
        o = nn::AvvpHeadOptions::link(512);
        break;
    }
    std::string p;
    if (const at::Tensor *t = findSuffix(sd, "fc_a.weight", &p); t && t->dim() == 2) {
        o.hidden = t->size(0);
        o.audioDim = t->size(1);
    }
    o.visualDim = dimOf(sd, p + "fc_v.weight", 1, o.visualDim);
    o.stDim = dimOf(sd, p + "fc_st.weight", 1, o.stDim);
    o.classes = dimOf(sd, p + "fc_prob.weight", 0, o.classes);
    o.feedForward = dimOf(sd, p + "hat_encoder.layers.0.linear1.weight", 0, o.feedForward);
    if (const int64_t n = countLayers(sd, p + "hat_encoder.layers.", ".linear1.weight"))
        o.layers = n;
    if (c.arch == AvvpArch::Link) {
        o.temporalSpatial = sd.find(p + "tsa_a.norm.weight") != nullptr;
        o.adaptiveInteraction = sd.find(p + "hat_encoder.layers.0.alpha") != nullptr;
        o.labelTextDim = dimOf(sd, p + "sem_a.label_text", 1, 0);
    }
    if (c.hidden > 0)
        o.hidden = c.hidden;
    if (c.heads > 0)
        o.heads = c.heads;
    if (c.layers > 0)
        o.layers = c.layers;
    if (c.feedForward > 0)
        o.feedForward = c.feedForward;
    if (c.norm != NormPlacement::Default)
        o.norm = c.norm == NormPlacement::Pre ? nn::NormPlacement::Pre : nn::NormPlacement::Post;
    return o;
}

QString describeAvvpHead(AvvpArch arch, const nn::AvvpHeadOptions &o)
{
    static const char *const names[] = {"HAN", "VALOR", "VALOR++", "LINK"};
    return QStringLiteral("%1 head: audio %2, visual %3, st %4, hidden %5, %6 head%7, "
                          "feed-forward %8, %9 layer%10, %11, %12 classes")
        .arg(QLatin1String(names[int(arch)]))
        .arg(o.audioDim)
        .arg(o.visualDim)
        .arg(o.stDim)
        .arg(o.hidden)
        .arg(o.heads)
        .arg(o.heads == 1 ? QString() : QStringLiteral("s"))
        .arg(o.feedForward)
        .arg(o.layers)
        .arg(o.layers == 1 ? QString() : QStringLiteral("s"))
        .arg(o.norm == nn::NormPlacement::Pre ? QStringLiteral("pre-norm")
                                              : QStringLiteral("post-norm"))
        .arg(o.classes);
}

Result<nn::AvvpHead> loadAvvpHead(const QString &path,
                                  const AvvpHeadConfig &config,
                                  c10::Device device,
                                  QString *description)
{
    configureRuntime();
    auto ck = readCheckpoint(path);
    if (!ck)
        return ck.error();
    const nn::AvvpHeadOptions options = avvpHeadOptions(config, ck->tensors);
    if (options.heads <= 0 || options.hidden % options.heads != 0)
        return Error(QStringLiteral("hidden size %1 is not divisible by %2 heads; give the head "
                                    "count")
                         .arg(options.hidden)
                         .arg(options.heads),
                     path);
    const QString what = describeAvvpHead(config.arch, options);
    if (description)
        *description = what;
    nn::AvvpHead head{nullptr};
    try {
        head = nn::AvvpHead(options);
    } catch (const std::exception &e) {
        return Error(QStringLiteral("cannot build the head: %1").arg(errorText(e)), path);
    }
    LoadOptions lo;
    lo.ignoredPrefixes = head->unusedCheckpointPrefixes();
    return loadModule(head, path, ck->tensors, what, device, lo);
}

namespace {

// Reads the checkpoint at `path`, builds the module `build(weights)` returns with what it is
// called in messages, and loads the weights into it. `kind` names the module when building fails.
template<typename Module, typename Build>
Result<Module> loadNative(const QString &path, c10::Device device, const QString &kind, Build build)
{
    configureRuntime();
    auto ck = readCheckpoint(path);
    if (!ck)
        return ck.error();
    try {
        auto [module, what] = build(ck->tensors);
        return loadModule(Module(module), path, ck->tensors, what, device);
    } catch (const std::exception &e) {
        return Error(QStringLiteral("cannot build %1: %2").arg(kind, errorText(e)), path);
    }
}

} // namespace

Result<nn::AveHead> loadAveHead(const QString &path, const QJsonObject &config, c10::Device device)
{
    return loadNative<nn::AveHead>(
        path, device, QStringLiteral("the AVE head"), [&](const StateDict &w) {
            const nn::AveHeadOptions o = aveHeadOptions(config, w);
            return std::make_pair(nn::AveHead(o),
                                  QStringLiteral("the AVE head (hidden %1, %2 heads, %3 layers)")
                                      .arg(o.hidden)
                                      .arg(o.heads)
                                      .arg(o.layers));
        });
}

Result<nn::AvsDecoder> loadAvsDecoder(const QString &path,
                                      const QJsonObject &config,
                                      c10::Device device)
{
    return loadNative<nn::AvsDecoder>(
        path, device, QStringLiteral("the AVS decoder"), [&](const StateDict &w) {
            const nn::AvsDecoderOptions o = avsDecoderOptions(config, w);
            return std::make_pair(nn::AvsDecoder(o),
                                  QStringLiteral("the AVS decoder (visual %1, audio %2, hidden %3)")
                                      .arg(o.visualChannels)
                                      .arg(o.audioDim)
                                      .arg(o.hidden));
        });
}

Result<nn::AudioEncoder> loadAudioEncoder(const QString &path,
                                          const QJsonObject &config,
                                          c10::Device device)
{
    const QString what = QStringLiteral("the audio encoder");
    return loadNative<nn::AudioEncoder>(path, device, what, [&](const StateDict &) {
        return std::make_pair(nn::AudioEncoder(audioEncoderOptions(config)), what);
    });
}

Result<nn::VisualEncoder> loadVisualEncoder(const QString &path,
                                            const QJsonObject &config,
                                            c10::Device device)
{
    const QString what = QStringLiteral("the visual encoder");
    return loadNative<nn::VisualEncoder>(path, device, what, [&](const StateDict &) {
        return std::make_pair(nn::VisualEncoder(visualEncoderOptions(config)), what);
    });
}

} // namespace earmark::inference
