// Hardware and carbon tables: bundled data clean, names matched case- and space-insensitively and
// by alias, every bundled name and alias reaching its own row, a user file overriding the bundled
// rows, bad rows named.
#include <QTemporaryDir>
#include <QtTest>

#include "models/bundled_data.h"
#include "models/carbon_table.h"
#include "models/co2_methods.h"
#include "models/csv_document.h"
#include "models/csv_table.h"
#include "models/dataset_names.h"
#include "models/hardware_table.h"

using namespace nofade;

class HardwareCarbonTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bundledHardwareMatchesNamesAndAliases()
    {
        QStringList errors;
        const HardwareTable hw = HardwareTable::fromCsv(bundledHardwareCsv(), QStringLiteral("hardware.csv"), &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
        const Device* v100 = hw.find(QStringLiteral("V100"));
        QVERIFY(v100);
        QCOMPARE(v100->name, QStringLiteral("NVIDIA Tesla V100 SXM2 16GB"));
        QCOMPARE(v100->tdpWatts, 300.0);
        QCOMPARE(*v100->peakFlopsPerSecond(), 15.7e12);
        QCOMPARE(hw.find(QStringLiteral("Tesla V100-SXM2-16GB")), v100);
        QCOMPARE(hw.find(QStringLiteral("nvidia tesla v100 sxm2 16gb")), v100);
        QCOMPARE(hw.find(QStringLiteral("  NVIDIA  Tesla V100 SXM2 16GB ")), v100);
        QCOMPARE(hw.find(QStringLiteral("TPUv3"))->name, QStringLiteral("Google TPU v3 (chip)"));
        QCOMPARE(hw.find(QStringLiteral("tpu v3")), hw.find(QStringLiteral("Google TPU v3 (chip)")));
        QVERIFY(hw.find(QStringLiteral("Tesla V100-PCIE-16GB")) != v100);
        QCOMPARE(hw.find(QStringLiteral("Tesla V100-PCIE-16GB"))->tdpWatts, 250.0);
        QVERIFY(!hw.find(QStringLiteral("Abacus 9000")));
        QCOMPARE(hw.find(QStringLiteral("Intel Xeon E5-2699 v3"))->tdpWatts, 145.0);
        for (const Device& d : hw.devices())
            QVERIFY2(!d.source.isEmpty(), qPrintable(d.name + " has no source"));
    }

    void bundledHardwareRowsStayDistinct()
    {
        // A row whose name or alias matches an earlier row replaces it silently (that is how a
        // user file overrides), so in the bundled file every name and alias must reach its own row.
        QStringList errors;
        const HardwareTable hw = HardwareTable::fromCsv(bundledHardwareCsv(), QStringLiteral("hardware.csv"), &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
        const CsvTable csv(parseCsv(bundledHardwareCsv()));
        QCOMPARE(int(hw.devices().size()), int(csv.dataRecords().size()));
        for (int r = 0; r < csv.dataRecords().size(); ++r) {
            const QString name = csv.value(r, QStringLiteral("name")).value_or(QString()).trimmed();
            QVERIFY2(hw.find(name) && hw.find(name)->name == name, qPrintable(name));
            for (const QString& alias : csv.value(r, QStringLiteral("aliases")).value_or(QString()).split(';', Qt::SkipEmptyParts)) {
                const Device* d = hw.find(alias);
                QVERIFY2(d && d->name == name, qPrintable(alias + " does not reach " + name));
            }
        }
        // Devices of the classic papers and the current ones, with their datasheet figures.
        QCOMPARE(hw.find(QStringLiteral("GeForce GTX 580"))->tdpWatts, 244.0);
        QCOMPARE(hw.find(QStringLiteral("Tesla K40c"))->name, QStringLiteral("NVIDIA Tesla K40"));
        QVERIFY(!hw.find(QStringLiteral("Titan Black"))->peakFp32Tflops);
        const Device* h100Pcie = hw.find(QStringLiteral("H100-PCIE-80GB"));
        QVERIFY(h100Pcie && h100Pcie != hw.find(QStringLiteral("H100")));
        QCOMPARE(h100Pcie->tdpWatts, 350.0);
        QCOMPARE(*h100Pcie->peakFlopsPerSecond(), 51e12);
        const Device* v100Pcie32 = hw.find(QStringLiteral("Tesla V100-PCIE-32GB"));
        QVERIFY(v100Pcie32 && v100Pcie32 != hw.find(QStringLiteral("Tesla V100-PCIE-16GB")));
        QCOMPARE(*v100Pcie32->memoryGb, 32.0);
        for (const char* name : {"K80", "M40", "P100", "T4", "Titan V", "TITAN X Maxwell", "Titan Xp", "1080 Ti", "2080 Ti",
                                 "3090", "4090", "A6000", "A100 PCIe", "A100-PCIE-80GB", "A100 SXM4 40GB", "TPU v2", "TPU v4"})
            QVERIFY2(hw.find(QString::fromLatin1(name)), name);
    }

    void userFileOverridesAndExtends()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("hardware.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // Override V100 via an alias, add a new device, and one bad row.
        file.write("name,kind,tdp_watts,peak_tflops_fp32,aliases,source\n"
                   "My V100,gpu,280,15,V100,measured in our lab\n"
                   "Lab Accelerator X1,gpu,123,45.6,X1,vendor sheet\n"
                   "Broken,gpu,lots,1,,\n");
        file.close();
        QStringList errors;
        const HardwareTable hw = loadHardwareTable(&errors, path);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors[0], path + QStringLiteral(": row 3 (line 4), column \"tdp_watts\": \"lots\" is not a number"));
        QCOMPARE(hw.find(QStringLiteral("V100"))->tdpWatts, 280.0);
        QCOMPARE(hw.find(QStringLiteral("V100"))->origin, path);
        QCOMPARE(hw.find(QStringLiteral("x1"))->tdpWatts, 123.0);
        QVERIFY(!hw.find(QStringLiteral("Broken")));
        QCOMPARE(hw.find(QStringLiteral("Tesla V100-PCIE-16GB"))->tdpWatts, 250.0); // untouched
        QVERIFY(userHardwareFile().endsWith(QLatin1String("/hardware.csv")));
    }

    void badHardwareRowsAreNamed()
    {
        QStringList errors;
        HardwareTable::fromCsv("name,kind,tdp_watts\nA,fpga,100\nB,gpu,-5\n,gpu,10\n", QStringLiteral("h.csv"), &errors);
        QCOMPARE(errors.size(), 3);
        QVERIFY(errors[0].contains(QLatin1String("row 1 (line 2), column \"kind\": \"fpga\" is not one of gpu, tpu, cpu")));
        QVERIFY(errors[1].contains(QLatin1String("column \"tdp_watts\": -5 is not positive")));
        QVERIFY(errors[2].contains(QLatin1String("column \"name\": is empty")));
        errors.clear();
        HardwareTable::fromCsv("device,watts\nA,1\n", QStringLiteral("h.csv"), &errors);
        QCOMPARE(errors, QStringList{QStringLiteral("h.csv: the header has no \"name\" column")});
    }

    void carbonTable()
    {
        QStringList errors;
        const CarbonTable carbon = CarbonTable::fromCsv(bundledCarbonCsv(), QStringLiteral("carbon.csv"), &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
        QCOMPARE(carbon.find(QStringLiteral("EPA"))->kgPerKwh, kPaperCarbonIntensity);
        QCOMPARE(carbon.find(QStringLiteral("world"))->kgPerKwh, 0.475);
        QCOMPARE(carbon.find(QStringLiteral("canada"))->kgPerKwh, 0.170);
        QVERIFY(!carbon.find(QStringLiteral("Atlantis")));
        // The paper's factor is 1559 lb/MWh x 4.536e-4 t/lb = 0.70716 t/MWh = 0.707 kg/kWh (3 s.f.)
        QVERIFY(std::abs(1559 * 4.536e-4 - carbon.find(QStringLiteral("EPA"))->kgPerKwh) < 5e-4);
        for (const CarbonIntensity& c : carbon.regions())
            QVERIFY2(!c.source.isEmpty(), qPrintable(c.region));
        errors.clear();
        CarbonTable::fromCsv("region,kg_co2_per_kwh\nX,-1\nY,abc\n", QStringLiteral("c.csv"), &errors);
        QCOMPARE(errors.size(), 2);
        QVERIFY(errors[1].startsWith(QLatin1String("c.csv: row 2 (line 3), column \"kg_co2_per_kwh\"")));
    }

    void datasetAliases()
    {
        QCOMPARE(datasetKey(QStringLiteral("MS COCO")), datasetKey(QStringLiteral("COCO")));
        QCOMPARE(datasetKey(QStringLiteral("coco2017")), datasetKey(QStringLiteral("COCO")));
        QCOMPARE(canonicalDatasetName(QStringLiteral("MS COCO")), QStringLiteral("COCO"));
        QCOMPARE(datasetKey(QStringLiteral("ILSVRC2012")), datasetKey(QStringLiteral("imagenet")));
        QCOMPARE(datasetKey(QStringLiteral("fashion-mnist")), datasetKey(QStringLiteral("Fashion-MNIST")));
        QCOMPARE(datasetKey(QStringLiteral("VOC2012")), datasetKey(QStringLiteral("PASCAL VOC")));
        QVERIFY(datasetKey(QStringLiteral("MNIST")) != datasetKey(QStringLiteral("Fashion-MNIST")));
        // IDX folders as Debian and the guide name them match the corpus's rows.
        QCOMPARE(canonicalDatasetName(QStringLiteral("fashion-mnist")), QStringLiteral("Fashion-MNIST"));
        QCOMPARE(canonicalDatasetName(QStringLiteral("mnist")), QStringLiteral("MNIST"));
        QCOMPARE(canonicalDatasetName(QStringLiteral(" My Data ")), QStringLiteral("My Data"));
    }
};

QTEST_GUILESS_MAIN(HardwareCarbonTest)
#include "test_hardware_carbon.moc"
