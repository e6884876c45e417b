"""Writes the resizing, cropping and channel-conversion fixtures in this folder, with expected
values computed by TensorFlow and Keras themselves.

Run from this folder in a Python environment with TensorFlow, Keras and Pillow, and ImageMagick
on the PATH (see README.md for the versions used):

    python3 make_fixtures.py
"""
import io
import json
import random
import subprocess

import keras
import numpy as np
import tensorflow as tf
from PIL import Image, PngImagePlugin


def hash_image(width, height, channels):
    """The large test input, defined by a formula instead of stored (the Swift test computes the
    same): sample(x, y, c) = ((x·73856093 ⊕ y·19349663 ⊕ c·83492791) mod 2³²) >> 11, low 8 bits."""
    x = np.arange(width, dtype=np.uint64)[None, :, None]
    y = np.arange(height, dtype=np.uint64)[:, None, None]
    c = np.arange(channels, dtype=np.uint64)[None, None, :]
    mask = np.uint64(0xFFFFFFFF)
    mixed = ((x * np.uint64(73856093)) & mask) ^ ((y * np.uint64(19349663)) & mask) ^ ((c * np.uint64(83492791)) & mask)
    return ((mixed >> np.uint64(11)) & np.uint64(0xFF)).astype(np.uint8)


def random_image(width, height, channels, seed):
    rng = np.random.default_rng(seed)
    return rng.integers(0, 256, size=(height, width, channels), dtype=np.uint8)


def save(name, array):
    with open(name, "wb") as file:
        file.write(np.ascontiguousarray(array).tobytes())


def resize_cases():
    """Inputs (stored as raw bytes, or the hash formula) and tf.image.resize outputs."""
    inputs = {
        "random-7x5x3": random_image(7, 5, 3, 1),
        "random-28x28x1": random_image(28, 28, 1, 2),
        "random-9x6x4": random_image(9, 6, 4, 3),
        "random-5x1x2": random_image(5, 1, 2, 4),
        "random-1x1x3": random_image(1, 1, 3, 5),
        "random-99x37x1": random_image(99, 37, 1, 6),
        "hash-640x427x3": hash_image(640, 427, 3),
    }
    sizes = {
        "random-7x5x3": [(3, 4), (20, 13), (7, 5), (1, 1), (14, 10)],
        "random-28x28x1": [(32, 32), (14, 14), (13, 29)],
        "random-9x6x4": [(4, 3), (17, 11)],
        "random-5x1x2": [(2, 7), (11, 1)],
        "random-1x1x3": [(3, 3)],
        "random-99x37x1": [(70, 33), (33, 10), (100, 38)],
        "hash-640x427x3": [(32, 32), (64, 43), (1, 1)],
    }
    cases = []
    for name, image in inputs.items():
        height, width, channels = image.shape
        if not name.startswith("hash"):
            save(f"{name}.u8", image)
        for out_width, out_height in sizes[name]:
            for method in ("bilinear", "nearest"):
                output = tf.image.resize(image, (out_height, out_width), method=method).numpy().astype(np.float32)
                expected = f"{name}-to-{out_width}x{out_height}-{method}.f32"
                save(expected, output.astype("<f4"))
                cases.append({
                    "input": name, "width": width, "height": height, "channels": channels,
                    "outputWidth": out_width, "outputHeight": out_height, "interpolation": method,
                    "expected": expected,
                })
    return cases


def smart_resize_cases():
    """Keras's smart_resize (centred crop to the target's aspect ratio, then tf.image.resize)."""
    cases = []
    for name, image, sizes in [
        ("hash-640x427x3", hash_image(640, 427, 3), [(32, 32), (16, 9), (9, 16)]),
        ("random-7x5x3", random_image(7, 5, 3, 1), [(4, 3), (1, 4), (5, 5)]),
        ("random-28x28x1", random_image(28, 28, 1, 2), [(20, 10)]),
    ]:
        height, width, channels = image.shape
        for out_width, out_height in sizes:
            for method in ("bilinear", "nearest"):
                output = keras.preprocessing.image.smart_resize(image, (out_height, out_width), interpolation=method)
                expected = f"smart-{name}-to-{out_width}x{out_height}-{method}.f32"
                save(expected, np.asarray(output, dtype="<f4"))
                cases.append({
                    "input": name, "width": width, "height": height, "channels": channels,
                    "outputWidth": out_width, "outputHeight": out_height, "interpolation": method,
                    "expected": expected,
                })
    return cases


