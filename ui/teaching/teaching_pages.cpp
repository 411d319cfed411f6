#include "teaching/teaching_pages.h"

#include <algorithm>
#include <cmath>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QTableWidget>
#include <QValueAxis>

#include "chart_kit/chart_palette.h"
#include "entropy_tabs/density_chart.h"
#include "inspector/image_analysis.h"
#include "inspector/intensity_histogram_widget.h"
#include "maths/jensen_shannon.h"
#include "models/report.h"
#include "models/text_values.h"
#include "profile/density_histogram.h"
#include "profile/profile.h"

namespace nofade::ui {

namespace {

constexpr int kThickLine = 5;

QString number(double v, int decimals = 3) { return QString::number(v, 'f', decimals); }

// A rough quantity for a lecture slide: 2829.6 -> "2,800", 0.0123 -> "0.012".
QString twoSignificant(double v)
{
    if (!(v > 0.0))
        return QString::number(v);
    const double unit = std::pow(10.0, std::floor(std::log10(v)) - 1.0);
    const double rounded = std::round(v / unit) * unit;
    return rounded >= 100.0 ? QLocale(QLocale::English).toString(qint64(rounded)) : QString::number(rounded, 'g', 2);
}

QLabel* pixelImage(const QImage& image, int side)
{
    auto* label = new QLabel;
    // Nearest-neighbour scaling: a 28 x 28 image shows its pixels as squares, not as a blur.
    label->setPixmap(QPixmap::fromImage(image.scaled(side, side, Qt::KeepAspectRatio, Qt::FastTransformation)));
    label->setAlignment(Qt::AlignCenter);
    return label;
}

QChartView* presentationView(QChart* chart)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    QFont font = chart->titleFont();
    font.setPointSizeF(font.pointSizeF() * 1.8);
    chart->setTitleFont(font);
    font.setPointSizeF(font.pointSizeF() * 0.8);
    chart->legend()->setFont(font);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsFont(font);
        axis->setTitleFont(font);
    }
    auto* view = new QChartView(chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(420);
    return view;
}

// The models of the dataset that have both a CO2 and a score, cheapest first.
std::vector<const ModelResult*> plottable(const Report& report, const DatasetResult& dataset)
{
    std::vector<const ModelResult*> models;
    for (const ModelResult& m : report.models)
        if (m.dataset.compare(dataset.name, Qt::CaseInsensitive) == 0 || m.dataset == dataset.key)
            if (m.co2Kg && *m.co2Kg > 0.0 && m.score)
                models.push_back(&m);
    std::sort(models.begin(), models.end(), [](const ModelResult* a, const ModelResult* b) { return *a->co2Kg < *b->co2Kg; });
    return models;
}

} // namespace

TeachingPage imagePage(const ImageAnalysis& image, const QString& imageName)
{
    auto* body = new QWidget;
    auto* row = new QHBoxLayout(body);
    row->addWidget(pixelImage(image.colour, 420));
    row->addWidget(pixelImage(image.gray, 420));
    return {QObject::tr("One image"),
            QObject::tr("<b>%1</b>, %2 &times; %3 pixels. Left as stored, right in 8-bit greyscale: every pixel "
                        "becomes one of 256 grey levels (0 black &hellip; 255 white).")
                .arg(imageName.toHtmlEscaped()).arg(image.gray.width()).arg(image.gray.height()),
            body};
}

TeachingPage intensityHistogramPage(const ImageAnalysis& image)
{
    auto* histogram = new IntensityHistogramWidget;
    histogram->setHistogram(image.histogram);
    histogram->setMinimumHeight(420);
    return {QObject::tr("Its histogram"),
            QObject::tr("Count the pixels at each grey level: %1 of the 256 levels occur in this image's %2 pixels. "
                        "Divided by the pixel count, the counts become probabilities p<sub>i</sub>.")
                .arg(image.nonEmptyBins()).arg(image.pixels),
            histogram};
}

