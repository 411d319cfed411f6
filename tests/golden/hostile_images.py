#!/usr/bin/python3
"""Writes odd but valid images with PIL (16-bit, palette, grey+alpha, CMYK, 1x1, 1xN, names with
spaces, Unicode and invalid UTF-8 bytes) into FOLDER and prints, as one JSON object, each file's
expected greyscale entropy computed independently: PIL's Image.convert("L") (or, for 16-bit
samples, the high byte as the method specifies) and skimage.measure.shannon_entropy.

Keys are the file names as NoFADE writes item paths (invalid bytes as \\xNN).
usage: hostile_images.py FOLDER
"""
import json
import os
import sys

import numpy as np
from PIL import Image
from skimage.measure import shannon_entropy


def escaped(name_bytes):
    out = []
    text = name_bytes.decode("utf-8", errors="surrogateescape")
    for ch in text:
        code = ord(ch)
        out.append("\\x%02X" % (code - 0xDC00) if 0xDC80 <= code <= 0xDCFF else ch)
    return "".join(out)


def main():
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(6)
    expected = {}
    tolerant = []  # files whose colour conversion is the codec's own (CMYK): compared loosely

    def save(name, image, grey, **options):
        """Writes image; grey None: the expectation is PIL's own decoding of the (lossy) file."""
        name_bytes = name if isinstance(name, bytes) else name.encode("utf-8")
        path = os.path.join(os.fsencode(folder), name_bytes)
        image.save(os.fsdecode(path), **options)
        if grey is None:
            with Image.open(os.fsdecode(path)) as written:
                grey = np.asarray(written.convert("L"))
        expected[escaped(name_bytes)] = float(shannon_entropy(grey, base=2))

    rgb = rng.integers(0, 256, (37, 41, 3), dtype=np.uint8)
    rgb[:, :20] //= 4  # not uniform noise: a histogram with structure
    im_rgb = Image.fromarray(rgb, "RGB")

    sixteen = rng.integers(0, 65536, (23, 29), dtype=np.uint16)
    im16 = Image.fromarray(sixteen.astype(np.uint16), "I;16")
    save("gray16.png", im16, (sixteen >> 8).astype(np.uint8))
    save("gray16.tif", im16, (sixteen >> 8).astype(np.uint8))

    palette = im_rgb.quantize(colors=50)
    save("palette.png", palette, np.asarray(palette.convert("L")))
    save("palette.bmp", palette, np.asarray(palette.convert("L")))

    la = Image.fromarray(np.dstack([rgb[:, :, 0], rgb[:, :, 1]]), "LA")
    save("grey-alpha.png", la, np.asarray(la.convert("L")))
    rgba = Image.fromarray(np.dstack([rgb, rng.integers(0, 256, rgb.shape[:2], dtype=np.uint8)]), "RGBA")
    save("rgba.png", rgba, np.asarray(rgba.convert("L")))
    # exact=True: by default libwebp does not keep the colour under fully transparent pixels, and
    # decoders fill it in differently; alpha is ignored, so that colour must be defined.
    save("rgba-lossless.webp", rgba, np.asarray(rgba.convert("L")), lossless=True, exact=True)

    bilevel = Image.fromarray(rgb[:, :, 2] > 100).convert("1")
    save("bilevel.png", bilevel, np.asarray(bilevel.convert("L")))

    cmyk = im_rgb.convert("CMYK")
    save("cmyk.jpg", cmyk, None, quality=95)
    tolerant.append("cmyk.jpg")
    save("progressive.jpg", im_rgb, None, quality=90, progressive=True)

    one = Image.fromarray(np.array([[173]], dtype=np.uint8), "L")
    save("one-by-one.png", one, np.asarray(one))
    row = Image.fromarray(rgb[:1, :, :].copy(), "RGB")
    save("one-by-n.png", row, np.asarray(row.convert("L")))
    column = Image.fromarray(rgb[:, :1, :].copy(), "RGB")
    save("n-by-one.png", column, np.asarray(column.convert("L")))
    wide = Image.fromarray(rng.integers(0, 256, (1, 5000), dtype=np.uint8), "L")
    save("one-by-5000.png", wide, np.asarray(wide))

    grey = Image.fromarray(rgb[:, :, 1].copy(), "L")
    save("name with spaces.png", grey, np.asarray(grey))
    save("ünïcødé 画像 🙂.png", grey, np.asarray(grey))
    save(b"invalid-utf8-\xff\xfe.png", grey, np.asarray(grey))

    print(json.dumps({"expected": expected, "tolerant": tolerant}, ensure_ascii=False))


if __name__ == "__main__":
    main()
