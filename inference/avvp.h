#pragma once

// Audio-visual video parsing with the HAN/VALOR family of heads (and LINK), on precomputed
// features: load a published checkpoint, run it, turn its probabilities into events.

#include "core/base/result.h"
#include "inference/floatarray.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace earmark::inference {

// The LLP classes (25) in the order checkpoints index them.
const QStringList &llpClasses();
// The AVE classes (28); background is index 28 in predictions.
const QStringList &aveClasses();

enum class AvvpArch {
    Han,           // HAN (Tian et al. 2020): both streams from the original inputs per layer
    Valor,         // VALOR: the visual call attends to the updated audio
    ValorPlusPlus, // VALOR++: VALOR with CLAP [64,768] and CLIP [10,768] features
    Link,          // LINK: VALOR++ plus temporal-spatial attention, adaptive interaction and
                   // label-text semantic modulation
};

std::optional<AvvpArch> avvpArchFromName(const QString &name); // "han", "valor", "valor++", "link"
QString avvpArchName(AvvpArch arch);

enum class NormPlacement { Default, Post, Pre };

// What the checkpoint cannot say about a head. Zero / Default: inferred from the checkpoint's
// tensor shapes (hidden size, feed-forward size, layers, input sizes) or the architecture's
// published default (heads: HAN 1, VALOR 8; norm: post). A value given here that contradicts
// the checkpoint fails with the mis-shaped keys named.
struct AvvpHeadConfig
{
    AvvpArch arch = AvvpArch::Valor;
    int hidden = 0;
    int heads = 0;
    int layers = 0;
    int feedForward = 0;
    NormPlacement norm = NormPlacement::Default;
};

// One video's (or one window's) features, as MODELS.md lists them:
// audio [10,128] VGGish or [64,768] CLAP map; visual [80,2048] ResNet152 or [10,768] CLIP;
// st [10,512] R(2+1)D-18.
struct AvvpFeatures
{
    FloatArray audio;
    FloatArray visual;
    FloatArray st;
};

struct AvvpPrediction
{
    int segments = 0;
    int classes = 0;
    std::vector<float> global; // [classes] video-level probability
    std::vector<float> audio;  // [classes]
    std::vector<float> visual; // [classes]
    std::vector<float> frame;  // [segments][2][classes]: segment, audio (0) | visual (1), class

    float frameProb(int segment, int modality, int cls) const
    {
        return frame[size_t((segment * 2 + modality) * classes + cls)];
    }
};

enum class Modality { Audio, Visual, AudioVisual };
QString modalityName(Modality m); // "audio", "visual", "audio-visual"

// An event in segment units: [onset, offset) segments.
struct AvvpEvent
{
    Modality modality = Modality::Audio;
    int classIndex = 0;
    int onset = 0;
    int offset = 0;
    float confidence = 0; // mean segment probability over the event
};

// As the LLP benchmark decides: a segment is positive for a class and modality when its
// probability >= threshold and the video-level probability of the class >= threshold; runs of
// positive segments are events. Audio events first, then visual; by class, then onset.
std::vector<AvvpEvent> avvpEvents(const AvvpPrediction &prediction, float threshold = 0.5f);

// A loaded AVVP head. Load once, run many times; the model keeps no per-run state.
// Thread-safety: run() from one thread at a time (the engine's worker).
class AvvpModel
{
public:
    ~AvvpModel();
    AvvpModel(const AvvpModel &) = delete;
    AvvpModel &operator=(const AvvpModel &) = delete;

    // Reads the checkpoint (any format readCheckpoint takes), builds the head and loads it. Errors
    // name the file and, for a mismatch, the missing, unexpected and mis-shaped keys.
    static Result<std::unique_ptr<AvvpModel>> load(const QString &checkpoint,
                                                   const AvvpHeadConfig &config);

    // Runs the inputs as one batch; their shapes must agree with each other and the head.
    Result<std::vector<AvvpPrediction>> run(const std::vector<AvvpFeatures> &batch);

    // "VALOR head: audio 128, visual 2048, st 512, hidden 512, 8 heads, feed-forward 1024,
    // 1 layer, post-norm, 25 classes".
    QString description() const;
    int classes() const;

    struct Private;

private:
    explicit AvvpModel(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace earmark::inference
