#include "ui/shell/icons.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

namespace earmark::ui {

namespace {

class PaintedIconEngine : public QIconEngine
{
public:
    explicit PaintedIconEngine(IconKind kind)
        : m_kind(kind)
    {}

    QIconEngine *clone() const override { return new PaintedIconEngine(m_kind); }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pm(size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        paint(&p, QRect(QPoint(), size), mode, state);
        return pm;
    }

    QPixmap scaledPixmap(const QSize &size,
                         QIcon::Mode mode,
                         QIcon::State state,
                         qreal scale) override
    {
        QPixmap pm(size * scale);
        pm.fill(Qt::transparent);
        pm.setDevicePixelRatio(scale);
        QPainter p(&pm);
        paint(&p, QRect(QPoint(), size), mode, state);
        return pm;
    }

    void paint(QPainter *p, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const QPalette pal = QApplication::palette();
        QColor ink = pal.color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Normal,
                               QPalette::ButtonText);
        if (mode == QIcon::Disabled)
            ink.setAlpha(110);
        const QColor green(0x2f, 0xa8, 0x5a), red(0xe0, 0x45, 0x45);
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        // Draw on a 24 x 24 grid.
        const double s = std::min(rect.width(), rect.height()) / 24.0;
        p->translate(rect.left() + (rect.width() - 24 * s) / 2,
                     rect.top() + (rect.height() - 24 * s) / 2);
        p->scale(s, s);
        QPen pen(ink, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        p->setPen(pen);
        p->setBrush(Qt::NoBrush);
        auto arrowHead = [&](QPointF tip, QPointF dir) {
            const QPointF n(-dir.y(), dir.x());
            QPainterPath head;
            head.moveTo(tip);
            head.lineTo(tip - dir * 5 + n * 4);
            head.moveTo(tip);
            head.lineTo(tip - dir * 5 - n * 4);
            p->drawPath(head);
        };
        switch (m_kind) {
        case IconKind::Undo:
        case IconKind::Redo: {
            const bool undo = m_kind == IconKind::Undo;
            if (!undo) {
                p->translate(24, 0);
                p->scale(-1, 1);
            }
            QPainterPath path;
            path.moveTo(5, 10);
            path.lineTo(15, 10);
            path.cubicTo(22, 10, 22, 20, 15, 20);
            path.lineTo(10, 20);
            p->drawPath(path);
            arrowHead(QPointF(5, 10), QPointF(-1, 0));
            break;
        }
        case IconKind::Split:
            p->drawRoundedRect(QRectF(2, 8, 8, 8), 2, 2);
            p->drawRoundedRect(QRectF(14, 8, 8, 8), 2, 2);
            p->setPen(QPen(red, 2, Qt::SolidLine, Qt::RoundCap));
            p->drawLine(QPointF(12, 3), QPointF(12, 21));
            break;
        case IconKind::Merge:
            p->drawRoundedRect(QRectF(2, 8, 20, 8), 2, 2);
            p->setPen(QPen(ink, 1.5, Qt::DotLine));
            p->drawLine(QPointF(12, 9), QPointF(12, 15));
            p->setPen(pen);
            arrowHead(QPointF(10, 4), QPointF(1, 0));
            arrowHead(QPointF(14, 20), QPointF(-1, 0));
            break;
        case IconKind::Delete:
            p->drawLine(QPointF(4, 6), QPointF(20, 6));
            p->drawLine(QPointF(9, 6), QPointF(10, 3));
            p->drawLine(QPointF(10, 3), QPointF(14, 3));
            p->drawLine(QPointF(14, 3), QPointF(15, 6));
            p->drawRoundedRect(QRectF(6, 6, 12, 15), 2, 2);
            p->drawLine(QPointF(10, 10), QPointF(10, 17));
            p->drawLine(QPointF(14, 10), QPointF(14, 17));
            break;
        case IconKind::Class: {
            QPainterPath tag;
            tag.moveTo(3, 4);
            tag.lineTo(12, 4);
            tag.lineTo(21, 13);
            tag.lineTo(13, 21);
            tag.lineTo(3, 12);
            tag.closeSubpath();
            p->drawPath(tag);
            p->setBrush(ink);
            p->drawEllipse(QPointF(8, 9), 1.5, 1.5);
            break;
        }
        case IconKind::Accept:
        case IconKind::AcceptAll:
            p->setPen(QPen(green, 2.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            if (m_kind == IconKind::AcceptAll) {
                QPainterPath a;
                a.moveTo(2, 13);
                a.lineTo(7, 18);
                a.lineTo(15, 7);
                p->drawPath(a);
                QPainterPath b;
                b.moveTo(11, 17);
                b.lineTo(12, 18);
                b.lineTo(21, 6);
                p->drawPath(b);
            } else {
                QPainterPath check;
                check.moveTo(4, 12);
                check.lineTo(10, 18);
                check.lineTo(20, 6);
                p->drawPath(check);
            }
            break;
        case IconKind::Reject:
            p->setPen(QPen(red, 2.6, Qt::SolidLine, Qt::RoundCap));
            p->drawLine(QPointF(6, 6), QPointF(18, 18));
            p->drawLine(QPointF(18, 6), QPointF(6, 18));
            break;
        case IconKind::Previous:
        case IconKind::Next: {
            if (m_kind == IconKind::Previous) {
                p->translate(24, 0);
                p->scale(-1, 1);
            }
            QPainterPath chevron;
            chevron.moveTo(8, 5);
            chevron.lineTo(15, 12);
            chevron.lineTo(8, 19);
            p->setPen(QPen(ink, 2.4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p->drawPath(chevron);
            p->drawLine(QPointF(18, 5), QPointF(18, 19));
            break;
        }
        case IconKind::Play: {
            QPainterPath triangle;
            triangle.moveTo(8, 5);
            triangle.lineTo(19, 12);
            triangle.lineTo(8, 19);
            triangle.closeSubpath();
            p->setPen(QPen(ink, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p->setBrush(ink);
            p->drawPath(triangle);
            break;
        }
        case IconKind::Pause:
            p->setPen(Qt::NoPen);
            p->setBrush(ink);
            p->drawRoundedRect(QRectF(6.5, 5, 4, 14), 1, 1);
            p->drawRoundedRect(QRectF(13.5, 5, 4, 14), 1, 1);
            break;
        case IconKind::StepBackward:
        case IconKind::StepForward: {
            if (m_kind == IconKind::StepBackward) {
                p->translate(24, 0);
                p->scale(-1, 1);
            }
            // One frame on: a bar and a triangle.
            QPainterPath triangle;
            triangle.moveTo(5, 6);
            triangle.lineTo(14, 12);
            triangle.lineTo(5, 18);
            triangle.closeSubpath();
            p->setPen(QPen(ink, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p->setBrush(ink);
            p->drawPath(triangle);
            p->setPen(Qt::NoPen);
            p->drawRoundedRect(QRectF(15.5, 6, 3, 12), 1, 1);
            break;
        }
        case IconKind::Loop: {
            QPainterPath top;
            top.moveTo(4, 14);
            top.lineTo(4, 10);
            top.cubicTo(4, 7, 6, 6, 8, 6);
            top.lineTo(19, 6);
            p->drawPath(top);
            arrowHead(QPointF(19, 6), QPointF(1, 0));
            QPainterPath bottom;
            bottom.moveTo(20, 10);
            bottom.lineTo(20, 14);
            bottom.cubicTo(20, 17, 18, 18, 16, 18);
            bottom.lineTo(5, 18);
            p->drawPath(bottom);
            arrowHead(QPointF(5, 18), QPointF(-1, 0));
            break;
        }
        case IconKind::Speaker:
        case IconKind::SpeakerMuted: {
            QPainterPath body;
            body.moveTo(3, 9);
            body.lineTo(7, 9);
            body.lineTo(12, 4);
            body.lineTo(12, 20);
            body.lineTo(7, 15);
            body.lineTo(3, 15);
            body.closeSubpath();
            p->setBrush(ink);
            p->drawPath(body);
            p->setBrush(Qt::NoBrush);
            if (m_kind == IconKind::Speaker) {
                p->drawArc(QRectF(10, 8, 8, 8), -60 * 16, 120 * 16);
                p->drawArc(QRectF(9, 4, 14, 16), -60 * 16, 120 * 16);
            } else {
                p->setPen(QPen(red, 2, Qt::SolidLine, Qt::RoundCap));
                p->drawLine(QPointF(15, 9), QPointF(21, 15));
                p->drawLine(QPointF(21, 9), QPointF(15, 15));
            }
            break;
        }
        case IconKind::Brush: {
            p->drawLine(QPointF(20, 4), QPointF(11, 13));
            QPainterPath tip;
            tip.moveTo(11, 11);
            tip.cubicTo(6, 11, 7, 17, 3, 20);
            tip.cubicTo(9, 21, 13, 18, 13, 14);
            tip.closeSubpath();
            p->setBrush(ink);
            p->drawPath(tip);
            break;
        }
        case IconKind::Eraser: {
            p->translate(12, 12);
            p->rotate(-45);
            p->drawRoundedRect(QRectF(-9, -5, 18, 10), 2, 2);
            p->drawLine(QPointF(-2, -5), QPointF(-2, 5));
            p->resetTransform();
            break;
        }
        case IconKind::AddObject:
            p->setPen(QPen(ink, 2, Qt::DashLine, Qt::RoundCap));
            p->drawEllipse(QRectF(3, 3, 14, 14));
            p->setPen(pen);
            p->drawLine(QPointF(18, 14), QPointF(18, 22));
            p->drawLine(QPointF(14, 18), QPointF(22, 18));
            break;
        }
        p->restore();
    }

private:
    IconKind m_kind;
};

} // namespace

QIcon workbenchIcon(IconKind kind)
{
    return QIcon(new PaintedIconEngine(kind));
}

} // namespace earmark::ui
