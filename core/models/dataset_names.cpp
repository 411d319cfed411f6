#include "models/dataset_names.h"

#include <QHash>

#include "models/text_values.h"

namespace nofade {

namespace {

struct KnownDataset {
    const char* canonical;
    std::initializer_list<const char*> aliases;
};

const KnownDataset kKnown[] = {
    {"ImageNet", {"ILSVRC", "ILSVRC2012", "ILSVRC-2012", "ImageNet-1k", "ImageNet1k", "IN-1k", "ImageNet 2012"}},
    {"COCO", {"MS COCO", "MSCOCO", "Microsoft COCO", "COCO 2017", "COCO2017", "COCO test-dev", "COCO val2017"}},
    {"PASCAL VOC", {"VOC", "Pascal VOC 2012", "VOC2012", "VOC 2012", "Pascal VOC 2007", "VOC2007", "VOC07+12"}},
    {"Cityscapes", {"CityScapes val", "Cityscapes test"}},
    {"Fashion-MNIST", {"FashionMNIST", "F-MNIST"}},
    {"MNIST", {}},
    {"CIFAR-10", {"CIFAR10"}},
    {"CIFAR-100", {"CIFAR100"}},
};

const QHash<QString, QString>& aliasTable()
{
    static const QHash<QString, QString> table = [] {
        QHash<QString, QString> t;
        for (const KnownDataset& d : kKnown) {
            const QString canonical = QString::fromLatin1(d.canonical);
            t.insert(nameKey(canonical), canonical);
            for (const char* alias : d.aliases)
                t.insert(nameKey(QString::fromLatin1(alias)), canonical);
        }
        return t;
    }();
    return table;
}

} // namespace

QString canonicalDatasetName(const QString& name)
{
    return aliasTable().value(nameKey(name), name.trimmed());
}

QString datasetKey(const QString& name)
{
    return nameKey(canonicalDatasetName(name));
}

} // namespace nofade
