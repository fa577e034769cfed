#include "core/metrics/fileeval.h"

#include "core/annotation/labelset.h"
#include "core/formats/format.h"
#include "core/media/imagecodec.h"
#include "core/metrics/raster.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

namespace earmark::metrics {

namespace {

Result<QStringList> listedVideos(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("cannot read the video list: %1").arg(f.errorString()), path);
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    QStringList names;
    for (int i = 0; i < lines.size(); ++i) {
        const QString first = lines.at(i).section(QLatin1Char('\t'), 0, 0).trimmed();
        if (first.isEmpty() || (i == 0 && first == QLatin1String("filename")))
            continue;
        names.append(first);
    }
    return names;
}

Result<formats::Dataset> readLenient(const QString &format,
                                     const QString &path,
                                     std::optional<annotation::Modality> modality,
                                     QStringList *warnings)
{
    formats::ReadOptions options;
    options.skipBadRows = true;
    options.modality = modality;
    auto data = formats::findFormat(format)->read(path, options);
    if (!data)
        return data.error();
    for (const formats::SkippedRow &row : std::as_const(data->skipped)) {
        if (!row.reason.contains(QLatin1String("is not before")))
            return Error(row.reason, path, row.line);
        if (warnings)
            warnings->append(QStringLiteral("%1:%2: %3 (counts for nothing, as in the official "
                                            "evaluation)")
                                 .arg(path)
                                 .arg(row.line)
                                 .arg(row.reason));
    }
    return data;
}

void paint(AvvpLabels &labels, bool visual, const formats::Dataset &data, const QString &video)
{
    const annotation::LabelSet llp = annotation::LabelSet::llp();
    for (const formats::DatasetSegment &s : data.segments) {
        if (s.video != video)
            continue;
        const int c = llp.indexOf(s.label);
        for (int bin : coveredBins(s.onset, s.offset, Time(), labels.segments, Time::fromSeconds(1)))
            labels.set(visual, c, bin);
    }
}

} // namespace

Result<AvvpResult> evaluateAvvpFiles(const AvvpFiles &files, QStringList *warnings)
{
    auto videos = listedVideos(files.videos);
    if (!videos)
        return videos.error();
    using annotation::Modality;
    auto ta = readLenient(QStringLiteral("llp-dense"), files.truthAudio, Modality::Audio, warnings);
    if (!ta)
        return ta.error();
    auto tv = readLenient(QStringLiteral("llp-dense"),
                          files.truthVisual,
                          Modality::Visual,
                          warnings);
    if (!tv)
        return tv.error();
    auto pa = readLenient(QStringLiteral("llp-dense"), files.predAudio, Modality::Audio, warnings);
    if (!pa)
        return pa.error();
    auto pv = readLenient(QStringLiteral("llp-dense"), files.predVisual, Modality::Visual, warnings);
    if (!pv)
        return pv.error();
    AvvpEvaluator eval;
    for (const QString &video : std::as_const(*videos)) {
        AvvpLabels truth = AvvpLabels::empty(), pred = AvvpLabels::empty();
        paint(truth, false, *ta, video);
        paint(truth, true, *tv, video);
        paint(pred, false, *pa, video);
        paint(pred, true, *pv, video);
        eval.add(pred, truth);
    }
    return eval.result();
}

Result<AveResult> evaluateAveFiles(const QString &truth,
                                   const QString &prediction,
                                   const QString &videos,
                                   QStringList *warnings)
{
    auto t = readLenient(QStringLiteral("ave"), truth, std::nullopt, warnings);
    if (!t)
        return t.error();
    auto p = readLenient(QStringLiteral("ave"), prediction, std::nullopt, warnings);
    if (!p)
        return p.error();
    QStringList names;
    if (!videos.isEmpty()) {
        auto listed = listedVideos(videos);
        if (!listed)
            return listed.error();
        names = *listed;
    } else {
        for (const formats::DatasetVideo &v : std::as_const(t->videos))
            names.append(v.name);
    }
    const annotation::LabelSet ave = annotation::LabelSet::ave();
    auto labels = [&](const formats::Dataset &d, const QString &video) {
        QList<int> out(10, AveEvaluator::kBackground);
        for (const formats::DatasetSegment &s : d.segments) {
            if (s.video != video)
                continue;
            for (int bin : coveredBins(s.onset, s.offset, Time(), 10, Time::fromSeconds(1)))
                out[bin] = ave.indexOf(s.label);
        }
        return out;
    };
    AveEvaluator eval;
    for (const QString &video : std::as_const(names))
        eval.add(labels(*p, video), labels(*t, video));
    return eval.result();
}

