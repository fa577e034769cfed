#include "ui/analysis/analysisui.h"

#include "core/storage/modelrunrepository.h"
#include "ui/analysis/analysiscontroller.h"
#include "ui/analysis/analysispanel.h"
#include "ui/analysis/analyzedialog.h"
#include "ui/analysis/finetunedialog.h"
#include "ui/analysis/packsdialog.h"
#include "ui/library/librarycontroller.h"
#include "ui/mainwindow.h"
#include "ui/shell/actionregistry.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace earmark::ui {

AnalysisUi::AnalysisUi(MainWindow *window, LibraryController *library, AnalysisController *analysis)
    : QObject(window)
    , m_window(window)
    , m_library(library)
    , m_analysis(analysis)
{
    m_panel = new AnalysisPanel(analysis, window);
    m_dock = new QDockWidget(tr("Analysis"), window);
    m_dock->setObjectName(QStringLiteral("analysisDock"));
    m_dock->setWidget(m_panel);
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);

    const QString category = tr("Analysis");
    ActionRegistry *registry = window->actions();
    QAction *current = registry->add(QStringLiteral("analysis.current"),
                                     category,
                                     tr("Analyze &Open Video"),
                                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    current->setStatusTip(tr("Run the active model pack over the open video"));
    QAction *videos = registry->add(QStringLiteral("analysis.videos"),
                                    category,
                                    tr("Analyze &Videos…"));
    QAction *packs = registry->add(QStringLiteral("analysis.packs"), category, tr("&Model Packs…"));
    QAction *finetune = registry->add(QStringLiteral("analysis.finetune"),
                                      category,
                                      tr("&Fine-Tune Models on Accepted Annotations…"));
    finetune->setStatusTip(tr("Retrain a model pack's heads on the annotations accepted in this "
                              "library, as a new version of the pack"));
    QAction *cancelAll = registry->add(QStringLiteral("analysis.cancel-all"),
                                       category,
                                       tr("&Cancel All Analyses"));
    connect(current, &QAction::triggered, this, &AnalysisUi::analyzeCurrent);
    connect(videos, &QAction::triggered, this, &AnalysisUi::showAnalyzeDialog);
    connect(packs, &QAction::triggered, this, &AnalysisUi::showPacksDialog);
    connect(finetune, &QAction::triggered, this, &AnalysisUi::showFinetuneDialog);
    connect(cancelAll, &QAction::triggered, m_analysis, &AnalysisController::cancelAll);
    m_analyzeNew = registry->add(QStringLiteral("analysis.new-videos"),
                                 category,
                                 tr("Analyze &New Videos"));
    m_analyzeNew->setCheckable(true);
    m_analyzeNew->setStatusTip(
        tr("Run the active model pack over every video added to the library, in the background"));
    m_analyzeNew->setChecked(
        QSettings().value(QStringLiteral("analysis/analyzeNewVideos"), true).toBool());
    connect(m_analyzeNew, &QAction::toggled, this, [](bool on) {
        QSettings().setValue(QStringLiteral("analysis/analyzeNewVideos"), on);
    });
    connect(m_library, &LibraryController::videoAdded, this, &AnalysisUi::analyzeIfNew);

    auto *menu = new QMenu(tr("&Analysis"), window);
    menu->setObjectName(QStringLiteral("analysisMenu"));
    menu->addAction(current);
    menu->addAction(videos);
    menu->addSeparator();
    menu->addAction(cancelAll);
    menu->addSeparator();
    menu->addAction(m_analyzeNew);
    menu->addAction(packs);
    menu->addAction(finetune);
    menu->addAction(m_dock->toggleViewAction());
    // Before Help, which stays last.
    QAction *before = nullptr;
    const QList<QAction *> menus = window->menuBar()->actions();
    if (!menus.isEmpty() && menus.constLast()->menu()
        && menus.constLast()->menu()->title().remove(u'&') == MainWindow::tr("&Help").remove(u'&'))
        before = menus.constLast();
    window->menuBar()->insertMenu(before, menu);

    connect(m_panel, &AnalysisPanel::analyzeCurrentRequested, this, &AnalysisUi::analyzeCurrent);
    connect(m_panel, &AnalysisPanel::analyzeVideosRequested, this, &AnalysisUi::showAnalyzeDialog);
    connect(m_panel, &AnalysisPanel::managePacksRequested, this, &AnalysisUi::showPacksDialog);
    connect(m_analysis, &AnalysisController::errorOccurred, this, [this](const QString &message) {
        QMessageBox::warning(m_window, tr("Analysis"), message);
    });
    connect(m_analysis, &AnalysisController::jobFinished, this, [this](quint64 id) {
        const AnalysisController::Job *job = m_analysis->job(id);
        if (!job)
            return;
        if (job->state == AnalysisController::State::Failed)
            m_window->statusBar()->showMessage(
                tr("Analysis of %1 failed: %2").arg(job->title, job->message));
        else if (job->state == AnalysisController::State::Done)
            m_window->statusBar()
                ->showMessage(tr("Analysis of %1: %2").arg(job->title, job->message), 8000);
    });
    connect(m_analysis, &AnalysisController::proposalsStored, this, [this](annotation::VideoId video) {
        const auto open = m_window->currentVideo();
        if (open && open->id == video)
            m_window->statusBar()
                ->showMessage(tr("New proposals for %1 are in the library").arg(open->title), 8000);
    });
}

void AnalysisUi::analyzeCurrent()
{
    const auto open = m_window->currentVideo();
    if (!open) {
        showAnalyzeDialog();
        return;
    }
    if (m_analysis->analyze(*open)) {
        m_dock->show();
        m_dock->raise();
    }
}

bool AnalysisUi::analyzeIfNew(const annotation::Video &video)
{
    if (!m_analyzeNew->isChecked() || video.path.isEmpty() || !m_analysis->packs().active())
        return false;
    for (const AnalysisController::Job &job : m_analysis->jobs()) {
        if (job.videoId == video.id)
            return false;
    }
    auto runs = storage::ModelRunRepository(m_library->database()).runsOf(video.id);
    if (!runs || !runs->isEmpty())
        return false;
    return m_analysis->analyze(video) != 0;
}

void AnalysisUi::showAnalyzeDialog()
{
    const auto open = m_window->currentVideo();
    AnalyzeDialog dialog(m_analysis, m_library, open ? open->id : 0, m_window);
    if (dialog.exec() == QDialog::Accepted) {
        m_dock->show();
        m_dock->raise();
    }
}

void AnalysisUi::showFinetuneDialog()
{
    FinetuneDialog dialog(m_analysis, m_library->database(), m_window);
    connect(&dialog, &FinetuneDialog::packsChanged, m_panel, &AnalysisPanel::refreshPack);
    dialog.exec();
    m_panel->refreshPack();
}

void AnalysisUi::showPacksDialog()
{
    PacksDialog dialog(m_analysis, m_window);
    connect(&dialog, &PacksDialog::packsChanged, m_panel, &AnalysisPanel::refreshPack);
    dialog.exec();
    m_panel->refreshPack();
}

} // namespace earmark::ui
