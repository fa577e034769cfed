// Training Earmark's pack: a tiny run of trainPack (a loadable pack, resume, reproducibility) and
// the shipped default pack's scores on freshly generated held-out clips.

#include "inference/internal/analyzer.h"
#include "inference/internal/checkpoint.h"
#include "inference/pack.h"
#include "inference/synth/generator.h"
#include "inference/train.h"

#include <torch/torch.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace earmark;

namespace {

// The largest absolute difference between two checkpoints' tensors (infinity when their keys or
// shapes differ).
double maxDifference(const QString &a, const QString &b)
{
    auto x = inference::readCheckpoint(a);
    auto y = inference::readCheckpoint(b);
    if (!x || !y || x->tensors.size() != y->tensors.size())
        return INFINITY;
    double worst = 0;
    for (const auto &[key, t] : x->tensors.entries) {
        const at::Tensor *u = y->tensors.find(key);
        if (!u || !u->sizes().equals(t.sizes()))
            return INFINITY;
        if (t.numel() > 0)
            worst = std::max(worst,
                             (t.to(at::kDouble) - u->to(at::kDouble)).abs().max().item<double>());
    }
    return worst;
}

} // namespace

class TestTraining : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_clips;

    inference::TrainOptions tiny(const QString &name) const
    {
        inference::TrainOptions o;
        o.clipsDir = m_clips;
        o.outDir = m_dir.filePath(name);
        o.seed = 5;
        o.epochs = 2;
        o.headEpochs = 1;
        o.batchSize = 3;
        o.stepsPerEpoch = 2;
        o.frameSize = 32;
        o.threads = 1;
        o.packId = QStringLiteral("tiny");
        o.packVersion = QStringLiteral("0.1");
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        synth::SynthOptions o;
        o.seed = 3;
        o.count = 4;
        o.outDir = m_clips = m_dir.filePath(QStringLiteral("clips"));
        auto made = synth::generateClips(o);
        QVERIFY2(made, qPrintable(made.errorString()));
    }

    void tinyRunWritesALoadablePack()
    {
        QStringList stages;
        int steps = 0;
        auto summary = inference::trainPack(tiny(QStringLiteral("full")),
                                            [&](const inference::TrainProgress &p) {
                                                if (p.stage
                                                    == inference::TrainProgress::Stage::Training) {
                                                    ++steps;
                                                    QVERIFY(std::isfinite(p.loss));
                                                    QCOMPARE(p.total, 6);
                                                }
                                            });
        QVERIFY2(summary, qPrintable(summary.errorString()));
        QVERIFY(summary->finished);
        QCOMPARE(summary->clips, 4);
        QCOMPARE(steps, 6); // two encoder epochs, one head epoch, two steps each
        const QString folder = m_dir.filePath(QStringLiteral("full"));
        auto pack = inference::openPack(folder, inference::VerifyFiles::Yes);
        QVERIFY2(pack, qPrintable(pack.errorString()));
        QCOMPARE(pack->manifest.id, QStringLiteral("tiny"));
        QCOMPARE(pack->manifest.tasks,
                 QStringList(
                     {QStringLiteral("avvp"), QStringLiteral("ave"), QStringLiteral("avs")}));
        QCOMPARE(pack->manifest.vocabularies.value(QStringLiteral("synth")).size(), 12);
        // How it was made.
        QFile f(QDir(folder).filePath(QStringLiteral("pack.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject training = QJsonDocument::fromJson(f.readAll())
                                         .object()
                                         .value(QLatin1String("training"))
                                         .toObject();
        QCOMPARE(training.value(QLatin1String("seed")).toString(), QStringLiteral("5"));
        QCOMPARE(training.value(QLatin1String("clips")).toInt(), 4);
        QCOMPARE(training.value(QLatin1String("epochs")).toInt(), 2);
        QCOMPARE(training.value(QLatin1String("head_epochs")).toInt(), 1);
        auto loaded = inference::LoadedPack::load(folder, c10::kCPU);
        QVERIFY2(loaded, qPrintable(loaded.errorString()));
        QVERIFY((*loaded)->avvp && (*loaded)->ave && (*loaded)->avs);
    }

    void resumeContinuesToTheSameWeights()
    {
        // One epoch, then a resumed run to two: the same weights as the uninterrupted run.
        inference::TrainOptions first = tiny(QStringLiteral("resumed"));
        first.epochs = 1;
        auto one = inference::trainPack(first);
        QVERIFY2(one, qPrintable(one.errorString()));
        QVERIFY(QFileInfo::exists(m_dir.filePath(QStringLiteral("resumed.checkpoint"))));
        inference::TrainOptions second = tiny(QStringLiteral("resumed"));
        second.resume = true;
        auto two = inference::trainPack(second);
        QVERIFY2(two, qPrintable(two.errorString()));
        QCOMPARE(two->resumedFromEpoch, 1);
        for (const char *file : {"audio.pt", "visual.pt", "avvp.pt", "ave.pt", "avs.pt"}) {
            const double d = maxDifference(m_dir.filePath(QStringLiteral("full/")
                                                          + QLatin1String(file)),
                                           m_dir.filePath(QStringLiteral("resumed/")
                                                          + QLatin1String(file)));
            QVERIFY2(d < 1e-5, qPrintable(QStringLiteral("%1 differs by %2").arg(file).arg(d)));
        }

        // Other settings than the checkpoint's are refused.
        inference::TrainOptions other = second;
        other.frameSize = 48;
        auto refused = inference::trainPack(other);
        QVERIFY(!refused);
        QVERIFY2(refused.errorString().contains(QLatin1String("other settings")),
                 qPrintable(refused.errorString()));
    }

    void seedDecidesTheWeights()
    {
        // The same seed again gives the same weights; another seed others.
        auto again = inference::trainPack(tiny(QStringLiteral("again")));
        QVERIFY2(again, qPrintable(again.errorString()));
        inference::TrainOptions o = tiny(QStringLiteral("other-seed"));
        o.seed = 6;
        auto other = inference::trainPack(o);
        QVERIFY2(other, qPrintable(other.errorString()));
        const QString full = m_dir.filePath(QStringLiteral("full/avvp.pt"));
        QVERIFY(maxDifference(full, m_dir.filePath(QStringLiteral("again/avvp.pt"))) < 1e-5);
        QVERIFY(maxDifference(full, m_dir.filePath(QStringLiteral("other-seed/avvp.pt"))) > 1e-3);
    }

    void cancelledRunKeepsItsCheckpoint()
    {
        CancellationToken cancel;
        inference::TrainOptions o = tiny(QStringLiteral("cancelled"));
        int steps = 0;
        auto r = inference::trainPack(
            o,
            [&](const inference::TrainProgress &p) {
                if (p.stage == inference::TrainProgress::Stage::Training && ++steps == 3)
                    cancel.cancel();
            },
            cancel);
        QVERIFY2(r, qPrintable(r.errorString()));
        QVERIFY(!r->finished);
        QCOMPARE(r->epochs, 1);
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("cancelled/pack.json"))));
        o.resume = true;
        auto resumed = inference::trainPack(o);
        QVERIFY2(resumed, qPrintable(resumed.errorString()));
        QVERIFY(resumed->finished);
        QCOMPARE(resumed->resumedFromEpoch, 1);
    }

    void packInAFolderThatDoesNotExistYet()
    {
        // The pack and its checkpoint beside it go into folders made for them.
        inference::TrainOptions o = tiny(QStringLiteral("new/deeper/pack"));
        auto r = inference::trainPack(o);
        QVERIFY2(r, qPrintable(r.errorString()));
        QVERIFY(r->finished);
        QVERIFY(QFileInfo::exists(m_dir.filePath(QStringLiteral("new/deeper/pack.checkpoint"))));
        auto pack = inference::openPack(o.outDir, inference::VerifyFiles::Yes);
        QVERIFY2(pack, qPrintable(pack.errorString()));
    }

    void badClipsFolderIsNamed()
    {
        inference::TrainOptions o = tiny(QStringLiteral("bad"));
        o.clipsDir = m_dir.filePath(QStringLiteral("nothing-here"));
        auto r = inference::trainPack(o);
        QVERIFY(!r);
        QVERIFY2(r.errorString().contains(QLatin1String("classes.txt")),
                 qPrintable(r.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestTraining)
#include "tst_training.moc"
