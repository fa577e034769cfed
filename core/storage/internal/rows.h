#pragma once

// Reading and writing annotation rows, shared by the repositories of core/storage. Every
// function works inside the caller's transaction on the caller's connection.

#include "core/annotation/edit.h"
#include "core/annotation/labelset.h"
#include "core/annotation/mask.h"
#include "core/annotation/segment.h"
#include "core/base/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace earmark::storage::internal {

qint64 toMs(const QDateTime &t); // 0 for an invalid time
QDateTime fromMs(qint64 ms);     // invalid for 0
QString toJson(const QJsonObject &o);
// Qt SQL binds a null QString as NULL; NOT NULL text columns get "" instead.
QString text(const QString &s);
QJsonObject fromJson(const QString &text);

extern const char kSegmentColumns[]; // the columns readSegment() expects, in order
extern const char kTrackColumns[];
extern const char kMaskObjectColumns[];
extern const char kMaskFrameColumns[];
extern const char kModelRunColumns[];

annotation::Segment readSegment(const QSqlQuery &q);
annotation::Track readTrack(const QSqlQuery &q);
annotation::MaskObject readMaskObject(const QSqlQuery &q);
Result<annotation::MaskFrame> readMaskFrame(const QSqlQuery &q);
annotation::ModelRun readModelRun(const QSqlQuery &q);

// Reserves `count` ids from the library's counter: [first, first + count).
Result<qint64> reserveIds(QSqlDatabase &db, qint64 count);

// Writes rows with prepared statements kept for the writer's life; remembers which duration
// classes each video gained and records them in videos.segment_classes at finish().
class RowWriter
{
public:
    explicit RowWriter(QSqlDatabase &db);

    Status insert(const annotation::Segment &s);
    Status insert(const annotation::Track &t);
    Status insert(const annotation::MaskObject &o);
    Status insert(const annotation::MaskFrame &f);

    // Applies one change of an Edit, refusing it when the stored row is not its `before`.
    Status apply(const annotation::Change &change);

    // Records the duration classes of the segments written. Call before committing.
    Status finish();

private:
    Status updateSegment(const annotation::Segment &before, const annotation::Segment &after);
    Status removeRow(const char *table, qint64 id);
    template<typename T>
    Status checkStored(const char *table, const char *columns, const T &before);

    QSqlDatabase m_db;
    QSqlQuery m_insertSegment;
    QHash<annotation::VideoId, qint64> m_classes;
};

} // namespace earmark::storage::internal
