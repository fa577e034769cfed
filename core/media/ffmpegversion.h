#pragma once

#include <QString>

namespace earmark::media {

// The FFmpeg release Earmark runs with, e.g. "5.1.6", and its library versions.
QString ffmpegVersion();
QString ffmpegLibraryVersions();

} // namespace earmark::media
