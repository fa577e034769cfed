#include "inference/internal/heads.h"

#include <c10/core/InferenceMode.h>

#include <torch/nn/functional/activation.h>
#include <torch/nn/functional/loss.h>
#include <torch/nn/init.h>
#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/container/sequential.h>

#include <cmath>

namespace earmark::inference::nn {

namespace F = torch::nn::functional;

MultiheadAttentionImpl::MultiheadAttentionImpl(int64_t embedDim, int64_t heads, double dropout)
    : m_embed(embedDim)
    , m_heads(heads)
    , m_dropout(dropout)
{
    TORCH_CHECK(heads > 0 && embedDim % heads == 0,
                "embedding size ",
                embedDim,
                " is not divisible by the head count ",
                heads);
    in_proj_weight = register_parameter("in_proj_weight", torch::empty({3 * embedDim, embedDim}));
    in_proj_bias = register_parameter("in_proj_bias", torch::zeros({3 * embedDim}));
    out_proj = register_module("out_proj", torch::nn::Linear(embedDim, embedDim));
    // As torch.nn.MultiheadAttention initialises itself.
    torch::nn::init::xavier_uniform_(in_proj_weight);
    torch::NoGradGuard noGrad;
    out_proj->bias.zero_();
}

at::Tensor MultiheadAttentionImpl::attend(const at::Tensor &q,
                                          const at::Tensor &k,
                                          const at::Tensor &v)
{
    const int64_t B = q.size(0), Tq = q.size(1), Tk = k.size(1), d = m_embed / m_heads;
    // [B,T,E] -> [B*H,T,d]
    auto split = [&](const at::Tensor &x, int64_t T) {
        return x.reshape({B, T, m_heads, d}).transpose(1, 2).reshape({B * m_heads, T, d});
    };
    at::Tensor qh = split(q, Tq) / std::sqrt(double(d));
    at::Tensor weights = at::bmm(qh, split(k, Tk).transpose(1, 2)).softmax(-1);
    if (m_dropout > 0 && is_training())
        weights = at::dropout(weights, m_dropout, true);
    at::Tensor out = at::bmm(weights, split(v, Tk));
    out = out.view({B, m_heads, Tq, d}).transpose(1, 2).reshape({B, Tq, m_embed});
    return out_proj->forward(out);
}

at::Tensor MultiheadAttentionImpl::forward(const at::Tensor &query, const at::Tensor &keyValue)
{
    const int64_t E = m_embed;
    at::Tensor q = at::linear(query, in_proj_weight.narrow(0, 0, E), in_proj_bias.narrow(0, 0, E));
    at::Tensor kv = at::linear(keyValue,
                               in_proj_weight.narrow(0, E, 2 * E),
                               in_proj_bias.narrow(0, E, 2 * E));
    return attend(q, kv.narrow(-1, 0, E), kv.narrow(-1, E, E));
}

at::Tensor MultiheadAttentionImpl::selfAttention(const at::Tensor &x)
{
    const int64_t E = m_embed;
    at::Tensor qkv = at::linear(x, in_proj_weight, in_proj_bias);
    return attend(qkv.narrow(-1, 0, E), qkv.narrow(-1, E, E), qkv.narrow(-1, 2 * E, E));
}

HanLayerImpl::HanLayerImpl(const HanLayerOptions &o)
{
    self_attn = register_module("self_attn", MultiheadAttention(o.dModel, o.heads, o.dropout));
    cm_attn = register_module("cm_attn", MultiheadAttention(o.dModel, o.heads, o.dropout));
    linear1 = register_module("linear1", torch::nn::Linear(o.dModel, o.feedForward));
    dropout = register_module("dropout", torch::nn::Dropout(o.dropout));
    linear2 = register_module("linear2", torch::nn::Linear(o.feedForward, o.dModel));
    norm1 = register_module("norm1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({o.dModel})));
    norm2 = register_module("norm2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({o.dModel})));
    dropout11 = register_module("dropout11", torch::nn::Dropout(o.dropout));
    dropout12 = register_module("dropout12", torch::nn::Dropout(o.dropout));
    dropout2 = register_module("dropout2", torch::nn::Dropout(o.dropout));
    if (o.adaptive) {
        alpha = register_parameter("alpha", torch::ones({1}));
        beta = register_parameter("beta", torch::ones({1}));
    }
}

at::Tensor HanLayerImpl::forward(const at::Tensor &q, const at::Tensor &kv, NormPlacement norm)
{
    auto mix = [&](const at::Tensor &x, const at::Tensor &cross, const at::Tensor &self) {
        at::Tensor c = dropout11->forward(cross), s = dropout12->forward(self);
        if (alpha.defined())
            return x + alpha * c + beta * s;
        return x + c + s;
    };
    auto feedForward = [&](const at::Tensor &x) {
        return linear2->forward(dropout->forward(at::relu(linear1->forward(x))));
    };
    if (norm == NormPlacement::Post) {
        at::Tensor x = norm1->forward(mix(q, cm_attn->forward(q, kv), self_attn->selfAttention(q)));
        return norm2->forward(x + dropout2->forward(feedForward(x)));
    }
    at::Tensor pre = norm1->forward(q);
    at::Tensor x = mix(q, cm_attn->forward(pre, kv), self_attn->selfAttention(pre));
    return x + dropout2->forward(feedForward(norm2->forward(x)));
}

HanEncoderImpl::HanEncoderImpl(const HanEncoderOptions &options)
    : m_options(options)
{
    layers = register_module("layers", torch::nn::ModuleList());
    for (int64_t i = 0; i < options.layers; ++i)
        layers->push_back(HanLayer(options.layer));
    if (options.finalNorms) {
        const int64_t d = options.layer.dModel;
        final_norm_a = register_module("final_norm_a",
                                       torch::nn::LayerNorm(torch::nn::LayerNormOptions({d})));
        final_norm_v = register_module("final_norm_v",
                                       torch::nn::LayerNorm(torch::nn::LayerNormOptions({d})));
    }
}

std::pair<at::Tensor, at::Tensor> HanEncoderImpl::forward(const at::Tensor &audio,
                                                          const at::Tensor &visual,
                                                          NormPlacement norm)
{
    at::Tensor a = audio, v = visual;
    if (m_options.order == UpdateOrder::Original) {
        // Each layer overwrites the outputs from the original inputs: only the last one counts.
        // Both streams go through it as one batch.
        auto *last = layers[size_t(layers->size() - 1)]->as<HanLayerImpl>();
        const int64_t B = a.size(0);
        at::Tensor out = last->forward(at::cat({a, v}), at::cat({v, a}), norm);
        a = out.narrow(0, 0, B);
        v = out.narrow(0, B, B);
    } else {
        for (size_t i = 0; i < layers->size(); ++i) {
            auto *layer = layers[i]->as<HanLayerImpl>();
            a = layer->forward(a, v, norm);
            v = layer->forward(v, a, norm);
        }
    }
    if (norm == NormPlacement::Pre && final_norm_a) {
        a = final_norm_a->forward(a);
        v = final_norm_v->forward(v);
    }
    return {a, v};
}

TemporalSpatialAttentionImpl::TemporalSpatialAttentionImpl(int64_t dim, int64_t heads, double p)
{
    temporal_attn = register_module("temporal_attn", MultiheadAttention(dim, heads, p));
    norm = register_module("norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim})));
    const int64_t reduced = std::max<int64_t>(1, dim / 4);
    channel_fc1 = register_module("channel_fc1", torch::nn::Linear(dim, reduced));
    channel_fc2 = register_module("channel_fc2", torch::nn::Linear(reduced, dim));
    dropout = register_module("dropout", torch::nn::Dropout(p));
}

at::Tensor TemporalSpatialAttentionImpl::forward(const at::Tensor &x)
{
    at::Tensor t = norm->forward(x + dropout->forward(temporal_attn->selfAttention(x)));
    at::Tensor gate = at::sigmoid(channel_fc2->forward(at::relu(channel_fc1->forward(t.mean(1)))));
    return t * gate.unsqueeze(1);
}

SemanticModulationImpl::SemanticModulationImpl(int64_t dim, int64_t classes, int64_t textDim)
{
    to_text = register_module("to_text", torch::nn::Linear(dim, textDim));
    label_proj = register_module("label_proj", torch::nn::Linear(textDim, dim));
    gamma = register_module("gamma", torch::nn::Linear(dim, dim));
    shift = register_module("shift", torch::nn::Linear(dim, dim));
    label_text = register_buffer("label_text", torch::zeros({classes, textDim}));
    logit_scale = register_parameter("logit_scale", torch::full({1}, std::log(1 / 0.07)));
    torch::NoGradGuard noGrad;
    for (auto *l : {&gamma, &shift}) {
        (*l)->weight.zero_();
        (*l)->bias.zero_();
    }
}

std::pair<at::Tensor, at::Tensor> SemanticModulationImpl::forward(const at::Tensor &x)
{
    at::Tensor z = F::normalize(to_text->forward(x), F::NormalizeFuncOptions().dim(-1));
    at::Tensor labels = F::normalize(label_text, F::NormalizeFuncOptions().dim(-1));
    at::Tensor sim = at::matmul(z, labels.t());                              // [B,T,C]
    at::Tensor weights = (sim * logit_scale.exp()).softmax(-1);              // over classes
    at::Tensor semantics = at::matmul(weights, label_proj->forward(labels)); // [B,T,D]
    return {x * (1 + gamma->forward(semantics)) + shift->forward(semantics), sim};
}

AvvpHeadOptions AvvpHeadOptions::han()
{
    AvvpHeadOptions o;
    o.hidden = 512;
    o.heads = 1;
    o.feedForward = 512;
    o.layers = 1;
    o.order = UpdateOrder::Original;
    o.finalNorms = false;
    return o;
}

AvvpHeadOptions AvvpHeadOptions::valor()
{
    return AvvpHeadOptions();
}

AvvpHeadOptions AvvpHeadOptions::valorPlus()
{
    AvvpHeadOptions o;
    o.hidden = 256;
    o.heads = 8;
    o.feedForward = 1024;
    o.layers = 4;
    return o;
}

AvvpHeadOptions AvvpHeadOptions::link(int64_t textDim)
{
    AvvpHeadOptions o = valorPlus();
    o.audioDim = 768;
    o.visualDim = 768;
    o.temporalSpatial = true;
    o.adaptiveInteraction = true;
    o.labelTextDim = textDim;
    return o;
}

AvvpHeadImpl::AvvpHeadImpl(const AvvpHeadOptions &o)
    : m_options(o)
{
    const int64_t h = o.hidden;
    fc_prob = register_module("fc_prob", torch::nn::Linear(h, o.classes));
    fc_frame_att = register_module("fc_frame_att", torch::nn::Linear(h, o.classes));
    fc_av_att = register_module("fc_av_att", torch::nn::Linear(h, o.classes));
    fc_a = register_module("fc_a", torch::nn::Linear(o.audioDim, h));
    fc_v = register_module("fc_v", torch::nn::Linear(o.visualDim, h));
    fc_st = register_module("fc_st", torch::nn::Linear(o.stDim, h));
    fc_fusion = register_module("fc_fusion", torch::nn::Linear(2 * h, h));
    HanEncoderOptions enc;
    enc.layer.dModel = h;
    enc.layer.heads = o.heads;
    enc.layer.feedForward = o.feedForward;
    enc.layer.dropout = o.dropout;
    enc.layer.adaptive = o.adaptiveInteraction;
    enc.layers = o.layers;
    enc.order = o.order;
    enc.finalNorms = o.finalNorms;
    hat_encoder = register_module("hat_encoder", HanEncoder(enc));
    if (o.temporalSpatial) {
        tsa_a = register_module("tsa_a", TemporalSpatialAttention(h, o.heads, o.dropout));
        tsa_v = register_module("tsa_v", TemporalSpatialAttention(h, o.heads, o.dropout));
    }
    if (o.labelTextDim > 0) {
        sem_a = register_module("sem_a", SemanticModulation(h, o.classes, o.labelTextDim));
        sem_v = register_module("sem_v", SemanticModulation(h, o.classes, o.labelTextDim));
    }
}

std::vector<std::string> AvvpHeadImpl::unusedCheckpointPrefixes() const
{
    if (m_options.order == UpdateOrder::Original)
        return {"audio_encoder.",
                "visual_encoder.",
                "cmt_encoder.",
                "hat_encoder.norm1.",
                "hat_encoder.norm2."};
    return {};
}

const at::Tensor &AvvpHeadImpl::featureMapPooling(const at::Tensor &like)
{
    const int64_t T = m_options.segments;
    if (!m_mapPooling.defined() || m_mapPooling.scalar_type() != like.scalar_type()
        || m_mapPooling.device() != like.device()) {
        // A constant, not an inference tensor: usable in training after an inference call.
        c10::InferenceMode normal(false);
        torch::NoGradGuard noGrad;
        // One-hot maps through the same operations give the columns of the linear map.
        at::Tensor eye = at::eye(64, at::TensorOptions().dtype(at::kDouble)).view({1, 64, 2, 32});
        at::Tensor up = at::upsample_bicubic2d(eye, {2, 1024}, false, c10::nullopt, c10::nullopt);
        at::Tensor pooled = at::adaptive_avg_pool1d(up.mean(2), {T}); // [1, 64, T]
        m_mapPooling = pooled[0].t().contiguous().to(like.options()); // [T, 64]
    }
    return m_mapPooling;
}

at::Tensor AvvpHeadImpl::audioTokens(const at::Tensor &audio)
{
    if (audio.size(1) == 64 && m_options.segments != 64) {
        // VALOR++'s CLAP map: bicubic 2x32 -> 2x1024, fc_a, mean of the rows, adaptive pooling
        // to the segments. All but the interpolation's input are linear, so pooling first and
        // projecting the T pooled tokens gives the same result for a fraction of the work.
        return fc_a->forward(at::matmul(featureMapPooling(audio), audio));
    }
    return fc_a->forward(audio);
}

at::Tensor AvvpHeadImpl::visualTokens(const at::Tensor &visual, const at::Tensor &st)
{
    const int64_t T = st.size(1);
    at::Tensor v = visual;
    if (visual.size(1) != T && visual.size(1) % T == 0) {
        // Frame features (ResNet152: 8 per segment) averaged per segment; fc_v is linear, so
        // averaging before it equals VALOR's average pooling after it.
        const int64_t k = visual.size(1) / T;
        v = visual.view({visual.size(0), T, k, visual.size(2)}).mean(2);
    }
    at::Tensor x = at::cat({fc_v->forward(v), fc_st->forward(st)}, -1);
    return fc_fusion->forward(x);
}

AvvpOutput AvvpHeadImpl::forward(const at::Tensor &audio,
                                 const at::Tensor &visual,
                                 const at::Tensor &st)
{
    at::Tensor a = audioTokens(audio);
    at::Tensor v = visualTokens(visual, st);
    if (tsa_a) {
        a = tsa_a->forward(a);
        v = tsa_v->forward(v);
    }
    std::tie(a, v) = hat_encoder->forward(a, v, m_options.norm);
    AvvpOutput out;
    if (sem_a) {
        std::tie(a, out.audioSim) = sem_a->forward(a);
        std::tie(v, out.visualSim) = sem_v->forward(v);
    }
    at::Tensor x = at::stack({a, v}, 2); // [B,T,2,H]
    out.frameLogits = fc_prob->forward(x);
    out.frameProb = at::sigmoid(out.frameLogits);
    at::Tensor frameAtt = fc_frame_att->forward(x).softmax(1);
    at::Tensor avAtt = fc_av_att->forward(x).softmax(2);
    at::Tensor temporal = frameAtt * out.frameProb;
    out.globalProb = (temporal * avAtt).sum(2).sum(1);
    out.audioProb = temporal.select(2, 0).sum(1);
    out.visualProb = temporal.select(2, 1).sum(1);
    return out;
}

namespace {

at::Tensor videoLoss(const AvvpOutput &o, const at::Tensor &labels)
{
    return at::binary_cross_entropy(o.globalProb.clamp(1e-7, 1 - 1e-7), labels);
}

} // namespace

at::Tensor valorLoss(const AvvpOutput &o,
                     const at::Tensor &labels,
                     const at::Tensor &audioPseudo,
                     const at::Tensor &visualPseudo)
{
    return videoLoss(o, labels)
           + at::binary_cross_entropy_with_logits(o.frameLogits.select(2, 0), audioPseudo)
           + at::binary_cross_entropy_with_logits(o.frameLogits.select(2, 1), visualPseudo);
}

at::Tensor linkLoss(const AvvpOutput &o,
                    const at::Tensor &labels,
                    const at::Tensor &audioPseudo,
                    const at::Tensor &visualPseudo)
{
    TORCH_CHECK(o.audioSim.defined() && o.visualSim.defined(),
                "linkLoss needs a head with semantic modulation (labelTextDim > 0)");
    auto weighted = [](const at::Tensor &logits, const at::Tensor &target, const at::Tensor &sim) {
        // Agreement between the pseudo label and the text similarity: high when a positive
        // pseudo label comes with a similar segment, or a negative one with a dissimilar one.
        at::Tensor s = ((sim.detach() + 1) / 2).clamp(0, 1);
        at::Tensor w = target * s + (1 - target) * (1 - s);
        w = w / w.mean().clamp_min(1e-6);
        return at::binary_cross_entropy_with_logits(logits, target, w);
    };
    return videoLoss(o, labels) + weighted(o.frameLogits.select(2, 0), audioPseudo, o.audioSim)
           + weighted(o.frameLogits.select(2, 1), visualPseudo, o.visualSim);
}

AveHeadImpl::AveHeadImpl(const AveHeadOptions &o)
    : m_options(o)
{
    fc_a = register_module("fc_a", torch::nn::Linear(o.audioDim, o.hidden));
    fc_v = register_module("fc_v", torch::nn::Linear(o.visualDim, o.hidden));
    HanEncoderOptions enc;
    enc.layer.dModel = o.hidden;
    enc.layer.heads = o.heads;
    enc.layer.feedForward = o.feedForward;
    enc.layer.dropout = o.dropout;
    enc.layers = o.layers;
    enc.order = UpdateOrder::Sequential;
    enc.finalNorms = false;
    encoder = register_module("encoder", HanEncoder(enc));
    fc_event = register_module("fc_event", torch::nn::Linear(2 * o.hidden, 1));
    fc_class = register_module("fc_class", torch::nn::Linear(2 * o.hidden, o.classes));
}

AveOutput AveHeadImpl::forward(const at::Tensor &audio, const at::Tensor &visual)
{
    at::Tensor a = at::relu(fc_a->forward(audio));
    at::Tensor v = at::relu(fc_v->forward(visual));
    std::tie(a, v) = encoder->forward(a, v, NormPlacement::Post);
    at::Tensor x = at::cat({a, v}, -1); // [B,T,2H]
    AveOutput out;
    out.eventLogits = fc_event->forward(x).squeeze(-1);
    out.eventProb = at::sigmoid(out.eventLogits);
    at::Tensor att = out.eventLogits.softmax(1).unsqueeze(-1);
    out.classLogits = fc_class->forward((att * x).sum(1));
    out.classProb = out.classLogits.softmax(-1);
    return out;
}

at::Tensor aveSegmentLabels(const AveOutput &o)
{
    const int64_t background = o.classProb.size(1);
    at::Tensor cls = o.classProb.argmax(1, true).expand_as(o.eventProb);
    return at::where(o.eventProb > 0.5, cls, at::full_like(cls, background));
}

at::Tensor aveLoss(const AveOutput &o, const at::Tensor &events, const at::Tensor &classes)
{
    return at::binary_cross_entropy_with_logits(o.eventLogits, events.to(o.eventLogits.dtype()))
           + at::cross_entropy_loss(o.classLogits, classes);
}

AvsDecoderImpl::AvsDecoderImpl(const AvsDecoderOptions &o)
    : m_options(o)
{
    const int64_t h = o.hidden;
    auto conv = [](int64_t in, int64_t out, int64_t k) {
        return torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, k).padding(k / 2));
    };
    proj_v = register_module("proj_v", conv(o.visualChannels, h, 1));
    proj_a = register_module("proj_a", torch::nn::Linear(o.audioDim, h));
    refine1 = register_module("refine1", conv(h, h, 3));
    norm1 = register_module("norm1", torch::nn::GroupNorm(torch::nn::GroupNormOptions(o.groups, h)));
    refine2 = register_module("refine2", conv(h, h, 3));
    norm2 = register_module("norm2", torch::nn::GroupNorm(torch::nn::GroupNormOptions(o.groups, h)));
    out = register_module("out", conv(h, 1, 1));
}

at::Tensor AvsDecoderImpl::forward(const at::Tensor &visualMap,
                                   const at::Tensor &audio,
                                   int64_t height,
                                   int64_t width)
{
    at::Tensor v = proj_v->forward(visualMap);                         // [N,H,h,w]
    at::Tensor a = proj_a->forward(audio).unsqueeze(-1).unsqueeze(-1); // [N,H,1,1]
    at::Tensor similarity = at::sigmoid((v * a).sum(1, true) / std::sqrt(double(m_options.hidden)));
    at::Tensor x = v * at::sigmoid(a) + v * similarity;
    auto up = [](const at::Tensor &t, at::IntArrayRef size) {
        return at::upsample_bilinear2d(t, size, false, c10::nullopt, c10::nullopt);
    };
    x = at::relu(norm1->forward(refine1->forward(x)));
    x = up(x, {x.size(2) * 2, x.size(3) * 2});
    x = at::relu(norm2->forward(refine2->forward(x)));
    x = up(x, {x.size(2) * 2, x.size(3) * 2});
    return up(out->forward(x), {height, width});
}

at::Tensor avsLoss(const at::Tensor &logits, const at::Tensor &masks)
{
    at::Tensor target = masks.to(logits.dtype());
    at::Tensor p = at::sigmoid(logits);
    at::Tensor inter = (p * target).sum({1, 2, 3});
    at::Tensor uni = (p + target - p * target).sum({1, 2, 3});
    at::Tensor iou = (inter + 1) / (uni + 1);
    return at::binary_cross_entropy_with_logits(logits, target) + (1 - iou).mean();
}

namespace {

torch::nn::Sequential convBlock(int64_t in, int64_t out, int64_t stride, ConvNorm norm)
{
    torch::nn::Sequential block(
        torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).stride(stride).padding(1)));
    if (norm == ConvNorm::Batch)
        block->push_back(torch::nn::BatchNorm2d(out));
    else
        block->push_back(
            torch::nn::GroupNorm(torch::nn::GroupNormOptions(out % 8 == 0 ? 8 : 1, out)));
    block->push_back(torch::nn::ReLU());
    return block;
}

// HTK mel filterbank: triangles between mels + 2 points equally spaced on the mel scale from 0
// to the Nyquist frequency, over the FFT bins' centre frequencies.
at::Tensor melFilterbank(int64_t sampleRate, int64_t fftSize, int64_t mels)
{
    const int64_t bins = fftSize / 2 + 1;
    auto toMel = [](double f) { return 2595.0 * std::log10(1.0 + f / 700.0); };
    auto toHz = [](double m) { return 700.0 * (std::pow(10.0, m / 2595.0) - 1.0); };
    const double top = toMel(sampleRate / 2.0);
    std::vector<double> points(size_t(mels + 2));
    for (int64_t i = 0; i < mels + 2; ++i)
        points[size_t(i)] = toHz(top * double(i) / double(mels + 1));
    at::Tensor fb = at::zeros({mels, bins});
    auto acc = fb.accessor<float, 2>();
    for (int64_t m = 0; m < mels; ++m) {
        const double lo = points[size_t(m)], mid = points[size_t(m + 1)],
                     hi = points[size_t(m + 2)];
        for (int64_t k = 0; k < bins; ++k) {
            const double f = double(k) * sampleRate / double(fftSize);
            double w = 0;
            if (f > lo && f <= mid)
                w = (f - lo) / (mid - lo);
            else if (f > mid && f < hi)
                w = (hi - f) / (hi - mid);
            acc[m][k] = float(w);
        }
    }
    return fb;
}

} // namespace

