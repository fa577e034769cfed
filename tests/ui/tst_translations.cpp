// The interface translations: every message of translations/*.ts translated (no unfinished or
// empty entry, the placeholders and the &-accelerator of the source kept, the plural forms the
// language needs), the files in step with the tr() strings of ui/ and app/, and the .qm files
// built into the program turning the main window's menus into German and Japanese.

#include "core/storage/database.h"
#include "ui/library/librarycontroller.h"
#include "ui/mainwindow.h"
#include "ui/shell/language.h"

#include <QDir>
#include <QFile>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace earmark;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    bool numerus = false;
    QString type;      // the translation's type attribute: "", "unfinished", "vanished", ...
    QStringList forms; // the translation, or its numerus forms
    qint64 line = 0;   // of the <message> element in the .ts file
};

struct TsFile
{
    QString language;
    QList<TsMessage> messages;
    QString error;
};

TsFile readTs(const QString &path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("TS")) {
                ts.language = xml.attributes().value(QLatin1String("language")).toString();
            } else if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                message = TsMessage{};
                message.context = context;
                message.line = xml.lineNumber();
                message.numerus = xml.attributes().value(QLatin1String("numerus"))
                                  == QLatin1String("yes");
            } else if (name == QLatin1String("source")) {
                message.source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                message.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!message.numerus)
                    message.forms = {xml.readElementText()};
            } else if (name == QLatin1String("numerusform")) {
                message.forms << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            ts.messages << message;
        }
    }
    if (xml.hasError())
        ts.error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return ts;
}

// %1…%99, %L1, %n: what arg() and tr()'s plural handling replace.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(L?[0-9]{1,2}|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    found.sort();
    found.removeDuplicates();
    return found;
}

// A menu accelerator: "&" before a character, not "&&" (a literal ampersand) and not an HTML
// entity such as "&lt;".
int accelerators(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("(?<!&)&(?![&\\s])(?![A-Za-z]+;)"));
    int n = 0;
    for (auto it = re.globalMatch(text); it.hasNext(); it.next())
        ++n;
    return n;
}

// Plural forms per language (German: one, other; Japanese, Korean, Chinese: a single form).
int numerusForms(const QString &language)
{
    return language.startsWith(QLatin1String("de")) ? 2 : 1;
}

const QStringList &languages()
{
    static const QStringList codes{QStringLiteral("de"),
                                   QStringLiteral("ja"),
                                   QStringLiteral("ko"),
                                   QStringLiteral("zh_CN")};
    return codes;
}

QString tsPath(const QString &code)
{
    return QStringLiteral(EARMARK_SOURCE_DIR "/translations/earmark_%1.ts").arg(code);
}

