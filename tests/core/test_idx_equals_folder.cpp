// `nofade-cli scan` of Fashion-MNIST read in place (gzipped IDX) and of the same images exported
// as an ImageFolder of PNG files (by PIL, tests/fixtures/export_idx_as_folder.py) give identical
// per-image entropies, classes and JS complexity.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include "test_support.h"

namespace {

const QString kFashionMnist = QStringLiteral("/usr/share/datasets/fashion-mnist");

QJsonObject scanToJson(const QString& path, const QString& out)
{
    const auto r = nofade::test::runCli({QStringLiteral("scan"), path, QStringLiteral("--per-image"), QStringLiteral("--out"), out});
    if (r.exitCode != 0)
        qFatal("scan of %s failed: %s", qPrintable(path), r.err.constData());
    QFile f(out);
    f.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(f.readAll()).object();
}

QString folderClassName(const QString& idxName)
{
    return QString(idxName).replace(QLatin1Char('/'), QLatin1Char('_'));
}

} // namespace

class IdxEqualsFolderTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QJsonObject idx_;
    QJsonObject folder_;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(kFashionMnist + QStringLiteral("/train-images-idx3-ubyte.gz")),
                 "Fashion-MNIST missing: install the Debian package dataset-fashion-mnist");
        const QString exported = dir_.filePath(QStringLiteral("images"));
        const auto r = nofade::test::runProcess(QStringLiteral("/usr/bin/python3"),
                                                {QStringLiteral(NOFADE_TESTS_DIR "/fixtures/export_idx_as_folder.py"), kFashionMnist, exported});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out.trimmed(), QByteArray("70000"));
        idx_ = scanToJson(kFashionMnist, dir_.filePath(QStringLiteral("idx.json")));
        folder_ = scanToJson(exported, dir_.filePath(QStringLiteral("folder.json")));
    }

    void sameImagesAndClasses()
    {
        QCOMPARE(idx_[QStringLiteral("source")].toObject()[QStringLiteral("format")].toString(), QStringLiteral("idx"));
        QCOMPARE(folder_[QStringLiteral("source")].toObject()[QStringLiteral("format")].toString(), QStringLiteral("folder"));
        QCOMPARE(idx_[QStringLiteral("images")].toInt(), 70000);
        QCOMPARE(folder_[QStringLiteral("images")].toInt(), 70000);
        QMap<QString, QJsonObject> folderClasses;
        for (const QJsonValue& c : folder_[QStringLiteral("classes")].toArray())
            folderClasses.insert(c.toObject()[QStringLiteral("name")].toString(), c.toObject());
        const QJsonArray idxClasses = idx_[QStringLiteral("classes")].toArray();
        QCOMPARE(idxClasses.size(), 10);
        QCOMPARE(idxClasses[0].toObject()[QStringLiteral("name")].toString(), QStringLiteral("T-shirt/top"));
        for (const QJsonValue& v : idxClasses) {
            const QJsonObject c = v.toObject();
            const QJsonObject f = folderClasses.value(folderClassName(c[QStringLiteral("name")].toString()));
            QCOMPARE(f[QStringLiteral("images")].toInt(), 7000);
            QCOMPARE(c[QStringLiteral("images")].toInt(), 7000);
            QCOMPARE(f[QStringLiteral("histogram")].toArray(), c[QStringLiteral("histogram")].toArray());
            QCOMPARE(f[QStringLiteral("raw")].toObject(), c[QStringLiteral("raw")].toObject()); // exact sums
        }
    }

    void identicalPerImageEntropies()
    {
        // "train-images-idx3-ubyte.gz#123" <-> "<class>/train-00123.png"
        QHash<QString, double> byFolderPath;
        for (const QJsonValue& v : folder_[QStringLiteral("per_image")].toArray())
            byFolderPath.insert(v.toObject()[QStringLiteral("path")].toString(), v.toObject()[QStringLiteral("entropy")].toDouble());
        int compared = 0;
        for (const QJsonValue& v : idx_[QStringLiteral("per_image")].toArray()) {
            const QJsonObject e = v.toObject();
            const QString path = e[QStringLiteral("path")].toString();
            const QString split = path.section(QLatin1Char('-'), 0, 0);
            const int record = path.section(QLatin1Char('#'), -1).toInt();
            const QString folderPath = QStringLiteral("%1/%2-%3.png")
                                           .arg(folderClassName(e[QStringLiteral("class")].toString()), split)
                                           .arg(record, 5, 10, QLatin1Char('0'));
            QVERIFY2(byFolderPath.contains(folderPath), qPrintable(folderPath));
            QCOMPARE(e[QStringLiteral("entropy")].toDouble(), byFolderPath.value(folderPath)); // bit for bit
            ++compared;
        }
        QCOMPARE(compared, 70000);
    }

    void identicalJsComplexity()
    {
        const QJsonObject a = idx_[QStringLiteral("jsd")].toObject();
        const QJsonObject b = folder_[QStringLiteral("jsd")].toObject();
        QCOMPARE(a[QStringLiteral("pairs")].toArray().size(), 45);
        QMap<QString, double> folderPairs;
        for (const QJsonValue& v : b[QStringLiteral("pairs")].toArray()) {
            QStringList names = {v.toObject()[QStringLiteral("a")].toString(), v.toObject()[QStringLiteral("b")].toString()};
            names.sort();
            folderPairs.insert(names.join(QLatin1Char('|')), v.toObject()[QStringLiteral("distance")].toDouble());
        }
        for (const QJsonValue& v : a[QStringLiteral("pairs")].toArray()) {
            QStringList names = {folderClassName(v.toObject()[QStringLiteral("a")].toString()),
                                 folderClassName(v.toObject()[QStringLiteral("b")].toString())};
            names.sort();
            QCOMPARE(v.toObject()[QStringLiteral("distance")].toDouble(), folderPairs.value(names.join(QLatin1Char('|'))));
        }
        // The sums add the same 45 numbers in a different order (classes are sorted by name in a
        // folder, by label in IDX): equal to rounding.
        QVERIFY(std::abs(a[QStringLiteral("complexity")].toDouble() - b[QStringLiteral("complexity")].toDouble()) < 1e-12);
        QCOMPARE(idx_[QStringLiteral("entropy")].toObject()[QStringLiteral("mean")].toDouble(),
                 folder_[QStringLiteral("entropy")].toObject()[QStringLiteral("mean")].toDouble());
    }
};

QTEST_GUILESS_MAIN(IdxEqualsFolderTest)
#include "test_idx_equals_folder.moc"
