#include "core/media/imagecodec.h"

#include "core/media/internal/ffmpegutil.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavutil/frame.h>
#include <libavutil/imgutils.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include <QFile>

#include <cstring>

namespace earmark::media {

using namespace internal;

namespace {

Result<MaskImage> fromFrame(const AVFrame *frame, const QString &name)
{
    MaskImage img;
    img.width = frame->width;
    img.height = frame->height;
    const int w = frame->width, h = frame->height;
    img.pixels.resize(qsizetype(w) * h);
    uchar *out = reinterpret_cast<uchar *>(img.pixels.data());
    const auto format = AVPixelFormat(frame->format);
    switch (format) {
    case AV_PIX_FMT_GRAY8:
        img.kind = MaskImage::Kind::Gray;
        for (int y = 0; y < h; ++y)
            std::memcpy(out + qsizetype(y) * w,
                        frame->data[0] + qsizetype(y) * frame->linesize[0],
                        size_t(w));
        return img;
    case AV_PIX_FMT_PAL8: {
        img.kind = MaskImage::Kind::Palette;
        for (int y = 0; y < h; ++y)
            std::memcpy(out + qsizetype(y) * w,
                        frame->data[0] + qsizetype(y) * frame->linesize[0],
                        size_t(w));
        const auto *pal = reinterpret_cast<const quint32 *>(frame->data[1]);
        for (int i = 0; i < 256; ++i)
            img.palette.append(pal[i]);
        return img;
    }
    case AV_PIX_FMT_MONOBLACK:
    case AV_PIX_FMT_MONOWHITE: {
        img.kind = MaskImage::Kind::Gray;
        const bool whiteIsOne = format == AV_PIX_FMT_MONOBLACK;
        for (int y = 0; y < h; ++y) {
            const uchar *row = frame->data[0] + qsizetype(y) * frame->linesize[0];
            for (int x = 0; x < w; ++x) {
                const bool bit = (row[x >> 3] >> (7 - (x & 7))) & 1;
                out[qsizetype(y) * w + x] = (bit == whiteIsOne) ? 255 : 0;
            }
        }
        return img;
    }
    case AV_PIX_FMT_RGB24:
    case AV_PIX_FMT_RGBA: {
        img.kind = MaskImage::Kind::Color;
        const int step = format == AV_PIX_FMT_RGB24 ? 3 : 4;
        for (int y = 0; y < h; ++y) {
            const uchar *row = frame->data[0] + qsizetype(y) * frame->linesize[0];
            for (int x = 0; x < w; ++x) {
                const uchar *p = row + x * step;
                out[qsizetype(y) * w + x] = (p[0] | p[1] | p[2]) ? 255 : 0;
            }
        }
        return img;
    }
    default:
        break;
    }
    // Anything else (16-bit gray, gray with alpha, 16-bit colour): to 8-bit gray.
    const AVPixFmtDescriptor *desc = av_pix_fmt_desc_get(format);
    SwsContextPtr sws(
        sws_getContext(w, h, format, w, h, AV_PIX_FMT_GRAY8, SWS_POINT, nullptr, nullptr, nullptr));
    if (!sws)
        return Error(QStringLiteral("unsupported PNG pixel format %1; save the mask as 8-bit gray "
                                    "or palette PNG")
                         .arg(QLatin1String(desc ? desc->name : "unknown")),
                     name);
    uint8_t *dst[4] = {out, nullptr, nullptr, nullptr};
    int dstStride[4] = {w, 0, 0, 0};
    sws_scale(sws.get(), frame->data, frame->linesize, 0, h, dst, dstStride);
    const bool color = desc && !(desc->flags & AV_PIX_FMT_FLAG_PAL) && desc->nb_components >= 3;
    img.kind = color ? MaskImage::Kind::Color : MaskImage::Kind::Gray;
    if (color) {
        for (char &c : img.pixels)
            c = c ? char(255) : 0;
    }
    return img;
}

Result<QByteArray> encode(int width,
                          int height,
                          AVPixelFormat format,
                          const QByteArray &pixels,
                          const QList<quint32> &palette)
{
    if (width <= 0 || height <= 0 || pixels.size() != qsizetype(width) * height)
        return Error(QStringLiteral("cannot encode a %1 x %2 mask from %3 bytes")
                         .arg(width)
                         .arg(height)
                         .arg(pixels.size()));
    const AVCodec *codec = avcodec_find_encoder(AV_CODEC_ID_PNG);
    if (!codec)
        return Error(QStringLiteral("this FFmpeg has no PNG encoder"));
    CodecContextPtr ctx(avcodec_alloc_context3(codec));
    ctx->width = width;
    ctx->height = height;
    ctx->pix_fmt = format;
    ctx->time_base = AVRational{1, 1};
    int rc = avcodec_open2(ctx.get(), codec, nullptr);
    if (rc < 0)
        return Error(QStringLiteral("cannot open the PNG encoder: %1").arg(errorText(rc)));
    FramePtr frame = makeFrame();
    frame->width = width;
    frame->height = height;
    frame->format = format;
    rc = av_frame_get_buffer(frame.get(), 0);
    if (rc < 0)
        return Error(QStringLiteral("out of memory encoding a mask: %1").arg(errorText(rc)));
    for (int y = 0; y < height; ++y)
        std::memcpy(frame->data[0] + qsizetype(y) * frame->linesize[0],
                    pixels.constData() + qsizetype(y) * width,
                    size_t(width));
    if (format == AV_PIX_FMT_PAL8) {
        auto *pal = reinterpret_cast<quint32 *>(frame->data[1]);
        for (int i = 0; i < 256; ++i)
            pal[i] = i < palette.size() ? palette.at(i) : 0xff000000u;
    }
    rc = avcodec_send_frame(ctx.get(), frame.get());
    if (rc >= 0)
        rc = avcodec_send_frame(ctx.get(), nullptr);
    if (rc < 0)
        return Error(QStringLiteral("cannot encode the mask: %1").arg(errorText(rc)));
    QByteArray out;
    PacketPtr packet = makePacket();
    while ((rc = avcodec_receive_packet(ctx.get(), packet.get())) >= 0) {
        out.append(reinterpret_cast<const char *>(packet->data), packet->size);
        av_packet_unref(packet.get());
    }
    if (rc != AVERROR_EOF)
        return Error(QStringLiteral("cannot encode the mask: %1").arg(errorText(rc)));
    return out;
}

} // namespace

Result<MaskImage> decodeMaskImage(const QByteArray &png, const QString &name)
{
    static const QByteArray signature("\x89PNG\r\n\x1a\n", 8);
    if (!png.startsWith(signature))
        return Error(QStringLiteral("not a PNG image"), name);
    const AVCodec *codec = avcodec_find_decoder(AV_CODEC_ID_PNG);
    if (!codec)
        return Error(QStringLiteral("this FFmpeg has no PNG decoder"), name);
    CodecContextPtr ctx(avcodec_alloc_context3(codec));
    int rc = avcodec_open2(ctx.get(), codec, nullptr);
    if (rc < 0)
        return Error(QStringLiteral("cannot open the PNG decoder: %1").arg(errorText(rc)), name);
    PacketPtr packet = makePacket();
    rc = av_new_packet(packet.get(), int(png.size()));
    if (rc < 0)
        return Error(QStringLiteral("out of memory reading the image"), name);
    std::memcpy(packet->data, png.constData(), size_t(png.size()));
    FramePtr frame = makeFrame();
    rc = avcodec_send_packet(ctx.get(), packet.get());
    if (rc >= 0)
        rc = avcodec_receive_frame(ctx.get(), frame.get());
    if (rc == AVERROR(EAGAIN)) {
        avcodec_send_packet(ctx.get(), nullptr);
        rc = avcodec_receive_frame(ctx.get(), frame.get());
    }
    if (rc < 0)
        return Error(QStringLiteral("the PNG image is damaged (%1)").arg(errorText(rc)), name);
    return fromFrame(frame.get(), name);
}

Result<MaskImage> readMaskImage(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("cannot read the image: %1").arg(f.errorString()), path);
    return decodeMaskImage(f.readAll(), path);
}

Result<QByteArray> encodeGrayPng(int width, int height, const QByteArray &pixels)
{
    return encode(width, height, AV_PIX_FMT_GRAY8, pixels, {});
}

Result<QByteArray> encodePalettePng(int width,
                                    int height,
                                    const QByteArray &indices,
                                    const QList<quint32> &palette)
{
    return encode(width, height, AV_PIX_FMT_PAL8, indices, palette);
}

} // namespace earmark::media
