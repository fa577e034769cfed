#include "inference/synth/plan.h"

#include "inference/synth/rng.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace earmark::synth {

namespace {

constexpr double pi = 3.141592653589793;

QString makeId(std::uint64_t value)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString id;
    for (int i = 0; i < 11; ++i) {
        id += QLatin1Char(alphabet[value % 62]);
        value /= 62;
    }
    return id;
}

const QString &pickOne(Rng &rng, const QStringList &items)
{
    return items[rng.range(0, int(items.size()) - 1)];
}

QColor randomColor(Rng &rng, double minValue = 0.15, double maxValue = 0.95)
{
    return QColor::fromHsvF(float(rng.uniform()),
                            float(rng.uniform(0.1, 0.8)),
                            float(rng.uniform(minValue, maxValue)));
}

Motion randomMotion(Rng &rng, double size, double speedMax)
{
    Motion m;
    m.size = size;
    // The centre stays where at least about two thirds of the object is in the frame.
    const double margin = size * 0.45;
    m.minX = margin;
    m.maxX = clip::width - margin;
    m.minY = margin;
    m.maxY = clip::height - margin;
    m.x0 = rng.uniform(m.minX, m.maxX);
    m.y0 = rng.uniform(m.minY, m.maxY);
    const double speed = rng.chance(0.25) ? rng.uniform(0, 4) : rng.uniform(4, speedMax);
    const double direction = rng.uniform(0, 2 * pi);
    m.vx = speed * std::cos(direction);
    m.vy = speed * std::sin(direction);
    m.scaleAmplitude = rng.chance(0.3) ? 0 : rng.uniform(0.05, 0.25);
    m.scalePeriod = rng.uniform(2, 7);
    m.scalePhase = rng.uniform(0, 2 * pi);
    m.angleAmplitude = rng.chance(0.4) ? 0 : rng.uniform(2, 12);
    m.anglePeriod = rng.uniform(1.5, 6);
    m.anglePhase = rng.uniform(0, 2 * pi);
    m.mirrored = rng.chance(0.5);
    return m;
}

// The smallest distance between two objects' centres, relative to the sum of their sizes, over
// the frames where both are visible. 1e9 when they are never visible together.
double closestApproach(const VisualObject &a, const VisualObject &b)
{
    double best = 1e9;
    for (int f = 0; f < clip::frames; ++f) {
        const double t = double(f) / clip::fps;
        if (!a.visibleAt(t) || !b.visibleAt(t))
            continue;
        const QPointF d = a.motion.centre(t) - b.motion.centre(t);
        const double sizes = a.motion.size * a.motion.scale(t) + b.motion.size * b.motion.scale(t);
        best = std::min(best, std::hypot(d.x(), d.y()) / sizes);
    }
    return best;
}

// Places `object` so that it never hides another one completely (nor is hidden): centres stay at
// least 0.3 of the summed sizes apart. Tries a few paths and keeps the best.
void placeApart(Rng &rng,
                VisualObject &object,
                const std::vector<VisualObject> &others,
                double speedMax)
{
    Motion best = object.motion;
    double bestDistance = -1;
    for (int attempt = 0; attempt < 40; ++attempt) {
        object.motion = randomMotion(rng, object.motion.size, speedMax);
        double distance = 1e9;
        for (const VisualObject &other : others)
            distance = std::min(distance, closestApproach(object, other));
        if (distance > bestDistance) {
            bestDistance = distance;
            best = object.motion;
        }
        if (distance >= 0.3)
            break;
    }
    object.motion = best;
}

} // namespace

double bounce(double x0, double v, double lo, double hi, double t)
{
    const double span = hi - lo;
    if (span <= 0)
        return lo;
    double x = std::fmod(x0 - lo + v * t, 2 * span);
    if (x < 0)
        x += 2 * span;
    return lo + (x <= span ? x : 2 * span - x);
}

QPointF Motion::centre(double t) const
{
    return {bounce(x0, vx, minX, maxX, t), bounce(y0, vy, minY, maxY, t)};
}

