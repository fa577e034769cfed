#include "ui/editing/classpicker.h"

#include "ui/timeline/timelinestyle.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QScreen>
#include <QVBoxLayout>

namespace earmark::ui {

namespace {

constexpr int kClassRole = Qt::UserRole + 1;

QIcon swatch(const QColor &color)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(color.darker(130));
    p.setBrush(color);
    p.drawRoundedRect(QRectF(1.5, 1.5, 11, 11), 3, 3);
    return QIcon(pixmap);
}

} // namespace

ClassPicker::ClassPicker(const annotation::LabelSet &labels,
                         int current,
                         const QList<int> &quickClasses,
                         QWidget *parent)
    : QDialog(parent, Qt::Popup)
{
    setObjectName(QStringLiteral("classPicker"));
    auto *title = new QLabel(tr("Class (%1)").arg(labels.name), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("classSearch"));
    m_search->setPlaceholderText(tr("Type to search classes"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("classList"));
    m_list->setUniformItemSizes(true);
    m_list->setMinimumWidth(260);
    m_list->setMinimumHeight(280);

    for (int i = 0; i < labels.size(); ++i) {
        const int quick = int(quickClasses.indexOf(i));
        const QString name = displayClassName(labels.classes.at(i));
        const QString text = quick >= 0 && quick < 10
                                 ? QStringLiteral("%1    [%2]").arg(name).arg((quick + 1) % 10)
                                 : name;
        auto *item = new QListWidgetItem(swatch(classColor(i, palette())), text, m_list);
        item->setData(kClassRole, i);
        // Searched as written and as shown ("fire_al" and "fire al" both find Fire_alarm).
        item->setData(Qt::UserRole + 2, labels.classes.at(i) + QLatin1Char('\n') + name);
        if (i == current)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(title);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);

    connect(m_search, &QLineEdit::textChanged, this, &ClassPicker::applyFilter);
    connect(m_list, &QListWidget::itemActivated, this, &ClassPicker::acceptCurrent);
    connect(m_list, &QListWidget::itemClicked, this, &ClassPicker::acceptCurrent);
    m_search->setFocus();
}

void ClassPicker::setFilterText(const QString &text)
{
    m_search->setText(text);
}

int ClassPicker::visibleCount() const
{
    int n = 0;
    for (int i = 0; i < m_list->count(); ++i)
        n += m_list->item(i)->isHidden() ? 0 : 1;
    return n;
}

void ClassPicker::applyFilter()
{
    const QString text = m_search->text().trimmed();
    QListWidgetItem *firstVisible = nullptr;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const bool match
            = text.isEmpty()
              || item->data(Qt::UserRole + 2).toString().contains(text, Qt::CaseInsensitive);
        item->setHidden(!match);
        if (match && !firstVisible)
            firstVisible = item;
    }
    if (!m_list->currentItem() || m_list->currentItem()->isHidden())
        m_list->setCurrentItem(firstVisible);
}

void ClassPicker::acceptCurrent()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item || item->isHidden())
        return;
    m_chosen = item->data(kClassRole).toInt();
    accept();
}

bool ClassPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown: {
            // Move through the visible entries while typing.
            const int step = key->key() == Qt::Key_Up || key->key() == Qt::Key_PageUp ? -1 : 1;
            const int times = key->key() == Qt::Key_PageUp || key->key() == Qt::Key_PageDown ? 8
                                                                                             : 1;
            int row = m_list->currentRow();
            for (int moved = 0; moved < times;) {
                int next = row + step;
                while (next >= 0 && next < m_list->count() && m_list->item(next)->isHidden())
                    next += step;
                if (next < 0 || next >= m_list->count())
                    break;
                row = next;
                ++moved;
            }
            if (row >= 0)
                m_list->setCurrentRow(row);
            return true;
        }
        case Qt::Key_Return:
        case Qt::Key_Enter:
            acceptCurrent();
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

std::optional<int> ClassPicker::choose(QWidget *parent,
                                       const annotation::LabelSet &labels,
                                       int current,
                                       const QList<int> &quickClasses,
                                       const QPoint &globalPos)
{
    ClassPicker picker(labels, current, quickClasses, parent);
    picker.adjustSize();
    QPoint pos = globalPos;
    if (const QScreen *screen = QGuiApplication::screenAt(globalPos)) {
        const QRect area = screen->availableGeometry();
        pos.setX(std::max(area.left(), std::min(pos.x(), area.right() - picker.width())));
        pos.setY(std::max(area.top(), std::min(pos.y(), area.bottom() - picker.height())));
    }
    picker.move(pos);
    picker.exec();
    return picker.chosenClass();
}

} // namespace earmark::ui
