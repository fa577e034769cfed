#include "core/media/internal/framedecoder.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/display.h>
#include <libavutil/imgutils.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include <QThread>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

namespace earmark::media::internal {

namespace {

// Packets read ahead of the decoder: enough to see past any B-frame reordering.
constexpr std::size_t kLookahead = 24;
// Remembered pts of packets already sent (for the same reason).
constexpr std::size_t kRecentPts = 48;
// Without a keyframe index, a seek pays off only across a gap this long.
constexpr double kLongGapSeconds = 15.0;

int swsColorspace(int colorspace)
{
    switch (colorspace) {
    case AVCOL_SPC_BT709:
        return SWS_CS_ITU709;
    case AVCOL_SPC_FCC:
        return SWS_CS_FCC;
    case AVCOL_SPC_SMPTE240M:
        return SWS_CS_SMPTE240M;
    case AVCOL_SPC_BT2020_NCL:
    case AVCOL_SPC_BT2020_CL:
        return SWS_CS_BT2020;
    default:
        return SWS_CS_DEFAULT;
    }
}

int swsFlags(ScaleFilter filter)
{
    switch (filter) {
    case ScaleFilter::Bilinear:
        return SWS_BILINEAR;
    case ScaleFilter::Area:
        return SWS_AREA;
    case ScaleFilter::Bicubic:
        break;
    }
    return SWS_BICUBIC;
}

bool isFullRange(const AVFrame *frame)
{
    switch (frame->format) {
    case AV_PIX_FMT_YUVJ420P:
    case AV_PIX_FMT_YUVJ422P:
    case AV_PIX_FMT_YUVJ444P:
    case AV_PIX_FMT_YUVJ440P:
    case AV_PIX_FMT_YUVJ411P:
        return true;
    default:
        return frame->color_range == AVCOL_RANGE_JPEG;
    }
}

// Copies a packed picture turned clockwise by `rotation` degrees into `dst` at (dx, dy).
void rotateInto(const std::uint8_t *src,
                int srcW,
                int srcH,
                int bpp,
                int rotation,
                std::uint8_t *dst,
                int dstStride,
                int dx,
                int dy)
{
    const int srcStride = srcW * bpp;
    for (int y = 0; y < srcH; ++y) {
        const std::uint8_t *line = src + std::size_t(y) * srcStride;
        for (int x = 0; x < srcW; ++x) {
            int X = x, Y = y;
            switch (rotation) {
            case 90:
                X = srcH - 1 - y;
                Y = x;
                break;
            case 180:
                X = srcW - 1 - x;
                Y = srcH - 1 - y;
                break;
            case 270:
                X = y;
                Y = srcW - 1 - x;
                break;
            default:
                break;
            }
            std::memcpy(dst + std::size_t(Y + dy) * dstStride + std::size_t(X + dx) * bpp,
                        line + std::size_t(x) * bpp,
                        bpp);
        }
    }
}

} // namespace

int64_t startOffsetMicroseconds(const AVFormatContext *format)
{
    return format->start_time != AV_NOPTS_VALUE && format->start_time > 0 ? format->start_time : 0;
}

int displayRotation(const AVStream *stream)
{
    size_t size = 0;
    const uint8_t *matrix = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, &size);
    if (!matrix || size < 9 * sizeof(int32_t))
        return 0;
    const double angle = av_display_rotation_get(reinterpret_cast<const int32_t *>(matrix));
    if (std::isnan(angle))
        return 0;
    // av_display_rotation_get gives the counter-clockwise angle the matrix turns by; the picture
    // is shown turned by its negation, clockwise (what ffmpeg's autorotate does).
    int degrees = int(std::lround(-angle)) % 360;
    if (degrees < 0)
        degrees += 360;
    return (degrees + 45) / 90 * 90 % 360;
}

// ---- FrameConverter --------------------------------------------------------------------------

