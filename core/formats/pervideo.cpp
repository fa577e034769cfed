#include "core/formats/internal/common.h"
#include "core/formats/internal/readers.h"

#include <QDir>
#include <QFileInfo>

namespace earmark::formats::internal {

Result<Dataset> readPerVideo(
    const QString &path,
    const QString &extension,
    const ReadOptions &options,
    const std::function<Result<Dataset>(const QString &, const ReadOptions &)> &readOne)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error(QStringLiteral("the file does not exist"), path);
    if (!info.isDir())
        return readOne(path, options);
    QDir dir(path);
    const QStringList files = dir.entryList({QLatin1Char('*') + extension}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return Error(QStringLiteral("no %1 files in this folder").arg(extension), path);
    if (!options.video.isEmpty() && files.size() > 1)
        return Error(QStringLiteral("--video names one video, but the folder holds %1 files")
                         .arg(files.size()),
                     path);
    Dataset all;
    for (const QString &name : files) {
        auto one = readOne(dir.filePath(name), options);
        if (!one)
            return one.error();
        const int offset = int(all.segments.size());
        for (const DatasetVideo &v : std::as_const(one->videos)) {
            DatasetVideo &target = all.video(v.name);
            if (target.path.isEmpty())
                target.path = v.path;
            target.duration = std::max(target.duration, v.duration);
            for (auto it = v.attributes.begin(); it != v.attributes.end(); ++it)
                target.attributes.insert(it.key(), it.value());
        }
        all.segments += one->segments;
        all.masks += one->masks;
        for (SkippedRow row : std::as_const(one->skipped)) {
            row.afterSegment = row.afterSegment < 0 ? (offset > 0 ? offset - 1 : -1)
                                                    : row.afterSegment + offset;
            row.reason = QStringLiteral("%1: %2").arg(name, row.reason);
            all.skipped.append(row);
        }
    }
    return all;
}

Status writePerVideo(const Dataset &data,
                     const QString &path,
                     const QString &extension,
                     const std::function<QByteArray(const Dataset &, const QString &)> &writeOne)
{
    const auto groups = segmentsByVideo(data);
    QList<QPair<QString, QList<int>>> nonEmpty;
    for (const auto &g : groups) {
        if (!g.second.isEmpty())
            nonEmpty.append(g);
    }
    const bool single = path.endsWith(extension, Qt::CaseInsensitive) && nonEmpty.size() <= 1
                        && !QFileInfo(path).isDir();
    if (nonEmpty.isEmpty() && !single)
        return Error(QStringLiteral("no annotations to write"), path);
    for (const auto &[video, indices] : nonEmpty) {
        Dataset one;
        if (const DatasetVideo *v = data.findVideo(video))
            one.videos.append(*v);
        else
            one.video(video);
        for (int i : indices)
            one.segments.append(data.segments.at(i));
        const QString out = single ? path : perVideoPath(path, video, extension);
        if (const Status s = writeFileAtomically(out, writeOne(one, video)); !s)
            return s;
    }
    if (single && nonEmpty.isEmpty()) {
        Dataset none;
        const QString video = data.videos.isEmpty() ? QFileInfo(path).completeBaseName()
                                                    : data.videos.constFirst().name;
        if (!data.videos.isEmpty())
            none.videos.append(data.videos.constFirst());
        return writeFileAtomically(path, writeOne(none, video));
    }
    return {};
}

} // namespace earmark::formats::internal
