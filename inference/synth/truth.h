#pragma once

#include "core/base/result.h"
#include "inference/synth/catalog.h"
#include "inference/synth/plan.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace earmark::synth {

// The published benchmark formats (MODELS.md), written from clip plans. Rows follow the order of
// `plans`, then onset, then class index; classes in a weak label follow the class index order.

// LLP weak labels: "filename\tevent_labels", labels comma-separated (heard or seen).
QByteArray llpWeakLabels(const std::vector<ClipPlan> &plans, const Catalog &catalog);
// LLP dense labels for one modality: "filename\tonset\toffset\tevent_labels", one class per row,
// whole seconds, offset exclusive.
enum class Modality { Audio, Visual };
QByteArray llpDenseLabels(const std::vector<ClipPlan> &plans,
                          const Catalog &catalog,
                          Modality modality);
// AVE: "Category&VideoID&Quality&StartTime&EndTime" per clip, for its primary event's
// audio-visual seconds. `header` adds that header line (Annotations.txt has it; the split files
// trainSet.txt/valSet.txt/testSet.txt do not). VideoID is the clip's file name without ".mp4".
QByteArray aveAnnotations(const std::vector<ClipPlan> &plans, const Catalog &catalog, bool header);
// AVSBench S4 metadata: "name,category,split".
QByteArray avsbenchMetadata(const std::vector<ClipPlan> &plans,
                            const Catalog &catalog,
                            const QString &split);
// LLP's file name for a split's weak labels: AVVP_train.csv, AVVP_val_pd.csv, AVVP_test_pd.csv,
// else AVVP_<split>.csv.
QString llpWeakFileName(const QString &split);
// AVE's split file name: trainSet.txt, valSet.txt, testSet.txt, else <split>Set.txt.
QString aveSplitFileName(const QString &split);

} // namespace earmark::synth
