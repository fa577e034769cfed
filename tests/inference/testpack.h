#pragma once

// A model pack with every task, built from freshly initialised native modules (and optionally a
// TorchScript audio encoder from data/encoders), for the engine and command-line tests.

#include "inference/avvp.h"
#include "inference/internal/checkpoint.h"
#include "inference/internal/heads.h"
#include "inference/internal/packmodels.h"
#include "inference/pack.h"

#include <torch/utils.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace earmark::inference::testing {

inline QJsonObject frames64()
{
    return QJsonObject{{QStringLiteral("sampling"), QStringLiteral("uniform")},
                       {QStringLiteral("fps"), 1},
                       {QStringLiteral("phase"), 0.5},
                       {QStringLiteral("width"), 64},
                       {QStringLiteral("height"), 48},
                       {QStringLiteral("resize"), QStringLiteral("stretch")},
                       {QStringLiteral("mean"), QJsonArray{0.5, 0.5, 0.5}},
                       {QStringLiteral("std"), QJsonArray{0.25, 0.25, 0.25}}};
}

// Writes the pack into `folder` (id "test-pack", or "test-scripted" with the TorchScript audio
// encoder). Returns an error text, empty on success.
inline QString writeTestPack(const QString &folder, bool scriptedAudio)
{
    if (!QDir().mkpath(folder))
        return QStringLiteral("cannot create ") + folder;

    torch::manual_seed(7);
    nn::AudioEncoderOptions ao;
    ao.channels = {8, 16};
    ao.embed = 16;
    nn::VisualEncoderOptions vo;
    vo.channels = {8, 16};
    vo.embed = 16;
    nn::AvvpHeadOptions avvp = nn::AvvpHeadOptions::valor();
    avvp.audioDim = avvp.visualDim = avvp.stDim = 16;
    avvp.hidden = 16;
    avvp.heads = 2;
    avvp.feedForward = 32;
    nn::AveHeadOptions ave;
    ave.audioDim = ave.visualDim = 16;
    ave.hidden = 16;
    ave.heads = 2;
    ave.feedForward = 32;
    ave.classes = 3;
    nn::AvsDecoderOptions avs;
    avs.visualChannels = 16;
    avs.audioDim = 16;
    avs.hidden = 8;
    avs.groups = 4;
    QString error;
    auto save = [&](const torch::nn::Module &m, const QString &name) {
        if (Status s = saveStateDict(QDir(folder).filePath(name), stateDictOf(m)); !s)
            error = s.errorString();
    };
    save(*nn::AudioEncoder(ao), QStringLiteral("audio.pt"));
    save(*nn::VisualEncoder(vo), QStringLiteral("visual.pt"));
    save(*nn::AvvpHead(avvp), QStringLiteral("avvp.pt"));
    save(*nn::AveHead(ave), QStringLiteral("ave.pt"));
    save(*nn::AvsDecoder(avs), QStringLiteral("avs.pt"));
    if (!error.isEmpty())
        return error;
    QJsonObject audioEncoder{{QStringLiteral("name"), QStringLiteral("audio")},
                             {QStringLiteral("input"), QStringLiteral("audio")},
                             {QStringLiteral("kind"), QStringLiteral("native")},
                             {QStringLiteral("arch"), QStringLiteral("audio-cnn")},
                             {QStringLiteral("config"), toJson(ao)},
                             {QStringLiteral("file"), QStringLiteral("audio.pt")}};
    if (scriptedAudio) {
        if (!QFile::copy(QStringLiteral(EARMARK_SOURCE_DIR
                                        "/tests/inference/data/encoders/segment_energy.pt"),
                         QDir(folder).filePath(QStringLiteral("energy.pt"))))
            return QStringLiteral("cannot copy the TorchScript encoder");
        audioEncoder = QJsonObject{{QStringLiteral("name"), QStringLiteral("audio")},
                                   {QStringLiteral("input"), QStringLiteral("audio")},
                                   {QStringLiteral("kind"), QStringLiteral("torchscript")},
                                   {QStringLiteral("file"), QStringLiteral("energy.pt")}};
    }
    QJsonArray llp;
    for (const QString &c : llpClasses())
        llp.append(c);
    const QJsonObject manifest{
        {QStringLiteral("earmark_pack"), 1},
        {QStringLiteral("id"),
         scriptedAudio ? QStringLiteral("test-scripted") : QStringLiteral("test-pack")},
        {QStringLiteral("name"), QStringLiteral("Test pack")},
        {QStringLiteral("version"), QStringLiteral("0.1")},
        {QStringLiteral("licence"), QStringLiteral("CC0")},
        {QStringLiteral("vocabularies"),
         QJsonObject{{QStringLiteral("llp"), llp},
                     {QStringLiteral("mini"),
                      QJsonArray{QStringLiteral("bell"),
                                 QStringLiteral("chirp"),
                                 QStringLiteral("noise")}}}},
        {QStringLiteral("window"),
         QJsonObject{{QStringLiteral("length"), 10}, {QStringLiteral("segment"), 1}}},
        {QStringLiteral("inputs"),
         QJsonObject{{QStringLiteral("audio"),
                      QJsonObject{{QStringLiteral("sample_rate"), 16000},
                                  {QStringLiteral("channels"), 1}}},
                     {QStringLiteral("frames"), frames64()}}},
        {QStringLiteral("encoders"),
         QJsonArray{audioEncoder,
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("visual")},
                                {QStringLiteral("input"), QStringLiteral("frames")},
                                {QStringLiteral("kind"), QStringLiteral("native")},
                                {QStringLiteral("arch"), QStringLiteral("visual-cnn")},
                                {QStringLiteral("config"), toJson(vo)},
                                {QStringLiteral("file"), QStringLiteral("visual.pt")}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("visual_map")},
                                {QStringLiteral("input"), QStringLiteral("frames")},
                                {QStringLiteral("kind"), QStringLiteral("native")},
                                {QStringLiteral("arch"), QStringLiteral("visual-cnn")},
                                {QStringLiteral("output"), QStringLiteral("map")},
                                {QStringLiteral("config"), toJson(vo)},
                                {QStringLiteral("file"), QStringLiteral("visual.pt")}}}},
        {QStringLiteral("heads"),
         QJsonArray{QJsonObject{{QStringLiteral("task"), QStringLiteral("avvp")},
                                {QStringLiteral("arch"), QStringLiteral("valor")},
                                {QStringLiteral("file"), QStringLiteral("avvp.pt")},
                                {QStringLiteral("vocabulary"), QStringLiteral("llp")},
                                {QStringLiteral("config"), toJson(avvp)},
                                {QStringLiteral("features"),
                                 QJsonObject{{QStringLiteral("audio"), QStringLiteral("audio")},
                                             {QStringLiteral("visual"), QStringLiteral("visual")},
                                             {QStringLiteral("st"), QStringLiteral("visual")}}}},
                    QJsonObject{{QStringLiteral("task"), QStringLiteral("ave")},
                                {QStringLiteral("arch"), QStringLiteral("ave")},
                                {QStringLiteral("file"), QStringLiteral("ave.pt")},
                                {QStringLiteral("vocabulary"), QStringLiteral("mini")},
                                {QStringLiteral("config"), toJson(ave)},
                                {QStringLiteral("threshold"), 0.45},
                                {QStringLiteral("features"),
                                 QJsonObject{{QStringLiteral("audio"), QStringLiteral("audio")},
                                             {QStringLiteral("visual"), QStringLiteral("visual")}}}},
                    QJsonObject{{QStringLiteral("task"), QStringLiteral("avs")},
                                {QStringLiteral("arch"), QStringLiteral("avs-decoder")},
                                {QStringLiteral("file"), QStringLiteral("avs.pt")},
                                {QStringLiteral("config"), toJson(avs)},
                                {QStringLiteral("threshold"), 0.5},
                                {QStringLiteral("features"),
                                 QJsonObject{{QStringLiteral("map"), QStringLiteral("visual_map")},
                                             {QStringLiteral("audio"), QStringLiteral("audio")}}}}}},
    };
    QFile f(QDir(folder).filePath(QStringLiteral("pack.json")));
    if (!f.open(QIODevice::WriteOnly))
        return f.errorString();
    f.write(QJsonDocument(manifest).toJson());
    f.close();
    const Status sums = updatePackChecksums(folder);
    return sums.ok() ? QString() : sums.errorString();
}

} // namespace earmark::inference::testing
