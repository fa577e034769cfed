#include "ui/timeline/timelineview.h"

#include "core/annotation/document.h"
#include "ui/editing/classpicker.h"
#include "ui/editing/editorsession.h"
#include "ui/shell/theme.h"
#include "ui/timeaxis.h"
#include "ui/timeline/timelinestyle.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QStyle>
#include <QToolTip>
#include <QWheelEvent>

#include <array>
#include <cmath>
#include <limits>

namespace earmark::ui {

using namespace annotation;

namespace {

constexpr int kRulerHeight = 24;
constexpr int kGroupHeight = 28;
constexpr int kSectionHeight = 24;
constexpr int kClassHeight = 34;
constexpr int kMinDrawPixels = 3;
// Items narrower than this are merged into runs instead of being drawn one by one.
constexpr double kMergeWidth = 6.0;
// In collapsed (summary) rows only events wide enough for their name are drawn one by one.
constexpr double kSummaryMergeWidth = 48.0;

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t),
                            float(a.alphaF() + (b.alphaF() - a.alphaF()) * t));
}

QColor withAlpha(QColor c, int alpha)
{
    c.setAlpha(alpha);
    return c;
}

// The bands of a row where confirmed events and proposals are drawn.
QRectF confirmedBand(const TimelineRow &row, const QRect &r)
{
    switch (row.kind) {
    case TimelineRowKind::Class:
        return QRectF(r.left(), r.top() + 4, r.width(), 16);
    case TimelineRowKind::Group:
        return QRectF(r.left(), r.top() + 6, r.width(), 10);
    case TimelineRowKind::Modality:
        return QRectF(r.left(), r.top() + 4, r.width(), 9);
    }
    return {};
}

QRectF proposalBand(const TimelineRow &row, const QRect &r)
{
    switch (row.kind) {
    case TimelineRowKind::Class:
        return QRectF(r.left(), r.top() + 22, r.width(), 9);
    case TimelineRowKind::Group:
        return QRectF(r.left(), r.top() + 18, r.width(), 6);
    case TimelineRowKind::Modality:
        return QRectF(r.left(), r.top() + 15, r.width(), 5);
    }
    return {};
}

// Rows a person draws new events on: class rows, and expanded section headers (any class).
bool acceptsDrawing(const TimelineRow &row)
{
    return row.kind == TimelineRowKind::Class
           || (row.kind == TimelineRowKind::Modality && !row.collapsed);
}

bool showsItems(const TimelineRow &row)
{
    return row.kind == TimelineRowKind::Class
           || ((row.kind == TimelineRowKind::Group || row.kind == TimelineRowKind::Modality)
               && row.collapsed);
}

} // namespace

struct TimelineView::BandCanvas
{
    // Narrow events, as one line of premultiplied pixels stretched to the band's height: one
    // draw call however many events there are.
    std::vector<QRgb> line;
    bool anyNarrow = false;
    // Wide events, drawn one by one over the line, in lane order.
    struct Wide
    {
        int x = 0;
        int width = 0;
        int classIndex = 0;
        const TimelineItem *item = nullptr;
    };
    std::vector<Wide> wide;
};

double rulerTickSeconds(double secondsPerPixel, int minPixelsBetweenLabels)
{
    static constexpr std::array<double, 21> steps = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1,
                                                     0.2,   0.5,   1,     2,    5,    10,   15,
                                                     30,    60,    120,   300,  600,  1800, 3600};
    const double wanted = secondsPerPixel * minPixelsBetweenLabels;
    for (double s : steps) {
        if (s >= wanted)
            return s;
    }
    return std::ceil(wanted / 3600) * 3600;
}

TimelineView::TimelineView(TimeAxis *axis, QWidget *parent)
    : QWidget(parent)
    , m_axis(axis)
{
    m_vbar = new QScrollBar(Qt::Vertical, this);
    m_vbar->setObjectName(QStringLiteral("timelineScrollBar"));
    connect(m_vbar, &QScrollBar::valueChanged, this, [this](int v) {
        m_scrollY = v;
        update();
    });
    connect(m_axis, &TimeAxis::rangeChanged, this, qOverload<>(&QWidget::update));
    connect(m_axis, &TimeAxis::playheadChanged, this, [this] {
        // Repaint only the old and the new playhead column (and the ruler corner's time).
        const int x = int(std::lround(xForTime(m_axis->playhead())));
        if (m_lastPlayheadX >= 0)
            update(m_lastPlayheadX - 2, 0, 5, height());
        update(x - 2, 0, 5, height());
        update(0, 0, m_headerWidth, kRulerHeight);
    });
    setMinimumHeight(90);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    setFocusPolicy(Qt::ClickFocus);
    relayout();
}

TimelineView::~TimelineView() = default;

void TimelineView::setSession(EditorSession *session)
{
    if (m_session)
        m_session->model()->disconnect(this);
    m_session = session;
    if (m_session) {
        connect(m_session->model(), &TimelineModel::rowsChanged, this, &TimelineView::relayout);
        connect(m_session->model(), &TimelineModel::itemsChanged, this, [this] {
            ++m_itemsVersion;
            update();
        });
    }
    relayout();
}

EditorSession *TimelineView::session() const
{
    return m_session;
}

QMargins TimelineView::laneMargins() const
{
    return QMargins(m_headerWidth, 0, m_vbar->sizeHint().width(), 0);
}

QRect TimelineView::laneArea() const
{
    const QMargins m = laneMargins();
    return QRect(m.left(), kRulerHeight, width() - m.left() - m.right(), height() - kRulerHeight);
}

double TimelineView::xForTime(Time t) const
{
    const QRect lanes = laneArea();
    return lanes.left() + m_axis->xForTime(t, lanes.width());
}

Time TimelineView::timeForX(double x) const
{
    const QRect lanes = laneArea();
    return m_axis->timeForX(x - lanes.left(), lanes.width());
}

int TimelineView::rowHeight(const TimelineRow &row) const
{
    switch (row.kind) {
    case TimelineRowKind::Group:
        return kGroupHeight;
    case TimelineRowKind::Modality:
        return kSectionHeight;
    case TimelineRowKind::Class:
        return kClassHeight;
    }
    return kClassHeight;
}

void TimelineView::relayout()
{
    m_rowTop.clear();
    int y = 0;
    if (m_session) {
        const QList<TimelineRow> &rows = m_session->model()->rows();
        m_rowTop.reserve(size_t(rows.size()) + 1);
        for (const TimelineRow &row : rows) {
            m_rowTop.push_back(y);
            y += rowHeight(row);
        }
    }
    m_rowTop.push_back(y);
    ++m_rowsVersion;
    updateScrollBar();
    update();
}

void TimelineView::updateScrollBar()
{
    const int extent = m_vbar->sizeHint().width();
    m_vbar->setGeometry(width() - extent, kRulerHeight, extent, height() - kRulerHeight);
    const int content = m_rowTop.empty() ? 0 : m_rowTop.back();
    const int page = height() - kRulerHeight;
    m_vbar->setRange(0, std::max(0, content - page));
    m_vbar->setPageStep(std::max(1, page));
    m_vbar->setSingleStep(kClassHeight);
    m_vbar->setEnabled(content > page);
    m_scrollY = m_vbar->value();
}

