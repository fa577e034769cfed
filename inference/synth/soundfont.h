#pragma once

#include "core/base/result.h"

#include <QString>

#include <memory>
#include <vector>

namespace earmark::synth {

// A SoundFont 2 file (for example Debian's FluidR3_GM.sf2: recorded instrument samples) read well
// enough to play single notes of a General MIDI preset: key and velocity zones, sample loops,
// root key and tuning, attenuation and a volume envelope (attack, hold, decay, sustain, release).
// No filters, modulators or effects. The file is memory-mapped; samples are read on demand.
// Thread-safe after open(): renderNote() only reads.
class SoundFont
{
public:
    // Reads the preset/instrument/sample tables. Fails with the file name and what is wrong.
    static Result<std::shared_ptr<const SoundFont>> open(const QString &path);
    ~SoundFont();

    // True when bank 0 holds `program` (0-127, General MIDI numbering from 0).
    bool hasProgram(int program) const;

    // One note of `program` at MIDI `key` (0-127) and `velocity` (1-127), held for `heldSeconds`
    // then released; the result (mono, `sampleRate` Hz, peak about 1 for velocity 127 before the
    // file's attenuation) includes the release tail, at most `maxSeconds` long.
    std::vector<float> renderNote(int program,
                                  int key,
                                  int velocity,
                                  double heldSeconds,
                                  int sampleRate,
                                  double maxSeconds) const;

    QString path() const;

    struct Data;

private:
    explicit SoundFont(std::unique_ptr<Data> data);
    std::unique_ptr<Data> m_data;
};

} // namespace earmark::synth
