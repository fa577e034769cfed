#include "core/media/ffmpegversion.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
}

namespace earmark::media {

namespace {

QString versionText(unsigned v)
{
    return QStringLiteral("%1.%2.%3").arg(v >> 16).arg((v >> 8) & 0xff).arg(v & 0xff);
}

} // namespace

QString ffmpegVersion()
{
    return QString::fromUtf8(av_version_info());
}

QString ffmpegLibraryVersions()
{
    return QStringLiteral(
               "libavformat %1, libavcodec %2, libavutil %3, libswscale %4, libswresample %5")
        .arg(versionText(avformat_version()),
             versionText(avcodec_version()),
             versionText(avutil_version()),
             versionText(swscale_version()),
             versionText(swresample_version()));
}

} // namespace earmark::media
