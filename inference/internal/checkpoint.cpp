#include "inference/internal/checkpoint.h"

#include "inference/internal/pickle.h"

#include <caffe2/serialize/inline_container.h>
#include <torch/csrc/jit/serialization/import.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <unordered_map>

namespace earmark::inference {

using pickle::Value;
using pickle::ValuePtr;

const at::Tensor *StateDict::find(std::string_view name) const
{
    for (const auto &[key, tensor] : entries) {
        if (key == name)
            return &tensor;
    }
    return nullptr;
}

void StateDict::insert(std::string name, at::Tensor tensor)
{
    entries.emplace_back(std::move(name), std::move(tensor));
}

QString checkpointFormatName(CheckpointFormat format)
{
    switch (format) {
    case CheckpointFormat::TorchZip:
        return QStringLiteral("torch.save zip");
    case CheckpointFormat::TorchLegacy:
        return QStringLiteral("legacy torch.save");
    case CheckpointFormat::SafeTensors:
        return QStringLiteral("safetensors");
    case CheckpointFormat::TorchScript:
        return QStringLiteral("TorchScript");
    }
    return {};
}

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

std::string shapeText(at::IntArrayRef sizes)
{
    std::string s = "[";
    for (size_t i = 0; i < sizes.size(); ++i) {
        if (i)
            s += ",";
        s += std::to_string(sizes[i]);
    }
    return s + "]";
}

// ('storage', StorageType, key, location, numel[, view_metadata]) -> (dtype, key, numel).
struct StorageRef
{
    at::ScalarType dtype = at::kFloat;
    std::string key;
    int64_t numel = 0;
    ValuePtr view; // legacy: (view_key, offset, size) or None
};

Result<StorageRef> parseStorageId(const ValuePtr &pid)
{
    if (!pid || pid->kind != Value::Kind::Tuple || pid->items.size() < 5 || !pid->items[0]
        || pid->items[0]->text != "storage")
        return Error(QStringLiteral("unknown persistent id in the pickle (%1)")
                         .arg(qs(pid ? pid->describe() : "null")));
    const auto &it = pid->items;
    StorageRef ref;
    const ValuePtr &type = it[1];
    std::string typeName = type ? type->text : std::string();
    const auto dot = typeName.rfind('.');
    if (dot != std::string::npos)
        typeName = typeName.substr(dot + 1);
    auto dtype = pickle::storageDtype(typeName);
    if (!dtype)
        return Error(QStringLiteral("unsupported storage type %1").arg(qs(typeName)));
    ref.dtype = *dtype;
    if (!it[2] || it[2]->kind != Value::Kind::String)
        return Error(QStringLiteral("storage key is not a string"));
    ref.key = it[2]->text;
    if (!it[4] || it[4]->kind != Value::Kind::Int || it[4]->integer < 0)
        return Error(QStringLiteral("storage %1 has no valid element count").arg(qs(ref.key)));
    ref.numel = it[4]->integer;
    if (it.size() > 5 && it[5] && it[5]->kind == Value::Kind::Tuple)
        ref.view = it[5];
    return ref;
}

ValuePtr tensorValue(at::Tensor t)
{
    auto v = std::make_shared<Value>();
    v->kind = Value::Kind::Tensor;
    v->tensor = std::move(t);
    return v;
}

bool holdsTensors(const ValuePtr &v)
{
    if (!v || v->kind != Value::Kind::Dict)
        return false;
    for (const auto &[key, value] : v->entries) {
        if (key && key->kind == Value::Kind::String && value && value->kind == Value::Kind::Tensor)
            return true;
    }
    return false;
}

// Finds the state_dict in what torch.load would return: the object itself, or under one of the
// wrapper keys training frameworks use.
Result<std::pair<ValuePtr, std::string>> findStateDict(const ValuePtr &root)
{
    static const char *const wrappers[] = {"state_dict",
                                           "model_state_dict",
                                           "model",
                                           "state_dict_ema",
                                           "model_ema",
                                           "net",
                                           "network",
                                           "module",
                                           "weights",
                                           "params"};
    ValuePtr current = root;
    std::string path;
    for (int depth = 0; depth < 4 && current; ++depth) {
        if (current->kind != Value::Kind::Dict)
            break;
        ValuePtr next;
        for (const char *w : wrappers) {
            ValuePtr candidate = current->get(w);
            if (candidate && candidate->kind == Value::Kind::Dict) {
                next = candidate;
                path += (path.empty() ? "" : ".") + std::string(w);
                break;
            }
        }
        if (!next) {
            if (holdsTensors(current))
                return std::make_pair(current, path);
            break;
        }
        current = next;
    }
    if (holdsTensors(current))
        return std::make_pair(current, path);
    std::string keys;
    if (root && root->kind == Value::Kind::Dict) {
        for (const auto &[k, v] : root->entries) {
            if (keys.size() > 200) {
                keys += ", ...";
                break;
            }
            if (k && k->kind == Value::Kind::String)
                keys += (keys.empty() ? "" : ", ") + k->text;
        }
        return Error(
            QStringLiteral("no state_dict found: the file holds a dict with keys %1").arg(qs(keys)));
    }
    return Error(QStringLiteral("no state_dict found: the file holds a %1, not a dict of tensors")
                     .arg(qs(root ? root->describe() : "nothing")));
}

StateDict toStateDict(const ValuePtr &dict)
{
    StateDict sd;
    for (const auto &[k, v] : dict->entries) {
        if (k && k->kind == Value::Kind::String && v && v->kind == Value::Kind::Tensor)
            sd.insert(k->text, v->tensor);
    }
    return sd;
}

Result<Checkpoint> finish(const ValuePtr &root, CheckpointFormat format)
{
    auto found = findStateDict(root);
    if (!found)
        return found.error();
    Checkpoint ck;
    ck.format = format;
    ck.wrapper = found->second;
    ck.tensors = toStateDict(found->first);
    return ck;
}

Result<Checkpoint> readZip(const QString &path)
{
    std::unique_ptr<caffe2::serialize::PyTorchStreamReader> reader;
    try {
        reader = std::make_unique<caffe2::serialize::PyTorchStreamReader>(
            QFile::encodeName(path).toStdString());
    } catch (const std::exception &e) {
        return Error(QStringLiteral("not a readable PyTorch zip archive (%1)")
                         .arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)));
    }
    try {
        if (reader->hasRecord("constants.pkl"))
            return Error(QStringLiteral("TorchScript archive")); // handled by the caller
        if (!reader->hasRecord("data.pkl"))
            return Error(QStringLiteral("the archive has no data.pkl record"));
        auto [pklData, pklSize] = reader->getRecord("data.pkl");
        std::unordered_map<std::string, at::Tensor> storages;
        pickle::PersistentLoader load = [&](const ValuePtr &pid) -> Result<ValuePtr> {
            auto ref = parseStorageId(pid);
            if (!ref)
                return ref.error();
            auto it = storages.find(ref->key);
            if (it != storages.end())
                return tensorValue(it->second);
            const std::string record = "data/" + ref->key;
            if (!reader->hasRecord(record))
                return Error(QStringLiteral("the archive lacks the record %1").arg(qs(record)));
            auto [data, size] = reader->getRecord(record);
            const size_t expected = size_t(ref->numel) * at::elementSize(ref->dtype);
            if (size != expected)
                return Error(QStringLiteral("record %1 holds %2 bytes, its storage needs %3")
                                 .arg(qs(record))
                                 .arg(size)
                                 .arg(expected));
            at::Tensor t = at::empty({ref->numel}, at::TensorOptions().dtype(ref->dtype));
            if (expected)
                std::memcpy(t.data_ptr(), data.get(), expected);
            storages.emplace(ref->key, t);
            return tensorValue(t);
        };
        size_t offset = 0;
        auto root = pickle::unpickle(static_cast<const uint8_t *>(pklData.get()),
                                     pklSize,
                                     &offset,
                                     load);
        if (!root)
            return Error(QStringLiteral("data.pkl: %1").arg(root.errorString()));
        return finish(*root, CheckpointFormat::TorchZip);
    } catch (const std::exception &e) {
        return Error(QStringLiteral("cannot read the archive (%1)")
                         .arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)));
    }
}