FrameConverter::FrameConverter(
    const FrameFormat &format, int codedWidth, int codedHeight, int sarNum, int sarDen, int rotation)
    : m_format(format)
    , m_rotation(rotation)
    , m_cropped(makeFrame())
{
    if (sarNum > 0 && sarDen > 0)
        m_sar = double(sarNum) / sarDen;
    const bool sideways = rotation == 90 || rotation == 270;
    const double dispW = sideways ? codedHeight : codedWidth * m_sar;
    const double dispH = sideways ? codedWidth * m_sar : codedHeight;
    int w = format.width, h = format.height;
    if (w <= 0 && h <= 0) {
        w = int(std::lround(dispW));
        h = int(std::lround(dispH));
    } else if (w <= 0) {
        w = int(std::lround(h * dispW / std::max(1.0, dispH)));
    } else if (h <= 0) {
        h = int(std::lround(w * dispH / std::max(1.0, dispW)));
    }
    m_outWidth = std::max(1, w);
    m_outHeight = std::max(1, h);
}

FrameConverter::~FrameConverter() = default;

void FrameConverter::geometryFor(int frameWidth, int frameHeight)
{
    const bool sideways = m_rotation == 90 || m_rotation == 270;
    // The picture as shown, in display units (square pixels).
    const double dispW = sideways ? frameHeight : frameWidth * m_sar;
    const double dispH = sideways ? frameWidth * m_sar : frameHeight;
    m_cropX = m_cropY = 0;
    m_cropW = frameWidth;
    m_cropH = frameHeight;
    int fitW = m_outWidth, fitH = m_outHeight; // display orientation
    switch (m_format.resize) {
    case ResizeMode::Stretch:
        break;
    case ResizeMode::Fit: {
        const double s = std::min(m_outWidth / dispW, m_outHeight / dispH);
        fitW = std::clamp(int(std::lround(dispW * s)), 1, m_outWidth);
        fitH = std::clamp(int(std::lround(dispH * s)), 1, m_outHeight);
        break;
    }
    case ResizeMode::Crop: {
        const double s = std::max(m_outWidth / dispW, m_outHeight / dispH);
        const double visW = m_outWidth / s, visH = m_outHeight / s; // display units
        // Back to stored pixels.
        const double storedW = (sideways ? visH : visW) / m_sar;
        const double storedH = sideways ? visW : visH;
        m_cropW = std::clamp(int(std::lround(storedW)), 1, frameWidth);
        m_cropH = std::clamp(int(std::lround(storedH)), 1, frameHeight);
        // Even offsets keep the chroma planes aligned with the luma.
        m_cropX = ((frameWidth - m_cropW) / 2) & ~1;
        m_cropY = ((frameHeight - m_cropH) / 2) & ~1;
        break;
    }
    }
    m_scaledW = sideways ? fitH : fitW;
    m_scaledH = sideways ? fitW : fitH;
}

