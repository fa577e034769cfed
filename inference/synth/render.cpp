#include "inference/synth/render.h"

#include "inference/synth/rng.h"

#include <QLinearGradient>
#include <QPainter>
#include <QRadialGradient>

#include <algorithm>
#include <cmath>

namespace earmark::synth {

namespace {

constexpr double pi = 3.141592653589793;
constexpr int rate = clip::sampleRate;

double rms(const std::vector<float> &x, qint64 from, qint64 to)
{
    double sum = 0;
    from = std::max<qint64>(0, from);
    to = std::min<qint64>(qint64(x.size()), to);
    for (qint64 i = from; i < to; ++i)
        sum += double(x[std::size_t(i)]) * x[std::size_t(i)];
    return to > from ? std::sqrt(sum / double(to - from)) : 0.0;
}

// Adds `piece` at `at` into `out`, nothing at or after `end`, with short fades at both ends.
void place(std::vector<float> &out, const std::vector<float> &piece, qint64 at, qint64 end)
{
    const qint64 fade = rate / 200; // 5 ms
    const qint64 n = qint64(piece.size());
    for (qint64 i = 0; i < n; ++i) {
        const qint64 j = at + i;
        if (j >= end || j >= qint64(out.size()))
            break;
        if (j < 0)
            continue;
        double g = 1.0;
        if (i < fade)
            g = double(i) / fade;
        if (n - 1 - i < fade)
            g = std::min(g, double(n - 1 - i) / fade);
        out[std::size_t(j)] += float(piece[std::size_t(i)] * g);
    }
}

// A stretch of `recording` resampled by `speed` (linear interpolation), starting at `offset`
// samples of the source, at most `maxLength` output samples.
std::vector<float> resampled(const std::vector<float> &recording,
                             double speed,
                             qint64 offset,
                             qint64 maxLength)
{
    std::vector<float> out;
    double pos = double(offset);
    const double last = double(recording.size()) - 1;
    while (pos < last && qint64(out.size()) < maxLength) {
        const qint64 i = qint64(pos);
        const double f = pos - double(i);
        out.push_back(
            float(recording[std::size_t(i)] * (1 - f) + recording[std::size_t(i + 1)] * f));
        pos += speed;
    }
    return out;
}

struct EventWriter
{
    const ClassEntry &cls;
    const Catalog &catalog;
    AssetBank &bank;
    Rng &rng;
    std::vector<float> &out;
    qint64 end;

    // Lays sound from `from` until close to `until`; returns false with `error` set on failure.
    Status fill(qint64 from, qint64 until, bool instrument)
    {
        if (instrument)
            return fillNotes(from, until);
        return fillRecordings(from, until);
    }

    Status fillRecordings(qint64 pos, qint64 until)
    {
        while (pos < until - rate * 15 / 100) {
            const QString &path = cls.recordings[rng.range(0, int(cls.recordings.size()) - 1)];
            auto recording = bank.recording(path);
            if (!recording)
                return recording.error();
            const std::vector<float> &source = (*recording)->samples;
            const double speed = 1.0 + rng.uniform(-cls.style.speedJitter, cls.style.speedJitter);
            const qint64 room = until - pos;
            qint64 offset = 0;
            const qint64 length = qint64(double(source.size()) / speed);
            if (length > 3 * rate && rng.chance(0.5))
                offset = qint64(rng.uniform(0, double(source.size()) - 1.0 * rate));
            const std::vector<float> piece = resampled(source, speed, offset, room);
            place(out, piece, pos, end);
            pos += qint64(piece.size())
                   + qint64(rng.uniform(cls.style.gapMin, cls.style.gapMax) * rate);
        }
        return {};
    }

