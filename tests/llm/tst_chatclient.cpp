// The chat client against a real HTTP/1.1 server on loopback that checks every request and
// streams scripted answers: whole streams, streams split into tiny pieces, slow streams (the
// event loop keeps running), cut streams, stalls, errors, and stopping an answer.

#include "inference/llm/chatclient.h"
#include "support/loopbackchatserver.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

using namespace earmark;
using namespace earmark::llm;
using earmark::testing::LoopbackChatServer;
using earmark::testing::ReplyScript;

namespace {

const QString kKey = QStringLiteral("sk-loopback-7f3a9c");

QByteArray questionBody(const QString &model = QStringLiteral("video-salmonn"))
{
    ChatRequest request;
    request.model = model;
    request.systemPrompt = QStringLiteral("You answer questions about a video.");
    request.question = QStringLiteral("What happens?");
    return chatRequestBody(request);
}

struct Run
{
    QStringList pieces;
    ChatReply::Outcome outcome = ChatReply::Outcome::Running;
    QString text;
    std::optional<ChatError> error;
    int finishedCount = 0;
};

} // namespace

class TestChatClient : public QObject
{
    Q_OBJECT

private:
    LoopbackChatServer *m_server = nullptr;
    ChatClient *m_client = nullptr;

    LlmSettings settings() const
    {
        LlmSettings s;
        s.endpoint = m_server->endpoint();
        s.apiKey = kKey;
        s.timeoutSeconds = 5;
        return s;
    }

    Run ask(const LlmSettings &s, const QByteArray &body = questionBody(), int timeoutMs = 10000)
    {
        Run run;
        ChatReply *reply = m_client->send(s, body);
        connect(reply, &ChatReply::textArrived, this, [&run](const QString &p) {
            run.pieces.append(p);
        });
        connect(reply, &ChatReply::finished, this, [&run] { ++run.finishedCount; });
        if (!QTest::qWaitFor([&run] { return run.finishedCount > 0; }, timeoutMs))
            qWarning("the reply did not finish within %d ms", timeoutMs);
        QTest::qWait(20); // nothing more may come
        run.outcome = reply->outcome();
        run.text = reply->text();
        run.error = reply->error();
        delete reply;
        return run;
    }

    static void verifyNoSecret(const Run &run)
    {
        if (run.error)
            QVERIFY2(!run.error->message.contains(kKey), qPrintable(run.error->message));
    }

private Q_SLOTS:
    void init()
    {
        m_server = new LoopbackChatServer(this);
        QVERIFY(m_server->listen());
        m_server->setExpectedApiKey(kKey);
        m_client = new ChatClient(this);
    }

    void cleanup()
    {
        delete m_client;
        delete m_server;
    }

