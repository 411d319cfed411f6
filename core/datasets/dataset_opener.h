#pragma once
#include <memory>
#include <QString>
#include <QStringList>

#include "datasets/dataset_source.h"

namespace nofade {

// The format a path holds: a folder with IDX image files -> Idx; with CIFAR batch files -> Cifar;
// an IDX or CIFAR file itself -> that format; any other folder -> Folder.
DatasetFormat detectDatasetFormat(const QString& path);

struct OpenedDataset {
    std::unique_ptr<DatasetSource> source; // null when the dataset cannot be read at all
    QString error;                         // why, naming the path
    QStringList warnings;                  // readable, but something was skipped or guessed
};

OpenedDataset openDataset(const QString& path, DatasetFormat format = DatasetFormat::Auto);

} // namespace nofade
