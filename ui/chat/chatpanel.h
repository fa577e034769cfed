#pragma once

#include "core/annotation/video.h"
#include "core/base/time.h"
#include "inference/llm/llmsettings.h"
#include "ui/chat/chatsession.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class QTimer;
class QToolButton;

namespace earmark::llm {
class ChatClient;
class ClipCache;
} // namespace earmark::llm

namespace earmark::ui {

class LibraryController;

// The chat about the current video: its conversation (kept in the library), a box for the next
// question, what to ask about (the whole video, the selection, the part in view), and the answer
// streaming in with a Stop button. Times in answers ("0:32", "00:01:05") are links that emit
// seekRequested(). Errors are said in plain words under the answer with a Retry link; what was
// typed stays until it is sent, per video.
//
// Keys: Enter sends (Shift+Enter: new line), Escape stops the answer.
// GUI thread only.
class ChatPanel : public QWidget
{
    Q_OBJECT

public:
    enum class Scope { WholeVideo, Selection, VisiblePart };

    explicit ChatPanel(LibraryController *library, QWidget *parent = nullptr);
    ~ChatPanel() override;

    // The video to talk about; nullopt: none (the panel says so).
    void setVideo(const std::optional<annotation::Video> &video);
    std::optional<annotation::Video> video() const;

    // What "the selection" and "the part in view" are now; nullopt when there is none.
    void setSelection(const std::optional<std::pair<Time, Time>> &range);
    void setVisibleRange(const std::optional<std::pair<Time, Time>> &range);
    void setScope(Scope scope);
    Scope scope() const;

    // The endpoint, model and how much of the video is sent; usually from Preferences.
    void setSettings(const llm::LlmSettings &settings);
    llm::LlmSettings settings() const { return m_settings; }

    void setAnnotationSource(ChatSession::AnnotationSource source);

    // The session of the current video (null when none).
    ChatSession *session() const { return m_session; }

    // For tests and the window's actions.
    QPlainTextEdit *input() const { return m_input; }
    QTextBrowser *conversation() const { return m_view; }
    QPushButton *sendButton() const { return m_send; }
    QLabel *statusLabel() const { return m_status; }

public Q_SLOTS:
    // Sends what is typed, about the chosen scope.
    void send();
    void stop();
    // Asks the question of the answer `answerId` again (its Retry link).
    void retry(qint64 answerId);
    // Asks to clear the conversation (with a confirmation).
    void clearConversation();
    void focusInput();

Q_SIGNALS:
    void seekRequested(earmark::Time position);
    // "Settings…" was clicked, or an error asks for the settings.
    void settingsRequested();
    void errorOccurred(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void render();
    void scheduleRender();
    void updateControls();
    void updateScopeItems();
    void onAnchorClicked(const QUrl &url);
    void onStage(llm::AskJob::Stage stage);
    QString messageHtml(const storage::ChatMessage &message, bool retryable) const;
    QString answerHtml(const QString &text) const;
    std::optional<storage::ChatMessage::Range> chosenRange() const;

    LibraryController *m_library;
    llm::ChatClient *m_client;
    std::shared_ptr<llm::ClipCache> m_clips;
    llm::LlmSettings m_settings;
    ChatSession::AnnotationSource m_annotations;

    QHash<annotation::VideoId, ChatSession *> m_sessions;
    QPointer<ChatSession> m_session;
    std::optional<std::pair<Time, Time>> m_selection;
    std::optional<std::pair<Time, Time>> m_visible;

    QLabel *m_title = nullptr;
    QToolButton *m_clearButton = nullptr;
    QToolButton *m_settingsButton = nullptr;
    QTextBrowser *m_view = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPlainTextEdit *m_input = nullptr;
    QComboBox *m_scope = nullptr;
    QPushButton *m_send = nullptr;
    QTimer *m_renderTimer = nullptr;
};

} // namespace earmark::ui
