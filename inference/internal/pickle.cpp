#include "inference/internal/pickle.h"

#include <QString>

#include <cstring>
#include <unordered_map>

namespace earmark::inference::pickle {

ValuePtr Value::none()
{
    return std::make_shared<Value>();
}

ValuePtr Value::makeInt(int64_t v)
{
    auto value = std::make_shared<Value>();
    value->kind = Kind::Int;
    value->integer = v;
    return value;
}

ValuePtr Value::makeString(std::string s)
{
    auto value = std::make_shared<Value>();
    value->kind = Kind::String;
    value->text = std::move(s);
    return value;
}

ValuePtr Value::get(std::string_view key) const
{
    if (kind != Kind::Dict)
        return nullptr;
    for (const auto &[k, v] : entries) {
        if (k && k->kind == Kind::String && k->text == key)
            return v;
    }
    return nullptr;
}

std::string Value::describe() const
{
    switch (kind) {
    case Kind::None:
        return "None";
    case Kind::Bool:
        return "bool";
    case Kind::Int:
    case Kind::BigInt:
        return "int";
    case Kind::Float:
        return "float";
    case Kind::String:
        return "str";
    case Kind::Bytes:
        return "bytes";
    case Kind::Tuple:
        return "tuple of " + std::to_string(items.size());
    case Kind::List:
        return "list of " + std::to_string(items.size());
    case Kind::Dict:
        return "dict of " + std::to_string(entries.size());
    case Kind::Global:
        return "class " + text;
    case Kind::Object:
        return "object " + text;
    case Kind::Tensor:
        return "tensor";
    }
    return "value";
}

std::optional<at::ScalarType> storageDtype(std::string_view name)
{
    static const std::pair<std::string_view, at::ScalarType> table[] = {
        {"FloatStorage", at::kFloat},
        {"DoubleStorage", at::kDouble},
        {"HalfStorage", at::kHalf},
        {"BFloat16Storage", at::kBFloat16},
        {"LongStorage", at::kLong},
        {"IntStorage", at::kInt},
        {"ShortStorage", at::kShort},
        {"CharStorage", at::kChar},
        {"ByteStorage", at::kByte},
        {"BoolStorage", at::kBool},
        {"ComplexFloatStorage", at::kComplexFloat},
        {"ComplexDoubleStorage", at::kComplexDouble},
    };
    for (const auto &[n, t] : table) {
        if (n == name)
            return t;
    }
    return std::nullopt;
}

std::string storageClassName(at::ScalarType dtype)
{
    switch (dtype) {
    case at::kFloat:
        return "FloatStorage";
    case at::kDouble:
        return "DoubleStorage";
    case at::kHalf:
        return "HalfStorage";
    case at::kBFloat16:
        return "BFloat16Storage";
    case at::kLong:
        return "LongStorage";
    case at::kInt:
        return "IntStorage";
    case at::kShort:
        return "ShortStorage";
    case at::kChar:
        return "CharStorage";
    case at::kByte:
        return "ByteStorage";
    case at::kBool:
        return "BoolStorage";
    default:
        return {};
    }
}

namespace {

using Kind = Value::Kind;

class Unpickler
{
public:
    Unpickler(const uint8_t *data, size_t size, size_t offset, const PersistentLoader &load)
        : m_data(data)
        , m_size(size)
        , m_pos(offset)
        , m_load(load)
    {}

