#pragma once

#include "core/base/cancellation.h"
#include "core/base/time.h"

#include <QHash>
#include <QImage>
#include <QThreadPool>
#include <QWidget>

#include <list>

namespace earmark::ui {

class TimeAxis;

// A row of small pictures of the video along the shared TimeAxis, above the timeline: one
// picture per slot of the strip's height times the video's aspect ratio, each the frame at its
// slot's middle. Zoomed out far (slots a second or more apart) the pictures are the keyframes
// there (fast on long files); zoomed in they are the exact frames.
//
// Pictures are decoded in the background (media::sampleFrames, one pass over the visible slots,
// restarted when the view moves) and kept in a bounded cache keyed by zoom level and slot, so
// scrolling back shows them at once; while a level is decoded, pictures of neighbouring levels
// stand in. Click to seek. GUI thread only.
class ThumbnailStrip : public QWidget
{
    Q_OBJECT

public:
    explicit ThumbnailStrip(TimeAxis *axis, QWidget *parent = nullptr);
    ~ThumbnailStrip() override;

    // A video file; `aspect` is its display width / height (0: taken from the first picture).
    void load(const QString &path, double aspect = 0);
    void clear();
    QString path() const { return m_path; }

    // True while visible slots still wait for their pictures.
    bool isBusy() const { return m_busy; }
    // Slots of the current view with their own picture (tests, status).
    int readySlots() const;
    int visibleSlots() const;

    QSize sizeHint() const override { return {640, 56}; }

Q_SIGNALS:
    void seekRequested(earmark::Time position);
    void thumbnailsReady();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    struct Slot
    {
        int level = 0;
        qint64 index = 0;
        bool operator==(const Slot &o) const { return level == o.level && index == o.index; }
    };
    friend size_t qHash(const Slot &s, size_t seed) { return qHashMulti(seed, s.level, s.index); }

    int thumbWidth() const;
    // The zoom level for the current view: slots of 40 ms * 2^level seconds.
    int currentLevel() const;
    static double slotSeconds(int level);
    void schedule();
    const QImage *cached(const Slot &slot) const;
    void store(const Slot &slot, const QImage &image);

    TimeAxis *m_axis;
    QString m_path;
    double m_aspect = 0;
    quint64 m_generation = 0;     // of the batch in flight
    quint64 m_fileGeneration = 0; // of the file: pictures of older batches still fit
    CancellationToken m_cancel;   // of the batch in flight
    bool m_busy = false;
    QThreadPool m_pool;

    QHash<Slot, QImage> m_cache;
    std::list<Slot> m_lru; // most recent at the front
    QHash<Slot, std::list<Slot>::iterator> m_lruPos;
};

} // namespace earmark::ui
