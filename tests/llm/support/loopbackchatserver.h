#pragma once

// An OpenAI-compatible chat-completions server on 127.0.0.1 for tests: HTTP/1.1 over QTcpServer,
// written byte for byte. It checks each request as a real server does (method, path, headers,
// JSON shape, content parts), decodes the image_url data URLs (JPEG) and the input_audio part
// (WAV) so tests can compare them with the video they came from, and answers as scripted:
// streamed server-sent events (fast, slow, cut in the middle, ending with finish_reason
// "length"), HTTP errors with OpenAI-style bodies, silence, or a whole JSON completion.

#include <QByteArray>
#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QTcpServer;
class QTcpSocket;

namespace earmark::testing {

// A decoded 16-bit PCM WAV file.
struct WavData
{
    int format = 0; // 1: PCM
    int channels = 0;
    int sampleRate = 0;
    int bitsPerSample = 0;
    std::vector<float> samples; // interleaved, in [-1, 1)
};
// Parses a RIFF/WAVE file chunk by chunk; nullopt with `problem` set when it is not one.
std::optional<WavData> parseWav(const QByteArray &bytes, QString *problem);

struct ReceivedRequest
{
    QByteArray method;
    QByteArray target;                    // request target, e.g. /v1/chat/completions
    QMap<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    QJsonObject json;
    QStringList problems; // what a real server would refuse; empty when the request is valid
    // From the last user message:
    QStringList texts;      // its text parts, in order
    QList<QImage> images;   // its image_url parts, decoded
    QList<QByteArray> wavs; // its input_audio parts, base64-decoded
    QList<int> partOrder;   // 0 text, 1 image, 2 audio, in order
};

struct ReplyScript
{
    enum class Kind {
        Stream,    // 200 text/event-stream
        HttpError, // `status` with `errorBody` (application/json)
        Silent,    // reads the request, never answers
        Whole,     // 200 application/json, one chat.completion
        CloseNow,  // closes the connection right after reading the request
    };
    Kind kind = Kind::Stream;
    QStringList pieces = {QStringLiteral("Hello"), QStringLiteral(", world.")};
    int delayMs = 0; // between events
    QString finishReason = QStringLiteral("stop");
    bool sendDone = true;    // "data: [DONE]"
    int cutAfterPieces = -1; // >= 0: the connection drops after that many pieces
    bool chunked = true;     // Transfer-Encoding: chunked (else Connection: close framing)
    bool crlf = false;       // events end in \r\n\r\n instead of \n\n
    bool splitBytes = false; // every event written a few bytes at a time
    QByteArray errorEvent;   // sent as one "data:" event after the pieces, when set
    int status = 500;
    QByteArray errorBody;
};

class LoopbackChatServer : public QObject
{
    Q_OBJECT

public:
    explicit LoopbackChatServer(QObject *parent = nullptr);
    ~LoopbackChatServer() override;

    bool listen();
    quint16 port() const;
    // http://127.0.0.1:<port>/v1
    QString endpoint() const;

    // Requests are answered by the scripts in order; the last one repeats.
    void setScripts(const QList<ReplyScript> &scripts);
    void setScript(const ReplyScript &script) { setScripts({script}); }
    void setExpectedApiKey(const QString &key) { m_apiKey = key; }
    // Models offered by GET /v1/models; a chat request naming another model gets vLLM's 404.
    void setModels(const QStringList &models) { m_models = models; }

    const QList<ReceivedRequest> &requests() const { return m_requests; }
    int openConnections() const { return m_open; }

Q_SIGNALS:
    void requestReceived();

private:
    struct Connection;
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void handle(QTcpSocket *socket, ReceivedRequest request);
    void validate(ReceivedRequest &request) const;
    void startStream(QTcpSocket *socket, const ReplyScript &script);
    void writeBody(QTcpSocket *socket, const QByteArray &bytes, bool chunked, bool split);

    QTcpServer *m_server = nullptr;
    QList<ReplyScript> m_scripts = {ReplyScript{}};
    int m_next = 0;
    QString m_apiKey;
    QStringList m_models = {QStringLiteral("video-salmonn")};
    QList<ReceivedRequest> m_requests;
    QMap<QTcpSocket *, QByteArray> m_buffers;
    int m_open = 0;
};

} // namespace earmark::testing
