#include "ui/analysis/analysispanel.h"

#include "ui/analysis/analysiscontroller.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace earmark::ui {

namespace {

enum Column { TitleColumn, ProgressColumn, CancelColumn };

QString rangeText(const AnalysisController::Job &job)
{
    if (job.end <= job.start)
        return QString();
    return QStringLiteral(" [%1–%2]").arg(formatTime(job.start), formatTime(job.end));
}

} // namespace

AnalysisPanel::AnalysisPanel(AnalysisController *analysis, QWidget *parent)
    : QWidget(parent)
    , m_analysis(analysis)
{
    setObjectName(QStringLiteral("analysisPanel"));
    m_pack = new QLabel(this);
    m_pack->setObjectName(QStringLiteral("activePack"));
    m_pack->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pack->setWordWrap(true);
    auto *packs = new QPushButton(tr("Model Packs…"), this);
    packs->setObjectName(QStringLiteral("managePacks"));
    m_analyzeCurrent = new QPushButton(tr("Analyze Video"), this);
    m_analyzeCurrent->setObjectName(QStringLiteral("analyzeCurrent"));
    m_analyzeCurrent->setToolTip(tr("Run the active model pack over the open video"));
    m_analyzeVideos = new QPushButton(tr("Analyze Videos…"), this);
    m_analyzeVideos->setObjectName(QStringLiteral("analyzeVideos"));
    m_analyzeVideos->setToolTip(tr("Choose videos, a range, a pack and tasks"));
    m_cancelAll = new QPushButton(tr("Cancel All"), this);
    m_cancelAll->setObjectName(QStringLiteral("cancelAll"));
    m_cancelAll->setEnabled(false);
    m_clear = new QPushButton(tr("Clear Finished"), this);
    m_clear->setObjectName(QStringLiteral("clearFinished"));

    m_jobs = new QTreeWidget(this);
    m_jobs->setObjectName(QStringLiteral("analysisJobs"));
    m_jobs->setColumnCount(3);
    m_jobs->setHeaderLabels({tr("Video"), tr("Progress"), QString()});
    m_jobs->setRootIsDecorated(false);
    m_jobs->setUniformRowHeights(true);
    m_jobs->header()->setStretchLastSection(false);
    m_jobs->header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_jobs->header()->setSectionResizeMode(ProgressColumn, QHeaderView::Interactive);
    m_jobs->header()->setSectionResizeMode(CancelColumn, QHeaderView::ResizeToContents);
    m_jobs->setColumnWidth(ProgressColumn, 160);

    auto *packRow = new QHBoxLayout;
    packRow->addWidget(m_pack, 1);
    packRow->addWidget(packs);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_analyzeCurrent);
    buttons->addWidget(m_analyzeVideos);
    buttons->addStretch(1);
    buttons->addWidget(m_clear);
    buttons->addWidget(m_cancelAll);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(packRow);
    layout->addLayout(buttons);
    layout->addWidget(m_jobs, 1);

    connect(packs, &QPushButton::clicked, this, &AnalysisPanel::managePacksRequested);
    connect(m_analyzeCurrent, &QPushButton::clicked, this, &AnalysisPanel::analyzeCurrentRequested);
    connect(m_analyzeVideos, &QPushButton::clicked, this, &AnalysisPanel::analyzeVideosRequested);
    connect(m_cancelAll, &QPushButton::clicked, m_analysis, &AnalysisController::cancelAll);
    connect(m_clear, &QPushButton::clicked, this, [this] {
        m_analysis->clearFinished();
        for (auto it = m_items.begin(); it != m_items.end();) {
            if (!m_analysis->job(it.key())) {
                delete it.value();
                it = m_items.erase(it);
            } else {
                ++it;
            }
        }
    });
    connect(m_analysis, &AnalysisController::jobAdded, this, &AnalysisPanel::addJob);
    connect(m_analysis, &AnalysisController::jobChanged, this, &AnalysisPanel::updateJob);
    for (const AnalysisController::Job &j : m_analysis->jobs())
        addJob(j.id);
    refreshPack();
}

void AnalysisPanel::refreshPack()
{
    auto active = m_analysis->packs().active();
    if (active) {
        const inference::PackManifest &m = active->manifest;
        m_pack->setText(tr("Pack: <b>%1</b> %2 (%3) on %4")
                            .arg(m.name.toHtmlEscaped(),
                                 m.version.toHtmlEscaped(),
                                 m.tasks.join(QStringLiteral(", ")).toUpper(),
                                 m_analysis->deviceName()));
        m_pack->setToolTip(QStringLiteral("%1\n%2").arg(active->folder, m.licence));
    } else {
        m_pack->setText(tr("No model pack installed: add one with Model Packs…"));
        m_pack->setToolTip(QString());
    }
    m_analyzeCurrent->setEnabled(active.ok());
    m_analyzeVideos->setEnabled(active.ok());
}

void AnalysisPanel::addJob(quint64 id)
{
    const AnalysisController::Job *job = m_analysis->job(id);
    if (!job || m_items.contains(id))
        return;
    auto *item = new QTreeWidgetItem(m_jobs);
    m_items.insert(id, item);
    auto *bar = new QProgressBar(m_jobs);
    bar->setRange(0, 1000);
    bar->setTextVisible(true);
    m_jobs->setItemWidget(item, ProgressColumn, bar);
    auto *cancel = new QToolButton(m_jobs);
    cancel->setText(tr("Cancel"));
    cancel->setToolTip(tr("Stop this analysis"));
    cancel->setAutoRaise(true);
    connect(cancel, &QToolButton::clicked, this, [this, id] { m_analysis->cancel(id); });
    m_jobs->setItemWidget(item, CancelColumn, cancel);
    updateJob(id);
    m_jobs->scrollToItem(item);
}

void AnalysisPanel::updateJob(quint64 id)
{
    const AnalysisController::Job *job = m_analysis->job(id);
    QTreeWidgetItem *item = m_items.value(id);
    if (!job || !item)
        return;
    using State = AnalysisController::State;
    QString title = job->title + rangeText(*job);
    if (job->state == State::Done && !job->message.isEmpty())
        title += QStringLiteral(" · ") + job->message;
    item->setText(TitleColumn, title);
    QString tip = tr("%1 with %2").arg(job->title, job->pack);
    if (!job->message.isEmpty())
        tip += QStringLiteral("\n") + job->message;
    item->setToolTip(TitleColumn, tip);
    auto *bar = qobject_cast<QProgressBar *>(m_jobs->itemWidget(item, ProgressColumn));
    if (bar) {
        bar->setValue(int(job->fraction * 1000));
        QString text = job->stage;
        if (job->state == State::Running)
            text = QStringLiteral("%1% %2").arg(int(job->fraction * 100)).arg(job->stage);
        bar->setFormat(text);
        bar->setToolTip(job->state == State::Failed ? job->message : text);
    }
    if (QWidget *cancel = m_jobs->itemWidget(item, CancelColumn))
        cancel->setEnabled(job->state == State::Queued || job->state == State::Running);
    if (job->state == State::Failed)
        item->setForeground(TitleColumn, palette().brush(QPalette::Disabled, QPalette::Text));
    m_cancelAll->setEnabled(m_analysis->activeCount() > 0);
}

} // namespace earmark::ui
