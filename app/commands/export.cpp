// earmark export: a library's labels or masks to a dataset or tool format.

#include "app/command.h"
#include "app/libraryoption.h"

#include "core/annotation/segment.h"
#include "core/formats/format.h"
#include "core/storage/datasetio.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

namespace earmark::app {

namespace {

// A list of videos: a file (one name per line, or an LLP csv whose first column names them) or
// names separated by commas.
QStringList readVideoList(const QString &value, QString *error)
{
    if (!QFileInfo(value).isFile()) {
        QStringList names;
        for (const QString &n : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
            names.append(n.trimmed());
        return names;
    }
    QFile f(value);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read the list: %2").arg(value, f.errorString());
        return {};
    }
    QStringList names;
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        QString first = lines.at(i).section(QLatin1Char('\t'), 0, 0).trimmed();
        if (first.isEmpty() || (i == 0 && first == QLatin1String("filename")))
            continue;
        names.append(first);
    }
    return names;
}

int runExport(const QStringList &args)
{
    const QString name = QStringLiteral("export");
    QCommandLineParser parser;
    QString formats;
    for (const formats::Format &f : formats::allFormats())
        formats += QStringLiteral("  %1%2\n").arg(f.name.leftJustified(11), f.description);
    parser.setApplicationDescription(
        QStringLiteral("Export a library's confirmed labels (accepted and edited) or masks.\n\n"
                       "Formats:\n")
        + formats
        + QStringLiteral("\nPer-video formats (eaf, audacity, textgrid, vtt) write OUT itself "
                         "for one video, else one file per video into the folder OUT. Files are "
                         "written through a temporary file: a failed export leaves no half file."));
    const QCommandLineOption library = libraryOption();
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("Output format."),
                                    QStringLiteral("F"));
    const QCommandLineOption videos(QStringLiteral("videos"),
                                    QStringLiteral("Only these videos: a file of names (one per "
                                                   "line, or an LLP csv) or names separated by "
                                                   "commas."),
                                    QStringLiteral("LIST"));
    const QCommandLineOption labelSet(QStringLiteral("label-set"),
                                      QStringLiteral("Only this label set (formats that imply "
                                                     "one use it)."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption modality(QStringLiteral("modality"),
                                      QStringLiteral("llp-dense: audio or visual (default: from "
                                                     "OUT's name)."),
                                      QStringLiteral("M"));
    const QCommandLineOption layout(QStringLiteral("layout"),
                                    QStringLiteral("avsbench: s4 or ms3 (default: as imported)."),
                                    QStringLiteral("L"));
    const QCommandLineOption run(QStringLiteral("run"),
                                 QStringLiteral("Write what model run ID predicted instead."),
                                 QStringLiteral("ID"));
    const QCommandLineOption proposals(QStringLiteral("include-proposals"),
                                       QStringLiteral("Also write unreviewed and rejected "
                                                      "proposals."));
    const QCommandLineOption skipped(QStringLiteral("include-skipped-rows"),
                                     QStringLiteral("Put back the rows an import in this format "
                                                    "skipped, where they were."));
    parser.addOptions(
        {library, format, videos, labelSet, modality, layout, run, proposals, skipped});
    parser.addPositionalArgument(QStringLiteral("OUT"), QStringLiteral("File or folder to write."));
    if (auto exit = parseArguments(parser, name, args))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return usageError(name, QStringLiteral("expected one OUT"));
    const formats::Format *f = formats::findFormat(parser.value(format));
    if (!f)
        return usageError(name,
                          QStringLiteral("say the format with --format (one of: %1)")
                              .arg(formats::formatNames().join(QStringLiteral(", "))));
    const QString out = parser.positionalArguments().constFirst();

    formats::WriteOptions write;
    write.layout = parser.value(layout);
    write.includeSkipped = parser.isSet(skipped);
    if (parser.isSet(modality)) {
        write.modality = annotation::modalityFromName(parser.value(modality));
        if (!write.modality)
            return usageError(name, QStringLiteral("--modality is audio or visual"));
    }
    storage::ExportOptions what;
    what.labelSet = f->fixedLabelSet.isEmpty() ? parser.value(labelSet) : f->fixedLabelSet;
    what.includeProposals = parser.isSet(proposals);
    if (parser.isSet(run)) {
        bool ok = false;
        what.run = parser.value(run).toLongLong(&ok);
        if (!ok || what.run <= 0)
            return usageError(name, QStringLiteral("--run takes a model run id"));
    }
    if (parser.isSet(videos)) {
        QString error;
        what.videos = readVideoList(parser.value(videos), &error);
        if (!error.isEmpty())
            return fail(name, error);
    }
    if (f->name == QLatin1String("llp-dense")) {
        if (!write.modality)
            write.modality = formats::modalityFromFileName(out);
        if (!write.modality
            || (*write.modality != annotation::Modality::Audio
                && *write.modality != annotation::Modality::Visual))
            return usageError(name,
                              QStringLiteral("say whether to write the audio or the visual "
                                             "events with --modality audio|visual"));
        what.modality = write.modality;
    }
    if (write.includeSkipped) {
        what.skippedFrom = f->name;
        if (what.modality)
            what.skippedFrom += QLatin1Char(' ') + annotation::modalityName(*what.modality);
    }

    auto db = openLibrary(libraryLocation(parser, library));
    if (!db)
        return fail(name, db.errorString());
    auto data = storage::exportDataset(*db, what);
    if (!data)
        return fail(name, data.errorString());
    if (const Status s = f->write(*data, out, write); !s)
        return fail(name, s.errorString());
    printOut(QStringLiteral("Wrote %1 segments and %2 masks of %3 videos to %4\n")
                 .arg(data->segments.size())
                 .arg(data->masks.size())
                 .arg(data->videos.size())
                 .arg(out));
    return 0;
}

} // namespace

EARMARK_COMMAND(QStringLiteral("export"),
                QStringLiteral("Export labels or masks (LLP, AVE, AVSBench, ELAN, ...)"),
                runExport);

} // namespace earmark::app
