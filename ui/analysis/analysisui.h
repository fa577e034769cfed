#pragma once

#include "core/annotation/video.h"

#include <QObject>

class QAction;
class QDockWidget;

namespace earmark::ui {

class AnalysisController;
class AnalysisPanel;
class LibraryController;
class MainWindow;

// The analysis commands in the main window: the Analysis menu (Analyze Open Video, Analyze
// Videos…, Model Packs…, Fine-Tune Models on Accepted Annotations…, Cancel All, Analyze New
// Videos), registered in the window's ActionRegistry, and the Analysis dock.
// Owned by the window. GUI thread only.
class AnalysisUi : public QObject
{
    Q_OBJECT

public:
    AnalysisUi(MainWindow *window, LibraryController *library, AnalysisController *analysis);

    void analyzeCurrent();
    void showAnalyzeDialog();
    void showPacksDialog();
    void showFinetuneDialog();
    // Analyses `video` with the active pack when "Analyze New Videos" is on, a pack is
    // installed, the video has its media file, and no model run has results for it yet (so a
    // library opened again is not analysed twice). Returns whether a job was queued.
    bool analyzeIfNew(const annotation::Video &video);

    AnalysisPanel *panel() const { return m_panel; }
    QDockWidget *dock() const { return m_dock; }

private:
    MainWindow *m_window;
    LibraryController *m_library;
    AnalysisController *m_analysis;
    AnalysisPanel *m_panel = nullptr;
    QDockWidget *m_dock = nullptr;
    QAction *m_analyzeNew = nullptr;
};

} // namespace earmark::ui
