#pragma once

// Native LibTorch modules: the HAN/VALOR family of AVVP heads (and LINK's additions), an AVE
// localisation head and an AVS mask decoder. Parameter names follow the published PyTorch code
// (HAN: YapengTian/AVVP-ECCV20, VALOR: Franklin905/VALOR) so their state_dicts load as they are;
// the modules LINK adds, the AVE head and the AVS decoder follow the papers' descriptions (no
// code was published) and are trained by Earmark itself.
//
// Every module works in train() mode too (dropout, autograd), so training code can construct,
// train and save them (stateDictOf + saveStateDict in checkpoint.h). All tensors are batch-first.
// Thread-safety: a module may be used by one thread at a time.

#include <torch/nn/module.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/dropout.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>

#include <string>
#include <utility>
#include <vector>

namespace earmark::inference::nn {

// Where the layer norms of a HAN layer sit.
enum class NormPlacement {
    Post, // after each residual sum (HAN, VALOR's default)
    Pre,  // before each sub-layer, plus a final norm per stream after the last layer (VALOR)
};

// How a stack of HAN layers feeds the two streams.
enum class UpdateOrder {
    // HAN: every layer gets the encoder's original inputs, both streams in parallel (so only the
    // last layer's output is used, as in the published code).
    Original,
    // VALOR: audio is updated first and the visual call attends to the updated audio; each
    // layer feeds the next.
    Sequential,
};

// torch.nn.MultiheadAttention's parameters (in_proj_weight, in_proj_bias, out_proj) and math,
// on batch-first tensors. Dropout applies to the attention weights in training.
class MultiheadAttentionImpl : public torch::nn::Module
{
public:
    MultiheadAttentionImpl(int64_t embedDim, int64_t heads, double dropout = 0.0);

    // query [B,Tq,E] attends to keyValue [B,Tk,E] (used as both keys and values) -> [B,Tq,E].
    at::Tensor forward(const at::Tensor &query, const at::Tensor &keyValue);
    // The same with query = keys = values (one projection instead of two).
    at::Tensor selfAttention(const at::Tensor &x);

    int64_t embedDim() const { return m_embed; }
    int64_t heads() const { return m_heads; }

    at::Tensor in_proj_weight; // [3E, E]: query, key, value projections stacked
    at::Tensor in_proj_bias;   // [3E]
    torch::nn::Linear out_proj{nullptr};

private:
    at::Tensor attend(const at::Tensor &q, const at::Tensor &k, const at::Tensor &v);

    int64_t m_embed;
    int64_t m_heads;
    double m_dropout;
};
TORCH_MODULE(MultiheadAttention);

struct HanLayerOptions
{
    int64_t dModel = 512;
    int64_t heads = 1;
    int64_t feedForward = 512;
    double dropout = 0.1;
    // LINK's adaptive cross-modal interaction: learnable scalars weigh the cross-modal (alpha)
    // and self (beta) attention in the residual sum, both starting at 1 (= HAN).
    bool adaptive = false;
};

// HAN's hybrid attention layer: q + cm_attn(q, kv) + self_attn(q), then a feed-forward block.
class HanLayerImpl : public torch::nn::Module
{
public:
    explicit HanLayerImpl(const HanLayerOptions &options);

    // q [B,T,D], kv [B,T',D] -> [B,T,D].
    at::Tensor forward(const at::Tensor &q, const at::Tensor &kv, NormPlacement norm);

    MultiheadAttention self_attn{nullptr};
    MultiheadAttention cm_attn{nullptr};
    torch::nn::Linear linear1{nullptr};
    torch::nn::Linear linear2{nullptr};
    torch::nn::LayerNorm norm1{nullptr};
    torch::nn::LayerNorm norm2{nullptr};
    torch::nn::Dropout dropout{nullptr};
    torch::nn::Dropout dropout11{nullptr};
    torch::nn::Dropout dropout12{nullptr};
    torch::nn::Dropout dropout2{nullptr};
    at::Tensor alpha; // adaptive only: [1]
    at::Tensor beta;  // adaptive only: [1]
};
TORCH_MODULE(HanLayer);

struct HanEncoderOptions
{
    HanLayerOptions layer;
    int64_t layers = 1;
    UpdateOrder order = UpdateOrder::Sequential;
    // VALOR's encoder owns final_norm_a / final_norm_v (applied with pre-norm only); HAN's has
    // none that it uses.
    bool finalNorms = true;
};

// A stack of HAN layers shared by the audio and visual streams.
class HanEncoderImpl : public torch::nn::Module
{
public:
    explicit HanEncoderImpl(const HanEncoderOptions &options);

