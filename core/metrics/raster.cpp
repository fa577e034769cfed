#include "core/metrics/raster.h"

#include <algorithm>

namespace earmark::metrics {

Time binOverlap(Time onset, Time offset, Time windowStart, int bin, Time binLength)
{
    const Time a = windowStart + Time::fromMicroseconds(binLength.microseconds() * bin);
    const Time b = a + binLength;
    const Time lo = std::max(a, onset), hi = std::min(b, offset);
    return hi > lo ? hi - lo : Time();
}

QList<int> coveredBins(Time onset, Time offset, Time windowStart, int bins, Time binLength)
{
    QList<int> out;
    for (int k = 0; k < bins; ++k) {
        if (binOverlap(onset, offset, windowStart, k, binLength).microseconds() * 2
            >= binLength.microseconds())
            out.append(k);
    }
    return out;
}

} // namespace earmark::metrics
