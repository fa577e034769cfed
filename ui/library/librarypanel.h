#pragma once

#include "core/annotation/video.h"

#include <QIcon>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace earmark::ui {

class LibraryController;
class LibraryThumbnails;

// The side panel listing the library's videos with their review status, with a filter box and a
// status filter. Activating an entry (double click, Enter) asks for it to be opened. With a
// thumbnail cache (setThumbnailCacheDir) each video shows a small picture, made in the background
// when its row is added (LibraryThumbnails) and shown when it arrives; until then, and for files
// without pictures, an empty frame of the same size keeps the titles in line. GUI thread only.
class LibraryPanel : public QWidget
{
    Q_OBJECT

public:
    explicit LibraryPanel(LibraryController *library, QWidget *parent = nullptr);

    void selectVideo(annotation::VideoId id);
    annotation::VideoId currentVideoId() const;
    int visibleCount() const;
    // Shows only videos with this status (nullopt: all).
    void setStatusFilter(std::optional<annotation::ReviewStatus> status);

    // Shows thumbnails, kept as PNG files in `dir` (empty: in memory only). Rows already listed
    // get theirs too.
    void setThumbnailCacheDir(const QString &dir);
    LibraryThumbnails *thumbnails() const { return m_thumbnails; }
    // Whether the row of `id` shows its video's picture (not the stand-in).
    bool showsThumbnail(annotation::VideoId id) const;

    // Wider with thumbnails: room for a picture and a title beside it.
    QSize sizeHint() const override;

Q_SIGNALS:
    void videoActivated(const earmark::annotation::Video &video);

private:
    void rebuild();
    void applyFilter();
    void updateItem(QTreeWidgetItem *item, const annotation::Video &video);
    void requestThumbnail(QTreeWidgetItem *item, const annotation::Video &video);
    void showThumbnail(const QString &path, const QImage &image);
    QIcon thumbnailIcon(const QImage &image) const;

    LibraryController *m_library;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QTreeWidget *m_list = nullptr;
    LibraryThumbnails *m_thumbnails = nullptr;
    QIcon m_emptyFrame; // the empty frame shown until a picture arrives
};

} // namespace earmark::ui
