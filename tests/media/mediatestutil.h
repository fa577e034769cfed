#pragma once

// Helpers for the media tests: making real media files with the ffmpeg command-line tool and
// reading back frames whose picture encodes their own index.

#include "core/base/time.h"
#include "core/media/framesampler.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <vector>

namespace earmark::mediatest {

inline QString sample(const char *name)
{
    return QStringLiteral(EARMARK_BINARY_DIR "/share/earmark/samples/") + QLatin1String(name);
}

// Runs ffmpeg quietly; returns its error output on failure (empty on success).
inline QString ffmpeg(const QStringList &args, int timeoutMs = 120000)
{
    QProcess p;
    p.start(QStringLiteral("ffmpeg"),
            QStringList{QStringLiteral("-nostdin"),
                        QStringLiteral("-v"),
                        QStringLiteral("error"),
                        QStringLiteral("-y")}
                + args);
    if (!p.waitForFinished(timeoutMs))
        return QStringLiteral("ffmpeg did not finish");
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("ffmpeg failed: ") + QString::fromUtf8(p.readAllStandardError());
    return {};
}

inline QByteArray runCapture(const QString &program, const QStringList &args, int timeoutMs = 120000)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs) || p.exitCode() != 0)
        return {};
    return p.readAllStandardOutput();
}

// The video filter that draws a frame's index N as 16 binary blocks (bit 0 leftmost, white = 1)
// over the whole picture of `width` x `height`.
inline QString indexPicture(int width, int height, double rate, double seconds)
{
    return QStringLiteral("color=c=black:s=16x2:r=%3:d=%4,format=yuv444p,"
                          "geq=lum='255*mod(floor(N/pow(2,floor(X))),2)':cb=128:cr=128,"
                          "scale=%1:%2:flags=neighbor,setsar=1")
        .arg(width)
        .arg(height)
        .arg(rate)
        .arg(seconds);
}

// Reads the index back from a frame delivered as Rgb24 or Rgb32 (any size, not rotated).
inline int readIndex(const media::VideoFrame &frame)
{
    const int bpp = frame.bytesPerLine / std::max(1, frame.width);
    const int y = frame.height / 2;
    int value = 0;
    for (int bit = 0; bit < 16; ++bit) {
        const int x = (2 * bit + 1) * frame.width / 32;
        const std::uint8_t *p = frame.pixels.data() + std::size_t(y) * frame.bytesPerLine
                                + std::size_t(x) * bpp;
        const int level = bpp == 4 ? p[1] : p[0]; // green in either layout
        if (level > 128)
            value |= 1 << bit;
    }
    return value;
}

// Presentation times of every frame of the first video stream, in order, from the file's start,
// from ffprobe's integer timestamps: a frame at pts p (time base b) is shown from the first
// microsecond at or after p * b. `keyframesOnly`: the keyframes' times.
inline std::vector<Time> framePresentationTimes(const QString &path, bool keyframesOnly = false)
{
    auto probe = [&](const char *entries) {
        return runCapture(QStringLiteral("ffprobe"),
                          {QStringLiteral("-v"),
                           QStringLiteral("error"),
                           QStringLiteral("-select_streams"),
                           QStringLiteral("v:0"),
                           QStringLiteral("-show_entries"),
                           QString::fromLatin1(entries),
                           QStringLiteral("-of"),
                           QStringLiteral("csv=p=0"),
                           path});
    };
    const QList<QByteArray> base = probe("stream=time_base").trimmed().split('/');
    const qint64 num = base.value(0).toLongLong();
    const qint64 den = base.value(1).toLongLong();
    const QByteArray start = runCapture(QStringLiteral("ffprobe"),
                                        {QStringLiteral("-v"),
                                         QStringLiteral("error"),
                                         QStringLiteral("-show_entries"),
                                         QStringLiteral("format=start_time"),
                                         QStringLiteral("-of"),
                                         QStringLiteral("csv=p=0"),
                                         path})
                                 .trimmed();
    const qint64 offsetUs = std::max<qint64>(0, std::llround(start.toDouble() * 1e6));
    std::vector<Time> times;
    if (num <= 0 || den <= 0)
        return times;
    const QByteArray out = probe("frame=best_effort_timestamp,key_frame");
    for (const QByteArray &line : out.split('\n')) {
        const QList<QByteArray> fields = line.trimmed().split(',');
        if (fields.size() < 2 || fields[0].isEmpty())
            continue;
        if (keyframesOnly && fields[0].toInt() != 1)
            continue;
        const qint64 pts = fields[1].toLongLong();
        // ceil(pts * num / den seconds) in microseconds
        const qint64 scaled = pts * num * 1000000; // fits for any test file's length
        qint64 us = scaled / den;
        if (scaled % den != 0 && scaled > 0)
            ++us;
        times.push_back(Time::fromMicroseconds(us - offsetUs));
    }
    std::sort(times.begin(), times.end());
    return times;
}

// Index of the frame shown at t given all presentation times.
inline int shownAt(const std::vector<Time> &pts, Time t)
{
    const auto it = std::upper_bound(pts.begin(), pts.end(), t);
    return it == pts.begin() ? 0 : int(it - pts.begin()) - 1;
}

} // namespace earmark::mediatest
