#pragma once

#include <QLoggingCategory>

namespace earmark {

// Installs the message format used by the application and the command line
// ("earmark: [category] message" on stderr). Call once, early in main().
void installLogHandler();

} // namespace earmark

// Soft assertion: logs the failed condition with its place and evaluates to false, so the caller
// can recover: `if (!EARMARK_CHECK(index < size)) return;`
#define EARMARK_CHECK(cond) \
    ((cond) \
         ? true \
         : (qWarning("Soft assertion \"%s\" failed in %s:%d", #cond, __FILE__, __LINE__), false))
