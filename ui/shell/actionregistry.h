#pragma once

#include <QHash>
#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QString>

class QAction;
class QWidget;

namespace earmark::ui {

// Every command a person can give from the keyboard is registered here once, with a stable id, a
// category and its default keys, so the cheat sheet lists it and a person can change its keys.
// Changed keys are kept in QSettings ("shortcuts/<id>") and applied at start. GUI thread only.
class ActionRegistry : public QObject
{
    Q_OBJECT

public:
    explicit ActionRegistry(QWidget *shortcutOwner, QObject *parent = nullptr);

    // Creates the action (owned by the registry's owner widget, shortcut context: its window)
    // or returns the one already registered under `id`.
    QAction *add(const QString &id,
                 const QString &category,
                 const QString &text,
                 const QKeySequence &defaultKeys = {});

    QAction *action(const QString &id) const { return m_actions.value(id); }
    QStringList ids() const { return m_order; }
    QString category(const QString &id) const { return m_categories.value(id); }
    QKeySequence defaultKeys(const QString &id) const { return m_defaults.value(id); }

    // Sets and remembers the keys of one action; an empty sequence removes its shortcut.
    void setKeys(const QString &id, const QKeySequence &keys);
    void resetToDefaults();

    // Ids of other actions that use `keys` already (for the editor's warning).
    QStringList conflictsWith(const QString &id, const QKeySequence &keys) const;

Q_SIGNALS:
    void keysChanged(const QString &id);

private:
    QWidget *m_owner;
    QHash<QString, QAction *> m_actions;
    QHash<QString, QString> m_categories;
    QHash<QString, QKeySequence> m_defaults;
    QStringList m_order;
};

} // namespace earmark::ui
