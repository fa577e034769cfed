#pragma once

#include "core/annotation/segment.h"
#include "core/base/cancellation.h"
#include "core/base/serialexecutor.h"
#include "core/metrics/libraryevaluation.h"
#include "core/storage/database.h"

#include <QDialog>

#include <memory>
#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace earmark::ui {

// "Evaluate Model Run": the benchmark metrics (AVVP, AVE, AVS) of a model run's predictions
// against the library's confirmed annotations (metrics::evaluateRun). The library is read on the
// dialog's own worker thread, with progress and cancel; the GUI thread only shows results.
// GUI thread only.
class EvaluationDialog : public QDialog
{
    Q_OBJECT

public:
    explicit EvaluationDialog(std::shared_ptr<storage::Database> db, QWidget *parent = nullptr);
    ~EvaluationDialog() override;

    // For tests and callers that know the run: selects it (once the runs are listed).
    void selectRun(annotation::ModelRunId run);
    // Starts an evaluation of the selected run and task.
    void evaluate();
    bool isBusy() const { return m_busy; }
    const std::optional<metrics::RunEvaluation> &lastResult() const { return m_result; }
    QTableWidget *resultTable() const { return m_table; }

Q_SIGNALS:
    void runsListed(int count);
    void evaluationFinished(bool ok);

protected:
    void reject() override;

private:
    void listRuns();
    void showRuns(const QList<annotation::ModelRun> &runs);
    void showResult(const metrics::RunEvaluation &result);
    void showError(const QString &message);
    void setBusy(bool busy);
    void copyResult();
    metrics::Task selectedTask() const;

    std::shared_ptr<storage::Database> m_db;
    SerialExecutor m_worker;
    CancellationToken m_cancel;
    bool m_busy = false;
    std::optional<annotation::ModelRunId> m_wantedRun;
    std::optional<metrics::RunEvaluation> m_result;

    QComboBox *m_runs = nullptr;
    QComboBox *m_task = nullptr;
    QSpinBox *m_batch = nullptr;
    QLabel *m_batchLabel = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_notes = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_evaluate = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_copy = nullptr;
};

} // namespace earmark::ui
