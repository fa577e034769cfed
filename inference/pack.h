#pragma once

// Model packs: a folder with a manifest, pack.json, and the files it names.
//
// pack.json (format 1):
// {
//   "earmark_pack": 1,
//   "id": "earmark-default",            // [a-z0-9][a-z0-9._-]*, names the pack in the library
//   "name": "Earmark default models", "version": "1.0.0",
//   "description": "...", "licence": "MIT", "citation": "...",
//   "tasks": ["avvp", "ave", "avs"],
//   "vocabularies": {"llp": ["Speech", ...], "ave": [...]},   // class names in index order
//   "window": {"length": 10, "segment": 1},                   // seconds
//   "inputs": {
//     "audio":  {"sample_rate": 16000, "channels": 1},
//     "frames": {"sampling": "uniform", "fps": 8, "phase": 0.5,
//                (or "sampling": "linspace", "count": 10, "source_fps": 8)
//                "width": 224, "height": 224,
//                "resize": "stretch" | "fit" | "crop", "filter": "bicubic" | "bilinear" | "area",
//                "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225]}
//   },
//   "encoders": [                                              // feature extractors
//     {"name": "audio", "input": "audio", "kind": "torchscript", "file": "audio.pt"},
//     {"name": "st", "input": "frames", "kind": "torchscript", "file": "r21d.pt",
//      "frames": {...its own settings, like inputs.frames}},
//     {"name": "visual", "input": "frames", "kind": "native", "arch": "visual-cnn",
//      "config": {...}, "file": "visual.safetensors", "output": "vector" | "map"}
//   ],
//   "heads": [
//     {"task": "avvp", "arch": "han" | "valor" | "valor++" | "link", "file": "avvp.pt",
//      "vocabulary": "llp", "config": {"heads": 8, "norm": "post", ...},
//      "features": {"audio": "audio", "visual": "visual", "st": "st"}, "threshold": 0.5},
//     {"task": "ave", "arch": "ave", "file": "ave.pt", "vocabulary": "ave", "config": {...},
//      "features": {"audio": "audio", "visual": "visual"}},
//     {"task": "avs", "arch": "avs-decoder", "file": "avs.pt", "config": {...},
//      "features": {"map": "visual_map", "audio": "audio"}}
//   ],
//   "files": {"audio.pt": {"sha256": "<64 hex digits>", "bytes": 123456}, ...},
//   "metrics": {...}                                           // free-form, shown to people
// }
//
// Encoders: a TorchScript encoder takes one window as a batch of one: audio [1, samples] mono
// (or [1, 2, samples] stereo) float PCM at the input's sample rate; frames [1, N, 3, height,
// width] normalised float RGB (the N frames of the window as the input's sampling picks them).
// It returns [1, T', D] features ([1, N, C, h, w] for a "map" output). Native encoders
// ("audio-cnn", "visual-cnn", inference/internal/packmodels.h lists their config keys) are
// Earmark's small trainable encoders; checkpoints may be torch.save, safetensors or TorchScript
// files. Heads take their features by name; frame features with a multiple of the window's
// segments as rows are averaged per segment. Every file named anywhere must be listed in "files"
// with its checksum, and its path must stay inside the pack folder (no absolute paths, no "..",
// no links out).

#include "core/base/result.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <vector>

namespace earmark::inference {

struct PackAudioInput
{
    int sampleRate = 16000;
    int channels = 1;
    bool operator==(const PackAudioInput &) const = default;
};

struct PackFrameInput
{
    // "uniform": fps frames per second, each at `phase` of its 1/fps interval.
    // "linspace": `count` frames per window picked as round(linspace(0, n - 1, count)) among the
    // n = window x source_fps frames an `ffmpeg -r source_fps` extraction gives (VALOR's CLIP
    // frames: count 10 of source_fps 8).
    QString sampling = QStringLiteral("uniform");
    double fps = 1;
    double phase = 0.5; // where in each 1/fps interval the frame is taken
    int count = 0;
    double sourceFps = 0;
    int width = 224;
    int height = 224;
    QString resize = QStringLiteral("stretch"); // stretch, fit, crop
    QString filter = QStringLiteral("bicubic"); // bicubic, bilinear, area
    std::array<float, 3> mean{0.f, 0.f, 0.f};
    std::array<float, 3> std{1.f, 1.f, 1.f};

