// Figures for papers from the entropy tabs: legend clicks hide and show series, the export dialog
// (presets, remembered choices, default folder, labels), Ctrl+E on the histogram and heatmap tabs,
// the heatmap PDF's exact colours (no JPEG) and the histogram PDF's legend. PDFs are checked with
// poppler-utils (pdfimages, pdftotext, pdftoppm), independently of Qt.
#include <cmath>
#include <QAbstractButton>
#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineEdit>
#include <QProcess>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "chart_kit/chart_palette.h"
#include "chart_kit/figure_legend_layer.h"
#include "complexity/complexity_tab.h"
#include "chart_kit/zoomable_chart_view.h"
#include "dataset_state/dataset_controller.h"
#include "dataset_state/dataset_store.h"
#include "entropy_tabs/class_distance_tab.h"
#include "entropy_tabs/density_chart.h"
#include "entropy_tabs/entropy_histogram_tab.h"
#include "entropy_tabs/heatmap_figure.h"
#include "entropy_tabs/heatmap_widget.h"
#include "export/figure_builder.h"
#include "export/figure_export_command.h"
#include "export/figure_export_dialog.h"
#include "export/paper_export.h"
#include "export/tab_figure.h"
#include "models/bundled_data.h"
#include "models/co2_statement.h"
#include "models/hardware_table.h"
#include "models/model_table.h"
#include "models/report_builder.h"
#include "test_support.h"
#include "export/figure_renderer.h"
#include "export/figure_style.h"
#include "model_figures/model_chart.h"
#include "model_figures/model_chart_view.h"
#include "model_figures/saturation_tab.h"
#include "model_table/model_selection_store.h"
#include "model_table/model_store.h"
#include "session/session_controller.h"
#include "shell/app_settings.h"
#include "shell/main_window.h"
#include "ui_fixtures.h"

using namespace nofade;
using namespace nofade::ui;

namespace {
const FigureSize kSingleColumn{3.5, 2.6, 300};

QString run(const QString& program, const QStringList& args, bool* ok)
{
    QProcess p;
    p.start(program, args);
    *ok = p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    return QString::fromUtf8(p.readAllStandardOutput());
}

// Whether the PDF's text (pdftotext) has no elided label ("…", "...") and holds every name; else why.
bool pdfTextIsWhole(const QString& pdf, const QStringList& names, QString* why)
{
    bool ok = false;
    // NFKC: the font's ligatures ("ﬁ") read as their letters, as a PDF viewer's search does.
    const QString text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}, &ok).normalized(QString::NormalizationForm_KC);
    if (!ok)
        *why = QStringLiteral(": pdftotext failed");
    else if (text.contains(QStringLiteral("…")) || text.contains(QStringLiteral("...")))
        *why = QStringLiteral(": elided: ") + text;
    for (const QString& name : names)
        if (ok && why->isEmpty() && !text.contains(name))
            *why = QStringLiteral(" lacks ") + name + QStringLiteral(": ") + text;
    return why->isEmpty();
}

// The PDF's first page rendered by poppler at 300 dpi.
QImage renderPdf(const QString& pdf)
{
    bool ok = false;
    const QString prefix = pdf + QStringLiteral("-render");
    run(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("300"), QStringLiteral("-png"), QStringLiteral("-singlefile"), pdf, prefix}, &ok);
    return ok ? QImage(prefix + QStringLiteral(".png")).convertToFormat(QImage::Format_RGB32) : QImage();
}

bool near(QRgb a, QRgb b, int tolerance)
{
    return std::abs(qRed(a) - qRed(b)) <= tolerance && std::abs(qGreen(a) - qGreen(b)) <= tolerance
           && std::abs(qBlue(a) - qBlue(b)) <= tolerance;
}

// The legend entries shown, left to right in rows, in scene coordinates: where a user clicks. A
// chart on screen draws them in its wrapping layer; else they are Qt Charts' marker items (a
// swatch and a label).
QList<QRectF> legendEntries(QChart* chart)
{
    QList<QRectF> entries;
    if (const FigureLegendLayer* layer = FigureLegendLayer::of(chart)) {
        for (const FigureLegendLayer::Laid& e : layer->laidOut())
            entries << chart->mapRectToScene(e.box);
        return entries;
    }
    QList<QGraphicsItem*> todo = chart->legend()->childItems();
    while (!todo.isEmpty()) {
        QGraphicsItem* item = todo.takeFirst();
        if (item->type() >= QGraphicsItem::UserType && item->isVisible() && !item->sceneBoundingRect().isEmpty())
            entries << item->sceneBoundingRect();
        else
            todo += item->childItems();
    }
    std::sort(entries.begin(), entries.end(), [](const QRectF& a, const QRectF& b) {
        const QPointF p = a.center(), q = b.center();
        return std::abs(p.y() - q.y()) > 2.0 ? p.y() < q.y() : p.x() < q.x(); // rows, then left to right
    });
    return entries;
}

// How far a PDF rendered by poppler is from the PNG that Qt painted of the same figure. The two
// rasterisers differ in anti-aliasing, glyph hinting (a glyph edge a pixel off) and where a line
// lying on the plot's clip edge is cut (half a line width). So both images are averaged over 2 × 2
// pixels (150 dpi) and a pixel of one counts as missing from the other only when no pixel within 2
// (1/3 mm at print size) is within 64 of 255 in every colour channel. The figures differ in at most
// 0.2 % of their pixels that way; a missing legend, title, label or series line is 0.5 % and more.
struct RasterDifference {
    double missing = 1.0; // fraction of pixels, the larger of both directions
};

QImage halve(const QImage& image)
{
    const QImage a = image.convertToFormat(QImage::Format_RGB32);
    QImage out(a.width() / 2, a.height() / 2, QImage::Format_RGB32);
    for (int y = 0; y < out.height(); ++y) {
        const QRgb* r0 = reinterpret_cast<const QRgb*>(a.constScanLine(2 * y));
        const QRgb* r1 = reinterpret_cast<const QRgb*>(a.constScanLine(2 * y + 1));
        QRgb* o = reinterpret_cast<QRgb*>(out.scanLine(y));
        for (int x = 0; x < out.width(); ++x) {
            const QRgb p[4] = {r0[2 * x], r0[2 * x + 1], r1[2 * x], r1[2 * x + 1]};
            int c[3] = {0, 0, 0};
            for (QRgb q : p)
                c[0] += qRed(q), c[1] += qGreen(q), c[2] += qBlue(q);
            o[x] = qRgb(c[0] / 4, c[1] / 4, c[2] / 4);
        }
    }
    return out;
}