Status FrameConverter::convert(const AVFrame *frame, VideoFrame &out)
{
    const bool geometryChanged = frame->width != m_srcWidth || frame->height != m_srcHeight;
    if (geometryChanged || frame->format != m_srcFormat || frame->colorspace != m_srcColorspace
        || int(isFullRange(frame)) != m_srcRange || !m_sws) {
        if (geometryChanged)
            geometryFor(frame->width, frame->height);
        m_srcWidth = frame->width;
        m_srcHeight = frame->height;
        m_srcFormat = frame->format;
        m_srcColorspace = frame->colorspace;
        m_srcRange = isFullRange(frame);
        const AVPixelFormat dst = m_format.output == PixelOutput::Rgb32 ? AV_PIX_FMT_RGB32
                                                                        : AV_PIX_FMT_RGB24;
        // Full-range YUVJ formats are deprecated in the scaler; it treats them as YUV plus range.
        AVPixelFormat src = AVPixelFormat(frame->format);
        switch (src) {
        case AV_PIX_FMT_YUVJ420P:
            src = AV_PIX_FMT_YUV420P;
            break;
        case AV_PIX_FMT_YUVJ422P:
            src = AV_PIX_FMT_YUV422P;
            break;
        case AV_PIX_FMT_YUVJ444P:
            src = AV_PIX_FMT_YUV444P;
            break;
        case AV_PIX_FMT_YUVJ440P:
            src = AV_PIX_FMT_YUV440P;
            break;
        default:
            break;
        }
        SwsContext *ctx = sws_getContext(m_cropW,
                                         m_cropH,
                                         src,
                                         m_scaledW,
                                         m_scaledH,
                                         dst,
                                         swsFlags(m_format.filter),
                                         nullptr,
                                         nullptr,
                                         nullptr);
        m_sws.reset(ctx);
        if (!m_sws)
            return Error(QStringLiteral("cannot convert %1x%2 %3 pictures to RGB")
                             .arg(frame->width)
                             .arg(frame->height)
                             .arg(QString::fromUtf8(av_get_pix_fmt_name(src))));
        const AVPixFmtDescriptor *desc = av_pix_fmt_desc_get(src);
        if (desc && !(desc->flags & AV_PIX_FMT_FLAG_RGB)) {
            int *invTable = nullptr, *table = nullptr;
            int srcRange = 0, dstRange = 0, brightness = 0, contrast = 0, saturation = 0;
            if (sws_getColorspaceDetails(m_sws.get(),
                                         &invTable,
                                         &srcRange,
                                         &table,
                                         &dstRange,
                                         &brightness,
                                         &contrast,
                                         &saturation)
                >= 0) {
                sws_setColorspaceDetails(m_sws.get(),
                                         sws_getCoefficients(swsColorspace(frame->colorspace)),
                                         m_srcRange,
                                         table,
                                         1,
                                         brightness,
                                         contrast,
                                         saturation);
            }
        }
    }

    const AVFrame *source = frame;
    if (m_cropX || m_cropY || m_cropW != frame->width || m_cropH != frame->height) {
        av_frame_unref(m_cropped.get());
        if (av_frame_ref(m_cropped.get(), frame) < 0)
            return Error(QStringLiteral("out of memory cropping a picture"));
        m_cropped->crop_left = size_t(m_cropX);
        m_cropped->crop_top = size_t(m_cropY);
        m_cropped->crop_right = size_t(frame->width - m_cropX - m_cropW);
        m_cropped->crop_bottom = size_t(frame->height - m_cropY - m_cropH);
        if (av_frame_apply_cropping(m_cropped.get(), AV_FRAME_CROP_UNALIGNED) < 0)
            return Error(
                QStringLiteral("cannot crop %1 pictures")
                    .arg(QString::fromUtf8(av_get_pix_fmt_name(AVPixelFormat(frame->format)))));
        source = m_cropped.get();
    }

    const int bpp = m_format.output == PixelOutput::Rgb32 ? 4 : 3;
    const bool direct = m_rotation == 0 && m_scaledW == m_outWidth && m_scaledH == m_outHeight
                        && m_format.output != PixelOutput::FloatPlanes;
    out.width = m_outWidth;
    out.height = m_outHeight;
    out.planes.clear();

    std::vector<std::uint8_t> packed; // delivered orientation, packed
    std::vector<std::uint8_t> &target = m_format.output == PixelOutput::FloatPlanes ? packed
                                                                                    : out.pixels;
    const int stride = m_outWidth * bpp;
    target.resize(std::size_t(stride) * m_outHeight);

    if (direct) {
        uint8_t *dstData[4] = {target.data(), nullptr, nullptr, nullptr};
        int dstLines[4] = {stride, 0, 0, 0};
        sws_scale(m_sws.get(), source->data, source->linesize, 0, m_cropH, dstData, dstLines);
    } else {
        m_scratch.resize(std::size_t(m_scaledW) * bpp * m_scaledH);
        uint8_t *dstData[4] = {m_scratch.data(), nullptr, nullptr, nullptr};
        int dstLines[4] = {m_scaledW * bpp, 0, 0, 0};
        sws_scale(m_sws.get(), source->data, source->linesize, 0, m_cropH, dstData, dstLines);
        const bool sideways = m_rotation == 90 || m_rotation == 270;
        const int shownW = sideways ? m_scaledH : m_scaledW;
        const int shownH = sideways ? m_scaledW : m_scaledH;
        if (shownW != m_outWidth || shownH != m_outHeight) {
            // Bars around a fitted picture.
            if (bpp == 4) {
                const std::uint32_t v = 0xff000000u | (0x010101u * m_format.padValue);
                auto *words = reinterpret_cast<std::uint32_t *>(target.data());
                std::fill(words, words + std::size_t(m_outWidth) * m_outHeight, v);
            } else {
                std::fill(target.begin(), target.end(), m_format.padValue);
            }
        }
        const int dx = (m_outWidth - shownW) / 2;
        const int dy = (m_outHeight - shownH) / 2;
        if (m_rotation == 0) {
            for (int y = 0; y < m_scaledH; ++y)
                std::memcpy(target.data() + std::size_t(y + dy) * stride + std::size_t(dx) * bpp,
                            m_scratch.data() + std::size_t(y) * m_scaledW * bpp,
                            std::size_t(m_scaledW) * bpp);
        } else {
            rotateInto(m_scratch.data(),
                       m_scaledW,
                       m_scaledH,
                       bpp,
                       m_rotation,
                       target.data(),
                       stride,
                       dx,
                       dy);
        }
    }

    if (m_format.output == PixelOutput::FloatPlanes) {
        std::array<std::array<float, 256>, 3> lut;
        for (int c = 0; c < 3; ++c) {
            const float sd = m_format.std[c] != 0.f ? m_format.std[c] : 1.f;
            for (int v = 0; v < 256; ++v)
                lut[c][v] = (v / 255.f - m_format.mean[c]) / sd;
        }
        const std::size_t n = std::size_t(m_outWidth) * m_outHeight;
        out.planes.resize(3 * n);
        float *r = out.planes.data(), *g = r + n, *b = g + n;
        const std::uint8_t *p = packed.data();
        for (std::size_t i = 0; i < n; ++i, p += 3) {
            r[i] = lut[0][p[0]];
            g[i] = lut[1][p[1]];
            b[i] = lut[2][p[2]];
        }
        out.pixels.clear();
        out.bytesPerLine = 0;
    } else {
        out.bytesPerLine = stride;
    }
    return {};
}

