// earmark finetune: a new version of a model pack whose heads learnt from the confirmed
// annotations of a library.

#include "app/command.h"
#include "app/libraryoption.h"

#include "core/base/cancellation.h"
#include "inference/finetune.h"
#include "inference/pack.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cstdio>

namespace earmark::app {

namespace {

int runFinetune(const QStringList &args)
{
    const QString name = QStringLiteral("finetune");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Fine-tune the heads of a model pack (AVVP, AVE, and the AVS decoder where masks were "
        "confirmed) on the accepted and edited annotations of a library, and install the result "
        "as a new version of the pack (VERSION-ft.N); the version it started from stays "
        "installed. Encoder features come from the library's feature cache (made by earmark "
        "analyze) and are computed where missing. The same seed gives the same weights. Ctrl-C "
        "stops without writing anything."));
    const QCommandLineOption library = libraryOption();
    const QCommandLineOption pack(QStringLiteral("pack"),
                                  QStringLiteral("The pack to start from: an installed id (ID or "
                                                 "ID@VERSION) or a folder. Default: the active "
                                                 "pack."),
                                  QStringLiteral("PACK"));
    const QCommandLineOption task(QStringLiteral("task"),
                                  QStringLiteral("Only this head (avvp, ave or avs); repeatable."),
                                  QStringLiteral("TASK"));
    const QCommandLineOption epochs(QStringLiteral("epochs"),
                                    QStringLiteral("Passes over the labelled windows (default "
                                                   "20)."),
                                    QStringLiteral("E"),
                                    QStringLiteral("20"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Seed of the data order and dropout (default 1)."),
                                  QStringLiteral("N"),
                                  QStringLiteral("1"));
    const QCommandLineOption batch(QStringLiteral("batch"),
                                   QStringLiteral("Windows per step (default 8)."),
                                   QStringLiteral("B"),
                                   QStringLiteral("8"));
    const QCommandLineOption rate(QStringLiteral("learning-rate"),
                                  QStringLiteral("Adam's learning rate (default 0.0003)."),
                                  QStringLiteral("LR"),
                                  QStringLiteral("0.0003"));
    const QCommandLineOption version(QStringLiteral("pack-version"),
                                     QStringLiteral("Version of the new pack (default: the "
                                                    "source's version with -ft.N)."),
                                     QStringLiteral("V"));
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("Write the new pack to this folder instead of "
                                                "installing it in the packs folder."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption activate(QStringLiteral("activate"),
                                      QStringLiteral("Make the new version the active pack."));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QStringLiteral("CPU threads (default: the core count)."),
                                     QStringLiteral("N"),
                                     QStringLiteral("0"));
    const QCommandLineOption quiet(QStringLiteral("quiet"),
                                   QStringLiteral("No progress on stderr."));
    parser.addOptions(
        {library, pack, task, epochs, seed, batch, rate, version, out, activate, threads, quiet});
    if (auto exit = parseArguments(parser, name, args))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return usageError(name,
                          QStringLiteral("unexpected argument %1")
                              .arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(out) && parser.isSet(activate))
        return usageError(name,
                          QStringLiteral("--activate needs the pack installed: leave out --out"));

    auto integer = [&](const QCommandLineOption &o, qint64 min, qint64 *value) {
        bool ok = false;
        *value = parser.value(o).toLongLong(&ok);
        return ok && *value >= min;
    };
    inference::FinetuneOptions options;
    qint64 v = 0;
    if (!integer(epochs, 1, &v))
        return usageError(name, QStringLiteral("--epochs wants a positive integer"));
    options.epochs = int(v);
    if (!integer(seed, 0, &v))
        return usageError(name, QStringLiteral("--seed wants a non-negative integer"));
    options.seed = std::uint64_t(v);
    if (!integer(batch, 1, &v))
        return usageError(name, QStringLiteral("--batch wants a positive integer"));
    options.batchSize = int(v);
    if (!integer(threads, 0, &v))
        return usageError(name, QStringLiteral("--threads wants a non-negative integer"));
    options.threads = int(v);
    bool ok = false;
    options.learningRate = parser.value(rate).toDouble(&ok);
    if (!ok || !(options.learningRate > 0) || options.learningRate > 1)
        return usageError(name, QStringLiteral("--learning-rate wants a number in (0, 1]"));
    for (const QString &t : parser.values(task)) {
        if (t != QLatin1String("avvp") && t != QLatin1String("ave") && t != QLatin1String("avs"))
            return usageError(name, QStringLiteral("--task wants avvp, ave or avs, not %1").arg(t));
        options.tasks << t;
    }
    options.version = parser.value(version);
    if (parser.isSet(out))
        options.outDir = QDir::cleanPath(QFileInfo(parser.value(out)).absoluteFilePath());
    options.commandLine = QStringLiteral("earmark finetune ") + args.join(QLatin1Char(' '));

    inference::PackRegistry registry;
    auto chosen = parser.isSet(pack) ? registry.find(parser.value(pack)) : registry.active();
    if (!chosen)
        return fail(name, chosen.errorString());
    options.pack = chosen->folder;
    options.packsDir = registry.packsDir();
    auto db = openLibrary(libraryLocation(parser, library));
    if (!db)
        return fail(name, db.errorString());
    options.library = *db;

    const bool showProgress = !parser.isSet(quiet);
    CancellationToken cancel;
    const CancelOnSignal onSignal(cancel);

    if (showProgress)
        printErr(QStringLiteral("fine-tuning %1@%2 on %3\n")
                     .arg(chosen->manifest.id, chosen->manifest.version, (*db)->location()));
    QElapsedTimer timer;
    timer.start();
    bool lineOpen = false;
    auto summary = inference::finetunePack(
        options,
        [&](const inference::FinetuneProgress &p) {
            if (!showProgress)
                return;
            using Stage = inference::FinetuneProgress::Stage;
            switch (p.stage) {
            case Stage::Collecting:
                printProgressBar(QStringLiteral("reading the confirmed annotations"), 0);
                break;
            case Stage::Encoding:
                printProgressBar(QStringLiteral("features of video %1 of %2: %3")
                                     .arg(p.done + 1)
                                     .arg(p.total)
                                     .arg(p.item),
                                 double(p.done) / std::max(1, p.total));
                break;
            case Stage::Training:
                printProgressBar(QStringLiteral("epoch %1/%2, step %3/%4, loss %5, %6, ETA %7")
                                     .arg(p.epoch)
                                     .arg(p.epochs)
                                     .arg(p.done)
                                     .arg(p.total)
                                     .arg(p.loss, 0, 'f', 4)
                                     .arg(formatSeconds(p.elapsed), formatSeconds(p.eta)),
                                 double(p.done) / std::max(1, p.total));
                break;
            case Stage::Writing:
                printProgressBar(QStringLiteral("writing the pack"), 1);
                break;
            }
            lineOpen = true;
        },
        cancel);
    if (lineOpen)
        std::fprintf(stderr, "\n");
    if (!summary)
        return fail(name, summary.errorString());
    for (const QString &note : std::as_const(summary->notes))
        printErr(QStringLiteral("earmark finetune: note: %1\n").arg(note));
    if (!summary->finished) {
        printErr(QStringLiteral("earmark finetune: stopped; nothing was written\n"));
        return 1;
    }
    printOut(QStringLiteral("pack %1@%2 written to %3: %4 videos, %5 windows, %6 labelled "
                            "segments, %7 mask frames, %8 epochs, %9\n")
                 .arg(summary->packId, summary->version, summary->packDir)
                 .arg(summary->videos)
                 .arg(summary->windows)
                 .arg(summary->segments)
                 .arg(summary->maskFrames)
                 .arg(summary->epochs)
                 .arg(formatSeconds(timer.elapsed() / 1000.0)));
    printOut(QStringLiteral("  features: %1 (%2 of %3 videos encoded, the rest from the cache)\n")
                 .arg(formatSeconds(summary->encodeSeconds))
                 .arg(summary->encodedVideos)
                 .arg(summary->videos));
    for (const inference::FinetuneFit &f : summary->fits)
        printOut(QStringLiteral("  %1 on %2 examples: %3 %4 -> %5, loss %6 -> %7\n")
                     .arg(f.task)
                     .arg(f.examples)
                     .arg(f.scoreName)
                     .arg(f.scoreBefore, 0, 'f', 2)
                     .arg(f.scoreAfter, 0, 'f', 2)
                     .arg(f.lossBefore, 0, 'f', 4)
                     .arg(f.lossAfter, 0, 'f', 4));
    if (parser.isSet(activate)) {
        if (Status s = registry.setActive(
                QStringLiteral("%1@%2").arg(summary->packId, summary->version));
            !s)
            return fail(name, s.errorString());
        printOut(
            QStringLiteral("%1@%2 is the active pack\n").arg(summary->packId, summary->version));
    }
    return 0;
}

} // namespace

EARMARK_COMMAND(QStringLiteral("finetune"),
                QStringLiteral("Fine-tune a model pack's heads on a library's accepted annotations"),
                runFinetune);

} // namespace earmark::app
