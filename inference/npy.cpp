#include "inference/npy.h"

#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStringList>

#include <algorithm>
#include <cstring>

namespace earmark::inference {

namespace {

enum class Kind { Float, Int, UInt, Bool };

struct Descr
{
    Kind kind = Kind::Float;
    int size = 4;
    bool bigEndian = false;
};

bool parseDescr(const QString &text, Descr *d)
{
    if (text.size() < 3)
        return false;
    const QChar order = text[0];
    if (order == QLatin1Char('>'))
        d->bigEndian = true;
    else if (order != QLatin1Char('<') && order != QLatin1Char('|') && order != QLatin1Char('='))
        return false;
    const QChar k = text[1];
    bool ok = false;
    d->size = text.mid(2).toInt(&ok);
    if (!ok)
        return false;
    if (k == QLatin1Char('f'))
        d->kind = Kind::Float;
    else if (k == QLatin1Char('i'))
        d->kind = Kind::Int;
    else if (k == QLatin1Char('u'))
        d->kind = Kind::UInt;
    else if (k == QLatin1Char('b'))
        d->kind = Kind::Bool;
    else
        return false;
    if (d->kind == Kind::Float)
        return d->size == 2 || d->size == 4 || d->size == 8;
    return d->size == 1 || d->size == 2 || d->size == 4 || d->size == 8;
}

float halfToFloat(uint16_t h)
{
    const uint32_t sign = uint32_t(h & 0x8000) << 16;
    uint32_t exp = (h >> 10) & 0x1f;
    uint32_t mant = h & 0x3ff;
    uint32_t bits;
    if (exp == 0) {
        if (mant == 0) {
            bits = sign;
        } else { // subnormal: renormalise
            exp = 127 - 15 + 1;
            while (!(mant & 0x400)) {
                mant <<= 1;
                --exp;
            }
            mant &= 0x3ff;
            bits = sign | (exp << 23) | (mant << 13);
        }
    } else if (exp == 31) {
        bits = sign | 0x7f800000 | (mant << 13);
    } else {
        bits = sign | ((exp + 127 - 15) << 23) | (mant << 13);
    }
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}

float convert(const uint8_t *p, const Descr &d)
{
    uint8_t buf[8];
    std::memcpy(buf, p, size_t(d.size));
    if (d.bigEndian)
        std::reverse(buf, buf + d.size);
    switch (d.kind) {
    case Kind::Bool:
        return buf[0] ? 1.f : 0.f;
    case Kind::Float:
        if (d.size == 2) {
            uint16_t h;
            std::memcpy(&h, buf, 2);
            return halfToFloat(h);
        }
        if (d.size == 4) {
            float f;
            std::memcpy(&f, buf, 4);
            return f;
        } else {
            double f;
            std::memcpy(&f, buf, 8);
            return float(f);
        }
    case Kind::Int:
        switch (d.size) {
        case 1:
            return float(int8_t(buf[0]));
        case 2: {
            int16_t v;
            std::memcpy(&v, buf, 2);
            return float(v);
        }
        case 4: {
            int32_t v;
            std::memcpy(&v, buf, 4);
            return float(v);
        }
        default: {
            int64_t v;
            std::memcpy(&v, buf, 8);
            return float(v);
        }
        }
    case Kind::UInt:
        switch (d.size) {
        case 1:
            return float(buf[0]);
        case 2: {
            uint16_t v;
            std::memcpy(&v, buf, 2);
            return float(v);
        }
        case 4: {
            uint32_t v;
            std::memcpy(&v, buf, 4);
            return float(v);
        }
        default: {
            uint64_t v;
            std::memcpy(&v, buf, 8);
            return float(v);
        }
        }
    }
    return 0.f;
}

} // namespace

Result<FloatArray> parseNpy(const QByteArray &bytes, const QString &name)
{
    auto fail = [&](const QString &msg) { return Error(msg, name); };
    if (bytes.size() < 10 || !bytes.startsWith("\x93NUMPY"))
        return fail(QStringLiteral("not a NumPy .npy file (no \\x93NUMPY magic)"));
    const auto *u = reinterpret_cast<const uint8_t *>(bytes.constData());
    const int major = u[6];
    qsizetype headerLen = 0, headerStart = 0;
    if (major == 1) {
        headerLen = u[8] | (u[9] << 8);
        headerStart = 10;
    } else if (major == 2 || major == 3) {
        if (bytes.size() < 12)
            return fail(QStringLiteral("truncated .npy header"));
        headerLen = qsizetype(u[8]) | (qsizetype(u[9]) << 8) | (qsizetype(u[10]) << 16)
                    | (qsizetype(u[11]) << 24);
        headerStart = 12;
    } else {
        return fail(QStringLiteral("unsupported .npy format version %1").arg(major));
    }
    if (headerStart + headerLen > bytes.size())
        return fail(QStringLiteral("truncated .npy header"));
    const QString header = QString::fromLatin1(bytes.mid(headerStart, headerLen));

    static const QRegularExpression descrRe(QStringLiteral("'descr'\\s*:\\s*'([^']*)'"));
    static const QRegularExpression fortranRe(
        QStringLiteral("'fortran_order'\\s*:\\s*(True|False)"));
    static const QRegularExpression shapeRe(QStringLiteral("'shape'\\s*:\\s*\\(([^)]*)\\)"));
    const auto descrMatch = descrRe.match(header);
    const auto fortranMatch = fortranRe.match(header);
    const auto shapeMatch = shapeRe.match(header);
    if (!descrMatch.hasMatch())
        return fail(QStringLiteral("the .npy header has no 'descr' (a structured array?)"));
    Descr d;
    if (!parseDescr(descrMatch.captured(1), &d))
        return fail(QStringLiteral("unsupported .npy dtype '%1' (numbers and bools only)")
                        .arg(descrMatch.captured(1)));
    if (!shapeMatch.hasMatch())
        return fail(QStringLiteral("the .npy header has no 'shape'"));
    const bool fortran = fortranMatch.hasMatch()
                         && fortranMatch.captured(1) == QLatin1String("True");

    FloatArray out;
    for (const QString &part : shapeMatch.captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString t = part.trimmed();
        if (t.isEmpty())
            continue;
        bool ok = false;
        const qint64 n = t.toLongLong(&ok);
        if (!ok || n < 0)
            return fail(QStringLiteral("bad dimension '%1' in the .npy shape").arg(t));
        out.shape.push_back(n);
    }
    const int64_t count = FloatArray::elementCount(out.shape);
    const qsizetype dataStart = headerStart + headerLen;
    if (bytes.size() - dataStart < qsizetype(count) * d.size)
        return fail(QStringLiteral("the .npy data is truncated: %1 values of %2 bytes expected, "
                                   "%3 bytes present")
                        .arg(count)
                        .arg(d.size)
                        .arg(bytes.size() - dataStart));
    out.data.resize(size_t(count));
    const uint8_t *p = u + dataStart;
    if (d.kind == Kind::Float && d.size == 4 && !d.bigEndian) {
        std::memcpy(out.data.data(), p, size_t(count) * 4);
    } else {
        for (int64_t i = 0; i < count; ++i)
            out.data[size_t(i)] = convert(p + i * d.size, d);
    }
    if (fortran && out.shape.size() > 1) {
        // Column-major to row-major.
        std::vector<float> c(out.data.size());
        const size_t rank = out.shape.size();
        std::vector<int64_t> idx(rank, 0);
        for (int64_t linear = 0; linear < count; ++linear) {
            // idx is the C-order index of `linear`; its Fortran offset:
            int64_t f = 0, stride = 1;
            for (size_t k = 0; k < rank; ++k) {
                f += idx[k] * stride;
                stride *= out.shape[k];
            }
            c[size_t(linear)] = out.data[size_t(f)];
            for (size_t k = rank; k-- > 0;) {
                if (++idx[k] < out.shape[k])
                    break;
                idx[k] = 0;
            }
        }
        out.data = std::move(c);
    }
    return out;
}

Result<FloatArray> readNpy(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("cannot open: %1").arg(f.errorString()), path);
    return parseNpy(f.readAll(), path);
}

