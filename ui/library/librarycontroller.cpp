#include "ui/library/librarycontroller.h"

#include "core/storage/videoimport.h"
#include "core/storage/videorepository.h"

namespace earmark::ui {

using annotation::Video;

LibraryController::LibraryController(std::shared_ptr<storage::Database> db, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_executor(QStringLiteral("earmark-storage"))
{}

LibraryController::~LibraryController()
{
    m_executor.waitForIdle();
}

void LibraryController::refresh()
{
    auto db = m_db;
    m_executor.call([db] { return storage::VideoRepository(db).all(); },
                    this,
                    [this](Result<QList<Video>> result) {
                        if (!result) {
                            Q_EMIT errorOccurred(result.errorString());
                            return;
                        }
                        m_videos = std::move(result).value();
                        Q_EMIT videosChanged();
                    });
}

void LibraryController::addFiles(const QStringList &paths)
{
    auto db = m_db;
    for (const QString &path : paths) {
        m_executor.call(
            [db, path] {
                storage::VideoRepository repo(db);
                return storage::addMediaFile(repo, path);
            },
            this,
            [this](Result<Video> result) {
                if (!result)
                    Q_EMIT errorOccurred(result.errorString());
                else
                    Q_EMIT videoAdded(result.value());
            });
    }
    refresh();
}

void LibraryController::setVideoStatus(annotation::VideoId id, annotation::ReviewStatus status)
{
    for (Video &v : m_videos) {
        if (v.id == id && v.status != status) {
            v.status = status;
            Q_EMIT videoUpdated(v);
        }
    }
}

} // namespace earmark::ui
