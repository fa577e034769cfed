#pragma once

// Helpers shared by the readers and writers of core/formats.

#include "core/base/result.h"
#include "core/formats/dataset.h"
#include "core/formats/format.h"

#include <QStringList>

namespace earmark::formats::internal {

// The lines of a UTF-8 text file (line endings "\n" or "\r\n" removed; a final newline does not
// make an empty last line). Fails naming the file when it cannot be read or is not UTF-8.
Result<QStringList> readLines(const QString &path);

// Collects bad rows: with skipBadRows they become Dataset::skipped, else the first one is the
// error of the whole read.
class RowChecker
{
public:
    RowChecker(const QString &file, const ReadOptions &options, Dataset &data)
        : m_file(file)
        , m_options(options)
        , m_data(data)
    {}

    // Reports a bad row; returns false when reading must stop (error() then says why).
    bool bad(int line, const QString &text, const QString &reason, const QString &video = {});
    bool failed() const { return m_error.has_value(); }
    Error error() const { return *m_error; }

    // Whether `label` is a class of the built-in set `labelSet` (true for other sets).
    bool knowsClass(const QString &labelSet, const QString &label) const;
    // "unknown class "X" (label set LLP has no such class)" for a bad-row reason.
    static QString unknownClass(const QString &labelSet, const QString &label);

private:
    QString m_file;
    const ReadOptions &m_options;
    Dataset &m_data;
    std::optional<Error> m_error;
};

// " [audio]" style suffixes that keep a segment's modality in formats with only a label text.
QString withModality(const QString &label, annotation::Modality m);
// Splits "Dog [audio]" into ("Dog", Audio); a label without a suffix keeps `fallback`.
std::pair<QString, annotation::Modality> splitModality(const QString &text,
                                                       annotation::Modality fallback);
// Tier names for formats with tiers (ELAN, Praat): "<track> <modality>[ (<n>)]".
QString tierName(const QString &track, annotation::Modality m, int lane);
struct TierName
{
    QString track;
    std::optional<annotation::Modality> modality;
};
TierName parseTierName(const QString &name);

// Spreads segments over lanes so that no two in one lane overlap (formats whose tiers cannot
// hold overlapping intervals). Returns the lane of each segment, in input order.
QList<int> assignLanes(const QList<const DatasetSegment *> &segments);

// The output file of `video` when a per-video format writes into a folder.
QString perVideoPath(const QString &folder, const QString &video, const QString &extension);
// Groups segment indices by video, in the order videos first appear.
QList<QPair<QString, QList<int>>> segmentsByVideo(const Dataset &data);

} // namespace earmark::formats::internal