TeachingPage imageEntropyPage(const ImageAnalysis& image)
{
    auto* formula = new QLabel(image.formulaHtml(8));
    formula->setWordWrap(true);
    formula->setTextFormat(Qt::RichText);
    QFont font = formula->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    formula->setFont(font);
    return {QObject::tr("Its entropy"),
            QObject::tr("Shannon entropy H = &minus;&Sigma; p<sub>i</sub> log<sub>2</sub> p<sub>i</sub>: the bits needed "
                        "on average to name one pixel's grey level. This image: <b>%1 bits</b> (0 for a flat image, "
                        "8 when all 256 levels are equally common).")
                .arg(number(image.entropy)),
            formula};
}

TeachingPage twoClassesPage(const Profile& profile, int a, int b)
{
    auto* chart = new DensityChart;
    std::vector<DensityCurve> curves;
    for (int c : {a, b}) {
        const ClassProfile& cp = profile.classes[std::size_t(c)];
        DensityCurve curve;
        curve.name = cp.name;
        curve.colour = ChartPalette::colour(c);
        curve.key = c;
        curve.mean = cp.moments.mean();
        curve.histogram = rebinCounts(cp.histogram.counts(), cp.histogram.bins());
        curves.push_back(std::move(curve));
    }
    chart->setCurves(std::move(curves));
    chart->setTitle(QObject::tr("Per-image entropy: %1 vs %2").arg(profile.classes[std::size_t(a)].name,
                                                                   profile.classes[std::size_t(b)].name));
    for (QAbstractSeries* s : chart->series())
        if (auto* line = qobject_cast<QLineSeries*>(s)) {
            QPen pen = line->pen();
            pen.setWidth(kThickLine);
            line->setPen(pen);
        }
    const ClassProfile& ca = profile.classes[std::size_t(a)];
    const ClassProfile& cb = profile.classes[std::size_t(b)];
    return {QObject::tr("One class vs another"),
            QObject::tr("Every image of a class has an entropy; together they make the class's distribution. "
                        "<b>%1</b>: mean %2 bits over %3 images; <b>%4</b>: mean %5 bits over %6 images.")
                .arg(ca.name.toHtmlEscaped(), number(ca.moments.mean())).arg(ca.moments.count())
                .arg(cb.name.toHtmlEscaped(), number(cb.moments.mean())).arg(cb.moments.count()),
            presentationView(chart)};
}

TeachingPage jsDistancePage(const Profile& profile, int a, int b, int pairs, double sum, double complexity)
{
    const ClassProfile& ca = profile.classes[std::size_t(a)];
    const ClassProfile& cb = profile.classes[std::size_t(b)];
    std::vector<double> p(ca.histogram.counts().begin(), ca.histogram.counts().end());
    std::vector<double> q(cb.histogram.counts().begin(), cb.histogram.counts().end());
    const JsBreakdown js = jensenShannonBreakdown(p, q);
    auto* formula = new QLabel(
        QObject::tr("<p>M = (P + Q) / 2, the average of the two distributions (%1 bins each)</p>"
                    "<p>KL(P &#8214; M) = &Sigma; p<sub>i</sub> log<sub>2</sub>(p<sub>i</sub> / m<sub>i</sub>) = <b>%2</b> bits</p>"
                    "<p>KL(Q &#8214; M) = &Sigma; q<sub>i</sub> log<sub>2</sub>(q<sub>i</sub> / m<sub>i</sub>) = <b>%3</b> bits</p>"
                    "<p>JS distance = &radic;((%2 + %3) / 2) = <b>%4</b></p>"
                    "<p>Over all %5 pairs of classes the distances sum to %6: the dataset's "
                    "JS complexity C<sub>JS</sub> = ln %6 = <b>%7</b></p>")
            .arg(ca.histogram.bins())
            .arg(number(js.klPM, 4), number(js.klQM, 4), number(js.distance, 4))
            .arg(pairs)
            .arg(number(sum, 3), number(complexity, 4)));
    formula->setTextFormat(Qt::RichText);
    formula->setWordWrap(true);
    QFont font = formula->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    formula->setFont(font);
    return {QObject::tr("Jensen-Shannon distance"),
            QObject::tr("How different are <b>%1</b> (P) and <b>%2</b> (Q)? 0 means identical distributions, 1 means "
                        "they never overlap.")
                .arg(ca.name.toHtmlEscaped(), cb.name.toHtmlEscaped()),
            formula};
}

