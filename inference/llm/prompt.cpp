#include "inference/llm/prompt.h"

#include <QRegularExpression>

#include <algorithm>

namespace earmark::llm {

namespace {

QString seconds(Time t)
{
    return QString::number(t.seconds(), 'f', 2);
}

} // namespace

QString systemPrompt(const PromptContext &context)
{
    QString text = QStringLiteral(
        "You answer questions about a video for a person who annotates what is heard and seen in "
        "it. You are given frames of the video and its sound. Answer from what you see and hear; "
        "say so when you are not sure. Whenever you refer to a moment, give its time in the "
        "video as m:ss (for example 0:32) or h:mm:ss, so that the person can jump to it.");
    if (!context.videoTitle.isEmpty() && context.videoDuration > Time())
        text += QStringLiteral("\n\nThe video is \"%1\", %2 long.")
                    .arg(context.videoTitle, formatTime(context.videoDuration));
    else if (!context.videoTitle.isEmpty())
        text += QStringLiteral("\n\nThe video is \"%1\".").arg(context.videoTitle);

    QList<ContextAnnotation> list;
    for (const ContextAnnotation &a : context.annotations) {
        if (context.range && (a.end <= context.range->first || a.start >= context.range->second))
            continue;
        list.append(a);
    }
    if (list.isEmpty())
        return text;
    std::stable_sort(list.begin(), list.end(), [](const auto &a, const auto &b) {
        return a.start < b.start || (a.start == b.start && a.end < b.end);
    });
    text += context.range
                ? QStringLiteral("\n\nAnnotations made so far in this part of the video (start and "
                                 "end in seconds, label, track, source):")
                : QStringLiteral("\n\nAnnotations made so far (start and end in seconds, label, "
                                 "track, source):");
    const qsizetype shown = std::min<qsizetype>(list.size(), kMaxContextAnnotations);
    for (qsizetype i = 0; i < shown; ++i) {
        const ContextAnnotation &a = list.at(i);
        text += QStringLiteral("\n- %1-%2 %3").arg(seconds(a.start), seconds(a.end), a.label);
        if (!a.track.isEmpty())
            text += QStringLiteral("; %1").arg(a.track);
        if (!a.source.isEmpty())
            text += QStringLiteral("; %1").arg(a.source);
    }
    if (list.size() > shown)
        text += QStringLiteral("\n(and %1 more not listed)").arg(list.size() - shown);
    text += QStringLiteral("\nThe annotations may be incomplete or wrong; trust the video.");
    return text;
}

QList<TimestampMention> findTimestamps(QStringView text)
{
    // h:mm:ss or m:ss, each part after the first two digits; an optional fraction.
    static const QRegularExpression re(
        QStringLiteral(
            "(?<![\\w:.])(?:(\\d{1,2}):)?(\\d{1,2}):(\\d{2})(?:\\.(\\d{1,3}))?(?![\\w:]|\\.\\d)"),
        QRegularExpression::UseUnicodePropertiesOption);
    QList<TimestampMention> found;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const bool hasHours = m.capturedLength(1) > 0;
        const int minutes = m.capturedView(2).toInt();
        const int secs = m.capturedView(3).toInt();
        if (secs >= 60 || (hasHours && (minutes >= 60 || m.capturedLength(2) != 2)))
            continue;
        qint64 us = (qint64(hasHours ? m.capturedView(1).toInt() : 0) * 3600 + minutes * 60 + secs)
                    * 1000000;
        if (m.capturedLength(4) > 0) {
            QString fraction = m.captured(4);
            while (fraction.size() < 6)
                fraction += QLatin1Char('0');
            us += fraction.toLongLong();
        }
        found.append({m.capturedStart(0), m.capturedLength(0), Time::fromMicroseconds(us)});
    }
    return found;
}

} // namespace earmark::llm
