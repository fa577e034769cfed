#include "core/metrics/avvp.h"

#include <numeric>

namespace earmark::metrics {

namespace {

struct Counts
{
    QList<double> tp, fp, fn;
    explicit Counts(int classes)
        : tp(classes, 0)
        , fp(classes, 0)
        , fn(classes, 0)
    {}
};

// Mean F over the classes with something predicted or true; 1.0 when none (all true negatives).
double meanF(const Counts &c)
{
    double sum = 0;
    int n = 0;
    for (qsizetype i = 0; i < c.tp.size(); ++i) {
        if (c.tp.at(i) + c.fp.at(i) != 0 || c.tp.at(i) + c.fn.at(i) != 0) {
            sum += 2 * c.tp.at(i) / (2 * c.tp.at(i) + c.fn.at(i) + c.fp.at(i));
            ++n;
        }
    }
    return n == 0 ? 1.0 : sum / n;
}

Counts pooled(const Counts &a, const Counts &v)
{
    Counts out(int(a.tp.size()));
    for (qsizetype i = 0; i < a.tp.size(); ++i) {
        out.tp[i] = a.tp.at(i) + v.tp.at(i);
        out.fp[i] = a.fp.at(i) + v.fp.at(i);
        out.fn[i] = a.fn.at(i) + v.fn.at(i);
    }
    return out;
}

// Runs of 1s: [start, end) pairs.
QList<QPair<int, int>> events(const char *seq, int n)
{
    QList<QPair<int, int>> out;
    int i = 0;
    while (i < n) {
        if (seq[i]) {
            int j = i;
            while (j < n && seq[j])
                ++j;
            out.append({i, j});
            i = j;
        } else {
            ++i;
        }
    }
    return out;
}

// IoU >= 0.5 for two runs, in exact integers: 2 * intersection >= union.
bool matches(QPair<int, int> a, QPair<int, int> b)
{
    const int inter = std::max(0, std::min(a.second, b.second) - std::max(a.first, b.first));
    const int uni = (a.second - a.first) + (b.second - b.first) - inter;
    return 2 * inter >= uni;
}

void eventCounts(const char *pred, const char *truth, int n, double &tp, double &fp, double &fn)
{
    const auto p = events(pred, n), t = events(truth, n);
    for (const auto &e : p) {
        bool hit = false;
        for (const auto &g : t)
            hit = hit || matches(e, g);
        (hit ? tp : fp) += 1;
    }
    for (const auto &g : t) {
        bool hit = false;
        for (const auto &e : p)
            hit = hit || matches(g, e);
        if (!hit)
            fn += 1;
    }
}

double mean(const QList<double> &v)
{
    return v.isEmpty() ? 0 : std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
}

AvvpScores scores(const QList<double> &a,
                  const QList<double> &v,
                  const QList<double> &av,
                  const QList<double> &pooledF)
{
    AvvpScores s;
    s.audio = 100 * mean(a);
    s.visual = 100 * mean(v);
    s.audioVisual = 100 * mean(av);
    s.type = (s.audioVisual + s.audio + s.visual) / 3.;
    s.event = 100 * mean(pooledF);
    return s;
}

} // namespace

AvvpLabels AvvpLabels::empty(int classes, int segments)
{
    AvvpLabels l;
    l.classes = classes;
    l.segments = segments;
    l.audio = QByteArray(classes * segments, '\0');
    l.visual = QByteArray(classes * segments, '\0');
    return l;
}

void AvvpEvaluator::add(const AvvpLabels &prediction, const AvvpLabels &truth)
{
    const int C = truth.classes, T = truth.segments;
    QByteArray predAV(C * T, '\0'), truthAV(C * T, '\0');
    for (int i = 0; i < C * T; ++i) {
        predAV[i] = char(prediction.audio.at(i) && prediction.visual.at(i));
        truthAV[i] = char(truth.audio.at(i) && truth.visual.at(i));
    }
    const QByteArray *preds[3] = {&prediction.audio, &prediction.visual, &predAV};
    const QByteArray *truths[3] = {&truth.audio, &truth.visual, &truthAV};

    // Segment level.
    Counts seg[3] = {Counts(C), Counts(C), Counts(C)};
    for (int m = 0; m < 3; ++m) {
        for (int c = 0; c < C; ++c) {
            for (int t = 0; t < T; ++t) {
                const bool p = preds[m]->at(c * T + t), g = truths[m]->at(c * T + t);
                seg[m].tp[c] += p && g;
                seg[m].fp[c] += p && !g;
                seg[m].fn[c] += !p && g;
            }
        }
    }
    m_segA.append(meanF(seg[0]));
    m_segV.append(meanF(seg[1]));
    m_segAV.append(meanF(seg[2]));
    m_segEvent.append(meanF(pooled(seg[0], seg[1])));

    // Event level.
    Counts ev[3] = {Counts(C), Counts(C), Counts(C)};
    for (int m = 0; m < 3; ++m) {
        for (int c = 0; c < C; ++c)
            eventCounts(preds[m]->constData() + c * T,
                        truths[m]->constData() + c * T,
                        T,
                        ev[m].tp[c],
                        ev[m].fp[c],
                        ev[m].fn[c]);
    }
    m_evA.append(meanF(ev[0]));
    m_evV.append(meanF(ev[1]));
    m_evAV.append(meanF(ev[2]));
    m_evEvent.append(meanF(pooled(ev[0], ev[1])));
}

AvvpResult AvvpEvaluator::result() const
{
    AvvpResult r;
    r.videos = count();
    r.segment = scores(m_segA, m_segV, m_segAV, m_segEvent);
    r.event = scores(m_evA, m_evV, m_evAV, m_evEvent);
    return r;
}

} // namespace earmark::metrics
