#pragma once
// One dataset image prepared for the inspector (in a worker): the colour image, its 8-bit
// greyscale version (METHODS.md section 1, exact luma), its 256-bin intensity histogram and
// entropy, and the terms of the entropy formula.
#include <QImage>
#include <QString>

#include "datasets/dataset_source.h"
#include "maths/entropy.h"

namespace nofade::ui {

struct ImageAnalysis {
    QImage colour;
    QImage gray;
    IntensityHistogram histogram{};
    std::uint64_t pixels = 0;
    double entropy = 0.0;
    QString error; // names the item and the reason

    bool ok() const { return error.isEmpty(); }
    int nonEmptyBins() const;
    // The formula with its numbers, as rich text: the largest terms written out.
    QString formulaHtml(int termsShown = 6) const;
};

ImageAnalysis analyseImage(const DatasetSource& source, std::int64_t item, const DecodeLimits& limits);
// From an already decoded BGR/grey OpenCV image (tests, other callers).
ImageAnalysis analyseDecoded(const cv::Mat& decoded);

} // namespace nofade::ui
