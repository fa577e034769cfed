#pragma once

#include "core/base/result.h"
#include "inference/synth/assets.h"
#include "inference/synth/catalog.h"
#include "inference/synth/plan.h"

#include <QImage>

#include <vector>

namespace earmark::synth {

// The clip's sound: clip::samples mono floats at clip::sampleRate. Each heard event fills exactly
// its seconds (recordings or SoundFont notes laid end to end, cut with a 10-ms fade at its
// offset) at its level; the noise bed runs under the whole clip. Deterministic from the plan.
Result<std::vector<float>> renderAudio(const ClipPlan &plan,
                                       const Catalog &catalog,
                                       AssetBank &bank);

// One event's sound alone, the same samples renderAudio() mixes in (for tests and inspection).
Result<std::vector<float>> renderEventAudio(const ClipPlan &plan,
                                            int event,
                                            const Catalog &catalog,
                                            AssetBank &bank);

// Draws a clip's frames and AVS masks from its plan. Build it once per clip (it loads the
// pictures and paints the background texture), then ask for frames in any order. Not shared
// between threads.
class FrameRenderer
{
public:
    static Result<FrameRenderer> create(const ClipPlan &plan, AssetBank &bank);

    // Frame `index` (0 .. clip::frames-1), RGB32, clip::width x clip::height.
    QImage frame(int index, bool withObjects = true) const;
    // The pixels of the primary event's object at frame `index` that are not hidden behind
    // objects in front of it, 0 or 255, Grayscale8; all 0 when the primary event is not both
    // heard and seen at that moment (AVSBench's sounding-object mask).
    QImage soundingMask(int index) const;

private:
    FrameRenderer() = default;
    void drawObject(class QPainter &painter, std::size_t object, double t) const;

    const ClipPlan *m_plan = nullptr;
    QImage m_background;
    std::vector<Picture> m_pictures;  // per object in m_plan->objects
    std::vector<std::size_t> m_order; // objects by z, back to front
};

} // namespace earmark::synth
