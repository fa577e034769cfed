#include "core/storage/videorepository.h"

#include "core/storage/internal/rows.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QVariant>

namespace earmark::storage {

using annotation::ReviewStatus;
using annotation::Video;
using annotation::VideoId;

namespace {

// videos.path is NOT NULL UNIQUE since schema 1; a video without a media file stores this prefix
// and its external id there instead (never a real absolute path), and reads back an empty path.
const QString kNoFilePrefix = QStringLiteral("earmark-no-file:");

const QString kColumns = QStringLiteral("id, path, title, duration_us, width, height, frame_rate, "
                                        "has_audio, has_video, status, added, external_id, "
                                        "attributes");

Video readVideo(const QSqlQuery &q)
{
    Video v;
    v.id = q.value(0).toLongLong();
    v.path = q.value(1).toString();
    if (v.path.startsWith(kNoFilePrefix))
        v.path.clear();
    v.title = q.value(2).toString();
    v.duration = Time::fromMicroseconds(q.value(3).toLongLong());
    v.width = q.value(4).toInt();
    v.height = q.value(5).toInt();
    v.frameRate = q.value(6).toDouble();
    v.hasAudio = q.value(7).toInt() != 0;
    v.hasVideo = q.value(8).toInt() != 0;
    v.status = annotation::reviewStatusFromName(q.value(9).toString()).value_or(ReviewStatus::ToDo);
    v.added = QDateTime::fromString(q.value(10).toString(), Qt::ISODateWithMs);
    v.externalId = q.value(11).toString();
    v.attributes = internal::fromJson(q.value(12).toString());
    return v;
}

QVariant nullableText(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

} // namespace

VideoRepository::VideoRepository(std::shared_ptr<Database> db)
    : m_db(std::move(db))
{}

Result<Video> VideoRepository::insert(QSqlDatabase &db, const Video &video)
{
    Video stored = video;
    if (stored.path.isEmpty() && stored.externalId.isEmpty())
        return Error(QStringLiteral("a video without a media file needs a dataset name"));
    if (!stored.path.isEmpty())
        stored.path = QFileInfo(video.path).absoluteFilePath();
    if (stored.title.isEmpty())
        stored.title = stored.path.isEmpty() ? stored.externalId : QFileInfo(video.path).fileName();
    if (!stored.added.isValid())
        stored.added = QDateTime::currentDateTimeUtc();
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("INSERT INTO videos (path, title, duration_us, width, height, "
                       "frame_rate, has_audio, has_video, status, added, external_id, "
                       "attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    q.addBindValue(stored.path.isEmpty() ? kNoFilePrefix + stored.externalId : stored.path);
    q.addBindValue(stored.title);
    q.addBindValue(stored.duration.microseconds());
    q.addBindValue(stored.width);
    q.addBindValue(stored.height);
    q.addBindValue(stored.frameRate);
    q.addBindValue(int(stored.hasAudio));
    q.addBindValue(int(stored.hasVideo));
    q.addBindValue(annotation::reviewStatusName(stored.status));
    q.addBindValue(stored.added.toString(Qt::ISODateWithMs));
    q.addBindValue(nullableText(stored.externalId));
    q.addBindValue(internal::toJson(stored.attributes));
    if (!q.exec() || !q.next())
        return Error(QStringLiteral("cannot add the video to the library: %1").arg(sqlErrorText(q)),
                     stored.path.isEmpty() ? stored.externalId : stored.path);
    stored.id = q.value(0).toLongLong();
    return stored;
}

Result<Video> VideoRepository::add(const Video &video)
{
    if (!video.path.isEmpty()) {
        auto existing = byPath(video.path);
        if (!existing)
            return existing.error();
        if (existing->has_value())
            return **existing;
    }
    Result<Video> out = Error(QString());
    const Status status = m_db->transaction([&](QSqlDatabase &db) -> Status {
        out = insert(db, video);
        return out ? Status() : Status(out.error());
    });
    if (!status)
        return status.error();
    return out;
}

Result<QList<Video>> VideoRepository::all(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT %1 FROM videos ORDER BY title, id").arg(kColumns)))
        return Error(QStringLiteral("cannot list the videos: %1").arg(sqlErrorText(q)));
    QList<Video> list;
    while (q.next())
        list.append(readVideo(q));
    return list;
}

Result<QList<Video>> VideoRepository::all() const
{
    QSqlDatabase db = m_db->connection();
    auto list = all(db);
    if (!list)
        return Error(list.error().message, m_db->location());
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
    if (path.isEmpty())
        return std::optional<Video>();
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT %1 FROM videos WHERE path = ?").arg(kColumns));
    q.addBindValue(QFileInfo(path).absoluteFilePath());
    if (!q.exec())
        return Error(QStringLiteral("cannot look up the video: %1").arg(sqlErrorText(q)), path);
    if (!q.next())
        return std::optional<Video>();
    return std::optional<Video>(readVideo(q));
}

Result<std::optional<Video>> VideoRepository::byExternalId(QSqlDatabase &db,
                                                           const QString &externalId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM videos WHERE external_id = ?").arg(kColumns));
    q.addBindValue(externalId);
    if (!q.exec())
        return Error(QStringLiteral("cannot look up video %1: %2").arg(externalId, sqlErrorText(q)));
    if (!q.next())
        return std::optional<Video>();
    return std::optional<Video>(readVideo(q));
}

Result<std::optional<Video>> VideoRepository::byExternalId(const QString &externalId) const
{
    QSqlDatabase db = m_db->connection();
    return byExternalId(db, externalId);
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

Status VideoRepository::attachFile(VideoId id, const Video &file)
{
    return m_db->transaction([&](QSqlDatabase &db) -> Status {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE videos SET path = ?, duration_us = ?, width = ?, "
                                 "height = ?, frame_rate = ?, has_audio = ?, has_video = ? "
                                 "WHERE id = ?"));
        q.addBindValue(QFileInfo(file.path).absoluteFilePath());
        q.addBindValue(file.duration.microseconds());
        q.addBindValue(file.width);
        q.addBindValue(file.height);
        q.addBindValue(file.frameRate);
        q.addBindValue(int(file.hasAudio));
        q.addBindValue(int(file.hasVideo));
        q.addBindValue(id);
        if (!q.exec())
            return Error(QStringLiteral("cannot attach the file to video %1: %2")
                             .arg(id)
                             .arg(sqlErrorText(q)),
                         file.path);
        return {};
    });
}

Status VideoRepository::setExternalId(QSqlDatabase &db, VideoId id, const QString &externalId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE videos SET external_id = ? WHERE id = ?"));
    q.addBindValue(nullableText(externalId));
    q.addBindValue(id);
    if (!q.exec())
        return Error(QStringLiteral("cannot name video %1 \"%2\": %3")
                         .arg(id)
                         .arg(externalId, sqlErrorText(q)));
    return {};
}

Status VideoRepository::setAttributes(QSqlDatabase &db, VideoId id, const QJsonObject &attributes)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE videos SET attributes = ? WHERE id = ?"));
    q.addBindValue(internal::toJson(attributes));
    q.addBindValue(id);
    if (!q.exec())
        return Error(QStringLiteral("cannot update video %1: %2").arg(id).arg(sqlErrorText(q)));
    return {};
}

} // namespace earmark::storage