void TimelineView::resizeEvent(QResizeEvent *)
{
    updateScrollBar();
}

QRect TimelineView::rowRect(int row) const
{
    if (row < 0 || row + 1 >= int(m_rowTop.size()))
        return {};
    const int top = kRulerHeight + m_rowTop[size_t(row)] - m_scrollY;
    const int h = m_rowTop[size_t(row) + 1] - m_rowTop[size_t(row)];
    const QRect r(0, top, width() - laneMargins().right(), h);
    return r.intersects(QRect(0, kRulerHeight, width(), height() - kRulerHeight)) ? r : QRect();
}

int TimelineView::rowAt(int y) const
{
    if (y < kRulerHeight || m_rowTop.size() < 2)
        return -1;
    const int content = y - kRulerHeight + m_scrollY;
    const auto it = std::upper_bound(m_rowTop.begin(), m_rowTop.end(), content);
    const int row = int(it - m_rowTop.begin()) - 1;
    return row >= 0 && row + 1 < int(m_rowTop.size()) ? row : -1;
}

int TimelineView::findRow(TimelineRowKind kind, int group, Modality modality, int classIndex) const
{
    if (!m_session)
        return -1;
    const QList<TimelineRow> &rows = m_session->model()->rows();
    for (int i = 0; i < rows.size(); ++i) {
        const TimelineRow &r = rows.at(i);
        if (r.kind != kind || r.group != group)
            continue;
        if (kind == TimelineRowKind::Group)
            return i;
        if (r.modality == modality && (kind != TimelineRowKind::Class || r.classIndex == classIndex))
            return i;
    }
    return -1;
}

void TimelineView::ensureRowVisible(int row)
{
    if (row < 0 || row + 1 >= int(m_rowTop.size()))
        return;
    const int top = m_rowTop[size_t(row)], bottom = m_rowTop[size_t(row) + 1];
    const int page = height() - kRulerHeight;
    if (top < m_scrollY)
        m_vbar->setValue(top);
    else if (bottom > m_scrollY + page)
        m_vbar->setValue(bottom - page);
}

qint64 TimelineView::frameDuration() const
{
    const AnnotationDocument *doc = m_session ? m_session->document() : nullptr;
    const double fps = doc ? doc->video().frameRate : 0;
    return fps > 0 ? qint64(std::llround(1e6 / fps)) : 0;
}

qint64 TimelineView::clampToVideo(qint64 t) const
{
    return std::clamp<qint64>(t, 0, std::max<qint64>(0, m_axis->duration().microseconds()));
}

template<typename F>
void TimelineView::forEachLaneOfRow(const TimelineRow &row, F f) const
{
    const TimelineModel *model = m_session->model();
    if (row.kind == TimelineRowKind::Class) {
        if (const TimelineLanes *lanes = model->lanes(TimelineModel::keyOf(row)))
            f(*lanes, row.classIndex);
        return;
    }
    if (!row.collapsed)
        return;
    const bool whole = row.kind == TimelineRowKind::Group;
    model->forEachLane([&](const TimelineLaneKey &key, const TimelineLanes &lanes) {
        if (key.group == row.group && (whole || key.modality == row.modality))
            f(lanes, key.classIndex);
    });
}

// --- painting ---

void TimelineView::paintEvent(QPaintEvent *event)
{
    QPainter p(this);
    const QPalette pal = palette();
    const QRect dirty = event->rect();
    p.fillRect(dirty, pal.color(QPalette::Base));

    const QRect lanes = laneArea();
    const double spp = m_axis->secondsPerPixel(lanes.width());

    // Rows.
    if (m_session && spp > 0) {
        const int first = std::max(0, rowAt(std::max(dirty.top(), kRulerHeight)));
        const int count = int(m_session->model()->rows().size());
        for (int i = first; i < count; ++i) {
            const QRect r = rowRect(i);
            if (r.isEmpty()) {
                if (kRulerHeight + m_rowTop[size_t(i)] - m_scrollY > height())
                    break;
                continue;
            }
            if (r.top() > dirty.bottom())
                break;
            p.save();
            p.setClipRect(QRect(lanes.left(), r.top(), lanes.width(), r.height()) & dirty);
            paintRow(p, i, QRect(lanes.left(), r.top(), lanes.width(), r.height()));
            p.restore();
        }
        if (dirty.left() < m_headerWidth)
            p.drawPixmap(0, kRulerHeight, headerColumn());
    }

    // The header column's edge.
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(m_headerWidth - 1, kRulerHeight, m_headerWidth - 1, height());

    if (spp <= 0) {
        p.fillRect(QRect(0, kRulerHeight, m_headerWidth, height()), pal.color(QPalette::Window));
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(lanes, Qt::AlignCenter, tr("Open a video to see its timeline"));
    }

    // Guides over the lanes: rubber band, snap line.
    p.setClipRect(lanes & dirty);
    if (m_drag == Drag::RubberBand && !m_rubberBand.isEmpty()) {
        p.setPen(pal.color(QPalette::Highlight));
        p.setBrush(withAlpha(pal.color(QPalette::Highlight), 40));
        p.drawRect(m_rubberBand.normalized().adjusted(0, 0, -1, -1));
    }
    if (m_snapLine >= 0 && spp > 0) {
        const double x = xForTime(Time::fromMicroseconds(m_snapLine));
        QPen pen(pal.color(QPalette::Highlight), 1, Qt::DashLine);
        p.setPen(pen);
        p.drawLine(QPointF(x, lanes.top()), QPointF(x, lanes.bottom()));
    }
    p.setClipping(false);

    paintRuler(p, QRect(0, 0, width(), kRulerHeight));

    // The playhead, over everything.
    if (spp > 0) {
        const int x = int(std::lround(xForTime(m_axis->playhead())));
        m_lastPlayheadX = x;
        if (x >= lanes.left() && x <= lanes.right()) {
            const QColor red = isDark(pal) ? QColor(0xff, 0x5a, 0x5a) : QColor(0xe0, 0x30, 0x30);
            p.setPen(QPen(red, 1));
            p.drawLine(x, kRulerHeight - 8, x, height());
            QPainterPath head;
            head.moveTo(x - 5, kRulerHeight - 10);
            head.lineTo(x + 5, kRulerHeight - 10);
            head.lineTo(x, kRulerHeight - 3);
            head.closeSubpath();
            p.setRenderHint(QPainter::Antialiasing);
            p.fillPath(head, red);
            p.setRenderHint(QPainter::Antialiasing, false);
        }
    }
}

