#include "core/storage/chatrepository.h"

#include <QSqlQuery>
#include <QVariant>

namespace earmark::storage {

namespace {

const QString kColumns = QStringLiteral(
    "id, video_id, role, content, range_start_us, range_end_us, "
    "model, status, error, created");

ChatMessage readMessage(const QSqlQuery &q)
{
    ChatMessage m;
    m.id = q.value(0).toLongLong();
    m.videoId = q.value(1).toLongLong();
    m.role = q.value(2).toString() == QLatin1String("assistant") ? ChatMessage::Role::Assistant
                                                                 : ChatMessage::Role::User;
    m.content = q.value(3).toString();
    if (!q.value(4).isNull() && !q.value(5).isNull())
        m.range = ChatMessage::Range{Time::fromMicroseconds(q.value(4).toLongLong()),
                                     Time::fromMicroseconds(q.value(5).toLongLong())};
    m.model = q.value(6).toString();
    const QString status = q.value(7).toString();
    m.status = status == QLatin1String("stopped") ? ChatMessage::Status::Stopped
               : status == QLatin1String("error") ? ChatMessage::Status::Error
                                                  : ChatMessage::Status::Complete;
    m.error = q.value(8).toString();
    m.created = QDateTime::fromString(q.value(9).toString(), Qt::ISODateWithMs);
    return m;
}

} // namespace

QString chatRoleName(ChatMessage::Role role)
{
    return role == ChatMessage::Role::Assistant ? QStringLiteral("assistant")
                                                : QStringLiteral("user");
}

QString chatStatusName(ChatMessage::Status status)
{
    switch (status) {
    case ChatMessage::Status::Complete:
        return QStringLiteral("complete");
    case ChatMessage::Status::Stopped:
        return QStringLiteral("stopped");
    case ChatMessage::Status::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("complete");
}

ChatRepository::ChatRepository(std::shared_ptr<Database> db)
    : m_db(std::move(db))
{}

Result<ChatMessage> ChatRepository::add(const ChatMessage &message)
{
    ChatMessage stored = message;
    if (stored.role == ChatMessage::Role::User && stored.content.trimmed().isEmpty())
        return Error(QStringLiteral("cannot store an empty question"));
    if (stored.range && stored.range->end <= stored.range->start)
        return Error(QStringLiteral("cannot store a message about the range %1-%2: its end is not "
                                    "after its start")
                         .arg(formatTime(stored.range->start, TimeFormat::Precise),
                              formatTime(stored.range->end, TimeFormat::Precise)));
    if (!stored.created.isValid())
        stored.created = QDateTime::currentDateTimeUtc();

    const Status status = m_db->transaction([&](QSqlDatabase &db) -> Status {
        {
            QSqlQuery check(db);
            check.prepare(QStringLiteral("SELECT 1 FROM videos WHERE id = ?"));
            check.addBindValue(stored.videoId);
            if (!check.exec())
                return Error(QStringLiteral("cannot store the chat message: %1")
                                 .arg(sqlErrorText(check)),
                             m_db->location());
            if (!check.next())
                return Error(QStringLiteral("cannot store the chat message: video %1 is no longer "
                                            "in the library")
                                 .arg(stored.videoId),
                             m_db->location());
        }
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO chat_messages (video_id, role, content, "
                                 "range_start_us, range_end_us, model, status, error, created) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
        q.addBindValue(stored.videoId);
        q.addBindValue(chatRoleName(stored.role));
        // Empty, not NULL, here and below: the columns are NOT NULL.
        q.addBindValue(stored.content.isNull() ? QStringLiteral("") : stored.content);
        if (stored.range) {
            q.addBindValue(stored.range->start.microseconds());
            q.addBindValue(stored.range->end.microseconds());
        } else {
            q.addBindValue(QVariant(QMetaType::fromType<qlonglong>()));
            q.addBindValue(QVariant(QMetaType::fromType<qlonglong>()));
        }
        q.addBindValue(stored.model.isNull() ? QStringLiteral("") : stored.model);
        q.addBindValue(chatStatusName(stored.status));
        q.addBindValue(stored.error.isNull() ? QStringLiteral("") : stored.error);
        q.addBindValue(stored.created.toString(Qt::ISODateWithMs));
        if (!q.exec() || !q.next())
            return Error(QStringLiteral("cannot store the chat message: %1").arg(sqlErrorText(q)),
                         m_db->location());
        stored.id = q.value(0).toLongLong();
        return {};
    });
    if (!status)
        return status.error();
    return stored;
}

Result<QList<ChatMessage>> ChatRepository::forVideo(annotation::VideoId videoId) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(
        QStringLiteral("SELECT %1 FROM chat_messages WHERE video_id = ? ORDER BY id").arg(kColumns));
    q.addBindValue(videoId);
    if (!q.exec())
        return Error(QStringLiteral("cannot read the conversation about video %1: %2")
                         .arg(videoId)
                         .arg(sqlErrorText(q)),
                     m_db->location());
    QList<ChatMessage> list;
    while (q.next())
        list.append(readMessage(q));
    return list;
}

Result<std::optional<ChatMessage>> ChatRepository::byId(ChatMessageId id) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM chat_messages WHERE id = ?").arg(kColumns));
    q.addBindValue(id);
    if (!q.exec())
        return Error(QStringLiteral("cannot read chat message %1: %2").arg(id).arg(sqlErrorText(q)),
                     m_db->location());
    if (!q.next())
        return std::optional<ChatMessage>();
    return std::optional<ChatMessage>(readMessage(q));
}

Status ChatRepository::remove(ChatMessageId id)
{
    return m_db->transaction([&](QSqlDatabase &db) -> Status {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM chat_messages WHERE id = ?"));
        q.addBindValue(id);
        if (!q.exec())
            return Error(QStringLiteral("cannot remove chat message %1: %2")
                             .arg(id)
                             .arg(sqlErrorText(q)),
                         m_db->location());
        return {};
    });
}

Status ChatRepository::clear(annotation::VideoId videoId)
{
    return m_db->transaction([&](QSqlDatabase &db) -> Status {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM chat_messages WHERE video_id = ?"));
        q.addBindValue(videoId);
        if (!q.exec())
            return Error(QStringLiteral("cannot clear the conversation about video %1: %2")
                             .arg(videoId)
                             .arg(sqlErrorText(q)),
                         m_db->location());
        return {};
    });
}

} // namespace earmark::storage
