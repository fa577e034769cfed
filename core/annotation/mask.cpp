#include "core/annotation/mask.h"

namespace earmark::annotation {

namespace {

void putVarint(QByteArray &out, quint64 v)
{
    while (v >= 0x80) {
        out.append(char((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.append(char(v));
}

bool getVarint(const QByteArray &in, qsizetype &pos, quint64 &v)
{
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= in.size())
            return false;
        const quint8 byte = quint8(in.at(pos++));
        v |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return true;
    }
    return false;
}

} // namespace

RleMask RleMask::fromPixels(int width, int height, const QByteArray &pixels)
{
    RleMask m;
    m.m_width = width;
    m.m_height = height;
    const qsizetype n = qsizetype(width) * height;
    const char *p = pixels.constData();
    bool current = false;
    quint32 run = 0;
    for (qsizetype i = 0; i < n && i < pixels.size(); ++i) {
        const bool on = p[i] != 0;
        if (on != current) {
            m.m_counts.append(run);
            run = 0;
            current = on;
        }
        ++run;
    }
    // Pixels missing from a short buffer count as background.
    if (pixels.size() < n) {
        if (current) {
            m.m_counts.append(run);
            run = 0;
            current = false;
        }
        run += quint32(n - pixels.size());
    }
    m.m_counts.append(run);
    return m;
}

RleMask RleMask::empty(int width, int height)
{
    RleMask m;
    m.m_width = width;
    m.m_height = height;
    m.m_counts = {quint32(qint64(width) * height)};
    return m;
}

std::optional<RleMask> RleMask::fromBytes(const QByteArray &bytes)
{
    qsizetype pos = 0;
    quint64 w = 0, h = 0, n = 0;
    if (!getVarint(bytes, pos, w) || !getVarint(bytes, pos, h) || !getVarint(bytes, pos, n))
        return std::nullopt;
    if (w > 1u << 16 || h > 1u << 16 || n > w * h + 1)
        return std::nullopt;
    RleMask m;
    m.m_width = int(w);
    m.m_height = int(h);
    m.m_counts.reserve(qsizetype(n));
    quint64 total = 0;
    for (quint64 i = 0; i < n; ++i) {
        quint64 c = 0;
        if (!getVarint(bytes, pos, c))
            return std::nullopt;
        total += c;
        m.m_counts.append(quint32(c));
    }
    if (total != w * h || pos != bytes.size())
        return std::nullopt;
    return m;
}

QByteArray RleMask::toPixels() const
{
    QByteArray out(qsizetype(m_width) * m_height, '\0');
    qsizetype pos = 0;
    bool on = false;
    for (quint32 c : m_counts) {
        if (on)
            std::fill(out.data() + pos, out.data() + pos + c, '\1');
        pos += c;
        on = !on;
    }
    return out;
}

QByteArray RleMask::toPixels(int width, int height) const
{
    const QByteArray px = toPixels();
    if (m_width == width && m_height == height)
        return px;
    QByteArray out(qsizetype(width) * height, '\0');
    if (isNull())
        return out;
    for (int y = 0; y < height; ++y) {
        const int sy = std::min(m_height - 1, int((y + 0.5) * m_height / height));
        for (int x = 0; x < width; ++x) {
            const int sx = std::min(m_width - 1, int((x + 0.5) * m_width / width));
            out[qsizetype(y) * width + x] = px.at(qsizetype(sy) * m_width + sx);
        }
    }
    return out;
}

QByteArray RleMask::toBytes() const
{
    QByteArray out;
    out.reserve(8 + m_counts.size() * 2);
    putVarint(out, quint64(m_width));
    putVarint(out, quint64(m_height));
    putVarint(out, quint64(m_counts.size()));
    for (quint32 c : m_counts)
        putVarint(out, c);
    return out;
}

qint64 RleMask::area() const
{
    qint64 sum = 0;
    for (qsizetype i = 1; i < m_counts.size(); i += 2)
        sum += m_counts.at(i);
    return sum;
}

bool RleMask::at(int x, int y) const
{
    if (x < 0 || y < 0 || x >= m_width || y >= m_height)
        return false;
    const qint64 index = qint64(y) * m_width + x;
    qint64 pos = 0;
    bool on = false;
    for (quint32 c : m_counts) {
        if (index < pos + c)
            return on;
        pos += c;
        on = !on;
    }
    return false;
}

} // namespace earmark::annotation
