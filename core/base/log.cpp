#include "core/base/log.h"

#include <QByteArray>

#include <cstdio>

namespace earmark {

namespace {

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const char *level = "";
    switch (type) {
    case QtDebugMsg:
        level = "debug: ";
        break;
    case QtInfoMsg:
        level = "";
        break;
    case QtWarningMsg:
        level = "warning: ";
        break;
    case QtCriticalMsg:
        level = "error: ";
        break;
    case QtFatalMsg:
        level = "fatal: ";
        break;
    }
    const QByteArray text = message.toLocal8Bit();
    const char *category = context.category ? context.category : "default";
    if (qstrcmp(category, "default") == 0)
        std::fprintf(stderr, "earmark: %s%s\n", level, text.constData());
    else
        std::fprintf(stderr, "earmark: [%s] %s%s\n", category, level, text.constData());
    std::fflush(stderr);
}

} // namespace

void installLogHandler()
{
    qInstallMessageHandler(handler);
}

} // namespace earmark
