// Model pack manifests: what they must say, what they may not do (leave their folder), checksums,
// and installing packs in a packs folder.

#include "inference/pack.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace earmark::inference;

namespace {

QJsonObject validManifest()
{
    return QJsonObject{
        {QStringLiteral("earmark_pack"), 1},
        {QStringLiteral("id"), QStringLiteral("demo")},
        {QStringLiteral("name"), QStringLiteral("Demo")},
        {QStringLiteral("version"), QStringLiteral("1.2.0")},
        {QStringLiteral("licence"), QStringLiteral("MIT")},
        {QStringLiteral("citation"), QStringLiteral("Someone et al., 2024")},
        {QStringLiteral("tasks"), QJsonArray{QStringLiteral("ave")}},
        {QStringLiteral("vocabularies"),
         QJsonObject{
             {QStringLiteral("mini"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")}}}},
        {QStringLiteral("window"),
         QJsonObject{{QStringLiteral("length"), 10}, {QStringLiteral("segment"), 1}}},
        {QStringLiteral("inputs"),
         QJsonObject{{QStringLiteral("audio"), QJsonObject{{QStringLiteral("sample_rate"), 16000}}},
                     {QStringLiteral("frames"),
                      QJsonObject{{QStringLiteral("fps"), 1},
                                  {QStringLiteral("width"), 224},
                                  {QStringLiteral("height"), 224},
                                  {QStringLiteral("resize"), QStringLiteral("crop")},
                                  {QStringLiteral("mean"), QJsonArray{0.485, 0.456, 0.406}},
                                  {QStringLiteral("std"), QJsonArray{0.229, 0.224, 0.225}}}}}},
        {QStringLiteral("encoders"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("a")},
                                {QStringLiteral("input"), QStringLiteral("audio")},
                                {QStringLiteral("kind"), QStringLiteral("torchscript")},
                                {QStringLiteral("file"), QStringLiteral("enc/a.pt")}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("v")},
                                {QStringLiteral("input"), QStringLiteral("frames")},
                                {QStringLiteral("kind"), QStringLiteral("torchscript")},
                                {QStringLiteral("file"), QStringLiteral("v.pt")},
                                {QStringLiteral("frames"),
                                 QJsonObject{{QStringLiteral("sampling"), QStringLiteral("linspace")},
                                             {QStringLiteral("count"), 10},
                                             {QStringLiteral("source_fps"), 8},
                                             {QStringLiteral("width"), 224},
                                             {QStringLiteral("height"), 224}}}}}},
        {QStringLiteral("heads"),
         QJsonArray{QJsonObject{{QStringLiteral("task"), QStringLiteral("ave")},
                                {QStringLiteral("arch"), QStringLiteral("ave")},
                                {QStringLiteral("file"), QStringLiteral("ave.pt")},
                                {QStringLiteral("vocabulary"), QStringLiteral("mini")},
                                {QStringLiteral("features"),
                                 QJsonObject{{QStringLiteral("audio"), QStringLiteral("a")},
                                             {QStringLiteral("visual"), QStringLiteral("v")}}}}}},
    };
}

// Writes the manifest and three small files into `folder`, with correct checksums.
void writePack(const QString &folder, QJsonObject manifest = validManifest())
{
    QVERIFY(QDir().mkpath(folder + QStringLiteral("/enc")));
    for (const char *name : {"enc/a.pt", "v.pt", "ave.pt"}) {
        QFile f(QDir(folder).filePath(QLatin1String(name)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("weights of ") + name);
    }
    QFile f(QDir(folder).filePath(QStringLiteral("pack.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(manifest).toJson());
    f.close();
    QVERIFY(updatePackChecksums(folder).ok());
}

QString parseError(const QJsonObject &manifest)
{
    auto r = parsePackManifest(QJsonDocument(manifest).toJson(), QStringLiteral("pack.json"));
    return r.ok() ? QString() : r.errorString();
}

} // namespace

class TestPack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesAManifest()
    {
        QJsonObject o = validManifest();
        o.insert(QStringLiteral("files"),
                 QJsonObject{{QStringLiteral("enc/a.pt"),
                              QJsonObject{{QStringLiteral("sha256"), QString(64, u'a')}}},
                             {QStringLiteral("v.pt"),
                              QJsonObject{{QStringLiteral("sha256"), QString(64, u'b')}}},
                             {QStringLiteral("ave.pt"),
                              QJsonObject{{QStringLiteral("sha256"), QString(64, u'c')}}}});
        auto m = parsePackManifest(QJsonDocument(o).toJson(), QStringLiteral("pack.json"));
        QVERIFY2(m.ok(), qPrintable(m.errorString()));
        QCOMPARE(m->id, QStringLiteral("demo"));
        QCOMPARE(m->segmentsPerWindow(), 10);
        QCOMPARE(m->audio->sampleRate, 16000);
        QCOMPARE(m->frames->resize, QStringLiteral("crop"));
        QCOMPARE(m->frames->std[2], 0.225f);
        QCOMPARE(m->tasks, QStringList{QStringLiteral("ave")});
        const PackEncoder *v = m->encoder(QStringLiteral("v"));
        QVERIFY(v && v->frames);
        // The encoder's own frames: 10 of the 80 an 8-fps extraction gives, linspace-picked.
        const std::vector<double> times = m->frameInput(*v).times(10);
        QCOMPARE(times.size(), size_t(10));
        QCOMPARE(times[0], 0.0);
        QCOMPARE(times[1], 9.0 / 8); // round(79 / 9) = 9
        QCOMPARE(times[9], 79.0 / 8);
        QCOMPARE(m->frameInput(*m->encoder(QStringLiteral("a"))).times(10).size(), size_t(10));
        QCOMPARE(m->frames->times(10)[3], 3.5);
        // Preprocessing decides the cache key: another mean is another key.
        const QString key = m->preprocessingKey(*m->encoder(QStringLiteral("v")));
        PackManifest changed = *m;
        changed.encoders[1].frames->mean[0] = 0.4f;
        QVERIFY(changed.preprocessingKey(changed.encoders[1]) != key);
    }

    void badManifestsNameTheField_data()
    {
        QTest::addColumn<QJsonObject>("manifest");
        QTest::addColumn<QString>("expected");
        QJsonObject o = validManifest();
        o.remove(QStringLiteral("licence"));
        QTest::newRow("no licence") << o << "licence: say under which licence";
        o = validManifest();
        o.insert(QStringLiteral("id"), QStringLiteral("Has Spaces"));
        QTest::newRow("bad id") << o << "id: 'Has Spaces' must be lower-case";
        o = validManifest();
        o.insert(QStringLiteral("earmark_pack"), 2);
        QTest::newRow("format") << o << "earmark_pack: must be 1";
        for (const char *escape : {"../outside.pt", "/etc/passwd", "a/../../b.pt", "./x.pt"}) {
            o = validManifest();
            QJsonArray heads = o.value(QStringLiteral("heads")).toArray();
            QJsonObject h = heads[0].toObject();
            h.insert(QStringLiteral("file"), QLatin1String(escape));
            heads[0] = h;
            o.insert(QStringLiteral("heads"), heads);
            QTest::newRow(escape) << o
                                  << "heads[0].file: '" + QLatin1String(escape)
                                         + "' must be a path inside the pack folder";
        }
        o = validManifest();
        QJsonArray heads = o.value(QStringLiteral("heads")).toArray();
        QJsonObject h = heads[0].toObject();
        h.insert(QStringLiteral("features"),
                 QJsonObject{{QStringLiteral("audio"), QStringLiteral("a")}});
        heads[0] = h;
        o.insert(QStringLiteral("heads"), heads);
        QTest::newRow("missing feature") << o << "heads[0].features.visual: name the encoder";
        o = validManifest();
        h = heads[0].toObject();
        h.insert(QStringLiteral("vocabulary"), QStringLiteral("llp"));
        heads[0] = h;
        o.insert(QStringLiteral("heads"), heads);
        QTest::newRow("vocabulary") << o << "heads[0].vocabulary: 'llp' is not in vocabularies";
        o = validManifest();
        QJsonObject inputs = o.value(QStringLiteral("inputs")).toObject();
        QJsonObject frames = inputs.value(QStringLiteral("frames")).toObject();
        frames.insert(QStringLiteral("resize"), QStringLiteral("squash"));
        inputs.insert(QStringLiteral("frames"), frames);
        o.insert(QStringLiteral("inputs"), inputs);
        QTest::newRow("resize") << o
                                << "inputs.frames.resize: 'squash' is not stretch, fit or crop";
        o = validManifest();
        QTest::newRow("no checksums") << o << "'enc/a.pt' is used but has no checksum";
    }

    void badManifestsNameTheField()
    {
        QFETCH(QJsonObject, manifest);
        QFETCH(QString, expected);
        const QString e = parseError(manifest);
        QVERIFY2(e.startsWith(QLatin1String("pack.json: ")) && e.contains(expected), qPrintable(e));
    }

    void invalidJsonSaysWhere()
    {
        auto r = parsePackManifest("{\n  \"id\": \"x\",\n  oops\n}", QStringLiteral("p/pack.json"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().line, 3);
        QVERIFY(r.errorString().startsWith(QLatin1String("p/pack.json:3:")));
    }

    void checksumsAndLinksAreChecked()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("demo"));
        writePack(folder);
        auto ok = openPack(folder);
        QVERIFY2(ok.ok(), qPrintable(ok.errorString()));
        QCOMPARE(ok->manifest.files.size(), 3);
        QCOMPARE(ok->filePath(QStringLiteral("v.pt")),
                 QDir(ok->folder).filePath(QStringLiteral("v.pt")));

        // Same size, other bytes: only the checksum notices.
        QFile f(QDir(folder).filePath(QStringLiteral("v.pt")));
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.write("W");
        f.close();
        auto tampered = openPack(folder);
        QVERIFY(!tampered.ok());
        QVERIFY2(tampered.errorString().contains(
                     QLatin1String("'v.pt' does not match its SHA-256")),
                 qPrintable(tampered.errorString()));
        QVERIFY(openPack(folder, VerifyFiles::No).ok());

        // A link that leads out of the folder.
        QVERIFY(QFile::remove(QDir(folder).filePath(QStringLiteral("v.pt"))));
        QFile outside(dir.filePath(QStringLiteral("outside.pt")));
        QVERIFY(outside.open(QIODevice::WriteOnly));
        outside.write("weights of v.pt");
        outside.close();
        QVERIFY(QFile::link(outside.fileName(), QDir(folder).filePath(QStringLiteral("v.pt"))));
        auto escaped = openPack(folder, VerifyFiles::No);
        QVERIFY(!escaped.ok());
        QVERIFY2(escaped.errorString().contains(QLatin1String("leads outside the pack folder")),
                 qPrintable(escaped.errorString()));
    }

    void registryInstallsChoosesAndRemoves()
    {
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("source"));
        writePack(source);
        PackRegistry registry(dir.filePath(QStringLiteral("packs")));
        QVERIFY(registry.packs().isEmpty());
        QVERIFY(!registry.active().ok());

        auto added = registry.add(source);
        QVERIFY2(added.ok(), qPrintable(added.errorString()));
        QVERIFY(added->folder.startsWith(QFileInfo(registry.packsDir()).canonicalFilePath()));
        QVERIFY(QDir(source).removeRecursively()); // the installed copy does not need the source
        QCOMPARE(registry.packs().size(), 1);
        QCOMPARE(registry.active()->manifest.id, QStringLiteral("demo")); // the first becomes active
        QVERIFY(openPack(added->folder).ok());

        // A second version; choosing by id gives the highest.
        QJsonObject next = validManifest();
        next.insert(QStringLiteral("version"), QStringLiteral("1.10.0"));
        writePack(source, next);
        QVERIFY(registry.add(source).ok());
        QCOMPARE(registry.packs().size(), 2);
        QCOMPARE(registry.find(QStringLiteral("demo"))->manifest.version, QStringLiteral("1.10.0"));
        QCOMPARE(registry.find(QStringLiteral("demo@1.2.0"))->manifest.version,
                 QStringLiteral("1.2.0"));
        QVERIFY(registry.setActive(QStringLiteral("demo@1.2.0")).ok());
        QCOMPARE(registry.active()->manifest.version, QStringLiteral("1.2.0"));
        QVERIFY(!registry.setActive(QStringLiteral("nothing")).ok());

        QVERIFY(registry.remove(QStringLiteral("demo@1.2.0")).ok());
        QCOMPARE(registry.packs().size(), 1);
        QCOMPARE(registry.active()->manifest.version, QStringLiteral("1.10.0"));
        auto unknown = registry.find(QStringLiteral("other"));
        QVERIFY(!unknown.ok());
        QVERIFY(unknown.errorString().contains(QLatin1String("earmark pack add")));

        // Fine-tuned versions (earmark finetune) come after their base, in numeric order.
        for (const char *version : {"1.10.0-ft.9", "1.10.0-ft.10"}) {
            next.insert(QStringLiteral("version"), QLatin1String(version));
            writePack(source, next);
            QVERIFY(registry.add(source).ok());
        }
        QCOMPARE(registry.find(QStringLiteral("demo"))->manifest.version,
                 QStringLiteral("1.10.0-ft.10"));
        QCOMPARE(registry.packs().constLast().manifest.version, QStringLiteral("1.10.0-ft.10"));
        QVERIFY(registry.remove(QStringLiteral("demo@1.10.0-ft.9")).ok());
        QVERIFY(registry.remove(QStringLiteral("demo@1.10.0-ft.10")).ok());
        QCOMPARE(registry.find(QStringLiteral("demo"))->manifest.version, QStringLiteral("1.10.0"));

        // A broken pack is not installed and leaves nothing behind.
        QFile::remove(QDir(source).filePath(QStringLiteral("ave.pt")));
        auto broken = registry.add(source);
        QVERIFY(!broken.ok());
        QVERIFY2(broken.errorString().contains(
                     QLatin1String("'ave.pt' is named in the manifest but missing")),
                 qPrintable(broken.errorString()));
        QCOMPARE(QDir(registry.packsDir())
                     .entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)
                     .size(),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestPack)
#include "tst_pack.moc"