TeachingPage modelTablePage(const Report& report, const DatasetResult& dataset)
{
    const std::vector<const ModelResult*> models = plottable(report, dataset);
    auto* table = new QTableWidget(int(models.size()), 5);
    table->setHorizontalHeaderLabels({QObject::tr("Model"), QObject::tr("Score"), QObject::tr("GFLOPs"),
                                      QObject::tr("Device-hours"), QObject::tr("CO2 (kg)")});
    for (int r = 0; r < int(models.size()); ++r) {
        const ModelResult& m = *models[std::size_t(r)];
        const QStringList cells = {m.model, formatNumber(*m.score), m.flops ? formatNumber(*m.flops / 1e9) : QString(),
                                   m.deviceHours ? QStringLiteral("%1 (%2)").arg(formatNumber(*m.deviceHours), m.hoursProvenance) : QString(),
                                   formatNumber(*m.co2Kg)};
        for (int c = 0; c < cells.size(); ++c)
            table->setItem(r, c, new QTableWidgetItem(cells[c]));
    }
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table->verticalHeader()->hide();
    return {QObject::tr("A table of models"),
            QObject::tr("%1 models trained on <b>%2</b>, with their score and the CO2 of training them: "
                        "device-hours &times; power &times; PUE &times; the grid's kg CO2 per kWh (%3 kg/kWh here).")
                .arg(models.size()).arg(dataset.name.toHtmlEscaped(), formatNumber(report.settings.kgPerKwh)),
            table};
}