// ---- FrameDecoder ----------------------------------------------------------------------------

Result<std::unique_ptr<FrameDecoder>> FrameDecoder::open(const QString &path,
                                                         int streamIndex,
                                                         int threads)
{
    auto opened = openInput(path);
    if (!opened)
        return opened.error();
    std::unique_ptr<FrameDecoder> d(new FrameDecoder);
    d->m_path = path;
    d->m_format = std::move(opened).value();
    AVFormatContext *format = d->m_format.get();

    auto isPicture = [&](int i) {
        return i >= 0 && i < int(format->nb_streams)
               && format->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_VIDEO
               && !(format->streams[i]->disposition & AV_DISPOSITION_ATTACHED_PIC);
    };
    if (streamIndex < 0) {
        streamIndex = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
        if (!isPicture(streamIndex)) {
            streamIndex = -1;
            for (unsigned i = 0; i < format->nb_streams && streamIndex < 0; ++i) {
                if (isPicture(int(i)))
                    streamIndex = int(i);
            }
        }
        if (streamIndex < 0)
            return Error(QStringLiteral("the file has no video stream"), path);
    } else if (!isPicture(streamIndex)) {
        return Error(QStringLiteral("stream %1 is not a video stream; see `earmark probe` for the "
                                    "file's streams")
                         .arg(streamIndex),
                     path);
    }
    for (unsigned i = 0; i < format->nb_streams; ++i) {
        if (int(i) != streamIndex)
            format->streams[i]->discard = AVDISCARD_ALL;
    }
    d->m_streamIndex = streamIndex;
    d->m_stream = format->streams[streamIndex];
    if (threads <= 0)
        threads = std::max(1, QThread::idealThreadCount());
    auto codec = openDecoder(format, streamIndex, threads);
    if (!codec)
        return codec.error();
    d->m_codec = std::move(codec).value();

    AVStream *st = d->m_stream;
    d->m_rotation = displayRotation(st);
    AVRational rate = st->avg_frame_rate;
    if (rate.num <= 0 || rate.den <= 0)
        rate = st->r_frame_rate;
    if (rate.num > 0 && rate.den > 0) {
        d->m_frameRate = av_q2d(rate);
        d->m_frameTicks = std::max<int64_t>(1, av_rescale_q(1, av_inv_q(rate), st->time_base));
    }
    const int64_t offsetUs = startOffsetMicroseconds(format);
    d->m_startTicks = av_rescale_q(offsetUs, AVRational{1, AV_TIME_BASE}, st->time_base);
    if (st->duration > 0 && st->duration != AV_NOPTS_VALUE)
        d->m_duration = Time::fromMicroseconds(
            av_rescale_q(st->duration, st->time_base, AVRational{1, AV_TIME_BASE}));
    else if (format->duration > 0)
        d->m_duration = Time::fromMicroseconds(format->duration);
    d->m_hasIndex = avformat_index_get_entries_count(st) > 0;
    d->m_scratch = makeFrame();
    d->m_current = makeFrame();
    d->m_ahead = makeFrame();
    return d;
}

