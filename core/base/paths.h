#pragma once

#include <QString>

namespace earmark::paths {

// The library file used when none is given: <platform app data folder>/library.sqlite.
QString defaultLibraryPath();

// Read-only data that ships with Earmark (sample media, default model pack): $EARMARK_DATA_DIR if
// set, else <folder of the executable>/../share/earmark, which holds in the build tree and once
// installed. Empty if none exists.
QString dataDir();

// Where derived, rebuildable data for a library lives (waveform peaks, thumbnails, features):
// "<library file>.cache/" next to the library file.
QString cacheDirForLibrary(const QString &libraryPath);

// The cache folder of a library given its file: cacheDirForLibrary(libraryFilePath), or, for a
// library without a file (PostgreSQL: empty path), the platform's cache folder
// (QStandardPaths::CacheLocation).
QString cacheDirFor(const QString &libraryFilePath);

// The file in `cacheDir` for what is derived from the media file `mediaPath`: a name made from
// the file's absolute path (the same file, the same name), ending in `suffix` (".waveform").
QString cacheFileFor(const QString &cacheDir, const QString &mediaPath, const QString &suffix);

} // namespace earmark::paths
