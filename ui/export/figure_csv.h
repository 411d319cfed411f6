#pragma once
// The data of each exported figure as CSV (RFC 4180, a header row, numbers with full precision),
// so that a figure can be redrawn elsewhere (e.g. matplotlib) from exactly what was plotted.
#include <memory>
#include <vector>
#include <QByteArray>
#include <QChart>
#include <QStringList>

#include "entropy_tabs/density_chart.h"
#include "entropy_tabs/image_strip.h"
#include "maths/class_ordering.h"

namespace nofade::ui {

// series,bin_lower_bits,bin_upper_bits,images,density_per_bit,mean_bits: one row per bin.
QByteArray histogramsCsv(const std::vector<DensityCurve>& curves);
// class_a,class_b,js_distance: every ordered pair in the order shown (the diagonal included).
QByteArray distancesCsv(const DistanceMatrix& matrix, const QStringList& labels, const std::vector<int>& order);
// class,image,entropy_bits,x: one row per point of the strip plot (x: the column plus its jitter).
QByteArray imagesCsv(const Profile& profile, const ImageStrip& strip);
// panel,series,<x axis title>,<y axis title>: every point of every line and scatter series.
QByteArray chartSeriesCsv(const std::vector<std::unique_ptr<QChart>>& charts);

} // namespace nofade::ui
