#pragma once
// The pages of the teaching tour (TeachingTourDialog), one function each: every page shows one idea of
// the paper with the numbers of the example dataset and the model table, large enough to read
// from the back of a lecture room.
#include <QString>

class QWidget;

namespace nofade {
struct DatasetResult;
struct Profile;
struct Report;
} // namespace nofade

namespace nofade::ui {

struct ImageAnalysis;

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
TeachingPage noFadePage(const Report& report, const DatasetResult& dataset);

} // namespace nofade::ui
