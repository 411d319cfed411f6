// The model charts (saturation curves, NoFADE scatter), their linked selection and their export,
// built from the bundled corpus. Expected values come from the Report (tested in tests/models)
// and from hand arithmetic here (the NoFADE formula, pixel sizes), never from the chart code.
#include <cmath>
#include <QChartView>
#include <QDir>
#include <QImage>
#include <QCheckBox>
#include <QGraphicsPathItem>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QProcess>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include "export/figure_folder_export.h"
#include "export/figure_renderer.h"
#include "export/figure_spec.h"
#include "model_figures/model_chart_text.h"
#include "model_figures/model_figures_controller.h"
#include "model_figures/nofade_chart.h"
#include "model_figures/nofade_tab.h"
#include "model_figures/saturation_chart.h"
#include "model_figures/saturation_tab.h"
#include "model_table/model_selection_store.h"
#include "model_table/model_store.h"
#include "models/bundled_data.h"
#include "models/dataset_complexity.h"
#include "models/dataset_names.h"
#include "models/report_csv.h"
#include "models/model_table.h"
#include "models/hardware_table.h"
#include "models/report_builder.h"
#include "shell/main_window.h"
#include "test_support.h"
#include "ui_fixtures.h"

using namespace nofade;
using namespace nofade::ui;

namespace {
// Typed-in complexities for the corpus's datasets (any positive values do: the test checks the
// formula with them).
std::vector<ComplexityInput> testComplexities()
{
    return {typedComplexity(QStringLiteral("ImageNet"), 0.65, QStringLiteral("test")),
            typedComplexity(QStringLiteral("MS COCO"), 4.2, QStringLiteral("test")),
            typedComplexity(QStringLiteral("Cityscapes"), 5.1, QStringLiteral("test")),
            typedComplexity(QStringLiteral("PASCAL VOC"), 4.8, QStringLiteral("test"))};
}

bool hasCo2(const ModelResult& m) { return m.score && m.co2Kg && *m.co2Kg > 0.0; }

std::vector<QChart*> raw(const std::vector<std::unique_ptr<ModelChart>>& charts)
{
    std::vector<QChart*> r;
    for (const auto& c : charts)
        r.push_back(c.get());
    return r;
}

// Where a model's point is, in the view's viewport coordinates.
QPoint viewportPos(ModelChartView* view, int row)
{
    ModelChart* chart = view->modelChart();
    const QPointF p = chart->positionOf(chart->points().value(row));
    return view->mapFromScene(chart->mapToScene(p));
}

QSet<int> selectionPoints(ModelChart* chart)
{
    QSet<int> rows;
    for (const QPointF& p : chart->selectionSeries()->points())
        for (auto it = chart->points().cbegin(); it != chart->points().cend(); ++it)
            if (it.value() == p)
                rows.insert(it.key());
    return rows;
}
} // namespace

namespace {
// The saturation figure of one dataset, coloured by family.
FigureSpec saturationOf(const QString& key)
{
    FigureSpec spec;
    spec.panels = {key};
    return spec;
}
} // namespace

