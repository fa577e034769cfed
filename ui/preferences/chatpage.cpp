#include "ui/preferences/chatpage.h"

#include "inference/llm/chatclient.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace earmark::ui {

ChatPreferencesPage::ChatPreferencesPage(QSettings *settings, QWidget *parent)
    : PreferencesPage(parent)
    , m_settings(settings)
    , m_client(new llm::ChatClient(this))
{
    setObjectName(QStringLiteral("chatPreferences"));

    m_endpoint = new QLineEdit(this);
    m_endpoint->setObjectName(QStringLiteral("chatEndpoint"));
    m_endpoint->setPlaceholderText(QStringLiteral("http://127.0.0.1:8000/v1"));
    m_endpoint->setToolTip(tr("The server's base URL, as OpenAI clients take it. Questions go to "
                              "<endpoint>/chat/completions."));
    m_model = new QComboBox(this);
    m_model->setObjectName(QStringLiteral("chatModel"));
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->setToolTip(tr("The name the server serves the model under"));
    m_apiKey = new QLineEdit(this);
    m_apiKey->setObjectName(QStringLiteral("chatApiKey"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setPlaceholderText(tr("none"));
    QAction *reveal = m_apiKey->addAction(QIcon::fromTheme(QStringLiteral("view-visible")),
                                          QLineEdit::TrailingPosition);
    reveal->setText(tr("Show"));
    reveal->setToolTip(tr("Show or hide the key"));
    reveal->setCheckable(true);
    connect(reveal, &QAction::toggled, this, [this](bool shown) {
        m_apiKey->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
    });
    m_test = new QPushButton(tr("Test Connection"), this);
    m_test->setObjectName(QStringLiteral("chatTestButton"));
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("chatTestResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::PlainText);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_testResult, 1);

    auto *server = new QGroupBox(tr("Server"), this);
    auto *serverForm = new QFormLayout(server);
    serverForm->addRow(tr("&Endpoint:"), m_endpoint);
    serverForm->addRow(tr("&Model:"), m_model);
    serverForm->addRow(tr("API &key:"), m_apiKey);
    serverForm->addRow(testRow);
    auto *keyNote = new QLabel(tr("The key is kept in your user settings, not in the library, "
                                  "and is never written to logs. $EARMARK_CHAT_API_KEY, when set, "
                                  "is used instead."),
                               server);
    keyNote->setWordWrap(true);
    keyNote->setEnabled(false);
    serverForm->addRow(keyNote);

    m_fps = new QDoubleSpinBox(this);
    m_fps->setObjectName(QStringLiteral("chatFramesPerSecond"));
    m_fps->setRange(0.1, 30);
    m_fps->setDecimals(1);
    m_fps->setSingleStep(0.5);
    m_fps->setSuffix(tr(" per second"));
    m_maxFrames = new QSpinBox(this);
    m_maxFrames->setObjectName(QStringLiteral("chatMaxFrames"));
    m_maxFrames->setRange(1, 1000);
    m_maxFrames->setToolTip(tr("Longer clips get this many frames spread evenly over them"));
    m_frameSide = new QSpinBox(this);
    m_frameSide->setRange(32, 4096);
    m_frameSide->setSuffix(tr(" pixels"));
    m_frameSide->setToolTip(tr("Frames are scaled down so that their longer side fits"));
    m_sendFrames = new QCheckBox(tr("Send &frames"), this);
    m_sendAudio = new QCheckBox(tr("Send the &sound (16 kHz mono)"), this);
    m_maxClipMinutes = new QSpinBox(this);
    m_maxClipMinutes->setRange(1, 24 * 60);
    m_maxClipMinutes->setSuffix(tr(" min"));
    m_maxClipMinutes->setToolTip(tr("Longer videos are asked about a selection at a time"));

    auto *media = new QGroupBox(tr("What is sent with a question"), this);
    auto *mediaForm = new QFormLayout(media);
    mediaForm->addRow(tr("Frames:"), m_fps);
    mediaForm->addRow(tr("At most:"), m_maxFrames);
    mediaForm->addRow(tr("Frame size:"), m_frameSide);
    mediaForm->addRow(m_sendFrames);
    mediaForm->addRow(m_sendAudio);
    mediaForm->addRow(tr("Longest clip:"), m_maxClipMinutes);

    m_timeout = new QSpinBox(this);
    m_timeout->setRange(1, 3600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("Give up when the server sends nothing for this long"));
    m_maxTokens = new QSpinBox(this);
    m_maxTokens->setRange(0, 1000000);
    m_maxTokens->setSpecialValueText(tr("the server's limit"));
    m_maxTokens->setSuffix(tr(" tokens"));
    auto *answers = new QGroupBox(tr("Answers"), this);
    auto *answerForm = new QFormLayout(answers);
    answerForm->addRow(tr("Time limit:"), m_timeout);
    answerForm->addRow(tr("Longest answer:"), m_maxTokens);

    auto *defaults = new QPushButton(tr("Restore Defaults"), this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(server);
    layout->addWidget(media);
    layout->addWidget(answers);
    layout->addStretch(1);
    layout->addWidget(defaults, 0, Qt::AlignLeft);

    connect(m_test, &QPushButton::clicked, this, &ChatPreferencesPage::testConnection);
    connect(defaults, &QPushButton::clicked, this, &ChatPreferencesPage::restoreDefaults);
}

QString ChatPreferencesPage::title() const
{
    return tr("Chat");
}

void ChatPreferencesPage::show(const llm::LlmSettings &s)
{
    m_endpoint->setText(s.endpoint);
    m_model->setCurrentText(s.model);
    m_apiKey->setText(s.apiKey);
    m_fps->setValue(s.framesPerSecond);
    m_maxFrames->setValue(s.maxFrames);
    m_frameSide->setValue(s.frameMaxSide);
    m_sendFrames->setChecked(s.sendFrames);
    m_sendAudio->setChecked(s.sendAudio);
    m_maxClipMinutes->setValue(std::max(1, (s.maxClipSeconds + 59) / 60));
    m_timeout->setValue(s.timeoutSeconds);
    m_maxTokens->setValue(s.maxAnswerTokens);
    m_jpegQuality = s.jpegQuality;
}

void ChatPreferencesPage::load()
{
    show(llm::loadLlmSettings(*m_settings));
    m_testResult->clear();
}

void ChatPreferencesPage::restoreDefaults()
{
    llm::LlmSettings defaults;
    defaults.apiKey = m_apiKey->text(); // a key is not a default
    show(defaults);
}

llm::LlmSettings ChatPreferencesPage::edited() const
{
    llm::LlmSettings s;
    s.endpoint = m_endpoint->text().trimmed();
    s.model = m_model->currentText().trimmed();
    s.apiKey = m_apiKey->text().trimmed();
    s.framesPerSecond = m_fps->value();
    s.maxFrames = m_maxFrames->value();
    s.frameMaxSide = m_frameSide->value();
    s.jpegQuality = m_jpegQuality;
    s.sendFrames = m_sendFrames->isChecked();
    s.sendAudio = m_sendAudio->isChecked();
    s.maxClipSeconds = m_maxClipMinutes->value() * 60;
    s.timeoutSeconds = m_timeout->value();
    s.maxAnswerTokens = m_maxTokens->value();
    return s;
}

Status ChatPreferencesPage::apply()
{
    const llm::LlmSettings s = edited();
    if (const Status valid = s.validate(); !valid)
        return valid;
    llm::saveLlmSettings(*m_settings, s);
    m_settings->sync();
    Q_EMIT settingsApplied(s);
    return {};
}

void ChatPreferencesPage::testConnection()
{
    llm::LlmSettings s = edited();
    s.timeoutSeconds = std::min(s.timeoutSeconds, 15);
    if (s.model.isEmpty())
        s.model = QStringLiteral("-"); // only the endpoint matters here
    if (const Status valid = s.validate(); !valid) {
        m_testResult->setText(valid.errorString());
        return;
    }
    m_test->setEnabled(false);
    m_testResult->setText(tr("Asking %1 for its models…").arg(llm::displayEndpoint(s.endpoint)));
    m_client->fetchModels(s, this, [this](Result<QStringList> models) {
        m_test->setEnabled(true);
        if (!models) {
            m_testResult->setText(models.errorString());
            return;
        }
        const QString current = m_model->currentText();
        m_model->clear();
        m_model->addItems(*models);
        m_model->setCurrentText(current.isEmpty() ? models->first() : current);
        const bool known = models->contains(current);
        m_testResult->setText(
            known ? tr("Connected. The server serves %1.").arg(current)
                  : tr("Connected, but the server has no model named “%1”; it serves: %2.")
                        .arg(current, models->join(QStringLiteral(", "))));
    });
}

} // namespace earmark::ui
