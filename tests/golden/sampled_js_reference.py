#!/usr/bin/python3
"""Independent golden values for a sampled scan's C_JS estimate and interval (docs/METHODS.md,
"Sampled scans"), written from the method's description with numpy and scipy only (no code shared
with NoFADE Studio): the same seeded draws, every JS distance by scipy.

The draws: SplitMix64 streams; stream s of seed S starts from the first output of SplitMix64 seeded
with S xor (0xD1B54A32D192ED03 * (s + 1)) (mod 2^64). below(n) takes outputs until one is at least
2^64 mod n and returns it mod n. A random subset of `want` elements is moved to the front by the
partial Fisher-Yates shuffle: for i < want (and i + 1 < len): swap v[i] with v[i + below(len - i)].

One estimate of class samples that are a fraction x0 of their classes, drawn from seed s: a
SplitMix64 seeded with s; 8 times, for each class in turn, shuffle the front half (max(1, n // 2))
of the class's list in place (kept from one repeat to the next): that half is a random half, its
first max(1, n // 4) a random quarter. D = jensenshannon(base 2)^2 per pair, on the samples (x = 1),
averaged over the halves (x = 2) and the quarters (x = 4); the quadratic through the three read at
x0, clamped at 0, square-rooted, summed over the pairs; C_JS = ln(sum). Histograms: `bins` equal
bins over [0, 8] (numpy.histogram).

The point estimate: classes as given, x0 = n / N, seed = first output of stream 0x5A3D00000000.
Replicate b: stream 0x5A3D00000000 + 1 + b draws a random half of every class (the shuffle, then
the front), then the estimate of those halves at x0 / 2 with seed = the stream's next output. The
interval: estimate + sqrt(1 - n/N) * (numpy.percentile 2.5 and 97.5 of the replicates - their mean).

usage: sampled_js_reference.py JSON   with {"classes": [[entropy, ...], ...], "bins": 64,
       "fraction": n/N, "seed": S, "rounds": B}   -> {"estimate": .., "interval": [lo, hi]}
"""
import json
import math
import sys

import numpy as np
from scipy.spatial.distance import jensenshannon

MASK = (1 << 64) - 1
ESTIMATE_STREAM = 0x5A3D00000000


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, bound):
        threshold = ((1 << 64) - bound) % bound
        while True:
            r = self.next()
            if r >= threshold:
                return r % bound


def stream(seed, s):
    return SplitMix64(SplitMix64(seed ^ ((0xD1B54A32D192ED03 * (s + 1)) & MASK)).next())


def shuffle_front(v, want, rng):
    i = 0
    while i < want and i + 1 < len(v):
        j = i + rng.below(len(v) - i)
        v[i], v[j] = v[j], v[i]
        i += 1


def divergences(classes, bins):
    hists = [np.histogram(np.array(c), bins=bins, range=(0.0, 8.0))[0] for c in classes]
    return np.array([jensenshannon(hists[a], hists[b], base=2) ** 2
                     for a in range(len(hists)) for b in range(a + 1, len(hists))])


def estimate(classes, bins, x0, seed):
    pools = [list(c) for c in classes]
    rng = SplitMix64(seed)
    whole = divergences(pools, bins)
    halves = np.zeros_like(whole)
    quarters = np.zeros_like(whole)
    for _ in range(8):
        half, quarter = [], []
        for pool in pools:
            h = max(1, len(pool) // 2)
            shuffle_front(pool, h, rng)
            half.append(pool[:h])
            quarter.append(pool[:max(1, len(pool) // 4)])
        halves += divergences(half, bins)
        quarters += divergences(quarter, bins)
    halves /= 8
    quarters /= 8
    w1 = (x0 - 2) * (x0 - 4) / 3
    w2 = -(x0 - 1) * (x0 - 4) / 2
    w4 = (x0 - 1) * (x0 - 2) / 6
    d = np.maximum(0.0, w1 * whole + w2 * halves + w4 * quarters)
    return math.log(np.sqrt(d).sum())


def main():
    spec = json.loads(sys.argv[1])
    classes, bins, fraction, seed = spec["classes"], spec["bins"], spec["fraction"], spec["seed"]
    point = estimate(classes, bins, fraction, stream(seed, ESTIMATE_STREAM).next())
    replicates = []
    for b in range(spec["rounds"]):
        rng = stream(seed, ESTIMATE_STREAM + 1 + b)
        halves = []
        for c in classes:
            pool = list(c)
            h = max(1, len(pool) // 2)
            shuffle_front(pool, h, rng)
            halves.append(pool[:h])
        replicates.append(estimate(halves, bins, fraction / 2, rng.next()))
    replicates = np.array(replicates)
    scale = math.sqrt(max(0.0, 1 - fraction))
    centre = replicates.mean()
    print(json.dumps({"estimate": point,
                      "interval": [point + scale * (np.percentile(replicates, 2.5) - centre),
                                   point + scale * (np.percentile(replicates, 97.5) - centre)]}))


if __name__ == "__main__":
    main()
