#include "core/base/time.h"

#include <QStringList>

#include <cmath>

namespace earmark {

Time Time::fromSeconds(double seconds)
{
    return Time(qint64(std::llround(seconds * 1e6)));
}

QString formatTime(Time t, TimeFormat format)
{
    qint64 us = t.microseconds();
    const bool negative = us < 0;
    if (negative)
        us = -us;
    const qint64 totalMs = us / 1000;
    const qint64 totalSec = totalMs / 1000;
    const qint64 h = totalSec / 3600;
    const qint64 m = (totalSec / 60) % 60;
    const qint64 s = totalSec % 60;
    QString text;
    switch (format) {
    case TimeFormat::Compact:
        text = h > 0 ? QStringLiteral("%1:%2:%3")
                           .arg(h)
                           .arg(m, 2, 10, QLatin1Char('0'))
                           .arg(s, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
        break;
    case TimeFormat::Clock:
        text = QStringLiteral("%1:%2:%3")
                   .arg(h, 2, 10, QLatin1Char('0'))
                   .arg(m, 2, 10, QLatin1Char('0'))
                   .arg(s, 2, 10, QLatin1Char('0'));
        break;
    case TimeFormat::Precise:
        text = QStringLiteral("%1:%2:%3.%4")
                   .arg(h, 2, 10, QLatin1Char('0'))
                   .arg(m, 2, 10, QLatin1Char('0'))
                   .arg(s, 2, 10, QLatin1Char('0'))
                   .arg(totalMs % 1000, 3, 10, QLatin1Char('0'));
        break;
    }
    return negative ? QLatin1Char('-') + text : text;
}

std::optional<Time> parseTime(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    const QList<QStringView> parts = text.split(QLatin1Char(':'));
    if (parts.size() > 3)
        return std::nullopt;
    double seconds = 0;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const bool last = i == parts.size() - 1;
        const QStringView part = parts.at(i);
        if (part.isEmpty())
            return std::nullopt;
        for (QChar c : part) {
            if (!(c.isDigit() || (last && c == QLatin1Char('.'))))
                return std::nullopt;
        }
        bool ok = false;
        const double value = part.toDouble(&ok);
        if (!ok)
            return std::nullopt;
        if (i > 0 && value >= 60)
            return std::nullopt;
        seconds = seconds * 60 + value;
    }
    return Time::fromSeconds(seconds);
}

} // namespace earmark
