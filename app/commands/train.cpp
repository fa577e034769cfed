// earmark train: Earmark's own model pack, trained on clips that earmark synth makes.

#include "app/command.h"

#include "core/base/cancellation.h"
#include "inference/synth/generator.h"
#include "inference/train.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <optional>

namespace earmark::app {

namespace {

// The clips to train on: `dir` when it already holds this seed's and count's clips (a resumed
// run), else made there now.
Status makeClips(
    const QString &dir, std::uint64_t seed, int count, bool quiet, const CancellationToken &cancel)
{
    const QString json = QDir(dir).filePath(QStringLiteral("synth.json"));
    if (QFileInfo::exists(json)) {
        QFile f(json);
        if (f.open(QIODevice::ReadOnly)) {
            const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
            const QJsonValue stored = o.value(QLatin1String("seed"));
            const std::uint64_t storedSeed = stored.isString() ? stored.toString().toULongLong()
                                                               : std::uint64_t(stored.toDouble());
            if (storedSeed == seed && o.value(QLatin1String("count")).toInt() == count
                && o.value(QLatin1String("split")).toString() == QLatin1String("train"))
                return {};
        }
        return Error(QStringLiteral("the folder holds other clips; remove it or give --clips"), dir);
    }
    synth::SynthOptions o;
    o.seed = seed;
    o.count = count;
    o.split = QStringLiteral("train");
    o.outDir = dir;
    QElapsedTimer timer;
    timer.start();
    auto made = synth::generateClips(
        o,
        [&](double fraction, const QString &stage) {
            if (!quiet)
                printProgressBar(QStringLiteral("making clips: %1, %2")
                                     .arg(stage, formatSeconds(timer.elapsed() / 1000.0)),
                                 fraction);
        },
        cancel);
    if (!quiet)
        std::fprintf(stderr, "\n");
    if (!made)
        return made.error();
    return {};
}

int runTrain(const QStringList &args)
{
    const QString name = QStringLiteral("train");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Train Earmark's model pack on clips made by earmark synth, in two stages: small audio "
        "and visual encoders and an AVS decoder, pretrained on the segment labels of the "
        "pretraining clips; then, on the frozen encoders, a LINK-style AVVP head from the weak "
        "video-level labels of the training clips and an AVE head. The same seeds give the same "
        "weights. A checkpoint is written after every epoch; Ctrl-C stops after the current step "
        "and --resume continues from the checkpoint."));
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("The pack folder to write."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption clips(QStringLiteral("clips"),
                                   QStringLiteral("Train on this earmark synth folder instead of "
                                                  "making clips."),
                                   QStringLiteral("DIR"));
    const QCommandLineOption clipSeed(QStringLiteral("clip-seed"),
                                      QStringLiteral("Seed of the clips to make (default 1)."),
                                      QStringLiteral("N"),
                                      QStringLiteral("1"));
    const QCommandLineOption pretrainClips(
        QStringLiteral("pretrain-clips"),
        QStringLiteral("Pretrain the encoders on this earmark synth folder (default: with --clips, "
                       "those clips; else clips made with --pretrain-seed)."),
        QStringLiteral("DIR"));
    const QCommandLineOption pretrainSeed(QStringLiteral("pretrain-seed"),
                                          QStringLiteral("Seed of the pretraining clips to make "
                                                         "(default 3)."),
                                          QStringLiteral("N"),
                                          QStringLiteral("3"));
    const QCommandLineOption count(QStringLiteral("count"),
                                   QStringLiteral("Clips to make, or to use of --clips (default "
                                                  "480; with --clips all)."),
                                   QStringLiteral("K"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Training seed: initial weights, data order "
                                                 "(default 1)."),
                                  QStringLiteral("N"),
                                  QStringLiteral("1"));
    const QCommandLineOption epochs(QStringLiteral("epochs"),
                                    QStringLiteral("Encoder passes over the pretraining clips "
                                                   "(default 32)."),
                                    QStringLiteral("E"),
                                    QStringLiteral("32"));
    const QCommandLineOption headEpochs(QStringLiteral("head-epochs"),
                                        QStringLiteral("Head passes over the training clips "
                                                       "(default 30)."),
                                        QStringLiteral("E"),
                                        QStringLiteral("30"));
    const QCommandLineOption framesPerClip(QStringLiteral("frames-per-clip"),
                                           QStringLiteral("Frames drawn from each clip of an "
                                                          "encoder step (default 3)."),
                                           QStringLiteral("K"),
                                           QStringLiteral("3"));
    const QCommandLineOption batch(QStringLiteral("batch"),
                                   QStringLiteral("Clips per step (default 16)."),
                                   QStringLiteral("B"),
                                   QStringLiteral("16"));
    const QCommandLineOption steps(QStringLiteral("steps-per-epoch"),
                                   QStringLiteral("Steps per epoch (default: the whole set)."),
                                   QStringLiteral("S"),
                                   QStringLiteral("0"));
    const QCommandLineOption frameSize(QStringLiteral("frame-size"),
                                       QStringLiteral("Frame side in pixels (default 96)."),
                                       QStringLiteral("PX"),
                                       QStringLiteral("96"));
    const QCommandLineOption pool(QStringLiteral("pool"),
                                  QStringLiteral("How the encoders pool their maps: max "
                                                 "(default) or mean."),
                                  QStringLiteral("P"),
                                  QStringLiteral("max"));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QStringLiteral("CPU threads (default: the core count)."),
                                     QStringLiteral("N"),
                                     QStringLiteral("0"));
    const QCommandLineOption checkpoint(QStringLiteral("checkpoint"),
                                        QStringLiteral("Checkpoint file (default: DIR.checkpoint "
                                                       "next to the pack folder)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption resume(QStringLiteral("resume"),
                                    QStringLiteral("Continue from the checkpoint."));
    const QCommandLineOption id(QStringLiteral("id"),
                                QStringLiteral("Pack id (default earmark-default)."),
                                QStringLiteral("ID"),
                                QStringLiteral("earmark-default"));
    const QCommandLineOption version(QStringLiteral("pack-version"),
                                     QStringLiteral("Pack version (default 1.0.0)."),
                                     QStringLiteral("V"),
                                     QStringLiteral("1.0.0"));
    const QCommandLineOption quiet(QStringLiteral("quiet"),
                                   QStringLiteral("No progress on stderr."));
    parser.addOptions({out,        clips,  clipSeed,  pretrainClips, pretrainSeed,
                       count,      seed,   epochs,    headEpochs,    framesPerClip,
                       batch,      steps,  frameSize, pool,          threads,
                       checkpoint, resume, id,        version,       quiet});
    if (auto exit = parseArguments(parser, name, args))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return usageError(name,
                          QStringLiteral("unexpected argument %1")
                              .arg(parser.positionalArguments().constFirst()));
    if (!parser.isSet(out))
        return usageError(name, QStringLiteral("--out is required"));

    auto integer = [&](const QCommandLineOption &o, qint64 min, qint64 *value) {
        bool ok = false;
        *value = parser.value(o).toLongLong(&ok);
        return ok && *value >= min;
    };
    inference::TrainOptions options;
    options.outDir = QDir::cleanPath(QFileInfo(parser.value(out)).absoluteFilePath());
    qint64 v = 0;
    if (!integer(seed, 0, &v))
        return usageError(name, QStringLiteral("--seed wants a non-negative integer"));
    options.seed = std::uint64_t(v);
    if (!integer(epochs, 1, &v))
        return usageError(name, QStringLiteral("--epochs wants a positive integer"));
    options.epochs = int(v);
    if (!integer(headEpochs, 1, &v))
        return usageError(name, QStringLiteral("--head-epochs wants a positive integer"));
    options.headEpochs = int(v);
    if (!integer(framesPerClip, 1, &v) || v > 10)
        return usageError(name, QStringLiteral("--frames-per-clip wants 1 to 10"));
    options.framesPerClip = int(v);
    if (!integer(batch, 1, &v))
        return usageError(name, QStringLiteral("--batch wants a positive integer"));
    options.batchSize = int(v);
    if (!integer(steps, 0, &v))
        return usageError(name, QStringLiteral("--steps-per-epoch wants a non-negative integer"));
    options.stepsPerEpoch = int(v);
    if (!integer(frameSize, 16, &v) || v > 512)
        return usageError(name, QStringLiteral("--frame-size wants 16 to 512 pixels"));
    options.frameSize = int(v);
    if (!integer(threads, 0, &v))
        return usageError(name, QStringLiteral("--threads wants a non-negative integer"));
    options.threads = int(v);
    if (parser.value(pool) != QLatin1String("mean") && parser.value(pool) != QLatin1String("max"))
        return usageError(name, QStringLiteral("--pool wants mean or max"));
    options.maxPool = parser.value(pool) == QLatin1String("max");
    options.resume = parser.isSet(resume);
    options.checkpoint = parser.value(checkpoint);
    options.packId = parser.value(id);
    options.packVersion = parser.value(version);
    qint64 clipCount = 0;
    if (parser.isSet(count) && !integer(count, 1, &clipCount))
        return usageError(name, QStringLiteral("--count wants a positive integer"));
    options.commandLine = QStringLiteral("earmark train ") + args.join(QLatin1Char(' '));

    const bool showProgress = !parser.isSet(quiet);
    CancellationToken cancel;
    const CancelOnSignal onSignal(cancel);

    // Clips made here (for a training set not given): `folder` gets them, the manifest's `key` the
    // command that makes them again. Returns an exit code on failure.
    const int n = clipCount > 0 ? int(clipCount) : 480;
    auto makeSet = [&](const QCommandLineOption &seedOption,
                       const QString &folder,
                       const QString &key) -> std::optional<int> {
        if (!integer(seedOption, 0, &v))
            return usageError(name,
                              QStringLiteral("--%1 wants a non-negative integer")
                                  .arg(seedOption.names().constFirst()));
        if (Status s = makeClips(folder, std::uint64_t(v), n, !showProgress, cancel); !s)
            return fail(name, s.errorString());
        if (cancel.isCancelled())
            return fail(name, QStringLiteral("stopped while making clips"));
        options.madeFrom.insert(key,
                                QStringLiteral("earmark synth --seed %1 --count %2 --split train")
                                    .arg(v)
                                    .arg(n));
        return std::nullopt;
    };
    if (parser.isSet(clips)) {
        options.clipsDir = parser.value(clips);
        options.maxClips = int(clipCount);
    } else {
        options.clipsDir = options.outDir + QStringLiteral(".clips");
        if (auto exit = makeSet(clipSeed, options.clipsDir, QStringLiteral("clips_made_by")))
            return *exit;
    }
    if (parser.isSet(pretrainClips)) {
        options.pretrainDir = parser.value(pretrainClips);
    } else if (!parser.isSet(clips)) {
        options.pretrainDir = options.outDir + QStringLiteral(".pretrain-clips");
        if (auto exit = makeSet(pretrainSeed,
                                options.pretrainDir,
                                QStringLiteral("pretrain_clips_made_by")))
            return *exit;
    }

    QElapsedTimer timer;
    timer.start();
    auto summary = inference::trainPack(
        options,
        [&](const inference::TrainProgress &p) {
            if (!showProgress)
                return;
            if (p.stage == inference::TrainProgress::Stage::Preparing) {
                printProgressBar(QStringLiteral("preparing clip %1 of %2, ETA %3")
                                     .arg(p.done)
                                     .arg(p.total)
                                     .arg(formatSeconds(p.eta)),
                                 double(p.done) / std::max(1, p.total));
                if (p.done == p.total)
                    std::fprintf(stderr, "\n");
                return;
            }
            printProgressBar(QStringLiteral("epoch %1/%2, step %3/%4, loss %5, %6, ETA %7")
                                 .arg(p.epoch)
                                 .arg(p.epochs)
                                 .arg(p.done)
                                 .arg(p.total)
                                 .arg(p.loss, 0, 'f', 4)
                                 .arg(formatSeconds(p.elapsed), formatSeconds(p.eta)),
                             double(p.done) / std::max(1, p.total));
        },
        cancel);
    if (showProgress)
        std::fprintf(stderr, "\n");
    if (!summary)
        return fail(name, summary.errorString());
    if (!summary->finished) {
        printErr(QStringLiteral("earmark train: stopped after epoch %1; run again with --resume to "
                                "continue\n")
                     .arg(summary->epochs));
        return 1;
    }
    printOut(
        QStringLiteral("pack %1 written: %2 clips, %3 epochs%4, final loss %5, %6\n")
            .arg(summary->packDir)
            .arg(summary->clips)
            .arg(summary->epochs)
            .arg(summary->resumedFromEpoch > 0
                     ? QStringLiteral(" (resumed after epoch %1)").arg(summary->resumedFromEpoch)
                     : QString())
            .arg(summary->finalLoss, 0, 'f', 4)
            .arg(formatSeconds(timer.elapsed() / 1000.0)));
    return 0;
}

} // namespace

EARMARK_COMMAND(QStringLiteral("train"),
                QStringLiteral("Train Earmark's model pack on generated clips"),
                runTrain);

} // namespace earmark::app
