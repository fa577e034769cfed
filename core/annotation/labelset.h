#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace earmark::annotation {

using LabelSetId = qint64;

// A vocabulary of classes. A segment names its class by index into its track's label set, so
// the order of `classes` never changes once written: classes are only ever appended.
//
// The built-in sets are LLP (25 classes, AVVP) and AVE (28 classes; the benchmark's background,
// index 28, is not a class here but the absence of one). Their names and order are those the
// published checkpoints index by (../shared/docs/MODELS.md); they are created with every library
// and cannot be changed. User-defined sets are open: importing a tool format into one appends the
// labels it meets.
struct LabelSet
{
    LabelSetId id = 0;
    QString name;
    QStringList classes;
    bool builtin = false;

    int indexOf(QStringView className) const; // -1 when absent
    QString className(int index) const;       // empty when out of range
    int size() const { return int(classes.size()); }

    bool operator==(const LabelSet &) const = default;

    static LabelSet llp();
    static LabelSet ave();
};

// "LLP" and "AVE", and their fixed ids in every library.
inline constexpr LabelSetId kLlpLabelSetId = 1;
inline constexpr LabelSetId kAveLabelSetId = 2;
QString llpLabelSetName();
QString aveLabelSetName();

// The built-in sets, in id order.
QList<LabelSet> builtinLabelSets();

} // namespace earmark::annotation
