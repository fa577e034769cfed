#include "core/storage/videorepository.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QVariant>

namespace earmark::storage {

using annotation::ReviewStatus;
using annotation::Video;
using annotation::VideoId;

namespace {

const QString kColumns = QStringLiteral(
    "id, path, title, duration_us, width, height, frame_rate, has_audio, has_video, status, added");

Video readVideo(const QSqlQuery &q)
{
    Video v;
    v.id = q.value(0).toLongLong();
    v.path = q.value(1).toString();
    v.title = q.value(2).toString();
    v.duration = Time::fromMicroseconds(q.value(3).toLongLong());
    v.width = q.value(4).toInt();
    v.height = q.value(5).toInt();
    v.frameRate = q.value(6).toDouble();
    v.hasAudio = q.value(7).toInt() != 0;
    v.hasVideo = q.value(8).toInt() != 0;
    v.status = annotation::reviewStatusFromName(q.value(9).toString()).value_or(ReviewStatus::ToDo);
    v.added = QDateTime::fromString(q.value(10).toString(), Qt::ISODateWithMs);
    return v;
}

} // namespace

VideoRepository::VideoRepository(std::shared_ptr<Database> db)
    : m_db(std::move(db))
{}

Result<Video> VideoRepository::add(const Video &video)
{
    Video stored = video;
    stored.path = QFileInfo(video.path).absoluteFilePath();
    if (stored.title.isEmpty())
        stored.title = QFileInfo(video.path).fileName();
    if (!stored.added.isValid())
        stored.added = QDateTime::currentDateTimeUtc();

    auto existing = byPath(stored.path);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return **existing;

    const Status status = m_db->transaction([&](QSqlDatabase &db) -> Status {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO videos (path, title, duration_us, width, height, "
                                 "frame_rate, has_audio, has_video, status, added) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
        q.addBindValue(stored.path);
        q.addBindValue(stored.title);
        q.addBindValue(stored.duration.microseconds());
        q.addBindValue(stored.width);
        q.addBindValue(stored.height);
        q.addBindValue(stored.frameRate);
        q.addBindValue(int(stored.hasAudio));
        q.addBindValue(int(stored.hasVideo));
        q.addBindValue(annotation::reviewStatusName(stored.status));
        q.addBindValue(stored.added.toString(Qt::ISODateWithMs));
        if (!q.exec() || !q.next())
            return Error(QStringLiteral("cannot add the video to the library: %1")
                             .arg(sqlErrorText(q)),
                         stored.path);
        stored.id = q.value(0).toLongLong();
        return {};
    });
    if (!status)
        return status.error();
    return stored;
}

Result<QList<Video>> VideoRepository::all() const
{
    QSqlQuery q(m_db->connection());
    if (!q.exec(QStringLiteral("SELECT %1 FROM videos ORDER BY title, id").arg(kColumns)))
        return Error(QStringLiteral("cannot list the videos: %1").arg(sqlErrorText(q)),
                     m_db->location());
    QList<Video> list;
    while (q.next())
        list.append(readVideo(q));
    return list;
}

Result<std::optional<Video>> VideoRepository::byId(VideoId id) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM videos WHERE id = ?").arg(kColumns));
    q.addBindValue(id);
    if (!q.exec())
        return Error(QStringLiteral("cannot read video %1: %2").arg(id).arg(sqlErrorText(q)),
                     m_db->location());
    if (!q.next())
        return std::optional<Video>();
    return std::optional<Video>(readVideo(q));
}

Result<std::optional<Video>> VideoRepository::byPath(const QString &path) const
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM videos WHERE path = ?").arg(kColumns));
    q.addBindValue(QFileInfo(path).absoluteFilePath());
    if (!q.exec())
        return Error(QStringLiteral("cannot look up the video: %1").arg(sqlErrorText(q)), path);
    if (!q.next())
        return std::optional<Video>();
    return std::optional<Video>(readVideo(q));
}

Status VideoRepository::setStatus(VideoId id, ReviewStatus status)
{
    return m_db->transaction([&](QSqlDatabase &db) -> Status {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE videos SET status = ? WHERE id = ?"));
        q.addBindValue(annotation::reviewStatusName(status));
        q.addBindValue(id);
        if (!q.exec())
            return Error(
                QStringLiteral("cannot set the status of video %1: %2").arg(id).arg(sqlErrorText(q)));
        return {};
    });
}

Status VideoRepository::remove(VideoId id)
{
    return m_db->transaction([&](QSqlDatabase &db) -> Status {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM videos WHERE id = ?"));
        q.addBindValue(id);
        if (!q.exec())
            return Error(QStringLiteral("cannot remove video %1: %2").arg(id).arg(sqlErrorText(q)));
        return {};
    });
}

} // namespace earmark::storage
