#include "ui/editing/reviewpanel.h"

#include "core/annotation/document.h"
#include "ui/editing/editorsession.h"
#include "ui/shell/icons.h"
#include "ui/timeline/timelinestyle.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace earmark::ui {

using annotation::ReviewStatus;

namespace {

QIcon dot(const QColor &color)
{
    QPixmap pm(12, 12);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(QRectF(1, 1, 10, 10));
    return QIcon(pm);
}

QToolButton *button(const QIcon &icon, const QString &text, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setIcon(icon);
    b->setText(text);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    return b;
}

} // namespace

ReviewPanel::ReviewPanel(EditorSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("reviewPanel"));

    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("videoStatus"));
    for (ReviewStatus s :
         {ReviewStatus::ToDo, ReviewStatus::InProgress, ReviewStatus::Done, ReviewStatus::Reviewed})
        m_status->addItem(dot(reviewStatusColor(s)), reviewStatusText(s), int(s));

    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("proposalCounts"));
    m_counts->setWordWrap(true);

    m_previous = button(workbenchIcon(IconKind::Previous), tr("Previous"), this);
    m_next = button(workbenchIcon(IconKind::Next), tr("Next"), this);
    m_accept = button(workbenchIcon(IconKind::Accept), tr("Accept"), this);
    m_reject = button(workbenchIcon(IconKind::Reject), tr("Reject"), this);
    m_previous->setToolTip(tr("Select the previous open proposal (Shift+N)"));
    m_next->setToolTip(tr("Select the next open proposal (N)"));
    m_accept->setToolTip(tr("Accept the selected proposals (A)"));
    m_reject->setToolTip(tr("Reject the selected proposals (R)"));

    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("thresholdSlider"));
    m_slider->setRange(0, 100);
    m_spin = new QSpinBox(this);
    m_spin->setObjectName(QStringLiteral("thresholdSpin"));
    m_spin->setRange(0, 100);
    m_spin->setSuffix(QStringLiteral(" %"));
    m_above = new QLabel(this);
    m_above->setObjectName(QStringLiteral("thresholdCount"));
    m_above->setWordWrap(true);
    m_acceptAbove = button(workbenchIcon(IconKind::AcceptAll), tr("Accept all above"), this);
    m_acceptAbove->setObjectName(QStringLiteral("acceptAbove"));
    m_rejectBelow = button(workbenchIcon(IconKind::Reject), tr("Reject all below"), this);
    m_rejectBelow->setObjectName(QStringLiteral("rejectBelow"));

    auto *videoBox = new QGroupBox(tr("Video"), this);
    auto *videoLayout = new QFormLayout(videoBox);
    videoLayout->addRow(tr("Status"), m_status);

    auto *proposalBox = new QGroupBox(tr("Model proposals"), this);
    auto *proposalLayout = new QVBoxLayout(proposalBox);
    proposalLayout->addWidget(m_counts);
    auto *nav = new QHBoxLayout;
    nav->addWidget(m_previous);
    nav->addWidget(m_next);
    proposalLayout->addLayout(nav);
    auto *decide = new QHBoxLayout;
    decide->addWidget(m_accept);
    decide->addWidget(m_reject);
    proposalLayout->addLayout(decide);

    auto *thresholdBox = new QGroupBox(tr("By confidence"), this);
    auto *thresholdLayout = new QVBoxLayout(thresholdBox);
    auto *row = new QHBoxLayout;
    row->addWidget(m_slider, 1);
    row->addWidget(m_spin);
    thresholdLayout->addLayout(row);
    thresholdLayout->addWidget(m_above);
    auto *bulk = new QHBoxLayout;
    bulk->addWidget(m_acceptAbove);
    bulk->addWidget(m_rejectBelow);
    thresholdLayout->addLayout(bulk);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(videoBox);
    layout->addWidget(proposalBox);
    layout->addWidget(thresholdBox);
    layout->addStretch(1);

    setThreshold(QSettings().value(QStringLiteral("review/threshold"), 0.8).toDouble());

    connect(m_slider, &QSlider::valueChanged, m_spin, &QSpinBox::setValue);
    connect(m_spin, &QSpinBox::valueChanged, m_slider, &QSlider::setValue);
    connect(m_spin, &QSpinBox::valueChanged, this, [this](int v) {
        QSettings().setValue(QStringLiteral("review/threshold"), v / 100.0);
        refresh();
    });
    connect(m_previous, &QToolButton::clicked, this, [this] { m_session->selectNextProposal(-1); });
    connect(m_next, &QToolButton::clicked, this, [this] { m_session->selectNextProposal(1); });
    connect(m_accept, &QToolButton::clicked, m_session, &EditorSession::acceptSelection);
    connect(m_reject, &QToolButton::clicked, m_session, &EditorSession::rejectSelection);
    connect(m_acceptAbove, &QToolButton::clicked, this, [this] {
        m_session->acceptAbove(threshold());
    });
    connect(m_rejectBelow, &QToolButton::clicked, this, [this] {
        m_session->rejectBelow(threshold());
    });
    connect(m_status, &QComboBox::activated, this, [this](int index) {
        m_session->setVideoStatus(ReviewStatus(m_status->itemData(index).toInt()));
        refresh();
    });
    // Counting walks every proposal: once per turn of the event loop, however many edits came.
    auto queue = [this] {
        if (m_refreshQueued)
            return;
        m_refreshQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_refreshQueued = false;
            refresh();
        });
    };
    connect(m_session, &EditorSession::edited, this, queue);
    connect(m_session, &EditorSession::documentChanged, this, queue);
    connect(m_session, &EditorSession::selectionChanged, this, queue);
    refresh();
}

