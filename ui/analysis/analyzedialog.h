#pragma once

#include "core/annotation/video.h"
#include "core/base/time.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QDialogButtonBox;

namespace earmark::ui {

class AnalysisController;
class LibraryController;

// "Analyze Videos…": pick library videos (the open one checked), the pack, its tasks and,
// for a single video, a time range; OK queues one analysis per video. GUI thread only.
class AnalyzeDialog : public QDialog
{
    Q_OBJECT

public:
    AnalyzeDialog(AnalysisController *analysis,
                  LibraryController *library,
                  annotation::VideoId current,
                  QWidget *parent = nullptr);

    QList<annotation::VideoId> checkedVideos() const;
    void setChecked(annotation::VideoId id, bool checked);
    // Queues the analyses as chosen; returns how many were queued (0 and a message on error).
    int start();
    QListWidget *videoList() const { return m_videos; }
    QLineEdit *fromEdit() const { return m_from; }
    QLineEdit *toEdit() const { return m_to; }

private:
    void fillTasks();
    void updateState();

    AnalysisController *m_analysis;
    LibraryController *m_library;
    QListWidget *m_videos = nullptr;
    QCheckBox *m_all = nullptr;
    QComboBox *m_pack = nullptr;
    QList<QCheckBox *> m_tasks;
    QWidget *m_taskBox = nullptr;
    QLineEdit *m_from = nullptr;
    QLineEdit *m_to = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace earmark::ui