FrameDecoder::~FrameDecoder() = default;

// A frame at pts p is shown from the exact time p * time_base: in whole microseconds, from the
// first microsecond at or after it. Hence times round up and ticks round down, so that
// ticksFor(timeFor(p)) == p and ticksFor(timeFor(p) - 1 us) < p.
int64_t FrameDecoder::ticksFor(Time t) const
{
    return av_rescale_q_rnd(t.microseconds(),
                            AVRational{1, AV_TIME_BASE},
                            m_stream->time_base,
                            AV_ROUND_DOWN)
           + m_startTicks;
}

Time FrameDecoder::timeFor(int64_t pts) const
{
    return Time::fromMicroseconds(av_rescale_q_rnd(pts - m_startTicks,
                                                   m_stream->time_base,
                                                   AVRational{1, AV_TIME_BASE},
                                                   AV_ROUND_UP));
}

int64_t FrameDecoder::ptsOf(const AVFrame *frame)
{
    int64_t pts = frame->best_effort_timestamp;
    if (pts == AV_NOPTS_VALUE)
        pts = frame->pts;
    if (pts == AV_NOPTS_VALUE)
        pts = m_lastFramePts == INT64_MIN ? m_startTicks : m_lastFramePts + m_frameTicks;
    m_lastFramePts = pts;
    return pts;
}

int64_t FrameDecoder::indexedKeyframeBefore(int64_t target) const
{
    if (!m_hasIndex)
        return INT64_MIN;
    const int idx = av_index_search_timestamp(m_stream, target, AVSEEK_FLAG_BACKWARD);
    const AVIndexEntry *e = idx >= 0 ? avformat_index_get_entry(m_stream, idx) : nullptr;
    return e && (e->flags & AVINDEX_KEYFRAME) ? e->timestamp : INT64_MIN;
}

std::size_t FrameDecoder::pictureBytes() const
{
    const AVCodecParameters *par = m_stream->codecpar;
    const int size = av_image_get_buffer_size(AVPixelFormat(par->format),
                                              std::max(1, par->width),
                                              std::max(1, par->height),
                                              1);
    return size > 0 ? std::size_t(size) : std::size_t(par->width) * par->height * 3 / 2;
}

bool FrameDecoder::hasSuccessor() const
{
    return m_aheadPts != INT64_MIN;
}

int64_t FrameDecoder::successorPts() const
{
    return m_aheadPts;
}

