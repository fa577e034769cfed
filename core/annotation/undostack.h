#pragma once

#include "core/annotation/edit.h"

#include <QList>
#include <QObject>

namespace earmark::annotation {

// The undo history of one AnnotationDocument: the edits done, in order, and how far back the
// person has gone. Qt's QUndoStack lives in QtGui, which core cannot use; this one holds plain
// Edit values and leaves applying them to the document (AnnotationDocument::undo/redo/setIndex).
// GUI thread (the document's thread) only.
class UndoStack : public QObject
{
    Q_OBJECT

public:
    explicit UndoStack(QObject *parent = nullptr);

    int count() const { return int(m_edits.size()); }
    // Edits [0, index) are done; [index, count) are undone and can be redone.
    int index() const { return m_index; }
    bool canUndo() const { return m_index > 0; }
    bool canRedo() const { return m_index < count(); }
    QString undoText() const;
    QString redoText() const;
    QString text(int i) const;
    const Edit &edit(int i) const { return m_edits.at(i); }

    // At most `limit` edits are kept (0: no limit); the oldest go first.
    void setUndoLimit(int limit);
    int undoLimit() const { return m_limit; }

    // Whether the state now is the one marked with setClean() (nothing to save for a person).
    bool isClean() const { return m_clean == m_index; }
    void setClean();
    void clear();

Q_SIGNALS:
    void indexChanged(int index);
    void canUndoChanged(bool canUndo);
    void canRedoChanged(bool canRedo);
    void undoTextChanged(const QString &text);
    void redoTextChanged(const QString &text);
    void cleanChanged(bool clean);

private:
    friend class AnnotationDocument;
    // Records an edit that was just applied; drops the redo tail.
    void push(Edit edit);
    // Moves the index after the document applied the undo/redo.
    void moveIndex(int index);
    void emitChanges(
        bool couldUndo, bool couldRedo, const QString &undo, const QString &redo, bool wasClean);

    QList<Edit> m_edits;
    int m_index = 0;
    int m_clean = 0; // -1: the clean state was dropped from the history
    int m_limit = 0;
};

} // namespace earmark::annotation
