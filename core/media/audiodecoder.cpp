#include "core/media/audiodecoder.h"

#include "core/media/internal/ffmpegutil.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
}

#include <vector>

namespace earmark::media {

using namespace internal;

Status decodeAudio(const QString &path,
                   const AudioDecodeOptions &options,
                   const AudioSink &sink,
                   const std::function<void(const AudioFormat &)> &onFormat,
                   const CancellationToken &cancel,
                   const ProgressCallback &progress)
{
    auto opened = openInput(path);
    if (!opened)
        return opened.error();
    AVFormatContext *format = opened->get();

    int streamIndex = options.streamIndex;
    if (streamIndex < 0)
        streamIndex = av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
    if (streamIndex < 0 || streamIndex >= int(format->nb_streams)
        || format->streams[streamIndex]->codecpar->codec_type != AVMEDIA_TYPE_AUDIO)
        return Error(QStringLiteral("the file has no audio stream"), path);
    for (unsigned i = 0; i < format->nb_streams; ++i) {
        if (int(i) != streamIndex)
            format->streams[i]->discard = AVDISCARD_ALL;
    }
    AVStream *stream = format->streams[streamIndex];

    auto decoderResult = openDecoder(format, streamIndex, 1);
    if (!decoderResult)
        return decoderResult.error();
    AVCodecContext *decoder = decoderResult->get();

    const int outRate = options.sampleRate > 0 ? options.sampleRate : decoder->sample_rate;
    const int outChannels = options.channels >= 2 ? 2 : 1;
    AVChannelLayout outLayout;
    av_channel_layout_default(&outLayout, outChannels);
    AVChannelLayout inLayout;
    if (decoder->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC || decoder->ch_layout.nb_channels == 0)
        av_channel_layout_default(&inLayout, std::max(1, decoder->ch_layout.nb_channels));
    else
        av_channel_layout_copy(&inLayout, &decoder->ch_layout);

    SwrContext *rawSwr = nullptr;
    int rc = swr_alloc_set_opts2(&rawSwr,
                                 &outLayout,
                                 AV_SAMPLE_FMT_FLT,
                                 outRate,
                                 &inLayout,
                                 decoder->sample_fmt,
                                 decoder->sample_rate,
                                 0,
                                 nullptr);
    av_channel_layout_uninit(&inLayout);
    SwrContextPtr swr(rawSwr);
    if (rc < 0 || !swr || swr_init(swr.get()) < 0)
        return Error(QStringLiteral("cannot convert the audio to %1 Hz float (%2)")
                         .arg(outRate)
                         .arg(errorText(rc)),
                     path);

    const Time streamDuration = stream->duration > 0
                                    ? Time::fromMicroseconds(av_rescale_q(stream->duration,
                                                                          stream->time_base,
                                                                          {1, 1000000}))
                                    : (format->duration > 0
                                           ? Time::fromMicroseconds(format->duration)
                                           : Time());
    if (onFormat)
        onFormat(AudioFormat{outRate, outChannels, streamDuration});

    // Frames to drop at the start and to deliver in all, in output samples.
    qint64 skipFrames = 0;
    if (options.start > Time()) {
        const int64_t ts = av_rescale_q(options.start.microseconds(),
                                        {1, 1000000},
                                        stream->time_base);
        if (av_seek_frame(format, streamIndex, ts, AVSEEK_FLAG_BACKWARD) >= 0)
            avcodec_flush_buffers(decoder);
    }
    const qint64 limitFrames = options.duration > Time()
                                   ? qint64(options.duration.seconds() * outRate + 0.5)
                                   : -1;
    const qint64 startFrame = qint64(options.start.seconds() * outRate + 0.5);
    bool haveOrigin = options.start <= Time();
    qint64 delivered = 0;
    bool stop = false;

    std::vector<float> buffer;
    auto emitSamples = [&](const float *data, qint64 frames) {
        if (stop || frames <= 0)
            return;
        if (skipFrames > 0) {
            const qint64 n = std::min(skipFrames, frames);
            skipFrames -= n;
            data += n * outChannels;
            frames -= n;
            if (frames <= 0)
                return;
        }
        if (limitFrames >= 0 && delivered + frames > limitFrames) {
            frames = limitFrames - delivered;
            stop = true;
        }
        if (frames > 0 && !sink(data, frames))
            stop = true;
        delivered += frames;
        if (limitFrames >= 0 && delivered >= limitFrames)
            stop = true;
    };

    auto convert = [&](const AVFrame *frame) {
        const int maxOut = swr_get_out_samples(swr.get(), frame ? frame->nb_samples : 0);
        if (maxOut <= 0)
            return;
        buffer.resize(size_t(maxOut) * outChannels);
        uint8_t *out[] = {reinterpret_cast<uint8_t *>(buffer.data())};
        const int produced = swr_convert(swr.get(),
                                         out,
                                         maxOut,
                                         frame ? const_cast<const uint8_t **>(frame->extended_data)
                                               : nullptr,
                                         frame ? frame->nb_samples : 0);
        if (produced > 0)
            emitSamples(buffer.data(), produced);
    };

    PacketPtr packet = makePacket();
    FramePtr frame = makeFrame();
    qint64 lastProgressUs = 0;
    bool draining = false;
    while (!stop) {
        if (cancel.isCancelled())
            return Error(QStringLiteral("cancelled"), path);
        if (!draining) {
            rc = av_read_frame(format, packet.get());
            if (rc == AVERROR_EOF) {
                draining = true;
                avcodec_send_packet(decoder, nullptr);
            } else if (rc < 0) {
                return Error(QStringLiteral("read error after %1 (%2); the file may be truncated")
                                 .arg(formatTime(Time::fromSeconds(double(delivered) / outRate)),
                                      errorText(rc)),
                             path);
            } else {
                if (packet->stream_index == streamIndex) {
                    rc = avcodec_send_packet(decoder, packet.get());
                    // A corrupt packet is skipped, as players do; the rest still decodes.
                }
                av_packet_unref(packet.get());
            }
        }
        while (!stop) {
            rc = avcodec_receive_frame(decoder, frame.get());
            if (rc == AVERROR(EAGAIN))
                break;
            if (rc == AVERROR_EOF) {
                convert(nullptr); // flush the resampler
                stop = true;
                break;
            }
            if (rc < 0)
                break; // skip undecodable frame
            if (!haveOrigin) {
                // After a seek, drop what precedes the requested start exactly.
                const int64_t pts = frame->best_effort_timestamp;
                if (pts != AV_NOPTS_VALUE) {
                    const qint64 frameStart = av_rescale_q(pts, stream->time_base, {1, outRate});
                    skipFrames = std::max<qint64>(0, startFrame - frameStart);
                } else {
                    skipFrames = startFrame;
                }
                haveOrigin = true;
            }
            convert(frame.get());
            if (progress && streamDuration > Time()) {
                const qint64 posUs = delivered * 1000000 / outRate + options.start.microseconds();
                if (posUs - lastProgressUs > 1000000) {
                    lastProgressUs = posUs;
                    progress(std::min(1.0, double(posUs) / streamDuration.microseconds()),
                             QStringLiteral("Decoding audio"));
                }
            }
            av_frame_unref(frame.get());
        }
        if (draining && !stop)
            break;
    }
    if (progress)
        progress(1.0, QStringLiteral("Decoding audio"));
    return {};
}

} // namespace earmark::media
