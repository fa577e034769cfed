#pragma once

#include "core/annotation/video.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace earmark::ui {

class LibraryController;

// The side panel listing the library's videos with their review status, with a filter box and a
// status filter. Activating an entry (double click, Enter) asks for it to be opened. GUI thread
// only.
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

Q_SIGNALS:
    void videoActivated(const earmark::annotation::Video &video);

private:
    void rebuild();
    void applyFilter();
    void updateItem(QTreeWidgetItem *item, const annotation::Video &video);

    LibraryController *m_library;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QTreeWidget *m_list = nullptr;
};

} // namespace earmark::ui
