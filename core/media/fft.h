#pragma once

#include <complex>
#include <vector>

namespace earmark::media {

// An in-place iterative radix-2 FFT of one fixed size (a power of two), with its twiddle factors
// and bit-reversal table computed once. X[k] = sum_n x[n] e^{-2 pi i k n / N} (no scaling). A
// value type; const methods are thread-safe (one instance may serve several threads).
class Fft
{
public:
    // `size` must be a power of two >= 2 (else the transform is empty: size() == 0).
    explicit Fft(int size);

    int size() const { return m_size; }
    void transform(std::complex<float> *data) const;

    // Power spectrum of `size()` real samples: |X[k]|^2 for k = 0 .. size()/2 into `power`
    // (size()/2 + 1 values). Packs the real input into a half-size complex transform and splits
    // it, so a real frame costs about half a complex one. `scratch` is reused between calls.
    void powerSpectrum(const float *real,
                       float *power,
                       std::vector<std::complex<float>> &scratch) const;

private:
    static void transform(std::complex<float> *data,
                          int n,
                          const std::vector<int> &bitReverse,
                          const std::vector<std::complex<float>> &twiddles);

    int m_size = 0;
    std::vector<int> m_bitReverse;               // of the half-size transform
    std::vector<std::complex<float>> m_twiddles; // e^{-2 pi i k / (size/2)}, k < size/4
    std::vector<int> m_fullBitReverse;           // of the full-size transform
    std::vector<std::complex<float>> m_fullTwiddles;
    std::vector<std::complex<float>> m_split; // e^{-2 pi i k / size}, k <= size/2
};

} // namespace earmark::media
