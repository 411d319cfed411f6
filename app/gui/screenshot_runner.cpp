#include "screenshot_runner.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QChart>
#include <QDir>
#include <QDockWidget>
#include <QMouseEvent>
#include <QRegularExpression>
#include <QScreen>
#include <QTabWidget>
#include <QTableView>
#include <QScrollArea>
#include <QToolTip>
#include <QUndoStack>

#include "chart_kit/point_cloud_layer.h"
#include "chart_kit/zoomable_chart_view.h"
#include "dataset_list/datasets_panel.h"
#include "dataset_state/dataset_store.h"
#include "dataset_state/scan_controller.h"
#include "entropy_tabs/class_distance_tab.h"
#include "entropy_tabs/entropy_histogram_tab.h"
#include "entropy_tabs/heatmap_widget.h"
#include "entropy_tabs/images_tab.h"
#include "entropy_tabs/per_class_tab.h"
#include "inspector/image_inspector_panel.h"
#include "model_figures/model_chart.h"
#include "model_figures/model_figures_controller.h"
#include "model_figures/nofade_tab.h"
#include "model_figures/saturation_tab.h"
#include "model_table/model_editing_controller.h"
#include "model_table/model_filter_model.h"
#include "model_table/model_selection_store.h"
#include "model_table/model_store.h"
#include "model_table/model_table_model.h"
#include "model_table/models_panel.h"
#include "models/dataset_complexity.h"
#include "run_import/run_import_controller.h"
#include "run_import/run_import_dialog.h"
#include "shell/main_window.h"
#include "shell/presentation_controller.h"
#include "teaching/teaching_tour_dialog.h"
#include "what_if/what_if_tab.h"