Result<AvsResult> evaluateAvsFolders(const QString &truth,
                                     const QString &prediction,
                                     int batchFrames,
                                     const QString &videos,
                                     QStringList *warnings)
{
    formats::ReadOptions options;
    auto t = formats::findFormat(QStringLiteral("avsbench"))->read(truth, options);
    if (!t)
        return t.error();
    if (!QFileInfo(prediction).isDir())
        return Error(QStringLiteral("expected a folder of predicted masks"), prediction);
    QHash<QString, QString> predFiles;
    QDirIterator it(prediction,
                    {QStringLiteral("*.png"), QStringLiteral("*.PNG")},
                    QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        predFiles.insert(QFileInfo(path).fileName().toLower(), path);
    }
    // Frames in order: by video (listed order, or the folder's), then by frame.
    QStringList order;
    for (const formats::DatasetVideo &v : std::as_const(t->videos))
        order.append(v.name);
    if (!videos.isEmpty()) {
        QFile f(videos);
        if (!f.open(QIODevice::ReadOnly))
            return Error(QStringLiteral("cannot read the video list: %1").arg(f.errorString()),
                         videos);
        QStringList listed;
        const QSet<QString> known(order.begin(), order.end());
        for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
            for (const QString &field : line.split(QRegularExpression(QStringLiteral("[,\t]")))) {
                if (known.contains(field.trimmed()) && !listed.contains(field.trimmed())) {
                    listed.append(field.trimmed());
                    break;
                }
            }
        }
        order = listed;
    }
    QHash<QString, int> rank;
    for (int i = 0; i < order.size(); ++i)
        rank.insert(order.at(i), i);
    QList<const formats::DatasetMask *> frames;
    for (const formats::DatasetMask &m : std::as_const(t->masks)) {
        if (rank.contains(m.video))
            frames.append(&m);
    }
    std::stable_sort(frames.begin(),
                     frames.end(),
                     [&](const formats::DatasetMask *a, const formats::DatasetMask *b) {
                         const int ra = rank.value(a->video), rb = rank.value(b->video);
                         return ra != rb ? ra < rb : a->time < b->time;
                     });
    AvsEvaluator eval(batchFrames);
    int missing = 0;
    for (const formats::DatasetMask *m : std::as_const(frames)) {
        const QByteArray truthPixels = m->mask.toPixels();
        QList<float> prob(truthPixels.size(), 0.0f);
        const QString name = QStringLiteral("%1_%2.png")
                                 .arg(m->video)
                                 .arg(formats::avsFrameIndex(m->time))
                                 .toLower();
        const QString file = predFiles.value(name);
        if (file.isEmpty()) {
            ++missing;
        } else {
            auto image = media::readMaskImage(file);
            if (!image)
                return image.error();
            if (image->width != m->mask.width() || image->height != m->mask.height())
                return Error(QStringLiteral("the prediction is %1x%2 but the true mask is %3x%4; "
                                            "write predictions at the masks' size")
                                 .arg(image->width)
                                 .arg(image->height)
                                 .arg(m->mask.width())
                                 .arg(m->mask.height()),
                             file);
            for (qsizetype i = 0; i < prob.size(); ++i) {
                const quint8 v = quint8(image->pixels.at(i));
                prob[i] = image->kind == media::MaskImage::Kind::Gray ? float(v) / 255.0f
                                                                      : (v ? 1.0f : 0.0f);
            }
        }
        eval.add(truthPixels, prob);
    }
    if (missing > 0 && warnings)
        warnings->append(QStringLiteral("%1 of %2 frames have no prediction in %3 (counted as "
                                        "empty masks)")
                             .arg(missing)
                             .arg(frames.size())
                             .arg(prediction));
    return eval.result();
}

} // namespace earmark::metrics
