// The chat panel end to end, offscreen, as a person uses it: type a question, see the answer
// stream in, click a time in it and see the player go there, stop an answer, get a failure in
// plain words and retry it, keep what was typed when switching videos, ask about a selection.
// The model is the loopback server; the library, the video, the player and the clip are real.

#include "core/annotation/document.h"
#include "core/storage/chatrepository.h"
#include "core/storage/database.h"
#include "core/storage/videoimport.h"
#include "core/storage/videorepository.h"
#include "support/loopbackchatserver.h"
#include "ui/chat/chatcontext.h"
#include "ui/chat/chatpanel.h"
#include "ui/chat/chatsession.h"
#include "ui/library/librarycontroller.h"
#include "ui/mainwindow.h"
#include "ui/player/playerwidget.h"
#include "ui/preferences/chatpage.h"
#include "ui/shell/actionregistry.h"
#include "ui/timeaxis.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>

using namespace earmark;
using earmark::storage::ChatMessage;
using earmark::testing::LoopbackChatServer;
using earmark::testing::ReplyScript;

namespace {

QString sample(const char *name)
{
    return QStringLiteral(EARMARK_BINARY_DIR "/share/earmark/samples/") + QLatin1String(name);
}

// Where the link to `href` is drawn in the browser's viewport; null when there is none.
QPoint linkPosition(QTextBrowser *view, const QString &href)
{
    QTextDocument *doc = view->document();
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.isValid() && fragment.charFormat().anchorHref() == href) {
                QTextCursor cursor(doc);
                cursor.setPosition(fragment.position() + fragment.length() / 2);
                view->setTextCursor(cursor);
                view->ensureCursorVisible();
                return view->cursorRect(cursor).center();
            }
        }
    }
    return {};
}

bool clickLink(QTextBrowser *view, const QString &href)
{
    const QPoint at = linkPosition(view, href);
    if (at.isNull())
        return false;
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    return true;
}

} // namespace