    std::pair<at::Tensor, at::Tensor> forward(const at::Tensor &audio,
                                              const at::Tensor &visual,
                                              NormPlacement norm);

    torch::nn::ModuleList layers{nullptr};
    torch::nn::LayerNorm final_norm_a{nullptr};
    torch::nn::LayerNorm final_norm_v{nullptr};

private:
    HanEncoderOptions m_options;
};
TORCH_MODULE(HanEncoder);

// LINK: attention over the segments of one stream (temporal) and a channel gate computed from
// the whole window (what the paper calls spatial attention on segment features).
class TemporalSpatialAttentionImpl : public torch::nn::Module
{
public:
    TemporalSpatialAttentionImpl(int64_t dim, int64_t heads, double dropout);
    at::Tensor forward(const at::Tensor &x); // [B,T,D] -> [B,T,D]

    MultiheadAttention temporal_attn{nullptr};
    torch::nn::LayerNorm norm{nullptr};
    torch::nn::Linear channel_fc1{nullptr};
    torch::nn::Linear channel_fc2{nullptr};
    torch::nn::Dropout dropout{nullptr};
};
TORCH_MODULE(TemporalSpatialAttention);

// LINK: pseudo-label semantic modulation. Segment features are compared with the label-text
// embeddings (CLAP text for audio, CLIP text for visual; buffers `label_text` [C,E], rows
// L2-normalised); the similarity-weighted label semantics modulate the features
// (x * (1 + gamma) + shift, gamma and shift starting at 0).
class SemanticModulationImpl : public torch::nn::Module
{
public:
    SemanticModulationImpl(int64_t dim, int64_t classes, int64_t textDim);

    // x [B,T,D] -> (modulated x [B,T,D], cosine similarities [B,T,C]).
    std::pair<at::Tensor, at::Tensor> forward(const at::Tensor &x);

    torch::nn::Linear to_text{nullptr};    // D -> E
    torch::nn::Linear label_proj{nullptr}; // E -> D
    torch::nn::Linear gamma{nullptr};      // D -> D, zero-initialised
    torch::nn::Linear shift{nullptr};      // D -> D, zero-initialised
    at::Tensor label_text;                 // buffer [C,E]
    at::Tensor logit_scale;                // [1], log of the similarity temperature's inverse
};
TORCH_MODULE(SemanticModulation);

struct AvvpHeadOptions
{
    int64_t audioDim = 128;   // VGGish 128, CLAP 768
    int64_t visualDim = 2048; // ResNet152 2048, CLIP 768
    int64_t stDim = 512;      // R(2+1)D-18
    int64_t hidden = 512;
    int64_t heads = 8;
    int64_t feedForward = 1024;
    int64_t layers = 1;
    int64_t classes = 25;
    int64_t segments = 10;
    NormPlacement norm = NormPlacement::Post;
    UpdateOrder order = UpdateOrder::Sequential;
    bool finalNorms = true;
    double dropout = 0.1;
    // LINK's additions (all off: HAN / VALOR).
    bool temporalSpatial = false;
    bool adaptiveInteraction = false;
    int64_t labelTextDim = 0; // > 0: semantic modulation with label-text embeddings of this size

    static AvvpHeadOptions han();       // hidden 512, 1 head, ff 512, original inputs
    static AvvpHeadOptions valor();     // hidden 512, 8 heads, ff 1024, sequential
    static AvvpHeadOptions valorPlus(); // VALOR+ / VALOR++: hidden 256, 8 heads, ff 1024, 4 layers
    static AvvpHeadOptions link(int64_t textDim); // VALOR++ plus LINK's modules
};

struct AvvpOutput
{
    at::Tensor globalProb;  // [B,C] video-level
    at::Tensor audioProb;   // [B,C]
    at::Tensor visualProb;  // [B,C]
    at::Tensor frameProb;   // [B,T,2,C] (segment, audio|visual, class)
    at::Tensor frameLogits; // [B,T,2,C]
    at::Tensor audioSim;    // LINK only: [B,T,C] segment/label-text cosine similarity
    at::Tensor visualSim;   // LINK only
};

// The HAN/VALOR head (MMIL_Net in the published code), with LINK's modules when enabled.
class AvvpHeadImpl : public torch::nn::Module
{
public:
    explicit AvvpHeadImpl(const AvvpHeadOptions &options);

