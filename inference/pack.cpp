#include "inference/pack.h"

#include "core/base/paths.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QVersionNumber>

#include <algorithm>
#include <cmath>

namespace earmark::inference {

const PackEncoder *PackManifest::encoder(const QString &name) const
{
    for (const PackEncoder &e : encoders) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

PackAudioInput PackManifest::audioInput(const PackEncoder &e) const
{
    return e.audio ? *e.audio : audio.value_or(PackAudioInput());
}

PackFrameInput PackManifest::frameInput(const PackEncoder &e) const
{
    return e.frames ? *e.frames : frames.value_or(PackFrameInput());
}

std::vector<double> PackFrameInput::times(double windowLength) const
{
    std::vector<double> out;
    if (sampling == QLatin1String("linspace")) {
        // The frames `ffmpeg -r source_fps` writes show the video at k / source_fps.
        const int n = std::max(1, int(std::floor(windowLength * sourceFps + 1e-9)));
        for (int k = 0; k < count; ++k) {
            const double index = count == 1 ? 0.0 : double(k) * double(n - 1) / double(count - 1);
            out.push_back(std::round(index) / sourceFps);
        }
        return out;
    }
    const int n = std::max(1, int(std::floor(windowLength * fps + 1e-9)));
    for (int k = 0; k < n; ++k)
        out.push_back((double(k) + phase) / fps);
    return out;
}

const PackHead *PackManifest::head(const QString &task) const
{
    for (const PackHead &h : heads) {
        if (h.task == task)
            return &h;
    }
    return nullptr;
}

namespace {

QJsonObject frameJson(const PackFrameInput &f)
{
    return QJsonObject{{QStringLiteral("sampling"), f.sampling},
                       {QStringLiteral("fps"), f.fps},
                       {QStringLiteral("phase"), f.phase},
                       {QStringLiteral("count"), f.count},
                       {QStringLiteral("source_fps"), f.sourceFps},
                       {QStringLiteral("width"), f.width},
                       {QStringLiteral("height"), f.height},
                       {QStringLiteral("resize"), f.resize},
                       {QStringLiteral("filter"), f.filter},
                       {QStringLiteral("mean"), QJsonArray{f.mean[0], f.mean[1], f.mean[2]}},
                       {QStringLiteral("std"), QJsonArray{f.std[0], f.std[1], f.std[2]}}};
}

} // namespace

QString PackManifest::preprocessingKey(const PackEncoder &e) const
{
    QJsonObject key{{QStringLiteral("encoder"), e.name},
                    {QStringLiteral("kind"), e.kind},
                    {QStringLiteral("arch"), e.arch},
                    {QStringLiteral("output"), e.output},
                    {QStringLiteral("config"), e.config},
                    {QStringLiteral("file"), files.value(e.file).sha256},
                    {QStringLiteral("window"), windowLength},
                    {QStringLiteral("segment"), segmentLength}};
    if (e.input == QLatin1String("audio")) {
        const PackAudioInput a = audioInput(e);
        key.insert(QStringLiteral("audio"),
                   QJsonObject{{QStringLiteral("sample_rate"), a.sampleRate},
                               {QStringLiteral("channels"), a.channels}});
    } else {
        key.insert(QStringLiteral("frames"), frameJson(frameInput(e)));
    }
    return QString::fromUtf8(QJsonDocument(key).toJson(QJsonDocument::Compact));
}

namespace {

class Parser
{
public:
    explicit Parser(QString file)
        : m_file(std::move(file))
    {}

    Error error(const QString &field, const QString &message) const
    {
        return Error(field.isEmpty() ? message : QStringLiteral("%1: %2").arg(field, message),
                     m_file);
    }

    // A required string.
    std::optional<QString> string(const QJsonObject &o,
                                  const QString &key,
                                  const QString &where,
                                  std::optional<Error> *err) const
    {
        const QJsonValue v = o.value(key);
        if (!v.isString() || v.toString().trimmed().isEmpty()) {
            *err = error(where + key, QStringLiteral("a non-empty text is required"));
            return std::nullopt;
        }
        return v.toString();
    }

private:
    QString m_file;
};

bool safeRelativePath(const QString &p)
{
    if (p.isEmpty() || QDir::isAbsolutePath(p) || p.startsWith(QLatin1Char('~'))
        || p.contains(QLatin1Char('\\')))
        return false;
    const QStringList parts = p.split(QLatin1Char('/'));
    return std::none_of(parts.begin(), parts.end(), [](const QString &s) {
        return s.isEmpty() || s == QLatin1String("..") || s == QLatin1String(".");
    });
}

std::optional<std::array<float, 3>> triple(const QJsonValue &v)
{
    const QJsonArray a = v.toArray();
    if (a.size() != 3)
        return std::nullopt;
    std::array<float, 3> out{};
    for (int i = 0; i < 3; ++i) {
        if (!a[i].isDouble())
            return std::nullopt;
        out[size_t(i)] = float(a[i].toDouble());
    }
    return out;
}

Result<PackAudioInput> parseAudioInput(const QJsonObject &a, const QString &where, const Parser &p)
{
    PackAudioInput in;
    in.sampleRate = a.value(QLatin1String("sample_rate")).toInt(0);
    in.channels = a.value(QLatin1String("channels")).toInt(1);
    if (in.sampleRate < 1000 || in.sampleRate > 192000)
        return p.error(where + QStringLiteral(".sample_rate"),
                       QStringLiteral("must be a rate in Hz between 1000 and 192000"));
    if (in.channels != 1 && in.channels != 2)
        return p.error(where + QStringLiteral(".channels"), QStringLiteral("must be 1 or 2"));
    return in;
}

Result<PackFrameInput> parseFrameInput(const QJsonObject &f,
                                       const QString &where,
                                       double windowLength,
                                       const Parser &p)
{
    PackFrameInput in;
    in.sampling = f.value(QLatin1String("sampling")).toString(QStringLiteral("uniform"));
    in.fps = f.value(QLatin1String("fps")).toDouble(0);
    in.phase = f.value(QLatin1String("phase")).toDouble(0.5);
    in.count = f.value(QLatin1String("count")).toInt(0);
    in.sourceFps = f.value(QLatin1String("source_fps")).toDouble(0);
    in.width = f.value(QLatin1String("width")).toInt(0);
    in.height = f.value(QLatin1String("height")).toInt(0);
    in.resize = f.value(QLatin1String("resize")).toString(QStringLiteral("stretch"));
    in.filter = f.value(QLatin1String("filter")).toString(QStringLiteral("bicubic"));
    if (in.sampling == QLatin1String("uniform")) {
        if (in.fps <= 0 || in.fps > 60)
            return p.error(where + QStringLiteral(".fps"),
                           QStringLiteral("must be frames per second in (0, 60]"));
        if (in.phase < 0 || in.phase >= 1)
            return p.error(where + QStringLiteral(".phase"), QStringLiteral("must be in [0, 1)"));
        if (in.fps * windowLength < 1 - 1e-9)
            return p.error(where + QStringLiteral(".fps"),
                           QStringLiteral("gives no frame in a window"));
    } else if (in.sampling == QLatin1String("linspace")) {
        if (in.sourceFps <= 0 || in.sourceFps > 120)
            return p.error(where + QStringLiteral(".source_fps"),
                           QStringLiteral("must be the extraction rate in (0, 120]"));
        if (in.count < 1 || in.count > in.sourceFps * windowLength + 1e-9)
            return p.error(where + QStringLiteral(".count"),
                           QStringLiteral("must be between 1 and the frames a window holds"));
    } else {
        return p.error(where + QStringLiteral(".sampling"),
                       QStringLiteral("'%1' is not uniform or linspace").arg(in.sampling));
    }
    if (in.width < 8 || in.height < 8 || in.width > 4096 || in.height > 4096)
        return p.error(where, QStringLiteral("width and height must be pixels between 8 and 4096"));
    static const QStringList resizes{QStringLiteral("stretch"),
                                     QStringLiteral("fit"),
                                     QStringLiteral("crop")};
    if (!resizes.contains(in.resize))
        return p.error(where + QStringLiteral(".resize"),
                       QStringLiteral("'%1' is not stretch, fit or crop").arg(in.resize));
    static const QStringList filters{QStringLiteral("bicubic"),
                                     QStringLiteral("bilinear"),
                                     QStringLiteral("area")};
    if (!filters.contains(in.filter))
        return p.error(where + QStringLiteral(".filter"),
                       QStringLiteral("'%1' is not bicubic, bilinear or area").arg(in.filter));
    if (f.contains(QLatin1String("mean"))) {
        auto v = triple(f.value(QLatin1String("mean")));
        if (!v)
            return p.error(where + QStringLiteral(".mean"),
                           QStringLiteral("must be three numbers (R, G, B)"));
        in.mean = *v;
    }
    if (f.contains(QLatin1String("std"))) {
        auto v = triple(f.value(QLatin1String("std")));
        if (!v || std::any_of(v->begin(), v->end(), [](float x) { return x <= 0; }))
            return p.error(where + QStringLiteral(".std"),
                           QStringLiteral("must be three positive numbers (R, G, B)"));
        in.std = *v;
    }
    return in;
}

} // namespace

Result<PackManifest> parsePackManifest(const QByteArray &json, const QString &file)
{
    Parser p(file);
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &perr);
    if (perr.error != QJsonParseError::NoError) {
        const int line = int(json.left(perr.offset).count('\n')) + 1;
        return Error(QStringLiteral("not valid JSON: %1").arg(perr.errorString()), file, line);
    }
    if (!doc.isObject())
        return p.error(QString(), QStringLiteral("the manifest must be a JSON object"));
    const QJsonObject o = doc.object();
    PackManifest m;
    m.format = o.value(QLatin1String("earmark_pack")).toInt(0);
    if (m.format != 1)
        return p.error(QStringLiteral("earmark_pack"),
                       QStringLiteral("must be 1 (the manifest format this Earmark reads)"));
    std::optional<Error> err;
    static const QRegularExpression idRe(QStringLiteral("^[a-z0-9][a-z0-9._-]*$"));
    for (auto [key, out] :
         {std::pair{"id", &m.id}, std::pair{"name", &m.name}, std::pair{"version", &m.version}}) {
        auto v = p.string(o, QLatin1String(key), QString(), &err);
        if (!v)
            return *err;
        *out = *v;
    }
    if (!idRe.match(m.id).hasMatch())
        return p.error(QStringLiteral("id"),
                       QStringLiteral("'%1' must be lower-case letters, digits, '.', '_' or '-'")
                           .arg(m.id));
    if (m.version.contains(QLatin1Char('@')) || m.version.contains(QLatin1Char('/')))
        return p.error(QStringLiteral("version"), QStringLiteral("must not contain '@' or '/'"));
    m.description = o.value(QLatin1String("description")).toString();
    m.licence = o.value(QLatin1String("licence"))
                    .toString(o.value(QLatin1String("license")).toString());
    m.citation = o.value(QLatin1String("citation")).toString();
    if (m.licence.isEmpty())
        return p.error(QStringLiteral("licence"),
                       QStringLiteral("say under which licence the weights may be used"));
    m.metrics = o.value(QLatin1String("metrics")).toObject();

    const QJsonObject vocabularies = o.value(QLatin1String("vocabularies")).toObject();
    for (auto it = vocabularies.begin(); it != vocabularies.end(); ++it) {
        QStringList classes;
        for (const QJsonValue &c : it.value().toArray()) {
            if (!c.isString() || c.toString().isEmpty())
                return p.error(QStringLiteral("vocabularies.%1").arg(it.key()),
                               QStringLiteral("class names must be non-empty texts"));
            classes << c.toString();
        }
        if (classes.isEmpty())
            return p.error(QStringLiteral("vocabularies.%1").arg(it.key()),
                           QStringLiteral("needs at least one class"));
        if (classes.removeDuplicates() > 0)
            return p.error(QStringLiteral("vocabularies.%1").arg(it.key()),
                           QStringLiteral("a class name repeats"));
        m.vocabularies.insert(it.key(), classes);
    }

    const QJsonObject window = o.value(QLatin1String("window")).toObject();
    m.windowLength = window.value(QLatin1String("length")).toDouble(10);
    m.segmentLength = window.value(QLatin1String("segment")).toDouble(1);
    if (m.windowLength <= 0 || m.segmentLength <= 0 || m.windowLength > 600
        || std::abs(m.windowLength / m.segmentLength - m.segmentsPerWindow()) > 1e-6)
        return p.error(QStringLiteral("window"),
                       QStringLiteral("length and segment must be positive seconds, the length a "
                                      "whole number of segments (at most 600 s)"));

    const QJsonObject inputs = o.value(QLatin1String("inputs")).toObject();
    if (inputs.contains(QLatin1String("audio"))) {
        auto in = parseAudioInput(inputs.value(QLatin1String("audio")).toObject(),
                                  QStringLiteral("inputs.audio"),
                                  p);
        if (!in)
            return in.error();
        m.audio = *in;
    }
    if (inputs.contains(QLatin1String("frames"))) {
        auto in = parseFrameInput(inputs.value(QLatin1String("frames")).toObject(),
                                  QStringLiteral("inputs.frames"),
                                  m.windowLength,
                                  p);
        if (!in)
            return in.error();
        m.frames = *in;
    }

    QStringList referenced;
    const QJsonArray encoders = o.value(QLatin1String("encoders")).toArray();
    for (int i = 0; i < encoders.size(); ++i) {
        const QString where = QStringLiteral("encoders[%1].").arg(i);
        const QJsonObject e = encoders[i].toObject();
        PackEncoder enc;
        for (auto [key, out] : {std::pair{"name", &enc.name},
                                std::pair{"input", &enc.input},
                                std::pair{"kind", &enc.kind},
                                std::pair{"file", &enc.file}}) {
            auto v = p.string(e, QLatin1String(key), where, &err);
            if (!v)
                return *err;
            *out = *v;
        }
        enc.arch = e.value(QLatin1String("arch")).toString();
        enc.output = e.value(QLatin1String("output")).toString(QStringLiteral("vector"));
        enc.config = e.value(QLatin1String("config")).toObject();
        if (e.contains(QLatin1String("audio"))) {
            auto in = parseAudioInput(e.value(QLatin1String("audio")).toObject(),
                                      where + QStringLiteral("audio"),
                                      p);
            if (!in)
                return in.error();
            enc.audio = *in;
        }
        if (e.contains(QLatin1String("frames"))) {
            auto in = parseFrameInput(e.value(QLatin1String("frames")).toObject(),
                                      where + QStringLiteral("frames"),
                                      m.windowLength,
                                      p);
            if (!in)
                return in.error();
            enc.frames = *in;
        }
        if (m.encoder(enc.name))
            return p.error(where + QStringLiteral("name"),
                           QStringLiteral("'%1' is used by two encoders").arg(enc.name));
        if (enc.input == QLatin1String("audio") && !m.audio && !enc.audio)
            return p.error(where + QStringLiteral("input"),
                           QStringLiteral("'audio' needs an inputs.audio section"));
        if (enc.input == QLatin1String("frames") && !m.frames && !enc.frames)
            return p.error(where + QStringLiteral("input"),
                           QStringLiteral("'frames' needs an inputs.frames section"));
        if (enc.input != QLatin1String("audio") && enc.input != QLatin1String("frames"))
            return p.error(where + QStringLiteral("input"),
                           QStringLiteral("'%1' is not audio or frames").arg(enc.input));
        if (enc.kind == QLatin1String("native")) {
            const QString expected = enc.input == QLatin1String("audio")
                                         ? QStringLiteral("audio-cnn")
                                         : QStringLiteral("visual-cnn");
            if (enc.arch != expected)
                return p
                    .error(where + QStringLiteral("arch"),
                           QStringLiteral("a native %1 encoder is '%2'").arg(enc.input, expected));
        } else if (enc.kind != QLatin1String("torchscript")) {
            return p.error(where + QStringLiteral("kind"),
                           QStringLiteral("'%1' is not torchscript or native").arg(enc.kind));
        }
        if (enc.output != QLatin1String("vector") && enc.output != QLatin1String("map"))
            return p.error(where + QStringLiteral("output"),
                           QStringLiteral("'%1' is not vector or map").arg(enc.output));
        if (enc.output == QLatin1String("map") && enc.input != QLatin1String("frames"))
            return p.error(where + QStringLiteral("output"),
                           QStringLiteral("only frame encoders give feature maps"));
        if (!safeRelativePath(enc.file))
            return p
                .error(where + QStringLiteral("file"),
                       QStringLiteral("'%1' must be a path inside the pack folder").arg(enc.file));
        referenced << enc.file;
        m.encoders.push_back(enc);
    }

    static const QMap<QString, QStringList> headInputs{
        {QStringLiteral("avvp"),
         {QStringLiteral("audio"), QStringLiteral("visual"), QStringLiteral("st")}},
        {QStringLiteral("ave"), {QStringLiteral("audio"), QStringLiteral("visual")}},
        {QStringLiteral("avs"), {QStringLiteral("map"), QStringLiteral("audio")}},
    };
    static const QMap<QString, QStringList> headArchs{
        {QStringLiteral("avvp"),
         {QStringLiteral("han"),
          QStringLiteral("valor"),
          QStringLiteral("valor++"),
          QStringLiteral("link")}},
        {QStringLiteral("ave"), {QStringLiteral("ave")}},
        {QStringLiteral("avs"), {QStringLiteral("avs-decoder")}},
    };
    const QJsonArray heads = o.value(QLatin1String("heads")).toArray();
    if (heads.isEmpty())
        return p.error(QStringLiteral("heads"), QStringLiteral("a pack needs at least one head"));
    for (int i = 0; i < heads.size(); ++i) {
        const QString where = QStringLiteral("heads[%1].").arg(i);
        const QJsonObject h = heads[i].toObject();
        PackHead head;
        for (auto [key, out] : {std::pair{"task", &head.task},
                                std::pair{"arch", &head.arch},
                                std::pair{"file", &head.file}}) {
            auto v = p.string(h, QLatin1String(key), where, &err);
            if (!v)
                return *err;
            *out = *v;
        }
        if (!headInputs.contains(head.task))
            return p.error(where + QStringLiteral("task"),
                           QStringLiteral("'%1' is not avvp, ave or avs").arg(head.task));
        if (m.head(head.task))
            return p.error(where + QStringLiteral("task"),
                           QStringLiteral("two heads for '%1'").arg(head.task));
        if (!headArchs.value(head.task).contains(head.arch))
            return p.error(where + QStringLiteral("arch"),
                           QStringLiteral("'%1' is not one of %2")
                               .arg(head.arch,
                                    headArchs.value(head.task).join(QStringLiteral(", "))));
        head.vocabulary = h.value(QLatin1String("vocabulary")).toString();
        if (head.task != QLatin1String("avs") && !m.vocabularies.contains(head.vocabulary))
            return p.error(where + QStringLiteral("vocabulary"),
                           QStringLiteral("'%1' is not in vocabularies").arg(head.vocabulary));
        head.config = h.value(QLatin1String("config")).toObject();
        head.threshold = h.value(QLatin1String("threshold")).toDouble(0.5);
        if (head.threshold <= 0 || head.threshold >= 1)
            return p.error(where + QStringLiteral("threshold"), QStringLiteral("must be in (0, 1)"));
        const QJsonObject features = h.value(QLatin1String("features")).toObject();
        for (const QString &input : headInputs.value(head.task)) {
            const QString enc = features.value(input).toString();
            const PackEncoder *e = m.encoder(enc);
            if (!e)
                return p.error(where + QStringLiteral("features.") + input,
                               enc.isEmpty() ? QStringLiteral("name the encoder that gives it")
                                             : QStringLiteral("no encoder named '%1'").arg(enc));
            const bool wantsMap = input == QLatin1String("map");
            if (wantsMap != (e->output == QLatin1String("map")))
                return p.error(where + QStringLiteral("features.") + input,
                               wantsMap ? QStringLiteral("needs an encoder with output 'map'")
                                        : QStringLiteral("needs an encoder with output 'vector'"));
            head.features.insert(input, enc);
        }
        if (!safeRelativePath(head.file))
            return p
                .error(where + QStringLiteral("file"),
                       QStringLiteral("'%1' must be a path inside the pack folder").arg(head.file));
        referenced << head.file;
        m.tasks << head.task;
        m.heads.push_back(head);
    }
    if (o.contains(QLatin1String("tasks"))) {
        QStringList declared;
        for (const QJsonValue &t : o.value(QLatin1String("tasks")).toArray())
            declared << t.toString();
        for (const QString &t : declared) {
            if (!m.tasks.contains(t))
                return p.error(QStringLiteral("tasks"),
                               QStringLiteral("'%1' is listed but has no head").arg(t));
        }
    }

    const QJsonObject files = o.value(QLatin1String("files")).toObject();
    static const QRegularExpression hexRe(QStringLiteral("^[0-9a-f]{64}$"));
    for (auto it = files.begin(); it != files.end(); ++it) {
        const QString where = QStringLiteral("files.%1").arg(it.key());
        if (!safeRelativePath(it.key()))
            return p.error(where, QStringLiteral("must be a path inside the pack folder"));
        const QJsonObject f = it.value().toObject();
        PackFile pf;
        pf.sha256 = f.value(QLatin1String("sha256")).toString().toLower();
        pf.bytes = qint64(f.value(QLatin1String("bytes")).toDouble(-1));
        if (!hexRe.match(pf.sha256).hasMatch())
            return p.error(where + QStringLiteral(".sha256"),
                           QStringLiteral("must be 64 hexadecimal digits (run `earmark pack "
                                          "checksum FOLDER` to write them)"));
        m.files.insert(it.key(), pf);
    }
    for (const QString &f : referenced) {
        if (!m.files.contains(f))
            return p.error(QStringLiteral("files"),
                           QStringLiteral("'%1' is used but has no checksum (run `earmark pack "
                                          "checksum FOLDER` to write them)")
                               .arg(f));
    }
    return m;
}

QString Pack::filePath(const QString &relative) const
{
    return QDir(folder).filePath(relative);
}

Result<QString> sha256OfFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("cannot open: %1").arg(f.errorString()), path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f))
        return Error(QStringLiteral("cannot read: %1").arg(f.errorString()), path);
    return QString::fromLatin1(hash.result().toHex());
}

