// The benchmarks' metrics: small cases worked out by hand, the official LLP evaluation's numbers
// on the validation set (fixture), and the same numbers for a model run stored in a library.

#include "../storage/testlibrary.h"

#include "core/annotation/labelset.h"
#include "core/formats/format.h"
#include "core/media/imagecodec.h"
#include "core/metrics/ave.h"
#include "core/metrics/avs.h"
#include "core/metrics/avvp.h"
#include "core/metrics/fileeval.h"
#include "core/metrics/libraryevaluation.h"
#include "core/storage/datasetio.h"
#include "core/storage/labelsetrepository.h"
#include "core/storage/modelrunrepository.h"
#include "core/storage/videorepository.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace earmark;
using namespace earmark::metrics;

namespace {

const QString kLlp = QStringLiteral(EARMARK_SHARED_DIR "/data/llp/");
const QString kFixture = QStringLiteral(EARMARK_SHARED_DIR "/fixtures/avvp-eval-val/");

void fill(AvvpLabels &l, bool visual, int cls, int from, int to)
{
    for (int t = from; t < to; ++t)
        l.set(visual, cls, t);
}

void compareScores(const AvvpScores &got, const QJsonObject &want, double tolerance)
{
    const QList<QPair<const char *, double>> pairs = {{"audio", got.audio},
                                                      {"visual", got.visual},
                                                      {"audio_visual", got.audioVisual},
                                                      {"type", got.type},
                                                      {"event", got.event}};
    for (const auto &[key, value] : pairs) {
        const double expected = want.value(QLatin1String(key)).toDouble();
        QVERIFY2(std::abs(value - expected) <= tolerance,
                 qPrintable(QStringLiteral("%1: %2 instead of %3")
                                .arg(QLatin1String(key))
                                .arg(value, 0, 'g', 17)
                                .arg(expected, 0, 'g', 17)));
    }
}

QJsonObject expectedJson()
{
    QFile f(kFixture + QStringLiteral("expected.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QList<float> probs(std::initializer_list<float> v)
{
    return QList<float>(v);
}

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void avvpByHand()
    {
        const int dog = 3;
        // Video A: heard dog 0-4 s, predicted 2-6 s; nothing seen. Video B: nothing at all.
        AvvpLabels truth = AvvpLabels::empty(), pred = AvvpLabels::empty();
        fill(truth, false, dog, 0, 4);
        fill(pred, false, dog, 2, 6);
        AvvpEvaluator one;
        one.add(pred, truth);
        AvvpResult r = one.result();
        // Segments: TP 2, FP 2, FN 2 -> F = 4 / 8. Empty streams score 1 (all true negatives).
        QCOMPARE(r.segment.audio, 50.0);
        QCOMPARE(r.segment.visual, 100.0);
        QCOMPARE(r.segment.audioVisual, 100.0);
        QVERIFY(qFuzzyCompare(r.segment.type, 250.0 / 3));
        QCOMPARE(r.segment.event, 50.0);
        // Events: [2,6) against [0,4) has IoU 2/6 < 0.5: one FP, one FN -> 0.
        QCOMPARE(r.event.audio, 0.0);
        QCOMPARE(r.event.visual, 100.0);
        QVERIFY(qFuzzyCompare(r.event.type, 200.0 / 3));
        QCOMPARE(r.event.event, 0.0);

        AvvpEvaluator two;
        two.add(pred, truth);
        two.add(AvvpLabels::empty(), AvvpLabels::empty());
        r = two.result();
        QCOMPARE(r.videos, 2);
        QCOMPARE(r.segment.audio, 75.0);
        QCOMPARE(r.event.audio, 50.0);
    }

    void avvpAudioVisualIsBoth()
    {
        const int cat = 4;
        AvvpLabels truth = AvvpLabels::empty(), pred = AvvpLabels::empty();
        fill(truth, false, cat, 0, 4);
        fill(truth, true, cat, 2, 6); // heard and seen: segments 2 and 3
        fill(pred, false, cat, 0, 10);
        fill(pred, true, cat, 0, 10);
        AvvpEvaluator e;
        e.add(pred, truth);
        const AvvpResult r = e.result();
        // Audio-visual: TP 2, FP 8 -> 4 / 12.
        QVERIFY(qFuzzyCompare(r.segment.audioVisual, 100.0 / 3));
        // Audio: TP 4, FP 6 -> 8 / 14; visual the same.
        QVERIFY(qFuzzyCompare(r.segment.audio, 800.0 / 14));
        // Pooled: TP 8, FP 12, FN 0 -> 16 / 28.
        QVERIFY(qFuzzyCompare(r.segment.event, 1600.0 / 28));
        // Events: predicted [0,10) vs true [0,4) IoU 0.4 -> FP and FN; [2,4) for AV: 0.2.
        QCOMPARE(r.event.audio, 0.0);
        QCOMPARE(r.event.audioVisual, 0.0);
    }

    void avvpEventsNeedHalfOverlap()
    {
        const int car = 1;
        AvvpLabels truth = AvvpLabels::empty(), pred = AvvpLabels::empty();
        fill(truth, false, car, 0, 10);
        fill(pred, false, car, 0, 5);  // IoU 0.5: a true positive
        fill(pred, false, car, 6, 10); // IoU 0.4: a false positive
        AvvpEvaluator e;
        e.add(pred, truth);
        // TP 1, FP 1, FN 0 -> 2 / 3.
        QVERIFY(qFuzzyCompare(e.result().event.audio, 200.0 / 3));
    }

    void avvpReproducesTheOfficialEvaluation()
    {
        QStringList warnings;
        auto r = evaluateAvvpFiles({kLlp + QStringLiteral("AVVP_val_pd.csv"),
                                    kLlp + QStringLiteral("AVVP_val_dense_audio.csv"),
                                    kLlp + QStringLiteral("AVVP_val_dense_visual.csv"),
                                    kFixture + QStringLiteral("pred_audio.csv"),
                                    kFixture + QStringLiteral("pred_visual.csv")},
                                   &warnings);
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        const QJsonObject expected = expectedJson();
        QCOMPARE(r->videos, expected.value(QStringLiteral("videos")).toInt());
        compareScores(r->segment, expected.value(QStringLiteral("segment")).toObject(), 1e-6);
        compareScores(r->event, expected.value(QStringLiteral("event")).toObject(), 1e-6);
        // The published row "8DF2PxdT5tE_390_400 9 0 Cheering" counts for nothing, and is said.
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings.constFirst().contains(QStringLiteral("AVVP_val_dense_audio.csv:1091")));
    }

    void modelRunInALibraryScoresTheSame()
    {
        EARMARK_REQUIRE_BACKEND();
        QTemporaryDir dir;
        auto db = storage::Database::open(testing::newLibraryLocation(dir));
        QVERIFY(db.ok());
        // Truth: the validation clips with their dense labels.
        auto sets = storage::LabelSetRepository(*db).all();
        formats::ReadOptions read;
        read.labelSets = *sets;
        read.skipBadRows = true;
        for (const char *file :
             {"AVVP_val_pd.csv", "AVVP_val_dense_audio.csv", "AVVP_val_dense_visual.csv"}) {
            const QString path = kLlp + QLatin1String(file);
            const QString format = QLatin1String(file).contains(QLatin1String("dense"))
                                       ? QStringLiteral("llp-dense")
                                       : QStringLiteral("llp-weak");
            auto data = formats::findFormat(format)->read(path, read);
            QVERIFY2(data.ok(), qPrintable(data.errorString()));
            QVERIFY(storage::importDataset(*db, *data, {format, path, {}}).ok());
        }
        // Predictions: a model run holding the fixture's predicted events, for every clip.
        QHash<QString, storage::RunResult> results;
        QStringList order;
        storage::VideoRepository videos(*db);
        const auto all = videos.all();
        QVERIFY(all.ok());
        for (const annotation::Video &v : *all) {
            results[v.externalId].videoId = v.id;
            order.append(v.externalId);
        }
        const annotation::LabelSet llp = annotation::LabelSet::llp();
        for (const char *file : {"pred_audio.csv", "pred_visual.csv"}) {
            auto data = formats::findFormat(QStringLiteral("llp-dense"))
                            ->read(kFixture + QLatin1String(file), read);
            QVERIFY2(data.ok(), qPrintable(data.errorString()));
            for (const formats::DatasetSegment &d : std::as_const(data->segments)) {
                annotation::Segment s;
                s.modality = d.modality;
                s.classIndex = llp.indexOf(d.label);
                s.onset = d.onset;
                s.offset = d.offset;
                s.confidence = 0.9;
                QVERIFY(results.contains(d.video));
                results[d.video].segments.append(s);
            }
        }
        annotation::ModelRun run;
        run.pack = QStringLiteral("fixture");
        run.task = QStringLiteral("avvp");
        run.labelSetId = annotation::kLlpLabelSetId;
        QList<storage::RunResult> list;
        for (const QString &name : std::as_const(order))
            list.append(results.value(name));
        auto stored = storage::ModelRunRepository(*db).addRunWithResults(run, list);
        QVERIFY2(stored.ok(), qPrintable(stored.errorString()));

        RunEvaluationOptions options;
        options.task = Task::Avvp;
        options.run = stored->run.id;
        auto r = evaluateRun(*db, options);
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        QCOMPARE(r->videos, 649);
        QCOMPARE(r->windows, 649);
        const QJsonObject expected = expectedJson();
        compareScores(r->avvp.segment, expected.value(QStringLiteral("segment")).toObject(), 1e-6);
        compareScores(r->avvp.event, expected.value(QStringLiteral("event")).toObject(), 1e-6);
    }

    void aveByHand()
    {
        AveEvaluator e;
        const int bg = AveEvaluator::kBackground;
        // Bark (2) true in 2-5 s, predicted in 3-6 s: 8 of 10 right.
        e.add({bg, bg, bg, 2, 2, 2, bg, bg, bg, bg}, {bg, bg, 2, 2, 2, bg, bg, bg, bg, bg});
        // Goat (18) all along, predicted nowhere: 0 of 10.
        e.add(QList<int>(10, bg), QList<int>(10, 18));
        const AveResult r = e.result();
        QCOMPARE(r.videos, 2);
        QCOMPARE(r.segments, 20);
        QCOMPARE(r.accuracy, 40.0);
    }

    void aveFromFiles()
    {
        QTemporaryDir dir;
        auto write = [&](const QString &name, const QByteArray &text) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        };
        write(QStringLiteral("truth.txt"),
              "Category&VideoID&Quality&StartTime&EndTime\n"
              "Bark&aaaaaaaaaaa&good&2&5\nGoat&bbbbbbbbbbb&good&0&10\n");
        write(QStringLiteral("pred.txt"), "Bark&aaaaaaaaaaa&good&3&6\n");
        auto r = evaluateAveFiles(dir.filePath(QStringLiteral("truth.txt")),
                                  dir.filePath(QStringLiteral("pred.txt")));
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        QCOMPARE(r->accuracy, 40.0);
        QCOMPARE(r->videos, 2);
    }

    void avsByHand()
    {
        // Three 2x2 frames. 1: truth on the top row; 2: empty truth; 3: truth on one pixel.
        const QByteArray t1("\1\1\0\0", 4), t2(4, '\0'), t3("\0\0\0\1", 4);
        const QList<float> p1 = probs({0.9f, 0.4f, 0.6f, 0.0f}), p2 = probs({0.2f, 0, 0, 0}),
                           p3 = probs({0, 0, 0, 1.0f});
        // Batches of two frames: [1, 2], [3].
        AvsEvaluator batched(2);
        batched.add(t1, p1);
        batched.add(t2, p2);
        batched.add(t3, p3);
        AvsResult r = batched.result();
        QCOMPARE(r.frames, 3);
        QCOMPARE(r.batches, 2);
        // IoU: frame 1 (> 0.5: pixels 0 and 2) 1/3; frame 2 empty truth: 4 of 4 pixels both
        // empty -> 1; frame 3: 1. Batches: (1/3 + 1) / 2 and 1.
        QVERIFY(std::abs(r.miou - 100.0 * (2.0 / 3 + 1) / 2) < 1e-4);
        // F at the best threshold: frame 1 at a threshold in (0.6, 0.9]: precision 1, recall 1/2
        // -> 1.3 * 0.5 / 0.8 = 0.8125; frame 2 is left out; frame 3 reaches 1.
        QVERIFY(std::abs(r.fmeasure - 100.0 * (0.8125 + 1) / 2) < 1e-4);

        // One batch of all frames: the mean IoU over frames, and the best of the averaged curve.
        AvsEvaluator single(20);
        single.add(t1, p1);
        single.add(t2, p2);
        single.add(t3, p3);
        r = single.result();
        QCOMPARE(r.batches, 1);
        QVERIFY(std::abs(r.miou - 100.0 * (1.0 / 3 + 1 + 1) / 3) < 1e-4);
        QVERIFY(std::abs(r.fmeasure - 100.0 * (0.8125 + 1) / 2) < 1e-4);

        // A batch whose every truth is empty scores F = 0 (the benchmark's code does so).
        AvsEvaluator empty(1);
        empty.add(t2, p2);
        QCOMPARE(empty.result().fmeasure, 0.0);
        QCOMPARE(empty.result().miou, 100.0);
    }

    void avsFromFolders()
    {
        QTemporaryDir dir;
        auto png = [&](const QString &rel, const QByteArray &levels) {
            const QString path = dir.filePath(rel);
            QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
            auto bytes = media::encodeGrayPng(2, 2, levels);
            QVERIFY(bytes.ok());
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(*bytes);
        };
        png(QStringLiteral("gt/test/dog/vidA/vidA_1.png"), QByteArray("\xff\xff\0\0", 4));
        png(QStringLiteral("gt/test/dog/vidA/vidA_2.png"), QByteArray(4, '\0'));
        png(QStringLiteral("gt/test/cat/vidB/vidB_1.png"), QByteArray("\0\0\0\xff", 4));
        // Predictions: probability x 255.
        png(QStringLiteral("pred/vidA_1.png"), QByteArray("\xe6\x66\x99\0", 4));
        png(QStringLiteral("pred/vidB_1.png"), QByteArray("\0\0\0\xff", 4));
        QStringList warnings;
        auto r = evaluateAvsFolders(dir.filePath(QStringLiteral("gt")),
                                    dir.filePath(QStringLiteral("pred")),
                                    2,
                                    QString(),
                                    &warnings);
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        // Frames in the folder's order: test/cat/vidB before test/dog/vidA.
        AvsEvaluator direct(2);
        direct.add(QByteArray("\0\0\0\1", 4), probs({0, 0, 0, 1}));
        direct.add(QByteArray("\1\1\0\0", 4), probs({230 / 255.f, 102 / 255.f, 153 / 255.f, 0}));
        direct.add(QByteArray(4, '\0'), probs({0, 0, 0, 0}));
        QCOMPARE(r->frames, 3);
        QCOMPARE(r->miou, direct.result().miou);
        QCOMPARE(r->fmeasure, direct.result().fmeasure);
        QCOMPARE(warnings.size(), 1); // vidA_2 has no prediction
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
