#include "models/report_builder.h"

#include <cmath>

#include "models/dataset_names.h"
#include "models/hardware_table.h"
#include "models/model_estimate.h"
#include "models/model_table.h"
#include "models/pareto.h"
#include "uncertainty/model_uncertainty.h"

namespace nofade {

namespace {

// The task most of the dataset's models have (ties: the first seen).
QString majorityTask(const std::vector<const ModelResult*>& models)
{
    QStringList order;
    QHash<QString, int> votes;
    for (const ModelResult* m : models) {
        if (m->task.isEmpty())
            continue;
        if (!votes.contains(m->task))
            order << m->task;
        ++votes[m->task];
    }
    QString best;
    for (const QString& t : order)
        if (best.isEmpty() || votes.value(t) > votes.value(best))
            best = t;
    return best;
}

using Samplers = std::vector<std::optional<Co2Sampler>>; // by model row

void analyseDataset(DatasetResult& d, std::vector<ModelResult*>& models, const ComplexityInput* input,
                    const ReportSettings& settings, const Samplers& samplers, std::uint64_t stream)
{
    d.models = int(models.size());
    d.task = majorityTask({models.begin(), models.end()});
    const ComplexityMeasure measure = settings.measures.contains(d.key)
                                          ? settings.measures.value(d.key)
                                          : defaultMeasure(taskFromName(d.task).value_or(Task::Classification));
    d.measure = complexityMeasureName(measure);
    if (input) {
        const ChosenComplexity c = chooseComplexity(*input, measure);
        d.complexity = c.value;
        d.complexitySource = c.source;
        d.complexityReason = c.reason;
        d.complexityNote = c.note;
    } else {
        d.complexityReason = QStringLiteral("no complexity for this dataset: scan it for a profile, or type one in");
    }
    for (ModelResult* m : models) {
        if (!m->score)
            m->nofadeReason = QStringLiteral("no valid score");
        else if (!m->flops)
            m->nofadeReason = m->flopsReason;
        else if (!d.complexity)
            m->nofadeReason = d.complexityReason;
        else if (!(m->nofade = noFade(*m->score, *d.complexity, *m->flops, settings.nofade.logBase)))
            m->nofadeReason = QStringLiteral("log of the FLOPs is not positive");
    }
    // Pareto front, marginal cost and the fit, over the models with both CO2 and score.
    std::vector<ModelResult*> usable;
    for (ModelResult* m : models) {
        if (m->co2Kg && m->score && *m->co2Kg > 0.0)
            usable.push_back(m);
        else
            m->marginalReason = !m->score ? QStringLiteral("no valid score")
                                : m->co2Kg ? QStringLiteral("CO2 is zero") : QStringLiteral("no CO2: ") + m->co2Reason;
    }
    d.modelsWithCo2 = int(usable.size());
    std::vector<CostScore> points;
    std::vector<QString> names;
    std::vector<double> x, y;
    for (const ModelResult* m : usable) {
        points.push_back({*m->co2Kg, *m->score});
        names.push_back(m->model);
        x.push_back(std::log10(*m->co2Kg));
        y.push_back(*m->score);
    }
    const std::vector<bool> front = paretoFront(points);
    const std::vector<Marginal> marginal = marginalCosts(points, front, names);
    for (std::size_t i = 0; i < usable.size(); ++i) {
        usable[i]->pareto = front[i];
        usable[i]->marginalKgPerPoint = marginal[i].costPerPoint;
        usable[i]->marginalReason = marginal[i].reason;
        if (marginal[i].previous >= 0)
            usable[i]->previousParetoModel = names[std::size_t(marginal[i].previous)];
    }
    d.fit = fitDiminishingReturns(x, y, settings.kneeThreshold, maxScore(settings.nofade.scoreScale));
    if (int(usable.size()) < kMinFitModels)
        return;
    std::vector<FrontierPoint> frontier;
    for (const ModelResult* m : usable) {
        FrontierPoint p{m->model, *m->co2Kg, *m->score, {}};
        if (const auto& sampler = samplers[std::size_t(m->row)]; sampler && settings.uncertainty.draws > 0)
            p.drawCo2 = [s = &*sampler](SeededRandom& random) { return s->draw(random).co2Kg; };
        frontier.push_back(std::move(p));
    }
    FrontierSettings fs;
    fs.yCeiling = maxScore(settings.nofade.scoreScale);
    fs.point = maxScore(settings.nofade.scoreScale) / 100.0;
    fs.kneeThreshold = settings.kneeThreshold;
    fs.bootstrapRounds = settings.uncertainty.bootstrapRounds;
    fs.seed = settings.uncertainty.seed;
    fs.stream = stream;
    fs.saturationGiven = true;
    if (d.fit.saturation)
        fs.saturation = Curve{CurveFamily::SaturatingExp, {d.fit.saturation->yMax, d.fit.saturation->y0, d.fit.saturation->k},
                              d.fit.saturation->xMin};
    fs.saturationReason = d.fit.saturationReason;
    d.frontier = analyseFrontier(frontier, fs);
}

} // namespace

Report buildReport(const ModelTable& table, const HardwareTable& hardware,
                   const std::vector<ComplexityInput>& complexities, const ReportSettings& settings)
{
    Report report;
    report.settings = settings;
    report.modelsSource = table.fileName();
    report.tableErrors = table.errorMessages();
    Samplers samplers;
    Co2MonteCarlo monteCarlo(settings.uncertainty, settings.lifeCycle);
    for (int i = 0; i < int(table.rows().size()); ++i) {
        const ModelRow& row = table.rows()[std::size_t(i)];
        report.models.push_back(estimateModel(row, i, hardware, settings));
        samplers.push_back(applyUncertainty(row, report.models.back(), hardware, settings, monteCarlo));
    }
    for (const TableIssue& issue : table.issues())
        if (issue.row >= 0)
            report.models[std::size_t(issue.row)].issues << table.issueMessage(issue);
    // Complexities by dataset; a later input for the same dataset replaces an earlier one.
    QHash<QString, const ComplexityInput*> inputs;
    for (const ComplexityInput& c : complexities)
        inputs.insert(datasetKey(c.dataset), &c);
    // Datasets in order of first appearance.
    std::vector<std::vector<ModelResult*>> members;
    QHash<QString, int> index;
    for (ModelResult& m : report.models) {
        if (m.dataset.isEmpty()) {
            m.nofadeReason = QStringLiteral("no dataset");
            m.marginalReason = QStringLiteral("no dataset");
            continue;
        }
        const QString key = datasetKey(m.dataset);
        if (!index.contains(key)) {
            index.insert(key, int(report.datasets.size()));
            DatasetResult d;
            d.name = canonicalDatasetName(m.dataset);
            d.key = key;
            report.datasets.push_back(d);
            members.emplace_back();
        }
        members[std::size_t(index.value(key))].push_back(&m);
    }
    for (std::size_t i = 0; i < report.datasets.size(); ++i)
        analyseDataset(report.datasets[i], members[i], inputs.value(report.datasets[i].key), settings, samplers, i);
    for (const ComplexityInput& c : complexities)
        if (!index.contains(datasetKey(c.dataset)))
            report.notes << QStringLiteral("a complexity was given for \"%1\" (%2), but no model in the table uses that dataset")
                                .arg(c.dataset, c.source);
    return report;
}

} // namespace nofade
