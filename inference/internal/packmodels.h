#pragma once

// Building the native modules of a model pack from its manifest's "config" objects and their
// checkpoints, and writing those objects back (training code saves packs with these).
//
// Config keys (all optional; sizes missing from a config are read from the checkpoint's shapes):
//   avvp heads:   hidden, heads, ff, layers, norm ("pre"/"post"), temporal_spatial,
//                 adaptive_interaction, label_text_dim
//   ave head:     hidden, heads, ff, layers, audio_dim, visual_dim, classes
//   avs decoder:  visual_channels, audio_dim, hidden, groups
//   audio-cnn:    sample_rate, fft_size, hop, mels, channels [..], embed, segments,
//                 pool ("mean" over frequency, or "max")
//   visual-cnn:   channels [..], embed, pool ("mean" over space, or "max")

#include "core/base/result.h"
#include "inference/avvp.h"
#include "inference/internal/checkpoint.h"
#include "inference/internal/heads.h"

#include <QJsonObject>

namespace earmark::inference {

nn::AudioEncoderOptions audioEncoderOptions(const QJsonObject &config);
QJsonObject toJson(const nn::AudioEncoderOptions &options);
nn::VisualEncoderOptions visualEncoderOptions(const QJsonObject &config);
QJsonObject toJson(const nn::VisualEncoderOptions &options);
nn::AveHeadOptions aveHeadOptions(const QJsonObject &config, const StateDict &weights);
QJsonObject toJson(const nn::AveHeadOptions &options);
nn::AvsDecoderOptions avsDecoderOptions(const QJsonObject &config, const StateDict &weights);
QJsonObject toJson(const nn::AvsDecoderOptions &options);
QJsonObject toJson(const nn::AvvpHeadOptions &options);

// The AVVP head config of a pack entry ("arch" and "config").
Result<AvvpHeadConfig> avvpHeadConfig(const QString &arch, const QJsonObject &config);
// The head's options: `config` where given, the checkpoint's shapes, the arch's defaults.
nn::AvvpHeadOptions avvpHeadOptions(const AvvpHeadConfig &config, const StateDict &weights);
// "VALOR head: audio 128, visual 2048, ..."
QString describeAvvpHead(AvvpArch arch, const nn::AvvpHeadOptions &options);

// Reads `checkpoint`, builds the module from `options` and loads it (eval mode, on `device`).
// Errors name the file and the mismatching keys.
Result<nn::AvvpHead> loadAvvpHead(const QString &checkpoint,
                                  const AvvpHeadConfig &config,
                                  c10::Device device,
                                  QString *description = nullptr);
Result<nn::AveHead> loadAveHead(const QString &checkpoint,
                                const QJsonObject &config,
                                c10::Device device);
Result<nn::AvsDecoder> loadAvsDecoder(const QString &checkpoint,
                                      const QJsonObject &config,
                                      c10::Device device);
Result<nn::AudioEncoder> loadAudioEncoder(const QString &checkpoint,
                                          const QJsonObject &config,
                                          c10::Device device);
Result<nn::VisualEncoder> loadVisualEncoder(const QString &checkpoint,
                                            const QJsonObject &config,
                                            c10::Device device);

} // namespace earmark::inference
