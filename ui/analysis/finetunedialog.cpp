#include "ui/analysis/finetunedialog.h"

#include "core/storage/database.h"
#include "ui/analysis/analysiscontroller.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace earmark::ui {

class FinetuneDialog::Worker
{
public:
    QFutureWatcher<Result<inference::FinetuneSummary>> watcher;
};

namespace {

QString minutes(double seconds)
{
    const int s = int(seconds + 0.5);
    return s >= 60 ? FinetuneDialog::tr("%1 min %2 s").arg(s / 60).arg(s % 60)
                   : FinetuneDialog::tr("%1 s").arg(s);
}

QString taskName(const QString &task)
{
    if (task == QLatin1String("avvp"))
        return FinetuneDialog::tr("Events heard and seen (AVVP)");
    if (task == QLatin1String("ave"))
        return FinetuneDialog::tr("Audio-visual events (AVE)");
    return FinetuneDialog::tr("Sounding-object masks (AVS)");
}

} // namespace

FinetuneDialog::FinetuneDialog(AnalysisController *analysis,
                               std::shared_ptr<storage::Database> library,
                               QWidget *parent)
    : QDialog(parent)
    , m_analysis(analysis)
    , m_library(std::move(library))
    , m_worker(std::make_unique<Worker>())
{
    setObjectName(QStringLiteral("finetuneDialog"));
    setWindowTitle(tr("Fine-Tune Models"));
    m_intro = new QLabel(tr("Retrains the heads of a model pack on the annotations people accepted "
                            "or corrected in this library (each annotated video counts as fully "
                            "labelled). The result is a new version of the pack; the version it "
                            "starts from stays installed and selectable."),
                         this);
    m_intro->setWordWrap(true);
    m_pack = new QComboBox(this);
    m_pack->setObjectName(QStringLiteral("finetunePack"));
    auto active = m_analysis->packs().active();
    for (const inference::Pack &p : m_analysis->packs().packs()) {
        m_pack->addItem(QStringLiteral("%1 %2").arg(p.manifest.name, p.manifest.version), p.folder);
        if (active && active->folder == p.folder)
            m_pack->setCurrentIndex(m_pack->count() - 1);
    }
    m_epochs = new QSpinBox(this);
    m_epochs->setObjectName(QStringLiteral("finetuneEpochs"));
    m_epochs->setRange(1, 200);
    m_epochs->setValue(20);
    m_epochs->setToolTip(tr("Passes over the labelled windows"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("finetuneProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("finetuneStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_start = m_buttons->addButton(tr("&Fine-Tune"), QDialogButtonBox::AcceptRole);
    m_start->setObjectName(QStringLiteral("finetuneStart"));
    m_activate = m_buttons->addButton(tr("&Make Active"), QDialogButtonBox::ActionRole);
    m_activate->setObjectName(QStringLiteral("finetuneActivate"));
    m_activate->setToolTip(tr("Analyse with the new version from now on"));
    m_activate->setVisible(false);
    m_start->setEnabled(m_pack->count() > 0 && m_library);
    if (!m_library)
        m_status->setText(tr("Open a library first: fine-tuning learns from its accepted "
                             "annotations."));
    else if (m_pack->count() == 0)
        m_status->setText(tr("No model pack is installed."));

    auto *form = new QFormLayout;
    form->addRow(tr("Start from:"), m_pack);
    form->addRow(tr("Epochs:"), m_epochs);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status, 1);
    layout->addWidget(m_buttons);
    resize(520, 280);

    connect(m_start, &QPushButton::clicked, this, &FinetuneDialog::start);
    connect(m_activate, &QPushButton::clicked, this, &FinetuneDialog::makeActive);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &FinetuneDialog::reject);
    connect(&m_worker->watcher,
            &QFutureWatcher<Result<inference::FinetuneSummary>>::finished,
            this,
            [this] { onFinished(m_worker->watcher.result()); });
}

FinetuneDialog::~FinetuneDialog()
{
    if (m_running) {
        m_cancel.cancel();
        m_worker->watcher.waitForFinished();
    }
}

void FinetuneDialog::start()
{
    if (m_running || !m_library || m_pack->currentIndex() < 0)
        return;
    inference::FinetuneOptions o;
    o.library = m_library;
    o.pack = m_pack->currentData().toString();
    o.packsDir = m_analysis->packs().packsDir();
    o.epochs = m_epochs->value();
    m_cancel = CancellationToken();
    m_running = true;
    m_made.clear();
    m_start->setEnabled(false);
    m_pack->setEnabled(false);
    m_epochs->setEnabled(false);
    m_activate->setVisible(false);
    m_progress->setVisible(true);
    m_progress->setValue(0);
    m_status->setText(tr("Reading the accepted annotations…"));
    const CancellationToken cancel = m_cancel;
    QPointer<FinetuneDialog> self(this);
    m_worker->watcher.setFuture(QtConcurrent::run([o, cancel, self] {
        return inference::finetunePack(
            o,
            [self](const inference::FinetuneProgress &p) {
                // The dialog waits for the worker before it goes, so `self` outlives this call;
                // the report is applied on the GUI thread.
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, p] {
                        if (self)
                            self->onProgress(p);
                    },
                    Qt::QueuedConnection);
            },
            cancel);
    }));
}