    Status fillNotes(qint64 pos, qint64 until)
    {
        auto font = bank.soundFont(catalog.soundFont);
        if (!font)
            return font.error();
        const InstrumentSource &source
            = cls.instruments[std::size_t(rng.range(0, int(cls.instruments.size()) - 1))];
        static const int major[] = {0, 2, 4, 7, 9};
        static const int minor[] = {0, 3, 5, 7, 10};
        const int *scale = rng.chance(0.5) ? major : minor;
        const int tonic = rng.range(source.lowKey, source.lowKey + 11);
        std::vector<int> keys;
        for (int k = source.lowKey; k <= source.highKey; ++k) {
            const int degree = ((k - tonic) % 12 + 12) % 12;
            if (std::find(scale, scale + 5, degree) != scale + 5)
                keys.push_back(k);
        }
        int current = rng.range(0, int(keys.size()) - 1);
        while (pos < until - rate / 10) {
            const double duration = rng.uniform(cls.style.noteMin, cls.style.noteMax);
            const int velocity = rng.range(70, 120);
            const int key = keys[std::size_t(current)];
            std::vector<float> note = (*font)->renderNote(source.program,
                                                          key,
                                                          velocity,
                                                          duration,
                                                          rate,
                                                          duration + 0.6);
            if (note.empty())
                return Error(QStringLiteral("the SoundFont plays nothing for program %1 key %2")
                                 .arg(source.program)
                                 .arg(key),
                             catalog.soundFont);
            if (rng.chance(cls.style.chordChance)) {
                const int above = key + (rng.chance(0.5) ? (scale == major ? 4 : 3) : 7);
                const std::vector<float> second = (*font)->renderNote(source.program,
                                                                      above,
                                                                      velocity - 10,
                                                                      duration,
                                                                      rate,
                                                                      duration + 0.6);
                note.resize(std::max(note.size(), second.size()), 0.0f);
                for (std::size_t i = 0; i < second.size(); ++i)
                    note[i] += second[i];
            }
            place(out, note, pos, end);
            pos += qint64((duration + rng.uniform(cls.style.gapMin, cls.style.gapMax)) * rate);
            current = std::clamp(current + rng.range(-2, 2), 0, int(keys.size()) - 1);
        }
        return {};
    }
};

// Deterministic noise of the given colour, unit RMS.
std::vector<float> noise(const NoiseBed &bed,
                         const Catalog &catalog,
                         AssetBank &bank,
                         Status *status)
{
    std::vector<float> out(clip::samples, 0.0f);
    Rng rng(bed.seed);
    if (bed.kind == 3) {
        auto recording = bank.recording(bed.recording);
        if (!recording) {
            *status = recording.error();
            return out;
        }
        const std::vector<float> &source = (*recording)->samples;
        const qint64 n = qint64(source.size());
        qint64 pos = qint64(rng.uniform(0, double(n)));
        for (float &v : out) {
            v = source[std::size_t(pos % n)];
            ++pos;
        }
        // Level out the recording's own swells (0.5-s RMS envelope), so the bed is as steady as
        // the generated noises and no second of it passes for an event.
        const qint64 half = rate / 4;
        std::vector<double> power(out.size() + 1, 0.0);
        for (std::size_t i = 0; i < out.size(); ++i)
            power[i + 1] = power[i] + double(out[i]) * out[i];
        std::vector<float> levelled(out.size());
        for (qint64 i = 0; i < qint64(out.size()); ++i) {
            const qint64 a = std::max<qint64>(0, i - half);
            const qint64 b = std::min<qint64>(qint64(out.size()), i + half);
            const double envelope = std::sqrt((power[std::size_t(b)] - power[std::size_t(a)])
                                              / double(b - a));
            levelled[std::size_t(i)] = float(out[std::size_t(i)] / std::max(envelope, 1e-4));
        }
        out = std::move(levelled);
    } else {
        double b0 = 0, b1 = 0, b2 = 0, brown = 0;
        for (float &v : out) {
            const double white = rng.gaussian();
            if (bed.kind == 0) {
                v = float(white);
            } else if (bed.kind == 1) { // pink: Paul Kellet's economy filter
                b0 = 0.99765 * b0 + white * 0.0990460;
                b1 = 0.96300 * b1 + white * 0.2965164;
                b2 = 0.57000 * b2 + white * 1.0526913;
                v = float(b0 + b1 + b2 + white * 0.1848);
            } else { // brown, with a leak so it does not drift
                brown = 0.995 * brown + 0.1 * white;
                v = float(brown);
            }
        }
    }
    // Slow swell, then unit RMS.
    const double period = rng.uniform(3, 9), phase = rng.uniform(0, 2 * pi);
    const double depth = rng.uniform(0, 0.25);
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] *= float(1.0 + depth * std::sin(2 * pi * double(i) / rate / period + phase));
    const double level = rms(out, 0, qint64(out.size()));
    if (level > 0) {
        for (float &v : out)
            v = float(v / level);
    }
    return out;
}

} // namespace

