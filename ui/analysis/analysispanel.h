#pragma once

#include <QHash>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace earmark::ui {

class AnalysisController;

// The Analysis dock: the active model pack, buttons to analyse the open video or chosen videos
// and to manage packs, and the list of analyses with a progress bar and a Cancel button each.
// GUI thread only.
class AnalysisPanel : public QWidget
{
    Q_OBJECT

public:
    explicit AnalysisPanel(AnalysisController *analysis, QWidget *parent = nullptr);

    // Shows the active pack again (after the packs dialog changed it).
    void refreshPack();
    QTreeWidget *jobList() const { return m_jobs; }
    QPushButton *analyzeButton() const { return m_analyzeCurrent; }

Q_SIGNALS:
    void analyzeCurrentRequested();
    void analyzeVideosRequested();
    void managePacksRequested();

private:
    void addJob(quint64 id);
    void updateJob(quint64 id);

    AnalysisController *m_analysis;
    QLabel *m_pack = nullptr;
    QPushButton *m_analyzeCurrent = nullptr;
    QPushButton *m_analyzeVideos = nullptr;
    QPushButton *m_cancelAll = nullptr;
    QPushButton *m_clear = nullptr;
    QTreeWidget *m_jobs = nullptr;
    QHash<quint64, QTreeWidgetItem *> m_items;
};

} // namespace earmark::ui
