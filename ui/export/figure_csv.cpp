#include "export/figure_csv.h"

#include <QAbstractAxis>
#include <QAreaSeries>
#include <QXYSeries>

#include "models/csv_document.h"

namespace nofade::ui {

namespace {
QString num(double v) { return std::isfinite(v) ? QString::number(v, 'g', 17) : QString(); }
} // namespace

QByteArray histogramsCsv(const std::vector<DensityCurve>& curves)
{
    QString out = csvLine({QStringLiteral("series"), QStringLiteral("bin_lower_bits"), QStringLiteral("bin_upper_bits"),
                           QStringLiteral("images"), QStringLiteral("density_per_bit"), QStringLiteral("mean_bits")});
    for (const DensityCurve& c : curves)
        for (int b = 0; b < c.histogram.bins(); ++b)
            out += csvLine({c.name, num(c.histogram.lower(b)), num(c.histogram.upper(b)),
                            QString::number(c.histogram.counts[std::size_t(b)]), num(c.histogram.density[std::size_t(b)]),
                            num(c.mean)});
    return out.toUtf8();
}

QByteArray distancesCsv(const DistanceMatrix& matrix, const QStringList& labels, const std::vector<int>& order)
{
    QString out = csvLine({QStringLiteral("class_a"), QStringLiteral("class_b"), QStringLiteral("js_distance")});
    std::vector<int> shown = order;
    if (int(shown.size()) != matrix.n) {
        shown.clear();
        for (int i = 0; i < matrix.n; ++i)
            shown.push_back(i);
    }
    for (int a : shown)
        for (int b : shown)
            out += csvLine({labels.value(a), labels.value(b), num(matrix.at(a, b))});
    return out.toUtf8();
}

QByteArray imagesCsv(const Profile& profile, const ImageStrip& strip)
{
    QString out = csvLine({QStringLiteral("class"), QStringLiteral("image"), QStringLiteral("entropy_bits"), QStringLiteral("x")});
    for (std::size_t i = 0; i < strip.image.size(); ++i) {
        const ImageEntropy& e = profile.perImage[std::size_t(strip.image[i])];
        const int column = strip.points.colour[i];
        out += csvLine({strip.columns.value(column), e.path, num(e.entropy), num(strip.points.x[i])});
    }
    return out.toUtf8();
}

QByteArray chartSeriesCsv(const std::vector<std::unique_ptr<QChart>>& charts)
{
    QString xTitle = QStringLiteral("x"), yTitle = QStringLiteral("y");
    if (!charts.empty()) {
        const auto h = charts.front()->axes(Qt::Horizontal), v = charts.front()->axes(Qt::Vertical);
        if (!h.isEmpty() && !h.first()->titleText().isEmpty())
            xTitle = h.first()->titleText();
        if (!v.isEmpty() && !v.first()->titleText().isEmpty())
            yTitle = v.first()->titleText();
    }
    QString out = csvLine({QStringLiteral("panel"), QStringLiteral("series"), xTitle, yTitle});
    for (const auto& chart : charts)
        for (QAbstractSeries* s : chart->series()) {
            const QXYSeries* xy = qobject_cast<QXYSeries*>(s);
            if (auto* area = qobject_cast<QAreaSeries*>(s))
                xy = area->upperSeries();
            if (!xy || xy->count() == 0)
                continue;
            const QString name = s->name().isEmpty() ? QStringLiteral("(selection)") : s->name();
            for (const QPointF& p : xy->points())
                out += csvLine({chart->title(), name, num(p.x()), num(p.y())});
        }
    return out.toUtf8();
}

} // namespace nofade::ui