QByteArray encodeNpy(const FloatArray &array)
{
    // numpy's spelling of the tuple: "(2, 3)", "(3,)", "()".
    QStringList dims;
    for (int64_t d : array.shape)
        dims << QString::number(d);
    QString shape = dims.join(QStringLiteral(", "));
    if (dims.size() == 1)
        shape += QLatin1Char(',');
    QByteArray header = QStringLiteral("{'descr': '<f4', 'fortran_order': False, 'shape': (%1), }")
                            .arg(shape)
                            .toLatin1();
    // Magic (6) + version (2) + length (2) + header + '\n' padded to a multiple of 64.
    while ((10 + header.size() + 1) % 64)
        header.append(' ');
    header.append('\n');
    QByteArray out("\x93NUMPY\x01\x00", 8);
    const uint16_t len = uint16_t(header.size());
    out.append(char(len & 0xff));
    out.append(char(len >> 8));
    out.append(header);
    out.append(reinterpret_cast<const char *>(array.data.data()),
               qsizetype(array.data.size() * sizeof(float)));
    return out;
}

Status writeNpy(const QString &path, const FloatArray &array)
{
    if (FloatArray::elementCount(array.shape) != array.numel())
        return Error(QStringLiteral("array of shape %1 holds %2 values")
                         .arg(array.shapeText())
                         .arg(array.numel()),
                     path);
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error(QStringLiteral("cannot write: %1").arg(f.errorString()), path);
    f.write(encodeNpy(array));
    if (!f.commit())
        return Error(QStringLiteral("cannot write: %1").arg(f.errorString()), path);
    return {};
}

} // namespace earmark::inference
