#pragma once
// What the figures are drawn from, without any widget: the datasets' profiles (entropy
// histograms, per class, class distances, images) and the report of the model table (saturation,
// NoFADE). The GUI fills it from its stores and the tabs' choices, the headless export from the
// paths on its command line.
#include <memory>
#include <vector>
#include <QColor>
#include <QSet>
#include <QString>

#include "maths/jensen_shannon.h"
#include "model_figures/saturation_chart.h"
#include "models/report.h"
#include "profile/profile.h"

namespace nofade::ui {

struct FigureDataset {
    QString name;
    QColor colour;
    std::shared_ptr<const Profile> profile;
    std::shared_ptr<const JsdSummary> jsd; // null: computed from the profile when needed
    std::vector<int> classes;              // the classes of the per-class figures (empty: every usable one)
};

struct FigureInputs {
    // The colour scale of the class-distance heatmaps: 0 to 1 (JS distances in bits never exceed
    // 1), 0 to the largest distance of all datasets, or 0 to each dataset's own largest.
    enum class DistanceScale { Fixed, Shared, DatasetMax };

    std::vector<FigureDataset> datasets;
    std::shared_ptr<const Report> report; // null: no model figures
    int bins = 64;                        // display bins of the histograms over [0, 8] bits
    bool meanMarkers = true;
    DistanceScale distanceScale = DistanceScale::Fixed;
    ColourBy colourBy = ColourBy::Family;
    QSet<int> selected;                   // model rows highlighted in the model figures
};

} // namespace nofade::ui
