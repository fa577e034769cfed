#pragma once

#include "inference/llm/llmsettings.h"
#include "ui/preferences/preferencesdialog.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSpinBox;

namespace earmark::llm {
class ChatClient;
}

namespace earmark::ui {

// Preferences › Chat: the OpenAI-compatible server (endpoint, model, API key) and how much of the
// video goes with a question (frames per second, most frames, frame size, sound, longest clip),
// the time limit and the longest answer. "Test connection" asks the server for its models and
// offers them as model names.
//
// Stored in `settings` (QSettings group "chat"), never in a library file; the API key is shown
// as dots and never logged. settingsApplied() carries the stored values.
class ChatPreferencesPage : public PreferencesPage
{
    Q_OBJECT

public:
    explicit ChatPreferencesPage(QSettings *settings, QWidget *parent = nullptr);

    QString title() const override;
    void load() override;
    Status apply() override;

    // What the fields say now (not stored yet).
    llm::LlmSettings edited() const;

    QLineEdit *endpointEdit() const { return m_endpoint; }
    QComboBox *modelBox() const { return m_model; }
    QLineEdit *apiKeyEdit() const { return m_apiKey; }
    QPushButton *testButton() const { return m_test; }
    QLabel *testResult() const { return m_testResult; }

public Q_SLOTS:
    void testConnection();
    void restoreDefaults();

Q_SIGNALS:
    void settingsApplied(const earmark::llm::LlmSettings &settings);

private:
    void show(const llm::LlmSettings &s);

    QSettings *m_settings;
    llm::ChatClient *m_client = nullptr;
    QLineEdit *m_endpoint = nullptr;
    QComboBox *m_model = nullptr;
    QLineEdit *m_apiKey = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_testResult = nullptr;
    QDoubleSpinBox *m_fps = nullptr;
    QSpinBox *m_maxFrames = nullptr;
    QSpinBox *m_frameSide = nullptr;
    QCheckBox *m_sendFrames = nullptr;
    QCheckBox *m_sendAudio = nullptr;
    QSpinBox *m_maxClipMinutes = nullptr;
    QSpinBox *m_timeout = nullptr;
    QSpinBox *m_maxTokens = nullptr;
    int m_jpegQuality = 85;
};

} // namespace earmark::ui
