#include "core/media/fft.h"

#include <cmath>
#include <numbers>

namespace earmark::media {

namespace {

bool isPowerOfTwo(int n)
{
    return n >= 2 && (n & (n - 1)) == 0;
}

void makeTables(int n, std::vector<int> &bitReverse, std::vector<std::complex<float>> &twiddles)
{
    bitReverse.assign(size_t(n), 0);
    int bits = 0;
    while ((1 << bits) < n)
        ++bits;
    for (int i = 0; i < n; ++i) {
        int r = 0;
        for (int b = 0; b < bits; ++b)
            r |= ((i >> b) & 1) << (bits - 1 - b);
        bitReverse[size_t(i)] = r;
    }
    twiddles.resize(size_t(std::max(1, n / 2)));
    for (int k = 0; k < n / 2; ++k) {
        const double a = -2 * std::numbers::pi * k / n;
        twiddles[size_t(k)] = {float(std::cos(a)), float(std::sin(a))};
    }
}

} // namespace

Fft::Fft(int size)
{
    if (!isPowerOfTwo(size))
        return;
    m_size = size;
    makeTables(size, m_fullBitReverse, m_fullTwiddles);
    if (size >= 4)
        makeTables(size / 2, m_bitReverse, m_twiddles);
    m_split.resize(size_t(size / 2 + 1));
    for (int k = 0; k <= size / 2; ++k) {
        const double a = -2 * std::numbers::pi * k / size;
        m_split[size_t(k)] = {float(std::cos(a)), float(std::sin(a))};
    }
}

void Fft::transform(std::complex<float> *data) const
{
    if (m_size > 0)
        transform(data, m_size, m_fullBitReverse, m_fullTwiddles);
}

void Fft::transform(std::complex<float> *data,
                    int n,
                    const std::vector<int> &bitReverse,
                    const std::vector<std::complex<float>> &twiddles)
{
    for (int i = 0; i < n; ++i) {
        const int j = bitReverse[size_t(i)];
        if (i < j)
            std::swap(data[i], data[j]);
    }
    for (int len = 2; len <= n; len <<= 1) {
        const int half = len / 2;
        const int stride = n / len;
        for (int start = 0; start < n; start += len) {
            for (int k = 0; k < half; ++k) {
                const std::complex<float> t = twiddles[size_t(k * stride)] * data[start + k + half];
                const std::complex<float> u = data[start + k];
                data[start + k] = u + t;
                data[start + k + half] = u - t;
            }
        }
    }
}

void Fft::powerSpectrum(const float *real,
                        float *power,
                        std::vector<std::complex<float>> &scratch) const
{
    if (m_size == 0)
        return;
    if (m_size == 2) {
        power[0] = (real[0] + real[1]) * (real[0] + real[1]);
        power[1] = (real[0] - real[1]) * (real[0] - real[1]);
        return;
    }
    // z[n] = x[2n] + i x[2n+1]; Z = FFT_{N/2}(z); then
    // X[k] = (Z[k] + conj(Z[N/2-k])) / 2 - i/2 e^{-2 pi i k/N} (Z[k] - conj(Z[N/2-k])).
    const int half = m_size / 2;
    scratch.resize(size_t(half));
    for (int i = 0; i < half; ++i)
        scratch[size_t(i)] = {real[2 * i], real[2 * i + 1]};
    transform(scratch.data(), half, m_bitReverse, m_twiddles);
    for (int k = 0; k <= half; ++k) {
        const std::complex<float> a = scratch[size_t(k % half)];
        const std::complex<float> b = std::conj(scratch[size_t((half - k) % half)]);
        const std::complex<float> even = (a + b) * 0.5f;
        const std::complex<float> odd = (a - b) * std::complex<float>(0, -0.5f);
        power[k] = std::norm(even + m_split[size_t(k)] * odd);
    }
}

} // namespace earmark::media
