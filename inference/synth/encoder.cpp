#include "inference/synth/encoder.h"

#include <QFile>
#include <QProcess>
#include <QSaveFile>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unistd.h>

namespace earmark::synth {

Status writeWav(const QString &path, const std::vector<float> &samples, int sampleRate)
{
    QByteArray data;
    const quint32 dataBytes = quint32(samples.size() * 2);
    data.resize(44 + qsizetype(dataBytes));
    uchar *p = reinterpret_cast<uchar *>(data.data());
    auto put32 = [&](int at, quint32 v) { qToLittleEndian(v, p + at); };
    auto put16 = [&](int at, quint16 v) { qToLittleEndian(v, p + at); };
    std::memcpy(p, "RIFF", 4);
    put32(4, 36 + dataBytes);
    std::memcpy(p + 8, "WAVEfmt ", 8);
    put32(16, 16);
    put16(20, 1); // PCM
    put16(22, 1); // mono
    put32(24, quint32(sampleRate));
    put32(28, quint32(sampleRate * 2));
    put16(32, 2);
    put16(34, 16);
    std::memcpy(p + 36, "data", 4);
    put32(40, dataBytes);
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const float v = std::clamp(samples[i], -1.0f, 1.0f);
        put16(44 + int(2 * i), quint16(qint16(std::lround(v * 32767.0f))));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return Error(QStringLiteral("cannot write the WAV file: %1").arg(file.errorString()), path);
    return {};
}

Status encodeClip(const QString &mp4Path,
                  int frameCount,
                  int fps,
                  const std::function<QImage(int)> &frame,
                  const std::vector<float> &audio,
                  int sampleRate,
                  const QString &ffmpegProgram)
{
    const QString partPath = mp4Path + QStringLiteral(".part");
    const QString wavPath = mp4Path + QStringLiteral(".part.wav");
    if (Status s = writeWav(wavPath, audio, sampleRate); !s)
        return s;
    const QImage first = frame(0);
    const QStringList args = {
        QStringLiteral("-hide_banner"),
        QStringLiteral("-nostdin"),
        QStringLiteral("-loglevel"),
        QStringLiteral("error"),
        QStringLiteral("-y"),
        QStringLiteral("-f"),
        QStringLiteral("rawvideo"),
        QStringLiteral("-pix_fmt"),
        QStringLiteral("bgra"),
        QStringLiteral("-s"),
        QStringLiteral("%1x%2").arg(first.width()).arg(first.height()),
        QStringLiteral("-r"),
        QString::number(fps),
        QStringLiteral("-i"),
        QStringLiteral("-"),
        QStringLiteral("-i"),
        wavPath,
        QStringLiteral("-map"),
        QStringLiteral("0:v"),
        QStringLiteral("-map"),
        QStringLiteral("1:a"),
        QStringLiteral("-c:v"),
        QStringLiteral("libx264"),
        QStringLiteral("-preset"),
        QStringLiteral("veryfast"),
        QStringLiteral("-crf"),
        QStringLiteral("20"),
        QStringLiteral("-pix_fmt"),
        QStringLiteral("yuv420p"),
        QStringLiteral("-g"),
        QString::number(fps),
        QStringLiteral("-threads"),
        QStringLiteral("1"),
        QStringLiteral("-c:a"),
        QStringLiteral("aac"),
        QStringLiteral("-b:a"),
        QStringLiteral("96k"),
        QStringLiteral("-map_metadata"),
        QStringLiteral("-1"),
        QStringLiteral("-fflags"),
        QStringLiteral("+bitexact"),
        QStringLiteral("-flags"),
        QStringLiteral("+bitexact"),
        QStringLiteral("-movflags"),
        QStringLiteral("+faststart"),
        QStringLiteral("-f"),
        QStringLiteral("mp4"),
        partPath,
    };
    QProcess ffmpeg;
    ffmpeg.setStandardOutputFile(QProcess::nullDevice());
    // Its own process group: a Ctrl-C in the terminal reaches Earmark, which stops cleanly after
    // the clips in progress, instead of killing the encoders under it.
    ffmpeg.setChildProcessModifier([] { ::setpgid(0, 0); });
    ffmpeg.start(ffmpegProgram, args);
    auto cleanUp = [&] {
        QFile::remove(wavPath);
        QFile::remove(partPath);
    };
    if (!ffmpeg.waitForStarted(-1)) {
        cleanUp();
        return Error(QStringLiteral("cannot run %1 (%2): install the Debian package ffmpeg")
                         .arg(ffmpegProgram, ffmpeg.errorString()),
                     mp4Path);
    }
    bool writeFailed = false;
    for (int i = 0; i < frameCount && !writeFailed; ++i) {
        QImage image = i == 0 ? first : frame(i);
        if (image.format() != QImage::Format_RGB32 && image.format() != QImage::Format_ARGB32)
            image = image.convertToFormat(QImage::Format_RGB32);
        const qsizetype rowBytes = qsizetype(image.width()) * 4;
        QByteArray bytes;
        bytes.reserve(rowBytes * image.height());
        for (int y = 0; y < image.height(); ++y)
            bytes.append(reinterpret_cast<const char *>(image.constScanLine(y)), rowBytes);
        if (ffmpeg.write(bytes) != bytes.size())
            writeFailed = true;
        while (!writeFailed && ffmpeg.bytesToWrite() > 0) {
            if (!ffmpeg.waitForBytesWritten(-1))
                writeFailed = true;
        }
    }
    ffmpeg.closeWriteChannel();
    ffmpeg.waitForFinished(-1);
    const QString errors = QString::fromLocal8Bit(ffmpeg.readAllStandardError()).trimmed();
    QFile::remove(wavPath);
    if (writeFailed || ffmpeg.exitStatus() != QProcess::NormalExit || ffmpeg.exitCode() != 0) {
        QFile::remove(partPath);
        return Error(QStringLiteral("ffmpeg failed to encode the clip (exit code %1): %2")
                         .arg(ffmpeg.exitCode())
                         .arg(errors.isEmpty() ? ffmpeg.errorString() : errors),
                     mp4Path);
    }
    QFile::remove(mp4Path);
    if (!QFile::rename(partPath, mp4Path)) {
        QFile::remove(partPath);
        return Error(QStringLiteral("cannot rename the encoded clip into place"), mp4Path);
    }
    return {};
}

} // namespace earmark::synth
