#pragma once

#include "core/base/result.h"

#include <QDialog>
#include <QList>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace earmark::ui {

// One page of the preferences: shows the stored values, checks and applies the edited ones.
class PreferencesPage : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    virtual QString title() const = 0;
    // Fills the fields from the stored settings.
    virtual void load() = 0;
    // Checks the fields and stores them; an error names the field and what to enter.
    virtual Status apply() = 0;
};

// Preferences: a list of pages on the left, the chosen page on the right; OK applies every page
// (the first page that refuses its values is shown with the reason and the dialog stays open),
// Apply applies without closing. Pages are added by the window that opens the dialog.
// GUI thread only.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    // Takes ownership of `page`; it is loaded at once.
    void addPage(PreferencesPage *page);
    void showPage(const QString &objectName);
    PreferencesPage *currentPage() const;

    // Applies every page; false (with the reason shown) when one refuses.
    bool applyAll();

    void accept() override;

private:
    QListWidget *m_list = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QList<PreferencesPage *> m_pages;
};

} // namespace earmark::ui
