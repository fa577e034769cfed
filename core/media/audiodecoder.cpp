#include "core/media/audiodecoder.h"

#include "core/media/internal/ffmpegutil.h"
#include "core/media/internal/framedecoder.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
}

#include <QFile>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <vector>

namespace earmark::media {

using namespace internal;

namespace {

// Audio that starts this much after the file's start gets silence up to it; more is not real.
constexpr int kMaxLeadingSilenceSeconds = 600;
constexpr Time kPreroll = Time::fromMilliseconds(500);

} // namespace

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
    AVChannelLayout outLayout{};
    av_channel_layout_default(&outLayout, outChannels);
    AVChannelLayout inLayout{};
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
    const int inChannels = inLayout.nb_channels;
    av_channel_layout_uninit(&inLayout);
    SwrContextPtr swr(rawSwr);
    if (rc >= 0 && swr) {
        // Down-mixes keep the level within [-1, 1] (stereo to mono is the mean of both sides);
        // mono to stereo copies the channel to both sides at full level.
        av_opt_set_double(swr.get(), "rematrix_maxval", 1.0, 0);
        if (inChannels == 1 && outChannels == 2) {
            const double matrix[2] = {1.0, 1.0};
            swr_set_matrix(swr.get(), matrix, 1);
        }
    }
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

    // Every position in output samples from the file's start (the container's start offset
    // removed, as for frames).
    const int64_t offsetUs = startOffsetMicroseconds(format);
    const qint64 startFrame = qint64(std::llround(options.start.seconds() * outRate));
    qint64 skipFrames = 0;
    // Seek a little before the start: decoders need the preceding frames (AAC's overlap, MP3's
    // bit reservoir, Opus's pre-roll) to produce the first samples exactly as a full decode does.
    const Time seekTo = options.start - kPreroll;
    if (seekTo > Time()) {
        const int64_t ts = av_rescale_q(seekTo.microseconds() + offsetUs,
                                        AVRational{1, AV_TIME_BASE},
                                        stream->time_base);
        if (av_seek_frame(format, streamIndex, ts, AVSEEK_FLAG_BACKWARD) >= 0)
            avcodec_flush_buffers(decoder);
    }
    const qint64 limitFrames = options.duration > Time()
                                   ? qint64(std::llround(options.duration.seconds() * outRate))
                                   : -1;
    bool haveOrigin = false;
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

