#pragma once

#include <QByteArray>
#include <QList>

#include <array>

namespace earmark::metrics {

struct AvsResult
{
    double miou = 0;     // percent
    double fmeasure = 0; // percent
    int frames = 0;
    int batches = 0;
};

// AVSBench's mIoU and F-measure (utility.py of the official code), with its batch semantics:
// frames are taken in order in batches of `batchFrames` (the benchmark's 4 clips x 5 frames = 20)
// and each score is a mean over batches of a per-batch value, so the last, shorter batch weighs as
// much as a full one.
// - mIoU: a pixel is predicted when its probability is > 0.5; IoU = intersection / union
//   (+1e-7), except that a frame with an empty true mask scores the pixels both leave empty over
//   all pixels; a batch scores the mean over its frames.
// - F-measure: beta^2 = 0.3 at 255 thresholds linspace(0, 1 - 1e-10) (float32, as torch makes
//   them); frames with an empty true mask are left out; a batch scores the maximum over thresholds
//   of the F curve averaged over its frames (0 when all its frames were left out).
// Probabilities are what the network's sigmoid gives; a binary prediction is 0 or 1.
class AvsEvaluator
{
public:
    explicit AvsEvaluator(int batchFrames = 20);

    // Adds one frame: `truth` holds width * height bytes (non-zero: foreground), `probability` as
    // many values in [0, 1].
    void add(const QByteArray &truth, const QList<float> &probability);
    // The same for a binary prediction (non-zero bytes: probability 1).
    void addBinary(const QByteArray &truth, const QByteArray &prediction);
    AvsResult result() const;

private:
    void closeBatch();

    int m_batchFrames;
    int m_frames = 0;
    // Current batch.
    int m_inBatch = 0;
    float m_iouSum = 0;
    std::array<float, 255> m_fSum{};
    int m_fFrames = 0;
    // Finished batches.
    QList<float> m_batchIou;
    QList<double> m_batchF;
    std::array<float, 255> m_thresholds{};
};

} // namespace earmark::metrics
