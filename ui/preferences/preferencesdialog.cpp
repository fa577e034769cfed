#include "ui/preferences/preferencesdialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace earmark::ui {

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("preferencesPages"));
    m_list->setMaximumWidth(180);
    m_stack = new QStackedWidget(this);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("preferencesError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel
                                         | QDialogButtonBox::Apply,
                                     this);

    auto *pages = new QHBoxLayout;
    pages->addWidget(m_list);
    pages->addWidget(m_stack, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pages, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_list, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, [this] {
        applyAll();
    });
    resize(680, 460);
}

void PreferencesDialog::addPage(PreferencesPage *page)
{
    page->setParent(this);
    page->load();
    m_pages.append(page);
    m_stack->addWidget(page);
    m_list->addItem(page->title());
    if (m_list->currentRow() < 0)
        m_list->setCurrentRow(0);
}

void PreferencesDialog::showPage(const QString &objectName)
{
    for (int i = 0; i < m_pages.size(); ++i) {
        if (m_pages[i]->objectName() == objectName)
            m_list->setCurrentRow(i);
    }
}

PreferencesPage *PreferencesDialog::currentPage() const
{
    return m_pages.value(m_stack->currentIndex());
}

bool PreferencesDialog::applyAll()
{
    for (int i = 0; i < m_pages.size(); ++i) {
        const Status applied = m_pages[i]->apply();
        if (!applied) {
            m_list->setCurrentRow(i);
            m_error->setText(tr("%1: %2").arg(m_pages[i]->title(), applied.errorString()));
            m_error->show();
            return false;
        }
    }
    m_error->hide();
    return true;
}

void PreferencesDialog::accept()
{
    if (applyAll())
        QDialog::accept();
}

} // namespace earmark::ui
