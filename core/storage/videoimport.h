#pragma once

#include "core/annotation/video.h"
#include "core/base/result.h"
#include "core/storage/videorepository.h"

namespace earmark::storage {

// Probes a media file and adds it to the library (or returns the entry it already has). A video
// without a file whose external id is the file's base name (labels imported for a dataset clip)
// gets the file instead of a new entry being made.
// Reads the file: call it off the GUI thread.
Result<annotation::Video> addMediaFile(VideoRepository &videos, const QString &path);

} // namespace earmark::storage
