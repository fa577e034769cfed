#pragma once

#include "core/annotation/video.h"
#include "core/base/result.h"
#include "core/base/time.h"
#include "core/storage/database.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace earmark::storage {

using ChatMessageId = qint64;

// One message of the conversation about a video (table chat_messages, schema 2).
struct ChatMessage
{
    enum class Role { User, Assistant };
    // How an answer ended. Questions are always Complete.
    enum class Status { Complete, Stopped, Error };

    // The part of the video a question was about; absent: the whole video.
    struct Range
    {
        Time start;
        Time end;
        bool operator==(const Range &) const = default;
    };

    ChatMessageId id = 0; // 0 until stored
    annotation::VideoId videoId = 0;
    Role role = Role::User;
    QString content;
    std::optional<Range> range;
    QString model; // the model that answered (empty for questions)
    Status status = Status::Complete;
    QString error; // what went wrong, in plain words, when status is Error
    QDateTime created;
};

QString chatRoleName(ChatMessage::Role role);       // "user", "assistant"
QString chatStatusName(ChatMessage::Status status); // "complete", "stopped", "error"

// The chat history of a library's videos. Methods run on the calling thread with its own
// connection (call them off the GUI thread); writes are single transactions. Messages of a video
// come back in the order they were added; removing a video removes its messages.
class ChatRepository
{
public:
    explicit ChatRepository(std::shared_ptr<Database> db);

    // Stores a new message and returns it with its id (and `created` set to now when invalid).
    // Fails with a clear error when the video is not in the library or the content is empty
    // for a question.
    Result<ChatMessage> add(const ChatMessage &message);
    Result<QList<ChatMessage>> forVideo(annotation::VideoId videoId) const;
    Result<std::optional<ChatMessage>> byId(ChatMessageId id) const;
    // Removes one message (an answer that is being asked again, for instance).
    Status remove(ChatMessageId id);
    // Removes the whole conversation of a video.
    Status clear(annotation::VideoId videoId);

private:
    std::shared_ptr<Database> m_db;
};

} // namespace earmark::storage