Result<Checkpoint> readLegacy(const QByteArray &bytes)
{
    const auto *data = reinterpret_cast<const uint8_t *>(bytes.constData());
    const size_t size = size_t(bytes.size());
    size_t offset = 0;
    const pickle::PersistentLoader none;
    auto magic = pickle::unpickle(data, size, &offset, none);
    // 0x1950a86a20f9469cfc6c, little-endian, as torch.save writes it.
    static const char magicBytes[] = "\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19";
    if (!magic || (*magic)->kind != Value::Kind::BigInt
        || (*magic)->text != std::string(magicBytes, 10))
        return Error(QStringLiteral("not a PyTorch checkpoint (no torch.save magic number)"));
    auto protocol = pickle::unpickle(data, size, &offset, none);
    if (!protocol || (*protocol)->kind != Value::Kind::Int || (*protocol)->integer != 1001)
        return Error(QStringLiteral("unsupported legacy torch.save protocol"));
    auto sysInfo = pickle::unpickle(data, size, &offset, none);
    if (!sysInfo)
        return Error(QStringLiteral("bad legacy header: %1").arg(sysInfo.errorString()));
    if (ValuePtr le = (*sysInfo)->get("little_endian");
        le && le->kind == Value::Kind::Bool && !le->boolean)
        return Error(QStringLiteral("big-endian checkpoints are not supported"));

    struct Root
    {
        StorageRef ref;
        at::Tensor tensor;
    };
    std::map<std::string, Root> roots;
    std::unordered_map<std::string, at::Tensor> views;
    pickle::PersistentLoader load = [&](const ValuePtr &pid) -> Result<ValuePtr> {
        auto ref = parseStorageId(pid);
        if (!ref)
            return ref.error();
        auto it = roots.find(ref->key);
        if (it == roots.end()) {
            at::Tensor t = at::empty({ref->numel}, at::TensorOptions().dtype(ref->dtype));
            it = roots.emplace(ref->key, Root{*ref, t}).first;
        }
        if (ref->view) {
            // (view_key, offset, view_size): a slice of the root storage (PyTorch < 0.4).
            const auto &v = ref->view->items;
            if (v.size() != 3 || v[0]->kind != Value::Kind::String)
                return Error(QStringLiteral("bad storage view"));
            auto vit = views.find(v[0]->text);
            if (vit == views.end()) {
                const int64_t off = v[1]->integer, len = v[2]->integer;
                if (off < 0 || len < 0 || off + len > it->second.tensor.numel())
                    return Error(QStringLiteral("storage view outside its storage"));
                vit = views.emplace(v[0]->text, it->second.tensor.narrow(0, off, len)).first;
            }
            return tensorValue(vit->second);
        }
        return tensorValue(it->second.tensor);
    };
    auto root = pickle::unpickle(data, size, &offset, load);
    if (!root)
        return Error(root.errorString());
    auto keys = pickle::unpickle(data, size, &offset, none);
    if (!keys || (*keys)->kind != Value::Kind::List)
        return Error(QStringLiteral("bad legacy storage list"));
    for (const ValuePtr &k : (*keys)->items) {
        auto it = roots.find(k->text);
        if (it == roots.end())
            return Error(QStringLiteral("storage %1 is listed but never used").arg(qs(k->text)));
        int64_t count = 0;
        if (size - offset < 8)
            return Error(QStringLiteral("the file ends inside storage %1").arg(qs(k->text)));
        std::memcpy(&count, data + offset, 8);
        offset += 8;
        at::Tensor &t = it->second.tensor;
        const size_t nbytes = size_t(t.numel()) * t.element_size();
        if (count != t.numel() || size - offset < nbytes)
            return Error(
                QStringLiteral("storage %1 is truncated or has the wrong size").arg(qs(k->text)));
        if (nbytes)
            std::memcpy(t.data_ptr(), data + offset, nbytes);
        offset += nbytes;
    }
    return finish(*root, CheckpointFormat::TorchLegacy);
}

