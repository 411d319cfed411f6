#pragma once
// A combo box of the datasets that have a profile (optionally only those with classes), kept in
// step with the store. Its data is the dataset id.
#include <QComboBox>

namespace nofade::ui {

class DatasetStore;

class DatasetComboBox : public QComboBox {
    Q_OBJECT
public:
    DatasetComboBox(DatasetStore* store, bool needClasses, QWidget* parent = nullptr);

    int currentId() const;
    // Selects the dataset when listed; returns whether it is.
    bool setCurrentId(int id);

Q_SIGNALS:
    void datasetChanged(int id); // also when the current dataset's profile changed

private:
    bool refill(); // true when it announced a new current dataset

    DatasetStore* store_;
    bool needClasses_;
    int lastId_ = 0;
};

} // namespace nofade::ui
