// earmark ask: a question about a video to an audio-visual chat model; the answer is printed as
// it streams in.

#include "app/command.h"
#include "app/libraryoption.h"

#include "core/base/time.h"
#include "core/storage/videorepository.h"
#include "inference/llm/askjob.h"
#include "inference/llm/chatclient.h"
#include "inference/llm/llmsettings.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFileInfo>
#include <QSettings>

#include <cstdio>

namespace earmark::app {

namespace {

std::optional<Time> timeOption(const QCommandLineParser &parser,
                               const QCommandLineOption &option,
                               QString *error)
{
    if (!parser.isSet(option))
        return std::nullopt;
    const auto t = parseTime(parser.value(option));
    if (!t || *t < Time())
        *error = QStringLiteral("--%1: \"%2\" is not a time (write 75, 1:15 or 00:01:15.5)")
                     .arg(option.names().constFirst(), parser.value(option));
    return t;
}

int runAsk(const QStringList &args)
{
    const QString name = QStringLiteral("ask");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Ask an audio-visual chat model about a video and print the answer as it "
                       "streams in. The model is an OpenAI-compatible server (vLLM, "
                       "tools/video-salmonn-server); Earmark sends it frames of the video (JPEG) "
                       "and its sound (16 kHz WAV). Endpoint, model and the other settings come "
                       "from Preferences › Chat unless given here; the API key from there or "
                       "from $EARMARK_CHAT_API_KEY."));
    const QCommandLineOption endpoint(QStringLiteral("endpoint"),
                                      QStringLiteral("The server's base URL, e.g. "
                                                     "http://127.0.0.1:8000/v1."),
                                      QStringLiteral("URL"));
    const QCommandLineOption model(QStringLiteral("model"),
                                   QStringLiteral("The model name the server serves."),
                                   QStringLiteral("M"));
    const QCommandLineOption from(QStringLiteral("from"),
                                  QStringLiteral("Ask about the part of the video from this time."),
                                  QStringLiteral("TIME"));
    const QCommandLineOption to(QStringLiteral("to"),
                                QStringLiteral("... up to this time (default: the end)."),
                                QStringLiteral("TIME"));
    const QCommandLineOption fps(QStringLiteral("fps"),
                                 QStringLiteral("Frames sent per second of video (default 2)."),
                                 QStringLiteral("N"));
    const QCommandLineOption maxFrames(QStringLiteral("max-frames"),
                                       QStringLiteral("Most frames sent (default 120)."),
                                       QStringLiteral("N"));
    const QCommandLineOption noAudio(QStringLiteral("no-audio"),
                                     QStringLiteral("Send the frames only."));
    const QCommandLineOption noFrames(QStringLiteral("no-frames"),
                                      QStringLiteral("Send the sound only."));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     QStringLiteral("Give up when the server is silent this many "
                                                    "seconds (default 120)."),
                                     QStringLiteral("S"));
    const QCommandLineOption maxTokens(QStringLiteral("max-tokens"),
                                       QStringLiteral("Longest answer in tokens (default: the "
                                                      "server's)."),
                                       QStringLiteral("N"));
    const QCommandLineOption library = libraryOption();
    parser.addOptions(
        {endpoint, model, from, to, fps, maxFrames, noAudio, noFrames, timeout, maxTokens, library});
    parser.addPositionalArgument(QStringLiteral("VIDEO"), QStringLiteral("The video file."));
    parser.addPositionalArgument(QStringLiteral("QUESTION"),
                                 QStringLiteral("The question, quoted."));
    if (auto exit = parseArguments(parser, name, args))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return usageError(name, QStringLiteral("expected a VIDEO and a QUESTION"));
    const QString path = QFileInfo(positional[0]).absoluteFilePath();
    const QString question = positional[1].trimmed();
    if (question.isEmpty())
        return usageError(name, QStringLiteral("the QUESTION is empty"));

    QSettings stored;
    llm::LlmSettings settings = llm::loadLlmSettings(stored);
    if (parser.isSet(endpoint))
        settings.endpoint = parser.value(endpoint);
    if (parser.isSet(model))
        settings.model = parser.value(model);
    auto number = [&](const QCommandLineOption &option, auto &field) -> bool {
        if (!parser.isSet(option))
            return true;
        bool ok = false;
        const double value = parser.value(option).toDouble(&ok);
        if (!ok)
            return false;
        field = static_cast<std::remove_reference_t<decltype(field)>>(value);
        return true;
    };
    if (!number(fps, settings.framesPerSecond) || !number(maxFrames, settings.maxFrames)
        || !number(timeout, settings.timeoutSeconds)
        || !number(maxTokens, settings.maxAnswerTokens))
        return usageError(name,
                          QStringLiteral("--fps, --max-frames, --timeout and --max-tokens "
                                         "take numbers"));
    if (parser.isSet(noAudio))
        settings.sendAudio = false;
    if (parser.isSet(noFrames))
        settings.sendFrames = false;
    if (const Status valid = settings.validate(); !valid)
        return usageError(name, valid.errorString());

    QString timeError;
    const auto start = timeOption(parser, from, &timeError);
    const auto end = timeOption(parser, to, &timeError);
    if (!timeError.isEmpty())
        return usageError(name, timeError);

    llm::AskInput input;
    input.source.path = path;
    input.question = question;
    input.settings = settings;
    input.context.videoTitle = QFileInfo(path).fileName();

    // A video in the library lends its title and length.
    if (parser.isSet(library) || QFileInfo::exists(libraryLocation(parser, library))) {
        auto db = openLibrary(libraryLocation(parser, library));
        if (!db)
            return fail(name, db.errorString());
        auto video = storage::VideoRepository(*db).byPath(path);
        if (!video)
            return fail(name, video.errorString());
        if (video->has_value()) {
            input.context.videoTitle = (*video)->title;
            input.context.videoDuration = (*video)->duration;
            input.source.duration = (*video)->duration;
        }
    }
    if (start || end) {
        const Time rangeEnd = end ? *end : Time::fromSeconds(24 * 3600.0);
        const Time rangeStart = start.value_or(Time());
        if (rangeEnd <= rangeStart)
            return usageError(name, QStringLiteral("--to must be after --from"));
        input.range = llm::ClipRange{rangeStart, rangeEnd};
        input.context.range = std::make_pair(rangeStart, rangeEnd);
    }

    llm::ChatClient client;
    llm::AskJob job(&client, input);
    QEventLoop loop;
    bool wroteAnything = false;
    bool endsWithNewline = false;
    QObject::connect(&job, &llm::AskJob::textArrived, &loop, [&](const QString &piece) {
        printOut(piece);
        wroteAnything = true;
        endsWithNewline = piece.endsWith(QLatin1Char('\n'));
    });
    QObject::connect(&job, &llm::AskJob::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();

    if (wroteAnything && !endsWithNewline)
        printOut(QStringLiteral("\n"));
    if (job.outcome() == llm::AskJob::Outcome::Complete) {
        if (!wroteAnything)
            printErr(QStringLiteral("earmark ask: the model gave no answer\n"));
        return 0;
    }
    return fail(name,
                job.error() ? job.error()->message : QStringLiteral("the question was stopped"));
}

} // namespace

EARMARK_COMMAND(QStringLiteral("ask"),
                QStringLiteral("Ask an audio-visual chat model about a video"),
                runAsk);

} // namespace earmark::app
