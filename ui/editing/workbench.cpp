#include "ui/editing/workbench.h"

#include "core/annotation/commands.h"
#include "core/annotation/document.h"
#include "core/storage/annotationsession.h"
#include "ui/editing/classpicker.h"
#include "ui/editing/editorsession.h"
#include "ui/editing/maskpanel.h"
#include "ui/editing/reviewpanel.h"
#include "ui/editing/undohistorypanel.h"
#include "ui/library/librarycontroller.h"
#include "ui/mainwindow.h"
#include "ui/player/maskoverlay.h"
#include "ui/player/playerwidget.h"
#include "ui/player/transport.h"
#include "ui/player/videoview.h"
#include "ui/shell/actionregistry.h"
#include "ui/shell/icons.h"
#include "ui/timeaxis.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelinestyle.h"
#include "ui/timeline/timelineview.h"

#include <QAction>
#include <QActionGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QCursor>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSlider>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

namespace earmark::ui {

using namespace annotation;

Workbench::Workbench(MainWindow *window, LibraryController *library)
    : QObject(window)
    , m_window(window)
    , m_library(library)
    , m_actions(window->actions())
{
    m_session = new EditorSession(window->timeAxis(), this);
    window->timeline()->setSession(m_session);
    m_transport = new TransportController(window->player(), window->timeAxis(), m_session, this);
    m_overlay = new MaskOverlay(window->player()->videoView(), m_session);

    connect(window->player(), &PlayerWidget::positionChanged, m_overlay, &MaskOverlay::setTime);
    connect(m_session, &EditorSession::errorOccurred, this, [this](const QString &message) {
        m_window->statusBar()->showMessage(message, 8000);
    });
    connect(m_session, &EditorSession::message, this, [this](const QString &text) {
        m_window->statusBar()->showMessage(text, 5000);
    });
    connect(m_transport, &TransportController::message, this, [this](const QString &text) {
        m_window->statusBar()->showMessage(text, 4000);
    });
    connect(m_session, &EditorSession::revealRequested, this, &Workbench::reveal);
    connect(window->timeline(),
            &TimelineView::contextMenuRequested,
            this,
            &Workbench::showContextMenu);
    connect(m_session, &EditorSession::edited, this, &Workbench::onVideoStatusChanged);

    createActions();
    createDocks();
    createToolBar();
    connect(m_session, &EditorSession::selectionChanged, this, &Workbench::updateActions);
    connect(m_session, &EditorSession::edited, this, &Workbench::updateActions);
    connect(m_session, &EditorSession::documentChanged, this, &Workbench::updateActions);
    updateActions();
}

Workbench::~Workbench()
{
    // The document belongs to the annotation session: let go of it first, quietly (the window's
    // actions and panels may be gone already).
    const QSignalBlocker block(m_session);
    m_session->setDocument(nullptr);
}

QAction *Workbench::action(const char *id) const
{
    return m_actions->action(QLatin1String(id));
}

void Workbench::createActions()
{
    const QString edit = tr("Edit");
    const QString review = tr("Review");
    const QString playback = tr("Playback");
    const QString masks = tr("Masks");
    auto add = [this](const char *id,
                      const QString &category,
                      const QString &text,
                      const QKeySequence &keys,
                      auto slot) {
        QAction *a = m_actions->add(QLatin1String(id), category, text, keys);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    EditorSession *s = m_session;

    add("edit.undo", edit, tr("&Undo"), QKeySequence(Qt::CTRL | Qt::Key_Z), [s] {
        s->undo();
    })->setIcon(workbenchIcon(IconKind::Undo));
    add("edit.redo", edit, tr("&Redo"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), [s] {
        s->redo();
    })->setIcon(workbenchIcon(IconKind::Redo));
    add("edit.cut", edit, tr("Cu&t Events"), QKeySequence::Cut, [s] { s->cutSelection(); });
    add("edit.copy", edit, tr("&Copy Events"), QKeySequence::Copy, [s] { s->copySelection(); });
    add("edit.paste", edit, tr("&Paste Events at Playhead"), QKeySequence::Paste, [s] {
        s->paste();
    });
    add("edit.delete", edit, tr("&Delete Events"), QKeySequence(Qt::Key_Delete), [s] {
        s->deleteSelection();
    })->setIcon(workbenchIcon(IconKind::Delete));
    add("edit.select-all", edit, tr("Select &All Events"), QKeySequence::SelectAll, [s] {
        s->selectAll();
    });
    add("edit.deselect", edit, tr("D&eselect"), QKeySequence(Qt::Key_Escape), [this] {
        m_session->clearSelection();
        m_overlay->setTool(MaskOverlay::Tool::None);
    });
    add("edit.split", edit, tr("&Split at Playhead"), QKeySequence(Qt::Key_S), [s] {
        s->splitAtPlayhead();
    })->setIcon(workbenchIcon(IconKind::Split));
    add("edit.merge", edit, tr("&Merge Events"), QKeySequence(Qt::Key_M), [s] {
        s->mergeSelection();
    })->setIcon(workbenchIcon(IconKind::Merge));
    add("edit.change-class", edit, tr("Change C&lass…"), QKeySequence(Qt::Key_C), [this] {
        chooseClass();
    })->setIcon(workbenchIcon(IconKind::Class));
    static const Qt::Key digits[] = {Qt::Key_1,
                                     Qt::Key_2,
                                     Qt::Key_3,
                                     Qt::Key_4,
                                     Qt::Key_5,
                                     Qt::Key_6,
                                     Qt::Key_7,
                                     Qt::Key_8,
                                     Qt::Key_9,
                                     Qt::Key_0};
    for (int n = 0; n < 10; ++n) {
        const QByteArray id = "edit.class-" + QByteArray::number((n + 1) % 10);
        add(id.constData(),
            edit,
            tr("Set Class Number %1").arg((n + 1) % 10),
            QKeySequence(digits[n]),
            [s, n] { s->relabelWithQuickKey(n); });
    }
    add("edit.modality-audio",
        edit,
        tr("Mark as &Heard (Audio)"),
        QKeySequence(Qt::SHIFT | Qt::Key_A),
        [s] { s->setSelectionModality(Modality::Audio); });
    add("edit.modality-visual",
        edit,
        tr("Mark as &Seen (Visual)"),
        QKeySequence(Qt::SHIFT | Qt::Key_V),
        [s] { s->setSelectionModality(Modality::Visual); });
    add("edit.modality-audio-visual",
        edit,
        tr("Mark as Heard and Seen (Audio-&Visual)"),
        QKeySequence(Qt::SHIFT | Qt::Key_B),
        [s] { s->setSelectionModality(Modality::AudioVisual); });
    add("edit.add-track", edit, tr("Add &Track…"), QKeySequence(), [this] {
        AnnotationDocument *doc = m_session->document();
        if (!doc)
            return;
        QStringList names;
        const QList<LabelSet> sets = doc->labelSets();
        for (const LabelSet &set : sets)
            names.append(set.name);
        bool ok = false;
        const QString chosen = QInputDialog::getItem(m_window,
                                                     tr("Add Track"),
                                                     tr("Label set of the new track:"),
                                                     names,
                                                     0,
                                                     false,
                                                     &ok);
        if (!ok)
            return;
        const LabelSet &set = sets.at(names.indexOf(chosen));
        const QString name = QInputDialog::getText(m_window,
                                                   tr("Add Track"),
                                                   tr("Name of the new track:"),
                                                   QLineEdit::Normal,
                                                   set.name,
                                                   &ok);
        if (ok)
            m_session->execute(commands::addTrack(*doc, name, set.id));
    });

    add("review.accept", review, tr("&Accept Proposal"), QKeySequence(Qt::Key_A), [s] {
        s->acceptSelection();
    })->setIcon(workbenchIcon(IconKind::Accept));
    add("review.reject", review, tr("&Reject Proposal"), QKeySequence(Qt::Key_R), [s] {
        s->rejectSelection();
    })->setIcon(workbenchIcon(IconKind::Reject));
    add("review.next", review, tr("&Next Proposal"), QKeySequence(Qt::Key_N), [s] {
        s->selectNextProposal(1);
    })->setIcon(workbenchIcon(IconKind::Next));
    add("review.previous", review, tr("&Previous Proposal"), QKeySequence(Qt::SHIFT | Qt::Key_N), [s] {
        s->selectNextProposal(-1);
    })->setIcon(workbenchIcon(IconKind::Previous));
    add("review.accept-above",
        review,
        tr("Accept All &Above Threshold"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
        [this] { m_session->acceptAbove(m_review->threshold()); })
        ->setIcon(workbenchIcon(IconKind::AcceptAll));
    add("review.reject-below",
        review,
        tr("Reject All &Below Threshold"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
        [this] { m_session->rejectBelow(m_review->threshold()); });
    for (ReviewStatus status :
         {ReviewStatus::ToDo, ReviewStatus::InProgress, ReviewStatus::Done, ReviewStatus::Reviewed}) {
        const QByteArray id
            = "review.status-"
              + reviewStatusName(status).replace(QLatin1Char('_'), QLatin1Char('-')).toLatin1();
        add(id.constData(),
            review,
            tr("Mark Video “%1”").arg(reviewStatusText(status)),
            QKeySequence(),
            [s, status] { s->setVideoStatus(status); });
    }

    TransportController *t = m_transport;
    add("playback.shuttle-backward", playback, tr("Shuttle &Backward"), QKeySequence(Qt::Key_J), [t] {
        t->shuttleBackward();
    });
    add("playback.shuttle-stop", playback, tr("Shuttle &Stop"), QKeySequence(Qt::Key_K), [t] {
        t->shuttleStop();
    });
    add("playback.shuttle-forward", playback, tr("Shuttle &Forward"), QKeySequence(Qt::Key_L), [t] {
        t->shuttleForward();
    });
    add("playback.jump-start",
        playback,
        tr("Jump to Event &Start"),
        QKeySequence(Qt::Key_BracketLeft),
        [t] { t->jumpToStart(); });
    add("playback.jump-end",
        playback,
        tr("Jump to Event &End"),
        QKeySequence(Qt::Key_BracketRight),
        [t] { t->jumpToEnd(); });
    QAction *loop = add("playback.loop",
                        playback,
                        tr("&Loop Selection"),
                        QKeySequence(Qt::CTRL | Qt::Key_L),
                        [t](bool on) { t->setLoopSelection(on); });
    loop->setCheckable(true);
    loop->setIcon(workbenchIcon(IconKind::Loop));
    connect(m_transport, &TransportController::loopChanged, loop, &QAction::setChecked);
    add("playback.faster", playback, tr("Fas&ter"), QKeySequence(Qt::Key_Greater), [t] {
        t->speedUp();
    });
    add("playback.slower", playback, tr("Slo&wer"), QKeySequence(Qt::Key_Less), [t] {
        t->speedDown();
    });
    add("playback.normal-speed", playback, tr("N&ormal Speed"), QKeySequence(), [t] {
        t->setSpeed(1.0);
    });
    add("playback.volume-up", playback, tr("Volume &Up"), QKeySequence(Qt::CTRL | Qt::Key_Up), [t] {
        t->setVolume(t->volume() + 0.1);
    });
    add("playback.volume-down",
        playback,
        tr("Volume &Down"),
        QKeySequence(Qt::CTRL | Qt::Key_Down),
        [t] { t->setVolume(t->volume() - 0.1); });
    QAction *mute = add("playback.mute",
                        playback,
                        tr("&Mute"),
                        QKeySequence(Qt::CTRL | Qt::Key_M),
                        [t](bool on) { t->setMuted(on); });
    mute->setCheckable(true);
    mute->setChecked(m_transport->isMuted());

    QAction *brush = add("masks.brush", masks, tr("Mask &Brush"), QKeySequence(Qt::Key_B), [this] {
        m_overlay->setTool(m_overlay->tool() == MaskOverlay::Tool::Brush
                               ? MaskOverlay::Tool::None
                               : MaskOverlay::Tool::Brush);
    });
    brush->setIcon(workbenchIcon(IconKind::Brush));
    QAction *eraser = add("masks.eraser", masks, tr("Mask &Eraser"), QKeySequence(Qt::Key_E), [this] {
        m_overlay->setTool(m_overlay->tool() == MaskOverlay::Tool::Eraser
                               ? MaskOverlay::Tool::None
                               : MaskOverlay::Tool::Eraser);
    });
    eraser->setIcon(workbenchIcon(IconKind::Eraser));
    QAction *show = add("masks.show",
                        masks,
                        tr("&Show Masks"),
                        QKeySequence(Qt::SHIFT | Qt::Key_O),
                        [this](bool on) { m_overlay->setMasksVisible(on); });
    show->setCheckable(true);
    show->setChecked(true);
    QAction *outline = add("masks.outline",
                           masks,
                           tr("Masks as &Outlines"),
                           QKeySequence(Qt::Key_O),
                           [this](bool on) { m_overlay->setOutlineOnly(on); });
    outline->setCheckable(true);
}

void Workbench::createDocks()
{
    auto dock = [this](const QString &title, const char *name, QWidget *widget) {
        auto *d = new QDockWidget(title, m_window);
        d->setObjectName(QLatin1String(name));
        d->setWidget(widget);
        m_window->addDockWidget(Qt::RightDockWidgetArea, d);
        return d;
    };
    m_review = new ReviewPanel(m_session);
    m_masks = new MaskPanel(m_session, m_overlay);
    m_history = new UndoHistoryPanel(m_session);
    m_reviewDock = dock(tr("Review"), "reviewDock", m_review);
    m_masksDock = dock(tr("Masks"), "masksDock", m_masks);
    m_historyDock = dock(tr("History"), "historyDock", m_history);
    m_window->tabifyDockWidget(m_reviewDock, m_masksDock);
    m_window->tabifyDockWidget(m_masksDock, m_historyDock);
    m_reviewDock->raise();

    // The mask panel's check boxes and the menu's toggles say the same thing.
    connect(action("masks.outline"), &QAction::toggled, m_masks, [this](bool on) {
        if (auto *box = m_masks->findChild<QCheckBox *>(QStringLiteral("maskOutline")))
            box->setChecked(on);
    });
    connect(action("masks.show"), &QAction::toggled, m_masks, [this](bool on) {
        if (auto *box = m_masks->findChild<QCheckBox *>(QStringLiteral("maskShow")))
            box->setChecked(on);
    });
    action("masks.outline")->setChecked(m_overlay->outlineOnly());
}

void Workbench::createToolBar()
{
    m_toolBar = new QToolBar(tr("Tools"), m_window);
    m_toolBar->setObjectName(QStringLiteral("workbenchToolBar"));
    m_toolBar->setIconSize(QSize(20, 20));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_toolBar->setMovable(false);
    auto addTool = [this](const char *id) {
        QAction *a = action(id);
        const QString keys = a->shortcut().toString(QKeySequence::NativeText);
        a->setToolTip(keys.isEmpty()
                          ? a->text().remove(QLatin1Char('&'))
                          : QStringLiteral("%1 (%2)").arg(a->text().remove(QLatin1Char('&')), keys));
        m_toolBar->addAction(a);
    };
    addTool("edit.undo");
    addTool("edit.redo");
    m_toolBar->addSeparator();
    addTool("edit.split");
    addTool("edit.merge");
    addTool("edit.change-class");
    addTool("edit.delete");
    m_toolBar->addSeparator();
    addTool("review.previous");
    addTool("review.accept");
    addTool("review.reject");
    addTool("review.next");
    addTool("review.accept-above");
    m_toolBar->addSeparator();
    addTool("masks.brush");
    addTool("masks.eraser");

    auto *spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);

    addTool("playback.loop");
    auto *speed = new QComboBox(m_toolBar);
    speed->setObjectName(QStringLiteral("speedBox"));
    speed->setToolTip(tr("Playback speed (< slower, > faster); the pitch stays"));
    for (double v : TransportController::speeds())
        speed->addItem(QStringLiteral("%1×").arg(v), v);
    auto syncSpeed = [speed](double v) {
        const int i = speed->findData(v);
        if (i >= 0)
            speed->setCurrentIndex(i);
    };
    syncSpeed(m_transport->speed());
    connect(speed, &QComboBox::activated, this, [this, speed](int i) {
        m_transport->setSpeed(speed->itemData(i).toDouble());
    });
    connect(m_transport, &TransportController::speedChanged, speed, syncSpeed);
    m_toolBar->addWidget(speed);

    auto *muteButton = new QToolButton(m_toolBar);
    muteButton->setObjectName(QStringLiteral("muteButton"));
    muteButton->setAutoRaise(true);
    muteButton->setDefaultAction(action("playback.mute"));
    auto *volume = new QSlider(Qt::Horizontal, m_toolBar);
    volume->setObjectName(QStringLiteral("volumeSlider"));
    volume->setRange(0, 100);
    volume->setFixedWidth(90);
    volume->setToolTip(tr("Volume (Ctrl+Up, Ctrl+Down)"));
    volume->setValue(int(std::lround(m_transport->volume() * 100)));
    auto syncVolume = [muteButton, volume](double v, bool muted) {
        muteButton->setIcon(workbenchIcon(muted ? IconKind::SpeakerMuted : IconKind::Speaker));
        const QSignalBlocker block(volume);
        volume->setValue(int(std::lround(v * 100)));
    };
    syncVolume(m_transport->volume(), m_transport->isMuted());
    connect(volume, &QSlider::valueChanged, this, [this](int v) {
        m_transport->setVolume(v / 100.0);
    });
    connect(m_transport, &TransportController::volumeChanged, volume, syncVolume);
    m_toolBar->addWidget(muteButton);
    m_toolBar->addWidget(volume);
    m_window->addToolBar(Qt::TopToolBarArea, m_toolBar);
}

void Workbench::createMenus(QMenuBar *bar, QMenu *playback, QMenu *view)
{
    QAction *before = playback->menuAction();
    QMenu *edit = new QMenu(tr("&Edit"), bar);
    bar->insertMenu(before, edit);
    for (const char *id : {"edit.undo", "edit.redo"})
        edit->addAction(action(id));
    edit->addSeparator();
    for (const char *id : {"edit.cut", "edit.copy", "edit.paste", "edit.delete"})
        edit->addAction(action(id));
    edit->addSeparator();
    for (const char *id : {"edit.select-all", "edit.deselect"})
        edit->addAction(action(id));
    edit->addSeparator();
    for (const char *id : {"edit.split", "edit.merge", "edit.change-class"})
        edit->addAction(action(id));
    QMenu *classes = edit->addMenu(tr("Class by &Number"));
    for (int n = 1; n <= 10; ++n)
        classes->addAction(
            action(QByteArray("edit.class-" + QByteArray::number(n % 10)).constData()));
    QMenu *modality = edit->addMenu(tr("Heard or Seen"));
    for (const char *id :
         {"edit.modality-audio", "edit.modality-visual", "edit.modality-audio-visual"})
        modality->addAction(action(id));
    edit->addSeparator();
    edit->addAction(action("edit.add-track"));

    QMenu *reviewMenu = new QMenu(tr("&Review"), bar);
    bar->insertMenu(before, reviewMenu);
    for (const char *id : {"review.previous", "review.next", "review.accept", "review.reject"})
        reviewMenu->addAction(action(id));
    reviewMenu->addSeparator();
    for (const char *id : {"review.accept-above", "review.reject-below"})
        reviewMenu->addAction(action(id));
    reviewMenu->addSeparator();
    QMenu *status = reviewMenu->addMenu(tr("Video &Status"));
    for (const char *id : {"review.status-todo",
                           "review.status-in-progress",
                           "review.status-done",
                           "review.status-reviewed"}) {
        if (QAction *a = action(id))
            status->addAction(a);
    }

    playback->addSeparator();
    for (const char *id :
         {"playback.shuttle-backward", "playback.shuttle-stop", "playback.shuttle-forward"})
        playback->addAction(action(id));
    playback->addSeparator();
    for (const char *id : {"playback.jump-start", "playback.jump-end", "playback.loop"})
        playback->addAction(action(id));
    playback->addSeparator();
    for (const char *id : {"playback.slower",
                           "playback.faster",
                           "playback.normal-speed",
                           "playback.volume-down",
                           "playback.volume-up",
                           "playback.mute"})
        playback->addAction(action(id));

    QMenu *masks = new QMenu(tr("&Masks"), bar);
    bar->insertMenu(view->menuAction(), masks);
    for (const char *id : {"masks.show", "masks.outline", "masks.brush", "masks.eraser"})
        masks->addAction(action(id));
    masks->addSeparator();
    masks->addAction(tr("&Add Object…"), m_masks, &MaskPanel::addObject);

    // Panels, after the library's toggle.
    QAction *first = view->actions().value(1);
    view->insertAction(first, m_reviewDock->toggleViewAction());
    view->insertAction(first, m_masksDock->toggleViewAction());
    view->insertAction(first, m_historyDock->toggleViewAction());
    view->insertAction(first, m_toolBar->toggleViewAction());
}

QWidget *Workbench::alignWithLanes(QWidget *strip, const QString &title, const QString &name)
{
    TimelineView *timeline = m_window->timeline();
    auto *row = new QWidget;
    row->setObjectName(name + QStringLiteral("Row"));
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *label = new QLabel(title, row);
    label->setObjectName(name + QStringLiteral("Label"));
    label->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    label->setContentsMargins(10, 0, 6, 0);
    label->setAutoFillBackground(true);
    label->setBackgroundRole(QPalette::Window);
    auto *right = new QWidget(row);
    right->setAutoFillBackground(true);
    right->setBackgroundRole(QPalette::Window);
    layout->addWidget(label);
    layout->addWidget(strip, 1);
    layout->addWidget(right);
    auto sync = [timeline, label, right] {
        const QMargins m = timeline->laneMargins();
        label->setFixedWidth(m.left());
        right->setFixedWidth(m.right());
    };
    sync();
    connect(timeline, &TimelineView::laneMarginsChanged, row, sync);
    return row;
}

void Workbench::openVideo(const Video &video)
{
    const quint64 generation = ++m_openGeneration;
    m_session->setDocument(nullptr);
    // Edits already handed over are written by the storage thread whatever happens to it.
    m_annotations.reset();
    storage::AnnotationSession::open(
        m_library->database(),
        m_library->storageThread(),
        video.id,
        this,
        [this, generation, title = video.title](
            Result<std::shared_ptr<storage::AnnotationSession>> result) {
            if (generation != m_openGeneration)
                return;
            if (!result) {
                m_window->statusBar()->showMessage(tr("Cannot open the annotations of %1: %2")
                                                       .arg(title, result.errorString()),
                                                   10000);
                return;
            }
            m_annotations = *result;
            connect(m_annotations.get(),
                    &storage::AnnotationSession::errorOccurred,
                    this,
                    [this](const QString &message) {
                        m_window->statusBar()->showMessage(
                            tr("An edit could not be saved and the video was reloaded: %1")
                                .arg(message),
                            15000);
                    });
            connect(m_annotations.get(),
                    &storage::AnnotationSession::documentReplaced,
                    this,
                    [this](AnnotationDocument *document) { m_session->setDocument(document); });
            m_session->setDocument(m_annotations->document());
            Q_EMIT documentOpened();
        });
}

void Workbench::shutDown()
{
    m_transport->shuttleStop();
    if (m_annotations)
        m_annotations->waitForWrites();
}

void Workbench::chooseClass()
{
    if (m_session->selection().isEmpty()) {
        Q_EMIT m_session->errorOccurred(tr("Select the events to change their class."));
        return;
    }
    TimelineLaneKey key;
    if (!m_session->model()->item(m_session->current(), &key))
        return;
    const LabelSet *set = m_session->model()->labelSetOfGroup(key.group);
    if (!set)
        return;
    TimelineView *timeline = m_window->timeline();
    const QRectF r = timeline->segmentRect(m_session->current());
    const QPoint at = r.isEmpty() ? QCursor::pos()
                                  : timeline->mapToGlobal(r.bottomLeft().toPoint() + QPoint(0, 4));
    const std::optional<int> cls = ClassPicker::choose(m_window,
                                                       *set,
                                                       key.classIndex,
                                                       m_session->model()->quickClasses(key.group),
                                                       at);
    if (cls)
        m_session->relabelSelection(*cls);
}

void Workbench::showContextMenu(const QPoint &globalPos)
{
    QMenu menu(m_window);
    menu.addAction(action("edit.change-class"));
    QMenu *modality = menu.addMenu(tr("Heard or Seen"));
    for (const char *id :
         {"edit.modality-audio", "edit.modality-visual", "edit.modality-audio-visual"})
        modality->addAction(action(id));
    menu.addSeparator();
    menu.addAction(action("review.accept"));
    menu.addAction(action("review.reject"));
    menu.addSeparator();
    for (const char *id : {"edit.split", "edit.merge", "playback.loop"})
        menu.addAction(action(id));
    menu.addSeparator();
    for (const char *id : {"edit.cut", "edit.copy", "edit.paste", "edit.delete"})
        menu.addAction(action(id));
    menu.exec(globalPos);
}

void Workbench::reveal(Time onset, Time offset)
{
    TimeAxis *axis = m_window->timeAxis();
    const Time length = offset - onset;
    const Time visible = axis->visibleLength();
    if (length > Time::fromMicroseconds(visible.microseconds() * 9 / 10)) {
        const Time pad = Time::fromMicroseconds(length.microseconds() / 10);
        axis->setVisibleRange(onset - pad, offset + pad);
    } else if (onset < axis->visibleStart() || offset > axis->visibleEnd()) {
        const Time start = onset - Time::fromMicroseconds((visible - length).microseconds() / 2);
        axis->setVisibleRange(start, start + visible);
    }
    m_window->player()->seek(onset);
    axis->setPlayhead(onset);
    TimelineLaneKey key;
    if (m_session->model()->item(m_session->current(), &key)) {
        TimelineView *timeline = m_window->timeline();
        timeline->ensureRowVisible(
            timeline->findRow(TimelineRowKind::Class, key.group, key.modality, key.classIndex));
    }
}

void Workbench::updateActions()
{
    const AnnotationDocument *doc = m_session->document();
    const bool open = doc != nullptr;
    const bool selected = open && !m_session->selection().isEmpty();
    const UndoStack *stack = open ? doc->undoStack() : nullptr;
    QAction *undo = action("edit.undo");
    QAction *redo = action("edit.redo");
    undo->setEnabled(stack && stack->canUndo());
    redo->setEnabled(stack && stack->canRedo());
    undo->setText(stack && stack->canUndo() ? tr("&Undo %1").arg(stack->undoText()) : tr("&Undo"));
    redo->setText(stack && stack->canRedo() ? tr("&Redo %1").arg(stack->redoText()) : tr("&Redo"));
    for (const char *id : {"edit.cut",
                           "edit.copy",
                           "edit.delete",
                           "edit.split",
                           "edit.change-class",
                           "edit.modality-audio",
                           "edit.modality-visual",
                           "edit.modality-audio-visual"})
        action(id)->setEnabled(selected);
    action("edit.merge")->setEnabled(open && m_session->selection().size() >= 2);
    for (const char *id : {"edit.paste",
                           "edit.select-all",
                           "edit.add-track",
                           "review.next",
                           "review.previous",
                           "review.accept-above",
                           "review.reject-below",
                           "review.accept",
                           "review.reject"})
        action(id)->setEnabled(open);
}

void Workbench::onVideoStatusChanged()
{
    const AnnotationDocument *doc = m_session->document();
    if (!doc)
        return;
    for (const Video &v : m_library->videos()) {
        if (v.id == doc->videoId() && v.status != doc->video().status) {
            m_library->setVideoStatus(v.id, doc->video().status);
            break;
        }
    }
}

} // namespace earmark::ui
