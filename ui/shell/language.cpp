#include "ui/shell/language.h"

#include <QApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace earmark::ui {

QList<Language> availableLanguages()
{
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("ja"), QStringLiteral("日本語")},
            {QStringLiteral("ko"), QStringLiteral("한국어")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

QString installTranslations(const QString &code)
{
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return QStringLiteral("en");
    auto *ours = new QTranslator(qApp);
    // Qt's files are at :/i18n/earmark_<code>.qm; QTranslator tries de_DE, de, ... in turn.
    if (!ours->load(locale,
                    QStringLiteral("earmark"),
                    QStringLiteral("_"),
                    QStringLiteral(":/i18n"))) {
        delete ours;
        return QStringLiteral("en");
    }
    QApplication::installTranslator(ours);
    auto *qt = new QTranslator(qApp);
    if (qt->load(locale,
                 QStringLiteral("qtbase"),
                 QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    else
        delete qt;
    QLocale::setDefault(locale);
    return QFileInfo(ours->filePath()).completeBaseName().mid(int(qstrlen("earmark_")));
}

QString savedLanguage()
{
    return QSettings().value(QStringLiteral("appearance/language")).toString();
}

void saveLanguage(const QString &code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(QStringLiteral("appearance/language"));
    else
        settings.setValue(QStringLiteral("appearance/language"), code);
}

} // namespace earmark::ui