bool FrameDecoder::shouldSeek(int64_t target, bool forward) const
{
    if (m_needsSeek)
        return true;
    if (m_seekTarget != INT64_MIN || m_currentPts != INT64_MIN || m_aheadPts != INT64_MIN) {
        // Behind what was decoded since the last seek: only a seek goes back.
        if (m_currentPts != INT64_MIN && target < m_currentPts)
            return true;
        if (m_currentPts == INT64_MIN && m_aheadPts != INT64_MIN && target < m_aheadPts
            && m_seekTarget != INT64_MIN)
            return true;
    }
    if (!forward)
        return false;
    const int64_t here = std::max({m_lastReadDts, m_currentPts, m_aheadPts});
    if (m_hasIndex) {
        const int64_t key = indexedKeyframeBefore(target);
        return key != INT64_MIN && (here == INT64_MIN || key > here)
               && key > m_startTicks + m_frameTicks;
    }
    const int64_t gap = av_rescale_q(int64_t(kLongGapSeconds * AV_TIME_BASE),
                                     AVRational{1, AV_TIME_BASE},
                                     m_stream->time_base);
    return target - (here == INT64_MIN ? m_startTicks : here) > gap;
}

Status FrameDecoder::seekTo(int64_t target)
{
    avcodec_flush_buffers(m_codec.get());
    m_queue.clear();
    m_recentPts.clear();
    av_frame_unref(m_current.get());
    av_frame_unref(m_ahead.get());
    m_currentPts = m_aheadPts = INT64_MIN;
    m_lastReadDts = INT64_MIN;
    m_lastFramePts = INT64_MIN;
    m_demuxEof = m_flushSent = m_decoderEof = false;
    m_readError.clear();
    m_seekTarget = target;
    m_needsSeek = false;
    m_maxSkippedPts = INT64_MIN;
    ++m_seekCount;
    AVFormatContext *format = m_format.get();
    int rc = av_seek_frame(format, m_streamIndex, target, AVSEEK_FLAG_BACKWARD);
    if (rc < 0)
        rc = avformat_seek_file(format, m_streamIndex, INT64_MIN, target, INT64_MAX, 0);
    if (rc < 0)
        return Error(QStringLiteral("cannot seek to %1 (%2)")
                         .arg(formatTime(timeFor(target), TimeFormat::Precise), errorText(rc)),
                     m_path);
    return {};
}

Status FrameDecoder::fillQueue(const CancellationToken &cancel)
{
    AVFormatContext *format = m_format.get();
    while (m_queue.size() < kLookahead && !m_demuxEof) {
        PacketPtr packet = makePacket();
        const int rc = av_read_frame(format, packet.get());
        if (rc == AVERROR_EOF) {
            m_demuxEof = true;
            break;
        }
        if (rc == AVERROR(EAGAIN))
            continue;
        if (rc < 0) {
            m_readError = errorText(rc);
            m_demuxEof = true;
            break;
        }
        if (packet->stream_index != m_streamIndex)
            continue;
        if (packet->dts != AV_NOPTS_VALUE)
            m_lastReadDts = packet->dts;
        else if (packet->pts != AV_NOPTS_VALUE)
            m_lastReadDts = packet->pts;
        m_queue.push_back(std::move(packet));
        if (cancel.isCancelled())
            break;
    }
    return {};
}

