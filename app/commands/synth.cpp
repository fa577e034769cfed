// earmark synth: audio-visual clips with exact truth for AVVP, AVE and AVS.

#include "app/command.h"

#include "core/base/cancellation.h"
#include "inference/synth/catalog.h"
#include "inference/synth/generator.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cstdio>

namespace earmark::app {

namespace {

int runSynth(const QStringList &args)
{
    const QString name = QStringLiteral("synth");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Make 10-s audio-visual clips (224x224, 16 fps H.264 + 16 kHz AAC) with exact truth: LLP "
        "weak and dense audio/visual labels, AVE labels and AVSBench masks of the sounding object. "
        "Sounds come from recordings and SoundFont notes, pictures from clip art, all from Debian "
        "packages. The same seed and split give the same clips."));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Random seed (default 1)."),
                                  QStringLiteral("N"),
                                  QStringLiteral("1"));
    const QCommandLineOption count(QStringLiteral("count"),
                                   QStringLiteral("Number of clips."),
                                   QStringLiteral("K"));
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("Output folder (new or empty)."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption split(QStringLiteral("split"),
                                   QStringLiteral("Split name (default train); train draws on the "
                                                  "training recordings and pictures, other splits "
                                                  "on held-out ones."),
                                   QStringLiteral("NAME"),
                                   QStringLiteral("train"));
    const QCommandLineOption first(QStringLiteral("first"),
                                   QStringLiteral("Index of the first clip (default 0): runs with "
                                                  "the same seed and split continue one another."),
                                   QStringLiteral("I"),
                                   QStringLiteral("0"));
    const QCommandLineOption jobs(QStringLiteral("jobs"),
                                  QStringLiteral("Clips made at once (default: CPU cores)."),
                                  QStringLiteral("J"),
                                  QStringLiteral("0"));
    const QCommandLineOption assets(QStringLiteral("assets"),
                                    QStringLiteral("Recordings and pictures to use: training, "
                                                   "held-out or all (default: by split)."),
                                    QStringLiteral("POOL"));
    const QCommandLineOption listClasses(QStringLiteral("list-classes"),
                                         QStringLiteral("Print the classes and their sources, then "
                                                        "stop."));
    const QCommandLineOption quiet(QStringLiteral("quiet"),
                                   QStringLiteral("No progress on stderr."));
    parser.addOptions({seed, count, out, split, first, jobs, assets, listClasses, quiet});
    if (auto exit = parseArguments(parser, name, args))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return usageError(name,
                          QStringLiteral("unexpected argument %1")
                              .arg(parser.positionalArguments().constFirst()));

    if (parser.isSet(listClasses)) {
        auto catalog = synth::loadCatalog();
        if (!catalog)
            return fail(name, catalog.errorString());
        for (const synth::ClassEntry &c : catalog->classes)
            printOut(QStringLiteral("%1\t%2\t%3 recordings, %4 instruments, %5 pictures\t%6\n")
                         .arg(c.name, c.llp ? QStringLiteral("LLP") : QStringLiteral("-"))
                         .arg(c.recordings.size())
                         .arg(c.instruments.size())
                         .arg(c.pictures.size())
                         .arg(c.description));
        return 0;
    }

    synth::SynthOptions options;
    bool ok = false;
    options.seed = parser.value(seed).toULongLong(&ok);
    if (!ok)
        return usageError(name,
                          QStringLiteral("--seed wants a non-negative integer, not \"%1\"")
                              .arg(parser.value(seed)));
    if (!parser.isSet(count))
        return usageError(name, QStringLiteral("--count is required"));
    options.count = parser.value(count).toInt(&ok);
    if (!ok || options.count < 1)
        return usageError(name,
                          QStringLiteral("--count wants a positive integer, not \"%1\"")
                              .arg(parser.value(count)));
    if (!parser.isSet(out))
        return usageError(name, QStringLiteral("--out is required"));
    options.outDir = parser.value(out);
    options.split = parser.value(split);
    options.firstIndex = parser.value(first).toInt(&ok);
    if (!ok || options.firstIndex < 0)
        return usageError(name,
                          QStringLiteral("--first wants a non-negative integer, not \"%1\"")
                              .arg(parser.value(first)));
    options.jobs = parser.value(jobs).toInt(&ok);
    if (!ok || options.jobs < 0)
        return usageError(name,
                          QStringLiteral("--jobs wants a non-negative integer, not \"%1\"")
                              .arg(parser.value(jobs)));
    if (parser.isSet(assets)) {
        const QString pool = parser.value(assets);
        if (pool == QLatin1String("training"))
            options.pool = synth::AssetPool::Training;
        else if (pool == QLatin1String("held-out"))
            options.pool = synth::AssetPool::HeldOut;
        else if (pool == QLatin1String("all"))
            options.pool = synth::AssetPool::All;
        else
            return usageError(name,
                              QStringLiteral("--assets wants training, held-out or all, not \"%1\"")
                                  .arg(pool));
    }

    const bool showProgress = !parser.isSet(quiet);
    QElapsedTimer timer;
    timer.start();
    CancellationToken cancel;
    std::optional<CancelOnSignal> onSignal(std::in_place, cancel);
    auto summary = synth::generateClips(
        options,
        [&](double fraction, const QString &stage) {
            if (!showProgress)
                return;
            const int width = 30;
            const int filled = int(fraction * width + 0.5);
            std::fprintf(stderr,
                         "\r[%s%s] %3d%% %s, %.0f s",
                         QByteArray(filled, '#').constData(),
                         QByteArray(width - filled, '.').constData(),
                         int(fraction * 100 + 0.5),
                         qPrintable(stage),
                         timer.elapsed() / 1000.0);
            std::fflush(stderr);
        },
        cancel);
    onSignal.reset();
    if (showProgress)
        std::fprintf(stderr, "\n");
    if (!summary)
        return fail(name, summary.errorString());
    printOut(QStringLiteral("%1 clips of %2 classes in %3 (%4 s)\n")
                 .arg(summary->clips)
                 .arg(summary->classNames.size())
                 .arg(summary->outDir)
                 .arg(timer.elapsed() / 1000.0, 0, 'f', 1));
    return 0;
}

} // namespace

EARMARK_COMMAND(QStringLiteral("synth"),
                QStringLiteral("Make audio-visual clips with exact AVVP, AVE and AVS truth"),
                runSynth);

} // namespace earmark::app
