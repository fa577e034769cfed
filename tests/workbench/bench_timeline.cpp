// How long the timeline takes to paint 100,000 events of a two-hour video, at every zoom from the
// whole file to a single frame, with the class rows expanded (the rows on screen) and with every
// section collapsed (each summary row then draws a third of all events). Prints milliseconds per
// frame and the ratio to a reference measured in the same run: painting one rectangle per event
// without culling or merging, as a scene of items would. Then scrolls through the video at a
// minute per screen and reports the slowest frames. Asserts only that something was painted.

#include "core/annotation/document.h"
#include "ui/editing/editorsession.h"
#include "ui/timeaxis.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelineview.h"
#include "workbenchtestutil.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QTest>

#include <algorithm>
#include <numeric>

#include <time.h>

using namespace earmark;
using namespace earmark::annotation;
using namespace earmark::testing;

namespace {

constexpr int kEvents = 100000;
constexpr double kSeconds = 2 * 3600;
const QSize kSize(1600, 720);

// CPU time of this process, in milliseconds: on a machine shared with other work, wall-clock
// time also counts the time others had the cores.
double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

struct Cost
{
    double wall = 0; // ms per frame
    double cpu = 0;  // ms per frame
};

Cost perFrame(ui::TimelineView &view, QImage &image, int frames)
{
    QElapsedTimer timer;
    const double cpu0 = cpuMs();
    timer.start();
    for (int i = 0; i < frames; ++i)
        view.render(&image);
    return {timer.nsecsElapsed() / 1e6 / frames, (cpuMs() - cpu0) / frames};
}

// Distinct colours in the lanes: a blank timeline would be a failed paint.
int distinctColors(const QImage &image, const QRect &area)
{
    QSet<QRgb> colors;
    for (int y = area.top(); y < area.bottom(); y += 3) {
        for (int x = area.left(); x < area.right(); x += 3)
            colors.insert(image.pixel(x, y));
    }
    return int(colors.size());
}

} // namespace

class BenchTimeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void paintsAtEveryZoom()
    {
        auto doc = makeDocument(kSeconds, manySegments(kEvents, kSeconds));
        ui::TimeAxis axis;
        axis.setDuration(doc->video().duration);
        ui::EditorSession session(&axis);
        session.setDocument(doc.get());
        QCOMPARE(session.model()->itemCount(), kEvents);
        ui::TimelineView view(&axis);
        view.setSession(&session);
        view.resize(kSize);
        view.ensurePolished();
        QImage image(kSize, QImage::Format_ARGB32_Premultiplied);

        // Reference: every event as its own rectangle, no culling, no merging.
        const QList<Segment> all = doc->segments();
        QElapsedTimer timer;
        const double cpu0 = cpuMs();
        timer.start();
        const int referenceFrames = 5;
        for (int f = 0; f < referenceFrames; ++f) {
            QPainter p(&image);
            p.fillRect(image.rect(), Qt::white);
            const double scale = (kSize.width() - 230) / kSeconds;
            for (const Segment &s : all) {
                const double x = 210 + s.onset.seconds() * scale;
                p.fillRect(QRectF(x,
                                  24 + (s.classIndex % 20) * 34,
                                  std::max(1.0, s.duration().seconds() * scale),
                                  16),
                           QColor::fromHsv(s.classIndex * 14, 150, 200));
            }
        }
        const double reference = (cpuMs() - cpu0) / referenceFrames;
        qInfo("reference (one rectangle per event, no culling): %.2f ms CPU per frame "
              "(%.2f ms wall)",
              reference,
              timer.nsecsElapsed() / 1e6 / referenceFrames);

        const struct
        {
            const char *name;
            double seconds;
        } zooms[] = {{"whole file (2 h)", kSeconds},
                     {"30 min", 1800},
                     {"5 min", 300},
                     {"1 min", 60},
                     {"10 s", 10},
                     {"1 s", 1},
                     {"one frame (40 ms)", 0.04}};
        double worst = 0;
        for (bool collapsed : {false, true}) {
            for (Modality m : {Modality::Audio, Modality::Visual, Modality::AudioVisual})
                session.model()->setSectionCollapsed(0, m, collapsed);
            qInfo("%s:",
                  collapsed ? "sections collapsed (summary rows draw every event)"
                            : "class rows expanded");
            for (const auto &zoom : zooms) {
                // The middle of the video, where events are as dense as anywhere.
                const Time middle = Time::fromSeconds(kSeconds / 2);
                const Time half = Time::fromSeconds(zoom.seconds / 2);
                axis.setVisibleRange(middle - half, middle + half);
                view.render(&image); // first paint: caches, fonts
                const int frames = zoom.seconds >= 1800 ? 20 : 40;
                const Cost cost = perFrame(view, image, frames);
                worst = std::max(worst, cost.cpu);
                qInfo("  %-20s %6.2f ms CPU per frame (%6.2f ms wall), %5.1fx faster than the "
                      "reference",
                      zoom.name,
                      cost.cpu,
                      cost.wall,
                      reference / cost.cpu);
                if (zoom.seconds >= 60)
                    QVERIFY2(distinctColors(image, view.laneArea()) > 8, zoom.name);
            }
        }
        qInfo("slowest zoom: %.2f ms CPU per frame (target: under 8 ms)", worst);
    }

    void scrollsTwoHoursSmoothly()
    {
        auto doc = makeDocument(kSeconds, manySegments(kEvents, kSeconds));
        ui::TimeAxis axis;
        axis.setDuration(doc->video().duration);
        ui::EditorSession session(&axis);
        session.setDocument(doc.get());
        ui::TimelineView view(&axis);
        view.setSession(&session);
        view.resize(kSize);
        QImage image(kSize, QImage::Format_ARGB32_Premultiplied);
        axis.setVisibleRange(Time(), Time::fromSeconds(60));
        view.render(&image);
        // Scroll through the whole video a fiftieth of a screen per frame, as a trackpad does.
        QList<double> times;
        QElapsedTimer timer;
        timer.start();
        const double cpu0 = cpuMs();
        while (axis.visibleEnd() < axis.duration()) {
            axis.scrollByFraction(0.02);
            const double before = cpuMs();
            view.render(&image);
            times.append(cpuMs() - before);
        }
        const double wallPerFrame = timer.nsecsElapsed() / 1e6 / times.size();
        const double cpuPerFrame = (cpuMs() - cpu0) / times.size();
        std::sort(times.begin(), times.end());
        const double mean = std::accumulate(times.begin(), times.end(), 0.0) / times.size();
        qInfo("scrolling 2 h at 1 min per screen: %lld frames; CPU per frame: mean %.2f ms, "
              "median %.2f ms, 99th percentile %.2f ms, slowest %.2f ms; wall %.2f ms per frame "
              "(a 60 Hz display allows 16.7 ms)",
              qlonglong(times.size()),
              mean,
              times.at(times.size() / 2),
              times.at(times.size() * 99 / 100),
              times.constLast(),
              wallPerFrame);
        Q_UNUSED(cpuPerFrame);
        QVERIFY(times.size() > 5000);
    }
};

QTEST_MAIN(BenchTimeline)
#include "bench_timeline.moc"
