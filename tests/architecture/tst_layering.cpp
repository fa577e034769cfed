// The dependency rules of ARCHITECTURE.md, checked on the #include lines of every file:
// - core/* includes QtCore (and QtSql in core/storage) only: no widgets, GUI, multimedia,
//   network, torch, or FFmpeg outside core/media's .cpp files; never ui/, inference/ or app/.
// - inference/ never includes ui/ or app/, nor widgets; torch headers only in its .cpp files and
//   in headers under an internal/ folder.
// - ui/ never includes torch, FFmpeg or app/.

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {

struct Violation
{
    QString where; // file:line
    QString include;
    QString rule;
};

bool isTorch(const QString &inc)
{
    return inc.startsWith(QLatin1String("torch/")) || inc.startsWith(QLatin1String("ATen/"))
           || inc.startsWith(QLatin1String("c10/")) || inc.startsWith(QLatin1String("caffe2/"));
}

bool isFfmpeg(const QString &inc)
{
    static const QRegularExpression re(QStringLiteral("^lib(avformat|avcodec|avutil|avfilter|"
                                                      "avdevice|swscale|swresample)/"));
    return re.match(inc).hasMatch();
}

// Qt module of an include such as <QtWidgets/QWidget> or <QWidget>; empty when not Qt.
QString qtModule(const QString &inc)
{
    if (inc.startsWith(QLatin1String("Qt")) && inc.contains(QLatin1Char('/')))
        return inc.section(QLatin1Char('/'), 0, 0);
    static const QHash<QString, QString> known = [] {
        QHash<QString, QString> h;
        for (const char *w :
             {"QWidget",     "QMainWindow", "QApplication", "QDialog",     "QLabel",
              "QPushButton", "QToolButton", "QSlider",      "QTreeWidget", "QListView",
              "QMenu",       "QMenuBar",    "QDockWidget",  "QMessageBox", "QFileDialog",
              "QLineEdit",   "QSplitter",   "QStatusBar",   "QAction",     "QStyle"})
            h.insert(QLatin1String(w), QStringLiteral("QtWidgets"));
        for (const char *g : {"QImage",
                              "QPainter",
                              "QPixmap",
                              "QColor",
                              "QFont",
                              "QIcon",
                              "QGuiApplication",
                              "QKeySequence",
                              "QPalette",
                              "QPen",
                              "QBrush"})
            h.insert(QLatin1String(g), QStringLiteral("QtGui"));
        for (const char *m : {"QMediaPlayer",
                              "QVideoSink",
                              "QVideoFrame",
                              "QAudioOutput",
                              "QMediaDevices",
                              "QAudioDevice"})
            h.insert(QLatin1String(m), QStringLiteral("QtMultimedia"));
        for (const char *s : {"QSqlDatabase", "QSqlQuery", "QSqlError", "QSqlRecord"})
            h.insert(QLatin1String(s), QStringLiteral("QtSql"));
        for (const char *n : {"QNetworkAccessManager",
                              "QNetworkReply",
                              "QNetworkRequest",
                              "QTcpServer",
                              "QTcpSocket"})
            h.insert(QLatin1String(n), QStringLiteral("QtNetwork"));
        return h;
    }();
    return known.value(inc);
}

QList<Violation> check(const QString &path, const QString &content)
{
    QList<Violation> out;
    static const QRegularExpression includeRe(
        QStringLiteral("^\\s*#\\s*include\\s*[<\"]([^>\"]+)[>\"]"));
    const bool inCore = path.startsWith(QLatin1String("core/"));
    const bool inStorage = path.startsWith(QLatin1String("core/storage/"));
    const bool inMediaCpp = path.startsWith(QLatin1String("core/media/"))
                            && path.endsWith(QLatin1String(".cpp"));
    const bool inInference = path.startsWith(QLatin1String("inference/"));
    const bool inUi = path.startsWith(QLatin1String("ui/"));
    const bool isHeader = path.endsWith(QLatin1String(".h"));
    const bool internalHeader = isHeader && path.contains(QLatin1String("/internal/"));

    const QStringList lines = content.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const auto m = includeRe.match(lines.at(i));
        if (!m.hasMatch())
            continue;
        const QString inc = m.captured(1);
        const QString where = QStringLiteral("%1:%2").arg(path).arg(i + 1);
        auto add = [&](const QString &rule) { out.append({where, inc, rule}); };
        const QString qt = qtModule(inc);
        if (inCore) {
            if (!qt.isEmpty() && qt != QLatin1String("QtCore")
                && !(inStorage && qt == QLatin1String("QtSql")))
                add(QStringLiteral("core/ uses QtCore only (QtSql in core/storage)"));
            if (isTorch(inc))
                add(QStringLiteral("core/ never includes torch"));
            if (isFfmpeg(inc) && !inMediaCpp)
                add(QStringLiteral("FFmpeg headers only in core/media/*.cpp"));
            for (const char *layer : {"ui/", "inference/", "app/"}) {
                if (inc.startsWith(QLatin1String(layer)))
                    add(QStringLiteral("core/ does not depend on %1").arg(QLatin1String(layer)));
            }
        }
        if (inInference) {
            if (inc.startsWith(QLatin1String("ui/")) || inc.startsWith(QLatin1String("app/")))
                add(QStringLiteral("inference/ does not depend on ui/ or app/"));
            if (qt == QLatin1String("QtWidgets"))
                add(QStringLiteral("inference/ does not use widgets"));
            if (isTorch(inc) && isHeader && !internalHeader)
                add(QStringLiteral(
                    "torch headers only in inference/ .cpp files and internal/ headers"));
            if (isFfmpeg(inc))
                add(QStringLiteral("FFmpeg headers only in core/media/*.cpp"));
        }
        if (inUi) {
            if (isTorch(inc))
                add(QStringLiteral("ui/ never includes torch"));
            if (isFfmpeg(inc))
                add(QStringLiteral("ui/ never includes FFmpeg"));
            if (inc.startsWith(QLatin1String("app/")))
                add(QStringLiteral("ui/ does not depend on app/"));
        }
    }
    return out;
}

