// earmark avvp-head: runs a HAN/VALOR-family AVVP head on one video's .npy features.

#include "app/command.h"

#include "inference/avvp.h"
#include "inference/npy.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace earmark::app {

namespace {

QJsonArray toJson(const std::vector<float> &values)
{
    QJsonArray a;
    for (float v : values)
        a.append(double(v));
    return a;
}

QString className(int index, int classes)
{
    const QStringList &llp = inference::llpClasses();
    if (classes == llp.size())
        return llp.at(index);
    return QString::number(index);
}

int runAvvpHead(const QStringList &args)
{
    const QString name = QStringLiteral("avvp-head");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Run an AVVP head of the HAN/VALOR family on one video's features (.npy files as the "
        "published feature extractors write them) and print its probabilities and events.\n"
        "Hidden size, feed-forward size, layer count and input sizes are read from the "
        "checkpoint; heads and norm placement default to the architecture's published values."));
    const QCommandLineOption arch(QStringLiteral("arch"),
                                  QStringLiteral("han, valor, valor++ or link (default valor)."),
                                  QStringLiteral("ARCH"),
                                  QStringLiteral("valor"));
    const QCommandLineOption checkpoint(QStringLiteral("checkpoint"),
                                        QStringLiteral("The head's weights: torch.save file "
                                                       "(zip or legacy), safetensors or "
                                                       "TorchScript."),
                                        QStringLiteral("CKPT"));
    const QCommandLineOption audio(QStringLiteral("audio"),
                                   QStringLiteral("Audio features: VGGish [10,128] or CLAP "
                                                  "[64,768]."),
                                   QStringLiteral("A.npy"));
    const QCommandLineOption visual(QStringLiteral("visual"),
                                    QStringLiteral("Visual features: ResNet152 [80,2048] or CLIP "
                                                   "[10,768]."),
                                    QStringLiteral("V.npy"));
    const QCommandLineOption st(QStringLiteral("st"),
                                QStringLiteral("Spatio-temporal features: R(2+1)D [10,512]."),
                                QStringLiteral("S.npy"));
    const QCommandLineOption hidden(QStringLiteral("hidden"),
                                    QStringLiteral("Hidden size."),
                                    QStringLiteral("N"));
    const QCommandLineOption heads(QStringLiteral("heads"),
                                   QStringLiteral("Attention heads (HAN 1, VALOR 8)."),
                                   QStringLiteral("N"));
    const QCommandLineOption layers(QStringLiteral("layers"),
                                    QStringLiteral("HAN layers."),
                                    QStringLiteral("N"));
    const QCommandLineOption ff(QStringLiteral("ff"),
                                QStringLiteral("Feed-forward size."),
                                QStringLiteral("N"));
    const QCommandLineOption norm(QStringLiteral("norm"),
                                  QStringLiteral("Norm placement: post (default) or pre."),
                                  QStringLiteral("pre|post"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print JSON: global_prob, a_prob, v_prob, "
                                                 "frame_prob [T][2][C], events."));
    parser.addOptions({arch, checkpoint, audio, visual, st, hidden, heads, layers, ff, norm, json});
    if (auto exit = parseArguments(parser, name, args))
        return *exit;
    for (const QCommandLineOption *required : {&checkpoint, &audio, &visual, &st}) {
        if (!parser.isSet(*required))
            return usageError(name,
                              QStringLiteral("--%1 is required").arg(required->names().constFirst()));
    }
    inference::AvvpHeadConfig config;
    const auto archValue = inference::avvpArchFromName(parser.value(arch));
    if (!archValue)
        return usageError(name,
                          QStringLiteral("unknown --arch '%1': use han, valor, valor++ or link")
                              .arg(parser.value(arch)));
    config.arch = *archValue;
    auto number = [&](const QCommandLineOption &o, int *out) -> bool {
        if (!parser.isSet(o))
            return true;
        bool ok = false;
        const int v = parser.value(o).toInt(&ok);
        if (!ok || v <= 0)
            return false;
        *out = v;
        return true;
    };
    for (auto [o, out] : {std::pair{&hidden, &config.hidden},
                          std::pair{&heads, &config.heads},
                          std::pair{&layers, &config.layers},
                          std::pair{&ff, &config.feedForward}}) {
        if (!number(*o, out))
            return usageError(name,
                              QStringLiteral("--%1 needs a positive whole number, not '%2'")
                                  .arg(o->names().constFirst(), parser.value(*o)));
    }
    if (parser.isSet(norm)) {
        const QString n = parser.value(norm).toLower();
        if (n == QLatin1String("pre") || n == QLatin1String("pre_norm"))
            config.norm = inference::NormPlacement::Pre;
        else if (n == QLatin1String("post") || n == QLatin1String("post_norm"))
            config.norm = inference::NormPlacement::Post;
        else
            return usageError(name,
                              QStringLiteral("--norm is pre or post, not '%1'")
                                  .arg(parser.value(norm)));
    }

    inference::AvvpFeatures features;
    for (auto [o, out] : {std::pair{&audio, &features.audio},
                          std::pair{&visual, &features.visual},
                          std::pair{&st, &features.st}}) {
        auto a = inference::readNpy(parser.value(*o));
        if (!a)
            return fail(name, a.errorString());
        *out = std::move(*a);
    }
    auto model = inference::AvvpModel::load(parser.value(checkpoint), config);
    if (!model)
        return fail(name, model.errorString());
    auto result = (*model)->run({features});
    if (!result)
        return fail(name, result.errorString());
    const inference::AvvpPrediction &p = result->front();
    const std::vector<inference::AvvpEvent> events = inference::avvpEvents(p);

    if (parser.isSet(json)) {
        QJsonArray frame;
        for (int s = 0; s < p.segments; ++s) {
            QJsonArray modalities;
            for (int m = 0; m < 2; ++m) {
                QJsonArray classes;
                for (int c = 0; c < p.classes; ++c)
                    classes.append(double(p.frameProb(s, m, c)));
                modalities.append(classes);
            }
            frame.append(modalities);
        }
        QJsonArray eventList;
        for (const inference::AvvpEvent &e : events) {
            eventList.append(QJsonObject{
                {QStringLiteral("modality"), inference::modalityName(e.modality)},
                {QStringLiteral("class"), className(e.classIndex, p.classes)},
                {QStringLiteral("class_index"), e.classIndex},
                {QStringLiteral("onset"), e.onset},
                {QStringLiteral("offset"), e.offset},
                {QStringLiteral("confidence"), double(e.confidence)},
            });
        }
        const QJsonObject out{{QStringLiteral("global_prob"), toJson(p.global)},
                              {QStringLiteral("a_prob"), toJson(p.audio)},
                              {QStringLiteral("v_prob"), toJson(p.visual)},
                              {QStringLiteral("frame_prob"), frame},
                              {QStringLiteral("events"), eventList},
                              {QStringLiteral("model"), (*model)->description()}};
        printOut(QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Compact)) + u'\n');
        return 0;
    }
    QString text = (*model)->description() + u'\n';
    text += QStringLiteral("classes in the video (probability >= 0.5):\n");
    bool any = false;
    for (int c = 0; c < p.classes; ++c) {
        if (p.global[size_t(c)] < 0.5f)
            continue;
        any = true;
        text += QStringLiteral("  %1  %2 (audio %3, visual %4)\n")
                    .arg(className(c, p.classes), -24)
                    .arg(double(p.global[size_t(c)]), 0, 'f', 3)
                    .arg(double(p.audio[size_t(c)]), 0, 'f', 3)
                    .arg(double(p.visual[size_t(c)]), 0, 'f', 3);
    }
    if (!any)
        text += QStringLiteral("  none\n");
    text += QStringLiteral("events (segments [onset, offset)):\n");
    for (const inference::AvvpEvent &e : events) {
        text += QStringLiteral("  %1  %2  %3-%4 s  (%5)\n")
                    .arg(inference::modalityName(e.modality), -6)
                    .arg(className(e.classIndex, p.classes), -24)
                    .arg(e.onset)
                    .arg(e.offset)
                    .arg(double(e.confidence), 0, 'f', 3);
    }
    if (events.empty())
        text += QStringLiteral("  none\n");
    printOut(text);
    return 0;
}

} // namespace

EARMARK_COMMAND(QStringLiteral("avvp-head"),
                QStringLiteral("Run an AVVP head (HAN, VALOR, VALOR++, LINK) on .npy features"),
                runAvvpHead);

} // namespace earmark::app
