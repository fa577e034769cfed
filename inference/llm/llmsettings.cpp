#include "inference/llm/llmsettings.h"

#include <QSettings>

namespace earmark::llm {

namespace {

QUrl serviceUrl(const QString &endpoint, QLatin1String service)
{
    QUrl url(endpoint.trimmed());
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QLatin1Char('/') + service);
    return url;
}

} // namespace

QUrl LlmSettings::chatCompletionsUrl() const
{
    return serviceUrl(endpoint, QLatin1String("chat/completions"));
}

QString LlmSettings::effectiveApiKey() const
{
    const QString fromEnvironment = qEnvironmentVariable("EARMARK_CHAT_API_KEY");
    return fromEnvironment.isEmpty() ? apiKey : fromEnvironment;
}

QUrl LlmSettings::modelsUrl() const
{
    return serviceUrl(endpoint, QLatin1String("models"));
}

Status LlmSettings::validate() const
{
    const QUrl url(endpoint.trimmed(), QUrl::StrictMode);
    if (endpoint.trimmed().isEmpty())
        return Error(QStringLiteral("endpoint: no server address is set; enter the server's base "
                                    "URL, for example http://127.0.0.1:8000/v1"));
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return Error(QStringLiteral("endpoint: \"%1\" is not an http:// or https:// address; enter "
                                    "the server's base URL, for example http://127.0.0.1:8000/v1")
                         .arg(displayEndpoint(endpoint)));
    if (model.trimmed().isEmpty())
        return Error(QStringLiteral("model: no model name is set; enter the name the server "
                                    "serves the model under (see \"Test connection\")"));
    if (!(framesPerSecond > 0 && framesPerSecond <= 30))
        return Error(QStringLiteral("frames per second: %1 is outside 0.1-30").arg(framesPerSecond));
    if (maxFrames < 1 || maxFrames > 1000)
        return Error(QStringLiteral("most frames: %1 is outside 1-1000").arg(maxFrames));
    if (frameMaxSide < 32 || frameMaxSide > 4096)
        return Error(QStringLiteral("frame size: %1 pixels is outside 32-4096").arg(frameMaxSide));
    if (jpegQuality < 1 || jpegQuality > 100)
        return Error(QStringLiteral("JPEG quality: %1 is outside 1-100").arg(jpegQuality));
    if (maxClipSeconds < 1)
        return Error(QStringLiteral("longest clip: %1 s is not a length").arg(maxClipSeconds));
    if (timeoutSeconds < 1 || timeoutSeconds > 3600)
        return Error(QStringLiteral("time limit: %1 s is outside 1-3600 s").arg(timeoutSeconds));
    if (maxAnswerTokens < 0)
        return Error(QStringLiteral("answer length: %1 tokens is negative").arg(maxAnswerTokens));
    if (!sendFrames && !sendAudio)
        return Error(QStringLiteral("neither frames nor audio are sent; turn on at least one"));
    return {};
}

LlmSettings loadLlmSettings(QSettings &settings)
{
    LlmSettings s;
    settings.beginGroup(QStringLiteral("chat"));
    s.endpoint = settings.value(QStringLiteral("endpoint"), s.endpoint).toString();
    s.model = settings.value(QStringLiteral("model"), s.model).toString();
    s.apiKey = settings.value(QStringLiteral("apiKey"), s.apiKey).toString();
    s.framesPerSecond = settings.value(QStringLiteral("framesPerSecond"), s.framesPerSecond)
                            .toDouble();
    s.maxFrames = settings.value(QStringLiteral("maxFrames"), s.maxFrames).toInt();
    s.frameMaxSide = settings.value(QStringLiteral("frameMaxSide"), s.frameMaxSide).toInt();
    s.jpegQuality = settings.value(QStringLiteral("jpegQuality"), s.jpegQuality).toInt();
    s.sendFrames = settings.value(QStringLiteral("sendFrames"), s.sendFrames).toBool();
    s.sendAudio = settings.value(QStringLiteral("sendAudio"), s.sendAudio).toBool();
    s.maxClipSeconds = settings.value(QStringLiteral("maxClipSeconds"), s.maxClipSeconds).toInt();
    s.timeoutSeconds = settings.value(QStringLiteral("timeoutSeconds"), s.timeoutSeconds).toInt();
    s.maxAnswerTokens = settings.value(QStringLiteral("maxAnswerTokens"), s.maxAnswerTokens).toInt();
    settings.endGroup();
    return s;
}

void saveLlmSettings(QSettings &settings, const LlmSettings &llm)
{
    settings.beginGroup(QStringLiteral("chat"));
    settings.setValue(QStringLiteral("endpoint"), llm.endpoint.trimmed());
    settings.setValue(QStringLiteral("model"), llm.model.trimmed());
    if (llm.apiKey.isEmpty())
        settings.remove(QStringLiteral("apiKey"));
    else
        settings.setValue(QStringLiteral("apiKey"), llm.apiKey);
    settings.setValue(QStringLiteral("framesPerSecond"), llm.framesPerSecond);
    settings.setValue(QStringLiteral("maxFrames"), llm.maxFrames);
    settings.setValue(QStringLiteral("frameMaxSide"), llm.frameMaxSide);
    settings.setValue(QStringLiteral("jpegQuality"), llm.jpegQuality);
    settings.setValue(QStringLiteral("sendFrames"), llm.sendFrames);
    settings.setValue(QStringLiteral("sendAudio"), llm.sendAudio);
    settings.setValue(QStringLiteral("maxClipSeconds"), llm.maxClipSeconds);
    settings.setValue(QStringLiteral("timeoutSeconds"), llm.timeoutSeconds);
    settings.setValue(QStringLiteral("maxAnswerTokens"), llm.maxAnswerTokens);
    settings.endGroup();
}

QString displayEndpoint(const QString &endpoint)
{
    const QUrl url(endpoint.trimmed());
    if (!url.isValid())
        return endpoint.trimmed();
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

} // namespace earmark::llm
