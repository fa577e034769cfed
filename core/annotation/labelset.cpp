#include "core/annotation/labelset.h"

namespace earmark::annotation {

int LabelSet::indexOf(QStringView className) const
{
    for (int i = 0; i < classes.size(); ++i) {
        if (classes.at(i) == className)
            return i;
    }
    return -1;
}

QString LabelSet::className(int index) const
{
    return index >= 0 && index < classes.size() ? classes.at(index) : QString();
}

QString llpLabelSetName()
{
    return QStringLiteral("LLP");
}

QString aveLabelSetName()
{
    return QStringLiteral("AVE");
}

LabelSet LabelSet::llp()
{
    LabelSet set;
    set.id = kLlpLabelSetId;
    set.name = llpLabelSetName();
    set.builtin = true;
    set.classes = QStringList{
        QStringLiteral("Speech"),
        QStringLiteral("Car"),
        QStringLiteral("Cheering"),
        QStringLiteral("Dog"),
        QStringLiteral("Cat"),
        QStringLiteral("Frying_(food)"),
        QStringLiteral("Basketball_bounce"),
        QStringLiteral("Fire_alarm"),
        QStringLiteral("Chainsaw"),
        QStringLiteral("Cello"),
        QStringLiteral("Banjo"),
        QStringLiteral("Singing"),
        QStringLiteral("Chicken_rooster"),
        QStringLiteral("Violin_fiddle"),
        QStringLiteral("Vacuum_cleaner"),
        QStringLiteral("Baby_laughter"),
        QStringLiteral("Accordion"),
        QStringLiteral("Lawn_mower"),
        QStringLiteral("Motorcycle"),
        QStringLiteral("Helicopter"),
        QStringLiteral("Acoustic_guitar"),
        QStringLiteral("Telephone_bell_ringing"),
        QStringLiteral("Baby_cry_infant_cry"),
        QStringLiteral("Blender"),
        QStringLiteral("Clapping"),
    };
    return set;
}

LabelSet LabelSet::ave()
{
    LabelSet set;
    set.id = kAveLabelSetId;
    set.name = aveLabelSetName();
    set.builtin = true;
    set.classes = QStringList{
        QStringLiteral("Church bell"),
        QStringLiteral("Male speech, man speaking"),
        QStringLiteral("Bark"),
        QStringLiteral("Fixed-wing aircraft, airplane"),
        QStringLiteral("Race car, auto racing"),
        QStringLiteral("Female speech, woman speaking"),
        QStringLiteral("Helicopter"),
        QStringLiteral("Violin, fiddle"),
        QStringLiteral("Flute"),
        QStringLiteral("Ukulele"),
        QStringLiteral("Frying (food)"),
        QStringLiteral("Truck"),
        QStringLiteral("Shofar"),
        QStringLiteral("Motorcycle"),
        QStringLiteral("Acoustic guitar"),
        QStringLiteral("Train horn"),
        QStringLiteral("Clock"),
        QStringLiteral("Banjo"),
        QStringLiteral("Goat"),
        QStringLiteral("Baby cry, infant cry"),
        QStringLiteral("Bus"),
        QStringLiteral("Chainsaw"),
        QStringLiteral("Cat"),
        QStringLiteral("Horse"),
        QStringLiteral("Toilet flush"),
        QStringLiteral("Rodents, rats, mice"),
        QStringLiteral("Accordion"),
        QStringLiteral("Mandolin"),
    };
    return set;
}

QList<LabelSet> builtinLabelSets()
{
    return {LabelSet::llp(), LabelSet::ave()};
}

} // namespace earmark::annotation
