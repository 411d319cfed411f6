#include "teaching/teaching_pages.h"

#include <algorithm>
#include <cmath>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDoubleValidator>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QRegularExpression>
#include <QScatterSeries>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include "chart_kit/chart_palette.h"
#include "entropy_tabs/density_chart.h"
#include "inspector/image_analysis.h"
#include "inspector/intensity_histogram_widget.h"
#include "maths/jensen_shannon.h"
#include "models/report.h"
#include "profile/density_histogram.h"
#include "profile/profile.h"

namespace nofade::ui {

QString slideNumber(double value, int significant)
{
    if (!std::isfinite(value))
        return QString::number(value);
    if (value == 0.0)
        return QStringLiteral("0");
    const int decimals = significant - 1 - int(std::floor(std::log10(std::abs(value))));
    if (decimals > 0) {
        QString text = QString::number(value, 'f', decimals);
        // 1.50 -> 1.5, 2.00 -> 2: the rounding shows, not the padding.
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
        return text;
    }
    const double unit = std::pow(10.0, -decimals);
    return QLocale(QLocale::English).toString(qint64(std::llround(value / unit) * qint64(unit)));
}

namespace {

constexpr int kThickLine = 5;

QString number(double v, int decimals = 3) { return QString::number(v, 'f', decimals); }

// The numbers of a sentence written for the desktop (a fit's reason), rounded for a slide.
QString roundedNumbers(const QString& text)
{
    static const QRegularExpression number(QStringLiteral("(?<![\\w.])\\d+(\\.\\d+)?(?![\\w.])"));
    QString out;
    qsizetype from = 0;
    for (auto it = number.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(from, m.capturedStart() - from) + slideNumber(m.captured(0).toDouble(), 3);
        from = m.capturedEnd();
    }
    return out + text.mid(from);
}

// The tour's type size (set on each widget: the tour's style sheet stops fonts propagating).
QFont slideFont(double relative)
{
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * kSlideScale * relative);
    return font;
}

// At most this many rows in the model table: more would not fit a 1280 x 720 projector.
constexpr int kTableRows = 8;

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
    view->setMinimumHeight(300);
    return view;
}

} // namespace

// The models of the dataset that have both a CO2 and a score, cheapest first.
std::vector<const ModelResult*> plottableModels(const Report& report, const DatasetResult& dataset)
{
    std::vector<const ModelResult*> models;
    for (const ModelResult& m : report.models)
        if (m.dataset.compare(dataset.name, Qt::CaseInsensitive) == 0 || m.dataset == dataset.key)
            if (m.co2Kg && *m.co2Kg > 0.0 && m.score)
                models.push_back(&m);
    std::sort(models.begin(), models.end(), [](const ModelResult* a, const ModelResult* b) { return *a->co2Kg < *b->co2Kg; });
    return models;
}

TeachingPage imagePage(const ImageAnalysis& image, const QString& imageName)
{
    auto* body = new QWidget;
    auto* row = new QHBoxLayout(body);
    row->addWidget(pixelImage(image.colour, 340));
    row->addWidget(pixelImage(image.gray, 340));
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
    histogram->setMinimumHeight(300);
    QFont large = histogram->font();
    large.setPointSizeF(large.pointSizeF() * 1.5);
    histogram->setFont(large);
    return {QObject::tr("Its histogram"),
            QObject::tr("Count the pixels at each grey level: %1 of the 256 levels occur in this image's %2 pixels. "
                        "Divided by the pixel count, the counts become probabilities p<sub>i</sub>.")
                .arg(image.nonEmptyBins()).arg(image.pixels),
            histogram};
}

TeachingPage imageEntropyPage(const ImageAnalysis& image)
{
    auto* formula = new QLabel(image.formulaHtml(5));
    formula->setWordWrap(true);
    formula->setTextFormat(Qt::RichText);
    formula->setFont(slideFont(1.0)); // five terms: a slide's height at 11 pt
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
            .arg(slideNumber(sum, 4), number(complexity, 4)));
    formula->setTextFormat(Qt::RichText);
    formula->setWordWrap(true);
    formula->setFont(slideFont(1.1));
    return {QObject::tr("Jensen-Shannon distance"),
            QObject::tr("How different are <b>%1</b> (P) and <b>%2</b> (Q)? 0 means identical distributions, 1 means "
                        "they never overlap.")
                .arg(ca.name.toHtmlEscaped(), cb.name.toHtmlEscaped()),
            formula};
}