void removeTranslators()
{
    for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

QStringList menuTitles(QMenuBar *bar)
{
    QStringList titles;
    for (QAction *a : bar->actions()) {
        if (a->menu())
            titles << a->menu()->title();
    }
    return titles;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Settings of its own: the GUI tests run in parallel.
        QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
    }

    void everyMessageIsTranslated_data()
    {
        QTest::addColumn<QString>("code");
        for (const QString &code : languages())
            QTest::newRow(qPrintable(code)) << code;
    }

    void everyMessageIsTranslated()
    {
        QFETCH(QString, code);
        const QString path = tsPath(code);
        const TsFile ts = readTs(path);
        QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        QCOMPARE(ts.language, code);
        QVERIFY2(ts.messages.size() > 100,
                 qPrintable(
                     QStringLiteral("%1 holds only %2 messages").arg(path).arg(ts.messages.size())));
        QStringList problems;
        for (const TsMessage &m : ts.messages) {
            const QString where = QStringLiteral("%1:%2: [%3] \"%4\": ")
                                      .arg(QFileInfo(path).fileName())
                                      .arg(m.line)
                                      .arg(m.context, m.source);
            if (!m.type.isEmpty())
                problems << where + QStringLiteral("marked %1").arg(m.type);
            if (m.numerus && m.forms.size() != numerusForms(code))
                problems << where
                                + QStringLiteral("%1 plural forms, %2 wanted")
                                      .arg(m.forms.size())
                                      .arg(numerusForms(code));
            if (m.forms.isEmpty())
                problems << where + QStringLiteral("no translation");
            for (const QString &form : m.forms) {
                if (form.trimmed().isEmpty()) {
                    problems << where + QStringLiteral("empty translation");
                    continue;
                }
                if (placeholders(form) != placeholders(m.source))
                    problems << where
                                    + QStringLiteral("placeholders %1 in \"%2\", %3 in the source")
                                          .arg(placeholders(form).join(u' '),
                                               form,
                                               placeholders(m.source).join(u' '));
                if (accelerators(form) != accelerators(m.source))
                    problems << where
                                    + QStringLiteral(
                                          "%1 &-accelerators in \"%2\", %3 in the source")
                                          .arg(accelerators(form))
                                          .arg(form)
                                          .arg(accelerators(m.source));
                // Spin box suffixes and fragments keep the leading space they are glued with
                // (a fragment may start with punctuation instead, as Japanese "、" does).
                const bool spaced = form.startsWith(u' ') || form.front().isPunct();
                if (m.source.startsWith(u' ') ? !spaced : form.startsWith(u' '))
                    problems << where + QStringLiteral("leading space differs in \"%1\"").arg(form);
            }
        }
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 problem(s):\n").arg(problems.size())
                            + problems.mid(0, 30).join(u'\n')));
    }

    // The checker itself: it must see what it is meant to catch.
    void checksCatchMistakes()
    {
        QCOMPARE(placeholders(QStringLiteral("%2 of %1, %n, 50 %, %L3")),
                 (QStringList{QStringLiteral("%1"),
                              QStringLiteral("%2"),
                              QStringLiteral("%L3"),
                              QStringLiteral("%n")}));
        QCOMPARE(accelerators(QStringLiteral("&File")), 1);
        QCOMPARE(accelerators(QStringLiteral("ファイル(&F)")), 1);
        QCOMPARE(accelerators(QStringLiteral("Drag && drop")), 0);
        QCOMPARE(accelerators(QStringLiteral("a &lt; b & c")), 0);
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.ts"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>X</name>
    <message>
        <source>Open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
        </translation>
    </message>
</context>
</TS>
)");
        f.close();
        const TsFile ts = readTs(bad);
        QVERIFY(ts.error.isEmpty());
        QCOMPARE(ts.messages.size(), 2);
        QCOMPARE(ts.messages[0].type, QStringLiteral("unfinished"));
        QCOMPARE(ts.messages[0].forms, QStringList{QString()});
        QVERIFY(ts.messages[1].numerus);
        QCOMPARE(ts.messages[1].forms.size(), 1); // German wants 2
    }

    // lupdate over ui/ and app/ finds no message the .ts files lack: a new tr() string means
    // `cmake --build build --target update_translations` and translating it.
    void filesMatchTheSources()
    {
        const QString lupdate = QStringLiteral(EARMARK_LUPDATE);
        QVERIFY2(QFile::exists(lupdate), qPrintable(lupdate + QStringLiteral(" not found")));
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
        QProcess p;
        p.setWorkingDirectory(QStringLiteral(EARMARK_SOURCE_DIR));
        p.start(lupdate,
                {QStringLiteral("-silent"),
                 QStringLiteral("-no-obsolete"),
                 QStringLiteral("-locations"),
                 QStringLiteral("none"),
                 QStringLiteral("-I"),
                 QStringLiteral(EARMARK_SOURCE_DIR),
                 QStringLiteral("ui"),
                 QStringLiteral("app"),
                 QStringLiteral("-ts"),
                 fresh});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const TsFile current = readTs(fresh);
        QVERIFY2(current.error.isEmpty(), qPrintable(current.error));
        QSet<QString> wanted;
        for (const TsMessage &m : current.messages)
            wanted.insert(m.context + QStringLiteral(" | ") + m.source);
        QVERIFY(wanted.size() > 100);
        for (const QString &code : languages()) {
            QSet<QString> held;
            for (const TsMessage &m : readTs(tsPath(code)).messages)
                held.insert(m.context + QStringLiteral(" | ") + m.source);
            QStringList missing = QSet<QString>(wanted).subtract(held).values();
            QStringList stale = QSet<QString>(held).subtract(wanted).values();
            missing.sort();
            stale.sort();
            QVERIFY2(missing.isEmpty(),
                     qPrintable(QStringLiteral("earmark_%1.ts lacks %2 message(s) of the sources "
                                               "(run the update_translations target, then "
                                               "translate them): %3")
                                    .arg(code)
                                    .arg(missing.size())
                                    .arg(missing.mid(0, 20).join(QStringLiteral("; ")))));
            // Messages no longer in the sources do no harm (the next update_translations drops
            // them), and a translation may land before the code that uses it.
            if (!stale.isEmpty())
                qWarning("earmark_%s.ts: %d message(s) no longer in the sources: %s",
                         qPrintable(code),
                         int(stale.size()),
                         qPrintable(stale.mid(0, 20).join(QStringLiteral("; "))));
        }
    }

    void builtFilesTranslateTheMenus_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QStringList>("titles"); // File, Playback, View, Help
        QTest::newRow("de") << QStringLiteral("de")
                            << QStringList{QStringLiteral("&Datei"),
                                           QStringLiteral("&Wiedergabe"),
                                           QStringLiteral("&Ansicht"),
                                           QStringLiteral("&Hilfe")};
        QTest::newRow("ja") << QStringLiteral("ja")
                            << QStringList{QStringLiteral("ファイル(&F)"),
                                           QStringLiteral("再生(&P)"),
                                           QStringLiteral("表示(&V)"),
                                           QStringLiteral("ヘルプ(&H)")};
        QTest::newRow("ko") << QStringLiteral("ko")
                            << QStringList{QStringLiteral("파일(&F)"),
                                           QStringLiteral("재생(&P)"),
                                           QStringLiteral("보기(&V)"),
                                           QStringLiteral("도움말(&H)")};
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN")
                               << QStringList{QStringLiteral("文件(&F)"),
                                              QStringLiteral("播放(&P)"),
                                              QStringLiteral("视图(&V)"),
                                              QStringLiteral("帮助(&H)")};
    }

    void builtFilesTranslateTheMenus()
    {
        QFETCH(QString, code);
        QFETCH(QStringList, titles);
        QVERIFY2(QFile::exists(QStringLiteral(":/i18n/earmark_%1.qm").arg(code)),
                 "the .qm file is not built into the program");
        QTemporaryDir dir;
        auto db = storage::Database::open(dir.filePath(QStringLiteral("library.sqlite")));
        QVERIFY2(db.ok(), qPrintable(db.errorString()));
        ui::LibraryController library(*db);

        removeTranslators();
        QStringList english;
        {
            ui::MainWindow window(&library);
            english = menuTitles(window.menuBar());
        }
        QVERIFY(english.contains(QStringLiteral("&File")));

        QCOMPARE(ui::installTranslations(code), code);
        QStringList translated;
        {
            ui::MainWindow window(&library);
            translated = menuTitles(window.menuBar());
        }
        removeTranslators();
        QLocale::setDefault(QLocale(QLocale::English));

        QCOMPARE(translated.size(), english.size());
        const QStringList english4{QStringLiteral("&File"),
                                   QStringLiteral("&Playback"),
                                   QStringLiteral("&View"),
                                   QStringLiteral("&Help")};
        for (int i = 0; i < english4.size(); ++i) {
            const qsizetype at = english.indexOf(english4[i]);
            QVERIFY2(at >= 0, qPrintable(english4[i]));
            QCOMPARE(translated.at(at), titles[i]);
        }
        // No menu of the window is left in English.
        for (int i = 0; i < english.size(); ++i)
            QVERIFY2(translated[i] != english[i],
                     qPrintable(QStringLiteral("menu \"%1\" is not translated").arg(english[i])));
    }

    void cleanupTestCase() { removeTranslators(); }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
