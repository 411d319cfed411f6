// GUI figures for bench/run.py (not a test):
//   bench-gui scan FOLDER MODE THREADS   a scan driven through the application's own worker path
//                                        (MainWindow -> ScanQueue), views updating as it runs;
//                                        prints: images wall_s longest_event_loop_stall_ms
//   bench-gui chart N REPEATS            a chart of N points repainted REPEATS times;
//                                        prints: N median_redraw_ms
// Runs offscreen by default and with its own settings, so it never touches the user's session.
#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLineSeries>
#include <QStandardPaths>
#include <QTimer>
#include <QValueAxis>

#include "dataset_store.h"
#include "datasets_panel.h"
#include "event_loop_stall_meter.h"
#include "main_window.h"
#include "scan_queue.h"
#include "zoomable_chart_view.h"

using namespace nofade;
using namespace nofade::ui;

namespace {

int scanThroughTheGui(const QString& folder, const QString& mode, int threads)
{
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    ScanSettings settings = window.scanQueue()->settings();
    settings.threads = threads;
    if (mode == QLatin1String("fast"))
        settings.profile.gray = GrayMode::Fast;
    window.applySettings(settings, false);

    EventLoopStallMeter meter;
    QEventLoop loop;
    QObject::connect(window.scanQueue(), &ScanQueue::scanFinished, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    meter.start();
    clock.start();
    const int id = window.datasetsPanel()->addPath(folder);
    if (id <= 0) {
        std::fprintf(stderr, "bench-gui: cannot open %s\n", qPrintable(folder));
        return 1;
    }
    loop.exec();
    const double wall = double(clock.nsecsElapsed()) / 1e9;
    meter.stop();
    const DatasetEntry* e = window.datasets()->find(id);
    if (!e || !e->profile) {
        std::fprintf(stderr, "bench-gui: the scan of %s gave no profile\n", qPrintable(folder));
        return 1;
    }
    std::printf("%lld %.4f %.2f\n", static_cast<long long>(e->profile->images()), wall, meter.longestMs());
    return 0;
}

int redrawChart(int points, int repeats)
{
    // Qt Charts' QScatterSeries makes a graphics item per point (seconds for 100,000); a line
    // series drawn as points only is one item that paints its points in one pass.
    auto* series = new QLineSeries;
    series->setPen(Qt::NoPen);
    series->setPointsVisible(true);
    series->setMarkerSize(4);
    std::mt19937 rng(7);
    std::normal_distribution<double> x(4.0, 1.0), y(70.0, 8.0);
    QList<QPointF> data;
    data.reserve(points);
    for (int i = 0; i < points; ++i)
        data.append({x(rng), y(rng)});
    series->replace(data);
    auto* chart = new QChart;
    chart->addSeries(series);
    chart->createDefaultAxes();
    chart->setAnimationOptions(QChart::NoAnimation);
    ZoomableChartView view(chart);
    view.resize(1200, 800);
    view.show();
    view.grab(); // the first paint lays the chart out
    std::vector<double> ms;
    for (int r = 0; r < repeats; ++r) {
        QElapsedTimer t;
        t.start();
        view.grab();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%d %.2f\n", points, ms[ms.size() / 2]);
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
    if (args.size() == 4 && args[1] == QLatin1String("chart"))
        return redrawChart(args[2].toInt(), args[3].toInt());
    std::fprintf(stderr, "usage: bench-gui scan FOLDER exact|fast THREADS | chart N REPEATS\n");
    return 2;
}
