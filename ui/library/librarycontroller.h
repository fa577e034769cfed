#pragma once

#include "core/annotation/video.h"
#include "core/base/serialexecutor.h"
#include "core/storage/database.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>

namespace earmark::ui {

// The open library as the GUI sees it: lists and adds videos without blocking the GUI thread
// (probing and database work run on one storage thread, in order). GUI thread only; results
// arrive as signals.
class LibraryController : public QObject
{
    Q_OBJECT

public:
    explicit LibraryController(std::shared_ptr<storage::Database> db, QObject *parent = nullptr);
    ~LibraryController() override;

    std::shared_ptr<storage::Database> database() const { return m_db; }
    SerialExecutor &storageThread() { return m_executor; }
    QString location() const { return m_db->location(); }

    const QList<annotation::Video> &videos() const { return m_videos; }

    // Reloads the list; videosChanged follows.
    void refresh();
    // Adds media files; videoAdded per file, errorOccurred per failure, then videosChanged.
    void addFiles(const QStringList &paths);
    // A video's review status changed by an edit the library already stored (the workbench's
    // document): updates the list; videoUpdated follows.
    void setVideoStatus(annotation::VideoId id, annotation::ReviewStatus status);

Q_SIGNALS:
    void videosChanged();
    void videoAdded(const earmark::annotation::Video &video);
    void videoUpdated(const earmark::annotation::Video &video);
    void errorOccurred(const QString &message);

private:
    std::shared_ptr<storage::Database> m_db;
    SerialExecutor m_executor;
    QList<annotation::Video> m_videos;
};

} // namespace earmark::ui