double Motion::scale(double t) const
{
    return 1.0 + scaleAmplitude * std::sin(2 * pi * t / scalePeriod + scalePhase);
}

double Motion::angle(double t) const
{
    return angleAmplitude * std::sin(2 * pi * t / anglePeriod + anglePhase);
}

ClipPlan planClip(const Catalog &catalog, std::uint64_t seed, const QString &split, int index)
{
    const int classCount = int(catalog.classes.size());
    ClipPlan plan;
    plan.index = index;
    plan.seed = hashSeed(seed, QStringLiteral("%1/clip/%2").arg(split).arg(index));
    plan.id = makeId(hashSeed(seed, QStringLiteral("%1/id/%2").arg(split).arg(index)));
    plan.name = plan.id + QStringLiteral("_0_%1").arg(clip::seconds);
    Rng rng(plan.seed);

    // The primary class: a seeded permutation of the classes per block of clips.
    std::vector<int> order(static_cast<std::size_t>(classCount));
    std::iota(order.begin(), order.end(), 0);
    Rng blockRng(hashSeed(seed, QStringLiteral("%1/block/%2").arg(split).arg(index / classCount)));
    for (int i = classCount - 1; i > 0; --i)
        std::swap(order[std::size_t(i)], order[std::size_t(blockRng.range(0, i))]);
    const int primaryClass = order[std::size_t(index % classCount)];

    // The primary event: heard and seen together for [avOn, avOff); one modality may start
    // earlier or end later than the other, so onsets and offsets seldom line up.
    PlannedEvent primary;
    primary.classIndex = primaryClass;
    primary.primary = true;
    const int avLength = rng.range(2, clip::seconds);
    const int avOn = rng.range(0, clip::seconds - avLength);
    const int avOff = avOn + avLength;
    primary.audioOn = primary.visualOn = avOn;
    primary.audioOff = primary.visualOff = avOff;
    if (avOn > 0) {
        const double r = rng.uniform();
        const int extend = rng.range(1, avOn);
        if (r < 0.35)
            primary.audioOn -= extend;
        else if (r < 0.7)
            primary.visualOn -= extend;
    }
    if (avOff < clip::seconds) {
        const double r = rng.uniform();
        const int extend = rng.range(1, clip::seconds - avOff);
        if (r < 0.35)
            primary.audioOff += extend;
        else if (r < 0.7)
            primary.visualOff += extend;
    }
    primary.levelDb = rng.uniform(-26, -14);
    primary.soundSeed = rng.next();
    plan.events.push_back(primary);

    // Distractors: other classes only heard (off screen) or only seen (silent).
    const double r = rng.uniform();
    const int distractors = std::min(classCount - 1, r < 0.25 ? 0 : (r < 0.7 ? 1 : 2));
    std::vector<int> used{primaryClass};
    for (int i = 0; i < distractors; ++i) {
        int cls;
        do {
            cls = rng.range(0, classCount - 1);
        } while (std::find(used.begin(), used.end(), cls) != used.end());
        used.push_back(cls);
        PlannedEvent event;
        event.classIndex = cls;
        const int length = rng.range(1, 7);
        const int on = rng.range(0, clip::seconds - length);
        if (rng.chance(0.5)) {
            event.audioOn = on;
            event.audioOff = on + length;
        } else {
            event.visualOn = on;
            event.visualOff = on + length;
        }
        event.levelDb = primary.levelDb + rng.uniform(-10, 4);
        event.soundSeed = rng.next();
        plan.events.push_back(event);
    }

    // Objects for the seen events, then unlabelled occluders passing in front.
    for (std::size_t e = 0; e < plan.events.size(); ++e) {
        PlannedEvent &event = plan.events[e];
        if (!event.seen())
            continue;
        VisualObject object;
        object.picture = pickOne(rng, catalog.classes[std::size_t(event.classIndex)].pictures);
        object.on = event.visualOn;
        object.off = event.visualOff;
        object.event = int(e);
        object.motion.size = rng.uniform(50, 85);
        placeApart(rng, object, plan.objects, 40);
        event.object = int(plan.objects.size());
        plan.objects.push_back(object);
    }
    const int occluders = rng.chance(0.5) ? rng.range(1, 2) : 0;
    for (int i = 0; i < occluders; ++i) {
        VisualObject object;
        object.picture = pickOne(rng, catalog.occluderPictures);
        const int length = rng.range(3, clip::seconds);
        object.on = rng.range(0, clip::seconds - length);
        object.off = object.on + length;
        object.motion.size = rng.uniform(30, 55);
        placeApart(rng, object, plan.objects, 60);
        plan.objects.push_back(object);
    }
    // Drawing order: labelled objects shuffled, occluders usually in front.
    std::vector<int> z(plan.objects.size());
    std::iota(z.begin(), z.end(), 0);
    for (int i = int(z.size()) - 1; i > 0; --i)
        std::swap(z[std::size_t(i)], z[std::size_t(rng.range(0, i))]);
    for (std::size_t i = 0; i < plan.objects.size(); ++i) {
        VisualObject &object = plan.objects[i];
        object.z = z[i];
        if (object.event < 0 && rng.chance(0.7))
            object.z += 100;
    }

    Background &bg = plan.background;
    bg.kind = rng.range(0, 4);
    bg.first = randomColor(rng);
    bg.second = randomColor(rng);
    bg.third = randomColor(rng);
    bg.angle = rng.uniform(0, 180);
    bg.seed = rng.next();
    bg.panX = rng.uniform(0, 64);
    bg.panY = rng.uniform(0, 64);
    const double panSpeed = rng.chance(0.5) ? 0 : rng.uniform(0, 6);
    const double panDirection = rng.uniform(0, 2 * pi);
    bg.panVx = panSpeed * std::cos(panDirection);
    bg.panVy = panSpeed * std::sin(panDirection);

    NoiseBed &noise = plan.noise;
    noise.kind = rng.range(0, 3);
    if (noise.kind == 3)
        noise.recording = pickOne(rng, catalog.backgroundRecordings);
    double quietest = 0;
    for (const PlannedEvent &event : plan.events) {
        if (event.heard())
            quietest = std::min(quietest, event.levelDb);
    }
    noise.levelDb = quietest - rng.uniform(14, 30);
    noise.seed = rng.next();
    return plan;
}

