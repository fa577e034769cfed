#include "loopbackchatserver.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>

#include <memory>

namespace earmark::testing {

namespace {

quint32 le32(const char *p)
{
    return qFromLittleEndian<quint32>(p);
}

quint16 le16(const char *p)
{
    return qFromLittleEndian<quint16>(p);
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QByteArray response(int status, const QByteArray &contentType, const QByteArray &body)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "date: " + QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date).toLatin1() + "\r\n";
    out += "server: loopback-chat\r\n";
    out += "content-type: " + contentType + "\r\n";
    out += "content-length: " + QByteArray::number(body.size()) + "\r\n";
    out += "\r\n";
    out += body;
    return out;
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray chunkEvent(const QString &model, const QJsonObject &delta, const QJsonValue &finish)
{
    const QJsonObject choice{{QStringLiteral("index"), 0},
                             {QStringLiteral("delta"), delta},
                             {QStringLiteral("logprobs"), QJsonValue::Null},
                             {QStringLiteral("finish_reason"), finish}};
    const QJsonObject chunk{{QStringLiteral("id"), QStringLiteral("chatcmpl-loopback")},
                            {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                            {QStringLiteral("created"), 1700000000},
                            {QStringLiteral("model"), model},
                            {QStringLiteral("choices"), QJsonArray{choice}}};
    return json(chunk);
}

} // namespace

std::optional<WavData> parseWav(const QByteArray &bytes, QString *problem)
{
    auto fail = [&](const QString &why) {
        if (problem)
            *problem = why;
        return std::nullopt;
    };
    if (bytes.size() < 12 || !bytes.startsWith("RIFF") || bytes.mid(8, 4) != "WAVE")
        return fail(QStringLiteral("not a RIFF/WAVE file"));
    if (le32(bytes.constData() + 4) != quint32(bytes.size() - 8))
        return fail(QStringLiteral("RIFF size %1 does not match the file (%2 bytes)")
                        .arg(le32(bytes.constData() + 4))
                        .arg(bytes.size()));
    WavData wav;
    bool haveFormat = false;
    qsizetype at = 12;
    while (at + 8 <= bytes.size()) {
        const QByteArray id = bytes.mid(at, 4);
        const quint32 size = le32(bytes.constData() + at + 4);
        const qsizetype payload = at + 8;
        if (payload + qsizetype(size) > bytes.size())
            return fail(QStringLiteral("chunk '%1' runs past the end of the file")
                            .arg(QString::fromLatin1(id)));
        const char *p = bytes.constData() + payload;
        if (id == "fmt ") {
            if (size < 16)
                return fail(QStringLiteral("fmt chunk too short"));
            wav.format = le16(p);
            wav.channels = le16(p + 2);
            wav.sampleRate = int(le32(p + 4));
            const quint32 byteRate = le32(p + 8);
            const quint16 blockAlign = le16(p + 12);
            wav.bitsPerSample = le16(p + 14);
            if (blockAlign != wav.channels * wav.bitsPerSample / 8
                || byteRate != quint32(wav.sampleRate) * blockAlign)
                return fail(QStringLiteral("inconsistent fmt chunk"));
            haveFormat = true;
        } else if (id == "data") {
            if (!haveFormat)
                return fail(QStringLiteral("data chunk before fmt chunk"));
            if (wav.format != 1 || wav.bitsPerSample != 16)
                return fail(QStringLiteral("not 16-bit PCM (format %1, %2 bits)")
                                .arg(wav.format)
                                .arg(wav.bitsPerSample));
            if (size % (2 * wav.channels) != 0)
                return fail(QStringLiteral("data size %1 is not whole frames").arg(size));
            wav.samples.resize(size / 2);
            for (quint32 i = 0; i < size / 2; ++i)
                wav.samples[i] = qFromLittleEndian<qint16>(p + 2 * i) / 32768.0f;
            return wav;
        }
        at = payload + size + (size & 1);
    }
    return fail(QStringLiteral("no data chunk"));
}

LoopbackChatServer::LoopbackChatServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackChatServer::onNewConnection);
}

LoopbackChatServer::~LoopbackChatServer() = default;

bool LoopbackChatServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 LoopbackChatServer::port() const
{
    return m_server->serverPort();
}

QString LoopbackChatServer::endpoint() const
{
    return QStringLiteral("http://127.0.0.1:%1/v1").arg(port());
}

void LoopbackChatServer::setScripts(const QList<ReplyScript> &scripts)
{
    m_scripts = scripts;
    m_next = 0;
}

void LoopbackChatServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        ++m_open;
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            --m_open;
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void LoopbackChatServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        ReceivedRequest request;
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.")) {
            socket->write(response(400, "text/plain", "malformed request line"));
            socket->disconnectFromHost();
            buffer.clear();
            return;
        }
        request.method = requestLine[0];
        request.target = requestLine[1];
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0) {
                request.problems.append(QStringLiteral("malformed header line"));
                continue;
            }
            request.headers.insert(line.left(colon).trimmed().toLower(),
                                   line.mid(colon + 1).trimmed());
        }
        const qsizetype bodyStart = headEnd + 4;
        if (request.headers.value("transfer-encoding").toLower() == "chunked") {
            // Decode a chunked request body; wait for its terminating zero-size chunk.
            QByteArray body;
            qsizetype at = bodyStart;
            bool complete = false;
            for (;;) {
                const qsizetype lineEnd = buffer.indexOf("\r\n", at);
                if (lineEnd < 0)
                    break;
                bool ok = false;
                const qsizetype size
                    = buffer.mid(at, lineEnd - at).split(';').value(0).trimmed().toLongLong(&ok, 16);
                if (!ok)
                    break;
                if (size == 0) {
                    if (buffer.size() >= lineEnd + 4) {
                        at = lineEnd + 4;
                        complete = true;
                    }
                    break;
                }
                if (buffer.size() < lineEnd + 2 + size + 2)
                    break;
                body += buffer.mid(lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
            if (!complete)
                return;
            request.body = body;
            buffer.remove(0, at);
        } else {
            const qsizetype length = request.headers.value("content-length", "0").toLongLong();
            if (buffer.size() - bodyStart < length)
                return;
            request.body = buffer.mid(bodyStart, length);
            buffer.remove(0, bodyStart + length);
        }
        handle(socket, std::move(request));
        if (socket->state() != QAbstractSocket::ConnectedState)
            return;
    }
}

void LoopbackChatServer::validate(ReceivedRequest &r) const
{
    auto problem = [&](const QString &p) { r.problems.append(p); };
    if (!r.headers.value("content-type").toLower().startsWith("application/json"))
        problem(QStringLiteral("Content-Type is '%1', not application/json")
                    .arg(QString::fromLatin1(r.headers.value("content-type"))));
    if (!r.headers.value("accept").contains("text/event-stream"))
        problem(QStringLiteral("Accept does not include text/event-stream"));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        problem(QStringLiteral("body is not a JSON object: %1").arg(error.errorString()));
        return;
    }
    r.json = doc.object();
    if (!r.json.value(QLatin1String("model")).isString())
        problem(QStringLiteral("'model' is not a string"));
    if (r.json.value(QLatin1String("stream")) != QJsonValue(true))
        problem(QStringLiteral("'stream' is not true"));
    if (r.json.contains(QLatin1String("max_tokens"))
        && r.json.value(QLatin1String("max_tokens")).toInt() <= 0)
        problem(QStringLiteral("'max_tokens' is not a positive integer"));
    const QJsonValue messagesValue = r.json.value(QLatin1String("messages"));
    if (!messagesValue.isArray() || messagesValue.toArray().isEmpty()) {
        problem(QStringLiteral("'messages' is not a non-empty array"));
        return;
    }
    const QJsonArray messages = messagesValue.toArray();
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QJsonObject m = messages[i].toObject();
        const QString role = m.value(QLatin1String("role")).toString();
        if (role != QLatin1String("system") && role != QLatin1String("user")
            && role != QLatin1String("assistant"))
            problem(QStringLiteral("messages[%1].role '%2' is not system, user or assistant")
                        .arg(i)
                        .arg(role));
        const QJsonValue content = m.value(QLatin1String("content"));
        if (content.isString())
            continue;
        if (!content.isArray() || role != QLatin1String("user")) {
            problem(QStringLiteral("messages[%1].content is neither a string nor (for a user) an "
                                   "array of parts")
                        .arg(i));
            continue;
        }
        const bool last = i == messages.size() - 1;
        const QJsonArray parts = content.toArray();
        for (qsizetype j = 0; j < parts.size(); ++j) {
            const QJsonObject part = parts[j].toObject();
            const QString type = part.value(QLatin1String("type")).toString();
            const QString where = QStringLiteral("messages[%1].content[%2]").arg(i).arg(j);
            if (type == QLatin1String("text")) {
                if (!part.value(QLatin1String("text")).isString())
                    problem(where + QStringLiteral(".text is not a string"));
                else if (last) {
                    r.texts.append(part.value(QLatin1String("text")).toString());
                    r.partOrder.append(0);
                }
            } else if (type == QLatin1String("image_url")) {
                const QString url = part.value(QLatin1String("image_url"))
                                        .toObject()
                                        .value(QLatin1String("url"))
                                        .toString();
                const QString prefix = QStringLiteral("data:image/jpeg;base64,");
                if (!url.startsWith(prefix)) {
                    problem(where + QStringLiteral(".image_url.url is not a JPEG data URL"));
                    continue;
                }
                const auto decoded
                    = QByteArray::fromBase64Encoding(url.mid(prefix.size()).toLatin1(),
                                                     QByteArray::AbortOnBase64DecodingErrors);
                if (!decoded || !(*decoded).startsWith("\xFF\xD8\xFF")) {
                    problem(where + QStringLiteral(" holds no JPEG data"));
                    continue;
                }
                const QImage image = QImage::fromData(*decoded, "JPEG");
                if (image.isNull())
                    problem(where + QStringLiteral(" holds a JPEG that does not decode"));
                else if (last) {
                    r.images.append(image);
                    r.partOrder.append(1);
                }
            } else if (type == QLatin1String("input_audio")) {
                const QJsonObject audio = part.value(QLatin1String("input_audio")).toObject();
                if (audio.value(QLatin1String("format")).toString() != QLatin1String("wav"))
                    problem(where + QStringLiteral(".input_audio.format is not 'wav'"));
                const auto decoded = QByteArray::fromBase64Encoding(
                    audio.value(QLatin1String("data")).toString().toLatin1(),
                    QByteArray::AbortOnBase64DecodingErrors);
                QString why;
                if (!decoded || !parseWav(*decoded, &why))
                    problem(where + QStringLiteral(".input_audio.data is not a WAV file: ") + why);
                else if (last) {
                    r.wavs.append(*decoded);
                    r.partOrder.append(2);
                }
            } else {
                problem(where + QStringLiteral(" has unknown type '%1'").arg(type));
            }
        }
    }
    if (messages.last().toObject().value(QLatin1String("role")).toString() != QLatin1String("user"))
        problem(QStringLiteral("the last message is not the user's"));
}

