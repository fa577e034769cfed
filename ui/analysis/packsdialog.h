#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTextBrowser;
class QTreeWidget;

namespace earmark::ui {

class AnalysisController;

// Model pack management: the installed packs, what each holds (tasks, inputs, preprocessing,
// licence, citation, measured scores), adding a pack folder through a file dialog (checked and
// copied in the background), choosing the active pack, removing added packs. GUI thread only.
class PacksDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PacksDialog(AnalysisController *analysis, QWidget *parent = nullptr);

    // Checks and installs the pack in `folder` (what Add… does after its file dialog).
    void addPack(const QString &folder);
    QTreeWidget *packList() const { return m_list; }

Q_SIGNALS:
    // The active pack or the installed packs changed.
    void packsChanged();

private:
    void reload();
    void showDetails();
    void chooseFolder();
    void makeActive();
    void removeSelected();
    QString selectedFolder() const;

    AnalysisController *m_analysis;
    QTreeWidget *m_list = nullptr;
    QTextBrowser *m_details = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_use = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace earmark::ui
