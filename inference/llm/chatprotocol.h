#pragma once

// The OpenAI chat-completions protocol as Earmark speaks it: the request body with frames as
// image_url parts (JPEG data URLs) and the audio as one input_audio part (base64 WAV), the
// server-sent-events framing of streamed answers, the chunks inside them, and the server's error
// replies turned into plain words. Pure functions and value types: no network, any thread.

#include "core/base/result.h"
#include "inference/llm/videoclip.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace earmark::llm {

struct ChatTurn
{
    enum class Role { User, Assistant };
    Role role = Role::User;
    QString text;
};

struct ChatRequest
{
    QString model;
    QString systemPrompt;                  // instructions and the video's annotations; may be empty
    QList<ChatTurn> history;               // earlier questions and answers, oldest first, text only
    QString question;                      // the new question
    std::shared_ptr<const VideoClip> clip; // sent with the new question; may be null
    int maxTokens = 0;                     // 0: not sent
};

// The JSON body of POST <endpoint>/chat/completions with "stream": true. The new question's
// message holds, in order: a text part describing the clip (its range, frame times, whether it
// has sound), one image_url part per frame ("data:image/jpeg;base64,..."), one input_audio part
// ({"data": base64 WAV, "format": "wav"}) and the question as a text part.
QByteArray chatRequestBody(const ChatRequest &request);

// The text part that tells the model what the frames and the audio are.
QString describeClip(const VideoClip &clip);

// One server-sent event (https://html.spec.whatwg.org/multipage/server-sent-events.html).
struct SseEvent
{
    QByteArray type; // "event:" field; empty means "message"
    QByteArray data; // "data:" lines joined with '\n'
};

// Incremental server-sent-events parser: feed it bytes as they arrive, split anywhere (inside a
// line, between CR and LF); complete events come out in order. Lines end in CRLF, LF or CR;
// comments (":...") and unknown fields are skipped; an event is dispatched at a blank line.
class SseParser
{
public:
    void feed(QByteArrayView bytes);
    QList<SseEvent> takeEvents();
    // Bytes of an event that has not been completed by a blank line yet.
    bool hasPartialEvent() const { return !m_line.isEmpty() || m_hasData; }

private:
    void processLine();

    QByteArray m_line;
    QByteArray m_data;
    QByteArray m_type;
    bool m_hasData = false;
    bool m_skipLf = false;
    bool m_started = false;
    QList<SseEvent> m_events;
};

// One streamed chunk ("chat.completion.chunk") or a whole non-streamed completion.
struct StreamChunk
{
    QString content;      // choices[0].delta.content (or message.content); may be empty
    QString finishReason; // "stop", "length", ...; empty while the answer goes on
    QString errorMessage; // set when the server reports an error inside the stream
};

// Parses the data of one event ("[DONE]" is handled by the caller). Fails when it is not JSON
// or not shaped like a chat completion chunk.
Result<StreamChunk> parseStreamData(const QByteArray &data);

// What went wrong with a question, for the person asking it.
struct ChatError
{
    enum class Kind {
        CannotConnect, // nothing listening, unknown host, TLS failure
        Timeout,       // no answer, or the answer stalled, within the time limit
        ModelNotFound, // the server does not serve the model named in the settings
        Unauthorized,  // API key missing or refused
        BadRequest,    // the server refused the request (too large, wrong shape, ...)
        ServerError,   // 5xx, or an error event inside the stream
        StreamCut,     // the connection closed before the answer was complete
        TooLong,       // the answer reached the length limit (finish_reason "length")
        BadResponse,   // the reply is not an OpenAI-compatible stream
        Media,         // the video's frames or audio could not be prepared
        Settings,      // the chat settings are incomplete or invalid
    };
    Kind kind = Kind::ServerError;
    QString message; // plain words: what happened and what to do
};

// Extracts the message of an error body: {"error": {"message": ...}}, {"error": "..."},
// {"message": ...} (vLLM's older shape), {"detail": ...} (FastAPI); else the text itself,
// shortened. Never returns more than 300 characters.
QString serverErrorMessage(const QByteArray &body);

// The error for an HTTP status >= 400 from <endpoint>/chat/completions.
ChatError errorForHttpStatus(int status,
                             const QByteArray &body,
                             const QString &endpoint,
                             const QString &model);

} // namespace earmark::llm