std::optional<at::ScalarType> safetensorsDtype(const QString &name)
{
    static const std::pair<const char *, at::ScalarType> table[] = {{"F64", at::kDouble},
                                                                    {"F32", at::kFloat},
                                                                    {"F16", at::kHalf},
                                                                    {"BF16", at::kBFloat16},
                                                                    {"I64", at::kLong},
                                                                    {"I32", at::kInt},
                                                                    {"I16", at::kShort},
                                                                    {"I8", at::kChar},
                                                                    {"U8", at::kByte},
                                                                    {"BOOL", at::kBool}};
    for (const auto &[n, t] : table) {
        if (name == QLatin1String(n))
            return t;
    }
    return std::nullopt;
}

const char *safetensorsName(at::ScalarType t)
{
    switch (t) {
    case at::kDouble:
        return "F64";
    case at::kFloat:
        return "F32";
    case at::kHalf:
        return "F16";
    case at::kBFloat16:
        return "BF16";
    case at::kLong:
        return "I64";
    case at::kInt:
        return "I32";
    case at::kShort:
        return "I16";
    case at::kChar:
        return "I8";
    case at::kByte:
        return "U8";
    case at::kBool:
        return "BOOL";
    default:
        return nullptr;
    }
}

Result<Checkpoint> readSafetensors(const QByteArray &bytes)
{
    const size_t size = size_t(bytes.size());
    uint64_t headerLen = 0;
    if (size < 8)
        return Error(QStringLiteral("not a safetensors file (too short)"));
    std::memcpy(&headerLen, bytes.constData(), 8);
    if (headerLen > size - 8)
        return Error(
            QStringLiteral("not a safetensors file (header length %1 past the end)").arg(headerLen));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.mid(8, qsizetype(headerLen)), &err);
    if (!doc.isObject())
        return Error(QStringLiteral("bad safetensors header: %1").arg(err.errorString()));
    const size_t dataStart = 8 + headerLen;
    const size_t dataSize = size - dataStart;
    struct Entry
    {
        std::string name;
        at::Tensor tensor;
        qint64 begin;
    };
    std::vector<Entry> list;
    const QJsonObject header = doc.object();
    for (auto it = header.begin(); it != header.end(); ++it) {
        if (it.key() == QLatin1String("__metadata__"))
            continue;
        const QJsonObject info = it.value().toObject();
        const QString where = QStringLiteral("tensor %1").arg(it.key());
        auto dtype = safetensorsDtype(info.value(QLatin1String("dtype")).toString());
        if (!dtype)
            return Error(QStringLiteral("%1: unsupported dtype %2")
                             .arg(where, info.value(QLatin1String("dtype")).toString()));
        std::vector<int64_t> shape;
        int64_t numel = 1;
        for (const QJsonValue &d : info.value(QLatin1String("shape")).toArray()) {
            const qint64 n = d.toInteger(-1);
            if (n < 0)
                return Error(QStringLiteral("%1: bad shape").arg(where));
            shape.push_back(n);
            numel *= n;
        }
        const QJsonArray offsets = info.value(QLatin1String("data_offsets")).toArray();
        if (offsets.size() != 2)
            return Error(QStringLiteral("%1: data_offsets must hold two numbers").arg(where));
        const qint64 begin = offsets[0].toInteger(-1), end = offsets[1].toInteger(-1);
        const qint64 nbytes = numel * qint64(at::elementSize(*dtype));
        if (begin < 0 || end < begin || size_t(end) > dataSize || end - begin != nbytes)
            return Error(QStringLiteral("%1: data_offsets [%2, %3] do not fit its shape or the "
                                        "file")
                             .arg(where)
                             .arg(begin)
                             .arg(end));
        at::Tensor t = at::empty(shape, at::TensorOptions().dtype(*dtype));
        if (nbytes)
            std::memcpy(t.data_ptr(), bytes.constData() + dataStart + size_t(begin), size_t(nbytes));
        list.push_back({it.key().toStdString(), t, begin});
    }
    // File order, as the writer laid the tensors out.
    std::stable_sort(list.begin(), list.end(), [](const Entry &a, const Entry &b) {
        return a.begin < b.begin;
    });
    Checkpoint ck;
    ck.format = CheckpointFormat::SafeTensors;
    for (Entry &e : list)
        ck.tensors.insert(std::move(e.name), std::move(e.tensor));
    return ck;
}

