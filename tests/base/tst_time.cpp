#include "core/base/time.h"

#include <QTest>

using earmark::Time;
using earmark::TimeFormat;

class TestTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conversions()
    {
        QCOMPARE(Time::fromSeconds(1.5).microseconds(), 1500000);
        QCOMPARE(Time::fromSeconds(0.0000004).microseconds(), 0);
        QCOMPARE(Time::fromSeconds(0.0000006).microseconds(), 1);
        QCOMPARE(Time::fromMilliseconds(-1).milliseconds(), -1);
        QCOMPARE(Time::fromMicroseconds(-1).milliseconds(), -1);
        QCOMPARE(Time::fromMicroseconds(1999).milliseconds(), 1);
        QVERIFY(Time::fromSeconds(2) > Time::fromSeconds(1.999999));
        QCOMPARE(Time::fromSeconds(3) - Time::fromSeconds(1), Time::fromSeconds(2));
    }

    void format_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("expected");
        QTest::newRow("compact short") << 32.7 << int(TimeFormat::Compact) << "0:32";
        QTest::newRow("compact minutes") << 65.0 << int(TimeFormat::Compact) << "1:05";
        QTest::newRow("compact hours") << 3909.0 << int(TimeFormat::Compact) << "1:05:09";
        QTest::newRow("clock") << 65.0 << int(TimeFormat::Clock) << "00:01:05";
        QTest::newRow("precise") << 65.25 << int(TimeFormat::Precise) << "00:01:05.250";
        QTest::newRow("negative") << -2.0 << int(TimeFormat::Compact) << "-0:02";
    }

    void format()
    {
        QFETCH(double, seconds);
        QFETCH(int, format);
        QFETCH(QString, expected);
        QCOMPARE(earmark::formatTime(Time::fromSeconds(seconds), TimeFormat(format)), expected);
    }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("seconds"); // -1: rejected
        QTest::newRow("seconds") << "32" << 32.0;
        QTest::newRow("fraction") << "32.5" << 32.5;
        QTest::newRow("m:ss") << "0:32" << 32.0;
        QTest::newRow("mm:ss") << "1:05" << 65.0;
        QTest::newRow("hh:mm:ss") << "00:01:05" << 65.0;
        QTest::newRow("h:mm:ss.ms") << "1:05:09.25" << 3909.25;
        QTest::newRow("spaces") << " 0:10 " << 10.0;
        QTest::newRow("bad seconds") << "1:75" << -1.0;
        QTest::newRow("four parts") << "1:2:3:4" << -1.0;
        QTest::newRow("letters") << "1:0a" << -1.0;
        QTest::newRow("empty part") << "1::00" << -1.0;
        QTest::newRow("empty") << "" << -1.0;
        QTest::newRow("fraction in minutes") << "1.5:00" << -1.0;
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(double, seconds);
        const auto parsed = earmark::parseTime(text);
        if (seconds < 0) {
            QVERIFY(!parsed.has_value());
        } else {
            QVERIFY(parsed.has_value());
            QCOMPARE(*parsed, Time::fromSeconds(seconds));
        }
    }
};

QTEST_APPLESS_MAIN(TestTime)
#include "tst_time.moc"
