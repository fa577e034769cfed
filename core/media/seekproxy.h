#pragma once

#include "core/base/cancellation.h"
#include "core/base/result.h"

#include <QString>

#include <functional>

namespace earmark::media {

// A seek proxy: a copy of a video's picture stream made for random access, as editing tools make
// them. Every frame of the source is in it, with the same presentation time stamps (same time
// base), scaled down to fit a display-sized box, in H.264 with a keyframe every few frames and no
// B-frames. Any frame of it is decoded in a few milliseconds, where the source may need a whole
// keyframe interval (seconds of 1080p pictures) decoded first. VideoReader::attachProxy() uses
// it to show the exact frame for a time at once (VideoReader::previewAt), while the source's own
// decode of that frame follows.
//
// The proxy records the source's size and modification time; a proxy of a file that changed
// since is refused and made again.
struct SeekProxyOptions
{
    int streamIndex = -1; // -1: the best video stream
    // The box the pictures fit in (display orientation, aspect kept, never scaled up).
    int maxWidth = 960;
    int maxHeight = 540;
    int keyframeInterval = 8; // frames
    int crf = 23;             // x264's constant rate factor: lower is better and bigger
};

// Where the proxy of `mediaPath` goes inside `cacheDir` (paths::cacheDirForLibrary(library) +
// "/proxies" is what the application uses).
QString seekProxyFile(const QString &cacheDir, const QString &mediaPath);

// Whether a proxy saves time for this video: pictures larger than the proxy's box, or keyframes
// further apart than the proxy's. False for files without video (and when the file cannot be
// read: building would fail the same way).
bool seekProxyHelps(const QString &mediaPath, const SeekProxyOptions &options = {});

// Decodes the whole picture stream of `mediaPath` once and writes the proxy to `proxyFile`
// (through a temporary file and a rename: a cancelled or failed build leaves nothing behind).
// `progress` gets the fraction done (0..1) now and then. Cancel to stop (an error saying so).
Status buildSeekProxy(const QString &mediaPath,
                      const QString &proxyFile,
                      const SeekProxyOptions &options = {},
                      const CancellationToken &cancel = {},
                      const std::function<void(double)> &progress = {});

// Keeps the proxies in `cacheDir` under `maxBytes` together: the least recently used go first
// (see markSeekProxyUsed), never `keep`. Returns how many were removed. Partial files of builds
// that never finished (a killed process) go once they are a day old.
int trimSeekProxies(const QString &cacheDir, qint64 maxBytes, const QString &keep = {});
// Records that a proxy was just used (its modification time; the proxy's validity depends on the
// source's, not its own).
void markSeekProxyUsed(const QString &proxyFile);
// What the application keeps at most: 20 GiB, about 45 hours of detailed 1080p.
constexpr qint64 kSeekProxyCacheBytes = qint64(20) << 30;

} // namespace earmark::media
