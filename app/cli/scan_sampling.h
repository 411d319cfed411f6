#pragma once
// The scan command's sampling options: --sample / --seed / --bootstrap draw a random subset and
// estimate the whole dataset's numbers with 95% intervals; --resume completes a sample (or any
// partial profile that kept its per-image results) with an exact scan of the remaining images.
// Kept apart from scan_command.cpp so that each option group stays readable on its own.
#include <memory>
#include <QCommandLineOption>
#include <QCommandLineParser>

#include "datasets/dataset_source.h"
#include "profile/profile.h"
#include "scan/scanner.h"

namespace nofade::cli {

class ScanSampling {
public:
    ScanSampling();
    void addTo(QCommandLineParser& parser) const;
    // Reads the options; false with `error` (a usage error) when they are malformed or clash.
    bool read(const QCommandLineParser& parser, const Shard& shard, bool hasCache, QString* error);

    bool sampling() const { return request_.has_value(); }
    bool resuming() const { return !resumeFile_.isEmpty(); }

    // Before the scan: draws the sample into `options.sample`, or loads the profile to resume
    // into `options.resume` and takes its settings (`settingsGiven`: the user set settings
    // options, which must then agree with the profile's). False with `error` (exit 1) when the
    // profile cannot be read or does not belong to this dataset.
    bool prepare(const DatasetSource& source, ProfileSettings& settings, bool settingsGiven, ScanOptions& options,
                 QString* error);

    // Summary lines after the scan (empty when neither option was used).
    QString summary(const Profile& profile) const;

private:
    QCommandLineOption sample_, seed_, bootstrap_, resume_;
    std::optional<SampleRequest> request_;
    QString resumeFile_;
    std::shared_ptr<const Profile> resumed_;
};

} // namespace nofade::cli
