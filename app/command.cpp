#include "app/command.h"

#include "core/base/cancellation.h"

#include <QCommandLineParser>

#include <algorithm>
#include <csignal>
#include <cstdio>

namespace earmark::app {

namespace {

std::vector<Command> &registry()
{
    static std::vector<Command> list;
    return list;
}

CancellationToken *s_signalled = nullptr;

extern "C" void cancelOnSignal(int)
{
    if (s_signalled)
        s_signalled->cancel();
}

} // namespace

CommandRegistrar::CommandRegistrar(Command command)
{
    auto &list = registry();
    const auto at = std::lower_bound(list.begin(),
                                     list.end(),
                                     command.name,
                                     [](const Command &c, const QString &n) { return c.name < n; });
    list.insert(at, std::move(command));
}

const std::vector<Command> &commands()
{
    return registry();
}

const Command *findCommand(const QString &name)
{
    for (const Command &c : registry()) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

void printOut(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printErr(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

QString formatSeconds(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("?");
    const int s = int(seconds + 0.5);
    return s >= 60 ? QStringLiteral("%1m%2s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'))
                   : QStringLiteral("%1s").arg(s);
}

void printProgressBar(const QString &text, double fraction)
{
    const int width = 24;
    const int filled = std::clamp(int(fraction * width + 0.5), 0, width);
    std::fprintf(stderr,
                 "\r[%s%s] %s\033[K",
                 QByteArray(filled, '#').constData(),
                 QByteArray(width - filled, '.').constData(),
                 qPrintable(text));
    std::fflush(stderr);
}

CancelOnSignal::CancelOnSignal(CancellationToken &token)
{
    s_signalled = &token;
    std::signal(SIGINT, cancelOnSignal);
    std::signal(SIGTERM, cancelOnSignal);
}

CancelOnSignal::~CancelOnSignal()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    s_signalled = nullptr;
}

int fail(const QString &command, const QString &message)
{
    printErr(QStringLiteral("earmark %1: error: %2\n").arg(command, message));
    return 1;
}

int usageError(const QString &command, const QString &message)
{
    printErr(QStringLiteral("earmark %1: %2\nSee 'earmark %1 --help'.\n").arg(command, message));
    return 2;
}

std::optional<int> parseArguments(QCommandLineParser &parser,
                                  const QString &command,
                                  const QStringList &args)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    QStringList full = args;
    full.prepend(QStringLiteral("earmark ") + command);
    if (!parser.parse(full))
        return usageError(command, parser.errorText());
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        // Qt names the program after argv[0]; show the command the person typed.
        const qsizetype space = text.indexOf(QLatin1Char(' '), 7); // after "Usage: <program>"
        if (text.startsWith(QLatin1String("Usage: ")) && space > 0)
            text.replace(7, space - 7, QStringLiteral("earmark ") + command);
        printOut(text);
        return 0;
    }
    return std::nullopt;
}

} // namespace earmark::app
