#include "ui/chat/chatpanel.h"

#include "inference/llm/chatclient.h"
#include "inference/llm/prompt.h"
#include "ui/library/librarycontroller.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QStyle>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace earmark::ui {

using storage::ChatMessage;

namespace {

QString rangeText(Time start, Time end)
{
    return QStringLiteral("%1–%2").arg(formatTime(start), formatTime(end));
}

QString escapedLines(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>"));
}

QString mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t,
                            a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t)
        .name();
}

} // namespace

ChatPanel::ChatPanel(LibraryController *library, QWidget *parent)
    : QWidget(parent)
    , m_library(library)
    , m_client(new llm::ChatClient(this))
    , m_clips(std::make_shared<llm::ClipCache>())
{
    setObjectName(QStringLiteral("chatPanel"));

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("chatTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_clearButton = new QToolButton(this);
    m_clearButton->setObjectName(QStringLiteral("chatClearButton"));
    m_clearButton->setIcon(style()->standardIcon(QStyle::SP_DialogResetButton));
    m_clearButton->setToolTip(tr("Clear the conversation about this video"));
    m_clearButton->setAutoRaise(true);
    m_settingsButton = new QToolButton(this);
    m_settingsButton->setObjectName(QStringLiteral("chatSettingsButton"));
    m_settingsButton->setText(tr("Settings…"));
    m_settingsButton->setToolTip(tr("Chat server, model and what is sent (Preferences › Chat)"));
    m_settingsButton->setAutoRaise(true);
    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_title, 1);
    top->addWidget(m_settingsButton);
    top->addWidget(m_clearButton);

    m_view = new QTextBrowser(this);
    m_view->setObjectName(QStringLiteral("chatConversation"));
    m_view->setOpenLinks(false);
    m_view->setOpenExternalLinks(false);
    m_view->document()->setDocumentMargin(8);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("chatStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    m_progress->hide();

    m_input = new QPlainTextEdit(this);
    m_input->setObjectName(QStringLiteral("chatInput"));
    m_input->setPlaceholderText(
        tr("Ask about the video… (Enter sends, Shift+Enter starts a new line)"));
    m_input->setTabChangesFocus(true);
    // Three lines; longer questions scroll. The conversation gets the rest of the height.
    m_input->setFixedHeight(m_input->fontMetrics().lineSpacing() * 3 + 14);
    m_input->installEventFilter(this);

    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("chatScope"));
    m_scope->setToolTip(tr("What the question is about: the frames and sound of this part are "
                           "sent with it"));
    m_send = new QPushButton(tr("Send"), this);
    m_send->setObjectName(QStringLiteral("chatSendButton"));
    auto *bottom = new QHBoxLayout;
    bottom->setContentsMargins(0, 0, 0, 0);
    bottom->addWidget(m_scope, 1);
    bottom->addWidget(m_send);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_input);
    layout->addLayout(bottom);

    m_renderTimer = new QTimer(this);
    m_renderTimer->setSingleShot(true);
    m_renderTimer->setInterval(40); // streamed pieces are shown at most 25 times a second
    connect(m_renderTimer, &QTimer::timeout, this, &ChatPanel::render);

    connect(m_send, &QPushButton::clicked, this, [this] {
        if (m_session && m_session->isBusy())
            stop();
        else
            send();
    });
    connect(m_view, &QTextBrowser::anchorClicked, this, &ChatPanel::onAnchorClicked);
    connect(m_clearButton, &QToolButton::clicked, this, &ChatPanel::clearConversation);
    connect(m_settingsButton, &QToolButton::clicked, this, &ChatPanel::settingsRequested);
    connect(m_input, &QPlainTextEdit::textChanged, this, [this] {
        if (m_session)
            m_session->setDraft(m_input->toPlainText());
        updateControls();
    });

    updateScopeItems();
    render();
    updateControls();
}

ChatPanel::~ChatPanel() = default;

void ChatPanel::setSettings(const llm::LlmSettings &settings)
{
    m_settings = settings;
    m_clips->clear(); // frames may be sampled differently now
    updateControls();
}

void ChatPanel::setAnnotationSource(ChatSession::AnnotationSource source)
{
    m_annotations = std::move(source);
    for (ChatSession *session : std::as_const(m_sessions))
        session->setAnnotationSource(m_annotations);
}

