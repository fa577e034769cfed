#include "core/storage/labelsetrepository.h"

#include "core/storage/internal/rows.h"

#include <QSet>
#include <QSqlQuery>
#include <QVariant>

namespace earmark::storage {

using annotation::LabelSet;
using annotation::LabelSetId;

LabelSetRepository::LabelSetRepository(std::shared_ptr<Database> db)
    : m_db(std::move(db))
{}

Result<QList<LabelSet>> LabelSetRepository::all(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT id, name, builtin FROM label_sets ORDER BY id")))
        return Error(QStringLiteral("cannot list the label sets: %1").arg(sqlErrorText(q)));
    QList<LabelSet> sets;
    QHash<LabelSetId, qsizetype> index;
    while (q.next()) {
        LabelSet s;
        s.id = q.value(0).toLongLong();
        s.name = q.value(1).toString();
        s.builtin = q.value(2).toInt() != 0;
        index.insert(s.id, sets.size());
        sets.append(s);
    }
    if (!q.exec(QStringLiteral(
            "SELECT label_set_id, idx, name FROM label_classes ORDER BY label_set_id, idx")))
        return Error(QStringLiteral("cannot list the classes: %1").arg(sqlErrorText(q)));
    while (q.next()) {
        const qsizetype at = index.value(q.value(0).toLongLong(), -1);
        if (at >= 0)
            sets[at].classes.append(q.value(2).toString());
    }
    return sets;
}

Result<QList<LabelSet>> LabelSetRepository::all() const
{
    QSqlDatabase db = m_db->connection();
    return all(db);
}

Result<std::optional<LabelSet>> LabelSetRepository::byId(LabelSetId id) const
{
    auto sets = all();
    if (!sets)
        return sets.error();
    for (const LabelSet &s : std::as_const(*sets)) {
        if (s.id == id)
            return std::optional<LabelSet>(s);
    }
    return std::optional<LabelSet>();
}

Result<std::optional<LabelSet>> LabelSetRepository::byName(const QString &name) const
{
    auto sets = all();
    if (!sets)
        return sets.error();
    for (const LabelSet &s : std::as_const(*sets)) {
        if (s.name == name)
            return std::optional<LabelSet>(s);
    }
    return std::optional<LabelSet>();
}

Result<LabelSet> LabelSetRepository::create(QSqlDatabase &db,
                                            const QString &name,
                                            const QStringList &classes)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Error(QStringLiteral("a label set needs a name"));
    QSet<QString> seen;
    for (const QString &c : classes) {
        if (c.isEmpty())
            return Error(QStringLiteral("label set %1: a class needs a name").arg(trimmed));
        if (seen.contains(c))
            return Error(
                QStringLiteral("label set %1: class \"%2\" is listed twice").arg(trimmed, c));
        seen.insert(c);
    }
    auto id = internal::reserveIds(db, 1);
    if (!id)
        return id.error();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO label_sets (id, name, builtin) VALUES (?, ?, 0)"));
    q.addBindValue(*id);
    q.addBindValue(trimmed);
    if (!q.exec())
        return Error(QStringLiteral("cannot create label set %1 (is the name taken?): %2")
                         .arg(trimmed, sqlErrorText(q)));
    LabelSet set;
    set.id = *id;
    set.name = trimmed;
    return addClasses(db, set, classes);
}

Result<LabelSet> LabelSetRepository::create(const QString &name, const QStringList &classes)
{
    Result<LabelSet> out = Error(QString());
    const Status s = m_db->transaction([&](QSqlDatabase &db) -> Status {
        out = create(db, name, classes);
        return out ? Status() : Status(out.error());
    });
    if (!s)
        return s.error();
    return out;
}

Result<LabelSet> LabelSetRepository::addClasses(QSqlDatabase &db,
                                                const LabelSet &set,
                                                const QStringList &classes)
{
    LabelSet out = set;
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("INSERT INTO label_classes (label_set_id, idx, name) VALUES (?, ?, ?)"));
    for (const QString &c : classes) {
        if (out.indexOf(c) >= 0)
            continue;
        if (out.builtin)
            return Error(QStringLiteral("label set %1 has no class \"%2\" (built-in sets cannot "
                                        "change; use a label set of your own)")
                             .arg(out.name, c));
        if (c.isEmpty())
            return Error(QStringLiteral("label set %1: a class needs a name").arg(out.name));
        q.addBindValue(out.id);
        q.addBindValue(out.size());
        q.addBindValue(c);
        if (!q.exec())
            return Error(QStringLiteral("cannot add class \"%1\" to label set %2: %3")
                             .arg(c, out.name, sqlErrorText(q)));
        out.classes.append(c);
    }
    return out;
}

Result<LabelSet> LabelSetRepository::addClasses(LabelSetId id, const QStringList &classes)
{
    Result<LabelSet> out = Error(QString());
    const Status s = m_db->transaction([&](QSqlDatabase &db) -> Status {
        auto sets = all(db);
        if (!sets)
            return sets.error();
        for (const LabelSet &set : std::as_const(*sets)) {
            if (set.id == id) {
                out = addClasses(db, set, classes);
                return out ? Status() : Status(out.error());
            }
        }
        return Error(QStringLiteral("label set %1 is not in this library").arg(id));
    });
    if (!s)
        return s.error();
    return out;
}

} // namespace earmark::storage
