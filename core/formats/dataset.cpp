#include "core/formats/dataset.h"

#include <QRegularExpression>

namespace earmark::formats {

DatasetVideo &Dataset::video(const QString &name)
{
    for (DatasetVideo &v : videos) {
        if (v.name == name)
            return v;
    }
    videos.append(DatasetVideo{name, QString(), Time(), QJsonObject()});
    return videos.last();
}

const DatasetVideo *Dataset::findVideo(const QString &name) const
{
    for (const DatasetVideo &v : videos) {
        if (v.name == name)
            return &v;
    }
    return nullptr;
}

QString secondsText(Time t)
{
    qint64 us = t.microseconds();
    const bool negative = us < 0;
    if (negative)
        us = -us;
    QString text = QString::number(us / 1000000);
    if (const qint64 frac = us % 1000000) {
        QString digits = QStringLiteral("%1").arg(frac, 6, 10, QLatin1Char('0'));
        while (digits.endsWith(QLatin1Char('0')))
            digits.chop(1);
        text += QLatin1Char('.') + digits;
    }
    return negative ? QLatin1Char('-') + text : text;
}

std::optional<Time> parseSeconds(QStringView text)
{
    if (text.isEmpty())
        return std::nullopt;
    qint64 whole = 0, frac = 0;
    int fracDigits = 0;
    bool dot = false, any = false;
    for (QChar c : text) {
        if (c == QLatin1Char('.')) {
            if (dot)
                return std::nullopt;
            dot = true;
            continue;
        }
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
        any = true;
        const int d = c.unicode() - '0';
        if (!dot) {
            if (whole > 100'000'000'000LL)
                return std::nullopt;
            whole = whole * 10 + d;
        } else if (fracDigits < 6) {
            frac = frac * 10 + d;
            ++fracDigits;
        } else if (fracDigits == 6) {
            // Round at the microsecond on the first extra digit.
            if (d >= 5)
                ++frac;
            ++fracDigits;
        }
    }
    if (!any)
        return std::nullopt;
    const int shown = qMin(fracDigits, 6);
    for (int i = shown; i < 6; ++i)
        frac *= 10;
    return Time::fromMicroseconds(whole * 1000000 + frac);
}

std::optional<LlpClipName> parseLlpClipName(const QString &name)
{
    static const QRegularExpression re(
        QStringLiteral("^([A-Za-z0-9_-]{11})_(\\d+(?:\\.\\d+)?)_(\\d+(?:\\.\\d+)?)$"));
    const auto m = re.match(name);
    if (!m.hasMatch())
        return std::nullopt;
    const auto start = parseSeconds(m.capturedView(2));
    const auto end = parseSeconds(m.capturedView(3));
    if (!start || !end || !(*start < *end))
        return std::nullopt;
    return LlpClipName{m.captured(1), *start, *end};
}

Time avsFrameTime(int frame)
{
    return Time::fromMicroseconds(qint64(frame - 1) * 1000000 + 937500);
}

int avsFrameIndex(Time time)
{
    const qint64 us = time.microseconds();
    return int((us >= 0 ? us / 1000000 : -((-us + 999999) / 1000000))) + 1;
}

} // namespace earmark::formats
