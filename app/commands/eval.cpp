// earmark eval avvp|ave|avs: the benchmarks' metrics on files in their formats, or on a model run
// of a library.

#include "app/command.h"
#include "app/libraryoption.h"

#include "core/metrics/fileeval.h"
#include "core/metrics/libraryevaluation.h"
#include "core/storage/modelrunrepository.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

namespace earmark::app {

namespace {

QJsonObject avvpScores(const metrics::AvvpScores &s)
{
    return QJsonObject{{QStringLiteral("audio"), s.audio},
                       {QStringLiteral("visual"), s.visual},
                       {QStringLiteral("audio_visual"), s.audioVisual},
                       {QStringLiteral("type"), s.type},
                       {QStringLiteral("event"), s.event}};
}

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
}

QString avvpText(const metrics::AvvpResult &r)
{
    QString text = QStringLiteral("AVVP on %1 videos (F-score, %)\n").arg(r.videos);
    text += QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                .arg(QString(), -8)
                .arg(QStringLiteral("audio"), 8)
                .arg(QStringLiteral("visual"), 8)
                .arg(QStringLiteral("audio-vis"), 9)
                .arg(QStringLiteral("Type@AV"), 8)
                .arg(QStringLiteral("Event@AV"), 8);
    auto row = [](const QString &name, const metrics::AvvpScores &s) {
        return QStringLiteral("%1 %2 %3 %4 %5 %6\n")
            .arg(name, -8)
            .arg(s.audio, 8, 'f', 2)
            .arg(s.visual, 8, 'f', 2)
            .arg(s.audioVisual, 9, 'f', 2)
            .arg(s.type, 8, 'f', 2)
            .arg(s.event, 8, 'f', 2);
    };
    return text + row(QStringLiteral("segment"), r.segment) + row(QStringLiteral("event"), r.event);
}

int report(const QString &name, const QStringList &warnings)
{
    for (const QString &w : warnings)
        printErr(QStringLiteral("earmark %1: warning: %2\n").arg(name, w));
    return 0;
}

// --library DB --run ID: the metric for a model run against the library's confirmed annotations.
int evaluateLibraryRun(const QString &name,
                       metrics::Task task,
                       const QCommandLineParser &parser,
                       const QCommandLineOption &library,
                       const QCommandLineOption &run,
                       int batchFrames,
                       bool asJson)
{
    // ID, ID,ID,... (repeatable) or "all": every run of the task (earmark analyze makes one
    // per video), scored together.
    QList<qint64> ids;
    bool all = false;
    for (const QString &value : parser.values(run)) {
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (part.trimmed() == QLatin1String("all")) {
                all = true;
                continue;
            }
            bool ok = false;
            const qint64 id = part.trimmed().toLongLong(&ok);
            if (!ok || id <= 0)
                return usageError(name,
                                  QStringLiteral("--run takes model run ids or \"all\", not "
                                                 "\"%1\"")
                                      .arg(part));
            ids.append(id);
        }
    }
    auto db = openLibrary(libraryLocation(parser, library));
    if (!db)
        return fail(name, db.errorString());
    if (all) {
        auto runs = storage::ModelRunRepository(*db).all();
        if (!runs)
            return fail(name, runs.errorString());
        for (const annotation::ModelRun &r : std::as_const(*runs)) {
            if (r.task == metrics::taskName(task) && !ids.contains(r.id))
                ids.append(r.id);
        }
        if (ids.isEmpty())
            return fail(name,
                        QStringLiteral("the library has no %1 model runs")
                            .arg(metrics::taskName(task)));
    }
    metrics::RunEvaluationOptions options;
    options.task = task;
    options.run = ids.constFirst();
    options.moreRuns = ids.mid(1);
    options.batchFrames = batchFrames;
    auto r = metrics::evaluateRun(*db, options);
    if (!r)
        return fail(name, r.errorString());
    if (task == metrics::Task::Avvp) {
        if (asJson)
            printOut(json({{QStringLiteral("segment"), avvpScores(r->avvp.segment)},
                           {QStringLiteral("event"), avvpScores(r->avvp.event)},
                           {QStringLiteral("videos"), r->videos},
                           {QStringLiteral("windows"), r->windows}}));
        else
            printOut(avvpText(r->avvp));
    } else if (task == metrics::Task::Ave) {
        if (asJson)
            printOut(json({{QStringLiteral("accuracy"), r->ave.accuracy},
                           {QStringLiteral("videos"), r->videos},
                           {QStringLiteral("segments"), r->ave.segments}}));
        else
            printOut(QStringLiteral("AVE accuracy %1 % over %2 segments of %3 videos\n")
                         .arg(r->ave.accuracy, 0, 'f', 2)
                         .arg(r->ave.segments)
                         .arg(r->videos));
    } else {
        if (asJson)
            printOut(json({{QStringLiteral("miou"), r->avs.miou},
                           {QStringLiteral("fmeasure"), r->avs.fmeasure},
                           {QStringLiteral("frames"), r->avs.frames},
                           {QStringLiteral("batches"), r->avs.batches}}));
        else
            printOut(QStringLiteral("AVS mIoU %1 %, F-measure %2 % over %3 frames in %4 batches\n")
                         .arg(r->avs.miou, 0, 'f', 2)
                         .arg(r->avs.fmeasure, 0, 'f', 2)
                         .arg(r->avs.frames)
                         .arg(r->avs.batches));
    }
    return report(name, r->notes);
}

