#include "core/metrics/ave.h"

namespace earmark::metrics {

void AveEvaluator::add(const QList<int> &predicted, const QList<int> &truth)
{
    ++m_videos;
    for (qsizetype i = 0; i < truth.size(); ++i) {
        ++m_segments;
        if (i < predicted.size() && predicted.at(i) == truth.at(i))
            ++m_correct;
    }
}

AveResult AveEvaluator::result() const
{
    AveResult r;
    r.videos = m_videos;
    r.segments = m_segments;
    r.accuracy = m_segments == 0 ? 0 : 100.0 * double(m_correct) / double(m_segments);
    return r;
}

} // namespace earmark::metrics
