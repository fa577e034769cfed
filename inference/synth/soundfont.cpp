#include "inference/synth/soundfont.h"

#include <QFile>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <functional>

namespace earmark::synth {

namespace {

// Generator numbers of the SoundFont 2.01 specification, section 8.1.2.
enum Gen {
    StartOffset = 0,
    EndOffset = 1,
    StartLoopOffset = 2,
    EndLoopOffset = 3,
    StartCoarseOffset = 4,
    EndCoarseOffset = 12,
    AttackVolEnv = 34,
    HoldVolEnv = 35,
    DecayVolEnv = 36,
    SustainVolEnv = 37,
    ReleaseVolEnv = 38,
    Instrument = 41,
    KeyRange = 43,
    VelRange = 44,
    StartLoopCoarseOffset = 45,
    InitialAttenuation = 48,
    EndLoopCoarseOffset = 50,
    CoarseTune = 51,
    FineTune = 52,
    SampleId = 53,
    SampleModes = 54,
    ScaleTuning = 56,
    OverridingRootKey = 58,
    GenCount = 61,
};

struct Zone
{
    std::array<qint32, GenCount> value{};
    std::array<bool, GenCount> set{};

    bool has(int g) const { return set[g]; }
    int get(int g, int fallback) const { return set[g] ? value[g] : fallback; }
    int lowByte(int g) const { return set[g] ? (value[g] & 0xff) : 0; }
    int highByte(int g) const { return set[g] ? ((value[g] >> 8) & 0xff) : 127; }
};

struct Sample
{
    quint32 start = 0, end = 0, loopStart = 0, loopEnd = 0, rate = 0;
    int originalPitch = 60;
    int pitchCorrection = 0;
};

struct ZoneList
{
    Zone global;
    std::vector<Zone> zones;
};

struct Preset
{
    int bank = 0;
    int program = 0;
    ZoneList zones;
};

quint16 u16(const uchar *p)
{
    return quint16(p[0] | (p[1] << 8));
}
quint32 u32(const uchar *p)
{
    return quint32(p[0]) | (quint32(p[1]) << 8) | (quint32(p[2]) << 16) | (quint32(p[3]) << 24);
}

double timecents(int tc)
{
    return std::pow(2.0, double(tc) / 1200.0);
}

} // namespace

struct SoundFont::Data
{
    QString path;
    QFile file;
    const uchar *map = nullptr;
    qint64 size = 0;
    const qint16 *samples = nullptr; // the smpl chunk, little-endian 16-bit
    quint32 sampleCount = 0;
    std::vector<Preset> presets;
    std::vector<ZoneList> instruments;
    std::vector<Sample> sampleHeaders;

