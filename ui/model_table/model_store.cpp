#include "model_table/model_store.h"

#include "models/bundled_data.h"
#include "models/report_builder.h"

namespace nofade::ui {

namespace {
const QString kBundledName = QStringLiteral("bundled corpus");
}

ModelStore::ModelStore(QObject* parent)
    : QObject(parent),
      hardware_(loadHardwareTable(&hardwareErrors_)),
      table_(ModelTable::fromCsv(bundledCorpusCsv(), kBundledName, ModelTableOptions{settings_.nofade.scoreScale, &hardware_}))
{
    keepReportQuick(settings_);
    recompute();
}

ModelTableOptions ModelStore::tableOptions() const
{
    return ModelTableOptions{settings_.nofade.scoreScale, &hardware_};
}

bool ModelStore::isBundledTable() const
{
    return table_.fileName() == kBundledName && table_.toCsv() == bundledCorpusCsv();
}

void ModelStore::setTable(ModelTable table)
{
    applyTable(std::move(table), TableChange{});
}

void ModelStore::applyTable(ModelTable table, const TableChange& change)
{
    Q_EMIT tableAboutToChange(change);
    table_ = std::move(table);
    // The table is validated with this workspace's rules whatever it was read with.
    if (table_.options().scoreScale != settings_.nofade.scoreScale || table_.options().hardware != &hardware_)
        table_.setOptions(tableOptions());
    recompute(false);
    Q_EMIT tableChanged(change);
    Q_EMIT reportChanged();
}

void ModelStore::keepReportQuick(ReportSettings& settings)
{
    // The report is rebuilt on the GUI thread after every edit: without the CO2 Monte Carlo and
    // the curve families (together about 0.15 s for the bundled corpus) until the GUI shows them
    // and builds its reports in a worker. nofade-cli report computes them.
    settings.uncertainty.draws = 0;
    settings.curveFamilies = false;
}

void ModelStore::setSettings(const ReportSettings& settings)
{
    const bool rescale = settings.nofade.scoreScale != settings_.nofade.scoreScale;
    settings_ = settings;
    keepReportQuick(settings_);
    if (rescale) {
        // Scores are validated against the scale: the table's errors change with it.
        const TableChange cells{TableChange::Kind::Cells, 0, 0};
        Q_EMIT tableAboutToChange(cells);
        table_.setOptions(tableOptions());
        recompute(false);
        Q_EMIT tableChanged(cells);
        Q_EMIT settingsChanged();
        Q_EMIT reportChanged();
        return;
    }
    recompute(false);
    Q_EMIT settingsChanged();
    Q_EMIT reportChanged();
}

void ModelStore::setComplexities(std::vector<ComplexityInput> complexities)
{
    user_ = std::move(complexities);
    mergeComplexities();
    recompute(false);
    Q_EMIT complexitiesChanged();
    Q_EMIT reportChanged();
}

void ModelStore::setProfileComplexities(std::vector<ComplexityInput> complexities)
{
    if (complexities == profiles_)
        return; // e.g. a dataset added, not scanned yet: nothing to recompute
    profiles_ = std::move(complexities);
    mergeComplexities();
    recompute(false);
    Q_EMIT complexitiesChanged();
    Q_EMIT reportChanged();
}

void ModelStore::mergeComplexities()
{
    complexities_ = profiles_;
    complexities_.insert(complexities_.end(), user_.begin(), user_.end());
}

void ModelStore::recompute(bool announce)
{
    report_ = buildReport(table_, hardware_, complexities_, settings_);
    if (announce)
        Q_EMIT reportChanged();
}

} // namespace nofade::ui
