#include "ui/shell/theme.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace earmark::ui {

namespace {

struct Original
{
    QPalette palette;
    QString style;
};

// The desktop's palette and style as Qt found them at start, before any theme was applied.
const Original &original()
{
    static const Original o{QApplication::palette(), QApplication::style()->name()};
    return o;
}

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xf3, 0xf3, 0xf5));
    p.setColor(QPalette::WindowText, QColor(0x20, 0x22, 0x26));
    p.setColor(QPalette::Base, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf7, 0xf9));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xf0));
    p.setColor(QPalette::ToolTipText, QColor(0x20, 0x22, 0x26));
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8f, 0x98));
    p.setColor(QPalette::Text, QColor(0x20, 0x22, 0x26));
    p.setColor(QPalette::Button, QColor(0xea, 0xeb, 0xee));
    p.setColor(QPalette::ButtonText, QColor(0x20, 0x22, 0x26));
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, Qt::white);
    p.setColor(QPalette::Midlight, QColor(0xe2, 0xe4, 0xe8));
    p.setColor(QPalette::Mid, QColor(0xc4, 0xc7, 0xcd));
    p.setColor(QPalette::Dark, QColor(0x9a, 0x9e, 0xa6));
    p.setColor(QPalette::Shadow, QColor(0x50, 0x52, 0x58));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x1f, 0x5f, 0xc6));
    p.setColor(QPalette::LinkVisited, QColor(0x6a, 0x3f, 0xb5));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0xa0, 0xa4, 0xab));
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x25, 0x27, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe4, 0xe6, 0xea));
    p.setColor(QPalette::Base, QColor(0x1b, 0x1d, 0x20));
    p.setColor(QPalette::AlternateBase, QColor(0x22, 0x24, 0x28));
    p.setColor(QPalette::ToolTipBase, QColor(0x30, 0x33, 0x38));
    p.setColor(QPalette::ToolTipText, QColor(0xe4, 0xe6, 0xea));
    p.setColor(QPalette::PlaceholderText, QColor(0x84, 0x89, 0x92));
    p.setColor(QPalette::Text, QColor(0xe4, 0xe6, 0xea));
    p.setColor(QPalette::Button, QColor(0x31, 0x34, 0x39));
    p.setColor(QPalette::ButtonText, QColor(0xe4, 0xe6, 0xea));
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4f));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x43));
    p.setColor(QPalette::Mid, QColor(0x4a, 0x4e, 0x56));
    p.setColor(QPalette::Dark, QColor(0x16, 0x17, 0x1a));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0d, 0x0f));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xe6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa6, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x8c, 0xf0));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x6e, 0x73, 0x7b));
    return p;
}

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

void applyTheme(ThemeChoice choice)
{
    const Original &desktop = original();
    switch (choice) {
    case ThemeChoice::System:
        QApplication::setStyle(QStyleFactory::create(desktop.style));
        QApplication::setPalette(desktop.palette);
        // A desktop without its own palette leaves Qt's default light one; our light palette
        // looks the same but finished.
        if (!isDark(desktop.palette)
            && desktop.style.compare(QLatin1String("fusion"), Qt::CaseInsensitive) == 0)
            QApplication::setPalette(lightPalette());
        break;
    case ThemeChoice::Light:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(lightPalette());
        break;
    case ThemeChoice::Dark:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        break;
    }
}

ThemeChoice savedTheme()
{
    const QString name = QSettings().value(QStringLiteral("appearance/theme")).toString();
    if (name == QLatin1String("light"))
        return ThemeChoice::Light;
    if (name == QLatin1String("dark"))
        return ThemeChoice::Dark;
    return ThemeChoice::System;
}

void saveTheme(ThemeChoice choice)
{
    QSettings settings;
    switch (choice) {
    case ThemeChoice::System:
        settings.remove(QStringLiteral("appearance/theme"));
        break;
    case ThemeChoice::Light:
        settings.setValue(QStringLiteral("appearance/theme"), QStringLiteral("light"));
        break;
    case ThemeChoice::Dark:
        settings.setValue(QStringLiteral("appearance/theme"), QStringLiteral("dark"));
        break;
    }
}

} // namespace earmark::ui
