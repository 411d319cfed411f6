// Each formula of METHODS.md sections 5-6 against arithmetic written out here.
#include <cmath>
#include <QtTest>

#include "models/co2_methods.h"
#include "models/hardware_table.h"
#include "models/model_estimate.h"
#include "models/model_fields.h"
#include "models/model_table.h"
#include "models/nofade_score.h"

using namespace nofade;

namespace {

bool close(double a, double b, double rel = 1e-12)
{
    return std::abs(a - b) <= rel * std::max(std::abs(a), std::abs(b));
}

HardwareTable hardware()
{
    QStringList errors;
    HardwareTable hw = HardwareTable::fromCsv(
        "name,kind,tdp_watts,peak_tflops_fp32,aliases\n"
        "NVIDIA Tesla V100 SXM2 16GB,gpu,300,15.7,V100\n"
        "Google TPU v4 (chip),tpu,170,,TPU v4\n"
        "Intel Xeon E5-2699 v3,cpu,145,0.7,\n",
        QStringLiteral("hw.csv"), &errors);
    Q_ASSERT(errors.isEmpty());
    return hw;
}

ModelResult estimateRow(const QByteArray& row, const ReportSettings& settings = {})
{
    static const HardwareTable hw = hardware();
    ModelTableOptions options;
    options.hardware = &hw;
    const ModelTable table = ModelTable::fromCsv(
        "model,task,dataset,score,compute,compute_unit,device,device_count,device_hours,wall_hours,hours_provenance,epochs,images_per_epoch\n"
            + row + "\n",
        QStringLiteral("t.csv"), options);
    return estimateModel(table.rows().at(0), 0, hw, settings);
}

} // namespace

