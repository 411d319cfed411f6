#include "scan_sampling.h"

#include <cmath>

#include "cli_support.h"
#include "profile/profile_json.h"
#include "sampling/sample_plan.h"

namespace nofade::cli {

namespace {

constexpr std::uint64_t kMaxSeed = (std::uint64_t(1) << 53) - 1; // exact in a JSON number

QString fixed(double v, int decimals = 4)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("n/a");
}

QString interval(const Interval& i, int decimals = 4)
{
    return std::isfinite(i.low) ? QStringLiteral("95% CI %1-%2").arg(fixed(i.low, decimals), fixed(i.high, decimals))
                                : QStringLiteral("no interval");
}

} // namespace

ScanSampling::ScanSampling()
    : sample_({QStringLiteral("sample")},
              QStringLiteral("Scan a seeded random sample, stratified by class: N images, or a FRACTION (0 < f < 1) of "
                             "the dataset. Reports the mean entropy and C_JS with 95% intervals; the profile keeps "
                             "its images so that --resume can complete it."),
              QStringLiteral("N|FRACTION")),
      seed_({QStringLiteral("seed")}, QStringLiteral("Seed of the sample and its intervals (default 1)."),
            QStringLiteral("S"), QStringLiteral("1")),
      bootstrap_({QStringLiteral("bootstrap")},
                 QStringLiteral("Resampling rounds for the C_JS interval of a sample (default %1).")
                     .arg(SampleRequest::kDefaultBootstrapRounds),
                 QStringLiteral("B"), QString::number(SampleRequest::kDefaultBootstrapRounds)),
      resume_({QStringLiteral("resume")},
              QStringLiteral("Complete the sample (or cancelled scan) in profile FILE: its images are kept, only "
                             "the others are analysed, and the result equals a full scan. Uses the profile's settings."),
              QStringLiteral("FILE"))
{
}

void ScanSampling::addTo(QCommandLineParser& parser) const
{
    parser.addOptions({sample_, seed_, bootstrap_, resume_});
}

bool ScanSampling::read(const QCommandLineParser& parser, const Shard& shard, bool hasCache, QString* error)
{
    resumeFile_ = parser.value(resume_);
    if (!parser.isSet(sample_)) {
        if (parser.isSet(seed_) || parser.isSet(bootstrap_)) {
            *error = QStringLiteral("--seed and --bootstrap only apply to --sample");
            return false;
        }
    } else {
        request_ = SampleRequest::parse(parser.value(sample_), error);
        if (!request_) {
            *error = QStringLiteral("--sample: %1").arg(*error);
            return false;
        }
        bool ok = false;
        const qulonglong seed = parser.value(seed_).toULongLong(&ok);
        if (!ok || seed > kMaxSeed) {
            *error = QStringLiteral("--seed must be a whole number from 0 to %1").arg(kMaxSeed);
            return false;
        }
        request_->seed = seed;
        const int rounds = parser.value(bootstrap_).toInt(&ok);
        if (!ok || rounds < 20 || rounds > 100000) {
            *error = QStringLiteral("--bootstrap must be a whole number from 20 to 100000");
            return false;
        }
        request_->bootstrapRounds = rounds;
        if (!shard.isWhole()) {
            *error = QStringLiteral("--sample draws from the whole dataset: it cannot be combined with --shard");
            return false;
        }
    }
    if (resuming() && (request_ || hasCache)) {
        *error = QStringLiteral("--resume completes a profile with an exact scan: it cannot be combined with %1")
                     .arg(request_ ? QStringLiteral("--sample") : QStringLiteral("--cache"));
        return false;
    }
    return true;
}

bool ScanSampling::prepare(const DatasetSource& source, ProfileSettings& settings, bool settingsGiven,
                           ScanOptions& options, QString* error)
{
    if (request_) {
        options.sample = std::make_shared<const SamplePlan>(planSample(source, *request_));
        return true;
    }
    if (!resuming())
        return true;
    QByteArray bytes;
    if (!readInput(resumeFile_, &bytes, error))
        return false;
    QString why;
    auto profile = profileFromJsonBytes(bytes, &why);
    if (!profile) {
        *error = QStringLiteral("%1: %2").arg(resumeFile_, why);
        return false;
    }
    if (settingsGiven && !(profile->settings == settings)) {
        *error = QStringLiteral("%1: the profile was made with other settings than the ones given; leave the "
                                "settings out to continue with the profile's own").arg(resumeFile_);
        return false;
    }
    settings = profile->settings;
    why = resumeMismatch(*profile, source, settings, options.shard);
    if (!why.isEmpty()) {
        *error = QStringLiteral("%1 cannot be resumed: %2").arg(resumeFile_, why);
        return false;
    }
    resumed_ = std::make_shared<const Profile>(std::move(*profile));
    options.resume = resumed_;
    return true;
}

QString ScanSampling::summary(const Profile& p) const
{
    QString s;
    if (resumed_) {
        const std::int64_t kept = std::int64_t(resumed_->perImage.size()) + resumed_->failedItems();
        s += QStringLiteral("Resumed     %1: %2 items kept from it, %3 analysed now\n")
                 .arg(resumeFile_).arg(kept).arg(p.images() + p.failedItems() - kept);
    }
    if (!p.sample)
        return s;
    const SampleDesign& d = p.sample->design;
    const SampleEstimate& e = p.sample->estimate;
    const std::int64_t n = p.images();
    s += QStringLiteral("Sample      %1 of %2 images (%3%), %4, seed %5\n")
             .arg(d.drawn).arg(d.population).arg(fixed(100.0 * d.fraction(), 2))
             .arg(d.stratified ? QStringLiteral("stratified by class (%1 strata)").arg(d.strata.size())
                               : QStringLiteral("simple random sample (classes unknown before scanning)"))
             .arg(d.request.seed);
    if (const std::int64_t reached = n + p.failedItems(); reached < d.drawn)
        s += QStringLiteral("Interrupted after %1 of the %2 sampled images: the estimates below are of those\n")
                 .arg(reached).arg(d.drawn);
    s += QStringLiteral("Estimate    mean entropy ~= %1 bits (%2), sample of %3\n")
             .arg(fixed(e.mean), interval(e.meanInterval)).arg(n);
    if (e.js)
        s += QStringLiteral("Estimate    C_JS ~= %1 (%2), sample of %3; bias-corrected, the sample's own C_JS "
                            "is %4\n")
                 .arg(fixed(*e.js), interval(e.jsInterval)).arg(n).arg(fixed(e.jsPlugIn.value_or(NAN)));
    else
        s += QStringLiteral("Estimate    C_JS none: %1\n").arg(e.jsReason);
    s += QStringLiteral("Complete    nofade-cli scan %1 --resume PROFILE  (analyses the other %2 images exactly)\n")
             .arg(p.source.path).arg(d.population - n - p.failedItems());
    return s;
}

} // namespace nofade::cli