const QPixmap &TimelineView::headerColumn()
{
    // The names column changes only with the rows, the vertical scroll, the size and the
    // palette: scrolling and zooming in time reuse it.
    const QSize size(m_headerWidth, std::max(1, height() - kRulerHeight));
    const QString key = QStringLiteral("%1.%7/%2/%3x%4/%5/%6")
                            .arg(m_rowsVersion)
                            .arg(m_scrollY)
                            .arg(size.width())
                            .arg(size.height())
                            .arg(palette().cacheKey())
                            .arg(font().key())
                            .arg(m_itemsVersion);
    if (key == m_headerKey && !m_header.isNull())
        return m_header;
    m_headerKey = key;
    const qreal dpr = devicePixelRatioF();
    m_header = QPixmap(size * dpr);
    m_header.setDevicePixelRatio(dpr);
    m_header.fill(palette().color(QPalette::Window));
    QPainter p(&m_header);
    p.translate(0, -kRulerHeight);
    const int count = m_session ? int(m_session->model()->rows().size()) : 0;
    for (int i = std::max(0, rowAt(kRulerHeight)); i < count; ++i) {
        const QRect r = rowRect(i);
        if (r.isEmpty())
            break;
        p.save();
        p.setClipRect(QRect(0, r.top(), m_headerWidth, r.height()));
        paintHeader(p, i, QRect(0, r.top(), m_headerWidth, r.height()));
        p.restore();
    }
    return m_header;
}

void TimelineView::paintRuler(QPainter &p, const QRect &area)
{
    const QPalette pal = palette();
    p.fillRect(area, mix(pal.color(QPalette::Window), pal.color(QPalette::Base), 0.3));
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(area.left(), area.bottom(), area.right(), area.bottom());

    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p.setFont(small);

    // The corner: the playhead time, exactly.
    const QRect corner(0, 0, m_headerWidth, kRulerHeight);
    p.fillRect(corner.adjusted(0, 0, 0, -1), pal.color(QPalette::Window));
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(m_headerWidth - 1, 0, m_headerWidth - 1, kRulerHeight);
    if (m_axis->duration() > Time()) {
        QFont mono = small;
        mono.setFamily(QStringLiteral("monospace"));
        mono.setStyleHint(QFont::TypeWriter);
        p.setFont(mono);
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(corner.adjusted(10, 0, -8, 0),
                   Qt::AlignVCenter | Qt::AlignLeft,
                   formatTime(m_axis->playhead(), TimeFormat::Precise));
        p.setFont(small);
    }

    const QRect lanes = laneArea();
    const double spp = m_axis->secondsPerPixel(lanes.width());
    if (spp <= 0)
        return;
    p.save();
    p.setClipRect(QRect(lanes.left(), 0, lanes.width(), kRulerHeight));
    const double major = rulerTickSeconds(spp, 80);
    const double minor = major / 5;
    const double visibleStart = m_axis->visibleStart().seconds();
    const double visibleEnd = m_axis->visibleEnd().seconds();
    for (qint64 i = qint64(std::floor(visibleStart / minor)); i * minor <= visibleEnd + 1e-9; ++i) {
        const double t = i * minor;
        const int x = lanes.left() + int(std::lround((t - visibleStart) / spp));
        const bool isMajor = i % 5 == 0;
        p.setPen(isMajor ? pal.color(QPalette::WindowText) : pal.color(QPalette::Mid));
        p.drawLine(x, kRulerHeight - (isMajor ? 9 : 5), x, kRulerHeight - 1);
        if (isMajor) {
            const Time at = Time::fromSeconds(t);
            const QString label = major < 1 ? formatTime(at, TimeFormat::Precise).mid(3)
                                            : formatTime(at);
            p.drawText(x + 4, kRulerHeight - 10, label);
        }
    }
    p.restore();
}

void TimelineView::paintRow(QPainter &p, int rowIndex, const QRect &rect)
{
    const QPalette pal = palette();
    const TimelineRow &row = m_session->model()->rows().at(rowIndex);
    const bool dark = isDark(pal);
    const QColor base = pal.color(QPalette::Base);
    const QColor window = pal.color(QPalette::Window);
    QColor background;
    switch (row.kind) {
    case TimelineRowKind::Group:
        background = mix(window, base, dark ? 0.0 : 0.15);
        break;
    case TimelineRowKind::Modality:
        background = mix(window, base, 0.55);
        break;
    case TimelineRowKind::Class:
        background = (rowIndex % 2) ? pal.color(QPalette::AlternateBase) : base;
        break;
    }
    p.fillRect(rect, background);

    // Time grid.
    const double spp = m_axis->secondsPerPixel(rect.width());
    const double major = rulerTickSeconds(spp, 80);
    const double visibleStart = m_axis->visibleStart().seconds();
    const double visibleEnd = m_axis->visibleEnd().seconds();
    p.setPen(withAlpha(pal.color(QPalette::Mid), dark ? 70 : 90));
    for (qint64 i = qint64(std::floor(visibleStart / major)); i * major <= visibleEnd + 1e-9; ++i) {
        const int x = rect.left() + int(std::lround((i * major - visibleStart) / spp));
        p.drawLine(x, rect.top(), x, rect.bottom());
    }
    // Frame boundaries once frames are wide enough to aim at.
    const qint64 frame = frameDuration();
    if (frame > 0 && frame / 1e6 / spp >= 8 && row.kind == TimelineRowKind::Class) {
        p.setPen(withAlpha(pal.color(QPalette::Mid), 45));
        const qint64 first = m_axis->visibleStart().microseconds() / frame;
        for (qint64 f = first; f * frame <= m_axis->visibleEnd().microseconds(); ++f) {
            const int x = rect.left() + int(std::lround((f * frame / 1e6 - visibleStart) / spp));
            p.drawLine(x, rect.top(), x, rect.bottom());
        }
    }

    // Separator under the row.
    p.setPen(withAlpha(pal.color(QPalette::Mid), row.kind == TimelineRowKind::Class ? 60 : 140));
    p.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom());

    if (row.kind == TimelineRowKind::Modality && !row.collapsed) {
        const bool drawing = (m_drag == Drag::Draw && m_drawRow == rowIndex);
        if (!drawing) {
            p.setPen(pal.color(QPalette::PlaceholderText));
            QFont f = font();
            f.setItalic(true);
            f.setPointSizeF(f.pointSizeF() * 0.9);
            p.setFont(f);
            QString hint;
            switch (row.modality) {
            case Modality::Audio:
                hint = tr("Drag here to mark a new audio event");
                break;
            case Modality::Visual:
                hint = tr("Drag here to mark a new visual event");
                break;
            case Modality::AudioVisual:
                hint = tr("Drag here to mark a new audio-visual event");
                break;
            case Modality::Unspecified:
                hint = tr("Drag here to add a clip label");
                break;
            }
            // At the left edge of the visible lanes, so it stays in view while scrolling.
            p.drawText(rect.adjusted(12, 0, -8, 0), Qt::AlignVCenter | Qt::AlignLeft, hint);
        }
    }

    if (showsItems(row)) {
        const bool summary = row.kind != TimelineRowKind::Class;
        const QRectF upper = confirmedBand(row, rect);
        const QRectF lower = proposalBand(row, rect);
        const LabelSet *labels = summary ? m_session->model()->labelSetOfGroup(row.group) : nullptr;
        BandCanvas confirmed, proposed;
        confirmed.line.assign(size_t(rect.width()), 0);
        proposed.line.assign(size_t(rect.width()), 0);
        forEachLaneOfRow(row, [&](const TimelineLanes &lanes, int classIndex) {
            collectLane(proposed, lanes.proposals, classIndex, true, summary);
            collectLane(confirmed, lanes.confirmed, classIndex, false, summary);
        });
        paintBand(p, proposed, lower, true, labels);
        paintBand(p, confirmed, upper, false, labels);
    }

    // The event being drawn.
    if (m_drag == Drag::Draw && m_drawRow == rowIndex) {
        const double x0 = xForTime(Time::fromMicroseconds(m_drawStart));
        const double x1 = xForTime(Time::fromMicroseconds(m_drawEnd));
        const QRectF band = row.kind == TimelineRowKind::Class ? confirmedBand(row, rect)
                                                               : QRectF(rect.adjusted(0, 4, 0, -5));
        const QColor c = row.kind == TimelineRowKind::Class ? classColor(row.classIndex, pal)
                                                            : pal.color(QPalette::Highlight);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(c.darker(140), 1, Qt::DashLine));
        p.setBrush(withAlpha(c, 150));
        p.drawRoundedRect(QRectF(x0, band.top(), std::max(1.0, x1 - x0), band.height()), 3, 3);
        p.setRenderHint(QPainter::Antialiasing, false);
        const QString length = QStringLiteral("%1 s").arg(
            QString::number((m_drawEnd - m_drawStart) / 1e6, 'f', 2));
        p.setPen(pal.color(QPalette::Text));
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * 0.85);
        p.setFont(f);
        p.drawText(QPointF(x1 + 6, band.center().y() + p.fontMetrics().ascent() / 2.0 - 1), length);
    }
}

