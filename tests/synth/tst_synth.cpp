// The clip generator: deterministic, varied, and its truth matches what is heard and seen.

#include "core/media/audiodecoder.h"
#include "core/media/videoreader.h"
#include "inference/synth/assets.h"
#include "inference/synth/catalog.h"
#include "inference/synth/generator.h"
#include "inference/synth/plan.h"
#include "inference/synth/render.h"
#include "inference/synth/soundfont.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>
#include <set>

using namespace earmark;
using namespace earmark::synth;

namespace {

const QStringList llpClasses = {"Speech",
                                "Car",
                                "Cheering",
                                "Dog",
                                "Cat",
                                "Frying_(food)",
                                "Basketball_bounce",
                                "Fire_alarm",
                                "Chainsaw",
                                "Cello",
                                "Banjo",
                                "Singing",
                                "Chicken_rooster",
                                "Violin_fiddle",
                                "Vacuum_cleaner",
                                "Baby_laughter",
                                "Accordion",
                                "Lawn_mower",
                                "Motorcycle",
                                "Helicopter",
                                "Acoustic_guitar",
                                "Telephone_bell_ringing",
                                "Baby_cry_infant_cry",
                                "Blender",
                                "Clapping"};

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// Every file under `dir`, relative path -> SHA-1 of its bytes.
std::map<QString, QByteArray> fingerprints(const QString &dir)
{
    std::map<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        out[QDir(dir).relativeFilePath(path)] = QCryptographicHash::hash(readAll(path),
                                                                         QCryptographicHash::Sha1);
    }
    return out;
}

// The fundamental frequency of a steady tone by normalised autocorrelation, 50-2000 Hz: the
// shortest lag whose correlation comes within 10 % of the best one (not a multiple of the period).
double fundamental(const std::vector<float> &x, int rate)
{
    const std::size_t from = x.size() / 4, n = std::min<std::size_t>(x.size() / 2, 4096);
    std::vector<double> r(std::size_t(rate / 50 + 1), 0.0);
    double best = 0;
    for (int lag = rate / 2000; lag <= rate / 50; ++lag) {
        double sum = 0, e0 = 0, e1 = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            sum += double(x[i]) * x[i + std::size_t(lag)];
            e0 += double(x[i]) * x[i];
            e1 += double(x[i + std::size_t(lag)]) * x[i + std::size_t(lag)];
        }
        r[std::size_t(lag)] = sum / std::sqrt(e0 * e1 + 1e-30);
        best = std::max(best, r[std::size_t(lag)]);
    }
    for (int lag = rate / 2000 + 1; lag < rate / 50; ++lag) {
        const double v = r[std::size_t(lag)];
        if (v >= 0.9 * best && v >= r[std::size_t(lag - 1)] && v >= r[std::size_t(lag + 1)])
            return double(rate) / lag;
    }
    return 0;
}

struct Row
{
    QString file;
    int onset = 0, offset = 0;
    QString label;
};

// Parses an LLP dense file strictly; fails the test on any malformed line.
std::vector<Row> parseDense(const QString &path, const QStringList &classes)
{
    std::vector<Row> rows;
    const QList<QByteArray> lines = readAll(path).split('\n');
    [&] { QCOMPARE(lines.value(0), QByteArray("filename\tonset\toffset\tevent_labels")); }();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (lines[i].isEmpty()) {
            [&] { QCOMPARE(i, lines.size() - 1); }(); // only the final newline
            continue;
        }
        const QList<QByteArray> f = lines[i].split('\t');
        Row r;
        bool ok1 = false, ok2 = false;
        if (f.size() == 4) {
            r.file = QString::fromUtf8(f[0]);
            r.onset = f[1].toInt(&ok1);
            r.offset = f[2].toInt(&ok2);
            r.label = QString::fromUtf8(f[3]);
        }
        if (!(f.size() == 4 && ok1 && ok2 && r.onset >= 0 && r.offset <= clip::seconds
              && r.onset < r.offset && classes.contains(r.label))) {
            qWarning("%s:%lld: bad row \"%s\"",
                     qPrintable(path),
                     qlonglong(i + 1),
                     lines[i].constData());
            return {};
        }
        rows.push_back(r);
    }
    return rows;
}

