#include "app/libraryoption.h"

#include "core/base/paths.h"

namespace earmark::app {

QCommandLineOption libraryOption()
{
    return QCommandLineOption(
        QStringLiteral("library"),
        QStringLiteral("Library: a SQLite file or postgresql://user:pass@host:port/db URL "
                       "(default: %1).")
            .arg(paths::defaultLibraryPath()),
        QStringLiteral("PATH"));
}

QString libraryLocation(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    return parser.isSet(option) ? parser.value(option) : paths::defaultLibraryPath();
}

Result<std::shared_ptr<storage::Database>> openLibrary(const QString &location)
{
    return storage::Database::open(location);
}

} // namespace earmark::app
