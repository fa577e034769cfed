#include "inference/llm/chatprotocol.h"

#include "inference/llm/llmsettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace earmark::llm {

namespace {

QJsonObject textPart(const QString &text)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                       {QStringLiteral("text"), text}};
}

QString shortTime(Time t)
{
    // 0:32 or 0:32.25 - the precision the model needs to tell frames apart.
    const qint64 ms = t.milliseconds();
    QString text = formatTime(t, TimeFormat::Compact);
    const qint64 fraction = ms % 1000;
    if (fraction != 0) {
        QString digits = QStringLiteral("%1").arg(fraction, 3, 10, QLatin1Char('0'));
        while (digits.endsWith(QLatin1Char('0')))
            digits.chop(1);
        text += QLatin1Char('.') + digits;
    }
    return text;
}

QString shorten(QString text, int limit)
{
    text = text.simplified();
    if (text.size() > limit)
        text = text.left(limit - 1) + QChar(0x2026);
    return text;
}

bool mentions(const QString &text, std::initializer_list<const char *> words)
{
    for (const char *w : words) {
        if (text.contains(QLatin1String(w), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

QString describeClip(const VideoClip &clip)
{
    QString text = clip.wholeVideo
                       ? QStringLiteral("The video is %1 long.").arg(shortTime(clip.end))
                       : QStringLiteral("The question is about the part of the video from %1 to "
                                        "%2.")
                             .arg(shortTime(clip.start), shortTime(clip.end));
    if (!clip.frameTimes.isEmpty()) {
        const int n = int(clip.frameTimes.size());
        if (n == 1) {
            text += QStringLiteral(" Here is its frame at %1").arg(shortTime(clip.frameTimes[0]));
        } else {
            const double step = (clip.frameTimes.last() - clip.frameTimes.first()).seconds()
                                / (n - 1);
            text += QStringLiteral(" Here are %1 frames of it, one every %2 s, the first at %3 and "
                                   "the last at %4")
                        .arg(n)
                        .arg(QString::number(step, 'g', 3),
                             shortTime(clip.frameTimes.first()),
                             shortTime(clip.frameTimes.last()));
        }
        text += clip.wav.isEmpty() ? QStringLiteral(".") : QStringLiteral(", then its sound.");
    } else if (!clip.wav.isEmpty()) {
        text += QStringLiteral(" Here is its sound.");
    }
    if (clip.wav.isEmpty())
        text += QStringLiteral(" No sound is included.");
    if (!clip.wav.isEmpty() && !clip.wholeVideo)
        text += QStringLiteral(" The sound starts at %1.").arg(shortTime(clip.start));
    return text;
}

QByteArray chatRequestBody(const ChatRequest &request)
{
    QJsonArray messages;
    if (!request.systemPrompt.isEmpty())
        messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                    {QStringLiteral("content"), request.systemPrompt}});
    for (const ChatTurn &turn : request.history) {
        messages.append(
            QJsonObject{{QStringLiteral("role"),
                         turn.role == ChatTurn::Role::User ? QStringLiteral("user")
                                                           : QStringLiteral("assistant")},
                        {QStringLiteral("content"), turn.text}});
    }

    QJsonArray parts;
    if (request.clip) {
        const VideoClip &clip = *request.clip;
        parts.append(textPart(describeClip(clip)));
        for (const QByteArray &jpeg : clip.jpegFrames) {
            const QString url = QStringLiteral("data:image/jpeg;base64,")
                                + QString::fromLatin1(jpeg.toBase64());
            parts.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("image_url")},
                                     {QStringLiteral("image_url"),
                                      QJsonObject{{QStringLiteral("url"), url}}}});
        }
        if (!clip.wav.isEmpty()) {
            parts.append(
                QJsonObject{{QStringLiteral("type"), QStringLiteral("input_audio")},
                            {QStringLiteral("input_audio"),
                             QJsonObject{{QStringLiteral("data"),
                                          QString::fromLatin1(clip.wav.toBase64())},
                                         {QStringLiteral("format"), QStringLiteral("wav")}}}});
        }
    }
    parts.append(textPart(request.question));
    messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                {QStringLiteral("content"), parts}});

    QJsonObject body{{QStringLiteral("model"), request.model},
                     {QStringLiteral("messages"), messages},
                     {QStringLiteral("stream"), true}};
    if (request.maxTokens > 0)
        body.insert(QStringLiteral("max_tokens"), request.maxTokens);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void SseParser::feed(QByteArrayView bytes)
{
    qsizetype i = 0;
    if (!m_started && !bytes.isEmpty()) {
        // A UTF-8 byte order mark at the start of the stream is skipped (it may arrive split,
        // which servers do not do; a whole one is what the specification describes).
        if (bytes.startsWith("\xEF\xBB\xBF"))
            i = 3;
        m_started = true;
    }
    while (i < bytes.size()) {
        const char c = bytes[i];
        if (m_skipLf) {
            m_skipLf = false;
            if (c == '\n') {
                ++i;
                continue;
            }
        }
        if (c == '\n' || c == '\r') {
            processLine();
            m_skipLf = c == '\r';
            ++i;
            continue;
        }
        // Copy the run up to the next line end at once.
        qsizetype end = i;
        while (end < bytes.size() && bytes[end] != '\n' && bytes[end] != '\r')
            ++end;
        m_line.append(bytes.sliced(i, end - i));
        i = end;
    }
}