namespace {

// The canonical path of `relative` inside `folder`, or an error when it leaves it (through
// "..", a link, ...) or does not exist.
Result<QString> insideFolder(const QString &folder, const QString &relative, const QString &manifest)
{
    const QFileInfo info(QDir(folder).filePath(relative));
    if (!info.exists())
        return Error(QStringLiteral("'%1' is named in the manifest but missing from the pack")
                         .arg(relative),
                     manifest);
    const QString canonical = info.canonicalFilePath();
    if (!canonical.startsWith(folder + QLatin1Char('/')))
        return Error(QStringLiteral("'%1' leads outside the pack folder").arg(relative), manifest);
    if (!info.isFile())
        return Error(QStringLiteral("'%1' is not a file").arg(relative), manifest);
    return canonical;
}

} // namespace

Result<Pack> openPack(const QString &folderPath, VerifyFiles verify)
{
    const QFileInfo dirInfo(folderPath);
    if (!dirInfo.isDir())
        return Error(QStringLiteral("not a folder (a model pack is a folder with pack.json)"),
                     folderPath);
    Pack pack;
    pack.folder = dirInfo.canonicalFilePath();
    const QString manifestPath = QDir(pack.folder).filePath(QStringLiteral("pack.json"));
    QFile file(manifestPath);
    if (!file.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("no readable pack.json in the folder (%1)")
                         .arg(file.errorString()),
                     manifestPath);
    auto manifest = parsePackManifest(file.readAll(), manifestPath);
    if (!manifest)
        return manifest.error();
    pack.manifest = std::move(*manifest);
    for (auto it = pack.manifest.files.cbegin(); it != pack.manifest.files.cend(); ++it) {
        auto path = insideFolder(pack.folder, it.key(), manifestPath);
        if (!path)
            return path.error();
        const qint64 size = QFileInfo(*path).size();
        if (it->bytes >= 0 && size != it->bytes)
            return Error(QStringLiteral("'%1' has %2 bytes, the manifest says %3: the file is "
                                        "damaged or was replaced")
                             .arg(it.key())
                             .arg(size)
                             .arg(it->bytes),
                         manifestPath);
        if (verify == VerifyFiles::Yes) {
            auto sum = sha256OfFile(*path);
            if (!sum)
                return sum.error();
            if (*sum != it->sha256)
                return Error(QStringLiteral("'%1' does not match its SHA-256 in the manifest: the "
                                            "file is damaged or was replaced")
                                 .arg(it.key()),
                             manifestPath);
        }
    }
    return pack;
}