TeachingPage saturationPage(const Report& report, const DatasetResult& dataset)
{
    const std::vector<const ModelResult*> models = plottable(report, dataset);
    auto* chart = new QChart;
    auto* points = new QScatterSeries;
    points->setName(QObject::tr("models"));
    points->setMarkerSize(16);
    double lo = 1e300, hi = 0.0, yLo = 100.0, yHi = 0.0;
    for (const ModelResult* m : models) {
        points->append(*m->co2Kg, *m->score);
        lo = std::min(lo, *m->co2Kg);
        hi = std::max(hi, *m->co2Kg);
        yLo = std::min(yLo, *m->score);
        yHi = std::max(yHi, *m->score);
    }
    chart->addSeries(points);
    auto* xAxis = new QLogValueAxis;
    xAxis->setTitleText(QObject::tr("CO2 (kg, log scale)"));
    xAxis->setLabelFormat(QStringLiteral("%g"));
    auto* yAxis = new QValueAxis;
    yAxis->setTitleText(QObject::tr("Score"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    points->attachAxis(xAxis);
    points->attachAxis(yAxis);
    QString says = QObject::tr("Each point is a model. ");
    if (const auto& fit = dataset.fit.saturation) {
        auto* curve = new QLineSeries;
        curve->setName(QObject::tr("saturation fit (R² %1)").arg(number(fit->r2, 2)));
        curve->setPen(QPen(ChartPalette::colour(1), kThickLine));
        auto* ceiling = new QLineSeries;
        ceiling->setName(QObject::tr("y_max = %1").arg(number(fit->yMax, 1)));
        ceiling->setPen(QPen(ChartPalette::colour(3), kThickLine / 2.0, Qt::DashLine));
        const double x0 = std::log10(lo), x1 = std::log10(hi) + 0.5;
        for (int i = 0; i <= 100; ++i) {
            const double x = x0 + (x1 - x0) * i / 100.0;
            curve->append(std::pow(10.0, x), fit->valueAt(x));
        }
        ceiling->append(lo, fit->yMax);
        ceiling->append(std::pow(10.0, x1), fit->yMax);
        for (QLineSeries* s : {curve, ceiling}) {
            chart->addSeries(s);
            s->attachAxis(xAxis);
            s->attachAxis(yAxis);
        }
        yHi = std::max(yHi, fit->yMax);
        says += QObject::tr("The fit levels off at y_max = %1: %2 points above the best model. ")
                    .arg(number(fit->yMax, 1), number(fit->headroom, 2));
        if (fit->kneeX)
            says += QObject::tr("Beyond about <b>%1 kg</b> of CO2, ten times more CO2 buys less than %2 point.")
                        .arg(twoSignificant(std::pow(10.0, *fit->kneeX)), formatNumber(report.settings.kneeThreshold));
    } else {
        says += dataset.fit.saturationReason.isEmpty() ? dataset.fit.reason : dataset.fit.saturationReason;
    }
    yAxis->setRange(std::floor(yLo - 2.0), std::ceil(yHi + 2.0));
    if (!models.empty())
        xAxis->setRange(lo / 2.0, hi * 4.0); // room around the cheapest and the dearest model
    chart->setTitle(QObject::tr("%1: score against CO2").arg(dataset.name));
    return {QObject::tr("Diminishing returns"), says, presentationView(chart)};
}

TeachingPage noFadePage(const Report& report, const DatasetResult& dataset)
{
    const ModelResult* shown = nullptr;
    for (const ModelResult& m : report.models)
        if (m.nofade && (!shown || *m.nofade > *shown->nofade))
            shown = &m;
    const bool hasValue = shown != nullptr;
    if (!shown)
        for (const ModelResult* m : plottable(report, dataset))
            if (m->flops && (!shown || *m->score > *shown->score))
                shown = m;
    QString text = QObject::tr("NoFADE = score &times; C<sub>dataset</sub> / ln(FLOPs): accuracy weighted by how hard the "
                               "dataset is, per unit of the model's compute.");
    QString formula;
    if (shown && hasValue) {
        const double lnF = std::log(*shown->flops);
        const DatasetResult* of = nullptr;
        for (const DatasetResult& d : report.datasets)
            if (d.name.compare(shown->dataset, Qt::CaseInsensitive) == 0 || d.key == shown->dataset)
                of = &d;
        const QString c = of && of->complexity ? number(*of->complexity, 4) : QStringLiteral("C");
        formula = QObject::tr("<p><b>%1</b> on %2, %3 = %4 (%5):</p><p>%6 &times; %4 / ln(%7) = %6 &times; %4 / %8 = <b>%9</b></p>")
                      .arg(shown->model.toHtmlEscaped(), shown->dataset.toHtmlEscaped(),
                           of ? of->measure : QStringLiteral("C"), c,
                           of ? of->complexitySource.toHtmlEscaped() : QString(), formatNumber(*shown->score),
                           formatNumber(*shown->flops), number(lnF, 3), number(*shown->nofade, 3));
    } else if (shown) {
        formula = QObject::tr("<p><b>%1</b> on %2: %3 &times; C / ln(%4) = %3 &times; C / %5</p>"
                              "<p>C, the complexity of %2, is not known yet: scan the dataset, or type its value in "
                              "the model settings, and NoFADE appears here and in the NoFADE chart.</p>")
                      .arg(shown->model.toHtmlEscaped(), shown->dataset.toHtmlEscaped(), formatNumber(*shown->score),
                           formatNumber(*shown->flops), number(std::log(*shown->flops), 3));
    } else {
        formula = QObject::tr("<p>No model of the table has a score and FLOPs to show.</p>");
    }
    auto* label = new QLabel(formula);
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    label->setFont(font);
    return {QObject::tr("NoFADE"), text, label};
}

} // namespace nofade::ui
