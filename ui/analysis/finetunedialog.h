#pragma once

#include "core/base/cancellation.h"
#include "core/base/result.h"
#include "inference/finetune.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace earmark::storage {
class Database;
}

namespace earmark::ui {

class AnalysisController;

// Analysis › Fine-Tune Models on Accepted Annotations…: picks the pack to start from and the
// epochs, runs inference::finetunePack on a worker thread with a progress bar and a Cancel
// button, then says which version was made and how well it fits the library's accepted
// annotations, and offers to make it the active pack. The source version stays installed.
// GUI thread only; the worker only reports through queued calls, and the dialog waits for it
// before it goes.
class FinetuneDialog : public QDialog
{
    Q_OBJECT

public:
    FinetuneDialog(AnalysisController *analysis,
                   std::shared_ptr<storage::Database> library,
                   QWidget *parent = nullptr);
    ~FinetuneDialog() override;

    // Starts the fine-tuning (what the Fine-Tune button does).
    void start();
    bool isRunning() const { return m_running; }
    // The new version's "id@version" once one was made.
    QString madePack() const { return m_made; }
    QComboBox *packChoice() const { return m_pack; }
    QSpinBox *epochChoice() const { return m_epochs; }
    // While running: cancels, and closes the dialog once the worker has stopped.
    void reject() override;

Q_SIGNALS:
    // A new version was installed, or made active: the pack lists changed.
    void packsChanged();
    // The run ended: a new version was made (ok), or it failed or was cancelled.
    void finetuneFinished(bool ok);

private:
    void onProgress(const inference::FinetuneProgress &p);
    void onFinished(const Result<inference::FinetuneSummary> &result);
    void makeActive();

    AnalysisController *m_analysis;
    std::shared_ptr<storage::Database> m_library;
    QComboBox *m_pack = nullptr;
    QSpinBox *m_epochs = nullptr;
    QLabel *m_intro = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_activate = nullptr;
    CancellationToken m_cancel;
    bool m_running = false;
    QString m_made;
    class Worker;
    std::unique_ptr<Worker> m_worker;
};

} // namespace earmark::ui