std::optional<annotation::Video> ChatPanel::video() const
{
    if (!m_session)
        return std::nullopt;
    return m_session->video();
}

void ChatPanel::setVideo(const std::optional<annotation::Video> &video)
{
    if (m_session && video && m_session->video().id == video->id)
        return;
    if (m_session)
        m_session->disconnect(this);
    m_session = nullptr;
    if (video) {
        ChatSession *session = m_sessions.value(video->id);
        if (!session) {
            session = new ChatSession(*video,
                                      m_library->database(),
                                      &m_library->storageThread(),
                                      m_client,
                                      m_clips,
                                      this);
            session->setAnnotationSource(m_annotations);
            m_sessions.insert(video->id, session);
            session->load();
        }
        m_session = session;
        connect(session, &ChatSession::loaded, this, [this] {
            render();
            updateControls();
        });
        connect(session, &ChatSession::messagesChanged, this, &ChatPanel::render);
        connect(session, &ChatSession::textArrived, this, &ChatPanel::scheduleRender);
        connect(session, &ChatSession::busyChanged, this, [this] {
            render();
            updateControls();
        });
        connect(session, &ChatSession::stageChanged, this, &ChatPanel::onStage);
        connect(session, &ChatSession::progress, this, [this](double fraction, const QString &stage) {
            m_progress->setValue(int(fraction * 1000));
            if (!stage.isEmpty())
                m_status->setText(stage + QStringLiteral("…"));
        });
        connect(session, &ChatSession::errorOccurred, this, &ChatPanel::errorOccurred);
    }
    const QString draft = m_session ? m_session->draft() : QString();
    {
        const QSignalBlocker block(m_input);
        m_input->setPlainText(draft);
        m_input->moveCursor(QTextCursor::End);
    }
    m_selection.reset();
    m_visible.reset();
    updateScopeItems();
    render();
    updateControls();
}

void ChatPanel::setSelection(const std::optional<std::pair<Time, Time>> &range)
{
    m_selection = range && range->second > range->first ? range : std::nullopt;
    updateScopeItems();
}

void ChatPanel::setVisibleRange(const std::optional<std::pair<Time, Time>> &range)
{
    m_visible = range && range->second > range->first ? range : std::nullopt;
    // The whole video in view is not a part of it.
    if (m_visible && m_session && m_session->video().duration > Time() && m_visible->first <= Time()
        && m_visible->second >= m_session->video().duration)
        m_visible.reset();
    updateScopeItems();
}

void ChatPanel::updateScopeItems()
{
    const Scope wanted = scope();
    const QSignalBlocker block(m_scope);
    m_scope->clear();
    m_scope->addItem(tr("About the whole video"), int(Scope::WholeVideo));
    if (m_selection)
        m_scope->addItem(tr("About the selection (%1)")
                             .arg(rangeText(m_selection->first, m_selection->second)),
                         int(Scope::Selection));
    if (m_visible)
        m_scope->addItem(tr("About the part in view (%1)")
                             .arg(rangeText(m_visible->first, m_visible->second)),
                         int(Scope::VisiblePart));
    const int at = m_scope->findData(int(wanted));
    m_scope->setCurrentIndex(at >= 0 ? at : 0);
}

void ChatPanel::setScope(Scope scope)
{
    const int at = m_scope->findData(int(scope));
    if (at >= 0)
        m_scope->setCurrentIndex(at);
}

ChatPanel::Scope ChatPanel::scope() const
{
    return m_scope->currentIndex() >= 0 ? Scope(m_scope->currentData().toInt()) : Scope::WholeVideo;
}

std::optional<ChatMessage::Range> ChatPanel::chosenRange() const
{
    switch (scope()) {
    case Scope::Selection:
        if (m_selection)
            return ChatMessage::Range{m_selection->first, m_selection->second};
        break;
    case Scope::VisiblePart:
        if (m_visible)
            return ChatMessage::Range{m_visible->first, m_visible->second};
        break;
    case Scope::WholeVideo:
        break;
    }
    return std::nullopt;
}

void ChatPanel::send()
{
    if (!m_session || !m_session->isLoaded() || m_session->isBusy())
        return;
    const QString text = m_input->toPlainText();
    if (text.trimmed().isEmpty())
        return;
    if (!m_session->ask(text, chosenRange(), m_settings))
        return;
    m_input->clear(); // the question is in the conversation now (and in the library)
    m_session->setDraft(QString());
}

