#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QSpinBox;
class QToolButton;

namespace earmark::ui {

class EditorSession;

// The "Review" panel: where the video stands (to do, in progress, done, reviewed), how many model
// proposals are open, accepted and rejected, stepping through them, and accepting or rejecting
// all of them on one side of a confidence threshold (remembered across runs). GUI thread only.
class ReviewPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ReviewPanel(EditorSession *session, QWidget *parent = nullptr);

    double threshold() const;
    void setThreshold(double threshold);

    QComboBox *statusBox() const { return m_status; }

private:
    void refresh();

    EditorSession *m_session;
    QComboBox *m_status = nullptr;
    QLabel *m_counts = nullptr;
    QSlider *m_slider = nullptr;
    QSpinBox *m_spin = nullptr;
    QLabel *m_above = nullptr;
    QToolButton *m_acceptAbove = nullptr;
    QToolButton *m_rejectBelow = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QToolButton *m_accept = nullptr;
    QToolButton *m_reject = nullptr;
    bool m_refreshQueued = false;
};

} // namespace earmark::ui
