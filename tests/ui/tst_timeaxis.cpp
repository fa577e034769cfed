#include "ui/timeaxis.h"

#include <QSignalSpy>
#include <QTest>

using earmark::Time;
using earmark::ui::TimeAxis;

class TestTimeAxis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newFileShowsAll()
    {
        TimeAxis axis;
        QSignalSpy spy(&axis, &TimeAxis::rangeChanged);
        axis.setDuration(Time::fromSeconds(120));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(axis.visibleStart(), Time());
        QCOMPARE(axis.visibleEnd(), Time::fromSeconds(120));
        QCOMPARE(axis.secondsPerPixel(1200), 0.1);
        QCOMPARE(axis.xForTime(Time::fromSeconds(30), 1200), 300.0);
        QCOMPARE(axis.timeForX(600, 1200), Time::fromSeconds(60));
    }

    void zoomKeepsTheAnchorInPlace()
    {
        TimeAxis axis;
        axis.setDuration(Time::fromSeconds(100));
        const Time anchor = Time::fromSeconds(25);
        const double before = axis.xForTime(anchor, 1000);
        axis.zoom(4, anchor);
        QCOMPARE(axis.visibleLength(), Time::fromSeconds(25));
        QVERIFY(std::abs(axis.xForTime(anchor, 1000) - before) < 0.01);
        axis.zoom(0.01, anchor); // out past the whole file: clamps to it
        QCOMPARE(axis.visibleStart(), Time());
        QCOMPARE(axis.visibleEnd(), Time::fromSeconds(100));
    }

    void zoomStopsAtTheMinimumSpanAndScrollStaysInside()
    {
        TimeAxis axis;
        axis.setDuration(Time::fromSeconds(7200));
        const Time anchor = Time::fromSeconds(7199.9999);
        axis.zoom(1e12, anchor);
        QCOMPARE(axis.visibleLength(), TimeAxis::minimumSpan());
        QVERIFY(axis.visibleStart() <= anchor && anchor <= axis.visibleEnd());
        axis.scrollByFraction(5);
        QCOMPARE(axis.visibleEnd(), Time::fromSeconds(7200));
        axis.setVisibleRange(Time::fromSeconds(-10), Time::fromSeconds(50));
        QCOMPARE(axis.visibleStart(), Time());
        QCOMPARE(axis.visibleEnd(), Time::fromSeconds(60));
    }

    void ensureVisiblePagesToThePlayhead()
    {
        TimeAxis axis;
        axis.setDuration(Time::fromSeconds(600));
        axis.setVisibleRange(Time(), Time::fromSeconds(60));
        axis.ensureVisible(Time::fromSeconds(30));
        QCOMPARE(axis.visibleStart(), Time());
        axis.ensureVisible(Time::fromSeconds(61));
        QVERIFY(axis.visibleStart() <= Time::fromSeconds(61));
        QVERIFY(axis.visibleEnd() > Time::fromSeconds(61));
        QCOMPARE(axis.visibleLength(), Time::fromSeconds(60));
    }
};

QTEST_GUILESS_MAIN(TestTimeAxis)
#include "tst_timeaxis.moc"
