#include "ui/shell/actionregistry.h"

#include <QAction>
#include <QSettings>
#include <QWidget>

namespace earmark::ui {

namespace {

QString settingsKey(const QString &id)
{
    return QStringLiteral("shortcuts/") + id;
}

} // namespace

ActionRegistry::ActionRegistry(QWidget *shortcutOwner, QObject *parent)
    : QObject(parent)
    , m_owner(shortcutOwner)
{}

QAction *ActionRegistry::add(const QString &id,
                             const QString &category,
                             const QString &text,
                             const QKeySequence &defaultKeys)
{
    if (QAction *existing = m_actions.value(id))
        return existing;
    auto *action = new QAction(text, m_owner);
    action->setObjectName(id);
    action->setShortcutContext(Qt::WindowShortcut);
    m_owner->addAction(action);
    m_actions.insert(id, action);
    m_categories.insert(id, category);
    m_defaults.insert(id, defaultKeys);
    m_order.append(id);

    const QSettings settings;
    const QString key = settingsKey(id);
    action->setShortcut(settings.contains(key) ? QKeySequence(settings.value(key).toString(),
                                                              QKeySequence::PortableText)
                                               : defaultKeys);
    return action;
}

void ActionRegistry::setKeys(const QString &id, const QKeySequence &keys)
{
    QAction *action = m_actions.value(id);
    if (!action)
        return;
    action->setShortcut(keys);
    QSettings settings;
    if (keys == m_defaults.value(id))
        settings.remove(settingsKey(id));
    else
        settings.setValue(settingsKey(id), keys.toString(QKeySequence::PortableText));
    Q_EMIT keysChanged(id);
}

void ActionRegistry::resetToDefaults()
{
    for (const QString &id : std::as_const(m_order))
        setKeys(id, m_defaults.value(id));
}

QStringList ActionRegistry::conflictsWith(const QString &id, const QKeySequence &keys) const
{
    QStringList out;
    if (keys.isEmpty())
        return out;
    for (const QString &other : m_order) {
        if (other != id && m_actions.value(other)->shortcut() == keys)
            out.append(other);
    }
    return out;
}

} // namespace earmark::ui