TeachingPage modelTablePage(const Report& report, const DatasetResult& dataset)
{
    const std::vector<const ModelResult*> all = plottableModels(report, dataset);
    // A slide holds a few rows: models spread evenly from the cheapest to the dearest.
    std::vector<const ModelResult*> models;
    const int shown = std::min<int>(int(all.size()), kTableRows);
    for (int i = 0; i < shown; ++i)
        models.push_back(all[std::size_t(shown == 1 ? 0 : std::lround(double(i) * double(all.size() - 1) / double(shown - 1)))]);
    auto* table = new QTableWidget(int(models.size()), 5);
    table->setHorizontalHeaderLabels({QObject::tr("Model"), QObject::tr("Score"), QObject::tr("GFLOPs"),
                                      QObject::tr("Device-hours"), QObject::tr("CO2")});
    for (int r = 0; r < int(models.size()); ++r) {
        const ModelResult& m = *models[std::size_t(r)];
        const QStringList cells = {m.model, slideNumber(*m.score, 3), m.flops ? slideNumber(*m.flops / 1e9, 3) : QString(),
                                   m.deviceHours ? QObject::tr("%1 h").arg(slideNumber(*m.deviceHours, 3)) : QString(),
                                   QObject::tr("%1 kg").arg(slideNumber(*m.co2Kg, 3))};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (c == 3)
                item->setToolTip(m.hoursProvenance);
            table->setItem(r, c, item);
        }
    }
    QFont large = table->font();
    large.setPointSizeF(large.pointSizeF() * 1.5);
    table->setFont(large);
    table->horizontalHeader()->setFont(large);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const QString count = int(all.size()) > shown
                              ? QObject::tr("%1 of the %2 models trained on <b>%3</b>, from the cheapest to the dearest")
                                    .arg(shown).arg(all.size()).arg(dataset.name.toHtmlEscaped())
                              : QObject::tr("%1 models trained on <b>%2</b>").arg(shown).arg(dataset.name.toHtmlEscaped());
    return {QObject::tr("A table of models"),
            QObject::tr("%1, with their score and the CO2 of training them: device-hours &times; power &times; PUE "
                        "&times; the grid's kg CO2 per kWh (%2 kg/kWh here).")
                .arg(count, slideNumber(report.settings.kgPerKwh, 3)),
            table};
}

TeachingPage saturationPage(const Report& report, const DatasetResult& dataset)
{
    const std::vector<const ModelResult*> models = plottableModels(report, dataset);
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
        ceiling->setName(QObject::tr("y_max = %1").arg(slideNumber(fit->yMax, 3)));
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
                    .arg(slideNumber(fit->yMax, 3), slideNumber(fit->headroom, 2));
        if (fit->kneeX)
            says += QObject::tr("Beyond about <b>%1 kg</b> of CO2, ten times more CO2 buys less than %2 point.")
                        .arg(slideNumber(std::pow(10.0, *fit->kneeX), 2), slideNumber(report.settings.kneeThreshold, 3));
    } else {
        says += roundedNumbers(dataset.fit.saturationReason.isEmpty() ? dataset.fit.reason : dataset.fit.saturationReason);
    }
    yAxis->setRange(std::floor(yLo - 2.0), std::ceil(yHi + 2.0));
    if (!models.empty())
        xAxis->setRange(lo / 2.0, hi * 4.0); // room around the cheapest and the dearest model
    chart->setTitle(QObject::tr("%1: score against CO2").arg(dataset.name));
    return {QObject::tr("Diminishing returns"), says, presentationView(chart)};
}

