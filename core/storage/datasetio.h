#pragma once

#include "core/annotation/segment.h"
#include "core/base/cancellation.h"
#include "core/base/progress.h"
#include "core/base/result.h"
#include "core/formats/dataset.h"
#include "core/storage/database.h"

#include <QStringList>

#include <memory>

namespace earmark::storage {

struct ImportOptions
{
    QString format; // recorded with the import, e.g. "llp-dense audio"
    QString source; // the file or folder read
    QString author; // who imported (segments get it as author); default: the login name
};

struct ImportReport
{
    qint64 importId = 0;
    int videosCreated = 0; // new videos without a media file
    int videosMatched = 0; // videos the library had (by file, dataset name or file base name)
    int segments = 0;
    int masks = 0;
    QList<formats::SkippedRow> skipped; // as read; kept in the library with the import
};

// Puts what a reader read into the library, in one transaction: everything or nothing, so a
// killed process leaves no partial import. Videos are found by media file, then by dataset name
// (external id), then by the base name of their media file; a video the library lacks is added
// without a file (see annotation::Video). Segments go into the video's track of the same name and
// label set (made when missing); label sets are found by name, and a name the library lacks makes
// a user-defined set with the classes met. Mask objects are new for each import. Rows the reader
// skipped are kept with the import. Runs on the calling thread; `cancel` stops it (nothing stored).
Result<ImportReport> importDataset(const std::shared_ptr<Database> &db,
                                   const formats::Dataset &data,
                                   const ImportOptions &options,
                                   const ProgressCallback &progress = {},
                                   const CancellationToken &cancel = {});

struct ExportOptions
{
    // Videos to write, by dataset name, external id or media path; empty: every video that has
    // something to write. Unknown names are an error.
    QStringList videos;
    QString labelSet; // only segments of this label set; empty: every set
    // Only segments heard (Audio) or seen (Visual): of that modality or audio-visual; clip-level
    // (Unspecified) ones are left out. Video order follows what is written.
    std::optional<annotation::Modality> modality;
    bool includeProposals = false;  // also Proposed and Rejected segments and masks
    annotation::ModelRunId run = 0; // write what this model run predicted instead
    // Put back the rows that imports in this format skipped (ImportOptions::format); empty: none.
    QString skippedFrom;
};

// What the library holds for a writer: by default the confirmed (Accepted and Edited) segments
// and masks. Videos come in the order their first exported segment was made, segments in the
// order they were made, so an imported file is written back in its own order.
Result<formats::Dataset> exportDataset(const std::shared_ptr<Database> &db,
                                       const ExportOptions &options);

} // namespace earmark::storage
