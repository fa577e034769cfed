#include "ui/library/librarypanel.h"

#include "ui/library/librarycontroller.h"
#include "ui/thumbnails/librarythumbnails.h"
#include "ui/timeline/timelinestyle.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPainter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace earmark::ui {

using annotation::Video;

namespace {

constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kStatusRole = Qt::UserRole + 2;
constexpr int kPathRole = Qt::UserRole + 3;
constexpr int kHasThumbnailRole = Qt::UserRole + 4;
constexpr int kStatusColumn = 2;
// The pictures in the list, in device-independent pixels; they are made at twice this size so
// that they stay sharp on high-density screens.
constexpr QSize kThumbnailSize(64, 36);

QIcon statusDot(annotation::ReviewStatus status)
{
    QPixmap pm(10, 10);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(reviewStatusColor(status));
    p.drawEllipse(QRectF(1, 1, 8, 8));
    return QIcon(pm);
}

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
    m_list->setHeaderLabels({tr("Video"), tr("Length"), tr("Status")});
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(kStatusColumn, QHeaderView::ResizeToContents);

    m_statusFilter = new QComboBox(this);
    m_statusFilter->setObjectName(QStringLiteral("libraryStatusFilter"));
    m_statusFilter->setToolTip(tr("Show only videos with this status"));
    m_statusFilter->addItem(tr("All"), -1);
    for (annotation::ReviewStatus st : {annotation::ReviewStatus::ToDo,
                                        annotation::ReviewStatus::InProgress,
                                        annotation::ReviewStatus::Done,
                                        annotation::ReviewStatus::Reviewed})
        m_statusFilter->addItem(statusDot(st), reviewStatusText(st), int(st));

    auto *filters = new QHBoxLayout;
    filters->setSpacing(4);
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_statusFilter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(m_list, 1);

    connect(m_library, &LibraryController::videosChanged, this, &LibraryPanel::rebuild);
    connect(m_filter, &QLineEdit::textChanged, this, &LibraryPanel::applyFilter);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &LibraryPanel::applyFilter);
    connect(m_library, &LibraryController::videoUpdated, this, [this](const Video &v) {
        for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = m_list->topLevelItem(i);
            if (item->data(0, kIdRole).toLongLong() == v.id)
                updateItem(item, v);
        }
        applyFilter();
    });
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
        item->setData(0, kPathRole, v.path);
        item->setToolTip(0, v.path);
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        updateItem(item, v);
        requestThumbnail(item, v);
    }
    applyFilter();
    if (current)
        selectVideo(current);
}

void LibraryPanel::setThumbnailCacheDir(const QString &dir)
{
    delete m_thumbnails;
    m_thumbnails = new LibraryThumbnails(dir, kThumbnailSize * 2, this);
    connect(m_thumbnails, &LibraryThumbnails::thumbnailReady, this, &LibraryPanel::showThumbnail);
    m_list->setIconSize(kThumbnailSize);
    // The stand-in: an empty frame the size of a picture.
    const qreal dpr = devicePixelRatioF();
    QPixmap pm(kThumbnailSize * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    {
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        QColor fill = palette().color(QPalette::Text);
        fill.setAlphaF(0.08f);
        p.setPen(Qt::NoPen);
        p.setBrush(fill);
        p.drawRoundedRect(QRectF(QPointF(0, 0), QSizeF(kThumbnailSize))
                              .adjusted(0.5, 0.5, -0.5, -0.5),
                          3,
                          3);
    }
    m_emptyFrame = QIcon(pm);
    rebuild(); // rows already listed ask for their pictures
}

void LibraryPanel::requestThumbnail(QTreeWidgetItem *item, const Video &video)
{
    if (!m_thumbnails)
        return;
    // Sound files have no picture: they keep the empty frame and ask for none.
    const QImage image = video.hasVideo ? m_thumbnails->thumbnail(video.path) : QImage();
    item->setIcon(0, image.isNull() ? m_emptyFrame : thumbnailIcon(image));
    item->setData(0, kHasThumbnailRole, !image.isNull());
}

QIcon LibraryPanel::thumbnailIcon(const QImage &image) const
{
    const qreal dpr = devicePixelRatioF();
    QPixmap pm(kThumbnailSize * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    // Fitted and centred: pictures of other shapes keep the titles in line.
    const QSizeF size = QSizeF(image.size()).scaled(QSizeF(kThumbnailSize), Qt::KeepAspectRatio);
    const QRectF target((kThumbnailSize.width() - size.width()) / 2,
                        (kThumbnailSize.height() - size.height()) / 2,
                        size.width(),
                        size.height());
    p.drawImage(target, image);
    return QIcon(pm);
}

void LibraryPanel::showThumbnail(const QString &path, const QImage &image)
{
    QIcon icon;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(0, kPathRole).toString() != path)
            continue;
        if (icon.isNull())
            icon = thumbnailIcon(image);
        item->setIcon(0, icon);
        item->setData(0, kHasThumbnailRole, true);
    }
}

QSize LibraryPanel::sizeHint() const
{
    QSize hint = QWidget::sizeHint();
    if (m_thumbnails)
        hint.setWidth(std::max(hint.width(), kThumbnailSize.width() * 5));
    return hint;
}

bool LibraryPanel::showsThumbnail(annotation::VideoId id) const
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(0, kIdRole).toLongLong() == id)
            return item->data(0, kHasThumbnailRole).toBool();
    }
    return false;
}

void LibraryPanel::updateItem(QTreeWidgetItem *item, const Video &video)
{
    item->setText(kStatusColumn, reviewStatusText(video.status));
    item->setIcon(kStatusColumn, statusDot(video.status));
    item->setData(0, kStatusRole, int(video.status));
}

void LibraryPanel::applyFilter()
{
    const QString text = m_filter->text().trimmed();
    const int status = m_statusFilter->currentData().toInt();
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        const bool textOk = text.isEmpty() || item->text(0).contains(text, Qt::CaseInsensitive);
        const bool statusOk = status < 0 || item->data(0, kStatusRole).toInt() == status;
        item->setHidden(!textOk || !statusOk);
    }
}

void LibraryPanel::setStatusFilter(std::optional<annotation::ReviewStatus> status)
{
    m_statusFilter->setCurrentIndex(status ? m_statusFilter->findData(int(*status)) : 0);
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