void TimelineView::collectLane(BandCanvas &canvas,
                               const TimelineLane &lane,
                               int classIndex,
                               bool proposals,
                               bool summary) const
{
    const double mergeWidth = summary ? kSummaryMergeWidth : kMergeWidth;
    if (lane.isEmpty())
        return;
    const int widthPx = int(canvas.line.size());
    const qint64 start = m_axis->visibleStart().microseconds();
    const qint64 end = m_axis->visibleEnd().microseconds();
    const double usPerPixel = double(end - start) / widthPx;
    // A move drags selected items in from outside the window.
    const bool moving = m_drag == Drag::Move && m_moveDelta != 0;
    const bool resizing = m_drag == Drag::Resize;
    qint64 margin = moving ? std::abs(m_moveDelta) : 0;
    if (resizing)
        margin = std::max(margin,
                          std::abs(m_resizeOnset - m_pressHit.onset)
                              + std::abs(m_resizeOffset - m_pressHit.offset)
                              + (m_pressHit.offset - m_pressHit.onset));

    QColor c = classColor(classIndex, palette());
    if (proposals)
        c.setAlpha(150);
    const QRgb pixel = qPremultiply(c.rgba());
    QRgb *line = canvas.line.data();

    // Everything left of `covered` (pixels) is drawn already: items hidden under it are skipped.
    double covered = -1e9;
    const std::vector<TimelineItem> &items = lane.items();
    for (size_t i = lane.firstOverlapping(start - margin); i < items.size(); ++i) {
        const TimelineItem &item = items[i];
        if (item.onset >= end + margin)
            break;
        qint64 onset = item.onset, offset = item.offset;
        if (moving && item.selected) {
            onset += m_moveDelta;
            offset += m_moveDelta;
        } else if (resizing && item.id == m_resizeId) {
            onset = m_resizeOnset;
            offset = m_resizeOffset;
        }
        if (offset <= start || onset >= end)
            continue;
        const double x0 = std::max(-4.0, double(onset - start) / usPerPixel);
        const double x1 = std::min(widthPx + 4.0, double(offset - start) / usPerPixel);
        if (x1 <= covered + 0.5 && !item.selected)
            continue;
        covered = std::max(covered, x1);
        if (x1 - x0 < mergeWidth && !item.selected) {
            const int px0 = std::max(0, int(std::floor(x0)));
            const int px1 = std::min(widthPx, std::max(px0 + 1, int(std::ceil(x1))));
            for (int x = px0; x < px1; ++x)
                line[x] = pixel;
            canvas.anyNarrow = true;
            continue;
        }
        const int ix0 = int(std::lround(x0));
        canvas.wide.push_back({ix0, std::max(2, int(std::lround(x1)) - ix0), classIndex, &item});
    }
}

void TimelineView::paintBand(QPainter &p,
                             BandCanvas &canvas,
                             const QRectF &band,
                             bool proposals,
                             const LabelSet *summaryLabels)
{
    const int left = int(band.left());
    const int top = int(band.top());
    const int height = int(band.height());
    if (canvas.anyNarrow) {
        const QImage line(reinterpret_cast<const uchar *>(canvas.line.data()),
                          int(canvas.line.size()),
                          1,
                          QImage::Format_ARGB32_Premultiplied);
        p.drawImage(QRect(left, top, line.width(), height), line);
    }
    if (canvas.wide.empty())
        return;

    const QPalette &pal = palette();
    const bool dark = isDark(pal);
    const QColor highlight = pal.color(QPalette::Highlight);
    const QColor rejectedInk = withAlpha(pal.color(QPalette::Mid), dark ? 200 : 230);
    const QBrush rejectedBrush(rejectedInk, Qt::BDiagPattern);
    int labelUntil = std::numeric_limits<int>::min();
    int colorsOf = -1;
    QColor color, border, markColor, proposalFill;
    QFont labelFont = font();
    labelFont.setPointSizeF(labelFont.pointSizeF() * 0.8);
    for (const BandCanvas::Wide &w : canvas.wide) {
        if (w.classIndex != colorsOf) {
            colorsOf = w.classIndex;
            color = classColor(w.classIndex, pal).toRgb();
            border = (dark ? color.lighter(135) : color.darker(135)).toRgb();
            markColor = textColorOn(color);
            proposalFill = withAlpha(color, 170);
        }
        const TimelineItem &item = *w.item;
        const QRect r(left + w.x, top, w.width, height);
        if (!proposals) {
            p.fillRect(r, item.selected ? color.lighter(118) : color);
            if (r.width() >= 4) {
                p.setPen(border);
                p.setBrush(Qt::NoBrush);
                p.drawRect(r.adjusted(0, 0, -1, -1));
            }
            if (item.fromModel && r.width() >= 8) {
                // Came from a model: a small corner mark keeps its history visible.
                for (int k = 0; k < 5; ++k)
                    p.fillRect(QRect(r.left() + 1, r.top() + 1 + k, 5 - k, 1), markColor);
            }
            if (summaryLabels && r.width() > 48 && r.left() >= labelUntil) {
                // Collapsed rows say what each event is.
                p.setFont(labelFont);
                p.setPen(markColor);
                const QRect text = r.adjusted(8, 0, -3, 0);
                p.drawText(text,
                           Qt::AlignVCenter | Qt::AlignLeft,
                           p.fontMetrics().elidedText(displayClassName(
                                                          summaryLabels->className(w.classIndex)),
                                                      Qt::ElideRight,
                                                      text.width()));
                labelUntil = r.right();
            }
        } else if (item.status == SegmentStatus::Rejected) {
            p.fillRect(r, rejectedBrush);
            p.setPen(rejectedInk);
            p.setBrush(Qt::NoBrush);
            p.drawRect(r.adjusted(0, 0, -1, -1));
        } else {
            // Proposals: an outline over the band, filled to the height of the confidence.
            const double conf = std::clamp(item.confidence, 0.0, 1.0);
            const int h = std::max(2, int(std::lround(height * conf)));
            p.fillRect(QRect(r.left(), r.bottom() + 1 - h, r.width(), h), proposalFill);
            p.setPen(border);
            p.setBrush(Qt::NoBrush);
            p.drawRect(r.adjusted(0, 0, -1, -1));
        }
        if (item.selected) {
            // A ring in the highlight colour with a thin contrasting line inside, visible on
            // any class colour.
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(highlight, 2));
            p.drawRect(QRectF(r).adjusted(-1, -1, 1, 1));
            p.setPen(QPen(pal.color(QPalette::Base), 1));
            p.drawRect(r.adjusted(1, 1, -2, -2));
        }
    }
}

