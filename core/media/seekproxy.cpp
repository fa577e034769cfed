#include "core/media/seekproxy.h"

#include "core/base/paths.h"
#include "core/media/internal/framedecoder.h"
#include "core/media/internal/seekproxyformat.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QStringList>

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>

namespace earmark::media {

using namespace internal;

namespace {

struct OutputDeleter
{
    void operator()(AVFormatContext *p) const
    {
        if (!p)
            return;
        if (p->pb && !(p->oformat->flags & AVFMT_NOFILE))
            avio_closep(&p->pb);
        avformat_free_context(p);
    }
};
using OutputPtr = std::unique_ptr<AVFormatContext, OutputDeleter>;

// The proxy's picture size: the display size fitted into the box, even (4:2:0 chroma).
void proxySize(int displayWidth, int displayHeight, const SeekProxyOptions &o, int *w, int *h)
{
    const double scale = std::min({1.0,
                                   double(o.maxWidth) / std::max(1, displayWidth),
                                   double(o.maxHeight) / std::max(1, displayHeight)});
    *w = std::max(2, int(std::lround(displayWidth * scale / 2)) * 2);
    *h = std::max(2, int(std::lround(displayHeight * scale / 2)) * 2);
}

// The display size of a decoder's stream (rotated, square pixels).
std::pair<int, int> displaySize(const FrameDecoder &decoder)
{
    const AVRational sar = av_guess_sample_aspect_ratio(decoder.format(), decoder.stream(), nullptr);
    const AVCodecParameters *par = decoder.stream()->codecpar;
    FrameConverter converter(FrameFormat{0, 0, ResizeMode::Stretch, PixelOutput::Rgb24},
                             par->width,
                             par->height,
                             sar.num,
                             sar.den,
                             decoder.rotation());
    return {converter.outputWidth(), converter.outputHeight()};
}

// Indexed frames per indexed keyframe (0 when the container has no index).
double meanKeyframeInterval(AVStream *stream)
{
    const int n = avformat_index_get_entries_count(stream);
    int keys = 0;
    for (int i = 0; i < n; ++i) {
        const AVIndexEntry *e = avformat_index_get_entry(stream, i);
        keys += e && (e->flags & AVINDEX_KEYFRAME);
    }
    return keys > 0 ? double(n) / keys : 0;
}

Status averror(int rc, const QString &what, const QString &path)
{
    return Error(QStringLiteral("%1 (%2)").arg(what, errorText(rc)), path);
}

} // namespace

namespace internal {

SeekProxyStamp SeekProxyStamp::of(const QString &mediaPath, const AVStream *stream)
{
    const QFileInfo info(mediaPath);
    SeekProxyStamp s;
    s.size = info.size();
    s.modifiedMs = info.lastModified().toMSecsSinceEpoch();
    s.streamIndex = stream->index;
    s.timeBaseNum = stream->time_base.num;
    s.timeBaseDen = stream->time_base.den;
    return s;
}

std::optional<SeekProxyStamp> SeekProxyStamp::parse(const QString &text)
{
    const QStringList f = text.split(QLatin1Char(' '));
    if (f.size() != 7 || f[0] != QLatin1String("earmark-seek-proxy") || f[1] != QLatin1String("1"))
        return std::nullopt;
    SeekProxyStamp s;
    bool ok[5] = {};
    s.size = f[2].toLongLong(&ok[0]);
    s.modifiedMs = f[3].toLongLong(&ok[1]);
    s.streamIndex = f[4].toInt(&ok[2]);
    const QStringList tb = f[5].split(QLatin1Char('/'));
    if (tb.size() != 2)
        return std::nullopt;
    s.timeBaseNum = tb[0].toInt(&ok[3]);
    s.timeBaseDen = tb[1].toInt(&ok[4]);
    if (!(ok[0] && ok[1] && ok[2] && ok[3] && ok[4]) || f[6] != QLatin1String("end"))
        return std::nullopt;
    return s;
}

QString SeekProxyStamp::text() const
{
    return QStringLiteral("earmark-seek-proxy 1 %1 %2 %3 %4/%5 end")
        .arg(size)
        .arg(modifiedMs)
        .arg(streamIndex)
        .arg(timeBaseNum)
        .arg(timeBaseDen);
}

} // namespace internal

QString seekProxyFile(const QString &cacheDir, const QString &mediaPath)
{
    return paths::cacheFileFor(cacheDir, mediaPath, QStringLiteral(".proxy.mp4"));
}

bool seekProxyHelps(const QString &mediaPath, const SeekProxyOptions &options)
{
    auto decoder = FrameDecoder::open(mediaPath, options.streamIndex, 1);
    if (!decoder)
        return false;
    const auto [w, h] = displaySize(**decoder);
    int pw = 0, ph = 0;
    proxySize(w, h, options, &pw, &ph);
    if (pw < w || ph < h)
        return true;
    return meanKeyframeInterval((*decoder)->stream()) > options.keyframeInterval * 2;
}

namespace {

Status writeProxy(const QString &mediaPath,
                  const QString &proxyFile,
                  const SeekProxyOptions &options,
                  const CancellationToken &cancel,
                  const std::function<void(double)> &progress)
{
    auto opened = FrameDecoder::open(mediaPath, options.streamIndex, 0);
    if (!opened)
        return opened.error();
    FrameDecoder &decoder = **opened;
    AVStream *source = decoder.stream();
    const auto [displayW, displayH] = displaySize(decoder);
    int width = 0, height = 0;
    proxySize(displayW, displayH, options, &width, &height);

    const AVRational sar = av_guess_sample_aspect_ratio(decoder.format(), source, nullptr);
    FrameConverter converter(FrameFormat{width,
                                         height,
                                         ResizeMode::Stretch,
                                         PixelOutput::Rgb24,
                                         ScaleFilter::Bilinear},
                             source->codecpar->width,
                             source->codecpar->height,
                             sar.num,
                             sar.den,
                             decoder.rotation());

    const AVCodec *codec = avcodec_find_encoder_by_name("libx264");
    if (!codec)
        return Error(QStringLiteral("this FFmpeg has no H.264 encoder (libx264); seek proxies "
                                    "cannot be made, seeking decodes the file itself"),
                     mediaPath);
    CodecContextPtr enc(avcodec_alloc_context3(codec));
    enc->width = width;
    enc->height = height;
    enc->pix_fmt = AV_PIX_FMT_YUV420P;
    enc->time_base = source->time_base;
    enc->framerate = source->avg_frame_rate;
    enc->gop_size = std::max(1, options.keyframeInterval);
    enc->max_b_frames = 0;
    enc->thread_count = 0;
    av_opt_set(enc->priv_data, "preset", "veryfast", 0);
    av_opt_set(enc->priv_data, "crf", QByteArray::number(options.crf).constData(), 0);
    // Keyframes exactly every keyframeInterval frames, scene cuts or not: the decode after a
    // seek is bounded by that.
    av_opt_set(enc->priv_data, "x264-params", "scenecut=0:open-gop=0:log=-1", 0);

    // Per process: two instances of Earmark on one library may make the same proxy.
    const QString partFile = proxyFile
                             + QStringLiteral(".part%1").arg(QCoreApplication::applicationPid());
    if (!QDir().mkpath(QFileInfo(proxyFile).absolutePath()))
        return Error(QStringLiteral("cannot create the folder for seek proxies; check permissions"),
                     QFileInfo(proxyFile).absolutePath());
    AVFormatContext *rawOut = nullptr;
    const QByteArray partName = QFile::encodeName(partFile);
    int rc = avformat_alloc_output_context2(&rawOut, nullptr, "mp4", partName.constData());
    if (rc < 0)
        return averror(rc, QStringLiteral("cannot make a seek proxy"), partFile);
    OutputPtr out(rawOut);
    if (out->oformat->flags & AVFMT_GLOBALHEADER)
        enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if ((rc = avcodec_open2(enc.get(), codec, nullptr)) < 0)
        return averror(rc, QStringLiteral("cannot open the H.264 encoder"), mediaPath);
    AVStream *stream = avformat_new_stream(out.get(), nullptr);
    avcodec_parameters_from_context(stream->codecpar, enc.get());
    stream->time_base = source->time_base;
    const SeekProxyStamp stamp = SeekProxyStamp::of(mediaPath, source);
    av_dict_set(&out->metadata, "comment", stamp.text().toUtf8().constData(), 0);

    bool written = false;
    auto discard = qScopeGuard([&] {
        if (!written) {
            out.reset();
            QFile::remove(partFile);
        }
    });
    if ((rc = avio_open(&out->pb, partName.constData(), AVIO_FLAG_WRITE)) < 0)
        return averror(rc,
                       QStringLiteral("cannot write the seek proxy; check the cache folder's "
                                      "permissions and free space"),
                       partFile);
    AVDictionary *muxOptions = nullptr;
    if (source->time_base.num == 1)
        av_dict_set_int(&muxOptions, "video_track_timescale", source->time_base.den, 0);
    rc = avformat_write_header(out.get(), &muxOptions);
    av_dict_free(&muxOptions);
    if (rc < 0)
        return averror(rc, QStringLiteral("cannot write the seek proxy"), partFile);
    if (av_cmp_q(stream->time_base, source->time_base) != 0)
        return Error(QStringLiteral("the MP4 writer cannot keep this video's time base (%1/%2); "
                                    "seeking decodes the file itself")
                         .arg(source->time_base.num)
                         .arg(source->time_base.den),
                     mediaPath);

    FramePtr yuv = makeFrame();
    yuv->format = AV_PIX_FMT_YUV420P;
    yuv->width = width;
    yuv->height = height;
    if (av_frame_get_buffer(yuv.get(), 0) < 0)
        return Error(QStringLiteral("out of memory"), mediaPath);
    SwsContextPtr toYuv(sws_getContext(width,
                                       height,
                                       AV_PIX_FMT_RGB24,
                                       width,
                                       height,
                                       AV_PIX_FMT_YUV420P,
                                       SWS_POINT,
                                       nullptr,
                                       nullptr,
                                       nullptr));
    PacketPtr packet = makePacket();
    // Each packet waits for the next to learn its duration: MP4 ends the track (its edit list)
    // where the last packet's duration ends, and a last frame without one would be cut off.
    PacketPtr held = makePacket();
    bool holding = false;
    auto write = [&](int64_t duration) -> Status {
        held->duration = std::max<int64_t>(1, duration);
        av_packet_rescale_ts(held.get(), enc->time_base, stream->time_base);
        held->stream_index = stream->index;
        holding = false;
        if (const int w = av_interleaved_write_frame(out.get(), held.get()); w < 0)
            return averror(w,
                           QStringLiteral("cannot write the seek proxy; check free space"),
                           partFile);
        return {};
    };
    Status failure;
    auto drain = [&]() -> Status {
        for (;;) {
            const int r = avcodec_receive_packet(enc.get(), packet.get());
            if (r == AVERROR(EAGAIN) || r == AVERROR_EOF)
                return {};
            if (r < 0)
                return averror(r, QStringLiteral("cannot encode the seek proxy"), mediaPath);
            if (holding) {
                if (Status s = write(packet->pts - held->pts); !s)
                    return s;
            }
            av_packet_move_ref(held.get(), packet.get());
            holding = true;
        }
    };

    const int64_t startTicks = decoder.ticksFor(Time());
    const double total = std::max<int64_t>(1, decoder.ticksFor(decoder.duration()) - startTicks);
    int64_t lastPts = INT64_MIN;
    int frames = 0;
    VideoFrame rgb;
    FrameDecoder::Options o;
    o.exact = true;
    o.keepFrom = INT64_MIN;
    o.seekForward = false;
    o.onDecoded = [&](const AVFrame *frame, int64_t pts) {
        if (!failure.ok() || pts <= lastPts)
            return; // a repeated time stamp is never shown: the reader shows the later one
        if (Status s = converter.convert(frame, rgb); !s) {
            failure = s;
            return;
        }
        if (av_frame_make_writable(yuv.get()) < 0) {
            failure = Error(QStringLiteral("out of memory"), mediaPath);
            return;
        }
        const uint8_t *src[1] = {rgb.pixels.data()};
        const int srcStride[1] = {rgb.bytesPerLine};
        sws_scale(toYuv.get(), src, srcStride, 0, height, yuv->data, yuv->linesize);
        yuv->pts = pts;
        if (const int r = avcodec_send_frame(enc.get(), yuv.get()); r < 0) {
            failure = averror(r, QStringLiteral("cannot encode the seek proxy"), mediaPath);
            return;
        }
        failure = drain();
        lastPts = pts;
        ++frames;
        if (progress && frames % 30 == 0)
            progress(std::clamp((pts - startTicks) / total, 0.0, 1.0));
    };
    // Past any end: every frame comes through onDecoded.
    auto decoded = decoder.frameAt(INT64_MAX / 4, o, cancel);
    if (!decoded)
        return decoded.error();
    if (!failure)
        return failure;
    if (cancel.isCancelled())
        return Error(QStringLiteral("cancelled"), mediaPath);
    if (frames == 0)
        return Error(QStringLiteral("no picture could be decoded; the video stream may be damaged"),
                     mediaPath);
    if ((rc = avcodec_send_frame(enc.get(), nullptr)) < 0)
        return averror(rc, QStringLiteral("cannot encode the seek proxy"), mediaPath);
    if (Status s = drain(); !s)
        return s;
    if (holding) {
        if (Status s = write(decoder.frameTicks()); !s)
            return s;
    }
    if ((rc = av_write_trailer(out.get())) < 0)
        return averror(rc,
                       QStringLiteral("cannot write the seek proxy; check free space"),
                       partFile);
    if ((rc = avio_closep(&out->pb)) < 0)
        return averror(rc,
                       QStringLiteral("cannot write the seek proxy; check free space"),
                       partFile);
    if (std::rename(partName.constData(), QFile::encodeName(proxyFile).constData()) != 0)
        return Error(QStringLiteral("cannot put the seek proxy in place; check permissions"),
                     proxyFile);
    written = true;
    if (progress)
        progress(1.0);
    return {};
}

// Proxies being made in this process, by absolute file: a second request for one (the player
// opening a video the library's queue is making the proxy of) waits for the first.
struct Build
{
    double fraction = 0;
    bool done = false;
    bool cancelled = false; // by whoever started it
    Status result;
};
std::mutex g_buildsMutex;
std::condition_variable g_buildsChanged;
std::map<QString, std::shared_ptr<Build>> g_builds;

} // namespace

Status buildSeekProxy(const QString &mediaPath,
                      const QString &proxyFile,
                      const SeekProxyOptions &options,
                      const CancellationToken &cancel,
                      const std::function<void(double)> &progress)
{
    const QString key = QFileInfo(proxyFile).absoluteFilePath();
    for (;;) {
        std::shared_ptr<Build> mine;
        std::shared_ptr<Build> other;
        {
            std::unique_lock lock(g_buildsMutex);
            auto [it, inserted] = g_builds.try_emplace(key);
            if (inserted)
                it->second = mine = std::make_shared<Build>();
            else
                other = it->second;
        }
        if (mine) {
            const Status result = writeProxy(mediaPath, proxyFile, options, cancel, [&](double f) {
                {
                    std::unique_lock lock(g_buildsMutex);
                    mine->fraction = f;
                }
                g_buildsChanged.notify_all();
                if (progress)
                    progress(f);
            });
            {
                std::unique_lock lock(g_buildsMutex);
                mine->done = true;
                mine->cancelled = !result.ok() && cancel.isCancelled();
                mine->result = result;
                g_builds.erase(key);
            }
            g_buildsChanged.notify_all();
            return result;
        }
        // Another thread makes it: wait, passing its progress on.
        std::unique_lock lock(g_buildsMutex);
        double reported = -1;
        while (!other->done) {
            if (cancel.isCancelled())
                return Error(QStringLiteral("cancelled"), mediaPath);
            if (progress && other->fraction != reported) {
                reported = other->fraction;
                lock.unlock();
                progress(reported);
                lock.lock();
                continue;
            }
            g_buildsChanged.wait_for(lock, std::chrono::milliseconds(100));
        }
        if (other->result.ok()) {
            lock.unlock();
            if (progress)
                progress(1.0);
            return {};
        }
        // Cancelled by whoever started it: this request makes it instead.
        if (!other->cancelled)
            return other->result;
    }
}

int trimSeekProxies(const QString &cacheDir, qint64 maxBytes, const QString &keep)
{
    QDir dir(cacheDir);
    // Partial files of builds that never finished (the process was killed): a day old is stale.
    const QDateTime dayAgo = QDateTime::currentDateTime().addDays(-1);
    for (const QFileInfo &part :
         dir.entryInfoList({QStringLiteral("*.proxy.mp4.part*")}, QDir::Files)) {
        if (part.lastModified() < dayAgo)
            QFile::remove(part.absoluteFilePath());
    }
    // Oldest use first.
    QFileInfoList proxies = dir.entryInfoList({QStringLiteral("*.proxy.mp4")},
                                              QDir::Files,
                                              QDir::Time | QDir::Reversed);
    qint64 total = 0;
    for (const QFileInfo &p : proxies)
        total += p.size();
    const QString kept = keep.isEmpty() ? QString() : QFileInfo(keep).absoluteFilePath();
    int removed = 0;
    for (const QFileInfo &p : proxies) {
        if (total <= maxBytes)
            break;
        if (p.absoluteFilePath() == kept)
            continue;
        const qint64 size = p.size();
        if (QFile::remove(p.absoluteFilePath())) {
            total -= size;
            ++removed;
        }
    }
    return removed;
}

void markSeekProxyUsed(const QString &proxyFile)
{
    QFile file(proxyFile);
    if (file.open(QIODevice::ReadWrite))
        file.setFileTime(QDateTime::currentDateTime(), QFileDevice::FileModificationTime);
}

} // namespace earmark::media