Result<Checkpoint> readTorchScript(const QString &path)
{
    try {
        torch::jit::Module m = torch::jit::load(QFile::encodeName(path).toStdString());
        Checkpoint ck;
        ck.format = CheckpointFormat::TorchScript;
        for (const auto &p : m.named_parameters(true))
            ck.tensors.insert(p.name, p.value);
        for (const auto &b : m.named_buffers(true))
            ck.tensors.insert(b.name, b.value);
        return ck;
    } catch (const std::exception &e) {
        return Error(QStringLiteral("cannot load the TorchScript archive (%1)")
                         .arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)));
    }
}

} // namespace

Result<Checkpoint> readCheckpoint(const QString &path)
{
    auto withFile = [&](const Error &e) { return Error(e.message, path); };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return withFile(Error(QStringLiteral("cannot open: %1").arg(file.errorString())));
    const QByteArray head = file.peek(16);
    if (head.startsWith("PK\x03\x04")) {
        file.close();
        auto r = readZip(path);
        if (!r && r.error().message == QLatin1String("TorchScript archive"))
            r = readTorchScript(path);
        if (!r)
            return withFile(r.error());
        return r;
    }
    const QByteArray bytes = file.readAll();
    if (bytes.size() != file.size())
        return withFile(Error(QStringLiteral("cannot read: %1").arg(file.errorString())));
    Result<Checkpoint> r = Error(QString());
    if (head.size() >= 2 && uchar(head[0]) == 0x80 && uchar(head[1]) <= 5) {
        r = readLegacy(bytes);
    } else if (head.size() >= 9 && head[8] == '{') {
        r = readSafetensors(bytes);
    } else {
        r = Error(QStringLiteral("not a PyTorch checkpoint, TorchScript archive or safetensors "
                                 "file"));
    }
    if (!r)
        return withFile(r.error());
    if (r->tensors.size() == 0)
        return withFile(Error(QStringLiteral("the checkpoint holds no tensors")));
    return r;
}

