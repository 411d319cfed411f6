#include "sampling/student_t.h"

#include <cmath>
#include <numbers>

namespace nofade {

double studentT95(double n)
{
    constexpr double P = 0.05; // two-sided tail probability
    constexpr double pi = std::numbers::pi;
    if (!(n >= 1.0))
        return NAN;
    if (n == 1.0)
        return 1.0 / std::tan(P * pi / 2.0);
    if (n == 2.0)
        return std::sqrt(2.0 / (P * (2.0 - P)) - 2.0);
    const double a = 1.0 / (n - 0.5);
    const double b = 48.0 / (a * a);
    double c = ((20700.0 * a / b - 98.0) * a - 16.0) * a + 96.36;
    const double d = ((94.5 / (b + c) - 3.0) / b + 1.0) * std::sqrt(a * pi / 2.0) * n;
    double x = d * P;
    double y = std::pow(x, 2.0 / n);
    if (y > 0.05 + a) { // asymptotic inverse expansion about the normal
        x = -kNormal95;   // the normal quantile of P / 2
        y = x * x;
        if (n < 5.0)
            c += 0.3 * (n - 4.5) * (x + 0.6);
        c = (((0.05 * d * x - 5.0) * x - 7.0) * x - 2.0) * x + b + c;
        y = (((((0.4 * y + 6.3) * y + 36.0) * y + 94.5) / c - y - 3.0) / b + 1.0) * x;
        y = std::expm1(a * y * y);
    } else {
        y = ((1.0 / (((n + 6.0) / (n * y) - 0.089 * d - 0.822) * (n + 2.0) * 3.0) + 0.5 / (n + 4.0)) * y - 1.0)
                * (n + 1.0) / (n + 2.0)
            + 1.0 / y;
    }
    return std::sqrt(n * y);
}

} // namespace nofade
