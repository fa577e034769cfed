#pragma once

#include "core/base/result.h"
#include "core/metrics/ave.h"
#include "core/metrics/avs.h"
#include "core/metrics/avvp.h"

#include <QStringList>

// The benchmarks' evaluations run on files in their own formats (what `earmark eval` does).
// Rows the official code would not count (a dense row whose onset is not before its offset) are
// read past and reported in `warnings`; rows it could not read at all are errors naming file and
// line.
namespace earmark::metrics {

struct AvvpFiles
{
    QString videos;     // LLP weak-label csv listing the videos, in order (AVVP_val_pd.csv)
    QString truthAudio; // LLP dense csv
    QString truthVisual;
    QString predAudio;
    QString predVisual;
};
Result<AvvpResult> evaluateAvvpFiles(const AvvpFiles &files, QStringList *warnings = nullptr);

// AVE: truth and prediction in AVE's annotation format; every video of the truth file has 10
// segments (background where no event is). `videos` (optional) restricts and orders them.
Result<AveResult> evaluateAveFiles(const QString &truth,
                                   const QString &prediction,
                                   const QString &videos = {},
                                   QStringList *warnings = nullptr);

// AVS: two AVSBench mask folders (S4 or MS3 layout). Predictions are gray PNGs whose level / 255
// is the probability (binary 0/255 masks work too), found by file name (<video>_<n>.png); a
// missing prediction counts as empty. Frames go in the truth folder's order, or in the order of
// the videos listed in `videos` (one per line, or the benchmark's metadata csv, whose first field
// naming a truth video is used).
Result<AvsResult> evaluateAvsFolders(const QString &truth,
                                     const QString &prediction,
                                     int batchFrames = 20,
                                     const QString &videos = {},
                                     QStringList *warnings = nullptr);

} // namespace earmark::metrics
