#pragma once

#include "core/annotation/mask.h"
#include "core/annotation/segment.h"

#include <QList>
#include <QString>

#include <optional>
#include <variant>

namespace earmark::annotation {

// One primitive change of one stored thing, with its state before and after: an insert has no
// `before`, a removal no `after`. Because both states travel together, the undo of any change is
// the same change with `before` and `after` swapped (Kdenlive's rule: the undo is built with the
// edit), and a writer can refuse a change whose `before` no longer matches what is stored.
template<typename T>
struct EntityChange
{
    std::optional<T> before;
    std::optional<T> after;

    bool isInsert() const { return !before && after; }
    bool isRemove() const { return before && !after; }
    qint64 id() const { return before ? before->id : after->id; }
    bool operator==(const EntityChange &) const = default;
};

using TrackChange = EntityChange<Track>;
using SegmentChange = EntityChange<Segment>;
using MaskObjectChange = EntityChange<MaskObject>;
using MaskFrameChange = EntityChange<MaskFrame>;

struct VideoStatusChange
{
    VideoId videoId = 0;
    ReviewStatus before = ReviewStatus::ToDo;
    ReviewStatus after = ReviewStatus::ToDo;
    bool operator==(const VideoStatusChange &) const = default;
};

using Change
    = std::variant<TrackChange, SegmentChange, MaskObjectChange, MaskFrameChange, VideoStatusChange>;

// A user edit: the primitive changes that make it, applied in order, all or none. Edits are
// values; they cross threads (the document applies one in memory on the GUI thread, the store
// writes the same value in one transaction on the storage thread).
struct Edit
{
    QString text; // for the undo history: "Move 3 segments"
    QList<Change> changes;

    bool isEmpty() const { return changes.isEmpty(); }
    // The edit that takes its result back to its starting point: changes reversed in order, each
    // with before and after swapped.
    Edit inverse() const;
    // One edit doing `edits` one after another (a macro), named `text`.
    static Edit combine(const QString &text, const QList<Edit> &edits);

    // Builders.
    void insert(const Segment &s) { changes.append(SegmentChange{std::nullopt, s}); }
    void update(const Segment &before, const Segment &after)
    {
        changes.append(SegmentChange{before, after});
    }
    void remove(const Segment &s) { changes.append(SegmentChange{s, std::nullopt}); }
    void insert(const Track &t) { changes.append(TrackChange{std::nullopt, t}); }
    void update(const Track &before, const Track &after)
    {
        changes.append(TrackChange{before, after});
    }
    void remove(const Track &t) { changes.append(TrackChange{t, std::nullopt}); }
    void insert(const MaskObject &o) { changes.append(MaskObjectChange{std::nullopt, o}); }
    void update(const MaskObject &before, const MaskObject &after)
    {
        changes.append(MaskObjectChange{before, after});
    }
    void remove(const MaskObject &o) { changes.append(MaskObjectChange{o, std::nullopt}); }
    void insert(const MaskFrame &f) { changes.append(MaskFrameChange{std::nullopt, f}); }
    void update(const MaskFrame &before, const MaskFrame &after)
    {
        changes.append(MaskFrameChange{before, after});
    }
    void remove(const MaskFrame &f) { changes.append(MaskFrameChange{f, std::nullopt}); }

    bool operator==(const Edit &) const = default;
};

} // namespace earmark::annotation

Q_DECLARE_METATYPE(earmark::annotation::Edit)