void TimelineView::paintDisclosure(QPainter &p, const QRect &rect, bool open) const
{
    const QPointF c = QRectF(rect).center();
    QPainterPath path;
    if (open) {
        path.moveTo(c.x() - 4, c.y() - 2);
        path.lineTo(c.x() + 4, c.y() - 2);
        path.lineTo(c.x(), c.y() + 3);
    } else {
        path.moveTo(c.x() - 2, c.y() - 4);
        path.lineTo(c.x() + 3, c.y());
        path.lineTo(c.x() - 2, c.y() + 4);
    }
    path.closeSubpath();
    p.setRenderHint(QPainter::Antialiasing);
    p.fillPath(path, palette().color(QPalette::WindowText));
    p.setRenderHint(QPainter::Antialiasing, false);
}

void TimelineView::paintHeader(QPainter &p, int rowIndex, const QRect &rect)
{
    const QPalette pal = palette();
    const TimelineModel *model = m_session->model();
    const TimelineRow &row = model->rows().at(rowIndex);
    const QColor window = pal.color(QPalette::Window);
    p.fillRect(rect,
               row.kind == TimelineRowKind::Group ? window.darker(isDark(pal) ? 90 : 104) : window);
    p.setPen(withAlpha(pal.color(QPalette::Mid), row.kind == TimelineRowKind::Class ? 60 : 140));
    p.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom());
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(rect.right(), rect.top(), rect.right(), rect.bottom());

    QFont f = font();
    const QFontMetrics fm(f);
    switch (row.kind) {
    case TimelineRowKind::Group: {
        const TimelineGroup &g = model->groups().at(row.group);
        paintDisclosure(p, QRect(rect.left() + 4, rect.top(), 14, rect.height()), !row.collapsed);
        QFont bold = f;
        bold.setBold(true);
        p.setFont(bold);
        p.setPen(pal.color(QPalette::WindowText));
        const LabelSet *set = model->labelSetOfGroup(row.group);
        QString title = g.name;
        if (set && set->id == kAveLabelSetId)
            title = tr("%1 · event localization").arg(g.name);
        else if (set && set->name != g.name)
            title = tr("%1 · %2").arg(g.name, set->name);
        // How many events the group holds, and how many proposals wait for review.
        int events = 0, open = 0;
        model->forEachLane([&](const TimelineLaneKey &key, const TimelineLanes &lanes) {
            if (key.group != row.group)
                return;
            events += lanes.confirmed.size();
            for (const TimelineItem &item : lanes.proposals.items())
                open += item.status == SegmentStatus::Proposed ? 1 : 0;
        });
        QFont small = f;
        small.setPointSizeF(f.pointSizeF() * 0.85);
        const QString counts = open > 0 ? tr("%1 · %2 open").arg(events).arg(open)
                                        : QString::number(events);
        const int countsWidth = QFontMetrics(small).horizontalAdvance(counts) + 10;
        p.setFont(small);
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect.adjusted(0, 0, -8, 0), Qt::AlignVCenter | Qt::AlignRight, counts);
        p.setFont(bold);
        p.setPen(pal.color(QPalette::WindowText));
        const QRect text = rect.adjusted(22, 0, -8 - countsWidth, 0);
        p.drawText(text,
                   Qt::AlignVCenter | Qt::AlignLeft,
                   QFontMetrics(bold).elidedText(title, Qt::ElideRight, text.width()));
        break;
    }
    case TimelineRowKind::Modality: {
        paintDisclosure(p, QRect(rect.left() + 14, rect.top(), 14, rect.height()), !row.collapsed);
        p.setFont(f);
        p.setPen(pal.color(QPalette::WindowText));
        const QRect text = rect.adjusted(32, 0, -8, 0);
        p.drawText(text,
                   Qt::AlignVCenter | Qt::AlignLeft,
                   fm.elidedText(sectionTitle(row.modality), Qt::ElideRight, text.width()));
        break;
    }
    case TimelineRowKind::Class: {
        const LabelSet *set = model->labelSetOfGroup(row.group);
        const QColor c = classColor(row.classIndex, pal);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(isDark(pal) ? c.lighter(130) : c.darker(130));
        p.setBrush(c);
        p.drawRoundedRect(QRectF(rect.left() + 34.5, rect.center().y() - 5.5, 11, 11), 3, 3);
        p.setRenderHint(QPainter::Antialiasing, false);
        int x = rect.left() + 52;
        const int quick = int(model->quickClasses(row.group).indexOf(row.classIndex));
        if (quick >= 0 && quick < 10) {
            // The number key that gives this class.
            QFont small = f;
            small.setPointSizeF(f.pointSizeF() * 0.8);
            p.setFont(small);
            const QRectF badge(x, rect.center().y() - 7.5, 15, 15);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(pal.color(QPalette::Mid));
            p.setBrush(pal.color(QPalette::Base));
            p.drawRoundedRect(badge, 3, 3);
            p.setRenderHint(QPainter::Antialiasing, false);
            p.setPen(pal.color(QPalette::WindowText));
            p.drawText(badge, Qt::AlignCenter, QString::number((quick + 1) % 10));
            x += 20;
        }
        p.setFont(f);
        p.setPen(pal.color(QPalette::WindowText));
        const QString name = set ? displayClassName(set->className(row.classIndex))
                                 : QString::number(row.classIndex);
        const QRect text(x, rect.top(), rect.right() - x - 6, rect.height());
        p.drawText(text,
                   Qt::AlignVCenter | Qt::AlignLeft,
                   fm.elidedText(name, Qt::ElideRight, text.width()));
        break;
    }
    }
}

