#!/usr/bin/env python3
"""Copy three free-licence colour photographs from scikit-image's bundled data.

Run from the repository root:

    python3 Datasets/photos/make_photos.py

Needs numpy, Pillow and scikit-image. Each photo is written as NAME.png
(optimize=True) and NAME.jpg (quality 90). Photos listed with a factor > 1
are first shrunk by that factor with Pillow's LANCZOS filter.
"""
import os

from PIL import Image
from skimage import data

HERE = os.path.dirname(os.path.abspath(__file__))

# name -> (loader, downscale factor)
PHOTOS = {
    "chelsea": (data.chelsea, 1),    # 451x300, kept at full size
    "coffee": (data.coffee, 2),      # 600x400 -> 300x200
    "astronaut": (data.astronaut, 2),  # 512x512 -> 256x256
}


def main():
    for name, (load, factor) in PHOTOS.items():
        img = Image.fromarray(load()).convert("RGB")
        if factor > 1:
            w, h = img.size
            img = img.resize((w // factor, h // factor), Image.Resampling.LANCZOS)
        img.save(os.path.join(HERE, name + ".png"), optimize=True)
        img.save(os.path.join(HERE, name + ".jpg"), quality=90)
        print(name, img.size)


if __name__ == "__main__":
    main()
