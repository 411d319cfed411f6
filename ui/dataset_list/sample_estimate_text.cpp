#include "dataset_list/sample_estimate_text.h"

#include <QCoreApplication>
#include <QLocale>

namespace nofade::ui {

namespace {
QString tr(const char* text) { return QCoreApplication::translate("SampleEstimate", text); }
} // namespace

QString estimateText(double estimate, const Interval& interval, std::int64_t sampleSize, int decimals)
{
    const QLocale l;
    const QString ci = std::isfinite(interval.low)
                           ? tr("95% CI %1–%2").arg(l.toString(interval.low, 'f', decimals),
                                                   l.toString(interval.high, 'f', decimals))
                           : tr("no interval");
    return tr("≈ %1 (%2), sample of %3")
        .arg(l.toString(estimate, 'f', decimals), ci, l.toString(qlonglong(sampleSize)));
}

QString meanEstimateText(const Profile& p)
{
    if (!p.sample || !std::isfinite(p.sample->estimate.mean))
        return {};
    return estimateText(p.sample->estimate.mean, p.sample->estimate.meanInterval, p.images());
}

QString jsEstimateText(const Profile& p)
{
    if (!p.sample)
        return {};
    if (!p.sample->estimate.js)
        return QStringLiteral("–");
    return estimateText(*p.sample->estimate.js, p.sample->estimate.jsInterval, p.images());
}

QString intervalProgressText(std::int64_t done, std::int64_t total, const QString& eta)
{
    const QLocale l;
    return tr("C_JS interval · %1 / %2 replicates · ETA %3")
        .arg(l.toString(qlonglong(done)), l.toString(qlonglong(total)), eta);
}

QString sampleDescription(const Profile& p)
{
    if (!p.sample)
        return {};
    const SampleDesign& d = p.sample->design;
    const QLocale l;
    return tr("Quick estimate from a random sample of %1 of %2 images (%3, seed %4). The sample's C_JS (%5) "
              "overestimates the dataset's; the estimate is bias-corrected. Continue the scan to get the exact values.")
        .arg(l.toString(qlonglong(d.drawn)), l.toString(qlonglong(d.population)),
             d.stratified ? tr("stratified by class") : tr("simple random sample"))
        .arg(d.request.seed)
        .arg(p.sample->estimate.jsPlugIn ? l.toString(*p.sample->estimate.jsPlugIn, 'f', 4) : QStringLiteral("–"));
}

} // namespace nofade::ui
