#pragma once

#include "core/base/time.h"

#include <QStackedWidget>

namespace earmark::ui {

class SpectrogramView;
class TimeAxis;
class WaveformView;

// The audio strip above the timeline: the waveform, or the spectrogram in its place, both on the
// shared TimeAxis. The spectrogram is computed only once it is first shown for a file (reading a
// file's audio twice costs nothing a person waits for, but it need not happen unasked); the
// waveform always. GUI thread only.
class AudioStrip : public QStackedWidget
{
    Q_OBJECT

public:
    explicit AudioStrip(TimeAxis *axis, QWidget *parent = nullptr);

    WaveformView *waveform() const { return m_waveform; }
    SpectrogramView *spectrogram() const { return m_spectrogram; }

    // The library's cache folder (paths::cacheDirFor): waveform overviews are kept in its
    // "waveforms" folder, so a file opened again shows at once. Empty: nothing is cached.
    void setCacheDir(const QString &libraryCacheDir);

    // Starts reading `path`'s audio (the spectrogram too when it is shown).
    void load(const QString &path);
    void clear();

    bool isSpectrogramShown() const { return m_spectrogramShown; }
    void setSpectrogramShown(bool shown);

Q_SIGNALS:
    void seekRequested(earmark::Time position);
    void spectrogramShownChanged(bool shown);

private:
    WaveformView *m_waveform;
    SpectrogramView *m_spectrogram;
    QString m_path;
    bool m_spectrogramShown = false;
};

} // namespace earmark::ui
