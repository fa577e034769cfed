#pragma once

#include "core/base/time.h"

#include <QList>

namespace earmark::metrics {

// The 1-s segments (bins) of a window that a labelled stretch [onset, offset) covers: bin k,
// [start + k * length, start + (k + 1) * length), counts when at least half of it is covered.
// Whole-second labels cover exactly the bins they span, as in the benchmarks' files.
QList<int> coveredBins(Time onset, Time offset, Time windowStart, int bins, Time binLength);
// How much of bin k [start + k * length, ...) the stretch covers.
Time binOverlap(Time onset, Time offset, Time windowStart, int bin, Time binLength);

} // namespace earmark::metrics
