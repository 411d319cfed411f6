#include "export/figure_builder.h"

#include <algorithm>
#include <cmath>
#include <QAreaSeries>
#include <QCategoryAxis>
#include <QFontMetricsF>
#include <QGraphicsTextItem>
#include <QLegend>
#include <QLineSeries>
#include <QPainter>
#include <QScatterSeries>
#include <QValueAxis>

#include "chart_kit/chart_palette.h"
#include "chart_kit/figure_legend_layer.h"
#include "chart_kit/point_cloud_layer.h"
#include "entropy_tabs/density_chart.h"
#include "entropy_tabs/heatmap_figure.h"
#include "entropy_tabs/image_strip.h"
#include "export/complexity_figures.h"
#include "export/figure_csv.h"
#include "maths/class_ordering.h"
#include "profile/density_histogram.h"

namespace nofade::ui {

namespace {
constexpr double kPanelWidthIn = 1.15;
constexpr double kPanelHeightIn = 1.5; // less: Qt Charts elides the bottom axis of a panel with an axis title
constexpr int kMaxStripLabels = 30; // more classes: one label per group of columns

bool hasImages(const FigureDataset& d) { return d.profile && d.profile->images() > 0; }

std::vector<int> classesOf(const FigureDataset& d)
{
    return d.classes.empty() ? d.profile->usableClasses() : d.classes;
}

JsdSummary jsdOf(const FigureDataset& d) { return d.jsd ? *d.jsd : d.profile->jsd(); }

DensityHistogram classHistogram(const Profile& p, int c, int bins)
{
    // Per-image entropies give any bin count; a profile saved without them has each class's
    // histogram at the profile's bins.
    const ClassProfile& cp = p.classes[std::size_t(c)];
    return !p.perImage.empty() ? histogramOfImages(p.perImage, c, bins)
                               : rebinCounts(cp.histogram.counts(), std::min(bins, cp.histogram.bins()));
}

std::vector<DensityCurve> classCurves(const FigureDataset& d, const std::vector<int>& classes, int bins)
{
    std::vector<DensityCurve> curves;
    for (int c : classes) {
        const ClassProfile& cp = d.profile->classes[std::size_t(c)];
        DensityCurve curve;
        curve.name = cp.name;
        curve.colour = ChartPalette::colour(c);
        curve.key = c;
        curve.mean = cp.moments.count() ? cp.moments.mean() : std::nan("");
        curve.histogram = classHistogram(*d.profile, c, bins);
        curves.push_back(std::move(curve));
    }
    return curves;
}

std::unique_ptr<DensityChart> densityChart(std::vector<DensityCurve> curves, const QString& title, const FigureStyle& style,
                                           bool meanMarkers)
{
    auto chart = std::make_unique<DensityChart>();
    chart->setTitle(title);
    style.apply(chart.get()); // before the curves: the legend's label colour is the markers' base
    chart->setCurves(std::move(curves));
    chart->setMeanMarkersVisible(meanMarkers);
    if (style.isPublication()) {
        chart->legend()->setAlignment(Qt::AlignBottom);
        chart->setMargins(QMargins(2, 2, 4, 2));
        // Five ticks (every 2 bits) leave room for the labels at column width.
        static_cast<QValueAxis*>(chart->axes(Qt::Horizontal).first())->setTickCount(5);
        static_cast<QValueAxis*>(chart->axes(Qt::Horizontal).first())->setLabelFormat(QStringLiteral("%.0f"));
    }
    return chart;
}

QString datasetTitle(const FigureStyle& style, const QString& screen, const QString& name)
{
    return style.isPublication() ? name : screen;
}

BuiltFigure histograms(const FigureInputs& in, const FigureStyle& style)
{
    std::vector<DensityCurve> curves;
    for (const FigureDataset& d : in.datasets) {
        if (!hasImages(d))
            continue;
        DensityCurve c;
        c.name = d.profile->complete ? d.name : QStringLiteral("%1 (incomplete)").arg(d.name);
        c.colour = d.colour;
        c.histogram = rebinCounts(d.profile->fine.counts(), in.bins);
        c.mean = d.profile->moments.mean();
        curves.push_back(std::move(c));
    }
    BuiltFigure f;
    f.csv = histogramsCsv(curves);
    f.charts.push_back(densityChart(std::move(curves),
                                    style.isPublication() ? QString() : QStringLiteral("Per-image entropy of each dataset"),
                                    style, in.meanMarkers));
    return f;
}

BuiltFigure perClassOverlay(const FigureInputs& in, const FigureDataset& d, const FigureStyle& style)
{
    std::vector<DensityCurve> curves = classCurves(d, classesOf(d), in.bins);
    BuiltFigure f;
    f.csv = histogramsCsv(curves);
    f.charts.push_back(densityChart(std::move(curves),
                                    datasetTitle(style, QStringLiteral("%1: per-image entropy by class").arg(d.name), d.name),
                                    style, in.meanMarkers));
    return f;
}

BuiltFigure perClassMultiples(const FigureInputs& in, const FigureDataset& d, const std::vector<int>& classes,
                              const FigureStyle& style, int columns)
{
    std::vector<DensityCurve> curves = classCurves(d, classes, in.bins);
    BuiltFigure f;
    f.csv = histogramsCsv(curves);
    // One shared y scale, so the panels compare at a glance.
    double top = 0.0;
    for (const DensityCurve& c : curves)
        top = std::max(top, c.histogram.maxDensity());
    const int n = int(curves.size());
    const int cols = std::min(columns, std::max(1, n));
    double shared = 0.0;
    const int rows = (n + cols - 1) / cols;
    for (int i = 0; i < n; ++i) {
        const QString name = curves[std::size_t(i)].name;
        // Panel titles name the dataset once (the first panel) and the class in each.
        // Two lines each at print size (the layer wraps titles), so that the plots line up.
        const QString sep = style.isPublication() ? QStringLiteral(":\n") : QStringLiteral(": ");
        const QString title = i == 0 ? d.name + sep + name : style.isPublication() ? QStringLiteral("\n") + name : name;
        std::vector<DensityCurve> one;
        one.push_back(std::move(curves[std::size_t(i)]));
        auto chart = densityChart(std::move(one), title, style, in.meanMarkers);
        chart->legend()->hide();
        chart->setTitleFont(style.font(style.labelPt, true));
        auto* x = static_cast<QValueAxis*>(chart->axes(Qt::Horizontal).first());
        auto* y = static_cast<QValueAxis*>(chart->axes(Qt::Vertical).first());
        // Axis titles once: the x title under the bottom row, the y title left of the first column.
        if (i / cols != rows - 1)
            x->setTitleText({});
        else
            x->setTitleText(QStringLiteral("bits")); // "Entropy (bits)" is elided at 1.15 in
        y->setTitleText(i % cols == 0 ? QStringLiteral("Density") : QString());
        x->setTickCount(5);
        x->setLabelFormat(QStringLiteral("%.0f"));
        shared = std::max(shared, chart->homeRange().bottom());
        f.charts.push_back(std::move(chart));
    }
    shared = std::max(shared, top * 1.03);
    // A top whose half is round at one decimal (or none): a third label would not fit a narrow panel.
    shared = shared < 0.2 ? std::ceil(shared * 50.0) / 50.0 : shared < 2.0 ? std::ceil(shared * 5.0) / 5.0 : std::ceil(shared / 2.0) * 2.0;
    for (auto& chart : f.charts) {
        auto* y = static_cast<QValueAxis*>(chart->axes(Qt::Vertical).first());
        y->setRange(0.0, shared);
        y->setTickCount(3);
        // As few decimals as the middle tick needs (0.75 must not read 0.8; wider labels get elided).
        const double mid = shared / 2.0;
        const int decimals = std::abs(mid - std::round(mid)) < 1e-9 ? 0 : std::abs(mid * 10 - std::round(mid * 10)) < 1e-9 ? 1 : 2;
        y->setLabelFormat(QStringLiteral("%.%1f").arg(decimals));
    }
    f.columns = cols;
    return f;
}

BuiltFigure classDistances(const FigureInputs& in, const FigureDataset& d, const FigureStyle& style)
{
    const Profile& p = *d.profile;
    const JsdSummary jsd = jsdOf(d);
    const std::vector<int> usable = p.usableClasses();
    auto h = std::make_shared<HeatmapFigure>();
    double vmax = 0.0;
    h->matrix = usableClassDistances(p, jsd, &vmax);
    for (int c : usable)
        h->labels << p.classes[std::size_t(c)].name;
    switch (in.distanceScale) {
    case FigureInputs::DistanceScale::Fixed:
        vmax = 1.0;
        h->scaleTitle = QStringLiteral("JS distance (fixed scale 0–1)");
        break;
    case FigureInputs::DistanceScale::Shared:
        for (const FigureDataset& other : in.datasets)
            if (hasImages(other) && other.profile->labelled())
                for (const JsdPair& pair : jsdOf(other).pairs)
                    vmax = std::max(vmax, pair.distance);
        h->scaleTitle = QStringLiteral("JS distance (shared scale)");
        break;
    case FigureInputs::DistanceScale::DatasetMax:
        h->scaleTitle = QStringLiteral("JS distance (0 to dataset max)");
        break;
    }
    h->vmin = 0.0;
    h->vmax = vmax > 0.0 ? vmax : 1.0;
    h->order = orderByClustering(h->matrix);
    h->title = d.name;
    h->style = style;
    BuiltFigure f;
    f.csv = distancesCsv(h->matrix, h->labels, h->order);
    f.heatmap = std::move(h);
    return f;
}

BuiltFigure images(const FigureDataset& d, const FigureStyle& style)
{
    ImageStrip strip = layoutImageStrip(*d.profile);
    BuiltFigure f;
    f.csv = imagesCsv(*d.profile, strip);
    auto chart = std::make_unique<QChart>();
    chart->legend()->hide(); // the class names are on the x axis
    chart->setTitle(datasetTitle(style, QStringLiteral("%1: the entropy of every image, by class").arg(d.name), d.name));
    auto* x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    auto* y = new QValueAxis;
    y->setTitleText(QStringLiteral("Entropy (bits)"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    auto* anchor = new QLineSeries; // the axes need a series to lay out the plot area
    chart->addSeries(anchor);
    anchor->attachAxis(x);
    anchor->attachAxis(y);
    const int n = int(strip.columns.size());
    const int group = n <= kMaxStripLabels ? 1 : int(std::ceil(n / double(kMaxStripLabels)));
    // At print size class names longer than about 0.3 in do not fit under a column of ten or more:
    // the columns are numbered instead (the names are in the figure's CSV, by column).
    bool names = group == 1;
    if (names && style.isPublication() && n > 4) {
        const QFontMetricsF fm(style.font(style.tickPt));
        for (const QString& c : std::as_const(strip.columns))
            names = names && fm.horizontalAdvance(c) <= 30.0;
    }
    x->setStartValue(-0.5);
    for (int c = 0; c < n; c += group) {
        const int last = std::min(n, c + group) - 1;
        x->append(names ? strip.columns[c] : group == 1 ? QString::number(c) : QStringLiteral("%1–%2").arg(c).arg(last), last + 0.5);
    }
    x->setRange(-0.5, n - 0.5);
    x->setTitleText(names ? QStringLiteral("Class") : QStringLiteral("Class (index)"));
    x->setLabelsAngle(names && n > (style.isPublication() ? 4 : 10) ? -45 : 0);
    const double lo = std::floor(strip.minEntropy * 4.0) / 4.0 - 0.25;
    const double hi = std::ceil(strip.maxEntropy * 4.0) / 4.0 + 0.25;
    y->setRange(lo, hi);
    // Ticks on whole or half bits from 0, as on screen.
    const double step = hi - lo > 4.0 ? 1.0 : 0.5;
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0.0);
    y->setTickInterval(step);
    y->setLabelFormat(step < 1.0 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    style.apply(chart.get());
    if (style.isPublication())
        chart->setMargins(QMargins(2, 2, 4, 2));
    const std::size_t count = strip.image.size();
    const double alpha = count <= 2000 ? 1.0 : std::max(0.2, std::sqrt(2000.0 / double(count)));
    std::vector<QColor> colours;
    for (int c : strip.columnClass) {
        QColor colour = c >= 0 ? ChartPalette::colour(c) : QColor(110, 110, 110);
        colour.setAlphaF(float(alpha));
        colours.push_back(colour);
    }
    auto* layer = new PointCloudLayer(chart.get(), x, y);
    layer->setColours(std::move(colours));
    layer->setMarkerSize(count <= 2000 ? std::max(3.0, style.markerPx * 0.7) : 3.0);
    layer->setPoints(std::move(strip.points));
    f.charts.push_back(std::move(chart));
    return f;
}

BuiltFigure modelFigure(const FigureSpec& spec, const FigureInputs& in, const FigureStyle& style)
{
    BuiltFigure f;
    for (auto& chart : buildCharts(*in.report, spec, style, in.selected))
        f.charts.push_back(std::move(chart));
    f.csv = chartSeriesCsv(f.charts);
    return f;
}
} // namespace

bool legendFits(const BuiltFigure& figure, const FigureSize& size)
{
    if (figure.charts.empty())
        return true;
    std::vector<QChart*> raw;
    for (const auto& c : figure.charts)
        raw.push_back(c.get());
    FigureRenderer::image(raw, FigureSize{size.widthIn, size.heightIn, 30}, figure.columns); // lays the charts out
    // The height each chart is given (a chart whose minimum is larger grows beyond it).
    const int n = int(raw.size());
    const int cols = figure.columns > 0 ? std::min(figure.columns, n) : gridColumns(n);
    const double height = size.heightIn * 96.0 / ((n + cols - 1) / cols);
    // What is not plot: the title and legend above it and a model chart's notes (a text item) below.
    for (const auto& chart : figure.charts) {
        double taken = 0.0;
        for (QGraphicsItem* item : chart->childItems())
            if (dynamic_cast<FigureLegendLayer*>(item) || (item->type() == QGraphicsTextItem::Type && item->isVisible()))
                taken += item->boundingRect().height();
        if (taken > 0.4 * height)
            return false;
    }
    return true;
}

QSize smallMultiplesGrid(const FigureSize& size)
{
    return QSize(std::max(1, int(size.widthIn / kPanelWidthIn)), std::max(1, int(size.heightIn / kPanelHeightIn)));
}

std::vector<FigureSpec> figureSpecs(const FigureInputs& inputs, const QStringList& kinds, const FigureSize& size,
                                    QStringList* skipped)
{
    const auto wanted = [&kinds](const QString& kind) { return kinds.isEmpty() || kinds.contains(kind); };
    std::vector<FigureSpec> specs;
    const auto add = [&specs](FigureSpec::Kind kind, int dataset, const QString& base, std::vector<int> classes = {}) {
        FigureSpec s;
        s.kind = kind;
        s.dataset = dataset;
        s.baseName = base;
        s.classes = std::move(classes);
        specs.push_back(std::move(s));
    };
    bool anyProfile = false;
    for (const FigureDataset& d : inputs.datasets)
        anyProfile = anyProfile || hasImages(d);
    if (wanted(QStringLiteral("histograms"))) {
        if (anyProfile)
            add(FigureSpec::Kind::Histograms, -1, QStringLiteral("histograms"));
        else
            skipped->append(QStringLiteral("entropy histograms: no dataset with a profile"));
    }
    const QSize grid = smallMultiplesGrid(size);
    const int perPage = grid.width() * grid.height();
    for (int i = 0; i < int(inputs.datasets.size()); ++i) {
        const FigureDataset& d = inputs.datasets[std::size_t(i)];
        const QString slug = fileSlug(d.name);
        if (!hasImages(d)) {
            skipped->append(QStringLiteral("%1: no profile (not scanned, or no image could be read)").arg(d.name));
            continue;
        }
        const bool classes = d.profile->labelled() && d.profile->usableClasses().size() >= 2;
        if (wanted(QStringLiteral("per-class"))) {
            if (!classes) {
                skipped->append(QStringLiteral("per-class figures of %1: fewer than two classes with images").arg(d.name));
            } else {
                const std::vector<int> shown = classesOf(d);
                for (int from = 0, page = 1; from < int(shown.size()); from += perPage, ++page) {
                    std::vector<int> part(shown.begin() + from, shown.begin() + std::min<int>(int(shown.size()), from + perPage));
                    add(FigureSpec::Kind::PerClass, i,
                        page == 1 ? QStringLiteral("per-class-%1").arg(slug) : QStringLiteral("per-class-%1-%2").arg(slug).arg(page),
                        std::move(part));
                    specs.back().columns = grid.width();
                }
                add(FigureSpec::Kind::PerClassOverlay, i, QStringLiteral("per-class-overlay-%1").arg(slug));
            }
        }
        if (wanted(QStringLiteral("class-distances"))) {
            if (classes)
                add(FigureSpec::Kind::ClassDistances, i, QStringLiteral("class-distances-%1").arg(slug));
            else
                skipped->append(QStringLiteral("class distances of %1: fewer than two classes with images").arg(d.name));
        }
        if (wanted(QStringLiteral("images"))) {
            if (!d.profile->perImage.empty())
                add(FigureSpec::Kind::Images, i, QStringLiteral("images-%1").arg(slug));
            else
                skipped->append(QStringLiteral("images of %1: its profile has no per-image entropies (saved without them)").arg(d.name));
        }
    }
    addComplexitySpecs(inputs, wanted, &specs, skipped);
    const bool saturation = wanted(QStringLiteral("saturation")), nofade = wanted(QStringLiteral("nofade"));
    if ((saturation || nofade) && !inputs.report) {
        skipped->append(QStringLiteral("saturation and NoFADE figures: no model table"));
    } else if (saturation || nofade) {
        for (FigureSpec& s : allFigures(*inputs.report, inputs.colourBy, skipped))
            if (s.kind == FigureSpec::Kind::Saturation ? saturation : nofade)
                specs.push_back(std::move(s));
    }
    return specs;
}

namespace {
BuiltFigure buildAny(const FigureSpec& spec, const FigureInputs& inputs, const FigureStyle& style);
}

BuiltFigure buildFigure(const FigureSpec& spec, const FigureInputs& inputs, const FigureStyle& style)
{
    BuiltFigure f = buildAny(spec, inputs, style);
    // At print size the chart's own title and legend elide and draw lines as squares: a layer
    // wraps them instead (the data CSV is made before, from the series).
    if (style.isPublication())
        for (auto& chart : f.charts)
            new FigureLegendLayer(chart.get(), chart->titleFont(), style.font(style.labelPt));
    return f;
}

namespace {
BuiltFigure buildAny(const FigureSpec& spec, const FigureInputs& inputs, const FigureStyle& style)
{
    switch (spec.kind) {
    case FigureSpec::Kind::ComplexityMeasures: return complexityMeasuresFigure(inputs, style);
    case FigureSpec::Kind::MeasureHistograms: return measureHistogramsFigure(spec, inputs, style);
    case FigureSpec::Kind::MeasurePrediction:
        if (!inputs.report) {
            BuiltFigure f;
            f.error = QStringLiteral("%1: no model table").arg(spec.baseName);
            return f;
        }
        return measurePredictionFigure(spec, inputs, style);
    default: break;
    }
    const bool entropy = spec.kind != FigureSpec::Kind::Saturation && spec.kind != FigureSpec::Kind::NoFade;
    if (entropy && spec.kind != FigureSpec::Kind::Histograms
        && (spec.dataset < 0 || spec.dataset >= int(inputs.datasets.size()) || !hasImages(inputs.datasets[std::size_t(spec.dataset)]))) {
        BuiltFigure f;
        f.error = QStringLiteral("%1: no dataset with a profile").arg(spec.baseName);
        return f;
    }
    if (!entropy && !inputs.report) {
        BuiltFigure f;
        f.error = QStringLiteral("%1: no model table").arg(spec.baseName);
        return f;
    }
    switch (spec.kind) {
    case FigureSpec::Kind::Histograms: return histograms(inputs, style);
    case FigureSpec::Kind::PerClassOverlay: return perClassOverlay(inputs, inputs.datasets[std::size_t(spec.dataset)], style);
    case FigureSpec::Kind::PerClass: {
        const FigureDataset& d = inputs.datasets[std::size_t(spec.dataset)];
        return perClassMultiples(inputs, d, spec.classes.empty() ? classesOf(d) : spec.classes, style,
                                 spec.columns > 0 ? spec.columns : 2);
    }
    case FigureSpec::Kind::ClassDistances: return classDistances(inputs, inputs.datasets[std::size_t(spec.dataset)], style);
    case FigureSpec::Kind::Images: return images(inputs.datasets[std::size_t(spec.dataset)], style);
    case FigureSpec::Kind::Saturation:
    case FigureSpec::Kind::NoFade: return modelFigure(spec, inputs, style);
    default: break;
    }
    return {};
}
} // namespace

bool BuiltFigure::write(const FigureSize& size, const QString& file, QString* error) const
{
    if (!this->error.isEmpty()) {
        *error = this->error;
        return false;
    }
    if (heatmap) {
        const std::shared_ptr<HeatmapFigure> h = heatmap;
        return FigureRenderer::write([h](QPainter* p, const QRectF& canvas) { h->paint(p, canvas); }, size, file, error);
    }
    std::vector<QChart*> raw;
    for (const auto& c : charts)
        raw.push_back(c.get());
    return FigureRenderer::write(raw, size, file, error, columns);
}

} // namespace nofade::ui
