// The HAN/VALOR family of AVVP heads against reference outputs: the official VALOR
// implementation's (../shared/fixtures/avvp-valor) and, for other configurations (HAN's update
// order, pre-norm, several layers, CLAP feature maps, fp16 weights), the Python reference in
// tests/inference/make_fixtures.py.

#include "inference/avvp.h"
#include "inference/npy.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace earmark::inference;

namespace {

const QString kShared = QStringLiteral(EARMARK_SHARED_DIR "/fixtures/avvp-valor/");
const QString kLocal = QStringLiteral(EARMARK_SOURCE_DIR "/tests/inference/data/avvp/");

FloatArray load(const QString &path)
{
    auto a = readNpy(path);
    if (!a)
        qFatal("%s", qPrintable(a.errorString()));
    return std::move(*a);
}

// Largest absolute difference; -1 when the sizes differ.
double maxDiff(const std::vector<float> &got, const FloatArray &expected)
{
    if (got.size() != expected.data.size())
        return -1;
    double worst = 0;
    for (size_t i = 0; i < got.size(); ++i)
        worst = std::max(worst, std::abs(double(got[i]) - double(expected.data[i])));
    return worst;
}

void compare(const AvvpPrediction &p, const QString &prefix, const QString &what)
{
    const struct
    {
        const std::vector<float> &got;
        const char *name;
    } outputs[] = {{p.global, "global_prob"},
                   {p.audio, "a_prob"},
                   {p.visual, "v_prob"},
                   {p.frame, "frame_prob"}};
    for (const auto &o : outputs) {
        const FloatArray expected = load(prefix + QLatin1String(o.name) + QStringLiteral(".npy"));
        const double diff = maxDiff(o.got, expected);
        QVERIFY2(diff >= 0 && diff <= 1e-5,
                 qPrintable(QStringLiteral("%1 %2: max difference %3")
                                .arg(what, QLatin1String(o.name))
                                .arg(diff)));
    }
}

QJsonValue readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

} // namespace