int runEval(const QStringList &args)
{
    const QString name = QStringLiteral("eval");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Score predictions with the benchmarks' own metrics.\n\n"
        "  eval avvp --videos LIST.csv --truth-audio A.csv --truth-visual V.csv\n"
        "            --pred-audio PA.csv --pred-visual PV.csv [--json]\n"
        "      LLP: LIST in the weak-label format, the others dense; F-scores in percent\n"
        "      (segment and event level: audio, visual, audio-visual, Type@AV, Event@AV).\n"
        "  eval ave --truth T.txt --pred P.txt [--videos LIST] [--json]\n"
        "      AVE: segment accuracy over the 29 labels (28 classes and background).\n"
        "  eval avs --truth GT_FOLDER --pred PRED_FOLDER [--batch-frames 20] [--videos LIST]\n"
        "      AVSBench: mIoU and F-measure with the benchmark's batches of frames; predictions\n"
        "      are gray PNGs holding probability x 255.\n"
        "  eval avvp|ave|avs --library DB --run ID[,ID...]|all [--json]\n"
        "      the same for model runs of a library (scored together; all: every run of the\n"
        "      task), against its confirmed annotations."));
    const QCommandLineOption library = libraryOption();
    const QCommandLineOption run(QStringLiteral("run"),
                                 QStringLiteral("Model runs of the library: ids, or all."),
                                 QStringLiteral("ID"));
    const QCommandLineOption videos(QStringLiteral("videos"),
                                    QStringLiteral("The videos, in order."),
                                    QStringLiteral("LIST"));
    const QCommandLineOption truthAudio(QStringLiteral("truth-audio"),
                                        QStringLiteral("avvp: true audio events (dense)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption truthVisual(QStringLiteral("truth-visual"),
                                         QStringLiteral("avvp: true visual events (dense)."),
                                         QStringLiteral("FILE"));
    const QCommandLineOption predAudio(QStringLiteral("pred-audio"),
                                       QStringLiteral("avvp: predicted audio events (dense)."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption predVisual(QStringLiteral("pred-visual"),
                                        QStringLiteral("avvp: predicted visual events (dense)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption truth(QStringLiteral("truth"),
                                   QStringLiteral("ave, avs: the truth."),
                                   QStringLiteral("PATH"));
    const QCommandLineOption pred(QStringLiteral("pred"),
                                  QStringLiteral("ave, avs: the predictions."),
                                  QStringLiteral("PATH"));
    const QCommandLineOption batch(QStringLiteral("batch-frames"),
                                   QStringLiteral("avs: frames per batch (default 20: 4 clips of "
                                                  "5 frames)."),
                                   QStringLiteral("N"),
                                   QStringLiteral("20"));
    const QCommandLineOption asJson(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({library,
                       run,
                       videos,
                       truthAudio,
                       truthVisual,
                       predAudio,
                       predVisual,
                       truth,
                       pred,
                       batch,
                       asJson});
    parser.addPositionalArgument(QStringLiteral("TASK"), QStringLiteral("avvp, ave or avs."));
    if (auto exit = parseArguments(parser, name, args))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return usageError(name, QStringLiteral("expected the task: avvp, ave or avs"));
    const QString task = parser.positionalArguments().constFirst();
    bool ok = false;
    const int batchFrames = parser.value(batch).toInt(&ok);
    if (!ok || batchFrames < 1)
        return usageError(name, QStringLiteral("--batch-frames takes a positive number"));
    auto need = [&](const QList<const QCommandLineOption *> &options) -> QString {
        QStringList missing;
        for (const QCommandLineOption *o : options) {
            if (!parser.isSet(*o))
                missing.append(QStringLiteral("--") + o->names().constFirst());
        }
        return missing.join(QStringLiteral(", "));
    };
    QStringList warnings;

    std::optional<metrics::Task> libraryTask;
    if (task == QLatin1String("avvp"))
        libraryTask = metrics::Task::Avvp;
    else if (task == QLatin1String("ave"))
        libraryTask = metrics::Task::Ave;
    else if (task == QLatin1String("avs"))
        libraryTask = metrics::Task::Avs;
    else
        return usageError(name, QStringLiteral("unknown task \"%1\" (avvp, ave or avs)").arg(task));
    if (parser.isSet(run))
        return evaluateLibraryRun(name,
                                  *libraryTask,
                                  parser,
                                  library,
                                  run,
                                  batchFrames,
                                  parser.isSet(asJson));

    if (task == QLatin1String("avvp")) {
        const QString missing = need({&videos, &truthAudio, &truthVisual, &predAudio, &predVisual});
        if (!missing.isEmpty())
            return usageError(name, QStringLiteral("eval avvp needs %1").arg(missing));
        auto r = metrics::evaluateAvvpFiles({parser.value(videos),
                                             parser.value(truthAudio),
                                             parser.value(truthVisual),
                                             parser.value(predAudio),
                                             parser.value(predVisual)},
                                            &warnings);
        if (!r)
            return fail(name, r.errorString());
        if (parser.isSet(asJson))
            printOut(json({{QStringLiteral("segment"), avvpScores(r->segment)},
                           {QStringLiteral("event"), avvpScores(r->event)},
                           {QStringLiteral("videos"), r->videos}}));
        else
            printOut(avvpText(*r));
        return report(name, warnings);
    }
    const QString missing = need({&truth, &pred});
    if (!missing.isEmpty())
        return usageError(name, QStringLiteral("eval %1 needs %2").arg(task, missing));
    if (task == QLatin1String("ave")) {
        auto r = metrics::evaluateAveFiles(parser.value(truth),
                                           parser.value(pred),
                                           parser.value(videos),
                                           &warnings);
        if (!r)
            return fail(name, r.errorString());
        if (parser.isSet(asJson))
            printOut(json({{QStringLiteral("accuracy"), r->accuracy},
                           {QStringLiteral("videos"), r->videos},
                           {QStringLiteral("segments"), r->segments}}));
        else
            printOut(QStringLiteral("AVE accuracy %1 % over %2 segments of %3 videos\n")
                         .arg(r->accuracy, 0, 'f', 2)
                         .arg(r->segments)
                         .arg(r->videos));
        return report(name, warnings);
    }
    auto r = metrics::evaluateAvsFolders(parser.value(truth),
                                         parser.value(pred),
                                         batchFrames,
                                         parser.value(videos),
                                         &warnings);
    if (!r)
        return fail(name, r.errorString());
    if (parser.isSet(asJson))
        printOut(json({{QStringLiteral("miou"), r->miou},
                       {QStringLiteral("fmeasure"), r->fmeasure},
                       {QStringLiteral("frames"), r->frames},
                       {QStringLiteral("batches"), r->batches}}));
    else
        printOut(QStringLiteral("AVS mIoU %1 %, F-measure %2 % over %3 frames in %4 batches\n")
                     .arg(r->miou, 0, 'f', 2)
                     .arg(r->fmeasure, 0, 'f', 2)
                     .arg(r->frames)
                     .arg(r->batches));
    return report(name, warnings);
}

} // namespace

EARMARK_COMMAND(QStringLiteral("eval"),
                QStringLiteral("Score predictions with the AVVP, AVE or AVS benchmark metrics"),
                runEval);

} // namespace earmark::app
