#pragma once

// FFmpeg helpers shared by core/media's .cpp files. Only forward declarations here: FFmpeg's own
// headers stay inside the .cpp files.

#include "core/base/result.h"

#include <QString>

#include <memory>

extern "C" {
struct AVFormatContext;
struct AVCodecContext;
struct AVFrame;
struct AVPacket;
struct SwrContext;
struct SwsContext;
}

namespace earmark::media::internal {

struct FormatContextDeleter
{
    void operator()(AVFormatContext *p) const;
};
struct CodecContextDeleter
{
    void operator()(AVCodecContext *p) const;
};
struct FrameDeleter
{
    void operator()(AVFrame *p) const;
};
struct PacketDeleter
{
    void operator()(AVPacket *p) const;
};
struct SwrContextDeleter
{
    void operator()(SwrContext *p) const;
};
struct SwsContextDeleter
{
    void operator()(SwsContext *p) const;
};

using FormatContextPtr = std::unique_ptr<AVFormatContext, FormatContextDeleter>;
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextDeleter>;
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;
using SwrContextPtr = std::unique_ptr<SwrContext, SwrContextDeleter>;
using SwsContextPtr = std::unique_ptr<SwsContext, SwsContextDeleter>;

// FFmpeg's text for an AVERROR code.
QString errorText(int averror);

// Opens a media file and reads its stream information. Errors name the file and say what to do.
Result<FormatContextPtr> openInput(const QString &path);

// Opens a decoder for stream `streamIndex` of `format`. `threads` 0 lets FFmpeg choose.
Result<CodecContextPtr> openDecoder(AVFormatContext *format, int streamIndex, int threads = 0);

FramePtr makeFrame();
PacketPtr makePacket();

} // namespace earmark::media::internal
