// earmark pack: install, list, choose and check model packs.

#include "app/command.h"

#include "inference/pack.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace earmark::app {

namespace {

QString describe(const inference::Pack &p, bool active)
{
    const inference::PackManifest &m = p.manifest;
    QString text = QStringLiteral("%1%2@%3\t%4\t%5\t%6\n")
                       .arg(active ? QStringLiteral("* ") : QStringLiteral("  "),
                            m.id,
                            m.version,
                            m.tasks.join(QLatin1Char(',')),
                            m.name,
                            p.folder);
    return text;
}

QString details(const inference::Pack &p)
{
    const inference::PackManifest &m = p.manifest;
    QString text = QStringLiteral("%1 %2 (%3)\n").arg(m.name, m.version, m.id);
    if (!m.description.isEmpty())
        text += m.description + u'\n';
    text += QStringLiteral("folder: %1\nlicence: %2\n").arg(p.folder, m.licence);
    if (!m.citation.isEmpty())
        text += QStringLiteral("citation: %1\n").arg(m.citation);
    text += QStringLiteral("window: %1 s in %2-s segments\n")
                .arg(m.windowLength)
                .arg(m.segmentLength);
    if (m.audio)
        text += QStringLiteral("audio: %1 Hz, %2 channel(s)\n")
                    .arg(m.audio->sampleRate)
                    .arg(m.audio->channels);
    if (m.frames)
        text += QStringLiteral(
                    "frames: %1 per second at phase %2, %3x%4, %5, %6, mean (%7, %8, %9), "
                    "std (%10, %11, %12)\n")
                    .arg(m.frames->fps)
                    .arg(m.frames->phase)
                    .arg(m.frames->width)
                    .arg(m.frames->height)
                    .arg(m.frames->resize, m.frames->filter)
                    .arg(m.frames->mean[0])
                    .arg(m.frames->mean[1])
                    .arg(m.frames->mean[2])
                    .arg(m.frames->std[0])
                    .arg(m.frames->std[1])
                    .arg(m.frames->std[2]);
    for (const inference::PackEncoder &e : m.encoders)
        text += QStringLiteral("encoder %1: %2 %3%4 from %5, output %6\n")
                    .arg(e.name,
                         e.input,
                         e.kind,
                         e.arch.isEmpty() ? QString() : u' ' + e.arch,
                         e.file,
                         e.output);
    for (const inference::PackHead &h : m.heads) {
        QStringList features;
        for (auto it = h.features.cbegin(); it != h.features.cend(); ++it)
            features << QStringLiteral("%1=%2").arg(it.key(), it.value());
        text += QStringLiteral("head %1: %2 from %3, %4 classes (%5), features %6\n")
                    .arg(h.task, h.arch, h.file)
                    .arg(m.vocabularies.value(h.vocabulary).size())
                    .arg(h.vocabulary.isEmpty() ? QStringLiteral("-") : h.vocabulary,
                         features.join(QStringLiteral(", ")));
    }
    if (!m.metrics.isEmpty())
        text += QStringLiteral("metrics: %1\n")
                    .arg(QString::fromUtf8(QJsonDocument(m.metrics).toJson(QJsonDocument::Compact)));
    return text;
}

int runPack(const QStringList &args)
{
    const QString name = QStringLiteral("pack");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Manage model packs (folders with a pack.json manifest).\n"
        "  list              the installed packs (* marks the active one)\n"
        "  add FOLDER        check a pack (checksums included) and install a copy\n"
        "  use ID            make a pack the active one (ID or ID@VERSION)\n"
        "  remove ID         remove an added pack\n"
        "  show ID|FOLDER    what a pack holds: inputs, preprocessing, encoders, heads\n"
        "  verify ID|FOLDER  check a pack's files against their checksums\n"
        "  checksum FOLDER   write the files section (sizes and SHA-256) of a pack's manifest\n"
        "Added packs live in $EARMARK_PACKS_DIR or the application data folder."));
    parser.addPositionalArgument(QStringLiteral("ACTION"),
                                 QStringLiteral(
                                     "list, add, use, remove, show, verify or checksum."));
    parser.addPositionalArgument(QStringLiteral("ARG"),
                                 QStringLiteral("A pack id or folder."),
                                 QStringLiteral("[ARG]"));
    if (auto exit = parseArguments(parser, name, args))
        return *exit;
    const QStringList pos = parser.positionalArguments();
    if (pos.isEmpty())
        return usageError(
            name,
            QStringLiteral("expected an action: list, add, use, remove, show, verify or checksum"));
    const QString action = pos.front();
    const QString arg = pos.value(1);
    const bool needsArg = action != QLatin1String("list");
    if (needsArg && (pos.size() != 2))
        return usageError(name, QStringLiteral("'%1' takes one argument").arg(action));
    if (!needsArg && pos.size() != 1)
        return usageError(name, QStringLiteral("'list' takes no argument"));

    inference::PackRegistry registry;
    if (action == QLatin1String("list")) {
        const QList<inference::Pack> packs = registry.packs();
        auto active = registry.active();
        for (const inference::Pack &p : packs)
            printOut(describe(p, active && active->folder == p.folder));
        for (const QString &problem : registry.problems())
            printErr(QStringLiteral("earmark pack: warning: %1\n").arg(problem));
        if (packs.isEmpty())
            printErr(QStringLiteral(
                "no model pack is installed; add one with `earmark pack add FOLDER`\n"));
        return 0;
    }
    if (action == QLatin1String("add")) {
        auto pack = registry.add(arg);
        if (!pack)
            return fail(name, pack.errorString());
        printOut(QStringLiteral("installed %1@%2 in %3\n")
                     .arg(pack->manifest.id, pack->manifest.version, pack->folder));
        return 0;
    }
    if (action == QLatin1String("use")) {
        if (Status s = registry.setActive(arg); !s)
            return fail(name, s.errorString());
        return 0;
    }
    if (action == QLatin1String("remove")) {
        if (Status s = registry.remove(arg); !s)
            return fail(name, s.errorString());
        return 0;
    }
    if (action == QLatin1String("show") || action == QLatin1String("verify")) {
        auto found = registry.find(arg);
        if (!found)
            return fail(name, found.errorString());
        if (action == QLatin1String("show")) {
            printOut(details(*found));
            return 0;
        }
        auto verified = inference::openPack(found->folder, inference::VerifyFiles::Yes);
        if (!verified)
            return fail(name, verified.errorString());
        printOut(QStringLiteral("%1@%2: %3 files match their checksums\n")
                     .arg(verified->manifest.id, verified->manifest.version)
                     .arg(verified->manifest.files.size()));
        return 0;
    }
    if (action == QLatin1String("checksum")) {
        if (Status s = inference::updatePackChecksums(arg); !s)
            return fail(name, s.errorString());
        auto pack = inference::openPack(arg, inference::VerifyFiles::Yes);
        if (!pack)
            return fail(name, pack.errorString());
        printOut(QStringLiteral("%1: %2 files listed\n")
                     .arg(pack->folder)
                     .arg(pack->manifest.files.size()));
        return 0;
    }
    return usageError(name, QStringLiteral("unknown action '%1'").arg(action));
}

} // namespace

EARMARK_COMMAND(QStringLiteral("pack"),
                QStringLiteral("Install, list, choose and check model packs"),
                runPack);

} // namespace earmark::app