Status updatePackChecksums(const QString &folderPath)
{
    const QString folder = QFileInfo(folderPath).canonicalFilePath();
    const QString manifestPath = QDir(folder).filePath(QStringLiteral("pack.json"));
    QFile file(manifestPath);
    if (folder.isEmpty() || !file.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("no readable pack.json"), manifestPath);
    QJsonParseError perr;
    const QByteArray bytes = file.readAll();
    QJsonObject o = QJsonDocument::fromJson(bytes, &perr).object();
    if (perr.error != QJsonParseError::NoError)
        return Error(QStringLiteral("not valid JSON: %1").arg(perr.errorString()), manifestPath);
    QStringList names;
    for (const char *section : {"encoders", "heads"}) {
        for (const QJsonValue &v : o.value(QLatin1String(section)).toArray())
            names << v.toObject().value(QLatin1String("file")).toString();
    }
    QJsonObject files;
    for (const QString &name : names) {
        if (!safeRelativePath(name))
            return Error(QStringLiteral("'%1' must be a path inside the pack folder").arg(name),
                         manifestPath);
        auto path = insideFolder(folder, name, manifestPath);
        if (!path)
            return path.error();
        auto sum = sha256OfFile(*path);
        if (!sum)
            return sum.error();
        files.insert(name,
                     QJsonObject{{QStringLiteral("sha256"), *sum},
                                 {QStringLiteral("bytes"), QFileInfo(*path).size()}});
    }
    o.insert(QStringLiteral("files"), files);
    QSaveFile out(manifestPath);
    if (!out.open(QIODevice::WriteOnly))
        return Error(QStringLiteral("cannot write: %1").arg(out.errorString()), manifestPath);
    out.write(QJsonDocument(o).toJson(QJsonDocument::Indented));
    if (!out.commit())
        return Error(QStringLiteral("cannot write: %1").arg(out.errorString()), manifestPath);
    return {};
}