double missingFrom(const QImage& a, const QImage& b)
{
    constexpr int kRadius = 2, kTolerance = 64;
    long long missing = 0;
    for (int y = 0; y < a.height(); ++y) {
        const QRgb* ra = reinterpret_cast<const QRgb*>(a.constScanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            bool found = false;
            for (int dy = -kRadius; dy <= kRadius && !found; ++dy) {
                const int yy = std::clamp(y + dy, 0, b.height() - 1);
                const QRgb* rb = reinterpret_cast<const QRgb*>(b.constScanLine(yy));
                for (int dx = -kRadius; dx <= kRadius && !found; ++dx) {
                    const QRgb p = ra[x], q = rb[std::clamp(x + dx, 0, b.width() - 1)];
                    found = std::abs(qRed(p) - qRed(q)) <= kTolerance && std::abs(qGreen(p) - qGreen(q)) <= kTolerance
                            && std::abs(qBlue(p) - qBlue(q)) <= kTolerance;
                }
            }
            missing += !found;
        }
    }
    return double(missing) / double(std::max(1LL, qint64(a.width()) * a.height()));
}

RasterDifference compareRasters(const QImage& a, const QImage& b)
{
    RasterDifference d;
    if (a.size() != b.size() || a.isNull())
        return d;
    const QImage ha = halve(a), hb = halve(b);
    d.missing = std::max(missingFrom(ha, hb), missingFrom(hb, ha));
    return d;
}

bool sameButAntiAliasing(const RasterDifference& d) { return d.missing < 0.003; }

// Six models of the dataset "alpha": a saturation fit and a NoFADE score to draw.
QByteArray alphaModelsCsv()
{
    QByteArray csv = "model,task,dataset,score,compute,compute_unit,co2_kg,source\n";
    const double scores[] = {52, 64, 71, 75, 77, 78};
    for (int i = 0; i < 6; ++i)
        csv += QStringLiteral("Net-%1,classification,alpha,%2,%3,GFLOPs,%4,test\n").arg(i).arg(scores[i]).arg(i + 1).arg(std::pow(10.0, i)).toUtf8();
    return csv;
}

// The rows of a figure's CSV (no quoted cells in these), by the first cell.
QMultiHash<QString, QStringList> csvRows(const QByteArray& csv, QStringList* header)
{
    QMultiHash<QString, QStringList> rows;
    const QStringList lines = QString::fromUtf8(csv).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    *header = lines.value(0).split(QLatin1Char(','));
    for (int i = 1; i < lines.size(); ++i) {
        const QStringList cells = lines[i].split(QLatin1Char(','));
        rows.insert(cells.value(0), cells);
    }
    return rows;
}

FigureExportDialog* openDialog()
{
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* d = qobject_cast<FigureExportDialog*>(w); d && d->isVisible())
            return d;
    return nullptr;
}
} // namespace

class TestFigureExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        uitest::isolateSettings();
        QSettings().clear();
        QVERIFY(dir_.isValid());
        if (qEnvironmentVariableIsSet("NOFADE_KEEP_TEST_FILES")) { // to look at the figures
            dir_.setAutoRemove(false);
            qInfo("files in %s", qPrintable(dir_.path()));
        }
        QVERIFY(uitest::writeKnownDataset(dir_.filePath(QStringLiteral("alpha"))));
        QVERIFY(uitest::writeKnownDataset(dir_.filePath(QStringLiteral("beta"))));
        window_ = std::make_unique<MainWindow>();
        window_->resize(1200, 800);
        window_->show();
        auto* controller = uitest::part<DatasetController>(window_, "datasetController");
        auto* store = uitest::part<DatasetStore>(window_, "datasetStore");
        for (const char* name : {"alpha", "beta"}) {
            const int id = controller->addPath(dir_.filePath(QString::fromLatin1(name)));
            QVERIFY(id > 0);
            QTRY_COMPARE_WITH_TIMEOUT(int(store->find(id)->state), int(DatasetState::Scanned), 20000);
            ids_.push_back(id);
        }
    }

    void cleanupTestCase() { window_.reset(); }

    void legendClickHidesAndShowsACurve()
    {
        auto* tab = uitest::part<EntropyHistogramTab>(window_, "entropyHistogramTab");
        uitest::part<QTabWidget>(window_, "chartTabs")->setCurrentWidget(tab);
        QTRY_COMPARE(int(tab->chart()->curves().size()), 2);
        ZoomableChartView* view = tab->chartView();
        QTRY_VERIFY(view->isVisible());
        QTRY_COMPARE(legendEntries(tab->chart()).size(), 2); // alpha, beta (the mean markers have none)
        const QPoint pos = view->mapFromScene(legendEntries(tab->chart()).at(1).center());
        QVERIFY(tab->chart()->isCurveVisible(1));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, pos);
        QVERIFY(!tab->chart()->isCurveVisible(1));
        QVERIFY(tab->chart()->isCurveVisible(0));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, pos);
        QVERIFY(tab->chart()->isCurveVisible(1));
        QCOMPARE(legendEntries(tab->chart()).size(), 2); // the mean markers stay out of the legend
    }

    // The saturation chart: a legend entry hides every series of its group (filled and hollow
    // points), without touching the model selection that clicks in the plot make.
    void modelChartLegendClickHidesAGroup()
    {
        ModelStore ws;
        QVERIFY(uitest::waitForReport(&ws));
        ModelSelectionStore sel;
        QSignalSpy selectionChanged(&sel, &ModelSelectionStore::changed);
        SaturationTab sat(&ws, &sel);
        sat.setDatasets(ws.report().datasets[0].key);
        sat.resize(900, 650);
        sat.show();
        QVERIFY(QTest::qWaitForWindowExposed(&sat));
        ModelChartView* view = sat.views()[0];
        ModelChart* chart = view->modelChart();
        QList<QLegendMarker*> shown;
        for (QLegendMarker* m : chart->legend()->markers())
            if (m->isVisible())
                shown << m;
        QTRY_COMPARE(legendEntries(chart).size(), shown.size());
        QVERIFY(shown.size() >= 2);
        const QString group = shown[0]->series()->name();
        const QPoint pos = view->mapFromScene(legendEntries(chart).at(0).center());
        auto groupVisible = [&] {
            int visible = 0, all = 0;
            for (QAbstractSeries* s : chart->series())
                if (s->name() == group) {
                    ++all;
                    visible += s->isVisible();
                }
            return std::pair{visible, all};
        };
        QVERIFY(groupVisible().first == groupVisible().second);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, pos);
        QCOMPARE(groupVisible().first, 0);
        QVERIFY(shown[1]->series()->isVisible());
        QVERIFY(shown[0]->isVisible()); // stays in the legend to be clicked back
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, pos);
        QCOMPARE(groupVisible().first, groupVisible().second);
        QCOMPARE(legendEntries(chart).size(), shown.size()); // no second entry for the group
        QCOMPARE(selectionChanged.count(), 0);
    }

    void dialogLabelsPresetsAndDefaults()
    {
        QSettings().remove(QStringLiteral("figures"));
        AppSettings::setLastDirectory(dir_.filePath(QStringLiteral("alpha"))); // where datasets were opened
        FigureExportDialog dialog(FigureExportDialog::Mode::File, FigureStyle::screen());
        dialog.setPath(QStringLiteral("class-distances"));
        // The user's documents, never the dataset folder.
        QCOMPARE(QFileInfo(dialog.path()).absolutePath(),
                 QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).absolutePath());
        // A label with a mnemonic has a buddy (else the ampersand shows).
        for (QLabel* l : dialog.findChildren<QLabel*>())
            QVERIFY2(!l->text().contains(QLatin1Char('&')) || l->buddy(), qPrintable(l->text()));
        auto* preset = dialog.findChild<QComboBox*>(QStringLiteral("figurePreset"));
        QVERIFY(preset);
        const QList<FigureExportDialog::Preset> presets = FigureExportDialog::presets();
        QCOMPARE(presets.size(), 3);
        preset->setCurrentIndex(1);
        QCOMPARE(dialog.size().widthIn, 3.5);
        preset->setCurrentIndex(2);
        QCOMPARE(dialog.size().widthIn, 7.16);
        preset->setCurrentIndex(3);
        QVERIFY(std::abs(dialog.size().widthIn / dialog.size().heightIn - 16.0 / 9.0) < 0.001);
        preset->setCurrentIndex(1);
        auto* style = dialog.findChildren<QComboBox*>().at(0);
        for (QComboBox* c : dialog.findChildren<QComboBox*>())
            if (c->findData(QStringLiteral("publication")) >= 0)
                style = c;
        style->setCurrentIndex(style->findData(QStringLiteral("publication")));
        QDir(dir_.path()).mkpath(QStringLiteral("figures"));
        const QString file = dir_.filePath(QStringLiteral("figures/class-distances.pdf"));
        dialog.findChild<QLineEdit*>()->setText(file);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        // The next dialog remembers size, DPI, style and folder.
        FigureExportDialog next(FigureExportDialog::Mode::File, FigureStyle::screen());
        next.setPath(QStringLiteral("entropy-histograms"));
        QCOMPARE(QFileInfo(next.path()).absolutePath(), QFileInfo(file).absolutePath());
        QCOMPARE(next.size().widthIn, 3.5);
        QCOMPARE(next.size().heightIn, 2.6);
        QVERIFY(next.style().isPublication());
        QCOMPARE(next.findChild<QComboBox*>(QStringLiteral("figurePreset"))->currentIndex(), 1);
    }

    void ctrlEOpensTheDialogOnEveryEntropyTab()
    {
        QSettings().setValue(QStringLiteral("figures/folder"), dir_.path());
        // The Which measure predicts? tab draws alpha against its models.
        auto* models = uitest::part<ModelStore>(window_, "modelStore");
        const ModelTable before = models->table();
        models->setTable(ModelTable::fromCsv(alphaModelsCsv(), QStringLiteral("models.csv")));
        QVERIFY(uitest::waitForReport(models));
        for (const char* tabName : {"entropyHistogramTab", "classDistanceTab", "perClassTab", "imagesTab", "complexityTab",
                                    "measurePredictionTab"}) {
            auto* tab = uitest::part<QWidget>(window_, tabName);
            // Through the one figure path, not a screen grab.
            QTRY_VERIFY2(tabFigure(tab, *uitest::part<DatasetStore>(window_, "datasetStore"), kSingleColumn).has_value(), tabName);
            uitest::part<QTabWidget>(window_, "chartTabs")->setCurrentWidget(tab);
            const QString file = dir_.filePath(QStringLiteral("%1.png").arg(QString::fromLatin1(tabName)));
            bool seen = false;
            QTimer::singleShot(200, this, [&] {
                FigureExportDialog* d = openDialog();
                seen = d != nullptr;
                if (!d)
                    return;
                d->findChild<QLineEdit*>()->setText(file);
                d->findChild<QComboBox*>(QStringLiteral("figurePreset"))->setCurrentIndex(1);
                d->accept();
            });
            QAction* exportAction = nullptr;
            for (QAction* a : window_->findChildren<QAction*>())
                if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_E))
                    exportAction = a;
            QVERIFY(exportAction);
            exportAction->trigger(); // Ctrl+E
            QTRY_VERIFY(seen);
            QTRY_VERIFY(QFileInfo::exists(file));
            const QImage png(file);
            QCOMPARE(png.size(), QSize(1050, 780)); // 3.5 × 2.6 in at 300 dpi
            // With its plotted data beside it.
            QVERIFY(QFileInfo::exists(QFileInfo(file).absoluteDir().filePath(QFileInfo(file).completeBaseName() + QStringLiteral(".csv"))));
        }
        // The Complexity tab's per-image page: no dataset here has SI or bpp, so nothing to draw.
        auto* complexity = uitest::part<ComplexityTab>(window_, "complexityTab");
        complexity->views()->setCurrentIndex(1);
        QVERIFY(!tabFigure(complexity, *uitest::part<DatasetStore>(window_, "datasetStore"), kSingleColumn));
        complexity->views()->setCurrentIndex(0);
        models->setTable(before);
        QVERIFY(uitest::waitForReport(models));
    }

    void heatmapPdfHasTheColourBarsColours()
    {
        auto* tab = uitest::part<ClassDistanceTab>(window_, "classDistanceTab");
        uitest::part<QTabWidget>(window_, "chartTabs")->setCurrentWidget(tab);
        tab->setDataset(ids_[0]);
        tab->setScale(ClassDistanceTab::Scale::Fixed);
        QTRY_COMPARE(tab->heatmap()->matrix().n, 3);
        const FigureStyle style = FigureStyle::publication();
        const QString pdf = dir_.filePath(QStringLiteral("heatmap.pdf"));
        const QString png = dir_.filePath(QStringLiteral("heatmap.png"));
        QString error;
        QVERIFY2(tab->exportFigure(pdf, kSingleColumn, style, &error), qPrintable(error));
        QVERIFY2(tab->exportFigure(png, kSingleColumn, style, &error), qPrintable(error));
        bool ok = false;
        const QString images = run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf}, &ok);
        QVERIFY(ok);
        QVERIFY2(!images.contains(QStringLiteral("jpeg")) && !images.contains(QStringLiteral("dct")), qPrintable(images));
        const QString text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}, &ok);
        QVERIFY(ok);
        QVERIFY2(!text.contains(QStringLiteral("Hover")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("scale 0–1")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("…")));

        // The diagonal (distance 0) is viridis at 0, #440154, in the PDF as rendered by poppler.
        const QImage page = renderPdf(pdf);
        QCOMPARE(page.size(), QSize(1050, 780));
        const HeatmapFigure figure = tab->figure(style);
        const QRectF canvas(0, 0, 3.5 * 96, 2.6 * 96);
        const QRectF map = figure.mapRect(canvas);
        QVERIFY(map.width() > 50);
        const double cell = map.width() / 3, k = 300.0 / 96.0;
        const QImage shown(png);
        for (int i = 0; i < 3; ++i) {
            const QPoint centre(int((map.left() + (i + 0.5) * cell) * k), int((map.top() + (i + 0.5) * cell) * k));
            QVERIFY2(near(page.pixel(centre), qRgb(0x44, 0x01, 0x54), 1), qPrintable(QColor(page.pixel(centre)).name()));
            QVERIFY2(near(shown.pixel(centre), qRgb(0x44, 0x01, 0x54), 0), qPrintable(QColor(shown.pixel(centre)).name()));
        }
        // low × high, distance 1, the top of the fixed scale: viridis at 1, #fde725.
        const auto at = [&](int index) { return int(std::find(figure.order.begin(), figure.order.end(), index) - figure.order.begin()); };
        QCOMPARE(figure.matrix.at(0, 1), 1.0f); // classes high, low, mid
        const QPoint far(int((map.left() + (at(0) + 0.5) * cell) * k), int((map.top() + (at(1) + 0.5) * cell) * k));
        QVERIFY2(near(page.pixel(far), qRgb(0xfd, 0xe7, 0x25), 1), qPrintable(QColor(page.pixel(far)).name()));
        // The colour bar's lowest step is the diagonal's colour.
        const QRectF bar = figure.barRect(canvas);
        const QPoint bottom(int(bar.center().x() * k), int((bar.bottom() - bar.height() / 512.0) * k));
        QVERIFY2(near(page.pixel(bottom), qRgb(0x44, 0x01, 0x54), 1), qPrintable(QStringLiteral("%1 at %2,%3").arg(QColor(page.pixel(bottom)).name()).arg(bottom.x()).arg(bottom.y())));

        // Every scale is named in full beside the bar (no "…").
        for (auto [scale, name] : {std::pair{ClassDistanceTab::Scale::DatasetMax, "dataset"},
                                   std::pair{ClassDistanceTab::Scale::Shared, "shared"}}) {
            tab->setScale(scale);
            QTRY_VERIFY(tab->figure(style).scaleTitle.contains(QLatin1String(name)));
            QVERIFY2(tab->exportFigure(pdf, kSingleColumn, style, &error), qPrintable(error));
            const QString named = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}, &ok);
            QVERIFY2(named.contains(QLatin1String(name)) && !named.contains(QStringLiteral("…")), qPrintable(named));
        }
    }

    void histogramPdfKeepsItsLegend()
    {
        auto* tab = uitest::part<EntropyHistogramTab>(window_, "entropyHistogramTab");
        QTRY_COMPARE(int(tab->chart()->curves().size()), 2);
        const FigureStyle style = FigureStyle::publication();
        const std::unique_ptr<DensityChart> chart = tab->figureChart(style);
        const QString pdf = dir_.filePath(QStringLiteral("histogram.pdf"));
        const QString png = dir_.filePath(QStringLiteral("histogram.png"));
        QString error;
        QVERIFY2(FigureRenderer::write({chart.get()}, kSingleColumn, pdf, &error), qPrintable(error));
        QVERIFY2(FigureRenderer::write({chart.get()}, kSingleColumn, png, &error), qPrintable(error));
        bool ok = false;
        const QString text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}, &ok);
        QVERIFY(ok);
        for (const char* name : {"alpha", "beta"})
            QVERIFY2(text.contains(QString::fromLatin1(name)), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("…")));

        // The legend area of the rendered PDF looks like the PNG's, swatches included.
        const QImage page = renderPdf(pdf);
        const QImage shown = QImage(png).convertToFormat(QImage::Format_RGB32);
        QCOMPARE(page.size(), shown.size());
        const double k = 300.0 / 96.0;
        const QRect legend = QRectF(chart->legend()->geometry().topLeft() * k, chart->legend()->geometry().bottomRight() * k)
                                 .toAlignedRect()
                                 .intersected(shown.rect());
        QVERIFY(legend.width() > 100 && legend.height() > 10);
        double diff = 0.0;
        int darkPdf = 0;
        int darkPng = 0;
        for (int y = legend.top(); y <= legend.bottom(); ++y)
            for (int x = legend.left(); x <= legend.right(); ++x) {
                const QRgb a = page.pixel(x, y), b = shown.pixel(x, y);
                diff += std::abs(qGray(a) - qGray(b));
                darkPdf += qGray(a) < 128;
                darkPng += qGray(b) < 128;
            }
        diff /= double(legend.width()) * legend.height();
        QVERIFY2(diff < 6.0, qPrintable(QString::number(diff)));
        QVERIFY2(std::abs(darkPdf - darkPng) < 0.15 * darkPng, qPrintable(QStringLiteral("%1 vs %2").arg(darkPdf).arg(darkPng)));
        // Each dataset's swatch: its colour as the legend draws it, in both.
        for (int i = 0; i < 2; ++i) {
            const QColor c = tab->chart()->curves()[std::size_t(i)].colour;
            int inPdf = 0;
            int inPng = 0;
            for (int y = legend.top(); y <= legend.bottom(); ++y)
                for (int x = legend.left(); x <= legend.right(); ++x) {
                    inPdf += near(page.pixel(x, y), c.rgb(), 40);
                    inPng += near(shown.pixel(x, y), c.rgb(), 40);
                }
            QVERIFY2(inPng > 20, qPrintable(QStringLiteral("dataset %1: %2 px in the PNG").arg(i).arg(inPng)));
            QVERIFY2(inPdf > inPng / 2, qPrintable(QStringLiteral("dataset %1: %2 px in the PDF, %3 in the PNG").arg(i).arg(inPdf).arg(inPng)));
        }
    }

    // Export view at screen size (the tabs without a figure export) goes through the same fix.
    void screenExportPdfKeepsItsLegend()
    {
        auto* tab = uitest::part<EntropyHistogramTab>(window_, "entropyHistogramTab");
        uitest::part<QTabWidget>(window_, "chartTabs")->setCurrentWidget(tab);
        QString error;
        const QString pdf = dir_.filePath(QStringLiteral("screen.pdf"));
        const QString png = dir_.filePath(QStringLiteral("screen.png"));
        QVERIFY2(window_->exportCurrentView(pdf, &error), qPrintable(error));
        QVERIFY2(window_->exportCurrentView(png, &error), qPrintable(error));
        bool ok = false;
        const QString text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}, &ok);
        QVERIFY(ok && text.contains(QStringLiteral("alpha")) && text.contains(QStringLiteral("beta")));
        QProcess::execute(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("200"), QStringLiteral("-png"),
                                                       QStringLiteral("-singlefile"), pdf, pdf + QStringLiteral("-200")});
        const QImage page = QImage(pdf + QStringLiteral("-200.png")).convertToFormat(QImage::Format_RGB32);
        const QImage shown = QImage(png).convertToFormat(QImage::Format_RGB32);
        QVERIFY(!page.isNull() && qAbs(page.width() - shown.width()) <= 2);
        // alpha's curve lies under beta's (the same data): its colour shows only in its legend swatch.
        const QColor c = tab->chart()->curves()[0].colour;
        int inPdf = 0;
        int inPng = 0;
        for (int y = 0; y < std::min(page.height(), shown.height()); ++y)
            for (int x = 0; x < std::min(page.width(), shown.width()); ++x) {
                inPdf += near(page.pixel(x, y), c.rgb(), 40);
                inPng += near(shown.pixel(x, y), c.rgb(), 40);
            }
        QVERIFY2(inPng > 20 && inPdf > inPng / 2, qPrintable(QStringLiteral("%1 px in the PDF, %2 in the PNG").arg(inPdf).arg(inPng)));
    }

    // Every chart kind, headless at 3.5 × 2.6 in, 300 dpi, publication style: exact PNG and PDF
    // sizes, no JPEG, every name in the PDF's text and no ellipsis, and the PDF as poppler renders
    // it equal to the PNG but for anti-aliasing.
    void headlessExportOfEveryKindAtColumnSize()
    {
        const QString out = dir_.filePath(QStringLiteral("headless"));
        const QString models = dir_.filePath(QStringLiteral("models.csv"));
        {
            QFile f(models);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray csv = "model,task,dataset,score,compute,compute_unit,co2_kg,source\n";
            const double scores[] = {52, 64, 71, 75, 77, 78};
            for (int i = 0; i < 6; ++i)
                csv += QStringLiteral("Net-%1,classification,alpha,%2,%3,GFLOPs,%4,test\n").arg(i).arg(scores[i]).arg(i + 1).arg(std::pow(10.0, i)).toUtf8();
            f.write(csv);
        }
        QCommandLineParser parser;
        FigureExportCommand::addOptions(&parser);
        const QStringList args{QStringLiteral("nofade"), QStringLiteral("--export-figures"), out,
                               dir_.filePath(QStringLiteral("alpha")), dir_.filePath(QStringLiteral("beta")),
                               QStringLiteral("--figures"), QStringLiteral("all"), QStringLiteral("--size"), QStringLiteral("3.5x2.6"),
                               QStringLiteral("--dpi"), QStringLiteral("300"), QStringLiteral("--style"), QStringLiteral("publication"),
                               QStringLiteral("--models"), models, QStringLiteral("--complexity"), QStringLiteral("alpha=0.881374"),
                               QStringLiteral("--measures"), QStringLiteral("entropy,si,bpp,f1")};
        QVERIFY2(parser.parse(args), qPrintable(parser.errorText()));
        QCOMPARE(FigureExportCommand::run(parser), 0);

        QFile settingsFile(QDir(out).filePath(QStringLiteral("settings.json")));
        QVERIFY(settingsFile.open(QIODevice::ReadOnly));
        const QJsonArray figures = QJsonDocument::fromJson(settingsFile.readAll()).object().value(QStringLiteral("figures")).toArray();
        QSet<QString> kinds;
        QStringList bases;
        for (const QJsonValue& v : figures) {
            kinds << v.toObject().value(QStringLiteral("kind")).toString();
            bases << QFileInfo(v.toObject().value(QStringLiteral("files")).toArray().first().toString()).completeBaseName();
        }
        for (const QString& k : kindNames())
            QVERIFY2(kinds.contains(k), qPrintable(k));
        // The names each figure must show, known from the fixture (two datasets of classes low, mid, high).
        const QStringList classes{QStringLiteral("low"), QStringLiteral("mid"), QStringLiteral("high")};
        QHash<QString, QStringList> names;
        names[QStringLiteral("histograms")] = {QStringLiteral("alpha"), QStringLiteral("beta")};
        for (const QString& ds : {QStringLiteral("alpha"), QStringLiteral("beta")})
            for (const QString& kind : {QStringLiteral("per-class"), QStringLiteral("per-class-overlay"), QStringLiteral("class-distances"),
                                        QStringLiteral("images")})
                names[kind + QLatin1Char('-') + ds] = QStringList{ds} + classes;
        names[QStringLiteral("saturation-alpha")] = {QStringLiteral("alpha"), QStringLiteral("Pareto front")};
        names[QStringLiteral("nofade-classification")] = {QStringLiteral("Classification"), QStringLiteral("NoFADE")};
        names[QStringLiteral("complexity-measures")] = {QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("C_H"),
                                                       QStringLiteral("SI"), QStringLiteral("bpp"), QStringLiteral("F1"),
                                                       QStringLiteral("C_JS"), QStringLiteral("3.5")}; // C_H at its axis's ends
        names[QStringLiteral("measure-histograms-si")] = {QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("SI")};
        names[QStringLiteral("measure-histograms-bpp")] = {QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("bits per pixel")};
        // Only alpha has models: one point, no rank correlation, and the figure says why.
        names[QStringLiteral("measure-prediction-c-h-best-score")] = {QStringLiteral("alpha"), QStringLiteral("C_H"),
                                                                     QStringLiteral("best score"), QStringLiteral("no ρ")};
        for (auto it = names.cbegin(); it != names.cend(); ++it)
            QVERIFY2(bases.contains(it.key()), qPrintable(it.key() + QStringLiteral(" not in ") + bases.join(QLatin1Char(' '))));

        QElapsedTimer clock;
        clock.start();
        for (const QString& base : std::as_const(bases)) {
            const QString stem = QDir(out).filePath(base);
            const QImage png = QImage(stem + QStringLiteral(".png")).convertToFormat(QImage::Format_RGB32);
            QCOMPARE(png.size(), QSize(1050, 780));
            QVERIFY(QFileInfo(stem + QStringLiteral(".svg")).size() > 0);
            QVERIFY(QFileInfo(stem + QStringLiteral(".csv")).size() > 0);
            bool ok = false;
            const QString info = run(QStringLiteral("pdfinfo"), {stem + QStringLiteral(".pdf")}, &ok);
            QVERIFY(ok);
            QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Page size:\\s+252(\\.0+)? x 187\\.2"))), qPrintable(base + info));
            const QString images = run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), stem + QStringLiteral(".pdf")}, &ok);
            QVERIFY(ok && !images.contains(QStringLiteral("jpeg")) && !images.contains(QStringLiteral("jpx")));
            QString why;
            QVERIFY2(pdfTextIsWhole(stem + QStringLiteral(".pdf"), names.value(base), &why), qPrintable(base + why));
            if (base.endsWith(QLatin1String("-beta")) || (base.startsWith(QLatin1String("measure-prediction-")) && base != QLatin1String("measure-prediction-c-h-best-score")))
                continue; // the same kinds as alpha's: rasterised once per kind (CI time)
            const RasterDifference d = compareRasters(renderPdf(stem + QStringLiteral(".pdf")), png);
            QVERIFY2(sameButAntiAliasing(d), qPrintable(QStringLiteral("%1: %2 % of the pixels differ").arg(base).arg(100.0 * d.missing)));
        }

        qInfo("checked %d figures in %lld ms", int(bases.size()), clock.elapsed());
        // Datasets without a profile draw no entropy figure, and say why.
        FigureInputs inputs;
        inputs.datasets.push_back(FigureDataset{QStringLiteral("unscanned"), Qt::red, nullptr, nullptr, {}});
        QStringList skipped;
        QVERIFY(figureSpecs(inputs, {QStringLiteral("histograms"), QStringLiteral("images")}, kSingleColumn, &skipped).empty());
        QVERIFY2(skipped.join(QLatin1Char(' ')).contains(QStringLiteral("unscanned")), qPrintable(skipped.join(QLatin1Char(' '))));

        // The comparison fails on a real difference: the same histogram figure, its PNG without the
        // legend (only the legend: the plot keeps its place).
        auto* store = uitest::part<DatasetStore>(window_, "datasetStore");
        const FigureInputs fromStore = storeInputs(*store);
        FigureSpec spec;
        spec.kind = FigureSpec::Kind::Histograms;
        const BuiltFigure figure = buildFigure(spec, fromStore, FigureStyle::publication());
        const QString pdf = dir_.filePath(QStringLiteral("control.pdf"));
        const QString png = dir_.filePath(QStringLiteral("control.png"));
        QString error;
        QVERIFY2(figure.write(kSingleColumn, pdf, &error), qPrintable(error));
        QVERIFY2(figure.write(kSingleColumn, png, &error), qPrintable(error));
        const QImage page = renderPdf(pdf);
        QVERIFY(sameButAntiAliasing(compareRasters(page, QImage(png))));
        FigureLegendLayer* legend = nullptr;
        for (QGraphicsItem* item : figure.charts.front()->childItems())
            if (auto* layer = dynamic_cast<FigureLegendLayer*>(item))
                legend = layer;
        QVERIFY(legend);
        QCOMPARE(legend->labels(), (QStringList{QStringLiteral("alpha"), QStringLiteral("beta")}));
        legend->setVisible(false);
        QVERIFY2(figure.write(kSingleColumn, png, &error), qPrintable(error));
        const RasterDifference missing = compareRasters(page, QImage(png));
        QVERIFY2(!sameButAntiAliasing(missing), qPrintable(QStringLiteral("%1 %").arg(100.0 * missing.missing)));
    }

    // The complexity figures of four profiles whose measures are set by hand: each CSV holds the
    // numbers worked out by hand below, and at double-column width (7.16 in) each PDF names every
    // dataset and measure, elides nothing and renders as its PNG.
    void complexityFiguresFromHandValues()
    {
        const auto dataset = [](const QString& name, int colour, double entropy, std::optional<double> si,
                                std::optional<Interval> siInterval, std::vector<double> perImageSi) {
            std::shared_ptr<Profile> profile = uitest::makeClassProfile(2, 4);
            ProfileMeasures m;
            m.settings.names = {QStringLiteral("entropy"), QStringLiteral("si")};
            MeasureValue h;
            h.name = QStringLiteral("entropy");
            h.value = entropy;
            h.sample = 8;
            MeasureValue s;
            s.name = QStringLiteral("si");
            s.value = si;
            s.interval = siInterval;
            s.sample = 8;
            m.values = {h, s};
            for (std::size_t i = 0; i < perImageSi.size(); ++i)
                m.perImage.push_back(ImageMeasureValues{std::int64_t(i), perImageSi[i], NAN});
            profile->measures = m;
            auto jsd = std::make_shared<JsdSummary>();
            jsd->complexity = 0.3;
            return FigureDataset{name, ChartPalette::colour(colour), profile, jsd, {}};
        };
        FigureInputs inputs;
        inputs.datasets.push_back(dataset(QStringLiteral("Aset"), 0, 2.0, 1.0, Interval{0.5, 1.5}, {0.0, 1.0, 2.0, 3.0}));
        inputs.datasets.push_back(dataset(QStringLiteral("Bset"), 1, 4.0, 3.0, std::nullopt, {3.0}));
        inputs.datasets.push_back(dataset(QStringLiteral("Cset"), 2, 6.0, std::nullopt, std::nullopt, {}));
        inputs.datasets.push_back(dataset(QStringLiteral("Dset"), 3, 8.0, std::nullopt, std::nullopt, {}));
        // Best scores Aset 70, Bset 60, Cset 80, Dset 50.
        QByteArray csv = "model,task,dataset,score,compute,compute_unit,co2_kg,source\n";
        const std::pair<const char*, double> best[] = {{"Aset", 70}, {"Bset", 60}, {"Cset", 80}, {"Dset", 50}};
        for (const auto& [name, score] : best)
            for (int i = 0; i < 2; ++i)
                csv += QStringLiteral("%1-net-%2,classification,%1,%3,%4,GFLOPs,%5,test\n")
                           .arg(QString::fromLatin1(name)).arg(i).arg(score - 10 * (1 - i)).arg(10 * (i + 1)).arg(i + 1).toUtf8();
        QStringList errors;
        const HardwareTable hardware = HardwareTable::fromCsv(bundledHardwareCsv(), QStringLiteral("hardware.csv"), &errors);
        inputs.report = std::make_shared<const Report>(buildReport(ModelTable::fromCsv(csv, QStringLiteral("models.csv")), hardware, {}, ReportSettings{}));

        const FigureSize wide{7.16, 3.0, 300};
        QStringList skipped;
        const std::vector<FigureSpec> specs = figureSpecs(inputs, {QStringLiteral("complexity-measures"), QStringLiteral("measure-histograms"),
                                                                   QStringLiteral("measure-prediction")}, wide, &skipped);
        QHash<QString, FigureSpec> byName;
        for (const FigureSpec& spec : specs)
            byName.insert(spec.baseName, spec);
        for (const char* base : {"complexity-measures", "measure-histograms-si", "measure-prediction-c-h-best-score",
                                 "measure-prediction-si-best-score", "measure-prediction-c-js-best-score"})
            QVERIFY2(byName.contains(QString::fromLatin1(base)), base);
        QVERIFY(!byName.contains(QStringLiteral("measure-histograms-bpp")));
        QVERIFY2(skipped.join(QLatin1Char(' ')).contains(QStringLiteral("bpp per image")), qPrintable(skipped.join(QLatin1Char(' '))));

        const FigureStyle style = FigureStyle::publication();
        QStringList header;
        // Parallel coordinates: C_H spans 2..8, so 0, 1/3, 2/3, 1; SI spans Aset's interval low 0.5 to
        // Bset's 3, so Aset (1 - 0.5) / 2.5 = 0.2 and Bset 1; C_JS is 0.3 everywhere: the middle, 0.5.
        const BuiltFigure parallel = buildFigure(byName.value(QStringLiteral("complexity-measures")), inputs, style);
        auto rows = csvRows(parallel.csv, &header);
        QCOMPARE(header, (QStringList{QStringLiteral("dataset"), QStringLiteral("measure"), QStringLiteral("value"), QStringLiteral("interval_low"),
                                      QStringLiteral("interval_high"), QStringLiteral("sample"), QStringLiteral("axis_low"),
                                      QStringLiteral("axis_high"), QStringLiteral("normalised")}));
        QCOMPARE(rows.size(), 12); // 4 datasets × the 3 measures some dataset has
        const auto cell = [&rows](const QString& ds, const QString& measure, int column) {
            for (const QStringList& r : rows.values(ds))
                if (r.value(1) == measure)
                    return r.value(column);
            return QStringLiteral("(no row)");
        };
        const QHash<QString, double> chNormalised{{QStringLiteral("Aset"), 0.0}, {QStringLiteral("Bset"), 1.0 / 3.0},
                                                  {QStringLiteral("Cset"), 2.0 / 3.0}, {QStringLiteral("Dset"), 1.0}};
        for (auto it = chNormalised.cbegin(); it != chNormalised.cend(); ++it) {
            QVERIFY(std::abs(cell(it.key(), QStringLiteral("C_H"), 8).toDouble() - it.value()) < 1e-12);
            QCOMPARE(cell(it.key(), QStringLiteral("C_H"), 6).toDouble(), 2.0);
            QCOMPARE(cell(it.key(), QStringLiteral("C_H"), 7).toDouble(), 8.0);
            QCOMPARE(cell(it.key(), QStringLiteral("C_JS"), 8).toDouble(), 0.5);
        }
        QVERIFY(std::abs(cell(QStringLiteral("Aset"), QStringLiteral("SI"), 8).toDouble() - 0.2) < 1e-12);
        QCOMPARE(cell(QStringLiteral("Aset"), QStringLiteral("SI"), 3).toDouble(), 0.5);
        QCOMPARE(cell(QStringLiteral("Aset"), QStringLiteral("SI"), 4).toDouble(), 1.5);
        QCOMPARE(cell(QStringLiteral("Bset"), QStringLiteral("SI"), 8).toDouble(), 1.0);
        QCOMPARE(cell(QStringLiteral("Cset"), QStringLiteral("SI"), 2), QString()); // no SI: an empty cell, no point

        // SI per image: 40 bins over [0, 3], width 0.075. Aset's 0, 1, 2, 3 fall in bins 0, 13
        // (1 / 0.075 = 13.3), 26 (26.7) and 39 (the top edge), each 1 / (4 × 0.075) = 10/3 per unit;
        // Bset's one 3 in bin 39 at 1 / 0.075 = 40/3.
        const BuiltFigure hist = buildFigure(byName.value(QStringLiteral("measure-histograms-si")), inputs, style);
        rows = csvRows(hist.csv, &header);
        QCOMPARE(header, (QStringList{QStringLiteral("series"), QStringLiteral("measure"), QStringLiteral("bin_lower"), QStringLiteral("bin_upper"),
                                      QStringLiteral("images"), QStringLiteral("density")}));
        QCOMPARE(rows.count(QStringLiteral("Aset")), 40);
        QCOMPARE(rows.count(QStringLiteral("Bset")), 40);
        for (const QStringList& r : rows.values(QStringLiteral("Aset"))) {
            const double lower = r.value(2).toDouble();
            const int bin = int(std::lround(lower / 0.075));
            QVERIFY(std::abs(r.value(3).toDouble() - lower - 0.075) < 1e-12);
            const bool filled = bin == 0 || bin == 13 || bin == 26 || bin == 39;
            QCOMPARE(r.value(4).toInt(), filled ? 1 : 0);
            QVERIFY(std::abs(r.value(5).toDouble() - (filled ? 10.0 / 3.0 : 0.0)) < 1e-9);
        }
        for (const QStringList& r : rows.values(QStringLiteral("Bset"))) {
            const bool top = std::lround(r.value(2).toDouble() / 0.075) == 39;
            QCOMPARE(r.value(4).toInt(), top ? 1 : 0);
            QVERIFY(std::abs(r.value(5).toDouble() - (top ? 40.0 / 3.0 : 0.0)) < 1e-9);
        }

        // C_H 2, 4, 6, 8 ranks 1 2 3 4; best scores 70, 60, 80, 50 rank 3 2 4 1; d = -2 0 -1 3,
        // sum d² = 14, rho = 1 - 6 × 14 / (4 × 15) = -0.4.
        const BuiltFigure scatter = buildFigure(byName.value(QStringLiteral("measure-prediction-c-h-best-score")), inputs, style);
        rows = csvRows(scatter.csv, &header);
        QCOMPARE(header, (QStringList{QStringLiteral("dataset"), QStringLiteral("measure"), QStringLiteral("measure_value"), QStringLiteral("outcome"),
                                      QStringLiteral("outcome_value"), QStringLiteral("spearman_rho"), QStringLiteral("n")}));
        QCOMPARE(rows.size(), 4);
        for (const auto& [name, score] : best) {
            const QStringList r = rows.value(QString::fromLatin1(name));
            QCOMPARE(r.value(4).toDouble(), score);
            QVERIFY2(std::abs(r.value(5).toDouble() + 0.4) < 1e-12, qPrintable(r.join(QLatin1Char(','))));
            QCOMPARE(r.value(6), QStringLiteral("4"));
        }
        QCOMPARE(rows.value(QStringLiteral("Cset")).value(2).toDouble(), 6.0);

        // Printed at double-column width: every name, nothing elided, the PDF as the PNG.
        const QHash<QString, QStringList> names{
            {QStringLiteral("complexity-measures"), {QStringLiteral("Aset"), QStringLiteral("Bset"), QStringLiteral("Cset"), QStringLiteral("Dset"),
                                                     QStringLiteral("C_H"), QStringLiteral("SI"), QStringLiteral("C_JS"), QStringLiteral("0.5")}},
            {QStringLiteral("measure-histograms-si"), {QStringLiteral("Aset"), QStringLiteral("Bset"), QStringLiteral("SI")}},
            {QStringLiteral("measure-prediction-c-h-best-score"), {QStringLiteral("Aset"), QStringLiteral("Dset"), QStringLiteral("ρ = -0.40"),
                                                                   QStringLiteral("best score")}}};
        const std::pair<QString, const BuiltFigure*> figures[] = {{QStringLiteral("complexity-measures"), &parallel},
                                                                  {QStringLiteral("measure-histograms-si"), &hist},
                                                                  {QStringLiteral("measure-prediction-c-h-best-score"), &scatter}};
        for (const auto& [base, figure] : figures) {
            QVERIFY(legendFits(*figure, wide));
            const QString stem = dir_.filePath(QStringLiteral("wide-") + base);
            QString error;
            for (const char* ext : {".pdf", ".png", ".svg"})
                QVERIFY2(figure->write(wide, stem + QString::fromLatin1(ext), &error), qPrintable(error));
            QCOMPARE(QImage(stem + QStringLiteral(".png")).size(), QSize(2148, 900));
            QString why;
            QVERIFY2(pdfTextIsWhole(stem + QStringLiteral(".pdf"), names.value(base), &why), qPrintable(base + why));
            const RasterDifference d = compareRasters(renderPdf(stem + QStringLiteral(".pdf")), QImage(stem + QStringLiteral(".png")).convertToFormat(QImage::Format_RGB32));
            QVERIFY2(sameButAntiAliasing(d), qPrintable(QStringLiteral("%1: %2 % of the pixels differ").arg(base).arg(100.0 * d.missing)));
        }
    }

    // Export for paper: the figures of every kind with their data, the CO2 paragraph of the
    // selected models and its BibTeX (which a strict reader parses), and the settings that made them.
    void exportForPaperWritesOneFolder()
    {
        const QByteArray csv = alphaModelsCsv();
        QStringList errors;
        const HardwareTable hardware = HardwareTable::fromCsv(bundledHardwareCsv(), QStringLiteral("hardware.csv"), &errors);
        const Report report = buildReport(ModelTable::fromCsv(csv, QStringLiteral("models.csv")), hardware, {}, ReportSettings{});
        auto* store = uitest::part<DatasetStore>(window_, "datasetStore");
        FigureInputs inputs = storeInputs(*store);
        QCOMPARE(int(inputs.datasets.size()), 2);
        inputs.report = std::make_shared<const Report>(report);
        PaperExport job;
        job.figures.style = FigureStyle::publication();
        job.figures.size = FigureSize{3.5, 2.6, 60};
        job.figures.formats = {QStringLiteral("pdf")};
        job.statementModels = {QStringLiteral("Net-2"), QStringLiteral("Net-5")};
        job.sessionFile = QStringLiteral("/somewhere/paper.nofade");
        auto* session = uitest::part<SessionController>(window_, "sessionController");
        job.session = session->capture();
        const QString out = dir_.filePath(QStringLiteral("paper"));
        QString error;
        QVERIFY2(job.run(inputs, out, &error), qPrintable(error));
        const QDir dir(out);
        for (const char* f : {"histograms.pdf", "histograms.csv", "per-class-alpha.pdf", "class-distances-beta.pdf", "images-alpha.csv",
                              "saturation-alpha.pdf", "co2-statement.tex", "co2-statement.bib", "report.json", "settings.json"})
            QVERIFY2(dir.exists(QString::fromLatin1(f)), f);
        QFile tex(dir.filePath(QStringLiteral("co2-statement.tex")));
        QVERIFY(tex.open(QIODevice::ReadOnly));
        const QString texText = QString::fromUtf8(tex.readAll());
        QVERIFY(texText.contains(QStringLiteral("Net-2")) && texText.contains(QStringLiteral("Net-5")) && !texText.contains(QStringLiteral("Net-3")));
        const QJsonObject bib = nofade::test::runReference("bibtex_check.py", {dir.filePath(QStringLiteral("co2-statement.bib"))}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QFile settingsFile(dir.filePath(QStringLiteral("settings.json")));
        QVERIFY(settingsFile.open(QIODevice::ReadOnly));
        const QJsonObject settings = QJsonDocument::fromJson(settingsFile.readAll()).object();
        const QJsonObject statement = settings.value(QStringLiteral("statement")).toObject();
        QCOMPARE(statement.value(QStringLiteral("models")).toArray().size(), 2);
        QCOMPARE(statement.value(QStringLiteral("cite_keys")).toArray().size(),
                 bib.value(dir.filePath(QStringLiteral("co2-statement.bib"))).toObject().value(QStringLiteral("keys")).toArray().size());
        QCOMPARE(settings.value(QStringLiteral("session_file")).toString(), job.sessionFile);
        QCOMPARE(settings.value(QStringLiteral("datasets")).toArray().size(), 2);
        // The session copy beside it reopens as the session the folder came from.
        QCOMPARE(settings.value(QStringLiteral("session_copy")).toString(), QStringLiteral("session.nofade-session"));
        const std::optional<SessionData> copy = readSessionFile(dir.filePath(QStringLiteral("session.nofade-session")), &error);
        QVERIFY2(copy, qPrintable(error));
        QCOMPARE(copy->datasets.size(), job.session->datasets.size());
        QCOMPARE(copy->modelsCsv, job.session->modelsCsv);

        // A model that is not in the table stops the export before any file is written.
        PaperExport wrong;
        wrong.statementModels = {QStringLiteral("No-such-net")};
        QVERIFY(!wrong.run(inputs, dir_.filePath(QStringLiteral("paper-wrong")), &error));
        QVERIFY2(error.contains(QStringLiteral("No-such-net")), qPrintable(error));
        QVERIFY(!QDir(dir_.filePath(QStringLiteral("paper-wrong"))).exists());
    }

private:
    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
    std::vector<int> ids_;
};

QTEST_MAIN(TestFigureExport)
#include "test_figure_export.moc"
