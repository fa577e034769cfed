// AVSBench ground-truth mask folders: one PNG per annotated frame, binary (0/255 gray, or a
// palette whose index 0 is the background). S4: gt_masks/{split}/{category}/{video}/{video}_{n}.png
// (one sounding object of the category per video); MS3: gt_masks/{split}/{video}/{video}_{n}.png
// (all sounding objects in one mask). Reading takes the gt_masks folder or the folder above it;
// writing writes a gt_masks folder.

#include "core/formats/internal/common.h"
#include "core/formats/internal/readers.h"
#include "core/media/imagecodec.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>

namespace earmark::formats::internal {

namespace {

const Time kClipDuration = Time::fromSeconds(5);
const QString kLayout = QStringLiteral("avsbench_layout");
const QString kSplit = QStringLiteral("avsbench_split");
const QString kCategory = QStringLiteral("avsbench_category");

struct MaskFile
{
    QString path;
    QString rel;
    QString split;
    QString category;
    QString video;
    int frame = 0;
};

} // namespace

Result<Dataset> readAvsBench(const QString &path, const ReadOptions &options)
{
    QDir root(path);
    if (!QFileInfo(path).isDir())
        return Error(QStringLiteral("expected a folder of AVSBench masks (gt_masks, or the "
                                    "folder that holds it)"),
                     path);
    if (root.exists(QStringLiteral("gt_masks")))
        root.setPath(root.filePath(QStringLiteral("gt_masks")));
    QList<MaskFile> files;
    QDirIterator it(root.path(),
                    {QStringLiteral("*.png"), QStringLiteral("*.PNG")},
                    QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        MaskFile f;
        f.path = it.next();
        f.rel = root.relativeFilePath(f.path);
        files.append(f);
    }
    if (files.isEmpty())
        return Error(QStringLiteral("no PNG masks in this folder"), root.path());
    std::sort(files.begin(), files.end(), [](const MaskFile &a, const MaskFile &b) {
        return a.rel < b.rel;
    });

    QString layout = options.layout.toLower();
    if (layout.isEmpty()) {
        const int depth = int(files.constFirst().rel.count(QLatin1Char('/')));
        for (const MaskFile &f : std::as_const(files)) {
            if (f.rel.count(QLatin1Char('/')) != depth)
                return Error(QStringLiteral("the masks are not all at the same depth (%1 and %2); "
                                            "say which layout with --layout s4 or --layout ms3")
                                 .arg(files.constFirst().rel, f.rel),
                             root.path());
        }
        if (depth == 3)
            layout = QStringLiteral("s4");
        else if (depth == 2)
            layout = QStringLiteral("ms3");
        else
            return Error(QStringLiteral("masks are neither in S4's split/category/video/ nor in "
                                        "MS3's split/video/ folders (found %1)")
                             .arg(files.constFirst().rel),
                         root.path());
    }
    if (layout != QLatin1String("s4") && layout != QLatin1String("ms3"))
        return Error(QStringLiteral("unknown AVSBench layout \"%1\" (s4 or ms3)").arg(layout));

    Dataset data;
    RowChecker rows(root.path(), options, data);
    const QString labelSet = options.labelSet.isEmpty() ? QStringLiteral("AVSBench")
                                                        : options.labelSet;
    const QString track = options.track.isEmpty() ? QStringLiteral("AVSBench") : options.track;
    static const QRegularExpression nameRe(QStringLiteral("^(.+)_(\\d+)\\.png$"),
                                           QRegularExpression::CaseInsensitiveOption);
    for (MaskFile &f : files) {
        const QStringList parts = f.rel.split(QLatin1Char('/'));
        const bool s4 = layout == QLatin1String("s4");
        QString problem;
        if (parts.size() != (s4 ? 4 : 3)) {
            problem = QStringLiteral("not in the %1 layout (%2)")
                          .arg(s4 ? QStringLiteral("S4 split/category/video/video_n.png")
                                  : QStringLiteral("MS3 split/video/video_n.png"),
                               f.rel);
        } else {
            f.split = parts.at(0);
            f.category = s4 ? parts.at(1) : QString();
            f.video = parts.at(parts.size() - 2);
            const auto m = nameRe.match(parts.constLast());
            if (!m.hasMatch() || m.captured(1) != f.video || m.captured(2).toInt() < 1)
                problem = QStringLiteral("the mask's name is not %1_<frame>.png").arg(f.video);
            else
                f.frame = m.captured(2).toInt();
        }
        if (problem.isEmpty() && s4 && !rows.knowsClass(labelSet, f.category))
            problem = RowChecker::unknownClass(labelSet, f.category);
        media::MaskImage image;
        if (problem.isEmpty()) {
            auto decoded = media::readMaskImage(f.path);
            if (!decoded)
                problem = decoded.error().message;
            else
                image = *decoded;
        }
        if (!problem.isEmpty()) {
            if (!rows.bad(0, f.rel, QStringLiteral("%1: %2").arg(f.rel, problem), f.video))
                return rows.error();
            continue;
        }
        DatasetVideo &video = data.video(f.video);
        video.duration = kClipDuration;
        video.attributes.insert(kLayout, layout);
        video.attributes.insert(kSplit, f.split);
        if (s4)
            video.attributes.insert(kCategory, f.category);
        DatasetMask mask;
        mask.video = f.video;
        mask.track = track;
        mask.labelSet = labelSet;
        mask.object = s4 ? f.category : QStringLiteral("sounding objects");
        mask.label = f.category;
        mask.time = avsFrameTime(f.frame);
        mask.mask = annotation::RleMask::fromPixels(image.width, image.height, image.pixels);
        mask.file = f.path;
        data.masks.append(mask);
    }
    return data;
}

Status writeAvsBench(const Dataset &data, const QString &path, const WriteOptions &options)
{
    // One file per video and frame: the union of the video's objects on that frame.
    struct Frame
    {
        QString video;
        int frame = 0;
        QString label;
        QByteArray pixels;
        int width = 0;
        int height = 0;
    };
    QMap<QPair<QString, int>, Frame> frames;
    QStringList order;
    for (const DatasetMask &m : data.masks) {
        const int n = avsFrameIndex(m.time);
        Frame &f = frames[{m.video, n}];
        const QByteArray px = m.mask.toPixels();
        if (f.pixels.isEmpty()) {
            f.video = m.video;
            f.frame = n;
            f.width = m.mask.width();
            f.height = m.mask.height();
            f.pixels = QByteArray(px.size(), '\0');
            if (!order.contains(m.video))
                order.append(m.video);
        } else if (f.width != m.mask.width() || f.height != m.mask.height()) {
            return Error(QStringLiteral("video %1 has masks of different sizes on frame %2 (%3x%4 "
                                        "and %5x%6)")
                             .arg(m.video)
                             .arg(n)
                             .arg(f.width)
                             .arg(f.height)
                             .arg(m.mask.width())
                             .arg(m.mask.height()));
        }
        if (f.label.isEmpty())
            f.label = m.label;
        for (qsizetype i = 0; i < px.size(); ++i) {
            if (px.at(i))
                f.pixels[i] = char(255);
        }
    }
    if (frames.isEmpty())
        return Error(QStringLiteral("no masks to write"), path);
    for (const Frame &f : std::as_const(frames)) {
        const DatasetVideo *video = data.findVideo(f.video);
        const QJsonObject attrs = video ? video->attributes : QJsonObject();
        QString category = attrs.value(kCategory).toString();
        if (category.isEmpty())
            category = f.label;
        QString layout = options.layout.toLower();
        if (layout.isEmpty())
            layout = attrs.value(kLayout).toString();
        if (layout.isEmpty())
            layout = category.isEmpty() ? QStringLiteral("ms3") : QStringLiteral("s4");
        QString split = attrs.value(kSplit).toString();
        if (split.isEmpty())
            split = QStringLiteral("test");
        QString folder;
        if (layout == QLatin1String("s4")) {
            if (category.isEmpty())
                return Error(QStringLiteral("video %1 has no category for the S4 layout; export "
                                            "it with --layout ms3")
                                 .arg(f.video),
                             path);
            folder = QStringLiteral("%1/%2/%3").arg(split, category, f.video);
        } else if (layout == QLatin1String("ms3")) {
            folder = QStringLiteral("%1/%2").arg(split, f.video);
        } else {
            return Error(QStringLiteral("unknown AVSBench layout \"%1\" (s4 or ms3)").arg(layout));
        }
        auto png = media::encodeGrayPng(f.width, f.height, f.pixels);
        if (!png)
            return Error(png.error().message, path);
        const QString file = QDir(path).filePath(
            QStringLiteral("%1/%2_%3.png").arg(folder, f.video).arg(f.frame));
        if (const Status s = writeFileAtomically(file, *png); !s)
            return s;
    }
    return {};
}

} // namespace earmark::formats::internal