class Co2FormulasTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hardwareEnergyAndCo2()
    {
        // 1867 device-hours x 300 W x PUE 1.58 / 1000 = 884.9580 kWh
        QVERIFY(close(hardwareEnergyKwh(1867, 300, 1.58), 1867.0 * 300.0 * 1.58 / 1000.0));
        QCOMPARE(hardwareEnergyKwh(1867, 300, 1.58), 884.958);
        // 884.958 kWh x 0.707 kg/kWh = 625.665306 kg
        QVERIFY(close(co2Kg(884.958, 0.707), 625.665306, 1e-12));
    }

    void macNormalisation()
    {
        QCOMPARE(flopsFromCompute(12.62e9, true, true), 25.24e9);  // 2 x MACs
        QCOMPARE(flopsFromCompute(12.62e9, true, false), 12.62e9); // setting off
        QCOMPARE(flopsFromCompute(86e9, false, true), 86e9);       // FLOPs stay FLOPs
        const auto g = computeUnitFromText(QStringLiteral("GMACs"));
        QVERIFY(g && g->macs && g->scale == 1e9);
        const auto t = computeUnitFromText(QStringLiteral(" tflops "));
        QVERIFY(t && !t->macs && t->scale == 1e12);
        QVERIFY(computeUnitFromText(QStringLiteral("MAdds"))->macs);
        QVERIFY(computeUnitFromText(QStringLiteral("FLOP"))->scale == 1.0);
        QVERIFY(!computeUnitFromText(QStringLiteral("GB")));
        QVERIFY(!computeUnitFromText(QStringLiteral("XFLOPs")));
    }

    void paperEq1UnitsAsPublished()
    {
        // DETR: f = 86e9 FLOPs, V100 SXM2 300 W / 15.7e12 FLOP/s, Xeon 145 W / 0.7e12 FLOP/s, 1867 GPU-hours.
        const double omegaG = 300.0 / 15.7e12;    // 1.910828e-11 W per FLOP/s
        const double omegaC = 145.0 / 0.7e12;     // 2.071429e-10
        const double pmWh = 86e9 * (omegaG + omegaC) * 1867.0; // = 86e9 x 2.262511e-10 x 1867 = 36327.4 "Wh"
        const PaperEq1 r = paperEq1(86e9, 300, 15.7e12, 145, 0.7e12, 1867, 0.707);
        QVERIFY(close(r.omegaGpu, omegaG));
        QVERIFY(close(r.omegaCpu, omegaC));
        QVERIFY(close(r.pmWh, pmWh));
        QVERIFY(std::abs(r.pmWh - 36327.4) < 0.1);
        // Wh -> kWh before the t/kWh factor: CO2[t] = P_m / 1000 x 7.07e-4
        QVERIFY(close(r.pmKwh, pmWh / 1000.0));
        QVERIFY(close(r.co2Tonnes, pmWh / 1000.0 * 7.07e-4));
        QVERIFY(close(r.co2Kg, pmWh / 1000.0 * 0.707)); // 25.68 kg
        QVERIFY(std::abs(r.co2Kg - 25.68) < 0.01);
        // Forgetting Wh -> kWh would give pmWh x 7.07e-4 = 25.68 t, 1000x the right 0.02568 t.
        QVERIFY(std::abs(r.co2Tonnes - 0.02568) < 1e-5);
        QVERIFY(close(r.co2Tonnes * 1000.0, pmWh * 7.07e-4));
    }

    void trainingTimeEstimate()
    {
        // f = 2 x 12.62 GMACs = 25.24e9 FLOPs; 3 x 25.24e9 x 1,281,167 x 360 = 3.49243e19 FLOPs
        const double total = trainingFlops(25.24e9, 1281167, 360);
        QVERIFY(close(total, 3.0 * 25.24e9 * 1281167.0 * 360.0));
        // / (45e12 FLOP/s x 0.33) / 3600 = 653.27 device-hours
        const double hours = estimatedDeviceHours(total, 45e12, 0.33);
        QVERIFY(close(hours, total / (45e12 * 0.33) / 3600.0));
        QVERIFY(std::abs(hours - 653.27) < 0.01);
    }

    void noFadeBases()
    {
        // 83.6 x 3.2 / ln(4.1e9) = 267.52 / 22.134424 = 12.08615
        const double ln = std::log(4.1e9);
        QVERIFY(close(*noFade(83.6, 3.2, 4.1e9, LogBase::Natural), 83.6 * 3.2 / ln));
        QVERIFY(std::abs(*noFade(83.6, 3.2, 4.1e9, LogBase::Natural) - 12.0862) < 1e-4);
        QVERIFY(close(*noFade(83.6, 3.2, 4.1e9, LogBase::Ten), 83.6 * 3.2 / (ln / std::log(10.0))));
        QVERIFY(close(*noFade(83.6, 3.2, 4.1e9, LogBase::Two), 83.6 * 3.2 / (ln / std::log(2.0))));
        QVERIFY(!noFade(80, 3, 1.0, LogBase::Natural)); // log(1) = 0
        QCOMPARE(defaultMeasure(Task::Classification), ComplexityMeasure::JensenShannon);
        QCOMPARE(defaultMeasure(Task::Detection), ComplexityMeasure::Entropy);
        QCOMPARE(defaultMeasure(Task::Segmentation), ComplexityMeasure::Entropy);
    }

    void rowWithReportedHours()
    {
        // 125 derived device-hours on V100 (300 W), PUE 1: 37.5 kWh, x 0.707 = 26.5125 kg
        const ModelResult r = estimateRow("F,detection,COCO,40.2,,,V100,8,125,,derived,,");
        QCOMPARE(*r.deviceHours, 125.0);
        QCOMPARE(r.hoursProvenance, QStringLiteral("derived"));
        QVERIFY(close(*r.energyKwh, 37.5));
        QVERIFY(close(*r.co2Kg, 26.5125));
        QCOMPARE(r.device, QStringLiteral("NVIDIA Tesla V100 SXM2 16GB")); // alias resolved
    }

    void rowWithWallHours()
    {
        // 10 wall hours x 4 devices = 40 device-hours; x 300 W x PUE 1.5 / 1000 = 18 kWh
        ReportSettings s;
        s.pue = 1.5;
        const ModelResult r = estimateRow("W,detection,COCO,40,,,V100,4,,10,reported,,", s);
        QCOMPARE(*r.deviceHours, 40.0);
        QVERIFY(close(*r.energyKwh, 18.0));
    }

    void rowWithEstimatedHours()
    {
        // 5 GMACs -> 10e9 FLOPs; 3 x 10e9 x 100,000 x 10 = 3e16; / (15.7e12 x 0.5) / 3600 = 1.061571 h
        ReportSettings s;
        s.utilisation = 0.5;
        const ModelResult r = estimateRow("E,classification,ImageNet,70,5,GMACs,V100,,,,,10,100000", s);
        QCOMPARE(r.hoursProvenance, QStringLiteral("estimated"));
        QVERIFY(close(*r.deviceHours, 3e16 / (15.7e12 * 0.5) / 3600.0));
        QCOMPARE(r.flopsConvention, QStringLiteral("MACs x 2"));
        // energy = 1.061571 h x 300 W / 1000 = 0.318471 kWh
        QVERIFY(close(*r.energyKwh, *r.deviceHours * 0.3));
    }

    void rowsThatCannotBeEstimatedSayWhy()
    {
        const ModelResult noEpochs = estimateRow("N,classification,ImageNet,70,5,GMACs,V100,,,,,,100000");
        QVERIFY(!noEpochs.co2Kg);
        QVERIFY(noEpochs.co2Reason.contains(QLatin1String("without epochs")));
        const ModelResult tpu4 = estimateRow("T,classification,ImageNet,70,5,GMACs,TPU v4,,,,,10,100000");
        QVERIFY(tpu4.co2Reason.contains(QLatin1String("peak FP32 throughput of Google TPU v4 (chip)")));
        const ModelResult noDevice = estimateRow("D,detection,COCO,40,,,,,125,,reported,,");
        QCOMPARE(*noDevice.deviceHours, 125.0);
        QVERIFY(noDevice.co2Reason.contains(QLatin1String("no device")));
    }

    void paperEq1OnARow()
    {
        ReportSettings s;
        s.method = Co2Method::PaperEq1;
        const ModelResult r = estimateRow("DETR,detection,COCO,42,86,GFLOPs,V100,8,1867,,derived,,", s);
        const double pmWh = 86e9 * (300.0 / 15.7e12 + 145.0 / 0.7e12) * 1867.0;
        QVERIFY(close(*r.energyKwh, pmWh / 1000.0));
        QVERIFY(close(*r.co2Kg, pmWh / 1000.0 * 0.707));
        // Without FLOPs paper-eq1 has nothing to multiply.
        const ModelResult noFlops = estimateRow("F,detection,COCO,40,,,V100,8,125,,derived,,", s);
        QVERIFY(!noFlops.co2Kg);
        QVERIFY(noFlops.co2Reason.contains(QLatin1String("paper-eq1 needs the forward FLOPs")));
    }
};

QTEST_GUILESS_MAIN(Co2FormulasTest)
#include "test_co2_formulas.moc"
