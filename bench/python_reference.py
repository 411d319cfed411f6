#!/usr/bin/python3
"""The Python reference ecosystem doing the scan's work, for the benchmark: every image of a folder
to greyscale with PIL, its Shannon entropy from a numpy histogram, with a process pool of N.

exact: PIL Image.convert("L") (the definition NoFADE's exact mode matches bit for bit).
fast:  PIL's JPEG draft mode in "L" (libjpeg's luma plane, like NoFADE's fast mode), else convert.

usage: python_reference.py FOLDER exact|fast PROCESSES   (prints: files images seconds)
"""
import multiprocessing
import os
import sys
import time

import numpy as np
from PIL import Image


def entropy(path, fast):
    try:
        with Image.open(path) as im:
            if fast and im.format == "JPEG":
                im.draft("L", im.size)
            grey = np.asarray(im.convert("L"))
    except Exception:
        return None
    counts = np.bincount(grey.ravel(), minlength=256)
    p = counts[counts > 0] / grey.size
    return float(-(p * np.log2(p)).sum())


def work(args):
    return entropy(*args)


def main():
    folder, mode, processes = sys.argv[1], sys.argv[2], int(sys.argv[3])
    start = time.perf_counter()
    files = sorted(os.path.join(d, f) for d, _, names in os.walk(folder) for f in names)
    with multiprocessing.Pool(processes) as pool:
        results = pool.map(work, [(f, mode == "fast") for f in files], chunksize=64)
    seconds = time.perf_counter() - start
    print(len(files), sum(r is not None for r in results), f"{seconds:.6f}")


if __name__ == "__main__":
    main()
