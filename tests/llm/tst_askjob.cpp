// A question from the video's media to the streamed answer. The test video is made with FFmpeg
// so its content is known: eight colours, half a second each, and a 440 Hz tone that becomes
// 1000 Hz at 2 s. The loopback server decodes the JPEG frames and the WAV it receives; they must
// be those colours at those times, and that sound, exactly the range asked about.

#include "inference/llm/askjob.h"
#include "inference/llm/chatclient.h"
#include "support/loopbackchatserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace earmark;
using namespace earmark::llm;
using earmark::testing::LoopbackChatServer;
using earmark::testing::ReplyScript;

namespace {

// The colour shown in [k/2, (k+1)/2) s.
const QList<QRgb> kColours
    = {0xff0000, 0x00ff00, 0x0000ff, 0xffffff, 0xffff00, 0x00ffff, 0xff00ff, 0x000000};

QRgb meanColour(const QImage &image)
{
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    qint64 r = 0, g = 0, b = 0, n = 0;
    for (int y = img.height() / 4; y < img.height() * 3 / 4; ++y) {
        for (int x = img.width() / 4; x < img.width() * 3 / 4; ++x) {
            const QRgb p = img.pixel(x, y);
            r += qRed(p);
            g += qGreen(p);
            b += qBlue(p);
            ++n;
        }
    }
    return qRgb(int(r / n), int(g / n), int(b / n));
}

bool near(QRgb a, QRgb b, int tolerance = 24)
{
    return std::abs(qRed(a) - qRed(b)) <= tolerance && std::abs(qGreen(a) - qGreen(b)) <= tolerance
           && std::abs(qBlue(a) - qBlue(b)) <= tolerance;
}

// Zero crossings per second of samples [from, to) of a 16 kHz signal: twice its frequency.
double crossingsPerSecond(const std::vector<float> &s, qint64 from, qint64 to)
{
    int crossings = 0;
    for (qint64 i = from + 1; i < to; ++i) {
        if ((s[i - 1] < 0) != (s[i] < 0))
            ++crossings;
    }
    return crossings / (double(to - from) / 16000.0);
}

} // namespace