Result<FrameDecoder::Answer> FrameDecoder::frameAt(int64_t target,
                                                   const Options &options,
                                                   const CancellationToken &cancel)
{
    if (!options.exact)
        return keyframeAt(target, cancel);
    if (shouldSeek(target, options.seekForward)) {
        if (Status s = seekTo(target); !s)
            return s.error();
    }
    AVCodecContext *codec = m_codec.get();
    int64_t backoff = av_rescale_q(AV_TIME_BASE, AVRational{1, AV_TIME_BASE}, m_stream->time_base);
    bool firstAfterSeek = m_seekTarget != INT64_MIN && m_currentPts == INT64_MIN
                          && m_aheadPts == INT64_MIN;

    auto answer = [&](bool atEnd) -> Result<Answer> {
        if (m_currentPts != INT64_MIN)
            return Answer{m_current.get(), m_currentPts, atEnd};
        if (m_aheadPts != INT64_MIN)
            return Answer{m_ahead.get(), m_aheadPts, atEnd};
        return Error(m_readError.isEmpty()
                         ? QStringLiteral("no picture could be decoded; the video stream may be "
                                          "damaged")
                         : QStringLiteral("no picture could be read (%1); the file may be "
                                          "truncated")
                               .arg(m_readError),
                     m_path);
    };

    // What was decoded past the previous target may already answer this one.
    if (m_aheadPts != INT64_MIN) {
        if (m_aheadPts > target)
            return answer(false);
        std::swap(m_current, m_ahead);
        av_frame_unref(m_ahead.get());
        m_currentPts = m_aheadPts;
        m_aheadPts = INT64_MIN;
    }

    for (;;) {
        // Take every frame the decoder has ready.
        for (;;) {
            const int rc = avcodec_receive_frame(codec, m_scratch.get());
            if (rc == AVERROR(EAGAIN))
                break;
            if (rc == AVERROR_EOF) {
                m_decoderEof = true;
                break;
            }
            if (rc < 0)
                break;
            const int64_t pts = ptsOf(m_scratch.get());
            if (firstAfterSeek) {
                firstAfterSeek = false;
                if (pts > target && m_seekTarget > m_startTicks) {
                    // The seek landed past the target (a keyframe indexed by its decode time):
                    // go back further.
                    const int64_t again = std::max(m_startTicks, m_seekTarget - backoff);
                    backoff *= 2;
                    av_frame_unref(m_scratch.get());
                    if (Status s = seekTo(again); !s)
                        return s.error();
                    firstAfterSeek = true;
                    continue;
                }
            }
            ++m_framesOut;
            if (options.onDecoded && pts >= options.keepFrom)
                options.onDecoded(m_scratch.get(), pts);
            if (pts <= target) {
                std::swap(m_current, m_scratch);
                av_frame_unref(m_scratch.get());
                m_currentPts = pts;
            } else {
                std::swap(m_ahead, m_scratch);
                av_frame_unref(m_scratch.get());
                m_aheadPts = pts;
                return answer(false);
            }
        }
        if (m_decoderEof) {
            if (m_currentPts == INT64_MIN && m_aheadPts == INT64_MIN && m_seekTarget != INT64_MIN
                && m_seekTarget > m_startTicks) {
                // Nothing at all after the seek: the file ends before that keyframe (cut short).
                // Go back until pictures come, to answer with the last one there is.
                const int64_t again = std::max(m_startTicks, m_seekTarget - backoff);
                backoff *= 2;
                const QString error = m_readError;
                if (Status s = seekTo(again); !s)
                    return s.error();
                m_readError = error;
                firstAfterSeek = true;
                continue;
            }
            return answer(true);
        }
        // Checked before every packet: one packet costs milliseconds at 1080p, and a superseded
        // request must give way at once. The decoder stays where it is, so a later call going
        // the same way continues from here.
        if (cancel.isCancelled())
            return Error(QStringLiteral("cancelled"), m_path);
        if (Status s = fillQueue(cancel); !s)
            return s.error();
        if (m_queue.empty()) {
            if (m_flushSent) {
                // Drained without an end-of-stream signal: treat as the end.
                m_decoderEof = true;
                continue;
            }
            codec->skip_frame = AVDISCARD_DEFAULT;
            avcodec_send_packet(codec, nullptr);
            m_flushSent = true;
            continue;
        }
        PacketPtr packet = std::move(m_queue.front());
        m_queue.pop_front();
        const int64_t p = packet->pts;
        bool skip = false;
        if (p != AV_NOPTS_VALUE && p < target && p < options.keepFrom) {
            auto between = [&](int64_t q) { return q != AV_NOPTS_VALUE && q > p && q <= target; };
            skip = std::any_of(m_recentPts.begin(), m_recentPts.end(), between)
                   || std::any_of(m_queue.begin(), m_queue.end(), [&](const PacketPtr &q) {
                          return between(q->pts);
                      });
        }
        codec->skip_frame = skip ? AVDISCARD_NONREF : AVDISCARD_DEFAULT;
        if (skip)
            m_maxSkippedPts = std::max(m_maxSkippedPts, p);
        const int rc = avcodec_send_packet(codec, packet.get());
        if (rc == AVERROR(EAGAIN)) {
            // Cannot happen after draining the output; keep the packet for the next round.
            m_queue.push_front(std::move(packet));
            continue;
        }
        // Other errors: a damaged packet, skipped as players do.
        if (p != AV_NOPTS_VALUE) {
            m_recentPts.push_back(p);
            if (m_recentPts.size() > kRecentPts)
                m_recentPts.pop_front();
        }
    }
}

