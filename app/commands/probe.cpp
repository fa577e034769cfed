// earmark probe: facts about a media file.

#include "app/command.h"

#include "core/base/time.h"
#include "core/media/probe.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace earmark::app {

namespace {

QString describe(const media::MediaInfo &info)
{
    QString text = QStringLiteral("%1\n  container: %2, duration %3\n")
                       .arg(info.path,
                            info.container,
                            formatTime(info.duration, TimeFormat::Precise));
    for (const media::StreamInfo &s : info.streams) {
        switch (s.kind) {
        case media::StreamInfo::Kind::Video:
            text += QStringLiteral("  stream %1: video %2, %3x%4, %5 fps%6, %7%8\n")
                        .arg(s.index)
                        .arg(s.codec)
                        .arg(s.width)
                        .arg(s.height)
                        .arg(s.frameRate, 0, 'f', 3)
                        .arg(s.variableFrameRate ? QStringLiteral(" (variable)") : QString())
                        .arg(s.pixelFormat)
                        .arg(s.rotation ? QStringLiteral(", rotated %1°").arg(s.rotation)
                                        : QString());
            break;
        case media::StreamInfo::Kind::Audio:
            text += QStringLiteral("  stream %1: audio %2, %3 Hz, %4 channel(s) (%5)\n")
                        .arg(s.index)
                        .arg(s.codec)
                        .arg(s.sampleRate)
                        .arg(s.channels)
                        .arg(s.channelLayout);
            break;
        default:
            text += QStringLiteral("  stream %1: %2\n").arg(s.index).arg(s.codec);
            break;
        }
    }
    return text;
}

int runProbe(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Print a media file's streams, codecs and timing."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Media file."));
    if (auto exit = parseArguments(parser, QStringLiteral("probe"), args))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("probe"), QStringLiteral("expected one FILE"));
    auto info = media::probe(parser.positionalArguments().constFirst());
    if (!info)
        return fail(QStringLiteral("probe"), info.errorString());
    if (parser.isSet(json))
        printOut(QString::fromUtf8(QJsonDocument(info->toJson()).toJson(QJsonDocument::Indented)));
    else
        printOut(describe(*info));
    return 0;
}

} // namespace

EARMARK_COMMAND(QStringLiteral("probe"),
                QStringLiteral("Print a media file's streams, codecs and timing"),
                runProbe);

} // namespace earmark::app