std::vector<float> decodeClipAudio(const QString &path)
{
    std::vector<float> pcm;
    media::AudioDecodeOptions options;
    options.sampleRate = clip::sampleRate;
    const Status s = media::decodeAudio(path, options, [&](const float *d, qint64 n) {
        pcm.insert(pcm.end(), d, d + n);
        return true;
    });
    if (!s)
        qWarning("%s", qPrintable(s.errorString()));
    return pcm;
}

// The frame shown at `seconds`, decoded by core/media's exact video reader.
QImage decodeFrame(media::VideoReader &reader, double seconds)
{
    auto frame = reader.frameAt(Time::fromMicroseconds(qint64(std::llround(seconds * 1e6))));
    if (!frame) {
        qWarning("%s", qPrintable(frame.errorString()));
        return {};
    }
    return QImage(frame->pixels.data(),
                  frame->width,
                  frame->height,
                  frame->bytesPerLine,
                  QImage::Format_RGB32)
        .copy();
}

double rmsDb(const std::vector<float> &x, qint64 from, qint64 to)
{
    double sum = 0;
    for (qint64 i = from; i < to; ++i)
        sum += double(x[std::size_t(i)]) * x[std::size_t(i)];
    return 10 * std::log10(sum / double(to - from) + 1e-12);
}

int pixelDistance(QRgb a, QRgb b)
{
    return std::abs(qRed(a) - qRed(b)) + std::abs(qGreen(a) - qGreen(b))
           + std::abs(qBlue(a) - qBlue(b));
}

} // namespace

