#pragma once

// What Earmark tells the model besides the question: who it is talking to, how to give times so
// that they become links, and the annotations the person has made so far.

#include "core/base/time.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace earmark::llm {

// One annotation of the video, as context for the model.
struct ContextAnnotation
{
    Time start;
    Time end;
    QString label;  // e.g. "Dog"
    QString track;  // e.g. "audio events", "visual events"; may be empty
    QString source; // e.g. "model", "person"; may be empty
};

struct PromptContext
{
    QString videoTitle;
    Time videoDuration;
    QList<ContextAnnotation> annotations;
    // When the question is about a selection, annotations outside it are left out.
    std::optional<std::pair<Time, Time>> range;
};

// The most annotations listed; the rest are counted.
constexpr int kMaxContextAnnotations = 400;

// The system message: the task, the answer style (times as m:ss or h:mm:ss so they can be
// clicked) and the annotations, in time order, at most kMaxContextAnnotations of them.
QString systemPrompt(const PromptContext &context);

// A time mentioned in an answer, such as "0:32", "1:05:09" or "00:01:05.5".
struct TimestampMention
{
    qsizetype start = 0;  // offset in the text
    qsizetype length = 0; // characters
    Time time;
};

// The times mentioned in `text`: m:ss, mm:ss, h:mm:ss and hh:mm:ss, with optional fractions of a
// second. Not matched: digits glued to other digits, colons or letters ("12:345", "a1:00"),
// ratios such as "16:9", or minutes/seconds of 60 and more.
QList<TimestampMention> findTimestamps(QStringView text);

} // namespace earmark::llm
