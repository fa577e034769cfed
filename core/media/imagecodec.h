#pragma once

#include "core/base/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

// PNG reading and writing for segmentation masks, through FFmpeg's PNG codec (core cannot use
// QtGui's QImage). Thread-safe: no shared state.
namespace earmark::media {

// One mask image, one byte per pixel, row after row (width * height bytes).
struct MaskImage
{
    enum class Kind {
        Gray,    // pixels are gray levels (binary masks: 0 and 255)
        Palette, // pixels are palette indices (0 is the background in AVSBench's palettes)
        Color,   // an RGB(A) file: pixels are 255 where the colour is not black, else 0
    };
    int width = 0;
    int height = 0;
    Kind kind = Kind::Gray;
    QByteArray pixels;
    QList<quint32> palette; // 0xAARRGGBB per index, for Kind::Palette
};

// Decodes a PNG file or PNG bytes. 1-, 8- and 16-bit gray, gray+alpha, palette and RGB(A) files
// are read; errors name the file (`name` for bytes) and say what is wrong.
Result<MaskImage> readMaskImage(const QString &path);
Result<MaskImage> decodeMaskImage(const QByteArray &png, const QString &name);

// Encodes an 8-bit gray PNG (a binary mask as 0/255), or a palette PNG of `indices`.
Result<QByteArray> encodeGrayPng(int width, int height, const QByteArray &pixels);
Result<QByteArray> encodePalettePng(int width,
                                    int height,
                                    const QByteArray &indices,
                                    const QList<quint32> &palette);

} // namespace earmark::media
