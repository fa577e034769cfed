// `earmark ask` as a person runs it: the real executable against the loopback server, with a
// sample video; the answer printed as it streams, errors on stderr with exit codes.

#include "support/loopbackchatserver.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using earmark::testing::LoopbackChatServer;
using earmark::testing::ReplyScript;

namespace {

const QString kSample = QStringLiteral(EARMARK_BINARY_DIR
                                       "/share/earmark/samples/test-pattern-bells.mp4");

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestAskCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    LoopbackChatServer *m_server = nullptr;

    // Runs earmark without blocking this thread's event loop, where the server lives.
    Outcome earmark(const QStringList &args, const QString &apiKey = QString())
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("EARMARK_CHAT_API_KEY"), apiKey);
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(EARMARK_EXECUTABLE), args);
        Outcome outcome;
        if (!finished.wait(60000)) {
            process.kill();
            process.waitForFinished();
            outcome.err = QStringLiteral("earmark did not finish");
            return outcome;
        }
        outcome.exitCode = process.exitCode();
        outcome.out = QString::fromUtf8(process.readAllStandardOutput());
        outcome.err = QString::fromUtf8(process.readAllStandardError());
        return outcome;
    }

    QStringList askArgs(const QStringList &extra = {}) const
    {
        return QStringList{QStringLiteral("ask"),
                           QStringLiteral("--endpoint"),
                           m_server->endpoint(),
                           QStringLiteral("--model"),
                           QStringLiteral("video-salmonn")}
               + extra;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFile::exists(kSample), "sample media not built"); }

    void init()
    {
        m_server = new LoopbackChatServer(this);
        QVERIFY(m_server->listen());
    }

    void cleanup() { delete m_server; }

    void printsTheStreamedAnswer()
    {
        ReplyScript script;
        script.pieces = {QStringLiteral("A bell rings "),
                         QStringLiteral("at 0:00, 0:02 "),
                         QStringLiteral("and 0:04.")};
        script.delayMs = 50;
        m_server->setScript(script);
        m_server->setExpectedApiKey(QStringLiteral("sk-cli-key"));
        const Outcome run = earmark(askArgs({kSample, QStringLiteral("When does the bell ring?")}),
                                    QStringLiteral("sk-cli-key"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out, QStringLiteral("A bell rings at 0:00, 0:02 and 0:04.\n"));
        QVERIFY2(!run.err.contains(QLatin1String("sk-cli-key")), qPrintable(run.err));

        QCOMPARE(m_server->requests().size(), 1);
        const auto &request = m_server->requests().first();
        QVERIFY2(request.problems.isEmpty(), qPrintable(request.problems.join(QLatin1Char('\n'))));
        QCOMPARE(request.images.size(), 20); // 10 s at 2 per second
        QCOMPARE(request.images.first().size(), QSize(448, 252));
        QCOMPARE(request.wavs.size(), 1);
        const auto wav = earmark::testing::parseWav(request.wavs.first(), nullptr);
        QVERIFY(wav.has_value());
        QVERIFY2(std::abs(qint64(wav->samples.size()) - 160000) <= 800,
                 qPrintable(QString::number(wav->samples.size())));
        QCOMPARE(request.texts.last(), QStringLiteral("When does the bell ring?"));
    }

    void asksAboutARange()
    {
        const Outcome run = earmark(askArgs({QStringLiteral("--from"),
                                             QStringLiteral("0:02"),
                                             QStringLiteral("--to"),
                                             QStringLiteral("4"),
                                             QStringLiteral("--fps"),
                                             QStringLiteral("1"),
                                             kSample,
                                             QStringLiteral("What is heard?")}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const auto &request = m_server->requests().first();
        QCOMPARE(request.images.size(), 2);
        const auto wav = earmark::testing::parseWav(request.wavs.first(), nullptr);
        QVERIFY(std::abs(qint64(wav->samples.size()) - 32000) <= 16);
        QVERIFY(request.texts.first().contains(QLatin1String("from 0:02 to 0:04")));
    }

    void wrongModelIsAnError()
    {
        QStringList args = askArgs({kSample, QStringLiteral("Hello?")});
        args[4] = QStringLiteral("llava");
        const Outcome run = earmark(args);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.startsWith(QLatin1String("earmark ask: error: ")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("no model named \"llava\"")), qPrintable(run.err));
    }

    void serverNotRunning()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        const Outcome run = earmark({QStringLiteral("ask"),
                                     QStringLiteral("--endpoint"),
                                     QStringLiteral("http://127.0.0.1:%1/v1").arg(port),
                                     kSample,
                                     QStringLiteral("Hello?")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("nothing is listening")), qPrintable(run.err));
    }

    void cutStreamKeepsWhatArrived()
    {
        ReplyScript script;
        script.pieces = {QStringLiteral("Half an "), QStringLiteral("answer")};
        script.cutAfterPieces = 1;
        m_server->setScript(script);
        const Outcome run = earmark(askArgs({kSample, QStringLiteral("Tell me everything.")}));
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, QStringLiteral("Half an \n"));
        QVERIFY2(run.err.contains(QLatin1String("cut off")), qPrintable(run.err));
    }

    void usageErrors()
    {
        Outcome run = earmark(askArgs({kSample}));
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("expected a VIDEO and a QUESTION")));
        run = earmark(askArgs(
            {QStringLiteral("--from"), QStringLiteral("soon"), kSample, QStringLiteral("q")}));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("--from")), qPrintable(run.err));
        run = earmark({QStringLiteral("ask"),
                       QStringLiteral("--endpoint"),
                       QStringLiteral("localhost"),
                       kSample,
                       QStringLiteral("q")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("endpoint")));
        run = earmark({QStringLiteral("ask"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QLatin1String("--endpoint")));
        QVERIFY(run.out.contains(QLatin1String("EARMARK_CHAT_API_KEY")));
        QVERIFY(m_server->requests().isEmpty());
    }

    void talksToTheVideoSalmonnServer()
    {
#ifndef EARMARK_SALMONN_SERVER
        QSKIP("Debian's python3 is not installed");
#else
        // tools/video-salmonn-server with its model-free backend: the server's own parsing of
        // what Earmark sends, and Earmark's reading of what the server streams.
        QProcess server;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
        env.insert(QStringLiteral("VIDEO_SALMONN_API_KEY"), QStringLiteral("sk-python"));
        server.setProcessEnvironment(env);
        server.start(QStringLiteral(EARMARK_SYSTEM_PYTHON3),
                     {QStringLiteral(EARMARK_SALMONN_SERVER),
                      QStringLiteral("--backend"),
                      QStringLiteral("describe"),
                      QStringLiteral("--port"),
                      QStringLiteral("0")});
        QVERIFY(server.waitForStarted(10000));
        QString log;
        QRegularExpressionMatch serving;
        const QRegularExpression re(QStringLiteral("serving video-salmonn at (http://\\S+/v1)"));
        QTRY_VERIFY_WITH_TIMEOUT((log += QString::fromUtf8(server.readAllStandardError()),
                                  serving = re.match(log),
                                  serving.hasMatch()),
                                 20000);
        const Outcome run = earmark({QStringLiteral("ask"),
                                     QStringLiteral("--endpoint"),
                                     serving.captured(1),
                                     QStringLiteral("--model"),
                                     QStringLiteral("video-salmonn"),
                                     kSample,
                                     QStringLiteral("What do you get?")},
                                    QStringLiteral("sk-python"));
        server.kill();
        server.waitForFinished();
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QRegularExpression received(QStringLiteral(
            "^I received 20 frames \\(448x252\\) and 10\\.0\\d s of sound at 16000 Hz"));
        QVERIFY2(received.match(run.out).hasMatch(), qPrintable(run.out));
        QVERIFY(run.out.contains(QLatin1String("Your question: What do you get?")));
#endif
    }

    void missingVideo()
    {
        const Outcome run = earmark(
            askArgs({QStringLiteral("/nonexistent/clip.mp4"), QStringLiteral("q")}));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("/nonexistent/clip.mp4")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestAskCli)
#include "tst_askcli.moc"
