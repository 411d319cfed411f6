// The Images tab and the point layer under it. Expected pixels are worked out here from the axis
// ranges and the chart's plot area (the affine map of a value axis), not by the layer; the images
// behind the points come from a fixture whose every image has a different, known entropy, so a
// point's entropy names its file.
#include <algorithm>
#include <cmath>
#include <random>
#include <QCategoryAxis>
#include <QChart>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QLineSeries>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QValueAxis>
#include <QWheelEvent>
#include <QtTest>

#include "chart_kit/chart_palette.h"
#include "chart_kit/disc_stamper.h"
#include "chart_kit/point_cloud_layer.h"
#include "chart_kit/point_grid.h"
#include "chart_kit/zoomable_chart_view.h"
#include "dataset_list/datasets_panel.h"
#include "dataset_state/dataset_controller.h"
#include "dataset_state/dataset_store.h"
#include "entropy_tabs/class_distance_tab.h"
#include "entropy_tabs/images_tab.h"
#include "export/chart_exporter.h"
#include "inspector/image_inspector_panel.h"
#include "shell/main_window.h"
#include "timing_slack.h"
#include "ui_fixtures.h"

using namespace nofade;
using namespace nofade::ui;

namespace {

// Class folder and entropy (bits) of every fixture image: no two images share an entropy.
struct KnownImage {
    const char* cls;
    int bits;
};
constexpr KnownImage kImages[] = {{"a", 1}, {"a", 3}, {"a", 5}, {"a", 7}, {"b", 2}, {"b", 4}, {"b", 6}, {"c", 8}};

QString pathOf(const KnownImage& im) { return QStringLiteral("%1/e%2.png").arg(QLatin1String(im.cls)).arg(im.bits); }

bool writeDistinctEntropyDataset(const QString& root)
{
    for (const KnownImage& im : kImages) {
        if (!QDir().mkpath(QDir(root).filePath(QLatin1String(im.cls))))
            return false;
        uitest::writeKnownEntropyImage(QDir(root).filePath(pathOf(im)), im.bits);
    }
    return true;
}

// The fixture image with this entropy (classes are read sorted by name: a = 0, b = 1, c = 2).
const KnownImage* imageWithEntropy(double bits)
{
    for (const KnownImage& im : kImages)
        if (std::abs(im.bits - bits) < 1e-9)
            return &im;
    return nullptr;
}
int columnOf(const KnownImage& im) { return im.cls[0] - 'a'; }

QValueAxis* axis(QChart* chart, Qt::Orientation o) { return qobject_cast<QValueAxis*>(chart->axes(o).first()); }

// Where the data point (x, y) is drawn, in chart coordinates: the plot area spans the axis ranges
// linearly, y upwards.
QPointF chartPixel(QChart* chart, double x, double y)
{
    const QValueAxis* ax = axis(chart, Qt::Horizontal);
    const QValueAxis* ay = axis(chart, Qt::Vertical);
    const QRectF plot = chart->plotArea();
    return {plot.left() + (x - ax->min()) / (ax->max() - ax->min()) * plot.width(),
            plot.bottom() - (y - ay->min()) / (ay->max() - ay->min()) * plot.height()};
}

// The same in the view's viewport.
QPoint viewportPixel(QChartView* view, double x, double y)
{
    return view->mapFromScene(view->chart()->mapToScene(chartPixel(view->chart(), x, y)));
}

QColor pixelAt(const QImage& image, const QPoint& p) { return image.pixelColor(p * image.devicePixelRatio()); }

bool sameRgb(const QColor& a, const QColor& b, int tolerance = 0)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
           && std::abs(a.blue() - b.blue()) <= tolerance;
}

