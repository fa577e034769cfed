// Keyboard shortcuts (registry, cheat sheet, editing, persistence) and themes.

#include "ui/shell/actionregistry.h"
#include "ui/shell/language.h"
#include "ui/shell/shortcutsdialog.h"
#include "ui/shell/theme.h"

#include <QAction>
#include <QApplication>
#include <QKeySequenceEdit>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace earmark::ui;

class TestShell : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("earmark-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_shell"));
        QSettings().clear();
    }

    void keysPersistAndConflictsAreFound()
    {
        {
            QWidget owner;
            ActionRegistry registry(&owner);
            QAction *play = registry.add(QStringLiteral("play"),
                                         QStringLiteral("Playback"),
                                         QStringLiteral("Play"),
                                         Qt::Key_Space);
            registry.add(QStringLiteral("split"),
                         QStringLiteral("Edit"),
                         QStringLiteral("Split"),
                         Qt::Key_S);
            QCOMPARE(play->shortcut(), QKeySequence(Qt::Key_Space));
            QCOMPARE(registry.add(QStringLiteral("play"), {}, {}), play);
            QCOMPARE(registry.conflictsWith(QStringLiteral("split"), QKeySequence(Qt::Key_Space)),
                     QStringList{QStringLiteral("play")});
            registry.setKeys(QStringLiteral("play"), QKeySequence(Qt::Key_K));
            QCOMPARE(play->shortcut(), QKeySequence(Qt::Key_K));
        }
        // Next start: the changed key is back, the unchanged one keeps its default.
        QWidget owner;
        ActionRegistry registry(&owner);
        QAction *play = registry.add(QStringLiteral("play"),
                                     QStringLiteral("Playback"),
                                     QStringLiteral("Play"),
                                     Qt::Key_Space);
        QAction *split = registry.add(QStringLiteral("split"),
                                      QStringLiteral("Edit"),
                                      QStringLiteral("Split"),
                                      Qt::Key_S);
        QCOMPARE(play->shortcut(), QKeySequence(Qt::Key_K));
        QCOMPARE(split->shortcut(), QKeySequence(Qt::Key_S));
        registry.resetToDefaults();
        QCOMPARE(play->shortcut(), QKeySequence(Qt::Key_Space));
        QVERIFY(!QSettings().contains(QStringLiteral("shortcuts/play")));
    }

    void cheatSheetListsFiltersAndEdits()
    {
        QWidget owner;
        ActionRegistry registry(&owner);
        registry.add(QStringLiteral("play"),
                     QStringLiteral("Playback"),
                     QStringLiteral("&Play"),
                     Qt::Key_Space);
        registry.add(QStringLiteral("next"),
                     QStringLiteral("Playback"),
                     QStringLiteral("Next Frame"),
                     Qt::Key_Period);
        registry.add(QStringLiteral("split"),
                     QStringLiteral("Edit"),
                     QStringLiteral("Split"),
                     Qt::Key_S);
        ShortcutsDialog dialog(&registry);
        dialog.show();
        auto *tree = dialog.findChild<QTreeWidget *>(QStringLiteral("shortcutsTree"));
        QVERIFY(tree);
        QCOMPARE(tree->topLevelItemCount(), 2);
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("Playback"));
        QCOMPARE(tree->topLevelItem(0)->child(0)->text(0), QStringLiteral("Play"));
        QCOMPARE(tree->topLevelItem(0)->child(0)->text(1), QStringLiteral("Space"));

        dialog.findChild<QLineEdit *>()->setText(QStringLiteral("split"));
        QVERIFY(tree->topLevelItem(0)->isHidden());
        QVERIFY(!tree->topLevelItem(1)->isHidden());
        dialog.findChild<QLineEdit *>()->clear();

        // Give "Split" the key X by typing it.
        tree->setCurrentItem(tree->topLevelItem(1)->child(0));
        auto *edit = dialog.findChild<QKeySequenceEdit *>(QStringLiteral("keyEdit"));
        edit->setFocus();
        edit->clear();
        QTest::keyClick(edit, Qt::Key_X);
        QTRY_COMPARE_WITH_TIMEOUT(registry.action(QStringLiteral("split"))->shortcut(),
                                  QKeySequence(Qt::Key_X),
                                  3000);
        QCOMPARE(tree->topLevelItem(1)->child(0)->text(1), QStringLiteral("X"));
        registry.resetToDefaults();
    }

    void themes()
    {
        applyTheme(ThemeChoice::Dark);
        QVERIFY(isDark(QApplication::palette()));
        applyTheme(ThemeChoice::Light);
        QVERIFY(!isDark(QApplication::palette()));
        saveTheme(ThemeChoice::Dark);
        QCOMPARE(savedTheme(), ThemeChoice::Dark);
        saveTheme(ThemeChoice::System);
        QCOMPARE(savedTheme(), ThemeChoice::System);
    }

    void languagesAreOffered()
    {
        QStringList codes;
        for (const Language &l : availableLanguages())
            codes << l.code;
        QCOMPARE(codes,
                 (QStringList{QStringLiteral("en"),
                              QStringLiteral("de"),
                              QStringLiteral("ja"),
                              QStringLiteral("ko"),
                              QStringLiteral("zh_CN")}));
        QCOMPARE(installTranslations(QStringLiteral("en")), QStringLiteral("en"));
    }
};

QTEST_MAIN(TestShell)
#include "tst_shell.moc"
