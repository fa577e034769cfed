#pragma once

#include "core/base/result.h"

#include <QString>
#include <QUrl>

class QSettings;

namespace earmark::llm {

// How Earmark talks to an audio-visual chat model: an OpenAI-compatible server (vLLM,
// tools/video-salmonn-server, ...) and how much of the video it sends with each question.
//
// Kept in the user's settings (QSettings, group "chat"), never in a library file. The API key is
// a secret: it goes into the Authorization header and nowhere else (no log line, no error
// message, no library file).
struct LlmSettings
{
    // The server's base URL as OpenAI clients take it; requests go to <endpoint>/chat/completions.
    QString endpoint = QStringLiteral("http://127.0.0.1:8000/v1");
    QString model = QStringLiteral("video-salmonn");
    QString apiKey; // as stored; see effectiveApiKey()

    double framesPerSecond = 2; // as video-SALMONN samples video
    int maxFrames = 120;        // a longer clip gets this many frames spread evenly over it
    int frameMaxSide = 448;     // frames are scaled down so that their longer side fits
    int jpegQuality = 85;
    bool sendFrames = true;
    bool sendAudio = true;
    int maxClipSeconds = 600; // longer videos: ask about a selection
    int timeoutSeconds = 120; // the longest wait for the server's next byte
    int maxAnswerTokens = 0;  // max_tokens; 0 leaves it to the server

    // The full URL of the chat-completions service, e.g. http://127.0.0.1:8000/v1/chat/completions.
    QUrl chatCompletionsUrl() const;
    // The key sent: $EARMARK_CHAT_API_KEY when set, else apiKey. Empty: no Authorization header.
    QString effectiveApiKey() const;
    // The model list service (<endpoint>/models), for "Test connection".
    QUrl modelsUrl() const;

    // Checks every field; the error names the field and what to do.
    Status validate() const;

    bool operator==(const LlmSettings &) const = default;
};

// Reads the settings from `settings` (group "chat"); fields not stored keep their defaults.
LlmSettings loadLlmSettings(QSettings &settings);
void saveLlmSettings(QSettings &settings, const LlmSettings &llm);

// The endpoint for messages shown to people: without user name, password or query.
QString displayEndpoint(const QString &endpoint);

} // namespace earmark::llm
