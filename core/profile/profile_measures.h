#pragma once
// The complexity measures a profile holds (docs/METHODS.md, "Complexity measures"): the settings
// they were made with, each measure's value with its interval and sample size, and the raw state
// that lets shard profiles merge into the numbers of one scan (per-image values, the sample's
// small vectors). Plain data: computing them is complexity/.
#include <array>
#include <cstdint>
#include <optional>
#include <vector>
#include <QString>
#include <QStringList>

#include "profile/sample_info.h"

namespace nofade {

struct MeasureSettings {
    static constexpr std::int64_t kDefaultPerClass = 250;
    static constexpr std::int64_t kUnlabelledCap = 5000;
    static constexpr int kDefaultReplicates = 10;
    static constexpr int kMaxReplicates = 50; // replicate membership is a bit mask
    static constexpr std::uint64_t kDefaultSeed = 1;

    QStringList names;                       // in the order of measureNames()
    std::int64_t perClass = kDefaultPerClass; // 0: every image (one deterministic sample)
    int replicates = kDefaultReplicates;
    std::uint64_t seed = kDefaultSeed;

    bool sampleAll() const { return perClass == 0; }
    int replicateCount() const { return sampleAll() ? 1 : replicates; }
    bool operator==(const MeasureSettings&) const = default;
};

struct MeasureValue {
    QString name;
    std::optional<double> value;
    std::optional<Interval> interval; // 95%, over the replicates; none for one sample
    std::int64_t sample = 0;          // images the value rests on (per replicate)
    QString definition;
    QString reason;                   // why there is no value
    std::vector<double> replicates;   // each replicate's value
};

struct ImageMeasureValues {
    std::int64_t index = 0;
    double si = NAN;  // NaN: not measured, or the image is smaller than 3x3
    double bpp = NAN;
};

// An image of the measure sample: its small vector (32x32 grey, 8-bit) and the replicates it is in.
struct SampleVectorRecord {
    std::int64_t index = 0;
    int classIndex = -1;
    std::uint64_t replicates = 0; // bit r: in replicate r
    std::array<std::uint8_t, 1024> pixels{};
};

struct ProfileMeasures {
    MeasureSettings settings;
    std::vector<MeasureValue> values;             // in the order of settings.names
    std::vector<ImageMeasureValues> perImage;     // ascending index; kept when SI or bpp is asked
    std::vector<SampleVectorRecord> sampleVectors; // ascending index; when a dataset measure is asked

    const MeasureValue* find(const QString& name) const
    {
        for (const MeasureValue& v : values)
            if (v.name == name)
                return &v;
        return nullptr;
    }
};

} // namespace nofade
