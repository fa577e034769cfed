// earmark version: what Earmark runs with.

#include "app/command.h"

#include "core/base/version.h"
#include "core/media/ffmpegversion.h"
#include "inference/runtime.h"

#include <QCommandLineParser>

namespace earmark::app {

QString versionReport()
{
    const inference::RuntimeInfo torch = inference::runtimeInfo();
    return QStringLiteral("Earmark %1\n"
                          "Qt %2 (built with %3)\n"
                          "FFmpeg %4 (%5)\n"
                          "LibTorch %6 (device: %7)\n")
        .arg(QString::fromLatin1(versionString),
             QString::fromLatin1(qVersion()),
             QStringLiteral(QT_VERSION_STR),
             media::ffmpegVersion(),
             media::ffmpegLibraryVersions(),
             torch.torchVersion,
             torch.device);
}

namespace {

int runVersion(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Print the versions of Earmark and of Qt, FFmpeg and LibTorch it runs with."));
    if (auto exit = parseArguments(parser, QStringLiteral("version"), args))
        return *exit;
    printOut(versionReport());
    return 0;
}

} // namespace

EARMARK_COMMAND(QStringLiteral("version"),
                QStringLiteral("Print the versions of Earmark, Qt, FFmpeg and LibTorch"),
                runVersion);

} // namespace earmark::app