    // audio: [B,T,A] per-segment features, or a CLAP feature map [B,64,A] (interpolated
    // bicubically to the T segments as VALOR++ does); visual: [B,T,V], or [B,8T,V] frame
    // features averaged per segment (ResNet152 at 8 fps); st: [B,T,S].
    AvvpOutput forward(const at::Tensor &audio, const at::Tensor &visual, const at::Tensor &st);

    const AvvpHeadOptions &options() const { return m_options; }
    // Keys published checkpoints of this architecture hold for modules the head does not use
    // (HAN's unused transformer encoders): LoadOptions::ignoredPrefixes.
    std::vector<std::string> unusedCheckpointPrefixes() const;

    torch::nn::Linear fc_prob{nullptr};
    torch::nn::Linear fc_frame_att{nullptr};
    torch::nn::Linear fc_av_att{nullptr};
    torch::nn::Linear fc_a{nullptr};
    torch::nn::Linear fc_v{nullptr};
    torch::nn::Linear fc_st{nullptr};
    torch::nn::Linear fc_fusion{nullptr};
    HanEncoder hat_encoder{nullptr};
    TemporalSpatialAttention tsa_a{nullptr};
    TemporalSpatialAttention tsa_v{nullptr};
    SemanticModulation sem_a{nullptr};
    SemanticModulation sem_v{nullptr};

private:
    at::Tensor audioTokens(const at::Tensor &audio);
    at::Tensor visualTokens(const at::Tensor &visual, const at::Tensor &st);
    // The fixed linear map [T, 64] that VALOR's bicubic interpolation of a 64-token feature map
    // (2 rows of 32), the mean of the rows and the adaptive pooling to T segments amount to.
    const at::Tensor &featureMapPooling(const at::Tensor &like);

    AvvpHeadOptions m_options;
    at::Tensor m_mapPooling; // cached, not a parameter
};
TORCH_MODULE(AvvpHead);

// Losses for training. `output` from AvvpHead in train mode; labels [B,C] weak video labels;
// pseudo [B,T,C] segment pseudo-labels per modality (VALOR: from CLAP/CLIP).
// VALOR's: BCE(global, labels) + BCE-with-logits(frame logits, pseudo labels) per modality.
at::Tensor valorLoss(const AvvpOutput &output,
                     const at::Tensor &labels,
                     const at::Tensor &audioPseudo,
                     const at::Tensor &visualPseudo);
// LINK's similarity-weighted loss: the pseudo-label terms are weighted per segment and class by
// how similar the segment is to the label's text embedding (sigmoid of the scaled similarity,
// detached and normalised to mean 1), so unreliable pseudo labels count less; needs a head with
// semantic modulation.
at::Tensor linkLoss(const AvvpOutput &output,
                    const at::Tensor &labels,
                    const at::Tensor &audioPseudo,
                    const at::Tensor &visualPseudo);

struct AveHeadOptions
{
    int64_t audioDim = 128;
    int64_t visualDim = 512;
    int64_t hidden = 256;
    int64_t heads = 4;
    int64_t feedForward = 512;
    int64_t layers = 1;
    int64_t classes = 28; // background is index `classes` in the predictions
    double dropout = 0.1;
};

struct AveOutput
{
    at::Tensor eventLogits; // [B,T]
    at::Tensor eventProb;   // [B,T] probability that segment t holds the event
    at::Tensor classLogits; // [B,C]
    at::Tensor classProb;   // [B,C] softmax: the video's event class
};

// AVE localisation: both streams through HAN layers, a per-segment event probability and a
// video class from the event-weighted pooling of the segments.
class AveHeadImpl : public torch::nn::Module
{
public:
    explicit AveHeadImpl(const AveHeadOptions &options);
    AveOutput forward(const at::Tensor &audio, const at::Tensor &visual); // [B,T,A], [B,T,V]
    const AveHeadOptions &options() const { return m_options; }

    torch::nn::Linear fc_a{nullptr};
    torch::nn::Linear fc_v{nullptr};
    HanEncoder encoder{nullptr};
    torch::nn::Linear fc_event{nullptr};
    torch::nn::Linear fc_class{nullptr};

private:
    AveHeadOptions m_options;
};
TORCH_MODULE(AveHead);

// Per segment: predicted class when the event probability is > 0.5, else `classes`
// (background), as the AVE benchmark scores it. [B,T] int64.
at::Tensor aveSegmentLabels(const AveOutput &output);
// BCE on segment events + cross-entropy on the video class (targets: [B,T] 0/1, [B] class).
at::Tensor aveLoss(const AveOutput &output, const at::Tensor &events, const at::Tensor &classes);

struct AvsDecoderOptions
{
    int64_t visualChannels = 128; // channels of the visual feature map
    int64_t audioDim = 128;
    int64_t hidden = 64;
    int64_t groups = 8; // GroupNorm groups
};

// AVS: per-frame mask logits from a visual feature map and the audio feature of the same
// second. The audio vector gates the map channel-wise and through a spatial audio-visual
// similarity map; two refinement stages upsample x2 each; the result is resized to the frame.
class AvsDecoderImpl : public torch::nn::Module
{
public:
    explicit AvsDecoderImpl(const AvsDecoderOptions &options);
    // visualMap [N,Cv,h,w], audio [N,A] -> mask logits [N,1,height,width].
    at::Tensor forward(const at::Tensor &visualMap,
                       const at::Tensor &audio,
                       int64_t height,
                       int64_t width);
    const AvsDecoderOptions &options() const { return m_options; }

