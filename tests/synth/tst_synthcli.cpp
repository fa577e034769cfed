// `earmark synth` as a person runs it: the classes, a clip with its truth, and clear errors.

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run earmark(const QStringList &args)
{
    QProcess p;
    // No display: the generator paints offscreen images only.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QLatin1String(name));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(EARMARK_EXECUTABLE), QStringList{QStringLiteral("synth")} + args);
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitCode(),
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestSynthCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsClasses()
    {
        const Run r = earmark({QStringLiteral("--list-classes")});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() >= 8);
        QVERIFY(lines.first().startsWith(QLatin1String("Speech\tLLP\t")));
    }

    void makesClipsWithTruth()
    {
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("clips"));
        const Run r = earmark({QStringLiteral("--seed"),
                               QStringLiteral("5"),
                               QStringLiteral("--count"),
                               QStringLiteral("2"),
                               QStringLiteral("--split"),
                               QStringLiteral("val"),
                               QStringLiteral("--out"),
                               out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.startsWith(QLatin1String("2 clips of ")));
        QVERIFY(r.err.contains(QLatin1String("clip 2 of 2"))); // the progress bar
        const QDir dir(out);
        QCOMPARE(dir.entryList({QStringLiteral("*.mp4")}, QDir::Files).size(), 0);
        QCOMPARE(QDir(dir.filePath(QStringLiteral("videos"))).entryList(QDir::Files).size(), 2);
        for (const char *file : {"classes.txt",
                                 "synth.json",
                                 "llp/AVVP_val_pd.csv",
                                 "llp/AVVP_eval_audio.csv",
                                 "llp/AVVP_eval_visual.csv",
                                 "ave/Annotations.txt",
                                 "ave/valSet.txt",
                                 "avsbench/s4_meta_data.csv"})
            QVERIFY2(QFile::exists(dir.filePath(QLatin1String(file))), file);
        QFile manifest(dir.filePath(QStringLiteral("synth.json")));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(manifest.readAll()).object();
        QCOMPARE(json.value(QStringLiteral("seed")).toString(), QStringLiteral("5"));
        QCOMPARE(json.value(QStringLiteral("asset_pool")).toString(), QStringLiteral("held-out"));

        // Into the same folder again: refused, nothing overwritten.
        const Run again = earmark(
            {QStringLiteral("--count"), QStringLiteral("1"), QStringLiteral("--out"), out});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QLatin1String("not empty")), qPrintable(again.err));
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no count") << QStringList{"--out", "/tmp/x"} << "--count is required";
        QTest::newRow("no out") << QStringList{"--count", "3"} << "--out is required";
        QTest::newRow("bad count") << QStringList{"--count", "many", "--out", "/tmp/x"}
                                   << "--count wants a positive integer";
        QTest::newRow("bad seed") << QStringList{"--seed", "abc", "--count", "1", "--out", "/tmp/x"}
                                  << "--seed wants a non-negative integer";
        QTest::newRow("bad pool") << QStringList{"--assets",
                                                 "some",
                                                 "--count",
                                                 "1",
                                                 "--out",
                                                 "/tmp/x"}
                                  << "--assets wants training, held-out or all";
    }

    void badArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = earmark(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void badSplitName()
    {
        QTemporaryDir tmp;
        const Run r = earmark({QStringLiteral("--count"),
                               QStringLiteral("1"),
                               QStringLiteral("--split"),
                               QStringLiteral("../up"),
                               QStringLiteral("--out"),
                               tmp.filePath(QStringLiteral("o"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("split name")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestSynthCli)
#include "tst_synthcli.moc"
