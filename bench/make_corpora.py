#!/usr/bin/python3
"""Builds the benchmark corpora from real images on this machine (Debian packages only).

photos/  >= 2000 JPEG (75%) and PNG (25%) files of 320-800 px, cut and rescaled from the real
         photographs of opencv-doc and python3-skimage, in 10 class folders (deterministic).
tiny/    Fashion-MNIST's first 10,000+ images as PNG files in class folders (PIL).
many/    200,000 hard links to 28x28 PNGs in 100 class folders: the memory of a scan of a big
         folder (flat in the number of files beyond the file list itself), at no disk cost.
The IDX corpus is Fashion-MNIST as it ships: /usr/share/datasets/fashion-mnist.

usage: make_corpora.py OUT_DIR [--photos N] [--tiny N]
       make_corpora.py --scale OUT_DIR N   (the scale rows' folder; see scale())
Skips a corpus whose folder already holds the requested number of files.
"""
import glob
import os
import random
import subprocess
import sys

from PIL import Image

PHOTO_SOURCES = sorted(
    glob.glob("/usr/share/doc/opencv-doc/examples/data/*.jpg")
    + glob.glob("/usr/share/doc/opencv-doc/examples/data/*.png")
    + glob.glob("/usr/lib/python3/dist-packages/skimage/data/*.jpg")
    + glob.glob("/usr/lib/python3/dist-packages/skimage/data/*.png")
)


def count_files(folder):
    return sum(len(files) for _, _, files in os.walk(folder)) if os.path.isdir(folder) else 0


def photos(out, n):
    if count_files(out) >= n:
        return
    rng = random.Random(2026)
    sources = []
    for path in PHOTO_SOURCES:
        try:
            with Image.open(path) as im:
                im = im.convert("RGB")
                if min(im.size) >= 160:  # photographs, not icons
                    sources.append(im.copy())
        except Exception:
            pass  # e.g. skimage's deliberately truncated JPEG
    for i in range(n):
        src = sources[i % len(sources)]
        w, h = src.size
        cw, ch = rng.randint(w // 2, w), rng.randint(h // 2, h)
        x, y = rng.randint(0, w - cw), rng.randint(0, h - ch)
        side = rng.randint(320, 800)
        scale = side / max(cw, ch)
        img = src.crop((x, y, x + cw, y + ch)).resize((max(1, int(cw * scale)), max(1, int(ch * scale))), Image.BILINEAR)
        folder = os.path.join(out, f"class{i % 10}")
        os.makedirs(folder, exist_ok=True)
        if i % 4 == 3:
            img.save(os.path.join(folder, f"img{i:05d}.png"), compress_level=6)
        else:
            img.save(os.path.join(folder, f"img{i:05d}.jpg"), quality=90)


def tiny(out, n):
    if count_files(out) >= n:
        return
    exporter = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "export_idx_as_folder.py")
    subprocess.run(["/usr/bin/python3", exporter, "/usr/share/datasets/fashion-mnist", out, "--limit", str(n)],
                   check=True, stdout=subprocess.DEVNULL)


def many(out, n):
    if count_files(out) >= n:
        return
    pixels = bytes(range(256)) * 3 + bytes(16)
    for c in range(100):  # one original per folder: a file takes at most 65,000 links on ext4
        folder = os.path.join(out, f"class{c:03d}")
        os.makedirs(folder, exist_ok=True)
        original = os.path.join(folder, "img000000.png")
        if not os.path.exists(original):
            Image.frombytes("L", (28, 28), pixels).save(original)
        for i in range(1, n // 100):
            target = os.path.join(folder, f"img{i:06d}.png")
            if not os.path.exists(target):
                os.link(original, target)


def scale(out, n, classes=1000):
    """n hard links to one 28x28 PNG in `classes` folders of n/classes files (ImageNet-1k's 1,281,167
    images in 1,000 classes at n = 1,281,000): a folder at ImageNet scale at the cost of inodes only.
    Made by run.py under /tmp for its scale rows and deleted after them."""
    if count_files(out) >= n:
        return
    pixels = bytes(range(256)) * 3 + bytes(16)
    per_class = n // classes
    for c in range(classes):
        folder = os.path.join(out, f"n{c:08d}")
        os.makedirs(folder, exist_ok=True)
        original = os.path.join(folder, f"n{c:08d}_0.png")
        if not os.path.exists(original):
            Image.frombytes("L", (28, 28), pixels).save(original)
        for i in range(1, per_class):
            target = os.path.join(folder, f"n{c:08d}_{i}.png")
            if not os.path.exists(target):
                os.link(original, target)


def main():
    if sys.argv[1] == "--scale":
        scale(sys.argv[2], int(sys.argv[3]))
        return
    out = sys.argv[1]
    n_photos = int(sys.argv[sys.argv.index("--photos") + 1]) if "--photos" in sys.argv else 2000
    n_tiny = int(sys.argv[sys.argv.index("--tiny") + 1]) if "--tiny" in sys.argv else 10000
    photos(os.path.join(out, "photos"), n_photos)
    tiny(os.path.join(out, "tiny"), n_tiny)
    many(os.path.join(out, "many"), 200000)


if __name__ == "__main__":
    main()