Result<std::vector<float>> renderEventAudio(const ClipPlan &plan,
                                            int eventIndex,
                                            const Catalog &catalog,
                                            AssetBank &bank)
{
    std::vector<float> out(clip::samples, 0.0f);
    const PlannedEvent &event = plan.events[std::size_t(eventIndex)];
    if (!event.heard())
        return out;
    const ClassEntry &cls = catalog.classes[std::size_t(event.classIndex)];
    Rng rng(event.soundSeed);
    const qint64 from = qint64(event.audioOn) * rate;
    const qint64 end = qint64(event.audioOff) * rate;
    const bool instrument = !cls.instruments.empty()
                            && (cls.recordings.isEmpty() || rng.chance(cls.instrumentChance));
    EventWriter writer{cls, catalog, bank, rng, out, end};
    if (Status s = writer.fill(from + rng.range(0, rate / 20), end, instrument); !s)
        return s.error();
    // Every heard second must hold sound: a second left quieter than half the event's RMS (by a
    // pause, a soft hit, a decaying note) gets more laid over it, up to three times.
    for (int pass = 0; pass < 3; ++pass) {
        const double overall = rms(out, from, end);
        for (int second = event.audioOn; second < event.audioOff; ++second) {
            const qint64 s0 = qint64(second) * rate;
            if (rms(out, s0, s0 + rate) < 0.5 * overall) {
                if (Status s = writer.fill(s0, std::min(end, s0 + rate), instrument); !s)
                    return s.error();
            }
        }
    }
    // A 10-ms fade-out that ends at the offset.
    const qint64 fade = rate / 100;
    for (qint64 i = std::max(from, end - fade); i < end; ++i)
        out[std::size_t(i)] *= float(double(end - i) / fade);
    const double level = rms(out, from, end);
    if (level <= 0)
        return Error(
            QStringLiteral("the %1 event of clip %2 made no sound").arg(cls.name, plan.name));
    const double gain = std::pow(10.0, event.levelDb / 20.0) / level;
    for (float &v : out)
        v = float(v * gain);
    return out;
}

Result<std::vector<float>> renderAudio(const ClipPlan &plan, const Catalog &catalog, AssetBank &bank)
{
    Status status;
    std::vector<float> mix = noise(plan.noise, catalog, bank, &status);
    if (!status)
        return status.error();
    const float noiseGain = float(std::pow(10.0, plan.noise.levelDb / 20.0));
    for (float &v : mix)
        v *= noiseGain;
    for (std::size_t e = 0; e < plan.events.size(); ++e) {
        auto sound = renderEventAudio(plan, int(e), catalog, bank);
        if (!sound)
            return sound.error();
        for (std::size_t i = 0; i < mix.size(); ++i)
            mix[i] += (*sound)[i];
    }
    float peak = 0;
    for (float v : mix)
        peak = std::max(peak, std::abs(v));
    if (peak > 0.95f) {
        const float g = 0.95f / peak;
        for (float &v : mix)
            v *= g;
    }
    return mix;
}

// ---------------------------------------------------------------------------------------------

namespace {

constexpr int textureSize = 288; // the 224 window pans over it

QImage paintBackground(const Background &bg)
{
    QImage image(textureSize, textureSize, QImage::Format_RGB32);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    Rng rng(bg.seed);
    const QPointF centre(textureSize / 2.0, textureSize / 2.0);
    const double a = bg.angle * pi / 180;
    const QPointF axis(std::cos(a) * textureSize / 2, std::sin(a) * textureSize / 2);
    QLinearGradient linear(centre - axis, centre + axis);
    linear.setColorAt(0, bg.first);
    linear.setColorAt(0.5, bg.third);
    linear.setColorAt(1, bg.second);
    p.fillRect(image.rect(), linear);
    switch (bg.kind) {
    case 1: {
        QRadialGradient radial(QPointF(rng.uniform(0, textureSize), rng.uniform(0, textureSize)),
                               rng.uniform(textureSize * 0.4, textureSize));
        radial.setColorAt(0, bg.first);
        radial.setColorAt(1, bg.second);
        p.fillRect(image.rect(), radial);
        break;
    }
    case 2: {
        const int blobs = rng.range(6, 14);
        p.setPen(Qt::NoPen);
        for (int i = 0; i < blobs; ++i) {
            QColor c = QColor::fromHsvF(float(rng.uniform()),
                                        float(rng.uniform(0.1, 0.7)),
                                        float(rng.uniform(0.2, 0.95)));
            c.setAlpha(rng.range(50, 140));
            p.setBrush(c);
            const double w = rng.uniform(30, 160), h = rng.uniform(30, 160);
            p.drawEllipse(QPointF(rng.uniform(0, textureSize), rng.uniform(0, textureSize)),
                          w / 2,
                          h / 2);
        }
        break;
    }
    case 3: {
        QColor c = bg.second.darker(rng.range(110, 160));
        c.setAlpha(rng.range(60, 140));
        const double width = rng.uniform(8, 40);
        p.save();
        p.translate(centre);
        p.rotate(rng.uniform(0, 180));
        for (double x = -textureSize; x < textureSize; x += 2 * width)
            p.fillRect(QRectF(x, -textureSize, width, 2 * textureSize), c);
        p.restore();
        break;
    }
    case 4: {
        const int tile = rng.range(16, 48);
        QColor c = bg.first.lighter(rng.range(110, 150));
        c.setAlpha(rng.range(60, 140));
        for (int y = 0; y < textureSize; y += tile)
            for (int x = (y / tile % 2) * tile; x < textureSize; x += 2 * tile)
                p.fillRect(x, y, tile, tile, c);
        break;
    }
    default:
        break;
    }
    // A horizon: the lower part darker or lighter, as a floor or a table.
    if (rng.chance(0.4)) {
        QColor floor = rng.chance(0.5) ? QColor(40, 30, 20) : QColor(230, 225, 210);
        floor.setAlpha(rng.range(60, 150));
        p.fillRect(QRectF(0,
                          rng.uniform(textureSize * 0.55, textureSize * 0.8),
                          textureSize,
                          textureSize),
                   floor);
    }
    return image;
}

} // namespace

