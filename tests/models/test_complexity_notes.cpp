// What a number needs said with it: a C_JS of an unlabelled dataset is "not applicable", a
// negative C_JS carries its reason into the report, and a saturation fit whose asymptote lies
// below the best score is flagged with a warning in the fit, the report JSON and the CLI.
#include <cmath>
#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

#include "models/dataset_complexity.h"
#include "models/dataset_names.h"
#include "models/hardware_table.h"
#include "models/model_table.h"
#include "models/report_builder.h"
#include "models/report_json.h"
#include "models/report_settings_json.h"
#include "models/saturation_fit.h"
#include "profile/profile.h"

using namespace nofade;

namespace {

// Two classes of nearly the same entropies: a small JS distance, so C_JS = ln(distance) < 0.
ProfileSource sourceAt(const QString& path)
{
    ProfileSource s;
    s.path = path;
    return s;
}

Profile twoAlikeClasses()
{
    Profile p = makeEmptyProfile(ProfileSettings{}, sourceAt(QStringLiteral("/data/alike")),
                                 {QStringLiteral("a"), QStringLiteral("b")});
    for (int i = 0; i < 40; ++i) {
        const double h = 3.0 + 0.01 * (i % 10);
        p.moments.add(h);
        p.classes[0].moments.add(h);
        p.classes[0].histogram.add(h);
        p.moments.add(h + 0.05);
        p.classes[1].moments.add(h + 0.05);
        p.classes[1].histogram.add(h + 0.05);
    }
    return p;
}

} // namespace

class ComplexityNotesTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void unlabelledProfileHasNoClassComplexity()
    {
        Profile p = makeEmptyProfile(ProfileSettings{}, sourceAt(QStringLiteral("/data/flat")), {});
        p.moments.add(5.0);
        const ComplexityInput in = complexityFromProfile(p, QString(), QStringLiteral("flat.json"));
        QVERIFY(!in.labelled);
        QVERIFY(!in.jensenShannon);
        QVERIFY(in.entropy);
        const ChosenComplexity js = chooseComplexity(in, ComplexityMeasure::JensenShannon);
        QVERIFY(!js.value);
        QVERIFY2(js.reason.contains(QLatin1String("not applicable")), qPrintable(js.reason));
        QCOMPARE(*chooseComplexity(in, ComplexityMeasure::Entropy).value, 5.0);
    }

    void negativeComplexityNoteReachesTheReport()
    {
        const Profile p = twoAlikeClasses();
        const ComplexityInput in = complexityFromProfile(p, QStringLiteral("Alike"), QStringLiteral("alike.json"));
        QVERIFY(in.jensenShannon && *in.jensenShannon < 0.0);
        QVERIFY(in.labelled);
        QVERIFY2(in.jensenShannonNote.contains(QLatin1String("negative")), qPrintable(in.jensenShannonNote));
        QCOMPARE(chooseComplexity(in, ComplexityMeasure::JensenShannon).note, in.jensenShannonNote);
        QVERIFY(chooseComplexity(in, ComplexityMeasure::Entropy).note.isEmpty()); // C_H: nothing to explain

        QStringList errors;
        const HardwareTable hw = HardwareTable::fromCsv("name,kind,tdp_watts,peak_tflops_fp32,aliases\n"
                                                        "NVIDIA Tesla V100 SXM2 16GB,gpu,300,15.7,V100\n",
                                                        QStringLiteral("hw.csv"), &errors);
        const ModelTable table = ModelTable::fromCsv(
            "model,task,dataset,score,compute,compute_unit,device,device_hours,hours_provenance,source\n"
            "A,classification,Alike,70,1,GFLOPs,V100,10,reported,s\n",
            QStringLiteral("t.csv"));
        const Report report = buildReport(table, hw, {in}, ReportSettings{});
        QCOMPARE(report.datasets.size(), std::size_t(1));
        QCOMPARE(report.datasets[0].complexityNote, in.jensenShannonNote);
        const QJsonObject d = reportToJson(report).value(QStringLiteral("datasets")).toArray().at(0).toObject();
        QCOMPARE(d.value(QStringLiteral("complexity_note")).toString(), in.jensenShannonNote);
        QString error;
        const auto back = reportFromJson(reportToJson(report), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->datasets[0].complexityNote, in.jensenShannonNote);
    }

    void nofadeWithAnotherMeasure()
    {
        Profile p = twoAlikeClasses();
        ProfileMeasures m;
        m.settings.names = {QStringLiteral("entropy"), QStringLiteral("f1")};
        MeasureValue f1;
        f1.name = QStringLiteral("f1");
        f1.value = 0.25;
        m.values.push_back(f1);
        p.measures = m;
        const ComplexityInput in = complexityFromProfile(p, QStringLiteral("Alike"), QStringLiteral("alike.json"));
        QCOMPARE(*chooseComplexity(in, ComplexityMeasure::FisherF1).value, 0.25);
        const ChosenComplexity csg = chooseComplexity(in, ComplexityMeasure::SpectralCsg);
        QVERIFY(!csg.value);
        QVERIFY2(csg.reason.contains(QLatin1String("--measures csg")), qPrintable(csg.reason));

        QStringList errors;
        const HardwareTable hw = HardwareTable::fromCsv("name,kind,tdp_watts,peak_tflops_fp32,aliases\n"
                                                        "NVIDIA Tesla V100 SXM2 16GB,gpu,300,15.7,V100\n",
                                                        QStringLiteral("hw.csv"), &errors);
        const ModelTable table = ModelTable::fromCsv(
            "model,task,dataset,score,compute,compute_unit,device,device_hours,hours_provenance,source\n"
            "A,classification,Alike,70,1,GFLOPs,V100,10,reported,s\n",
            QStringLiteral("t.csv"));
        ReportSettings settings;
        settings.measures.insert(datasetKey(QStringLiteral("Alike")), ComplexityMeasure::FisherF1);
        const Report report = buildReport(table, hw, {in}, settings);
        QCOMPARE(report.datasets[0].measure, QStringLiteral("F1"));
        QCOMPARE(*report.datasets[0].complexity, 0.25);
        // NoFADE = score x C / ln(FLOPs): 70 x 0.25 / ln(1e9), by hand.
        QVERIFY(report.models[0].nofade);
        QVERIFY(std::abs(*report.models[0].nofade - 70.0 * 0.25 / std::log(1e9)) < 1e-12);
        // The choice survives a session's settings round trip.
        QString error;
        const ReportSettings back = reportSettingsFromJson(reportSettingsToJson(settings, SettingsDocument::Session),
                                                           SettingsDocument::Session, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(back.measures.value(datasetKey(QStringLiteral("Alike"))), ComplexityMeasure::FisherF1);
        for (ComplexityMeasure m : complexityMeasures())
            QCOMPARE(*complexityMeasureFromName(complexityMeasureName(m)), m);
    }

    void saturationBelowTheBestScoreIsAWarning()
    {
        // Hand numbers: y_max 85.96 against a best score of 90 is 4.04 points below.
        const QString w = saturationBelowBestWarning(85.96, 90.0);
        QVERIFY2(w.contains(QLatin1String("85.96")) && w.contains(QLatin1String("4.04 points below"))
                     && w.contains(QLatin1String("90.00")),
                 qPrintable(w));
        QVERIFY(saturationBelowBestWarning(90.5, 90.0).isEmpty());
        QVERIFY(saturationBelowBestWarning(90.0, 90.0).isEmpty());

        // Scores that level off at about 85 with one model far above them: the least-squares
        // asymptote lies below that model's score.
        const std::vector<double> x{0, 1, 2, 3, 4, 5, 6};
        const std::vector<double> y{50, 70, 79, 92, 84, 85, 85};
        const DiminishingReturns fit = fitDiminishingReturns(x, y, 1.0, 100.0);
        QVERIFY2(fit.saturation, qPrintable(fit.saturationReason));
        QVERIFY(fit.saturation->yMax < 92.0);
        QVERIFY(fit.saturation->headroom < 0.0);
        QCOMPARE(fit.saturation->warning, saturationBelowBestWarning(fit.saturation->yMax, 92.0));
        QVERIFY(!fit.saturation->warning.isEmpty());

        // A clean saturation curve below its ceiling: no warning.
        std::vector<double> clean;
        for (double xi : x)
            clean.push_back(85.0 - 35.0 * std::exp(-0.8 * xi));
        const DiminishingReturns good = fitDiminishingReturns(x, clean, 1.0, 100.0);
        QVERIFY(good.saturation);
        QVERIFY(good.saturation->warning.isEmpty());

        // The report JSON carries the warning and reads it back.
        Report report;
        DatasetResult d;
        d.name = QStringLiteral("X");
        d.key = QStringLiteral("x");
        d.measure = QStringLiteral("C_H");
        d.fit = fit;
        report.datasets.push_back(d);
        const QJsonObject json = reportToJson(report);
        const QJsonObject fitJson =
            json.value(QStringLiteral("datasets")).toArray().at(0).toObject().value(QStringLiteral("fit")).toObject();
        QCOMPARE(fitJson.value(QStringLiteral("warning")).toString(), fit.saturation->warning);
        QString error;
        const auto back = reportFromJson(json, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->datasets[0].fit.saturation->warning, fit.saturation->warning);
    }
};

QTEST_GUILESS_MAIN(ComplexityNotesTest)
#include "test_complexity_notes.moc"
