#!/usr/bin/env python3
"""Reference fits of the curve families for tests/models/test_curve_families.cpp, with scipy.

Reads JSON from stdin: {"name": {"family": "...", "x": [...], "y": [...], "p0": [...]}, ...}
(x = log10 CO2 kg, y = score) and writes {"name": {"parameters": [...], "rss": ...}} to stdout.

Families (METHODS.md section 10), x_min = min(x):
  power-floor  y = y_max - a * (1 + x - x_min) ** (-b)            parameters (y_max, a, b)
  logistic     y = y_low + (y_max - y_low) / (1 + exp(-k (x - x_mid)))   (y_low, y_max, k, x_mid)
  saturating-exp  y = y_max - (y_max - y_0) exp(-k (x - x_min))       (y_max, y_0, k)
Least squares by scipy.optimize.curve_fit (Levenberg-Marquardt, method="lm") from p0.

Run by hand: echo '{"d": {"family": "power-floor", "x": [0,1,2,3,4], "y": [60,75,80,82,83], "p0": [85,25,1]}}' | python3 models_families.py
"""
import json
import sys

import numpy as np
from scipy.optimize import curve_fit


def model(family, x_min):
    if family == "power-floor":
        return lambda x, y_max, a, b: y_max - a * (1.0 + x - x_min) ** (-b)
    if family == "logistic":
        return lambda x, y_low, y_max, k, x_mid: y_low + (y_max - y_low) / (1.0 + np.exp(-k * (x - x_mid)))
    if family == "saturating-exp":
        return lambda x, y_max, y_0, k: y_max - (y_max - y_0) * np.exp(-k * (x - x_min))
    raise ValueError(family)


def fit(d):
    x = np.asarray(d["x"], dtype=float)
    y = np.asarray(d["y"], dtype=float)
    f = model(d["family"], x.min())
    p, _ = curve_fit(f, x, y, p0=d["p0"], method="lm", maxfev=20000, xtol=1e-15, ftol=1e-15)
    return {"parameters": [float(v) for v in p], "rss": float(np.sum((f(x, *p) - y) ** 2))}


def main():
    sets = json.load(sys.stdin)
    json.dump({name: fit(d) for name, d in sets.items()}, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