QJsonObject ClipPlan::toJson(const Catalog &catalog) const
{
    QJsonArray eventArray;
    for (const PlannedEvent &e : events) {
        QJsonObject o{{QStringLiteral("class"), catalog.classes[std::size_t(e.classIndex)].name},
                      {QStringLiteral("primary"), e.primary},
                      {QStringLiteral("level_db"), std::round(e.levelDb * 10) / 10}};
        if (e.heard())
            o.insert(QStringLiteral("audio"), QJsonArray{e.audioOn, e.audioOff});
        if (e.seen()) {
            o.insert(QStringLiteral("visual"), QJsonArray{e.visualOn, e.visualOff});
            o.insert(QStringLiteral("picture"), objects[std::size_t(e.object)].picture);
        }
        eventArray.append(o);
    }
    QJsonArray occluderArray;
    for (const VisualObject &object : objects) {
        if (object.event < 0)
            occluderArray.append(
                QJsonObject{{QStringLiteral("picture"), object.picture},
                            {QStringLiteral("visible"), QJsonArray{object.on, object.off}}});
    }
    static const char *noiseKinds[] = {"white", "pink", "brown", "recording"};
    QJsonObject noiseObject{{QStringLiteral("kind"), QString::fromLatin1(noiseKinds[noise.kind])},
                            {QStringLiteral("level_db"), std::round(noise.levelDb * 10) / 10}};
    if (!noise.recording.isEmpty())
        noiseObject.insert(QStringLiteral("recording"), noise.recording);
    return {{QStringLiteral("index"), index},
            {QStringLiteral("name"), name},
            {QStringLiteral("events"), eventArray},
            {QStringLiteral("occluders"), occluderArray},
            {QStringLiteral("noise"), noiseObject}};
}

} // namespace earmark::synth
