#include "ui/metrics/evaluationdialog.h"

#include "core/storage/modelrunrepository.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace earmark::ui {

using annotation::ModelRun;
using metrics::Task;

namespace {

QString runLabel(const ModelRun &run)
{
    QString text = run.pack;
    if (!run.version.isEmpty())
        text += QLatin1Char(' ') + run.version;
    if (!run.task.isEmpty())
        text += QStringLiteral(" · ") + run.task.toUpper();
    if (run.finished.isValid())
        text += QStringLiteral(" · ")
                + QLocale().toString(run.finished.toLocalTime(), QLocale::ShortFormat);
    return QStringLiteral("%1 (run %2)").arg(text).arg(run.id);
}

QTableWidgetItem *number(double value)
{
    auto *item = new QTableWidgetItem(QLocale().toString(value, 'f', 2));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setData(Qt::UserRole, value);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

QJsonObject scoresJson(const metrics::AvvpScores &s)
{
    return {{QStringLiteral("audio"), s.audio},
            {QStringLiteral("visual"), s.visual},
            {QStringLiteral("audio_visual"), s.audioVisual},
            {QStringLiteral("type"), s.type},
            {QStringLiteral("event"), s.event}};
}

} // namespace

EvaluationDialog::EvaluationDialog(std::shared_ptr<storage::Database> db, QWidget *parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_worker(QStringLiteral("evaluation"))
{
    setObjectName(QStringLiteral("evaluationDialog"));
    setWindowTitle(tr("Evaluate Model Run"));

    m_runs = new QComboBox(this);
    m_runs->setObjectName(QStringLiteral("runs"));
    m_runs->setMinimumContentsLength(40);
    m_runs->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_task = new QComboBox(this);
    m_task->setObjectName(QStringLiteral("task"));
    m_task->addItem(tr("AVVP: audio-visual video parsing (LLP F-scores)"), int(Task::Avvp));
    m_task->addItem(tr("AVE: event localization (segment accuracy)"), int(Task::Ave));
    m_task->addItem(tr("AVS: sounding-object segmentation (mIoU, F-measure)"), int(Task::Avs));
    m_batch = new QSpinBox(this);
    m_batch->setObjectName(QStringLiteral("batchFrames"));
    m_batch->setRange(1, 10000);
    m_batch->setValue(20);
    m_batch->setSuffix(tr(" frames"));
    m_batch->setToolTip(tr("AVSBench scores frames in batches (4 clips of 5 frames); the scores "
                           "are means over batches, so they depend on the batch size."));
    m_batchLabel = new QLabel(tr("Batch:"), this);

    auto *form = new QFormLayout;
    form->addRow(tr("Model run:"), m_runs);
    form->addRow(tr("Metric:"), m_task);
    form->addRow(m_batchLabel, m_batch);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setText(tr("Predictions are compared with the accepted and edited annotations of "
                          "the same label set, on the videos the run analysed."));
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("results"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setMinimumHeight(110);
    m_notes = new QLabel(this);
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setWordWrap(true);
    m_notes->setVisible(false);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setVisible(false);

    auto *buttons = new QDialogButtonBox(this);
    m_evaluate = buttons->addButton(tr("&Evaluate"), QDialogButtonBox::ActionRole);
    m_evaluate->setObjectName(QStringLiteral("evaluate"));
    m_evaluate->setDefault(true);
    m_cancelButton = buttons->addButton(tr("Stop"), QDialogButtonBox::ActionRole);
    m_cancelButton->setEnabled(false);
    m_copy = buttons->addButton(tr("&Copy Results"), QDialogButtonBox::ActionRole);
    m_copy->setEnabled(false);
    m_copy->setToolTip(tr("Copy the scores as JSON"));
    buttons->addButton(QDialogButtonBox::Close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_notes);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);
    resize(720, 380);

    connect(m_evaluate, &QPushButton::clicked, this, &EvaluationDialog::evaluate);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] { m_cancel.cancel(); });
    connect(m_copy, &QPushButton::clicked, this, &EvaluationDialog::copyResult);
    connect(buttons, &QDialogButtonBox::rejected, this, &EvaluationDialog::reject);
    connect(m_task, &QComboBox::currentIndexChanged, this, [this] {
        const bool avs = selectedTask() == Task::Avs;
        m_batch->setVisible(avs);
        m_batchLabel->setVisible(avs);
    });
    connect(m_runs, &QComboBox::currentIndexChanged, this, [this](int index) {
        // The run's own task is the likely metric.
        const QString task = m_runs->itemData(index, Qt::UserRole + 1).toString();
        for (int i = 0; i < m_task->count(); ++i) {
            if (metrics::taskName(Task(m_task->itemData(i).toInt())) == task)
                m_task->setCurrentIndex(i);
        }
    });
    m_batch->setVisible(false);
    m_batchLabel->setVisible(false);
    m_evaluate->setEnabled(false);
    listRuns();
}