    void streamsTheAnswerInPieces()
    {
        ReplyScript script;
        script.pieces = {QStringLiteral("The dog "),
                         QStringLiteral("barks at "),
                         QStringLiteral("0:32.")};
        m_server->setScript(script);
        const Run run = ask(settings());
        QCOMPARE(run.finishedCount, 1);
        QCOMPARE(run.outcome, ChatReply::Outcome::Complete);
        QCOMPARE(run.pieces, script.pieces);
        QCOMPARE(run.text, QStringLiteral("The dog barks at 0:32."));
        QVERIFY(!run.error);

        QCOMPARE(m_server->requests().size(), 1);
        const auto &request = m_server->requests().first();
        QVERIFY2(request.problems.isEmpty(), qPrintable(request.problems.join(QLatin1Char('\n'))));
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.target, QByteArray("/v1/chat/completions"));
        QCOMPARE(request.headers.value("authorization"), "Bearer " + kKey.toUtf8());
        QCOMPARE(request.texts, QStringList{QStringLiteral("What happens?")});
    }

    void noKeyNoAuthorizationHeader()
    {
        m_server->setExpectedApiKey(QString());
        LlmSettings s = settings();
        s.apiKey.clear();
        QCOMPARE(ask(s).outcome, ChatReply::Outcome::Complete);
        QVERIFY(!m_server->requests().first().headers.contains("authorization"));
    }

    void anyFramingWorks_data()
    {
        QTest::addColumn<bool>("chunked");
        QTest::addColumn<bool>("crlf");
        QTest::addColumn<bool>("split");
        QTest::newRow("chunked") << true << false << false;
        QTest::newRow("chunked, CRLF, 3-byte pieces") << true << true << true;
        QTest::newRow("close-delimited") << false << false << false;
        QTest::newRow("close-delimited, CRLF, 3-byte pieces") << false << true << true;
    }

    void anyFramingWorks()
    {
        QFETCH(bool, chunked);
        QFETCH(bool, crlf);
        QFETCH(bool, split);
        ReplyScript script;
        script.chunked = chunked;
        script.crlf = crlf;
        script.splitBytes = split;
        script.pieces = {QStringLiteral("Ünïcödé "),
                         QStringLiteral("🐕 woof "),
                         QStringLiteral("at 1:05:09.")};
        m_server->setScript(script);
        const Run run = ask(settings());
        QCOMPARE(run.outcome, ChatReply::Outcome::Complete);
        QCOMPARE(run.text, script.pieces.join(QString()));
    }

    void slowStreamDoesNotBlockTheEventLoop()
    {
        ReplyScript script;
        script.pieces = {QStringLiteral("one "),
                         QStringLiteral("two "),
                         QStringLiteral("three "),
                         QStringLiteral("four")};
        script.delayMs = 250;
        m_server->setScript(script);

        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(20);
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start();

        QList<qint64> arrivals;
        QElapsedTimer clock;
        clock.start();
        ChatReply *reply = m_client->send(settings(), questionBody());
        connect(reply, &ChatReply::textArrived, this, [&] { arrivals.append(clock.elapsed()); });
        QSignalSpy finished(reply, &ChatReply::finished);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(reply->outcome(), ChatReply::Outcome::Complete);
        QCOMPARE(arrivals.size(), 4);
        // Pieces arrive as they are sent, not all at the end.
        QVERIFY2(arrivals.last() - arrivals.first() >= 600,
                 qPrintable(QStringLiteral("pieces arrived within %1 ms")
                                .arg(arrivals.last() - arrivals.first())));
        // The event loop ran all the while: the 20-ms timer fired through the whole stream.
        const qint64 total = clock.elapsed();
        QVERIFY2(ticks >= total / 20 / 2,
                 qPrintable(QStringLiteral("%1 ticks in %2 ms").arg(ticks).arg(total)));
        delete reply;
    }

    void cutStreamKeepsWhatArrived()
    {
        ReplyScript script;
        script.pieces = {QStringLiteral("First. "),
                         QStringLiteral("Second. "),
                         QStringLiteral("Third.")};
        script.cutAfterPieces = 2;
        m_server->setScript(script);
        const Run run = ask(settings());
        QCOMPARE(run.outcome, ChatReply::Outcome::Failed);
        QVERIFY(run.error);
        QCOMPARE(run.error->kind, ChatError::Kind::StreamCut);
        QVERIFY2(run.error->message.startsWith(QLatin1String("The answer was cut off")),
                 qPrintable(run.error->message));
        QCOMPARE(run.text, QStringLiteral("First. Second. "));

        // The same with close-delimited framing: the close is the only end.
        script.chunked = false;
        m_server->setScript(script);
        const Run closed = ask(settings());
        QVERIFY(closed.error);
        QCOMPARE(closed.error->kind, ChatError::Kind::StreamCut);
    }

    void answerTooLong()
    {
        ReplyScript script;
        script.pieces = {QStringLiteral("A very long answer that goes on")};
        script.finishReason = QStringLiteral("length");
        m_server->setScript(script);
        LlmSettings s = settings();
        s.maxAnswerTokens = 16;
        const Run run = ask(s);
        QCOMPARE(run.outcome, ChatReply::Outcome::Failed);
        QCOMPARE(run.error->kind, ChatError::Kind::TooLong);
        QVERIFY2(run.error->message.contains(QLatin1String("length limit of 16 tokens")),
                 qPrintable(run.error->message));
        QCOMPARE(run.text, script.pieces.first());
    }

    void wrongModelName()
    {
        LlmSettings s = settings();
        s.model = QStringLiteral("gpt-4o");
        const Run run = ask(s, questionBody(s.model));
        QCOMPARE(run.outcome, ChatReply::Outcome::Failed);
        QCOMPARE(run.error->kind, ChatError::Kind::ModelNotFound);
        QVERIFY2(run.error->message.contains(QLatin1String("no model named \"gpt-4o\"")),
                 qPrintable(run.error->message));
        QVERIFY(run.error->message.contains(QLatin1String("does not exist")));
        verifyNoSecret(run);
    }

    void wrongKey()
    {
        LlmSettings s = settings();
        s.apiKey = QStringLiteral("sk-wrong");
        const Run run = ask(s);
        QCOMPARE(run.error->kind, ChatError::Kind::Unauthorized);
        QVERIFY(run.error->message.contains(QLatin1String("API key")));
        QVERIFY(!run.error->message.contains(QLatin1String("sk-wrong")));
    }

    void endpointWithoutV1()
    {
        LlmSettings s = settings();
        s.endpoint = QStringLiteral("http://127.0.0.1:%1").arg(m_server->port());
        const Run run = ask(s);
        QCOMPARE(run.error->kind, ChatError::Kind::BadRequest);
        QVERIFY2(run.error->message.contains(QLatin1String("/v1")), qPrintable(run.error->message));
    }

    void serverFailure()
    {
        ReplyScript script;
        script.kind = ReplyScript::Kind::HttpError;
        script.status = 500;
        script.errorBody = "{\"error\":{\"message\":\"CUDA out of "
                           "memory\",\"type\":\"InternalServerError\",\"code\":500}}";
        m_server->setScript(script);
        const Run run = ask(settings());
        QCOMPARE(run.error->kind, ChatError::Kind::ServerError);
        QVERIFY(run.error->message.contains(QLatin1String("HTTP 500")));
        QVERIFY(run.error->message.contains(QLatin1String("CUDA out of memory")));
        verifyNoSecret(run);
    }

    void errorInsideTheStream()
    {
        ReplyScript script;
        script.pieces = {QStringLiteral("Partial")};
        script.errorEvent = "{\"error\":{\"message\":\"generation failed\",\"code\":500}}";
        m_server->setScript(script);
        const Run run = ask(settings());
        QCOMPARE(run.error->kind, ChatError::Kind::ServerError);
        QVERIFY(run.error->message.contains(QLatin1String("generation failed")));
        QCOMPARE(run.text, QStringLiteral("Partial"));
    }

    void serverNotRunning()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        LlmSettings s = settings();
        s.endpoint = QStringLiteral("http://127.0.0.1:%1/v1").arg(port);
        const Run run = ask(s);
        QCOMPARE(run.outcome, ChatReply::Outcome::Failed);
        QCOMPARE(run.error->kind, ChatError::Kind::CannotConnect);
        QVERIFY2(run.error->message.contains(QLatin1String("nothing is listening")),
                 qPrintable(run.error->message));
        QVERIFY(run.error->message.contains(QString::number(port)));
    }

    void serverClosesWithoutAnswering()
    {
        ReplyScript script;
        script.kind = ReplyScript::Kind::CloseNow;
        m_server->setScript(script);
        const Run run = ask(settings());
        QCOMPARE(run.outcome, ChatReply::Outcome::Failed);
        QVERIFY(run.error);
        QVERIFY2(run.error->message.contains(QLatin1String("closed the connection")),
                 qPrintable(run.error->message));
    }

    void silentServerTimesOut()
    {
        ReplyScript script;
        script.kind = ReplyScript::Kind::Silent;
        m_server->setScript(script);
        LlmSettings s = settings();
        s.timeoutSeconds = 1;
        QElapsedTimer clock;
        clock.start();
        const Run run = ask(s);
        QCOMPARE(run.error->kind, ChatError::Kind::Timeout);
        QVERIFY2(run.error->message.contains(QLatin1String("did not answer within 1 s")),
                 qPrintable(run.error->message));
        QVERIFY(clock.elapsed() >= 900 && clock.elapsed() < 5000);
    }

    void stalledStreamTimesOut()
    {
        ReplyScript script;
        script.pieces = {QStringLiteral("Begin"), QStringLiteral(" never")};
        script.delayMs = 4000;
        m_server->setScript(script);
        LlmSettings s = settings();
        s.timeoutSeconds = 1;
        const Run run = ask(s);
        QCOMPARE(run.error->kind, ChatError::Kind::Timeout);
        QVERIFY2(run.error->message.contains(QLatin1String("stopped sending")),
                 qPrintable(run.error->message));
    }

    void stopEndsTheAnswerAtOnce()
    {
        ReplyScript script;
        script.pieces = {QStringLiteral("One. "), QStringLiteral("Two. "), QStringLiteral("Three.")};
        script.delayMs = 300;
        m_server->setScript(script);
        ChatReply *reply = m_client->send(settings(), questionBody());
        QSignalSpy pieces(reply, &ChatReply::textArrived);
        QSignalSpy finished(reply, &ChatReply::finished);
        QTRY_COMPARE_WITH_TIMEOUT(pieces.count(), 1, 5000);
        reply->stop();
        QCOMPARE(finished.count(), 1); // at once, not when the server is done
        QCOMPARE(reply->outcome(), ChatReply::Outcome::Stopped);
        QCOMPARE(reply->text(), QStringLiteral("One. "));
        QVERIFY(!reply->error());
        QTest::qWait(700);
        QCOMPARE(pieces.count(), 1);
        QCOMPARE(finished.count(), 1);
        // The connection is closed: the server stops generating.
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, 3000);
        delete reply;
    }

    void wholeJsonAnswer()
    {
        ReplyScript script;
        script.kind = ReplyScript::Kind::Whole;
        script.pieces = {QStringLiteral("Not streamed, but fine.")};
        m_server->setScript(script);
        const Run run = ask(settings());
        QCOMPARE(run.outcome, ChatReply::Outcome::Complete);
        QCOMPARE(run.text, QStringLiteral("Not streamed, but fine."));
    }

    void listsModels()
    {
        m_server->setModels({QStringLiteral("video-salmonn"), QStringLiteral("qwen2.5-omni")});
        std::optional<Result<QStringList>> result;
        m_client->fetchModels(settings(), this, [&](Result<QStringList> r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
        QVERIFY2(result->ok(), qPrintable(result->errorString()));
        QCOMPARE(**result,
                 (QStringList{QStringLiteral("video-salmonn"), QStringLiteral("qwen2.5-omni")}));

        LlmSettings s = settings();
        s.apiKey = QStringLiteral("sk-wrong");
        result.reset();
        m_client->fetchModels(s, this, [&](Result<QStringList> r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
        QVERIFY(!result->ok());
        QVERIFY(result->errorString().contains(QLatin1String("API key")));
    }
};

QTEST_GUILESS_MAIN(TestChatClient)
#include "tst_chatclient.moc"