StateDict stateDictOf(const torch::nn::Module &module)
{
    StateDict sd;
    for (const auto &p : module.named_parameters(true))
        sd.insert(p.key(), p.value());
    for (const auto &b : module.named_buffers(true))
        sd.insert(b.key(), b.value());
    return sd;
}

Result<LoadReport> loadStateDict(torch::nn::Module &module,
                                 const StateDict &dict,
                                 const QString &what,
                                 const LoadOptions &options)
{
    const StateDict expected = stateDictOf(module);
    std::set<std::string> expectedNames;
    for (const auto &e : expected.entries)
        expectedNames.insert(e.first);

    // The prefix that makes the most keys match (ties: the shortest).
    std::set<std::string> candidates{""};
    for (const auto &[key, t] : dict.entries) {
        for (size_t dot = key.find('.'); dot != std::string::npos; dot = key.find('.', dot + 1))
            candidates.insert(key.substr(0, dot + 1));
    }
    std::string prefix;
    size_t best = 0;
    for (const std::string &c : candidates) {
        size_t hits = 0;
        for (const auto &[key, t] : dict.entries) {
            if (key.compare(0, c.size(), c) == 0 && expectedNames.count(key.substr(c.size())))
                ++hits;
        }
        if (hits > best || (hits == best && c.size() < prefix.size())) {
            best = hits;
            prefix = c;
        }
    }

    auto ignoredKey = [&](const std::string &key) {
        return std::any_of(options.ignoredPrefixes.begin(),
                           options.ignoredPrefixes.end(),
                           [&](const std::string &p) { return key.compare(0, p.size(), p) == 0; });
    };
    LoadReport report;
    report.strippedPrefix = prefix;
    std::map<std::string, at::Tensor> found;
    QStringList unexpected, misshaped, missing;
    for (const auto &[key, t] : dict.entries) {
        if (key.compare(0, prefix.size(), prefix) != 0) {
            report.ignored << qs(key);
            continue;
        }
        const std::string name = key.substr(prefix.size());
        if (!expectedNames.count(name)) {
            if (ignoredKey(name))
                report.ignored << qs(key);
            else
                unexpected << qs(key);
            continue;
        }
        found[name] = t;
    }
    for (const auto &[name, target] : expected.entries) {
        auto it = found.find(name);
        if (it == found.end()) {
            missing << qs(prefix + name);
            continue;
        }
        if (!it->second.sizes().equals(target.sizes()))
            misshaped << QStringLiteral("%1 (checkpoint %2, model %3)")
                             .arg(qs(prefix + name),
                                  qs(shapeText(it->second.sizes())),
                                  qs(shapeText(target.sizes())));
    }
    if (!missing.isEmpty() || !unexpected.isEmpty() || !misshaped.isEmpty()) {
        QStringList parts;
        auto list = [](const QStringList &l) {
            if (l.size() <= 12)
                return l.join(QStringLiteral(", "));
            return (l.mid(0, 12) << QStringLiteral("and %1 more").arg(l.size() - 12))
                .join(QStringLiteral(", "));
        };
        if (!missing.isEmpty())
            parts << QStringLiteral("missing keys: %1").arg(list(missing));
        if (!unexpected.isEmpty())
            parts << QStringLiteral("unexpected keys: %1").arg(list(unexpected));
        if (!misshaped.isEmpty())
            parts << QStringLiteral("mis-shaped keys: %1").arg(list(misshaped));
        return Error(QStringLiteral("the checkpoint does not fit %1; %2")
                         .arg(what, parts.join(QStringLiteral("; "))));
    }
    try {
        torch::NoGradGuard noGrad;
        for (const auto &[name, target] : expected.entries) {
            at::Tensor dst = target;
            dst.copy_(found[name]);
        }
    } catch (const std::exception &e) {
        return Error(QStringLiteral("cannot copy the checkpoint into %1: %2")
                         .arg(what, QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)));
    }
    return report;
}