void moveMouse(QWidget* viewport, const QPoint& pos)
{
    QMouseEvent move(QEvent::MouseMove, QPointF(pos), QPointF(viewport->mapToGlobal(pos)), Qt::NoButton, Qt::NoButton,
                     Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
}

void wheel(QWidget* viewport, const QPoint& pos, int delta)
{
    QWheelEvent event(QPointF(pos), QPointF(viewport->mapToGlobal(pos)), QPoint(), QPoint(0, delta), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &event);
}

// A chart with value axes x in [0, 10] and y in [0, 8] and a layer of points at known places.
struct LayerChart {
    QChart* chart = new QChart;
    QValueAxis* x = new QValueAxis;
    QValueAxis* y = new QValueAxis;
    PointCloudLayer* layer;
    ZoomableChartView view{chart};

    LayerChart()
    {
        chart->legend()->hide();
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        auto* anchor = new QLineSeries; // the view maps positions to values through a series
        chart->addSeries(anchor);
        anchor->attachAxis(x);
        anchor->attachAxis(y);
        x->setRange(0, 10);
        y->setRange(0, 8);
        layer = new PointCloudLayer(chart, x, y);
        view.setZoomBothAxes(true);
        view.setHomeRange(QRectF(QPointF(0, 0), QPointF(10, 8)));
        view.resize(800, 600);
    }
};

const QColor kRed(220, 20, 20), kBlue(20, 40, 220), kGreen(20, 160, 40);

} // namespace

