#pragma once

#include "core/annotation/document.h"
#include "core/base/result.h"

#include <QObject>
#include <QPointer>

class QMimeData;

namespace earmark::ui {

class TimeAxis;
class TimelineModel;

// The editing state of the video open in the workbench: its AnnotationDocument (owned by the
// store's AnnotationSession, or by a test), the timeline's model of it, the selection, and the
// person's commands turned into document edits (core/annotation/commands.h). Commands that
// cannot apply say why through errorOccurred() and change nothing.
//
// The playhead (for split, paste and proposal navigation) is read from the shared TimeAxis.
// GUI thread only.
class EditorSession : public QObject
{
    Q_OBJECT

public:
    explicit EditorSession(TimeAxis *axis, QObject *parent = nullptr);
    ~EditorSession() override;

    // Not owned; null when no video is open. Clears the selection.
    void setDocument(annotation::AnnotationDocument *document);
    annotation::AnnotationDocument *document() const { return m_document; }
    TimelineModel *model() const { return m_model; }
    TimeAxis *axis() const { return m_axis; }

    // --- selection (segment ids; the last one added is the current one) ---
    QList<annotation::SegmentId> selection() const { return m_selection; }
    annotation::SegmentId current() const
    {
        return m_selection.isEmpty() ? 0 : m_selection.constLast();
    }
    bool isSelected(annotation::SegmentId id) const { return m_selection.contains(id); }
    void setSelection(const QList<annotation::SegmentId> &ids);
    void toggleSelected(annotation::SegmentId id);
    void clearSelection() { setSelection({}); }
    void selectAll();
    // The timeline group of the current segment (0 when nothing is selected).
    int currentGroup() const;

    // --- edits; each returns whether the document changed ---
    // Runs a built edit (or reports its error).
    bool execute(const Result<annotation::Edit> &edit);
    // Draws a new event in a timeline group (its annotation track is made first if the video has
    // none yet; both are one undo step). Selects it.
    bool drawSegment(
        int group, annotation::Modality modality, int classIndex, Time onset, Time offset);
    bool moveSelection(Time delta);
    bool resizeSegment(annotation::SegmentId id, Time onset, Time offset);
    // Splits the selected events under the playhead.
    bool splitAtPlayhead();
    bool mergeSelection();
    bool relabelSelection(int classIndex);
    // Number key `n` (0-based: key 1 is 0, key 0 is 9): the n-th class with rows in the group.
    bool relabelWithQuickKey(int n);
    bool setSelectionModality(annotation::Modality modality);
    bool deleteSelection();

    // --- proposals ---
    // Accepts/rejects the selected proposals; with a single proposal selected, moves on to the
    // next unreviewed one.
    bool acceptSelection();
    bool rejectSelection();
    // Every unreviewed proposal with confidence >= threshold, or < threshold.
    bool acceptAbove(double threshold);
    bool rejectBelow(double threshold);
    // Selects the next (direction 1) or previous (-1) unreviewed proposal after the current
    // segment or the playhead, and asks for it to be shown. False when there is none.
    bool selectNextProposal(int direction);
    struct ProposalCounts
    {
        int unreviewed = 0;
        int accepted = 0; // accepted or edited
        int rejected = 0;
    };
    ProposalCounts proposalCounts() const;
    int unreviewedAtOrAbove(double threshold) const;

    // --- clipboard (between videos too: the system clipboard carries the events) ---
    bool copySelection();
    bool cutSelection();
    // Pastes at the playhead into the current group (or the first with the copied label set).
    bool paste();
    static QString segmentsMimeType();

    bool undo();
    bool redo();
    bool setVideoStatus(annotation::ReviewStatus status);

Q_SIGNALS:
    void documentChanged(earmark::annotation::AnnotationDocument *document);
    void selectionChanged();
    // After every applied edit of the document.
    void edited();
    void errorOccurred(const QString &message);
    void message(const QString &text);
    // A segment the person navigated to: views make [onset, offset) visible.
    void revealRequested(earmark::Time onset, earmark::Time offset);

private:
    Time playhead() const;
    void onEdit(const annotation::Edit &edit);
    annotation::TrackId ensureTrack(int group);
    QList<annotation::SegmentId> unreviewedProposals() const;
    QMimeData *mimeFor(const QList<annotation::Segment> &segments) const;

    TimeAxis *m_axis;
    TimelineModel *m_model;
    QPointer<annotation::AnnotationDocument> m_document;
    QList<annotation::SegmentId> m_selection;
};

} // namespace earmark::ui
