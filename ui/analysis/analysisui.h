#pragma once

#include <QObject>

class QDockWidget;

namespace earmark::ui {

class AnalysisController;
class AnalysisPanel;
class LibraryController;
class MainWindow;

// The analysis commands in the main window: the Analysis menu (Analyze Open Video, Analyze
// Videos…, Model Packs…, Cancel All), registered in the window's ActionRegistry, and the
// Analysis dock.
// Owned by the window. GUI thread only.
class AnalysisUi : public QObject
{
    Q_OBJECT

public:
    AnalysisUi(MainWindow *window, LibraryController *library, AnalysisController *analysis);

    void analyzeCurrent();
    void showAnalyzeDialog();
    void showPacksDialog();

    AnalysisPanel *panel() const { return m_panel; }
    QDockWidget *dock() const { return m_dock; }

private:
    MainWindow *m_window;
    LibraryController *m_library;
    AnalysisController *m_analysis;
    AnalysisPanel *m_panel = nullptr;
    QDockWidget *m_dock = nullptr;
};

} // namespace earmark::ui
