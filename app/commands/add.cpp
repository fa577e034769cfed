// earmark add / earmark list: the videos of a library, headless.

#include "app/command.h"
#include "app/libraryoption.h"

#include "core/storage/videoimport.h"
#include "core/storage/videorepository.h"

#include <QCommandLineParser>

namespace earmark::app {

namespace {

int runAdd(const QStringList &args)
{
    const QString name = QStringLiteral("add");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Add media files to a library."));
    const QCommandLineOption library = libraryOption();
    parser.addOption(library);
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("Media files to add."),
                                 QStringLiteral("FILE..."));
    if (auto exit = parseArguments(parser, name, args))
        return *exit;
    if (parser.positionalArguments().isEmpty())
        return usageError(name, QStringLiteral("expected at least one FILE"));
    auto db = openLibrary(libraryLocation(parser, library));
    if (!db)
        return fail(name, db.errorString());
    storage::VideoRepository videos(*db);
    int failures = 0;
    for (const QString &path : parser.positionalArguments()) {
        auto video = storage::addMediaFile(videos, path);
        if (!video) {
            printErr(QStringLiteral("earmark add: error: %1\n").arg(video.errorString()));
            ++failures;
            continue;
        }
        printOut(QStringLiteral("%1\t%2\n").arg(video->id).arg(video->path));
    }
    return failures ? 1 : 0;
}

int runList(const QStringList &args)
{
    const QString name = QStringLiteral("list");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the videos of a library: id, duration, "
                                                    "status and path, tab-separated."));
    const QCommandLineOption library = libraryOption();
    parser.addOption(library);
    if (auto exit = parseArguments(parser, name, args))
        return *exit;
    auto db = openLibrary(libraryLocation(parser, library));
    if (!db)
        return fail(name, db.errorString());
    auto all = storage::VideoRepository(*db).all();
    if (!all)
        return fail(name, all.errorString());
    for (const annotation::Video &v : *all) {
        printOut(QStringLiteral("%1\t%2\t%3\t%4\n")
                     .arg(v.id)
                     .arg(v.duration.seconds(), 0, 'f', 3)
                     .arg(annotation::reviewStatusName(v.status), v.path));
    }
    return 0;
}

} // namespace

EARMARK_COMMAND(QStringLiteral("add"), QStringLiteral("Add media files to a library"), runAdd);
EARMARK_COMMAND(QStringLiteral("list"), QStringLiteral("List the videos of a library"), runList);

} // namespace earmark::app
