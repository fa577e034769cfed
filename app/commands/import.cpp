// earmark import: labels and masks from a dataset or tool file into a library, in one
// transaction.

#include "app/command.h"
#include "app/libraryoption.h"

#include "core/annotation/segment.h"
#include "core/formats/format.h"
#include "core/storage/datasetio.h"
#include "core/storage/labelsetrepository.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace earmark::app {

namespace {

QString formatList()
{
    QString text;
    for (const formats::Format &f : formats::allFormats())
        text += QStringLiteral("  %1%2\n").arg(f.name.leftJustified(11), f.description);
    return text;
}

int runImport(const QStringList &args)
{
    const QString name = QStringLiteral("import");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Import labels or masks into a library, all rows or none.\n\nFormats:\n")
        + formatList()
        + QStringLiteral("\nA malformed row stops the import with its file, line and reason and "
                         "nothing is stored; with --skip-bad-rows the other rows are imported "
                         "and the skipped ones listed (and kept with the import). Videos the "
                         "library lacks are added without a media file, by their dataset name."));
    const QCommandLineOption library = libraryOption();
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("The file's format (see above)."),
                                    QStringLiteral("F"));
    const QCommandLineOption skip(QStringLiteral("skip-bad-rows"),
                                  QStringLiteral("Import the good rows, list the bad ones."));
    const QCommandLineOption labelSet(QStringLiteral("label-set"),
                                      QStringLiteral("Label set of the classes, for formats that "
                                                     "do not imply one (default LLP; a new name "
                                                     "makes a set of your own)."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption modality(QStringLiteral("modality"),
                                      QStringLiteral("audio, visual or audio-visual: for labels "
                                                     "that do not say (llp-dense: from the file "
                                                     "name when it says audio or visual)."),
                                      QStringLiteral("M"));
    const QCommandLineOption track(QStringLiteral("track"),
                                   QStringLiteral("Track to put the labels in (default per "
                                                  "format)."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption video(QStringLiteral("video"),
                                   QStringLiteral("The video of a per-video file (default: the "
                                                  "file's base name)."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption layout(QStringLiteral("layout"),
                                    QStringLiteral("avsbench: s4 or ms3 (default: from the "
                                                   "folders)."),
                                    QStringLiteral("L"));
    parser.addOptions({library, format, skip, labelSet, modality, track, video, layout});
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("File or folder to read."));
    if (auto exit = parseArguments(parser, name, args))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return usageError(name, QStringLiteral("expected one PATH"));
    if (!parser.isSet(format))
        return usageError(name,
                          QStringLiteral("say the file's format with --format (one of: %1)")
                              .arg(formats::formatNames().join(QStringLiteral(", "))));
    const formats::Format *f = formats::findFormat(parser.value(format));
    if (!f)
        return usageError(name,
                          QStringLiteral("unknown format \"%1\" (one of: %2)")
                              .arg(parser.value(format),
                                   formats::formatNames().join(QStringLiteral(", "))));
    const QString path = parser.positionalArguments().constFirst();

    formats::ReadOptions options;
    options.skipBadRows = parser.isSet(skip);
    options.labelSet = parser.value(labelSet);
    options.track = parser.value(track);
    options.video = parser.value(video);
    options.layout = parser.value(layout);
    if (parser.isSet(modality)) {
        options.modality = annotation::modalityFromName(parser.value(modality));
        if (!options.modality)
            return usageError(name, QStringLiteral("--modality is audio, visual or audio-visual"));
    }
    if (!f->fixedLabelSet.isEmpty() && !options.labelSet.isEmpty()
        && options.labelSet != f->fixedLabelSet)
        return usageError(name,
                          QStringLiteral("format %1 always uses label set %2")
                              .arg(f->name, f->fixedLabelSet));

    auto db = openLibrary(libraryLocation(parser, library));
    if (!db)
        return fail(name, db.errorString());
    auto sets = storage::LabelSetRepository(*db).all();
    if (!sets)
        return fail(name, sets.errorString());
    options.labelSets = *sets;

    auto data = f->read(path, options);
    if (!data)
        return fail(name, data.errorString());
    storage::ImportOptions how;
    how.format = f->name;
    if (f->name == QLatin1String("llp-dense")) {
        const auto m = options.modality ? options.modality : formats::modalityFromFileName(path);
        if (m)
            how.format += QLatin1Char(' ') + annotation::modalityName(*m);
    }
    how.source = QFileInfo(path).absoluteFilePath();
    auto report = storage::importDataset(*db, *data, how);
    if (!report)
        return fail(name, report.errorString());
    printOut(QStringLiteral("Imported %1 segments and %2 masks for %3 videos (%4 new, without a "
                            "media file) from %5\n")
                 .arg(report->segments)
                 .arg(report->masks)
                 .arg(report->videosCreated + report->videosMatched)
                 .arg(report->videosCreated)
                 .arg(QFileInfo(path).fileName()));
    if (!report->skipped.isEmpty()) {
        printOut(QStringLiteral("Skipped %1 bad rows:\n").arg(report->skipped.size()));
        for (const formats::SkippedRow &row : std::as_const(report->skipped)) {
            const QString where = row.line > 0 ? QStringLiteral("%1:%2").arg(path).arg(row.line)
                                               : path;
            printOut(QStringLiteral("  %1: %2\n").arg(where, row.reason));
        }
    }
    return 0;
}

} // namespace

EARMARK_COMMAND(QStringLiteral("import"),
                QStringLiteral("Import labels or masks (LLP, AVE, AVSBench, ELAN, ...)"),
                runImport);

} // namespace earmark::app