AudioEncoderImpl::AudioEncoderImpl(const AudioEncoderOptions &o)
    : m_options(o)
{
    TORCH_CHECK(!o.channels.empty(), "the audio encoder needs at least one block");
    blocks = register_module("blocks", torch::nn::ModuleList());
    int64_t in = 1;
    for (int64_t c : o.channels) {
        blocks->push_back(convBlock(in, c, 1, o.norm));
        in = c;
    }
    proj = register_module("proj", torch::nn::Linear(in, o.embed));
    window = register_buffer("window", at::hann_window(o.fftSize, true));
    mel_filter = register_buffer("mel_filter", melFilterbank(o.sampleRate, o.fftSize, o.mels));
}

at::Tensor AudioEncoderImpl::logMel(const at::Tensor &waveform)
{
    at::Tensor spec = at::stft(waveform,
                               m_options.fftSize,
                               m_options.hop,
                               m_options.fftSize,
                               window,
                               true,
                               "reflect",
                               false,
                               true,
                               true);
    at::Tensor power = spec.abs().pow(2);                 // [B, bins, frames]
    return at::log(at::matmul(mel_filter, power) + 1e-6); // [B, mels, frames]
}

at::Tensor AudioEncoderImpl::forward(const at::Tensor &waveform)
{
    return fromLogMel(logMel(waveform));
}

