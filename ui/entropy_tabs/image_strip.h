#pragma once
// The layout of the Images tab's strip plot: one column per class (and one for images without a
// class; a dataset without classes is a single column), every image a point at x = its column
// plus a deterministic jitter (from its item index, so the same image sits in the same place on
// every run and in every export), y = its entropy in bits. Points are grouped by column so each
// class colour is one run. Pure.
#include <cstdint>
#include <vector>
#include <QStringList>

#include "chart_kit/point_cloud_layer.h"
#include "profile/profile.h"

namespace nofade::ui {

struct ImageStrip {
    PointCloud points;            // colour index = column
    std::vector<int> image;       // per point: its position in the profile's perImage
    QStringList columns;          // column labels: the class names, then "no class" when needed
    std::vector<int> columnClass; // per column: the class index, -1 for images without a class
    double minEntropy = 0.0;      // of the images (0 and 8 without images)
    double maxEntropy = 8.0;
};

// Half the width of a column's jitter band, in column units (columns are 1 apart).
inline constexpr double kStripHalfWidth = 0.35;

// The horizontal offset of an item within its column, in [-kStripHalfWidth, kStripHalfWidth).
double stripJitter(std::int64_t itemIndex);

ImageStrip layoutImageStrip(const Profile& profile);

} // namespace nofade::ui