PackRegistry::PackRegistry(QString packsDir)
    : m_packsDir(packsDir.isEmpty() ? defaultPacksDir() : QDir(packsDir).absolutePath())
{}

QString PackRegistry::defaultPacksDir()
{
    const QString env = qEnvironmentVariable("EARMARK_PACKS_DIR");
    if (!env.isEmpty())
        return QDir(env).absolutePath();
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("packs"));
}

namespace {

// Natural order: runs of digits compare as numbers ("1.0.0-ft.10" after "1.0.0-ft.9").
bool naturalLess(const QString &a, const QString &b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a.at(i).isDigit() && b.at(j).isDigit()) {
            qsizetype ei = i, ej = j;
            while (ei < a.size() && a.at(ei).isDigit())
                ++ei;
            while (ej < b.size() && b.at(ej).isDigit())
                ++ej;
            const qulonglong x = a.mid(i, ei - i).toULongLong();
            const qulonglong y = b.mid(j, ej - j).toULongLong();
            if (x != y)
                return x < y;
            i = ei;
            j = ej;
            continue;
        }
        if (a.at(i) != b.at(j))
            return a.at(i) < b.at(j);
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

bool versionLess(const QString &a, const QString &b)
{
    const QVersionNumber va = QVersionNumber::fromString(a), vb = QVersionNumber::fromString(b);
    if (!va.isNull() && !vb.isNull() && va != vb)
        return va < vb;
    return naturalLess(a, b);
}

QList<Pack> packsIn(const QString &dir, QStringList *problems)
{
    QList<Pack> out;
    if (dir.isEmpty())
        return out;
    const QDir d(dir);
    for (const QString &name : d.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (name.startsWith(QLatin1Char('.')))
            continue; // partial copies
        auto pack = openPack(d.filePath(name), VerifyFiles::No);
        if (pack)
            out << *pack;
        else if (problems)
            *problems << pack.errorString();
    }
    std::sort(out.begin(), out.end(), [](const Pack &a, const Pack &b) {
        if (a.manifest.id != b.manifest.id)
            return a.manifest.id < b.manifest.id;
        return versionLess(a.manifest.version, b.manifest.version);
    });
    return out;
}

QString shippedPacksDir()
{
    const QString data = paths::dataDir();
    return data.isEmpty() ? QString() : QDir(data).filePath(QStringLiteral("packs"));
}

} // namespace

