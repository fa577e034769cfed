#include "ui/mainwindow.h"

#include "core/base/paths.h"
#include "core/base/version.h"
#include "inference/llm/llmsettings.h"
#include "ui/analysis/analysisui.h"
#include "ui/chat/chatpanel.h"
#include "ui/editing/workbench.h"
#include "ui/library/librarycontroller.h"
#include "ui/library/librarypanel.h"
#include "ui/library/libraryproxies.h"
#include "ui/player/playerwidget.h"
#include "ui/player/videoview.h"
#include "ui/preferences/chatpage.h"
#include "ui/preferences/preferencesdialog.h"
#include "ui/shell/actionregistry.h"
#include "ui/shell/language.h"
#include "ui/shell/shortcutsdialog.h"
#include "ui/shell/theme.h"
#include "ui/thumbnails/thumbnailstrip.h"
#include "ui/timeaxis.h"
#include "ui/timeline/timelineview.h"
#include "ui/waveform/audiostrip.h"
#include "ui/waveform/spectrogramview.h"
#include "ui/waveform/waveformview.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace earmark::ui {

using annotation::Video;

MainWindow::MainWindow(LibraryController *library, QWidget *parent)
    : QMainWindow(parent)
    , m_library(library)
    , m_cacheDir(paths::cacheDirFor(library->database()->filePath()))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Earmark"));
    setAcceptDrops(true);

    m_actions = new ActionRegistry(this, this);
    m_axis = new TimeAxis(this);
    m_player = new PlayerWidget(this);
    m_player->setProxyDir(QDir(m_cacheDir).filePath(QStringLiteral("proxies")));
    m_proxies = new LibraryProxies(QDir(m_cacheDir).filePath(QStringLiteral("proxies")), this);
    m_audioStrip = new AudioStrip(m_axis, this);
    m_audioStrip->setObjectName(QStringLiteral("audioStrip"));
    m_waveform = m_audioStrip->waveform();
    m_audioStrip->setCacheDir(m_cacheDir);
    m_spectrogram = m_audioStrip->spectrogram();
    m_thumbnailStrip = new ThumbnailStrip(m_axis, this);
    m_timeline = new TimelineView(m_axis, this);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_workbench = new Workbench(this, m_library);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("centralSplitter"));
    splitter->addWidget(createPlayerPane());
    splitter->addWidget(
        m_workbench->alignWithLanes(m_audioStrip, tr("Waveform"), QStringLiteral("waveform")));
    splitter->addWidget(m_timeline);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 4);
    splitter->setChildrenCollapsible(false);
    setCentralWidget(splitter);

    m_libraryPanel = new LibraryPanel(m_library, this);
    m_libraryPanel->setThumbnailCacheDir(QDir(m_cacheDir).filePath(QStringLiteral("thumbnails")));
    m_libraryDock = new QDockWidget(tr("Library"), this);
    m_libraryDock->setObjectName(QStringLiteral("libraryDock"));
    m_libraryDock->setWidget(m_libraryPanel);
    addDockWidget(Qt::LeftDockWidgetArea, m_libraryDock);

    m_chatPanel = new ChatPanel(m_library, this);
    {
        QSettings settings;
        m_chatPanel->setSettings(llm::loadLlmSettings(settings));
    }
    m_chatDock = new QDockWidget(tr("Chat"), this);
    m_chatDock->setObjectName(QStringLiteral("chatDock"));
    m_chatDock->setWidget(m_chatPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_chatDock);

    createActions();
    createChatActions();

    connect(m_libraryPanel, &LibraryPanel::videoActivated, this, &MainWindow::openVideo);
    connect(m_library, &LibraryController::errorOccurred, this, &MainWindow::showError);
    connect(m_library, &LibraryController::videoAdded, this, [this](const Video &video) {
        statusBar()->showMessage(tr("Added %1").arg(video.title), 4000);
        if (video.hasVideo)
            m_proxies->add(video.path);
        const auto it = std::find_if(m_pendingOpen.begin(),
                                     m_pendingOpen.end(),
                                     [&](const QString &p) {
                                         return QFileInfo(p).absoluteFilePath() == video.path;
                                     });
        if (it != m_pendingOpen.end()) {
            m_pendingOpen.clear(); // open the first file that made it in, only
            openVideo(video);
        }
    });
    connect(m_player, &PlayerWidget::errorOccurred, this, &MainWindow::showError);
    connect(m_player, &PlayerWidget::positionChanged, m_axis, [this](Time position) {
        m_axis->setPlayhead(position);
        if (m_player->isPlaying())
            m_axis->ensureVisible(position);
    });
    connect(m_audioStrip, &AudioStrip::seekRequested, m_player, &PlayerWidget::seek);
    connect(m_thumbnailStrip, &ThumbnailStrip::seekRequested, m_player, &PlayerWidget::seek);
    connect(m_timeline, &TimelineView::seekRequested, m_player, &PlayerWidget::seek);
    connect(m_chatPanel, &ChatPanel::seekRequested, m_player, &PlayerWidget::seek);
    connect(m_chatPanel, &ChatPanel::settingsRequested, this, [this] {
        showPreferences(QStringLiteral("chatPreferences"));
    });
    connect(m_chatPanel, &ChatPanel::errorOccurred, this, &MainWindow::showError);
    connect(m_axis, &TimeAxis::rangeChanged, m_chatPanel, [this] {
        m_chatPanel->setVisibleRange(std::make_pair(m_axis->visibleStart(), m_axis->visibleEnd()));
    });

    restoreLayout();
    statusBar()->showMessage(tr("Library: %1").arg(m_library->location()));
    m_library->refresh();
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::createPlayerPane()
{
    // The thumbnails under the player, lined up with the timeline's lanes, so that they sit
    // right above the waveform; the splitter's handle below them sizes the picture and the audio
    // strip as before, and the pictures keep their height.
    auto *pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("playerPane"));
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    m_thumbnailRow = m_workbench->alignWithLanes(m_thumbnailStrip,
                                                 tr("Pictures"),
                                                 QStringLiteral("thumbnail"));
    layout->addWidget(m_player, 1);
    layout->addWidget(m_thumbnailRow);
    return pane;
}

