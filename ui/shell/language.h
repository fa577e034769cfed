#pragma once

#include <QList>
#include <QString>

namespace earmark::ui {

struct Language
{
    QString code;       // "de", "ja", "ko", "zh_CN"; empty: follow the system
    QString nativeName; // "Deutsch", "日本語", ...
};

// The languages Earmark's interface is translated to, English first.
QList<Language> availableLanguages();

// Installs Earmark's and Qt's translations for `code` ("" follows the system locale; English
// needs none). Call once after QApplication exists, before creating windows. Returns the code
// actually used ("en" when nothing matched).
QString installTranslations(const QString &code);

QString savedLanguage();
void saveLanguage(const QString &code);

} // namespace earmark::ui
