// The analysis UI with the real engine: installing a pack through the packs dialog, analysing a
// library video from the panel with progress, cancelling, choosing videos and a range in the
// Analyze dialog, videos analysed once when they come into the library, fine-tuning the pack on
// the library's accepted annotations into a new version. Set EARMARK_SCREENSHOT_DIR to keep PNGs of the panel and dialogs.

#include "core/annotation/commands.h"
#include "core/base/serialexecutor.h"
#include "core/storage/annotationsession.h"
#include "core/storage/database.h"
#include "core/storage/modelrunrepository.h"
#include "inference/engine.h"
#include "testpack.h"
#include "ui/analysis/analysiscontroller.h"
#include "ui/analysis/analysispanel.h"
#include "ui/analysis/analysisui.h"
#include "ui/analysis/analyzedialog.h"
#include "ui/analysis/finetunedialog.h"
#include "ui/analysis/packsdialog.h"
#include "ui/library/librarycontroller.h"
#include "ui/mainwindow.h"
#include "ui/shell/actionregistry.h"

#include <QAction>
#include <QSettings>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace earmark;
using namespace earmark::ui;

class TestAnalysisUi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LibraryController> m_library;
    std::unique_ptr<AnalysisController> m_analysis;

    void screenshot(QWidget *w, const QString &name)
    {
        const QString dir = qEnvironmentVariable("EARMARK_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(w->grab().save(QDir(dir).filePath(name)));
    }

    annotation::Video video() const { return m_library->videos().constFirst(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("EARMARK_PACKS_DIR", QFile::encodeName(m_dir.filePath(QStringLiteral("packs"))));
        const QString error = inference::testing::writeTestPack(m_dir.filePath(
                                                                    QStringLiteral("source")),
                                                                false);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"),
                     {QStringLiteral("-nostdin"),
                      QStringLiteral("-v"),
                      QStringLiteral("error"),
                      QStringLiteral("-f"),
                      QStringLiteral("lavfi"),
                      QStringLiteral("-i"),
                      QStringLiteral("testsrc2=size=160x120:rate=10:duration=14"),
                      QStringLiteral("-f"),
                      QStringLiteral("lavfi"),
                      QStringLiteral("-i"),
                      QStringLiteral("sine=frequency=500:sample_rate=16000:duration=14"),
                      QStringLiteral("-c:v"),
                      QStringLiteral("libx264"),
                      QStringLiteral("-preset"),
                      QStringLiteral("ultrafast"),
                      QStringLiteral("-pix_fmt"),
                      QStringLiteral("yuv420p"),
                      QStringLiteral("-c:a"),
                      QStringLiteral("aac"),
                      QStringLiteral("-shortest"),
                      m_dir.filePath(QStringLiteral("street.mp4"))});
        QVERIFY(ffmpeg.waitForFinished(60000));
        QCOMPARE(ffmpeg.exitCode(), 0);

        auto db = storage::Database::open(m_dir.filePath(QStringLiteral("library.sqlite")));
        QVERIFY(db.ok());
        m_library = std::make_unique<LibraryController>(*db);
        QSignalSpy changed(m_library.get(), &LibraryController::videosChanged);
        m_library->addFiles({m_dir.filePath(QStringLiteral("street.mp4"))});
        QVERIFY(changed.wait(30000));
        QCOMPARE(m_library->videos().size(), 1);
        inference::EngineOptions options;
        options.cacheDir = m_dir.filePath(QStringLiteral("cache"));
        m_analysis = std::make_unique<AnalysisController>(inference::createEngine(options),
                                                          m_library.get());
    }

    void cleanupTestCase()
    {
        m_analysis.reset();
        m_library.reset();
    }

    void packsDialogInstallsAPack()
    {
        PacksDialog dialog(m_analysis.get());
        QCOMPARE(dialog.packList()->topLevelItemCount(), 0);
        auto *add = dialog.findChild<QPushButton *>(QStringLiteral("addPack"));
        QVERIFY(add && add->isEnabled());
        QSignalSpy changed(&dialog, &PacksDialog::packsChanged);
        dialog.addPack(m_dir.filePath(QStringLiteral("source")));
        QVERIFY(!add->isEnabled()); // checking in the background
        QVERIFY(changed.wait(60000));
        QVERIFY(add->isEnabled());
        QCOMPARE(dialog.packList()->topLevelItemCount(), 1);
        QCOMPARE(dialog.packList()->topLevelItem(0)->text(0), QStringLiteral("Test pack (active)"));
        QCOMPARE(dialog.packList()->topLevelItem(0)->text(2), QStringLiteral("AVVP, AVE, AVS"));
        dialog.resize(760, 420);
        screenshot(&dialog, QStringLiteral("packs-dialog.png"));
        QVERIFY(m_analysis->packs().active().ok());
    }

    void panelRunsAnAnalysisWithProgress()
    {
        AnalysisPanel panel(m_analysis.get());
        panel.resize(460, 260);
        panel.refreshPack();
        auto *pack = panel.findChild<QLabel *>(QStringLiteral("activePack"));
        QVERIFY(pack->text().contains(QLatin1String("Test pack")));
        QVERIFY(panel.analyzeButton()->isEnabled());

        QSignalSpy finished(m_analysis.get(), &AnalysisController::jobFinished);
        QSignalSpy stored(m_analysis.get(), &AnalysisController::proposalsStored);
        QSignalSpy changed(m_analysis.get(), &AnalysisController::jobChanged);
        const quint64 id = m_analysis->analyze(video());
        QVERIFY(id > 0);
        QCOMPARE(panel.jobList()->topLevelItemCount(), 1);
        QVERIFY(finished.wait(120000));
        QVERIFY(changed.size() >= 3); // progress came in
        const AnalysisController::Job *job = m_analysis->job(id);
        QVERIFY2(job->state == AnalysisController::State::Done, qPrintable(job->message));
        QVERIFY2(job->message.contains(QLatin1String("AVVP "))
                     && job->message.contains(QLatin1String(", AVS ")),
                 qPrintable(job->message));
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.at(0).at(0).value<annotation::VideoId>(), video().id);
        auto *bar = qobject_cast<QProgressBar *>(
            panel.jobList()->itemWidget(panel.jobList()->topLevelItem(0), 1));
        QVERIFY(bar);
        QCOMPARE(bar->value(), 1000);
        QVERIFY(!panel.jobList()->itemWidget(panel.jobList()->topLevelItem(0), 2)->isEnabled());
        auto runs = storage::ModelRunRepository(m_library->database()).all();
        QVERIFY(runs.ok());
        QCOMPARE(runs->size(), 3);
        screenshot(&panel, QStringLiteral("analysis-panel.png"));
    }

    void cancelStopsAnAnalysis()
    {
        QSignalSpy finished(m_analysis.get(), &AnalysisController::jobFinished);
        const quint64 a = m_analysis->analyze(video());
        const quint64 b = m_analysis->analyze(video());
        QCOMPARE(m_analysis->activeCount(), 2);
        m_analysis->cancelAll();
        while (finished.size() < 2)
            QVERIFY(finished.wait(60000));
        for (quint64 id : {a, b}) {
            const auto state = m_analysis->job(id)->state;
            // The first may have finished before the cancel reached it; the queued one cannot.
            QVERIFY(state == AnalysisController::State::Cancelled
                    || (id == a && state == AnalysisController::State::Done));
        }
        QCOMPARE(m_analysis->job(b)->state, AnalysisController::State::Cancelled);
        QCOMPARE(m_analysis->activeCount(), 0);
        m_analysis->clearFinished();
        QVERIFY(m_analysis->jobs().isEmpty());
    }

    void analyzeDialogQueuesChosenVideosAndRange()
    {
        AnalyzeDialog dialog(m_analysis.get(), m_library.get(), video().id);
        QCOMPARE(dialog.checkedVideos(), QList<annotation::VideoId>{video().id});
        QVERIFY(dialog.fromEdit()->isEnabled()); // one video: a range can be given
        dialog.fromEdit()->setText(QStringLiteral("0:02"));
        dialog.toEdit()->setText(QStringLiteral("1"));
        QCOMPARE(dialog.start(), 0); // ends before it starts
        dialog.toEdit()->setText(QStringLiteral("0:07.5"));
        dialog.resize(520, 480);
        screenshot(&dialog, QStringLiteral("analyze-dialog.png"));
        QSignalSpy finished(m_analysis.get(), &AnalysisController::jobFinished);
        QCOMPARE(dialog.start(), 1);
        QVERIFY(finished.wait(120000));
        const AnalysisController::Job job = m_analysis->jobs().constLast();
        QCOMPARE(job.start, Time::fromSeconds(2));
        QCOMPARE(job.end, Time::fromSeconds(7.5));
        QVERIFY2(job.state == AnalysisController::State::Done, qPrintable(job.message));
        dialog.setChecked(video().id, false);
        QCOMPARE(dialog.start(), 0);
    }

    void newVideosAreAnalysedOnce()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("earmark-tst-analysisui"));
        QSettings().setValue(QStringLiteral("analysis/analyzeNewVideos"), true);
        MainWindow window(m_library.get());
        window.setAnalysis(m_analysis.get());
        auto *ui = window.findChild<AnalysisUi *>();
        QVERIFY(ui);
        QAction *toggle = window.actions()->action(QStringLiteral("analysis.new-videos"));
        QVERIFY(toggle && toggle->isChecked());
        m_analysis->clearFinished();

        // The video analysed above has model runs: not again.
        QVERIFY(!ui->analyzeIfNew(video()));

        // A video new to the library is analysed as it comes in, once.
        const QString copy = m_dir.filePath(QStringLiteral("street-copy.mp4"));
        QVERIFY(QFile::copy(m_dir.filePath(QStringLiteral("street.mp4")), copy));
        QSignalSpy added(m_analysis.get(), &AnalysisController::jobAdded);
        QSignalSpy finished(m_analysis.get(), &AnalysisController::jobFinished);
        m_library->addFiles({copy});
        QVERIFY(added.wait(30000));
        QVERIFY(finished.wait(120000));
        const AnalysisController::Job job = m_analysis->jobs().constLast();
        QVERIFY2(job.state == AnalysisController::State::Done, qPrintable(job.message));
        QCOMPARE(job.title, QStringLiteral("street-copy.mp4"));

        // Opening it again (it is in the library, with results) queues nothing.
        QSignalSpy changed(m_library.get(), &LibraryController::videosChanged);
        m_library->addFiles({copy});
        QVERIFY(changed.wait(30000));
        QTest::qWait(300);
        QCOMPARE(added.size(), 1);

        // Switched off, a new video is left alone, and the choice is remembered.
        toggle->setChecked(false);
        QVERIFY(!QSettings().value(QStringLiteral("analysis/analyzeNewVideos")).toBool());
        const QString other = m_dir.filePath(QStringLiteral("street-other.mp4"));
        QVERIFY(QFile::copy(m_dir.filePath(QStringLiteral("street.mp4")), other));
        m_library->addFiles({other});
        QVERIFY(changed.wait(30000));
        QTest::qWait(300);
        QCOMPARE(added.size(), 1);
        QSettings().clear();
    }

    void finetuneDialogMakesANewVersion()
    {
        // A person's annotations on the first video: class 0 heard for 4 s, class 3 seen from 2 s
        // to 9 s.
        {
            SerialExecutor storage(QStringLiteral("storage"));
            auto session = storage::AnnotationSession::openNow(m_library->database(),
                                                               storage,
                                                               video().id);
            QVERIFY2(session.ok(), qPrintable(session.errorString()));
            annotation::AnnotationDocument *doc = (*session)->document();
            QVERIFY(doc->execute(*annotation::commands::addTrack(*doc,
                                                                 QStringLiteral("Mine"),
                                                                 annotation::kLlpLabelSetId))
                        .ok());
            annotation::TrackId track = 0;
            for (const annotation::Track &t : doc->tracks()) {
                if (t.name == QLatin1String("Mine"))
                    track = t.id;
            }
            QVERIFY(track);
            const auto s = [](double seconds) { return Time::fromSeconds(seconds); };
            QVERIFY(doc->execute(*annotation::commands::drawSegment(
                                     *doc, track, annotation::Modality::Audio, 0, s(0), s(4)))
                        .ok());
            QVERIFY(doc->execute(*annotation::commands::drawSegment(
                                     *doc, track, annotation::Modality::Visual, 3, s(2), s(9)))
                        .ok());
            (*session)->waitForWrites();
        }

        // Cancelled at once: nothing is written.
        {
            FinetuneDialog dialog(m_analysis.get(), m_library->database());
            QSignalSpy done(&dialog, &FinetuneDialog::finetuneFinished);
            dialog.show();
            dialog.start();
            QVERIFY(dialog.isRunning());
            dialog.reject();
            QVERIFY(done.wait(60000));
            QCOMPARE(done.first().first().toBool(), false);
            QVERIFY(dialog.madePack().isEmpty());
        }
        QCOMPARE(m_analysis->packs().packs().size(), 1);

        FinetuneDialog dialog(m_analysis.get(), m_library->database());
        QCOMPARE(dialog.packChoice()->count(), 1);
        dialog.epochChoice()->setValue(3);
        QSignalSpy done(&dialog, &FinetuneDialog::finetuneFinished);
        QSignalSpy changed(&dialog, &FinetuneDialog::packsChanged);
        dialog.show();
        dialog.start();
        auto *progress = dialog.findChild<QProgressBar *>(QStringLiteral("finetuneProgress"));
        QVERIFY(progress && progress->isVisible());
        QVERIFY(done.wait(120000));
        auto *status = dialog.findChild<QLabel *>(QStringLiteral("finetuneStatus"));
        QVERIFY2(done.first().first().toBool(), qPrintable(status->text()));
        QCOMPARE(dialog.madePack(), QStringLiteral("test-pack@0.1-ft.1"));
        QVERIFY(status->text().contains(QStringLiteral("0.1-ft.1")));
        QCOMPARE(changed.size(), 1);
        dialog.resize(520, 320);
        screenshot(&dialog, QStringLiteral("finetune-dialog.png"));

        // Both versions are listed; the one it started from stays active until asked.
        PacksDialog packs(m_analysis.get());
        QCOMPARE(packs.packList()->topLevelItemCount(), 2);
        QCOMPARE(packs.packList()->topLevelItem(1)->text(1), QStringLiteral("0.1-ft.1"));
        QCOMPARE(m_analysis->packs().active()->manifest.version, QStringLiteral("0.1"));
        packs.packList()->setCurrentItem(packs.packList()->topLevelItem(1));
        packs.resize(760, 420);
        screenshot(&packs, QStringLiteral("packs-dialog-finetuned.png"));
        auto *activate = dialog.findChild<QPushButton *>(QStringLiteral("finetuneActivate"));
        QVERIFY(activate && activate->isVisible());
        activate->click();
        QCOMPARE(m_analysis->packs().active()->manifest.version, QStringLiteral("0.1-ft.1"));
        QCOMPARE(changed.size(), 2);
        QVERIFY(m_analysis->packs().setActive(QStringLiteral("test-pack@0.1")).ok());
    }
};

QTEST_MAIN(TestAnalysisUi)
#include "tst_analysisui.moc"
