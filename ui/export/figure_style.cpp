#include "export/figure_style.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QLegend>

namespace nofade::ui {

FigureStyle FigureStyle::screen() { return FigureStyle{}; }

FigureStyle FigureStyle::publication(const QString& fontFamily, double basePt)
{
    FigureStyle s;
    s.name = QStringLiteral("publication");
    s.fontFamily = fontFamily.isEmpty() ? QStringLiteral("DejaVu Serif") : fontFamily;
    s.titlePt = basePt + 1.0;
    s.labelPt = basePt;
    s.tickPt = basePt - 1.0;
    s.markerPx = 7.0;
    s.lineWidth = 1.1;
    return s;
}

std::optional<FigureStyle> FigureStyle::fromName(const QString& name)
{
    if (name == QLatin1String("screen"))
        return screen();
    if (name == QLatin1String("publication"))
        return publication();
    return std::nullopt;
}

QStringList FigureStyle::names() { return {QStringLiteral("screen"), QStringLiteral("publication")}; }

QFont FigureStyle::font(double pt, bool bold) const
{
    QFont f = fontFamily.isEmpty() ? QApplication::font() : QFont(fontFamily);
    f.setPointSizeF(pt);
    f.setBold(bold);
    return f;
}

void FigureStyle::apply(QChart* chart) const
{
    // No setTheme() here: it would recolour the series. Call after the axes are added.
    chart->setAnimationOptions(QChart::NoAnimation);
    if (isPublication()) {
        // A plain white figure: no rounded frame, black text and axes.
        chart->setBackgroundBrush(Qt::white);
        chart->setBackgroundPen(Qt::NoPen);
        chart->setBackgroundRoundness(0);
        chart->setPlotAreaBackgroundVisible(false);
        chart->setTitleBrush(Qt::black);
        chart->legend()->setLabelColor(Qt::black);
    }
    chart->setTitleFont(font(titlePt, true));
    chart->legend()->setFont(font(labelPt));
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setTitleFont(font(labelPt));
        axis->setLabelsFont(font(tickPt));
        if (isPublication()) {
            axis->setTitleBrush(Qt::black);
            axis->setLabelsBrush(Qt::black);
            axis->setLinePen(QPen(Qt::black, 0.8));
            axis->setGridLinePen(QPen(QColor(0xdd, 0xdd, 0xdd), 0.5));
            axis->setMinorGridLinePen(QPen(QColor(0xf0, 0xf0, 0xf0), 0.5));
        }
    }
}

QJsonObject FigureStyle::toJson() const
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("font_family"), fontFamily.isEmpty() ? QApplication::font().family() : fontFamily},
            {QStringLiteral("title_pt"), titlePt},
            {QStringLiteral("label_pt"), labelPt},
            {QStringLiteral("tick_pt"), tickPt},
            {QStringLiteral("marker_px"), markerPx},
            {QStringLiteral("line_width_px"), lineWidth}};
}

} // namespace nofade::ui
