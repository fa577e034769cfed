#pragma once

#include <QByteArray>
#include <QString>

#include <cmath>
#include <cstdint>
#include <vector>

namespace earmark::synth {

// A small deterministic random generator (SplitMix64). Unlike <random>'s distributions, every
// draw here is specified by this file alone, so a seed gives the same clips on every compiler and
// standard library. Not thread-safe: each clip owns its generators.
class Rng
{
public:
    explicit Rng(std::uint64_t seed)
        : m_state(seed)
    {}

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    // Uniform in [0, 1), 53 bits.
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Uniform integer in [lo, hi] (inclusive).
    int range(int lo, int hi)
    {
        if (hi <= lo)
            return lo;
        return lo + int(next() % std::uint64_t(hi - lo + 1));
    }
    bool chance(double p) { return uniform() < p; }
    // Standard normal (Box-Muller; one value per call).
    double gaussian()
    {
        const double u1 = std::max(uniform(), 1e-300);
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    template<typename T>
    const T &pick(const std::vector<T> &items)
    {
        return items[std::size_t(next() % items.size())];
    }
    // A generator for a sub-task, independent of how many draws this one makes afterwards.
    Rng fork(std::uint64_t salt) { return Rng(next() ^ (salt * 0xD1B54A32D192ED03ull)); }

private:
    std::uint64_t m_state;
};

// FNV-1a over the UTF-8 of `text`, mixed with `seed`: stable names for derived seeds.
inline std::uint64_t hashSeed(std::uint64_t seed, const QString &text)
{
    std::uint64_t h = 0xcbf29ce484222325ull ^ (seed * 0x9E3779B97F4A7C15ull);
    const QByteArray bytes = text.toUtf8();
    for (char c : bytes) {
        h ^= std::uint8_t(c);
        h *= 0x100000001b3ull;
    }
    Rng mix(h);
    return mix.next();
}

} // namespace earmark::synth