void LoopbackChatServer::handle(QTcpSocket *socket, ReceivedRequest request)
{
    const QByteArray path = request.target.split('?').value(0);
    if (!m_apiKey.isEmpty()
        && request.headers.value("authorization") != "Bearer " + m_apiKey.toUtf8()) {
        m_requests.append(request);
        Q_EMIT requestReceived();
        socket->write(response(401, "application/json", "{\"error\":\"Unauthorized\"}"));
        return;
    }
    if (path == "/v1/models") {
        m_requests.append(request);
        Q_EMIT requestReceived();
        if (request.method != "GET") {
            socket->write(response(405, "application/json", "{\"detail\":\"Method Not Allowed\"}"));
            return;
        }
        QJsonArray data;
        for (const QString &m : m_models)
            data.append(QJsonObject{{QStringLiteral("id"), m},
                                    {QStringLiteral("object"), QStringLiteral("model")},
                                    {QStringLiteral("owned_by"), QStringLiteral("loopback")}});
        socket->write(response(200,
                               "application/json",
                               json({{QStringLiteral("object"), QStringLiteral("list")},
                                     {QStringLiteral("data"), data}})));
        return;
    }
    if (path != "/v1/chat/completions") {
        m_requests.append(request);
        Q_EMIT requestReceived();
        socket->write(response(404, "application/json", "{\"detail\":\"Not Found\"}"));
        return;
    }
    if (request.method != "POST") {
        request.problems.append(
            QStringLiteral("method is %1, not POST").arg(QString::fromLatin1(request.method)));
        m_requests.append(request);
        Q_EMIT requestReceived();
        socket->write(response(405, "application/json", "{\"detail\":\"Method Not Allowed\"}"));
        return;
    }
    validate(request);
    const QString model = request.json.value(QLatin1String("model")).toString();
    const QStringList problems = request.problems;
    m_requests.append(std::move(request));
    Q_EMIT requestReceived();
    if (!problems.isEmpty()) {
        const QJsonObject error{{QStringLiteral("message"), problems.join(QStringLiteral("; "))},
                                {QStringLiteral("type"), QStringLiteral("BadRequestError")},
                                {QStringLiteral("param"), QJsonValue::Null},
                                {QStringLiteral("code"), 400}};
        socket->write(response(400, "application/json", json({{QStringLiteral("error"), error}})));
        return;
    }
    if (!m_models.contains(model)) {
        // vLLM's answer to a model it does not serve.
        const QJsonObject error{{QStringLiteral("message"),
                                 QStringLiteral("The model `%1` does not exist.").arg(model)},
                                {QStringLiteral("type"), QStringLiteral("NotFoundError")},
                                {QStringLiteral("param"), QJsonValue::Null},
                                {QStringLiteral("code"), 404}};
        socket->write(response(404, "application/json", json({{QStringLiteral("error"), error}})));
        return;
    }

    const ReplyScript script = m_scripts.value(std::min<qsizetype>(m_next, m_scripts.size() - 1));
    ++m_next;
    switch (script.kind) {
    case ReplyScript::Kind::HttpError:
        socket->write(response(script.status, "application/json", script.errorBody));
        return;
    case ReplyScript::Kind::Silent:
        return;
    case ReplyScript::Kind::CloseNow:
        socket->disconnectFromHost();
        return;
    case ReplyScript::Kind::Whole: {
        const QJsonObject message{{QStringLiteral("role"), QStringLiteral("assistant")},
                                  {QStringLiteral("content"), script.pieces.join(QString())}};
        const QJsonObject choice{{QStringLiteral("index"), 0},
                                 {QStringLiteral("message"), message},
                                 {QStringLiteral("finish_reason"), script.finishReason}};
        const QJsonObject body{{QStringLiteral("id"), QStringLiteral("chatcmpl-loopback")},
                               {QStringLiteral("object"), QStringLiteral("chat.completion")},
                               {QStringLiteral("model"), model},
                               {QStringLiteral("choices"), QJsonArray{choice}}};
        socket->write(response(200, "application/json", json(body)));
        return;
    }
    case ReplyScript::Kind::Stream:
        startStream(socket, script);
        return;
    }
}

