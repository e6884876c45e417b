#!/usr/bin/env python3
"""Make the two JPEGs that `lesson bench decode` times, from scikit-image's rocket photo.

Run from the repository root, with numpy, Pillow and scikit-image installed and libjpeg-turbo's
cjpeg on the PATH:

    python3 Datasets/photos/make_benchmark_photos.py

- rocket.jpg: scikit-image's own `skimage/data/rocket.jpg`, copied byte for byte: a real
  640x427 baseline JPEG (4:4:4) as a web page or a dataset would hold it.
- rocket-12mp.jpg: the same photo enlarged to 4240x2832 (12.0 megapixels) with Pillow's LANCZOS
  filter, with Gaussian noise (sigma 3, seed 12) added so that it has the fine grain of a camera
  sensor rather than the smoothness of an enlargement, then encoded by cjpeg at quality 90 with
  4:2:0 chroma subsampling, as phones and cameras save their photos.
"""
import os
import shutil
import subprocess

import numpy as np
from PIL import Image
import skimage

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(os.path.dirname(skimage.__file__), "data", "rocket.jpg")


def main():
    shutil.copyfile(SOURCE, os.path.join(HERE, "rocket.jpg"))
    photo = Image.open(SOURCE).convert("RGB").resize((4240, 2832), Image.Resampling.LANCZOS)
    samples = np.asarray(photo).astype(np.float32)
    noise = np.random.default_rng(12).normal(0, 3, samples.shape)
    grainy = np.clip(np.rint(samples + noise), 0, 255).astype(np.uint8)
    Image.fromarray(grainy).save("/tmp/rocket-12mp.ppm")
    with open(os.path.join(HERE, "rocket-12mp.jpg"), "wb") as out:
        subprocess.run(["cjpeg", "-quality", "90", "-sample", "2x2", "/tmp/rocket-12mp.ppm"], stdout=out, check=True)


if __name__ == "__main__":
    main()
