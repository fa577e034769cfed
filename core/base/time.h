#pragma once

#include <QMetaType>
#include <QString>
#include <QStringView>

#include <compare>
#include <cstdint>
#include <optional>

namespace earmark {

// A position or a length on a media timeline, counted in whole microseconds. Integer so that
// boundaries compare exactly (snapping, stitching windows, round trips through files).
class Time
{
public:
    constexpr Time() = default;

    static constexpr Time fromMicroseconds(qint64 us) { return Time(us); }
    static constexpr Time fromMilliseconds(qint64 ms) { return Time(ms * 1000); }
    // Rounds to the nearest microsecond.
    static Time fromSeconds(double seconds);

    constexpr qint64 microseconds() const { return m_us; }
    // Rounded towards negative infinity.
    constexpr qint64 milliseconds() const
    {
        return m_us >= 0 ? m_us / 1000 : -((-m_us + 999) / 1000);
    }
    constexpr double seconds() const { return double(m_us) / 1e6; }

    constexpr auto operator<=>(const Time &) const = default;

    constexpr Time operator+(Time o) const { return Time(m_us + o.m_us); }
    constexpr Time operator-(Time o) const { return Time(m_us - o.m_us); }
    constexpr Time operator-() const { return Time(-m_us); }
    constexpr Time &operator+=(Time o)
    {
        m_us += o.m_us;
        return *this;
    }
    constexpr Time &operator-=(Time o)
    {
        m_us -= o.m_us;
        return *this;
    }

private:
    constexpr explicit Time(qint64 us)
        : m_us(us)
    {}
    qint64 m_us = 0;
};

enum class TimeFormat {
    Compact, // "0:32", "1:05:09" (hours only when needed), whole seconds
    Clock,   // "00:01:05"
    Precise, // "00:01:05.250"
};

QString formatTime(Time t, TimeFormat format = TimeFormat::Compact);

// Parses "32", "32.5", "0:32", "1:05", "00:01:05", "1:05:09.25". Returns nullopt on anything else.
std::optional<Time> parseTime(QStringView text);

} // namespace earmark

Q_DECLARE_METATYPE(earmark::Time)
