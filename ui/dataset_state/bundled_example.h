#pragma once
// The example dataset a new user sees first: Fashion-MNIST from the dataset-fashion-mnist package.
#include <QString>

namespace nofade::ui {

class BundledExample {
public:
    static QString path();        // where it is expected (NOFADE_EXAMPLE_DATASET overrides)
    static bool isAvailable();
    static QString missingMessage(); // what to do when it is not there
};

} // namespace nofade::ui