namespace {

// A protocol-2 pickle of OrderedDict{name: _rebuild_tensor_v2(storage, 0, size, stride, False,
// OrderedDict())}, storages as persistent ids, the way torch.save writes a state_dict.
class PickleWriter
{
public:
    void proto() { m_out += "\x80\x02"; }
    void global(const char *module, const char *name)
    {
        m_out += 'c';
        m_out += module;
        m_out += '\n';
        m_out += name;
        m_out += '\n';
    }
    void mark() { m_out += '('; }
    void op(char c) { m_out += c; }
    void str(const std::string &s)
    {
        m_out += 'X';
        const uint32_t n = uint32_t(s.size());
        m_out.append(reinterpret_cast<const char *>(&n), 4);
        m_out += s;
    }
    void integer(int64_t v)
    {
        if (v >= 0 && v < 256) {
            m_out += 'K';
            m_out += char(uint8_t(v));
        } else if (v >= INT32_MIN && v <= INT32_MAX) {
            m_out += 'J';
            const int32_t i = int32_t(v);
            m_out.append(reinterpret_cast<const char *>(&i), 4);
        } else {
            m_out += "\x8a\x08";
            m_out.append(reinterpret_cast<const char *>(&v), 8);
        }
    }
    void intTuple(at::IntArrayRef values)
    {
        mark();
        for (int64_t v : values)
            integer(v);
        op('t');
    }
    std::string take() { return std::move(m_out); }

private:
    std::string m_out;
};

Status writeTorchZip(const QString &tmpPath,
                     const std::vector<std::pair<std::string, at::Tensor>> &tensors)
{
    PickleWriter w;
    w.proto();
    w.global("collections", "OrderedDict");
    w.op(')');
    w.op('R');
    w.mark();
    for (size_t i = 0; i < tensors.size(); ++i) {
        const at::Tensor &t = tensors[i].second;
        const std::string storage = pickle::storageClassName(t.scalar_type());
        w.str(tensors[i].first);
        w.global("torch._utils", "_rebuild_tensor_v2");
        w.mark();
        w.mark();
        w.str("storage");
        w.global("torch", storage.c_str());
        w.str(std::to_string(i));
        w.str("cpu");
        w.integer(t.numel());
        w.op('t');
        w.op('Q');
        w.integer(0);
        w.intTuple(t.sizes());
        w.intTuple(t.strides());
        w.op('\x89');
        w.global("collections", "OrderedDict");
        w.op(')');
        w.op('R');
        w.op('t');
        w.op('R');
    }
    w.op('u');
    w.op('.');
    const std::string pkl = w.take();
    try {
        caffe2::serialize::PyTorchStreamWriter writer(QFile::encodeName(tmpPath).toStdString());
        writer.writeRecord("data.pkl", pkl.data(), pkl.size());
        for (size_t i = 0; i < tensors.size(); ++i) {
            const at::Tensor &t = tensors[i].second;
            writer.writeRecord("data/" + std::to_string(i), t.data_ptr(), t.nbytes());
        }
        writer.writeEndOfFile();
    } catch (const std::exception &e) {
        return Error(QStringLiteral("cannot write the archive: %1")
                         .arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)));
    }
    return {};
}

} // namespace