    Result<ValuePtr> run();
    size_t position() const { return m_pos; }

private:
    Error fail(const std::string &what) const
    {
        return Error(QStringLiteral("pickle: %1 (opcode 0x%2 at byte %3)")
                         .arg(QString::fromStdString(what))
                         .arg(m_opcode, 2, 16, QLatin1Char('0'))
                         .arg(m_opStart));
    }
    bool need(size_t n) const { return m_size - m_pos >= n; }
    template<typename T>
    bool readLe(T *out)
    {
        if (!need(sizeof(T)))
            return false;
        std::memcpy(out, m_data + m_pos, sizeof(T)); // x86-64 and arm64 are little-endian
        m_pos += sizeof(T);
        return true;
    }
    bool readBytes(size_t n, std::string *out)
    {
        if (!need(n))
            return false;
        out->assign(reinterpret_cast<const char *>(m_data + m_pos), n);
        m_pos += n;
        return true;
    }
    bool readLine(std::string *out)
    {
        const size_t start = m_pos;
        while (m_pos < m_size && m_data[m_pos] != '\n')
            ++m_pos;
        if (m_pos >= m_size)
            return false;
        out->assign(reinterpret_cast<const char *>(m_data + start), m_pos - start);
        ++m_pos;
        return true;
    }
    ValuePtr pop()
    {
        ValuePtr v = std::move(m_stack.back());
        m_stack.pop_back();
        return v;
    }
    // Pops everything above the last mark, and the mark.
    bool popMark(std::vector<ValuePtr> *items)
    {
        if (m_marks.empty())
            return false;
        const size_t at = m_marks.back();
        m_marks.pop_back();
        if (at > m_stack.size())
            return false;
        items->assign(std::make_move_iterator(m_stack.begin() + at),
                      std::make_move_iterator(m_stack.end()));
        m_stack.resize(at);
        return true;
    }
    static ValuePtr make(Kind kind)
    {
        auto v = std::make_shared<Value>();
        v->kind = kind;
        return v;
    }
    static ValuePtr makeSeq(Kind kind, std::vector<ValuePtr> items)
    {
        auto v = make(kind);
        v->items = std::move(items);
        return v;
    }

    Result<ValuePtr> call(const ValuePtr &callable, const ValuePtr &args);
    Result<ValuePtr> rebuildTensor(const std::vector<ValuePtr> &args);

