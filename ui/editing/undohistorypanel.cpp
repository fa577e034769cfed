#include "ui/editing/undohistorypanel.h"

#include "core/annotation/document.h"
#include "core/annotation/undostack.h"
#include "ui/editing/editorsession.h"

#include <QLabel>
#include <QListView>
#include <QVBoxLayout>

namespace earmark::ui {

UndoHistoryModel::UndoHistoryModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void UndoHistoryModel::setStack(annotation::UndoStack *stack)
{
    beginResetModel();
    if (m_stack)
        m_stack->disconnect(this);
    m_stack = stack;
    m_rows = m_stack ? m_stack->count() + 1 : 0;
    endResetModel();
    if (!m_stack)
        return;
    // The stack says only that its index moved; the count may have changed with it (a new edit
    // drops the redo tail, a limit drops the oldest).
    connect(m_stack, &annotation::UndoStack::indexChanged, this, [this] {
        const int rows = m_stack->count() + 1;
        if (rows != m_rows) {
            beginResetModel();
            m_rows = rows;
            endResetModel();
        } else {
            Q_EMIT dataChanged(index(0), index(m_rows - 1));
        }
    });
}

int UndoHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

QVariant UndoHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!m_stack || !index.isValid() || index.row() >= m_rows)
        return {};
    const int row = index.row();
    switch (role) {
    case Qt::DisplayRole:
        return row == 0 ? tr("Opened") : m_stack->text(row - 1);
    case Qt::ToolTipRole:
        return row == 0 ? tr("The video as it was opened") : m_stack->text(row - 1);
    case Qt::FontRole:
        if (row > m_stack->index()) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        if (row > m_stack->index())
            return QPalette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    default:
        return {};
    }
}

UndoHistoryPanel::UndoHistoryPanel(EditorSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new UndoHistoryModel(this))
    , m_view(new QListView(this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("undoHistoryPanel"));
    m_view->setObjectName(QStringLiteral("undoHistoryList"));
    m_view->setModel(m_model);
    m_view->setUniformItemSizes(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_hint->setWordWrap(true);
    m_hint->setText(tr("Click an entry to go back to it. Ctrl+Z undoes, Ctrl+Shift+Z redoes."));
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    QFont small = m_hint->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_hint->setFont(small);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_hint);

    connect(m_session, &EditorSession::documentChanged, this, &UndoHistoryPanel::setDocument);
    connect(m_view, &QListView::clicked, this, [this](const QModelIndex &index) {
        if (m_document && index.row() != m_document->undoStack()->index()) {
            const Status s = m_document->setIndex(index.row());
            if (!s)
                Q_EMIT m_session->errorOccurred(s.errorString());
        }
        syncCurrent();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &UndoHistoryPanel::syncCurrent);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &UndoHistoryPanel::syncCurrent);
    setDocument(m_session->document());
}

void UndoHistoryPanel::setDocument(annotation::AnnotationDocument *document)
{
    m_document = document;
    m_model->setStack(document ? document->undoStack() : nullptr);
    syncCurrent();
}

void UndoHistoryPanel::syncCurrent()
{
    if (!m_model->stack())
        return;
    const QModelIndex current = m_model->index(m_model->stack()->index());
    m_view->setCurrentIndex(current);
    m_view->scrollTo(current);
}

} // namespace earmark::ui