void FinetuneDialog::onProgress(const inference::FinetuneProgress &p)
{
    using Stage = inference::FinetuneProgress::Stage;
    if (!m_running || m_cancel.isCancelled())
        return;
    // Features take the first fifth of the bar, training the rest.
    double fraction = 0;
    switch (p.stage) {
    case Stage::Collecting:
        m_status->setText(tr("Reading the accepted annotations…"));
        break;
    case Stage::Encoding:
        fraction = 0.2 * p.done / std::max(1, p.total);
        m_status->setText(tr("Getting the features of video %1 of %2: %3")
                              .arg(p.done + 1)
                              .arg(p.total)
                              .arg(p.item));
        break;
    case Stage::Training:
        fraction = 0.2 + 0.8 * p.done / std::max(1, p.total);
        m_status->setText(p.eta >= 0 ? tr("Training: epoch %1 of %2, about %3 left")
                                           .arg(p.epoch)
                                           .arg(p.epochs)
                                           .arg(minutes(p.eta))
                                     : tr("Training: epoch %1 of %2").arg(p.epoch).arg(p.epochs));
        break;
    case Stage::Writing:
        fraction = 1;
        m_status->setText(tr("Writing the new version…"));
        break;
    }
    m_progress->setValue(int(fraction * 1000));
}

void FinetuneDialog::onFinished(const Result<inference::FinetuneSummary> &result)
{
    m_running = false;
    m_progress->setVisible(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(true);
    m_pack->setEnabled(true);
    m_epochs->setEnabled(true);
    m_start->setEnabled(true);
    if (!result) {
        m_status->setText(tr("Fine-tuning failed: %1").arg(result.errorString()));
        Q_EMIT finetuneFinished(false);
        return;
    }
    if (!result->finished) {
        m_status->setText(tr("Fine-tuning was cancelled; nothing was written."));
        Q_EMIT finetuneFinished(false);
        return;
    }
    m_made = QStringLiteral("%1@%2").arg(result->packId, result->version);
    QString text = tr("Version %1 of the pack is installed, made from version %2 with the accepted "
                      "annotations of %n video(s) in %3.",
                      nullptr,
                      result->videos)
                       .arg(result->version, result->fromVersion, minutes(result->seconds));
    QStringList fits;
    for (const inference::FinetuneFit &f : result->fits)
        fits << tr("%1: %2 → %3 on the accepted annotations")
                    .arg(taskName(f.task))
                    .arg(f.scoreBefore, 0, 'f', 1)
                    .arg(f.scoreAfter, 0, 'f', 1);
    if (!fits.isEmpty())
        text += QStringLiteral("\n\n") + fits.join(QLatin1Char('\n'));
    text += QStringLiteral("\n\n")
            + tr("The version you started from stays available in Analysis › Model Packs.");
    m_status->setText(text);
    m_start->setVisible(false);
    m_activate->setVisible(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
    Q_EMIT packsChanged();
    Q_EMIT finetuneFinished(true);
}

void FinetuneDialog::makeActive()
{
    if (m_made.isEmpty())
        return;
    const Status s = m_analysis->packs().setActive(m_made);
    if (!s) {
        m_status->setText(s.errorString());
        return;
    }
    m_activate->setEnabled(false);
    m_status->setText(m_status->text() + QStringLiteral("\n\n")
                      + tr("%1 is now the active pack.").arg(m_made));
    Q_EMIT packsChanged();
}

void FinetuneDialog::reject()
{
    if (m_running) {
        m_cancel.cancel();
        m_status->setText(tr("Cancelling…"));
        m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(false);
        // The worker stops at its next step; the dialog closes when it has.
        connect(&m_worker->watcher,
                &QFutureWatcher<Result<inference::FinetuneSummary>>::finished,
                this,
                &QDialog::reject,
                Qt::SingleShotConnection);
        return;
    }
    QDialog::reject();
}

} // namespace earmark::ui
