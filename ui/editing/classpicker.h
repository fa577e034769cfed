#pragma once

#include "core/annotation/labelset.h"

#include <QDialog>

#include <optional>

class QLineEdit;
class QListWidget;

namespace earmark::ui {

// A small searchable list of a label set's classes, opened at the mouse or under the selection:
// type to filter (any part of the name, any case), Up/Down to move, Enter to choose, Escape to
// cancel. Classes with a number key (the timeline's rows) show it. GUI thread only.
class ClassPicker : public QDialog
{
    Q_OBJECT

public:
    ClassPicker(const annotation::LabelSet &labels,
                int current,
                const QList<int> &quickClasses,
                QWidget *parent = nullptr);

    // The chosen class, or nullopt when cancelled.
    std::optional<int> chosenClass() const { return m_chosen; }
    void setFilterText(const QString &text);
    int visibleCount() const;

    // Opens a picker at `globalPos` and waits for the choice.
    static std::optional<int> choose(QWidget *parent,
                                     const annotation::LabelSet &labels,
                                     int current,
                                     const QList<int> &quickClasses,
                                     const QPoint &globalPos);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilter();
    void acceptCurrent();

    QLineEdit *m_search = nullptr;
    QListWidget *m_list = nullptr;
    std::optional<int> m_chosen;
};

} // namespace earmark::ui
