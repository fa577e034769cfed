#pragma once

#include "core/base/result.h"
#include "core/storage/database.h"

#include <QSqlDatabase>

namespace earmark::storage {

// The schema version this build writes. A library with a higher version was written by a newer
// Earmark and is refused rather than damaged.
int currentSchemaVersion();

// Brings the schema from its stored version to currentSchemaVersion(), one step per transaction.
Status migrate(QSqlDatabase &db, Backend backend);

} // namespace earmark::storage
