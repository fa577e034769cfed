#include "ui/chat/chatcontext.h"

#include "core/annotation/document.h"

#include <QCoreApplication>

namespace earmark::ui {

using annotation::Modality;
using annotation::SegmentStatus;

namespace {

QString modalityWords(Modality m)
{
    switch (m) {
    case Modality::Audio:
        return QCoreApplication::translate("earmark::ui::ChatPanel", "heard");
    case Modality::Visual:
        return QCoreApplication::translate("earmark::ui::ChatPanel", "seen");
    case Modality::AudioVisual:
        return QCoreApplication::translate("earmark::ui::ChatPanel", "heard and seen");
    case Modality::Unspecified:
        break;
    }
    return {};
}

} // namespace

QList<llm::ContextAnnotation> chatContext(const annotation::AnnotationDocument *document)
{
    QList<llm::ContextAnnotation> list;
    if (!document)
        return list;
    for (const annotation::Segment &s : document->segments()) {
        if (s.status == SegmentStatus::Rejected)
            continue;
        llm::ContextAnnotation a;
        a.start = s.onset;
        a.end = s.offset;
        const annotation::LabelSet *set = document->labelSetOfTrack(s.trackId);
        a.label = set ? set->className(s.classIndex) : QString();
        if (a.label.isEmpty())
            a.label = QStringLiteral("class %1").arg(s.classIndex);
        const annotation::Track *track = document->track(s.trackId);
        const QString modality = modalityWords(s.modality);
        a.track = track ? track->name : QString();
        if (!modality.isEmpty())
            a.track = a.track.isEmpty() ? modality : a.track + QStringLiteral(", ") + modality;
        a.source = s.status == SegmentStatus::Proposed
                       ? QStringLiteral("proposed by a model, not reviewed")
                       : QStringLiteral("confirmed by a person");
        list.append(a);
    }
    return list;
}

} // namespace earmark::ui
