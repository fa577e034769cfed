#include "core/base/serialexecutor.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>

class TestSerialExecutor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsInOrderOffTheCallingThread()
    {
        earmark::SerialExecutor executor(QStringLiteral("test"));
        QList<int> order;
        QThread *seen = nullptr;
        for (int i = 0; i < 100; ++i) {
            executor.post([&order, &seen, i] {
                order.append(i);
                seen = QThread::currentThread();
            });
        }
        executor.waitForIdle();
        QCOMPARE(order.size(), 100);
        for (int i = 0; i < 100; ++i)
            QCOMPARE(order.at(i), i);
        QVERIFY(seen != QThread::currentThread());
        QCOMPARE(seen, executor.thread());
    }

    void callDeliversOnTheContextThread()
    {
        earmark::SerialExecutor executor(QStringLiteral("test"));
        QObject context;
        QThread *workThread = nullptr;
        QThread *doneThread = nullptr;
        int value = 0;
        executor.call(
            [&] {
                workThread = QThread::currentThread();
                return 42;
            },
            &context,
            [&](int v) {
                doneThread = QThread::currentThread();
                value = v;
            });
        QTRY_COMPARE(value, 42);
        QCOMPARE(doneThread, QThread::currentThread());
        QCOMPARE(workThread, executor.thread());
    }

    void callSkipsTheContinuationOfADeletedContext()
    {
        earmark::SerialExecutor executor(QStringLiteral("test"));
        std::atomic_bool ran = false;
        bool delivered = false;
        auto *context = new QObject;
        executor.call(
            [&] {
                ran = true;
                return 1;
            },
            context,
            [&](int) { delivered = true; });
        delete context;
        executor.waitForIdle();
        QCoreApplication::processEvents();
        QVERIFY(ran);
        QVERIFY(!delivered);
    }
};

QTEST_GUILESS_MAIN(TestSerialExecutor)
#include "tst_serialexecutor.moc"
