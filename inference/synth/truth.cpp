#include "inference/synth/truth.h"

#include <QStringList>

#include <algorithm>
#include <tuple>

namespace earmark::synth {

QByteArray llpWeakLabels(const std::vector<ClipPlan> &plans, const Catalog &catalog)
{
    QByteArray out("filename\tevent_labels\n");
    for (const ClipPlan &plan : plans) {
        std::vector<int> classes;
        for (const PlannedEvent &e : plan.events) {
            if (e.heard() || e.seen())
                classes.push_back(e.classIndex);
        }
        std::sort(classes.begin(), classes.end());
        classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
        QStringList names;
        for (int c : classes)
            names << catalog.classes[std::size_t(c)].name;
        out += (plan.name + QLatin1Char('\t') + names.join(QLatin1Char(',')) + QLatin1Char('\n'))
                   .toUtf8();
    }
    return out;
}

QByteArray llpDenseLabels(const std::vector<ClipPlan> &plans,
                          const Catalog &catalog,
                          Modality modality)
{
    QByteArray out("filename\tonset\toffset\tevent_labels\n");
    for (const ClipPlan &plan : plans) {
        std::vector<std::tuple<int, int, int>> rows; // onset, class, offset
        for (const PlannedEvent &e : plan.events) {
            if (modality == Modality::Audio && e.heard())
                rows.emplace_back(e.audioOn, e.classIndex, e.audioOff);
            else if (modality == Modality::Visual && e.seen())
                rows.emplace_back(e.visualOn, e.classIndex, e.visualOff);
        }
        std::sort(rows.begin(), rows.end());
        for (const auto &[onset, cls, offset] : rows)
            out += QStringLiteral("%1\t%2\t%3\t%4\n")
                       .arg(plan.name)
                       .arg(onset)
                       .arg(offset)
                       .arg(catalog.classes[std::size_t(cls)].name)
                       .toUtf8();
    }
    return out;
}

QByteArray aveAnnotations(const std::vector<ClipPlan> &plans, const Catalog &catalog, bool header)
{
    QByteArray out;
    if (header)
        out += "Category&VideoID&Quality&StartTime&EndTime\n";
    for (const ClipPlan &plan : plans) {
        const PlannedEvent &p = plan.primary();
        const int start = std::max(p.audioOn, p.visualOn);
        const int end = std::min(p.audioOff, p.visualOff);
        out += QStringLiteral("%1&%2&good&%3&%4\n")
                   .arg(catalog.classes[std::size_t(p.classIndex)].name, plan.name)
                   .arg(start)
                   .arg(end)
                   .toUtf8();
    }
    return out;
}

QByteArray avsbenchMetadata(const std::vector<ClipPlan> &plans,
                            const Catalog &catalog,
                            const QString &split)
{
    QByteArray out("name,category,split\n");
    for (const ClipPlan &plan : plans)
        out += QStringLiteral("%1,%2,%3\n")
                   .arg(plan.name,
                        catalog.classes[std::size_t(plan.primary().classIndex)].name,
                        split)
                   .toUtf8();
    return out;
}

QString llpWeakFileName(const QString &split)
{
    if (split == QLatin1String("train"))
        return QStringLiteral("AVVP_train.csv");
    if (split == QLatin1String("val") || split == QLatin1String("test"))
        return QStringLiteral("AVVP_%1_pd.csv").arg(split);
    return QStringLiteral("AVVP_%1.csv").arg(split);
}

QString aveSplitFileName(const QString &split)
{
    return split + QStringLiteral("Set.txt");
}

} // namespace earmark::synth
