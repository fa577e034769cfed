// The command line as a person uses it, with no display: versions, help, errors, add/list/probe.

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
    // No display at all: subcommands must not need one.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QLatin1String(name));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(EARMARK_EXECUTABLE), args);
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitCode(),
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QString sample(const char *name)
{
    return QStringLiteral(EARMARK_BINARY_DIR "/share/earmark/samples/") + QLatin1String(name);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version()
    {
        const Run r = earmark({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(
                     QRegularExpression(QStringLiteral("^Earmark \\d+\\.\\d+\\.\\d+\n"))),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\nQt 6\\.\\d+\\.\\d+"))));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\nFFmpeg \\d+\\.\\d+"))));
        QVERIFY(
            r.out.contains(QRegularExpression(QStringLiteral("\nLibTorch \\d+\\.\\d+\\.\\d+"))));
        QCOMPARE(earmark({QStringLiteral("version")}).out, r.out);
    }

    void help()
    {
        const Run r = earmark({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *cmd : {"add", "list", "probe", "version"})
            QVERIFY2(r.out.contains(QStringLiteral("\n  %1 ").arg(QLatin1String(cmd))), cmd);
        const Run sub = earmark({QStringLiteral("probe"), QStringLiteral("--help")});
        QCOMPARE(sub.exitCode, 0);
        QVERIFY2(sub.out.startsWith(QStringLiteral("Usage: earmark probe")), qPrintable(sub.out));
    }

    void badUsage()
    {
        const Run unknown = earmark({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QStringLiteral("'frobnicate' is not a command")));
        const Run option = earmark({QStringLiteral("probe"), QStringLiteral("--nonsense")});
        QCOMPARE(option.exitCode, 2);
        QVERIFY(option.err.contains(QStringLiteral("nonsense")));
        const Run missing = earmark({QStringLiteral("probe"), QStringLiteral("/no/such/file.mp4")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("/no/such/file.mp4: the file does not exist")),
                 qPrintable(missing.err));
    }

    void addListProbe()
    {
        QTemporaryDir dir;
        const QString lib = dir.filePath(QStringLiteral("lib.sqlite"));
        const Run add = earmark({QStringLiteral("add"),
                                 QStringLiteral("--library"),
                                 lib,
                                 sample("mandelbrot-chirp.mp4"),
                                 sample("life-noise-bursts.mp4"),
                                 dir.filePath(QStringLiteral("missing.mp4"))});
        QCOMPARE(add.exitCode, 1); // one file failed, the others are in
        QVERIFY(add.err.contains(QStringLiteral("missing.mp4")));
        const Run list = earmark({QStringLiteral("list"), QStringLiteral("--library"), lib});
        QCOMPARE(list.exitCode, 0);
        const QStringList rows = list.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(rows.size(), 2);
        QVERIFY(rows.at(0).endsWith(QStringLiteral("life-noise-bursts.mp4")));
        QVERIFY(rows.at(0).contains(QStringLiteral("\t10.000\ttodo\t")));

        const Run probe = earmark(
            {QStringLiteral("probe"), QStringLiteral("--json"), sample("mandelbrot-chirp.mp4")});
        QCOMPARE(probe.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(probe.out.toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("duration")).toDouble(), 10.0);
        QCOMPARE(json.value(QStringLiteral("container")).toString().left(3), QStringLiteral("mov"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
