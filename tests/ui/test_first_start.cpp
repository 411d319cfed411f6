// A 1280 x 720 projector: the offscreen platform is given one screen of that size (its configfile
// option). The main window's first start, with no settings yet, must lie wholly on it with its
// Datasets dock and status bar, and the place it was given is remembered for the next start.
// Presentation mode there enlarges every text and line and clips none; a 1,000-class dataset
// shows all its classes in Per class and a heatmap that zooms, pans and finds a class.
#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDockWidget>
#include <QFile>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QXYSeries>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QWheelEvent>
#include <QtTest>

#include "chart_kit/figure_legend_layer.h"
#include "dataset_state/dataset_store.h"
#include "entropy_tabs/class_distance_tab.h"
#include "entropy_tabs/heatmap_widget.h"
#include "entropy_tabs/images_tab.h"
#include "entropy_tabs/per_class_tab.h"
#include "entropy_tabs/small_multiples_widget.h"
#include "shell/main_window.h"
#include "model_figures/model_chart.h"
#include "model_figures/model_chart_view.h"
#include "model_figures/saturation_tab.h"
#include "model_table/model_store.h"
#include "models/model_table.h"
#include "shell/presentation_controller.h"
#include "ui_fixtures.h"

using namespace nofade;
using namespace nofade::ui;