EvaluationDialog::~EvaluationDialog()
{
    m_cancel.cancel();
}

void EvaluationDialog::listRuns()
{
    m_runs->clear();
    m_runs->setPlaceholderText(tr("Reading the library…"));
    auto db = m_db;
    m_worker.call([db] { return storage::ModelRunRepository(db).all(); },
                  this,
                  [this](Result<QList<ModelRun>> runs) {
                      if (!runs) {
                          showError(runs.errorString());
                          Q_EMIT runsListed(0);
                          return;
                      }
                      showRuns(*runs);
                  });
}

void EvaluationDialog::showRuns(const QList<ModelRun> &runs)
{
    m_runs->clear();
    // Newest first.
    for (auto it = runs.crbegin(); it != runs.crend(); ++it) {
        m_runs->addItem(runLabel(*it), it->id);
        m_runs->setItemData(m_runs->count() - 1, it->task, Qt::UserRole + 1);
    }
    if (runs.isEmpty()) {
        m_runs->setPlaceholderText(tr("No model runs yet"));
        m_summary->setText(tr("This library has no model runs yet. Analyse videos with a model "
                              "pack first; its predictions can then be scored here against the "
                              "annotations you confirm."));
    }
    m_evaluate->setEnabled(!runs.isEmpty());
    if (m_wantedRun)
        selectRun(*m_wantedRun);
    Q_EMIT runsListed(int(runs.size()));
}

void EvaluationDialog::selectRun(annotation::ModelRunId run)
{
    m_wantedRun = run;
    const int index = m_runs->findData(run);
    if (index >= 0)
        m_runs->setCurrentIndex(index);
}

Task EvaluationDialog::selectedTask() const
{
    return Task(m_task->currentData().toInt());
}

void EvaluationDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_evaluate->setEnabled(!busy && m_runs->count() > 0);
    m_cancelButton->setEnabled(busy);
    m_runs->setEnabled(!busy);
    m_task->setEnabled(!busy);
    m_batch->setEnabled(!busy);
    m_progress->setVisible(busy);
    if (busy)
        m_progress->setValue(0);
}

void EvaluationDialog::evaluate()
{
    if (m_busy || m_runs->currentIndex() < 0)
        return;
    metrics::RunEvaluationOptions options;
    options.run = m_runs->currentData().toLongLong();
    options.task = selectedTask();
    options.batchFrames = m_batch->value();
    m_cancel = CancellationToken();
    const CancellationToken cancel = m_cancel;
    setBusy(true);
    m_notes->setVisible(false);
    m_summary->setText(tr("Evaluating…"));
    QPointer<EvaluationDialog> self(this);
    const ProgressCallback progress = [self](double fraction, const QString &) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, fraction] {
                if (self)
                    self->m_progress->setValue(int(fraction * 1000));
            },
            Qt::QueuedConnection);
    };
    auto db = m_db;
    m_worker.call([db,
                   options,
                   cancel,
                   progress] { return metrics::evaluateRun(db, options, cancel, progress); },
                  this,
                  [this](Result<metrics::RunEvaluation> result) {
                      setBusy(false);
                      if (!result) {
                          showError(result.errorString());
                          Q_EMIT evaluationFinished(false);
                          return;
                      }
                      showResult(*result);
                      Q_EMIT evaluationFinished(true);
                  });
}

