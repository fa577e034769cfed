#pragma once

#include "core/base/result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace earmark::synth {

// How a class's sound is laid over an event's seconds.
struct PlayStyle
{
    double gapMin = 0.05; // silence between consecutive recordings or notes, seconds
    double gapMax = 0.25;
    double noteMin = 0.25; // note lengths for SoundFont instruments, seconds
    double noteMax = 0.9;
    double chordChance = 0;    // chance that a note is played with a third/fifth above it
    double speedJitter = 0.06; // recordings are resampled by 1 +- this (pitch and tempo)
};

// A SoundFont General MIDI program that plays a class, with the keys it plays in.
struct InstrumentSource
{
    int program = 0;
    int lowKey = 48;
    int highKey = 72;
};

// One class of sounding object: what it sounds like, what it looks like.
struct ClassEntry
{
    QString name;           // LLP spelling where the class is an LLP class ("Acoustic_guitar")
    bool llp = false;       // true when `name` is one of LLP's 25 classes
    QString description;    // where its sounds and pictures come from, for people
    QStringList recordings; // absolute paths of decodable audio files, sorted
    std::vector<InstrumentSource> instruments;
    double instrumentChance = 0; // chance that an event uses an instrument rather than recordings
    QStringList pictures;        // absolute paths of PNGs with transparency, sorted
    PlayStyle style;
};

// Which recordings and pictures a split draws from. Classes with many recordings or pictures keep
// about a fifth of them (chosen by a hash of the file name) for held-out splits, so a test set
// hears and sees things a model was not trained on.
enum class AssetPool { All, Training, HeldOut };

// Where the Debian packages put their files. Defaults are Debian 12's paths.
struct AssetRoots
{
    QString speech = QStringLiteral(
        "/usr/share/asterisk/sounds/en_US_f_Allison");               // asterisk-core-sounds-en-wav
    QString sonicPi = QStringLiteral("/usr/share/sonic-pi/samples"); // sonic-pi-samples
    QString soundTheme = QStringLiteral(
        "/usr/share/sounds/freedesktop/stereo"); // sound-theme-freedesktop
    QString soundFont = QStringLiteral("/usr/share/sounds/sf2/FluidR3_GM.sf2"); // fluid-soundfont-gm
    QString clipart = QStringLiteral("/usr/share/openclipart/png");             // openclipart-png
};

struct Catalog
{
    std::vector<ClassEntry> classes;  // index order is the class vocabulary's order
    QString soundFont;                // path of the SoundFont the instruments play from
    QStringList backgroundRecordings; // noise beds (hiss, hum, drones), not labelled
    QStringList occluderPictures;     // unlabelled foreground things (plants, signs, food)

    QStringList classNames() const;
    int indexOf(const QString &name) const;
};

// The generator's class vocabulary and the files behind it, resolved on this machine and filtered
// to `pool`. Fails naming the missing file and the Debian package that provides it.
Result<Catalog> loadCatalog(AssetPool pool = AssetPool::All, const AssetRoots &roots = {});

} // namespace earmark::synth
