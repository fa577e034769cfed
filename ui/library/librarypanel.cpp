#include "ui/library/librarypanel.h"

#include "ui/library/librarycontroller.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace earmark::ui {

using annotation::Video;

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

} // namespace

LibraryPanel::LibraryPanel(LibraryController *library, QWidget *parent)
    : QWidget(parent)
    , m_library(library)
{
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("libraryFilter"));
    m_filter->setPlaceholderText(tr("Filter videos"));
    m_filter->setClearButtonEnabled(true);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("libraryList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setHeaderLabels({tr("Video"), tr("Length")});
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);

    connect(m_library, &LibraryController::videosChanged, this, &LibraryPanel::rebuild);
    connect(m_filter, &QLineEdit::textChanged, this, &LibraryPanel::applyFilter);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const auto id = item->data(0, kIdRole).toLongLong();
        for (const Video &v : m_library->videos()) {
            if (v.id == id) {
                Q_EMIT videoActivated(v);
                return;
            }
        }
    });
}

void LibraryPanel::rebuild()
{
    const annotation::VideoId current = currentVideoId();
    m_list->clear();
    for (const Video &v : m_library->videos()) {
        auto *item = new QTreeWidgetItem(m_list, {v.title, formatTime(v.duration)});
        item->setData(0, kIdRole, v.id);
        item->setToolTip(0, v.path);
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
    applyFilter();
    if (current)
        selectVideo(current);
}

void LibraryPanel::applyFilter()
{
    const QString text = m_filter->text().trimmed();
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        item->setHidden(!text.isEmpty() && !item->text(0).contains(text, Qt::CaseInsensitive));
    }
}

void LibraryPanel::selectVideo(annotation::VideoId id)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(0, kIdRole).toLongLong() == id) {
            m_list->setCurrentItem(item);
            return;
        }
    }
}

annotation::VideoId LibraryPanel::currentVideoId() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, kIdRole).toLongLong() : 0;
}

int LibraryPanel::visibleCount() const
{
    int n = 0;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        n += m_list->topLevelItem(i)->isHidden() ? 0 : 1;
    return n;
}

} // namespace earmark::ui
