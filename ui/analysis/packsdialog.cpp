#include "ui/analysis/packsdialog.h"

#include "ui/analysis/analysiscontroller.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFont>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace earmark::ui {

namespace {

constexpr int FolderRole = Qt::UserRole + 1;

QString detailsHtml(const inference::Pack &p)
{
    const inference::PackManifest &m = p.manifest;
    auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    QString html = QStringLiteral("<h3>%1 %2</h3>").arg(esc(m.name), esc(m.version));
    if (!m.description.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(esc(m.description));
    html += QStringLiteral("<p><b>%1</b> %2<br><b>%3</b> %4</p>")
                .arg(PacksDialog::tr("Licence:"),
                     esc(m.licence),
                     PacksDialog::tr("Folder:"),
                     esc(p.folder));
    if (!m.citation.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(PacksDialog::tr("Cite:"), esc(m.citation));
    html += QStringLiteral("<p><b>%1</b> %2</p>")
                .arg(PacksDialog::tr("Windows:"),
                     PacksDialog::tr("%1 s windows, %2 s segments")
                         .arg(m.windowLength)
                         .arg(m.segmentLength));
    html += QStringLiteral("<ul>");
    for (const inference::PackHead &h : m.heads) {
        html += QStringLiteral("<li><b>%1</b> (%2): %3</li>")
                    .arg(esc(h.task.toUpper()),
                         esc(h.arch),
                         h.vocabulary.isEmpty()
                             ? PacksDialog::tr("masks")
                             : PacksDialog::tr("%n class(es)",
                                               nullptr,
                                               int(m.vocabularies.value(h.vocabulary).size())));
    }
    for (const inference::PackEncoder &e : m.encoders) {
        QString input;
        if (e.input == QLatin1String("audio")) {
            const inference::PackAudioInput a = m.audioInput(e);
            input = PacksDialog::tr("audio at %1 Hz").arg(a.sampleRate);
        } else {
            const inference::PackFrameInput f = m.frameInput(e);
            input = f.sampling == QLatin1String("linspace")
                        ? PacksDialog::tr("%1 frames per window").arg(f.count)
                        : PacksDialog::tr("%1 fps").arg(f.fps);
            input += PacksDialog::tr(", %1×%2 %3").arg(f.width).arg(f.height).arg(f.resize);
        }
        html += QStringLiteral("<li>%1 <i>%2</i>: %3 (%4)</li>")
                    .arg(PacksDialog::tr("encoder"), esc(e.name), esc(input), esc(e.kind));
    }
    html += QStringLiteral("</ul>");
    if (!m.metrics.isEmpty())
        html += QStringLiteral("<p><b>%1</b> <code>%2</code></p>")
                    .arg(PacksDialog::tr("Measured:"),
                         esc(QString::fromUtf8(
                             QJsonDocument(m.metrics).toJson(QJsonDocument::Compact))));
    return html;
}

} // namespace

PacksDialog::PacksDialog(AnalysisController *analysis, QWidget *parent)
    : QDialog(parent)
    , m_analysis(analysis)
{
    setObjectName(QStringLiteral("packsDialog"));
    setWindowTitle(tr("Model Packs"));
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("packList"));
    m_list->setHeaderLabels({tr("Pack"), tr("Version"), tr("Tasks")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("packDetails"));
    m_details->setOpenExternalLinks(false);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_add = new QPushButton(tr("&Add…"), this);
    m_add->setObjectName(QStringLiteral("addPack"));
    m_add->setToolTip(tr("Install a model pack folder (one with a pack.json)"));
    m_use = new QPushButton(tr("&Use"), this);
    m_use->setObjectName(QStringLiteral("usePack"));
    m_use->setToolTip(tr("Analyse with the selected pack from now on"));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("removePack"));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_use);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    resize(760, 420);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &PacksDialog::chooseFolder);
    connect(m_use, &QPushButton::clicked, this, &PacksDialog::makeActive);
    connect(m_remove, &QPushButton::clicked, this, &PacksDialog::removeSelected);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &PacksDialog::showDetails);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &PacksDialog::makeActive);
    reload();
}