QList<Pack> PackRegistry::packs() const
{
    m_problems.clear();
    QList<Pack> all = packsIn(shippedPacksDir(), &m_problems);
    all += packsIn(m_packsDir, &m_problems);
    return all;
}

QStringList PackRegistry::problems() const
{
    return m_problems;
}

Result<Pack> PackRegistry::find(const QString &spec) const
{
    if (QFileInfo(spec).isDir())
        return openPack(spec, VerifyFiles::No);
    const QString id = spec.section(QLatin1Char('@'), 0, 0);
    const QString version = spec.contains(QLatin1Char('@')) ? spec.section(QLatin1Char('@'), 1)
                                                            : QString();
    std::optional<Pack> best;
    for (const Pack &p : packs()) {
        if (p.manifest.id != id)
            continue;
        if (!version.isEmpty() && p.manifest.version != version)
            continue;
        if (!best || !versionLess(p.manifest.version, best->manifest.version))
            best = p;
    }
    if (!best)
        return Error(QStringLiteral("no installed model pack '%1' (`earmark pack list` shows "
                                    "them; `earmark pack add FOLDER` installs one)")
                         .arg(spec));
    return *best;
}

Result<Pack> PackRegistry::add(const QString &folder)
{
    auto source = openPack(folder, VerifyFiles::Yes);
    if (!source)
        return source.error();
    if (!QDir().mkpath(m_packsDir))
        return Error(QStringLiteral("cannot create the packs folder"), m_packsDir);
    const PackManifest &m = source->manifest;
    const QString name = QStringLiteral("%1-%2").arg(m.id, m.version);
    const QString target = QDir(m_packsDir).filePath(name);
    if (QFileInfo(target).canonicalFilePath() == source->folder)
        return *source; // already installed here
    const QString partial = QDir(m_packsDir).filePath(QStringLiteral(".partial-") + name);
    QDir(partial).removeRecursively();
    // Copy only pack.json and the files it names (nothing else in the folder is needed).
    QString error;
    bool ok = QDir().mkpath(partial)
              && QFile::copy(QDir(source->folder).filePath(QStringLiteral("pack.json")),
                             QDir(partial).filePath(QStringLiteral("pack.json")));
    for (auto it = m.files.cbegin(); ok && it != m.files.cend(); ++it) {
        const QString dst = QDir(partial).filePath(it.key());
        ok = QDir().mkpath(QFileInfo(dst).absolutePath())
             && QFile::copy(source->filePath(it.key()), dst);
    }
    if (!ok) {
        QDir(partial).removeRecursively();
        return Error(QStringLiteral("cannot copy the pack into %1").arg(m_packsDir), folder);
    }
    const QString old = QDir(m_packsDir).filePath(QStringLiteral(".old-") + name);
    QDir(old).removeRecursively();
    if (QFileInfo::exists(target) && !QDir().rename(target, old)) {
        QDir(partial).removeRecursively();
        return Error(QStringLiteral("cannot replace the installed copy"), target);
    }
    if (!QDir().rename(partial, target)) {
        QDir().rename(old, target);
        QDir(partial).removeRecursively();
        return Error(QStringLiteral("cannot move the copied pack into place"), target);
    }
    QDir(old).removeRecursively();
    auto installed = openPack(target, VerifyFiles::No);
    if (!installed)
        return installed.error();
    if (!QFileInfo::exists(QDir(m_packsDir).filePath(QStringLiteral("active"))))
        (void) setActive(m.id);
    return installed;
}

