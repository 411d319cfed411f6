#pragma once
// The pages of the teaching tour (TeachingTourDialog), one function each: every page shows one idea of
// the paper with the numbers of the example dataset and the model table, large enough to read
// from the back of a lecture room.
#include <optional>
#include <vector>
#include <QString>

class QWidget;

namespace nofade {
struct DatasetResult;
struct ModelResult;
struct Profile;
struct Report;
} // namespace nofade

namespace nofade::ui {

struct ImageAnalysis;

// The tour's type size against the desktop's.
constexpr double kSlideScale = 1.7;

// A number for a slide: `significant` significant digits, thousands grouped
// (16.85708 -> "16.9", 30.3303 -> "30.3", 2829.6 -> "2,830", 0.012345 -> "0.0123").
QString slideNumber(double value, int significant = 3);

// The complexity of the dataset scanned in the tour, for the NoFADE page.
struct TourComplexity {
    std::optional<double> value;
    QString dataset;
};

struct TeachingPage {
    QString title;
    QString text; // what to say, as rich text
    QWidget* body = nullptr;
};

TeachingPage imagePage(const ImageAnalysis& image, const QString& imageName);
TeachingPage intensityHistogramPage(const ImageAnalysis& image);
TeachingPage imageEntropyPage(const ImageAnalysis& image);
// Two classes of the profile: their entropy distributions, then the JS distance between them.
TeachingPage twoClassesPage(const Profile& profile, int a, int b);
TeachingPage jsDistancePage(const Profile& profile, int a, int b, int pairs, double sum, double complexity);
// The models of one dataset of the report, with their CO2; then their saturation curve.
TeachingPage modelTablePage(const Report& report, const DatasetResult& dataset);
TeachingPage saturationPage(const Report& report, const DatasetResult& dataset);
// The models of the dataset that have both a CO2 and a score, cheapest first: the points of its curve.
std::vector<const ModelResult*> plottableModels(const Report& report, const DatasetResult& dataset);
// NoFADE of one model worked through; with `scanned` when the report knows no C, and a field for
// the teacher to type another C.
TeachingPage noFadePage(const Report& report, const DatasetResult& dataset, const TourComplexity& scanned);

} // namespace nofade::ui
