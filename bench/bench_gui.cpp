// GUI figures for bench/run.py (not a test):
//   bench-gui scan FOLDER MODE THREADS   a scan driven through the application's own worker path
//                                        (MainWindow -> ScanController), views updating as it runs;
//                                        prints: images wall_s longest_event_loop_stall_ms
//   bench-gui chart N REPEATS            a chart of N random points drawn by the PointCloudLayer
//                                        (the Images tab), 1200 x 800, repainted REPEATS times;
//                                        prints: N median_grab_ms median_pan_and_grab_ms
//                                        and the two medians' CPU ms
//   bench-gui chart-qt N REPEATS         the same points as a Qt Charts series (points-only
//                                        QLineSeries), for the ratio; same output
//   bench-gui load PROFILE               a saved profile opened as the user does (File > Open),
//                                        its views shown for a second; prints: images per_image_rows
//                                        wall_s (peak RSS is measured outside, by GNU time)
// Runs offscreen by default and with its own settings, so it never touches the user's session.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <random>
#include <vector>
#include <QApplication>
#include <QFile>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLineSeries>
#include <QStandardPaths>
#include <QTimer>
#include <QValueAxis>

#include "chart_kit/chart_palette.h"
#include "chart_kit/point_cloud_layer.h"
#include "chart_kit/zoomable_chart_view.h"
#include "dataset_list/datasets_panel.h"
#include "dataset_state/dataset_controller.h"
#include "dataset_state/dataset_store.h"
#include "dataset_state/scan_controller.h"
#include "event_loop_stall_meter.h"
#include "shell/main_window.h"

using namespace nofade;
using namespace nofade::ui;

namespace {

int scanThroughTheGui(const QString& folder, const QString& mode, int threads)
{
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    ScanSettings settings = window.findChild<ScanController*>(QStringLiteral("scanController"))->settings();
    settings.threads = threads;
    // Both modes set explicitly: the bench's settings persist from one run to the next.
    settings.profile.gray = mode == QLatin1String("fast") ? GrayMode::Fast : GrayMode::Exact;
    window.applySettings(settings, false);
    // Every run decodes every image: nothing from an earlier run's scan cache. The cache's commits
    // during the scan are part of the measured cost; its last one comes after the profile is
    // delivered, as in the application.
    for (const char* part : {"", "-wal", "-shm"}) // SQLite's journal files go with it
        QFile::remove(window.findChild<ScanController*>(QStringLiteral("scanController"))->cacheFile() + QLatin1String(part));
    // The user adds a dataset to a window already on screen: its first paint is start-up cost
    // (measured by the cold-start row), not a stall of the scan.
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 500)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);

    test::EventLoopStallMeter meter;
    QEventLoop loop;
    QObject::connect(window.findChild<ScanController*>(QStringLiteral("scanController")), &ScanController::scanFinished, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    meter.start();
    clock.start();
    const int id = window.findChild<DatasetController*>(QStringLiteral("datasetController"))->addPath(folder);
    if (id <= 0) {
        std::fprintf(stderr, "bench-gui: cannot open %s\n", qPrintable(folder));
        return 1;
    }
    loop.exec();
    const double wall = double(clock.nsecsElapsed()) / 1e9;
    meter.stop();
    const DatasetEntry* e = window.findChild<DatasetStore*>(QStringLiteral("datasetStore"))->find(id);
    if (!e || !e->profile) {
        std::fprintf(stderr, "bench-gui: the scan of %s gave no profile\n", qPrintable(folder));
        return 1;
    }
    if (e->profile->settings.gray != settings.profile.gray) {
        std::fprintf(stderr, "bench-gui: the scan ran in %s mode, not %s\n",
                     qPrintable(grayModeName(e->profile->settings.gray)), qPrintable(mode));
        return 1;
    }
    std::printf("%lld %.4f %.2f\n", static_cast<long long>(e->profile->images()), wall, meter.longestMs());
    return 0;
}

int loadThroughTheGui(const QString& file)
{
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    auto* datasets = window.findChild<DatasetController*>(QStringLiteral("datasetController"));
    int id = 0;
    QEventLoop loop;
    QObject::connect(datasets, &DatasetController::selectRequested, &loop, [&](int selected) {
        id = selected;
        loop.quit();
    });
    QObject::connect(datasets, &DatasetController::error, &loop, [&](const QString&, const QString& text) {
        std::fprintf(stderr, "bench-gui: %s\n", qPrintable(text));
        loop.quit();
    });
    QElapsedTimer clock;
    clock.start();
    datasets->open(file);
    loop.exec();
    const double wall = double(clock.nsecsElapsed()) / 1e9;
    const DatasetEntry* e = window.findChild<DatasetStore*>(QStringLiteral("datasetStore"))->find(id);
    if (!e || !e->profile) {
        std::fprintf(stderr, "bench-gui: %s gave no profile\n", qPrintable(file));
        return 1;
    }
    // The selected dataset's views (entropy tabs, charts, tables) build from the profile here.
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 1000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    std::printf("%lld %zu %.4f\n", static_cast<long long>(e->profile->images()), e->profile->perImage.size(), wall);
    return 0;
}

