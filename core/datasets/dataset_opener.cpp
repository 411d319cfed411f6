#include "datasets/dataset_opener.h"

#include <QDir>
#include <QFileInfo>

#include "datasets/cifar_source.h"
#include "datasets/folder_source.h"
#include "datasets/idx_source.h"

namespace nofade {

DatasetFormat detectDatasetFormat(const QString& path)
{
    const QFileInfo info(path);
    if (!info.isDir()) {
        if (IdxSource::isIdxImageFileName(info.fileName()))
            return DatasetFormat::Idx;
        if (CifarSource::isCifarBatchFileName(info.fileName()))
            return DatasetFormat::Cifar;
        return DatasetFormat::Folder;
    }
    const QStringList files = QDir(path).entryList(QDir::Files);
    for (const QString& f : files)
        if (IdxSource::isIdxImageFileName(f))
            return DatasetFormat::Idx;
    for (const QString& f : files)
        if (CifarSource::isCifarBatchFileName(f))
            return DatasetFormat::Cifar;
    return DatasetFormat::Folder;
}

OpenedDataset openDataset(const QString& path, DatasetFormat format)
{
    OpenedDataset out;
    const QFileInfo info(path);
    if (!info.exists()) {
        out.error = QStringLiteral("%1: no such file or folder").arg(path);
        return out;
    }
    if (format == DatasetFormat::Auto)
        format = detectDatasetFormat(path);
    QString error;
    // Each source keeps its own warnings; take them before it becomes a plain DatasetSource.
    auto take = [&out](auto source) {
        if (source)
            out.warnings = source->warnings();
        out.source = std::move(source);
    };
    switch (format) {
    case DatasetFormat::Idx:
        take(IdxSource::open(path, &error));
        break;
    case DatasetFormat::Cifar:
        take(CifarSource::open(path, &error));
        break;
    case DatasetFormat::Folder:
    case DatasetFormat::Auto:
        if (!info.isDir())
            error = QStringLiteral("not a folder (an image dataset is a folder of images, IDX or CIFAR files)");
        else
            take(FolderSource::open(path, &error));
        break;
    }
    if (!out.source)
        out.error = QStringLiteral("%1: %2").arg(path, error);
    return out;
}

} // namespace nofade
