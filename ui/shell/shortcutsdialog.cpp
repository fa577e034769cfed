#include "ui/shell/shortcutsdialog.h"

#include "ui/shell/actionregistry.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace earmark::ui {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

QString plainText(const QAction *action)
{
    QString text = action->text();
    text.remove(QLatin1Char('&'));
    if (text.endsWith(QStringLiteral("…")))
        text.chop(1);
    return text;
}

} // namespace

ShortcutsDialog::ShortcutsDialog(ActionRegistry *registry, QWidget *parent)
    : QDialog(parent)
    , m_registry(registry)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    resize(560, 640);

    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Search commands and keys"));
    m_filter->setClearButtonEnabled(true);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("shortcutsTree"));
    m_tree->setHeaderLabels({tr("Command"), tr("Keys")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setAlternatingRowColors(true);

    m_keys = new QKeySequenceEdit(this);
    m_keys->setObjectName(QStringLiteral("keyEdit"));
    m_clear = new QPushButton(tr("Clear"), this);
    m_reset = new QPushButton(tr("Default"), this);
    m_conflict = new QLabel(this);
    m_conflict->setWordWrap(true);
    QPalette warn = m_conflict->palette();
    warn.setColor(QPalette::WindowText, QColor(200, 60, 40));
    m_conflict->setPalette(warn);

    auto *editRow = new QHBoxLayout;
    editRow->addWidget(new QLabel(tr("Keys:"), this));
    editRow->addWidget(m_keys, 1);
    editRow->addWidget(m_clear);
    editRow->addWidget(m_reset);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *resetAll = buttons->addButton(tr("Reset All"), QDialogButtonBox::ResetRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 1);
    layout->addLayout(editRow);
    layout->addWidget(m_conflict);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(resetAll, &QPushButton::clicked, this, [this] {
        m_registry->resetToDefaults();
        rebuild();
    });
    connect(m_filter, &QLineEdit::textChanged, this, &ShortcutsDialog::applyFilter);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &ShortcutsDialog::onCurrentChanged);
    connect(m_keys, &QKeySequenceEdit::editingFinished, this, [this] {
        // One chord per command: keep the first key combination typed.
        const QKeySequence typed = m_keys->keySequence();
        assign(typed.isEmpty() ? QKeySequence() : QKeySequence(typed[0]));
    });
    connect(m_clear, &QPushButton::clicked, this, [this] { assign({}); });
    connect(m_reset, &QPushButton::clicked, this, [this] {
        assign(m_registry->defaultKeys(currentId()));
    });

    rebuild();
    onCurrentChanged();
}

void ShortcutsDialog::rebuild()
{
    const QString selected = currentId();
    m_tree->clear();
    QHash<QString, QTreeWidgetItem *> groups;
    for (const QString &id : m_registry->ids()) {
        const QString category = m_registry->category(id);
        QTreeWidgetItem *group = groups.value(category);
        if (!group) {
            group = new QTreeWidgetItem(m_tree, {category});
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            group->setFirstColumnSpanned(true);
            group->setFlags(Qt::ItemIsEnabled);
            groups.insert(category, group);
        }
        const QAction *action = m_registry->action(id);
        auto *item = new QTreeWidgetItem(group,
                                         {plainText(action),
                                          action->shortcut().toString(QKeySequence::NativeText)});
        item->setData(0, kIdRole, id);
        if (action->shortcut() != m_registry->defaultKeys(id)) {
            QFont italic = item->font(1);
            italic.setItalic(true);
            item->setFont(1, italic);
        }
        if (id == selected)
            m_tree->setCurrentItem(item);
    }
    m_tree->expandAll();
    applyFilter(m_filter->text());
}

void ShortcutsDialog::applyFilter(const QString &text)
{
    const QString needle = text.trimmed();
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        int visible = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const bool match = needle.isEmpty()
                               || item->text(0).contains(needle, Qt::CaseInsensitive)
                               || item->text(1).contains(needle, Qt::CaseInsensitive)
                               || group->text(0).contains(needle, Qt::CaseInsensitive);
            item->setHidden(!match);
            visible += match ? 1 : 0;
        }
        group->setHidden(visible == 0);
    }
}

QString ShortcutsDialog::currentId() const
{
    const QTreeWidgetItem *item = m_tree ? m_tree->currentItem() : nullptr;
    return item ? item->data(0, kIdRole).toString() : QString();
}

void ShortcutsDialog::onCurrentChanged()
{
    const QString id = currentId();
    const bool editable = !id.isEmpty();
    m_keys->setEnabled(editable);
    m_clear->setEnabled(editable);
    m_reset->setEnabled(editable);
    m_keys->setKeySequence(editable ? m_registry->action(id)->shortcut() : QKeySequence());
    m_conflict->clear();
}

void ShortcutsDialog::assign(const QKeySequence &keys)
{
    const QString id = currentId();
    if (id.isEmpty())
        return;
    const QStringList clash = m_registry->conflictsWith(id, keys);
    m_registry->setKeys(id, keys);
    if (clash.isEmpty()) {
        m_conflict->clear();
    } else {
        QStringList names;
        for (const QString &other : clash)
            names << plainText(m_registry->action(other));
        m_conflict->setText(
            tr("%1 is also used by: %2. Only one of them will respond.")
                .arg(keys.toString(QKeySequence::NativeText), names.join(QStringLiteral(", "))));
    }
    const QString conflictText = m_conflict->text();
    rebuild();
    m_keys->setKeySequence(keys);
    m_conflict->setText(conflictText);
}

} // namespace earmark::ui
