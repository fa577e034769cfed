#pragma once

#include "core/base/result.h"
#include "core/storage/database.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <memory>

namespace earmark::app {

// --library PATH: a SQLite file or a postgresql:// URL; the platform default when absent.
QCommandLineOption libraryOption();
QString libraryLocation(const QCommandLineParser &parser, const QCommandLineOption &option);
Result<std::shared_ptr<storage::Database>> openLibrary(const QString &location);

} // namespace earmark::app
