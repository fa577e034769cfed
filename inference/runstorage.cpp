#include "inference/runstorage.h"

#include "core/storage/labelsetrepository.h"
#include "core/storage/modelrunrepository.h"

#include <QJsonArray>

namespace earmark::inference {

namespace {

Result<annotation::LabelSetId> labelSetFor(const std::shared_ptr<storage::Database> &db,
                                           const AnalysisResult &result,
                                           const TaskResult &task)
{
    QStringList classes = task.classes;
    QString name = QStringLiteral("%1 %2").arg(result.packId, task.vocabulary);
    if (task.task == QLatin1String("avs")) {
        classes = {QStringLiteral("sounding object")};
        name = QStringLiteral("%1 sounding objects").arg(result.packId);
    }
    if (classes == annotation::LabelSet::llp().classes)
        return annotation::kLlpLabelSetId;
    if (classes == annotation::LabelSet::ave().classes)
        return annotation::kAveLabelSetId;
    storage::LabelSetRepository sets(db);
    auto existing = sets.byName(name);
    if (!existing)
        return existing.error();
    if (!*existing) {
        auto created = sets.create(name, classes);
        if (!created)
            return created.error();
        return created->id;
    }
    if ((*existing)->classes.mid(0, classes.size()) == classes)
        return (*existing)->id;
    // The pack's vocabulary changed between versions: indices must still mean the same class.
    return Error(QStringLiteral("label set '%1' holds other classes in other places than the "
                                "pack's vocabulary '%2'; rename one of them")
                     .arg(name, task.vocabulary));
}

} // namespace

Status storeAnalysis(const std::shared_ptr<storage::Database> &library,
                     AnalysisResult &result,
                     const QString &author)
{
    storage::ModelRunRepository runs(library);
    for (TaskResult &task : result.tasks) {
        auto labels = labelSetFor(library, result, task);
        if (!labels)
            return labels.error();
        annotation::ModelRun run;
        run.pack = result.packId;
        run.version = result.packVersion;
        run.task = task.task;
        run.labelSetId = *labels;
        run.author = author.isEmpty() ? QStringLiteral("earmark") : author;
        run.finished = annotation::nowUtc();
        run.started = run.finished.addMSecs(-qint64(result.seconds * 1000));
        run.parameters = QJsonObject{
            {QStringLiteral("media"), result.mediaPath},
            {QStringLiteral("range_start_us"), result.start.microseconds()},
            {QStringLiteral("range_end_us"), result.end.microseconds()},
            {QStringLiteral("windows"), result.windows},
            {QStringLiteral("segment_s"), result.segmentLength},
            {QStringLiteral("device"), result.device},
            {QStringLiteral("vocabulary"), task.vocabulary},
        };
        storage::RunResult rr;
        rr.videoId = result.videoId;
        rr.trackName = QStringLiteral("%1 %2 %3")
                           .arg(result.packId, result.packVersion, task.task.toUpper());
        for (const SegmentProposal &p : task.segments) {
            annotation::Segment s;
            s.modality = p.modality;
            s.classIndex = p.classIndex;
            s.onset = p.onset;
            s.offset = p.offset;
            s.confidence = p.confidence;
            rr.segments << s;
        }
        if (!task.masks.empty()) {
            annotation::MaskObject object;
            object.id = 1; // the key frames name below
            object.classIndex = 0;
            object.name = QStringLiteral("sounding object");
            double sum = 0;
            for (const MaskProposal &mp : task.masks) {
                annotation::MaskFrame f;
                f.objectId = 1;
                f.time = mp.time;
                f.mask = mp.mask;
                rr.frames << f;
                sum += mp.confidence;
            }
            object.confidence = sum / double(task.masks.size());
            rr.objects << object;
        }
        auto stored = runs.addRunWithResults(run, {rr});
        if (!stored)
            return stored.error();
        task.storedRun = stored->run.id;
    }
    result.stored = true;
    return {};
}

} // namespace earmark::inference
