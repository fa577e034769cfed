#pragma once

#include <QDialog>

class QKeySequenceEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace earmark::ui {

class ActionRegistry;

// The keyboard cheat sheet: every registered command by category with its keys, searchable;
// select one to give it other keys (conflicts are named), or reset. GUI thread only.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(ActionRegistry *registry, QWidget *parent = nullptr);

private:
    void rebuild();
    void applyFilter(const QString &text);
    void onCurrentChanged();
    void assign(const QKeySequence &keys);
    QString currentId() const;

    ActionRegistry *m_registry;
    QLineEdit *m_filter = nullptr;
    QTreeWidget *m_tree = nullptr;
    QKeySequenceEdit *m_keys = nullptr;
    QPushButton *m_clear = nullptr;
    QPushButton *m_reset = nullptr;
    QLabel *m_conflict = nullptr;
};

} // namespace earmark::ui
