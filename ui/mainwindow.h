#pragma once

#include "core/annotation/video.h"

#include <QMainWindow>

#include <optional>

class QDockWidget;
class QMenu;
class QLabel;

namespace earmark::ui {

class ActionRegistry;
class AnalysisController;
class AudioStrip;
class ChatPanel;
class LibraryController;
class LibraryPanel;
class LibraryProxies;
class PlayerWidget;
class SpectrogramView;
class ThumbnailStrip;
class TimeAxis;
class TimelineView;
class WaveformView;
class Workbench;

// The main window: library panel on the side; player, waveform and timeline in the middle.
// Remembers its geometry and layout. GUI thread only.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(LibraryController *library, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Adds files to the library; the first one added is opened.
    void openFiles(const QStringList &paths);
    // Opens a library video in the player.
    void openVideo(const annotation::Video &video);
    // Opens Preferences, at the page whose objectName is `page` when given.
    void showPreferences(const QString &page = QString());
    // Adds the Analysis menu and dock (app/ wires the engine; the window does not own it).
    void setAnalysis(AnalysisController *analysis);

    std::optional<annotation::Video> currentVideo() const { return m_current; }

    PlayerWidget *player() const { return m_player; }
    WaveformView *waveform() const { return m_waveform; }
    SpectrogramView *spectrogram() const { return m_spectrogram; }
    // The waveform or, toggled with View › Spectrogram, the spectrogram.
    AudioStrip *audioStrip() const { return m_audioStrip; }
    // Pictures of the video along the time axis, under the player and above the audio strip
    // (View › Thumbnails).
    ThumbnailStrip *thumbnailStrip() const { return m_thumbnailStrip; }
    TimelineView *timeline() const { return m_timeline; }
    LibraryPanel *libraryPanel() const { return m_libraryPanel; }
    LibraryProxies *libraryProxies() const { return m_proxies; }
    TimeAxis *timeAxis() const { return m_axis; }
    ChatPanel *chatPanel() const { return m_chatPanel; }
    ActionRegistry *actions() const { return m_actions; }
    Workbench *workbench() const { return m_workbench; }
    // The library's folder for derived, rebuildable data (paths::cacheDirFor): waveform overviews
    // in "waveforms", library pictures in "thumbnails", the player's seek proxies in "proxies".
    QString cacheDir() const { return m_cacheDir; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createChatActions();
    void createSpectrogramAction(QMenu *view);
    void createThumbnailsAction(QMenu *view);
    QWidget *createPlayerPane();
    void showOpenDialog();
    void showAbout();
    void showShortcuts();
    void buildAppearanceMenus(QMenu *view);
    void showError(const QString &message);
    void restoreLayout();
    void saveLayout();

    LibraryController *m_library;
    QString m_cacheDir;
    TimeAxis *m_axis = nullptr;
    ActionRegistry *m_actions = nullptr;
    PlayerWidget *m_player = nullptr;
    AudioStrip *m_audioStrip = nullptr;
    WaveformView *m_waveform = nullptr;
    SpectrogramView *m_spectrogram = nullptr;
    ThumbnailStrip *m_thumbnailStrip = nullptr;
    QWidget *m_thumbnailRow = nullptr; // the strip with its label, lined up with the lanes
    TimelineView *m_timeline = nullptr;
    LibraryPanel *m_libraryPanel = nullptr;
    LibraryProxies *m_proxies = nullptr; // seek proxies of videos as they are added
    QDockWidget *m_libraryDock = nullptr;
    ChatPanel *m_chatPanel = nullptr;
    QDockWidget *m_chatDock = nullptr;
    Workbench *m_workbench = nullptr;
    std::optional<annotation::Video> m_current;
    QStringList m_pendingOpen; // files whose addition should open them
};

} // namespace earmark::ui
