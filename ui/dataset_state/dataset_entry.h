#pragma once
// One dataset as the application knows it: where it lives, what the user called it, how its
// complexity is measured, the state of its scan and, once scanned or loaded, its profile.
#include <memory>
#include <optional>
#include <QColor>
#include <QString>
#include <QStringList>

#include "datasets/dataset_format.h"
#include "datasets/dataset_source.h"
#include "maths/jensen_shannon.h"
#include "models/nofade_score.h"
#include "profile/profile.h"

namespace nofade::ui {

enum class DatasetTask { Classification, Detection, Segmentation };
enum class DatasetState { Added, Queued, Scanning, Cancelling, Scanned, Partial, Loaded, Failed };

QString taskName(DatasetTask task);
std::optional<DatasetTask> taskFromName(const QString& name);
// "C_JS", "C_H", "SI", "bpp", "ID", "F1", "N1" or "CSG" (the core's ComplexityMeasure).
QString measureName(ComplexityMeasure measure);
QString stateText(DatasetState state);
// The paper's default: C_JS for classification, C_H for detection and segmentation.
ComplexityMeasure defaultMeasureFor(DatasetTask task);

// What a running scan is doing: analysing images, or (a Quick estimate, after its images)
// computing the C_JS interval's replicates, or (a scan with complexity measures, after its
// images) the dataset measures' replicates.
enum class ScanStep { Images, Interval, Measures };

struct ScanProgress {
    ScanStep step = ScanStep::Images;
    std::int64_t done = 0; // of the step's units: images, or replicates
    std::int64_t total = 0;
    std::int64_t failed = 0;
    double imagesPerSecond = 0.0; // units per second
    double etaSeconds = -1.0; // < 0: unknown
};

struct DatasetEntry {
    int id = 0;                    // stable for the session; never reused
    QString name;
    QString path;
    DatasetFormat format = DatasetFormat::Auto;
    DatasetTask task = DatasetTask::Classification;
    ComplexityMeasure measure = ComplexityMeasure::JensenShannon;
    QColor colour;
    DatasetState state = DatasetState::Added;
    QString error;                 // why the dataset cannot be opened or scanned
    QStringList warnings;
    QStringList sourceWarnings;    // what opening the dataset skipped or guessed (kept for later scans)
    std::int64_t fromScanCache = 0; // images the last scan took from the scan cache, not decoded
    ScanProgress progress;
    QString profileFile;           // where the profile was last saved or loaded from
    QString shardFolder;           // a watched folder of shard profiles the profile is merged from

    // The opened source (null until opened, or when a loaded profile's images are not available).
    std::shared_ptr<const DatasetSource> source;
    // The current profile (null until a scan ends or a profile is loaded) and its class distances.
    std::shared_ptr<const Profile> profile;
    std::shared_ptr<const JsdSummary> jsd;

    bool hasProfile() const { return profile != nullptr; }
    bool isBusy() const
    {
        return state == DatasetState::Queued || state == DatasetState::Scanning
               || state == DatasetState::Cancelling;
    }
    // The complexity chosen by `measure` (nullopt when not available).
    std::optional<double> complexity() const;
    // Why the profile has no value of `m` (empty when it has one, or has no profile yet).
    QString missingMeasureReason(ComplexityMeasure m) const;
    bool complexityAvailable(ComplexityMeasure m) const;
};

} // namespace nofade::ui
