#pragma once

#include "core/base/result.h"
#include "inference/synth/soundfont.h"

#include <QImage>
#include <QMutex>
#include <QString>

#include <map>
#include <memory>
#include <vector>

namespace earmark::synth {

// A recording decoded to mono float at the generator's sample rate, with leading and trailing
// silence (below -40 dB of its loudest 10 ms) cut off.
struct Recording
{
    std::vector<float> samples;
};

// A picture ready to draw: cropped to its outline, holes inside the outline filled white (line
// art becomes a solid object, so its mask is its silhouette), at most 256 pixels on its longer
// side, premultiplied ARGB. `area` is the number of its pixels with alpha >= 128.
struct Picture
{
    QImage image;
    double area = 0;
};

// Loads recordings, pictures and the SoundFont once and shares them between the threads that make
// clips. Thread-safe. Everything returned is immutable.
class AssetBank
{
public:
    explicit AssetBank(int sampleRate);

    Result<std::shared_ptr<const Recording>> recording(const QString &path);
    // Fails for files that do not decode or are fully opaque or fully transparent (no outline to
    // cut a mask from).
    Result<Picture> picture(const QString &path);
    Result<std::shared_ptr<const SoundFont>> soundFont(const QString &path);

    int sampleRate() const { return m_sampleRate; }

private:
    const int m_sampleRate;
    QMutex m_mutex;
    std::map<QString, std::shared_ptr<const Recording>> m_recordings;
    std::map<QString, Picture> m_pictures;
    std::shared_ptr<const SoundFont> m_soundFont;
};

} // namespace earmark::synth