std::vector<QPointF> randomPoints(int n)
{
    std::mt19937 rng(7);
    std::normal_distribution<double> x(4.0, 1.0), y(70.0, 8.0);
    std::vector<QPointF> data;
    data.reserve(std::size_t(n));
    for (int i = 0; i < n; ++i)
        data.push_back({x(rng), y(rng)});
    return data;
}

double medianMs(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

double processCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

// Prints the median wall time of view.grab() (a repaint of an unchanged chart) and of a one-pixel
// pan followed by grab() (the axis ranges change, so every point is mapped and drawn again), then
// the median CPU time of each (all threads: on a loaded machine the wall time also holds the
// waits for a core).
void timeRedraws(ZoomableChartView& view, int points, int repeats)
{
    view.resize(1200, 800);
    view.show();
    view.grab(); // the first paint lays the chart out
    std::vector<double> grab, pan, grabCpu, panCpu;
    for (int r = 0; r < repeats; ++r) {
        QElapsedTimer t;
        const double cpu = processCpuMs();
        t.start();
        view.grab();
        grab.push_back(double(t.nsecsElapsed()) / 1e6);
        grabCpu.push_back(processCpuMs() - cpu);
    }
    for (int r = 0; r < repeats; ++r) {
        QElapsedTimer t;
        const double cpu = processCpuMs();
        t.start();
        view.chart()->scroll(r % 2 ? -1.0 : 1.0, 0.0);
        view.grab();
        pan.push_back(double(t.nsecsElapsed()) / 1e6);
        panCpu.push_back(processCpuMs() - cpu);
    }
    std::printf("%d %.2f %.2f %.2f %.2f\n", points, medianMs(grab), medianMs(pan), medianMs(grabCpu), medianMs(panCpu));
}

int redrawQtChart(int points, int repeats)
{
    // Qt Charts' QScatterSeries makes a graphics item per point (seconds for 100,000); a line
    // series drawn as points only is one item, its fastest way to draw many points.
    auto* series = new QLineSeries;
    series->setPen(Qt::NoPen);
    series->setPointsVisible(true);
    series->setMarkerSize(4);
    const std::vector<QPointF> data = randomPoints(points);
    series->replace(QList<QPointF>(data.begin(), data.end()));
    auto* chart = new QChart;
    chart->addSeries(series);
    chart->createDefaultAxes();
    chart->setAnimationOptions(QChart::NoAnimation);
    ZoomableChartView view(chart);
    timeRedraws(view, points, repeats);
    return 0;
}

int redrawPointLayer(int points, int repeats)
{
    // The same points and view drawn by the application's PointCloudLayer (the Images tab).
    const std::vector<QPointF> data = randomPoints(points);
    PointCloud cloud;
    for (const QPointF& p : data) {
        cloud.x.push_back(p.x());
        cloud.y.push_back(p.y());
        cloud.colour.push_back(0);
    }
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->hide();
    auto* x = new QValueAxis;
    auto* y = new QValueAxis;
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    // The ranges createDefaultAxes() gives the Qt Charts figure: the data's extent.
    const auto [x0, x1] = std::minmax_element(cloud.x.begin(), cloud.x.end());
    const auto [y0, y1] = std::minmax_element(cloud.y.begin(), cloud.y.end());
    // As in the Images tab: an empty series on the axes, through which the view's zoom and pan
    // (QChart::scroll) move the axes.
    auto* anchor = new QLineSeries;
    chart->addSeries(anchor);
    anchor->attachAxis(x);
    anchor->attachAxis(y);
    x->setRange(*x0, *x1);
    y->setRange(*y0, *y1);
    auto* layer = new PointCloudLayer(chart, x, y);
    layer->setColours({ChartPalette::colour(0)});
    layer->setMarkerSize(4);
    layer->setPoints(std::move(cloud));
    ZoomableChartView view(chart);
    const int builds = layer->cacheBuilds();
    timeRedraws(view, points, repeats);
    if (layer->cacheBuilds() - builds < repeats) { // each pan must have redrawn the points
        std::fprintf(stderr, "bench-gui: the pans did not redraw the point layer\n");
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NoFADE-bench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench-gui"));
    const QStringList args = QCoreApplication::arguments();
    if (args.size() == 5 && args[1] == QLatin1String("scan"))
        return scanThroughTheGui(args[2], args[3], args[4].toInt());
    if (args.size() == 3 && args[1] == QLatin1String("load"))
        return loadThroughTheGui(args[2]);
    if (args.size() == 4 && args[1] == QLatin1String("chart"))
        return redrawPointLayer(args[2].toInt(), std::max(1, args[3].toInt()));
    if (args.size() == 4 && args[1] == QLatin1String("chart-qt"))
        return redrawQtChart(args[2].toInt(), std::max(1, args[3].toInt()));
    std::fprintf(stderr, "usage: bench-gui scan FOLDER exact|fast THREADS | chart N REPEATS | chart-qt N REPEATS | load PROFILE\n");
    return 2;
}
