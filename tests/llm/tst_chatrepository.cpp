// The chat history in a real SQLite library file: stored in order, read back after reopening,
// kept per video, removed with the video, and refused when it cannot be stored whole.

#include "core/storage/chatrepository.h"
#include "core/storage/database.h"
#include "core/storage/videorepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace earmark;
using storage::ChatMessage;

namespace {

annotation::Video makeVideo(const QString &path)
{
    annotation::Video v;
    v.path = path;
    v.duration = Time::fromSeconds(60);
    v.hasAudio = v.hasVideo = true;
    return v;
}

} // namespace

class TestChatRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storesAndReadsBackAConversation()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("library.sqlite"));
        annotation::VideoId first = 0;
        annotation::VideoId second = 0;
        {
            auto db = storage::Database::open(file);
            QVERIFY2(db.ok(), qPrintable(db.errorString()));
            storage::VideoRepository videos(*db);
            first = videos.add(makeVideo(dir.filePath(QStringLiteral("a.mp4"))))->id;
            second = videos.add(makeVideo(dir.filePath(QStringLiteral("b.mp4"))))->id;

            storage::ChatRepository chat(*db);
            ChatMessage question;
            question.videoId = first;
            question.content = QStringLiteral("When does the dog bark?");
            question.range = ChatMessage::Range{Time::fromSeconds(10), Time::fromSeconds(20)};
            auto stored = chat.add(question);
            QVERIFY2(stored.ok(), qPrintable(stored.errorString()));
            QVERIFY(stored->id > 0);
            QVERIFY(stored->created.isValid());

            ChatMessage answer;
            answer.videoId = first;
            answer.role = ChatMessage::Role::Assistant;
            answer.content = QStringLiteral("At 0:12 and 0:17.");
            answer.model = QStringLiteral("video-salmonn");
            answer.range = question.range;
            QVERIFY(chat.add(answer).ok());

            ChatMessage failed;
            failed.videoId = first;
            failed.role = ChatMessage::Role::Assistant;
            failed.content = QStringLiteral("Partly");
            failed.status = ChatMessage::Status::Error;
            failed.error = QStringLiteral("The answer was cut off.");
            QVERIFY(chat.add(failed).ok());

            // An answer that failed before any text arrived.
            ChatMessage nothing;
            nothing.videoId = first;
            nothing.role = ChatMessage::Role::Assistant;
            nothing.status = ChatMessage::Status::Error;
            nothing.error = QStringLiteral("Cannot reach the chat server.");
            QVERIFY2(chat.add(nothing).ok(), "an empty answer is stored");

            ChatMessage other;
            other.videoId = second;
            other.content = QStringLiteral("What is said?");
            QVERIFY(chat.add(other).ok());
        }

        // Reopened: everything is there, in order, per video.
        auto db = storage::Database::open(file);
        QVERIFY(db.ok());
        storage::ChatRepository chat(*db);
        auto list = chat.forVideo(first);
        QVERIFY2(list.ok(), qPrintable(list.errorString()));
        QCOMPARE(list->size(), 4);
        QCOMPARE(list->at(0).role, ChatMessage::Role::User);
        QCOMPARE(list->at(0).content, QStringLiteral("When does the dog bark?"));
        QCOMPARE(list->at(0).range,
                 (ChatMessage::Range{Time::fromSeconds(10), Time::fromSeconds(20)}));
        QCOMPARE(list->at(1).role, ChatMessage::Role::Assistant);
        QCOMPARE(list->at(1).model, QStringLiteral("video-salmonn"));
        QCOMPARE(list->at(1).status, ChatMessage::Status::Complete);
        QCOMPARE(list->at(2).status, ChatMessage::Status::Error);
        QCOMPARE(list->at(2).error, QStringLiteral("The answer was cut off."));
        QVERIFY(!list->at(2).range.has_value());
        QVERIFY(list->at(3).content.isEmpty());
        QCOMPARE(list->at(3).error, QStringLiteral("Cannot reach the chat server."));
        QCOMPARE(chat.forVideo(second)->size(), 1);

        // Asking again replaces a failed answer.
        QVERIFY(chat.remove(list->at(2).id).ok());
        QCOMPARE(chat.forVideo(first)->size(), 3);
        QVERIFY(!chat.byId(list->at(2).id)->has_value());

        // Clearing one conversation leaves the other.
        QVERIFY(chat.clear(first).ok());
        QCOMPARE(chat.forVideo(first)->size(), 0);
        QCOMPARE(chat.forVideo(second)->size(), 1);

        // Removing a video removes its conversation.
        QVERIFY(storage::VideoRepository(*db).remove(second).ok());
        QCOMPARE(chat.forVideo(second)->size(), 0);
    }

    void refusesWhatCannotBeStored()
    {
        QTemporaryDir dir;
        auto db = storage::Database::open(dir.filePath(QStringLiteral("library.sqlite")));
        QVERIFY(db.ok());
        const auto video = storage::VideoRepository(*db).add(
            makeVideo(dir.filePath(QStringLiteral("a.mp4"))));
        storage::ChatRepository chat(*db);

        ChatMessage empty;
        empty.videoId = video->id;
        empty.content = QStringLiteral("   ");
        QVERIFY(!chat.add(empty).ok());

        ChatMessage orphan;
        orphan.videoId = video->id + 100;
        orphan.content = QStringLiteral("Anyone?");
        const auto refused = chat.add(orphan);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorString().contains(QLatin1String("no longer in the library")),
                 qPrintable(refused.errorString()));

        ChatMessage backwards;
        backwards.videoId = video->id;
        backwards.content = QStringLiteral("About nothing");
        backwards.range = ChatMessage::Range{Time::fromSeconds(5), Time::fromSeconds(5)};
        QVERIFY(!chat.add(backwards).ok());

        QCOMPARE(chat.forVideo(video->id)->size(), 0); // nothing half-written
    }
};

QTEST_GUILESS_MAIN(TestChatRepository)
#include "tst_chatrepository.moc"
