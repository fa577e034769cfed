#include "ui/mainwindow.h"

#include "core/base/version.h"
#include "ui/library/librarycontroller.h"
#include "ui/library/librarypanel.h"
#include "ui/player/playerwidget.h"
#include "ui/player/videoview.h"
#include "ui/timeaxis.h"
#include "ui/timeline/timelineview.h"
#include "ui/waveform/waveformview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>

namespace earmark::ui {

using annotation::Video;

MainWindow::MainWindow(LibraryController *library, QWidget *parent)
    : QMainWindow(parent)
    , m_library(library)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Earmark"));
    setAcceptDrops(true);

    m_axis = new TimeAxis(this);
    m_player = new PlayerWidget(this);
    m_waveform = new WaveformView(m_axis, this);
    m_waveform->setObjectName(QStringLiteral("waveform"));
    m_timeline = new TimelineView(m_axis, this);
    m_timeline->setObjectName(QStringLiteral("timeline"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("centralSplitter"));
    splitter->addWidget(m_player);
    splitter->addWidget(m_waveform);
    splitter->addWidget(m_timeline);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 2);
    splitter->setChildrenCollapsible(false);
    setCentralWidget(splitter);

    m_libraryPanel = new LibraryPanel(m_library, this);
    m_libraryDock = new QDockWidget(tr("Library"), this);
    m_libraryDock->setObjectName(QStringLiteral("libraryDock"));
    m_libraryDock->setWidget(m_libraryPanel);
    addDockWidget(Qt::LeftDockWidgetArea, m_libraryDock);

    createActions();

    connect(m_libraryPanel, &LibraryPanel::videoActivated, this, &MainWindow::openVideo);
    connect(m_library, &LibraryController::errorOccurred, this, &MainWindow::showError);
    connect(m_library, &LibraryController::videoAdded, this, [this](const Video &video) {
        statusBar()->showMessage(tr("Added %1").arg(video.title), 4000);
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
    connect(m_waveform, &WaveformView::seekRequested, m_player, &PlayerWidget::seek);
    connect(m_timeline, &TimelineView::seekRequested, m_player, &PlayerWidget::seek);

    restoreLayout();
    statusBar()->showMessage(tr("Library: %1").arg(m_library->location()));
    m_library->refresh();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Video…"), this, &MainWindow::showOpenDialog);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *playback = menuBar()->addMenu(tr("&Playback"));
    QAction *playPause = playback->addAction(tr("&Play/Pause"), m_player, &PlayerWidget::togglePlay);
    playPause->setShortcut(Qt::Key_Space);
    QAction *next = playback->addAction(tr("&Next Frame"), this, [this] {
        m_player->stepFrames(1);
    });
    next->setShortcut(Qt::Key_Period);
    QAction *prev = playback->addAction(tr("P&revious Frame"), this, [this] {
        m_player->stepFrames(-1);
    });
    prev->setShortcut(Qt::Key_Comma);
    QAction *back = playback->addAction(tr("Back 5 Seconds"), this, [this] {
        m_player->seek(m_player->position() - Time::fromMilliseconds(5000));
    });
    back->setShortcut(Qt::Key_Left);
    QAction *forward = playback->addAction(tr("Forward 5 Seconds"), this, [this] {
        m_player->seek(m_player->position() + Time::fromMilliseconds(5000));
    });
    forward->setShortcut(Qt::Key_Right);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_libraryDock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Earmark"), this, &MainWindow::showAbout);
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
    m_axis->setDuration(video.duration);
    if (video.hasAudio)
        m_waveform->load(video.path);
    else
        m_waveform->clear();
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
    if (auto *splitter = qobject_cast<QSplitter *>(centralWidget()))
        splitter->restoreState(settings.value(QStringLiteral("mainWindow/splitter")).toByteArray());
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
    m_player->close();
    event->accept();
}

} // namespace earmark::ui
