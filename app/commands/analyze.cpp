// earmark analyze: runs a model pack over media files headless and stores model runs.

#include "app/command.h"
#include "app/libraryoption.h"

#include "core/base/time.h"
#include "core/storage/videoimport.h"
#include "core/storage/videorepository.h"
#include "inference/engine.h"
#include "inference/pack.h"

#include <QCommandLineParser>
#include <QMutex>

#include <cstdio>
#include <unistd.h>

namespace earmark::app {

namespace {

int runAnalyze(const QStringList &args)
{
    const QString name = QStringLiteral("analyze");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Run a model pack over media files and store what it finds as model runs (proposed "
        "segments and masks) in a library. Files not yet in the library are added."));
    const QCommandLineOption library = libraryOption();
    const QCommandLineOption pack(QStringLiteral("pack"),
                                  QStringLiteral(
                                      "A model pack: an installed id (ID or ID@VERSION) or "
                                      "a folder. Default: the active pack."),
                                  QStringLiteral("PACK"));
    const QCommandLineOption task(QStringLiteral("task"),
                                  QStringLiteral("Only this task (avvp, ave or avs); repeatable."),
                                  QStringLiteral("TASK"));
    const QCommandLineOption from(QStringLiteral("from"),
                                  QStringLiteral("Analyse from this time (e.g. 1:30)."),
                                  QStringLiteral("TIME"));
    const QCommandLineOption to(QStringLiteral("to"),
                                QStringLiteral("Analyse up to this time."),
                                QStringLiteral("TIME"));
    const QCommandLineOption noCache(QStringLiteral("no-cache"),
                                     QStringLiteral("Recompute features even when cached."));
    parser.addOptions({library, pack, task, from, to, noCache});
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("Media files."),
                                 QStringLiteral("FILE..."));
    if (auto exit = parseArguments(parser, name, args))
        return *exit;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return usageError(name, QStringLiteral("expected at least one FILE"));
    Time start, end;
    for (auto [option, out] : {std::pair{&from, &start}, std::pair{&to, &end}}) {
        if (!parser.isSet(*option))
            continue;
        auto t = parseTime(parser.value(*option));
        if (!t || *t < Time())
            return usageError(name,
                              QStringLiteral("--%1: '%2' is not a time like 90, 1:30 or 00:01:30.5")
                                  .arg(option->names().constFirst(), parser.value(*option)));
        *out = *t;
    }
    if (parser.isSet(to) && end <= start)
        return usageError(name, QStringLiteral("--to must come after --from"));

    inference::PackRegistry registry;
    auto chosen = parser.isSet(pack) ? registry.find(parser.value(pack)) : registry.active();
    if (!chosen)
        return fail(name, chosen.errorString());
    auto db = openLibrary(libraryLocation(parser, library));
    if (!db)
        return fail(name, db.errorString());
    storage::VideoRepository videos(*db);

    auto engine = inference::createEngine();
    printErr(QStringLiteral("pack %1@%2 on %3\n")
                 .arg(chosen->manifest.id, chosen->manifest.version, engine->deviceName()));
    const bool tty = isatty(fileno(stderr));
    QMutex mutex; // callbacks come from the engine's worker
    int failures = 0;
    for (const QString &file : files) {
        auto video = storage::addMediaFile(videos, file);
        if (!video) {
            printErr(QStringLiteral("earmark analyze: error: %1\n").arg(video.errorString()));
            ++failures;
            continue;
        }
        inference::AnalysisRequest request;
        request.mediaPath = video->path;
        request.pack = chosen->folder;
        request.tasks = parser.values(task);
        request.start = start;
        request.end = end;
        request.library = *db;
        request.videoId = video->id;
        request.author = QStringLiteral("earmark analyze");
        request.useFeatureCache = !parser.isSet(noCache);
        int lastPercent = -100;
        inference::AnalysisCallbacks callbacks;
        callbacks.progress = [&, file](inference::RequestId, double f, const QString &stage) {
            QMutexLocker lock(&mutex);
            const int percent = int(f * 100);
            if (percent == lastPercent || (!tty && percent / 10 == lastPercent / 10))
                return;
            lastPercent = percent;
            printErr(QStringLiteral("%1%2: %3% %4%5")
                         .arg(tty ? QStringLiteral("\r\033[K") : QString(), file)
                         .arg(percent, 3)
                         .arg(stage, tty ? QString() : QStringLiteral("\n")));
        };
        callbacks.finished = [&, file](inference::RequestId,
                                       const Result<inference::AnalysisResult> &r) {
            QMutexLocker lock(&mutex);
            if (tty)
                printErr(QStringLiteral("\r\033[K"));
            if (!r) {
                printErr(
                    QStringLiteral("earmark analyze: error: %1: %2\n").arg(file, r.errorString()));
                ++failures;
                return;
            }
            QStringList parts;
            for (const inference::TaskResult &t : r->tasks) {
                parts << (t.task == QLatin1String("avs")
                              ? QStringLiteral("%1: %2 masks (run %3)")
                                    .arg(t.task)
                                    .arg(t.masks.size())
                                    .arg(t.storedRun)
                              : QStringLiteral("%1: %2 segments (run %3)")
                                    .arg(t.task)
                                    .arg(t.segments.size())
                                    .arg(t.storedRun));
            }
            printOut(
                QStringLiteral("%1\t%2\t%3 windows in %4 s%5\n")
                    .arg(file, parts.join(QStringLiteral(", ")))
                    .arg(r->windows)
                    .arg(r->seconds, 0, 'f', 2)
                    .arg(r->featuresFromCache ? QStringLiteral(" (cached features)") : QString()));
        };
        engine->submit(std::move(request), std::move(callbacks));
        engine->waitForIdle(); // one at a time: the callbacks capture this iteration's state
    }
    return failures ? 1 : 0;
}

} // namespace

EARMARK_COMMAND(QStringLiteral("analyze"),
                QStringLiteral("Run a model pack over media files and store model runs"),
                runAnalyze);

} // namespace earmark::app
