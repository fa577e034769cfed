#include "inference/synth/assets.h"

#include "core/media/audiodecoder.h"

#include <QMutexLocker>

#include <algorithm>
#include <cmath>

namespace earmark::synth {

namespace {

// Max filter over a (2r+1)-square, separable.
std::vector<uchar> dilate(const std::vector<uchar> &in, int w, int h, int r)
{
    std::vector<uchar> rows(in.size(), 0), out(in.size(), 0);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            uchar v = 0;
            for (int k = std::max(0, x - r); k <= std::min(w - 1, x + r) && !v; ++k)
                v = in[std::size_t(y) * w + k];
            rows[std::size_t(y) * w + x] = v;
        }
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            uchar v = 0;
            for (int k = std::max(0, y - r); k <= std::min(h - 1, y + r) && !v; ++k)
                v = rows[std::size_t(k) * w + x];
            out[std::size_t(y) * w + x] = v;
        }
    return out;
}

} // namespace

AssetBank::AssetBank(int sampleRate)
    : m_sampleRate(sampleRate)
{}

Result<std::shared_ptr<const Recording>> AssetBank::recording(const QString &path)
{
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_recordings.find(path);
        if (it != m_recordings.end())
            return it->second;
    }
    auto rec = std::make_shared<Recording>();
    media::AudioDecodeOptions options;
    options.sampleRate = m_sampleRate;
    options.channels = 1;
    const Status decoded = media::decodeAudio(path, options, [&](const float *data, qint64 frames) {
        rec->samples.insert(rec->samples.end(), data, data + frames);
        return true;
    });
    if (!decoded)
        return decoded.error();

    // Trim silence: 10-ms windows quieter than -40 dB of the loudest one.
    const std::size_t window = std::size_t(m_sampleRate / 100);
    std::vector<double> rms;
    for (std::size_t i = 0; i + window <= rec->samples.size(); i += window) {
        double sum = 0;
        for (std::size_t j = i; j < i + window; ++j)
            sum += double(rec->samples[j]) * rec->samples[j];
        rms.push_back(std::sqrt(sum / double(window)));
    }
    const double loudest = rms.empty() ? 0.0 : *std::max_element(rms.begin(), rms.end());
    if (loudest < 1e-4)
        return Error(QStringLiteral("the recording is silent"), path);
    const double threshold = loudest * 0.01;
    std::size_t first = 0, last = rms.size();
    while (first < rms.size() && rms[first] < threshold)
        ++first;
    while (last > first && rms[last - 1] < threshold)
        --last;
    std::vector<float> trimmed(rec->samples.begin() + std::ptrdiff_t(first * window),
                               rec->samples.begin() + std::ptrdiff_t(last * window));
    rec->samples = std::move(trimmed);

    QMutexLocker lock(&m_mutex);
    auto [it, inserted] = m_recordings.emplace(path, std::move(rec));
    return std::shared_ptr<const Recording>(it->second);
}

Result<Picture> AssetBank::picture(const QString &path)
{
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_pictures.find(path);
        if (it != m_pictures.end())
            return it->second;
    }
    QImage image(path);
    if (image.isNull())
        return Error(QStringLiteral("cannot read the picture"), path);
    image = image.convertToFormat(QImage::Format_ARGB32);
    if (std::max(image.width(), image.height()) > 512)
        image = image.scaled(512, 512, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    int left = image.width(), right = -1, top = image.height(), bottom = -1;
    qint64 opaque = 0;
    for (int y = 0; y < image.height(); ++y) {
        const QRgb *row = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(row[x]) >= 128) {
                ++opaque;
                left = std::min(left, x);
                right = std::max(right, x);
                top = std::min(top, y);
                bottom = std::max(bottom, y);
            }
        }
    }
    const qint64 total = qint64(image.width()) * image.height();
    if (opaque == 0 || opaque > total * 97 / 100)
        return Error(QStringLiteral("the picture has no transparent background to cut its outline "
                                    "from"),
                     path);
    // One transparent pixel of margin so the flood fill below can go round the outline.
    image = image.copy(left - 1, top - 1, right - left + 3, bottom - top + 3);

    // Fill what the outline encloses: transparent pixels not reachable from the border. Gaps in
    // the outline up to about 6 pixels wide are closed first (a morphological closing), so line
    // art with small breaks still gets a solid body.
    const int w = image.width(), h = image.height();
    constexpr int radius = 3;
    std::vector<uchar> solid(std::size_t(w) * h, 0);
    for (int y = 0; y < h; ++y) {
        const QRgb *row = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < w; ++x)
            solid[std::size_t(y) * w + x] = qAlpha(row[x]) >= 128;
    }
    const std::vector<uchar> blocked = dilate(solid, w, h, radius);
    std::vector<uchar> reached(std::size_t(w) * h, 0);
    std::vector<int> stack;
    auto push = [&](int x, int y) {
        const std::size_t i = std::size_t(y) * w + x;
        if (!reached[i] && !blocked[i]) {
            reached[i] = 1;
            stack.push_back(int(i));
        }
    };
    for (int x = 0; x < w; ++x) {
        push(x, 0);
        push(x, h - 1);
    }
    for (int y = 0; y < h; ++y) {
        push(0, y);
        push(w - 1, y);
    }
    while (!stack.empty()) {
        const int i = stack.back();
        stack.pop_back();
        const int x = i % w, y = i / w;
        if (x > 0)
            push(x - 1, y);
        if (x + 1 < w)
            push(x + 1, y);
        if (y > 0)
            push(x, y - 1);
        if (y + 1 < h)
            push(x, y + 1);
    }
    const std::vector<uchar> outside = dilate(reached, w, h, radius);
    for (int y = 0; y < h; ++y) {
        QRgb *row = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < w; ++x) {
            if (outside[std::size_t(y) * w + x])
                continue;
            // Inside the outline: the pixel over white paper.
            const QRgb p = row[x];
            const int a = qAlpha(p);
            auto over = [a](int c) { return (c * a + 255 * (255 - a)) / 255; };
            row[x] = qRgba(over(qRed(p)), over(qGreen(p)), over(qBlue(p)), 255);
        }
    }
    if (std::max(w, h) > 256)
        image = image.scaled(256, 256, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    Picture picture;
    picture.image = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    for (int y = 0; y < picture.image.height(); ++y) {
        const QRgb *row = reinterpret_cast<const QRgb *>(picture.image.constScanLine(y));
        for (int x = 0; x < picture.image.width(); ++x)
            picture.area += qAlpha(row[x]) >= 128 ? 1 : 0;
    }

    QMutexLocker lock(&m_mutex);
    auto [it, inserted] = m_pictures.emplace(path, picture);
    return it->second;
}

Result<std::shared_ptr<const SoundFont>> AssetBank::soundFont(const QString &path)
{
    QMutexLocker lock(&m_mutex);
    if (m_soundFont && m_soundFont->path() == path)
        return m_soundFont;
    auto font = SoundFont::open(path);
    if (!font)
        return font.error();
    m_soundFont = *font;
    return m_soundFont;
}

} // namespace earmark::synth
