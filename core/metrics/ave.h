#pragma once

#include <QList>

namespace earmark::metrics {

struct AveResult
{
    double accuracy = 0; // percent of segments whose label is right
    int videos = 0;
    qint64 segments = 0;
};

// AVE's segment accuracy (the official compute_acc): every 1-s segment of every video has one
// of 29 labels, the 28 classes or background (28), and the score is the share of segments whose
// predicted label is the true one.
class AveEvaluator
{
public:
    static constexpr int kBackground = 28;

    // Adds one video: its segments' predicted and true labels (same length).
    void add(const QList<int> &predicted, const QList<int> &truth);
    AveResult result() const;

private:
    qint64 m_correct = 0;
    qint64 m_segments = 0;
    int m_videos = 0;
};

} // namespace earmark::metrics