class TestChatPanel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<storage::Database> m_db;
    annotation::Video m_video;
    annotation::Video m_other;
    // One for the whole test, as in the application (one storage thread).
    std::unique_ptr<ui::LibraryController> m_library;

    QList<ChatMessage> stored() const
    {
        return storage::ChatRepository(m_db).forVideo(m_video.id).valueOr({});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Settings of its own: the GUI tests run in parallel.
        QCoreApplication::setApplicationName(QStringLiteral("tst_chatpanel"));
        QVERIFY2(QFile::exists(sample("test-pattern-bells.mp4")), "sample media not built");
        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("library.sqlite")));
        QVERIFY2(db.ok(), qPrintable(db.errorString()));
        m_db = *db;
        storage::VideoRepository videos(m_db);
        auto video = storage::addMediaFile(videos, sample("test-pattern-bells.mp4"));
        QVERIFY2(video.ok(), qPrintable(video.errorString()));
        m_video = *video;
        auto other = storage::addMediaFile(videos, sample("mandelbrot-chirp.mp4"));
        QVERIFY(other.ok());
        m_other = *other;
        m_library = std::make_unique<ui::LibraryController>(m_db);
    }

    void cleanupTestCase() { m_library.reset(); }

    void askStreamSeekStopRetry()
    {
        LoopbackChatServer server;
        QVERIFY(server.listen());
        ui::PlayerWidget player;
        player.open(m_video.path, m_video.frameRate);
        ui::ChatPanel panel(m_library.get());
        connect(&panel, &ui::ChatPanel::seekRequested, &player, &ui::PlayerWidget::seek);
        llm::LlmSettings settings;
        settings.endpoint = server.endpoint();
        settings.timeoutSeconds = 5;
        panel.setSettings(settings);
        panel.resize(420, 640);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_VERIFY_WITH_TIMEOUT(player.duration() > Time(), 10000);

        panel.setVideo(m_video);
        QTRY_VERIFY_WITH_TIMEOUT(panel.session() && panel.session()->isLoaded(), 5000);
        QVERIFY(!panel.sendButton()->isEnabled()); // nothing typed yet

        // --- ask; the answer streams in ---
        ReplyScript script;
        script.pieces = {QStringLiteral("The first bell rings at 0:00, "),
                         QStringLiteral("the second at 0:02 "),
                         QStringLiteral("and the third at 00:00:04.")};
        script.delayMs = 200;
        server.setScript(script);
        panel.input()->setFocus();
        QTest::keyClicks(panel.input(), QStringLiteral("When do the bells ring?"));
        QVERIFY(panel.sendButton()->isEnabled());
        QTest::keyClick(panel.input(), Qt::Key_Return);
        QVERIFY(panel.input()->toPlainText().isEmpty()); // sent: in the conversation now
        QVERIFY(panel.session()->isBusy());
        QCOMPARE(panel.sendButton()->text(), QStringLiteral("Stop"));
        QVERIFY(
            panel.conversation()->toPlainText().contains(QLatin1String("When do the bells ring?")));
        // Part of the answer is on screen before the rest has arrived.
        QTRY_VERIFY_WITH_TIMEOUT(panel.conversation()->toPlainText().contains(
                                     QLatin1String("first bell")),
                                 10000);
        QVERIFY(panel.session()->isBusy());
        QVERIFY(!panel.conversation()->toPlainText().contains(QLatin1String("third")));
        QTRY_VERIFY_WITH_TIMEOUT(!panel.session()->isBusy(), 10000);
        QCOMPARE(panel.sendButton()->text(), QStringLiteral("Send"));
        QVERIFY(
            panel.conversation()->toPlainText().contains(QLatin1String("the third at 00:00:04.")));
        QCOMPARE(server.requests().size(), 1);
        QVERIFY(server.requests().first().problems.isEmpty());
        QCOMPARE(server.requests().first().images.size(), 20);

        // Both are in the library.
        QTRY_COMPARE_WITH_TIMEOUT(stored().size(), 2, 5000);
        QCOMPARE(stored()[0].content, QStringLiteral("When do the bells ring?"));
        QCOMPARE(stored()[1].status, ChatMessage::Status::Complete);
        QCOMPARE(stored()[1].model, QStringLiteral("video-salmonn"));

        // --- a time in the answer is a link: clicking it moves the player there ---
        QVERIFY2(clickLink(panel.conversation(), QStringLiteral("seek:4000000")),
                 "no link for 00:00:04");
        QTRY_COMPARE_WITH_TIMEOUT(player.position(), Time::fromSeconds(4), 5000);
        QVERIFY(clickLink(panel.conversation(), QStringLiteral("seek:2000000")));
        QTRY_COMPARE_WITH_TIMEOUT(player.position(), Time::fromSeconds(2), 5000);

        const QString shots = QStringLiteral(EARMARK_BINARY_DIR "/screenshots");
        QDir().mkpath(shots);
        QVERIFY(panel.grab().save(shots + QStringLiteral("/chat-panel-answer.png")));

        // --- stop an answer half way ---
        script.pieces = {QStringLiteral("Let me look. "),
                         QStringLiteral("There are "),
                         QStringLiteral("many "),
                         QStringLiteral("more "),
                         QStringLiteral("words.")};
        script.delayMs = 400;
        server.setScript(script);
        QTest::keyClicks(panel.input(), QStringLiteral("Describe everything."));
        QTest::mouseClick(panel.sendButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(panel.conversation()->toPlainText().contains(
                                     QLatin1String("Let me look.")),
                                 10000);
        QTest::mouseClick(panel.sendButton(), Qt::LeftButton); // now "Stop"
        QVERIFY(!panel.session()->isBusy());
        QVERIFY(panel.conversation()->toPlainText().contains(QLatin1String("(stopped)")));
        QTRY_COMPARE_WITH_TIMEOUT(stored().size(), 4, 5000);
        QCOMPARE(stored()[3].status, ChatMessage::Status::Stopped);
        QVERIFY(stored()[3].content.startsWith(QLatin1String("Let me look.")));
        QVERIFY(!stored()[3].content.contains(QLatin1String("words")));

        // --- a failure in plain words, then Retry ---
        ReplyScript failure;
        failure.kind = ReplyScript::Kind::HttpError;
        failure.status = 500;
        failure.errorBody = "{\"error\":{\"message\":\"CUDA out of memory\",\"code\":500}}";
        server.setScript(failure);
        QTest::keyClicks(panel.input(), QStringLiteral("What is said?"));
        QTest::keyClick(panel.input(), Qt::Key_Enter);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.session()->isBusy(), 10000);
        const QString shown = panel.conversation()->toPlainText();
        QVERIFY2(shown.contains(QLatin1String("failed while answering")), qPrintable(shown));
        QVERIFY(shown.contains(QLatin1String("CUDA out of memory")));
        QVERIFY(shown.contains(QLatin1String("What is said?"))); // the question is not lost
        QTRY_COMPARE_WITH_TIMEOUT(stored().size(), 6, 5000);
        QCOMPARE(stored()[5].status, ChatMessage::Status::Error);
        QVERIFY(panel.grab().save(shots + QStringLiteral("/chat-panel-error.png")));

        script.pieces = {QStringLiteral("Nobody speaks; bells ring at 0:00.")};
        script.delayMs = 0;
        server.setScript(script);
        const qint64 failedId = stored()[5].id;
        QTRY_VERIFY_WITH_TIMEOUT(!linkPosition(panel.conversation(),
                                               QStringLiteral("retry:%1").arg(failedId))
                                      .isNull(),
                                 5000);
        QVERIFY(clickLink(panel.conversation(), QStringLiteral("retry:%1").arg(failedId)));
        QTRY_VERIFY_WITH_TIMEOUT(!panel.session()->isBusy(), 10000);
        QVERIFY(panel.conversation()->toPlainText().contains(QLatin1String("Nobody speaks")));
        QVERIFY(!panel.conversation()->toPlainText().contains(QLatin1String("CUDA")));
        // The failed answer was replaced; the question was asked once.
        QTRY_VERIFY_WITH_TIMEOUT(stored().size() == 6
                                     && stored()[5].status == ChatMessage::Status::Complete,
                                 5000);
        QCOMPARE(stored()[4].content, QStringLiteral("What is said?"));
        QCOMPARE(server.requests().last().texts.last(), QStringLiteral("What is said?"));
        // Earlier complete turns went with it as context; the stopped one did not.
        const QJsonArray messages
            = server.requests().last().json.value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.size(), 4); // system, first question, its answer, the question
        QCOMPARE(messages[1][QLatin1String("content")].toString(),
                 QStringLiteral("When do the bells ring?"));

        // --- Escape stops too ---
        script.pieces = {QStringLiteral("Slowly "), QStringLiteral("slowly.")};
        script.delayMs = 1000;
        server.setScript(script);
        QTest::keyClicks(panel.input(), QStringLiteral("Again?"));
        QTest::keyClick(panel.input(), Qt::Key_Return);
        QVERIFY(panel.session()->isBusy());
        QTest::keyClick(panel.input(), Qt::Key_Escape);
        QVERIFY(!panel.session()->isBusy());
    }

    void serverNotRunningKeepsTheQuestion()
    {
        ui::ChatPanel panel(m_library.get());
        llm::LlmSettings settings;
        settings.endpoint = QStringLiteral("http://127.0.0.1:9/v1"); // discard port: nothing
        panel.setSettings(settings);
        panel.show();
        panel.setVideo(m_other);
        QTRY_VERIFY_WITH_TIMEOUT(panel.session()->isLoaded(), 5000);
        QTest::keyClicks(panel.input(), QStringLiteral("Is anyone there?"));
        QTest::keyClick(panel.input(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.session()->isBusy(), 15000);
        const QString shown = panel.conversation()->toPlainText();
        QVERIFY2(shown.contains(QLatin1String("Cannot reach the chat server")), qPrintable(shown));
        QVERIFY(shown.contains(QLatin1String("Is anyone there?")));
        QVERIFY(!linkPosition(panel.conversation(), QStringLiteral("settings:")).isNull());
        QSignalSpy settingsWanted(&panel, &ui::ChatPanel::settingsRequested);
        QVERIFY(clickLink(panel.conversation(), QStringLiteral("settings:")));
        QCOMPARE(settingsWanted.count(), 1);
    }

    void draftsStayPerVideo()
    {
        ui::ChatPanel panel(m_library.get());
        panel.show();
        panel.setVideo(m_video);
        QTest::keyClicks(panel.input(), QStringLiteral("Half a thought"));
        panel.setVideo(m_other);
        QVERIFY(panel.input()->toPlainText().isEmpty());
        QTest::keyClicks(panel.input(), QStringLiteral("Other"));
        panel.setVideo(m_video);
        QCOMPARE(panel.input()->toPlainText(), QStringLiteral("Half a thought"));
        panel.setVideo(m_other);
        QCOMPARE(panel.input()->toPlainText(), QStringLiteral("Other"));
        panel.setVideo(std::nullopt);
        QVERIFY(!panel.input()->isEnabled());
    }

    void asksAboutTheSelection()
    {
        LoopbackChatServer server;
        QVERIFY(server.listen());
        ui::ChatPanel panel(m_library.get());
        llm::LlmSettings settings;
        settings.endpoint = server.endpoint();
        panel.setSettings(settings);
        panel.show();
        panel.setVideo(m_other);
        QTRY_VERIFY_WITH_TIMEOUT(panel.session()->isLoaded(), 5000);
        auto *scope = panel.findChild<QComboBox *>(QStringLiteral("chatScope"));
        QVERIFY(scope);
        QCOMPARE(scope->count(), 1); // the whole video only
        panel.setSelection(std::make_pair(Time::fromSeconds(1), Time::fromSeconds(3)));
        panel.setVisibleRange(std::make_pair(Time::fromSeconds(0), Time::fromSeconds(5)));
        QCOMPARE(scope->count(), 3);
        panel.setScope(ui::ChatPanel::Scope::Selection);
        QVERIFY(scope->currentText().contains(QStringLiteral("0:01–0:03")));
        QTest::keyClicks(panel.input(), QStringLiteral("What happens here?"));
        QTest::keyClick(panel.input(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.session()->isBusy(), 10000);
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(server.requests().first().images.size(), 4);
        QVERIFY(
            server.requests().first().texts.first().contains(QLatin1String("from 0:01 to 0:03")));
        QVERIFY(panel.conversation()->toPlainText().contains(QStringLiteral("about 0:01–0:03")));
        const auto messages = storage::ChatRepository(m_db).forVideo(m_other.id).valueOr({});
        QVERIFY(!messages.isEmpty());
        QCOMPARE(messages.last().range,
                 (ChatMessage::Range{Time::fromSeconds(1), Time::fromSeconds(3)}));
    }

    void preferencesKeepTheKeyOutOfTheLibraryAndTheLog()
    {
        LoopbackChatServer server;
        QVERIFY(server.listen());
        const QString key = QStringLiteral("sk-secret-4242");
        server.setExpectedApiKey(key);
        server.setModels({QStringLiteral("video-salmonn"), QStringLiteral("qwen2.5-omni")});

        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("earmark.conf")), QSettings::IniFormat);
        ui::ChatPreferencesPage page(&settings);
        page.load();
        QCOMPARE(page.endpointEdit()->text(), QStringLiteral("http://127.0.0.1:8000/v1"));
        QCOMPARE(page.apiKeyEdit()->echoMode(), QLineEdit::Password);

        // A wrong endpoint is refused with the field named; nothing is stored.
        page.endpointEdit()->setText(QStringLiteral("127.0.0.1:8000"));
        const Status refused = page.apply();
        QVERIFY(!refused.ok());
        QVERIFY(refused.errorString().startsWith(QLatin1String("endpoint:")));
        QVERIFY(!settings.contains(QStringLiteral("chat/endpoint")));

        // Test Connection lists the server's models.
        page.endpointEdit()->setText(server.endpoint());
        page.apiKeyEdit()->setText(key);
        page.modelBox()->setCurrentText(QStringLiteral("qwen2.5-omni"));
        QTest::mouseClick(page.testButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(page.testResult()->text().startsWith(QLatin1String("Connected")),
                                 5000);
        QCOMPARE(page.modelBox()->count(), 2);
        QCOMPARE(page.modelBox()->currentText(), QStringLiteral("qwen2.5-omni"));
        page.modelBox()->setCurrentText(QStringLiteral("video-salmonn"));

        QSignalSpy applied(&page, &ui::ChatPreferencesPage::settingsApplied);
        QVERIFY(page.apply().ok());
        QCOMPARE(applied.count(), 1);
        settings.sync();
        const llm::LlmSettings stored = llm::loadLlmSettings(settings);
        QCOMPARE(stored.endpoint, server.endpoint());
        QCOMPARE(stored.apiKey, key);

        // A question with that key: the key goes in the header only.
        QStringList log;
        static QStringList *sink = nullptr;
        sink = &log;
        const QtMessageHandler previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext &, const QString &message) {
                sink->append(message);
            });
        ui::ChatPanel panel(m_library.get());
        connect(&panel, &ui::ChatPanel::errorOccurred, this, [&log](const QString &m) {
            log.append(m);
        });
        panel.setSettings(stored);
        panel.show();
        panel.setVideo(m_video);
        QTRY_VERIFY_WITH_TIMEOUT(panel.session()->isLoaded(), 5000);
        QTest::keyClicks(panel.input(), QStringLiteral("Who holds the key?"));
        QTest::keyClick(panel.input(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.session()->isBusy(), 10000);
        llm::LlmSettings wrong = stored;
        wrong.apiKey = QStringLiteral("sk-wrong-777");
        panel.setSettings(wrong);
        QTest::keyClicks(panel.input(), QStringLiteral("And now?"));
        QTest::keyClick(panel.input(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.session()->isBusy(), 10000);
        QTest::qWait(300); // stored
        qInstallMessageHandler(previous);
        QCOMPARE(server.requests().last().headers.value("authorization"),
                 QByteArray("Bearer sk-wrong-777"));
        QVERIFY(panel.conversation()->toPlainText().contains(QLatin1String("API key")));
        QVERIFY(!panel.conversation()->toPlainText().contains(QLatin1String("sk-wrong-777")));
        for (const QString &line : std::as_const(log))
            QVERIFY2(!line.contains(key) && !line.contains(QLatin1String("sk-wrong-777")),
                     qPrintable(line));
        // Not in the library file (nor its write-ahead log).
        QByteArray bytes;
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            QFile library(m_db->filePath() + suffix);
            if (library.open(QIODevice::ReadOnly))
                bytes += library.readAll();
        }
        QVERIFY(bytes.contains("Who holds the key?")); // the conversation is there
        QVERIFY(!bytes.contains(key.toUtf8()));
        QVERIFY(!bytes.contains("sk-wrong-777"));
    }

    void mainWindowChat()
    {
        LoopbackChatServer server;
        QVERIFY(server.listen());
        ReplyScript script;
        script.pieces = {QStringLiteral("The picture changes at 0:07.")};
        server.setScript(script);

        ui::MainWindow window(m_library.get());
        window.resize(1400, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::ChatPanel *panel = window.chatPanel();
        QVERIFY(panel);
        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("chatDock"));
        QVERIFY(dock && dock->widget() == panel);
        // The dock can be shown from View, the chat reached by its shortcut, Preferences from File.
        QAction *ask = window.actions()->action(QStringLiteral("chat.ask"));
        QVERIFY(ask);
        QCOMPARE(ask->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
        QVERIFY(window.actions()->action(QStringLiteral("app.preferences")));
        bool inView = false;
        bool inFile = false;
        for (QAction *entry : window.menuBar()->actions()) {
            if (entry->menu() && entry->menu()->actions().contains(dock->toggleViewAction()))
                inView = true;
            if (entry->menu()
                && entry->menu()->actions().contains(
                    window.actions()->action(QStringLiteral("app.preferences"))))
                inFile = true;
        }
        QVERIFY(inView && inFile);
        dock->hide();
        ask->trigger();
        QVERIFY(dock->isVisible());

        llm::LlmSettings settings = panel->settings();
        settings.endpoint = server.endpoint();
        settings.model = QStringLiteral("video-salmonn");
        panel->setSettings(settings);

        // Opening a video gives the chat that video.
        window.openVideo(m_other);
        QTRY_VERIFY_WITH_TIMEOUT(panel->session() && panel->session()->isLoaded(), 5000);
        QCOMPARE(panel->video()->id, m_other.id);
        QTRY_VERIFY_WITH_TIMEOUT(window.player()->duration() > Time(), 10000);

        // Zoomed in, the part in view can be asked about.
        window.timeAxis()->setVisibleRange(Time::fromSeconds(2), Time::fromSeconds(6));
        auto *scope = panel->findChild<QComboBox *>(QStringLiteral("chatScope"));
        QVERIFY2(scope->count() >= 2, "the part in view is not offered");
        panel->setScope(ui::ChatPanel::Scope::VisiblePart);
        QTest::keyClicks(panel->input(), QStringLiteral("When does the picture change?"));
        QTest::keyClick(panel->input(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->session()->isBusy(), 10000);
        QVERIFY(
            server.requests().last().texts.first().contains(QLatin1String("from 0:02 to 0:06")));

        // A time in the answer moves the window's player.
        QVERIFY(clickLink(panel->conversation(), QStringLiteral("seek:7000000")));
        QTRY_COMPARE_WITH_TIMEOUT(window.player()->position(), Time::fromSeconds(7), 5000);

        const QString shots = QStringLiteral(EARMARK_BINARY_DIR "/screenshots");
        QDir().mkpath(shots);
        QVERIFY(window.grab().save(shots + QStringLiteral("/mainwindow-chat.png")));
        window.close();
    }

    void annotationsBecomeContext()
    {
        annotation::DocumentSnapshot snapshot;
        snapshot.video = m_video;
        snapshot.labelSets = annotation::builtinLabelSets();
        annotation::Track track;
        track.id = 10;
        track.videoId = m_video.id;
        track.name = QStringLiteral("LLP");
        track.labelSetId = annotation::kLlpLabelSetId;
        snapshot.tracks = {track};
        const annotation::LabelSet llp = annotation::LabelSet::llp();
        auto segment = [&](qint64 id,
                           const char *label,
                           double from,
                           double to,
                           annotation::Modality modality,
                           annotation::SegmentStatus status) {
            annotation::Segment s;
            s.id = id;
            s.videoId = m_video.id;
            s.trackId = track.id;
            s.classIndex = llp.indexOf(QString::fromLatin1(label));
            s.onset = Time::fromSeconds(from);
            s.offset = Time::fromSeconds(to);
            s.modality = modality;
            s.status = status;
            return s;
        };
        snapshot.segments = {
            segment(11,
                    "Dog",
                    1,
                    3,
                    annotation::Modality::AudioVisual,
                    annotation::SegmentStatus::Accepted),
            segment(12,
                    "Speech",
                    4,
                    5,
                    annotation::Modality::Audio,
                    annotation::SegmentStatus::Proposed),
            segment(13,
                    "Cat",
                    6,
                    7,
                    annotation::Modality::Visual,
                    annotation::SegmentStatus::Rejected),
        };
        annotation::AnnotationDocument document(snapshot);
        const QList<llm::ContextAnnotation> context = ui::chatContext(&document);
        QCOMPARE(context.size(), 2); // the rejected proposal is not given
        QCOMPARE(context[0].label, QStringLiteral("Dog"));
        QCOMPARE(context[0].start, Time::fromSeconds(1));
        QCOMPARE(context[0].track, QStringLiteral("LLP, heard and seen"));
        QCOMPARE(context[0].source, QStringLiteral("confirmed by a person"));
        QCOMPARE(context[1].label, QStringLiteral("Speech"));
        QCOMPARE(context[1].track, QStringLiteral("LLP, heard"));
        QVERIFY(context[1].source.contains(QLatin1String("proposed")));
        QVERIFY(ui::chatContext(nullptr).isEmpty());

        // The panel sends them with the question.
        LoopbackChatServer server;
        QVERIFY(server.listen());
        ui::ChatPanel panel(m_library.get());
        llm::LlmSettings settings;
        settings.endpoint = server.endpoint();
        settings.sendFrames = false;
        panel.setSettings(settings);
        panel.setAnnotationSource([&document] { return ui::chatContext(&document); });
        panel.show();
        panel.setVideo(m_video);
        QTRY_VERIFY_WITH_TIMEOUT(panel.session()->isLoaded(), 5000);
        QTest::keyClicks(panel.input(), QStringLiteral("Is the dog label right?"));
        QTest::keyClick(panel.input(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.session()->isBusy(), 10000);
        const QString system = server.requests()
                                   .first()
                                   .json.value(QLatin1String("messages"))
                                   .toArray()
                                   .first()[QLatin1String("content")]
                                   .toString();
        QVERIFY2(system.contains(
                     QLatin1String("- 1.00-3.00 Dog; LLP, heard and seen; confirmed by a person")),
                 qPrintable(system));
    }
};

QTEST_MAIN(TestChatPanel)
#include "tst_chatpanel.moc"