void PacksDialog::reload()
{
    const QString keep = selectedFolder();
    m_list->clear();
    inference::PackRegistry &registry = m_analysis->packs();
    const QList<inference::Pack> packs = registry.packs();
    const QStringList problems = registry.problems();
    auto active = registry.active();
    const QString activeFolder = active ? active->folder : QString();
    QTreeWidgetItem *select = nullptr;
    for (const inference::Pack &p : packs) {
        auto *item = new QTreeWidgetItem(m_list);
        const bool isActive = p.folder == activeFolder;
        item->setText(0, isActive ? tr("%1 (active)").arg(p.manifest.name) : p.manifest.name);
        item->setText(1, p.manifest.version);
        item->setText(2, p.manifest.tasks.join(QStringLiteral(", ")).toUpper());
        item->setData(0, FolderRole, p.folder);
        if (isActive) {
            QFont f = item->font(0);
            f.setBold(true);
            item->setFont(0, f);
        }
        if (p.folder == keep || (!select && isActive))
            select = item;
    }
    if (select)
        m_list->setCurrentItem(select);
    if (packs.isEmpty())
        m_details->setHtml(tr("<p>No model pack is installed.</p><p>A model pack is a folder with "
                              "a <code>pack.json</code> manifest and the model files it lists. "
                              "Choose <b>Add…</b> to install one.</p>"));
    m_status->setText(problems.join(QLatin1Char('\n')));
    showDetails();
}

QString PacksDialog::selectedFolder() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, FolderRole).toString() : QString();
}

void PacksDialog::showDetails()
{
    const QString folder = selectedFolder();
    m_use->setEnabled(!folder.isEmpty());
    const QString added = QFileInfo(m_analysis->packs().packsDir()).canonicalFilePath();
    m_remove->setEnabled(!folder.isEmpty() && !added.isEmpty() && folder.startsWith(added + u'/'));
    if (folder.isEmpty())
        return;
    auto pack = inference::openPack(folder, inference::VerifyFiles::No);
    m_details->setHtml(pack ? detailsHtml(*pack) : pack.errorString().toHtmlEscaped());
}

void PacksDialog::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this,
                                                             tr("Add Model Pack"),
                                                             QString(),
                                                             QFileDialog::ShowDirsOnly);
    if (!folder.isEmpty())
        addPack(folder);
}

void PacksDialog::addPack(const QString &folder)
{
    // Checking the checksums of large weights takes seconds: not on the GUI thread.
    m_add->setEnabled(false);
    m_status->setText(tr("Checking and installing %1…").arg(folder));
    const QString packsDir = m_analysis->packs().packsDir();
    auto *watcher = new QFutureWatcher<Result<inference::Pack>>(this);
    connect(watcher, &QFutureWatcher<Result<inference::Pack>>::finished, this, [this, watcher] {
        const Result<inference::Pack> r = watcher->result();
        watcher->deleteLater();
        m_add->setEnabled(true);
        if (!r) {
            m_status->setText(QString());
            QMessageBox::warning(this,
                                 tr("Add Model Pack"),
                                 tr("The pack was not added.\n\n%1").arg(r.errorString()));
            return;
        }
        reload();
        for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
            if (m_list->topLevelItem(i)->data(0, FolderRole).toString() == r->folder)
                m_list->setCurrentItem(m_list->topLevelItem(i));
        }
        m_status->setText(tr("Installed %1 %2.").arg(r->manifest.name, r->manifest.version));
        Q_EMIT packsChanged();
    });
    watcher->setFuture(QtConcurrent::run([packsDir, folder] {
        inference::PackRegistry registry(packsDir);
        return registry.add(folder);
    }));
}

void PacksDialog::makeActive()
{
    const QString folder = selectedFolder();
    if (folder.isEmpty())
        return;
    auto pack = inference::openPack(folder, inference::VerifyFiles::No);
    if (!pack)
        return;
    const Status s = m_analysis->packs().setActive(
        QStringLiteral("%1@%2").arg(pack->manifest.id, pack->manifest.version));
    if (!s) {
        QMessageBox::warning(this, tr("Model Packs"), s.errorString());
        return;
    }
    reload();
    Q_EMIT packsChanged();
}

void PacksDialog::removeSelected()
{
    const QString folder = selectedFolder();
    auto pack = inference::openPack(folder, inference::VerifyFiles::No);
    if (!pack)
        return;
    const QString spec = QStringLiteral("%1@%2").arg(pack->manifest.id, pack->manifest.version);
    if (QMessageBox::question(this,
                              tr("Remove Model Pack"),
                              tr("Remove %1 %2 from this computer? Proposals it made stay in your "
                                 "libraries.")
                                  .arg(pack->manifest.name, pack->manifest.version))
        != QMessageBox::Yes)
        return;
    const Status s = m_analysis->packs().remove(spec);
    if (!s)
        QMessageBox::warning(this, tr("Remove Model Pack"), s.errorString());
    reload();
    Q_EMIT packsChanged();
}

} // namespace earmark::ui
