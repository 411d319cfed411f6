#include "model_figures/nofade_chart.h"

#include <algorithm>
#include <QHash>
#include <QLegendMarker>
#include <QScatterSeries>

#include "chart_kit/chart_palette.h"
#include "model_figures/model_chart_text.h"

namespace nofade::ui {

namespace {
bool drawable(const ModelResult& m) { return m.nofade && m.co2Kg && *m.co2Kg > 0.0; }
}

int NoFadeChart::drawableCount(const Report& report)
{
    return int(std::count_if(report.models.begin(), report.models.end(), drawable));
}

QStringList NoFadeChart::tasks(const Report& report)
{
    QStringList tasks;
    for (const char* t : {"classification", "segmentation", "detection"}) {
        const QString task = QString::fromLatin1(t);
        if (std::any_of(report.models.begin(), report.models.end(), [&](const ModelResult& m) { return m.task == task; }))
            tasks << task;
    }
    return tasks;
}

NoFadeChart::NoFadeChart(const Report& report, const QString& task, const FigureStyle& style, QGraphicsItem* parent)
    : ModelChart(report, style, parent)
{
    QHash<QString, QScatterSeries*> filled, hollow;
    int models = 0;
    QString reason;
    int lowN = -1, highN = -1, lowC = -1, highC = -1;
    const auto& all = this->report().models;
    auto at = [&all](int i) -> const ModelResult& { return all[std::size_t(i)]; };
    for (int i = 0; i < int(all.size()); ++i) {
        const ModelResult& m = all[std::size_t(i)];
        if (m.task != task)
            continue;
        ++models;
        if (!drawable(m)) {
            if (reason.isEmpty())
                reason = m.nofade ? m.co2Reason : m.nofadeReason;
            continue;
        }
        const DatasetResult* d = datasetOf(this->report(), m);
        const QString name = d ? d->name : m.dataset;
        const int colour = d ? int(d - this->report().datasets.data()) : 0;
        const bool isHollow = m.hoursProvenance == QLatin1String("estimated");
        QScatterSeries*& series = (isHollow ? hollow : filled)[name];
        if (!series) {
            series = addScatter(name, ChartPalette::colour(colour), isHollow);
            if (isHollow && filled.contains(name))
                legend()->markers(series).constFirst()->setVisible(false);
            if (!isHollow && hollow.contains(name))
                legend()->markers(hollow.value(name)).constFirst()->setVisible(false);
        }
        addPoint(m.row, QPointF(*m.co2Kg, *m.nofade), series);
        if (lowN < 0 || *m.nofade < *at(lowN).nofade) lowN = i;
        if (highN < 0 || *m.nofade > *at(highN).nofade) highN = i;
        if (lowC < 0 || *m.co2Kg < *at(lowC).co2Kg) lowC = i;
        if (highC < 0 || *m.co2Kg > *at(highC).co2Kg) highC = i;
    }
    for (int i : {lowN, highN, lowC, highC})
        if (i >= 0)
            extremes_.insert(at(i).row);
    setAlwaysLabelled(extremes_);
    bool anyHollow = false;
    for (QScatterSeries* s : std::as_const(hollow))
        anyHollow = anyHollow || s->count() > 0;
    if (anyHollow)
    {
        QScatterSeries* key = addScatter(tr("estimated (hollow)"), QColor(0x55, 0x55, 0x55), true);
        legend()->markers(key).constFirst()->setBrush(Qt::white);
    }
    QString taskTitle = task;
    if (!taskTitle.isEmpty())
        taskTitle[0] = taskTitle[0].toUpper();
    setTitle(tr("%1: NoFADE against training CO₂").arg(taskTitle));
    // The formula and the complexity of each dataset drawn.
    QStringList used;
    for (const DatasetResult& d : this->report().datasets)
        if (d.complexity && std::any_of(all.begin(), all.end(), [&](const ModelResult& m) {
                return m.task == task && drawable(m) && datasetOf(this->report(), m) == &d;
            }))
            used << QStringLiteral("%1 %2 = %3").arg(d.name, d.measure, QString::number(*d.complexity, 'g', 4));
    if (!used.isEmpty())
        setStats(tr("NoFADE = score × C / %1(FLOPs); C: %2").arg(logBaseName(this->report().settings.nofade.logBase), used.join(QStringLiteral(", "))));
    if (pointCount() == 0)
        setNote(models == 0 ? tr("No %1 models in the table.").arg(task)
                            : tr("No %1 model has a NoFADE score and CO₂: %2").arg(task, reason));
    finish(tr("NoFADE"));
}

QString NoFadeChart::tooltip(int row) const
{
    for (const ModelResult& m : report().models)
        if (m.row == row)
            return noFadeTooltip(m, datasetOf(report(), m), report().settings);
    return {};
}

} // namespace nofade::ui
