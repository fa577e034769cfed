#pragma once

#include <QByteArray>
#include <QList>

namespace earmark::metrics {

// The labels of one AVVP window (the benchmark's "video"): for each class and each segment
// (1-s segments of a 10-s window in LLP), whether the event is heard (audio) and seen (visual).
// Cells are stored class-major: cell(c, t) = c * segments + t, 0 or 1.
struct AvvpLabels
{
    int classes = 25;
    int segments = 10;
    QByteArray audio;
    QByteArray visual;

    static AvvpLabels empty(int classes = 25, int segments = 10);
    void set(bool visualStream, int cls, int segment)
    {
        (visualStream ? visual : audio)[cls * segments + segment] = 1;
    }
    bool at(bool visualStream, int cls, int segment) const
    {
        return (visualStream ? visual : audio).at(cls * segments + segment) != 0;
    }
};

// F-scores in percent (100 x the mean over windows, as the official LLP evaluation prints them).
struct AvvpScores
{
    double audio = 0;
    double visual = 0;
    double audioVisual = 0;
    double type = 0;  // Type@AV: mean of audio, visual and audio-visual
    double event = 0; // Event@AV: audio and visual counts pooled per class before F
};

struct AvvpResult
{
    AvvpScores segment;
    AvvpScores event;
    int videos = 0;
};

// The LLP evaluation (eval_metrics.py of the official AVVP code), reproduced exactly:
// - audio-visual labels are audio AND visual, for predictions and truth alike;
// - segment level: per window, per class that is predicted or true, F = 2TP / (2TP + FP + FN)
//   over the segments; the window scores the mean over those classes, 1.0 when there are none;
// - event level: runs of positive segments are events; a predicted event is a true positive when
//   its IoU with any true event of its class is >= 0.5 (no one-to-one matching), else a false
//   positive; a true event no prediction reaches IoU >= 0.5 with is a false negative;
// - Event@AV pools the audio and visual TP/FP/FN per class before F; Type@AV is the mean of the
//   dataset-level audio, visual and audio-visual scores.
class AvvpEvaluator
{
public:
    // Adds one window. `prediction` and `truth` must have the same shape.
    void add(const AvvpLabels &prediction, const AvvpLabels &truth);
    AvvpResult result() const;
    int count() const { return int(m_segA.size()); }

private:
    QList<double> m_segA, m_segV, m_segAV, m_segEvent;
    QList<double> m_evA, m_evV, m_evAV, m_evEvent;
};

} // namespace earmark::metrics
