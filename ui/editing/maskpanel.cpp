#include "ui/editing/maskpanel.h"

#include "core/annotation/commands.h"
#include "core/annotation/document.h"
#include "ui/editing/classpicker.h"
#include "ui/editing/editorsession.h"
#include "ui/player/maskoverlay.h"
#include "ui/shell/icons.h"
#include "ui/timeline/timelinemodel.h"

#include <QCheckBox>
#include <QCursor>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QSettings>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

namespace earmark::ui {

using namespace annotation;

namespace {

constexpr int kObjectRole = Qt::UserRole + 1;

QIcon swatch(const QColor &color)
{
    QPixmap pm(14, 14);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(color.darker(140));
    p.setBrush(color);
    p.drawEllipse(QRectF(1.5, 1.5, 11, 11));
    return QIcon(pm);
}

} // namespace

MaskPanel::MaskPanel(EditorSession *session, MaskOverlay *overlay, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_overlay(overlay)
{
    setObjectName(QStringLiteral("maskPanel"));
    const QSettings settings;

    m_objects = new QListWidget(this);
    m_objects->setObjectName(QStringLiteral("maskObjects"));
    m_objects->setUniformItemSizes(true);
    m_add = new QToolButton(this);
    m_add->setIcon(workbenchIcon(IconKind::AddObject));
    m_add->setText(tr("Add object…"));
    m_add->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_brush = new QToolButton(this);
    m_brush->setObjectName(QStringLiteral("brushTool"));
    m_brush->setIcon(workbenchIcon(IconKind::Brush));
    m_brush->setText(tr("Brush"));
    m_brush->setToolTip(tr("Paint the selected object's mask on the frame shown (B)"));
    m_brush->setCheckable(true);
    m_brush->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_eraser = new QToolButton(this);
    m_eraser->setObjectName(QStringLiteral("eraserTool"));
    m_eraser->setIcon(workbenchIcon(IconKind::Eraser));
    m_eraser->setText(tr("Eraser"));
    m_eraser->setToolTip(tr("Erase from the selected object's mask on the frame shown (E)"));
    m_eraser->setCheckable(true);
    m_eraser->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_size = new QSlider(Qt::Horizontal, this);
    m_size->setObjectName(QStringLiteral("brushSize"));
    m_size->setRange(2, 120);
    m_size->setValue(settings.value(QStringLiteral("masks/brush"), 24).toInt());
    m_opacity = new QSlider(Qt::Horizontal, this);
    m_opacity->setObjectName(QStringLiteral("maskOpacity"));
    m_opacity->setRange(0, 100);
    m_opacity->setValue(settings.value(QStringLiteral("masks/opacity"), 45).toInt());
    m_outline = new QCheckBox(tr("Outline only"), this);
    m_outline->setObjectName(QStringLiteral("maskOutline"));
    m_outline->setChecked(settings.value(QStringLiteral("masks/outline"), false).toBool());
    m_show = new QCheckBox(tr("Show masks over the video"), this);
    m_show->setObjectName(QStringLiteral("maskShow"));
    m_show->setChecked(true);

    auto *objectsBox = new QGroupBox(tr("Objects"), this);
    auto *objectsLayout = new QVBoxLayout(objectsBox);
    objectsLayout->addWidget(m_objects, 1);
    objectsLayout->addWidget(m_add, 0, Qt::AlignLeft);

    auto *toolsBox = new QGroupBox(tr("Correct the frame shown"), this);
    auto *toolsLayout = new QFormLayout(toolsBox);
    auto *tools = new QHBoxLayout;
    tools->addWidget(m_brush);
    tools->addWidget(m_eraser);
    tools->addStretch(1);
    toolsLayout->addRow(tools);
    toolsLayout->addRow(tr("Size"), m_size);

    auto *displayBox = new QGroupBox(tr("Display"), this);
    auto *displayLayout = new QFormLayout(displayBox);
    displayLayout->addRow(m_show);
    displayLayout->addRow(tr("Opacity"), m_opacity);
    displayLayout->addRow(m_outline);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(objectsBox, 1);
    layout->addWidget(toolsBox);
    layout->addWidget(displayBox);

    m_overlay->setBrushSize(m_size->value());
    m_overlay->setOpacity(m_opacity->value() / 100.0);
    m_overlay->setOutlineOnly(m_outline->isChecked());

    connect(m_size, &QSlider::valueChanged, this, [this](int v) {
        m_overlay->setBrushSize(v);
        QSettings().setValue(QStringLiteral("masks/brush"), v);
    });
    connect(m_opacity, &QSlider::valueChanged, this, [this](int v) {
        m_overlay->setOpacity(v / 100.0);
        QSettings().setValue(QStringLiteral("masks/opacity"), v);
    });
    connect(m_outline, &QCheckBox::toggled, this, [this](bool on) {
        m_overlay->setOutlineOnly(on);
        QSettings().setValue(QStringLiteral("masks/outline"), on);
    });
    connect(m_show, &QCheckBox::toggled, m_overlay, &MaskOverlay::setMasksVisible);
    connect(m_brush, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            m_overlay->setTool(MaskOverlay::Tool::Brush);
        else if (m_overlay->tool() == MaskOverlay::Tool::Brush)
            m_overlay->setTool(MaskOverlay::Tool::None);
    });
    connect(m_eraser, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            m_overlay->setTool(MaskOverlay::Tool::Eraser);
        else if (m_overlay->tool() == MaskOverlay::Tool::Eraser)
            m_overlay->setTool(MaskOverlay::Tool::None);
    });
    connect(m_overlay, &MaskOverlay::toolChanged, this, [this](MaskOverlay::Tool tool) {
        m_brush->setChecked(tool == MaskOverlay::Tool::Brush);
        m_eraser->setChecked(tool == MaskOverlay::Tool::Eraser);
    });
    connect(m_objects, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        m_overlay->setCurrentObject(item ? item->data(kObjectRole).toLongLong() : 0);
    });
    connect(m_objects, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        m_overlay->setObjectHidden(item->data(kObjectRole).toLongLong(),
                                   item->checkState() != Qt::Checked);
    });
    connect(m_add, &QToolButton::clicked, this, &MaskPanel::addObject);
    connect(m_session, &EditorSession::documentChanged, this, &MaskPanel::rebuild);
    connect(m_session, &EditorSession::edited, this, &MaskPanel::rebuild);
    rebuild();
}

