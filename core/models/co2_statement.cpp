#include "models/co2_statement.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <QRegularExpression>

#include "models/carbon_table.h"
#include "models/co2_statement_bib.h"

namespace nofade {

namespace {

const QString kCo2 = QStringLiteral("CO$_2$");

QString cite(const QStringList& keys)
{
    return QStringLiteral("~\\cite{%1}").arg(keys.join(QLatin1Char(',')));
}

// The intensity's source: a label for the text and the keys to cite, from the source strings of
// resources/carbon-intensity.csv (a region's row, or the settings' free text).
struct IntensitySource {
    QString text;
    QStringList keys;
};

IntensitySource intensitySource(const ReportSettings& s)
{
    IntensitySource out;
    QString region;
    QString source = s.intensitySource;
    const CarbonTable carbon = CarbonTable::bundled();
    for (const CarbonIntensity& c : carbon.regions()) {
        if (c.kgPerKwh == s.kgPerKwh
            && (s.intensitySource == c.region || s.intensitySource.startsWith(c.region + QStringLiteral(" (")))) {
            region = c.region;
            source = c.source;
            break;
        }
    }
    if (region.isEmpty() && s.intensitySource.startsWith(QLatin1String("custom value"))) {
        out.text = QStringLiteral("a value chosen by the authors");
        return out;
    }
    struct Known {
        const char* marker;
        const char* label;
        QStringList keys;
    };
    // The first matching marker of a family wins; ML CO2 Impact rows name eGRID as their origin.
    const Known known[] = {
        {"ML CO2 Impact", "ML~CO$_2$ Impact", {QStringLiteral("mlco2impact_data"), QStringLiteral("lacoste2019quantifying")}},
        {"Green Algorithms", "Green Algorithms", {QStringLiteral("greenalgorithms_ci"), QStringLiteral("lannelongue2021green")}},
        {"Our World in Data", "Our World in Data via CodeCarbon", {QStringLiteral("owid_energy"), QStringLiteral("codecarbon")}},
        {"CodeCarbon", "CodeCarbon", {QStringLiteral("codecarbon")}},
        {"eGRID", "EPA eGRID", {QStringLiteral("epa_egrid")}},
        {"EPA", "EPA Greenhouse Gas Equivalencies Calculator", {QStringLiteral("epa_ghg_equivalencies")}},
        {"Strubell", "Strubell et al.", {QStringLiteral("strubell2019energy")}},
    };
    QStringList labels;
    for (const Known& k : known) {
        if (!source.contains(QLatin1String(k.marker)))
            continue;
        bool fresh = false;
        for (const QString& key : k.keys)
            if (!out.keys.contains(key)) {
                out.keys << key;
                fresh = true;
            }
        if (fresh)
            labels << QString::fromUtf8(k.label);
    }
    const QString where = region.isEmpty() ? latexEscape(s.intensitySource) : latexEscape(region);
    out.text = labels.isEmpty() ? where : QStringLiteral("%1; %2%3").arg(where, labels.join(QStringLiteral(", ")), cite(out.keys));
    return out;
}

QString hoursOrigin(const QString& provenance, const ReportSettings& s)
{
    if (provenance == QLatin1String("reported"))
        return QStringLiteral("as reported");
    if (provenance == QLatin1String("derived"))
        return QStringLiteral("derived from the reported training time");
    if (provenance == QLatin1String("estimated"))
        return QStringLiteral("estimated from the training compute at %1 of the device's peak FP32 throughput")
            .arg(statementNumber(s.utilisation));
    if (provenance == QLatin1String("measured"))
        return QStringLiteral("measured");
    return latexEscape(provenance);
}

// Where the PUE comes from (a provider of resources/pue.csv), with its citation; empty when typed in.
QString pueOrigin(const ReportSettings& s)
{
    if (s.pueSource.isEmpty())
        return {};
    if (s.pueSource.startsWith(QLatin1String("Workstation")))
        return QStringLiteral(" (a workstation, without data-centre overhead)");
    if (s.pueSource.contains(QLatin1String("Strubell")))
        return QStringLiteral(" (the data-centre average used by Strubell et al.%1)").arg(cite({QStringLiteral("strubell2019energy")}));
    const QString provider = latexEscape(s.pueSource.section(QStringLiteral(" ("), 0, 0));
    if (s.pueSource.contains(QLatin1String("Green Algorithms")))
        return QStringLiteral(" (%1; Green Algorithms%2)")
            .arg(provider, cite({QStringLiteral("greenalgorithms_pue"), QStringLiteral("lannelongue2021green")}));
    return QStringLiteral(" (%1)").arg(provider);
}

QString methodSentence(const ReportSettings& s)
{
    if (s.method == Co2Method::PaperEq1)
        return QStringLiteral("Energy is computed with the energy equation of the NoFADE paper%1 as published, "
                              "without a power usage effectiveness (PUE) factor; its energy term is given in kWh as the "
                              "paper does, although it is not dimensionally an energy.")
            .arg(cite({QStringLiteral("fu2021nofade")}));
    return QStringLiteral("Energy is the devices' training time in device-hours times their thermal design power "
                          "(TDP) times the data centre's power usage effectiveness (PUE), as in ML~CO$_2$ "
                          "Impact%1 and Green Algorithms%2, with a PUE of %3%4.")
        .arg(cite({QStringLiteral("lacoste2019quantifying")}), cite({QStringLiteral("lannelongue2021green")}),
             statementNumber(s.pue), pueOrigin(s));
}

QString intensitySentence(const ReportSettings& s, const IntensitySource& source)
{
    return QStringLiteral("CO$_2$ is the energy times a carbon intensity of %1~kg~%2/kWh (%3).")
        .arg(statementNumber(s.kgPerKwh), kCo2, source.text);
}

QString joinAnd(const QStringList& items)
{
    if (items.size() <= 1)
        return items.join(QString());
    return QStringList(items.mid(0, items.size() - 1)).join(QStringLiteral(", ")) + QStringLiteral(" and ") + items.last();
}

// The life-cycle terms beyond the operational CO2, when switched on; empty otherwise.
QString lifeCycleSentence(const ReportSettings& s)
{
    const LifeCycleSettings& l = s.lifeCycle;
    if (l.operationalOnly())
        return {};
    QStringList terms;
    if (l.idle)
        terms << QStringLiteral("the idle and infrastructure energy, %1 times the operational energy").arg(statementNumber(l.idleShare));
    if (l.embodied)
        terms << QStringLiteral("the embodied emissions of the hardware, %1~kg per device and %2~kg per server of %3 devices "
                                "amortised over %4 years at a use rate of %5")
                     .arg(statementNumber(l.deviceKg), statementNumber(l.serverKg), statementNumber(l.devicesPerServer),
                          statementNumber(l.lifetimeYears), statementNumber(l.useRate));
    return QStringLiteral("Besides the devices' energy, the %1 includes %2, after Luccioni et al.%3.")
        .arg(kCo2, joinAnd(terms), cite({QStringLiteral("luccioni2023bloom")}));
}

// One model's sentence: hours, hardware, energy, CO2 and their provenance.
QString modelSentence(const ModelResult& m, const ReportSettings& s)
{
    QString who = QStringLiteral("\\emph{%1}").arg(latexEscape(m.model));
    if (!m.dataset.isEmpty())
        who += QStringLiteral(" (%1)").arg(latexEscape(m.dataset));
    QString hardware;
    if (!m.device.isEmpty())
        hardware = m.deviceCount ? QStringLiteral(" on %1$\\times$ %2").arg(*m.deviceCount).arg(latexEscape(m.device))
                                 : QStringLiteral(" on %1").arg(latexEscape(m.device));
    QString text = who;
    if (m.deviceHours)
        text += QStringLiteral(" was trained for %1 device-hours%2 (%3)")
                    .arg(statementNumber(*m.deviceHours), hardware, hoursOrigin(m.hoursProvenance, s));
    else if (!hardware.isEmpty())
        text += QStringLiteral(" was trained%1").arg(hardware);
    const QString joint = text == who ? QStringLiteral(":") : QStringLiteral(";");
    const QString co2 = QStringLiteral("%1~kg~%2").arg(statementNumber(*m.co2Kg), kCo2);
    if (m.co2Provenance == QLatin1String("measured")) {
        text += joint + (m.energyKwh ? QStringLiteral(" its %1~kWh and %2 were measured during training.").arg(statementNumber(*m.energyKwh), co2)
                                     : QStringLiteral(" its %1 were measured during training.").arg(co2));
    } else if (m.co2Provenance == QLatin1String("measured-energy")) {
        text += joint + QStringLiteral(" its %1~kWh were measured during training, which is %2.").arg(statementNumber(*m.energyKwh), co2);
    } else if (s.method == Co2Method::PaperEq1) {
        text += QStringLiteral(", with an energy term of %1~kWh, giving %2.").arg(statementNumber(*m.energyKwh), co2);
    } else {
        text += QStringLiteral(", which used %1~kWh and emitted %2.").arg(statementNumber(*m.energyKwh), co2);
    }
    return text;
}

double sum(const std::vector<const ModelResult*>& models, std::optional<double> ModelResult::*field, int* count)
{
    double total = 0.0;
    *count = 0;
    for (const ModelResult* m : models)
        if (m->*field) {
            total += *(m->*field);
            ++*count;
        }
    return total;
}


QString totalSentences(const Report& report, const std::vector<const ModelResult*>& models)
{
    const ReportSettings& s = report.settings;
    int hoursCount = 0, energyCount = 0, co2Count = 0;
    const double hours = sum(models, &ModelResult::deviceHours, &hoursCount);
    const double energy = sum(models, &ModelResult::energyKwh, &energyCount);
    const double co2 = sum(models, &ModelResult::co2Kg, &co2Count);
    QStringList devices;
    QStringList origins;
    for (const char* p : {"reported", "derived", "estimated", "measured"}) {
        int n = 0;
        for (const ModelResult* m : models)
            n += m->deviceHours && m->hoursProvenance == QLatin1String(p) ? 1 : 0;
        if (n > 0)
            origins << QStringLiteral("%1 for %2").arg(p == QLatin1String("reported") ? QStringLiteral("reported")
                                                                                      : hoursOrigin(QString::fromLatin1(p), s))
                           .arg(n);
    }
    for (const ModelResult* m : models)
        if (!m->device.isEmpty() && !devices.contains(latexEscape(m->device)))
            devices << latexEscape(m->device);
    QString text = QStringLiteral("Of the %1 models of the table, %2 have a CO$_2$ estimate; together they emitted %3~kg~%4")
                       .arg(report.models.size()).arg(co2Count).arg(statementNumber(co2), kCo2);
    const QString used = s.method == Co2Method::PaperEq1 ? QStringLiteral("had energy terms of") : QStringLiteral("used");
    text += energyCount == co2Count ? QStringLiteral(" and %1 %2~kWh").arg(used, statementNumber(energy))
                                    : QStringLiteral(", and the %1 of them with a known energy %2 %3~kWh")
                                          .arg(energyCount).arg(used, statementNumber(energy));
    text += QStringLiteral(".");
    if (hoursCount > 0) {
        text += QStringLiteral(" Their training took %1 device-hours").arg(statementNumber(hours));
        if (hoursCount != co2Count)
            text += QStringLiteral(" (for the %1 of them with known hours)").arg(hoursCount);
        if (!devices.isEmpty())
            text += QStringLiteral(" on %1").arg(joinAnd(devices));
        text += QStringLiteral("; hours are %1.").arg(joinAnd(origins));
    }
    const int measured = int(std::count_if(models.begin(), models.end(), [](const ModelResult* m) {
        return m->co2Provenance.startsWith(QLatin1String("measured"));
    }));
    if (measured > 0)
        text += QStringLiteral(" The energy or CO$_2$ of %1 of them was measured during training.").arg(measured);
    return text;
}

} // namespace

QString statementNumber(double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("?");
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.3g", value);
    const double rounded = std::strtod(buffer, nullptr);
    if (rounded == 0.0)
        return QStringLiteral("0");
    const int exponent = int(std::floor(std::log10(std::abs(rounded))));
    QString text = QString::number(rounded, 'f', std::max(0, 2 - exponent));
    // Trailing zeros dropped, as %.3g does: "8", "0.33", "3.7".
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    return text;
}

QString latexEscape(const QString& text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '\\': out += QStringLiteral("\\textbackslash{}"); break;
        case '~': out += QStringLiteral("\\textasciitilde{}"); break;
        case '^': out += QStringLiteral("\\textasciicircum{}"); break;
        case '{': case '}': case '$': case '&': case '%': case '#': case '_':
            out += QLatin1Char('\\');
            out += c;
            break;
        default: out += c;
        }
    }
    return out;
}

