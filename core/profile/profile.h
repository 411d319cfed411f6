#pragma once
// A dataset's entropy profile (METHODS.md sections 3-4): a value that carries its settings, keeps
// raw integer state so shard profiles merge exactly, and derives every reported number from it.
#include <cstdint>
#include <optional>
#include <vector>
#include <QString>
#include <QStringList>

#include "datasets/dataset_format.h"
#include "maths/entropy_histogram.h"
#include "maths/jensen_shannon.h"
#include "maths/moments.h"
#include "profile/profile_measures.h"
#include "profile/profile_settings.h"
#include "profile/sample_info.h"

namespace nofade {

// jsd().reason of a profile without classes.
inline constexpr const char* kUnlabelledJsReason =
    "not applicable: the dataset is unlabelled (no classes), so there is no class complexity; use C_H";

struct FailedItem {
    QString path;   // relative to the dataset root; for a range of records "file#first-last"
    QString reason;
    std::int64_t index = -1; // first item it stands for (keeps merged lists in scan order)
    std::int64_t items = 1;  // how many items the entry stands for
};

struct ClassProfile {
    QString name;
    Moments moments;
    EntropyHistogram histogram; // at settings.bins, over [0, 8] bits
};

struct ImageEntropy {
    std::int64_t index = 0; // position in the dataset's deterministic item order
    QString path;
    bool pathEscaped = false;
    int classIndex = -1;
    double entropy = 0.0;
};

struct ProfileSource {
    QString path;
    DatasetFormat format = DatasetFormat::Folder;
    std::int64_t items = 0;          // items in the whole dataset (all shards)
    int shardCount = 1;
    std::vector<int> shards{0};      // which shards of shardCount this profile holds
    QString notice;                  // how the dataset's layout was read (split folders, ...)
};

struct Profile {
    ProfileSettings settings;
    ProfileSource source;
    bool complete = true;            // false after a cancel, or for a partial set of shards
    Moments moments;                 // every analysed image
    EntropyHistogram fine{kFineHistogramBins};
    std::vector<ClassProfile> classes;
    std::vector<FailedItem> failed;
    std::vector<ImageEntropy> perImage; // filled by every scan; written out only on request
    // Set when the profile is of a random sample of the dataset (then `complete` is false, and an
    // exact scan that resumes it analyses the rest).
    std::optional<ProfileSample> sample;
    // Set when complexity measures beyond entropy were asked for (complexity/measured_scan.h).
    std::optional<ProfileMeasures> measures;

    std::int64_t images() const { return moments.count(); }
    std::int64_t failedItems() const;
    std::int64_t unlabelledImages() const;
    // C_H: mean per-image entropy in bits (NaN without images).
    double entropyComplexity() const { return moments.mean(); }
    // Quantiles from the fine histogram (1/128 bit), kept inside the exact [min, max].
    double quantile(double q) const;
    double median() const { return quantile(0.5); }
    // The class pairs' JS distances and C_JS, under the profile's class model.
    JsdSummary jsd() const;
    // False for a dataset without classes: C_JS is then not applicable (jsd() says so).
    bool labelled() const { return !classes.empty(); }
    // Classes that take part in the JS pairs.
    std::vector<int> usableClasses() const;
};

// An empty profile for a dataset: class list laid out, settings recorded.
Profile makeEmptyProfile(const ProfileSettings& settings, const ProfileSource& source,
                         const QStringList& classNames);

} // namespace nofade
