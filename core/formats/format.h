#pragma once

#include "core/annotation/labelset.h"
#include "core/base/result.h"
#include "core/formats/dataset.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace earmark::formats {

struct ReadOptions
{
    // Bad rows go to Dataset::skipped instead of stopping the read at the first one.
    bool skipBadRows = false;
    // The label sets of the library: rows naming a class a built-in set lacks are bad rows.
    // Classes of other (user-defined or new) sets are accepted as they come.
    QList<annotation::LabelSet> labelSets;
    // For formats that do not name them: the label set (default LLP), the modality (default per
    // format), the track (default per format) and the video (default: the file's base name).
    QString labelSet;
    std::optional<annotation::Modality> modality;
    QString track;
    QString video;
    QString layout; // avsbench: "s4" or "ms3"; empty: told from the folders
};

struct WriteOptions
{
    // llp-dense writes the events heard (Audio) or seen (Visual); the default comes from the
    // output's name ("..._audio.csv") in Format::write's caller.
    std::optional<annotation::Modality> modality;
    QString layout;              // avsbench: "s4" or "ms3"; empty: from the videos' attributes
    bool includeSkipped = false; // put the rows an import skipped back where they were
};

// A file format Earmark reads and writes. Paths name a file, or a folder for formats whose
// `folder` is set (AVSBench mask folders) and for per-video formats given several videos (one
// file per video, named after it, inside the folder). Readers check every row and fail with
// "file:line: reason" (or skip the row when asked); writers write through a temporary file and a
// rename, so a failed write leaves no half file.
struct Format
{
    QString name;          // "llp-weak", "eaf", ...
    QString description;   // one line for --help
    QString extension;     // ".csv", ".eaf"; empty for folders
    bool folder = false;   // reads and writes a folder
    bool perVideo = false; // one file holds one video
    QString fixedLabelSet; // "LLP" or "AVE" when the format implies it; else empty
    std::function<Result<Dataset>(const QString &path, const ReadOptions &options)> read;
    std::function<Status(const Dataset &data, const QString &path, const WriteOptions &options)>
        write;
};

// Every format, by name.
const QList<Format> &allFormats();
const Format *findFormat(const QString &name);
QStringList formatNames();

// "audio" or "visual" in a file's name (AVVP_eval_audio.csv): the modality of an LLP dense file.
std::optional<annotation::Modality> modalityFromFileName(const QString &path);

// Writes `bytes` to `path` through a temporary file and a rename; creates the folder.
Status writeFileAtomically(const QString &path, const QByteArray &bytes);

} // namespace earmark::formats