class TestSynth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogHasEnoughClassesWithLlpNames()
    {
        auto catalog = loadCatalog();
        QVERIFY2(catalog.ok(), qPrintable(catalog.errorString()));
        QVERIFY(catalog->classes.size() >= 8);
        int llp = 0;
        for (const ClassEntry &c : catalog->classes) {
            QVERIFY2(!c.pictures.isEmpty(), qPrintable(c.name));
            QVERIFY2(!c.recordings.isEmpty() || !c.instruments.empty(), qPrintable(c.name));
            QCOMPARE(c.llp, llpClasses.contains(c.name));
            llp += c.llp;
        }
        QVERIFY(llp >= 6);
        // The held-out pool holds recordings the training pool does not.
        auto training = loadCatalog(AssetPool::Training);
        auto heldOut = loadCatalog(AssetPool::HeldOut);
        QVERIFY(training.ok() && heldOut.ok());
        const int speech = catalog->indexOf(QStringLiteral("Speech"));
        const QStringList &train = training->classes[std::size_t(speech)].recordings;
        for (const QString &file : heldOut->classes[std::size_t(speech)].recordings)
            QVERIFY2(!train.contains(file), qPrintable(file));
        QVERIFY(heldOut->classes[std::size_t(speech)].recordings.size() > 50);
    }

    void missingPackageIsNamed()
    {
        AssetRoots roots;
        roots.sonicPi = QStringLiteral("/nonexistent/sonic-pi");
        auto catalog = loadCatalog(AssetPool::All, roots);
        QVERIFY(!catalog.ok());
        QVERIFY2(catalog.errorString().contains(QLatin1String("sonic-pi-samples")),
                 qPrintable(catalog.errorString()));
    }

    void soundFontPlaysInTune()
    {
        auto catalog = loadCatalog();
        QVERIFY(catalog.ok());
        auto font = SoundFont::open(catalog->soundFont);
        QVERIFY2(font.ok(), qPrintable(font.errorString()));
        // Cello A3 (220 Hz), flute A5 (880 Hz), trumpet C5 (523.25 Hz).
        for (auto [program, key] : {std::pair{42, 57}, std::pair{73, 81}, std::pair{56, 72}}) {
            const std::vector<float> note = (*font)->renderNote(program, key, 100, 1.0, 16000, 1.5);
            QVERIFY(note.size() > 16000);
            const double expected = 440.0 * std::pow(2.0, (key - 69) / 12.0);
            const double f0 = fundamental(note, 16000);
            QVERIFY2(std::abs(f0 / expected - 1) < 0.03,
                     qPrintable(QStringLiteral("program %1 key %2: %3 Hz, expected %4")
                                    .arg(program)
                                    .arg(key)
                                    .arg(f0)
                                    .arg(expected)));
            // Released after 1 s: the tail decays.
            double peakHeld = 0, peakTail = 0;
            for (std::size_t i = 8000; i < 16000; ++i)
                peakHeld = std::max(peakHeld, double(std::abs(note[i])));
            for (std::size_t i = note.size() - 800; i < note.size(); ++i)
                peakTail = std::max(peakTail, double(std::abs(note[i])));
            QVERIFY(peakHeld > 0.01);
            QVERIFY(peakTail < 0.2 * peakHeld);
        }
        QVERIFY(!(*font)->hasProgram(200));
        auto bad = SoundFont::open(QStringLiteral(EARMARK_SOURCE_DIR "/CMakeLists.txt"));
        QVERIFY(!bad.ok());
        QVERIFY(bad.errorString().contains(QLatin1String("CMakeLists.txt")));
    }

    void plansAreDeterministicBalancedAndVaried()
    {
        auto catalog = loadCatalog();
        QVERIFY(catalog.ok());
        const int classes = int(catalog->classes.size());
        const int count = 4 * classes;
        std::map<int, int> primaries;
        int heardOnly = 0, seenOnly = 0, both = 0, misaligned = 0, occluded = 0;
        std::set<QString> ids;
        for (int i = 0; i < count; ++i) {
            const ClipPlan plan = planClip(*catalog, 7, QStringLiteral("train"), i);
            const ClipPlan again = planClip(*catalog, 7, QStringLiteral("train"), i);
            QCOMPARE(QJsonDocument(plan.toJson(*catalog)).toJson(),
                     QJsonDocument(again.toJson(*catalog)).toJson());
            QCOMPARE(plan.id.size(), 11);
            ids.insert(plan.id);
            ++primaries[plan.primary().classIndex];
            const PlannedEvent &p = plan.primary();
            QVERIFY(p.heard() && p.seen());
            QVERIFY(std::min(p.audioOff, p.visualOff) > std::max(p.audioOn, p.visualOn));
            misaligned += p.audioOn != p.visualOn || p.audioOff != p.visualOff;
            for (const PlannedEvent &e : plan.events) {
                heardOnly += e.heard() && !e.seen();
                seenOnly += e.seen() && !e.heard();
                both += e.heard() && e.seen();
            }
            for (const VisualObject &o : plan.objects)
                occluded += o.event < 0;
        }
        QCOMPARE(int(ids.size()), count);
        for (int c = 0; c < classes; ++c)
            QCOMPARE(primaries[c], 4);
        QVERIFY(heardOnly >= count / 4);
        QVERIFY(seenOnly >= count / 4);
        QCOMPARE(both, count);
        QVERIFY(misaligned >= count / 3);
        QVERIFY(occluded >= count / 4);
        // Another seed or split gives other clips.
        QVERIFY(planClip(*catalog, 8, QStringLiteral("train"), 0).id
                != planClip(*catalog, 7, QStringLiteral("train"), 0).id);
        QVERIFY(planClip(*catalog, 7, QStringLiteral("test"), 0).id
                != planClip(*catalog, 7, QStringLiteral("train"), 0).id);
    }

    void generatedClipsMatchTheirTruth()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        // Seed 13's three test clips hold events only heard, only seen and both, onsets that differ
        // between the modalities, a recorded noise bed and occluders.
        constexpr std::uint64_t seed = 13;
        SynthOptions options;
        options.seed = seed;
        options.count = 3;
        options.split = QStringLiteral("test");
        options.outDir = tmp.filePath(QStringLiteral("a"));
        options.jobs = 2;
        auto made = generateClips(options);
        QVERIFY2(made.ok(), qPrintable(made.errorString()));
        // Again, one clip at a time: the same bytes everywhere, video included.
        options.outDir = tmp.filePath(QStringLiteral("b"));
        options.jobs = 1;
        QVERIFY(generateClips(options).ok());
        const auto a = fingerprints(tmp.filePath(QStringLiteral("a")));
        const auto b = fingerprints(tmp.filePath(QStringLiteral("b")));
        QCOMPARE(a.size(), b.size());
        QVERIFY(a == b);
        QCOMPARE(int(a.size()), 3 + 3 * clip::seconds + 8); // videos, masks, truth files

        // Refuses to write into a folder that holds something.
        auto again = generateClips(options);
        QVERIFY(!again.ok());
        QVERIFY(again.errorString().contains(QLatin1String("not empty")));

        const QDir dir(tmp.filePath(QStringLiteral("a")));
        const QStringList classes = QString::fromUtf8(readAll(dir.filePath("classes.txt")))
                                        .split('\n', Qt::SkipEmptyParts);
        QCOMPARE(classes, made->classNames);
        const auto audioRows = parseDense(dir.filePath("llp/AVVP_eval_audio.csv"), classes);
        const auto visualRows = parseDense(dir.filePath("llp/AVVP_eval_visual.csv"), classes);
        QVERIFY(!audioRows.empty() && !visualRows.empty());

        // Weak labels: every clip, the union of its heard and seen classes.
        const QList<QByteArray> weak = readAll(dir.filePath("llp/AVVP_test_pd.csv")).split('\n');
        QCOMPARE(weak.value(0), QByteArray("filename\tevent_labels"));
        QCOMPARE(weak.size(), 3 + 2);
        std::map<QString, std::set<QString>> weakLabels;
        for (int i = 1; i <= 3; ++i) {
            const QList<QByteArray> f = weak[i].split('\t');
            QCOMPARE(f.size(), 2);
            for (const QByteArray &label : f[1].split(','))
                weakLabels[QString::fromUtf8(f[0])].insert(QString::fromUtf8(label));
        }
        std::map<QString, std::set<QString>> denseLabels;
        for (const auto &rows : {audioRows, visualRows})
            for (const Row &r : rows)
                denseLabels[r.file].insert(r.label);
        QVERIFY(weakLabels == denseLabels);

        // AVE: one event per clip, the seconds its class is both heard and seen.
        const QList<QByteArray> ave = readAll(dir.filePath("ave/Annotations.txt")).split('\n');
        QCOMPARE(ave.value(0), QByteArray("Category&VideoID&Quality&StartTime&EndTime"));
        QCOMPARE(readAll(dir.filePath("ave/testSet.txt")),
                 readAll(dir.filePath("ave/Annotations.txt")).mid(ave[0].size() + 1));
        int onlyHeard = 0, onlySeen = 0, misaligned = 0;
        for (int i = 1; i <= 3; ++i) {
            const QList<QByteArray> f = ave[i].split('&');
            QCOMPARE(f.size(), 5);
            const QString cls = QString::fromUtf8(f[0]), file = QString::fromUtf8(f[1]);
            QVERIFY(classes.contains(cls));
            const Row *heard = nullptr, *seen = nullptr;
            for (const Row &r : audioRows)
                if (r.file == file && r.label == cls)
                    heard = &r;
            for (const Row &r : visualRows)
                if (r.file == file && r.label == cls)
                    seen = &r;
            QVERIFY(heard && seen);
            QCOMPARE(f[3].toInt(), std::max(heard->onset, seen->onset));
            QCOMPARE(f[4].toInt(), std::min(heard->offset, seen->offset));
            misaligned += heard->onset != seen->onset || heard->offset != seen->offset;

            // The sound: louder inside the labelled seconds than outside them.
            const QString video = dir.filePath(QStringLiteral("videos/%1.mp4").arg(file));
            const std::vector<float> pcm = decodeClipAudio(video);
            QVERIFY(pcm.size() >= std::size_t(clip::samples) - 2048);
            std::vector<bool> labelled(clip::seconds, false);
            for (const Row &r : audioRows)
                if (r.file == file)
                    for (int s = r.onset; s < r.offset; ++s)
                        labelled[std::size_t(s)] = true;
            double loudestQuiet = -200, quietestLabelled = 0;
            for (int s = 0; s < clip::seconds; ++s) {
                // The middle 0.8 s of each second, clear of AAC's smearing at the edges.
                const qint64 from = qint64(s) * clip::sampleRate + clip::sampleRate / 10;
                const qint64 to = std::min<qint64>(qint64(pcm.size()),
                                                   from + clip::sampleRate * 8 / 10);
                const double db = rmsDb(pcm, from, to);
                if (labelled[std::size_t(s)])
                    quietestLabelled = std::min(quietestLabelled, db);
                else
                    loudestQuiet = std::max(loudestQuiet, db);
            }
            QVERIFY2(quietestLabelled > loudestQuiet + 6,
                     qPrintable(
                         QStringLiteral("%1: quietest labelled second %2 dB, loudest other %3 dB")
                             .arg(file)
                             .arg(quietestLabelled)
                             .arg(loudestQuiet)));

            // The masks: the sounding object where it is heard and seen, drawn where the mask
            // says. Frames come from FFmpeg decoding the clip; the background alone from the plan.
            auto reader = media::VideoReader::open(video);
            QVERIFY2(reader.ok(), qPrintable(reader.errorString()));
            QCOMPARE((*reader)->width(), clip::width);
            QCOMPARE((*reader)->frameRate(), double(clip::fps));
            auto catalog = loadCatalog(AssetPool::HeldOut);
            QVERIFY(catalog.ok());
            ClipPlan plan;
            for (int index = 0; index < 3; ++index) {
                plan = planClip(*catalog, seed, QStringLiteral("test"), index);
                if (plan.name == file)
                    break;
            }
            QCOMPARE(plan.name, file);
            AssetBank bank(clip::sampleRate);
            auto renderer = FrameRenderer::create(plan, bank);
            QVERIFY(renderer.ok());
            for (int k = 1; k <= clip::seconds; ++k) {
                const QImage mask(dir.filePath(
                    QStringLiteral("avsbench/gt_masks/test/%1/%2/%2_%3.png").arg(cls, file).arg(k)));
                QCOMPARE(mask.size(), QSize(clip::width, clip::height));
                const int second = k - 1;
                const bool sounding = second >= std::max(heard->onset, seen->onset)
                                      && second < std::min(heard->offset, seen->offset);
                const QImage background = renderer->frame(clip::maskFrame(k), false);
                // Mid-way through the frame's display interval.
                const QImage decoded = decodeFrame(**reader, (clip::maskFrame(k) + 0.5) / clip::fps);
                QCOMPARE(decoded.size(), mask.size());
                int on = 0, changed = 0;
                for (int y = 0; y < clip::height; ++y)
                    for (int x = 0; x < clip::width; ++x) {
                        const int m = qGray(mask.pixel(x, y));
                        QVERIFY(m == 0 || m == 255);
                        if (m == 255) {
                            ++on;
                            changed += pixelDistance(decoded.pixel(x, y), background.pixel(x, y))
                                       > 30;
                        }
                    }
                QCOMPARE(on > 0, sounding);
                if (on > 0) {
                    QVERIFY2(on > 300,
                             qPrintable(
                                 QStringLiteral("%1 mask %2: %3 pixels").arg(file).arg(k).arg(on)));
                    QVERIFY2(changed > 0.8 * on,
                             qPrintable(
                                 QStringLiteral("%1 mask %2: only %3 of %4 pixels show an object")
                                     .arg(file)
                                     .arg(k)
                                     .arg(changed)
                                     .arg(on)));
                }
            }
        }
        for (const Row &r : audioRows) {
            bool alsoSeen = false;
            for (const Row &v : visualRows)
                alsoSeen = alsoSeen || (v.file == r.file && v.label == r.label);
            onlyHeard += !alsoSeen;
        }
        for (const Row &v : visualRows) {
            bool alsoHeard = false;
            for (const Row &r : audioRows)
                alsoHeard = alsoHeard || (v.file == r.file && v.label == r.label);
            onlySeen += !alsoHeard;
        }
        QVERIFY(onlyHeard > 0);
        QVERIFY(onlySeen > 0);
        QVERIFY(misaligned > 0);
    }
};

QTEST_GUILESS_MAIN(TestSynth)
#include "tst_synth.moc"
