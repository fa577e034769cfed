// earmark waveform / frames / audio: the media engine from the command line.

#include "app/command.h"

#include "core/base/time.h"
#include "core/media/audiodecoder.h"
#include "core/media/framesampler.h"
#include "core/media/probe.h"
#include "core/media/waveform.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QSaveFile>

#include <cmath>

namespace earmark::app {

namespace {

// A whole number option in [min, max]; nullopt (after printing a usage error) when not.
std::optional<int> intOption(const QCommandLineParser &parser,
                             const QCommandLineOption &option,
                             const QString &command,
                             int min,
                             int max,
                             int fallback)
{
    if (!parser.isSet(option))
        return fallback;
    bool ok = false;
    const int v = parser.value(option).toInt(&ok);
    if (!ok || v < min || v > max) {
        usageError(command,
                   QStringLiteral("--%1 must be a whole number from %2 to %3, not \"%4\"")
                       .arg(option.names().constFirst())
                       .arg(min)
                       .arg(max)
                       .arg(parser.value(option)));
        return std::nullopt;
    }
    return v;
}

std::optional<Time> timeOption(const QCommandLineParser &parser,
                               const QCommandLineOption &option,
                               const QString &command)
{
    if (!parser.isSet(option))
        return Time();
    const auto t = parseTime(parser.value(option));
    if (!t || *t < Time()) {
        usageError(command,
                   QStringLiteral("--%1 must be a time such as 12.5 or 1:02.5, not \"%2\"")
                       .arg(option.names().constFirst(), parser.value(option)));
        return std::nullopt;
    }
    return t;
}

void progressLine(double fraction, const QString &)
{
    printErr(QStringLiteral("\r%1%").arg(int(fraction * 100), 3));
}

int runWaveform(const QStringList &args)
{
    const QString name = QStringLiteral("waveform");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Write a file's waveform (min/max per pixel) in BBC audiowaveform's binary "
                       ".dat format, version 2, for peaks.js and other players."));
    const QCommandLineOption outOption({QStringLiteral("o"), QStringLiteral("out")},
                                       QStringLiteral("The .dat file to write."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption pps(QStringLiteral("pixels-per-second"),
                                 QStringLiteral("Zoom as pixels per second of audio."),
                                 QStringLiteral("N"));
    const QCommandLineOption spp(QStringLiteral("samples-per-pixel"),
                                 QStringLiteral("Zoom as audio samples per pixel (default 256)."),
                                 QStringLiteral("N"));
    const QCommandLineOption bits(QStringLiteral("bits"),
                                  QStringLiteral("Resolution: 8 or 16 (default)."),
                                  QStringLiteral("N"));
    const QCommandLineOption split(QStringLiteral("split-channels"),
                                   QStringLiteral("Left and right separately (stereo files)."));
    const QCommandLineOption stream(QStringLiteral("stream"),
                                    QStringLiteral("Audio stream index (see earmark probe)."),
                                    QStringLiteral("N"));
    const QCommandLineOption quiet(QStringLiteral("quiet"), QStringLiteral("No progress."));
    parser.addOptions({outOption, pps, spp, bits, split, stream, quiet});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Media file."));
    if (auto exit = parseArguments(parser, name, args))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return usageError(name, QStringLiteral("expected one FILE"));
    if (!parser.isSet(outOption))
        return usageError(name, QStringLiteral("--out FILE.dat is required"));
    if (parser.isSet(pps) && parser.isSet(spp))
        return usageError(name,
                          QStringLiteral(
                              "give --pixels-per-second or --samples-per-pixel, not both"));

    media::AudiowaveformOptions options;
    const auto samples = intOption(parser, spp, name, 1, 1 << 24, 0);
    const auto pixels = intOption(parser, pps, name, 1, 1 << 20, 0);
    const auto resolution = intOption(parser, bits, name, 8, 16, 16);
    const auto streamIndex = intOption(parser, stream, name, 0, 1 << 16, -1);
    if (!samples || !pixels || !resolution || !streamIndex)
        return 2;
    if (*resolution != 8 && *resolution != 16)
        return usageError(name, QStringLiteral("--bits must be 8 or 16"));
    options.samplesPerPixel = *samples;
    options.pixelsPerSecond = *pixels;
    options.bits = *resolution;
    options.splitChannels = parser.isSet(split);
    options.streamIndex = *streamIndex;
    const Status s = media::writeAudiowaveformDat(parser.positionalArguments().constFirst(),
                                                  parser.value(outOption),
                                                  options,
                                                  {},
                                                  parser.isSet(quiet) ? ProgressCallback()
                                                                      : progressLine);
    if (!parser.isSet(quiet))
        printErr(QStringLiteral("\n"));
    if (!s)
        return fail(name, s.errorString());
    return 0;
}

int runFrames(const QStringList &args)
{
    const QString name = QStringLiteral("frames");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Save the exact frames shown at given times, or N per second, as JPEG or "
                       "PNG files named after their times."));
    const QCommandLineOption outOption({QStringLiteral("o"), QStringLiteral("out")},
                                       QStringLiteral("Folder to write the pictures to."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption at(QStringLiteral("at"),
                                QStringLiteral("Times, comma-separated (12.5, 1:02.5)."),
                                QStringLiteral("T,T..."));
    const QCommandLineOption fps(QStringLiteral("fps"),
                                 QStringLiteral("Frames per second, at the middle of each "
                                                "interval."),
                                 QStringLiteral("N"));
    const QCommandLineOption max(QStringLiteral("max"),
                                 QStringLiteral("With --fps: at most this many, spread over the "
                                                "file."),
                                 QStringLiteral("N"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("WxH, Wx0 or 0xH (default: display size)."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption mode(QStringLiteral("resize"),
                                  QStringLiteral("stretch (default), fit or crop."),
                                  QStringLiteral("MODE"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("jpg (default) or png."),
                                    QStringLiteral("EXT"));
    const QCommandLineOption keyframes(QStringLiteral("keyframes"),
                                       QStringLiteral(
                                           "Nearest earlier keyframes (fast, inexact)."));
    parser.addOptions({outOption, at, fps, max, size, mode, format, keyframes});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Video file."));
    if (auto exit = parseArguments(parser, name, args))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return usageError(name, QStringLiteral("expected one FILE"));
    if (!parser.isSet(outOption))
        return usageError(name, QStringLiteral("--out DIR is required"));
    if (parser.isSet(at) == parser.isSet(fps))
        return usageError(name, QStringLiteral("give either --at or --fps"));
    const QString file = parser.positionalArguments().constFirst();

    media::FrameSamplerOptions options;
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        bool okW = false, okH = false;
        const int w = wh.value(0).toInt(&okW), h = wh.value(1).toInt(&okH);
        if (wh.size() != 2 || !okW || !okH || w < 0 || h < 0 || w > 16384 || h > 16384
            || (w == 0 && h == 0))
            return usageError(name, QStringLiteral("--size must look like 224x224, 640x0 or 0x360"));
        options.format.width = w;
        options.format.height = h;
    }
    const QString resize = parser.value(mode).toLower();
    if (resize == QLatin1String("fit"))
        options.format.resize = media::ResizeMode::Fit;
    else if (resize == QLatin1String("crop"))
        options.format.resize = media::ResizeMode::Crop;
    else if (!resize.isEmpty() && resize != QLatin1String("stretch"))
        return usageError(name, QStringLiteral("--resize must be stretch, fit or crop"));
    const QString ext = parser.isSet(format) ? parser.value(format).toLower()
                                             : QStringLiteral("jpg");
    if (ext != QLatin1String("jpg") && ext != QLatin1String("png"))
        return usageError(name, QStringLiteral("--format must be jpg or png"));
    if (parser.isSet(keyframes))
        options.accuracy = media::SeekAccuracy::Keyframe;

    std::vector<Time> times;
    if (parser.isSet(at)) {
        for (const QString &part : parser.value(at).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const auto t = parseTime(part.trimmed());
            if (!t)
                return usageError(name, QStringLiteral("not a time: \"%1\"").arg(part));
            times.push_back(*t);
        }
    } else {
        bool ok = false;
        const double perSecond = parser.value(fps).toDouble(&ok);
        if (!ok || !(perSecond > 0) || perSecond > 1000)
            return usageError(name, QStringLiteral("--fps must be a number above 0"));
        const auto limit = intOption(parser, max, name, 1, 1 << 20, 0);
        if (!limit)
            return 2;
        auto info = media::probe(file);
        if (!info)
            return fail(name, info.errorString());
        times = media::uniformTimes({}, info->duration, perSecond, 0.5, *limit);
    }
    const QDir dir(parser.value(outOption));
    if (!QDir().mkpath(dir.absolutePath()))
        return fail(name, QStringLiteral("cannot create the folder %1").arg(dir.absolutePath()));

    int written = 0;
    QString writeError;
    const Status s = media::sampleFrames(file, times, options, [&](media::VideoFrame &&f) {
        const QImage image(f.pixels.data(), f.width, f.height, f.bytesPerLine, QImage::Format_RGB888);
        const QString path = dir.filePath(
            QStringLiteral("frame-%1-%2.%3")
                .arg(f.index, 5, 10, QLatin1Char('0'))
                .arg(QString::number(f.requested.seconds(), 'f', 3), ext));
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly)
            || !image.save(&out, ext == QLatin1String("jpg") ? "JPG" : "PNG", 90)
            || !out.commit()) {
            writeError = QStringLiteral("cannot write %1").arg(path);
            return false;
        }
        printOut(QStringLiteral("%1\t%2\t%3\n")
                     .arg(formatTime(f.requested, TimeFormat::Precise),
                          formatTime(f.pts, TimeFormat::Precise),
                          path));
        ++written;
        return true;
    });
    if (!writeError.isEmpty())
        return fail(name, writeError);
    if (!s)
        return fail(name, s.errorString());
    return 0;
}

int runAudio(const QStringList &args)
{
    const QString name = QStringLiteral("audio");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Decode a file's audio (or a range of it) to a WAV file at any rate."));
    const QCommandLineOption outOption({QStringLiteral("o"), QStringLiteral("out")},
                                       QStringLiteral("The .wav file to write."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption rate(QStringLiteral("rate"),
                                  QStringLiteral("Sample rate in Hz (default: the file's)."),
                                  QStringLiteral("HZ"));
    const QCommandLineOption channels(QStringLiteral("channels"),
                                      QStringLiteral("1 (mono, default) or 2."),
                                      QStringLiteral("N"));
    const QCommandLineOption start(QStringLiteral("start"),
                                   QStringLiteral("Start time."),
                                   QStringLiteral("T"));
    const QCommandLineOption duration(QStringLiteral("duration"),
                                      QStringLiteral("Length (default: to the end)."),
                                      QStringLiteral("T"));
    const QCommandLineOption stream(QStringLiteral("stream"),
                                    QStringLiteral("Audio stream index (see earmark probe)."),
                                    QStringLiteral("N"));
    const QCommandLineOption asFloat(QStringLiteral("float"),
                                     QStringLiteral("32-bit float samples instead of 16-bit."));
    parser.addOptions({outOption, rate, channels, start, duration, stream, asFloat});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Media file."));
    if (auto exit = parseArguments(parser, name, args))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return usageError(name, QStringLiteral("expected one FILE"));
    if (!parser.isSet(outOption))
        return usageError(name, QStringLiteral("--out FILE.wav is required"));
    media::AudioDecodeOptions options;
    const auto r = intOption(parser, rate, name, 1000, 768000, 0);
    const auto c = intOption(parser, channels, name, 1, 2, 1);
    const auto st = intOption(parser, stream, name, 0, 1 << 16, -1);
    const auto from = timeOption(parser, start, name);
    const auto length = timeOption(parser, duration, name);
    if (!r || !c || !st || !from || !length)
        return 2;
    options.sampleRate = *r;
    options.channels = *c;
    options.streamIndex = *st;
    options.start = *from;
    options.duration = *length;
    const Status s = media::writeWav(parser.positionalArguments().constFirst(),
                                     parser.value(outOption),
                                     options,
                                     parser.isSet(asFloat) ? media::WavFormat::Float32
                                                           : media::WavFormat::Int16);
    if (!s)
        return fail(name, s.errorString());
    return 0;
}

} // namespace

EARMARK_COMMAND(QStringLiteral("waveform"),
                QStringLiteral("Write a waveform in audiowaveform's .dat format (peaks.js)"),
                runWaveform);
EARMARK_COMMAND(QStringLiteral("frames"),
                QStringLiteral("Save the exact frames at given times or rates as pictures"),
                runFrames);
EARMARK_COMMAND(QStringLiteral("audio"),
                QStringLiteral("Decode audio, or a range of it, to a WAV file at any rate"),
                runAudio);

} // namespace earmark::app
