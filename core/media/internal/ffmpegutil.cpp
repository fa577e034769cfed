#include "core/media/internal/ffmpegutil.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/error.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
}

#include <QFile>
#include <QFileInfo>

namespace earmark::media::internal {

void FormatContextDeleter::operator()(AVFormatContext *p) const
{
    avformat_close_input(&p);
}

void CodecContextDeleter::operator()(AVCodecContext *p) const
{
    avcodec_free_context(&p);
}

void FrameDeleter::operator()(AVFrame *p) const
{
    av_frame_free(&p);
}

void PacketDeleter::operator()(AVPacket *p) const
{
    av_packet_free(&p);
}

void SwrContextDeleter::operator()(SwrContext *p) const
{
    swr_free(&p);
}

void SwsContextDeleter::operator()(SwsContext *p) const
{
    sws_freeContext(p);
}

QString errorText(int averror)
{
    char buffer[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(averror, buffer, sizeof buffer);
    return QString::fromUtf8(buffer);
}

Result<FormatContextPtr> openInput(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error(QStringLiteral("the file does not exist; check the path"), path);
    if (!info.isReadable())
        return Error(QStringLiteral("the file cannot be read; check its permissions"), path);
    AVFormatContext *raw = nullptr;
    const QByteArray encoded = QFile::encodeName(path);
    int rc = avformat_open_input(&raw, encoded.constData(), nullptr, nullptr);
    if (rc < 0)
        return Error(QStringLiteral("not a media file FFmpeg can open (%1); is it a complete video "
                                    "or audio file?")
                         .arg(errorText(rc)),
                     path);
    FormatContextPtr format(raw);
    rc = avformat_find_stream_info(format.get(), nullptr);
    if (rc < 0)
        return Error(QStringLiteral("cannot read the stream information (%1); the file may be "
                                    "truncated or corrupt")
                         .arg(errorText(rc)),
                     path);
    return format;
}

Result<CodecContextPtr> openDecoder(AVFormatContext *format, int streamIndex, int threads)
{
    const AVStream *stream = format->streams[streamIndex];
    const AVCodec *codec = avcodec_find_decoder(stream->codecpar->codec_id);
    const QString path = QString::fromUtf8(format->url);
    if (!codec)
        return Error(QStringLiteral("no decoder for codec \"%1\" of stream %2; convert the file "
                                    "with ffmpeg to a common codec")
                         .arg(QString::fromUtf8(avcodec_get_name(stream->codecpar->codec_id)))
                         .arg(streamIndex),
                     path);
    CodecContextPtr context(avcodec_alloc_context3(codec));
    if (!context)
        return Error(QStringLiteral("out of memory opening a decoder"), path);
    int rc = avcodec_parameters_to_context(context.get(), stream->codecpar);
    if (rc < 0)
        return Error(QStringLiteral("bad codec parameters in stream %1 (%2)")
                         .arg(streamIndex)
                         .arg(errorText(rc)),
                     path);
    context->pkt_timebase = stream->time_base;
    context->thread_count = threads;
    rc = avcodec_open2(context.get(), codec, nullptr);
    if (rc < 0)
        return Error(QStringLiteral("cannot open the %1 decoder (%2)")
                         .arg(QString::fromUtf8(codec->name), errorText(rc)),
                     path);
    return context;
}

FramePtr makeFrame()
{
    return FramePtr(av_frame_alloc());
}

PacketPtr makePacket()
{
    return PacketPtr(av_packet_alloc());
}

} // namespace earmark::media::internal
