#pragma once

// The readers and writers behind the format registry (format.cpp).

#include "core/base/result.h"
#include "core/formats/dataset.h"
#include "core/formats/format.h"

namespace earmark::formats::internal {

Result<Dataset> readLlpWeak(const QString &path, const ReadOptions &options);
Result<Dataset> readLlpDense(const QString &path, const ReadOptions &options);
Status writeLlpWeak(const Dataset &data, const QString &path, const WriteOptions &options);
Status writeLlpDense(const Dataset &data, const QString &path, const WriteOptions &options);

Result<Dataset> readAve(const QString &path, const ReadOptions &options);
Status writeAve(const Dataset &data, const QString &path, const WriteOptions &options);

Result<Dataset> readAvsBench(const QString &path, const ReadOptions &options);
Status writeAvsBench(const Dataset &data, const QString &path, const WriteOptions &options);

Result<Dataset> readEaf(const QString &path, const ReadOptions &options);
Status writeEaf(const Dataset &data, const QString &path, const WriteOptions &options);

Result<Dataset> readAudacity(const QString &path, const ReadOptions &options);
Status writeAudacity(const Dataset &data, const QString &path, const WriteOptions &options);

Result<Dataset> readTextGrid(const QString &path, const ReadOptions &options);
Status writeTextGrid(const Dataset &data, const QString &path, const WriteOptions &options);

Result<Dataset> readVtt(const QString &path, const ReadOptions &options);
Status writeVtt(const Dataset &data, const QString &path, const WriteOptions &options);

Result<Dataset> readJsonl(const QString &path, const ReadOptions &options);
Status writeJsonl(const Dataset &data, const QString &path, const WriteOptions &options);

// Per-video formats: reads `path` (a file, or every file with `extension` in a folder) with
// `readOne`, merging the results.
Result<Dataset> readPerVideo(
    const QString &path,
    const QString &extension,
    const ReadOptions &options,
    const std::function<Result<Dataset>(const QString &, const ReadOptions &)> &readOne);
// Writes each video of `data` with `writeOne` (which gets a dataset of that video alone): into
// `path` itself when it ends with `extension` and there is at most one video, else into
// `path/<video><extension>`.
Status writePerVideo(
    const Dataset &data,
    const QString &path,
    const QString &extension,
    const std::function<QByteArray(const Dataset &one, const QString &video)> &writeOne);

} // namespace earmark::formats::internal