def channel_cases():
    """PNG files of each colour type, what tf.io.decode_png returns for channels=0 (the file's own
    channels) and for channels=1, 3 and 4 (the op refuses 2)."""
    rng = random.Random(9)
    width, height = 32, 32

    def pixels(count):
        return bytes(rng.randrange(256) for _ in range(count))

    files = {}
    for mode, channels in [("L", 1), ("LA", 2), ("RGB", 3), ("RGBA", 4)]:
        image = Image.frombytes(mode, (width, height), pixels(width * height * channels))
        image.save(f"{mode.lower()}-pillow.png")
        files[f"{mode.lower()}-pillow.png"] = "Pillow, Image.save of seeded random pixels"
    palette = Image.frombytes("P", (width, height), pixels(width * height))
    palette.putpalette(list(pixels(768)))
    palette.save("palette-pillow.png")
    files["palette-pillow.png"] = "Pillow, a palette image of 256 random colours"
    palette.save("palette-trns-pillow.png", transparency=bytes(rng.randrange(256) for _ in range(256)))
    files["palette-trns-pillow.png"] = "Pillow, the same with a tRNS chunk of random alphas"
    # With a gAMA chunk, to check that TensorFlow's gray conversion ignores gamma.
    info = PngImagePlugin.PngInfo()
    info.add(b"gAMA", (45455).to_bytes(4, "big"))
    Image.open("rgb-pillow.png").save("rgb-gamma-pillow.png", pnginfo=info)
    files["rgb-gamma-pillow.png"] = "Pillow, rgb-pillow.png with a gAMA chunk (gamma 1/2.2) added"
    subprocess.run(["convert", "rgb-pillow.png", "-depth", "16", "PNG48:rgb16-magick.png"], check=True)
    files["rgb16-magick.png"] = "ImageMagick, convert rgb-pillow.png -depth 16 PNG48:rgb16-magick.png"
    subprocess.run(["convert", "rgb-pillow.png", "-depth", "16", "-define", "png:exclude-chunks=gAMA,cHRM,bKGD,tEXt,zTXt,date,time",
                    "PNG48:rgb16-nogamma-magick.png"], check=True)
    files["rgb16-nogamma-magick.png"] = ("ImageMagick, convert rgb-pillow.png -depth 16 "
                                         "-define png:exclude-chunks=gAMA,cHRM,bKGD,tEXt,zTXt,date,time PNG48:…")

    cases = []
    for name, origin in files.items():
        data = open(name, "rb").read()
        native = tf.io.decode_png(data, channels=0).numpy()
        base = name[: -len(".png")]
        save(f"{base}.native.u8", native)
        outputs = {}
        for channels in (1, 3, 4):
            output = tf.io.decode_png(data, channels=channels).numpy()
            outputs[str(channels)] = f"{base}.channels{channels}.u8"
            save(outputs[str(channels)], output)
        # libpng converts colour to gray in linear light when the file has a gAMA chunk, and at
        # 16 bits for 16-bit files; Image keeps neither. The gray of a gAMA file is not compared
        # (null); that of a 16-bit file may differ by 1.
        has_gamma = b"gAMA" in data[: data.find(b"IDAT")]
        cases.append({
            "png": name, "origin": origin, "grayTolerance": None if has_gamma else (1 if data[24] == 16 else 0), "width": native.shape[1], "height": native.shape[0],
            "nativeChannels": native.shape[2], "native": f"{base}.native.u8", "outputs": outputs,
        })
    return cases


def main():
    manifest = {
        "tensorflow": tf.__version__,
        "keras": keras.__version__,
        "resize": resize_cases(),
        "smartResize": smart_resize_cases(),
        "channels": channel_cases(),
    }
    with open("cases.json", "w") as file:
        json.dump(manifest, file, indent=1)


if __name__ == "__main__":
    main()