void MainWindow::setAnalysis(AnalysisController *analysis)
{
    new AnalysisUi(this, m_library, analysis);
}

void MainWindow::createActions()
{
    const QString fileCategory = tr("File");
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = m_actions->add(QStringLiteral("file.open"),
                                   fileCategory,
                                   tr("&Open Video…"),
                                   QKeySequence::Open);
    connect(open, &QAction::triggered, this, &MainWindow::showOpenDialog);
    file->addAction(open);
    file->addSeparator();
    QAction *quit = m_actions->add(QStringLiteral("file.quit"),
                                   fileCategory,
                                   tr("&Quit"),
                                   QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    file->addAction(quit);

    const QString playCategory = tr("Playback");
    QMenu *playback = menuBar()->addMenu(tr("&Playback"));
    auto addPlayback =
        [&](const char *id, const QString &text, const QKeySequence &keys, auto slot) {
            QAction *a = m_actions->add(QLatin1String(id), playCategory, text, keys);
            connect(a, &QAction::triggered, this, slot);
            playback->addAction(a);
            return a;
        };
    addPlayback("playback.toggle", tr("&Play/Pause"), Qt::Key_Space, [this] {
        m_player->togglePlay();
    });
    addPlayback("playback.next-frame", tr("&Next Frame"), Qt::Key_Period, [this] {
        m_player->stepFrames(1);
    });
    addPlayback("playback.previous-frame", tr("P&revious Frame"), Qt::Key_Comma, [this] {
        m_player->stepFrames(-1);
    });
    addPlayback("playback.back-5s", tr("Back 5 Seconds"), Qt::Key_Left, [this] {
        m_player->seek(m_player->position() - Time::fromMilliseconds(5000));
    });
    addPlayback("playback.forward-5s", tr("Forward 5 Seconds"), Qt::Key_Right, [this] {
        m_player->seek(m_player->position() + Time::fromMilliseconds(5000));
    });

    const QString viewCategory = tr("View");
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_libraryDock->toggleViewAction());
    view->addSeparator();
    QAction *zoomIn = m_actions->add(QStringLiteral("view.zoom-in"),
                                     viewCategory,
                                     tr("Zoom &In"),
                                     QKeySequence::ZoomIn);
    connect(zoomIn, &QAction::triggered, this, [this] { m_axis->zoom(2, m_axis->playhead()); });
    view->addAction(zoomIn);
    QAction *zoomOut = m_actions->add(QStringLiteral("view.zoom-out"),
                                      viewCategory,
                                      tr("Zoom &Out"),
                                      QKeySequence::ZoomOut);
    connect(zoomOut, &QAction::triggered, this, [this] { m_axis->zoom(0.5, m_axis->playhead()); });
    view->addAction(zoomOut);
    QAction *zoomAll = m_actions->add(QStringLiteral("view.zoom-all"),
                                      viewCategory,
                                      tr("Show &Whole File"),
                                      QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(zoomAll, &QAction::triggered, m_axis, &TimeAxis::showAll);
    view->addAction(zoomAll);
    createSpectrogramAction(view);
    createThumbnailsAction(view);
    view->addSeparator();
    buildAppearanceMenus(view);
    m_workbench->createMenus(menuBar(), playback, view);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = m_actions->add(QStringLiteral("help.shortcuts"),
                                        tr("Help"),
                                        tr("&Keyboard Shortcuts…"),
                                        Qt::Key_F1);
    connect(shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    help->addAction(shortcuts);
    help->addAction(tr("&About Earmark"), this, &MainWindow::showAbout);
}

void MainWindow::createSpectrogramAction(QMenu *view)
{
    QAction *spectrogram = m_actions->add(QStringLiteral("view.spectrogram"),
                                          tr("View"),
                                          tr("&Spectrogram"),
                                          QKeySequence(Qt::SHIFT | Qt::Key_S));
    spectrogram->setCheckable(true);
    spectrogram->setIcon(SpectrogramView::icon());
    auto toolTip = [spectrogram] {
        const QString keys = spectrogram->shortcut().toString(QKeySequence::NativeText);
        const QString text = tr("Show the spectrogram instead of the waveform");
        spectrogram->setToolTip(keys.isEmpty() ? text : QStringLiteral("%1 (%2)").arg(text, keys));
    };
    toolTip();
    connect(m_actions, &ActionRegistry::keysChanged, spectrogram, toolTip);
    auto *label = findChild<QLabel *>(QStringLiteral("waveformLabel"));
    connect(spectrogram, &QAction::toggled, this, [this, label](bool on) {
        m_audioStrip->setSpectrogramShown(on);
        if (label)
            label->setText(on ? tr("Spectrogram") : tr("Waveform"));
        QSettings().setValue(QStringLiteral("view/spectrogram"), on);
    });
    spectrogram->setChecked(QSettings().value(QStringLiteral("view/spectrogram"), false).toBool());
    view->addAction(spectrogram);
    // On the toolbar too, after the editing tools (before the stretch that pushes the playback
    // controls to the right end).
    if (QToolBar *tools = m_workbench->toolBar()) {
        QAction *before = nullptr;
        for (QAction *a : tools->actions()) {
            const QWidget *w = tools->widgetForAction(a);
            if (w && w->sizePolicy().horizontalPolicy() == QSizePolicy::Expanding) {
                before = a;
                break;
            }
        }
        tools->insertSeparator(before);
        tools->insertAction(before, spectrogram);
    }
}

void MainWindow::createThumbnailsAction(QMenu *view)
{
    QAction *thumbnails = m_actions->add(QStringLiteral("view.thumbnails"),
                                         tr("View"),
                                         tr("T&humbnails"));
    thumbnails->setCheckable(true);
    thumbnails->setToolTip(tr("Show pictures of the video above the waveform"));
    connect(thumbnails, &QAction::toggled, this, [this](bool on) {
        m_thumbnailRow->setVisible(on);
        QSettings().setValue(QStringLiteral("view/thumbnails"), on);
    });
    const bool shown = QSettings().value(QStringLiteral("view/thumbnails"), true).toBool();
    thumbnails->setChecked(shown);
    m_thumbnailRow->setVisible(shown);
    view->addAction(thumbnails);
}

void MainWindow::buildAppearanceMenus(QMenu *view)
{
    QMenu *theme = view->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(theme);
    const ThemeChoice current = savedTheme();
    const std::pair<ThemeChoice, QString> choices[] = {{ThemeChoice::System, tr("Follow &System")},
                                                       {ThemeChoice::Light, tr("&Light")},
                                                       {ThemeChoice::Dark, tr("&Dark")}};
    for (const auto &[choice, text] : choices) {
        QAction *a = theme->addAction(text);
        a->setCheckable(true);
        a->setChecked(choice == current);
        themes->addAction(a);
        connect(a, &QAction::triggered, this, [choice] {
            saveTheme(choice);
            applyTheme(choice);
        });
    }

    QMenu *language = view->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(language);
    const QString saved = savedLanguage();
    QAction *system = language->addAction(tr("Follow &System"));
    system->setCheckable(true);
    system->setChecked(saved.isEmpty());
    languages->addAction(system);
    connect(system, &QAction::triggered, this, [this] {
        saveLanguage({});
        statusBar()->showMessage(tr("The language changes when Earmark starts again."), 8000);
    });
    language->addSeparator();
    for (const Language &l : availableLanguages()) {
        QAction *a = language->addAction(l.nativeName);
        a->setCheckable(true);
        a->setChecked(saved == l.code);
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = l.code] {
            saveLanguage(code);
            statusBar()->showMessage(tr("The language changes when Earmark starts again."), 8000);
        });
    }
}

