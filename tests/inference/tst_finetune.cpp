// earmark finetune end to end: clips made by earmark synth, analysed with the shipped default
// pack, their truth imported as accepted annotations; the fine-tuned version must install next to
// the original (which stays listed and active), open with its checksums, say what it was made
// from, and fit the accepted labels better than the original, as earmark's own evaluation of the
// two versions' model runs against those labels says.

#include "core/metrics/libraryevaluation.h"
#include "core/storage/database.h"
#include "core/storage/modelrunrepository.h"
#include "inference/finetune.h"
#include "inference/pack.h"
#include "inference/synth/generator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace earmark;

namespace {

const QString kPack = QStringLiteral(EARMARK_SOURCE_DIR "/resources/packs/earmark-default");

// The clips' truth as Earmark JSON Lines in the label set the pack's runs use (what
// tools/packs/synth_truth_jsonl.py writes): heard and seen events, and each clip's primary
// audio-visual event.
// Returns the number of clips with an audio-visual event, -1 on error.
int writeTruth(const QString &clips, const QString &labelSet, const QString &out)
{
    QFile in(QDir(clips).filePath(QStringLiteral("synth.json")));
    QFile f(out);
    if (!in.open(QIODevice::ReadOnly) || !f.open(QIODevice::WriteOnly))
        return -1;
    QSet<QString> withEvent;
    const QJsonArray list
        = QJsonDocument::fromJson(in.readAll()).object().value(QLatin1String("clips")).toArray();
    auto row =
        [&](const QString &video, const QString &cls, const char *modality, int onset, int offset) {
            const QJsonObject o{{QStringLiteral("video"), video},
                                {QStringLiteral("label_set"), labelSet},
                                {QStringLiteral("class"), cls},
                                {QStringLiteral("modality"), QLatin1String(modality)},
                                {QStringLiteral("onset"), onset},
                                {QStringLiteral("offset"), offset},
                                {QStringLiteral("status"), QStringLiteral("accepted")}};
            f.write(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
        };
    for (const QJsonValue &c : list) {
        const QString name = c.toObject().value(QLatin1String("name")).toString();
        for (const QJsonValue &e : c.toObject().value(QLatin1String("events")).toArray()) {
            const QJsonObject ev = e.toObject();
            const QString cls = ev.value(QLatin1String("class")).toString();
            const QJsonArray a = ev.value(QLatin1String("audio")).toArray();
            const QJsonArray v = ev.value(QLatin1String("visual")).toArray();
            const bool heard = a.size() == 2 && a[1].toInt() > a[0].toInt();
            const bool seen = v.size() == 2 && v[1].toInt() > v[0].toInt();
            if (heard)
                row(name, cls, "audio", a[0].toInt(), a[1].toInt());
            if (seen)
                row(name, cls, "visual", v[0].toInt(), v[1].toInt());
            if (ev.value(QLatin1String("primary")).toBool() && heard && seen) {
                const int on = std::max(a[0].toInt(), v[0].toInt());
                const int off = std::min(a[1].toInt(), v[1].toInt());
                if (off > on) {
                    row(name, cls, "audio_visual", on, off);
                    withEvent.insert(name);
                }
            }
        }
    }
    return int(withEvent.size());
}

} // namespace

class TestFinetune : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcessEnvironment m_env;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Runs earmark; returns stdout, fails the test on a non-zero exit.
    QString earmark(const QStringList &args, int timeoutMs = 120000)
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.start(QStringLiteral(EARMARK_EXECUTABLE), args);
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
        }
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const QString err = QString::fromUtf8(p.readAllStandardError());
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            qWarning().noquote() << "earmark" << args.join(u' ') << "failed:" << out << err;
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0 ? out : QString();
    }

    // The model runs of `task` that pack version `version` made.
    QList<annotation::ModelRunId> runsOf(const std::shared_ptr<storage::Database> &db,
                                         const QString &version,
                                         const QString &task)
    {
        QList<annotation::ModelRunId> ids;
        auto all = storage::ModelRunRepository(db).all();
        if (!all)
            return ids;
        for (const annotation::ModelRun &r : std::as_const(*all)) {
            if (r.version == version && r.task == task)
                ids.append(r.id);
        }
        return ids;
    }

    metrics::RunEvaluation evaluate(const std::shared_ptr<storage::Database> &db,
                                    metrics::Task task,
                                    const QList<annotation::ModelRunId> &runs)
    {
        metrics::RunEvaluationOptions o;
        o.task = task;
        o.run = runs.constFirst();
        o.moreRuns = runs.mid(1);
        auto r = metrics::evaluateRun(db, o);
        if (!r)
            qWarning().noquote() << r.errorString();
        return r ? *r : metrics::RunEvaluation();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("EARMARK_PACKS_DIR"), path(QStringLiteral("packs")));
        m_env.insert(QStringLiteral("XDG_CACHE_HOME"), path(QStringLiteral("cache")));
        m_env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("data")));
    }

    void finetunesOnAcceptedAnnotations()
    {
        // Held-out clips the pack was not trained on.
        synth::SynthOptions o;
        o.seed = 11;
        o.count = 4;
        o.split = QStringLiteral("test");
        o.outDir = path(QStringLiteral("clips"));
        auto made = synth::generateClips(o);
        QVERIFY2(made, qPrintable(made.errorString()));
        QStringList videos;
        for (const QString &name :
             QDir(o.outDir + QStringLiteral("/videos")).entryList({QStringLiteral("*.mp4")}))
            videos << o.outDir + QStringLiteral("/videos/") + name;
        QCOMPARE(videos.size(), 4);

        const QString library = path(QStringLiteral("library.sqlite"));
        const QString packs = path(QStringLiteral("packs"));
        QVERIFY(!earmark({QStringLiteral("pack"), QStringLiteral("add"), kPack}).isNull());
        QVERIFY(!earmark(QStringList{QStringLiteral("analyze"),
                                     QStringLiteral("--library"),
                                     library,
                                     QStringLiteral("--pack"),
                                     QStringLiteral("earmark-default@1.0.0")}
                         + videos)
                     .isNull());
        const QString truth = path(QStringLiteral("truth.jsonl"));
        const int aveVideos = writeTruth(o.outDir, QStringLiteral("earmark-default synth"), truth);
        QVERIFY(aveVideos > 0);
        QVERIFY(!earmark({QStringLiteral("import"),
                          QStringLiteral("--library"),
                          library,
                          QStringLiteral("--format"),
                          QStringLiteral("jsonl"),
                          truth})
                     .isNull());
        QVERIFY(!earmark({QStringLiteral("import"),
                          QStringLiteral("--library"),
                          library,
                          QStringLiteral("--format"),
                          QStringLiteral("avsbench"),
                          QStringLiteral("--label-set"),
                          QStringLiteral("earmark-default sounding objects"),
                          o.outDir + QStringLiteral("/avsbench")})
                     .isNull());

        const QString out = earmark({QStringLiteral("finetune"),
                                     QStringLiteral("--library"),
                                     library,
                                     QStringLiteral("--pack"),
                                     QStringLiteral("earmark-default@1.0.0"),
                                     QStringLiteral("--epochs"),
                                     QStringLiteral("8"),
                                     QStringLiteral("--batch"),
                                     QStringLiteral("16"),
                                     QStringLiteral("--seed"),
                                     QStringLiteral("3"),
                                     QStringLiteral("--quiet")},
                                    240000);
        QVERIFY(!out.isNull());
        qInfo().noquote() << out;

        // The new version: installed next to the original, checksums right, its history told.
        const QString folder = QDir(packs).filePath(QStringLiteral("earmark-default-1.0.0-ft.1"));
        auto tuned = inference::openPack(folder, inference::VerifyFiles::Yes);
        QVERIFY2(tuned, qPrintable(tuned.errorString()));
        QCOMPARE(tuned->manifest.version, QStringLiteral("1.0.0-ft.1"));
        QFile manifest(QDir(folder).filePath(QStringLiteral("pack.json")));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        const QJsonObject training = QJsonDocument::fromJson(manifest.readAll())
                                         .object()
                                         .value(QLatin1String("training"))
                                         .toObject();
        QCOMPARE(training.value(QLatin1String("tool")).toString(),
                 QStringLiteral("earmark finetune"));
        QCOMPARE(training.value(QLatin1String("fine_tuned_from"))
                     .toObject()
                     .value(QLatin1String("version"))
                     .toString(),
                 QStringLiteral("1.0.0"));
        QCOMPARE(training.value(QLatin1String("videos")).toInt(), 4);
        // Every 1-s segment of every clip for AVVP, of those with an audio-visual event for AVE.
        QCOMPARE(training.value(QLatin1String("segments")).toInt(), 4 * 10 + aveVideos * 10);
        QCOMPARE(training.value(QLatin1String("mask_frames")).toInt(), 4 * 10);
        QCOMPARE(training.value(QLatin1String("library")).toString(), library);
        // The encoders are the original's, byte for byte (so the feature cache still applies).
        auto original = inference::openPack(kPack, inference::VerifyFiles::No);
        QVERIFY(original);
        for (const inference::PackEncoder &e : original->manifest.encoders)
            QCOMPARE(tuned->manifest.files.value(e.file).sha256,
                     original->manifest.files.value(e.file).sha256);
        for (const inference::PackHead &h : original->manifest.heads)
            QVERIFY2(tuned->manifest.files.value(h.file).sha256
                         != original->manifest.files.value(h.file).sha256,
                     qPrintable(h.file));

        // Both versions listed; the original stays the active one.
        inference::PackRegistry registry(packs);
        QStringList versions;
        for (const inference::Pack &p : registry.packs()) {
            if (p.folder.startsWith(QDir(packs).canonicalPath()))
                versions << p.manifest.version;
        }
        QCOMPARE(versions, (QStringList{QStringLiteral("1.0.0"), QStringLiteral("1.0.0-ft.1")}));
        auto active = registry.active();
        QVERIFY(active);
        QCOMPARE(active->manifest.version, QStringLiteral("1.0.0"));
        QVERIFY(registry.find(QStringLiteral("earmark-default@1.0.0")));

        // Its fit to the accepted labels, as earmark eval scores the two versions' runs.
        QVERIFY(!earmark(QStringList{QStringLiteral("analyze"),
                                     QStringLiteral("--library"),
                                     library,
                                     QStringLiteral("--pack"),
                                     QStringLiteral("earmark-default@1.0.0-ft.1")}
                         + videos)
                     .isNull());
        auto db = storage::Database::open(library);
        QVERIFY2(db, qPrintable(db.errorString()));
        const auto beforeAvvp = runsOf(*db, QStringLiteral("1.0.0"), QStringLiteral("avvp"));
        const auto afterAvvp = runsOf(*db, QStringLiteral("1.0.0-ft.1"), QStringLiteral("avvp"));
        const auto beforeAvs = runsOf(*db, QStringLiteral("1.0.0"), QStringLiteral("avs"));
        const auto afterAvs = runsOf(*db, QStringLiteral("1.0.0-ft.1"), QStringLiteral("avs"));
        QCOMPARE(beforeAvvp.size(), 4);
        QCOMPARE(afterAvvp.size(), 4);
        QCOMPARE(afterAvs.size(), 4);
        const double typeBefore = evaluate(*db, metrics::Task::Avvp, beforeAvvp).avvp.segment.type;
        const double typeAfter = evaluate(*db, metrics::Task::Avvp, afterAvvp).avvp.segment.type;
        const double miouBefore = evaluate(*db, metrics::Task::Avs, beforeAvs).avs.miou;
        const double miouAfter = evaluate(*db, metrics::Task::Avs, afterAvs).avs.miou;
        qInfo("AVVP segment Type@AV %.2f -> %.2f, AVS mIoU %.2f -> %.2f",
              typeBefore,
              typeAfter,
              miouBefore,
              miouAfter);
        QVERIFY2(typeAfter >= typeBefore + 5,
                 qPrintable(QStringLiteral("%1 -> %2").arg(typeBefore).arg(typeAfter)));
        // The shipped decoder already scores about 80 % here: its loss must fall (below) and its
        // masks must not get worse.
        QVERIFY2(miouAfter >= miouBefore - 2,
                 qPrintable(QStringLiteral("%1 -> %2").arg(miouBefore).arg(miouAfter)));
        // The AVE head's own fit on its labels (the library's AVE truth shares its label set with
        // the AVVP labels, which earmark eval ave would count too).
        bool aveSeen = false;
        for (const QJsonValue &v : training.value(QLatin1String("fit_on_labels")).toArray()) {
            const QJsonObject f = v.toObject();
            QVERIFY2(f.value(QLatin1String("loss_after")).toDouble()
                         < f.value(QLatin1String("loss_before")).toDouble(),
                     qPrintable(f.value(QLatin1String("task")).toString()));
            if (f.value(QLatin1String("task")).toString() == QLatin1String("ave")) {
                aveSeen = true;
                QVERIFY(f.value(QLatin1String("after")).toDouble()
                        >= f.value(QLatin1String("before")).toDouble());
            }
        }
        QVERIFY(aveSeen);

        // The same seed gives the same weights; --out writes a folder and installs nothing.
        QStringList sums;
        for (const QString &name : {QStringLiteral("a"), QStringLiteral("b")}) {
            QVERIFY(!earmark({QStringLiteral("finetune"),
                              QStringLiteral("--library"),
                              library,
                              QStringLiteral("--pack"),
                              QStringLiteral("earmark-default@1.0.0"),
                              QStringLiteral("--task"),
                              QStringLiteral("ave"),
                              QStringLiteral("--epochs"),
                              QStringLiteral("2"),
                              QStringLiteral("--seed"),
                              QStringLiteral("5"),
                              QStringLiteral("--quiet"),
                              QStringLiteral("--out"),
                              path(name)})
                         .isNull());
            auto p = inference::openPack(path(name), inference::VerifyFiles::Yes);
            QVERIFY2(p, qPrintable(p.errorString()));
            sums << p->manifest.files.value(QStringLiteral("ave.pt")).sha256;
        }
        QCOMPARE(sums.at(0), sums.at(1));
        QVERIFY(sums.at(0) != original->manifest.files.value(QStringLiteral("ave.pt")).sha256);
        int installed = 0;
        for (const inference::Pack &p : registry.packs())
            installed += p.folder.startsWith(QDir(packs).canonicalPath()) ? 1 : 0;
        QCOMPARE(installed, 2);

        // A second fine-tune of the same pack gets the next version number.
        QCOMPARE(inference::nextFinetuneVersion(kPack, packs), QStringLiteral("1.0.0-ft.2"));
    }
};

QTEST_GUILESS_MAIN(TestFinetune)
#include "tst_finetune.moc"
