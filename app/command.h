#pragma once

#include <QStringList>

class QCommandLineParser;

namespace earmark {
class CancellationToken;
}

#include <functional>
#include <optional>
#include <vector>

namespace earmark::app {

// A headless subcommand: `earmark <name> ARGS...`. `run` gets the arguments after the name and
// returns the process exit code (0 ok, 1 failure, 2 bad usage). It runs in a QCoreApplication:
// no display needed.
struct Command
{
    QString name;
    QString summary; // one line for `earmark --help`
    std::function<int(const QStringList &args)> run;
};

// Every command, sorted by name. Commands register themselves with EARMARK_COMMAND in their own
// file under app/commands/.
const std::vector<Command> &commands();
const Command *findCommand(const QString &name);

struct CommandRegistrar
{
    explicit CommandRegistrar(Command command);
};

// Output helpers that write UTF-8 to stdout/stderr without Qt's message decoration.
void printOut(const QString &text);
void printErr(const QString &text);
// A time for progress lines: "42s", "3m05s"; "?" when negative (not known yet).
QString formatSeconds(double seconds);
// Redraws the current stderr line as "[#####.......] text" for `fraction` in [0, 1].
void printProgressBar(const QString &text, double fraction);
// While it lives, Ctrl-C and SIGTERM cancel `token` (a long command stops after the step in
// progress and keeps what it finished) instead of ending the process. One at a time.
class CancelOnSignal
{
public:
    explicit CancelOnSignal(CancellationToken &token);
    ~CancelOnSignal();
    CancelOnSignal(const CancelOnSignal &) = delete;
    CancelOnSignal &operator=(const CancelOnSignal &) = delete;
};
// "earmark <command>: error: <message>" on stderr; returns 1.
int fail(const QString &command, const QString &message);
// Usage error: message plus "see earmark <command> --help"; returns 2.
int usageError(const QString &command, const QString &message);

// Parses `args` (those after the command name) with `parser`, adding --help. Returns an exit code
// when the command should stop now (help printed: 0; bad arguments: 2), nullopt to go on.
std::optional<int> parseArguments(QCommandLineParser &parser,
                                  const QString &command,
                                  const QStringList &args);

} // namespace earmark::app

#define EARMARK_COMMAND_CONCAT2(a, b) a##b
#define EARMARK_COMMAND_CONCAT(a, b) EARMARK_COMMAND_CONCAT2(a, b)
#define EARMARK_COMMAND(...) \
    static const ::earmark::app::CommandRegistrar EARMARK_COMMAND_CONCAT(s_registrar_, __LINE__)( \
        ::earmark::app::Command{__VA_ARGS__})
