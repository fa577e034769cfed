// The default pack that ships in resources/packs: scored with earmark analyze and earmark eval
// (tools/packs/evaluate-pack.sh) on held-out clips generated afresh, it must stay above a floor on
// every task. The floors sit well under what the pack scored on 200 held-out clips (its manifest's
// "metrics"), leaving room for the noise of a dozen clips.

#include "inference/synth/generator.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace earmark;

namespace {

const QString kPack = QStringLiteral(EARMARK_SOURCE_DIR "/resources/packs/earmark-default");
// Floors: segment-level Type@AV (%), AVE accuracy (%), AVS mIoU (0..1). On these 12 clips the
// shipped pack scores Type@AV 85.10, AVE 95.0 % and mIoU 0.837 (on 200: 81.10, 93.1 %, 0.825).
constexpr double kFloorAvvpType = 65.0;
constexpr double kFloorAve = 80.0;
constexpr double kFloorAvsMiou = 0.7;

bool copyFolder(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    for (const QString &name : QDir(from).entryList(QDir::Files)) {
        if (!QFile::copy(QDir(from).filePath(name), QDir(to).filePath(name)))
            return false;
    }
    return true;
}

} // namespace

class TestDefaultPack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scoresOnHeldOutClips()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY2(QFileInfo::exists(kPack + QStringLiteral("/pack.json")), qPrintable(kPack));

        // Held-out recordings and pictures (split "test"), a seed the pack was not trained on.
        synth::SynthOptions o;
        o.seed = 2;
        o.count = 12;
        o.split = QStringLiteral("test");
        o.outDir = dir.filePath(QStringLiteral("clips"));
        auto made = synth::generateClips(o);
        QVERIFY2(made, qPrintable(made.errorString()));

        const QString pack = dir.filePath(QStringLiteral("pack"));
        QVERIFY(copyFolder(kPack, pack));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("EARMARK"), QStringLiteral(EARMARK_EXECUTABLE));
        env.insert(QStringLiteral("EARMARK_PACKS_DIR"), dir.filePath(QStringLiteral("packs")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), dir.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral("sh"),
                {QStringLiteral(EARMARK_SOURCE_DIR "/tools/packs/evaluate-pack.sh"),
                 pack,
                 o.outDir,
                 dir.filePath(QStringLiteral("work"))});
        QVERIFY(p.waitForFinished(280000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(p.exitCode() == 0, qPrintable(out + QString::fromUtf8(p.readAllStandardError())));
        qInfo().noquote() << out;

        QFile f(QDir(pack).filePath(QStringLiteral("pack.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject m = QJsonDocument::fromJson(f.readAll())
                                  .object()
                                  .value(QLatin1String("metrics"))
                                  .toObject();
        QCOMPARE(m.value(QLatin1String("clips")).toObject().value(QLatin1String("count")).toInt(),
                 12);
        const QJsonObject avvp = m.value(QLatin1String("avvp_segment")).toObject();
        const double type = avvp.value(QLatin1String("type")).toDouble(-1);
        const double ave = m.value(QLatin1String("ave_accuracy")).toDouble(-1);
        const double miou = m.value(QLatin1String("avs_miou")).toDouble(-1);
        QVERIFY2(type >= kFloorAvvpType, qPrintable(QString::number(type)));
        QVERIFY2(ave >= kFloorAve, qPrintable(QString::number(ave)));
        QVERIFY2(miou >= kFloorAvsMiou, qPrintable(QString::number(miou)));
    }
};

QTEST_GUILESS_MAIN(TestDefaultPack)
#include "tst_defaultpack.moc"
