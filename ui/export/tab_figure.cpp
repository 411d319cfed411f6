#include "export/tab_figure.h"

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QSaveFile>

#include "complexity/complexity_tab.h"
#include "complexity/measure_prediction_tab.h"
#include "dataset_state/dataset_store.h"
#include "entropy_tabs/class_distance_tab.h"
#include "entropy_tabs/density_chart.h"
#include "entropy_tabs/entropy_histogram_tab.h"
#include "entropy_tabs/heatmap_figure.h"
#include "entropy_tabs/images_tab.h"
#include "entropy_tabs/per_class_tab.h"
#include "entropy_tabs/small_multiples_widget.h"
#include "export/complexity_figures.h"
#include "export/figure_builder.h"
#include "export/figure_export_dialog.h"

namespace nofade::ui {

FigureInputs storeInputs(const DatasetStore& store)
{
    FigureInputs in;
    for (int row = 0; row < store.count(); ++row) {
        const DatasetEntry& e = store.at(row);
        if (!e.profile || e.profile->images() == 0)
            continue;
        in.datasets.push_back(FigureDataset{e.name, e.colour, e.profile, e.jsd, {}});
    }
    return in;
}

namespace {
int indexOf(const FigureInputs& in, const DatasetStore& store, int id)
{
    const DatasetEntry* e = store.find(id);
    if (!e)
        return -1;
    for (int i = 0; i < int(in.datasets.size()); ++i)
        if (in.datasets[std::size_t(i)].profile == e->profile)
            return i;
    return -1;
}
} // namespace

std::optional<TabFigure> tabFigure(QWidget* tab, const DatasetStore& store, const FigureSize& size)
{
    TabFigure f;
    f.inputs = storeInputs(store);
    if (f.inputs.datasets.empty())
        return std::nullopt;
    if (auto* t = qobject_cast<EntropyHistogramTab*>(tab)) {
        f.inputs.bins = t->bins();
        f.inputs.meanMarkers = t->chart()->meanMarkersVisible();
        f.spec.kind = FigureSpec::Kind::Histograms;
        f.spec.baseName = QStringLiteral("histograms");
        return f;
    }
    if (auto* t = qobject_cast<ComplexityTab*>(tab)) {
        if (!t->showsPerImage()) {
            f.spec.kind = FigureSpec::Kind::ComplexityMeasures;
            f.spec.baseName = QStringLiteral("complexity-measures");
            return f;
        }
        // Both per-image measures side by side, as on the tab (those some dataset has).
        std::vector<FigureSpec> specs;
        QStringList skipped;
        addComplexitySpecs(f.inputs, [](const QString& k) { return k == QLatin1String("measure-histograms"); }, &specs, &skipped);
        if (specs.empty())
            return std::nullopt;
        f.spec.kind = FigureSpec::Kind::MeasureHistograms;
        for (const FigureSpec& s : specs)
            f.spec.panels << s.panels;
        f.spec.baseName = specs.size() == 1 ? specs.front().baseName : QStringLiteral("measure-histograms");
        return f;
    }
    if (auto* t = qobject_cast<MeasurePredictionTab*>(tab)) {
        f.inputs.report = std::make_shared<const Report>(t->report());
        f.spec.kind = FigureSpec::Kind::MeasurePrediction;
        f.spec.panels = {t->scatterMeasure()};
        f.spec.outcome = int(t->scatterOutcome());
        f.spec.baseName = predictionBaseName(t->scatterMeasure(), f.spec.outcome);
        if (figurePrediction(f.inputs, t->scatterMeasure(), f.spec.outcome).x.empty())
            return std::nullopt; // no point to draw: the tab says why, and exports as a screen grab
        return f;
    }
    int id = 0;
    if (auto* t = qobject_cast<PerClassTab*>(tab))
        id = t->datasetId();
    else if (auto* t = qobject_cast<ClassDistanceTab*>(tab))
        id = t->datasetId();
    else if (auto* t = qobject_cast<ImagesTab*>(tab))
        id = t->datasetId();
    else
        return std::nullopt;
    f.spec.dataset = indexOf(f.inputs, store, id);
    if (f.spec.dataset < 0)
        return std::nullopt;
    FigureDataset& d = f.inputs.datasets[std::size_t(f.spec.dataset)];
    const QString slug = fileSlug(d.name);
    if (auto* t = qobject_cast<PerClassTab*>(tab)) {
        d.classes = t->selectedClasses();
        if (d.classes.empty())
            return std::nullopt;
        const bool multiples = t->smallMultiples()->isVisibleTo(t);
        f.spec.kind = multiples ? FigureSpec::Kind::PerClass : FigureSpec::Kind::PerClassOverlay;
        f.spec.baseName = QStringLiteral("%1-%2").arg(multiples ? QStringLiteral("per-class") : QStringLiteral("per-class-overlay"), slug);
        f.spec.classes = d.classes;
        f.spec.columns = smallMultiplesGrid(size).width();
    } else if (auto* t = qobject_cast<ClassDistanceTab*>(tab)) {
        f.spec.kind = FigureSpec::Kind::ClassDistances;
        f.spec.baseName = QStringLiteral("class-distances-%1").arg(slug);
        // The tab names its colour scale in its figure; the export uses the same one.
        const QString title = t->figure(FigureStyle::screen()).scaleTitle;
        f.inputs.distanceScale = title.contains(QStringLiteral("fixed")) ? FigureInputs::DistanceScale::Fixed
                                 : title.contains(QStringLiteral("shared")) ? FigureInputs::DistanceScale::Shared
                                                                            : FigureInputs::DistanceScale::DatasetMax;
    } else {
        f.spec.kind = FigureSpec::Kind::Images;
        f.spec.baseName = QStringLiteral("images-%1").arg(slug);
    }
    return f;
}

bool exportTabFigureWithDialog(QWidget* tab, const DatasetStore& store, QWidget* parent)
{
    // The base name before the dialog (the size is not known yet; the grid follows it below).
    const auto probe = tabFigure(tab, store, FigureSize{});
    if (!probe)
        return false;
    FigureExportDialog dialog(FigureExportDialog::Mode::File, FigureStyle::publication(), parent);
    dialog.setPath(probe->spec.baseName);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const auto figure = tabFigure(tab, store, dialog.size());
    QString error;
    bool ok = figure.has_value();
    if (!ok)
        error = FigureExportDialog::tr("Nothing to export: the tab shows no figure now.");
    if (ok) {
        const BuiltFigure built = buildFigure(figure->spec, figure->inputs, dialog.style());
        ok = built.write(dialog.size(), dialog.path(), &error);
        if (ok) {
            const QFileInfo info(dialog.path());
            const QString csv = info.absoluteDir().filePath(info.completeBaseName() + QStringLiteral(".csv"));
            QSaveFile out(csv);
            ok = out.open(QIODevice::WriteOnly) && out.write(built.csv) == built.csv.size() && out.commit();
            if (!ok)
                error = QStringLiteral("%1: cannot write: %2").arg(csv, out.errorString());
        }
    }
    if (!ok)
        QMessageBox::warning(parent, FigureExportDialog::tr("Export failed"), error);
    return ok;
}

} // namespace nofade::ui