    const Preset *preset(int program) const
    {
        for (const Preset &p : presets) {
            if (p.bank == 0 && p.program == program)
                return &p;
        }
        return nullptr;
    }
};

namespace {

// Reads bag/generator tables into zone lists: `headers` entries each own bags
// [bagIndex(i), bagIndex(i+1)), each bag owns generators [genIndex(b), genIndex(b+1)).
// The first zone is global when its last generator is not `terminal`.
std::vector<ZoneList> readZones(int headerCount,
                                const std::function<int(int)> &bagIndex,
                                const uchar *bags,
                                int bagCount,
                                const uchar *gens,
                                int genCount,
                                int terminal)
{
    std::vector<ZoneList> out(std::max(0, headerCount));
    for (int h = 0; h < headerCount; ++h) {
        const int b0 = bagIndex(h), b1 = bagIndex(h + 1);
        for (int b = b0; b < b1 && b + 1 < bagCount; ++b) {
            const int g0 = u16(bags + 4 * b), g1 = u16(bags + 4 * (b + 1));
            Zone zone;
            int last = -1;
            for (int g = g0; g < g1 && g < genCount; ++g) {
                const int oper = u16(gens + 4 * g);
                const quint16 amount = u16(gens + 4 * g + 2);
                if (oper < 0 || oper >= GenCount)
                    continue;
                const bool isRange = oper == KeyRange || oper == VelRange;
                zone.value[oper] = isRange ? qint32(amount) : qint32(qint16(amount));
                if (oper == Instrument || oper == SampleId)
                    zone.value[oper] = amount;
                zone.set[oper] = true;
                last = oper;
            }
            if (last == terminal)
                out[h].zones.push_back(zone);
            else if (b == b0)
                out[h].global = zone;
        }
    }
    return out;
}

} // namespace

SoundFont::SoundFont(std::unique_ptr<Data> data)
    : m_data(std::move(data))
{}

SoundFont::~SoundFont() = default;

QString SoundFont::path() const
{
    return m_data->path;
}

Result<std::shared_ptr<const SoundFont>> SoundFont::open(const QString &path)
{
    auto data = std::make_unique<Data>();
    data->path = path;
    data->file.setFileName(path);
    if (!data->file.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("cannot open the SoundFont: %1").arg(data->file.errorString()),
                     path);
    data->size = data->file.size();
    data->map = data->file.map(0, data->size);
    if (!data->map)
        return Error(QStringLiteral("cannot map the SoundFont into memory"), path);
    const uchar *m = data->map;
    if (data->size < 12 || std::memcmp(m, "RIFF", 4) != 0 || std::memcmp(m + 8, "sfbk", 4) != 0)
        return Error(QStringLiteral("not a SoundFont 2 file (no RIFF sfbk header)"), path);

    struct Chunk
    {
        const uchar *data = nullptr;
        quint32 size = 0;
    };
    Chunk smpl, phdr, pbag, pgen, inst, ibag, igen, shdr;
    qint64 pos = 12;
    while (pos + 8 <= data->size) {
        const uchar *c = m + pos;
        const quint32 size = u32(c + 4);
        if (pos + 8 + qint64(size) > data->size)
            return Error(QStringLiteral("chunk at byte %1 runs past the end of the file").arg(pos),
                         path);
        if (std::memcmp(c, "LIST", 4) == 0 && size >= 4) {
            qint64 sub = pos + 12;
            const qint64 end = pos + 8 + size;
            while (sub + 8 <= end) {
                const uchar *s = m + sub;
                const quint32 subSize = u32(s + 4);
                if (sub + 8 + qint64(subSize) > end)
                    return Error(QStringLiteral("chunk at byte %1 runs past its list").arg(sub),
                                 path);
                Chunk chunk{s + 8, subSize};
                const QByteArray id(reinterpret_cast<const char *>(s), 4);
                if (id == "smpl")
                    smpl = chunk;
                else if (id == "phdr")
                    phdr = chunk;
                else if (id == "pbag")
                    pbag = chunk;
                else if (id == "pgen")
                    pgen = chunk;
                else if (id == "inst")
                    inst = chunk;
                else if (id == "ibag")
                    ibag = chunk;
                else if (id == "igen")
                    igen = chunk;
                else if (id == "shdr")
                    shdr = chunk;
                sub += 8 + subSize + (subSize & 1);
            }
        }
        pos += 8 + size + (size & 1);
    }
    if (!smpl.data || !phdr.data || !pbag.data || !pgen.data || !inst.data || !ibag.data
        || !igen.data || !shdr.data)
        return Error(QStringLiteral("the SoundFont lacks one of the smpl, phdr, pbag, pgen, inst, "
                                    "ibag, igen or shdr chunks"),
                     path);
    if (phdr.size % 38 || inst.size % 22 || shdr.size % 46 || pbag.size % 4 || ibag.size % 4
        || pgen.size % 4 || igen.size % 4)
        return Error(QStringLiteral("a SoundFont table has a size that is not a whole number of "
                                    "records"),
                     path);
    data->samples = reinterpret_cast<const qint16 *>(smpl.data);
    data->sampleCount = smpl.size / 2;

    const int sampleHeaders = int(shdr.size / 46);
    for (int i = 0; i < sampleHeaders; ++i) {
        const uchar *r = shdr.data + 46 * i;
        Sample s;
        s.start = u32(r + 20);
        s.end = u32(r + 24);
        s.loopStart = u32(r + 28);
        s.loopEnd = u32(r + 32);
        s.rate = u32(r + 36);
        s.originalPitch = r[40];
        s.pitchCorrection = qint8(r[41]);
        data->sampleHeaders.push_back(s);
    }

    const int instCount = int(inst.size / 22) - 1; // the last record is the terminal one
    data->instruments = readZones(
        instCount,
        [&](int i) { return int(u16(inst.data + 22 * i + 20)); },
        ibag.data,
        int(ibag.size / 4),
        igen.data,
        int(igen.size / 4),
        SampleId);

    const int presetCount = int(phdr.size / 38) - 1;
    std::vector<ZoneList> presetZones = readZones(
        presetCount,
        [&](int i) { return int(u16(phdr.data + 38 * i + 24)); },
        pbag.data,
        int(pbag.size / 4),
        pgen.data,
        int(pgen.size / 4),
        Instrument);
    for (int i = 0; i < presetCount; ++i) {
        Preset p;
        p.program = u16(phdr.data + 38 * i + 20);
        p.bank = u16(phdr.data + 38 * i + 22);
        p.zones = std::move(presetZones[i]);
        data->presets.push_back(std::move(p));
    }
    return std::shared_ptr<const SoundFont>(new SoundFont(std::move(data)));
}

bool SoundFont::hasProgram(int program) const
{
    return m_data->preset(program) != nullptr;
}

std::vector<float> SoundFont::renderNote(
    int program, int key, int velocity, double heldSeconds, int sampleRate, double maxSeconds) const
{
    const Data &d = *m_data;
    const Preset *preset = d.preset(program);
    const qint64 maxFrames = qint64(maxSeconds * sampleRate);
    std::vector<float> out;
    if (!preset || maxFrames <= 0)
        return out;
    out.assign(std::size_t(maxFrames), 0.0f);
    qint64 usedFrames = 0;
    const auto inRange = [](const Zone &z, const Zone &global, int gen, int v) {
        const Zone &src = z.has(gen) ? z : global;
        return v >= src.lowByte(gen) && v <= src.highByte(gen);
    };

    for (const Zone &pz : preset->zones.zones) {
        if (!inRange(pz, preset->zones.global, KeyRange, key)
            || !inRange(pz, preset->zones.global, VelRange, velocity))
            continue;
        const int instIndex = pz.value[Instrument];
        if (instIndex < 0 || instIndex >= int(d.instruments.size()))
            continue;
        const ZoneList &instrument = d.instruments[std::size_t(instIndex)];
        for (const Zone &iz : instrument.zones) {
            if (!inRange(iz, instrument.global, KeyRange, key)
                || !inRange(iz, instrument.global, VelRange, velocity))
                continue;
            const int sampleIndex = iz.value[SampleId];
            if (sampleIndex < 0 || sampleIndex >= int(d.sampleHeaders.size()))
                continue;
            // Instrument generators: the zone's own, else the instrument's global zone, else the
            // default. Preset generators add to them.
            const auto gen = [&](int g, int fallback) {
                int v = iz.has(g) ? iz.value[g] : instrument.global.get(g, fallback);
                if (g != SampleModes && g != OverridingRootKey && g != ScaleTuning)
                    v += pz.has(g) ? pz.value[g] : preset->zones.global.get(g, 0);
                return v;
            };
            const Sample &s = d.sampleHeaders[std::size_t(sampleIndex)];
            const qint64 start = qint64(s.start) + gen(StartOffset, 0)
                                 + 32768ll * gen(StartCoarseOffset, 0);
            const qint64 end = qint64(s.end) + gen(EndOffset, 0)
                               + 32768ll * gen(EndCoarseOffset, 0);
            const qint64 loopStart = qint64(s.loopStart) + gen(StartLoopOffset, 0)
                                     + 32768ll * gen(StartLoopCoarseOffset, 0);
            const qint64 loopEnd = qint64(s.loopEnd) + gen(EndLoopOffset, 0)
                                   + 32768ll * gen(EndLoopCoarseOffset, 0);
            if (start < 0 || end <= start + 1 || end > qint64(d.sampleCount) || s.rate == 0)
                continue;
            const int modes = gen(SampleModes, 0) & 3;
            const bool loops = (modes == 1 || modes == 3) && loopStart >= start && loopEnd <= end
                               && loopEnd > loopStart + 2;
            int root = gen(OverridingRootKey, -1);
            if (root < 0)
                root = s.originalPitch <= 127 ? s.originalPitch : 60;
            const double cents = double(key - root) * gen(ScaleTuning, 100)
                                 + 100.0 * gen(CoarseTune, 0) + gen(FineTune, 0)
                                 + s.pitchCorrection;
            const double step = std::pow(2.0, cents / 1200.0) * double(s.rate) / sampleRate;
            const double attenuationDb = std::clamp(gen(InitialAttenuation, 0), 0, 1440) / 10.0;
            const double vel = double(velocity) / 127.0;
            const double gain = std::pow(10.0, -attenuationDb / 20.0) * vel * vel;
            const double attack = std::min(timecents(gen(AttackVolEnv, -12000)), 1.0);
            const double hold = std::min(timecents(gen(HoldVolEnv, -12000)), 2.0);
            const double decay = std::min(timecents(gen(DecayVolEnv, -12000)), 20.0);
            const double sustainDb = -std::clamp(gen(SustainVolEnv, 0), 0, 1440) / 10.0;
            const double release = std::clamp(timecents(gen(ReleaseVolEnv, -12000)), 0.03, 2.0);

            double position = double(start);
            double levelDb = 0; // envelope level after the attack, in dB
            double releaseFromDb = 0;
            for (qint64 i = 0; i < maxFrames; ++i) {
                const double t = double(i) / sampleRate;
                double env;
                if (t < heldSeconds) {
                    if (t < attack) {
                        env = t / attack;
                    } else {
                        const double td = t - attack - hold;
                        levelDb = td <= 0 ? 0.0 : std::max(sustainDb, -100.0 * td / decay);
                        env = std::pow(10.0, levelDb / 20.0);
                    }
                    releaseFromDb = t < attack ? 20.0 * std::log10(std::max(t / attack, 1e-5))
                                               : levelDb;
                } else {
                    const double db = releaseFromDb - 100.0 * (t - heldSeconds) / release;
                    if (db < -100.0)
                        break;
                    env = std::pow(10.0, db / 20.0);
                }
                if (loops && (modes == 1 || t < heldSeconds)) {
                    while (position >= double(loopEnd))
                        position -= double(loopEnd - loopStart);
                }
                const qint64 i0 = qint64(position);
                if (i0 + 1 >= end)
                    break;
                const double frac = position - double(i0);
                const double a = qFromLittleEndian(d.samples[i0]) / 32768.0;
                const double b = qFromLittleEndian(d.samples[i0 + 1]) / 32768.0;
                out[std::size_t(i)] += float((a + (b - a) * frac) * env * gain);
                usedFrames = std::max(usedFrames, i + 1);
                position += step;
            }
        }
    }
    out.resize(std::size_t(usedFrames));
    return out;
}

} // namespace earmark::synth
