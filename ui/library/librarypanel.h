#pragma once

#include "core/annotation/video.h"

#include <QWidget>

class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace earmark::ui {

class LibraryController;

// The side panel listing the library's videos, with a filter box. Activating an entry (double
// click, Enter) asks for it to be opened. GUI thread only.
class LibraryPanel : public QWidget
{
    Q_OBJECT

public:
    explicit LibraryPanel(LibraryController *library, QWidget *parent = nullptr);

    void selectVideo(annotation::VideoId id);
    annotation::VideoId currentVideoId() const;
    int visibleCount() const;

Q_SIGNALS:
    void videoActivated(const earmark::annotation::Video &video);

private:
    void rebuild();
    void applyFilter();

    LibraryController *m_library;
    QLineEdit *m_filter = nullptr;
    QTreeWidget *m_list = nullptr;
};

} // namespace earmark::ui