void MaskPanel::rebuild()
{
    const AnnotationDocument *doc = m_session->document();
    setEnabled(doc != nullptr);
    const MaskObjectId current = m_overlay->currentObject();
    const QList<MaskObject> objects = doc ? doc->maskObjects() : QList<MaskObject>();
    // Unchanged list: keep it (and its scroll position) as it is.
    bool same = objects.size() == m_objects->count();
    for (int i = 0; same && i < objects.size(); ++i)
        same = m_objects->item(i)->data(kObjectRole).toLongLong() == objects.at(i).id;
    if (same)
        return;
    const QSignalBlocker block(m_objects);
    m_objects->clear();
    for (const MaskObject &o : objects) {
        const LabelSet *set = doc->labelSetOfTrack(o.trackId);
        QString text = o.name;
        if (set && o.classIndex >= 0)
            text = o.name.isEmpty() ? set->className(o.classIndex)
                                    : tr("%1 (%2)").arg(o.name, set->className(o.classIndex));
        if (text.isEmpty())
            text = tr("Object %1").arg(o.id);
        auto *item = new QListWidgetItem(swatch(m_overlay->colorOf(o.id)), text, m_objects);
        item->setData(kObjectRole, o.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(m_overlay->isObjectHidden(o.id) ? Qt::Unchecked : Qt::Checked);
        if (o.id == current)
            m_objects->setCurrentItem(item);
    }
    if (!m_objects->currentItem() && m_objects->count() > 0)
        m_objects->setCurrentRow(0);
    m_overlay->setCurrentObject(
        m_objects->currentItem() ? m_objects->currentItem()->data(kObjectRole).toLongLong() : 0);
}

void MaskPanel::addObject()
{
    AnnotationDocument *doc = m_session->document();
    if (!doc)
        return;
    const int group = m_session->currentGroup();
    const TimelineModel *model = m_session->model();
    const LabelSet *set = model->labelSetOfGroup(group);
    if (!set)
        return;
    const std::optional<int> cls = ClassPicker::choose(this,
                                                       *set,
                                                       -1,
                                                       model->quickClasses(group),
                                                       QCursor::pos());
    if (!cls)
        return;
    TrackId track = model->groups().at(group).track;
    if (track == 0) {
        // The video has no annotation track yet: make one with the object (one undo step).
        doc->beginMacro(tr("Add object"));
        const auto added = commands::addTrack(*doc, set->name, set->id);
        if (!m_session->execute(added)) {
            doc->abortMacro();
            return;
        }
        track = std::get<TrackChange>(added->changes.constFirst()).after->id;
        if (!m_session->execute(commands::addMaskObject(*doc, track, *cls, QString()))) {
            doc->abortMacro();
            return;
        }
        if (const Status s = doc->endMacro(); !s)
            Q_EMIT m_session->errorOccurred(s.errorString());
    } else {
        m_session->execute(commands::addMaskObject(*doc, track, *cls, QString()));
    }
    if (m_objects->count() > 0)
        m_objects->setCurrentRow(m_objects->count() - 1);
}

} // namespace earmark::ui