// --- hit testing ---

TimelineView::Hit TimelineView::hitTest(const QPointF &pos) const
{
    Hit hit;
    hit.row = rowAt(int(pos.y()));
    if (!m_session || hit.row < 0 || pos.x() < m_headerWidth)
        return hit;
    const TimelineRow &row = m_session->model()->rows().at(hit.row);
    if (!showsItems(row))
        return hit;
    const QRect r = rowRect(hit.row);
    const QRect lanes = laneArea();
    const QRect rect(lanes.left(), r.top(), lanes.width(), r.height());
    const QRectF lower = proposalBand(row, rect);
    // The band under the mouse first: the proposals band covers the lower part of the row.
    const bool inLower = !lower.isEmpty() && pos.y() >= lower.top() - 1;

    const qint64 usPerPixel = std::max<qint64>(1,
                                               qint64(double(m_axis->visibleLength().microseconds())
                                                      / lanes.width()));
    const qint64 t = timeForX(pos.x()).microseconds();
    const qint64 slack = usPerPixel * 3;
    double bestWidth = 1e300;
    auto search = [&](const TimelineLane &lane) {
        const std::vector<TimelineItem> &items = lane.items();
        for (size_t i = lane.firstOverlapping(t - slack); i < items.size(); ++i) {
            const TimelineItem &item = items[i];
            if (item.onset > t + slack)
                break;
            if (item.offset < t - slack)
                continue;
            const double width = double(item.offset - item.onset);
            // The narrowest item under the mouse wins (a short event on a long one).
            if (width < bestWidth) {
                bestWidth = width;
                hit.id = item.id;
                hit.onset = item.onset;
                hit.offset = item.offset;
            }
        }
    };
    forEachLaneOfRow(row, [&](const TimelineLanes &lanes, int) {
        search(inLower ? lanes.proposals : lanes.confirmed);
    });
    if (!hit.id) {
        forEachLaneOfRow(row, [&](const TimelineLanes &lanes, int) {
            search(inLower ? lanes.confirmed : lanes.proposals);
        });
    }
    if (!hit.id)
        return hit;
    const double x0 = xForTime(Time::fromMicroseconds(hit.onset));
    const double x1 = xForTime(Time::fromMicroseconds(hit.offset));
    hit.part = Part::Body;
    if (x1 - x0 >= 3 * edgeZone()) {
        if (std::abs(pos.x() - x0) <= edgeZone())
            hit.part = Part::LeftEdge;
        else if (std::abs(pos.x() - x1) <= edgeZone())
            hit.part = Part::RightEdge;
    } else if (x1 - x0 >= 6) {
        if (pos.x() < x0 + 2)
            hit.part = Part::LeftEdge;
        else if (pos.x() > x1 - 2)
            hit.part = Part::RightEdge;
    }
    return hit;
}

QRectF TimelineView::segmentRect(SegmentId id) const
{
    if (!m_session)
        return {};
    TimelineLaneKey key;
    const TimelineItem *item = m_session->model()->item(id, &key);
    if (!item)
        return {};
    int row = findRow(TimelineRowKind::Class, key.group, key.modality, key.classIndex);
    if (row < 0)
        row = findRow(TimelineRowKind::Modality, key.group, key.modality);
    if (row < 0)
        row = findRow(TimelineRowKind::Group, key.group, key.modality);
    const QRect r = rowRect(row);
    if (r.isEmpty())
        return {};
    const TimelineRow &tr = m_session->model()->rows().at(row);
    const QRect lanes = laneArea();
    const QRect rect(lanes.left(), r.top(), lanes.width(), r.height());
    const QRectF band = isProposalLane(item->status) ? proposalBand(tr, rect)
                                                     : confirmedBand(tr, rect);
    const double x0 = xForTime(Time::fromMicroseconds(item->onset));
    const double x1 = xForTime(Time::fromMicroseconds(item->offset));
    return QRectF(x0, band.top(), x1 - x0, band.height()) & QRectF(lanes);
}

// --- snapping ---

void TimelineView::startSnapping(const QList<SegmentId> &exclude)
{
    m_snapTargets.clear();
    m_snapLine = -1;
    if (!m_session)
        return;
    const QSet<SegmentId> skip(exclude.begin(), exclude.end());
    const qint64 span = m_axis->visibleLength().microseconds();
    const qint64 from = m_axis->visibleStart().microseconds() - span;
    const qint64 to = m_axis->visibleEnd().microseconds() + span;
    m_session->model()->forEachLane([&](const TimelineLaneKey &, const TimelineLanes &lanes) {
        for (const TimelineLane *lane : {&lanes.confirmed, &lanes.proposals}) {
            const std::vector<TimelineItem> &items = lane->items();
            for (size_t i = lane->firstOverlapping(from); i < items.size(); ++i) {
                const TimelineItem &item = items[i];
                if (item.onset > to)
                    break;
                if (skip.contains(item.id))
                    continue;
                m_snapTargets.push_back(item.onset);
                m_snapTargets.push_back(item.offset);
            }
        }
    });
    m_snapTargets.push_back(m_axis->playhead().microseconds());
    std::sort(m_snapTargets.begin(), m_snapTargets.end());
    m_snapTargets.erase(std::unique(m_snapTargets.begin(), m_snapTargets.end()),
                        m_snapTargets.end());
}

qint64 TimelineView::snapTime(qint64 t, bool snap, bool *toBoundary) const
{
    if (toBoundary)
        *toBoundary = false;
    if (!snap)
        return t;
    const double usPerPixel = double(m_axis->visibleLength().microseconds())
                              / std::max(1, laneArea().width());
    const qint64 reach = qint64(snapDistance() * usPerPixel);
    const auto it = std::lower_bound(m_snapTargets.begin(), m_snapTargets.end(), t);
    qint64 best = -1, bestDistance = reach + 1;
    if (it != m_snapTargets.end() && *it - t < bestDistance) {
        best = *it;
        bestDistance = *it - t;
    }
    if (it != m_snapTargets.begin() && t - *(it - 1) < bestDistance) {
        best = *(it - 1);
        bestDistance = t - *(it - 1);
    }
    if (best >= 0) {
        if (toBoundary)
            *toBoundary = true;
        return best;
    }
    const qint64 frame = frameDuration();
    if (frame > 0) {
        const double fps = 1e6 / double(frame);
        const double exactFps = m_session && m_session->document()
                                    ? m_session->document()->video().frameRate
                                    : fps;
        const double k = std::round(double(t) * exactFps / 1e6);
        return qint64(std::llround(k * 1e6 / exactFps));
    }
    return t;
}