namespace nofade::ui {

QObject* ScreenshotRunner::windowObject() const { return window_; }

ScreenshotRunner::ScreenshotRunner(MainWindow* window, const QString& directory, const QString& set, QObject* parent)
    : QObject(parent), window_(window), directory_(directory), set_(set)
{
    waitTimer_.setInterval(200);
    connect(&waitTimer_, &QTimer::timeout, this, [this] {
        // Ready when nothing is scanning and some dataset has a profile.
        bool anyProfile = false;
        for (int i = 0; i < part<DatasetStore>("datasetStore")->count(); ++i)
            anyProfile = anyProfile || part<DatasetStore>("datasetStore")->at(i).hasProfile();
        if (part<ScanController>("scanController")->isIdle() && anyProfile && !part<ModelStore>("modelStore")->reportPending()) {
            waitTimer_.stop();
            if (set_ == QLatin1String("screens"))
                buildScreenSteps();
            else
                buildSteps();
            QTimer::singleShot(500, this, &ScreenshotRunner::next);
        }
    });
}

void ScreenshotRunner::start()
{
    QDir().mkpath(directory_);
    step_ = 0;
    waitTimer_.start();
}

void ScreenshotRunner::buildSteps()
{
    auto tab = [this](int i) { return [this, i] { part<QTabWidget>("chartTabs")->setCurrentIndex(i); }; };
    auto firstId = [this] { return part<DatasetStore>("datasetStore")->count() ? part<DatasetStore>("datasetStore")->at(0).id : 0; };
    steps_ = {
        tab(0),
        [this] { shoot(QStringLiteral("01-entropy-histograms.png")); },
        [this] {
            auto* view = part<EntropyHistogramTab>("entropyHistogramTab")->chartView();
            QChart* chart = view->chart();
            const QPointF p = chart->mapToPosition(QPointF(4.8, 0.1), chart->series().first());
            hover(view->viewport(), view->mapFromScene(chart->mapToScene(p)));
        },
        [this] { shootScreen(QStringLiteral("01b-histogram-hover.png")); },
        [this, tab] { tab(1)(); part<PerClassTab>("perClassTab")->setMode(PerClassTab::Mode::SmallMultiples); },
        [this] { shoot(QStringLiteral("02-per-class-small-multiples.png")); },
        [this] { part<PerClassTab>("perClassTab")->setMode(PerClassTab::Mode::Overlay); part<PerClassTab>("perClassTab")->selectClasses({0, 1, 5, 8}); },
        [this] { shoot(QStringLiteral("03-per-class-overlay.png")); },
        [this, tab] { tab(2)(); },
        [this] { shoot(QStringLiteral("04-class-distances.png")); },
        [this] {
            HeatmapWidget* h = part<ClassDistanceTab>("classDistanceTab")->heatmap();
            const QRect m = h->mapRect();
            hover(h, m.topLeft() + QPoint(m.width() * 3 / 20, m.height() * 13 / 20));
        },
        [this] { shootScreen(QStringLiteral("04b-class-distances-hover.png")); },
        [this, tab] { part<ClassDistanceTab>("classDistanceTab")->setOrder(ClassDistanceTab::Order::MeanEntropy); },
        [this] { shoot(QStringLiteral("05-class-distances-by-mean.png")); },
        [this] { part<QTabWidget>("chartTabs")->setCurrentWidget(window_->findChild<ImagesTab*>()); },
        [this] { shoot(QStringLiteral("05b-images-by-class.png")); },
        [this] {
            // Hover the image drawn nearest the middle of the plot.
            auto* images = window_->findChild<ImagesTab*>();
            const QRectF plot = images->chart()->plotArea();
            const int point = images->layer()->pointAt(plot.center(), plot.width());
            if (point >= 0) {
                auto* view = images->chartView();
                hover(view->viewport(), view->mapFromScene(images->chart()->mapToScene(images->layer()->positionOf(point))));
            }
        },
        [this] { shootScreen(QStringLiteral("05c-images-hover.png")); },
        [this, tab, firstId] { tab(0)(); window_->inspect(firstId()); },
        [this] { shoot(QStringLiteral("06-inspector-lowest.png")); },
        [this] { part<ImageInspectorPanel>("imageInspectorPanel")->showHighest(); },
        [this] { shoot(QStringLiteral("07-inspector-highest.png")); },
        [this] {
            part<QDockWidget>("inspectorDock")->hide();
            part<QDockWidget>("modelsDock")->show();
            part<QDockWidget>("modelsDock")->raise();
            window_->resizeDocks({part<QDockWidget>("modelsDock")}, {420}, Qt::Vertical);
        },
        [this] { shoot(QStringLiteral("09-models-table.png")); },
        [this] {
            // An invalid cell, its reason as a tooltip.
            ModelsPanel* panel = part<ModelsPanel>("modelsPanel");
            part<ModelEditingController>("modelEditingController")->setCell(1, QStringLiteral("score"), QStringLiteral("84.7%"));
            const QModelIndex i = panel->filterModel()->mapFromSource(
                panel->tableModel()->index(1, panel->tableModel()->columnOf(QStringLiteral("score"))));
            panel->view()->scrollTo(i);
            const QPoint p = panel->view()->visualRect(i).center();
            QToolTip::showText(panel->view()->viewport()->mapToGlobal(p), i.data(Qt::ToolTipRole).toString(), panel->view());
        },
        [this] { shootScreen(QStringLiteral("09b-models-invalid-cell.png")); },
        [this] { part<ModelEditingController>("modelEditingController")->undoStack()->undo(); QToolTip::hideText(); },
        [this] { part<PresentationController>("presentationController")->setOn(true); part<QTabWidget>("chartTabs")->setCurrentIndex(0); },
        [this] { shoot(QStringLiteral("20-presentation-mode.png")); },
        [this] { part<PresentationController>("presentationController")->setOn(false); },
    };
    addTourSteps(QStringLiteral("21-tour-%1.png"));
    addModelChartSteps();
    // The class distances of every other dataset with classes (e.g. a 1000-class one).
    const DatasetStore* store = part<DatasetStore>("datasetStore");
    for (int row = 1; row < store->count(); ++row) {
        const DatasetEntry& e = store->at(row);
        if (!e.profile || e.profile->classes.size() < 2)
            continue;
        const int id = e.id;
        const QString name = QStringLiteral("08-class-distances-%1.png").arg(row);
        steps_.push_back([this, id] {
            part<QTabWidget>("chartTabs")->setCurrentIndex(2);
            part<ClassDistanceTab>("classDistanceTab")->setOrder(ClassDistanceTab::Order::Clustering);
            part<ClassDistanceTab>("classDistanceTab")->setDataset(id);
        });
        steps_.push_back([this, name] { shoot(name); });
    }
    addRunImportSteps(); // last: it adds a row to the model table
}

void ScreenshotRunner::addRunImportSteps()
{
    // An illustrative CodeCarbon emissions.csv (CodeCarbon 2.5's header): one ResNet-50 training
    // resumed twice on 8 V100s, and a line whose energy_consumed is empty.
    const QString file = QDir(directory_).filePath(QStringLiteral("example-emissions.csv"));
    const QByteArray header =
        "timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,"
        "cpu_energy,gpu_energy,ram_energy,energy_consumed,country_name,country_iso_code,region,cloud_provider,"
        "cloud_region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,"
        "ram_total_size,tracking_mode,on_cloud,pue\n";
    auto run = [](const char* time, const char* id, const char* seconds, const char* kg, const char* kwh) -> QByteArray {
        return QByteArray(time) + ",my-resnet50,r-" + id + ",exp-a," + seconds + "," + kg + ",0.0000386,60,2300,40,0.6," + kwh
               + ",0.4," + kwh + ",France,FRA,,,,Linux,3.11,2.5.0,32,AMD EPYC 7402,8,8 x Tesla V100-SXM2-32GB,2.3,48.8,"
               "256,machine,N,1.0\n";
    };
    QFile out(file);
    if (out.open(QIODevice::WriteOnly))
        out.write(QByteArray(header + run("2024-03-04T08:00:00", "1", "36000", "1.41", "25.1") + run("2024-03-04T18:05:00", "2", "36000", "1.42", "25.3")
                  + run("2024-03-05T04:10:00", "3", "32400", "1.27", "22.6") + run("2024-03-05T13:20:00", "4", "120", "0.01", "")));
    RunImportController* imports = part<RunImportController>("runImportController");
    steps_.insert(steps_.end(), {
        [this, imports, file] {
            window_->showNormal();
            window_->resize(1366, 768);
            RunImportDialog* d = imports->open();
            d->setFile(file);
            d->findChild<QCheckBox*>(QStringLiteral("runImportSumRuns"))->setChecked(true);
            auto* task = d->findChild<QComboBox*>(QStringLiteral("runImportTask"));
            task->setCurrentIndex(task->findData(QStringLiteral("classification")));
            d->findChild<QComboBox*>(QStringLiteral("runImportDataset"))->setEditText(QStringLiteral("ImageNet"));
            d->findChild<QLineEdit*>(QStringLiteral("runImportScore"))->setText(QStringLiteral("76.1"));
        },
        [] {},
        [this, imports] {
            if (imports->dialog())
                shootWidget(imports->dialog(), QStringLiteral("40-import-runs-dialog.png"));
        },
        [this, imports] {
            if (imports->dialog())
                imports->dialog()->importRows();
            // What a run log lacks and NoFADE needs, filled in as in the table: the forward compute
            // (torchvision lists 4.09 GFLOPS for ResNet-50, counted as multiply-adds).
            ModelStore* store = part<ModelStore>("modelStore");
            const int row = int(store->table().rows().size()) - 1;
            auto* editing = part<ModelEditingController>("modelEditingController");
            editing->setCell(row, QStringLiteral("compute"), QStringLiteral("4.09"));
            editing->setCell(row, QStringLiteral("compute_unit"), QStringLiteral("GMACs"));
            part<ModelSelectionStore>("modelSelectionStore")->select({row}, nullptr);
            // The charts get the room: the side and bottom docks closed.
            for (const char* dock : {"modelSettingsDock", "datasetsDock", "modelsDock", "inspectorDock"})
                if (auto* d = part<QDockWidget>(dock))
                    d->hide();
            SaturationTab* sat = part<ModelFiguresController>("modelFiguresController")->saturationView();
            part<QTabWidget>("chartTabs")->setCurrentWidget(sat);
            sat->setColourBy(ColourBy::Task);
            sat->setDatasets(QStringLiteral("grid"));
        },
        [this] { shoot(QStringLiteral("41-saturation-imported-run.png")); },
        [this] { part<QTabWidget>("chartTabs")->setCurrentWidget(part<ModelFiguresController>("modelFiguresController")->noFadeView()); },
        [this] { shoot(QStringLiteral("42-nofade-imported-run.png")); },
    });
}

void ScreenshotRunner::addTourSteps(const QString& pattern)
{
    // The teaching tour, page by page.
    steps_.push_back([this] { tour_ = window_->showTeachingTour(); });
    for (int page = 0; page < 8; ++page) {
        steps_.push_back([this, page] {
            if (tour_)
                tour_->showPage(page);
        });
        steps_.push_back([this, page, pattern] {
            if (tour_ && tour_->currentPage() == page)
                shootWidget(tour_, pattern.arg(page + 1));
        });
    }
    steps_.push_back([this] {
        if (tour_)
            tour_->close();
    });
}

void ScreenshotRunner::buildScreenSteps()
{
    // The window fills the screen (no window manager: its geometry is set), docks as on a first start.
    const QRect screen = QGuiApplication::primaryScreen()->geometry();
    const QString size = QStringLiteral("%1x%2").arg(screen.width()).arg(screen.height());
    auto* tabs = part<QTabWidget>("chartTabs");
    // The file name of a tab: its text as a slug ("Class distances" -> class-distances).
    auto slug = [tabs](int i) {
        return tabs->tabText(i).remove(QLatin1Char('&')).toLower().replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    };
    steps_ = {[this] {
        window_->resetLayout();
        window_->setGeometry(QGuiApplication::primaryScreen()->availableGeometry());
    }};
    for (int i = 0; i < tabs->count(); ++i) {
        const QString name = QStringLiteral("40-%1-%2-%3.png").arg(size).arg(i + 1).arg(slug(i));
        steps_.push_back([tabs, i] { tabs->setCurrentIndex(i); });
        steps_.push_back([this, name] { shoot(name); });
    }
    steps_.push_back([this, tabs] {
        tabs->setCurrentIndex(0);
        part<PresentationController>("presentationController")->setOn(true);
    });
    for (int i = 0; i < tabs->count(); ++i) {
        const QString name = QStringLiteral("41-%1-presentation-%2-%3.png").arg(size).arg(i + 1).arg(slug(i));
        steps_.push_back([tabs, i] { tabs->setCurrentIndex(i); });
        steps_.push_back([this, name] { shoot(name); });
    }
    steps_.push_back([this] { part<PresentationController>("presentationController")->setOn(false); });
    addTourSteps(QStringLiteral("42-%1-tour-%2.png").arg(size, QStringLiteral("%1")));
}

void ScreenshotRunner::addModelChartSteps()
{
    ModelFiguresController* charts = part<ModelFiguresController>("modelFiguresController");
    auto show = [this](QWidget* w) { part<QTabWidget>("chartTabs")->setCurrentWidget(w); };
    SaturationTab* sat = charts->saturationView();
    NoFadeTab* nof = charts->noFadeView();
    const QString imagenet = part<ModelStore>("modelStore")->report().datasets.empty()
                                 ? QString() : part<ModelStore>("modelStore")->report().datasets.front().key;
    steps_.insert(steps_.end(), {
        [=, this] { show(sat); sat->setDatasets(QStringLiteral("grid")); },
        [this] { shoot(QStringLiteral("10-saturation-grid.png")); },
        [=, this] { sat->setDatasets(QStringLiteral("overlay")); },
        [this] { shoot(QStringLiteral("11-saturation-overlay.png")); },
        [=, this] { sat->setDatasets(imagenet); },
        [=, this] {
            // Select the two highest-scoring models, then hover a third.
            if (sat->views().empty())
                return;
            ModelChart* chart = sat->chart(0);
            QList<int> rows = chart->points().keys();
            std::sort(rows.begin(), rows.end(), [chart](int a, int b) { return chart->points().value(a).y() > chart->points().value(b).y(); });
            part<ModelSelectionStore>("modelSelectionStore")->select({rows.value(0), rows.value(1)}, nullptr);
            ModelChartView* view = sat->views().front();
            const QPointF p = chart->positionOf(chart->points().value(rows.value(4)));
            hover(view->viewport(), view->mapFromScene(chart->mapToScene(p)));
        },
        [this] { shootScreen(QStringLiteral("12-saturation-imagenet-hover.png")); },
        [=, this] { sat->setStyleName(QStringLiteral("publication")); },
        [this] { shoot(QStringLiteral("13-saturation-publication.png")); },
        [=, this] { sat->setStyleName(QStringLiteral("screen")); show(nof); },
        [this] { shoot(QStringLiteral("14-nofade-empty.png")); },
        [this] {
            // Typed-in complexities (as a user would in the Models panel) to show the scatter.
            part<ModelStore>("modelStore")->setComplexities({typedComplexity(QStringLiteral("ImageNet"), 0.65, QStringLiteral("screenshot")),
                                                        typedComplexity(QStringLiteral("MS COCO"), 4.2, QStringLiteral("screenshot")),
                                                        typedComplexity(QStringLiteral("Cityscapes"), 5.1, QStringLiteral("screenshot"))});
        },
        [this] { shoot(QStringLiteral("15-nofade-tasks.png")); },
        [=, this] {
            if (nof->views().empty())
                return;
            ModelChart* chart = nof->chart(0);
            ModelChartView* view = nof->views().front();
            const int row = chart->points().keys().value(0);
            const QPointF p = chart->positionOf(chart->points().value(row));
            hover(view->viewport(), view->mapFromScene(chart->mapToScene(p)));
        },
        [this] { shootScreen(QStringLiteral("16-nofade-hover.png")); },
        // The intervals, the curve families and the next point; What if; the life-cycle settings.
        [=, this] {
            // The window at the screen's size again (earlier steps grew it), coloured by task: a
            // short legend that leaves room for the curve families.
            part<QDockWidget>("modelsDock")->hide();
            window_->resize(QGuiApplication::primaryScreen()->availableGeometry().size());
            window_->resizeDocks({part<QDockWidget>("modelSettingsDock")}, {300}, Qt::Horizontal);
            show(sat);
            sat->setDatasets(imagenet);
            sat->setColourBy(ColourBy::Task);
            sat->setErrorBars(true);
            part<ModelSelectionStore>("modelSelectionStore")->clear(nullptr);
        },
        [this] { shoot(QStringLiteral("40-saturation-error-bars.png")); },
        [=, this] {
            ModelFiguresController* c = part<ModelFiguresController>("modelFiguresController");
            part<QTabWidget>("chartTabs")->setCurrentWidget(c->whatIfView());
            // The highest-scoring model of the first dataset's chart.
            if (!sat->views().empty()) {
                ModelChart* chart = sat->chart(0);
                QList<int> rows = chart->points().keys();
                std::sort(rows.begin(), rows.end(), [chart](int a, int b) { return chart->points().value(a).y() > chart->points().value(b).y(); });
                part<ModelSelectionStore>("modelSelectionStore")->select({rows.value(0)}, nullptr);
            }
        },
        [this] { shoot(QStringLiteral("41-what-if.png")); },
        [=, this] { sat->setColourBy(ColourBy::Family); },
        [this] {
            auto* dock = part<QDockWidget>("modelSettingsDock");
            dock->show();
            dock->raise();
            window_->resizeDocks({dock}, {340}, Qt::Horizontal);
            if (auto* group = window_->findChild<QWidget*>(QStringLiteral("lifeCycleGroup")))
                if (auto* scroll = qobject_cast<QScrollArea*>(group->parentWidget()->parentWidget()->parentWidget()))
                    scroll->ensureWidgetVisible(group, 0, 0);
        },
        [this] { shootWidget(part<QDockWidget>("modelSettingsDock"), QStringLiteral("42-model-settings-life-cycle.png")); },
    });
}

void ScreenshotRunner::next()
{
    if (step_ >= steps_.size()) {
        Q_EMIT finished(ok_);
        return;
    }
    // The report is built on a worker thread: a step sees the report of the current models.
    if (part<ModelStore>("modelStore")->reportPending()) {
        QTimer::singleShot(100, this, &ScreenshotRunner::next);
        return;
    }
    steps_[step_++]();
    // Give the views time to lay out and (for the inspector) to decode in their worker.
    QTimer::singleShot(700, this, &ScreenshotRunner::next);
}

void ScreenshotRunner::settle()
{
    // What a step queued (widgets shown by a layout, presentation mode's restyling of new charts on a
    // 0 ms timer) runs before the picture: on a busy machine a rebuild could end just before it.
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
}

void ScreenshotRunner::hover(QWidget* widget, const QPoint& pos)
{
    QMouseEvent move(QEvent::MouseMove, QPointF(pos), QPointF(widget->mapToGlobal(pos)), Qt::NoButton, Qt::NoButton,
                     Qt::NoModifier);
    QApplication::sendEvent(widget, &move);
}

void ScreenshotRunner::shootScreen(const QString& name)
{
    settle();
    // The whole screen: tooltips are windows of their own.
    const QString file = QDir(directory_).filePath(name);
    if (!QGuiApplication::primaryScreen()->grabWindow(0).save(file)) {
        qWarning("cannot write %s", qPrintable(file));
        ok_ = false;
    }
}

void ScreenshotRunner::shootWidget(QWidget* widget, const QString& name)
{
    settle();
    const QString file = QDir(directory_).filePath(name);
    if (!widget->grab().save(file)) {
        qWarning("cannot write %s", qPrintable(file));
        ok_ = false;
    }
}

void ScreenshotRunner::shoot(const QString& name)
{
    settle();
    const QString file = QDir(directory_).filePath(name);
    if (!window_->grab().save(file)) {
        qWarning("cannot write %s", qPrintable(file));
        ok_ = false;
    }
}

} // namespace nofade::ui
