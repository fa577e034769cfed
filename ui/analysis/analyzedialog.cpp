#include "ui/analysis/analyzedialog.h"

#include "ui/analysis/analysiscontroller.h"
#include "ui/library/librarycontroller.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace earmark::ui {

namespace {

constexpr int VideoIdRole = Qt::UserRole + 1;

} // namespace

AnalyzeDialog::AnalyzeDialog(AnalysisController *analysis,
                             LibraryController *library,
                             annotation::VideoId current,
                             QWidget *parent)
    : QDialog(parent)
    , m_analysis(analysis)
    , m_library(library)
{
    setObjectName(QStringLiteral("analyzeDialog"));
    setWindowTitle(tr("Analyze Videos"));

    m_videos = new QListWidget(this);
    m_videos->setObjectName(QStringLiteral("analyzeVideoList"));
    for (const annotation::Video &v : m_library->videos()) {
        auto *item = new QListWidgetItem(v.title.isEmpty() ? v.path : v.title, m_videos);
        item->setToolTip(v.path);
        item->setData(VideoIdRole, v.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(v.id == current ? Qt::Checked : Qt::Unchecked);
        if (v.id == current)
            m_videos->setCurrentItem(item);
    }
    m_all = new QCheckBox(tr("All videos"), this);

    m_pack = new QComboBox(this);
    m_pack->setObjectName(QStringLiteral("analyzePack"));
    auto active = m_analysis->packs().active();
    for (const inference::Pack &p : m_analysis->packs().packs()) {
        m_pack->addItem(QStringLiteral("%1 %2").arg(p.manifest.name, p.manifest.version), p.folder);
        if (active && active->folder == p.folder)
            m_pack->setCurrentIndex(m_pack->count() - 1);
    }
    m_taskBox = new QWidget(this);
    new QHBoxLayout(m_taskBox);
    m_taskBox->layout()->setContentsMargins(0, 0, 0, 0);

    m_from = new QLineEdit(this);
    m_from->setObjectName(QStringLiteral("analyzeFrom"));
    m_from->setPlaceholderText(tr("start"));
    m_to = new QLineEdit(this);
    m_to->setObjectName(QStringLiteral("analyzeTo"));
    m_to->setPlaceholderText(tr("end"));
    auto *range = new QHBoxLayout;
    range->addWidget(m_from);
    range->addWidget(new QLabel(tr("to"), this));
    range->addWidget(m_to);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Pack:"), m_pack);
    form->addRow(tr("Tasks:"), m_taskBox);
    form->addRow(tr("Range:"), range);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Analyze"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Videos:"), this));
    layout->addWidget(m_videos, 1);
    layout->addWidget(m_all);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    resize(520, 480);

    connect(m_all, &QCheckBox::toggled, this, [this](bool on) {
        for (int i = 0; i < m_videos->count(); ++i)
            m_videos->item(i)->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    });
    connect(m_videos, &QListWidget::itemChanged, this, &AnalyzeDialog::updateState);
    connect(m_pack, &QComboBox::currentIndexChanged, this, &AnalyzeDialog::fillTasks);
    connect(m_from, &QLineEdit::textChanged, this, &AnalyzeDialog::updateState);
    connect(m_to, &QLineEdit::textChanged, this, &AnalyzeDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (start() > 0)
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    fillTasks();
}

void AnalyzeDialog::fillTasks()
{
    qDeleteAll(m_tasks);
    m_tasks.clear();
    auto pack = inference::openPack(m_pack->currentData().toString(), inference::VerifyFiles::No);
    if (pack) {
        for (const QString &t : pack->manifest.tasks) {
            auto *box = new QCheckBox(t.toUpper(), m_taskBox);
            box->setProperty("task", t);
            box->setChecked(true);
            connect(box, &QCheckBox::toggled, this, &AnalyzeDialog::updateState);
            m_taskBox->layout()->addWidget(box);
            m_tasks << box;
        }
    }
    updateState();
}

QList<annotation::VideoId> AnalyzeDialog::checkedVideos() const
{
    QList<annotation::VideoId> ids;
    for (int i = 0; i < m_videos->count(); ++i) {
        if (m_videos->item(i)->checkState() == Qt::Checked)
            ids << m_videos->item(i)->data(VideoIdRole).toLongLong();
    }
    return ids;
}

void AnalyzeDialog::setChecked(annotation::VideoId id, bool checked)
{
    for (int i = 0; i < m_videos->count(); ++i) {
        if (m_videos->item(i)->data(VideoIdRole).toLongLong() == id)
            m_videos->item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

void AnalyzeDialog::updateState()
{
    const int videos = int(checkedVideos().size());
    const bool single = videos == 1;
    m_from->setEnabled(single);
    m_to->setEnabled(single);
    QString problem;
    if (m_pack->count() == 0)
        problem = tr("No model pack is installed.");
    else if (videos == 0)
        problem = tr("Check the videos to analyse.");
    else if (std::none_of(m_tasks.begin(), m_tasks.end(), [](QCheckBox *b) {
                 return b->isChecked();
             }))
        problem = tr("Choose at least one task.");
    else if (single) {
        const auto from = m_from->text().trimmed().isEmpty() ? std::optional<Time>(Time())
                                                             : parseTime(m_from->text());
        const auto to = m_to->text().trimmed().isEmpty() ? std::optional<Time>(Time())
                                                         : parseTime(m_to->text());
        if (!from || !to)
            problem = tr("Write times like 90, 1:30 or 0:01:30.5.");
        else if (*to > Time() && *to <= *from)
            problem = tr("The range ends before it starts.");
    }
    m_message->setText(problem.isEmpty()
                           ? tr("%n video(s) will be analysed in the background.", nullptr, videos)
                           : problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

int AnalyzeDialog::start()
{
    updateState();
    if (!m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return 0;
    QStringList tasks;
    for (QCheckBox *b : std::as_const(m_tasks)) {
        if (b->isChecked())
            tasks << b->property("task").toString();
    }
    const QList<annotation::VideoId> ids = checkedVideos();
    Time from, to;
    if (ids.size() == 1) {
        from = parseTime(m_from->text()).value_or(Time());
        to = parseTime(m_to->text()).value_or(Time());
    }
    int queued = 0;
    for (const annotation::Video &v : m_library->videos()) {
        if (ids.contains(v.id)
            && m_analysis->analyze(v, m_pack->currentData().toString(), tasks, from, to))
            ++queued;
    }
    return queued;
}

} // namespace earmark::ui
