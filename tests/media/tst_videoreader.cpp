// The player's exact decoder: any time, then frame steps forward and back, always the frame that
// is shown, across keyframes and in files with irregular frame times.

#include "core/media/videoreader.h"
#include "mediatestutil.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace earmark;
using namespace earmark::mediatest;

class TestVideoReader : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_cfr;
    QString m_vfr;
    std::vector<Time> m_cfrPts;
    std::vector<Time> m_vfrPts;

private Q_SLOTS:
    void initTestCase()
    {
        m_cfr = m_dir.filePath(QStringLiteral("cfr.mp4"));
        QString e = ffmpeg({QStringLiteral("-f"),
                            QStringLiteral("lavfi"),
                            QStringLiteral("-i"),
                            indexPicture(320, 240, 25, 8),
                            QStringLiteral("-c:v"),
                            QStringLiteral("libx264"),
                            QStringLiteral("-g"),
                            QStringLiteral("50"),
                            QStringLiteral("-pix_fmt"),
                            QStringLiteral("yuv420p"),
                            m_cfr});
        QVERIFY2(e.isEmpty(), qPrintable(e));
        m_vfr = m_dir.filePath(QStringLiteral("vfr.mkv"));
        e = ffmpeg({QStringLiteral("-f"),
                    QStringLiteral("lavfi"),
                    QStringLiteral("-i"),
                    indexPicture(320, 240, 30, 4)
                        + QStringLiteral(",settb=1/1000,setpts='N*33+floor(N/7)*41'"),
                    QStringLiteral("-fps_mode"),
                    QStringLiteral("passthrough"),
                    QStringLiteral("-c:v"),
                    QStringLiteral("libx264"),
                    QStringLiteral("-g"),
                    QStringLiteral("40"),
                    m_vfr});
        QVERIFY2(e.isEmpty(), qPrintable(e));
        m_cfrPts = framePresentationTimes(m_cfr);
        m_vfrPts = framePresentationTimes(m_vfr);
        QCOMPARE(m_cfrPts.size(), std::size_t(200));
        QVERIFY(m_vfrPts.size() > 100);
    }

    void randomAccess_data()
    {
        QTest::addColumn<bool>("vfr");
        QTest::newRow("constant rate") << false;
        QTest::newRow("variable rate") << true;
    }

    void randomAccess()
    {
        QFETCH(bool, vfr);
        const std::vector<Time> &pts = vfr ? m_vfrPts : m_cfrPts;
        auto reader = media::VideoReader::open(vfr ? m_vfr : m_cfr);
        QVERIFY2(reader.ok(), qPrintable(reader.errorString()));
        QCOMPARE((*reader)->width(), 320);
        QCOMPARE((*reader)->height(), 240);
        QRandomGenerator rng(11);
        const qint64 end = pts.back().microseconds() + 100000;
        for (int i = 0; i < 60; ++i) {
            const Time t = Time::fromMicroseconds(qint64(rng.bounded(quint64(end))));
            auto f = (*reader)->frameAt(t);
            QVERIFY2(f.ok(), qPrintable(f.errorString()));
            const int expected = shownAt(pts, t);
            QCOMPARE(readIndex(*f), expected);
            QCOMPARE(f->pts, pts[size_t(expected)]);
            QCOMPARE(f->bytesPerLine, 320 * 4);
        }
    }

    void stepsForwardAndBack_data() { randomAccess_data(); }

    void stepsForwardAndBack()
    {
        QFETCH(bool, vfr);
        const std::vector<Time> &pts = vfr ? m_vfrPts : m_cfrPts;
        auto opened = media::VideoReader::open(vfr ? m_vfr : m_cfr);
        QVERIFY(opened.ok());
        media::VideoReader &reader = **opened;
        // Forward from the start over two keyframes.
        auto f = reader.frameAt(Time());
        QVERIFY(f.ok());
        QCOMPARE(readIndex(*f), 0);
        for (int i = 1; i < 110; ++i) {
            f = reader.nextFrame();
            QVERIFY2(f.ok(), qPrintable(f.errorString()));
            QCOMPARE(readIndex(*f), i);
            QCOMPARE(f->pts, pts[size_t(i)]);
            QCOMPARE(reader.currentFrameEnd() > f->pts || reader.currentFrameEnd() == Time(), true);
        }
        // Back across a keyframe (40 or 50 frames apart): more than the frames kept.
        for (int i = 108; i >= 30; --i) {
            f = reader.previousFrame();
            QVERIFY2(f.ok(), qPrintable(f.errorString()));
            QCOMPARE(readIndex(*f), i);
        }
        // Mixed.
        f = reader.nextFrame();
        QCOMPARE(readIndex(*f), 31);
        f = reader.frameAt(pts[90] - Time::fromMicroseconds(1));
        QCOMPARE(readIndex(*f), 89);
        f = reader.previousFrame();
        QCOMPARE(readIndex(*f), 88);
        f = reader.nextFrame();
        QCOMPARE(readIndex(*f), 89);
        f = reader.nextFrame();
        QCOMPARE(readIndex(*f), 90);

        // The ends: stepping stops at the first and last frames.
        f = reader.frameAt(Time());
        f = reader.previousFrame();
        QVERIFY(f.ok());
        QCOMPARE(readIndex(*f), 0);
        const int last = int(pts.size()) - 1;
        f = reader.frameAt(pts.back() + Time::fromSeconds(5));
        QVERIFY(f.ok());
        QCOMPARE(readIndex(*f), last);
        f = reader.nextFrame();
        QVERIFY(f.ok());
        QCOMPARE(readIndex(*f), last);
        f = reader.previousFrame();
        QCOMPARE(readIndex(*f), last - 1);
    }

    void scaledOutputAndErrors()
    {
        media::VideoReader::Options o;
        o.format.width = 160;
        o.format.height = 0;
        auto reader = media::VideoReader::open(m_cfr, o);
        QVERIFY(reader.ok());
        QCOMPARE((*reader)->height(), 120);
        auto f = (*reader)->frameAt(Time::fromSeconds(3));
        QVERIFY(f.ok());
        QCOMPARE(f->width, 160);
        QCOMPARE(readIndex(*f), 75);
        QCOMPARE((*reader)->duration(), Time::fromSeconds(8));
        QCOMPARE((*reader)->frameRate(), 25.0);

        CancellationToken cancel;
        cancel.cancel();
        auto cancelled = (*reader)->frameAt(Time::fromSeconds(7.5), cancel);
        QVERIFY(!cancelled.ok());
        // Still usable afterwards.
        f = (*reader)->frameAt(Time::fromSeconds(7.5));
        QVERIFY2(f.ok(), qPrintable(f.errorString()));
        QCOMPARE(readIndex(*f), 187);

        auto none = media::VideoReader::open(m_dir.filePath(QStringLiteral("absent.mp4")));
        QVERIFY(!none.ok());
        QVERIFY(none.errorString().contains(QStringLiteral("absent.mp4")));
    }
};

QTEST_GUILESS_MAIN(TestVideoReader)
#include "tst_videoreader.moc"
