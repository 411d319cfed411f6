#include "profile/sample_request.h"

#include <algorithm>
#include <cmath>

namespace nofade {

std::int64_t SampleRequest::sizeFor(std::int64_t population) const
{
    const std::int64_t n = count > 0 ? count : std::llround(fraction * double(population));
    return std::clamp<std::int64_t>(n, population > 0 ? 1 : 0, population);
}

std::optional<SampleRequest> SampleRequest::parse(const QString& text, QString* error)
{
    const QString t = text.trimmed();
    SampleRequest r;
    bool ok = false;
    const qlonglong n = t.toLongLong(&ok);
    if (ok) {
        if (n >= 1) {
            r.count = n;
            return r;
        }
    } else {
        const double f = t.toDouble(&ok);
        if (ok && f > 0.0 && f < 1.0) {
            r.fraction = f;
            return r;
        }
    }
    *error = QStringLiteral("sample must be a number of images >= 1 or a fraction between 0 and 1 "
                            "(got \"%1\")").arg(text);
    return std::nullopt;
}

QString SampleRequest::toString() const
{
    return count > 0 ? QString::number(count) : QString::number(fraction, 'g', 17);
}

} // namespace nofade
