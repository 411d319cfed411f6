#pragma once
// Feeds the complexities of the session's dataset profiles (C_H and C_JS, DatasetStore) to the
// model workspace, so that NoFADE follows every scan, load, rename or removal. A dataset's name
// in the Datasets dock is matched to the model table's dataset names (aliases included).
#include <vector>
#include <QObject>

#include "models/dataset_complexity.h"

namespace nofade::ui {

class DatasetStore;
class ModelStore;

class ProfileComplexityController : public QObject {
    Q_OBJECT
public:
    ProfileComplexityController(const DatasetStore* store, ModelStore* workspace, QObject* parent = nullptr);

    // Complexities saved with a session, used for the datasets no profile of the store covers
    // (yet: until their profiles are loaded or scanned again, or the dataset is removed).
    void setRestored(std::vector<ComplexityInput> restored);
    void update();

private:
    const DatasetStore* store_;
    ModelStore* workspace_;
    std::vector<ComplexityInput> restored_;
};

} // namespace nofade::ui
