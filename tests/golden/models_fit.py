#!/usr/bin/env python3
"""Reference fits for tests/models/test_pareto_fit.cpp, computed with scipy.

Reads JSON from stdin: {"name": {"x": [...], "y": [...]}, ...} (x = log10 CO2 kg, y = score)
and writes JSON to stdout: {"name": {"y_max", "y_0", "k", "r2", "a", "b", "log_r2"}}.

Saturation model (METHODS.md section 7): y = y_max - (y_max - y_0) * exp(-k * (x - x_min)),
least squares by scipy.optimize.curve_fit (Levenberg-Marquardt, method="lm"), several starting
rates, the lowest residual kept. Logarithmic model: y = a + b x by numpy.polyfit.

Run by hand: echo '{"d": {"x": [0,1,2,3], "y": [50,70,78,81]}}' | python3 models_fit.py
"""
import json
import sys

import numpy as np
from scipy.optimize import curve_fit


def r_squared(y, fitted):
    ss_res = float(np.sum((y - fitted) ** 2))
    ss_tot = float(np.sum((y - np.mean(y)) ** 2))
    return 1.0 - ss_res / ss_tot


def fit(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    x_min = x.min()

    def model(x, y_max, y_0, k):
        return y_max - (y_max - y_0) * np.exp(-k * (x - x_min))

    best = None
    x_range = x.max() - x_min
    y_range = y.max() - y.min()
    for rate in (0.5, 1.0, 2.0, 4.0, 8.0):
        p0 = (y.max() + 0.05 * y_range, y.min(), rate / x_range)
        try:
            p, _ = curve_fit(model, x, y, p0=p0, method="lm", maxfev=20000, xtol=1e-14, ftol=1e-14)
        except RuntimeError:
            continue
        if not p[2] > 0:
            continue
        cost = float(np.sum((model(x, *p) - y) ** 2))
        if best is None or cost < best[0]:
            best = (cost, p)
    out = {}
    if best is not None:
        p = best[1]
        out.update(y_max=p[0], y_0=p[1], k=p[2], r2=r_squared(y, model(x, *p)))
    b, a = np.polyfit(x, y, 1)
    out.update(a=a, b=b, log_r2=r_squared(y, a + b * x))
    return {key: float(v) for key, v in out.items()}


def main():
    sets = json.load(sys.stdin)
    json.dump({name: fit(d["x"], d["y"]) for name, d in sets.items()}, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