double ReviewPanel::threshold() const
{
    return m_spin->value() / 100.0;
}

void ReviewPanel::setThreshold(double threshold)
{
    m_spin->setValue(int(std::lround(std::clamp(threshold, 0.0, 1.0) * 100)));
    m_slider->setValue(m_spin->value());
}

void ReviewPanel::refresh()
{
    const annotation::AnnotationDocument *doc = m_session->document();
    setEnabled(doc != nullptr);
    if (doc) {
        const int index = m_status->findData(int(doc->video().status));
        if (index >= 0)
            m_status->setCurrentIndex(index);
    }
    const EditorSession::ProposalCounts counts = m_session->proposalCounts();
    const int total = counts.unreviewed + counts.accepted + counts.rejected;
    if (total == 0)
        m_counts->setText(tr("No model proposals for this video yet."));
    else
        m_counts->setText(tr("%1 open · %2 accepted · %3 rejected")
                              .arg(counts.unreviewed)
                              .arg(counts.accepted)
                              .arg(counts.rejected));
    const int above = m_session->unreviewedAtOrAbove(threshold());
    const int below = counts.unreviewed - above;
    m_above->setText(
        tr("%1 open at or above %2 %, %3 below").arg(above).arg(m_spin->value()).arg(below));
    m_acceptAbove->setText(tr("Accept %1 ≥ %2 %").arg(above).arg(m_spin->value()));
    m_rejectBelow->setText(tr("Reject %1 < %2 %").arg(below).arg(m_spin->value()));
    m_acceptAbove->setEnabled(above > 0);
    m_rejectBelow->setEnabled(below > 0);
    m_previous->setEnabled(counts.unreviewed > 0);
    m_next->setEnabled(counts.unreviewed > 0);
    bool proposalSelected = false;
    if (doc) {
        for (annotation::SegmentId id : m_session->selection()) {
            const annotation::Segment *s = doc->segment(id);
            if (s && s->runId != 0) {
                proposalSelected = true;
                break;
            }
        }
    }
    m_accept->setEnabled(proposalSelected);
    m_reject->setEnabled(proposalSelected);
}

} // namespace earmark::ui
