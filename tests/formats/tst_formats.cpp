// Dataset and tool formats: the published LLP files go through a library and come out byte for
// byte; malformed rows stop an import with file, line and reason and store nothing, or are
// skipped and listed; every format writes what it reads.

#include "../storage/testlibrary.h"

#include "core/annotation/labelset.h"
#include "core/formats/format.h"
#include "core/media/imagecodec.h"
#include "core/storage/annotationrepository.h"
#include "core/storage/datasetio.h"
#include "core/storage/labelsetrepository.h"
#include "core/storage/videorepository.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace earmark;
using namespace earmark::formats;
using annotation::Modality;

namespace {

const QString kLlp = QStringLiteral(EARMARK_SHARED_DIR "/data/llp/");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeText(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

std::shared_ptr<storage::Database> openLibrary(const QTemporaryDir &dir,
                                               const QString &name = QStringLiteral("lib"))
{
    auto db = storage::Database::open(testing::newLibraryLocation(dir, name));
    if (!db)
        qWarning("%s", qPrintable(db.errorString()));
    return db ? *db : nullptr;
}

// Reads `path` as `format` with the library's label sets and imports it.
Result<storage::ImportReport> importFile(const std::shared_ptr<storage::Database> &db,
                                         const QString &format,
                                         const QString &path,
                                         ReadOptions options = {})
{
    auto sets = storage::LabelSetRepository(db).all();
    if (!sets)
        return sets.error();
    options.labelSets = *sets;
    auto data = findFormat(format)->read(path, options);
    if (!data)
        return data.error();
    storage::ImportOptions how;
    how.format = format;
    if (format == QLatin1String("llp-dense"))
        how.format += QLatin1Char(' ')
                      + annotation::modalityName(
                          options.modality.value_or(*modalityFromFileName(path)));
    how.source = path;
    return storage::importDataset(db, *data, how);
}

Status exportFile(const std::shared_ptr<storage::Database> &db,
                  const QString &format,
                  const QString &out,
                  storage::ExportOptions what = {},
                  WriteOptions write = {})
{
    const Format *f = findFormat(format);
    if (!f->fixedLabelSet.isEmpty())
        what.labelSet = f->fixedLabelSet;
    auto data = storage::exportDataset(db, what);
    if (!data)
        return data.error();
    return f->write(*data, out, write);
}

QStringList names(const QString &llpFile)
{
    QStringList out;
    const QList<QByteArray> lines = readAll(llpFile).split('\n');
    for (int i = 1; i < lines.size(); ++i) {
        if (!lines.at(i).isEmpty())
            out.append(QString::fromUtf8(lines.at(i).split('\t').constFirst()));
    }
    return out;
}

// A comparable line per segment: video, track, label set, class, modality, onset, offset.
QStringList describe(const Dataset &d, bool withTrack = true)
{
    QStringList out;
    for (const DatasetSegment &s : d.segments)
        out << QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
                   .arg(s.video,
                        withTrack ? s.track : QString(),
                        s.labelSet,
                        s.label,
                        annotation::modalityName(s.modality),
                        secondsText(s.onset),
                        secondsText(s.offset));
    out.sort();
    return out;
}

Dataset sampleDataset()
{
    Dataset d;
    d.video(QStringLiteral("clipA")).duration = Time::fromSeconds(30);
    d.video(QStringLiteral("clipB")).duration = Time::fromSeconds(12.5);
    auto add =
        [&](const char *video, const char *track, const char *label, Modality m, double a, double b) {
            DatasetSegment s;
            s.video = QLatin1String(video);
            s.track = QLatin1String(track);
            s.labelSet = QStringLiteral("LLP");
            s.label = QLatin1String(label);
            s.modality = m;
            s.onset = Time::fromSeconds(a);
            s.offset = Time::fromSeconds(b);
            d.segments.append(s);
        };
    add("clipA", "LLP", "Dog", Modality::Audio, 0.25, 4.5);
    add("clipA", "LLP", "Speech", Modality::Audio, 2, 9.125); // overlaps the dog
    add("clipA", "LLP", "Dog", Modality::Visual, 1, 3);
    add("clipA", "LLP", "Car", Modality::AudioVisual, 10.5, 29.999);
    add("clipA", "Extra", "Cat", Modality::Audio, 5, 6);
    add("clipB", "LLP", "Singing", Modality::Audio, 0, 12.5);
    add("clipB", "LLP", "Banjo", Modality::Visual, 3.75, 8);
    return d;
}

} // namespace

class TestFormats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { EARMARK_REQUIRE_BACKEND(); }

