#pragma once

#include "core/base/cancellation.h"
#include "core/base/time.h"

#include <QHash>
#include <QImage>
#include <QThreadPool>
#include <QWidget>

#include <list>
#include <vector>

namespace earmark::ui {

class TimeAxis;

// A row of small pictures of the video along the shared TimeAxis, above the timeline: whole
// pictures of the strip's height (times the video's aspect ratio) side by side, without gaps,
// each covering its stretch of time and showing a frame from inside it: the frame at the middle
// of the slot (40 ms * 2^level, no longer than a picture's time) where the picture's middle
// falls. Zoomed out far (slots a second or more apart) the pictures are the keyframes
// there (fast on long files); zoomed in they are the exact frames.
//
// Pictures are decoded in the background (media::sampleFrames, one pass over the visible slots,
// restarted when the view moves) and kept in a bounded cache keyed by zoom level and slot, so
// scrolling back shows them at once; while a level is decoded, pictures of neighbouring levels
// stand in. Nothing is decoded while the strip is hidden. Click to seek. GUI thread only.
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
    // Slots (frames) the pictures of the current view show, and those of them decoded (tests,
    // status).
    int readySlots() const;
    int visibleSlots() const;

    QSize sizeHint() const override { return {640, 56}; }

Q_SIGNALS:
    void seekRequested(earmark::Time position);
    void thumbnailsReady();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    struct Slot
    {
        int level = 0;
        qint64 index = 0;
        bool operator==(const Slot &o) const { return level == o.level && index == o.index; }
    };
    friend size_t qHash(const Slot &s, size_t seed) { return qHashMulti(seed, s.level, s.index); }

    // A picture of the current view: its place (x, full width and the part before the end of
    // the video) and its slot; `middle` is the time in seconds at its middle.
    struct Picture
    {
        double x = 0;
        double width = 0;
        double visibleWidth = 0;
        double middle = 0;
        Slot slot;
    };
    std::vector<Picture> visiblePictures() const;
    std::vector<qint64> visibleSlotIndices() const; // of the current level, in order, unique

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
