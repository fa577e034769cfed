#include "inference/llm/videoclip.h"

#include "core/media/audiodecoder.h"
#include "core/media/framesampler.h"
#include "core/media/probe.h"
#include "inference/llm/llmsettings.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>

namespace earmark::llm {

namespace {

constexpr int kAudioRate = 16000;

Result<QByteArray> encodeJpeg(const media::VideoFrame &frame, int quality)
{
    const QImage image(frame.pixels.data(),
                       frame.width,
                       frame.height,
                       frame.bytesPerLine,
                       QImage::Format_RGB888);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, QByteArrayLiteral("jpeg"));
    writer.setQuality(quality);
    if (!writer.write(image))
        return Error(QStringLiteral("cannot encode a frame as JPEG (%1); check that Qt's JPEG "
                                    "image plugin (libqt6gui6) is installed")
                         .arg(writer.errorString()));
    return bytes;
}

} // namespace

Result<VideoClip> prepareVideoClip(const ClipSource &source,
                                   const std::optional<ClipRange> &range,
                                   const LlmSettings &settings,
                                   const CancellationToken &cancel,
                                   const ProgressCallback &progress)
{
    const QString path = source.path;
    if (!QFileInfo::exists(path))
        return Error(QStringLiteral("the video file is missing; it may have been moved or "
                                    "deleted"),
                     path);
    auto info = media::probe(path);
    if (!info)
        return info.error();
    const Time duration = info->duration > Time() ? info->duration : source.duration;

    VideoClip clip;
    clip.path = path;
    clip.wholeVideo = !range.has_value();
    clip.videoDuration = duration;
    clip.start = range ? std::max(Time(), range->start) : Time();
    clip.end = range ? range->end : duration;
    if (duration > Time())
        clip.end = std::min(clip.end, duration);
    if (clip.end <= clip.start)
        return Error(QStringLiteral("the range %1-%2 holds nothing of the video (it is %3 long)")
                         .arg(formatTime(clip.start), formatTime(clip.end), formatTime(duration)),
                     path);
    if (clip.length() > Time::fromSeconds(settings.maxClipSeconds)) {
        const QString limit = formatTime(Time::fromSeconds(settings.maxClipSeconds));
        return Error(clip.wholeVideo
                         ? QStringLiteral("the video is %1 long; the chat takes at most %2 at a "
                                          "time. Select a part of it on the timeline and ask about "
                                          "the selection, or raise the limit in Preferences › Chat")
                               .arg(formatTime(clip.length()), limit)
                         : QStringLiteral("the selection is %1 long; the chat takes at most %2 at "
                                          "a time. Select a shorter part, or raise the limit in "
                                          "Preferences › Chat")
                               .arg(formatTime(clip.length()), limit),
                     path);
    }

    const bool frames = settings.sendFrames && info->hasVideo();
    const bool audio = settings.sendAudio && info->hasAudio();
    if (!frames && !audio)
        return Error(settings.sendFrames && settings.sendAudio
                         ? QStringLiteral("the file has neither pictures nor sound to send")
                     : settings.sendFrames
                         ? QStringLiteral("the file has no pictures, and sending sound is turned "
                                          "off in Preferences › Chat")
                         : QStringLiteral("the file has no sound, and sending frames is turned off "
                                          "in Preferences › Chat"),
                     path);
    const double frameShare = frames ? (audio ? 0.8 : 1.0) : 0.0;

    if (frames) {
        const std::vector<Time> times = media::uniformTimes(clip.start,
                                                            clip.end,
                                                            settings.framesPerSecond,
                                                            0.5,
                                                            settings.maxFrames);
        media::FrameSamplerOptions options;
        const media::StreamInfo *video = info->video();
        const int shownWidth = video->displayWidth > 0 ? video->displayWidth : video->width;
        const int shownHeight = video->displayHeight > 0 ? video->displayHeight : video->height;
        if (shownWidth >= shownHeight)
            options.format.width = std::min(shownWidth, settings.frameMaxSide);
        else
            options.format.height = std::min(shownHeight, settings.frameMaxSide);
        options.format.output = media::PixelOutput::Rgb24;
        options.format.filter = media::ScaleFilter::Area;

        QList<Time> frameTimes(qsizetype(times.size()));
        QList<QByteArray> jpegs(qsizetype(times.size()));
        QString encodeError;
        int done = 0;
        const Status sampled = media::sampleFrames(
            path,
            times,
            options,
            [&](media::VideoFrame &&frame) {
                auto jpeg = encodeJpeg(frame, settings.jpegQuality);
                if (!jpeg) {
                    encodeError = jpeg.errorString();
                    return false;
                }
                if (clip.frameSize.isEmpty())
                    clip.frameSize = QSize(frame.width, frame.height);
                frameTimes[frame.index] = frame.requested;
                jpegs[frame.index] = std::move(*jpeg);
                ++done;
                if (progress)
                    progress(frameShare * done / double(times.size()),
                             QStringLiteral("Reading frames (%1 of %2)").arg(done).arg(times.size()));
                return true;
            },
            cancel);
        if (!encodeError.isEmpty())
            return Error(encodeError, path);
        if (!sampled)
            return sampled.error();
        if (done != int(times.size()))
            return Error(QStringLiteral("only %1 of %2 frames could be read")
                             .arg(done)
                             .arg(times.size()),
                         path);
        clip.frameTimes = std::move(frameTimes);
        clip.jpegFrames = std::move(jpegs);
    }

    if (audio) {
        if (progress)
            progress(frameShare, QStringLiteral("Reading the sound"));
        media::AudioDecodeOptions options;
        options.sampleRate = kAudioRate;
        options.channels = 1;
        options.start = clip.start;
        options.duration = clip.length();
        auto buffer = media::decodeAudioBuffer(path, options, cancel, clip.length().seconds() + 1);
        if (!buffer)
            return buffer.error();
        clip.audioSampleCount = buffer->frames();
        clip.wav = media::encodeWav(*buffer, media::WavFormat::Int16);
    }
    if (cancel.isCancelled())
        return Error(QStringLiteral("cancelled"), path);
    if (progress)
        progress(1.0, QStringLiteral("Prepared"));
    return clip;
}

} // namespace earmark::llm
