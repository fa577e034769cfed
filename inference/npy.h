#pragma once

#include "core/base/result.h"
#include "inference/floatarray.h"

#include <QByteArray>
#include <QString>

namespace earmark::inference {

// NumPy .npy files (format versions 1-3), as feature extractors write them. Any float, integer
// or bool dtype in either byte order is read and converted to float32; Fortran-ordered arrays are
// returned in C order. Errors name the file and the field that is wrong.
Result<FloatArray> readNpy(const QString &path);
Result<FloatArray> parseNpy(const QByteArray &bytes, const QString &nameForErrors);

// Writes a little-endian float32 .npy (version 1.0) through a temporary file and a rename.
Status writeNpy(const QString &path, const FloatArray &array);
QByteArray encodeNpy(const FloatArray &array);

} // namespace earmark::inference
