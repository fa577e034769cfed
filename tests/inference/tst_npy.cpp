// .npy reading in every dtype and layout feature extractors write, and writing back.

#include "inference/npy.h"

#include <QTemporaryDir>
#include <QTest>

using namespace earmark::inference;

namespace {

QString data(const QString &name)
{
    return QStringLiteral(EARMARK_SOURCE_DIR "/tests/inference/data/npy/") + name;
}

const std::vector<float> kValues{0.f, 1.5f, -2.f, 3.25f, 4.f, -5.5f};

} // namespace

class TestNpy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEveryLayout_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<float>("scale");
        QTest::newRow("float32") << "f4.npy" << 1.f;
        QTest::newRow("float64") << "f8.npy" << 1.f;
        QTest::newRow("float16") << "f2.npy" << 1.f;
        QTest::newRow("big-endian") << "big_endian_f4.npy" << 1.f;
        QTest::newRow("fortran order") << "fortran.npy" << 1.f;
        QTest::newRow("int64") << "i8.npy" << 4.f;
        QTest::newRow("format 2.0") << "v2.npy" << 1.f;
    }

    void readsEveryLayout()
    {
        QFETCH(QString, file);
        QFETCH(float, scale);
        auto a = readNpy(data(file));
        QVERIFY2(a.ok(), qPrintable(a.errorString()));
        QCOMPARE(a->shape, (std::vector<int64_t>{2, 3}));
        for (size_t i = 0; i < kValues.size(); ++i)
            QCOMPARE(a->data[i], kValues[i] * scale);
    }

    void readsOtherShapesAndTypes()
    {
        auto u8 = readNpy(data(QStringLiteral("u1.npy")));
        QVERIFY(u8.ok());
        QCOMPARE(u8->data, (std::vector<float>{0.f, 7.f, 255.f}));
        auto b = readNpy(data(QStringLiteral("bool.npy")));
        QVERIFY(b.ok());
        QCOMPARE(b->data, (std::vector<float>{1.f, 0.f}));
        auto scalar = readNpy(data(QStringLiteral("scalar.npy")));
        QVERIFY(scalar.ok());
        QVERIFY(scalar->shape.empty());
        QCOMPARE(scalar->data, std::vector<float>{2.5f});
        auto cube = readNpy(data(QStringLiteral("three_d.npy")));
        QVERIFY(cube.ok());
        QCOMPARE(cube->shapeText(), QStringLiteral("[2, 3, 4]"));
        QCOMPARE(cube->data[23], 23.f);
    }

    void refusesWhatIsNotNumbers()
    {
        auto s = readNpy(data(QStringLiteral("strings.npy")));
        QVERIFY(!s.ok());
        QVERIFY2(s.errorString().contains(QLatin1String("strings.npy"))
                     && s.errorString().contains(QLatin1String("dtype")),
                 qPrintable(s.errorString()));
        auto missing = readNpy(data(QStringLiteral("missing.npy")));
        QVERIFY(!missing.ok());
        QVERIFY(missing.errorString().contains(QLatin1String("missing.npy")));
        auto bad = parseNpy(QByteArray("\x93NUMPY\x01\x00\x10\x00{'descr': '<f4'}", 26),
                            QStringLiteral("x.npy"));
        QVERIFY(!bad.ok());
    }

    void truncatedDataIsAnError()
    {
        QFile f(data(QStringLiteral("f4.npy")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        auto r = parseNpy(bytes.left(bytes.size() - 4), QStringLiteral("cut.npy"));
        QVERIFY(!r.ok());
        QVERIFY2(r.errorString().contains(QLatin1String("truncated")), qPrintable(r.errorString()));
    }

    void writesWhatNumpyReads()
    {
        QTemporaryDir dir;
        FloatArray a({2, 3});
        a.data = kValues;
        const QString path = dir.filePath(QStringLiteral("out.npy"));
        QVERIFY(writeNpy(path, a).ok());
        auto back = readNpy(path);
        QVERIFY(back.ok());
        QCOMPARE(back->shape, a.shape);
        QCOMPARE(back->data, a.data);
        // Byte for byte what numpy.save writes for the same float32 array.
        QFile ref(data(QStringLiteral("f4.npy")));
        QVERIFY(ref.open(QIODevice::ReadOnly));
        QCOMPARE(encodeNpy(a), ref.readAll());
        FloatArray vector({3});
        vector.data = {1, 2, 3};
        QVERIFY(encodeNpy(vector).contains("'shape': (3,)"));
    }
};

QTEST_GUILESS_MAIN(TestNpy)
#include "tst_npy.moc"