qint64 TimelineView::snappedMoveDelta(qint64 delta, bool snap)
{
    m_snapLine = -1;
    if (!snap)
        return delta;
    const qint64 onset = m_pressHit.onset + delta;
    const qint64 offset = m_pressHit.offset + delta;
    bool onsetSnapped = false, offsetSnapped = false;
    const qint64 a = snapTime(onset, true, &onsetSnapped);
    const qint64 b = snapTime(offset, true, &offsetSnapped);
    if (onsetSnapped && (!offsetSnapped || std::abs(a - onset) <= std::abs(b - offset))) {
        m_snapLine = a;
        return delta + (a - onset);
    }
    if (offsetSnapped) {
        m_snapLine = b;
        return delta + (b - offset);
    }
    return delta + (a - onset); // onto the frame grid
}

// --- mouse ---

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    m_pressPos = pos;
    m_drag = Drag::None;
    if (event->button() != Qt::LeftButton)
        return;
    if (pos.y() < kRulerHeight) {
        if (pos.x() >= m_headerWidth) {
            m_drag = Drag::Seek;
            Q_EMIT seekRequested(
                Time::fromMicroseconds(clampToVideo(timeForX(pos.x()).microseconds())));
        }
        return;
    }
    if (!m_session || m_axis->duration() <= Time())
        return;
    m_pressHit = hitTest(pos);
    const int row = m_pressHit.row;
    if (row < 0)
        return;
    const TimelineRow &r = m_session->model()->rows().at(row);
    if (pos.x() < m_headerWidth) {
        // Names column: collapse and expand.
        if (r.kind == TimelineRowKind::Group)
            m_session->model()->setGroupCollapsed(r.group, !r.collapsed);
        else if (r.kind == TimelineRowKind::Modality)
            m_session->model()->setSectionCollapsed(r.group, r.modality, !r.collapsed);
        return;
    }
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (m_pressHit.id) {
        if (ctrl) {
            m_session->toggleSelected(m_pressHit.id);
            return;
        }
        if (!m_session->isSelected(m_pressHit.id))
            m_session->setSelection({m_pressHit.id});
        else {
            // Keep the selection (to drag it all) but make this one the current.
            QList<SegmentId> ids = m_session->selection();
            ids.removeAll(m_pressHit.id);
            ids.append(m_pressHit.id);
            m_session->setSelection(ids);
        }
        if (m_pressHit.part == Part::Body) {
            m_drag = Drag::PendingMove;
        } else {
            m_drag = Drag::Resize;
            m_resizeId = m_pressHit.id;
            m_resizeOnset = m_pressHit.onset;
            m_resizeOffset = m_pressHit.offset;
            startSnapping({m_pressHit.id});
        }
        return;
    }
    if (ctrl) {
        m_drag = Drag::RubberBand;
        m_rubberBand = QRect(pos.toPoint(), QSize(1, 1));
        return;
    }
    if (acceptsDrawing(r)) {
        m_drag = Drag::PendingDraw;
        m_drawRow = row;
        startSnapping({});
        const bool snap = !(event->modifiers() & Qt::ShiftModifier);
        m_drawAnchor = clampToVideo(snapTime(timeForX(pos.x()).microseconds(), snap));
        m_drawStart = m_drawEnd = m_drawAnchor;
        return;
    }
    // A header row's lane: seek.
    m_drag = Drag::PendingDraw;
    m_drawRow = -1;
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (!(event->buttons() & Qt::LeftButton) || m_drag == Drag::None) {
        updateCursor(pos);
        return;
    }
    const bool snap = !(event->modifiers() & Qt::ShiftModifier);
    const bool beyondThreshold = std::abs(pos.x() - m_pressPos.x()) >= kMinDrawPixels
                                 || std::abs(pos.y() - m_pressPos.y()) >= kMinDrawPixels;
    switch (m_drag) {
    case Drag::Seek:
        Q_EMIT seekRequested(Time::fromMicroseconds(clampToVideo(timeForX(pos.x()).microseconds())));
        return;
    case Drag::PendingDraw:
        if (!beyondThreshold || m_drawRow < 0)
            return;
        m_drag = Drag::Draw;
        [[fallthrough]];
    case Drag::Draw: {
        bool boundary = false;
        const qint64 t = clampToVideo(snapTime(timeForX(pos.x()).microseconds(), snap, &boundary));
        m_snapLine = boundary ? t : -1;
        m_drawStart = std::min(m_drawAnchor, t);
        m_drawEnd = std::max(m_drawAnchor, t);
        update();
        return;
    }
    case Drag::PendingMove:
        if (!beyondThreshold)
            return;
        m_drag = Drag::Move;
        startSnapping(m_session->selection());
        setCursor(Qt::ClosedHandCursor);
        [[fallthrough]];
    case Drag::Move: {
        const qint64 raw = timeForX(pos.x()).microseconds()
                           - timeForX(m_pressPos.x()).microseconds();
        m_moveDelta = snappedMoveDelta(raw, snap);
        // Keep the grabbed event inside the video (the command limits the others).
        m_moveDelta = std::clamp(m_moveDelta,
                                 -m_pressHit.onset,
                                 m_axis->duration().microseconds() - m_pressHit.offset);
        update();
        return;
    }
    case Drag::Resize: {
        bool boundary = false;
        const qint64 t = clampToVideo(snapTime(timeForX(pos.x()).microseconds(), snap, &boundary));
        m_snapLine = boundary ? t : -1;
        const qint64 minimum = std::max<qint64>(1000, frameDuration());
        if (m_pressHit.part == Part::LeftEdge)
            m_resizeOnset = std::min(t, m_pressHit.offset - minimum);
        else
            m_resizeOffset = std::max(t, m_pressHit.onset + minimum);
        m_resizeOnset = std::max<qint64>(0, m_resizeOnset);
        update();
        return;
    }
    case Drag::RubberBand:
        m_rubberBand = QRect(m_pressPos.toPoint(), pos.toPoint()).normalized();
        update();
        return;
    case Drag::None:
        return;
    }
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    finishDrag(event);
    updateCursor(event->position());
}