    const uint8_t *m_data;
    size_t m_size;
    size_t m_pos;
    const PersistentLoader &m_load;
    std::vector<ValuePtr> m_stack;
    std::vector<size_t> m_marks;
    std::unordered_map<uint64_t, ValuePtr> m_memo;
    int m_opcode = 0;
    size_t m_opStart = 0;
};

bool intList(const ValuePtr &v, std::vector<int64_t> *out)
{
    if (!v || (v->kind != Kind::Tuple && v->kind != Kind::List))
        return false;
    out->clear();
    for (const ValuePtr &item : v->items) {
        if (!item || item->kind != Kind::Int)
            return false;
        out->push_back(item->integer);
    }
    return true;
}

Result<ValuePtr> Unpickler::rebuildTensor(const std::vector<ValuePtr> &args)
{
    if (args.size() < 4)
        return fail("tensor rebuild expects at least 4 arguments");
    const ValuePtr &storage = args[0];
    if (!storage || storage->kind != Kind::Tensor)
        return fail("tensor rebuild: the first argument is not a storage");
    if (!args[1] || args[1]->kind != Kind::Int)
        return fail("tensor rebuild: the storage offset is not an integer");
    std::vector<int64_t> size, stride;
    if (!intList(args[2], &size) || !intList(args[3], &stride) || size.size() != stride.size())
        return fail("tensor rebuild: bad size or stride");
    const int64_t offset = args[1]->integer;
    const int64_t numel = storage->tensor.numel();
    int64_t last = offset;
    bool empty = false;
    for (size_t i = 0; i < size.size(); ++i) {
        if (size[i] < 0 || stride[i] < 0)
            return fail("tensor rebuild: negative size or stride");
        if (size[i] == 0)
            empty = true;
        else
            last += (size[i] - 1) * stride[i];
    }
    if (offset < 0 || (!empty && last >= numel))
        return fail("tensor rebuild: the tensor reaches past its storage of "
                    + std::to_string(numel) + " elements");
    auto v = make(Kind::Tensor);
    v->tensor = storage->tensor.as_strided(size, stride, offset);
    return v;
}

Result<ValuePtr> Unpickler::call(const ValuePtr &callable, const ValuePtr &args)
{
    if (!args || args->kind != Kind::Tuple)
        return fail("REDUCE arguments are not a tuple");
    const std::vector<ValuePtr> &a = args->items;
    if (callable && callable->kind == Kind::Global) {
        const std::string &name = callable->text;
        if (name == "collections.OrderedDict" || name == "builtins.dict") {
            auto d = make(Kind::Dict);
            if (!a.empty() && a[0] && a[0]->kind == Kind::List) {
                for (const ValuePtr &pair : a[0]->items) {
                    if (pair && pair->kind == Kind::Tuple && pair->items.size() == 2)
                        d->entries.emplace_back(pair->items[0], pair->items[1]);
                }
            }
            return d;
        }
        if (name == "torch._utils._rebuild_tensor_v2")
            return rebuildTensor(a);
        if (name == "torch._utils._rebuild_tensor")
            return rebuildTensor(a);
        if (name == "torch._utils._rebuild_parameter"
            || name == "torch._utils._rebuild_parameter_with_state") {
            if (a.empty() || !a[0] || a[0]->kind != Kind::Tensor)
                return fail("parameter rebuild without a tensor");
            return a[0];
        }
        if (name == "torch._tensor._rebuild_from_type_v2"
            || name == "torch._tensor._rebuild_from_type") {
            // (function, type, args, state): the tensor is what `function(*args)` makes.
            if (a.size() < 3)
                return fail("_rebuild_from_type expects a function and its arguments");
            return call(a[0], a[2]);
        }
        if (name == "torch.Size" || name == "builtins.tuple") {
            if (!a.empty() && a[0] && (a[0]->kind == Kind::Tuple || a[0]->kind == Kind::List))
                return makeSeq(Kind::Tuple, a[0]->items);
            return makeSeq(Kind::Tuple, {});
        }
        if (name == "builtins.set" || name == "builtins.frozenset" || name == "builtins.list") {
            if (!a.empty() && a[0] && (a[0]->kind == Kind::Tuple || a[0]->kind == Kind::List))
                return makeSeq(Kind::List, a[0]->items);
            return makeSeq(Kind::List, {});
        }
    }
    auto obj = make(Kind::Object);
    obj->text = callable ? (callable->kind == Kind::Global ? callable->text : callable->describe())
                         : std::string("?");
    obj->items = a;
    return obj;
}

Result<ValuePtr> Unpickler::run()
{
    for (;;) {
        m_opStart = m_pos;
        if (!need(1))
            return fail("the data ends before the pickle's STOP");
        m_opcode = m_data[m_pos++];
        const char op = char(m_opcode);
        switch (op) {
        case '\x80': { // PROTO
            uint8_t proto = 0;
            if (!readLe(&proto))
                return fail("truncated");
            if (proto > 5)
                return fail("unsupported pickle protocol " + std::to_string(proto));
            break;
        }
        case '\x95': { // FRAME
            uint64_t len = 0;
            if (!readLe(&len))
                return fail("truncated");
            break;
        }
        case '.': // STOP
            if (m_stack.empty())
                return fail("STOP with an empty stack");
            return m_stack.back();
        case '(': // MARK
            m_marks.push_back(m_stack.size());
            break;
        case '0': // POP
            if (m_stack.empty())
                return fail("POP on an empty stack");
            m_stack.pop_back();
            break;
        case '1': { // POP_MARK
            std::vector<ValuePtr> dropped;
            if (!popMark(&dropped))
                return fail("POP_MARK without a mark");
            break;
        }
        case '2': // DUP
            if (m_stack.empty())
                return fail("DUP on an empty stack");
            m_stack.push_back(m_stack.back());
            break;
        case 'N':
            m_stack.push_back(Value::none());
            break;
        case '\x88':
        case '\x89': {
            auto v = make(Kind::Bool);
            v->boolean = op == '\x88';
            m_stack.push_back(v);
            break;
        }
        case 'J': {
            int32_t i = 0;
            if (!readLe(&i))
                return fail("truncated");
            m_stack.push_back(Value::makeInt(i));
            break;
        }
        case 'K': {
            uint8_t i = 0;
            if (!readLe(&i))
                return fail("truncated");
            m_stack.push_back(Value::makeInt(i));
            break;
        }
        case 'M': {
            uint16_t i = 0;
            if (!readLe(&i))
                return fail("truncated");
            m_stack.push_back(Value::makeInt(i));
            break;
        }
        case '\x8a':   // LONG1
        case '\x8b': { // LONG4
            uint32_t n = 0;
            if (op == '\x8a') {
                uint8_t n8 = 0;
                if (!readLe(&n8))
                    return fail("truncated");
                n = n8;
            } else if (!readLe(&n)) {
                return fail("truncated");
            }
            std::string bytes;
            if (!readBytes(n, &bytes))
                return fail("truncated");
            if (n <= 8) {
                uint64_t u = 0;
                for (uint32_t k = 0; k < n; ++k)
                    u |= uint64_t(uint8_t(bytes[k])) << (8 * k);
                if (n > 0 && n < 8 && (uint8_t(bytes[n - 1]) & 0x80))
                    u |= ~uint64_t(0) << (8 * n); // sign-extend
                m_stack.push_back(Value::makeInt(int64_t(u)));
            } else {
                auto v = make(Kind::BigInt);
                v->text = std::move(bytes);
                m_stack.push_back(v);
            }
            break;
        }
        case 'I':   // INT (text)
        case 'L': { // LONG (text)
            std::string line;
            if (!readLine(&line))
                return fail("truncated");
            if (op == 'I' && (line == "01" || line == "00")) {
                auto v = make(Kind::Bool);
                v->boolean = line == "01";
                m_stack.push_back(v);
                break;
            }
            if (!line.empty() && line.back() == 'L')
                line.pop_back();
            try {
                m_stack.push_back(Value::makeInt(std::stoll(line)));
            } catch (...) {
                return fail("bad integer literal '" + line + "'");
            }
            break;
        }
        case 'G': { // BINFLOAT, big-endian double
            if (!need(8))
                return fail("truncated");
            uint64_t bits = 0;
            for (int k = 0; k < 8; ++k)
                bits = (bits << 8) | m_data[m_pos + k];
            m_pos += 8;
            auto v = make(Kind::Float);
            std::memcpy(&v->real, &bits, sizeof(double));
            m_stack.push_back(v);
            break;
        }
        case 'F': {
            std::string line;
            if (!readLine(&line))
                return fail("truncated");
            auto v = make(Kind::Float);
            try {
                v->real = std::stod(line);
            } catch (...) {
                return fail("bad float literal '" + line + "'");
            }
            m_stack.push_back(v);
            break;
        }
        case 'X':      // BINUNICODE
        case '\x8c':   // SHORT_BINUNICODE
        case '\x8d':   // BINUNICODE8
        case 'T':      // BINSTRING
        case 'U':      // SHORT_BINSTRING
        case 'B':      // BINBYTES
        case 'C':      // SHORT_BINBYTES
        case '\x8e': { // BINBYTES8
            uint64_t n = 0;
            bool ok = true;
            if (op == '\x8c' || op == 'U' || op == 'C') {
                uint8_t n8 = 0;
                ok = readLe(&n8);
                n = n8;
            } else if (op == '\x8d' || op == '\x8e') {
                ok = readLe(&n);
            } else {
                uint32_t n32 = 0;
                ok = readLe(&n32);
                n = n32;
            }
            std::string bytes;
            if (!ok || !readBytes(n, &bytes))
                return fail("truncated string");
            ValuePtr v;
            if (op == 'B' || op == 'C' || op == '\x8e') {
                v = make(Kind::Bytes);
                v->text = std::move(bytes);
            } else if (op == 'T' || op == 'U') {
                // Python 2 str: torch.load decodes it as latin-1.
                v = Value::makeString(
                    QString::fromLatin1(bytes.data(), qsizetype(bytes.size())).toStdString());
            } else {
                v = Value::makeString(std::move(bytes));
            }
            m_stack.push_back(v);
            break;
        }
        case 'S':
        case 'V': { // STRING (quoted) / UNICODE (raw-unicode-escape), protocol 0
            std::string line;
            if (!readLine(&line))
                return fail("truncated");
            if (op == 'S' && line.size() >= 2 && (line.front() == '\'' || line.front() == '"'))
                line = line.substr(1, line.size() - 2);
            m_stack.push_back(Value::makeString(std::move(line)));
            break;
        }
        case ')':
            m_stack.push_back(make(Kind::Tuple));
            break;
        case ']':
            m_stack.push_back(make(Kind::List));
            break;
        case '}':
            m_stack.push_back(make(Kind::Dict));
            break;
        case '\x8f': // EMPTY_SET
            m_stack.push_back(make(Kind::List));
            break;
        case 't':
        case 'l':
        case '\x91': { // TUPLE, LIST, FROZENSET
            std::vector<ValuePtr> items;
            if (!popMark(&items))
                return fail("sequence without a mark");
            m_stack.push_back(makeSeq(op == 't' ? Kind::Tuple : Kind::List, std::move(items)));
            break;
        }
        case '\x85':
        case '\x86':
        case '\x87': { // TUPLE1..3
            const size_t n = size_t(uint8_t(op) - 0x84);
            if (m_stack.size() < n)
                return fail("stack underflow");
            std::vector<ValuePtr> items(m_stack.end() - long(n), m_stack.end());
            m_stack.resize(m_stack.size() - n);
            m_stack.push_back(makeSeq(Kind::Tuple, std::move(items)));
            break;
        }
        case 'd': { // DICT
            std::vector<ValuePtr> items;
            if (!popMark(&items) || items.size() % 2)
                return fail("DICT without a mark or with an odd item count");
            auto d = make(Kind::Dict);
            for (size_t k = 0; k < items.size(); k += 2)
                d->entries.emplace_back(items[k], items[k + 1]);
            m_stack.push_back(d);
            break;
        }
        case 'a': { // APPEND
            if (m_stack.size() < 2)
                return fail("stack underflow");
            ValuePtr item = pop();
            m_stack.back()->items.push_back(item);
            break;
        }
        case 'e':      // APPENDS
        case '\x90': { // ADDITEMS
            std::vector<ValuePtr> items;
            if (!popMark(&items) || m_stack.empty())
                return fail("APPENDS without a mark or a list");
            auto &target = m_stack.back()->items;
            target.insert(target.end(), items.begin(), items.end());
            break;
        }
        case 's': { // SETITEM
            if (m_stack.size() < 3)
                return fail("stack underflow");
            ValuePtr value = pop();
            ValuePtr key = pop();
            const ValuePtr &d = m_stack.back();
            if (d->kind != Kind::Dict)
                return fail("SETITEM on a " + d->describe());
            d->entries.emplace_back(key, value);
            break;
        }
        case 'u': { // SETITEMS
            std::vector<ValuePtr> items;
            if (!popMark(&items) || items.size() % 2 || m_stack.empty())
                return fail("SETITEMS without a mark or with an odd item count");
            const ValuePtr &d = m_stack.back();
            if (d->kind != Kind::Dict)
                return fail("SETITEMS on a " + d->describe());
            for (size_t k = 0; k < items.size(); k += 2)
                d->entries.emplace_back(items[k], items[k + 1]);
            break;
        }
        case 'p': { // PUT
            std::string line;
            if (!readLine(&line) || m_stack.empty() || line.empty()
                || line.find_first_not_of("0123456789") != std::string::npos)
                return fail("bad PUT");
            m_memo[std::stoull(line)] = m_stack.back();
            break;
        }
        case 'q': {
            uint8_t i = 0;
            if (!readLe(&i) || m_stack.empty())
                return fail("bad BINPUT");
            m_memo[i] = m_stack.back();
            break;
        }
        case 'r': {
            uint32_t i = 0;
            if (!readLe(&i) || m_stack.empty())
                return fail("bad LONG_BINPUT");
            m_memo[i] = m_stack.back();
            break;
        }
        case '\x94': // MEMOIZE
            if (m_stack.empty())
                return fail("MEMOIZE on an empty stack");
            m_memo[m_memo.size()] = m_stack.back();
            break;
        case 'g':
        case 'h':
        case 'j': {
            uint64_t index = 0;
            bool ok = true;
            if (op == 'g') {
                std::string line;
                ok = readLine(&line) && !line.empty()
                     && line.find_first_not_of("0123456789") == std::string::npos;
                if (ok)
                    index = std::stoull(line);
            } else if (op == 'h') {
                uint8_t i = 0;
                ok = readLe(&i);
                index = i;
            } else {
                uint32_t i = 0;
                ok = readLe(&i);
                index = i;
            }
            auto it = m_memo.find(index);
            if (!ok || it == m_memo.end())
                return fail("memo entry " + std::to_string(index) + " does not exist");
            m_stack.push_back(it->second);
            break;
        }
        case 'c': { // GLOBAL "module\nname\n"
            std::string module, name;
            if (!readLine(&module) || !readLine(&name))
                return fail("truncated GLOBAL");
            auto g = make(Kind::Global);
            g->text = module + "." + name;
            m_stack.push_back(g);
            break;
        }
        case '\x93': { // STACK_GLOBAL
            if (m_stack.size() < 2)
                return fail("stack underflow");
            ValuePtr name = pop();
            ValuePtr module = pop();
            auto g = make(Kind::Global);
            g->text = module->text + "." + name->text;
            m_stack.push_back(g);
            break;
        }
        case 'R': { // REDUCE
            if (m_stack.size() < 2)
                return fail("stack underflow");
            ValuePtr args = pop();
            ValuePtr callable = pop();
            auto r = call(callable, args);
            if (!r)
                return r.error();
            m_stack.push_back(*r);
            break;
        }
        case '\x81':   // NEWOBJ
        case '\x92': { // NEWOBJ_EX
            if (op == '\x92') {
                if (m_stack.size() < 3)
                    return fail("stack underflow");
                pop(); // kwargs
            }
            if (m_stack.size() < 2)
                return fail("stack underflow");
            ValuePtr args = pop();
            ValuePtr cls = pop();
            auto obj = make(Kind::Object);
            obj->text = cls->kind == Kind::Global ? cls->text : cls->describe();
            if (obj->text == "collections.OrderedDict") {
                obj->kind = Kind::Dict;
            } else if (args)
                obj->items = args->items;
            m_stack.push_back(obj);
            break;
        }
        case 'o': { // OBJ: MARK cls args... OBJ
            std::vector<ValuePtr> items;
            if (!popMark(&items) || items.empty())
                return fail("OBJ without a class");
            auto obj = make(Kind::Object);
            obj->text = items[0]->kind == Kind::Global ? items[0]->text : items[0]->describe();
            obj->items.assign(items.begin() + 1, items.end());
            m_stack.push_back(obj);
            break;
        }
        case 'i': { // INST module\nname\n with MARK args
            std::string module, name;
            std::vector<ValuePtr> items;
            if (!readLine(&module) || !readLine(&name) || !popMark(&items))
                return fail("bad INST");
            auto obj = make(Kind::Object);
            obj->text = module + "." + name;
            obj->items = std::move(items);
            m_stack.push_back(obj);
            break;
        }
        case 'b': { // BUILD
            if (m_stack.size() < 2)
                return fail("stack underflow");
            ValuePtr state = pop();
            m_stack.back()->state = state;
            break;
        }
        case 'Q':   // BINPERSID
        case 'P': { // PERSID
            ValuePtr pid;
            if (op == 'Q') {
                if (m_stack.empty())
                    return fail("stack underflow");
                pid = pop();
            } else {
                std::string line;
                if (!readLine(&line))
                    return fail("truncated");
                pid = Value::makeString(line);
            }
            if (!m_load)
                return fail("persistent id without a loader");
            auto r = m_load(pid);
            if (!r)
                return r.error();
            m_stack.push_back(*r);
            break;
        }
        default:
            return fail("unsupported opcode");
        }
    }
}

} // namespace

Result<ValuePtr> unpickle(const uint8_t *data,
                          size_t size,
                          size_t *offset,
                          const PersistentLoader &persistentLoad)
{
    Unpickler u(data, size, *offset, persistentLoad);
    auto r = u.run();
    if (r)
        *offset = u.position();
    return r;
}

} // namespace earmark::inference::pickle