std::optional<Co2Statement> co2Statement(const Report& report, const QStringList& modelNames,
                                         const QString& bibName, QString* error)
{
    std::vector<const ModelResult*> chosen;
    if (modelNames.isEmpty()) {
        for (const ModelResult& m : report.models)
            if (m.co2Kg)
                chosen.push_back(&m);
        if (chosen.empty()) {
            *error = QStringLiteral("no model of the report has a CO2 estimate");
            return std::nullopt;
        }
    } else {
        for (const QString& name : modelNames) {
            int found = 0;
            for (const ModelResult& m : report.models) {
                if (m.model != name)
                    continue;
                ++found;
                if (!m.co2Kg) {
                    *error = QStringLiteral("model \"%1\" (row %2, %3) has no CO2: %4").arg(name).arg(m.row + 1).arg(m.dataset, m.co2Reason);
                    return std::nullopt;
                }
                if (std::find(chosen.begin(), chosen.end(), &m) == chosen.end())
                    chosen.push_back(&m);
            }
            if (found == 0) {
                *error = QStringLiteral("no model named \"%1\" in the report").arg(name);
                return std::nullopt;
            }
        }
    }
    const ReportSettings& s = report.settings;
    const IntensitySource source = intensitySource(s);
    QStringList sentences;
    sentences << QStringLiteral("We estimate the training energy and %1 emissions of the models with NoFADE Studio, "
                                "following the NoFADE analysis%2.")
                     .arg(kCo2, cite({QStringLiteral("fu2021nofade")}));
    sentences << methodSentence(s) << intensitySentence(s, source);
    if (const QString lifeCycle = lifeCycleSentence(s); !lifeCycle.isEmpty())
        sentences << lifeCycle;
    if (modelNames.isEmpty()) {
        sentences << totalSentences(report, chosen);
    } else {
        for (const ModelResult* m : chosen)
            sentences << modelSentence(*m, s);
        if (chosen.size() > 1) {
            int n = 0;
            sentences << QStringLiteral("Together these %1 models emitted %2~kg~%3.")
                             .arg(chosen.size()).arg(statementNumber(sum(chosen, &ModelResult::co2Kg, &n)), kCo2);
        }
    }
    Co2Statement out;
    // Citation keys in order of first use.
    static const QRegularExpression citeRe(QStringLiteral("\\\\cite\\{([^}]*)\\}"));
    const QString body = sentences.join(QLatin1Char('\n'));
    for (auto it = citeRe.globalMatch(body); it.hasNext();)
        for (const QString& key : it.next().captured(1).split(QLatin1Char(',')))
            if (!out.citeKeys.contains(key))
                out.citeKeys << key;
    out.tex = QStringLiteral("% Training energy and CO2, written by NoFADE Studio " NOFADE_VERSION " from the report's "
                             "numbers (3 significant digits). Sources: %1.bib\n")
                  .arg(bibName)
              + body + QLatin1Char('\n');
    for (const QString& key : out.citeKeys)
        out.bib += (out.bib.isEmpty() ? QString() : QStringLiteral("\n")) + statementBibEntry(key);
    return out;
}

} // namespace nofade
