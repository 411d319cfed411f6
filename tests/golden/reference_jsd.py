#!/usr/bin/python3
"""Reference Jensen-Shannon distances from SciPy, for tests/core/test_jensen_shannon.

histogram_cases: random (sparse) count vectors and scipy.spatial.distance.jensenshannon(base=2).
gaussian_cases: JS distance between two normals by scipy.integrate.quad of the JS integrand
(base 2), with the peaks passed as break points. Deterministic (fixed seed). Prints JSON.
"""
import json
import math

import numpy as np
from scipy import integrate, stats
from scipy.spatial.distance import jensenshannon


def gaussian_jsd(mu1, s1, mu2, s2):
    s1, s2 = max(s1, 1e-3), max(s2, 1e-3)
    p, q = stats.norm(mu1, s1), stats.norm(mu2, s2)

    def integrand(x):
        a, b = p.pdf(x), q.pdf(x)
        m = 0.5 * (a + b)
        t = 0.0
        if a > 0:
            t += a * math.log2(a / m)
        if b > 0:
            t += b * math.log2(b / m)
        return t

    lo = min(mu1 - 8 * s1, mu2 - 8 * s2)
    hi = max(mu1 + 8 * s1, mu2 + 8 * s2)
    points = sorted({mu1, mu2, mu1 - s1, mu1 + s1, mu2 - s2, mu2 + s2})
    value, _ = integrate.quad(integrand, lo, hi, points=points, limit=500, epsabs=1e-13, epsrel=1e-12)
    return math.sqrt(max(0.0, value / 2))


def main():
    rng = np.random.default_rng(20261129)
    hist = []
    for _ in range(60):
        n = int(rng.integers(2, 80))
        p = rng.integers(0, 50, n).astype(float) * (rng.random(n) < 0.6)
        q = rng.integers(0, 50, n).astype(float) * (rng.random(n) < 0.6)
        p[0] += 1
        q[-1] += 1
        hist.append({"p": p.tolist(), "q": q.tolist(), "distance": float(jensenshannon(p, q, base=2))})
    gauss = []
    for mu1, s1, mu2, s2 in [(4.0, 0.5, 4.5, 0.5), (3.0, 1.0, 5.0, 0.3), (2.0, 0.05, 2.2, 1.5),
                             (6.0, 0.8, 1.0, 0.8), (4.0, 0.002, 4.001, 0.9), (5.0, 0.0, 5.1, 0.2)]:
        gauss.append({"mu1": mu1, "s1": s1, "mu2": mu2, "s2": s2, "distance": gaussian_jsd(mu1, s1, mu2, s2)})
    print(json.dumps({"histogram_cases": hist, "gaussian_cases": gauss}))


if __name__ == "__main__":
    main()