    // The times of one window's frames, in seconds from the window's start.
    std::vector<double> times(double windowLength) const;
    bool operator==(const PackFrameInput &) const = default;
};

struct PackEncoder
{
    QString name;
    QString input;                             // "audio" or "frames"
    QString kind;                              // "torchscript" or "native"
    QString arch;                              // native: "audio-cnn", "visual-cnn"
    QString file;                              // relative to the pack folder
    QString output = QStringLiteral("vector"); // "vector" [T', D] or "map" [N, C, h, w]
    QJsonObject config;
    // The encoder's own input settings ("audio" / "frames" objects in its entry), when they
    // differ from the pack's: e.g. CLIP frames at 1 fps and R(2+1)D clips at 8 fps in one pack.
    std::optional<PackAudioInput> audio;
    std::optional<PackFrameInput> frames;
};

struct PackHead
{
    QString task; // "avvp", "ave", "avs"
    QString arch; // avvp: han, valor, valor++, link; ave: ave; avs: avs-decoder
    QString file;
    QString vocabulary; // key into PackManifest::vocabularies; empty for avs
    QJsonObject config;
    QMap<QString, QString> features; // head input -> encoder name
    double threshold = 0.5;
};

struct PackFile
{
    QString sha256; // lower-case hex
    qint64 bytes = -1;
};

struct PackManifest
{
    int format = 1;
    QString id;
    QString name;
    QString version;
    QString description;
    QString licence;
    QString citation;
    QStringList tasks;
    QMap<QString, QStringList> vocabularies;
    double windowLength = 10;
    double segmentLength = 1;
    std::optional<PackAudioInput> audio;
    std::optional<PackFrameInput> frames;
    std::vector<PackEncoder> encoders;
    std::vector<PackHead> heads;
    QMap<QString, PackFile> files;
    QJsonObject metrics;

    int segmentsPerWindow() const { return int(windowLength / segmentLength + 0.5); }
    const PackEncoder *encoder(const QString &name) const;
    // The input settings an encoder works with: its own, else the pack's.
    PackAudioInput audioInput(const PackEncoder &encoder) const;
    PackFrameInput frameInput(const PackEncoder &encoder) const;
    const PackHead *head(const QString &task) const;
    // A JSON text of everything that decides the features of `encoder` (input settings, the
    // encoder's entry and its file's checksum): the feature cache's key.
    QString preprocessingKey(const PackEncoder &encoder) const;
};

// Parses and checks a manifest. Errors name the file and the field ("heads[0].features.st: no
// encoder named 'st'") and say what to write instead.
Result<PackManifest> parsePackManifest(const QByteArray &json, const QString &nameForErrors);

// A pack on disk: its folder and its manifest.
struct Pack
{
    QString folder; // absolute, canonical
    PackManifest manifest;

    // The absolute path of a file the manifest names.
    QString filePath(const QString &relative) const;
};

enum class VerifyFiles { No, Yes };

// Reads <folder>/pack.json, checks that every named file is listed, stays inside the folder and
// exists with the listed size, and (VerifyFiles::Yes) that its SHA-256 matches.
Result<Pack> openPack(const QString &folder, VerifyFiles verify = VerifyFiles::Yes);

// SHA-256 of a file, lower-case hex.
Result<QString> sha256OfFile(const QString &path);

// Writes (or rewrites) the "files" section of <folder>/pack.json from the files the manifest
// names, with their sizes and checksums: for people and tools that assemble packs. Keeps every
// other field as it is; writes through a temporary file and a rename.
Status updatePackChecksums(const QString &folder);

// The installed packs: those shipped with Earmark (<data dir>/packs, read-only) and those a
// person added (<packs dir>/<id>-<version>, copied there so the source may go away). The active
// pack's id is kept in <packs dir>/active.
// Thread-safety: methods touch the file system only; use from one thread at a time.
class PackRegistry
{
public:
    // `packsDir`: where added packs go; by default $EARMARK_PACKS_DIR, else
    // <application data folder>/packs.
    explicit PackRegistry(QString packsDir = QString());

    static QString defaultPacksDir();
    QString packsDir() const { return m_packsDir; }

    // Every installed pack whose manifest reads (checksums not verified: fast). Shipped first,
    // then added ones, each group by id and version.
    QList<Pack> packs() const;
    // Problems found while listing (a broken manifest in the packs folder): shown, not fatal.
    QStringList problems() const;

    // Verifies `folder` as a pack (checksums included) and copies it into the packs folder.
    // Adding a pack with the id and version of an installed one replaces it. The first pack
    // added becomes the active one.
    Result<Pack> add(const QString &folder);
    // Removes an added pack ("id" or "id@version"); shipped packs cannot be removed.
    Status remove(const QString &idOrPath);

    // A pack by "id", "id@version" or folder path. With an id only, the highest version.
    Result<Pack> find(const QString &idOrPath) const;

    // The active pack: the one chosen with setActive, else the first shipped pack, else the
    // first added one. Error when none is installed.
    Result<Pack> active() const;
    Status setActive(const QString &idOrVersion);

private:
    QString m_packsDir;
    mutable QStringList m_problems;
};

} // namespace earmark::inference
