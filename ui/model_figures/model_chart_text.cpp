#include "model_figures/model_chart_text.h"

#include <cmath>
#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include "models/dataset_names.h"

namespace nofade::ui {

QString modelFamily(const QString& modelName)
{
    QString name = modelName.trimmed();
    const int paren = name.indexOf(QLatin1Char('('));
    if (paren > 0)
        name = name.left(paren).trimmed();
    const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return modelName;
    // "Faster R-CNN": a second word like "R-CNN" (a capital, a hyphen, letters) is part of the name.
    static const QRegularExpression joined(QStringLiteral("^[A-Z]-[A-Za-z]+$"));
    if (words.size() > 1 && joined.match(words[1]).hasMatch())
        return words[0] + QLatin1Char(' ') + words[1];
    // Static: compiling the pattern for every point cost more than drawing it.
    static const QRegularExpression separators(QStringLiteral("[-/+]"));
    QString family = words[0].split(separators, Qt::SkipEmptyParts).value(0, words[0]);
    // A version or size suffix: "YOLOv3" -> "YOLO", "EfficientNetV2" -> "EfficientNet", "ShelfNet50" -> "ShelfNet".
    static const QRegularExpression suffix(QStringLiteral("(?:[vV]\\d+|\\d{2,})$"));
    const QRegularExpressionMatch s = suffix.match(family);
    if (s.hasMatch() && s.capturedStart() >= 3)
        family.truncate(s.capturedStart());
    return family;
}

QString formatNumber(double value)
{
    const QLocale l(QLocale::English);
    const double a = std::abs(value);
    if (a == 0.0)
        return QStringLiteral("0");
    if (a >= 1e7 || a < 1e-3)
        return QString::number(value, 'e', 2);
    const int decimals = std::max(0, 2 - int(std::floor(std::log10(a))));
    return l.toString(value, 'f', decimals);
}

QString formatCo2(double kg)
{
    if (kg >= 1000.0)
        return QStringLiteral("%1 t").arg(formatNumber(kg / 1000.0));
    if (kg < 1.0)
        return QStringLiteral("%1 g").arg(formatNumber(kg * 1000.0));
    return QStringLiteral("%1 kg").arg(formatNumber(kg));
}

namespace {
QString valueOr(const std::optional<double>& v, const QString& unit, const QString& reason)
{
    return v ? formatNumber(*v) + unit : QStringLiteral("– (%1)").arg(reason.toHtmlEscaped());
}

QString hoursLine(const ModelResult& m)
{
    if (!m.deviceHours)
        return QStringLiteral("Device-hours: – (%1)").arg(m.hoursReason.toHtmlEscaped());
    QString devices = m.device.toHtmlEscaped();
    if (m.deviceCount)
        devices = QStringLiteral("%1 × %2").arg(*m.deviceCount).arg(devices);
    return QStringLiteral("Device-hours: %1 <i>(%2)</i> on %3")
        .arg(formatNumber(*m.deviceHours), m.hoursProvenance.toHtmlEscaped(), devices);
}

QString header(const ModelResult& m)
{
    return QStringLiteral("<b>%1</b><br>%2 · %3").arg(m.model.toHtmlEscaped(), m.dataset.toHtmlEscaped(), m.task.toHtmlEscaped());
}

double logOf(double v, LogBase base)
{
    switch (base) {
    case LogBase::Ten: return std::log10(v);
    case LogBase::Two: return std::log2(v);
    case LogBase::Natural: break;
    }
    return std::log(v);
}
} // namespace

QString saturationTooltip(const ModelResult& m)
{
    QStringList lines;
    lines << header(m);
    lines << QStringLiteral("Score: %1 %2").arg(m.score ? formatNumber(*m.score) : QStringLiteral("–"), m.metric.toHtmlEscaped());
    lines << QStringLiteral("CO₂: %1").arg(m.co2Kg ? formatCo2(*m.co2Kg) : QStringLiteral("– (%1)").arg(m.co2Reason.toHtmlEscaped()));
    lines << QStringLiteral("Energy: %1").arg(valueOr(m.energyKwh, QStringLiteral(" kWh"), m.co2Reason));
    lines << hoursLine(m);
    if (m.pareto)
        lines << QStringLiteral("On the Pareto front");
    if (m.marginalKgPerPoint)
        lines << QStringLiteral("Marginal cost: %1 per score point over %2")
                     .arg(formatCo2(*m.marginalKgPerPoint), m.previousParetoModel.toHtmlEscaped());
    return lines.join(QStringLiteral("<br>"));
}

QString noFadeTooltip(const ModelResult& m, const DatasetResult* d, const ReportSettings& settings)
{
    QStringList lines;
    lines << header(m);
    if (!m.nofade) {
        lines << QStringLiteral("NoFADE: – (%1)").arg(m.nofadeReason.toHtmlEscaped());
        return lines.join(QStringLiteral("<br>"));
    }
    const QString measure = d ? d->measure : QStringLiteral("C");
    const QString log = logBaseName(settings.nofade.logBase);
    lines << QStringLiteral("NoFADE = score × %1 / %2(FLOPs)").arg(measure, log);
    if (m.score && m.flops && d && d->complexity) {
        const double logFlops = logOf(*m.flops, settings.nofade.logBase);
        lines << QStringLiteral("= %1 × %2 / %3(%4) = %1 × %2 / %5 = <b>%6</b>")
                     .arg(formatNumber(*m.score), QString::number(*d->complexity, 'g', 4), log,
                          QString::number(*m.flops, 'e', 3), QString::number(logFlops, 'f', 3),
                          QString::number(*m.nofade, 'g', 4));
        if (!d->complexitySource.isEmpty())
            lines << QStringLiteral("%1 from %2").arg(measure, d->complexitySource.toHtmlEscaped());
    } else {
        lines << QStringLiteral("= <b>%1</b>").arg(QString::number(*m.nofade, 'g', 4));
    }
    lines << QStringLiteral("CO₂: %1").arg(m.co2Kg ? formatCo2(*m.co2Kg) : QStringLiteral("–"));
    lines << QStringLiteral("Energy: %1").arg(valueOr(m.energyKwh, QStringLiteral(" kWh"), m.co2Reason));
    lines << hoursLine(m);
    return lines.join(QStringLiteral("<br>"));
}

const DatasetResult* datasetOf(const Report& report, const ModelResult& m)
{
    const QString key = datasetKey(m.dataset);
    for (const DatasetResult& d : report.datasets)
        if (d.key == key)
            return &d;
    return nullptr;
}

QStringList frontierFooter(const FrontierAnalysis& a, const QString& prefix)
{
    QStringList lines;
    if (!a.chosen)
        return lines; // the saturation fit's note already says why there is no curve
    const QString family = curveFamilyName(*a.chosen);
    if (const auto& n = a.nextPoint) {
        if (n->reachable) {
            QString line = QCoreApplication::translate("ModelChart", "%1next point: +%2 CO₂ beyond %3 (%4 → %5)")
                               .arg(prefix, formatCo2(n->value), n->fromModel, formatNumber(n->fromScore), formatNumber(n->targetScore));
            if (n->interval)
                line += std::isfinite(n->interval->high)
                            ? QCoreApplication::translate("ModelChart", ", 90% interval %1 – %2").arg(formatCo2(n->interval->low), formatCo2(n->interval->high))
                            : QCoreApplication::translate("ModelChart", ", 90% interval from %1, unbounded above (not reachable in %2% of the bootstrap replicates)")
                                  .arg(formatCo2(n->interval->low), QString::number(100.0 * n->unreachableShare, 'f', 1));
            else if (!n->intervalReason.isEmpty())
                line += QCoreApplication::translate("ModelChart", ", no interval: %1").arg(n->intervalReason);
            lines << line;
        } else {
            lines << QCoreApplication::translate("ModelChart", "%1next point: not reachable beyond %2: %3").arg(prefix, n->fromModel, n->reason);
        }
    }
    QString chosen = QCoreApplication::translate("ModelChart", "%1curve: %2 (%3)").arg(prefix, family, a.chosenReason);
    for (const FamilyResult& f : a.families)
        if (f.family == *a.chosen) {
            if (f.backtestMae)
                chosen += QCoreApplication::translate("ModelChart", ", back-test error %1 points on the %2 most expensive frontier models")
                              .arg(formatNumber(*f.backtestMae)).arg(a.heldOut.size());
            else if (!f.backtestReason.isEmpty())
                chosen += QCoreApplication::translate("ModelChart", ", no back-test: %1").arg(f.backtestReason);
        }
    lines << chosen;
    return lines;
}

} // namespace nofade::ui