Status saveStateDict(const QString &path,
                     const StateDict &dict,
                     CheckpointFormat format,
                     const std::vector<std::pair<std::string, std::string>> &metadata)
{
    std::vector<std::pair<std::string, at::Tensor>> tensors;
    for (const auto &[name, t] : dict.entries) {
        at::Tensor c = t.detach().to(at::kCPU).contiguous();
        if (pickle::storageClassName(c.scalar_type()).empty() || !safetensorsName(c.scalar_type()))
            return Error(QStringLiteral("tensor %1 has a dtype that cannot be saved").arg(qs(name)),
                         path);
        tensors.emplace_back(name, c);
    }
    if (format == CheckpointFormat::TorchZip) {
        // The archive's folder is named after the temporary file; torch.load accepts any name.
        const QString tmp = path + QStringLiteral(".part");
        QFile::remove(tmp);
        if (Status s = writeTorchZip(tmp, tensors); !s) {
            QFile::remove(tmp);
            return Error(s.error().message, path);
        }
        QFile::remove(path);
        if (!QFile::rename(tmp, path)) {
            QFile::remove(tmp);
            return Error(QStringLiteral("cannot move the written file into place"), path);
        }
        return {};
    }
    if (format != CheckpointFormat::SafeTensors)
        return Error(QStringLiteral("only torch.save zip and safetensors files can be written"),
                     path);
    QJsonObject header;
    if (!metadata.empty()) {
        QJsonObject meta;
        for (const auto &[k, v] : metadata)
            meta.insert(qs(k), qs(v));
        header.insert(QStringLiteral("__metadata__"), meta);
    }
    qint64 offset = 0;
    for (const auto &[name, t] : tensors) {
        QJsonArray shape;
        for (int64_t d : t.sizes())
            shape.append(qint64(d));
        const qint64 n = qint64(t.nbytes());
        header.insert(qs(name),
                      QJsonObject{{QStringLiteral("dtype"),
                                   QString::fromLatin1(safetensorsName(t.scalar_type()))},
                                  {QStringLiteral("shape"), shape},
                                  {QStringLiteral("data_offsets"), QJsonArray{offset, offset + n}}});
        offset += n;
    }
    QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    while (json.size() % 8)
        json.append(' ');
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Error(QStringLiteral("cannot write: %1").arg(out.errorString()), path);
    const uint64_t len = uint64_t(json.size());
    out.write(reinterpret_cast<const char *>(&len), 8);
    out.write(json);
    for (const auto &[name, t] : tensors)
        out.write(static_cast<const char *>(t.data_ptr()), qint64(t.nbytes()));
    if (!out.commit())
        return Error(QStringLiteral("cannot write: %1").arg(out.errorString()), path);
    return {};
}

} // namespace earmark::inference
