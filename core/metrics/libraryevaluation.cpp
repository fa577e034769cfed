#include "core/metrics/libraryevaluation.h"

#include "core/metrics/raster.h"
#include "core/storage/annotationrepository.h"
#include "core/storage/labelsetrepository.h"
#include "core/storage/modelrunrepository.h"
#include "core/storage/videorepository.h"

#include <QHash>
#include <QMap>

#include <cmath>

namespace earmark::metrics {

using namespace annotation;

QString taskName(Task task)
{
    switch (task) {
    case Task::Avvp:
        return QStringLiteral("avvp");
    case Task::Ave:
        return QStringLiteral("ave");
    case Task::Avs:
        return QStringLiteral("avs");
    }
    return QString();
}

namespace {

const Time kWindow = Time::fromSeconds(10);
const Time kBin = Time::fromSeconds(1);

int windowCount(const Video &video, const QList<Segment> &segments)
{
    Time end = video.duration;
    for (const Segment &s : segments)
        end = std::max(end, s.offset);
    return std::max<int>(1,
                         int((end.microseconds() + kWindow.microseconds() - 1)
                             / kWindow.microseconds()));
}

void paintAvvp(AvvpLabels &labels, const Segment &s, Time windowStart)
{
    if (s.modality == Modality::Unspecified || s.classIndex < 0 || s.classIndex >= labels.classes)
        return;
    for (int bin : coveredBins(s.onset, s.offset, windowStart, labels.segments, kBin)) {
        if (modalityIncludes(s.modality, Modality::Audio))
            labels.set(false, s.classIndex, bin);
        if (modalityIncludes(s.modality, Modality::Visual))
            labels.set(true, s.classIndex, bin);
    }
}

QList<int> aveLabels(const QList<Segment> &segments, Time windowStart, int background)
{
    QList<int> out(10, background);
    for (int bin = 0; bin < 10; ++bin) {
        Time best;
        for (const Segment &s : segments) {
            if (s.modality == Modality::Unspecified || s.classIndex < 0)
                continue;
            const Time o = binOverlap(s.onset, s.offset, windowStart, bin, kBin);
            if (o.microseconds() * 2 >= kBin.microseconds() && o > best) {
                best = o;
                out[bin] = s.classIndex;
            }
        }
    }
    return out;
}

} // namespace

Result<RunEvaluation> evaluateRun(const std::shared_ptr<storage::Database> &db,
                                  const RunEvaluationOptions &options,
                                  const CancellationToken &cancel,
                                  const ProgressCallback &progress)
{
    storage::ModelRunRepository runs(db);
    auto run = runs.byId(options.run);
    if (!run)
        return run.error();
    if (!run->has_value())
        return Error(QStringLiteral("model run %1 is not in the library").arg(options.run));
    auto set = storage::LabelSetRepository(db).byId((*run)->labelSetId);
    if (!set)
        return set.error();
    if (!set->has_value())
        return Error(QStringLiteral("the label set of model run %1 is gone").arg(options.run));
    const LabelSet labels = **set;
    // (run, video) pairs to score.
    QList<QPair<annotation::ModelRunId, VideoId>> work;
    QList<annotation::ModelRunId> runIds{options.run};
    for (annotation::ModelRunId id : options.moreRuns) {
        if (!runIds.contains(id))
            runIds.append(id);
    }
    for (annotation::ModelRunId id : std::as_const(runIds)) {
        if (id != options.run) {
            auto other = runs.byId(id);
            if (!other)
                return other.error();
            if (!other->has_value())
                return Error(QStringLiteral("model run %1 is not in the library").arg(id));
            if ((*other)->labelSetId != (*run)->labelSetId || (*other)->task != (*run)->task)
                return Error(QStringLiteral("model run %1 has another task or label set than "
                                            "run %2: they cannot be scored together")
                                 .arg(id)
                                 .arg(options.run));
        }
        QList<VideoId> ids = options.videos;
        if (ids.isEmpty()) {
            auto found = runs.videos(id);
            if (!found)
                return found.error();
            ids = *found;
        }
        for (VideoId v : std::as_const(ids))
            work.append({id, v});
    }
    RunEvaluation out;
    out.task = options.task;
    if (work.isEmpty()) {
        out.notes.append(QStringLiteral("the run has no results in any video"));
        return out;
    }

    storage::AnnotationRepository repo(db);
    storage::VideoRepository videos(db);
    AvvpEvaluator avvp;
    AveEvaluator ave;
    AvsEvaluator avs(options.batchFrames);
    int done = 0;
    for (const auto &[runId, id] : std::as_const(work)) {
        if (cancel.isCancelled())
            return Error(QStringLiteral("the evaluation was cancelled"));
        auto video = videos.byId(id);
        if (!video)
            return video.error();
        if (!video->has_value()) {
            out.notes.append(QStringLiteral("video %1 is no longer in the library").arg(id));
            continue;
        }
        storage::AnnotationQuery truthQuery;
        truthQuery.videos = {id};
        truthQuery.labelSet = labels.id;
        truthQuery.confirmedOnly = true;
        storage::AnnotationQuery predQuery;
        predQuery.videos = {id};
        predQuery.labelSet = labels.id;
        predQuery.run = runId;
        if (options.task == Task::Avs) {
            auto truthObjects = repo.maskObjects(truthQuery);
            auto predObjects = repo.maskObjects(predQuery);
            if (!truthObjects)
                return truthObjects.error();
            if (!predObjects)
                return predObjects.error();
            QList<MaskObjectId> truthIds, predIds;
            for (const MaskObject &o : std::as_const(*truthObjects))
                truthIds.append(o.id);
            for (const MaskObject &o : std::as_const(*predObjects))
                predIds.append(o.id);
            auto truthFrames = repo.maskFrames(truthIds);
            auto predFrames = repo.maskFrames(predIds);
            if (!truthFrames)
                return truthFrames.error();
            if (!predFrames)
                return predFrames.error();
            QMap<qint64, QList<const MaskFrame *>> truthAt, predAt;
            for (const MaskFrame &f : std::as_const(*truthFrames))
                truthAt[f.time.microseconds()].append(&f);
            for (const MaskFrame &f : std::as_const(*predFrames))
                predAt[f.time.microseconds()].append(&f);
            if (truthAt.isEmpty()) {
                out.notes.append(QStringLiteral("%1 has no confirmed masks").arg((*video)->title));
                continue;
            }
            for (auto it = truthAt.cbegin(); it != truthAt.cend(); ++it) {
                const RleMask &first = it.value().constFirst()->mask;
                const int w = first.width(), h = first.height();
                QByteArray truth(qsizetype(w) * h, '\0');
                for (const MaskFrame *f : it.value()) {
                    const QByteArray px = f->mask.toPixels(w, h);
                    for (qsizetype i = 0; i < px.size(); ++i)
                        truth[i] = char(truth.at(i) | px.at(i));
                }
                QByteArray pred(qsizetype(w) * h, '\0');
                for (const MaskFrame *f : predAt.value(it.key())) {
                    const QByteArray px = f->mask.toPixels(w, h);
                    for (qsizetype i = 0; i < px.size(); ++i)
                        pred[i] = char(pred.at(i) | px.at(i));
                }
                avs.addBinary(truth, pred);
            }
        } else {
            auto truth = repo.segments(truthQuery);
            auto pred = repo.segments(predQuery);
            if (!truth)
                return truth.error();
            if (!pred)
                return pred.error();
            QList<Segment> predicted;
            for (const Segment &s : std::as_const(*pred))
                predicted.append(s.predicted());
            const int windows = windowCount(**video, *truth + predicted);
            for (int w = 0; w < windows; ++w) {
                const Time start = Time::fromMicroseconds(kWindow.microseconds() * w);
                if (options.task == Task::Avvp) {
                    AvvpLabels t = AvvpLabels::empty(labels.size(), 10);
                    AvvpLabels p = AvvpLabels::empty(labels.size(), 10);
                    for (const Segment &s : std::as_const(*truth))
                        paintAvvp(t, s, start);
                    for (const Segment &s : std::as_const(predicted))
                        paintAvvp(p, s, start);
                    avvp.add(p, t);
                } else {
                    ave.add(aveLabels(predicted, start, labels.size()),
                            aveLabels(*truth, start, labels.size()));
                }
                ++out.windows;
            }
        }
        ++out.videos;
        if (progress)
            progress(double(++done) / work.size(), (*video)->title);
    }
    out.avvp = avvp.result();
    out.ave = ave.result();
    out.avs = avs.result();
    return out;
}

} // namespace earmark::metrics