    // `dropInput`: input samples at the frame's start not to feed the resampler.
    std::vector<const uint8_t *> planes;
    auto convert = [&](const AVFrame *frame, int dropInput = 0) {
        const int inSamples = frame ? frame->nb_samples - dropInput : 0;
        if (frame && inSamples <= 0)
            return;
        const int maxOut = swr_get_out_samples(swr.get(), inSamples);
        if (maxOut <= 0)
            return;
        const uint8_t **in = nullptr;
        if (frame) {
            const AVSampleFormat fmt = AVSampleFormat(frame->format);
            const bool planar = av_sample_fmt_is_planar(fmt);
            const int bytes = av_get_bytes_per_sample(fmt);
            const int count = planar ? frame->ch_layout.nb_channels : 1;
            const int step = planar ? bytes : bytes * frame->ch_layout.nb_channels;
            planes.resize(size_t(std::max(1, count)));
            for (int c = 0; c < count; ++c)
                planes[size_t(c)] = frame->extended_data[c] + size_t(dropInput) * step;
            in = planes.data();
        }
        buffer.resize(size_t(maxOut) * outChannels);
        uint8_t *out[] = {reinterpret_cast<uint8_t *>(buffer.data())};
        const int produced = swr_convert(swr.get(), out, maxOut, in, inSamples);
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
            int dropInput = 0;
            if (!haveOrigin) {
                // Line the first decoded frame up with the requested start: drop what precedes
                // it exactly, or put silence before audio that starts late.
                haveOrigin = true;
                const int64_t pts = frame->best_effort_timestamp;
                const int inRate = frame->sample_rate > 0 ? frame->sample_rate
                                                          : decoder->sample_rate;
                qint64 frameStart = startFrame;
                if (pts != AV_NOPTS_VALUE) {
                    qint64 inPos = av_rescale_q(pts, stream->time_base, AVRational{1, inRate})
                                   - av_rescale(offsetUs, inRate, AV_TIME_BASE);
                    if (inRate != outRate && inPos != 0) {
                        // Resample on the same grid as a decode from the file's start would:
                        // start at an input sample that falls on an output sample's time.
                        const qint64 period = inRate / std::gcd(inRate, outRate);
                        dropInput = int(((period - inPos % period) % period + period) % period);
                        if (dropInput >= frame->nb_samples)
                            dropInput = 0;
                        inPos += dropInput;
                    }
                    frameStart = av_rescale(inPos, outRate, inRate);
                }
                if (frameStart >= startFrame) {
                    qint64 gap = std::min<qint64>(frameStart - startFrame,
                                                  qint64(kMaxLeadingSilenceSeconds) * outRate);
                    std::vector<float> silence;
                    while (gap > 0 && !stop) {
                        const qint64 n = std::min<qint64>(gap, 65536);
                        silence.assign(size_t(n) * outChannels, 0.f);
                        emitSamples(silence.data(), n);
                        gap -= n;
                    }
                } else {
                    skipFrames = startFrame - frameStart;
                }
            }
            convert(frame.get(), dropInput);
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

Result<AudioBuffer> decodeAudioBuffer(const QString &path,
                                      const AudioDecodeOptions &options,
                                      const CancellationToken &cancel,
                                      double maxSeconds)
{
    AudioBuffer buffer;
    qint64 maxFrames = 0;
    bool tooLong = false;
    const Status status = decodeAudio(
        path,
        options,
        [&](const float *samples, qint64 frames) {
            if (qint64(buffer.samples.size()) / buffer.channels + frames > maxFrames) {
                tooLong = true;
                return false;
            }
            buffer.samples.insert(buffer.samples.end(), samples, samples + frames * buffer.channels);
            return true;
        },
        [&](const AudioFormat &format) {
            buffer.sampleRate = format.sampleRate;
            buffer.channels = format.channels;
            maxFrames = qint64(maxSeconds * format.sampleRate);
            const Time expected = options.duration > Time() ? options.duration
                                                            : format.duration - options.start;
            if (expected > Time())
                buffer.samples.reserve(
                    size_t(std::min<qint64>(maxFrames,
                                            qint64(expected.seconds() * format.sampleRate) + 1))
                    * size_t(format.channels));
        },
        cancel);
    if (!status)
        return status.error();
    if (tooLong)
        return Error(QStringLiteral("the audio range is longer than %1 s; decode it in pieces with "
                                    "decodeAudio()")
                         .arg(maxSeconds),
                     path);
    return buffer;
}

namespace {

void putU16(QByteArray &out, quint16 v)
{
    const char b[2] = {char(v & 0xff), char(v >> 8)};
    out.append(b, 2);
}

void putU32(QByteArray &out, quint32 v)
{
    const char b[4] = {char(v & 0xff), char((v >> 8) & 0xff), char((v >> 16) & 0xff), char(v >> 24)};
    out.append(b, 4);
}

// The RIFF header for `dataBytes` bytes of samples.
QByteArray wavHeader(int sampleRate, int channels, WavFormat format, quint32 dataBytes)
{
    const bool isFloat = format == WavFormat::Float32;
    const int bytesPerSample = isFloat ? 4 : 2;
    QByteArray h;
    h.append("RIFF", 4);
    // Float files carry the extended fmt chunk (18 bytes) and a fact chunk, as the format asks.
    const quint32 fmtSize = isFloat ? 18 : 16;
    const quint32 factSize = isFloat ? 12 : 0;
    putU32(h, 4 + (8 + fmtSize) + factSize + 8 + dataBytes);
    h.append("WAVE", 4);
    h.append("fmt ", 4);
    putU32(h, fmtSize);
    putU16(h, isFloat ? 3 : 1);
    putU16(h, quint16(channels));
    putU32(h, quint32(sampleRate));
    putU32(h, quint32(sampleRate * channels * bytesPerSample));
    putU16(h, quint16(channels * bytesPerSample));
    putU16(h, quint16(bytesPerSample * 8));
    if (isFloat) {
        putU16(h, 0);
        h.append("fact", 4);
        putU32(h, 4);
        putU32(h, dataBytes / quint32(channels * bytesPerSample));
    }
    h.append("data", 4);
    putU32(h, dataBytes);
    return h;
}

void appendSamples(QByteArray &out, const float *samples, qint64 count, WavFormat format)
{
    if (format == WavFormat::Float32) {
        const qsizetype at = out.size();
        out.resize(at + qsizetype(count) * 4);
        char *dst = out.data() + at;
        for (qint64 i = 0; i < count; ++i) {
            quint32 bits;
            std::memcpy(&bits, &samples[i], 4);
            dst[4 * i] = char(bits & 0xff);
            dst[4 * i + 1] = char((bits >> 8) & 0xff);
            dst[4 * i + 2] = char((bits >> 16) & 0xff);
            dst[4 * i + 3] = char(bits >> 24);
        }
        return;
    }
    const qsizetype at = out.size();
    out.resize(at + qsizetype(count) * 2);
    char *dst = out.data() + at;
    for (qint64 i = 0; i < count; ++i) {
        const float v = std::clamp(samples[i], -1.f, 1.f);
        const qint16 s = qint16(std::lrint(v * 32767.f));
        dst[2 * i] = char(quint16(s) & 0xff);
        dst[2 * i + 1] = char(quint16(s) >> 8);
    }
}

} // namespace

QByteArray encodeWav(const AudioBuffer &audio, WavFormat format)
{
    const int bytesPerSample = format == WavFormat::Float32 ? 4 : 2;
    const quint32 dataBytes = quint32(audio.samples.size() * size_t(bytesPerSample));
    QByteArray out = wavHeader(audio.sampleRate, std::max(1, audio.channels), format, dataBytes);
    out.reserve(out.size() + qsizetype(dataBytes));
    appendSamples(out, audio.samples.data(), qint64(audio.samples.size()), format);
    return out;
}

Status writeWav(const QString &mediaPath,
                const QString &wavPath,
                const AudioDecodeOptions &options,
                WavFormat format,
                const CancellationToken &cancel,
                const ProgressCallback &progress)
{
    QSaveFile file(wavPath);
    if (!file.open(QIODevice::WriteOnly))
        return Error(QStringLiteral("cannot write the WAV file (%1); check the folder exists and "
                                    "is writable")
                         .arg(file.errorString()),
                     wavPath);
    int rate = 0, channels = 0;
    const int bytesPerSample = format == WavFormat::Float32 ? 4 : 2;
    quint64 dataBytes = 0;
    bool tooLarge = false;
    bool writeFailed = false;
    QByteArray chunk;
    const Status status = decodeAudio(
        mediaPath,
        options,
        [&](const float *samples, qint64 frames) {
            const quint64 bytes = quint64(frames) * quint64(channels) * quint64(bytesPerSample);
            if (dataBytes + bytes > 0xFFFFFFFFull - 64) {
                tooLarge = true;
                return false;
            }
            chunk.clear();
            appendSamples(chunk, samples, frames * channels, format);
            if (file.write(chunk) != chunk.size()) {
                writeFailed = true;
                return false;
            }
            dataBytes += bytes;
            return true;
        },
        [&](const AudioFormat &f) {
            rate = f.sampleRate;
            channels = f.channels;
            file.write(wavHeader(rate, channels, format, 0));
        },
        cancel,
        progress);
    if (!status) {
        file.cancelWriting();
        return status.error();
    }
    if (tooLarge || writeFailed) {
        file.cancelWriting();
        return Error(tooLarge
                         ? QStringLiteral("the audio is too long for one WAV file (4 GiB); "
                                          "choose a shorter range or a lower rate")
                         : QStringLiteral("cannot write the WAV file (%1)").arg(file.errorString()),
                     wavPath);
    }
    if (!file.seek(0) || file.write(wavHeader(rate, channels, format, quint32(dataBytes))) < 0
        || !file.commit())
        return Error(QStringLiteral("cannot write the WAV file (%1)").arg(file.errorString()),
                     wavPath);
    return {};
}

} // namespace earmark::media
