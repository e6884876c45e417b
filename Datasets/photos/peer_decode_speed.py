#!/usr/bin/env python3
"""Time Pillow (libjpeg-turbo inside) and djpeg on the photos `lesson bench decode` times, so that
the two can be compared on one machine.

Run from the repository root, with Pillow installed and libjpeg-turbo's djpeg on the PATH:

    python3 Datasets/photos/peer_decode_speed.py

Like the bench, each figure is the median of 5 rounds of about 0.2 s, decoding bytes already in
memory (Pillow) or a file the system has cached (djpeg, whose figures include starting a process).
Reduced sizes use Pillow's `draft`, which asks libjpeg for a DCT-domain scaled decode, as the
lesson's decoder does, and `djpeg -scale 1/N`.
"""
import io
import os
import statistics
import subprocess
import time

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = ["rocket.jpg", "rocket-12mp.jpg"]


def median_seconds(body):
    body()
    rounds = []
    for _ in range(5):
        calls, start = 0, time.perf_counter()
        while time.perf_counter() - start < 0.2 or calls < 2:
            body()
            calls += 1
        rounds.append((time.perf_counter() - start) / calls)
    return statistics.median(rounds)


def pillow_decode(data, scale):
    image = Image.open(io.BytesIO(data))
    if scale > 1:
        image.draft("RGB", (image.width // scale, image.height // scale))
    image.load()
    return image


def main():
    for name in FILES:
        path = os.path.join(HERE, name)
        with open(path, "rb") as file:
            data = file.read()
        for scale in [1, 2, 4, 8]:
            size = pillow_decode(data, scale).size
            pillow = median_seconds(lambda: pillow_decode(data, scale))
            command = ["djpeg", "-scale", f"1/{scale}", "-outfile", os.devnull, path]
            djpeg = median_seconds(lambda: subprocess.run(command, check=True))
            label = "full size" if scale == 1 else f"at 1/{scale} -> {size[0]}x{size[1]}"
            print(f"{name:18}{label:22} Pillow {pillow * 1000:8.2f} ms ({1 / pillow:7.1f}/s)"
                  f"   djpeg {djpeg * 1000:8.2f} ms ({1 / djpeg:7.1f}/s)")


if __name__ == "__main__":
    main()