void SseParser::processLine()
{
    if (m_line.isEmpty()) {
        if (m_hasData) {
            if (m_data.endsWith('\n'))
                m_data.chop(1);
            m_events.append({m_type, m_data});
        }
        m_data.clear();
        m_type.clear();
        m_hasData = false;
        return;
    }
    if (m_line.startsWith(':')) {
        m_line.clear();
        return;
    }
    const qsizetype colon = m_line.indexOf(':');
    const QByteArray field = colon < 0 ? m_line : m_line.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : m_line.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);
    if (field == "data") {
        m_data += value;
        m_data += '\n';
        m_hasData = true;
    } else if (field == "event") {
        m_type = value;
    }
    m_line.clear();
}

QList<SseEvent> SseParser::takeEvents()
{
    return std::exchange(m_events, {});
}

Result<StreamChunk> parseStreamData(const QByteArray &data)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error(QStringLiteral("the server sent an event that is not a JSON object (%1): %2")
                         .arg(parseError.error != QJsonParseError::NoError
                                  ? parseError.errorString()
                                  : QStringLiteral("not an object"),
                              shorten(QString::fromUtf8(data), 120)));
    const QJsonObject object = doc.object();
    StreamChunk chunk;
    if (object.contains(QLatin1String("error"))) {
        chunk.errorMessage = serverErrorMessage(data);
        return chunk;
    }
    const QJsonValue choices = object.value(QLatin1String("choices"));
    if (!choices.isArray())
        return Error(QStringLiteral("the server sent a chunk without \"choices\": %1")
                         .arg(shorten(QString::fromUtf8(data), 120)));
    const QJsonArray list = choices.toArray();
    if (list.isEmpty())
        return chunk; // a usage report, for instance
    const QJsonObject choice = list.first().toObject();
    const QJsonObject delta = choice.value(QLatin1String("delta")).isObject()
                                  ? choice.value(QLatin1String("delta")).toObject()
                                  : choice.value(QLatin1String("message")).toObject();
    chunk.content = delta.value(QLatin1String("content")).toString();
    chunk.finishReason = choice.value(QLatin1String("finish_reason")).toString();
    return chunk;
}

