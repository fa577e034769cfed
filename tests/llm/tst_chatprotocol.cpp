// The chat protocol's pure parts: the request body a server receives, server-sent-event framing
// split anywhere, stream chunks, server errors in plain words, times in answers, the system
// message and the settings.

#include "inference/llm/chatprotocol.h"
#include "inference/llm/llmsettings.h"
#include "inference/llm/prompt.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace earmark;
using namespace earmark::llm;

class TestChatProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestBodyHasTheOpenAiShape()
    {
        auto clip = std::make_shared<VideoClip>();
        clip->wholeVideo = false;
        clip->start = Time::fromSeconds(1);
        clip->end = Time::fromSeconds(3);
        clip->frameTimes = {Time::fromSeconds(1.25), Time::fromSeconds(1.75)};
        clip->jpegFrames = {QByteArray("\xFF\xD8\xFF\xE0one"), QByteArray("\xFF\xD8\xFF\xE0two")};
        clip->wav = QByteArray("RIFF....WAVE");

        ChatRequest request;
        request.model = QStringLiteral("video-salmonn");
        request.systemPrompt = QStringLiteral("Be brief.");
        request.history = {{ChatTurn::Role::User, QStringLiteral("What is it?")},
                           {ChatTurn::Role::Assistant, QStringLiteral("A dog.")}};
        request.question = QStringLiteral("When does it bark?");
        request.clip = clip;
        request.maxTokens = 256;

        const QJsonObject body = QJsonDocument::fromJson(chatRequestBody(request)).object();
        QCOMPARE(body.value(QLatin1String("model")).toString(), QStringLiteral("video-salmonn"));
        QCOMPARE(body.value(QLatin1String("stream")).toBool(), true);
        QCOMPARE(body.value(QLatin1String("max_tokens")).toInt(), 256);
        const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.size(), 4);
        QCOMPARE(messages[0][QLatin1String("role")].toString(), QStringLiteral("system"));
        QCOMPARE(messages[0][QLatin1String("content")].toString(), QStringLiteral("Be brief."));
        QCOMPARE(messages[1][QLatin1String("role")].toString(), QStringLiteral("user"));
        QCOMPARE(messages[2][QLatin1String("role")].toString(), QStringLiteral("assistant"));
        QCOMPARE(messages[2][QLatin1String("content")].toString(), QStringLiteral("A dog."));

        const QJsonArray parts = messages[3][QLatin1String("content")].toArray();
        QCOMPARE(parts.size(), 5); // description, 2 frames, audio, question
        QCOMPARE(parts[0][QLatin1String("type")].toString(), QStringLiteral("text"));
        const QString description = parts[0][QLatin1String("text")].toString();
        QVERIFY2(description.contains(QLatin1String("from 0:01 to 0:03")), qPrintable(description));
        QVERIFY2(description.contains(QLatin1String("first at 0:01.25")), qPrintable(description));
        for (int i : {1, 2}) {
            QCOMPARE(parts[i][QLatin1String("type")].toString(), QStringLiteral("image_url"));
            const QString url = parts[i][QLatin1String("image_url")][QLatin1String("url")].toString();
            QVERIFY(url.startsWith(QLatin1String("data:image/jpeg;base64,")));
            QCOMPARE(QByteArray::fromBase64(url.mid(23).toLatin1()), clip->jpegFrames[i - 1]);
        }
        QCOMPARE(parts[3][QLatin1String("type")].toString(), QStringLiteral("input_audio"));
        const QJsonObject audio = parts[3][QLatin1String("input_audio")].toObject();
        QCOMPARE(audio.value(QLatin1String("format")).toString(), QStringLiteral("wav"));
        QCOMPARE(QByteArray::fromBase64(audio.value(QLatin1String("data")).toString().toLatin1()),
                 clip->wav);
        QCOMPARE(parts[4][QLatin1String("text")].toString(), QStringLiteral("When does it bark?"));

        // Without a clip, a system prompt or a limit: only what is needed.
        ChatRequest plain;
        plain.model = QStringLiteral("m");
        plain.question = QStringLiteral("q");
        const QJsonObject small = QJsonDocument::fromJson(chatRequestBody(plain)).object();
        QVERIFY(!small.contains(QLatin1String("max_tokens")));
        QCOMPARE(small.value(QLatin1String("messages")).toArray().size(), 1);
    }

    void sseParserHandlesAnySplit()
    {
        const QByteArray stream = "\xEF\xBB\xBF: keep-alive comment\r\n"
                                  "\r\n"
                                  "data: {\"a\":1}\r\n\r\n"
                                  "event: message\n"
                                  "data:first line\n"
                                  "data: second line\n"
                                  "id: 7\n"
                                  "\n"
                                  "data: [DONE]\r\r"
                                  "data: unfinished";
        // Every split point of the stream gives the same events.
        for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
            SseParser parser;
            parser.feed(QByteArrayView(stream).first(cut));
            parser.feed(QByteArrayView(stream).sliced(cut));
            const QList<SseEvent> events = parser.takeEvents();
            QCOMPARE(events.size(), 3);
            QCOMPARE(events[0].data, QByteArray("{\"a\":1}"));
            QCOMPARE(events[1].type, QByteArray("message"));
            QCOMPARE(events[1].data, QByteArray("first line\nsecond line"));
            QCOMPARE(events[2].data, QByteArray("[DONE]"));
            QVERIFY(parser.hasPartialEvent());
        }
        // Byte by byte.
        SseParser parser;
        for (char c : stream)
            parser.feed(QByteArrayView(&c, 1));
        QCOMPARE(parser.takeEvents().size(), 3);
        QVERIFY(parser.takeEvents().isEmpty());
    }

    void streamChunksParse()
    {
        auto chunk = parseStreamData(
            "{\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
            "\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}");
        QVERIFY(chunk.ok());
        QCOMPARE(chunk->content, QStringLiteral("Hi"));
        QVERIFY(chunk->finishReason.isEmpty());

        chunk = parseStreamData(
            "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}");
        QVERIFY(chunk.ok());
        QCOMPARE(chunk->finishReason, QStringLiteral("length"));

        chunk = parseStreamData("{\"choices\":[],\"usage\":{\"prompt_tokens\":5}}");
        QVERIFY(chunk.ok());
        QVERIFY(chunk->content.isEmpty());

        chunk = parseStreamData("{\"error\":{\"message\":\"CUDA out of memory\",\"code\":500}}");
        QVERIFY(chunk.ok());
        QCOMPARE(chunk->errorMessage, QStringLiteral("CUDA out of memory"));

        QVERIFY(!parseStreamData("not json").ok());
        QVERIFY(!parseStreamData("{\"object\":\"something else\"}").ok());
    }

    void serverErrorsInPlainWords()
    {
        const QString endpoint = QStringLiteral("http://127.0.0.1:8000/v1");
        ChatError e
            = errorForHttpStatus(404,
                                 "{\"object\":\"error\",\"message\":\"The model `gpt-5` does not "
                                 "exist.\",\"type\":\"NotFoundError\",\"code\":404}",
                                 endpoint,
                                 QStringLiteral("gpt-5"));
        QCOMPARE(e.kind, ChatError::Kind::ModelNotFound);
        QVERIFY2(e.message.contains(QLatin1String("no model named \"gpt-5\"")),
                 qPrintable(e.message));
        QVERIFY(e.message.contains(QLatin1String("Preferences")));

        e = errorForHttpStatus(404, "{\"detail\":\"Not Found\"}", endpoint, QStringLiteral("m"));
        QCOMPARE(e.kind, ChatError::Kind::BadRequest);
        QVERIFY2(e.message.contains(QLatin1String("ending in /v1")), qPrintable(e.message));

        e = errorForHttpStatus(401, "{\"error\":\"Unauthorized\"}", endpoint, QStringLiteral("m"));
        QCOMPARE(e.kind, ChatError::Kind::Unauthorized);
        QVERIFY(e.message.contains(QLatin1String("API key")));

        e = errorForHttpStatus(
            400,
            "{\"error\":{\"message\":\"This model's maximum context length is 32768 tokens. "
            "However, you requested 40000 tokens.\",\"type\":\"BadRequestError\"}}",
            endpoint,
            QStringLiteral("m"));
        QCOMPARE(e.kind, ChatError::Kind::BadRequest);
        QVERIFY2(e.message.contains(QLatin1String("shorter selection")), qPrintable(e.message));

        e = errorForHttpStatus(503, "upstream down", endpoint, QStringLiteral("m"));
        QCOMPARE(e.kind, ChatError::Kind::ServerError);
        QVERIFY(e.message.contains(QLatin1String("HTTP 503")));
        QVERIFY(e.message.contains(QLatin1String("upstream down")));

        // The server's text is shortened, never pasted whole.
        QVERIFY(serverErrorMessage(QByteArray(5000, 'x')).size() <= 300);
        // Credentials in the endpoint never appear in a message.
        e = errorForHttpStatus(500,
                               "",
                               QStringLiteral("http://user:secret@host:1/v1?key=secret"),
                               QStringLiteral("m"));
        QVERIFY2(!e.message.contains(QLatin1String("secret")), qPrintable(e.message));
    }

    void timestampsInAnswers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("found");
        QTest::addColumn<QList<qint64>>("ms");
        QTest::newRow("compact") << QStringLiteral("The dog barks at 0:32.")
                                 << QStringList{QStringLiteral("0:32")} << QList<qint64>{32000};
        QTest::newRow("clock") << QStringLiteral("From 00:01:05 to 1:02:03.5, then")
                               << QStringList{QStringLiteral("00:01:05"),
                                              QStringLiteral("1:02:03.5")}
                               << QList<qint64>{65000, 3723500};
        QTest::newRow("range") << QStringLiteral("(0:05–0:09)")
                               << QStringList{QStringLiteral("0:05"), QStringLiteral("0:09")}
                               << QList<qint64>{5000, 9000};
        QTest::newRow("fraction") << QStringLiteral("at 12:07.25")
                                  << QStringList{QStringLiteral("12:07.25")}
                                  << QList<qint64>{727250};
        QTest::newRow("not times") << QStringLiteral("16:9 picture, 12:345, a1:00, 1:60, 2:61:00, "
                                                     "1.5:30, 10:20:30:40")
                                   << QStringList{} << QList<qint64>{};
    }

    void timestampsInAnswers()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, found);
        QFETCH(QList<qint64>, ms);
        const QList<TimestampMention> mentions = findTimestamps(text);
        QStringList texts;
        QList<qint64> times;
        for (const TimestampMention &m : mentions) {
            texts.append(text.mid(m.start, m.length));
            times.append(m.time.milliseconds());
        }
        QCOMPARE(texts, found);
        QCOMPARE(times, ms);
    }

    void systemPromptListsAnnotations()
    {
        PromptContext context;
        context.videoTitle = QStringLiteral("park.mp4");
        context.videoDuration = Time::fromSeconds(75);
        context.annotations = {
            {Time::fromSeconds(40),
             Time::fromSeconds(42),
             QStringLiteral("Speech"),
             QStringLiteral("audio"),
             {}},
            {Time::fromSeconds(1),
             Time::fromSeconds(3.5),
             QStringLiteral("Dog"),
             QStringLiteral("audio-visual"),
             QStringLiteral("person")},
        };
        QString text = systemPrompt(context);
        QVERIFY(text.contains(QLatin1String("\"park.mp4\", 1:15 long")));
        QVERIFY2(text.contains(QLatin1String("- 1.00-3.50 Dog; audio-visual; person")),
                 qPrintable(text));
        // In time order.
        QVERIFY(text.indexOf(QLatin1String("Dog")) < text.indexOf(QLatin1String("Speech")));
        QVERIFY(text.contains(QLatin1String("m:ss")));

        // About a selection: only what overlaps it.
        context.range = std::make_pair(Time::fromSeconds(30), Time::fromSeconds(50));
        text = systemPrompt(context);
        QVERIFY(text.contains(QLatin1String("Speech")));
        QVERIFY(!text.contains(QLatin1String("Dog")));

        // Long lists are cut and counted.
        context.range.reset();
        context.annotations.clear();
        for (int i = 0; i < kMaxContextAnnotations + 5; ++i)
            context.annotations.append({Time::fromSeconds(i),
                                        Time::fromSeconds(i + 1),
                                        QStringLiteral("E%1").arg(i),
                                        {},
                                        {}});
        text = systemPrompt(context);
        QVERIFY(text.contains(QLatin1String("(and 5 more not listed)")));
    }

    void settingsUrlsAndValidation()
    {
        LlmSettings s;
        QVERIFY(s.validate().ok());
        QCOMPARE(s.chatCompletionsUrl().toString(),
                 QStringLiteral("http://127.0.0.1:8000/v1/chat/completions"));
        s.endpoint = QStringLiteral("https://example.org/v1/");
        QCOMPARE(s.chatCompletionsUrl().toString(),
                 QStringLiteral("https://example.org/v1/chat/completions"));
        QCOMPARE(s.modelsUrl().toString(), QStringLiteral("https://example.org/v1/models"));

        s.endpoint = QStringLiteral("localhost:8000");
        QVERIFY(s.validate().errorString().startsWith(QLatin1String("endpoint:")));
        s = LlmSettings();
        s.model.clear();
        QVERIFY(s.validate().errorString().startsWith(QLatin1String("model:")));
        s = LlmSettings();
        s.framesPerSecond = 0;
        QVERIFY(!s.validate().ok());
        s = LlmSettings();
        s.sendAudio = s.sendFrames = false;
        QVERIFY(!s.validate().ok());
    }

    void settingsRoundTripAndKeyFromEnvironment()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("earmark.conf")), QSettings::IniFormat);
        LlmSettings s;
        s.endpoint = QStringLiteral("http://gpu-box:9000/v1");
        s.model = QStringLiteral("video-SALMONN-2_plus_7B");
        s.apiKey = QStringLiteral("sk-test-123");
        s.framesPerSecond = 1;
        s.maxFrames = 64;
        s.sendAudio = false;
        s.maxAnswerTokens = 512;
        saveLlmSettings(settings, s);
        QCOMPARE(loadLlmSettings(settings), s);

        qputenv("EARMARK_CHAT_API_KEY", "sk-from-env");
        QCOMPARE(loadLlmSettings(settings).effectiveApiKey(), QStringLiteral("sk-from-env"));
        QCOMPARE(loadLlmSettings(settings).apiKey, QStringLiteral("sk-test-123"));
        qunsetenv("EARMARK_CHAT_API_KEY");
        QCOMPARE(loadLlmSettings(settings).effectiveApiKey(), QStringLiteral("sk-test-123"));
    }
};

QTEST_GUILESS_MAIN(TestChatProtocol)
#include "tst_chatprotocol.moc"
