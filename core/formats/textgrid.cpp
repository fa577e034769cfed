// Praat TextGrid files, long ("xmin = 0") and short text forms; UTF-8 or UTF-16 with a byte-order
// mark. Each interval tier becomes segments: an interval with text is a segment of that class, an
// empty one is a gap. Tiers are named "<track> <modality>" ("LLP audio"); a tier without a
// modality in its name is heard and seen unless --modality says otherwise. Intervals of one tier
// cannot overlap, so overlapping segments are written to extra tiers "LLP audio (2)", ...
// Point tiers (TextTier) mark instants, not stretches: their points are bad rows.

#include "core/formats/internal/common.h"
#include "core/formats/internal/readers.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

namespace earmark::formats::internal {

using annotation::Modality;

namespace {

struct Token
{
    enum Kind { Number, String, Flag } kind;
    QString text;
    int line;
};

// Praat's text reader: numbers, "strings" ("" inside is a quote) and <flags>; labels such as
// "xmin =" or "item [1]:" are skipped.
QList<Token> tokenize(const QString &text)
{
    QList<Token> out;
    int line = 1;
    const qsizetype n = text.size();
    qsizetype i = 0;
    auto isLabelChar = [](QChar c) { return c.isLetter() || c == QLatin1Char('_'); };
    while (i < n) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\n')) {
            ++line;
            ++i;
        } else if (c == QLatin1Char('"')) {
            const int startLine = line;
            QString s;
            ++i;
            while (i < n) {
                if (text.at(i) == QLatin1Char('"')) {
                    if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                        s += QLatin1Char('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                if (text.at(i) == QLatin1Char('\n'))
                    ++line;
                s += text.at(i++);
            }
            out.append({Token::String, s, startLine});
        } else if (c == QLatin1Char('<')) {
            const qsizetype end = text.indexOf(QLatin1Char('>'), i);
            if (end < 0)
                break;
            out.append({Token::Flag, text.mid(i + 1, end - i - 1), line});
            i = end + 1;
        } else if (c == QLatin1Char('[')) {
            const qsizetype end = text.indexOf(QLatin1Char(']'), i);
            i = end < 0 ? n : end + 1; // "item [1]": an index, not a value
        } else if (c == QLatin1Char('!')) {
            while (i < n && text.at(i) != QLatin1Char('\n'))
                ++i; // comment
        } else if (c.isDigit()
                   || ((c == QLatin1Char('-') || c == QLatin1Char('.')) && i + 1 < n
                       && (text.at(i + 1).isDigit() || text.at(i + 1) == QLatin1Char('.')))) {
            if (i > 0 && isLabelChar(text.at(i - 1))) {
                ++i;
                continue;
            }
            const qsizetype start = i;
            ++i;
            while (i < n
                   && (text.at(i).isDigit() || text.at(i) == QLatin1Char('.')
                       || text.at(i) == QLatin1Char('e') || text.at(i) == QLatin1Char('E')
                       || ((text.at(i) == QLatin1Char('-') || text.at(i) == QLatin1Char('+'))
                           && (text.at(i - 1) == QLatin1Char('e')
                               || text.at(i - 1) == QLatin1Char('E')))))
                ++i;
            out.append({Token::Number, text.mid(start, i - start), line});
        } else {
            ++i;
        }
    }
    return out;
}

// Praat writes times as shortest decimals ("1.5", "0.1", "3.0000000000000004"): rounded to the
// microsecond.
std::optional<Time> tokenTime(const Token &t)
{
    if (t.kind != Token::Number)
        return std::nullopt;
    if (auto exact = parseSeconds(t.text))
        return exact;
    bool ok = false;
    const double v = t.text.toDouble(&ok);
    if (!ok || v < 0)
        return std::nullopt;
    return Time::fromSeconds(v);
}

Result<QString> readText(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return Error(QStringLiteral("the file does not exist"), path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("cannot read the file: %1").arg(f.errorString()), path);
    const QByteArray bytes = f.readAll();
    QStringDecoder decoder(QStringDecoder::Utf8);
    if (bytes.startsWith("\xff\xfe"))
        decoder = QStringDecoder(QStringDecoder::Utf16LE);
    else if (bytes.startsWith("\xfe\xff"))
        decoder = QStringDecoder(QStringDecoder::Utf16BE);
    QString text = decoder(bytes);
    if (decoder.hasError())
        return Error(QStringLiteral("the file is neither UTF-8 nor UTF-16 text"), path);
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    return text;
}

Result<Dataset> readOne(const QString &path, const ReadOptions &options)
{
    auto text = readText(path);
    if (!text)
        return text.error();
    const QList<Token> tokens = tokenize(*text);
    Dataset data;
    RowChecker rows(path, options, data);
    const QString video = options.video.isEmpty() ? QFileInfo(path).completeBaseName()
                                                  : options.video;
    const QString labelSet = options.labelSet.isEmpty() ? annotation::llpLabelSetName()
                                                        : options.labelSet;
    qsizetype k = 0;
    auto fail = [&](const QString &what) {
        const int line = k < tokens.size() ? tokens.at(k).line
                                           : (tokens.isEmpty() ? 1 : tokens.constLast().line);
        return Error(QStringLiteral("not a TextGrid Earmark can read: %1").arg(what), path, line);
    };
    auto next = [&](Token::Kind kind) -> const Token * {
        if (k >= tokens.size() || tokens.at(k).kind != kind)
            return nullptr;
        return &tokens.at(k++);
    };
    const Token *fileType = next(Token::String);
    const Token *objectClass = next(Token::String);
    if (!fileType || fileType->text != QLatin1String("ooTextFile") || !objectClass
        || objectClass->text != QLatin1String("TextGrid"))
        return fail(
            QStringLiteral("expected File type = \"ooTextFile\", Object class = \"TextGrid\""));
    const Token *xmin = next(Token::Number);
    const Token *xmax = next(Token::Number);
    if (!xmin || !xmax)
        return fail(QStringLiteral("expected the grid's xmin and xmax"));
    const Token *exists = next(Token::Flag);
    if (!exists || exists->text != QLatin1String("exists")) {
        data.video(video).duration = tokenTime(*xmax).value_or(Time());
        return data; // no tiers
    }
    const Token *size = next(Token::Number);
    if (!size)
        return fail(QStringLiteral("expected the number of tiers"));
    DatasetVideo &v = data.video(video);
    v.duration = tokenTime(*xmax).value_or(Time());
    const int tierCount = size->text.toInt();
    for (int t = 0; t < tierCount; ++t) {
        const Token *cls = next(Token::String);
        const Token *name = next(Token::String);
        const Token *tmin = next(Token::Number);
        const Token *tmax = next(Token::Number);
        const Token *count = next(Token::Number);
        if (!cls || !name || !tmin || !tmax || !count)
            return fail(QStringLiteral("tier %1 is incomplete").arg(t + 1));
        const bool points = cls->text == QLatin1String("TextTier");
        if (!points && cls->text != QLatin1String("IntervalTier"))
            return fail(QStringLiteral("unknown tier class \"%1\"").arg(cls->text));
        const TierName tier = parseTierName(name->text);
        const QString track = options.track.isEmpty() ? tier.track : options.track;
        const Modality modality = tier.modality.value_or(
            options.modality.value_or(Modality::AudioVisual));
        const int items = count->text.toInt();
        for (int i = 0; i < items; ++i) {
            const Token *a = next(Token::Number);
            const Token *b = points ? nullptr : next(Token::Number);
            const Token *label = next(Token::String);
            if (!a || (!points && !b) || !label)
                return fail(QStringLiteral("item %1 of tier \"%2\" is incomplete")
                                .arg(i + 1)
                                .arg(name->text));
            const int line = a->line;
            const QString rowText = QStringLiteral("%1 %2 \"%3\"")
                                        .arg(a->text, b ? b->text : QString(), label->text);
            if (points) {
                if (!rows.bad(line,
                              rowText,
                              QStringLiteral("tier \"%1\" is a point tier: a point marks no "
                                             "stretch of time")
                                  .arg(name->text),
                              video))
                    return rows.error();
                continue;
            }
            const QString labelText = label->text.trimmed();
            if (labelText.isEmpty())
                continue; // a gap
            const auto start = tokenTime(*a);
            const auto end = tokenTime(*b);
            QString problem;
            if (!start || !end)
                problem = QStringLiteral("the interval's times are not numbers of seconds");
            else if (!(*start < *end))
                problem = QStringLiteral("the interval ends before it starts");
            else if (!rows.knowsClass(labelSet, labelText))
                problem = RowChecker::unknownClass(labelSet, labelText);
            if (!problem.isEmpty()) {
                if (!rows.bad(line, rowText, problem, video))
                    return rows.error();
                continue;
            }
            DatasetSegment s;
            s.video = video;
            s.track = track;
            s.labelSet = labelSet;
            s.label = labelText;
            s.modality = modality;
            s.onset = *start;
            s.offset = *end;
            s.line = line;
            data.segments.append(s);
        }
    }
    return data;
}

QString quoted(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QByteArray writeOne(const Dataset &data, const QString &)
{
    Time end;
    if (!data.videos.isEmpty())
        end = data.videos.constFirst().duration;
    for (const DatasetSegment &s : data.segments)
        end = std::max(end, s.offset);
    // Tiers: per track and modality, in order of first appearance; lanes against overlaps.
    QList<QPair<QString, Modality>> keys;
    QList<QList<const DatasetSegment *>> groups;
    for (const DatasetSegment &s : data.segments) {
        const QPair<QString, Modality> key{s.track, s.modality};
        qsizetype at = keys.indexOf(key);
        if (at < 0) {
            at = keys.size();
            keys.append(key);
            groups.append(QList<const DatasetSegment *>());
        }
        groups[at].append(&s);
    }
    struct Tier
    {
        QString name;
        QList<const DatasetSegment *> segments;
    };
    QList<Tier> tiers;
    for (qsizetype g = 0; g < groups.size(); ++g) {
        const QList<int> lanes = assignLanes(groups.at(g));
        const int laneCount = lanes.isEmpty() ? 0
                                              : *std::max_element(lanes.begin(), lanes.end()) + 1;
        for (int lane = 0; lane < laneCount; ++lane) {
            Tier tier{tierName(keys.at(g).first, keys.at(g).second, lane), {}};
            for (qsizetype i = 0; i < groups.at(g).size(); ++i) {
                if (lanes.at(i) == lane)
                    tier.segments.append(groups.at(g).at(i));
            }
            std::stable_sort(tier.segments.begin(),
                             tier.segments.end(),
                             [](const DatasetSegment *a, const DatasetSegment *b) {
                                 return a->onset < b->onset;
                             });
            tiers.append(tier);
        }
    }
    QString out;
    out += QStringLiteral("File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n\n");
    out += QStringLiteral("xmin = 0 \nxmax = %1 \n").arg(secondsText(end));
    if (tiers.isEmpty()) {
        out += QStringLiteral("tiers? <absent> \n");
        return out.toUtf8();
    }
    out += QStringLiteral("tiers? <exists> \nsize = %1 \nitem []: \n").arg(tiers.size());
    for (qsizetype t = 0; t < tiers.size(); ++t) {
        // Intervals tile [0, end]: gaps get empty text.
        QList<std::tuple<Time, Time, QString>> intervals;
        Time at;
        for (const DatasetSegment *s : tiers.at(t).segments) {
            if (s->onset > at)
                intervals.append({at, s->onset, QString()});
            intervals.append({s->onset, s->offset, s->label});
            at = s->offset;
        }
        if (at < end || intervals.isEmpty())
            intervals.append({at, end, QString()});
        out += QStringLiteral("    item [%1]:\n        class = \"IntervalTier\" \n"
                              "        name = %2 \n        xmin = 0 \n        xmax = %3 \n"
                              "        intervals: size = %4 \n")
                   .arg(t + 1)
                   .arg(quoted(tiers.at(t).name), secondsText(end))
                   .arg(intervals.size());
        for (qsizetype i = 0; i < intervals.size(); ++i) {
            const auto &[a, b, label] = intervals.at(i);
            out += QStringLiteral("        intervals [%1]:\n            xmin = %2 \n"
                                  "            xmax = %3 \n            text = %4 \n")
                       .arg(i + 1)
                       .arg(secondsText(a), secondsText(b), quoted(label));
        }
    }
    return out.toUtf8();
}

} // namespace

Result<Dataset> readTextGrid(const QString &path, const ReadOptions &options)
{
    return readPerVideo(path, QStringLiteral(".TextGrid"), options, readOne);
}

Status writeTextGrid(const Dataset &data, const QString &path, const WriteOptions &)
{
    return writePerVideo(data, path, QStringLiteral(".TextGrid"), writeOne);
}

} // namespace earmark::formats::internal
