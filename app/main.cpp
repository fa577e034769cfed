// Earmark's composition root: headless subcommands, or the main window.

#include "app/command.h"
#include "app/libraryoption.h"

#include "core/base/log.h"
#include "core/base/version.h"
#include "inference/engine.h"
#include "inference/runtime.h"
#include "ui/analysis/analysiscontroller.h"
#include "ui/library/librarycontroller.h"
#include "ui/mainwindow.h"
#include "ui/shell/language.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QMessageBox>

#include <memory>

namespace earmark::app {

QString versionReport(); // app/commands/version.cpp

namespace {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("earmark"));
    QCoreApplication::setApplicationName(QStringLiteral("earmark"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(versionString));
}

QString generalHelp()
{
    QString text = QStringLiteral(
        "Usage: earmark [--library PATH] [FILE...]     open the main window\n"
        "       earmark COMMAND [OPTIONS]              run a command without a window\n"
        "       earmark --version | --help\n\n"
        "Earmark annotates what is heard and seen in videos.\n\n"
        "Commands:\n");
    for (const Command &c : commands())
        text += QStringLiteral("  %1%2\n").arg(c.name.leftJustified(14), c.summary);
    text += QStringLiteral("\nRun 'earmark COMMAND --help' for a command's options.\n");
    return text;
}

int runGui(int argc, char **argv)
{
    // Qt 6.4's GStreamer backend misses elements on common systems; FFmpeg's plays everything
    // FFmpeg decodes.
    if (qEnvironmentVariableIsEmpty("QT_MEDIA_BACKEND"))
        qputenv("QT_MEDIA_BACKEND", "ffmpeg");
    QApplication app(argc, argv);
    setApplicationIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Earmark"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Annotate what is heard and seen in videos."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption library = libraryOption();
    parser.addOption(library);
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("Media files to add to the library and open."),
                                 QStringLiteral("[FILE...]"));
    parser.process(app);
    ui::installTranslations(ui::savedLanguage());
    ui::applyTheme(ui::savedTheme());

    inference::configureRuntime();
    auto db = openLibrary(libraryLocation(parser, library));
    if (!db) {
        QMessageBox::critical(nullptr,
                              QObject::tr("Earmark"),
                              QObject::tr("Cannot open the library.\n\n%1").arg(db.errorString()));
        return 1;
    }
    ui::LibraryController controller(*db);
    // Declared before the window so that it outlives it.
    ui::AnalysisController analysis(inference::createEngine(), &controller);
    ui::MainWindow window(&controller);
    window.setAnalysis(&analysis);
    window.show();
    window.openFiles(parser.positionalArguments());
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    installLogHandler();
    const QString first = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        QCoreApplication app(argc, argv);
        setApplicationIdentity();
        printOut(versionReport());
        return 0;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h")
        || first == QLatin1String("help")) {
        QCoreApplication app(argc, argv);
        setApplicationIdentity();
        printOut(generalHelp());
        return 0;
    }
    if (const Command *command = findCommand(first)) {
        QCoreApplication app(argc, argv);
        setApplicationIdentity();
        QStringList args = QCoreApplication::arguments().mid(2);
        return command->run(args);
    }
    if (!first.isEmpty() && !first.startsWith(QLatin1Char('-')) && !QFileInfo::exists(first)
        && !first.contains(QLatin1Char('.')) && !first.contains(QLatin1Char('/'))) {
        printErr(
            QStringLiteral("earmark: '%1' is not a command. See 'earmark --help'.\n").arg(first));
        return 2;
    }
    return runGui(argc, argv);
}

} // namespace earmark::app

int main(int argc, char **argv)
{
    return earmark::app::main(argc, argv);
}
