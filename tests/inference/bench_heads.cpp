// Per-window time of each native head on the CPU against the same head run by Debian's
// python3-torch (bench_reference.py), with the same weights, inputs, batch and thread count,
// measured in the same run. Prints a table with the ratio C++ / Python (<= 1.0: C++ as fast or
// faster) and the largest output difference; fails only when the outputs disagree or Python
// cannot run, never on timing.
//
//   ctest --test-dir <build> -C Benchmark -L benchmark -V      or      <build>/.../bench_heads

#include "inference/internal/checkpoint.h"
#include "inference/internal/heads.h"
#include "inference/internal/tensorutil.h"
#include "inference/npy.h"
#include "inference/runtime.h"

#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>
#include <torch/utils.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>

using namespace earmark;
using namespace earmark::inference;

namespace {

struct Head
{
    QString name;
    QString kind; // bench_reference.py's builder
    QJsonObject config;
    int64_t windows = 1;
    std::shared_ptr<torch::nn::Module> module;
    std::vector<at::Tensor> inputs;
    QJsonArray extra;                // extra Python call arguments (AVS output size)
    std::function<at::Tensor()> run; // the head's forward; returns its first output
    double cppMs = 1e30;
    double pyMs = 0;
    double diff = -1;
};

at::Tensor randn(std::vector<int64_t> shape)
{
    return at::randn(shape);
}

double bestOf(int repeats, const std::function<void()> &f)
{
    for (int i = 0; i < 2; ++i)
        f(); // warm-up
    double best = 1e30;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        best = std::min(best, double(t.nsecsElapsed()) / 1e6);
    }
    return best;
}

void addAvvp(std::vector<Head> &heads,
             const QString &name,
             const QString &kind,
             nn::AvvpHeadOptions o,
             int64_t windows,
             std::vector<int64_t> audio,
             std::vector<int64_t> visual)
{
    Head h;
    h.name = name;
    h.kind = kind;
    h.windows = windows;
    h.config = QJsonObject{{QStringLiteral("audio_dim"), qint64(o.audioDim)},
                           {QStringLiteral("visual_dim"), qint64(o.visualDim)},
                           {QStringLiteral("hidden"), qint64(o.hidden)},
                           {QStringLiteral("heads"), qint64(o.heads)},
                           {QStringLiteral("ff"), qint64(o.feedForward)},
                           {QStringLiteral("layers"), qint64(o.layers)},
                           {QStringLiteral("norm"), QStringLiteral("post")},
                           {QStringLiteral("label_text_dim"), qint64(o.labelTextDim)}};
    auto module = std::make_shared<nn::AvvpHeadImpl>(o);
    if (module->sem_a) {
        torch::NoGradGuard g;
        module->sem_a->label_text.copy_(at::randn(module->sem_a->label_text.sizes()));
        module->sem_v->label_text.copy_(at::randn(module->sem_v->label_text.sizes()));
    }
    module->eval();
    audio.insert(audio.begin(), windows);
    visual.insert(visual.begin(), windows);
    h.inputs = {randn(audio), randn(visual), randn({windows, 10, 512})};
    h.module = module;
    h.run = [module, in = h.inputs] { return module->forward(in[0], in[1], in[2]).globalProb; };
    heads.push_back(std::move(h));
}

