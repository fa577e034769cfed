// Reading checkpoints as they are distributed (files made by Python's torch.save in
// tests/inference/make_fixtures.py), loading them into modules, and writing them back.

#include "inference/internal/checkpoint.h"

#include <torch/nn/modules/linear.h>

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace earmark::inference;

namespace {

QString data(const QString &name)
{
    return QStringLiteral(EARMARK_SOURCE_DIR "/tests/inference/data/checkpoints/") + name;
}

// The module the fixture tensors belong to: a Linear(3, 2) and a step counter.
struct Small : torch::nn::Module
{
    explicit Small(int64_t in = 3)
    {
        layer = register_module("layer", torch::nn::Linear(in, 2));
        steps = register_buffer("steps", torch::zeros({}, torch::kLong));
    }
    torch::nn::Linear layer{nullptr};
    at::Tensor steps;
};

const std::vector<std::string> kOthers{"transposed", "row", "flags", "brain"};

std::vector<std::string> names(const StateDict &sd)
{
    std::vector<std::string> out;
    for (const auto &e : sd.entries)
        out.push_back(e.first);
    return out;
}

bool equal(const at::Tensor &t, const std::vector<double> &values)
{
    at::Tensor flat = t.to(at::kDouble).contiguous().view({-1});
    if (flat.numel() != int64_t(values.size()))
        return false;
    for (size_t i = 0; i < values.size(); ++i) {
        if (flat[int64_t(i)].item<double>() != values[i])
            return false;
    }
    return true;
}

// Checks every tensor the fixture holds, under `prefix`.
void checkTensors(const StateDict &sd, const std::string &prefix, bool withTransposed = true)
{
    const at::Tensor *w = sd.find(prefix + "layer.weight");
    QVERIFY(w);
    QCOMPARE(w->scalar_type(), at::kFloat);
    QCOMPARE(w->sizes().vec(), (std::vector<int64_t>{2, 3}));
    QVERIFY(equal(*w, {0, 0.5, 1, 1.5, 2, 2.5}));
    const at::Tensor *b = sd.find(prefix + "layer.bias");
    QVERIFY(b);
    QCOMPARE(b->scalar_type(), at::kHalf);
    QVERIFY(equal(*b, {1.5, -2.25}));
    const at::Tensor *steps = sd.find(prefix + "steps");
    QVERIFY(steps);
    QCOMPARE(steps->scalar_type(), at::kLong);
    QCOMPARE(steps->dim(), 0);
    QCOMPARE(steps->item<int64_t>(), 7);
    if (withTransposed) {
        const at::Tensor *t = sd.find(prefix + "transposed");
        QVERIFY(t);
        QCOMPARE(t->sizes().vec(), (std::vector<int64_t>{4, 3}));
        QVERIFY(equal(*t, {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}));
    }
    const at::Tensor *row = sd.find(prefix + "row");
    QVERIFY(row);
    QCOMPARE(row->scalar_type(), at::kDouble);
    QVERIFY(equal(*row, {4, 5, 6, 7}));
    const at::Tensor *flags = sd.find(prefix + "flags");
    QVERIFY(flags);
    QCOMPARE(flags->scalar_type(), at::kBool);
    QVERIFY(equal(*flags, {1, 0, 1}));
    const at::Tensor *brain = sd.find(prefix + "brain");
    QVERIFY(brain);
    QCOMPARE(brain->scalar_type(), at::kBFloat16);
    QVERIFY(equal(*brain, {0.5, -1}));
}

} // namespace

class TestCheckpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEveryVariant_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("wrapper");
        QTest::newRow("zip") << "zip.pt"
                             << "" << int(CheckpointFormat::TorchZip) << "";
        QTest::newRow("legacy") << "legacy.pt"
                                << "" << int(CheckpointFormat::TorchLegacy) << "";
        QTest::newRow("pickle protocol 4") << "protocol4.pt"
                                           << "" << int(CheckpointFormat::TorchZip) << "";
        QTest::newRow("lightning state_dict")
            << "lightning.pt"
            << "sed_model." << int(CheckpointFormat::TorchZip) << "state_dict";
        QTest::newRow("model wrapper, legacy, DataParallel")
            << "wrapped_model.pt"
            << "module." << int(CheckpointFormat::TorchLegacy) << "model";
        QTest::newRow("EquiAV prefix") << "equiav_prefix.pt"
                                       << "__M__." << int(CheckpointFormat::TorchZip) << "";
    }

    void readsEveryVariant()
    {
        QFETCH(QString, file);
        QFETCH(QString, prefix);
        QFETCH(int, format);
        QFETCH(QString, wrapper);
        auto ck = readCheckpoint(data(file));
        QVERIFY2(ck.ok(), qPrintable(ck.errorString()));
        QCOMPARE(int(ck->format), format);
        QCOMPARE(QString::fromStdString(ck->wrapper), wrapper);
        QCOMPARE(ck->tensors.size(), size_t(7));
        QCOMPARE(ck->tensors.entries.front().first, prefix.toStdString() + "layer.weight");
        checkTensors(ck->tensors, prefix.toStdString());
    }

    void sharedStoragesStayShared()
    {
        // "row" is a view of the storage "transposed" uses: one storage, two tensors.
        auto ck = readCheckpoint(data(QStringLiteral("zip.pt")));
        QVERIFY(ck.ok());
        QCOMPARE(ck->tensors.find("row")->storage().data(),
                 ck->tensors.find("transposed")->storage().data());
    }

    void readsSafetensorsAndTorchScript()
    {
        auto safe = readCheckpoint(data(QStringLiteral("tensors.safetensors")));
        QVERIFY2(safe.ok(), qPrintable(safe.errorString()));
        QCOMPARE(safe->format, CheckpointFormat::SafeTensors);
        checkTensors(safe->tensors, "", false);
        QCOMPARE(names(safe->tensors).front(), std::string("layer.weight"));

        auto scripted = readCheckpoint(data(QStringLiteral("scripted.pt")));
        QVERIFY2(scripted.ok(), qPrintable(scripted.errorString()));
        QCOMPARE(scripted->format, CheckpointFormat::TorchScript);
        QVERIFY(equal(*scripted->tensors.find("layer.weight"), {0, 0.5, 1, 1.5, 2, 2.5}));
        QVERIFY(equal(*scripted->tensors.find("layer.bias"), {1.5, -2.25}));
        QCOMPARE(scripted->tensors.find("steps")->item<int64_t>(), 7);
    }

    void badFilesSayWhatIsWrong_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text") << "not_a_checkpoint.pt"
                              << "not a PyTorch checkpoint";
        QTest::newRow("truncated") << "truncated_legacy.pt"
                                   << "truncated";
        QTest::newRow("missing") << "no_such_file.pt"
                                 << "cannot open";
    }

    void badFilesSayWhatIsWrong()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        auto ck = readCheckpoint(data(file));
        QVERIFY(!ck.ok());
        QVERIFY2(ck.errorString().contains(file) && ck.errorString().contains(expected),
                 qPrintable(ck.errorString()));
    }

    void loadsIntoModulesWhateverThePrefix_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("prefix");
        QTest::newRow("bare") << "zip.pt"
                              << "";
        QTest::newRow("DataParallel") << "wrapped_model.pt"
                                      << "module.";
        QTest::newRow("EquiAV") << "equiav_prefix.pt"
                                << "__M__.";
        QTest::newRow("Lightning") << "lightning.pt"
                                   << "sed_model.";
    }

    void loadsIntoModulesWhateverThePrefix()
    {
        QFETCH(QString, file);
        QFETCH(QString, prefix);
        auto ck = readCheckpoint(data(file));
        QVERIFY(ck.ok());
        Small m;
        LoadOptions options;
        options.ignoredPrefixes = kOthers;
        auto report = loadStateDict(m, ck->tensors, QStringLiteral("the small module"), options);
        QVERIFY2(report.ok(), qPrintable(report.errorString()));
        QCOMPARE(QString::fromStdString(report->strippedPrefix), prefix);
        QCOMPARE(report->ignored.size(), 4);
        QVERIFY(equal(m.layer->weight, {0, 0.5, 1, 1.5, 2, 2.5}));
        QCOMPARE(m.layer->bias.scalar_type(), at::kFloat); // fp16 converted on load
        QVERIFY(equal(m.layer->bias, {1.5, -2.25}));
        QCOMPARE(m.steps.item<int64_t>(), 7);
    }

    void mismatchesNameTheKeys()
    {
        auto ck = readCheckpoint(data(QStringLiteral("zip.pt")));
        QVERIFY(ck.ok());
        Small wide(4);
        const at::Tensor before = wide.layer->weight.clone();
        auto r = loadStateDict(wide, ck->tensors, QStringLiteral("the wide module"));
        QVERIFY(!r.ok());
        const QString e = r.errorString();
        QVERIFY2(e.contains(QLatin1String("the wide module")), qPrintable(e));
        QVERIFY2(e.contains(QLatin1String("mis-shaped keys: layer.weight (checkpoint [2,3], "
                                          "model [2,4])")),
                 qPrintable(e));
        QVERIFY2(e.contains(QLatin1String("unexpected keys: transposed, row, flags, brain")),
                 qPrintable(e));
        QVERIFY(wide.layer->weight.equal(before)); // nothing half-loaded

        struct Bigger : Small
        {
            Bigger() { extra = register_parameter("extra", torch::zeros({2})); }
            at::Tensor extra;
        } bigger;
        LoadOptions options;
        options.ignoredPrefixes = kOthers;
        auto missing = loadStateDict(bigger, ck->tensors, QStringLiteral("bigger"), options);
        QVERIFY(!missing.ok());
        QVERIFY2(missing.errorString().contains(QLatin1String("missing keys: extra")),
                 qPrintable(missing.errorString()));
    }

    void writesWhatItAndTorchRead_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("name");
        QTest::newRow("torch.save zip") << int(CheckpointFormat::TorchZip) << "out.pt";
        QTest::newRow("safetensors") << int(CheckpointFormat::SafeTensors) << "out.safetensors";
    }

    void writesWhatItAndTorchRead()
    {
        QFETCH(int, format);
        QFETCH(QString, name);
        auto ck = readCheckpoint(data(QStringLiteral("zip.pt")));
        QVERIFY(ck.ok());
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        QVERIFY(saveStateDict(path, ck->tensors, CheckpointFormat(format), {{"by", "test"}}).ok());
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
        auto back = readCheckpoint(path);
        QVERIFY2(back.ok(), qPrintable(back.errorString()));
        QCOMPARE(names(back->tensors), names(ck->tensors));
        checkTensors(back->tensors, "");

        // Python's torch.load reads the zip file as a state_dict with the same values.
        if (format != int(CheckpointFormat::TorchZip))
            return;
        if (!QFile::exists(QStringLiteral("/usr/bin/python3")))
            QSKIP("no /usr/bin/python3 to cross-check with");
        QProcess py;
        py.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import sys, torch\n"
                                 "sd = torch.load(sys.argv[1])\n"
                                 "print(type(sd).__name__, ','.join(sd.keys()))\n"
                                 "print(sd['layer.weight'].tolist(), sd['layer.bias'].dtype, "
                                 "int(sd['steps']), sd['transposed'].tolist()[1])"),
                  path});
        QVERIFY(py.waitForFinished(60000));
        const QString out = QString::fromUtf8(py.readAllStandardOutput());
        if (py.exitCode() != 0 && py.readAllStandardError().contains("No module named 'torch'"))
            QSKIP("python3 has no torch");
        QCOMPARE(py.exitCode(), 0);
        QCOMPARE(out,
                 QStringLiteral(
                     "OrderedDict layer.weight,layer.bias,steps,transposed,row,flags,brain\n"
                     "[[0.0, 0.5, 1.0], [1.5, 2.0, 2.5]] torch.float16 7 "
                     "[1.0, 5.0, 9.0]\n"));
    }
};

QTEST_GUILESS_MAIN(TestCheckpoint)
#include "tst_checkpoint.moc"
