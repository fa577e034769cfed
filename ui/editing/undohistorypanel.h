#pragma once

#include <QAbstractListModel>
#include <QPointer>
#include <QWidget>

class QListView;
class QLabel;

namespace earmark::annotation {
class AnnotationDocument;
class UndoStack;
} // namespace earmark::annotation

namespace earmark::ui {

class EditorSession;

// The undo history of a document as list rows: row 0 is the state the video was opened in, row i
// the state after edit i. Rows past the stack's index are undone (shown dimmed) and can be
// redone. GUI thread only.
class UndoHistoryModel : public QAbstractListModel
{
    Q_OBJECT

public:
    explicit UndoHistoryModel(QObject *parent = nullptr);

    void setStack(annotation::UndoStack *stack);
    annotation::UndoStack *stack() const { return m_stack; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QPointer<annotation::UndoStack> m_stack;
    int m_rows = 0;
};

// The "History" panel: every edit of the open video, newest last; clicking an entry undoes or
// redoes up to it. GUI thread only.
class UndoHistoryPanel : public QWidget
{
    Q_OBJECT

public:
    explicit UndoHistoryPanel(EditorSession *session, QWidget *parent = nullptr);

    QListView *view() const { return m_view; }
    UndoHistoryModel *model() const { return m_model; }

private:
    void setDocument(annotation::AnnotationDocument *document);
    void syncCurrent();

    EditorSession *m_session;
    UndoHistoryModel *m_model;
    QListView *m_view;
    QLabel *m_hint;
    QPointer<annotation::AnnotationDocument> m_document;
};

} // namespace earmark::ui