void MainWindow::showShortcuts()
{
    ShortcutsDialog dialog(m_actions, this);
    dialog.exec();
}

void MainWindow::openFiles(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    m_pendingOpen = paths;
    m_library->addFiles(paths);
}

void MainWindow::openVideo(const Video &video)
{
    m_current = video;
    setWindowTitle(tr("%1 — Earmark").arg(video.title));
    m_libraryPanel->selectVideo(video.id);
    m_player->open(video.path, video.frameRate);
    m_chatPanel->setVideo(video);
    m_workbench->openVideo(video);
    m_axis->setDuration(video.duration);
    if (video.hasAudio)
        m_audioStrip->load(video.path);
    else
        m_audioStrip->clear();
    if (video.hasVideo && video.hasFile()) {
        const double aspect = video.width > 0 && video.height > 0
                                  ? double(video.width) / video.height
                                  : 0;
        m_thumbnailStrip->load(video.path, aspect);
    } else {
        m_thumbnailStrip->clear();
    }
}

void MainWindow::createChatActions()
{
    QAction *ask = m_actions->add(QStringLiteral("chat.ask"),
                                  tr("Chat"),
                                  tr("&Ask About the Video…"),
                                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(ask, &QAction::triggered, this, [this] {
        m_chatDock->show();
        m_chatDock->raise();
        m_chatPanel->focusInput();
    });
    QAction *preferences = m_actions->add(QStringLiteral("app.preferences"),
                                          tr("File"),
                                          tr("&Preferences…"),
                                          QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    connect(preferences, &QAction::triggered, this, [this] { showPreferences(); });
    // The File and View menus exist already: Preferences goes above Quit, the chat under the
    // library in View.
    for (QAction *entry : menuBar()->actions()) {
        QMenu *menu = entry->menu();
        if (!menu)
            continue;
        const QList<QAction *> items = menu->actions();
        if (QAction *quit = m_actions->action(QStringLiteral("file.quit")); items.contains(quit)) {
            menu->insertAction(quit, preferences);
            menu->insertSeparator(quit);
        }
        const qsizetype library = items.indexOf(m_libraryDock->toggleViewAction());
        if (library >= 0) {
            QAction *next = items.value(library + 1);
            menu->insertAction(next, m_chatDock->toggleViewAction());
            menu->insertAction(next, ask);
        }
    }
}

void MainWindow::showPreferences(const QString &page)
{
    QSettings settings;
    PreferencesDialog dialog(this);
    auto *chat = new ChatPreferencesPage(&settings, &dialog);
    connect(chat, &ChatPreferencesPage::settingsApplied, m_chatPanel, &ChatPanel::setSettings);
    dialog.addPage(chat);
    if (!page.isEmpty())
        dialog.showPage(page);
    dialog.exec();
}

void MainWindow::showOpenDialog()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this,
        tr("Open Video"),
        QString(),
        tr("Media files (*.mp4 *.mkv *.mov *.avi *.webm *.m4v *.mp3 *.wav *.flac *.ogg *.m4a);;"
           "All files (*)"));
    openFiles(files);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this,
                       tr("About Earmark"),
                       tr("<h3>Earmark %1</h3><p>Annotate what is heard and seen in videos.</p>")
                           .arg(QString::fromLatin1(versionString)));
}

void MainWindow::showError(const QString &message)
{
    statusBar()->showMessage(message, 10000);
    qWarning("%s", qPrintable(message));
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    openFiles(paths);
    event->acceptProposedAction();
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    if (auto *splitter = qobject_cast<QSplitter *>(centralWidget())) {
        // First run: the timeline gets nearly as much room as the picture.
        if (!splitter->restoreState(
                settings.value(QStringLiteral("mainWindow/splitter")).toByteArray()))
            splitter->setSizes({500, 70, 430});
    }
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    if (auto *splitter = qobject_cast<QSplitter *>(centralWidget()))
        settings.setValue(QStringLiteral("mainWindow/splitter"), splitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    m_workbench->shutDown();
    m_player->close();
    event->accept();
}

} // namespace earmark::ui