    void publishedLlpFilesRoundTripByteForByte()
    {
        QTemporaryDir dir;
        auto db = openLibrary(dir);
        QVERIFY(db);
        // All four files into one library, as a person would. (Over PostgreSQL, whose row-by-row
        // inserts are slower here, the 10,000-clip training list is left to the SQLite run: the
        // code path is the same.)
        const bool withTrain = !testing::usePostgres();
        if (withTrain)
            QVERIFY(
                importFile(db, QStringLiteral("llp-weak"), kLlp + QStringLiteral("AVVP_train.csv"))
                    .ok());
        QVERIFY(importFile(db, QStringLiteral("llp-weak"), kLlp + QStringLiteral("AVVP_val_pd.csv"))
                    .ok());
        ReadOptions lenient;
        lenient.skipBadRows = true;
        auto audio = importFile(db,
                                QStringLiteral("llp-dense"),
                                kLlp + QStringLiteral("AVVP_val_dense_audio.csv"),
                                lenient);
        QVERIFY2(audio.ok(), qPrintable(audio.errorString()));
        QCOMPARE(audio->skipped.size(), 1); // 8DF2PxdT5tE_390_400 9 0 Cheering
        QCOMPARE(audio->skipped.constFirst().line, 1091);
        QVERIFY(importFile(db,
                           QStringLiteral("llp-dense"),
                           kLlp + QStringLiteral("AVVP_val_dense_visual.csv"))
                    .ok());
        auto videos = storage::VideoRepository(db).all();
        QCOMPARE(videos->size(), (withTrain ? 10000 : 0) + 649);

        if (withTrain) {
            storage::ExportOptions train;
            train.videos = names(kLlp + QStringLiteral("AVVP_train.csv"));
            QVERIFY(exportFile(db,
                               QStringLiteral("llp-weak"),
                               dir.filePath(QStringLiteral("train.csv")),
                               train)
                        .ok());
            QCOMPARE(readAll(dir.filePath(QStringLiteral("train.csv"))),
                     readAll(kLlp + QStringLiteral("AVVP_train.csv")));
        }
        storage::ExportOptions val;
        val.videos = names(kLlp + QStringLiteral("AVVP_val_pd.csv"));
        QVERIFY(
            exportFile(db, QStringLiteral("llp-weak"), dir.filePath(QStringLiteral("val.csv")), val)
                .ok());
        QCOMPARE(readAll(dir.filePath(QStringLiteral("val.csv"))),
                 readAll(kLlp + QStringLiteral("AVVP_val_pd.csv")));

        // The skipped row comes back where it was when asked for.
        storage::ExportOptions dense;
        dense.modality = Modality::Audio;
        dense.skippedFrom = QStringLiteral("llp-dense audio");
        WriteOptions withSkipped;
        withSkipped.modality = Modality::Audio;
        withSkipped.includeSkipped = true;
        QVERIFY(exportFile(db,
                           QStringLiteral("llp-dense"),
                           dir.filePath(QStringLiteral("a.csv")),
                           dense,
                           withSkipped)
                    .ok());
        QCOMPARE(readAll(dir.filePath(QStringLiteral("a.csv"))),
                 readAll(kLlp + QStringLiteral("AVVP_val_dense_audio.csv")));
        storage::ExportOptions visual;
        visual.modality = Modality::Visual;
        WriteOptions visualWrite;
        visualWrite.modality = Modality::Visual;
        QVERIFY(exportFile(db,
                           QStringLiteral("llp-dense"),
                           dir.filePath(QStringLiteral("v.csv")),
                           visual,
                           visualWrite)
                    .ok());
        QCOMPARE(readAll(dir.filePath(QStringLiteral("v.csv"))),
                 readAll(kLlp + QStringLiteral("AVVP_val_dense_visual.csv")));

        // Without the skipped row: the file less that one line.
        dense.skippedFrom.clear();
        QVERIFY(exportFile(db,
                           QStringLiteral("llp-dense"),
                           dir.filePath(QStringLiteral("clean_audio.csv")),
                           dense)
                    .ok());
        QByteArray expected = readAll(kLlp + QStringLiteral("AVVP_val_dense_audio.csv"));
        expected.replace("8DF2PxdT5tE_390_400\t9\t0\tCheering\n", "");
        QCOMPARE(readAll(dir.filePath(QStringLiteral("clean_audio.csv"))), expected);
    }