Result<FrameRenderer> FrameRenderer::create(const ClipPlan &plan, AssetBank &bank)
{
    FrameRenderer r;
    r.m_plan = &plan;
    r.m_background = paintBackground(plan.background);
    for (const VisualObject &object : plan.objects) {
        auto picture = bank.picture(object.picture);
        if (!picture)
            return picture.error();
        r.m_pictures.push_back(*picture);
    }
    r.m_order.resize(plan.objects.size());
    for (std::size_t i = 0; i < r.m_order.size(); ++i)
        r.m_order[i] = i;
    std::stable_sort(r.m_order.begin(), r.m_order.end(), [&](std::size_t a, std::size_t b) {
        return plan.objects[a].z < plan.objects[b].z;
    });
    return r;
}

void FrameRenderer::drawObject(QPainter &painter, std::size_t index, double t) const
{
    const VisualObject &object = m_plan->objects[index];
    const QImage &picture = m_pictures[index].image;
    // `size` is the side of a square with the object's area; the longer side stays in frame.
    const double longest = std::max(picture.width(), picture.height());
    const double base = std::min(object.motion.size
                                     / std::sqrt(std::max(m_pictures[index].area, 1.0)),
                                 0.9 * clip::width / longest);
    const double scale = base * object.motion.scale(t);
    painter.save();
    painter.translate(object.motion.centre(t));
    painter.rotate(object.motion.angle(t));
    painter.scale(object.motion.mirrored ? -scale : scale, scale);
    painter.drawImage(QPointF(-picture.width() / 2.0, -picture.height() / 2.0), picture);
    painter.restore();
}

QImage FrameRenderer::frame(int index, bool withObjects) const
{
    const double t = double(index) / clip::fps;
    const Background &bg = m_plan->background;
    const double span = textureSize - clip::width;
    const int x = int(std::lround(bounce(bg.panX, bg.panVx, 0, span, t)));
    const int y = int(std::lround(bounce(bg.panY, bg.panVy, 0, span, t)));
    QImage image = m_background.copy(x, y, clip::width, clip::height);
    if (!withObjects)
        return image;
    QPainter p(&image);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.setRenderHint(QPainter::Antialiasing);
    for (std::size_t i : m_order) {
        if (m_plan->objects[i].visibleAt(t))
            drawObject(p, i, t);
    }
    return image;
}

QImage FrameRenderer::soundingMask(int index) const
{
    QImage mask(clip::width, clip::height, QImage::Format_Grayscale8);
    mask.fill(0);
    const double t = double(index) / clip::fps;
    const PlannedEvent &primary = m_plan->primary();
    const bool heard = t >= primary.audioOn && t < primary.audioOff;
    if (!heard || primary.object < 0 || !m_plan->objects[std::size_t(primary.object)].visibleAt(t))
        return mask;
    QImage layer(clip::width, clip::height, QImage::Format_ARGB32_Premultiplied);
    layer.fill(Qt::transparent);
    {
        QPainter p(&layer);
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        p.setRenderHint(QPainter::Antialiasing);
        bool inFront = false;
        for (std::size_t i : m_order) {
            if (int(i) == primary.object) {
                drawObject(p, i, t);
                inFront = true;
                p.setCompositionMode(QPainter::CompositionMode_DestinationOut);
            } else if (inFront && m_plan->objects[i].visibleAt(t)) {
                drawObject(p, i, t);
            }
        }
    }
    for (int y = 0; y < clip::height; ++y) {
        const QRgb *src = reinterpret_cast<const QRgb *>(layer.constScanLine(y));
        uchar *dst = mask.scanLine(y);
        for (int x = 0; x < clip::width; ++x)
            dst[x] = qAlpha(src[x]) >= 128 ? 255 : 0;
    }
    return mask;
}

} // namespace earmark::synth
