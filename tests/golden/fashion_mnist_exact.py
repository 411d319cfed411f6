#!/usr/bin/python3
"""Independent golden values for sampled scans: the exact mean per-image entropy (C_H) and C_JS of
Fashion-MNIST as Debian ships it (gzipped IDX, 70,000 images, 10 classes), computed with numpy and
scipy only (no code shared with NoFADE Studio).

Per-image entropy: Shannon entropy in bits of the 256-bin intensity histogram (784 pixels).
C_JS: ln of the sum over class pairs of scipy.spatial.distance.jensenshannon(base=2) between the
classes' histograms of per-image entropies, `bins` equal bins over [0, 8] (numpy.histogram).

usage: fashion_mnist_exact.py [FOLDER] [--bins N]   -> one JSON object on stdout
"""
import gzip
import json
import math
import os
import sys

import numpy as np
from scipy.spatial.distance import jensenshannon


def read_idx(path, header):
    with gzip.open(path, "rb") as f:
        data = f.read()
    return np.frombuffer(data, dtype=np.uint8, offset=header)


def main():
    args = sys.argv[1:]
    bins = 64
    if "--bins" in args:
        i = args.index("--bins")
        bins = int(args[i + 1])
        del args[i:i + 2]
    folder = args[0] if args else "/usr/share/datasets/fashion-mnist"
    entropies, labels = [], []
    for split in ("t10k", "train"):
        images = read_idx(os.path.join(folder, f"{split}-images-idx3-ubyte.gz"), 16).reshape(-1, 784)
        labels.append(read_idx(os.path.join(folder, f"{split}-labels-idx1-ubyte.gz"), 8))
        counts = np.apply_along_axis(lambda row: np.bincount(row, minlength=256), 1, images)
        p = counts / 784.0
        with np.errstate(divide="ignore", invalid="ignore"):
            terms = np.where(p > 0, p * np.log2(p), 0.0)
        entropies.append(-terms.sum(axis=1))
    h = np.concatenate(entropies)
    y = np.concatenate(labels)
    classes = sorted(set(y.tolist()))
    hists = [np.histogram(h[y == c], bins=bins, range=(0.0, 8.0))[0] for c in classes]
    total = sum(jensenshannon(hists[a], hists[b], base=2)
                for a in range(len(classes)) for b in range(a + 1, len(classes)))
    print(json.dumps({"images": int(h.size), "mean": float(h.mean()), "js": math.log(total),
                      "class_sizes": [int((y == c).sum()) for c in classes]}))


if __name__ == "__main__":
    main()