    void decimalClipNamesAreKept()
    {
        const auto clip = parseLlpClipName(QStringLiteral("AP0061o0Nvk_101.8_111.8"));
        QVERIFY(clip);
        QCOMPARE(clip->youtubeId, QStringLiteral("AP0061o0Nvk"));
        QCOMPARE(clip->end - clip->start, Time::fromSeconds(10));
        QVERIFY(!parseLlpClipName(QStringLiteral("AP0061o0Nvk`_0_10")));
        QVERIFY(!parseLlpClipName(QStringLiteral("short_0_10")));
        QVERIFY(!parseLlpClipName(QStringLiteral("AP0061o0Nvk_10_0")));
        QCOMPARE(secondsText(Time::fromMicroseconds(1500000)), QStringLiteral("1.5"));
        QCOMPARE(secondsText(Time::fromSeconds(3)), QStringLiteral("3"));
        QCOMPARE(secondsText(Time::fromMicroseconds(1)), QStringLiteral("0.000001"));
        QCOMPARE(*parseSeconds(u"101.8"), Time::fromMicroseconds(101800000));
        QCOMPARE(*parseSeconds(u"0.0000005"), Time::fromMicroseconds(1));
        QVERIFY(!parseSeconds(u"1e3"));
        QVERIFY(!parseSeconds(u"-1"));
        QVERIFY(!parseSeconds(u"1.2.3"));
    }

