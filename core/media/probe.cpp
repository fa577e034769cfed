#include "core/media/probe.h"

#include "core/media/internal/ffmpegutil.h"
#include "core/media/internal/framedecoder.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/display.h>
#include <libavutil/pixdesc.h>
}

#include <QJsonArray>

#include <cmath>

namespace earmark::media {

namespace {

Time toTime(int64_t value, AVRational timeBase)
{
    if (value == AV_NOPTS_VALUE || value <= 0)
        return {};
    return Time::fromMicroseconds(av_rescale_q(value, timeBase, AVRational{1, 1000000}));
}

QString kindName(StreamInfo::Kind kind)
{
    switch (kind) {
    case StreamInfo::Kind::Video:
        return QStringLiteral("video");
    case StreamInfo::Kind::Audio:
        return QStringLiteral("audio");
    case StreamInfo::Kind::Subtitle:
        return QStringLiteral("subtitle");
    case StreamInfo::Kind::Data:
        return QStringLiteral("data");
    case StreamInfo::Kind::Other:
        break;
    }
    return QStringLiteral("other");
}

} // namespace

const StreamInfo *MediaInfo::stream(int index) const
{
    for (const StreamInfo &s : streams) {
        if (s.index == index)
            return &s;
    }
    return nullptr;
}

Result<MediaInfo> probe(const QString &path)
{
    auto opened = internal::openInput(path);
    if (!opened)
        return opened.error();
    AVFormatContext *format = opened->get();

    MediaInfo info;
    info.path = path;
    info.container = QString::fromUtf8(format->iformat->name);
    info.duration = format->duration > 0 ? Time::fromMicroseconds(format->duration) : Time();
    info.startTime = Time::fromMicroseconds(internal::startOffsetMicroseconds(format));
    info.bitRate = format->bit_rate;

    for (unsigned i = 0; i < format->nb_streams; ++i) {
        const AVStream *st = format->streams[i];
        const AVCodecParameters *par = st->codecpar;
        StreamInfo s;
        s.index = int(i);
        s.codec = QString::fromUtf8(avcodec_get_name(par->codec_id));
        s.duration = toTime(st->duration, st->time_base);
        s.bitRate = par->bit_rate;
        if (const AVDictionaryEntry *e = av_dict_get(st->metadata, "language", nullptr, 0))
            s.language = QString::fromUtf8(e->value);
        if (const AVDictionaryEntry *e = av_dict_get(st->metadata, "title", nullptr, 0))
            s.title = QString::fromUtf8(e->value);
        switch (par->codec_type) {
        case AVMEDIA_TYPE_VIDEO: {
            if (st->disposition & AV_DISPOSITION_ATTACHED_PIC) {
                s.kind = StreamInfo::Kind::Other; // cover art, not a video track
                break;
            }
            s.kind = StreamInfo::Kind::Video;
            s.width = par->width;
            s.height = par->height;
            const AVRational avg = st->avg_frame_rate;
            const AVRational real = st->r_frame_rate;
            if (avg.num > 0 && avg.den > 0)
                s.frameRate = av_q2d(avg);
            else if (real.num > 0 && real.den > 0)
                s.frameRate = av_q2d(real);
            // r_frame_rate is the lowest rate all timestamps fit; when it differs from the average
            // the frames are not evenly spaced.
            if (avg.num > 0 && real.num > 0)
                s.variableFrameRate = std::abs(av_q2d(avg) - av_q2d(real)) > 0.01 * av_q2d(real);
            s.rotation = internal::displayRotation(st);
            s.frameCount = st->nb_frames;
            {
                const AVRational sar = av_guess_sample_aspect_ratio(format,
                                                                    const_cast<AVStream *>(st),
                                                                    nullptr);
                const double aspect = sar.num > 0 && sar.den > 0 ? av_q2d(sar) : 1.0;
                const int w = int(std::lround(par->width * aspect));
                const bool sideways = s.rotation == 90 || s.rotation == 270;
                s.displayWidth = sideways ? par->height : w;
                s.displayHeight = sideways ? w : par->height;
            }
            if (const AVPixFmtDescriptor *d = av_pix_fmt_desc_get(AVPixelFormat(par->format))) {
                s.pixelFormat = QString::fromUtf8(d->name);
                s.bitsPerSample = d->comp[0].depth;
            }
            break;
        }
        case AVMEDIA_TYPE_AUDIO: {
            s.kind = StreamInfo::Kind::Audio;
            s.sampleRate = par->sample_rate;
            s.channels = par->ch_layout.nb_channels;
            char layout[128] = {};
            if (av_channel_layout_describe(&par->ch_layout, layout, sizeof layout) > 0)
                s.channelLayout = QString::fromUtf8(layout);
            if (const char *name = av_get_sample_fmt_name(AVSampleFormat(par->format)))
                s.sampleFormat = QString::fromUtf8(name);
            break;
        }
        case AVMEDIA_TYPE_SUBTITLE:
            s.kind = StreamInfo::Kind::Subtitle;
            break;
        case AVMEDIA_TYPE_DATA:
            s.kind = StreamInfo::Kind::Data;
            break;
        default:
            s.kind = StreamInfo::Kind::Other;
            break;
        }
        info.streams.append(s);
    }

    const int video = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (video >= 0 && info.stream(video)->kind == StreamInfo::Kind::Video)
        info.bestVideoStream = video;
    const int audio = av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
    if (audio >= 0)
        info.bestAudioStream = audio;
    if (info.duration == Time()) {
        for (const StreamInfo &s : info.streams)
            info.duration = std::max(info.duration, s.duration);
    }
    if (!info.hasVideo() && !info.hasAudio())
        return Error(QStringLiteral("the file has neither a video nor an audio stream"), path);
    return info;
}

QJsonObject MediaInfo::toJson() const
{
    QJsonArray list;
    for (const StreamInfo &s : streams) {
        QJsonObject o{{QStringLiteral("index"), s.index},
                      {QStringLiteral("type"), kindName(s.kind)},
                      {QStringLiteral("codec"), s.codec},
                      {QStringLiteral("duration"), s.duration.seconds()}};
        if (s.bitRate > 0)
            o.insert(QStringLiteral("bit_rate"), double(s.bitRate));
        if (!s.language.isEmpty())
            o.insert(QStringLiteral("language"), s.language);
        if (!s.title.isEmpty())
            o.insert(QStringLiteral("title"), s.title);
        if (s.kind == StreamInfo::Kind::Video) {
            o.insert(QStringLiteral("width"), s.width);
            o.insert(QStringLiteral("height"), s.height);
            o.insert(QStringLiteral("display_width"), s.displayWidth);
            o.insert(QStringLiteral("display_height"), s.displayHeight);
            o.insert(QStringLiteral("frame_rate"), s.frameRate);
            o.insert(QStringLiteral("variable_frame_rate"), s.variableFrameRate);
            o.insert(QStringLiteral("frame_count"), double(s.frameCount));
            o.insert(QStringLiteral("rotation"), s.rotation);
            o.insert(QStringLiteral("pixel_format"), s.pixelFormat);
            o.insert(QStringLiteral("bit_depth"), s.bitsPerSample);
        } else if (s.kind == StreamInfo::Kind::Audio) {
            o.insert(QStringLiteral("sample_rate"), s.sampleRate);
            o.insert(QStringLiteral("channels"), s.channels);
            o.insert(QStringLiteral("channel_layout"), s.channelLayout);
            o.insert(QStringLiteral("sample_format"), s.sampleFormat);
        }
        list.append(o);
    }
    return QJsonObject{{QStringLiteral("path"), path},
                       {QStringLiteral("container"), container},
                       {QStringLiteral("duration"), duration.seconds()},
                       {QStringLiteral("start_time"), startTime.seconds()},
                       {QStringLiteral("bit_rate"), double(bitRate)},
                       {QStringLiteral("video_stream"), bestVideoStream},
                       {QStringLiteral("audio_stream"), bestAudioStream},
                       {QStringLiteral("streams"), list}};
}

} // namespace earmark::media
