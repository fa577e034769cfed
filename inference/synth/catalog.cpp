#include "inference/synth/catalog.h"

#include "inference/synth/rng.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

namespace earmark::synth {

namespace {

enum class Root { Speech, SonicPi, SoundTheme, Clipart };

struct FileSet
{
    Root root;
    QStringList patterns; // file names or wildcards, relative to the root
};

struct ClassDefinition
{
    const char *name;
    bool llp;
    const char *description;
    std::vector<FileSet> recordings;
    std::vector<InstrumentSource> instruments;
    double instrumentChance;
    QStringList pictures; // relative to the clip-art root
    PlayStyle style;
};

const char *packageOf(Root root)
{
    switch (root) {
    case Root::Speech:
        return "asterisk-core-sounds-en-wav";
    case Root::SonicPi:
        return "sonic-pi-samples";
    case Root::SoundTheme:
        return "sound-theme-freedesktop";
    case Root::Clipart:
        return "openclipart-png";
    }
    return "";
}

QString rootPath(Root root, const AssetRoots &roots)
{
    switch (root) {
    case Root::Speech:
        return roots.speech;
    case Root::SonicPi:
        return roots.sonicPi;
    case Root::SoundTheme:
        return roots.soundTheme;
    case Root::Clipart:
        return roots.clipart;
    }
    return {};
}

PlayStyle style(
    double gapMin, double gapMax, double noteMin, double noteMax, double chord, double speed)
{
    return PlayStyle{gapMin, gapMax, noteMin, noteMax, chord, speed};
}

// The vocabulary. LLP classes first, in LLP's order, then the others. Pictures were chosen by
// looking at them: each shows the thing that makes the sound, on a transparent background.
std::vector<ClassDefinition> definitions()
{
    const QString music = QStringLiteral("recreation/music/");
    return {
        {"Speech",
         true,
         "a woman's voice prompts (asterisk-core-sounds-en-wav); drawn heads and faces",
         {{Root::Speech, {QStringLiteral("**.wav")}}},
         {},
         0.0,
         {QStringLiteral("people/head1.png"),
          QStringLiteral("people/head2.png"),
          QStringLiteral("people/head3.png"),
          QStringLiteral("people/head4.png"),
          QStringLiteral("people/head5.png"),
          QStringLiteral("people/head6.png"),
          QStringLiteral("people/head11.png"),
          QStringLiteral("people/head12.png"),
          QStringLiteral("people/head13.png"),
          QStringLiteral("people/head14.png"),
          QStringLiteral("people/man_face_darek_adamkiewi_01.png"),
          QStringLiteral("people/happy_woman_dirk_struve_01.png"),
          QStringLiteral("people/a_happy_boy_01.png"),
          QStringLiteral("people/maya_head_benji_park_01.png")},
         style(0.08, 0.3, 0, 0, 0, 0.05)},
        {"Fire_alarm",
         true,
         "an alarm clock's ringing (sound-theme-freedesktop); alarm clocks",
         {{Root::SoundTheme, {QStringLiteral("alarm-clock-elapsed.oga")}}},
         {},
         0.0,
         {QStringLiteral("computer/icons/flat-theme/action/kalarm.png"),
          QStringLiteral("computer/icons/lemon-theme/apps/clock.png")},
         style(0.02, 0.15, 0, 0, 0, 0.12)},
        {"Cello",
         true,
         "FluidR3 cello notes (fluid-soundfont-gm); cellos",
         {},
         {{42, 36, 64}},
         1.0,
         {music + QStringLiteral("cello_ganson.png"), music + QStringLiteral("cello_mo_01.png")},
         style(0.0, 0.12, 0.35, 1.1, 0.1, 0)},
        {"Violin_fiddle",
         true,
         "FluidR3 violin and fiddle notes (fluid-soundfont-gm); a violin",
         {},
         {{40, 55, 86}, {110, 55, 84}},
         1.0,
         {music + QStringLiteral("violin_colour_ganson.png")},
         style(0.0, 0.1, 0.25, 0.9, 0.1, 0)},
        {"Acoustic_guitar",
         true,
         "guitar recordings (sonic-pi-samples) and FluidR3 nylon/steel guitar notes; guitars",
         {{Root::SonicPi,
           {QStringLiteral("guit_e_fifths.flac"),
            QStringLiteral("guit_em9.flac"),
            QStringLiteral("guit_harmonics.flac"),
            QStringLiteral("guit_e_slide.flac")}}},
         {{24, 40, 76}, {25, 40, 76}},
         0.6,
         {music + QStringLiteral("guitar_ganson.png"),
          music + QStringLiteral("guitar_profile_philippe__01.png")},
         style(0.02, 0.15, 0.2, 0.7, 0.5, 0.04)},
        {"Telephone_bell_ringing",
         true,
         "telephone rings (sound-theme-freedesktop, sonic-pi-samples) and FluidR3's telephone ring;"
         " telephones",
         {{Root::SoundTheme,
           {QStringLiteral("phone-incoming-call.oga"),
            QStringLiteral("phone-outgoing-calling.oga")}},
          {Root::SonicPi, {QStringLiteral("mehackit_phone*.flac")}}},
         {{124, 60, 72}},
         0.25,
         {QStringLiteral("office/telephone/phone.png"),
          QStringLiteral("office/telephone/red_telephone_mimooh_01.png"),
          QStringLiteral("office/telephone/mobile.png"),
          QStringLiteral("office/telephone/phone_sergio_luiz_araujo_01.png"),
          QStringLiteral("office/telephone/cellular_phone_shandy_br_.png"),
          QStringLiteral("office/telephone/handphone_toh_yen_cheng_01.png"),
          QStringLiteral("computer/classic_phone_zazou.png")},
         style(0.1, 0.3, 0.8, 1.6, 0, 0.06)},
        {"Drum",
         false,
         "drum kit hits and breakbeats (sonic-pi-samples); drum kits and hand drums",
         {{Root::SonicPi,
           {QStringLiteral("drum_*.flac"),
            QStringLiteral("bd_*.flac"),
            QStringLiteral("sn_*.flac"),
            QStringLiteral("loop_amen.flac"),
            QStringLiteral("loop_amen_full.flac"),
            QStringLiteral("loop_breakbeat.flac")}}},
         {},
         0.0,
         {music + QStringLiteral("drums_jarno_vasamaa_.png"),
          music + QStringLiteral("djambf_ganson.png"),
          music + QStringLiteral("africandrum_benji_park_.png"),
          music + QStringLiteral("africandrum_benji_park2.png")},
         style(0.03, 0.2, 0, 0, 0, 0.05)},
        {"Bell",
         false,
         "bells and chimes (sonic-pi-samples, sound-theme-freedesktop) and FluidR3 tubular bells;"
         " bells",
         {{Root::SonicPi,
           {QStringLiteral("perc_bell.flac"),
            QStringLiteral("perc_bell2.flac"),
            QStringLiteral("elec_bell.flac"),
            QStringLiteral("elec_chime.flac")}},
          {Root::SoundTheme, {QStringLiteral("bell.oga")}}},
         {{14, 60, 84}, {112, 60, 84}},
         0.5,
         {QStringLiteral("recreation/holiday/christmas/jingle_bells_01.png"),
          QStringLiteral("computer/icons/flat-theme/action/bell.png")},
         style(0.05, 0.3, 0.3, 0.9, 0, 0.06)},
        {"Piano",
         false,
         "a piano recording (sonic-pi-samples) and FluidR3 grand piano notes; pianos",
         {{Root::SonicPi, {QStringLiteral("ambi_piano.flac")}}},
         {{0, 40, 88}, {1, 40, 88}},
         0.8,
         {music + QStringLiteral("piano_geraint_luff_01.png"),
          music + QStringLiteral("piano_theory__ganson.png"),
          music + QStringLiteral("piano_theory_ganson1.png")},
         style(0.0, 0.1, 0.15, 0.6, 0.4, 0.03)},
        {"Trumpet",
         false,
         "FluidR3 trumpet notes (fluid-soundfont-gm); trumpets",
         {},
         {{56, 55, 82}},
         1.0,
         {music + QStringLiteral("trumpet_pocket_colour_ganso.png"),
          music + QStringLiteral("trumpet_b_flat_colour_ganso.png"),
          music + QStringLiteral("trumpet_b_flat__ganson.png")},
         style(0.02, 0.15, 0.2, 0.8, 0, 0)},
        {"Flute",
         false,
         "FluidR3 flute notes (fluid-soundfont-gm); a flute",
         {},
         {{73, 60, 93}},
         1.0,
         {music + QStringLiteral("flute_ganson.png")},
         style(0.02, 0.12, 0.2, 0.8, 0, 0)},
        {"Harp",
         false,
         "FluidR3 harp notes (fluid-soundfont-gm); harps",
         {},
         {{46, 43, 88}},
         1.0,
         {music + QStringLiteral("harp1_ganson.png"),
          music + QStringLiteral("harp2_ganson.png"),
          music + QStringLiteral("harp3_ganson.png")},
         style(0.0, 0.08, 0.12, 0.5, 0.3, 0)},
    };
}

// Files of `set` that exist, sorted; "**.ext" walks the root recursively.
QStringList resolve(const FileSet &set, const AssetRoots &roots, QString *missing)
{
    const QString root = rootPath(set.root, roots);
    QStringList out;
    for (const QString &pattern : set.patterns) {
        QStringList found;
        if (pattern.startsWith(QLatin1String("**"))) {
            QDirIterator it(root,
                            {pattern.mid(2).prepend(QLatin1Char('*'))},
                            QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString file = it.next();
                if (!file.contains(QLatin1String("/silence/")))
                    found << file;
            }
        } else if (pattern.contains(QLatin1Char('*'))) {
            const QDir dir(root);
            for (const QString &name : dir.entryList({pattern}, QDir::Files))
                found << dir.filePath(name);
        } else if (QFileInfo::exists(root + QLatin1Char('/') + pattern)) {
            found << root + QLatin1Char('/') + pattern;
        }
        if (found.isEmpty() && missing && missing->isEmpty())
            *missing = QStringLiteral("%1/%2 (from the Debian package %3)")
                           .arg(root, pattern, QString::fromLatin1(packageOf(set.root)));
        out << found;
    }
    out.sort();
    out.removeDuplicates();
    return out;
}

QStringList filterPool(const QStringList &files, AssetPool pool, int minimumForSplit)
{
    if (pool == AssetPool::All || files.size() < minimumForSplit)
        return files;
    QStringList out;
    for (const QString &file : files) {
        const bool heldOut = hashSeed(0, QFileInfo(file).fileName()) % 5 == 0;
        if (heldOut == (pool == AssetPool::HeldOut))
            out << file;
    }
    return out.isEmpty() ? files : out;
}

} // namespace

QStringList Catalog::classNames() const
{
    QStringList names;
    for (const ClassEntry &c : classes)
        names << c.name;
    return names;
}

int Catalog::indexOf(const QString &name) const
{
    for (std::size_t i = 0; i < classes.size(); ++i) {
        if (classes[i].name == name)
            return int(i);
    }
    return -1;
}

Result<Catalog> loadCatalog(AssetPool pool, const AssetRoots &roots)
{
    Catalog catalog;
    catalog.soundFont = roots.soundFont;
    bool needsSoundFont = false;
    for (const ClassDefinition &def : definitions()) {
        ClassEntry entry;
        entry.name = QString::fromLatin1(def.name);
        entry.llp = def.llp;
        entry.description = QString::fromLatin1(def.description);
        QString missing;
        QStringList recordings;
        for (const FileSet &set : def.recordings)
            recordings << resolve(set, roots, &missing);
        if (!missing.isEmpty())
            return Error(QStringLiteral("the class %1 needs %2, which is missing: install the "
                                        "package (tools/debian-packages.txt lists it)")
                             .arg(entry.name, missing));
        entry.recordings = filterPool(recordings, pool, 6);
        entry.instruments = def.instruments;
        entry.instrumentChance = entry.recordings.isEmpty() ? 1.0 : def.instrumentChance;
        needsSoundFont = needsSoundFont || !entry.instruments.empty();
        QStringList pictures;
        for (const QString &relative : def.pictures) {
            const QString path = roots.clipart + QLatin1Char('/') + relative;
            if (!QFileInfo::exists(path))
                return Error(QStringLiteral("the class %1 needs the picture %2, which is missing: "
                                            "install the Debian package openclipart-png")
                                 .arg(entry.name, path));
            pictures << path;
        }
        entry.pictures = filterPool(pictures, pool, 5);
        entry.style = def.style;
        catalog.classes.push_back(std::move(entry));
    }
    if (needsSoundFont && !QFileInfo::exists(roots.soundFont))
        return Error(QStringLiteral("the instrument classes need the SoundFont %1, which is "
                                    "missing: install the Debian package fluid-soundfont-gm")
                         .arg(roots.soundFont));

    QString missing;
    catalog.backgroundRecordings = resolve({Root::SonicPi,
                                            {QStringLiteral("vinyl_hiss.flac"),
                                             QStringLiteral("ambi_soft_buzz.flac"),
                                             QStringLiteral("ambi_haunted_hum.flac"),
                                             QStringLiteral("ambi_drone.flac")}},
                                           roots,
                                           &missing);
    const QString clipart = roots.clipart + QLatin1Char('/');
    for (const char *relative : {"plants/trees/tree_01.png",
                                 "plants/trees/evergreen/plain_tree_01.png",
                                 "plants/trees/palmtree_b_r_kessels_.png",
                                 "plants/mushroom_benji_park_.png",
                                 "food/beverages/flower-pot_01.png",
                                 "buildings/old_sign_ganson.png",
                                 "unsorted/wet_paint_sign_gerald_g._01.png",
                                 "recreation/cartoon_tree_01.png"}) {
        const QString path = clipart + QString::fromLatin1(relative);
        if (QFileInfo::exists(path))
            catalog.occluderPictures << path;
    }
    if (!missing.isEmpty() || catalog.occluderPictures.isEmpty())
        return Error(QStringLiteral("background sounds or occluder pictures are missing (%1): "
                                    "install sonic-pi-samples and openclipart-png")
                         .arg(missing.isEmpty() ? clipart : missing));
    return catalog;
}

} // namespace earmark::synth
