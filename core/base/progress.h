#pragma once

#include <QString>

#include <functional>

namespace earmark {

// Called by long jobs on their own thread with a fraction in [0, 1] and what is being done now.
// Receivers that touch widgets must re-post to the GUI thread (a queued signal).
using ProgressCallback = std::function<void(double fraction, const QString &stage)>;

} // namespace earmark