Result<FrameDecoder::Answer> FrameDecoder::keyframeAt(int64_t target,
                                                      const CancellationToken &cancel)
{
    // The same keyframe as last time?
    if (m_currentPts != INT64_MIN && m_hasIndex) {
        const int idx = av_index_search_timestamp(m_stream, target, AVSEEK_FLAG_BACKWARD);
        const AVIndexEntry *e = idx >= 0 ? avformat_index_get_entry(m_stream, idx) : nullptr;
        if (e && e->timestamp <= m_lastReadDts && target >= m_currentPts)
            return Answer{m_current.get(), m_currentPts, false};
    }
    if (Status s = seekTo(target); !s)
        return s.error();
    AVCodecContext *codec = m_codec.get();
    AVFormatContext *format = m_format.get();
    PacketPtr packet = makePacket();
    bool sent = false;
    for (int reads = 0;; ++reads) {
        if ((reads & 15) == 0 && cancel.isCancelled())
            return Error(QStringLiteral("cancelled"), m_path);
        const int rc = av_read_frame(format, packet.get());
        if (rc < 0) {
            if (rc != AVERROR_EOF)
                m_readError = errorText(rc);
            break;
        }
        if (packet->stream_index != m_streamIndex || !(packet->flags & AV_PKT_FLAG_KEY)) {
            av_packet_unref(packet.get());
            continue;
        }
        m_lastReadDts = packet->dts != AV_NOPTS_VALUE ? packet->dts : packet->pts;
        codec->skip_frame = AVDISCARD_DEFAULT;
        const int sendRc = avcodec_send_packet(codec, packet.get());
        av_packet_unref(packet.get());
        if (sendRc >= 0) {
            sent = true;
            break;
        }
    }
    if (sent) {
        // Drain so the keyframe comes out without waiting for the frames that follow it.
        avcodec_send_packet(codec, nullptr);
        while (avcodec_receive_frame(codec, m_scratch.get()) >= 0) {
            if (m_currentPts == INT64_MIN) {
                m_currentPts = ptsOf(m_scratch.get());
                std::swap(m_current, m_scratch);
            }
            av_frame_unref(m_scratch.get());
        }
        avcodec_flush_buffers(codec);
    }
    // Later exact calls must seek again: the decoder is not positioned for them.
    m_needsSeek = true;
    m_queue.clear();
    m_recentPts.clear();
    m_demuxEof = m_flushSent = m_decoderEof = false;
    if (m_currentPts == INT64_MIN)
        return Error(m_readError.isEmpty()
                         ? QStringLiteral("no keyframe could be decoded near %1")
                               .arg(formatTime(timeFor(target), TimeFormat::Precise))
                         : QStringLiteral("no picture could be read (%1); the file may be "
                                          "truncated")
                               .arg(m_readError),
                     m_path);
    return Answer{m_current.get(), m_currentPts, false};
}

} // namespace earmark::media::internal
