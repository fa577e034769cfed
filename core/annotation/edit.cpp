#include "core/annotation/edit.h"

#include <algorithm>

namespace earmark::annotation {

namespace {

template<typename T>
EntityChange<T> swapped(const EntityChange<T> &c)
{
    return EntityChange<T>{c.after, c.before};
}

VideoStatusChange swapped(const VideoStatusChange &c)
{
    return VideoStatusChange{c.videoId, c.after, c.before};
}

} // namespace

Edit Edit::inverse() const
{
    Edit out;
    out.text = text;
    out.changes.reserve(changes.size());
    for (auto it = changes.crbegin(); it != changes.crend(); ++it)
        out.changes.append(std::visit([](const auto &c) -> Change { return swapped(c); }, *it));
    return out;
}

Edit Edit::combine(const QString &text, const QList<Edit> &edits)
{
    Edit out;
    out.text = text;
    for (const Edit &e : edits)
        out.changes += e.changes;
    return out;
}

} // namespace earmark::annotation
