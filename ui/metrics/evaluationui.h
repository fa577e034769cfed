#pragma once

class QMainWindow;

namespace earmark::ui {

class LibraryController;

// Adds Tools › Evaluate Model Run… to `window`'s menu bar (making the Tools menu when it has
// none); the action opens an EvaluationDialog on the library of `library`. GUI thread only.
void installEvaluationAction(QMainWindow *window, LibraryController *library);

} // namespace earmark::ui