class TestAvvp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesTheOfficialValor()
    {
        if (!QFile::exists(kShared + QStringLiteral("config.json")))
            QSKIP("../shared/fixtures/avvp-valor is not there");
        const QJsonObject config = readJson(kShared + QStringLiteral("config.json")).toObject();
        AvvpHeadConfig c;
        c.arch = AvvpArch::Valor;
        c.hidden = config.value(QLatin1String("hidden_dim")).toInt();
        c.heads = config.value(QLatin1String("nhead")).toInt();
        c.feedForward = config.value(QLatin1String("ff_dim")).toInt();
        c.layers = config.value(QLatin1String("num_layers")).toInt();
        c.norm = config.value(QLatin1String("norm_where")).toString() == QLatin1String("pre_norm")
                     ? NormPlacement::Pre
                     : NormPlacement::Post;
        auto model = AvvpModel::load(kShared + QStringLiteral("checkpoint_best.pt"), c);
        QVERIFY2(model.ok(), qPrintable(model.errorString()));
        QVERIFY2((*model)->description().startsWith(
                     QLatin1String("VALOR head: audio 128, visual 2048, st 512, hidden 512, 8 "
                                   "heads, feed-forward 1024, 1 layer, post-norm")),
                 qPrintable((*model)->description()));
        std::vector<AvvpFeatures> batch;
        QStringList videos;
        for (const QJsonValue &v : config.value(QLatin1String("videos")).toArray())
            videos << v.toString();
        QCOMPARE(videos.size(), 3);
        for (const QString &v : videos) {
            batch.push_back({load(kShared + v + QStringLiteral("_audio.npy")),
                             load(kShared + v + QStringLiteral("_visual.npy")),
                             load(kShared + v + QStringLiteral("_st.npy"))});
        }
        auto all = (*model)->run(batch);
        QVERIFY2(all.ok(), qPrintable(all.errorString()));
        for (int i = 0; i < videos.size(); ++i)
            compare(all->at(size_t(i)),
                    kShared + videos[i] + QStringLiteral("_expected_"),
                    videos[i]);
        // One video at a time gives the same numbers.
        auto one = (*model)->run({batch[1]});
        QVERIFY(one.ok());
        compare(one->front(), kShared + videos[1] + QStringLiteral("_expected_"), videos[1]);
    }

    void matchesTheReferenceInOtherConfigurations_data()
    {
        QTest::addColumn<QJsonObject>("config");
        const QJsonArray configs = readJson(kLocal + QStringLiteral("configs.json")).toArray();
        QVERIFY(configs.size() >= 4);
        for (const QJsonValue &v : configs)
            QTest::newRow(qPrintable(v[QLatin1String("name")].toString())) << v.toObject();
    }

    void matchesTheReferenceInOtherConfigurations()
    {
        QFETCH(QJsonObject, config);
        const QString name = config.value(QLatin1String("name")).toString();
        AvvpHeadConfig c;
        c.arch = *avvpArchFromName(config.value(QLatin1String("arch")).toString());
        // Only what a checkpoint cannot tell: hidden size, feed-forward size and layer count are
        // inferred from its shapes.
        c.heads = config.value(QLatin1String("heads")).toInt();
        c.norm = config.value(QLatin1String("norm")).toString() == QLatin1String("pre")
                     ? NormPlacement::Pre
                     : NormPlacement::Post;
        auto model = AvvpModel::load(kLocal + config.value(QLatin1String("checkpoint")).toString(),
                                     c);
        QVERIFY2(model.ok(), qPrintable(model.errorString()));
        const QString d = (*model)->description();
        QVERIFY2(d.contains(
                     QStringLiteral("hidden %1,").arg(config[QLatin1String("hidden")].toInt()))
                     && d.contains(
                         QStringLiteral("feed-forward %1,").arg(config[QLatin1String("ff")].toInt()))
                     && d.contains(
                         QStringLiteral(", %1 layer").arg(config[QLatin1String("layers")].toInt())),
                 qPrintable(d));
        std::vector<AvvpFeatures> batch;
        const int videos = config.value(QLatin1String("videos")).toInt();
        for (int i = 0; i < videos; ++i) {
            const QString p = kLocal + QStringLiteral("%1_vid%2_").arg(name).arg(i);
            batch.push_back({load(p + QStringLiteral("audio.npy")),
                             load(p + QStringLiteral("visual.npy")),
                             load(p + QStringLiteral("st.npy"))});
        }
        auto out = (*model)->run(batch);
        QVERIFY2(out.ok(), qPrintable(out.errorString()));
        for (int i = 0; i < videos; ++i)
            compare(out->at(size_t(i)),
                    kLocal + QStringLiteral("%1_vid%2_").arg(name).arg(i),
                    QStringLiteral("%1 video %2").arg(name).arg(i));
    }

    void theUpdateOrderMatters()
    {
        // The HAN checkpoint run as VALOR: the unused modules are not tolerated and the error
        // names them; with them accepted the numbers would differ, which the reference catches.
        AvvpHeadConfig c;
        c.arch = AvvpArch::Valor;
        c.heads = 1;
        auto model = AvvpModel::load(kLocal + QStringLiteral("han_legacy.pt"), c);
        QVERIFY(!model.ok());
        QVERIFY2(model.errorString().contains(QLatin1String("han_legacy.pt"))
                     && model.errorString().contains(QLatin1String("unexpected keys: "
                                                                   "module.audio_encoder."))
                     && model.errorString().contains(
                         QLatin1String("missing keys: "
                                       "module.hat_encoder.final_norm_a")),
                 qPrintable(model.errorString()));
    }

    void wrongSizesNameTheKeys()
    {
        AvvpHeadConfig c;
        c.arch = AvvpArch::Valor;
        c.hidden = 64;
        c.heads = 4;
        auto model = AvvpModel::load(kLocal + QStringLiteral("valor_pre.pt"), c);
        QVERIFY(!model.ok());
        const QString e = model.errorString();
        QVERIFY2(e.contains(QLatin1String("valor_pre.pt")) && e.contains(QLatin1String("hidden 64"))
                     && e.contains(QLatin1String("mis-shaped keys: model.fc_prob.weight "
                                                 "(checkpoint [25,32], model [25,64])")),
                 qPrintable(e));
    }

    void wrongInputsAreRefused()
    {
        AvvpHeadConfig c;
        c.heads = 2;
        auto model = AvvpModel::load(kLocal + QStringLiteral("valor_safetensors.safetensors"), c);
        QVERIFY2(model.ok(), qPrintable(model.errorString()));
        AvvpFeatures f{load(kLocal + QStringLiteral("valor_safetensors_vid0_audio.npy")),
                       load(kLocal + QStringLiteral("valor_safetensors_vid0_visual.npy")),
                       load(kLocal + QStringLiteral("valor_safetensors_vid0_st.npy"))};
        AvvpFeatures wide = f;
        wide.audio = FloatArray({10, 128});
        auto r = (*model)->run({wide});
        QVERIFY(!r.ok());
        QVERIFY2(r.errorString().contains(QLatin1String("audio features of shape [10, 128]"))
                     && r.errorString().contains(QLatin1String("[T, 16]")),
                 qPrintable(r.errorString()));
        AvvpFeatures shortAudio = f;
        shortAudio.audio = FloatArray({7, 16});
        QVERIFY(!(*model)->run({shortAudio}).ok());
        QVERIFY(!(*model)->run({f, shortAudio}).ok());
    }

    void eventsAreGatedRunsOfSegments()
    {
        AvvpPrediction p;
        p.segments = 10;
        p.classes = 3;
        p.global = {0.9f, 0.4f, 0.5f};
        p.audio = p.visual = std::vector<float>(3, 0.f);
        p.frame.assign(10 * 2 * 3, 0.1f);
        auto set = [&](int s, int m, int c, float v) { p.frame[size_t((s * 2 + m) * 3 + c)] = v; };
        for (int s : {2, 3, 4, 9})
            set(s, 0, 0, 0.8f); // audio class 0: runs [2,5) and [9,10)
        set(6, 1, 0, 0.5f);     // visual class 0: [6,7), exactly at the threshold
        for (int s = 0; s < 10; ++s)
            set(s, 0, 1, 0.99f); // class 1 gated off by its video-level 0.4
        set(0, 1, 2, 0.7f);      // visual class 2: [0,1)
        const auto events = avvpEvents(p);
        QCOMPARE(events.size(), size_t(4));
        QCOMPARE(events[0].modality, Modality::Audio);
        QCOMPARE(events[0].classIndex, 0);
        QCOMPARE(events[0].onset, 2);
        QCOMPARE(events[0].offset, 5);
        QCOMPARE(events[0].confidence, 0.8f);
        QCOMPARE(events[1].onset, 9);
        QCOMPARE(events[1].offset, 10);
        QCOMPARE(events[2].modality, Modality::Visual);
        QCOMPARE(events[2].onset, 6);
        QCOMPARE(events[2].offset, 7);
        QCOMPARE(events[3].classIndex, 2);
        QCOMPARE(events[3].onset, 0);
    }
};

QTEST_GUILESS_MAIN(TestAvvp)
#include "tst_avvp.moc"