QString serverErrorMessage(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    QString message;
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        const QJsonValue error = o.value(QLatin1String("error"));
        if (error.isObject())
            message = error.toObject().value(QLatin1String("message")).toString();
        else if (error.isString())
            message = error.toString();
        if (message.isEmpty())
            message = o.value(QLatin1String("message")).toString();
        if (message.isEmpty()) {
            const QJsonValue detail = o.value(QLatin1String("detail"));
            message = detail.isString()
                          ? detail.toString()
                          : QString::fromUtf8(
                              QJsonDocument(detail.toArray()).toJson(QJsonDocument::Compact));
            if (detail.isUndefined())
                message.clear();
        }
    }
    if (message.isEmpty())
        message = QString::fromUtf8(body);
    return shorten(message, 300);
}

ChatError errorForHttpStatus(int status,
                             const QByteArray &body,
                             const QString &endpoint,
                             const QString &model)
{
    const QString server = serverErrorMessage(body);
    const QString where = displayEndpoint(endpoint);
    const QString said = server.isEmpty() ? QString()
                                          : QStringLiteral(" The server said: \"%1\"").arg(server);
    const bool aboutModel = mentions(server, {"model"})
                            && mentions(server,
                                        {"not exist",
                                         "not found",
                                         "unknown",
                                         "no such",
                                         "does not serve",
                                         "not served",
                                         "invalid model"});
    if (aboutModel && (status == 404 || status == 400 || status == 422))
        return {ChatError::Kind::ModelNotFound,
                QStringLiteral("The chat server at %1 has no model named \"%2\". Check the model "
                               "name in Preferences › Chat (\"Test connection\" lists the "
                               "server's models).%3")
                    .arg(where, model, said)};
    if (status == 404)
        return {ChatError::Kind::BadRequest,
                QStringLiteral("The chat server at %1 has no chat-completions service (HTTP 404 "
                               "for %1/chat/completions). Check the endpoint in Preferences › "
                               "Chat: it is the base URL, usually ending in /v1.%2")
                    .arg(where, said)};
    if (status == 401 || status == 403)
        return {ChatError::Kind::Unauthorized,
                QStringLiteral("The chat server at %1 refused the request (HTTP %2): the API key "
                               "is missing or wrong. Set it in Preferences › Chat.%3")
                    .arg(where)
                    .arg(status)
                    .arg(said)};
    if (status == 413)
        return {ChatError::Kind::BadRequest,
                QStringLiteral("The question with its frames and sound is too large for the chat "
                               "server (HTTP 413). Ask about a shorter selection, or send fewer "
                               "or smaller frames (Preferences › Chat).%1")
                    .arg(said)};
    if (status == 429)
        return {ChatError::Kind::ServerError,
                QStringLiteral("The chat server is busy (HTTP 429, too many requests). Wait a "
                               "moment and try again.%1")
                    .arg(said)};
    if (status == 408 || status == 504)
        return {ChatError::Kind::Timeout,
                QStringLiteral("The chat server at %1 gave up waiting (HTTP %2). Try again; if it "
                               "keeps happening, ask about a shorter selection.%3")
                    .arg(where)
                    .arg(status)
                    .arg(said)};
    if (status >= 500)
        return {ChatError::Kind::ServerError,
                QStringLiteral("The chat server at %1 failed while answering (HTTP %2). Try "
                               "again; if it keeps failing, look at the server's log.%3")
                    .arg(where)
                    .arg(status)
                    .arg(said)};
    if (mentions(server, {"context length", "maximum context", "too many tokens", "too long"}))
        return {ChatError::Kind::BadRequest,
                QStringLiteral("The question with its frames and sound is more than the model can "
                               "take in at once. Ask about a shorter selection, or send fewer "
                               "frames per second (Preferences › Chat).%1")
                    .arg(said)};
    return {ChatError::Kind::BadRequest,
            QStringLiteral("The chat server at %1 refused the request (HTTP %2). Check the "
                           "endpoint and model in Preferences › Chat.%3")
                .arg(where)
                .arg(status)
                .arg(said)};
}

} // namespace earmark::llm
