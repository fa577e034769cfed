#pragma once

// What a seek proxy records about its source (in the MP4's comment), so a reader can tell a
// proxy of this very file from a stale one. Shared by seekproxy.cpp (writes) and
// videoreader.cpp (checks).

#include <QString>

#include <optional>

extern "C" {
struct AVStream;
}

namespace earmark::media::internal {

struct SeekProxyStamp
{
    qint64 size = 0;       // of the source file, bytes
    qint64 modifiedMs = 0; // its modification time
    int streamIndex = -1;  // the source's picture stream
    int timeBaseNum = 0;   // and its time base, which the proxy's time stamps share
    int timeBaseDen = 0;

    static SeekProxyStamp of(const QString &mediaPath, const AVStream *stream);
    static std::optional<SeekProxyStamp> parse(const QString &text);
    QString text() const;
    bool operator==(const SeekProxyStamp &) const = default;
};

} // namespace earmark::media::internal