namespace {

// Fashion-MNIST's class names: the longest ("T-shirt/top", "Ankle boot") are the ones cut short.
const QStringList kFashionNames{QStringLiteral("T-shirt/top"), QStringLiteral("Trouser"), QStringLiteral("Pullover"),
                                QStringLiteral("Dress"), QStringLiteral("Coat"), QStringLiteral("Sandal"),
                                QStringLiteral("Shirt"), QStringLiteral("Sneaker"), QStringLiteral("Bag"),
                                QStringLiteral("Ankle boot")};

double pixels(const QFont& f) { return QFontInfo(f).pixelSize(); }

// What Qt Charts drew cut short: its truncated texts end with "..." (or an ellipsis).
QStringList truncatedTexts(QChart* chart)
{
    QStringList cut;
    for (QGraphicsItem* item : chart->scene()->items())
        if (auto* text = dynamic_cast<QGraphicsTextItem*>(item); text && text->isVisible()) {
            const QString t = text->toPlainText();
            if (t.endsWith(QStringLiteral("...")) || t.endsWith(QChar(0x2026)))
                cut << t;
        }
    return cut;
}

// Whether a scroll area holds `w` (it may be larger than the window: it scrolls).
bool insideScrollArea(QWidget* w)
{
    for (QWidget* p = w->parentWidget(); p; p = p->parentWidget())
        if (p->inherits("QAbstractScrollArea"))
            return true;
    return false;
}

// A widget's rectangle in the window's coordinates.
QRect inWindow(QWidget* w) { return QRect(w->mapTo(w->window(), QPoint(0, 0)), w->size()); }

// One legend entry or title as drawn: the text it should say, the text drawn, and where (view
// coordinates).
struct Drawn {
    QString full;
    QString shown;
    QRectF where;
};

// What a chart view shows of its chart's title and legend: the wrapping layer's entries when the
// chart has one, else Qt's own legend and title items.
std::vector<Drawn> titleAndLegend(QChartView* view)
{
    QChart* chart = view->chart();
    std::vector<Drawn> out;
    const auto toView = [view, chart](const QRectF& r) { return QRectF(view->mapFromScene(chart->mapRectToScene(r)).boundingRect()); };
    if (const FigureLegendLayer* layer = FigureLegendLayer::of(chart)) {
        // The text is whole when it fits its rectangle as the layer draws it (wrapped at words).
        const auto fits = [](const QFont& font, const QRectF& r, const QString& text) {
            const QRectF need = QFontMetricsF(font).boundingRect(QRectF(r.left(), r.top(), r.width(), 100000.0),
                                                                 Qt::AlignLeft | Qt::TextWordWrap, text);
            return need.width() <= r.width() + 0.5 && need.height() <= r.height() + 0.5;
        };
        out.push_back({layer->title(), fits(layer->titleFont(), layer->titleRect(), layer->title()) ? layer->title() : QString(),
                       toView(layer->titleRect())});
        for (const FigureLegendLayer::Laid& e : layer->laidOut())
            out.push_back({e.label, fits(layer->labelFont(), e.text, e.label) ? e.label : QString(), toView(e.box)});
        return out;
    }
    QStringList labels{chart->title()};
    for (QLegendMarker* m : chart->legend()->markers())
        if (m->isVisible() && !m->label().isEmpty())
            labels << m->label();
    for (QGraphicsItem* item : chart->scene()->items())
        if (auto* text = dynamic_cast<QGraphicsTextItem*>(item); text && text->isVisible()
            && (text->parentItem() == chart || chart->legend()->isAncestorOf(text))) {
            const QString shown = text->toPlainText();
            QString full = shown;
            for (const QString& l : labels)
                if (l.startsWith(shown.chopped(shown.endsWith(QChar(0x2026)) ? 1 : 0).remove(QStringLiteral("..."))))
                    full = l;
            out.push_back({full, shown, toView(text->mapRectToScene(text->boundingRect()))});
        }
    return out;
}

// The saturation grid's charts: each title and legend entry drawn whole, inside its chart and the
// part of the chart its view shows, above the plot.
void checkSaturationLegends(QWidget* tab, const QString& where)
{
    QTest::qWait(50); // the lazy rebuild
    QApplication::processEvents();
    const QList<ModelChartView*> views = tab->findChildren<ModelChartView*>();
    QVERIFY2(views.size() >= 3, qPrintable(where));
    bool sawRuns = false;
    int most = 0;
    for (ModelChartView* view : views) {
        view->viewport()->grab(); // lays the chart out
        QApplication::processEvents();
        QChart* chart = view->chart();
        const QRectF shown = QRectF(view->viewport()->rect()).intersected(
            view->mapFromScene(chart->mapRectToScene(chart->rect())).boundingRect());
        const QRectF plot = view->mapFromScene(chart->mapRectToScene(chart->plotArea())).boundingRect();
        const std::vector<Drawn> drawn = titleAndLegend(view);
        QVERIFY2(drawn.size() >= 2, qPrintable(where));
        most = std::max(most, int(drawn.size()) - 1);
        for (const Drawn& d : drawn) {
            const QString what = QStringLiteral("%1, %2: \"%3\" drawn as \"%4\" at %5,%6 %7x%8 in %9x%10")
                                     .arg(where, view->objectName(), d.full, d.shown)
                                     .arg(d.where.x()).arg(d.where.y()).arg(d.where.width()).arg(d.where.height())
                                     .arg(shown.width()).arg(shown.height());
            sawRuns = sawRuns || d.full == QStringLiteral("your runs (measured)");
            QVERIFY2(d.shown == d.full, qPrintable(what));
            QVERIFY2(shown.adjusted(-0.5, -0.5, 0.5, 0.5).contains(d.where), qPrintable(what));
            QVERIFY2(!d.where.adjusted(0.5, 0.5, -0.5, -0.5).intersects(plot), qPrintable(what));
        }
    }
    QVERIFY2(sawRuns, qPrintable(where));
    QVERIFY2(most >= 15, qPrintable(where + QStringLiteral(": %1 entries").arg(most))); // ImageNet's families
}

} // namespace

class FirstStartTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        uitest::isolateSettings();
        QSettings().clear();
        QCOMPARE(QGuiApplication::primaryScreen()->geometry(), QRect(0, 0, 1280, 720));
    }

    void theWholeWindowIsOnScreen()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QRect screen = window.screen()->availableGeometry();
        QVERIFY2(screen.contains(window.frameGeometry()),
                 qPrintable(QStringLiteral("%1,%2 %3x%4").arg(window.frameGeometry().x()).arg(window.frameGeometry().y())
                                .arg(window.frameGeometry().width()).arg(window.frameGeometry().height())));
        for (QWidget* part : {static_cast<QWidget*>(window.statusBar()), static_cast<QWidget*>(window.findChild<QDockWidget*>(QStringLiteral("datasetsDock"))),
                              window.centralWidget()}) {
            QVERIFY(part && part->isVisible());
            const QRect global(part->mapToGlobal(QPoint(0, 0)), part->size());
            QVERIFY2(screen.contains(global), part->metaObject()->className());
        }
        // The charts keep most of the window.
        QVERIFY(window.centralWidget()->height() >= window.height() / 3);
        QVERIFY(window.close());
        // Remembered: the next start opens where this one was.
        const QRect was = window.geometry();
        MainWindow again;
        QCOMPARE(again.geometry(), was);
    }

    void presentationModeEnlargesEveryTextAndClipsNone()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* store = uitest::part<DatasetStore>(window, "datasetStore");
        uitest::addScannedProfile(store, QStringLiteral("Fashion-MNIST"), uitest::makeClassProfile(10, 200, kFashionNames));
        auto* tabs = uitest::part<QTabWidget>(window, "chartTabs");
        tabs->setCurrentIndex(0);
        QChartView* histogram = uitest::part<QChartView>(window, "entropyChartView");
        QTRY_VERIFY(!histogram->chart()->series().isEmpty());
        QChart* chart = histogram->chart();
        QAbstractAxis* xAxis = chart->axes(Qt::Horizontal).first();
        QLabel* hint = nullptr;
        for (QLabel* l : window.findChildren<QLabel*>())
            if (l->text().startsWith(QStringLiteral("Wheel: zoom")))
                hint = l;
        QVERIFY(hint);
        QXYSeries* xy = nullptr; // a line of the chart (its curves may be areas)
        for (QAbstractSeries* series : chart->series())
            if (!xy)
                xy = qobject_cast<QXYSeries*>(series);
        QVERIFY(xy);
        const double before[] = {pixels(chart->titleFont()), pixels(xAxis->titleFont()), pixels(xAxis->labelsFont()),
                                 pixels(chart->legend()->font()), pixels(hint->font()), xy->pen().widthF()};

        auto* presentation = uitest::part<PresentationController>(window, "presentationController");
        presentation->setOn(true);
        QTRY_COMPARE(window.size(), QSize(1280, 720));
        QApplication::processEvents();
        const double after[] = {pixels(chart->titleFont()), pixels(xAxis->titleFont()), pixels(xAxis->labelsFont()),
                                pixels(chart->legend()->font()), pixels(hint->font()), xy->pen().widthF()};
        const char* what[] = {"chart title", "axis title", "tick labels", "legend", "hint", "line width"};
        for (int i = 0; i < 6; ++i)
            QVERIFY2(after[i] >= 1.4 * before[i], qPrintable(QStringLiteral("%1: %2 -> %3").arg(QLatin1String(what[i])).arg(before[i]).arg(after[i])));

        // Every tab, at 1280 x 720 in presentation mode: nothing drawn cut short, nothing beyond
        // the window.
        for (int t = 0; t < tabs->count(); ++t) {
            tabs->setCurrentIndex(t);
            QTest::qWait(50); // the lazy rebuild of a tab shown
            QApplication::processEvents();
            const QString tab = tabs->tabText(t).remove(QLatin1Char('&'));
            for (QChartView* view : tabs->currentWidget()->findChildren<QChartView*>()) {
                if (!view->isVisible())
                    continue;
                view->viewport()->grab(); // lays the chart out
                // Charts made while the mode is on are enlarged too: the title is 1.6 times the
                // one the chart was given (which the controller keeps in a property to restore it).
                const QVariant base = view->chart()->property("nofadePresentationBasetitle");
                QVERIFY2(base.isValid(), qPrintable(tab));
                QVERIFY2(pixels(view->chart()->titleFont()) >= 1.4 * pixels(base.value<QFont>()), qPrintable(tab));
                const QStringList cut = truncatedTexts(view->chart());
                QVERIFY2(cut.isEmpty(), qPrintable(tab + QStringLiteral(": ") + cut.join(QStringLiteral(" | "))));
                // A model chart's footer (the fit's numbers, the next point's cost) and its point
                // labels grow with the tick labels.
                if (auto* model = qobject_cast<ModelChart*>(view->chart())) {
                    const QFont base = model->axes(Qt::Horizontal).first()->property("nofadePresentationBaselabels").value<QFont>();
                    for (QGraphicsItem* item : model->childItems()) {
                        if (auto* text = dynamic_cast<QGraphicsTextItem*>(item))
                            QVERIFY2(pixels(text->font()) >= 1.4 * pixels(base), qPrintable(tab + QStringLiteral(": footer")));
                        if (auto* label = dynamic_cast<QGraphicsSimpleTextItem*>(item))
                            QVERIFY2(pixels(label->font()) >= 1.4 * pixels(base), qPrintable(tab + QStringLiteral(": ") + label->text()));
                    }
                }
            }
            for (QWidget* w : tabs->currentWidget()->findChildren<QWidget*>())
                if (w->isVisible() && !insideScrollArea(w) && !w->inherits("QScrollBar"))
                    QVERIFY2(QRect(0, 0, 1280, 720).contains(inWindow(w)),
                             qPrintable(QStringLiteral("%1: %2 %3 at %4,%5 %6x%7 \"%8\"").arg(tab, QLatin1String(w->metaObject()->className()), w->objectName())
                                            .arg(inWindow(w).x()).arg(inWindow(w).y()).arg(inWindow(w).width()).arg(inWindow(w).height())
                                            .arg(qobject_cast<QLabel*>(w) ? qobject_cast<QLabel*>(w)->text().left(60) : QString())));
        }

        // Per class: every panel's title whole, its y labels inside the panel and clear of the title.
        tabs->setCurrentWidget(uitest::part<PerClassTab>(window, "perClassTab"));
        SmallMultiplesWidget* multiples = uitest::part<PerClassTab>(window, "perClassTab")->smallMultiples();
        QTRY_COMPARE(multiples->panelCount(), 10);
        const QFontMetrics title(multiples->font());
        const QFontMetrics tick(multiples->tickFont());
        for (int i = 0; i < multiples->panelCount(); ++i) {
            const QString name = multiples->panelTitle(i);
            QVERIFY2(title.horizontalAdvance(name) <= multiples->titleRect(i).width(), qPrintable(name));
            QVERIFY(multiples->panelRect(i).contains(multiples->titleRect(i)));
            for (bool top : {true, false}) {
                const QRect label = multiples->yLabelRect(i, top);
                QVERIFY2(multiples->panelRect(i).contains(label), qPrintable(name));
                QVERIFY2(!label.intersects(multiples->titleRect(i)), qPrintable(name));
                QVERIFY(tick.horizontalAdvance(top ? multiples->yTopLabel(i) : QStringLiteral("0")) <= label.width());
                QVERIFY(tick.height() <= label.height());
            }
        }
        // Images: every class named whole ("Ankle boot" was "Ankle b...").
        tabs->setCurrentWidget(window.findChild<ImagesTab*>());
        QTRY_COMPARE(window.findChild<ImagesTab*>()->labelledColumns().size(), std::size_t(10));

        presentation->setOn(false);
        QTRY_VERIFY(!window.isFullScreen());
        QCOMPARE(pixels(chart->titleFont()), before[0]);
        QCOMPARE(pixels(xAxis->labelsFont()), before[2]);
        QCOMPARE(pixels(hint->font()), before[4]);
        QCOMPARE(xy->pen().widthF(), before[5]);
    }

    // The saturation grid coloured by family (ImageNet has about 20) with a run of the user's:
    // every title and legend entry whole and inside its chart, at 1366 x 768 and in presentation
    // mode at 1280 x 720 (a row grows and the grid scrolls rather than cutting a legend).
    void saturationLegendsAreWholeAtLaptopAndProjectorSizes()
    {
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* models = uitest::part<ModelStore>(window, "modelStore");
        QVERIFY(uitest::waitForReport(models));
        ModelTable table = models->table();
        uitest::appendMeasuredRun(table);
        models->setTable(table);
        QVERIFY(uitest::waitForReport(models));
        auto* tabs = uitest::part<QTabWidget>(window, "chartTabs");
        auto* saturation = uitest::part<SaturationTab>(window, "saturationView");
        tabs->setCurrentWidget(saturation);
        saturation->setDatasets(QStringLiteral("grid"));
        saturation->setColourBy(ColourBy::Family);
        QCOMPARE(window.size(), QSize(1366, 768));
        checkSaturationLegends(saturation, QStringLiteral("1366x768"));
        if (QTest::currentTestFailed())
            return;

        auto* presentation = uitest::part<PresentationController>(window, "presentationController");
        presentation->setOn(true);
        QTRY_COMPARE(window.size(), QSize(1280, 720));
        checkSaturationLegends(saturation, QStringLiteral("presentation 1280x720"));
        if (QTest::currentTestFailed())
            return;
        // The legend's type is presentation mode's.
        ModelChartView* first = saturation->findChildren<ModelChartView*>().constFirst();
        const QVariant base = first->chart()->legend()->property("nofadePresentationBaselegend");
        QVERIFY(base.isValid());
        QVERIFY(FigureLegendLayer::of(first->chart()));
        QVERIFY(pixels(FigureLegendLayer::of(first->chart())->labelFont()) >= 1.4 * pixels(base.value<QFont>()));
        presentation->setOn(false);
        QTRY_VERIFY(!window.isFullScreen());
    }

    void perClassShowsEveryOneOfAThousandClasses()
    {
        DatasetStore store;
        PerClassTab tab(&store);
        tab.resize(1200, 640);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        tab.setDataset(uitest::addScannedProfile(&store, QStringLiteral("thousand"), uitest::makeClassProfile(1000, 20)));
        auto* list = uitest::part<QListWidget>(tab, "perClassList");
        QTRY_COMPARE(list->count(), 1000);
        uitest::part<QPushButton>(tab, "perClassAll")->click();
        SmallMultiplesWidget* multiples = tab.smallMultiples();
        QTRY_COMPARE(multiples->panelCount(), 1000);
        QCOMPARE(int(tab.selectedClasses().size()), 1000);
        // The scroll area holds every row: scrolled to the end, the last panel is in view.
        auto* scroll = uitest::part<QScrollArea>(tab, "perClassScroll");
        QTRY_VERIFY(multiples->height() >= multiples->panelRect(999).bottom());
        scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
        QApplication::processEvents();
        const QRect last = multiples->panelRect(999);
        QVERIFY(QRect(multiples->mapFrom(scroll->viewport(), QPoint(0, 0)), scroll->viewport()->size()).intersects(last));

        // The filter box: ten classes shown; None and All act on those.
        auto* filter = uitest::part<QLineEdit>(tab, "perClassFilter");
        QTest::keyClicks(filter, QStringLiteral("class099"));
        int shown = 0;
        for (int i = 0; i < list->count(); ++i)
            shown += list->item(i)->isHidden() ? 0 : 1;
        QCOMPARE(shown, 10);
        uitest::part<QPushButton>(tab, "perClassNone")->click();
        QTRY_COMPARE(multiples->panelCount(), 990);
        QCOMPARE(int(tab.selectedClasses().size()), 990);
        filter->clear();
        uitest::part<QPushButton>(tab, "perClassNone")->click();
        QTRY_COMPARE(multiples->panelCount(), 0);
        QTest::keyClicks(filter, QStringLiteral("CLASS0012"));
        uitest::part<QPushButton>(tab, "perClassAll")->click();
        QTRY_COMPARE(multiples->panelCount(), 1);
        QCOMPARE(multiples->curves().front().name, QStringLiteral("class0012"));
    }

    void heatmapOfAThousandClassesZoomsPansAndFindsAClass()
    {
        DatasetStore store;
        ClassDistanceTab tab(&store);
        tab.resize(1200, 640);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        tab.setOrder(ClassDistanceTab::Order::Dataset);
        tab.setDataset(uitest::addScannedProfile(&store, QStringLiteral("thousand"), uitest::makeClassProfile(1000, 20)));
        HeatmapWidget* map = tab.heatmap();
        QTRY_COMPARE(map->matrix().n, 1000);
        // Whole: cells under a pixel, so only every k-th class is labelled, a line of text apart.
        const int lineHeight = map->fontMetrics().height();
        QCOMPARE(map->zoom(), 1.0);
        const int wholeStep = map->labelStep();
        QVERIFY2(wholeStep > 1, qPrintable(QString::number(wholeStep)));
        QVERIFY(wholeStep * map->mapRect().height() / 1000.0 >= lineHeight);
        QVERIFY(!map->labelledPositions().empty());
        // The wheel zooms around the cursor: the cell under it stays, labels come closer.
        const QPoint centre = map->mapRect().center();
        int a0 = -1, b0 = -1;
        QVERIFY(map->cellAt(centre, &a0, &b0));
        for (int k = 0; k < 10; ++k) {
            QWheelEvent wheel(QPointF(centre), QPointF(map->mapToGlobal(centre)), QPoint(), QPoint(0, 120), Qt::NoButton,
                              Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(map, &wheel);
        }
        QVERIFY2(map->zoom() > 8.0, qPrintable(QString::number(map->zoom())));
        QVERIFY(map->labelStep() < wholeStep);
        int a1 = -1, b1 = -1;
        QVERIFY(map->cellAt(centre, &a1, &b1));
        QVERIFY2(std::abs(a1 - a0) <= 1 && std::abs(b1 - b0) <= 1, qPrintable(QStringLiteral("%1,%2 -> %3,%4").arg(a0).arg(b0).arg(a1).arg(b1)));
        // Dragging pans.
        const QRectF before = map->visibleCells();
        QTest::mousePress(map, Qt::LeftButton, {}, centre);
        QTest::mouseMove(map, centre + QPoint(60, 30));
        QTest::mouseRelease(map, Qt::LeftButton, {}, centre + QPoint(60, 30));
        QVERIFY(map->visibleCells().left() < before.left() && map->visibleCells().top() < before.top());
        // R shows the whole map again.
        map->setFocus();
        QTest::keyClick(map, Qt::Key_R);
        QCOMPARE(map->zoom(), 1.0);
        // Search: the class is brought into view with its label.
        auto* search = uitest::part<QLineEdit>(tab, "distanceSearch");
        QTest::keyClicks(search, QStringLiteral("class0737"));
        QCOMPARE(map->shownItem(), 737);
        const std::vector<int> labelled = map->labelledPositions();
        QVERIFY(map->labelStep() == 1);
        QVERIFY(std::find(labelled.begin(), labelled.end(), 737) != labelled.end()); // dataset order: position = index
        QVERIFY(map->visibleCells().contains(QPointF(737.5, 737.5)));
        QCOMPARE(tab.findClass(QStringLiteral("no such class")), -1);
    }
};

int main(int argc, char** argv)
{
    // One 1280 x 720 screen, before the application connects to the platform.
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screens.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return 1;
    file.write(R"({"screens": [{"name": "projector", "x": 0, "y": 0, "width": 1280, "height": 720,
                   "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
    file.close();
    qputenv("QT_QPA_PLATFORM", QByteArray("offscreen:configfile=") + QFile::encodeName(config));
    QApplication app(argc, argv);
    FirstStartTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_first_start.moc"
