#include "ui/waveform/audiostrip.h"

#include "ui/waveform/spectrogramview.h"
#include "ui/waveform/waveformview.h"

#include <QDir>

namespace earmark::ui {

AudioStrip::AudioStrip(TimeAxis *axis, QWidget *parent)
    : QStackedWidget(parent)
    , m_waveform(new WaveformView(axis, this))
    , m_spectrogram(new SpectrogramView(axis, this))
{
    m_waveform->setObjectName(QStringLiteral("waveform"));
    m_spectrogram->setObjectName(QStringLiteral("spectrogram"));
    addWidget(m_waveform);
    addWidget(m_spectrogram);
    setCurrentWidget(m_waveform);
    connect(m_waveform, &WaveformView::seekRequested, this, &AudioStrip::seekRequested);
    connect(m_spectrogram, &SpectrogramView::seekRequested, this, &AudioStrip::seekRequested);
}

void AudioStrip::setCacheDir(const QString &libraryCacheDir)
{
    m_waveform->setCacheDir(libraryCacheDir.isEmpty()
                                ? QString()
                                : QDir(libraryCacheDir).filePath(QStringLiteral("waveforms")));
}

void AudioStrip::load(const QString &path)
{
    m_path = path;
    m_waveform->load(path);
    if (m_spectrogramShown)
        m_spectrogram->load(path);
    else
        m_spectrogram->clear();
}

void AudioStrip::clear()
{
    m_path.clear();
    m_waveform->clear();
    m_spectrogram->clear();
}

void AudioStrip::setSpectrogramShown(bool shown)
{
    if (shown == m_spectrogramShown)
        return;
    m_spectrogramShown = shown;
    if (shown && !m_path.isEmpty() && m_spectrogram->path() != m_path)
        m_spectrogram->load(m_path);
    setCurrentWidget(shown ? static_cast<QWidget *>(m_spectrogram) : m_waveform);
    Q_EMIT spectrogramShownChanged(shown);
}

} // namespace earmark::ui
