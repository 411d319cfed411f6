#pragma once
// What a figure shows, independent of any widget: the saturation curves of some datasets (one
// chart each, or overlaid), the NoFADE scatter of some tasks (one panel each), or one of the
// entropy figures of the loaded datasets (figure_builder.h). The chart tabs and the headless
// export build their charts from the same spec with the same code.
#include <memory>
#include <vector>
#include <QSet>
#include <QStringList>

#include "export/figure_style.h"
#include "model_figures/saturation_chart.h"

namespace nofade::ui {

struct FigureSpec {
    enum class Kind { Saturation, NoFade, Histograms, PerClass, PerClassOverlay, ClassDistances, Images,
                      ComplexityMeasures, MeasureHistograms, MeasurePrediction };
    Kind kind = Kind::Saturation;
    QStringList panels;       // dataset keys (Saturation), task names (NoFade), per-image measures ("si", "bpp":
                              // MeasureHistograms) or the measure column (MeasurePrediction)
    bool overlay = false;     // Saturation: every panel in one chart
    ColourBy colourBy = ColourBy::Family;
    QString baseName;         // file name without extension, e.g. "saturation-imagenet"
    int dataset = -1;         // the entropy figures of one dataset: its index in FigureInputs::datasets
    std::vector<int> classes; // PerClass: the classes of this page of small multiples
    int columns = 0;          // PerClass: panels per row
    int outcome = 0;          // MeasurePrediction: the PredictionOutcome

    int chartCount() const { return overlay ? 1 : int(panels.size()); }
};

// Builds the charts of `spec` (chartCount() of them), with `selected` highlighted.
std::vector<std::unique_ptr<ModelChart>> buildCharts(const Report& report, const FigureSpec& spec,
                                                     const FigureStyle& style, const QSet<int>& selected = {});

// Columns of a grid of `charts` panels: 1, 2, 3, then 2 or 3 per row.
int gridColumns(int charts);

// Every figure of a report, one chart each: the saturation curves of each dataset with a drawable
// model, all datasets overlaid, and the NoFADE scatter of each task with a drawable model.
// `skipped` gets a line for each figure left out and why (e.g. no NoFADE score yet).
std::vector<FigureSpec> allFigures(const Report& report, ColourBy colourBy, QStringList* skipped);

// The --figures name of a kind: histograms, per-class (both per-class kinds), class-distances,
// images, complexity-measures, measure-histograms, measure-prediction, saturation, nofade.
QString kindName(FigureSpec::Kind kind);
QStringList kindNames();

// "ImageNet" -> "imagenet", "MS COCO" -> "ms-coco": safe in file names.
QString fileSlug(const QString& text);

} // namespace nofade::ui