class TestAskJob : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_video;
    LoopbackChatServer *m_server = nullptr;
    ChatClient *m_client = nullptr;

    AskInput input(const QString &question = QStringLiteral("What colours are shown?")) const
    {
        AskInput in;
        in.source.path = m_video;
        in.question = question;
        in.context.videoTitle = QStringLiteral("colours.mp4");
        in.context.videoDuration = Time::fromSeconds(4);
        in.settings.endpoint = m_server->endpoint();
        in.settings.frameMaxSide = 128;
        in.settings.timeoutSeconds = 10;
        return in;
    }

    // Runs a job to its end; returns it (owned by the caller).
    std::unique_ptr<AskJob> run(AskInput in, std::shared_ptr<ClipCache> cache = {})
    {
        auto job = std::make_unique<AskJob>(m_client, std::move(in), std::move(cache));
        QSignalSpy finished(job.get(), &AskJob::finished);
        job->start();
        if (!finished.isEmpty())
            QTest::qFail("finished() came from within start()", __FILE__, __LINE__);
        else if (!finished.wait(30000))
            QTest::qFail("the job did not finish", __FILE__, __LINE__);
        return job;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_video = m_dir.filePath(QStringLiteral("colours.mp4"));
        QString graph;
        QString inputs;
        for (int k = 0; k < kColours.size(); ++k) {
            graph += QStringLiteral("color=c=0x%1:s=320x240:r=25:d=0.5[c%2];")
                         .arg(kColours[k] & 0xffffff, 6, 16, QLatin1Char('0'))
                         .arg(k);
            inputs += QStringLiteral("[c%1]").arg(k);
        }
        graph += inputs
                 + QStringLiteral("concat=n=8:v=1:a=0,format=yuv420p[v];"
                                  "aevalsrc='0.5*sin(2*PI*if(lt(t,2),440,1000)*t)':"
                                  "s=44100:c=stereo:d=4[a]");
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"),
                     {QStringLiteral("-nostdin"),
                      QStringLiteral("-v"),
                      QStringLiteral("error"),
                      QStringLiteral("-y"),
                      QStringLiteral("-filter_complex"),
                      graph,
                      QStringLiteral("-map"),
                      QStringLiteral("[v]"),
                      QStringLiteral("-map"),
                      QStringLiteral("[a]"),
                      QStringLiteral("-c:v"),
                      QStringLiteral("libx264"),
                      QStringLiteral("-g"),
                      QStringLiteral("25"),
                      QStringLiteral("-c:a"),
                      QStringLiteral("aac"),
                      QStringLiteral("-b:a"),
                      QStringLiteral("128k"),
                      m_video});
        QVERIFY(ffmpeg.waitForFinished(60000));
        QVERIFY2(ffmpeg.exitCode() == 0, ffmpeg.readAllStandardError().constData());
    }

    void init()
    {
        m_server = new LoopbackChatServer(this);
        QVERIFY(m_server->listen());
        m_client = new ChatClient(this);
    }

    void cleanup()
    {
        delete m_client;
        delete m_server;
    }

    void wholeVideoReachesTheServerExactly()
    {
        ReplyScript script;
        script.pieces = {QStringLiteral("Red at 0:00, "), QStringLiteral("black at 0:03.")};
        m_server->setScript(script);

        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start(10);
        QStringList stages;
        auto job = std::make_unique<AskJob>(m_client, input());
        connect(job.get(), &AskJob::progress, this, [&](double, const QString &stage) {
            if (stages.isEmpty() || stages.last() != stage)
                stages.append(stage);
        });
        QSignalSpy finished(job.get(), &AskJob::finished);
        QElapsedTimer clock;
        clock.start();
        job->start();
        QVERIFY(finished.wait(30000));
        ticker.stop();

        QCOMPARE(job->outcome(), AskJob::Outcome::Complete);
        QCOMPARE(job->text(), QStringLiteral("Red at 0:00, black at 0:03."));
        // The event loop kept running while the clip was prepared and the answer streamed.
        QVERIFY2(ticks >= clock.elapsed() / 10 / 3,
                 qPrintable(QStringLiteral("%1 ticks in %2 ms").arg(ticks).arg(clock.elapsed())));
        QVERIFY2(!stages.isEmpty(), "no progress reported");

        QCOMPARE(m_server->requests().size(), 1);
        const auto &request = m_server->requests().first();
        QVERIFY2(request.problems.isEmpty(), qPrintable(request.problems.join(QLatin1Char('\n'))));

        // Description, 8 frames, the sound, the question - in that order.
        QCOMPARE(request.partOrder, (QList<int>{0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 0}));
        QVERIFY2(request.texts.first().contains(QLatin1String("8 frames")),
                 qPrintable(request.texts.first()));
        QVERIFY(request.texts.first().contains(QLatin1String("first at 0:00.25")));
        QCOMPARE(request.texts.last(), QStringLiteral("What colours are shown?"));

        // 2 frames per second at the middle of each half second: one per colour, in order,
        // scaled so the longer side is 128.
        QCOMPARE(request.images.size(), 8);
        for (int k = 0; k < 8; ++k) {
            const QImage &image = request.images[k];
            QCOMPARE(image.size(), QSize(128, 96));
            const QRgb mean = meanColour(image);
            QVERIFY2(near(mean, kColours[k]),
                     qPrintable(QStringLiteral("frame %1 is #%2, expected #%3")
                                    .arg(k)
                                    .arg(mean & 0xffffff, 6, 16, QLatin1Char('0'))
                                    .arg(kColours[k] & 0xffffff, 6, 16, QLatin1Char('0'))));
        }

        // One WAV: 16 kHz mono 16-bit, 4 s, 440 Hz then 1000 Hz.
        QCOMPARE(request.wavs.size(), 1);
        QString why;
        const auto wav = testing::parseWav(request.wavs.first(), &why);
        QVERIFY2(wav.has_value(), qPrintable(why));
        QCOMPARE(wav->sampleRate, 16000);
        QCOMPARE(wav->channels, 1);
        QCOMPARE(wav->bitsPerSample, 16);
        // AAC pads the sound to whole frames: the file (and its sound) lasts up to 4.02 s.
        QVERIFY2(wav->samples.size() >= 64000 && wav->samples.size() <= 64400,
                 qPrintable(QStringLiteral("%1 samples").arg(wav->samples.size())));
        const double low = crossingsPerSecond(wav->samples, 3200, 28800);
        const double high = crossingsPerSecond(wav->samples, 35200, 60800);
        QVERIFY2(std::abs(low - 880) < 20, qPrintable(QString::number(low)));
        QVERIFY2(std::abs(high - 2000) < 40, qPrintable(QString::number(high)));

        // The system message sets the task and the time format.
        const QJsonArray messages = request.json.value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.first()[QLatin1String("role")].toString(), QStringLiteral("system"));
        QVERIFY(
            messages.first()[QLatin1String("content")].toString().contains(QLatin1String("m:ss")));
    }

    void selectionSendsOnlyItsRange()
    {
        AskInput in = input(QStringLiteral("And here?"));
        in.range = ClipRange{Time::fromSeconds(1), Time::fromSeconds(3)};
        in.history = {{ChatTurn::Role::User, QStringLiteral("What colours are shown?")},
                      {ChatTurn::Role::Assistant, QStringLiteral("Eight of them.")}};
        in.context.range = std::make_pair(Time::fromSeconds(1), Time::fromSeconds(3));
        in.context.annotations
            = {{Time::fromSeconds(0.1), Time::fromSeconds(0.4), QStringLiteral("Red flash"), {}, {}},
               {Time::fromSeconds(2.0),
                Time::fromSeconds(2.5),
                QStringLiteral("Tone change"),
                QStringLiteral("audio"),
                {}}};
        const auto job = run(in);
        QCOMPARE(job->outcome(), AskJob::Outcome::Complete);
        const auto &request = m_server->requests().first();
        QVERIFY2(request.problems.isEmpty(), qPrintable(request.problems.join(QLatin1Char('\n'))));

        QCOMPARE(request.images.size(), 4); // 1.25, 1.75, 2.25, 2.75 s
        for (int k = 0; k < 4; ++k)
            QVERIFY2(near(meanColour(request.images[k]), kColours[k + 2]),
                     qPrintable(QString::number(k)));
        QVERIFY(request.texts.first().contains(QLatin1String("from 0:01 to 0:03")));

        const auto wav = testing::parseWav(request.wavs.first(), nullptr);
        QVERIFY(wav.has_value());
        QVERIFY2(std::abs(qint64(wav->samples.size()) - 32000) <= 16,
                 qPrintable(QStringLiteral("%1 samples").arg(wav->samples.size())));
        // 1-2 s of the video: 440 Hz; 2-3 s: 1000 Hz.
        QVERIFY(std::abs(crossingsPerSecond(wav->samples, 1600, 14400) - 880) < 20);
        QVERIFY(std::abs(crossingsPerSecond(wav->samples, 17600, 30400) - 2000) < 40);

        const QJsonArray messages = request.json.value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.size(), 4); // system, question, answer, new question
        const QString system = messages[0][QLatin1String("content")].toString();
        QVERIFY(system.contains(QLatin1String("Tone change")));
        QVERIFY(!system.contains(QLatin1String("Red flash"))); // outside the selection
        QCOMPARE(messages[2][QLatin1String("content")].toString(), QStringLiteral("Eight of them."));
    }

    void longClipsGetAtMostMaxFrames()
    {
        AskInput in = input();
        in.settings.framesPerSecond = 10;
        in.settings.maxFrames = 8;
        in.settings.sendAudio = false;
        const auto job = run(in);
        QCOMPARE(job->outcome(), AskJob::Outcome::Complete);
        const auto &request = m_server->requests().first();
        QCOMPARE(request.images.size(), 8);
        QVERIFY(request.wavs.isEmpty());
        for (int k = 0; k < 8; ++k)
            QVERIFY(near(meanColour(request.images[k]), kColours[k]));
        QVERIFY(request.texts.first().contains(QLatin1String("No sound")));
    }

    void soundOnly()
    {
        AskInput in = input();
        in.settings.sendFrames = false;
        const auto job = run(in);
        QCOMPARE(job->outcome(), AskJob::Outcome::Complete);
        const auto &request = m_server->requests().first();
        QCOMPARE(request.partOrder, (QList<int>{0, 2, 0}));
    }

    void tooLongForTheChat()
    {
        AskInput in = input();
        in.settings.maxClipSeconds = 2;
        const auto job = run(in);
        QCOMPARE(job->outcome(), AskJob::Outcome::Failed);
        QCOMPARE(job->error()->kind, ChatError::Kind::Media);
        QVERIFY2(job->error()->message.contains(QLatin1String("Select a part")),
                 qPrintable(job->error()->message));
        QVERIFY(m_server->requests().isEmpty());
    }

    void missingFile()
    {
        AskInput in = input();
        in.source.path = m_dir.filePath(QStringLiteral("gone.mp4"));
        const auto job = run(in);
        QCOMPARE(job->outcome(), AskJob::Outcome::Failed);
        QVERIFY(job->error()->message.contains(QLatin1String("gone.mp4")));
        QVERIFY(job->error()->message.contains(QLatin1String("missing")));
    }

    void invalidSettingsSayWhichField()
    {
        AskInput in = input();
        in.settings.model.clear();
        const auto job = run(in);
        QCOMPARE(job->outcome(), AskJob::Outcome::Failed);
        QCOMPARE(job->error()->kind, ChatError::Kind::Settings);
        QVERIFY(job->error()->message.contains(QLatin1String("model:")));
    }

    void stopWhilePreparing()
    {
        auto job = std::make_unique<AskJob>(m_client, input());
        QSignalSpy finished(job.get(), &AskJob::finished);
        job->start();
        QCOMPARE(job->stage(), AskJob::Stage::Preparing);
        job->stop();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(job->outcome(), AskJob::Outcome::Stopped);
        QTest::qWait(1500); // the worker notices and sends nothing
        QVERIFY(m_server->requests().isEmpty());
        QCOMPARE(finished.count(), 1);
    }

    void followUpUsesThePreparedClip()
    {
        auto cache = std::make_shared<ClipCache>();
        auto first = run(input(), cache);
        QCOMPARE(first->outcome(), AskJob::Outcome::Complete);
        QVERIFY(cache->find(ClipCache::keyFor(input().source, std::nullopt, input().settings)));
        auto second = run(input(QStringLiteral("Anything else?")), cache);
        QCOMPARE(second->outcome(), AskJob::Outcome::Complete);
        QCOMPARE(m_server->requests().size(), 2);
        // The same media, the new question.
        QCOMPARE(m_server->requests()[1].wavs, m_server->requests()[0].wavs);
        QCOMPARE(m_server->requests()[1].texts.last(), QStringLiteral("Anything else?"));
    }
};

QTEST_GUILESS_MAIN(TestAskJob)
#include "tst_askjob.moc"