void TimelineView::finishDrag(QMouseEvent *event)
{
    const Drag drag = std::exchange(m_drag, Drag::None);
    m_snapLine = -1;
    switch (drag) {
    case Drag::None:
    case Drag::Seek:
        break;
    case Drag::PendingDraw:
        // A click on empty space: deselect and seek there.
        m_session->clearSelection();
        Q_EMIT seekRequested(
            Time::fromMicroseconds(clampToVideo(timeForX(m_pressPos.x()).microseconds())));
        break;
    case Drag::Draw: {
        const int row = m_drawRow;
        m_drawRow = -1;
        update();
        const qint64 minimum = std::max<qint64>(1000, frameDuration() / 2);
        if (m_drawEnd - m_drawStart < minimum || row < 0)
            break;
        const TimelineRow r = m_session->model()->rows().at(row);
        const Time onset = Time::fromMicroseconds(m_drawStart);
        const Time offset = Time::fromMicroseconds(m_drawEnd);
        if (r.kind == TimelineRowKind::Class) {
            m_session->drawSegment(r.group, r.modality, r.classIndex, onset, offset);
        } else if (const LabelSet *set = m_session->model()->labelSetOfGroup(r.group)) {
            const std::optional<int> cls = ClassPicker::choose(this,
                                                               *set,
                                                               -1,
                                                               m_session->model()->quickClasses(
                                                                   r.group),
                                                               event->globalPosition().toPoint());
            if (cls)
                m_session->drawSegment(r.group, r.modality, *cls, onset, offset);
        }
        break;
    }
    case Drag::PendingMove:
        // A click on a selected event of a larger selection selects it alone.
        if (m_session->selection().size() > 1)
            m_session->setSelection({m_pressHit.id});
        break;
    case Drag::Move: {
        const qint64 delta = std::exchange(m_moveDelta, 0);
        update();
        if (delta != 0)
            m_session->moveSelection(Time::fromMicroseconds(delta));
        break;
    }
    case Drag::Resize: {
        const SegmentId id = std::exchange(m_resizeId, 0);
        update();
        if (m_resizeOnset != m_pressHit.onset || m_resizeOffset != m_pressHit.offset)
            m_session->resizeSegment(id,
                                     Time::fromMicroseconds(m_resizeOnset),
                                     Time::fromMicroseconds(m_resizeOffset));
        break;
    }
    case Drag::RubberBand:
        selectInRubberBand(m_rubberBand);
        m_rubberBand = QRect();
        update();
        break;
    }
}

void TimelineView::selectInRubberBand(const QRect &band)
{
    if (!m_session || band.isEmpty())
        return;
    QList<SegmentId> ids = m_session->selection();
    const qint64 from = timeForX(band.left()).microseconds();
    const qint64 to = timeForX(band.right()).microseconds();
    const QList<TimelineRow> &rows = m_session->model()->rows();
    const QRect lanes = laneArea();
    for (int i = 0; i < rows.size(); ++i) {
        const QRect r = rowRect(i);
        if (r.isEmpty() || !r.intersects(band) || !showsItems(rows.at(i)))
            continue;
        const QRect rect(lanes.left(), r.top(), lanes.width(), r.height());
        const bool upper = confirmedBand(rows.at(i), rect).toRect().intersects(band);
        const QRectF lowerBand = proposalBand(rows.at(i), rect);
        const bool lower = !lowerBand.isEmpty() && lowerBand.toRect().intersects(band);
        forEachLaneOfRow(rows.at(i), [&](const TimelineLanes &l, int) {
            for (const auto &[lane, wanted] :
                 {std::pair{&l.confirmed, upper}, std::pair{&l.proposals, lower}}) {
                if (!wanted)
                    continue;
                const std::vector<TimelineItem> &items = lane->items();
                for (size_t k = lane->firstOverlapping(from); k < items.size(); ++k) {
                    if (items[k].onset >= to)
                        break;
                    if (items[k].offset > from)
                        ids.append(items[k].id);
                }
            }
        });
    }
    m_session->setSelection(ids);
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (!m_session || event->button() != Qt::LeftButton)
        return;
    const Hit hit = hitTest(event->position());
    if (!hit.id)
        return;
    m_drag = Drag::None;
    TimelineLaneKey key;
    if (!m_session->model()->item(hit.id, &key))
        return;
    const LabelSet *set = m_session->model()->labelSetOfGroup(key.group);
    if (!set)
        return;
    m_session->setSelection({hit.id});
    const std::optional<int> cls = ClassPicker::choose(this,
                                                       *set,
                                                       key.classIndex,
                                                       m_session->model()->quickClasses(key.group),
                                                       event->globalPosition().toPoint());
    if (cls)
        m_session->relabelSelection(*cls);
}

void TimelineView::updateCursor(const QPointF &pos)
{
    if (m_drag == Drag::Move)
        return;
    const Hit hit = hitTest(pos);
    if (hit.part == Part::LeftEdge || hit.part == Part::RightEdge) {
        setCursor(Qt::SizeHorCursor);
    } else if (hit.id) {
        setCursor(Qt::OpenHandCursor);
    } else if (hit.row >= 0 && pos.x() >= m_headerWidth && m_session) {
        const TimelineRow &r = m_session->model()->rows().at(hit.row);
        setCursor(acceptsDrawing(r) ? Qt::CrossCursor : Qt::ArrowCursor);
    } else if (hit.row >= 0 && pos.x() < m_headerWidth && m_session) {
        const TimelineRow &r = m_session->model()->rows().at(hit.row);
        setCursor(r.kind == TimelineRowKind::Group || r.kind == TimelineRowKind::Modality
                      ? Qt::PointingHandCursor
                      : Qt::ArrowCursor);
    } else {
        unsetCursor();
    }
}

void TimelineView::leaveEvent(QEvent *)
{
    if (m_drag == Drag::None)
        unsetCursor();
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    const double steps = delta.y() / 120.0;
    const bool overNames = event->position().x() < m_headerWidth;
    if (event->modifiers() & Qt::ControlModifier) {
        m_axis->wheelZoom(steps, timeForX(event->position().x()));
    } else if (overNames || (event->modifiers() & (Qt::ShiftModifier | Qt::AltModifier))) {
        const int amount = delta.y() != 0 ? delta.y() : delta.x();
        m_vbar->setValue(m_vbar->value() - amount * kClassHeight / 120);
    } else if (delta.x() != 0 && delta.y() == 0) {
        m_axis->scrollByFraction(-delta.x() / 120.0 * 0.1);
    } else {
        m_axis->scrollByFraction(-steps * 0.1);
    }
    event->accept();
}

void TimelineView::contextMenuEvent(QContextMenuEvent *event)
{
    if (!m_session)
        return;
    const Hit hit = hitTest(event->pos());
    if (hit.id && !m_session->isSelected(hit.id))
        m_session->setSelection({hit.id});
    Q_EMIT contextMenuRequested(event->globalPos());
}

bool TimelineView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_session && m_session->document()) {
        auto *help = static_cast<QHelpEvent *>(event);
        const Hit hit = hitTest(help->pos());
        const Segment *s = hit.id ? m_session->document()->segment(hit.id) : nullptr;
        if (!s) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const LabelSet *set = m_session->document()->labelSetOfTrack(s->trackId);
        QString text = QStringLiteral("<b>%1</b> · %2<br>%3 – %4 (%5 s)")
                           .arg((set ? displayClassName(set->className(s->classIndex))
                                     : QString::number(s->classIndex))
                                    .toHtmlEscaped(),
                                modalityText(s->modality),
                                formatTime(s->onset, TimeFormat::Precise),
                                formatTime(s->offset, TimeFormat::Precise),
                                QString::number(s->duration().seconds(), 'f', 3));
        if (s->runId != 0)
            text += QStringLiteral("<br>")
                    + tr("Model proposal, %1 (confidence %2%)")
                          .arg(statusText(s->status))
                          .arg(QString::number(s->confidence * 100, 'f', 1));
        if (!s->author.isEmpty())
            text += QStringLiteral("<br>") + tr("By %1").arg(s->author.toHtmlEscaped());
        QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace earmark::ui
