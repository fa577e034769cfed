// The inference commands as a person runs them: earmark avvp-head, earmark pack, earmark analyze.

#include "core/storage/database.h"
#include "core/storage/modelrunrepository.h"
#include "inference/npy.h"
#include "testpack.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace earmark;

namespace {

const QString kShared = QStringLiteral(EARMARK_SHARED_DIR "/fixtures/avvp-valor/");

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

} // namespace

class TestInferenceCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    Run earmark(const QStringList &args) const
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("EARMARK_PACKS_DIR"), m_dir.filePath(QStringLiteral("packs")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache")));
        // No shipped packs (the default pack in <build>/share/earmark): only the test's own.
        env.insert(QStringLiteral("EARMARK_DATA_DIR"), m_dir.filePath(QStringLiteral("no-data")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(EARMARK_EXECUTABLE), args);
        if (!p.waitForFinished(240000))
            return {};
        return {p.exitCode(),
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString error = inference::testing::writeTestPack(m_dir.filePath(
                                                                    QStringLiteral("source")),
                                                                false);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"),
                     {QStringLiteral("-nostdin"),
                      QStringLiteral("-v"),
                      QStringLiteral("error"),
                      QStringLiteral("-f"),
                      QStringLiteral("lavfi"),
                      QStringLiteral("-i"),
                      QStringLiteral("testsrc2=size=160x120:rate=10:duration=12.5"),
                      QStringLiteral("-f"),
                      QStringLiteral("lavfi"),
                      QStringLiteral("-i"),
                      QStringLiteral("sine=frequency=660:sample_rate=16000:duration=12.5"),
                      QStringLiteral("-c:v"),
                      QStringLiteral("libx264"),
                      QStringLiteral("-preset"),
                      QStringLiteral("ultrafast"),
                      QStringLiteral("-pix_fmt"),
                      QStringLiteral("yuv420p"),
                      QStringLiteral("-c:a"),
                      QStringLiteral("aac"),
                      QStringLiteral("-shortest"),
                      m_dir.filePath(QStringLiteral("clip.mp4"))});
        QVERIFY(ffmpeg.waitForFinished(60000));
        QCOMPARE(ffmpeg.exitCode(), 0);
    }

    void avvpHeadMatchesTheOfficialOutputs()
    {
        if (!QFile::exists(kShared + QStringLiteral("checkpoint_best.pt")))
            QSKIP("../shared/fixtures/avvp-valor is not there");
        const Run r = earmark({QStringLiteral("avvp-head"),
                               QStringLiteral("--arch"),
                               QStringLiteral("valor"),
                               QStringLiteral("--checkpoint"),
                               kShared + QStringLiteral("checkpoint_best.pt"),
                               QStringLiteral("--audio"),
                               kShared + QStringLiteral("vid2_audio.npy"),
                               QStringLiteral("--visual"),
                               kShared + QStringLiteral("vid2_visual.npy"),
                               QStringLiteral("--st"),
                               kShared + QStringLiteral("vid2_st.npy"),
                               QStringLiteral("--hidden"),
                               QStringLiteral("512"),
                               QStringLiteral("--heads"),
                               QStringLiteral("8"),
                               QStringLiteral("--layers"),
                               QStringLiteral("1"),
                               QStringLiteral("--ff"),
                               QStringLiteral("1024"),
                               QStringLiteral("--norm"),
                               QStringLiteral("post"),
                               QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        auto compare = [&](const QJsonArray &got, const char *name) {
            auto expected = inference::readNpy(
                kShared + QStringLiteral("vid2_expected_%1.npy").arg(QLatin1String(name)));
            QVERIFY(expected.ok());
            QCOMPARE(qsizetype(expected->numel()), got.size());
            for (qsizetype i = 0; i < got.size(); ++i)
                QVERIFY2(std::abs(got[i].toDouble() - expected->data[size_t(i)]) <= 1e-5, name);
        };
        compare(o.value(QLatin1String("global_prob")).toArray(), "global_prob");
        compare(o.value(QLatin1String("a_prob")).toArray(), "a_prob");
        compare(o.value(QLatin1String("v_prob")).toArray(), "v_prob");
        QJsonArray flat;
        const QJsonArray frame = o.value(QLatin1String("frame_prob")).toArray();
        QCOMPARE(frame.size(), 10);
        for (const QJsonValue &segment : frame) {
            QCOMPARE(segment.toArray().size(), 2);
            for (const QJsonValue &modality : segment.toArray()) {
                QCOMPARE(modality.toArray().size(), 25);
                for (const QJsonValue &v : modality.toArray())
                    flat.append(v);
            }
        }
        compare(flat, "frame_prob");
        const QJsonArray events = o.value(QLatin1String("events")).toArray();
        for (const QJsonValue &e : events) {
            const QJsonObject ev = e.toObject();
            QVERIFY(ev.value(QLatin1String("modality")).toString() == QLatin1String("audio")
                    || ev.value(QLatin1String("modality")).toString() == QLatin1String("visual"));
            QVERIFY(inference::llpClasses().contains(ev.value(QLatin1String("class")).toString()));
            QVERIFY(ev.value(QLatin1String("onset")).toInt()
                    < ev.value(QLatin1String("offset")).toInt());
        }
    }

    void avvpHeadExplainsMistakes()
    {
        if (!QFile::exists(kShared + QStringLiteral("checkpoint_best.pt")))
            QSKIP("../shared/fixtures/avvp-valor is not there");
        Run r = earmark({QStringLiteral("avvp-head"),
                         QStringLiteral("--checkpoint"),
                         kShared + QStringLiteral("checkpoint_best.pt"),
                         QStringLiteral("--audio"),
                         kShared + QStringLiteral("vid0_audio.npy"),
                         QStringLiteral("--visual"),
                         kShared + QStringLiteral("vid0_visual.npy"),
                         QStringLiteral("--st"),
                         kShared + QStringLiteral("vid0_st.npy"),
                         QStringLiteral("--hidden"),
                         QStringLiteral("256")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(
                     QLatin1String("mis-shaped keys: fc_prob.weight (checkpoint [25,512], "
                                   "model [25,256])")),
                 qPrintable(r.err));
        r = earmark({QStringLiteral("avvp-head"),
                     QStringLiteral("--checkpoint"),
                     kShared + QStringLiteral("checkpoint_best.pt")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("--audio is required")));
        r = earmark({QStringLiteral("avvp-head"), QStringLiteral("--arch"), QStringLiteral("ast")});
        QCOMPARE(r.code, 2);
    }

    void packsAreAddedListedAndChosen()
    {
        Run r = earmark({QStringLiteral("pack"),
                         QStringLiteral("add"),
                         m_dir.filePath(QStringLiteral("source"))});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.startsWith(QLatin1String("installed test-pack@0.1")));
        r = earmark({QStringLiteral("pack"), QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("* test-pack@0.1\tavvp,ave,avs\tTest pack\t")),
                 qPrintable(r.out));
        r = earmark({QStringLiteral("pack"), QStringLiteral("show"), QStringLiteral("test-pack")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("frames: 1 per second at phase 0.5, 64x48, stretch")),
                 qPrintable(r.out));
        r = earmark({QStringLiteral("pack"), QStringLiteral("verify"), QStringLiteral("test-pack")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("5 files match their checksums")));
        r = earmark({QStringLiteral("pack"), QStringLiteral("use"), QStringLiteral("nothing")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("no installed model pack 'nothing'")));
    }

    void analyzeStoresModelRuns()
    {
        const QString library = m_dir.filePath(QStringLiteral("library.sqlite"));
        const QString clip = m_dir.filePath(QStringLiteral("clip.mp4"));
        Run r = earmark({QStringLiteral("analyze"),
                         QStringLiteral("--library"),
                         library,
                         QStringLiteral("--pack"),
                         QStringLiteral("test-pack"),
                         clip});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("pack test-pack@0.1 on cpu")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("% Decoding window")), qPrintable(r.err)); // progress
        QVERIFY2(r.out.contains(QLatin1String("\tavvp: ")) && r.out.contains(QLatin1String("avs: "))
                     && r.out.contains(QLatin1String("\t2 windows in ")),
                 qPrintable(r.out));
        QVERIFY(!r.out.contains(QLatin1String("cached features")));
        auto db = storage::Database::open(library);
        QVERIFY(db.ok());
        auto runs = storage::ModelRunRepository(*db).all();
        QVERIFY(runs.ok());
        QCOMPARE(runs->size(), 3);

        // Again, only the AVE head: the features come from the cache.
        r = earmark({QStringLiteral("analyze"),
                     QStringLiteral("--library"),
                     library,
                     QStringLiteral("--task"),
                     QStringLiteral("ave"),
                     clip});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("(cached features)")), qPrintable(r.out));
        QCOMPARE(storage::ModelRunRepository(*db).all()->size(), 4);

        r = earmark({QStringLiteral("analyze"),
                     QStringLiteral("--library"),
                     library,
                     QStringLiteral("--from"),
                     QStringLiteral("2"),
                     QStringLiteral("--to"),
                     QStringLiteral("1"),
                     clip});
        QCOMPARE(r.code, 2);
        r = earmark({QStringLiteral("analyze"),
                     QStringLiteral("--library"),
                     library,
                     m_dir.filePath(QStringLiteral("missing.mp4"))});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("missing.mp4")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestInferenceCli)
#include "tst_inferencecli.moc"
