#include "model_table/model_store.h"

#include <numeric>
#include <QtConcurrent/QtConcurrentRun>

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
    // The report is built off the GUI thread: the GUI can afford the bootstrap intervals of the
    // fits (the report's own default leaves them off; nofade-cli asks for 1,000 replicates).
    settings_.uncertainty.bootstrapRounds = kGuiBootstrapRounds;
    pool_.setMaxThreadCount(1);
    connect(&build_, &QFutureWatcher<Report>::finished, this, &ModelStore::buildFinished);
    reportRows_.assign(table_.rows().size(), -1);
    requestReport();
}

ModelStore::~ModelStore()
{
    // The build reads copies only, but its table's options point at hardware_.
    build_.waitForFinished();
}

ModelTableOptions ModelStore::tableOptions() const
{
    return ModelTableOptions{settings_.nofade.scoreScale, &hardware_};
}

bool ModelStore::isBundledTable() const
{
    return table_.fileName() == kBundledName && table_.toCsv() == bundledCorpusCsv();
}

const ModelResult* ModelStore::resultOf(int row) const
{
    if (row < 0 || std::size_t(row) >= reportRows_.size())
        return nullptr;
    const int at = reportRows_[std::size_t(row)];
    return at >= 0 && std::size_t(at) < report_.models.size() ? &report_.models[std::size_t(at)] : nullptr;
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
    remapRows(change);
    requestReport();
    Q_EMIT tableChanged(change);
}

void ModelStore::remapRows(const TableChange& change)
{
    const auto at = [this](int row) { return reportRows_.begin() + std::clamp<std::ptrdiff_t>(row, 0, std::ptrdiff_t(reportRows_.size())); };
    switch (change.kind) {
    case TableChange::Kind::Cells:
        break;
    case TableChange::Kind::RowsInserted:
        reportRows_.insert(at(change.first), std::size_t(std::max(0, change.count)), -1);
        break;
    case TableChange::Kind::RowsRemoved:
        reportRows_.erase(at(change.first), at(change.first + change.count));
        break;
    case TableChange::Kind::Reset:
        reportRows_.assign(table_.rows().size(), -1);
        break;
    }
    // A change described wrongly must not show a row another row's results.
    if (reportRows_.size() != table_.rows().size())
        reportRows_.assign(table_.rows().size(), -1);
}

void ModelStore::setSettings(const ReportSettings& settings)
{
    const bool rescale = settings.nofade.scoreScale != settings_.nofade.scoreScale;
    settings_ = settings;
    if (rescale) {
        // Scores are validated against the scale: the table's errors change with it.
        const TableChange cells{TableChange::Kind::Cells, 0, 0};
        Q_EMIT tableAboutToChange(cells);
        table_.setOptions(tableOptions());
        requestReport();
        Q_EMIT tableChanged(cells);
        Q_EMIT settingsChanged();
        return;
    }
    requestReport();
    Q_EMIT settingsChanged();
}

void ModelStore::setComplexities(std::vector<ComplexityInput> complexities)
{
    user_ = std::move(complexities);
    mergeComplexities();
    requestReport();
    Q_EMIT complexitiesChanged();
}

void ModelStore::setProfileComplexities(std::vector<ComplexityInput> complexities)
{
    if (complexities == profiles_)
        return; // e.g. a dataset added, not scanned yet: nothing to recompute
    profiles_ = std::move(complexities);
    mergeComplexities();
    requestReport();
    Q_EMIT complexitiesChanged();
}

void ModelStore::mergeComplexities()
{
    complexities_ = profiles_;
    complexities_.insert(complexities_.end(), user_.begin(), user_.end());
}

void ModelStore::requestReport()
{
    const bool wasPending = reportPending();
    ++generation_;
    if (!build_.isRunning())
        startBuild(); // else buildFinished() drops the running one's result and starts this one
    if (!wasPending)
        Q_EMIT reportPendingChanged(true);
}

void ModelStore::startBuild()
{
    buildingGeneration_ = generation_;
    // The worker gets copies: the GUI may change the table while it runs.
    build_.setFuture(QtConcurrent::run(&pool_, [table = table_, hardware = hardware_, complexities = complexities_, settings = settings_] {
        return buildReport(table, hardware, complexities, settings);
    }));
}

void ModelStore::buildFinished()
{
    if (buildingGeneration_ != generation_) {
        startBuild(); // stale: the table or the settings changed while it ran
        return;
    }
    report_ = build_.result();
    reportGeneration_ = buildingGeneration_;
    reportRows_.resize(table_.rows().size());
    std::iota(reportRows_.begin(), reportRows_.end(), 0);
    Q_EMIT reportChanged();
    Q_EMIT reportPendingChanged(false);
}

} // namespace nofade::ui
