#include "core/metrics/avs.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace earmark::metrics {

AvsEvaluator::AvsEvaluator(int batchFrames)
    : m_batchFrames(std::max(1, batchFrames))
{
    // torch.linspace(0, 1 - 1e-10, 255) in float32: the end rounds to 1.0f; torch fills the first
    // half from the start and the second half from the end.
    const int steps = 255;
    const float start = 0.0f, end = float(1.0 - 1e-10);
    const float step = (end - start) / float(steps - 1);
    const int halfway = steps / 2;
    for (int i = 0; i < steps; ++i)
        m_thresholds[size_t(i)] = i < halfway ? start + step * float(i)
                                              : end - step * float(steps - i - 1);
}

void AvsEvaluator::add(const QByteArray &truth, const QList<float> &probability)
{
    const qsizetype n = truth.size();
    // mIoU, as mask_iou() counts.
    qint64 inter = 0, uni = 0, bothEmpty = 0, truePixels = 0;
    // F: for each threshold, the predicted pixels (and true positives) at or above it, from a
    // histogram of how many thresholds each pixel passes.
    std::array<qint64, 256> passAll{}, passTrue{};
    for (qsizetype i = 0; i < n; ++i) {
        const bool t = truth.at(i) != 0;
        const float p = i < probability.size() ? probability.at(i) : 0.0f;
        const bool predicted = p > 0.5f;
        inter += predicted && t;
        uni += predicted || t;
        bothEmpty += !predicted && !t;
        truePixels += t;
        const auto k = std::upper_bound(m_thresholds.begin(), m_thresholds.end(), p)
                       - m_thresholds.begin(); // thresholds <= p
        ++passAll[size_t(k)];
        if (t)
            ++passTrue[size_t(k)];
    }
    float iou;
    if (truePixels == 0)
        iou = float(bothEmpty) / (float(n) + 1e-7f);
    else
        iou = float(inter) / (float(uni) + 1e-7f);
    m_iouSum += iou;

    if (truePixels > 0) {
        // Pixels passing threshold j: those passing more than j thresholds.
        qint64 predAbove = 0, tpAbove = 0;
        std::array<float, 255> f{};
        for (int j = 254; j >= 0; --j) {
            predAbove += passAll[size_t(j + 1)];
            tpAbove += passTrue[size_t(j + 1)];
            const float prec = float(tpAbove) / (float(predAbove) + 1e-20f);
            const float recall = float(tpAbove) / (float(truePixels) + 1e-20f);
            float score = 1.3f * prec * recall / (0.3f * prec + recall);
            if (std::isnan(score))
                score = 0;
            f[size_t(j)] = score;
        }
        for (int j = 0; j < 255; ++j)
            m_fSum[size_t(j)] += f[size_t(j)];
        ++m_fFrames;
    }
    ++m_frames;
    if (++m_inBatch == m_batchFrames)
        closeBatch();
}

void AvsEvaluator::addBinary(const QByteArray &truth, const QByteArray &prediction)
{
    QList<float> p(truth.size(), 0.0f);
    for (qsizetype i = 0; i < truth.size() && i < prediction.size(); ++i)
        p[i] = prediction.at(i) ? 1.0f : 0.0f;
    add(truth, p);
}

void AvsEvaluator::closeBatch()
{
    if (m_inBatch == 0)
        return;
    m_batchIou.append(m_iouSum / float(m_inBatch));
    float best = 0;
    if (m_fFrames > 0) {
        best = m_fSum[0] / float(m_fFrames);
        for (float v : m_fSum)
            best = std::max(best, v / float(m_fFrames));
    }
    m_batchF.append(best);
    m_inBatch = 0;
    m_iouSum = 0;
    m_fSum.fill(0);
    m_fFrames = 0;
}

AvsResult AvsEvaluator::result() const
{
    AvsEvaluator copy = *this;
    copy.closeBatch();
    AvsResult r;
    r.frames = m_frames;
    r.batches = int(copy.m_batchIou.size());
    if (r.batches > 0) {
        // The benchmark's AvgMeter sums the per-batch float32 tensors in float32.
        float sum = 0;
        for (float v : copy.m_batchIou)
            sum += v;
        r.miou = 100.0 * double(sum / float(r.batches));
        r.fmeasure = 100 * std::accumulate(copy.m_batchF.begin(), copy.m_batchF.end(), 0.0)
                     / r.batches;
    }
    return r;
}

} // namespace earmark::metrics
