#pragma once

#include "core/annotation/labelset.h"
#include "core/base/result.h"
#include "core/storage/database.h"

#include <QList>

#include <memory>
#include <optional>

namespace earmark::storage {

// The label sets of a library: the built-in LLP and AVE sets, and user-defined ones. Methods run
// on the calling thread with its own connection; writes are single transactions.
class LabelSetRepository
{
public:
    explicit LabelSetRepository(std::shared_ptr<Database> db);

    Result<QList<annotation::LabelSet>> all() const; // by id: LLP, AVE, then user sets
    Result<std::optional<annotation::LabelSet>> byId(annotation::LabelSetId id) const;
    Result<std::optional<annotation::LabelSet>> byName(const QString &name) const;

    // A new user-defined set. Fails when the name is taken or a class repeats.
    Result<annotation::LabelSet> create(const QString &name, const QStringList &classes);
    // Appends the classes a user-defined set lacks (in order, skipping those it has) and returns
    // the set as stored. Built-in sets cannot grow: asking one for a class it lacks is an error.
    Result<annotation::LabelSet> addClasses(annotation::LabelSetId id, const QStringList &classes);

    // The same, inside the caller's transaction.
    static Result<QList<annotation::LabelSet>> all(QSqlDatabase &db);
    static Result<annotation::LabelSet> create(QSqlDatabase &db,
                                               const QString &name,
                                               const QStringList &classes);
    static Result<annotation::LabelSet> addClasses(QSqlDatabase &db,
                                                   const annotation::LabelSet &set,
                                                   const QStringList &classes);

private:
    std::shared_ptr<Database> m_db;
};

} // namespace earmark::storage