TeachingPage noFadePage(const Report& report, const DatasetResult& dataset, const TourComplexity& scanned)
{
    // The model with the highest NoFADE of the report, with its dataset's C; when the report knows no
    // C, the best-scoring model of the curve with the C of the dataset scanned in the tour.
    const ModelResult* shown = nullptr;
    for (const ModelResult& m : report.models)
        if (m.nofade && m.score && m.flops && (!shown || *m.nofade > *shown->nofade))
            shown = &m;
    std::optional<double> c;
    QString cSource;
    if (shown) {
        for (const DatasetResult& d : report.datasets)
            if ((d.name.compare(shown->dataset, Qt::CaseInsensitive) == 0 || d.key == shown->dataset) && d.complexity) {
                c = *d.complexity;
                cSource = QObject::tr("%1 of %2 (%3)").arg(d.measure, shown->dataset.toHtmlEscaped(), d.complexitySource.toHtmlEscaped());
            }
    } else {
        for (const ModelResult* m : plottableModels(report, dataset))
            if (m->flops && *m->flops > 1.0 && (!shown || *m->score > *shown->score))
                shown = m;
        // No FLOPs among the curve's models: the best-scoring model of the table that has them.
        const bool fromCurve = shown != nullptr;
        for (const ModelResult& m : report.models)
            if (!fromCurve && m.score && m.flops && *m.flops > 1.0 && (!shown || *m.score > *shown->score))
                shown = &m;
        if (scanned.value) {
            c = *scanned.value;
            cSource = QObject::tr("C<sub>JS</sub> of %1, scanned in this tour; the table knows no C for %2")
                          .arg(scanned.dataset.toHtmlEscaped(), shown ? shown->dataset.toHtmlEscaped() : QString());
        }
    }
    const QString text = QObject::tr("NoFADE = score &times; C<sub>dataset</sub> / ln(FLOPs): accuracy weighted by how hard the "
                                     "dataset is, per unit of the model's compute.");
    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel;
    label->setObjectName(QStringLiteral("noFadeFormula"));
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setFont(slideFont(1.1));
    layout->addWidget(label);
    if (!shown) {
        label->setText(QObject::tr("<p>No model of the table has a score and FLOPs to show.</p>"));
        layout->addStretch(1);
        return {QObject::tr("NoFADE"), text, body};
    }
    // The teacher may type another C (a harder or an easier dataset) and see NoFADE move.
    auto* row = new QHBoxLayout;
    auto* cLabel = new QLabel(QObject::tr("Try another C:"));
    auto* cEdit = new QLineEdit;
    cEdit->setObjectName(QStringLiteral("noFadeComplexity"));
    cEdit->setValidator(new QDoubleValidator(0.0, 1e6, 6, cEdit));
    cEdit->setMaximumWidth(220);
    if (c)
        cEdit->setText(slideNumber(*c, 4));
    else
        cEdit->setPlaceholderText(QObject::tr("type C"));
    cLabel->setFont(slideFont(0.9));
    cEdit->setFont(slideFont(0.9));
    row->addWidget(cLabel);
    row->addWidget(cEdit);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(1);

    const double score = *shown->score, flops = *shown->flops, lnF = std::log(flops);
    const QString model = shown->model.toHtmlEscaped(), on = shown->dataset.toHtmlEscaped();
    auto update = [=](const QString& typed) {
        bool ok = false;
        const double typedC = QLocale().toDouble(typed, &ok);
        const bool original = c && typed == slideNumber(*c, 4);
        // The shown C is rounded for the slide; the value uses the full one until the teacher types.
        const std::optional<double> value = original ? c : ok && typedC > 0.0 ? std::optional<double>(typedC) : std::nullopt;
        if (!value) {
            label->setText(QObject::tr("<p><b>%1</b> on %2: %3 &times; C / ln(%4) = %3 &times; C / %5</p>"
                                       "<p>C, the complexity of %2, is not known: scan a dataset before the tour, or "
                                       "type a C below.</p>")
                               .arg(model, on, slideNumber(score, 3), slideNumber(flops, 3), slideNumber(lnF, 4)));
            return;
        }
        label->setText(QObject::tr("<p><b>%1</b> on %2, C = %3 (%4):</p>"
                                   "<p>%5 &times; %3 / ln(%6) = %5 &times; %3 / %7 = <b>%8</b></p>")
                           .arg(model, on, slideNumber(*value, 4), original ? cSource : QObject::tr("typed"),
                                slideNumber(score, 3), slideNumber(flops, 3), slideNumber(lnF, 4),
                                slideNumber(score * *value / lnF, 4)));
    };
    QObject::connect(cEdit, &QLineEdit::textChanged, label, update);
    update(cEdit->text());
    return {QObject::tr("NoFADE"), text, body};
}

} // namespace nofade::ui
