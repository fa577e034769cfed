#include "ui/metrics/evaluationui.h"

#include "ui/library/librarycontroller.h"
#include "ui/metrics/evaluationdialog.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

namespace earmark::ui {

void installEvaluationAction(QMainWindow *window, LibraryController *library)
{
    QMenu *tools = window->menuBar()->findChild<QMenu *>(QStringLiteral("toolsMenu"));
    if (!tools) {
        tools = window->menuBar()->addMenu(QObject::tr("&Tools"));
        tools->setObjectName(QStringLiteral("toolsMenu"));
    }
    QAction *action = tools->addAction(QObject::tr("&Evaluate Model Run…"));
    action->setObjectName(QStringLiteral("tools.evaluate-run"));
    action->setStatusTip(QObject::tr("Score a model run's predictions against the confirmed "
                                     "annotations (AVVP, AVE and AVS benchmark metrics)"));
    QObject::connect(action, &QAction::triggered, window, [window, library] {
        auto *dialog = new EvaluationDialog(library->database(), window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
}

} // namespace earmark::ui
