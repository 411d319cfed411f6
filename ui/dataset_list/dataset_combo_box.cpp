#include "dataset_list/dataset_combo_box.h"

#include "dataset_state/dataset_store.h"

namespace nofade::ui {

DatasetComboBox::DatasetComboBox(DatasetStore* store, bool needClasses, QWidget* parent)
    : QComboBox(parent), store_(store), needClasses_(needClasses)
{
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setMinimumContentsLength(10);
    connect(this, &QComboBox::currentIndexChanged, this, [this] {
        const int id = currentId();
        if (id != lastId_) {
            lastId_ = id;
            Q_EMIT datasetChanged(id);
        }
    });
    connect(store_, &DatasetStore::changed, this, [this](int id, DatasetStore::Changes c) {
        if (c & (DatasetStore::ProfileChanged | DatasetStore::MetaChanged)) {
            // refill() announces a change of the current dataset; a new profile of the same
            // dataset is announced here, once.
            if (!refill() && id == currentId() && (c & DatasetStore::ProfileChanged))
                Q_EMIT datasetChanged(id);
        }
    });
    connect(store_, &DatasetStore::removed, this, [this] { refill(); });
    refill();
}

int DatasetComboBox::currentId() const { return currentIndex() >= 0 ? currentData().toInt() : 0; }

bool DatasetComboBox::setCurrentId(int id)
{
    const int i = findData(id);
    if (i >= 0)
        setCurrentIndex(i);
    return i >= 0;
}

bool DatasetComboBox::refill()
{
    const int keep = currentId();
    QSignalBlocker block(this);
    clear();
    for (int row = 0; row < store_->count(); ++row) {
        const DatasetEntry& e = store_->at(row);
        if (!e.profile || (needClasses_ && e.profile->classes.empty()))
            continue;
        QPixmap swatch(12, 12);
        swatch.fill(e.colour);
        addItem(QIcon(swatch), e.name, e.id);
    }
    int i = findData(keep);
    if (i < 0 && count() > 0)
        i = 0;
    setCurrentIndex(i);
    block.unblock();
    if (currentId() != lastId_) {
        lastId_ = currentId();
        Q_EMIT datasetChanged(lastId_);
        return true;
    }
    return false;
}

} // namespace nofade::ui
