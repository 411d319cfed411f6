#include "model_workspace.h"

#include "models/bundled_data.h"
#include "models/report_builder.h"

namespace nofade::ui {

ModelWorkspace::ModelWorkspace(QObject* parent)
    : QObject(parent),
      hardware_(loadHardwareTable(&hardwareErrors_)),
      table_(ModelTable::fromCsv(bundledCorpusCsv(), QStringLiteral("bundled corpus"),
                                 ModelTableOptions{settings_.nofade.scoreScale, &hardware_}))
{
    recompute();
}

void ModelWorkspace::setTable(ModelTable table)
{
    table_ = std::move(table);
    recompute();
}

void ModelWorkspace::setSettings(const ReportSettings& settings)
{
    settings_ = settings;
    recompute();
}

void ModelWorkspace::setComplexities(std::vector<ComplexityInput> complexities)
{
    complexities_ = std::move(complexities);
    recompute();
}

void ModelWorkspace::recompute()
{
    report_ = buildReport(table_, hardware_, complexities_, settings_);
    Q_EMIT reportChanged();
}

} // namespace nofade::ui
