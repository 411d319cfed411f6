#include "dataset_state/bundled_example.h"

#include <QDir>
#include <QFileInfo>

namespace nofade::ui {

QString BundledExample::path()
{
    const QString over = qEnvironmentVariable("NOFADE_EXAMPLE_DATASET");
    return over.isEmpty() ? QStringLiteral("/usr/share/datasets/fashion-mnist") : over;
}

bool BundledExample::isAvailable()
{
    const QDir dir(path());
    return dir.exists() && !dir.entryList({QStringLiteral("*-idx3-ubyte*")}, QDir::Files).isEmpty();
}

QString BundledExample::missingMessage()
{
    return QObject::tr("The example dataset, Fashion-MNIST, is not installed: %1 has no IDX image files.\n\n"
                       "Install it with \"sudo apt install dataset-fashion-mnist\", or choose a folder of your own "
                       "images (one sub-folder per class), an IDX or a CIFAR folder.")
        .arg(path());
}

} // namespace nofade::ui
