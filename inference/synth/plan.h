#pragma once

#include "inference/synth/catalog.h"

#include <QColor>
#include <QJsonObject>
#include <QPointF>
#include <QString>

#include <cstdint>
#include <vector>

namespace earmark::synth {

// The clips' fixed format. Truth is per whole second: every event starts and ends on a second.
namespace clip {
constexpr int seconds = 10;
constexpr int fps = 16;
constexpr int frames = seconds * fps;
constexpr int width = 224;
constexpr int height = 224;
constexpr int sampleRate = 16000;
constexpr int samples = seconds * sampleRate;
// AVSBench samples one frame per second, at about t + 15/16 s: mask k (1-based) is video frame
// k * fps - 1, shown at (k * fps - 1) / fps seconds, the last frame of second k - 1.
constexpr int maskFrame(int k)
{
    return k * fps - 1;
}
} // namespace clip

// Position at time t of a point starting at x0 with speed v inside [lo, hi], bouncing off the
// ends (objects and the background's pan move this way).
double bounce(double x0, double v, double lo, double hi, double t);

// A drawn object's path: its centre drifts at a constant velocity and bounces inside a box, its
// size breathes and it sways. All in pixels, seconds and degrees.
struct Motion
{
    double x0 = 0, y0 = 0;
    double vx = 0, vy = 0;
    double minX = 0, maxX = 0, minY = 0, maxY = 0;
    double size = 70; // side of a square with the object's area, at scale 1
    double scaleAmplitude = 0, scalePeriod = 4, scalePhase = 0;
    double angleAmplitude = 0, anglePeriod = 5, anglePhase = 0;
    bool mirrored = false;

    QPointF centre(double t) const;
    double scale(double t) const;
    double angle(double t) const;
};

struct VisualObject
{
    QString picture;
    Motion motion;
    int on = 0, off = 0; // visible during seconds [on, off)
    int z = 0;           // drawing order: larger is in front
    int event = -1;      // index into ClipPlan::events, -1 for an unlabelled occluder

    bool visibleAt(double t) const { return t >= on && t < off; }
};

struct PlannedEvent
{
    int classIndex = 0;
    bool primary = false;          // the clip's one audio-visual event (AVE's event, AVS's source)
    int audioOn = 0, audioOff = 0; // heard during seconds [audioOn, audioOff); empty if equal
    int visualOn = 0, visualOff = 0; // seen during seconds [visualOn, visualOff)
    double levelDb = -20;            // RMS of its sound over its heard seconds, dBFS
    std::uint64_t soundSeed = 0;
    int object = -1; // index into ClipPlan::objects when seen

    bool heard() const { return audioOff > audioOn; }
    bool seen() const { return visualOff > visualOn; }
};

struct Background
{
    int kind = 0; // 0 linear gradient, 1 radial gradient, 2 blobs, 3 stripes, 4 tiles
    QColor first, second, third;
    double angle = 0;
    std::uint64_t seed = 0;
    double panX = 0, panY = 0, panVx = 0, panVy = 0; // the 224x224 window over a 288x288 texture
};

struct NoiseBed
{
    int kind = 0; // 0 white, 1 pink, 2 brown, 3 a recording
    QString recording;
    double levelDb = -45; // RMS, dBFS
    std::uint64_t seed = 0;
};

// Everything about one clip, decided from (seed, split, index) alone. Rendering reads only this.
struct ClipPlan
{
    int index = 0;
    QString id;   // 11 characters of [A-Za-z0-9], like the YouTube ids of LLP and AVE
    QString name; // "<id>_0_10", LLP's file-name convention
    std::uint64_t seed = 0;
    std::vector<PlannedEvent> events; // events[0] is the primary one
    std::vector<VisualObject> objects;
    Background background;
    NoiseBed noise;

    const PlannedEvent &primary() const { return events.front(); }
    QJsonObject toJson(const Catalog &catalog) const;
};

// Plans clip `index` of `split` for `seed`. Primary classes are balanced: each block of N clips
// (N classes) holds every class once as its primary, in an order drawn from the seed.
ClipPlan planClip(const Catalog &catalog, std::uint64_t seed, const QString &split, int index);

} // namespace earmark::synth