QString describe(const QList<Violation> &list)
{
    QStringList lines;
    for (const Violation &v : list)
        lines << QStringLiteral("%1: #include <%2>: %3").arg(v.where, v.include, v.rule);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestLayering : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rulesCatchViolations_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("content");
        QTest::addColumn<bool>("violates");
        QTest::newRow("core widgets") << "core/annotation/a.h"
                                      << "#include <QWidget>" << true;
        QTest::newRow("core gui") << "core/formats/a.cpp"
                                  << "#include <QtGui/QImage>" << true;
        QTest::newRow("core torch") << "core/metrics/a.cpp"
                                    << "#include <torch/torch.h>" << true;
        QTest::newRow("ffmpeg in media header") << "core/media/a.h"
                                                << "#include <libavcodec/avcodec.h>" << true;
        QTest::newRow("ffmpeg in media cpp") << "core/media/a.cpp"
                                             << "  #include <libavcodec/avcodec.h>" << false;
        QTest::newRow("ffmpeg in formats") << "core/formats/a.cpp"
                                           << "#include <libswscale/swscale.h>" << true;
        QTest::newRow("sql in storage") << "core/storage/a.cpp"
                                        << "#include <QSqlQuery>" << false;
        QTest::newRow("sql in formats") << "core/formats/a.cpp"
                                        << "#include <QSqlQuery>" << true;
        QTest::newRow("core on ui") << "core/base/a.h"
                                    << "#include \"ui/mainwindow.h\"" << true;
        QTest::newRow("torch in inference header") << "inference/engine.h"
                                                   << "#include <torch/torch.h>" << true;
        QTest::newRow("torch in inference internal header") << "inference/heads/internal/han.h"
                                                            << "#include <torch/torch.h>" << false;
        QTest::newRow("torch in inference cpp") << "inference/a.cpp"
                                                << "#include <ATen/ATen.h>" << false;
        QTest::newRow("torch in ui") << "ui/a.cpp"
                                     << "#include <torch/script.h>" << true;
        QTest::newRow("ffmpeg in ui") << "ui/a.cpp"
                                      << "#include <libavutil/frame.h>" << true;
        QTest::newRow("ui on inference interface") << "ui/a.cpp"
                                                   << "#include \"inference/engine.h\"" << false;
        QTest::newRow("app anything") << "app/main.cpp"
                                      << "#include <torch/torch.h>" << false;
    }

    void rulesCatchViolations()
    {
        QFETCH(QString, path);
        QFETCH(QString, content);
        QFETCH(bool, violates);
        QCOMPARE(!check(path, content).isEmpty(), violates);
    }

    void treeFollowsTheRules()
    {
        const QString root = QStringLiteral(EARMARK_SOURCE_DIR);
        QList<Violation> all;
        int files = 0;
        for (const char *folder : {"app", "core", "inference", "ui"}) {
            QDirIterator it(root + QLatin1Char('/') + QLatin1String(folder),
                            {QStringLiteral("*.h"), QStringLiteral("*.cpp")},
                            QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString file = it.next();
                QFile f(file);
                QVERIFY(f.open(QIODevice::ReadOnly));
                all += check(file.mid(root.size() + 1), QString::fromUtf8(f.readAll()));
                ++files;
            }
        }
        QVERIFY(files > 20);
        QVERIFY2(all.isEmpty(), qPrintable(QLatin1Char('\n') + describe(all)));
    }
};

QTEST_APPLESS_MAIN(TestLayering)
#include "tst_layering.moc"
