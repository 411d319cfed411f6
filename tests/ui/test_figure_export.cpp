// Figures for papers from the entropy tabs: legend clicks hide and show series, the export dialog
// (presets, remembered choices, default folder, labels), Ctrl+E on the histogram and heatmap tabs,
// the heatmap PDF's exact colours (no JPEG) and the histogram PDF's legend. PDFs are checked with
// poppler-utils (pdfimages, pdftotext, pdftoppm), independently of Qt.
#include <cmath>
#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineEdit>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "chart_kit/zoomable_chart_view.h"
#include "dataset_state/dataset_controller.h"
#include "dataset_state/dataset_store.h"
#include "entropy_tabs/class_distance_tab.h"
#include "entropy_tabs/density_chart.h"
#include "entropy_tabs/entropy_histogram_tab.h"
#include "entropy_tabs/heatmap_figure.h"
#include "entropy_tabs/heatmap_widget.h"
#include "export/figure_export_dialog.h"
#include "export/figure_renderer.h"
#include "export/figure_style.h"
#include "model_figures/model_chart.h"
#include "model_figures/model_chart_view.h"
#include "model_figures/saturation_tab.h"
#include "model_table/model_selection_store.h"
#include "model_table/model_store.h"
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

// The legend entries shown (Qt Charts' marker items: a swatch and a label), left to right: where a user clicks.
QList<QGraphicsItem*> legendEntries(QChart* chart)
{
    QList<QGraphicsItem*> entries;
    QList<QGraphicsItem*> todo = chart->legend()->childItems();
    while (!todo.isEmpty()) {
        QGraphicsItem* item = todo.takeFirst();
        if (item->type() >= QGraphicsItem::UserType && item->isVisible() && !item->sceneBoundingRect().isEmpty())
            entries << item;
        else
            todo += item->childItems();
    }
    std::sort(entries.begin(), entries.end(), [](QGraphicsItem* a, QGraphicsItem* b) {
        const QPointF p = a->sceneBoundingRect().center(), q = b->sceneBoundingRect().center();
        return std::abs(p.y() - q.y()) > 2.0 ? p.y() < q.y() : p.x() < q.x(); // rows, then left to right
    });
    return entries;
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
        const QPoint pos = view->mapFromScene(legendEntries(tab->chart()).at(1)->sceneBoundingRect().center());
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
        const QPoint pos = view->mapFromScene(legendEntries(chart).at(0)->sceneBoundingRect().center());
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

    void ctrlEOpensTheDialogForTheHistogramAndTheHeatmap()
    {
        QSettings().setValue(QStringLiteral("figures/folder"), dir_.path());
        for (const char* tabName : {"entropyHistogramTab", "classDistanceTab"}) {
            auto* tab = uitest::part<QWidget>(window_, tabName);
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
        }
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

private:
    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
    std::vector<int> ids_;
};

QTEST_MAIN(TestFigureExport)
#include "test_figure_export.moc"
