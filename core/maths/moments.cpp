#include "maths/moments.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace nofade {

namespace {

std::int64_t toFixed(double v, int fractionBits)
{
    return std::llround(std::ldexp(v, fractionBits));
}

double fromFixed(Int128 v, int fractionBits)
{
    // Split so that both halves convert to double exactly enough (the sum can exceed 2^64).
    const bool negative = v < 0;
    UInt128 u = negative ? static_cast<UInt128>(-v) : static_cast<UInt128>(v);
    const double high = std::ldexp(static_cast<double>(static_cast<std::uint64_t>(u >> 64)), 64);
    const double low = static_cast<double>(static_cast<std::uint64_t>(u));
    const double d = std::ldexp(high + low, -fractionBits);
    return negative ? -d : d;
}

QString int128ToText(Int128 v)
{
    if (v == 0)
        return QStringLiteral("0");
    const bool negative = v < 0;
    UInt128 u = negative ? static_cast<UInt128>(-v) : static_cast<UInt128>(v);
    QString digits;
    while (u > 0) {
        digits.prepend(QChar(u'0' + static_cast<int>(u % 10)));
        u /= 10;
    }
    return negative ? QLatin1Char('-') + digits : digits;
}

std::optional<Int128> textToInt128(const QString& text)
{
    if (text.isEmpty() || text.size() > 40)
        return std::nullopt;
    UInt128 u = 0;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        u = u * 10 + static_cast<unsigned>(c.unicode() - u'0');
    }
    if (u > static_cast<UInt128>(std::numeric_limits<Int128>::max()))
        return std::nullopt;
    return static_cast<Int128>(u);
}

} // namespace

void Moments::add(double entropyBits)
{
    if (count_ == 0) {
        min_ = max_ = entropyBits;
    } else {
        min_ = std::min(min_, entropyBits);
        max_ = std::max(max_, entropyBits);
    }
    ++count_;
    sum_ += toFixed(entropyBits, kValueFractionBits);
    sumOfSquares_ += toFixed(entropyBits * entropyBits, kSquareFractionBits);
}

void Moments::merge(const Moments& other)
{
    if (other.count_ == 0)
        return;
    if (count_ == 0) {
        *this = other;
        return;
    }
    count_ += other.count_;
    sum_ += other.sum_;
    sumOfSquares_ += other.sumOfSquares_;
    min_ = std::min(min_, other.min_);
    max_ = std::max(max_, other.max_);
}

double Moments::mean() const
{
    if (count_ == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return fromFixed(sum_, kValueFractionBits) / static_cast<double>(count_);
}

double Moments::stdDev() const
{
    if (count_ == 0)
        return std::numeric_limits<double>::quiet_NaN();
    const double n = static_cast<double>(count_);
    const double m = mean();
    const double meanOfSquares = fromFixed(sumOfSquares_, kSquareFractionBits) / n;
    return std::sqrt(std::max(0.0, meanOfSquares - m * m));
}

QString Moments::sumText() const { return int128ToText(sum_); }
QString Moments::sumOfSquaresText() const { return int128ToText(sumOfSquares_); }

std::optional<Moments> Moments::fromRaw(std::int64_t count, const QString& sum,
                                        const QString& sumOfSquares, double min, double max)
{
    const auto s = textToInt128(sum);
    const auto s2 = textToInt128(sumOfSquares);
    if (count < 0 || !s || !s2 || (count > 0 && !(min <= max)))
        return std::nullopt;
    Moments m;
    m.count_ = count;
    m.sum_ = *s;
    m.sumOfSquares_ = *s2;
    m.min_ = count > 0 ? min : 0.0;
    m.max_ = count > 0 ? max : 0.0;
    return m;
}

} // namespace nofade