void addHeads(std::vector<Head> &heads, int64_t windows)
{
    const QString suffix = QStringLiteral(" x%1").arg(windows);
    addAvvp(heads,
            QStringLiteral("HAN") + suffix,
            QStringLiteral("han"),
            nn::AvvpHeadOptions::han(),
            windows,
            {10, 128},
            {80, 2048});
    addAvvp(heads,
            QStringLiteral("VALOR") + suffix,
            QStringLiteral("valor"),
            nn::AvvpHeadOptions::valor(),
            windows,
            {10, 128},
            {80, 2048});
    nn::AvvpHeadOptions plus = nn::AvvpHeadOptions::valorPlus();
    plus.audioDim = plus.visualDim = 768;
    addAvvp(heads,
            QStringLiteral("VALOR++") + suffix,
            QStringLiteral("valor"),
            plus,
            windows,
            {64, 768},
            {10, 768});
    addAvvp(heads,
            QStringLiteral("LINK") + suffix,
            QStringLiteral("link"),
            nn::AvvpHeadOptions::link(512),
            windows,
            {64, 768},
            {10, 768});

    nn::AveHeadOptions ao;
    Head ave;
    ave.name = QStringLiteral("AVE") + suffix;
    ave.kind = QStringLiteral("ave");
    ave.windows = windows;
    ave.config = QJsonObject{{QStringLiteral("audio_dim"), qint64(ao.audioDim)},
                             {QStringLiteral("visual_dim"), qint64(ao.visualDim)},
                             {QStringLiteral("hidden"), qint64(ao.hidden)},
                             {QStringLiteral("heads"), qint64(ao.heads)},
                             {QStringLiteral("ff"), qint64(ao.feedForward)},
                             {QStringLiteral("layers"), qint64(ao.layers)},
                             {QStringLiteral("classes"), qint64(ao.classes)}};
    auto aveModule = std::make_shared<nn::AveHeadImpl>(ao);
    aveModule->eval();
    ave.inputs = {randn({windows, 10, ao.audioDim}), randn({windows, 10, ao.visualDim})};
    ave.module = aveModule;
    ave.run = [aveModule, in = ave.inputs] { return aveModule->forward(in[0], in[1]).eventProb; };
    heads.push_back(std::move(ave));

    nn::AvsDecoderOptions so;
    Head avs;
    avs.name = QStringLiteral("AVS") + suffix;
    avs.kind = QStringLiteral("avs");
    avs.windows = windows;
    avs.config = QJsonObject{{QStringLiteral("visual_channels"), qint64(so.visualChannels)},
                             {QStringLiteral("audio_dim"), qint64(so.audioDim)},
                             {QStringLiteral("hidden"), qint64(so.hidden)},
                             {QStringLiteral("groups"), qint64(so.groups)}};
    auto avsModule = std::make_shared<nn::AvsDecoderImpl>(so);
    avsModule->eval();
    // A window: 10 frames (1 per second) of 14x14 maps, output at 224x224.
    avs.inputs = {randn({windows * 10, so.visualChannels, 14, 14}),
                  randn({windows * 10, so.audioDim})};
    avs.extra = QJsonArray{224, 224};
    avs.module = avsModule;
    avs.run = [avsModule, in = avs.inputs] { return avsModule->forward(in[0], in[1], 224, 224); };
    heads.push_back(std::move(avs));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    configureRuntime();
    const int threads = at::get_num_threads();
    const int repeats = 7;
    torch::manual_seed(11);
    QTemporaryDir dir;
    std::vector<Head> heads;
    addHeads(heads, 1);
    addHeads(heads, 16);

    QJsonArray spec;
    for (size_t i = 0; i < heads.size(); ++i) {
        Head &h = heads[i];
        const QString base = dir.filePath(QStringLiteral("head%1").arg(i));
        if (Status s = saveStateDict(base + QStringLiteral(".pt"), stateDictOf(*h.module)); !s) {
            std::fprintf(stderr, "%s\n", qPrintable(s.errorString()));
            return 1;
        }
        QJsonArray inputs;
        for (size_t k = 0; k < h.inputs.size(); ++k) {
            const QString p = base + QStringLiteral("_in%1.npy").arg(k);
            if (Status s = writeNpy(p, toArray(h.inputs[k])); !s) {
                std::fprintf(stderr, "%s\n", qPrintable(s.errorString()));
                return 1;
            }
            inputs.append(p);
        }
        spec.append(QJsonObject{{QStringLiteral("name"), h.name},
                                {QStringLiteral("kind"), h.kind},
                                {QStringLiteral("config"), h.config},
                                {QStringLiteral("checkpoint"), base + QStringLiteral(".pt")},
                                {QStringLiteral("inputs"), inputs},
                                {QStringLiteral("extra"), h.extra},
                                {QStringLiteral("windows"), qint64(h.windows)},
                                {QStringLiteral("output"), base + QStringLiteral("_out.npy")}});
    }
    const QString specPath = dir.filePath(QStringLiteral("spec.json"));
    {
        QFile f(specPath);
        if (!f.open(QIODevice::WriteOnly))
            return 1;
        f.write(QJsonDocument(QJsonObject{{QStringLiteral("threads"), threads},
                                          {QStringLiteral("repeats"), repeats},
                                          {QStringLiteral("heads"), spec}})
                    .toJson());
    }

    auto timeCpp = [&] {
        c10::InferenceMode guard;
        for (Head &h : heads)
            h.cppMs = std::min(h.cppMs, bestOf(repeats, [&] { h.run(); }) / double(h.windows));
    };
    timeCpp(); // before and after Python: the machine is shared, take each side's best
    QProcess py;
    py.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    py.start(QStringLiteral("/usr/bin/python3"),
             {QStringLiteral(EARMARK_SOURCE_DIR "/tests/inference/bench_reference.py"), specPath});
    if (!py.waitForFinished(1800 * 1000) || py.exitCode() != 0) {
        std::fprintf(stderr, "bench_heads: the Python reference failed (exit %d)\n", py.exitCode());
        return 1;
    }
    timeCpp();
    for (const QByteArray &line : py.readAllStandardOutput().split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        for (Head &h : heads) {
            if (h.name == o.value(QLatin1String("name")).toString())
                h.pyMs = o.value(QLatin1String("ms_per_window")).toDouble();
        }
    }

    bool ok = true;
    std::printf(
        "bench_heads: per-window time on the CPU, %d thread(s), best of %d, C++ (LibTorch %s) "
        "vs Python (python3-torch)\n",
        threads,
        repeats,
        qPrintable(runtimeInfo().torchVersion));
    std::printf("%-14s %12s %12s %8s %12s\n", "head", "C++ ms", "Python ms", "ratio", "max |diff|");
    for (size_t i = 0; i < heads.size(); ++i) {
        Head &h = heads[i];
        {
            c10::InferenceMode guard;
            const at::Tensor mine = h.run();
            auto theirs = readNpy(dir.filePath(QStringLiteral("head%1_out.npy").arg(i)));
            if (theirs && theirs->numel() == mine.numel())
                h.diff = (mine.contiguous().view({-1}) - viewOf(*theirs).view({-1}))
                             .abs()
                             .max()
                             .item<double>();
        }
        const double ratio = h.pyMs > 0 ? h.cppMs / h.pyMs : 0;
        std::printf("%-14s %12.3f %12.3f %8.3f %12.2e%s\n",
                    qPrintable(h.name),
                    h.cppMs,
                    h.pyMs,
                    ratio,
                    h.diff,
                    ratio <= 1.0 ? "" : "   (slower than Python)");
        if (h.diff < 0 || h.diff > 1e-4 || h.pyMs <= 0)
            ok = false;
    }
    if (!ok)
        std::printf(
            "bench_heads: FAILED: the C++ and Python outputs differ or Python gave no time\n");
    return ok ? 0 : 1;
}