class TestImageScatter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        uitest::isolateSettings();
        QCoreApplication::setApplicationName(QStringLiteral("nofade-ui-test-image-scatter"));
        QSettings().clear();
        QVERIFY(dir_.isValid());
        QVERIFY(writeDistinctEntropyDataset(dir_.filePath(QStringLiteral("distinct"))));
        QVERIFY(writeDistinctEntropyDataset(dir_.filePath(QStringLiteral("distinct2"))));
    }

    void discsCoverInTheirOrderAcrossBands()
    {
        // Two overlapping discs of 8 pixels across the stamper's band boundary (rows 15 | 16):
        // red on rows 10-18 (centre row 14), blue on rows 16-24 (centre row 20). Row 17 lies 3 rows
        // from both centres, so pixel (10, 17) is wholly inside both: the later disc shows there,
        // as a painter drawing them in order would show it.
        const QColor red(255, 0, 0), blue(0, 0, 255);
        const DiscStamper stamper(8.0, {red, blue});
        QImage image(40, 40, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        stamper.stampAll(image, {10.5f, 10.5f}, {14.5f, 20.5f}, {0, 1}); // red, then blue
        QCOMPARE(image.pixelColor(10, 17), blue);
        QCOMPARE(image.pixelColor(10, 14), red);
        image.fill(Qt::transparent);
        stamper.stampAll(image, {10.5f, 10.5f}, {20.5f, 14.5f}, {1, 0}); // blue, then red
        QCOMPARE(image.pixelColor(10, 17), red);
        QCOMPARE(image.pixelColor(10, 20), blue);
        // A disc off the image is clipped, not written out of bounds; NaN points are skipped.
        stamper.stampAll(image, {-1.0f, 39.9f, std::nanf("")}, {-1.0f, 39.9f, 5.0f}, {0, 1, 0});
        QCOMPARE(image.pixelColor(0, 0), red);
        QCOMPARE(image.pixelColor(39, 39), blue);
        // Half-transparent red over opaque white: 0.5 x 255 + 0.5 x 255 = 255 red, 0.5 x 255 = 127 green.
        QImage white(9, 9, QImage::Format_ARGB32_Premultiplied);
        white.fill(Qt::white);
        DiscStamper(5.0, {QColor(255, 0, 0, 128)}).stampAll(white, {4.5f}, {4.5f}, {0});
        const QColor mixed = white.pixelColor(4, 4);
        QVERIFY2(mixed.red() == 255 && std::abs(mixed.green() - 127) <= 1 && std::abs(mixed.blue() - 127) <= 1
                     && mixed.alpha() == 255,
                 qPrintable(mixed.name(QColor::HexArgb)));
    }

    void gridFindsTheNearestPointLikeAScan()
    {
        // Against a plain scan of every point: the same nearest distance, and none found when
        // the scan finds none within the radius.
        std::mt19937 rng(5);
        std::uniform_real_distribution<float> ux(0.0f, 300.0f), uy(0.0f, 200.0f), ur(0.5f, 12.0f);
        std::vector<float> xs(5000), ys(5000);
        for (std::size_t i = 0; i < xs.size(); ++i) {
            xs[i] = ux(rng);
            ys[i] = uy(rng);
        }
        xs[7] = std::nanf(""); // not drawn: never found
        PointGrid grid;
        grid.build(xs, ys, QRectF(0, 0, 300, 200), 8.0f);
        for (int q = 0; q < 2000; ++q) {
            const float x = ux(rng) * 1.02f - 3.0f, y = uy(rng) * 1.02f - 2.0f, r = ur(rng);
            float best = r * r;
            bool any = false;
            for (std::size_t i = 0; i < xs.size(); ++i) {
                const float d = (xs[i] - x) * (xs[i] - x) + (ys[i] - y) * (ys[i] - y);
                if (d <= best) {
                    best = d;
                    any = true;
                }
            }
            const int found = grid.nearest(xs, ys, x, y, r);
            QCOMPARE(found >= 0, any);
            if (any) {
                const float d = (xs[std::size_t(found)] - x) * (xs[std::size_t(found)] - x)
                                + (ys[std::size_t(found)] - y) * (ys[std::size_t(found)] - y);
                QVERIFY2(std::abs(d - best) < 1e-3f, qPrintable(QStringLiteral("query %1: %2 vs %3").arg(q).arg(d).arg(best)));
            }
        }
    }

    void pointsLandOnTheirPixels()
    {
        LayerChart c;
        const std::vector<QPointF> data = {{1.0, 1.0}, {5.0, 4.0}, {9.0, 7.0}, {2.5, 6.0}};
        c.layer->setColours({kRed, kBlue, kGreen});
        c.layer->setMarkerSize(7);
        c.layer->setPoints({{1.0, 5.0, 9.0, 2.5}, {1.0, 4.0, 7.0, 6.0}, {0, 1, 2, 0}});
        c.view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&c.view));
        const QImage shot = c.view.viewport()->grab().toImage();
        const QColor expected[] = {kRed, kBlue, kGreen, kRed};
        for (std::size_t i = 0; i < data.size(); ++i) {
            const QPoint p = viewportPixel(&c.view, data[i].x(), data[i].y());
            QVERIFY2(sameRgb(pixelAt(shot, p), expected[i]),
                     qPrintable(QStringLiteral("point %1 at (%2, %3): %4").arg(i).arg(p.x()).arg(p.y()).arg(pixelAt(shot, p).name())));
        }
        // Between the points the plot shows no point colour: (5, 1) and (8, 3) are far from all four.
        for (const QPointF& empty : {QPointF(5.0, 1.0), QPointF(8.0, 3.0)}) {
            const QColor there = pixelAt(shot, viewportPixel(&c.view, empty.x(), empty.y()));
            for (const QColor& colour : {kRed, kBlue, kGreen})
                QVERIFY2(!sameRgb(there, colour, 60), qPrintable(there.name()));
        }
        // A repaint of the unchanged chart reuses the cached image.
        const int builds = c.layer->cacheBuilds();
        c.view.viewport()->grab();
        QCOMPARE(c.layer->cacheBuilds(), builds);
    }

    void zoomAndPanFollow()
    {
        LayerChart c;
        c.layer->setColours({kRed, kBlue});
        c.layer->setMarkerSize(7);
        c.layer->setPoints({{4.0, 6.0}, {3.0, 5.0}, {0, 1}});
        c.view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&c.view));
        c.view.viewport()->grab();
        const int builds = c.layer->cacheBuilds();

        // Zoom in with the wheel around the blue point: the ranges shrink, the points move.
        const QPoint before = viewportPixel(&c.view, 6.0, 5.0);
        const int apart = (viewportPixel(&c.view, 4.0, 3.0) - before).manhattanLength();
        wheel(c.view.viewport(), before, 3 * 120);
        QVERIFY(c.x->max() - c.x->min() < 9.0 && c.y->max() - c.y->min() < 7.5);
        QImage shot = c.view.viewport()->grab().toImage();
        QVERIFY(c.layer->cacheBuilds() > builds);
        const QPoint red = viewportPixel(&c.view, 4.0, 3.0);
        const QPoint blue = viewportPixel(&c.view, 6.0, 5.0);
        QVERIFY2((red - blue).manhattanLength() > 1.5 * apart, "zoomed in, the points are further apart");
        QVERIFY2(sameRgb(pixelAt(shot, red), kRed), qPrintable(pixelAt(shot, red).name()));
        QVERIFY2(sameRgb(pixelAt(shot, blue), kBlue), qPrintable(pixelAt(shot, blue).name()));

        // Drag to pan: the red point follows the axes to its new place.
        const double x0 = c.x->min();
        QTest::mousePress(c.view.viewport(), Qt::LeftButton, {}, QPoint(400, 300));
        QTest::mouseMove(c.view.viewport(), QPoint(460, 300));
        QTest::mouseRelease(c.view.viewport(), Qt::LeftButton, {}, QPoint(460, 300));
        QVERIFY2(c.x->min() < x0, "dragging right shows what lies left");
        shot = c.view.viewport()->grab().toImage();
        const QPoint moved = viewportPixel(&c.view, 4.0, 3.0);
        QVERIFY(moved.x() > red.x());
        QVERIFY2(sameRgb(pixelAt(shot, moved), kRed), qPrintable(pixelAt(shot, moved).name()));

        // Zoomed so that the red point is outside the ranges: it is not drawn, and not found.
        c.x->setRange(5.0, 10.0);
        shot = c.view.viewport()->grab().toImage();
        QVERIFY(sameRgb(pixelAt(shot, viewportPixel(&c.view, 6.0, 5.0)), kBlue));
        QCOMPARE(c.layer->pointAt(chartPixel(c.chart, 6.0, 5.0), 3.0), 1);
        QCOMPARE(c.layer->pointAt(chartPixel(c.chart, 4.0, 3.0), 10.0), -1);
    }

    void theImagesTabFollowsTheDatasetAndPlacesEveryImage()
    {
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* view = window.findChild<ImagesTab*>();
        QVERIFY(view);
        // Its tab comes after Class distances.
        QTabWidget* tabs = uitest::part<QTabWidget>(window, "chartTabs");
        QCOMPARE(tabs->indexOf(view), tabs->indexOf(uitest::part<ClassDistanceTab>(window, "classDistanceTab")) + 1);
        QCOMPARE(tabs->tabText(tabs->indexOf(view)).remove(QLatin1Char('&')), QStringLiteral("Images"));
        tabs->setCurrentWidget(view);
        QVERIFY2(view->emptyText().contains(QStringLiteral("No dataset has a profile yet")), qPrintable(view->emptyText()));

        DatasetsPanel* panel = uitest::part<DatasetsPanel>(window, "datasetsPanel");
        const int first = uitest::part<DatasetController>(window, "datasetController")->addPath(dir_.filePath(QStringLiteral("distinct")));
        QVERIFY(first > 0);
        QTRY_COMPARE_WITH_TIMEOUT(int(uitest::part<DatasetStore>(window, "datasetStore")->find(first)->state), int(DatasetState::Scanned), 30000);
        QTRY_COMPARE(view->datasetId(), first);
        QVERIFY(view->emptyText().isEmpty());

        // Every image is a point: x in its class's column (a, b, c = 0, 1, 2) within the jitter
        // band, y its entropy; the point has its class's colour where the axes put it.
        PointCloudLayer* layer = view->layer();
        QCOMPARE(layer->count(), int(std::size(kImages)));
        ZoomableChartView* chartView = view->chartView();
        const QImage shot = chartView->viewport()->grab().toImage();
        std::vector<bool> seen(std::size(kImages), false);
        for (int i = 0; i < layer->count(); ++i) {
            const double x = layer->points().x[std::size_t(i)], y = layer->points().y[std::size_t(i)];
            const KnownImage* im = imageWithEntropy(y);
            QVERIFY2(im, qPrintable(QStringLiteral("no image has entropy %1").arg(y)));
            seen[std::size_t(im - kImages)] = true;
            QVERIFY2(std::abs(x - columnOf(*im)) <= 0.35, qPrintable(QStringLiteral("%1 at x = %2").arg(pathOf(*im)).arg(x)));
            const QPoint p = viewportPixel(chartView, x, y);
            QVERIFY2(sameRgb(pixelAt(shot, p), ChartPalette::colour(columnOf(*im))),
                     qPrintable(QStringLiteral("%1: %2").arg(pathOf(*im), pixelAt(shot, p).name())));
        }
        QVERIFY(std::all_of(seen.begin(), seen.end(), [](bool s) { return s; }));
        auto* categories = qobject_cast<QCategoryAxis*>(chartView->chart()->axes(Qt::Horizontal).first());
        QVERIFY(categories);
        QCOMPARE(categories->categoriesLabels(), (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));

        // A second dataset: selecting it in the Datasets panel switches the tab to it.
        const int second = uitest::part<DatasetController>(window, "datasetController")->addPath(dir_.filePath(QStringLiteral("distinct2")));
        QVERIFY(second > 0 && second != first);
        QTRY_COMPARE_WITH_TIMEOUT(int(uitest::part<DatasetStore>(window, "datasetStore")->find(second)->state), int(DatasetState::Scanned), 30000);
        panel->selectDataset(first);
        QTRY_COMPARE(view->datasetId(), first);
        panel->selectDataset(second);
        QTRY_COMPARE(view->datasetId(), second);
    }

    void hoverNamesTheImageAndClickOpensItInTheInspector()
    {
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* view = window.findChild<ImagesTab*>();
        uitest::part<QTabWidget>(window, "chartTabs")->setCurrentWidget(view);
        const int id = uitest::part<DatasetController>(window, "datasetController")->addPath(dir_.filePath(QStringLiteral("distinct")));
        QTRY_COMPARE_WITH_TIMEOUT(int(uitest::part<DatasetStore>(window, "datasetStore")->find(id)->state), int(DatasetState::Scanned), 30000);
        QTRY_COMPARE(view->layer()->count(), int(std::size(kImages)));
        ZoomableChartView* chartView = view->chartView();
        const PointCloud& points = view->layer()->points();
        for (int i = 0; i < int(points.x.size()); ++i) {
            const KnownImage* im = imageWithEntropy(points.y[std::size_t(i)]);
            const QPoint p = viewportPixel(chartView, points.x[std::size_t(i)], points.y[std::size_t(i)]);
            // A pixel off the centre still hits it; the tooltip names the file, class and entropy.
            moveMouse(chartView->viewport(), p + QPoint(2, -1));
            QVERIFY2(view->hoverText().contains(pathOf(*im)), qPrintable(QStringLiteral("%1 at (%2, %3): \"%4\"").arg(pathOf(*im)).arg(p.x()).arg(p.y()).arg(view->hoverText())));
            QVERIFY(view->hoverText().contains(QStringLiteral("class %1").arg(QLatin1String(im->cls))));
            QVERIFY(view->hoverText().contains(QStringLiteral("%1 bits").arg(double(im->bits), 0, 'f', 4)));
            QCOMPARE(view->layer()->highlighted(), i);
        }
        // Far from every point (between the columns, at 0.5 bits): nothing.
        moveMouse(chartView->viewport(), viewportPixel(chartView, 0.5, 0.6));
        QVERIFY2(view->hoverText().isEmpty(), qPrintable(view->hoverText()));
        QCOMPARE(view->layer()->highlighted(), -1);

        // A click on the 6-bit image opens it in the inspector, among its class's images.
        int six = -1;
        for (int i = 0; i < int(points.y.size()); ++i)
            if (points.y[std::size_t(i)] == 6.0)
                six = i;
        QVERIFY(six >= 0);
        QVERIFY(uitest::part<QDockWidget>(window, "inspectorDock")->isHidden());
        QTest::mouseClick(chartView->viewport(), Qt::LeftButton, {}, viewportPixel(chartView, points.x[std::size_t(six)], 6.0));
        QTRY_VERIFY(uitest::part<QDockWidget>(window, "inspectorDock")->isVisible());
        ImageInspectorPanel* inspector = uitest::part<ImageInspectorPanel>(window, "imageInspectorPanel");
        QTRY_VERIFY(!inspector->isLoading() && inspector->analysis().ok());
        QCOMPARE(inspector->currentImage()->path, QStringLiteral("b/e6.png"));
        QVERIFY(std::abs(inspector->analysis().entropy - 6.0) < 1e-12);
        QCOMPARE(inspector->imageCount(), 3); // class b: 2, 4 and 6 bits
        inspector->step(-1);
        QCOMPARE(inspector->currentImage()->path, QStringLiteral("b/e4.png"));

        // A drag is a pan, not a click: the inspector stays on its image.
        const QPoint at = viewportPixel(chartView, points.x[std::size_t(six)], 6.0);
        QTest::mousePress(chartView->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseMove(chartView->viewport(), at + QPoint(40, 0));
        QTest::mouseRelease(chartView->viewport(), Qt::LeftButton, {}, at + QPoint(40, 0));
        QCOMPARE(inspector->currentImage()->path, QStringLiteral("b/e4.png"));
    }

    void exportsKeepThePoints()
    {
        DatasetStore store;
        ImagesTab view(&store);
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // A profile without per-image entropies says so instead of drawing nothing.
        DatasetEntry bare;
        bare.name = QStringLiteral("bare");
        const int bareId = store.add(bare); // added, then its profile arrives (as a scan's does)
        store.update(bareId, DatasetStore::ProfileChanged,
                     [](DatasetEntry& e) { e.profile = std::make_shared<Profile>(makeEmptyProfile({}, {}, {QStringLiteral("x")})); });
        QTRY_COMPARE(view.datasetId(), bareId);
        QVERIFY2(view.emptyText().contains(QStringLiteral("no per-image entropies")), qPrintable(view.emptyText()));

        // Two classes, three images at known places.
        auto profile = std::make_shared<Profile>(makeEmptyProfile({}, {}, {QStringLiteral("cats"), QStringLiteral("dogs")}));
        profile->perImage = {{0, QStringLiteral("cats/1.png"), false, 0, 2.0},
                             {1, QStringLiteral("dogs/1.png"), false, 1, 5.0},
                             {2, QStringLiteral("cats/2.png"), false, 0, 6.5}};
        DatasetEntry entry;
        entry.name = QStringLiteral("pets");
        const int id = store.add(entry);
        store.update(id, DatasetStore::ProfileChanged, [&](DatasetEntry& e) { e.profile = profile; });
        view.setDataset(id);
        QTRY_COMPARE(view.layer()->count(), 3);

        QTemporaryDir out;
        QString error;
        const QString svg = out.filePath(QStringLiteral("images.svg"));
        QVERIFY2(ChartExporter::exportWidget(view.exportWidget(), svg, &error), qPrintable(error));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        // One vector disc per image, where the axes put it (SVG units are the view's pixels), in
        // its class's colour.
        static const QRegularExpression disc(
            QStringLiteral("<(?:circle|ellipse) cx=\"([-0-9.]+)\" cy=\"([-0-9.]+)\" (?:r|rx)=\"([0-9.]+)\""));
        std::vector<QPointF> discs;
        for (const QRegularExpressionMatch& m : disc.globalMatch(text))
            if (std::abs(m.captured(3).toDouble() - view.layer()->markerSize() / 2.0) < 1e-6)
                discs.push_back({m.captured(1).toDouble(), m.captured(2).toDouble()});
        QCOMPARE(int(discs.size()), 3);
        ZoomableChartView* chartView = view.chartView();
        for (int i = 0; i < 3; ++i) {
            const PointCloud& pts = view.layer()->points();
            const QPointF expected = chartView->viewport()->mapTo(chartView, viewportPixel(chartView, pts.x[std::size_t(i)], pts.y[std::size_t(i)]));
            QVERIFY2(std::any_of(discs.begin(), discs.end(), [&](const QPointF& d) { return (d - expected).manhattanLength() < 2.0; }),
                     qPrintable(QStringLiteral("no disc at (%1, %2)").arg(expected.x()).arg(expected.y())));
        }
        QVERIFY(text.contains(ChartPalette::colour(0).name(), Qt::CaseInsensitive));
        QVERIFY(text.contains(ChartPalette::colour(1).name(), Qt::CaseInsensitive));

        // A PNG export (at 200 DPI, drawn through a scaled raster painter) has the points too.
        const QString png = out.filePath(QStringLiteral("images.png"));
        QVERIFY2(ChartExporter::exportWidget(view.exportWidget(), png, &error, 200), qPrintable(error));
        const QImage image(png);
        QVERIFY(!image.isNull());
        const double scale = 200.0 / 96.0;
        const QPoint p = viewportPixel(view.chartView(), view.layer()->points().x[2], 5.0); // the dog
        const QPoint inExport = ((view.chartView()->viewport()->mapTo(view.chartView(), p)) * scale);
        QVERIFY2(sameRgb(image.pixelColor(inExport), ChartPalette::colour(1)), qPrintable(image.pixelColor(inExport).name()));
    }

    void columnsForNoClassesAndForManyClasses()
    {
        DatasetStore store;
        ImagesTab view(&store);
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto categories = [&view] { return qobject_cast<QCategoryAxis*>(view.chart()->axes(Qt::Horizontal).first()); };
        auto show = [&store](QStringList classes, std::vector<ImageEntropy> images) {
            auto profile = std::make_shared<Profile>(makeEmptyProfile({}, {}, classes));
            profile->perImage = std::move(images);
            const int id = store.add(DatasetEntry{});
            store.update(id, DatasetStore::ProfileChanged, [&](DatasetEntry& e) { e.profile = profile; });
            return id;
        };
        // Without classes: one column at x = 0, every image within its jitter band.
        const int flat = show({}, {{0, QStringLiteral("p.png"), false, -1, 3.0}, {1, QStringLiteral("q.png"), false, -1, 4.0}});
        view.setDataset(flat);
        QTRY_COMPARE(view.layer()->count(), 2);
        QCOMPARE(categories()->categoriesLabels(), QStringList{QStringLiteral("all images")});
        for (double x : view.layer()->points().x)
            QVERIFY(std::abs(x) <= 0.35);
        // 100 classes: the axis names every k-th class, upright, one line of text apart at least
        // (no overlap), in order.
        QStringList many;
        std::vector<ImageEntropy> images;
        for (int c = 0; c < 100; ++c) {
            many << QStringLiteral("class%1").arg(c);
            images.push_back({c, QStringLiteral("%1.png").arg(c), false, c, 4.0});
        }
        view.setDataset(show(many, images));
        QTRY_COMPARE(view.layer()->count(), 100);
        const QStringList labels = categories()->categoriesLabels();
        QVERIFY2(labels.size() >= 10 && labels.size() < 100, qPrintable(labels.join(QLatin1Char(' '))));
        QCOMPARE(labels.first(), QStringLiteral("class0"));
        QCOMPARE(categories()->labelsAngle(), -90);
        const double perColumn = view.chart()->plotArea().width() / 100.0;
        const std::vector<int>& named = view.labelledColumns();
        QCOMPARE(int(named.size()), int(labels.size()));
        for (std::size_t i = 0; i < named.size(); ++i) {
            QCOMPARE(labels[qsizetype(i)], many[named[i]]);
            QCOMPARE(categories()->endValue(labels[qsizetype(i)]), double(named[i])); // at its column
            if (i > 0)
                QVERIFY((named[i] - named[i - 1]) * perColumn >= QFontMetricsF(categories()->labelsFont()).height());
        }
        // Image c (of class c) is in column c, i.e. the c-th point at x within 0.35 of c.
        for (int c = 0; c < 100; ++c)
            QVERIFY(std::abs(view.layer()->points().x[std::size_t(c)] - c) <= 0.35);
    }

    void aThousandClassesKeepReadableLabelsAndZoomShowsMore()
    {
        DatasetStore store;
        ImagesTab view(&store);
        view.resize(1280, 640);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const int id = uitest::addScannedProfile(&store, QStringLiteral("thousand"), uitest::makeClassProfile(1000, 20));
        view.setDataset(id);
        QTRY_COMPARE(view.layer()->count(), 20000);
        view.chartView()->viewport()->grab();
        auto* axis = qobject_cast<QCategoryAxis*>(view.chart()->axes(Qt::Horizontal).first());
        const QFontMetricsF fm(axis->labelsFont());
        // Whole: some names, never closer than a line of text.
        const double perColumn = view.chart()->plotArea().width() / 1000.0;
        std::vector<int> named = view.labelledColumns();
        QVERIFY2(named.size() >= 20 && named.size() <= std::size_t(view.chart()->plotArea().width() / fm.height()) + 1,
                 qPrintable(QString::number(named.size())));
        for (std::size_t i = 1; i < named.size(); ++i)
            QVERIFY((named[i] - named[i - 1]) * perColumn >= fm.height());
        QVERIFY(axis->titleText().contains(QStringLiteral("zoom in")));
        // The wheel zooms in: the names come closer in columns (more of the classes in view named).
        const int wholeStep = named[1] - named[0];
        for (int k = 0; k < 8; ++k)
            wheel(view.chartView()->viewport(), view.chartView()->viewport()->rect().center(), 120);
        named = view.labelledColumns();
        QVERIFY(named.size() >= 2);
        QVERIFY2(named[1] - named[0] < wholeStep, qPrintable(QStringLiteral("%1 vs %2").arg(named[1] - named[0]).arg(wholeStep)));
        // Zoomed to 20 columns: every one of them is named; to 8, written across.
        axis->setRange(499.5, 519.5);
        named = view.labelledColumns();
        QCOMPARE(int(named.size()), 20);
        QCOMPARE(named.front(), 500);
        QCOMPARE(axis->categoriesLabels().first(), QStringLiteral("class0500"));
        QCOMPARE(axis->titleText(), QStringLiteral("Class"));
        axis->setRange(499.5, 507.5);
        QCOMPARE(int(view.labelledColumns().size()), 8);
        QCOMPARE(axis->labelsAngle(), 0);
        // Drawn by Qt without truncation ("..."): every label reads whole.
        view.chartView()->viewport()->grab();
        for (QGraphicsItem* item : view.chart()->scene()->items())
            if (auto* text = dynamic_cast<QGraphicsTextItem*>(item); text && text->isVisible())
                QVERIFY2(!text->toPlainText().endsWith(QStringLiteral("...")) && !text->toPlainText().endsWith(QChar(0x2026)),
                         qPrintable(text->toPlainText()));
    }

    void aHundredThousandImagesOpenWithoutFreezing()
    {
        // 100,000 per-image entries in 10 classes (as a large scan would give).
        QStringList classes;
        for (int c = 0; c < 10; ++c)
            classes << QStringLiteral("class %1").arg(c);
        auto profile = std::make_shared<Profile>(makeEmptyProfile({}, {}, classes));
        std::mt19937 rng(11);
        std::normal_distribution<double> entropy(4.5, 1.0);
        profile->perImage.reserve(100000);
        for (int i = 0; i < 100000; ++i)
            profile->perImage.push_back({i, QStringLiteral("img/%1.png").arg(i), false, i % 10,
                                         std::clamp(entropy(rng), 0.0, 8.0)});
        DatasetStore store;
        ImagesTab view(&store);
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        DatasetEntry entry;
        entry.name = QStringLiteral("large");

        // A hang bound, not a speed test: opening, painting, hovering, zooming and panning must
        // come back (the layer maps and draws each in one pass, and hovering looks up a grid).
        QElapsedTimer clock;
        clock.start();
        const int id = store.add(entry);
        store.update(id, DatasetStore::ProfileChanged, [&](DatasetEntry& e) { e.profile = profile; });
        QTRY_COMPARE(view.datasetId(), id);
        QCOMPARE(view.layer()->count(), 100000);
        ZoomableChartView* chartView = view.chartView();
        chartView->viewport()->grab();
        int hits = 0;
        for (int k = 0; k < 100; ++k) {
            moveMouse(chartView->viewport(), viewportPixel(chartView, (k % 10) + 0.1, 3.0 + 0.02 * k));
            hits += view.hoverText().isEmpty() ? 0 : 1;
        }
        QVERIFY2(hits > 50, qPrintable(QStringLiteral("%1 of 100 positions found a point").arg(hits)));
        for (int k = 0; k < 5; ++k) {
            wheel(chartView->viewport(), QPoint(600, 400), 120);
            chartView->viewport()->grab();
            QTest::mousePress(chartView->viewport(), Qt::LeftButton, {}, QPoint(600, 400));
            QTest::mouseMove(chartView->viewport(), QPoint(620, 410));
            QTest::mouseRelease(chartView->viewport(), Qt::LeftButton, {}, QPoint(620, 410));
            chartView->viewport()->grab();
        }
        const qint64 ms = clock.elapsed();
        QVERIFY2(ms < 20000 * test::kTimingSlack, qPrintable(QStringLiteral("%1 ms").arg(ms)));
    }

private:
    QTemporaryDir dir_;
};

QTEST_MAIN(TestImageScatter)
#include "test_image_scatter.moc"
