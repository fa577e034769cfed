#include "core/annotation/undostack.h"

namespace earmark::annotation {

UndoStack::UndoStack(QObject *parent)
    : QObject(parent)
{}

QString UndoStack::undoText() const
{
    return canUndo() ? m_edits.at(m_index - 1).text : QString();
}

QString UndoStack::redoText() const
{
    return canRedo() ? m_edits.at(m_index).text : QString();
}

QString UndoStack::text(int i) const
{
    return i >= 0 && i < count() ? m_edits.at(i).text : QString();
}

void UndoStack::setUndoLimit(int limit)
{
    m_limit = qMax(0, limit);
}

void UndoStack::setClean()
{
    const bool was = isClean();
    m_clean = m_index;
    if (!was)
        Q_EMIT cleanChanged(true);
}

void UndoStack::clear()
{
    const bool couldUndo = canUndo(), couldRedo = canRedo(), wasClean = isClean();
    const QString undo = undoText(), redo = redoText();
    m_edits.clear();
    m_index = 0;
    m_clean = 0;
    emitChanges(couldUndo, couldRedo, undo, redo, wasClean);
    Q_EMIT indexChanged(m_index);
}

void UndoStack::push(Edit edit)
{
    const bool couldUndo = canUndo(), couldRedo = canRedo(), wasClean = isClean();
    const QString undo = undoText(), redo = redoText();
    m_edits.resize(m_index);
    if (m_clean > m_index)
        m_clean = -1;
    m_edits.append(std::move(edit));
    ++m_index;
    if (m_limit > 0 && m_edits.size() > m_limit) {
        const int drop = int(m_edits.size()) - m_limit;
        m_edits.remove(0, drop);
        m_index -= drop;
        m_clean = m_clean >= drop ? m_clean - drop : -1;
    }
    emitChanges(couldUndo, couldRedo, undo, redo, wasClean);
    Q_EMIT indexChanged(m_index);
}

void UndoStack::moveIndex(int index)
{
    const bool couldUndo = canUndo(), couldRedo = canRedo(), wasClean = isClean();
    const QString undo = undoText(), redo = redoText();
    m_index = index;
    emitChanges(couldUndo, couldRedo, undo, redo, wasClean);
    Q_EMIT indexChanged(m_index);
}

void UndoStack::emitChanges(
    bool couldUndo, bool couldRedo, const QString &undo, const QString &redo, bool wasClean)
{
    if (couldUndo != canUndo())
        Q_EMIT canUndoChanged(canUndo());
    if (couldRedo != canRedo())
        Q_EMIT canRedoChanged(canRedo());
    if (undo != undoText())
        Q_EMIT undoTextChanged(undoText());
    if (redo != redoText())
        Q_EMIT redoTextChanged(redoText());
    if (wasClean != isClean())
        Q_EMIT cleanChanged(isClean());
}

} // namespace earmark::annotation
