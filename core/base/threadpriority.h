#pragma once

namespace earmark {

// Lets the calling thread (and the threads it starts from now on) yield the cores to the others:
// for background work made while the person works (seek proxies). Does nothing where the system
// has no per-thread priority.
void lowerCurrentThreadPriority();

} // namespace earmark
