#include "complexity/intrinsic_dimension.h"

#include <cmath>
#include <numeric>

#include "complexity/neighbour_search.h"

namespace nofade {

MeasureResult twoNnIntrinsicDimension(const VectorSet& set, const ParallelRun& run,
                                      const std::vector<std::vector<Neighbour>>* given)
{
    MeasureResult r;
    if (set.size() < 3) {
        r.reason = QStringLiteral("needs at least 3 images in the sample (has %1)").arg(set.size());
        return r;
    }
    std::vector<std::vector<Neighbour>> searched;
    if (!given) {
        const VectorMatrix m(set.vectors);
        std::vector<std::uint32_t> all(set.size());
        std::iota(all.begin(), all.end(), 0u);
        searched = nearestNeighbours(m, all, 2, run);
    }
    const auto& lists = given ? *given : searched;
    if (run.feedback && run.feedback->isCancelled()) {
        r.reason = QStringLiteral("cancelled");
        return r;
    }
    double sumLog = 0.0;
    for (const auto& l : lists) {
        if (l[0].squaredDistance == 0) {
            ++r.leftOut;
            continue;
        }
        // ln(r2 / r1), the byte scale cancels.
        sumLog += 0.5 * std::log(double(l[1].squaredDistance) / double(l[0].squaredDistance));
        ++r.points;
    }
    if (r.points == 0 || !(sumLog > 0.0)) {
        r.reason = r.points == 0 ? QStringLiteral("every image of the sample has an exact duplicate")
                                 : QStringLiteral("every point's two nearest neighbours are equally far");
        return r;
    }
    r.value = double(r.points) / sumLog;
    return r;
}

} // namespace nofade
