#include "ui_fixtures.h"

#include <vector>
#include <zlib.h>
#include <opencv2/imgcodecs.hpp>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

#include "dataset_state/dataset_store.h"
#include "dataset_state/scan_controller.h"
#include "model_table/model_store.h"
#include "models/model_table.h"

namespace nofade::uitest {

namespace {
bool readGz(const QString& file, std::size_t skip, std::size_t bytes, std::vector<unsigned char>& out, QString* error)
{
    gzFile f = gzopen(file.toLocal8Bit().constData(), "rb");
    if (!f) {
        *error = file + QStringLiteral(": cannot open");
        return false;
    }
    std::vector<unsigned char> header(skip);
    out.resize(bytes);
    const bool ok = gzread(f, header.data(), unsigned(skip)) == int(skip) && gzread(f, out.data(), unsigned(bytes)) == int(bytes);
    gzclose(f);
    if (!ok)
        *error = file + QStringLiteral(": short read");
    return ok;
}
} // namespace

int writeFashionMnistPngs(const QString& dir, int count, QString* error)
{
    const QString root = QStringLiteral("/usr/share/datasets/fashion-mnist");
    std::vector<unsigned char> pixels;
    std::vector<unsigned char> labels;
    if (!readGz(root + QStringLiteral("/t10k-images-idx3-ubyte.gz"), 16, std::size_t(count) * 784, pixels, error)
        || !readGz(root + QStringLiteral("/t10k-labels-idx1-ubyte.gz"), 8, std::size_t(count), labels, error))
        return 0;
    const char* names[] = {"t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "boot"};
    QDir d(dir);
    for (const char* n : names)
        d.mkpath(QString::fromLatin1(n));
    for (int i = 0; i < count; ++i) {
        const cv::Mat img(28, 28, CV_8UC1, pixels.data() + std::size_t(i) * 784);
        const QString file = d.filePath(QStringLiteral("%1/%2.png").arg(QString::fromLatin1(names[labels[std::size_t(i)] % 10])).arg(i, 5, 10, QLatin1Char('0')));
        if (!cv::imwrite(file.toStdString(), img)) {
            *error = file + QStringLiteral(": cannot write");
            return i;
        }
    }
    return count;
}

double writeKnownEntropyImage(const QString& file, int bits, int side)
{
    const int levels = 1 << bits;
    cv::Mat img(side, side, CV_8UC3);
    // side*side pixels spread evenly over `levels` grey levels (side*side divisible by levels).
    for (int i = 0; i < side * side; ++i) {
        const int v = (i % levels) * (256 / levels);
        img.at<cv::Vec3b>(i / side, i % side) = cv::Vec3b(uchar(v), uchar(v), uchar(v));
    }
    cv::imwrite(file.toStdString(), img);
    return bits;
}

void isolateSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NoFADE-test"));
    QCoreApplication::setApplicationName(QStringLiteral("nofade-ui-test"));
    // Every test process starts without results cached by an earlier run.
    for (const char* part : {"", "-wal", "-shm"}) // SQLite's journal files go with it
        QFile::remove(ui::ScanController::defaultCacheFile() + QLatin1String(part));
}

bool writeKnownDataset(const QString& root)
{
    QDir d(root);
    int n = 0;
    bool ok = true;
    auto put = [&](const char* cls, int bits) {
        ok = d.mkpath(QString::fromLatin1(cls)) && ok;
        writeKnownEntropyImage(d.filePath(QStringLiteral("%1/img%2.png").arg(QString::fromLatin1(cls)).arg(n++)), bits);
    };
    for (int b : {1, 1, 2, 2})
        put("low", b);
    for (int b : {2, 5})
        put("mid", b);
    for (int b : {5, 5, 6, 6})
        put("high", b);
    QFile broken(d.filePath(QStringLiteral("high/broken.png")));
    return ok && broken.open(QIODevice::WriteOnly) && broken.write("\x89PNG\r\n\x1a\nthis is not a png") > 0;
}

std::shared_ptr<Profile> makeClassProfile(int classes, int perClass, const QStringList& names)
{
    QStringList classNames = names;
    for (int c = int(classNames.size()); c < classes; ++c)
        classNames << QStringLiteral("class%1").arg(c, 4, 10, QLatin1Char('0'));
    auto profile = std::make_shared<Profile>(makeEmptyProfile({}, {}, classNames));
    std::int64_t index = 0;
    for (int c = 0; c < classes; ++c)
        for (int k = 0; k < perClass; ++k) {
            // A band 1.5 bits wide from 0.5 + 5.5 c / classes bits.
            const double h = 0.5 + 5.5 * c / std::max(1, classes) + 1.5 * k / std::max(1, perClass);
            ClassProfile& cp = profile->classes[std::size_t(c)];
            cp.moments.add(h);
            cp.histogram.add(h);
            profile->moments.add(h);
            profile->fine.add(h);
            profile->perImage.push_back({index, QStringLiteral("%1/%2.png").arg(classNames[c]).arg(k), false, c, h});
            ++index;
        }
    profile->source.items = index;
    return profile;
}

int addScannedProfile(ui::DatasetStore* store, const QString& name, std::shared_ptr<Profile> profile)
{
    ui::DatasetEntry entry;
    entry.name = name;
    const int id = store->add(entry);
    auto jsd = std::make_shared<const JsdSummary>(profile->jsd());
    store->update(id, ui::DatasetStore::ProfileChanged, [&](ui::DatasetEntry& e) {
        e.profile = profile;
        e.jsd = jsd;
    });
    return id;
}

bool waitForReport(const QObject* store, int timeoutMs)
{
    auto* models = qobject_cast<const ui::ModelStore*>(store);
    if (!models && store)
        models = store->findChild<const ui::ModelStore*>(QStringLiteral("modelStore"));
    if (!models)
        qFatal("waitForReport: no model store");
    return QTest::qWaitFor([models] { return !models->reportPending(); }, timeoutMs);
}

int appendMeasuredRun(ModelTable& table)
{
    const int row = table.appendRow();
    const QList<std::pair<QString, QString>> cells = {
        {column::kModel, "my-run"}, {column::kTask, "classification"}, {column::kDataset, "ImageNet"},
        {column::kMetric, "top1"}, {column::kScore, "77"}, {column::kCompute, "4.1"},
        {column::kComputeUnit, "GFLOPs"}, {column::kWallHours, "10"}, {column::kDeviceCount, "1"},
        {column::kHoursProvenance, "measured"}, {column::kEnergyKwh, "10"}, {column::kCo2Kg, "2.5"}};
    for (const auto& [name, text] : cells)
        table.setCell(row, name, text);
    return row;
}

} // namespace nofade::uitest
