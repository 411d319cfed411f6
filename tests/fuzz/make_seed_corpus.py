#!/usr/bin/python3
"""Regenerates the small seed files of tests/fuzz/corpus/ (committed, so that a fuzz run needs
no Python). Each seed is a valid input of its target, so the fuzzer starts inside the format.
usage: make_seed_corpus.py [CORPUS_FOLDER]
"""
import gzip
import io
import json
import os
import struct
import sys

import numpy as np
from PIL import Image

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")
rng = np.random.default_rng(1)


def put(target, name, data):
    os.makedirs(os.path.join(root, target), exist_ok=True)
    with open(os.path.join(root, target, name), "wb") as f:
        f.write(data)


# Images: one byte of mode (0 exact, 1 fast, 2 display), then the file.
def image_bytes(im, fmt, **kw):
    b = io.BytesIO()
    im.save(b, fmt, **kw)
    return b.getvalue()


rgb = Image.fromarray(rng.integers(0, 256, (6, 7, 3), dtype=np.uint8), "RGB")
seeds = {
    "rgb.png": image_bytes(rgb, "PNG"),
    "grey.png": image_bytes(rgb.convert("L"), "PNG"),
    "palette.png": image_bytes(rgb.quantize(8), "PNG"),
    "grey16.png": image_bytes(Image.fromarray(rng.integers(0, 65536, (5, 4), dtype=np.uint16), "I;16"), "PNG"),
    "rgba.png": image_bytes(rgb.convert("RGBA"), "PNG"),
    "rgb.jpg": image_bytes(rgb, "JPEG", quality=80),
    "progressive.jpg": image_bytes(rgb, "JPEG", quality=80, progressive=True),
    "cmyk.jpg": image_bytes(rgb.convert("CMYK"), "JPEG"),
    "rgb.bmp": image_bytes(rgb, "BMP"),
    "grey.tif": image_bytes(rgb.convert("L"), "TIFF"),
    "rgb.webp": image_bytes(rgb, "WEBP", lossless=True),
    "grey.pgm": image_bytes(rgb.convert("L"), "PPM"),
    "rgb.ppm": image_bytes(rgb, "PPM"),
}
for i, (name, data) in enumerate(sorted(seeds.items())):
    put("fuzz_image_entropy", name, bytes([i % 3]) + data)

# IDX: 2 bytes labels length, labels file, images file (raw and gzip).
n, rows, cols = 3, 4, 5
images = struct.pack(">IIII", 0x803, n, rows, cols) + rng.integers(0, 256, n * rows * cols, dtype=np.uint8).tobytes()
labels = struct.pack(">II", 0x801, n) + bytes([0, 1, 2])
put("fuzz_idx", "labelled", struct.pack(">H", len(labels)) + labels + images)
put("fuzz_idx", "unlabelled", struct.pack(">H", 0) + images)
put("fuzz_idx", "gzip", struct.pack(">H", len(labels)) + labels + gzip.compress(images, mtime=0))

# CIFAR: one byte variant (0: CIFAR-10, 1: CIFAR-100), then two records.
put("fuzz_cifar", "cifar10", bytes([0]) + b"".join(bytes([c]) + rng.integers(0, 256, 3072, dtype=np.uint8).tobytes() for c in (3, 7)))
put("fuzz_cifar", "cifar100", bytes([1]) + b"".join(bytes([1, c]) + rng.integers(0, 256, 3072, dtype=np.uint8).tobytes() for c in (11, 42)))

# Model tables.
put("fuzz_model_csv", "models.csv",
    b"model,task,dataset,metric,score,compute,compute_unit,params,device,device_count,device_hours,wall_hours,"
    b"hours_provenance,epochs,images_per_epoch,source,notes\r\n"
    b"ResNet-50,classification,ImageNet,top-1,76.1,4.1,GFLOPs,25.6,V100,8,,29,reported,90,1281167,\"He et al., 2016\",\r\n"
    b"\"Mask R-CNN\",detection,COCO,mAP,37.1,260,GMACs,44,P100,8,,,estimated,12,118287,,\"quoted \"\"note\"\"\"\r\n")
put("fuzz_model_csv", "hardware.csv", b"name,kind,tdp_w,peak_fp32_tflops,aliases\nV100,gpu,300,15.7,Tesla V100\n")
# fuzz_profile_json seeds are profiles written by nofade-cli scan (compacted), not made here.
put("fuzz_model_csv", "bom-semicolon.csv", "\ufeffmodel;task\nA;B\n".encode("utf-8"))

# A session file as the application writes it (ui/session_file.cpp), with an edited model table.
session = {
    "schema": "nofade.session/1",
    "models": {"name": "models.csv", "bundled": False,
               "csv": "model,task,dataset,metric,score,compute,compute_unit,device,device_count,wall_hours,hours_provenance\n"
                      "ResNet-50,classification,ImageNet,top-1,76.1,4.1,GFLOPs,V100,8,29,reported\n"},
    "settings": {"method": "hardware-energy", "pue": 1.58, "carbon_intensity_kg_per_kwh": 0.429,
                 "carbon_intensity_source": "world average", "utilisation": 1.0, "mac_as_two_flops": True,
                 "score_scale": "percent", "log_base": "ln", "paper_eq1_cpu": "",
                 "knee_threshold_points_per_decade": 1.0, "complexity_measures": {"ImageNet": "C_JS"}},
    "typed_complexities": [{"dataset": "ImageNet", "entropy": None, "jensen_shannon": None,
                            "jensen_shannon_reason": "", "typed": 0.31, "source": "typed in"}],
    "profile_complexities": [{"dataset": "Fashion-MNIST", "entropy": 4.36, "jensen_shannon": 0.42,
                              "jensen_shannon_reason": "", "typed": None, "source": "fashion.json"}],
    "datasets": [{"name": "fashion", "path": "/data/fashion", "task": "classification",
                  "measure": "C_JS", "profile": "fashion.json"}],
    "charts": {"saturation": {"datasets": ["ImageNet"]}},
}
put("fuzz_session_json", "session.json", json.dumps(session, indent=1).encode("utf-8"))