    void malformedRowsStopTheImport_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("reason");
        const QByteArray dense = "filename\tonset\toffset\tevent_labels\n"
                                 "aaaaaaaaaaa_0_10\t0\t3\tDog\n";
        QTest::newRow("unknown class") << "llp-dense" << dense + "aaaaaaaaaaa_0_10\t3\t5\tKazoo\n"
                                       << 3 << "unknown class \"Kazoo\"";
        QTest::newRow("bad number") << "llp-dense" << dense + "aaaaaaaaaaa_0_10\tthree\t5\tDog\n"
                                    << 3 << "onset \"three\" is not a number";
        QTest::newRow("column count") << "llp-dense" << dense + "aaaaaaaaaaa_0_10\t3\tDog\n"
                                      << 3 << "expected 4 tab-separated columns";
        QTest::newRow("onset >= offset") << "llp-dense" << dense + "aaaaaaaaaaa_0_10\t5\t5\tDog\n"
                                         << 3 << "onset 5 is not before offset 5";
        QTest::newRow("past the clip") << "llp-dense" << dense + "aaaaaaaaaaa_0_10\t5\t11\tDog\n"
                                       << 3 << "past the end";
        QTest::newRow("stray back-tick") << "llp-dense" << dense + "aaaaaaaaaa`_0_10\t1\t2\tDog\n"
                                         << 3 << "not an LLP clip name";
        QTest::newRow("weak unknown class")
            << "llp-weak" << QByteArray("filename\tevent_labels\nbbbbbbbbbbb_0_10\tDog,Kazoo\n")
            << 2 << "unknown class \"Kazoo\"";
        QTest::newRow("weak header")
            << "llp-weak" << QByteArray("name\tlabels\n") << 1 << "expected the header";
        QTest::newRow("ave bad time") << "ave"
                                      << QByteArray("Category&VideoID&Quality&StartTime&EndTime\n"
                                                    "Bark&RUhOCu3LNXM&good&4&x\n")
                                      << 2 << "EndTime \"x\"";
        QTest::newRow("ave fields") << "ave" << QByteArray("Bark&RUhOCu3LNXM&good&4\n") << 1
                                    << "expected 5 &-separated fields";
        QTest::newRow("audacity order")
            << "audacity" << QByteArray("1.0\t2.0\tDog\n3.0\t2.0\tDog\n") << 2
            << "start 3.0 is not before end 2.0";
        QTest::newRow("jsonl class")
            << "jsonl"
            << QByteArray("{\"video\":\"v\",\"class\":\"Dog\",\"onset\":1,\"offset\":2}\n"
                          "{\"video\":\"v\",\"class\":\"Dgo\",\"onset\":1,\"offset\":2}\n")
            << 2 << "unknown class \"Dgo\"";
        QTest::newRow("vtt times") << "vtt"
                                   << QByteArray("WEBVTT\n\n00:01.000 --> 00:02.000\nDog\n\n"
                                                 "00:05.000 --> 00:04.000\nDog\n")
                                   << 6 << "ends before it starts";
    }

    void malformedRowsStopTheImport()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, content);
        QFETCH(int, line);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString ext = findFormat(format)->extension;
        const QString path = dir.filePath(format == QLatin1String("llp-dense")
                                              ? QStringLiteral("labels_audio.csv")
                                              : QStringLiteral("labels") + ext);
        writeText(path, content);
        auto db = openLibrary(dir);
        QVERIFY(db);
        auto r = importFile(db, format, path);
        QVERIFY(!r.ok());
        QVERIFY2(r.errorString().startsWith(QStringLiteral("%1:%2: ").arg(path).arg(line)),
                 qPrintable(r.errorString()));
        QVERIFY2(r.errorString().contains(reason), qPrintable(r.errorString()));
        const bool headerProblem = format == QLatin1String("llp-weak") && line == 1;
        QCOMPARE(r.errorString().contains(QStringLiteral("--skip-bad-rows")), !headerProblem);
        // Nothing of the import is stored.
        QCOMPARE(*storage::AnnotationRepository(db).segmentCount(), 0);
        QCOMPARE(storage::VideoRepository(db).all()->size(), 0);

        // Leniently, the good rows go in and the bad one is listed.
        ReadOptions lenient;
        lenient.skipBadRows = true;
        auto skipped = importFile(db, format, path, lenient);
        if (headerProblem) {
            QVERIFY(!skipped.ok()); // a wrong header is not a row
            return;
        }
        QVERIFY2(skipped.ok(), qPrintable(skipped.errorString()));
        QCOMPARE(skipped->skipped.size(), 1);
        QCOMPARE(skipped->skipped.constFirst().line, line);
        QVERIFY(skipped->skipped.constFirst().reason.contains(reason));
        QCOMPARE(*storage::AnnotationRepository(db).segmentCount(), qint64(skipped->segments));
    }

    void toolFormatsWriteWhatTheyRead_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("keepsTracks");
        QTest::newRow("eaf") << "eaf" << true;
        QTest::newRow("textgrid") << "textgrid" << true;
        QTest::newRow("jsonl") << "jsonl" << true;
        QTest::newRow("audacity") << "audacity" << false;
        QTest::newRow("vtt") << "vtt" << false;
    }

    void toolFormatsWriteWhatTheyRead()
    {
        QFETCH(QString, format);
        QFETCH(bool, keepsTracks);
        QTemporaryDir dir;
        const Format *f = findFormat(format);
        const Dataset original = sampleDataset();
        const QString out = dir.filePath(QStringLiteral("out"));
        QVERIFY(f->write(original, out, {}).ok());
        if (f->perVideo) {
            QVERIFY(QFileInfo(out).isDir());
            QVERIFY(QFile::exists(QDir(out).filePath(QStringLiteral("clipA") + f->extension)));
        }
        auto back = f->read(out, {});
        QVERIFY2(back.ok(), qPrintable(back.errorString()));
        QCOMPARE(describe(*back, keepsTracks), describe(original, keepsTracks));

        // Through a library as well: import, export, read again.
        auto db = openLibrary(dir);
        QVERIFY(db);
        auto imported = importFile(db, format, out);
        QVERIFY2(imported.ok(), qPrintable(imported.errorString()));
        QCOMPARE(imported->segments, int(original.segments.size()));
        const QString again = dir.filePath(QStringLiteral("again"));
        QVERIFY(exportFile(db, format, again).ok());
        auto reread = f->read(again, {});
        QVERIFY(reread.ok());
        QCOMPARE(describe(*reread, keepsTracks), describe(original, keepsTracks));
    }

    void readsFilesMadeByTheTools()
    {
        QTemporaryDir dir;
        // ELAN, with a media file, a reference annotation on a symbolic tier.
        const QString eaf = dir.filePath(QStringLiteral("session.eaf"));
        writeText(eaf,
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<ANNOTATION_DOCUMENT AUTHOR=\"\" DATE=\"2024-05-01T10:00:00+01:00\" "
                  "FORMAT=\"3.0\" VERSION=\"3.0\">\n"
                  "    <HEADER MEDIA_FILE=\"\" TIME_UNITS=\"milliseconds\">\n"
                  "        <MEDIA_DESCRIPTOR MEDIA_URL=\"file:///media/park.mp4\" "
                  "MIME_TYPE=\"video/mp4\"/>\n"
                  "    </HEADER>\n"
                  "    <TIME_ORDER>\n"
                  "        <TIME_SLOT TIME_SLOT_ID=\"ts1\" TIME_VALUE=\"1200\"/>\n"
                  "        <TIME_SLOT TIME_SLOT_ID=\"ts2\" TIME_VALUE=\"3450\"/>\n"
                  "        <TIME_SLOT TIME_SLOT_ID=\"ts3\"/>\n"
                  "    </TIME_ORDER>\n"
                  "    <TIER LINGUISTIC_TYPE_REF=\"default-lt\" TIER_ID=\"dogs\">\n"
                  "        <ANNOTATION>\n"
                  "            <ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a1\" TIME_SLOT_REF1=\"ts1\" "
                  "TIME_SLOT_REF2=\"ts2\">\n"
                  "                <ANNOTATION_VALUE>Dog</ANNOTATION_VALUE>\n"
                  "            </ALIGNABLE_ANNOTATION>\n"
                  "        </ANNOTATION>\n"
                  "    </TIER>\n"
                  "    <TIER LINGUISTIC_TYPE_REF=\"sym\" PARENT_REF=\"dogs\" TIER_ID=\"notes\">\n"
                  "        <ANNOTATION>\n"
                  "            <REF_ANNOTATION ANNOTATION_ID=\"a2\" ANNOTATION_REF=\"a1\">\n"
                  "                <ANNOTATION_VALUE>Dog</ANNOTATION_VALUE>\n"
                  "            </REF_ANNOTATION>\n"
                  "        </ANNOTATION>\n"
                  "    </TIER>\n"
                  "</ANNOTATION_DOCUMENT>\n");
        auto strict = findFormat(QStringLiteral("eaf"))->read(eaf, {});
        QVERIFY(!strict.ok());
        QVERIFY2(strict.errorString().contains(QStringLiteral("session.eaf:20:")),
                 qPrintable(strict.errorString()));
        ReadOptions lenient;
        lenient.skipBadRows = true;
        lenient.modality = Modality::Audio;
        auto e = findFormat(QStringLiteral("eaf"))->read(eaf, lenient);
        QVERIFY2(e.ok(), qPrintable(e.errorString()));
        QCOMPARE(e->videos.constFirst().name, QStringLiteral("park"));
        QCOMPARE(e->videos.constFirst().path, QStringLiteral("/media/park.mp4"));
        QCOMPARE(describe(*e), QStringList{QStringLiteral("park|dogs|LLP|Dog|audio|1.2|3.45")});

        // Praat, short text form.
        const QString grid = dir.filePath(QStringLiteral("short.TextGrid"));
        writeText(grid,
                  "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n\n0\n5\n<exists>\n"
                  "1\n\"IntervalTier\"\n\"LLP visual\"\n0\n5\n3\n0\n1.5\n\"\"\n1.5\n2.25\n"
                  "\"Cat\"\n2.25\n5\n\"\"\n");
        auto g = findFormat(QStringLiteral("textgrid"))->read(grid, {});
        QVERIFY2(g.ok(), qPrintable(g.errorString()));
        QCOMPARE(describe(*g), QStringList{QStringLiteral("short|LLP|LLP|Cat|visual|1.5|2.25")});

        // Audacity with a frequency line.
        const QString labels = dir.filePath(QStringLiteral("take.txt"));
        writeText(
            labels,
            "0.500000\t2.000000\tDog\n\\\t200.5\t4000\n3.000000\t4.000000\tSpeech [visual]\n");
        auto a = findFormat(QStringLiteral("audacity"))->read(labels, {});
        QVERIFY2(a.ok(), qPrintable(a.errorString()));
        QCOMPARE(describe(*a),
                 (QStringList{QStringLiteral("take|Audacity|LLP|Dog|audio|0.5|2"),
                              QStringLiteral("take|Audacity|LLP|Speech|visual|3|4")}));
        QCOMPARE(a->segments.constFirst().attributes.value(QStringLiteral("low_hz")).toString(),
                 QStringLiteral("200.5"));

        // WebVTT with an identifier, settings and a note.
        const QString vtt = dir.filePath(QStringLiteral("cues.vtt"));
        writeText(vtt,
                  "WEBVTT - made by hand\n\nNOTE nothing here\n\ncue-1\n00:00:01.000 --> "
                  "00:00:02.500 align:start\nCar\n\n01:00.000 --> 01:02.000\nCar [audio]\n");
        auto v = findFormat(QStringLiteral("vtt"))->read(vtt, {});
        QVERIFY2(v.ok(), qPrintable(v.errorString()));
        QCOMPARE(describe(*v),
                 (QStringList{QStringLiteral("cues|WebVTT|LLP|Car|audio_visual|1|2.5"),
                              QStringLiteral("cues|WebVTT|LLP|Car|audio|60|62")}));
    }

    void aveRoundTrips()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("testSet.txt"));
        const QByteArray text = "Category&VideoID&Quality&StartTime&EndTime\n"
                                "Church bell&RUhOCu3LNXM&good&0&10\n"
                                "Male speech, man speaking&MH3m4AwEcRY&bad&6&8\n"
                                "Rodents, rats, mice&-0BKyt8iZ1I&good&2&5\n";
        writeText(path, text);
        auto db = openLibrary(dir);
        QVERIFY(db);
        auto r = importFile(db, QStringLiteral("ave"), path);
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        QCOMPARE(r->videosCreated, 3);
        QVERIFY(exportFile(db, QStringLiteral("ave"), dir.filePath(QStringLiteral("out.txt"))).ok());
        QCOMPARE(readAll(dir.filePath(QStringLiteral("out.txt"))), text);
    }

    void pngMasksRoundTrip()
    {
        QByteArray px(6 * 4, '\0');
        for (int i = 0; i < px.size(); i += 3)
            px[i] = char(255);
        auto png = media::encodeGrayPng(6, 4, px);
        QVERIFY2(png.ok(), qPrintable(png.errorString()));
        QVERIFY(png->startsWith("\x89PNG"));
        auto back = media::decodeMaskImage(*png, QStringLiteral("gray"));
        QVERIFY2(back.ok(), qPrintable(back.errorString()));
        QCOMPARE(back->width, 6);
        QCOMPARE(back->height, 4);
        QCOMPARE(back->kind, media::MaskImage::Kind::Gray);
        QCOMPARE(back->pixels, px);

        QByteArray idx(5 * 3, '\0');
        idx[4] = 1;
        idx[7] = 2;
        const QList<quint32> palette = {0xff000000u, 0xffc00000u, 0xff00c000u};
        auto pal = media::encodePalettePng(5, 3, idx, palette);
        QVERIFY(pal.ok());
        auto p = media::decodeMaskImage(*pal, QStringLiteral("palette"));
        QVERIFY2(p.ok(), qPrintable(p.errorString()));
        QCOMPARE(p->kind, media::MaskImage::Kind::Palette);
        QCOMPARE(p->pixels, idx);
        QCOMPARE(p->palette.at(1), 0xffc00000u);

        auto junk = media::decodeMaskImage(QByteArray("not a png"), QStringLiteral("junk.png"));
        QVERIFY(!junk.ok());
        QVERIFY(junk.errorString().startsWith(QStringLiteral("junk.png: ")));
    }

    void avsbenchFoldersRoundTrip_data()
    {
        QTest::addColumn<QString>("layout");
        QTest::newRow("S4") << "s4";
        QTest::newRow("MS3") << "ms3";
    }

    void avsbenchFoldersRoundTrip()
    {
        QFETCH(QString, layout);
        QTemporaryDir dir;
        const bool s4 = layout == QLatin1String("s4");
        const QString root = dir.filePath(QStringLiteral("AVSBench/gt_masks"));
        // Two videos, one frame each of gray and palette masks, and a second frame for the first.
        struct Frame
        {
            QString video;
            int n;
            bool palette;
        };
        const QList<Frame> frames = {{QStringLiteral("-0CZkr5Ut5o_5000"), 1, false},
                                     {QStringLiteral("-0CZkr5Ut5o_5000"), 2, true},
                                     {QStringLiteral("zzz_1000"), 1, false}};
        QHash<QString, QByteArray> expected;
        for (const Frame &f : frames) {
            QByteArray px(8 * 6, '\0');
            for (int i = f.n; i < px.size(); i += 5)
                px[i] = f.palette ? 1 : char(255);
            const QString folder = s4 ? QStringLiteral("test/dog_barking/%1").arg(f.video)
                                      : QStringLiteral("test/%1").arg(f.video);
            const QString file = QDir(root).filePath(
                QStringLiteral("%1/%2_%3.png").arg(folder, f.video).arg(f.n));
            QVERIFY(QDir().mkpath(QFileInfo(file).absolutePath()));
            auto png = f.palette ? media::encodePalettePng(8, 6, px, {0xff000000u, 0xff808000u})
                                 : media::encodeGrayPng(8, 6, px);
            QVERIFY(png.ok());
            writeText(file, *png);
            QByteArray binary = px;
            for (char &c : binary)
                c = c ? char(255) : 0;
            expected.insert(QStringLiteral("%1/%2_%3.png").arg(folder, f.video).arg(f.n), binary);
        }
        auto db = openLibrary(dir);
        QVERIFY(db);
        auto r = importFile(db,
                            QStringLiteral("avsbench"),
                            dir.filePath(QStringLiteral("AVSBench")));
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        QCOMPARE(r->masks, 3);
        QCOMPARE(r->videosCreated, 2);
        const QString out = dir.filePath(QStringLiteral("export/gt_masks"));
        QVERIFY(exportFile(db, QStringLiteral("avsbench"), out).ok());
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            auto image = media::readMaskImage(QDir(out).filePath(it.key()));
            QVERIFY2(image.ok(), qPrintable(image.errorString()));
            QCOMPARE(image->pixels, it.value());
        }
        // Masks sit at the frames AVSBench shows: frame n at n - 1 + 15/16 s.
        QCOMPARE(avsFrameTime(2), Time::fromMicroseconds(1937500));
        QCOMPARE(avsFrameIndex(Time::fromMicroseconds(1937500)), 2);
    }

    void refusesUnknownLayouts()
    {
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("a/b/c/d"))));
        writeText(dir.filePath(QStringLiteral("a/b/c/d/x_1.png")), "x");
        auto r = findFormat(QStringLiteral("avsbench"))->read(dir.path(), {});
        QVERIFY(!r.ok());
        QVERIFY2(r.errorString().contains(QStringLiteral("neither")), qPrintable(r.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestFormats)
#include "tst_formats.moc"