at::Tensor AudioEncoderImpl::fromLogMel(const at::Tensor &mels)
{
    at::Tensor x = mels.unsqueeze(1); // [B,1,mels,frames]
    for (size_t i = 0; i < blocks->size(); ++i) {
        x = blocks[i]->as<torch::nn::SequentialImpl>()->forward(x);
        if (x.size(2) >= 2 && x.size(3) >= 2)
            x = at::max_pool2d(x, {2, 2});
    }
    x = at::adaptive_avg_pool1d(m_options.maxPool ? x.amax(2) : x.mean(2),
                                {m_options.segments}); // [B,C,T]
    return proj->forward(x.transpose(1, 2));
}

VisualEncoderImpl::VisualEncoderImpl(const VisualEncoderOptions &o)
    : m_options(o)
{
    TORCH_CHECK(!o.channels.empty(), "the visual encoder needs at least one block");
    blocks = register_module("blocks", torch::nn::ModuleList());
    int64_t in = 3;
    for (int64_t c : o.channels) {
        blocks->push_back(convBlock(in, c, 2, o.norm));
        in = c;
    }
    proj = register_module("proj", torch::nn::Linear(in, o.embed));
    TORCH_CHECK(o.mapBlock < int64_t(o.channels.size()),
                "the visual encoder's map block is past its last block");
}

VisualFeatures VisualEncoderImpl::forward(const at::Tensor &frames)
{
    const size_t mapBlock = m_options.mapBlock < 0 ? blocks->size() - 1
                                                   : size_t(m_options.mapBlock);
    at::Tensor x = frames;
    at::Tensor map;
    for (size_t i = 0; i < blocks->size(); ++i) {
        x = blocks[i]->as<torch::nn::SequentialImpl>()->forward(x);
        if (i == mapBlock)
            map = x;
    }
    return {map, proj->forward(m_options.maxPool ? x.amax({2, 3}) : x.mean({2, 3}))};
}

} // namespace earmark::inference::nn
