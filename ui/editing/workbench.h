#pragma once

#include "core/annotation/video.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QAction;
class QDockWidget;
class QMenu;
class QMenuBar;
class QToolBar;
class QWidget;

namespace earmark::storage {
class AnnotationSession;
}

namespace earmark::ui {

class ActionRegistry;
class EditorSession;
class LibraryController;
class MainWindow;
class MaskOverlay;
class MaskPanel;
class ReviewPanel;
class TransportController;
class UndoHistoryPanel;

// The annotator's workbench inside the main window: opens the video's annotations from the
// library (storage::AnnotationSession: every edit is written as it is made), and wires the
// timeline, the proposal review, the undo history, the mask overlay and the transport to the
// keyboard. Every command is registered in the window's ActionRegistry (so the cheat sheet lists
// it and its keys can be changed) and sits in a menu.
//
// MainWindow creates one after its player, axis, timeline and action registry, and calls
// createMenus() from createActions(), openVideo() when a video opens and shutDown() when closing.
// GUI thread only.
class Workbench : public QObject
{
    Q_OBJECT

public:
    Workbench(MainWindow *window, LibraryController *library);
    ~Workbench() override;

    EditorSession *session() const { return m_session; }
    TransportController *transport() const { return m_transport; }
    MaskOverlay *maskOverlay() const { return m_overlay; }
    ReviewPanel *reviewPanel() const { return m_review; }
    MaskPanel *maskPanel() const { return m_masks; }
    UndoHistoryPanel *historyPanel() const { return m_history; }
    QToolBar *toolBar() const { return m_toolBar; }
    // The library's session for the open video (null while loading or when none is open).
    storage::AnnotationSession *annotationSession() const { return m_annotations.get(); }

    // Adds the Edit and Review menus (after the File menu), the workbench's playback commands to
    // `playback` and its panels to `view`.
    void createMenus(QMenuBar *bar, QMenu *playback, QMenu *view);
    // A strip along the time axis (the waveform, the pictures) in a row that lines up with the
    // timeline's lanes, with `title` where the lanes have their names. The row is named
    // `<name>Row`, the title's label `<name>Label`.
    QWidget *alignWithLanes(QWidget *strip, const QString &title, const QString &name);

    // Opens the annotations of `video`; documentOpened() follows (or an error on the status bar).
    void openVideo(const annotation::Video &video);
    // Waits until every edit is written (closing the window).
    void shutDown();

Q_SIGNALS:
    void documentOpened();

private:
    void createActions();
    void createDocks();
    void createToolBar();
    void showContextMenu(const QPoint &globalPos);
    void chooseClass();
    void reveal(Time onset, Time offset);
    void updateActions();
    void onVideoStatusChanged();
    QAction *action(const char *id) const;

    MainWindow *m_window;
    LibraryController *m_library;
    ActionRegistry *m_actions;
    EditorSession *m_session = nullptr;
    TransportController *m_transport = nullptr;
    MaskOverlay *m_overlay = nullptr;
    ReviewPanel *m_review = nullptr;
    MaskPanel *m_masks = nullptr;
    UndoHistoryPanel *m_history = nullptr;
    QDockWidget *m_reviewDock = nullptr;
    QDockWidget *m_masksDock = nullptr;
    QDockWidget *m_historyDock = nullptr;
    QToolBar *m_toolBar = nullptr;
    std::shared_ptr<storage::AnnotationSession> m_annotations;
    quint64 m_openGeneration = 0;
};

} // namespace earmark::ui
