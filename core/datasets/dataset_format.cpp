#include "datasets/dataset_format.h"

namespace nofade {

QString datasetFormatName(DatasetFormat format)
{
    switch (format) {
    case DatasetFormat::Folder: return QStringLiteral("folder");
    case DatasetFormat::Idx: return QStringLiteral("idx");
    case DatasetFormat::Cifar: return QStringLiteral("cifar");
    case DatasetFormat::Auto: break;
    }
    return QStringLiteral("auto");
}

std::optional<DatasetFormat> datasetFormatFromName(const QString& name)
{
    for (DatasetFormat f : {DatasetFormat::Auto, DatasetFormat::Folder, DatasetFormat::Idx, DatasetFormat::Cifar})
        if (datasetFormatName(f) == name)
            return f;
    return std::nullopt;
}

} // namespace nofade
