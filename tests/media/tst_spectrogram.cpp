// Spectrograms: the FFT agrees with a direct DFT; a sine lights up its own mel band, a chirp's
// loudest band rises with time, silence stays at the floor; pieces of any size give the same
// cells; a file's spectrogram fills in through updates, can be cancelled, and errors name it.

#include "core/media/fft.h"
#include "core/media/spectrogram.h"
#include "mediatestutil.h"

#include <QTest>

#include <cmath>
#include <numbers>
#include <random>

using namespace earmark;
using namespace earmark::mediatest;

namespace {

constexpr double kPi = std::numbers::pi;

std::vector<float> sine(double hz, double seconds, int rate, float amplitude)
{
    std::vector<float> x(size_t(seconds * rate));
    for (size_t i = 0; i < x.size(); ++i)
        x[i] = amplitude * float(std::sin(2 * kPi * hz * double(i) / rate));
    return x;
}

int loudestBand(const media::Spectrogram &s, qint64 column)
{
    const std::uint8_t *c = s.column(column);
    return int(std::max_element(c, c + s.bands()) - c);
}

media::Spectrogram build(const std::vector<float> &x,
                         const media::SpectrogramOptions &options = {},
                         size_t piece = 0)
{
    media::SpectrogramBuilder builder(options);
    if (piece == 0)
        piece = x.size();
    for (size_t at = 0; at < x.size(); at += piece)
        builder.add(x.data() + at, qint64(std::min(piece, x.size() - at)));
    builder.finish();
    return builder.takeSpectrogram();
}

} // namespace

