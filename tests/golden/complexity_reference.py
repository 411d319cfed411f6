#!/usr/bin/python3
"""Independent reference for the complexity measures of docs/METHODS.md on an image folder
(ImageFolder layout), every image in the sample (`--measures-sample all`).

Greyscale by PIL's Image.convert("L"); the 32x32 vectors by cv2.resize(INTER_AREA) (the
definition names OpenCV's resampling); everything else is numpy/scipy/zlib written from the
definitions: SI from explicit Sobel sums, bpp from zlib.compress(level 6), TwoNN from sorted
distance rows, F1 from per-feature class scatter, N1 from Kruskal's algorithm on all edges,
CSG from numpy.linalg.eigh. A second CSG follows the steps of the reference implementation
(tests/golden/spectral_metric_transcription.py). Shares no code with NoFADE Studio. Prints one
JSON object on stdout.

usage: complexity_reference.py FOLDER
"""
import json
import math
import os
import sys
import warnings
import zlib

import cv2
import numpy as np
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference_scan import image_files  # noqa: E402  (the same ImageFolder walk as the scan reference)
from spectral_metric_transcription import csg_as_reference  # noqa: E402

def spatial_information(g):
    g = g.astype(np.float64)
    if g.shape[0] < 3 or g.shape[1] < 3:
        return None
    gx = (g[:-2, 2:] + 2 * g[1:-1, 2:] + g[2:, 2:]) - (g[:-2, :-2] + 2 * g[1:-1, :-2] + g[2:, :-2])
    gy = (g[2:, :-2] + 2 * g[2:, 1:-1] + g[2:, 2:]) - (g[:-2, :-2] + 2 * g[:-2, 1:-1] + g[:-2, 2:])
    return float(np.std(np.sqrt(gx * gx + gy * gy)))


def bits_per_pixel(g):
    return 8.0 * len(zlib.compress(np.ascontiguousarray(g).tobytes(), 6)) / (g.shape[0] * g.shape[1])


def small_vector(g):
    small = g if g.shape == (32, 32) else cv2.resize(g, (32, 32), interpolation=cv2.INTER_AREA)
    return small.reshape(-1)


def squared_distances(v):
    """Exact integer squared distances between byte vectors."""
    a = v.astype(np.int64)
    norms = (a * a).sum(1)
    return norms[:, None] + norms[None, :] - 2 * (a @ a.T)


def two_nn(d2):
    n = d2.shape[0]
    index = np.broadcast_to(np.arange(n), d2.shape)
    d = np.where(np.eye(n, dtype=bool), np.iinfo(np.int64).max, d2)  # a point is not its own neighbour
    order = np.lexsort((index, d), axis=1)
    first = np.take_along_axis(d, order[:, :1], 1)[:, 0]
    second = np.take_along_axis(d, order[:, 1:2], 1)[:, 0]
    r1 = np.sqrt(first) / 255.0
    r2 = np.sqrt(second) / 255.0
    kept = r1 > 0
    return float(kept.sum() / np.log(r2[kept] / r1[kept]).sum()), int((~kept).sum())


def fisher_f1(x, y):
    """ECoL's normalised F1, feature by feature (all features at once)."""
    mu = x.mean(0)
    num = np.zeros(x.shape[1])
    den = np.zeros(x.shape[1])
    for c in np.unique(y):
        xc = x[y == c]
        num += len(xc) * (xc.mean(0) - mu) ** 2
        den += ((xc - xc.mean(0)) ** 2).sum(0)
    usable = den != 0
    return float(1.0 / (1.0 + (num[usable] / den[usable]).max()))


def n1_kruskal(d2, y):
    n = d2.shape[0]
    i, j = np.triu_indices(n, 1)
    order = np.lexsort((j, i, d2[i, j]))
    parent = list(range(n))

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    border = np.zeros(n, bool)
    edges = 0
    for e in order:
        a, b = find(i[e]), find(j[e])
        if a == b:
            continue
        parent[max(a, b)] = min(a, b)
        edges += 1
        if y[i[e]] != y[j[e]]:
            border[i[e]] = border[j[e]] = True
        if edges == n - 1:
            break
    return border.sum() / n


def pca16(x):
    xc = x - x.mean(0)
    w, v = np.linalg.eigh(xc.T @ xc)
    return xc @ v[:, ::-1][:, :16]


def csg_from_definition(e, y, k=3):
    classes = np.unique(y)
    K = len(classes)
    s = np.zeros((K, K))
    n = e.shape[0]
    for p in range(n):
        d = ((e - e[p]) ** 2).sum(1)
        d[p] = -1.0  # x itself first
        order = np.lexsort((np.arange(n), d))[: k + 1]
        x, nb = e[order[0]], e[order[1:]]
        volume = max(1e-4, np.prod(2.0 * np.abs(nb - x).max(0)))
        for q in order[1:]:
            s[y[p], y[q]] += (1.0 / k) / volume
    s /= s.sum(1, keepdims=True)
    w = np.array([[1.0 - np.abs(s[i] - s[j]).sum() / np.abs(s[i] + s[j]).sum() for j in range(K)] for i in range(K)])
    np.fill_diagonal(w, 0.0)
    lap = np.diag(w.sum(1)) - w
    lam = np.linalg.eigvalsh(lap)
    g = [(lam[i + 1] - lam[i]) / (K - i) for i in range(K - 1)]
    return float(np.sum(np.maximum.accumulate(g))), lam.tolist()


def main():
    warnings.simplefilter("ignore")
    root = sys.argv[1]
    per_image = {}
    vectors, labels = [], []
    class_names = sorted({c for _, c in image_files(root) if c is not None})
    for rel, cls in image_files(root):
        try:
            with Image.open(os.path.join(root, rel)) as im:
                g = np.asarray(im.convert("L"))
        except Exception:  # the scan refuses the same files (see reference_scan.py)
            continue
        per_image[rel] = {"si": spatial_information(g), "bpp": bits_per_pixel(g)}
        vectors.append(small_vector(g))
        labels.append(class_names.index(cls) if cls is not None else -1)
    v = np.array(vectors, dtype=np.uint8)
    y = np.array(labels)
    d2 = squared_distances(v)
    ident, left_out = two_nn(d2)
    x = v.astype(np.float64) / 255.0
    e = pca16(x)
    csg, eigenvalues = csg_from_definition(e, y)
    out = {
        "per_image": per_image,
        "si": float(np.mean([p["si"] for p in per_image.values() if p["si"] is not None])),
        "bpp": float(np.mean([p["bpp"] for p in per_image.values()])),
        "id": ident,
        "id_left_out": left_out,
        "f1": fisher_f1(x, y),
        "n1": float(n1_kruskal(d2, y)),
        "csg": csg,
        "csg_eigenvalues": eigenvalues,
        "csg_reference_steps": csg_as_reference(e, y, k_nearest=3),
        "images": len(per_image),
    }
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