Status PackRegistry::remove(const QString &spec)
{
    auto pack = find(spec);
    if (!pack)
        return pack.error();
    const QString dir = QFileInfo(m_packsDir).canonicalFilePath();
    if (dir.isEmpty() || !pack->folder.startsWith(dir + QLatin1Char('/')))
        return Error(QStringLiteral("'%1' ships with Earmark or lies outside the packs folder; "
                                    "only added packs can be removed")
                         .arg(spec));
    if (!QDir(pack->folder).removeRecursively())
        return Error(QStringLiteral("cannot remove the pack's folder"), pack->folder);
    return {};
}

Result<Pack> PackRegistry::active() const
{
    QFile f(QDir(m_packsDir).filePath(QStringLiteral("active")));
    if (f.open(QIODevice::ReadOnly)) {
        const QString id = QString::fromUtf8(f.readAll()).trimmed();
        if (!id.isEmpty()) {
            auto pack = find(id);
            if (pack)
                return pack;
        }
    }
    const QList<Pack> all = packs();
    if (all.isEmpty())
        return Error(QStringLiteral("no model pack is installed: add one with `earmark pack add "
                                    "FOLDER` or Analysis › Model Packs…"));
    return all.front();
}

Status PackRegistry::setActive(const QString &spec)
{
    auto pack = find(spec);
    if (!pack)
        return pack.error();
    if (!QDir().mkpath(m_packsDir))
        return Error(QStringLiteral("cannot create the packs folder"), m_packsDir);
    QSaveFile f(QDir(m_packsDir).filePath(QStringLiteral("active")));
    if (!f.open(QIODevice::WriteOnly))
        return Error(QStringLiteral("cannot write: %1").arg(f.errorString()), f.fileName());
    f.write(spec.toUtf8() + '\n');
    if (!f.commit())
        return Error(QStringLiteral("cannot write: %1").arg(f.errorString()), f.fileName());
    return {};
}

} // namespace earmark::inference
