#include "core/base/threadpriority.h"

#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace earmark {

void lowerCurrentThreadPriority()
{
#ifdef Q_OS_LINUX
    // On Linux the nice value belongs to the thread, and threads it starts inherit it.
    setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), 15);
#endif
}

} // namespace earmark