    torch::nn::Conv2d proj_v{nullptr};
    torch::nn::Linear proj_a{nullptr};
    torch::nn::Conv2d refine1{nullptr};
    torch::nn::GroupNorm norm1{nullptr};
    torch::nn::Conv2d refine2{nullptr};
    torch::nn::GroupNorm norm2{nullptr};
    torch::nn::Conv2d out{nullptr};

private:
    AvsDecoderOptions m_options;
};
TORCH_MODULE(AvsDecoder);

// BCE-with-logits over the pixels plus a soft IoU term; masks [N,1,H,W] in {0,1}.
at::Tensor avsLoss(const at::Tensor &maskLogits, const at::Tensor &masks);

// The normalisation after each convolution of the small encoders.
enum class ConvNorm {
    Group, // GroupNorm, 8 groups: statistics of each input alone
    Batch, // BatchNorm: batch statistics in training, running ones in inference
};

struct AudioEncoderOptions
{
    int64_t sampleRate = 16000;
    int64_t fftSize = 512;
    int64_t hop = 160;
    int64_t mels = 64;
    std::vector<int64_t> channels{16, 32, 64};
    int64_t embed = 128;
    int64_t segments = 10; // output tokens per window
    // How the last block's map is pooled over frequency: false averages, true takes the maximum
    // (keeps a narrow band's evidence, e.g. one instrument's partials).
    bool maxPool = false;
    ConvNorm norm = ConvNorm::Group;
};

// A small audio encoder: log-mel spectrogram (Hann window, HTK mel scale, computed inside the
// module) -> conv blocks -> per-segment embeddings.
class AudioEncoderImpl : public torch::nn::Module
{
public:
    explicit AudioEncoderImpl(const AudioEncoderOptions &options);
    at::Tensor forward(const at::Tensor &waveform); // [B, samples] -> [B, segments, embed]
    at::Tensor logMel(const at::Tensor &waveform);  // [B, samples] -> [B, mels, frames]
    at::Tensor fromLogMel(const at::Tensor &mels);  // forward() after its log-mel front end
    const AudioEncoderOptions &options() const { return m_options; }

    torch::nn::ModuleList blocks{nullptr};
    torch::nn::Linear proj{nullptr};
    at::Tensor window;     // buffer
    at::Tensor mel_filter; // buffer [mels, fftSize/2+1]

private:
    AudioEncoderOptions m_options;
};
TORCH_MODULE(AudioEncoder);

struct VisualEncoderOptions
{
    std::vector<int64_t> channels{16, 32, 64, 128};
    int64_t embed = 128;
    // How the vector pools the map over space: false averages, true takes the maximum (a small
    // object's evidence is not diluted by the background).
    bool maxPool = false;
    ConvNorm norm = ConvNorm::Group;
    // The block whose output is the feature map (for the AVS decoder); -1: the last. An earlier
    // block keeps a finer map while later blocks widen the vector's view.
    int64_t mapBlock = -1;
};

struct VisualFeatures
{
    at::Tensor map;    // [N, channels[mapBlock], H/2^(mapBlock+1), W/2^(mapBlock+1)]
    at::Tensor vector; // [N, embed]
};

// A small visual encoder: strided conv blocks over normalised RGB frames [N,3,H,W].
class VisualEncoderImpl : public torch::nn::Module
{
public:
    explicit VisualEncoderImpl(const VisualEncoderOptions &options);
    VisualFeatures forward(const at::Tensor &frames);
    const VisualEncoderOptions &options() const { return m_options; }

    torch::nn::ModuleList blocks{nullptr};
    torch::nn::Linear proj{nullptr};

private:
    VisualEncoderOptions m_options;
};
TORCH_MODULE(VisualEncoder);

} // namespace earmark::inference::nn