void LoopbackChatServer::writeBody(QTcpSocket *socket,
                                   const QByteArray &bytes,
                                   bool chunked,
                                   bool split)
{
    auto frame = [chunked](const QByteArray &piece) {
        return chunked ? QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n" : piece;
    };
    if (!split) {
        socket->write(frame(bytes));
        socket->flush();
        return;
    }
    for (qsizetype at = 0; at < bytes.size(); at += 3) {
        socket->write(frame(bytes.mid(at, 3)));
        socket->flush();
        socket->waitForBytesWritten(10);
    }
}

void LoopbackChatServer::startStream(QTcpSocket *socket, const ReplyScript &script)
{
    const QString model = m_requests.last().json.value(QLatin1String("model")).toString();
    QByteArray head = "HTTP/1.1 200 OK\r\n";
    head += "content-type: text/event-stream; charset=utf-8\r\n";
    head += "cache-control: no-cache\r\n";
    head += script.chunked ? "transfer-encoding: chunked\r\n" : "connection: close\r\n";
    head += "\r\n";
    socket->write(head);
    socket->flush();

    const QByteArray end = script.crlf ? "\r\n\r\n" : "\n\n";
    QList<QByteArray> events;
    events.append("data: "
                  + chunkEvent(model,
                               {{QStringLiteral("role"), QStringLiteral("assistant")},
                                {QStringLiteral("content"), QString()}},
                               QJsonValue::Null)
                  + end);
    for (const QString &piece : script.pieces)
        events.append("data: "
                      + chunkEvent(model, {{QStringLiteral("content"), piece}}, QJsonValue::Null)
                      + end);
    if (!script.errorEvent.isEmpty())
        events.append("data: " + script.errorEvent + end);
    events.append("data: " + chunkEvent(model, {}, script.finishReason) + end);
    if (script.sendDone)
        events.append("data: [DONE]" + end);

    // Pieces go out one per delay; a cut drops the connection after `cutAfterPieces` pieces
    // (the first event only opens the answer).
    const int cutAt = script.cutAfterPieces >= 0 ? script.cutAfterPieces + 1 : -1;
    auto state = std::make_shared<int>(0);
    QPointer<QTcpSocket> guard(socket);
    auto step = std::make_shared<std::function<void()>>();
    const std::weak_ptr<std::function<void()>> weak = step;
    *step = [this, guard, events, state, weak, script, cutAt] {
        if (!guard)
            return;
        if (cutAt >= 0 && *state == cutAt) {
            guard->flush();
            guard->disconnectFromHost();
            return;
        }
        if (*state >= events.size()) {
            if (script.chunked)
                guard->write("0\r\n\r\n");
            else
                guard->disconnectFromHost();
            guard->flush();
            return;
        }
        writeBody(guard, events.at((*state)++), script.chunked, script.splitBytes);
        QTimer::singleShot(script.delayMs, guard, [next = weak.lock()] { (*next)(); });
    };
    QTimer::singleShot(0, socket, [step] { (*step)(); });
}

} // namespace earmark::testing