void ChatPanel::stop()
{
    if (m_session)
        m_session->stop();
}

void ChatPanel::retry(qint64 answerId)
{
    if (m_session)
        m_session->retry(answerId, m_settings);
}

void ChatPanel::clearConversation()
{
    if (!m_session || m_session->messages().isEmpty())
        return;
    const auto answer
        = QMessageBox::question(this,
                                tr("Clear the Conversation"),
                                tr("Remove all questions and answers about “%1” from the library?")
                                    .arg(m_session->video().title),
                                QMessageBox::Yes | QMessageBox::Cancel,
                                QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        m_session->clear();
}

void ChatPanel::focusInput()
{
    m_input->setFocus(Qt::ShortcutFocusReason);
}

bool ChatPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && !(key->modifiers() & Qt::ShiftModifier)) {
            send();
            return true;
        }
        if (key->key() == Qt::Key_Escape && m_session && m_session->isBusy()) {
            stop();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ChatPanel::onStage(llm::AskJob::Stage stage)
{
    switch (stage) {
    case llm::AskJob::Stage::Preparing:
        m_progress->setValue(0);
        m_progress->show();
        m_status->setText(tr("Reading the video…"));
        break;
    case llm::AskJob::Stage::Waiting:
        m_progress->hide();
        m_status->setText(tr("Waiting for %1 at %2…")
                              .arg(m_settings.model, llm::displayEndpoint(m_settings.endpoint)));
        break;
    case llm::AskJob::Stage::Streaming:
        m_progress->hide();
        m_status->setText(tr("%1 is answering… (Esc stops)").arg(m_settings.model));
        break;
    default:
        m_progress->hide();
        updateControls();
        break;
    }
}

void ChatPanel::updateControls()
{
    const bool have = m_session != nullptr;
    const bool busy = have && m_session->isBusy();
    m_title->setText(have ? tr("Chat about %1").arg(m_session->video().title)
                          : tr("Chat: open a video to ask about it"));
    m_input->setEnabled(have);
    m_scope->setEnabled(have && !busy);
    m_clearButton->setEnabled(have && !busy && !m_session->messages().isEmpty());
    m_send->setText(busy ? tr("Stop") : tr("Send"));
    m_send->setToolTip(busy ? tr("Stop the answer (Esc)") : tr("Send the question (Enter)"));
    m_send->setEnabled(
        busy || (have && m_session->isLoaded() && !m_input->toPlainText().trimmed().isEmpty()));
    if (!busy) {
        m_progress->hide();
        m_status->setText(
            have ? tr("%1 at %2").arg(m_settings.model, llm::displayEndpoint(m_settings.endpoint))
                 : QString());
    }
}

void ChatPanel::scheduleRender()
{
    if (!m_renderTimer->isActive())
        m_renderTimer->start();
}

QString ChatPanel::answerHtml(const QString &text) const
{
    QString html;
    qsizetype at = 0;
    for (const llm::TimestampMention &m : llm::findTimestamps(text)) {
        html += escapedLines(text.mid(at, m.start - at));
        html += QStringLiteral("<a href=\"seek:%1\">%2</a>")
                    .arg(m.time.microseconds())
                    .arg(text.mid(m.start, m.length).toHtmlEscaped());
        at = m.start + m.length;
    }
    html += escapedLines(text.mid(at));
    return html;
}

QString ChatPanel::messageHtml(const ChatMessage &m, bool retryable) const
{
    const QPalette p = palette();
    const QString muted = mix(p.color(QPalette::Text), p.color(QPalette::Base), 0.45);
    QString html;
    if (m.role == ChatMessage::Role::User) {
        const QString background = mix(p.color(QPalette::Base), p.color(QPalette::Highlight), 0.14);
        const QString about = m.range ? tr("about %1").arg(rangeText(m.range->start, m.range->end))
                                      : tr("about the whole video");
        html += QStringLiteral("<table width=\"100%\" cellpadding=\"6\" cellspacing=\"0\" "
                               "bgcolor=\"%1\"><tr><td><b>%2</b> <span style=\"color:%3\">· %4"
                               "</span><br>%5</td></tr></table>")
                    .arg(background,
                         tr("You"),
                         muted,
                         about.toHtmlEscaped(),
                         escapedLines(m.content));
        return html;
    }
    html += QStringLiteral("<table width=\"100%\" cellpadding=\"6\" cellspacing=\"0\"><tr><td>"
                           "<span style=\"color:%1\">%2</span><br>%3")
                .arg(muted,
                     (m.model.isEmpty() ? tr("Model") : m.model).toHtmlEscaped(),
                     answerHtml(m.content));
    if (m.status == ChatMessage::Status::Stopped) {
        html += QStringLiteral(" <span style=\"color:%1\">%2</span>")
                    .arg(muted,
                         m.content.isEmpty() ? tr("(stopped before the answer began)")
                                             : tr("(stopped)"));
        if (retryable)
            html += QStringLiteral(" <a href=\"retry:%1\">%2</a>").arg(m.id).arg(tr("Ask again"));
    } else if (m.status == ChatMessage::Status::Error) {
        const QString errorColour = QColor(0xc6, 0x28, 0x28).name();
        html += QStringLiteral("%1<span style=\"color:%2\">%3</span>")
                    .arg(m.content.isEmpty() ? QString() : QStringLiteral("<br>"),
                         errorColour,
                         escapedLines(m.error));
        if (retryable)
            html += QStringLiteral("<br><a href=\"retry:%1\">%2</a> · <a href=\"settings:\">%3</a>")
                        .arg(m.id)
                        .arg(tr("Retry"), tr("Chat settings…"));
    } else if (m.content.isEmpty()) {
        html += QStringLiteral("<span style=\"color:%1\">%2</span>")
                    .arg(muted, tr("(the model gave no answer)"));
    }
    html += QStringLiteral("</td></tr></table>");
    return html;
}

void ChatPanel::render()
{
    m_renderTimer->stop();
    QScrollBar *bar = m_view->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 4;
    const int keep = bar->value();

    QString html;
    if (!m_session) {
        html = QStringLiteral("<p>%1</p>")
                   .arg(tr("Open a video to ask about what is heard and "
                           "seen in it.")
                            .toHtmlEscaped());
    } else if (!m_session->isLoaded()) {
        html = QStringLiteral("<p>%1</p>").arg(tr("Loading the conversation…").toHtmlEscaped());
    } else if (m_session->messages().isEmpty() && !m_session->isBusy()) {
        html = QStringLiteral("<p>%1</p>")
                   .arg(tr("Ask about this video: “When does the dog start barking?”, “What does "
                           "the man say?”. The model gets its frames and its sound; times in the "
                           "answer are links to those moments.")
                            .toHtmlEscaped());
    } else {
        const QList<ChatMessage> &messages = m_session->messages();
        const bool busy = m_session->isBusy();
        for (qsizetype i = 0; i < messages.size(); ++i) {
            // Only the last answer can be asked again in place; earlier ones ask anew.
            html += messageHtml(messages[i], !busy);
        }
        if (busy) {
            ChatMessage streaming;
            streaming.role = ChatMessage::Role::Assistant;
            streaming.model = m_settings.model;
            streaming.content = m_session->streamingText();
            html += QStringLiteral("<table width=\"100%\" cellpadding=\"6\" cellspacing=\"0\"><tr>"
                                   "<td><span style=\"color:%1\">%2</span><br>%3 ▍</td></tr>"
                                   "</table>")
                        .arg(mix(palette().color(QPalette::Text),
                                 palette().color(QPalette::Base),
                                 0.45),
                             streaming.model.toHtmlEscaped(),
                             answerHtml(streaming.content));
        }
    }
    m_view->setHtml(html);
    bar->setValue(atEnd ? bar->maximum() : keep);
}

void ChatPanel::onAnchorClicked(const QUrl &url)
{
    const QString scheme = url.scheme();
    if (scheme == QLatin1String("seek")) {
        bool ok = false;
        const qint64 us = url.path().toLongLong(&ok);
        if (ok)
            Q_EMIT seekRequested(Time::fromMicroseconds(us));
    } else if (scheme == QLatin1String("retry")) {
        retry(url.path().toLongLong());
    } else if (scheme == QLatin1String("settings")) {
        Q_EMIT settingsRequested();
    }
}

} // namespace earmark::ui