void EvaluationDialog::showResult(const metrics::RunEvaluation &r)
{
    m_result = r;
    m_table->clear();
    switch (r.task) {
    case Task::Avvp: {
        m_table->setColumnCount(5);
        m_table->setRowCount(2);
        m_table->setHorizontalHeaderLabels(
            {tr("Audio"), tr("Visual"), tr("Audio-visual"), tr("Type@AV"), tr("Event@AV")});
        m_table->setVerticalHeaderLabels({tr("Segment level"), tr("Event level")});
        const metrics::AvvpScores *rows[2] = {&r.avvp.segment, &r.avvp.event};
        for (int i = 0; i < 2; ++i) {
            m_table->setItem(i, 0, number(rows[i]->audio));
            m_table->setItem(i, 1, number(rows[i]->visual));
            m_table->setItem(i, 2, number(rows[i]->audioVisual));
            m_table->setItem(i, 3, number(rows[i]->type));
            m_table->setItem(i, 4, number(rows[i]->event));
        }
        m_summary->setText(tr("F-scores in percent over %n 10-second windows", nullptr, r.windows)
                           + tr(" of %n videos (LLP's evaluation).", nullptr, r.videos));
        break;
    }
    case Task::Ave:
        m_table->setColumnCount(1);
        m_table->setRowCount(1);
        m_table->setHorizontalHeaderLabels({tr("Accuracy")});
        m_table->setVerticalHeaderLabels({tr("Segments")});
        m_table->setItem(0, 0, number(r.ave.accuracy));
        m_summary->setText(tr("Percent of %n 1-second segments", nullptr, int(r.ave.segments))
                           + tr(" in %n 10-second windows (AVE's evaluation).", nullptr, r.windows));
        break;
    case Task::Avs:
        m_table->setColumnCount(2);
        m_table->setRowCount(1);
        m_table->setHorizontalHeaderLabels({tr("mIoU"), tr("F-measure")});
        m_table->setVerticalHeaderLabels({tr("Frames")});
        m_table->setItem(0, 0, number(r.avs.miou));
        m_table->setItem(0, 1, number(r.avs.fmeasure));
        m_summary->setText(tr("Percent over %n frames", nullptr, r.avs.frames)
                           + tr(" in %n batches (AVSBench's evaluation).", nullptr, r.avs.batches));
        break;
    }
    m_notes->setText(r.notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!r.notes.isEmpty());
    m_copy->setEnabled(true);
}

void EvaluationDialog::showError(const QString &message)
{
    m_result.reset();
    m_table->clear();
    m_table->setRowCount(0);
    m_table->setColumnCount(0);
    m_copy->setEnabled(false);
    m_summary->setText(tr("The evaluation did not finish: %1").arg(message));
}

void EvaluationDialog::copyResult()
{
    if (!m_result)
        return;
    const metrics::RunEvaluation &r = *m_result;
    QJsonObject o{{QStringLiteral("run"), m_runs->currentData().toLongLong()},
                  {QStringLiteral("task"), metrics::taskName(r.task)},
                  {QStringLiteral("videos"), r.videos}};
    if (r.task == Task::Avvp) {
        o.insert(QStringLiteral("segment"), scoresJson(r.avvp.segment));
        o.insert(QStringLiteral("event"), scoresJson(r.avvp.event));
    } else if (r.task == Task::Ave) {
        o.insert(QStringLiteral("accuracy"), r.ave.accuracy);
    } else {
        o.insert(QStringLiteral("miou"), r.avs.miou);
        o.insert(QStringLiteral("fmeasure"), r.avs.fmeasure);
        o.insert(QStringLiteral("batch_frames"), m_batch->value());
    }
    QApplication::clipboard()->setText(
        QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)));
}

void EvaluationDialog::reject()
{
    if (m_busy) {
        // Stop first; the dialog closes when the worker has noticed.
        m_cancel.cancel();
        connect(this,
                &EvaluationDialog::evaluationFinished,
                this,
                &QDialog::reject,
                Qt::SingleShotConnection);
        return;
    }
    QDialog::reject();
}

} // namespace earmark::ui
