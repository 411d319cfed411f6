// The complexity measures agree with an independent numpy/scipy/PIL/cv2 computation
// (tests/golden/complexity_reference.py) with every image in the sample: on real photographs
// (opencv-doc, skimage) and on a Fashion-MNIST subset written as PNG files. SI per image to 1e-9,
// bpp exactly, ID, F1, N1 and CSG to 1e-9 relative; CSG also against a transcription of the
// reference code's steps (tests/golden/spectral_metric_transcription.py).
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include "complexity/measured_scan.h"
#include "complexity/spectral_csg.h"
#include "datasets/dataset_opener.h"
#include "imaging/gray_histogram.h"
#include "test_support.h"

using namespace nofade;

namespace {

MeasureSettings everyMeasureOnAll()
{
    MeasureSettings m;
    m.names = QStringList{QStringLiteral("entropy"), QStringLiteral("si"), QStringLiteral("bpp"), QStringLiteral("id"),
                          QStringLiteral("f1"), QStringLiteral("n1"), QStringLiteral("csg")};
    m.perClass = 0;
    return m;
}

double relative(double a, double b)
{
    return std::abs(a - b) / std::max(std::abs(b), 1e-300);
}

} // namespace

class ComplexityGoldenTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir photos_;
    QTemporaryDir fashion_;

    // Scans `folder` with every measure and compares with the reference.
    void compareWithReference(const QString& folder, int minImages, bool checkTranscription)
    {
        OpenedDataset dataset = openDataset(folder);
        QVERIFY2(dataset.source, qPrintable(dataset.error));
        Feedback feedback;
        const Profile p = scanWithMeasures(*dataset.source, ProfileSettings{}, ScanOptions{}, everyMeasureOnAll(), feedback);
        QString error;
        const QJsonObject ref = test::runReference(QStringLiteral("complexity_reference.py"), {folder}, &error);
        QVERIFY2(!ref.isEmpty(), qPrintable(error));
        QVERIFY(p.measures.has_value());
        QCOMPARE(p.images(), qint64(ref[QStringLiteral("images")].toInt()));
        QVERIFY(p.images() >= minImages);

        const QJsonObject perImage = ref[QStringLiteral("per_image")].toObject();
        QCOMPARE(p.measures->perImage.size(), p.perImage.size());
        double worstSi = 0.0;
        for (std::size_t i = 0; i < p.perImage.size(); ++i) {
            const ImageEntropy& image = p.perImage[i];
            const ImageMeasureValues& m = p.measures->perImage[i];
            QCOMPARE(m.index, image.index);
            const QJsonObject r = perImage[image.path].toObject();
            QVERIFY2(!r.isEmpty(), qPrintable(image.path));
            QVERIFY2(m.bpp == r[QStringLiteral("bpp")].toDouble(),
                     qPrintable(QStringLiteral("%1: bpp %2, reference %3").arg(image.path).arg(m.bpp, 0, 'g', 17)
                                    .arg(r[QStringLiteral("bpp")].toDouble(), 0, 'g', 17)));
            const double si = r[QStringLiteral("si")].toDouble();
            worstSi = std::max(worstSi, std::abs(m.si - si));
            QVERIFY2(std::abs(m.si - si) <= 1e-9 * std::max(1.0, si),
                     qPrintable(QStringLiteral("%1: SI %2, reference %3").arg(image.path).arg(m.si, 0, 'g', 17).arg(si, 0, 'g', 17)));
        }
        qInfo() << p.perImage.size() << "images, largest SI difference" << worstSi;

        for (const QString& name : QStringList{QStringLiteral("si"), QStringLiteral("bpp"), QStringLiteral("id"), QStringLiteral("f1"),
                                   QStringLiteral("n1"), QStringLiteral("csg")}) {
            const MeasureValue* v = p.measures->find(name);
            QVERIFY(v);
            QVERIFY2(v->value.has_value(), qPrintable(name + QStringLiteral(": ") + v->reason));
            QVERIFY(!v->interval); // one deterministic sample
            const double expected = ref[name].toDouble();
            qInfo() << name << *v->value << "reference" << expected;
            QVERIFY2(relative(*v->value, expected) <= 1e-9,
                     qPrintable(QStringLiteral("%1: %2, reference %3").arg(name).arg(*v->value, 0, 'g', 17).arg(expected, 0, 'g', 17)));
        }
        QCOMPARE(p.measures->find(QStringLiteral("id"))->sample + ref[QStringLiteral("id_left_out")].toInt(), p.images());
        const double csg = *p.measures->find(QStringLiteral("csg"))->value;
        qInfo() << "CSG" << csg << "transcription of the reference code" << ref[QStringLiteral("csg_reference_steps")].toDouble()
                 << "exact duplicates" << ref[QStringLiteral("id_left_out")].toInt();
        // With exact duplicates the reference code's argsort may put a duplicate of x before x
        // itself (and count x as its own neighbour); the definition keeps x first.
        if (!checkTranscription)
            return;
        QCOMPARE(ref[QStringLiteral("id_left_out")].toInt(), 0);
        QVERIFY2(relative(csg, ref[QStringLiteral("csg_reference_steps")].toDouble()) <= 1e-9,
                 qPrintable(QStringLiteral("CSG %1, transcription of the reference code %2").arg(csg, 0, 'g', 17)
                                .arg(ref[QStringLiteral("csg_reference_steps")].toDouble(), 0, 'g', 17)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(photos_.isValid() && fashion_.isValid());
        // The smaller files (up to 64 KB) keep the test fast; there are still dozens.
        QStringList photos;
        for (const QString& path : test::realPhotoPaths())
            if (QFileInfo(path).size() <= 64 * 1024)
                photos << path;
        QVERIFY2(photos.size() >= 40, "real photographs missing: install opencv-doc and python3-skimage");
        const QStringList classes = {QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("gamma")};
        for (int i = 0; i < photos.size(); ++i) {
            const QFileInfo info(photos[i]);
            const QString target = photos_.filePath(classes[i % 3] + QStringLiteral("/%1_%2").arg(i, 3, 10, QLatin1Char('0')).arg(info.fileName()));
            QDir().mkpath(QFileInfo(target).absolutePath());
            QVERIFY(QFile::copy(photos[i], target));
        }
        // 300 Fashion-MNIST images (no exact duplicates among them) as lossless grey PNGs, one folder per class.
        OpenedDataset idx = openDataset(QStringLiteral("/usr/share/datasets/fashion-mnist"));
        QVERIFY2(idx.source, "Fashion-MNIST missing: install dataset-fashion-mnist");
        for (std::int64_t item = 0; item < 300; ++item) {
            const DecodedImage image = idx.source->loadForDisplay(item, DecodeLimits{});
            QVERIFY(image.ok());
            const QString target = fashion_.filePath(QStringLiteral("class%1/%2.png").arg(idx.source->knownClassOf(item)).arg(item, 5, 10, QLatin1Char('0')));
            QVERIFY(test::writeImage(target, toGray8(image.image)));
        }
    }

    void photographsMatchReference() { compareWithReference(photos_.path(), 40, false); }
    void fashionMnistMatchesReference() { compareWithReference(fashion_.path(), 300, true); }

    // Both PCA routes (Gram matrix below 1024 points, integer scatter matrix above) and both
    // neighbour searches (k-d tree, brute force) give the same CSG.
    void everyRouteGivesTheSameCsg()
    {
        OpenedDataset dataset = openDataset(fashion_.path());
        Feedback feedback;
        MeasureSettings m = everyMeasureOnAll();
        m.names = QStringList{QStringLiteral("csg")};
        const Profile p = scanWithMeasures(*dataset.source, ProfileSettings{}, ScanOptions{}, m, feedback);
        VectorSet set;
        for (const SampleVectorRecord& r : p.measures->sampleVectors) {
            set.vectors.push_back(r.pixels);
            set.classes.push_back(r.classIndex);
        }
        CsgOptions brute;
        brute.kdTree = false;
        const MeasureResult a = cumulativeSpectralGradient(labelledOnly(set), ParallelRun{}, CsgOptions{});
        const MeasureResult b = cumulativeSpectralGradient(labelledOnly(set), ParallelRun{}, brute);
        CsgOptions scatter;
        scatter.scatterPca = true;
        const MeasureResult c = cumulativeSpectralGradient(labelledOnly(set), ParallelRun{}, scatter);
        QVERIFY(a.value && b.value && c.value);
        QCOMPARE(*a.value, *b.value);
        qInfo() << "CSG, Gram PCA" << *a.value << "scatter PCA" << *c.value;
        QVERIFY(relative(*c.value, *a.value) <= 1e-9);
    }
};

QTEST_GUILESS_MAIN(ComplexityGoldenTest)
#include "test_complexity_golden.moc"