class TestModelCharts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { uitest::isolateSettings(); }

    void modelFamilies()
    {
        QCOMPARE(modelFamily(QStringLiteral("NFNet-F6+SAM")), QStringLiteral("NFNet"));
        QCOMPARE(modelFamily(QStringLiteral("EfficientNetV2-L")), QStringLiteral("EfficientNet"));
        QCOMPARE(modelFamily(QStringLiteral("Faster R-CNN R50-FPN 3x")), QStringLiteral("Faster R-CNN"));
        QCOMPARE(modelFamily(QStringLiteral("YOLOv3-320")), QStringLiteral("YOLO"));
        QCOMPARE(modelFamily(QStringLiteral("ShelfNet50")), QStringLiteral("ShelfNet"));
        QCOMPARE(modelFamily(QStringLiteral("ViT-B/16 (I21k to IN 384)")), QStringLiteral("ViT"));
        QCOMPARE(modelFamily(QStringLiteral("ENet")), QStringLiteral("ENet"));
        QCOMPARE(formatCo2(0.25), QStringLiteral("250 g"));
        QCOMPARE(formatCo2(12.34), QStringLiteral("12.3 kg"));
        QCOMPARE(formatCo2(4561.0), QStringLiteral("4.56 t"));
    }

    void saturationChartsMatchTheReport()
    {
        ModelStore ws;
        QVERIFY(uitest::waitForReport(&ws));
        const Report& report = ws.report();
        QVERIFY(report.datasets.size() >= 3);
        int fitted = 0, pointsOnly = 0;
        for (const DatasetResult& d : report.datasets) {
            SaturationChart chart(report, {d.key}, ColourBy::Family, FigureStyle::screen());
            QCOMPARE(chart.pointCount(), d.modelsWithCo2);
            QSet<int> front;
            for (const ModelResult& m : report.models) {
                if (datasetKey(m.dataset) != d.key || !hasCo2(m))
                    continue;
                QCOMPARE(chart.points().value(m.row), QPointF(*m.co2Kg, *m.score));
                if (m.pareto)
                    front.insert(m.row);
            }
            const SaturationChart::Drawn drawn = chart.drawn(d.key);
            // The step line passes through every Pareto model, with one corner between neighbours.
            if (front.size() >= 2) {
                QVERIFY(drawn.pareto);
                QCOMPARE(drawn.pareto->count(), 2 * int(front.size()) - 1);
                for (int row : std::as_const(front))
                    QVERIFY(drawn.pareto->points().contains(chart.points().value(row)));
            }
            if (d.fit.saturation) {
                ++fitted;
                const SaturationFit& s = *d.fit.saturation;
                QVERIFY(drawn.fit && !drawn.logFit);
                QVERIFY(chart.stats().contains(QStringLiteral("R² = %1").arg(s.r2, 0, 'f', 3)));
                QVERIFY(chart.stats().contains(QStringLiteral("headroom %1").arg(formatNumber(s.headroom))));
                QVERIFY(chart.stats().contains(QStringLiteral("y_max = %1").arg(formatNumber(s.yMax))));
                QVERIFY(drawn.yMax);
                QCOMPARE(drawn.yMax->at(0).y(), s.yMax);
                // The fit curve: y_max - (y_max - y0) exp(-k (x - x_min)) at each sample.
                for (const QPointF& p : drawn.fit->points()) {
                    const double x = std::log10(p.x());
                    QVERIFY(std::abs(p.y() - (s.yMax - (s.yMax - s.y0) * std::exp(-s.k * (x - s.xMin)))) < 1e-9);
                }
                if (s.kneeX) {
                    QVERIFY(drawn.knee);
                    QVERIFY(std::abs(std::log10(drawn.knee->at(0).x()) - *s.kneeX) < 1e-12);
                }
            } else if (d.fit.log) {
                QVERIFY(drawn.fit && drawn.logFit);
            } else {
                ++pointsOnly;
                QVERIFY(!drawn.fit && !drawn.yMax && !drawn.knee);
                const QString why = d.modelsWithCo2 == 0 ? QStringLiteral("no model with a score and CO₂") : d.fit.reason;
                QVERIFY2(chart.note().contains(why), qPrintable(chart.note() + " / " + why));
            }
        }
        QVERIFY(fitted >= 1); // ImageNet has enough models
        Q_UNUSED(pointsOnly); // every bundled dataset has enough models now: a table of two shows that case
        {
            const ModelTable two = ModelTable::fromCsv("model,task,dataset,score,co2_kg,source\n"
                                                       "A,classification,Tiny,70,10,test\n"
                                                       "B,classification,Tiny,75,100,test\n",
                                                       QStringLiteral("two.csv"));
            QStringList errors;
            const Report small = buildReport(two, HardwareTable::fromCsv(bundledHardwareCsv(), QStringLiteral("hardware.csv"), &errors),
                                             {}, ReportSettings{});
            QCOMPARE(small.datasets.size(), std::size_t(1));
            const DatasetResult& d = small.datasets[0];
            QVERIFY(!d.fit.saturation);
            SaturationChart chart(small, {d.key}, ColourBy::Family, FigureStyle::screen());
            QCOMPARE(chart.pointCount(), 2);
            const SaturationChart::Drawn drawn = chart.drawn(d.key);
            QVERIFY(!drawn.fit && !drawn.yMax && !drawn.knee);
            QVERIFY2(chart.note().contains(d.fit.reason), qPrintable(chart.note() + " / " + d.fit.reason));
        }
        // No value <= 0 reaches the log axis (it would drop the whole series).
        SaturationChart overlay(report, {report.datasets[0].key, report.datasets[1].key}, ColourBy::Dataset, FigureStyle::screen());
        for (QAbstractSeries* s : overlay.series())
            for (const QPointF& p : static_cast<QXYSeries*>(s)->points())
                QVERIFY(p.x() > 0.0);
        QCOMPARE(overlay.pointCount(), report.datasets[0].modelsWithCo2 + report.datasets[1].modelsWithCo2);
    }

    // Scores that level off at about 85 with one model at 92: the fitted asymptote lies below the
    // best score, and the chart's footer says so as a warning (not only "headroom -x points").
    void saturationBelowTheBestScoreIsWarned()
    {
        QByteArray csv = "model,task,dataset,score,co2_kg,source\n";
        const double scores[] = {50, 70, 79, 92, 84, 85, 85};
        for (int i = 0; i < 7; ++i)
            csv += QStringLiteral("M%1,classification,Plateau,%2,%3,test\n").arg(i).arg(scores[i]).arg(std::pow(10.0, i)).toUtf8();
        const ModelTable table = ModelTable::fromCsv(csv, QStringLiteral("plateau.csv"));
        QVERIFY2(table.errorMessages().isEmpty(), qPrintable(table.errorMessages().join(QLatin1Char('\n'))));
        QStringList errors;
        const HardwareTable hardware = HardwareTable::fromCsv(bundledHardwareCsv(), QStringLiteral("hardware.csv"), &errors);
        const Report report = buildReport(table, hardware, {}, ReportSettings{});
        QCOMPARE(report.datasets.size(), std::size_t(1));
        const DatasetResult& d = report.datasets[0];
        QVERIFY2(d.fit.saturation, qPrintable(d.fit.saturationReason));
        QVERIFY(d.fit.saturation->yMax < 92.0);
        SaturationChart chart(report, {d.key}, ColourBy::Family, FigureStyle::screen());
        QVERIFY2(chart.note().contains(QStringLiteral("warning: ") + d.fit.saturation->warning), qPrintable(chart.note()));
        QVERIFY(chart.note().contains(QLatin1String("below")));
    }

    void saturationTooltipNamesEverything()
    {
        ModelStore ws;
        QVERIFY(uitest::waitForReport(&ws));
        for (const ModelResult& m : ws.report().models) {
            if (!hasCo2(m) || !m.energyKwh || !m.deviceHours)
                continue;
            const QString t = saturationTooltip(m);
            QVERIFY(t.contains(m.model.toHtmlEscaped()));
            QVERIFY(t.contains(formatNumber(*m.score)));
            QVERIFY(t.contains(formatCo2(*m.co2Kg)));
            QVERIFY(t.contains(formatNumber(*m.energyKwh) + QStringLiteral(" kWh")));
            QVERIFY(t.contains(m.hoursProvenance));
            return;
        }
        QFAIL("no model with CO2, energy and device-hours in the corpus");
    }

    void noFadeChartsWithTypedComplexities()
    {
        ModelStore ws;
        ws.setComplexities(testComplexities());
        QVERIFY(uitest::waitForReport(&ws));
        const Report& report = ws.report();
        for (const QString& task : NoFadeChart::tasks(report)) {
            NoFadeChart chart(report, task, FigureStyle::screen());
            int expected = 0;
            double best = -1.0;
            QString bestName;
            for (const ModelResult& m : report.models) {
                if (m.task != task || !m.nofade || !m.co2Kg)
                    continue;
                ++expected;
                // NoFADE = score x C / ln(FLOPs), by hand.
                const double c = datasetOf(report, m)->complexity.value();
                const double byHand = *m.score * c / std::log(*m.flops);
                QVERIFY(std::abs(chart.points().value(m.row).y() - byHand) < 1e-9 * byHand);
                QCOMPARE(chart.points().value(m.row).x(), *m.co2Kg);
                if (byHand > best) {
                    best = byHand;
                    bestName = m.model;
                }
                const QString tip = chart.tooltip(m.row);
                QVERIFY2(tip.contains(QString::number(std::log(*m.flops), 'f', 3)), qPrintable(tip));
                QVERIFY(tip.contains(QString::number(c, 'g', 4)));
            }
            QCOMPARE(chart.pointCount(), expected);
            QVERIFY(expected > 0);
            QVERIFY(chart.labelTexts().contains(bestName)); // the highest NoFADE is labelled
        }
    }

    void measuredRunsAreRingedWithTheirLegend()
    {
        ModelStore ws;
        ws.setComplexities(testComplexities());
        QVERIFY(uitest::waitForReport(&ws));
        // The ring around the points, and the legend's key: an empty series of the same name.
        auto named = [](const ModelChart& chart, bool withPoints) -> QScatterSeries* {
            QScatterSeries* found = nullptr;
            for (QAbstractSeries* s : chart.series())
                if (s->name() == QStringLiteral("your runs (measured)"))
                    if (auto* scatter = qobject_cast<QScatterSeries*>(s); scatter && (scatter->count() > 0) == withPoints)
                        found = scatter;
            return found;
        };
        auto ringOf = [&](const ModelChart& chart) { return named(chart, true); };
        const QString imagenet = datasetKey(QStringLiteral("ImageNet"));
        {
            // The published corpus alone has no measured rows: no ring, no legend entry.
            SaturationChart chart(ws.report(), {imagenet}, ColourBy::Family, FigureStyle::screen());
            QVERIFY(!ringOf(chart));
            QVERIFY(!named(chart, false));
        }
        // A run of the user's with measured CO2 (as imported from CodeCarbon).
        ModelTable table = ws.table();
        const int row = uitest::appendMeasuredRun(table);
        ws.setTable(table);
        QVERIFY(uitest::waitForReport(&ws));
        QVERIFY2(ws.table().issuesOfRow(row).empty(), qPrintable(ws.table().errorMessages().join('\n')));
        QChartView view(new SaturationChart(ws.report(), {imagenet}, ColourBy::Family, FigureStyle::screen()));
        view.resize(800, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const SaturationChart& saturation = *static_cast<SaturationChart*>(view.chart());
        QScatterSeries* ring = ringOf(saturation);
        QVERIFY(ring);
        QCOMPARE(ring->points(), QList<QPointF>{QPointF(2.5, 77.0)}); // measured CO2 used as it is
        QCOMPARE(ring->markerShape(), QScatterSeries::MarkerShapeRotatedRectangle); // the corpus's points are circles
        // One legend entry, a diamond at a point's size (the ring's own size elided the label).
        QScatterSeries* key = named(saturation, false);
        QVERIFY(key);
        QVERIFY(!saturation.legend()->markers(ring).constFirst()->isVisible());
        QVERIFY(saturation.legend()->markers(key).constFirst()->isVisible());
        QCOMPARE(saturation.legend()->markers(key).constFirst()->shape(), QLegend::MarkerShapeFromSeries);
        QCOMPARE(key->markerShape(), QScatterSeries::MarkerShapeRotatedRectangle);
        QVERIFY(key->markerSize() < ring->markerSize());
        NoFadeChart nofade(ws.report(), QStringLiteral("classification"), FigureStyle::screen());
        ring = ringOf(nofade);
        QVERIFY(ring);
        // NoFADE = 77 x 0.65 / ln(4.1e9), by hand.
        QCOMPARE(ring->count(), 1);
        QCOMPARE(ring->at(0).x(), 2.5);
        const double byHand = 77.0 * 0.65 / std::log(4.1e9);
        QVERIFY(std::abs(ring->at(0).y() - byHand) < 1e-9 * byHand);
    }

    void noFadeEmptyStateSaysHowToGetComplexities()
    {
        ModelStore ws;
        QVERIFY(uitest::waitForReport(&ws));
        ModelSelectionStore sel;
        QCOMPARE(NoFadeChart::drawableCount(ws.report()), 0);
        NoFadeTab view(&ws, &sel);
        view.rebuildNow();
        QVERIFY(view.views().empty());
        QVERIFY(view.emptyText().contains(QStringLiteral("scan the dataset")));
        QVERIFY(view.emptyText().contains(QStringLiteral("type the complexity in")));
        ws.setComplexities(testComplexities());
        QVERIFY(uitest::waitForReport(&ws));
        view.rebuildNow();
        QVERIFY(view.emptyText().isEmpty());
        QCOMPARE(int(view.views().size()), NoFadeChart::tasks(ws.report()).size());
    }

    void pngSizeIsInchesTimesDpi()
    {
        ModelStore ws;
        QVERIFY(uitest::waitForReport(&ws));
        QTemporaryDir dir;
        const FigureSpec spec = saturationOf(ws.report().datasets[0].key);
        struct Case { double w, h; int dpi; int px, py; };
        for (const Case c : {Case{3.5, 2.5, 300, 1050, 750}, Case{2.0, 1.5, 150, 300, 225}, Case{3.33, 2.0, 96, 320, 192}}) {
            const auto charts = buildCharts(ws.report(), spec, FigureStyle::publication());
            const QString file = dir.filePath(QStringLiteral("f.png"));
            QString error;
            QVERIFY2(FigureRenderer::write(raw(charts), FigureSize{c.w, c.h, c.dpi}, file, &error), qPrintable(error));
            const QImage image(file);
            QCOMPARE(image.size(), QSize(c.px, c.py));
            QVERIFY(std::abs(image.dotsPerMeterX() * 0.0254 - c.dpi) < 0.5);
            // Drawn, not blank: the white background plus dark text and coloured points.
            int dark = 0;
            for (int y = 0; y < image.height(); y += 3)
                for (int x = 0; x < image.width(); x += 3)
                    dark += qGray(image.pixel(x, y)) < 100;
            QVERIFY(dark > 50);
        }
        QString error;
        const auto charts = buildCharts(ws.report(), spec, FigureStyle::screen());
        QVERIFY(!FigureRenderer::write(raw(charts), FigureSize{6, 4, 10}, dir.filePath(QStringLiteral("g.png")), &error));
        QVERIFY(error.contains(QStringLiteral("dpi")));
        QVERIFY(!FigureRenderer::write(raw(charts), FigureSize{}, dir.filePath(QStringLiteral("g.gif")), &error));
        QVERIFY(error.contains(QStringLiteral("g.gif")));
    }

    void svgParsesAndHoldsTheSeries()
    {
        ModelStore ws;
        QVERIFY(uitest::waitForReport(&ws));
        QTemporaryDir dir;
        const DatasetResult& d = ws.report().datasets[0];
        const auto charts = buildCharts(ws.report(), saturationOf(d.key), FigureStyle::screen());
        const QString file = dir.filePath(QStringLiteral("f.svg"));
        QString error;
        QVERIFY2(FigureRenderer::write(raw(charts), FigureSize{6, 4, 300}, file, &error), qPrintable(error));
        QVERIFY(QSvgRenderer(file).isValid());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&f);
        QStringList texts;
        int circles = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("circle"))
                ++circles;
            if (xml.isCharacters() && !xml.isWhitespace())
                texts << xml.text().toString();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        const QString all = texts.join(QLatin1Char('|'));
        QVERIFY2(all.contains(QStringLiteral("Pareto front")), qPrintable(all));
        QVERIFY(all.contains(QStringLiteral("saturation fit")));
        QVERIFY(all.contains(d.name));
        QVERIFY(circles >= d.modelsWithCo2); // a circle per model (plus the selection's and the legend's)
    }

    void pdfOpensInPoppler()
    {
        ModelStore ws;
        QVERIFY(uitest::waitForReport(&ws));
        QTemporaryDir dir;
        const auto charts = buildCharts(ws.report(), saturationOf(ws.report().datasets[0].key), FigureStyle::publication());
        const QString file = dir.filePath(QStringLiteral("f.pdf"));
        QString error;
        QVERIFY2(FigureRenderer::write(raw(charts), FigureSize{6, 4, 300}, file, &error), qPrintable(error));
        // pdftoppm (poppler-utils, scripts/setup-debian.sh) renders the page: 6 x 4 in at 50 dpi.
        const test::ProcessResult r = test::runProcess(QStringLiteral("pdftoppm"),
                                                       {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("50"),
                                                        QStringLiteral("-singlefile"), file, dir.filePath(QStringLiteral("page"))});
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        const QImage page(dir.filePath(QStringLiteral("page.png")));
        QCOMPARE(page.size(), QSize(300, 200));
        int dark = 0;
        for (int y = 0; y < page.height(); ++y)
            for (int x = 0; x < page.width(); ++x)
                dark += qGray(page.pixel(x, y)) < 100;
        QVERIFY(dark > 100); // text and axes, not an empty page
    }

    void exportAllWritesEveryFigureDataAndSettings()
    {
        ModelStore ws;
        ws.setComplexities(testComplexities());
        QVERIFY(uitest::waitForReport(&ws));
        const Report& report = ws.report();
        QTemporaryDir dir;
        FolderExport job;
        job.style = FigureStyle::publication();
        job.size = FigureSize{4, 3, 100};
        QString error;
        QVERIFY2(job.run(report, dir.path(), &error), qPrintable(error));
        QStringList expected;
        int drawable = 0;
        for (const DatasetResult& d : report.datasets)
            if (d.modelsWithCo2 > 0) {
                ++drawable;
                for (const char* ext : {"png", "svg", "pdf", "csv"})
                    expected << QStringLiteral("saturation-%1.%2").arg(fileSlug(d.name), QLatin1String(ext));
            }
        // The overlay of every dataset (a legend of five entries each) does not fit 4 × 3 in at print
        // size: left out, with the reason in settings.json (checked below).
        QVERIFY(drawable > 1);
        for (const QString& task : NoFadeChart::tasks(report))
            for (const char* ext : {"png", "svg", "pdf", "csv"})
                expected << QStringLiteral("nofade-%1.%2").arg(task, QLatin1String(ext));
        expected << QStringLiteral("report.csv") << QStringLiteral("report.json") << QStringLiteral("settings.json");
        QStringList present = QDir(dir.path()).entryList(QDir::Files);
        expected.sort();
        present.sort();
        QCOMPARE(present, expected);
        QCOMPARE(QImage(dir.filePath(QStringLiteral("nofade-classification.png"))).size(), QSize(400, 300));
        QFile csv(dir.filePath(QStringLiteral("report.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll(), reportToCsv(report));
        QFile settingsFile(dir.filePath(QStringLiteral("settings.json")));
        QVERIFY(settingsFile.open(QIODevice::ReadOnly));
        const QJsonObject settings = QJsonDocument::fromJson(settingsFile.readAll()).object();
        QCOMPARE(settings.value(QStringLiteral("dpi")).toInt(), 100);
        QCOMPARE(settings.value(QStringLiteral("style")).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("publication"));
        QCOMPARE(settings.value(QStringLiteral("report_settings")).toObject().value(QStringLiteral("log_base")).toString(), QStringLiteral("ln"));
        QVERIFY2(QJsonDocument(settings.value(QStringLiteral("skipped")).toArray()).toJson().contains("saturation-overlay: its legend does not fit"),
                 QJsonDocument(settings.value(QStringLiteral("skipped")).toArray()).toJson().constData());

        // Without complexities the NoFADE figures are left out, with the reason.
        ModelStore plain;
        QVERIFY(uitest::waitForReport(&plain));
        QTemporaryDir dir2;
        FolderExport job2;
        job2.size = FigureSize{4, 3, 60};
        QVERIFY2(job2.run(plain.report(), dir2.path(), &error), qPrintable(error));
        QVERIFY(!QFile::exists(dir2.filePath(QStringLiteral("nofade-classification.png"))));
        QVERIFY(job2.skipped.join(QLatin1Char(' ')).contains(QStringLiteral("type its complexity in")));
    }

    void linkedSelectionBothWaysWithoutLoops()
    {
        ModelStore ws;
        ws.setComplexities(testComplexities());
        QVERIFY(uitest::waitForReport(&ws));
        ModelSelectionStore sel;
        QSignalSpy changed(&sel, &ModelSelectionStore::changed);
        SaturationTab sat(&ws, &sel);
        NoFadeTab nof(&ws, &sel);
        sat.setDatasets(ws.report().datasets[0].key); // ImageNet: classification
        nof.setTask(QStringLiteral("classification"));
        for (QWidget* w : {static_cast<QWidget*>(&sat), static_cast<QWidget*>(&nof)}) {
            w->resize(900, 650);
            w->show();
            QVERIFY(QTest::qWaitForWindowExposed(w));
        }
        QCOMPARE(sat.views().size(), std::size_t(1));
        QCOMPARE(nof.views().size(), std::size_t(1));
        ModelChartView* satView = sat.views()[0];
        ModelChart* satChart = satView->modelChart();
        ModelChart* nofChart = nof.chart(0);
        const int satRebuilds = sat.rebuilds(), nofRebuilds = nof.rebuilds();
        const auto nofSeries = nofChart->series();

        // Two models drawn in both charts.
        QList<int> both;
        for (auto it = satChart->points().cbegin(); it != satChart->points().cend(); ++it)
            if (nofChart->points().contains(it.key()))
                both << it.key();
        std::sort(both.begin(), both.end());
        QVERIFY(both.size() >= 3);

        // Click in the saturation chart -> selection -> highlighted in the NoFADE chart.
        QTest::mouseClick(satView->viewport(), Qt::LeftButton, {}, viewportPos(satView, both[0]));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(sel.rows(), QSet<int>{both[0]});
        QCOMPARE(changed.last().at(0).value<const QObject*>(), static_cast<const QObject*>(&sat));
        QCOMPARE(selectionPoints(satChart), QSet<int>{both[0]});
        QCOMPARE(selectionPoints(nofChart), QSet<int>{both[0]});
        QVERIFY(nofChart->labelTexts().contains(ws.report().models[std::size_t(both[0])].model));

        // Ctrl+click in the NoFADE chart adds a model; the saturation chart follows.
        ModelChartView* nofView = nof.views()[0];
        QTest::mouseClick(nofView->viewport(), Qt::LeftButton, Qt::ControlModifier, viewportPos(nofView, both[1]));
        QCOMPARE(changed.count(), 2);
        QCOMPARE(sel.rows(), (QSet<int>{both[0], both[1]}));
        QCOMPARE(selectionPoints(satChart), (QSet<int>{both[0], both[1]}));

        // A change made elsewhere (the table) re-highlights both charts, once, without rebuilding.
        sel.select({both[2]}, nullptr);
        QCOMPARE(changed.count(), 3);
        QCOMPARE(selectionPoints(satChart), QSet<int>{both[2]});
        QCOMPARE(selectionPoints(nofChart), QSet<int>{both[2]});
        QCOMPARE(sat.rebuilds(), satRebuilds);
        QCOMPARE(nof.rebuilds(), nofRebuilds);
        QCOMPARE(nofChart->series(), nofSeries);

        // A click on empty space clears the selection.
        QTest::mouseClick(satView->viewport(), Qt::LeftButton, {}, QPoint(3, 3));
        QCOMPARE(changed.count(), 4);
        QVERIFY(sel.rows().isEmpty());

        // Shift+drag: the models inside the rectangle, worked out from their values.
        const QRectF home = satChart->currentRange();
        const double xMid = std::sqrt(home.left() * home.right()); // the middle of the log axis
        const QPointF a = satChart->positionOf(QPointF(home.left(), home.bottom()));
        const QPointF b = satChart->positionOf(QPointF(xMid, home.top()));
        QSet<int> left;
        for (auto it = satChart->points().cbegin(); it != satChart->points().cend(); ++it)
            if (it.value().x() < xMid)
                left.insert(it.key());
        QVERIFY(!left.isEmpty());
        const QPoint pa = satView->mapFromScene(satChart->mapToScene(a)) + QPoint(1, 1);
        const QPoint pb = satView->mapFromScene(satChart->mapToScene(b)) - QPoint(0, 1);
        QTest::mousePress(satView->viewport(), Qt::LeftButton, Qt::ShiftModifier, pa);
        QTest::mouseMove(satView->viewport(), (pa + pb) / 2);
        QTest::mouseMove(satView->viewport(), pb);
        QTest::mouseRelease(satView->viewport(), Qt::LeftButton, Qt::ShiftModifier, pb);
        QCOMPARE(changed.count(), 5);
        QCOMPARE(sel.rows(), left);
        QCOMPARE(sat.rebuilds(), satRebuilds);
    }

    // Error bars: each drawn model's Monte Carlo 90% CO2 interval, from p05 to p95; the tab's
    // toggle shows and hides them in its charts (and the figures it exports).
    void errorBarsShowEachModelsInterval()
    {
        ModelStore ws;
        ws.setComplexities(testComplexities());
        QVERIFY(uitest::waitForReport(&ws));
        const Report& report = ws.report();
        const DatasetResult& d = report.datasets[0];
        for (ModelChart* chart : std::initializer_list<ModelChart*>{
                 new SaturationChart(report, {d.key}, ColourBy::Family, FigureStyle::screen()),
                 new NoFadeChart(report, QStringLiteral("classification"), FigureStyle::screen())}) {
            int withInterval = 0;
            for (const ModelResult& m : report.models) {
                if (!chart->points().contains(m.row))
                    continue;
                const auto bar = chart->errorBar(m.row);
                QCOMPARE(bar.has_value(), m.co2Spread.has_value());
                if (!m.co2Spread)
                    continue;
                ++withInterval;
                QCOMPARE(bar->first, m.co2Spread->interval.low);
                QCOMPARE(bar->second, m.co2Spread->interval.high);
                QVERIFY(bar->first < bar->second);
            }
            QVERIFY(withInterval >= 3);
            QCOMPARE(chart->errorBarCount(), withInterval);
            QVERIFY(!chart->errorBarsVisible());
            delete chart;
        }
        ModelSelectionStore sel;
        SaturationTab sat(&ws, &sel);
        sat.setDatasets(d.key);
        sat.resize(900, 650);
        sat.show();
        QVERIFY(QTest::qWaitForWindowExposed(&sat));
        auto bars = [&sat] {
            for (QGraphicsItem* item : sat.chart(0)->childItems())
                if (auto* path = dynamic_cast<QGraphicsPathItem*>(item))
                    return path->isVisible() ? path->path().elementCount() : 0;
            return 0;
        };
        QVERIFY(sat.errorBars());
        QVERIFY(sat.chart(0)->errorBarsVisible());
        QVERIFY(bars() >= 2 * 3); // a move and a line per bar at least
        uitest::part<QCheckBox>(&sat, "errorBarsToggle")->setChecked(false);
        QVERIFY(!sat.chart(0)->errorBarsVisible());
        QCOMPARE(bars(), 0);
        QVERIFY(!sat.figureCharts(FigureStyle::publication())[0]->errorBarsVisible());
        uitest::part<QCheckBox>(&sat, "errorBarsToggle")->setChecked(true);
        QVERIFY(sat.figureCharts(FigureStyle::publication())[0]->errorBarsVisible());
    }

    // The curve families of a dataset's frontier analysis: each fitted family drawn by its own
    // formula (curve_families.h, written out here), the chosen one solid and the others dashed,
    // named in the legend; the footer gives the next point's CO2 and the chosen family's back-test.
    void curveFamiliesAndTheNextPointInTheFooter()
    {
        ModelStore ws;
        QVERIFY(uitest::waitForReport(&ws));
        const Report& report = ws.report();
        const auto byHand = [](const Curve& c, double x) {
            const std::vector<double>& p = c.parameters;
            switch (c.family) {
            case CurveFamily::SaturatingExp: return p[0] - (p[0] - p[1]) * std::exp(-p[2] * (x - c.xMin));
            case CurveFamily::PowerFloor: return p[0] - p[1] * std::pow(1.0 + x - c.xMin, -p[2]);
            case CurveFamily::Logistic: return p[0] + (p[1] - p[0]) / (1.0 + std::exp(-p[2] * (x - p[3])));
            case CurveFamily::LogLinear: break;
            }
            return p[0] + p[1] * x;
        };
        int checked = 0;
        for (const DatasetResult& d : report.datasets) {
            if (!d.frontier.chosen)
                continue;
            SaturationChart chart(report, {d.key}, ColourBy::Family, FigureStyle::screen());
            const SaturationChart::Drawn drawn = chart.drawn(d.key);
            int dashed = 0;
            for (const FamilyResult& f : d.frontier.families) {
                const QString name = curveFamilyName(f.family);
                QCOMPARE(drawn.families.contains(name), f.fit.has_value());
                if (!f.fit)
                    continue;
                QLineSeries* line = drawn.families.value(name);
                const bool chosen = f.family == *d.frontier.chosen;
                QCOMPARE(line->pen().style(), chosen ? Qt::SolidLine : Qt::DashLine);
                dashed += !chosen;
                QCOMPARE(line->name().endsWith(QStringLiteral(" (chosen)")), chosen);
                QVERIFY(line->name().startsWith(f.family == CurveFamily::SaturatingExp ? QStringLiteral("saturation fit") : name));
                for (const QPointF& p : line->points()) {
                    const double y = byHand(f.fit->curve, std::log10(p.x()));
                    QVERIFY2(std::abs(p.y() - y) < 1e-6 * std::max(1.0, std::abs(y)), qPrintable(name));
                }
                QCOMPARE(chart.legend()->markers(line).constFirst()->label(), line->name());
            }
            QVERIFY(dashed >= 1);
            const QString stats = chart.stats();
            QVERIFY2(stats.contains(QStringLiteral("curve: %1 (%2)").arg(curveFamilyName(*d.frontier.chosen), d.frontier.chosenReason)),
                     qPrintable(stats));
            for (const FamilyResult& f : d.frontier.families)
                if (f.family == *d.frontier.chosen && f.backtestMae)
                    QVERIFY2(stats.contains(QStringLiteral("back-test error %1 points").arg(formatNumber(*f.backtestMae))), qPrintable(stats));
            if (const auto& n = d.frontier.nextPoint) {
                if (n->reachable) {
                    QVERIFY2(stats.contains(QStringLiteral("next point: +%1 CO₂ beyond %2").arg(formatCo2(n->value), n->fromModel)), qPrintable(stats));
                    if (n->interval && std::isfinite(n->interval->high))
                        QVERIFY(stats.contains(QStringLiteral("90% interval %1 – %2").arg(formatCo2(n->interval->low), formatCo2(n->interval->high))));
                } else {
                    QVERIFY(stats.contains(QStringLiteral("next point: not reachable beyond %1: %2").arg(n->fromModel, n->reason)));
                }
            }
            ++checked;
        }
        QVERIFY(checked >= 3);
        // An overlay draws no families (one curve per dataset) and keeps one footer line each.
        SaturationChart overlay(report, {report.datasets[0].key, report.datasets[1].key}, ColourBy::Dataset, FigureStyle::screen());
        QVERIFY(overlay.drawn(report.datasets[0].key).families.isEmpty());
    }

    // A frontier whose fits saturate below one more point: the footer says it is not reachable.
    void nextPointNotReachableIsSaid()
    {
        // Scores that level off at 85: the best model sits on the ceiling.
        QByteArray csv = "model,task,dataset,score,co2_kg,source\n";
        const double scores[] = {60, 75, 82, 84.5, 84.9, 85.0};
        for (int i = 0; i < 6; ++i)
            csv += QStringLiteral("M%1,classification,Flat,%2,%3,test\n").arg(i).arg(scores[i]).arg(std::pow(10.0, i)).toUtf8();
        QStringList errors;
        const Report report = buildReport(ModelTable::fromCsv(csv, QStringLiteral("flat.csv")),
                                          HardwareTable::fromCsv(bundledHardwareCsv(), QStringLiteral("hardware.csv"), &errors), {}, ReportSettings{});
        const DatasetResult& d = report.datasets.at(0);
        QVERIFY(d.frontier.chosen && d.frontier.nextPoint);
        QVERIFY2(!d.frontier.nextPoint->reachable, qPrintable(curveFamilyName(*d.frontier.chosen)));
        SaturationChart chart(report, {d.key}, ColourBy::Family, FigureStyle::screen());
        QVERIFY2(chart.stats().contains(QStringLiteral("next point: not reachable beyond M5: the fit saturates below it")), qPrintable(chart.stats()));
    }

    void mainWindowHasTheChartTabs()
    {
        MainWindow window;
        QVERIFY(uitest::part<ModelStore>(window, "modelStore"));
        QVERIFY(uitest::part<ModelSelectionStore>(window, "modelSelectionStore"));
        QTabWidget* tabs = uitest::part<QTabWidget>(window, "chartTabs");
        QVERIFY(tabs->indexOf(uitest::part<ModelFiguresController>(window, "modelFiguresController")->saturationView()) >= 0);
        QVERIFY(tabs->indexOf(uitest::part<ModelFiguresController>(window, "modelFiguresController")->noFadeView()) >= 0);
        bool copy = false;
        for (QAction* a : uitest::part<ModelFiguresController>(window, "modelFiguresController")->actions())
            copy = copy || a->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C);
        QVERIFY(copy);
    }

    void headlessExportFigures()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("figs"));
        const test::ProcessResult r = test::runProcess(QStringLiteral(NOFADE_GUI),
            {QStringLiteral("--export-figures"), out, QStringLiteral("--style"), QStringLiteral("publication"),
             QStringLiteral("--dpi"), QStringLiteral("100"), QStringLiteral("--size"), QStringLiteral("5x3"),
             QStringLiteral("--complexity"), QStringLiteral("ImageNet=0.65")});
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        QCOMPARE(QImage(QDir(out).filePath(QStringLiteral("saturation-imagenet.png"))).size(), QSize(500, 300));
        QCOMPARE(QImage(QDir(out).filePath(QStringLiteral("nofade-classification.png"))).size(), QSize(500, 300));
        QVERIFY(QSvgRenderer(QDir(out).filePath(QStringLiteral("saturation-imagenet.svg"))).isValid());
        // The overlay's legend of every dataset's series cannot fit 5 × 3 in: left out, and said.
        QVERIFY(!QFileInfo::exists(QDir(out).filePath(QStringLiteral("saturation-overlay.svg"))));
        QFile settingsFile(QDir(out).filePath(QStringLiteral("settings.json")));
        QVERIFY(settingsFile.open(QIODevice::ReadOnly));
        const QJsonObject settings = QJsonDocument::fromJson(settingsFile.readAll()).object();
        // --style reached the export (QApplication has a --style option of its own).
        QCOMPARE(settings.value(QStringLiteral("style")).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("publication"));
        QCOMPARE(settings.value(QStringLiteral("style")).toObject().value(QStringLiteral("font_family")).toString(), QStringLiteral("DejaVu Serif"));
        // Only ImageNet has a complexity: the other tasks' NoFADE figures are left out, and said so.
        QVERIFY(!QFile::exists(QDir(out).filePath(QStringLiteral("nofade-detection.png"))));
        QVERIFY(r.err.contains("left out"));

        const test::ProcessResult bad = test::runProcess(QStringLiteral(NOFADE_GUI),
            {QStringLiteral("--export-figures"), out, QStringLiteral("--dpi"), QStringLiteral("lots")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("--dpi lots"));
        const test::ProcessResult missing = test::runProcess(QStringLiteral(NOFADE_GUI),
            {QStringLiteral("--export-figures"), out, QStringLiteral("--report"), dir.filePath(QStringLiteral("nope.json"))});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains("nope.json"));
    }
};

QTEST_MAIN(TestModelCharts)
#include "test_model_charts.moc"
