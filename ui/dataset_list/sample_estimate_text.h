#pragma once
// How the GUI shows numbers estimated from a random sample ("Quick estimate"):
// "≈ 4.1167 (95% CI 4.1032–4.1303), sample of 7,000".
#include <QString>

#include "profile/profile.h"

namespace nofade::ui {

QString estimateText(double estimate, const Interval& interval, std::int64_t sampleSize, int decimals = 4);
// The estimates of a sampled profile; empty when the profile is not a sample.
QString meanEstimateText(const Profile& profile);
QString jsEstimateText(const Profile& profile); // "–" with no C_JS estimate
// A Quick estimate's last step while it runs: "C_JS interval · 37 / 200 replicates · ETA 3 s".
QString intervalProgressText(std::int64_t done, std::int64_t total, const QString& eta);
// One sentence on what the sample is and how to complete it, for tooltips.
QString sampleDescription(const Profile& profile);

} // namespace nofade::ui
