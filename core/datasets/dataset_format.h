#pragma once
#include <optional>
#include <QString>

namespace nofade {

enum class DatasetFormat {
    Auto,   // detect from the path
    Folder, // image files, classes are first-level sub-folders (ImageFolder)
    Idx,    // MNIST-style IDX image + label files, raw or gzip
    Cifar,  // CIFAR-10 / CIFAR-100 binary batches
};

QString datasetFormatName(DatasetFormat format);
std::optional<DatasetFormat> datasetFormatFromName(const QString& name);

} // namespace nofade
