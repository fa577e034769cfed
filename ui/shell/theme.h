#pragma once

#include <QPalette>
#include <QString>

namespace earmark::ui {

enum class ThemeChoice { System, Light, Dark };

// Applies a theme to the whole application: Fusion with Earmark's light or dark palette, or the
// desktop's own palette for System (dark when the desktop is dark). Call after QApplication
// exists; views read colours from the palette, so they follow at once.
void applyTheme(ThemeChoice choice);

ThemeChoice savedTheme();
void saveTheme(ThemeChoice choice);

bool isDark(const QPalette &palette);

} // namespace earmark::ui
