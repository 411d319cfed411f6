#!/usr/bin/python3
"""Independent reference for `nofade-cli scan` on an image folder (ImageFolder layout).

Uses only the reference ecosystem from Debian's packages: PIL's Image.convert("L") for greyscale,
skimage.measure.shannon_entropy for per-image entropy, numpy.histogram for the class
distributions and scipy.spatial.distance.jensenshannon (base 2) for the class distances. It shares
no code with NoFADE Studio. Prints one JSON object on stdout; files PIL refuses are listed
under "failed".

usage: reference_scan.py FOLDER [--bins N]
"""
import json
import math
import os
import sys
import warnings

import numpy as np
from PIL import Image
from scipy.spatial.distance import jensenshannon
from skimage.measure import shannon_entropy

EXTENSIONS = {"jpg", "jpeg", "png", "bmp", "tif", "tiff", "webp", "pgm", "ppm", "pbm"}


def image_files(root):
    """(relative path, class or None) in the same deterministic order as an ImageFolder walk."""
    out = []

    def walk(rel, cls):
        entries = sorted(e for e in os.listdir(os.path.join(root, rel) if rel else root) if not e.startswith("."))
        for name in entries:
            child = os.path.join(rel, name) if rel else name
            full = os.path.join(root, child)
            if os.path.isdir(full):
                walk(child, cls if rel else name)
            elif name.rsplit(".", 1)[-1].lower() in EXTENSIONS and "." in name:
                out.append((child, cls))

    walk("", None)
    return out


def main():
    warnings.simplefilter("ignore")  # PIL's palette-transparency notes are not results
    root = sys.argv[1]
    bins = int(sys.argv[sys.argv.index("--bins") + 1]) if "--bins" in sys.argv else 64
    per_image = {}
    failed = {}
    by_class = {}
    for rel, cls in image_files(root):
        try:
            with Image.open(os.path.join(root, rel)) as im:
                grey = np.asarray(im.convert("L"))
        except Exception as e:  # PIL refuses it (truncated, not an image, ...)
            failed[rel] = str(e)
            continue
        h = float(shannon_entropy(grey, base=2))
        per_image[rel] = h
        if cls is not None:
            by_class.setdefault(cls, []).append(h)
    values = np.array(list(per_image.values()))
    classes = sorted(by_class)
    hists = {c: np.histogram(by_class[c], bins=bins, range=(0.0, 8.0))[0].astype(float) for c in classes}
    pairs = []
    for i, a in enumerate(classes):
        for b in classes[i + 1:]:
            d = float(jensenshannon(hists[a], hists[b], base=2))
            pairs.append({"a": a, "b": b, "distance": d})
    total = math.fsum(p["distance"] for p in pairs)
    print(json.dumps({
        "per_image": per_image,
        "failed": failed,
        "mean": float(values.mean()) if len(values) else None,
        "std": float(values.std()) if len(values) else None,
        "classes": {c: {"images": len(by_class[c]), "mean": float(np.mean(by_class[c])),
                        "std": float(np.std(by_class[c])),
                        "histogram": [int(x) for x in hists[c]]} for c in classes},
        "pairs": pairs,
        "sum": total,
        "complexity": math.log(total) if len(classes) >= 2 and total > 0 else None,
    }))


if __name__ == "__main__":
    main()