class TestSpectrogram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fftMatchesDirectDft_data()
    {
        QTest::addColumn<int>("n");
        for (int n : {2, 4, 8, 64, 512, 1024})
            QTest::newRow(qPrintable(QString::number(n))) << n;
    }

    void fftMatchesDirectDft()
    {
        QFETCH(int, n);
        std::mt19937 rng(n);
        std::uniform_real_distribution<float> uniform(-1, 1);
        std::vector<float> x(static_cast<size_t>(n));
        for (float &v : x)
            v = uniform(rng);
        std::vector<std::complex<float>> data(x.begin(), x.end());
        const media::Fft fft(n);
        QCOMPARE(fft.size(), n);
        fft.transform(data.data());
        std::vector<float> power(size_t(n / 2 + 1));
        std::vector<std::complex<float>> scratch;
        fft.powerSpectrum(x.data(), power.data(), scratch);
        for (int k = 0; k < n; ++k) {
            std::complex<double> direct;
            for (int i = 0; i < n; ++i)
                direct += double(x[size_t(i)]) * std::polar(1.0, -2 * kPi * k * i / n);
            const double tolerance = 1e-4 * n;
            QVERIFY2(std::abs(std::complex<double>(data[size_t(k)]) - direct) < tolerance,
                     qPrintable(QStringLiteral("bin %1").arg(k)));
            if (k <= n / 2)
                QVERIFY2(std::abs(power[size_t(k)] - std::norm(direct))
                             < tolerance * (1 + std::abs(direct)),
                         qPrintable(QStringLiteral("power of bin %1").arg(k)));
        }
        QCOMPARE(media::Fft(0).size(), 0);
        QCOMPARE(media::Fft(96).size(), 0); // not a power of two
    }

    void sineLightsItsBand_data()
    {
        QTest::addColumn<double>("hz");
        for (double hz : {110.0, 440.0, 1000.0, 2500.0, 6000.0})
            QTest::newRow(qPrintable(QStringLiteral("%1 Hz").arg(hz))) << hz;
    }

    void sineLightsItsBand()
    {
        QFETCH(double, hz);
        const media::SpectrogramOptions options;
        const media::Spectrogram s = build(sine(hz, 2, options.sampleRate, 0.5f), options);
        QVERIFY(s.isComplete());
        QCOMPARE(s.bands(), 80);
        QCOMPARE(s.columnCount(), qint64(200)); // 100 columns per second
        QCOMPARE(s.format().columnsPerSecond(), 100.0);
        const double expected = s.format().bandForFrequency(hz);
        QVERIFY(expected > 0 && expected < s.bands() - 1);
        for (qint64 c = 10; c < s.columnCount() - 10; c += 7) {
            const int band = loudestBand(s, c);
            QVERIFY2(std::abs(band - expected) <= 1.0,
                     qPrintable(QStringLiteral("column %1: band %2 (%3 Hz), expected %4 (%5 Hz)")
                                    .arg(c)
                                    .arg(band)
                                    .arg(s.format().bandFrequency(band))
                                    .arg(expected)
                                    .arg(hz)));
            // About the sine's level: amplitude 0.5 is -6 dB against full scale.
            const double peakDb = s.format().decibels(s.at(c, band));
            QVERIFY2(peakDb > -10 && peakDb < 0, qPrintable(QString::number(peakDb)));
            // Far from it (over 16 FFT bins away), the Hann window's leakage is 60 dB down or more.
            for (int b = 0; b < s.bands(); ++b) {
                if (std::abs(s.format().bandFrequency(b) - hz) > 500)
                    QVERIFY2(s.format().decibels(s.at(c, b)) < peakDb - 60,
                             qPrintable(QStringLiteral("band %1 at %2 dB")
                                            .arg(b)
                                            .arg(s.format().decibels(s.at(c, b)))));
            }
        }
    }

    void chirpRises()
    {
        // A linear chirp from 100 Hz to 5 kHz over 4 s.
        const int rate = 16000;
        std::vector<float> x(size_t(4 * rate));
        for (size_t i = 0; i < x.size(); ++i) {
            const double t = double(i) / rate;
            x[i] = 0.3f * float(std::sin(2 * kPi * (100 * t + 0.5 * (4900.0 / 4) * t * t)));
        }
        const media::Spectrogram s = build(x);
        int previous = -1;
        for (qint64 c = 25; c < s.columnCount(); c += 25) {
            const int band = loudestBand(s, c);
            const double hz = 100 + 4900.0 / 4 * (double(c) + 0.5) / 100;
            QVERIFY2(band > previous,
                     qPrintable(QStringLiteral("column %1: band %2 after %3")
                                    .arg(c)
                                    .arg(band)
                                    .arg(previous)));
            QVERIFY2(std::abs(band - s.format().bandForFrequency(hz)) <= 1.5,
                     qPrintable(QStringLiteral("column %1: band %2, expected %3")
                                    .arg(c)
                                    .arg(band)
                                    .arg(s.format().bandForFrequency(hz))));
            previous = band;
        }
    }

    void silenceIsAtTheFloor()
    {
        const std::vector<float> x(16000 * 3 / 2 + 37, 0.f);
        const media::Spectrogram s = build(x);
        QCOMPARE(s.columnCount(), qint64((x.size() + 159) / 160));
        QVERIFY(std::all_of(s.cells().begin(), s.cells().end(), [](auto v) { return v == 0; }));
        QCOMPARE(s.format().decibels(0), -100.0);
        // A quiet tone rises above it; a sine at -120 dB stays below.
        const media::Spectrogram quiet = build(sine(1000, 1, 16000, 1e-3f));
        QVERIFY(quiet.at(50, loudestBand(quiet, 50)) > 100);
        const media::Spectrogram inaudible = build(sine(1000, 1, 16000, 1e-6f));
        QCOMPARE(inaudible.at(50, loudestBand(inaudible, 50)), std::uint8_t(0));
    }

    void piecesGiveTheSameCells()
    {
        const std::vector<float> x = sine(700, 1.3, 16000, 0.4f);
        const media::Spectrogram whole = build(x);
        for (size_t piece : {1, 159, 160, 1000, 4097}) {
            const media::Spectrogram pieces = build(x, {}, piece);
            QCOMPARE(pieces.columnCount(), whole.columnCount());
            QVERIFY2(pieces.cells() == whole.cells(), qPrintable(QString::number(piece)));
        }
        // Updates taken along the way add up to the whole.
        media::SpectrogramBuilder builder;
        media::Spectrogram copy;
        for (size_t at = 0; at < x.size(); at += 3000) {
            builder.add(x.data() + at, qint64(std::min<size_t>(3000, x.size() - at)));
            copy.append(builder.takeUpdate());
            QVERIFY(!copy.isComplete());
        }
        builder.finish();
        copy.append(builder.takeUpdate());
        QVERIFY(copy.isComplete());
        QVERIFY(copy.cells() == whole.cells());
    }

    void fileFillsInWithARisingChirp()
    {
        // mandelbrot-chirp.mp4: 0.4 sin(2 pi (200 + 60 t) t), from 200 Hz up to 1400 Hz in 10 s.
        const QString file = sample("mandelbrot-chirp.mp4");
        media::SpectrogramOptions options;
        options.updateIntervalMs = 0;
        media::Spectrogram progressive;
        int updates = 0;
        auto result = media::computeSpectrogram(file, options, {}, [&](media::SpectrogramUpdate &&u) {
            ++updates;
            QCOMPARE(u.firstColumn, progressive.columnCount());
            progressive.append(u);
        });
        QVERIFY2(result, qPrintable(result.errorString()));
        QVERIFY(result->isComplete());
        QVERIFY2(updates > 2, qPrintable(QString::number(updates)));
        QVERIFY(progressive.isComplete());
        QVERIFY(progressive.cells() == result->cells());
        QVERIFY(std::abs(result->coveredDuration().seconds() - 10.0) < 0.05);
        QVERIFY(std::abs(result->expectedDuration().seconds() - 10.0) < 0.1);
        for (double t : {1.0, 3.0, 5.0, 7.0, 9.0}) {
            const qint64 c = qint64(t * 100);
            const double hz = 200 + 120 * (t + 0.005);
            const int band = loudestBand(*result, c);
            QVERIFY2(std::abs(band - result->format().bandForFrequency(hz)) <= 1.5,
                     qPrintable(QStringLiteral("%1 s: band %2 (%3 Hz), expected %4 Hz")
                                    .arg(t)
                                    .arg(band)
                                    .arg(result->format().bandFrequency(band))
                                    .arg(hz)));
        }
    }

    void cancels()
    {
        const QString file = sample("mandelbrot-chirp.mp4");
        CancellationToken cancel;
        media::SpectrogramOptions options;
        options.updateIntervalMs = 0;
        qint64 columnsWhenCancelled = -1;
        auto result
            = media::computeSpectrogram(file, options, cancel, [&](media::SpectrogramUpdate &&u) {
                  QVERIFY(!u.complete);
                  if (columnsWhenCancelled < 0) {
                      columnsWhenCancelled = u.firstColumn
                                             + qint64(u.cells.size()) / u.format.bands;
                      cancel.cancel();
                  }
              });
        QVERIFY(!result);
        QVERIFY2(result.errorString().contains(QLatin1String("cancelled")),
                 qPrintable(result.errorString()));
        QVERIFY(result.errorString().contains(QLatin1String("mandelbrot-chirp.mp4")));
        QVERIFY(columnsWhenCancelled >= 0 && columnsWhenCancelled < 1000);

        CancellationToken before;
        before.cancel();
        QVERIFY(!media::computeSpectrogram(file, {}, before));
    }

    void errorsNameTheFile()
    {
        const QString missing = QStringLiteral("/nonexistent/no-such-file.mp4");
        auto result = media::computeSpectrogram(missing);
        QVERIFY(!result);
        QVERIFY2(result.errorString().contains(QLatin1String("no-such-file.mp4")),
                 qPrintable(result.errorString()));
        media::SpectrogramOptions bad;
        bad.fftSize = 500;
        auto invalid = media::computeSpectrogram(sample("mandelbrot-chirp.mp4"), bad);
        QVERIFY(!invalid);
        QVERIFY2(invalid.errorString().contains(QLatin1String("FFT size 500")),
                 qPrintable(invalid.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestSpectrogram)
#include "tst_spectrogram.moc"
