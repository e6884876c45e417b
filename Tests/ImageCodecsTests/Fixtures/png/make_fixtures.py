#!/usr/bin/env python3
"""Makes the PNG decoder's fixtures and their expected pixels; see README.md beside this file.

Setup (Python 3.11; versions used: Pillow 13.0.0, pypng 0.20220715.0, numpy 2.4.6,
ImageMagick 6.9.11-60 with libpng 1.6.39 and OptiPNG 0.7.7, from Debian bookworm):

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install pillow pypng numpy
    apt-get install -y imagemagick optipng
    /tmp/venv/bin/pip download pypng --no-binary :all: --no-deps -d /tmp/pypng-src
    tar xzf /tmp/pypng-src/pypng-*.tar.gz -C /tmp/pypng-src
    /tmp/venv/bin/python make_fixtures.py /tmp/pypng-src/pypng-0.20220715.0/code/pngsuite.py

Valid files get a `.raw` file beside them: the decoded samples, row by row, channels
interleaved, as two independent decoders (Pillow and pypng) give them once converted to 8 bits
(see `expected_pixels`); `expected.json` lists size and channels. Broken files are built by
damaging valid ones on purpose; the Swift tests say which error each must give.
"""
import importlib.util
import io
import json
import os
import random
import struct
import subprocess
import sys
import tempfile
import zlib

import numpy as np
import png
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))


# MARK: - Chunk surgery (for ancillary additions and broken files)

def chunks(data):
    """Splits a PNG into (type, data) pairs."""
    out, pos = [], 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        out.append((kind, data[pos + 8:pos + 8 + length]))
        pos += 12 + length
    return out


def chunk(kind, body, crc=None):
    """One chunk with a correct CRC, unless `crc` overrides it."""
    crc = zlib.crc32(kind + body) if crc is None else crc
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc & 0xFFFFFFFF)


def assemble(pairs):
    return b"\x89PNG\r\n\x1a\n" + b"".join(chunk(k, d) for k, d in pairs)


def ihdr(width, height, depth, colour, interlace=0, compression=0, filtering=0):
    return (b"IHDR", struct.pack(">IIBBBBB", width, height, depth, colour, compression, filtering, interlace))


# MARK: - Reference decoding

def pypng_pixels(data):
    """Samples from pypng's asDirect (palette and tRNS expanded), scaled to 8 bits."""
    # asDirect shifts samples down to an sBIT depth; the decoder under test ignores sBIT.
    stripped = assemble([(k, d) for k, d in chunks(data) if k != b"sBIT"])
    width, height, rows, info = png.Reader(bytes=stripped).asDirect()
    depth, planes = info["bitdepth"], info["planes"]
    a = np.array([list(r) for r in rows], dtype=np.uint32).reshape(height, width, planes)
    a = a >> 8 if depth == 16 else a * 255 // (2 ** depth - 1)
    return a.astype(np.uint8)


def pillow_pixels(data):
    """Samples from Pillow in the decoder's layout, or None where Pillow's conversion differs
    from libpng's tRNS-to-alpha (sub-byte gray and 16-bit images with a tRNS colour)."""
    reader = png.Reader(bytes=data)
    reader.preamble()
    colour, depth, trns = reader.color_type, reader.bitdepth, reader.trns is not None
    im = Image.open(io.BytesIO(data))
    im.load()
    if colour == 0 and not trns:
        return (np.array(im).astype(np.uint32) >> 8).astype(np.uint8)[..., None] if depth == 16 \
            else np.array(im.convert("L"))[..., None]
    if trns and colour in (0, 2) and depth != 8:
        return None
    if colour == 0:
        return np.array(im.convert("LA"))
    if colour == 4:
        return np.array(im.convert("RGBA"))[..., [0, 3]]
    return np.array(im.convert("RGBA" if colour == 6 or trns else "RGB"))


def imagemagick_pixels(data, channels):
    """Samples from ImageMagick (which reads PNG with libpng), asked for 16-bit RGBA and cut to
    the high byte: exact for every depth, since it widens a d-bit sample v to v·65535/(2^d − 1)."""
    # Without gAMA and the like: ImageMagick would convert a gAMA 1.0 gray image to sRGB.
    bare = assemble([(k, d) for k, d in chunks(data) if k in (b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND")])
    rgba = subprocess.run(["convert", "png:-", "-endian", "MSB", "-depth", "16", "rgba:-"], input=bare, capture_output=True,
                          check=True).stdout
    reader = png.Reader(bytes=data)
    reader.preamble()
    a = (np.frombuffer(rgba, dtype=">u2").reshape(reader.height, reader.width, 4) >> 8).astype(np.uint8)
    return a[..., {1: [0], 2: [0, 3], 3: [0, 1, 2], 4: [0, 1, 2, 3]}[channels]]


def expected_pixels(data, name):
    """The samples pypng gives, after checking that a second decoder gives the same: Pillow,
    or where Pillow's conversion differs from libpng's, ImageMagick (colours of fully
    transparent pixels excepted, which ImageMagick changes)."""
    ours = pypng_pixels(data)
    theirs = pillow_pixels(data)
    if theirs is not None:
        if theirs.shape != ours.shape or (theirs != ours).any():
            raise SystemExit(f"{name}: Pillow and pypng disagree")
        return ours, "Pillow, pypng"
    visible = ours[..., -1:] != 0
    if (np.where(visible, imagemagick_pixels(data, ours.shape[2]), 0) != np.where(visible, ours, 0)).any():
        raise SystemExit(f"{name}: ImageMagick and pypng disagree")
    return ours, "pypng, ImageMagick"


# MARK: - Valid images

def pattern(width, height, planes, maxval, seed):
    """Deterministic test content: a diagonal gradient with noise, spanning 0...maxval."""
    rng = random.Random(seed)
    return [[((x * 37 + y * 23 + p * 71) * maxval // 200 + rng.randrange(maxval // 8 + 1)) % (maxval + 1)
             for x in range(width) for p in range(planes)] for y in range(height)]


def pypng_write(width, height, seed=1, **options):
    greyscale = options.get("greyscale", True)
    planes = (1 if greyscale else 3) + (1 if options.get("alpha") else 0)
    if options.get("palette"):
        planes, maxval = 1, len(options["palette"]) - 1
    else:
        maxval = 2 ** options.get("bitdepth", 8) - 1
    rows = pattern(width, height, planes, maxval, seed)
    if "transparent" in options:  # make sure the transparent colour occurs
        t = options["transparent"]
        rows[0][:planes] = list(t) if isinstance(t, tuple) else [t]
    out = io.BytesIO()
    png.Writer(width, height, **options).write(out, rows)
    return out.getvalue()


def generated():
    """Files written by pypng: every colour type and depth, interlaced or not, odd sizes,
    transparency, split IDAT, compression levels, ancillary chunks."""
    files = {}
    kinds = [("g", dict(greyscale=True), [1, 2, 4, 8, 16]), ("c", dict(greyscale=False), [8, 16]),
             ("a", dict(greyscale=True, alpha=True), [8, 16]), ("r", dict(greyscale=False, alpha=True), [8, 16])]
    for tag, options, depths in kinds:
        for depth in depths:
            for interlace in (False, True):
                name = f"{'i' if interlace else 'n'}{tag}{depth:02d}_13x11.png"
                files[name] = pypng_write(13, 11, seed=depth, bitdepth=depth, interlace=interlace, **options)
    palette16 = [(i * 17, 255 - i * 13, (i * 91) % 256) for i in range(16)]
    for depth in (1, 2, 4, 8):
        entries = palette16[:2 ** min(depth, 4)]
        for interlace in (False, True):
            files[f"{'i' if interlace else 'n'}p{depth:02d}_13x11.png"] = pypng_write(
                13, 11, seed=depth, palette=entries, bitdepth=depth, interlace=interlace)
    for size in [(1, 1), (1, 9), (9, 1), (2, 2), (3, 3), (5, 5), (7, 7), (8, 8), (9, 9), (33, 17)]:
        files[f"size_i{size[0]}x{size[1]}.png"] = pypng_write(*size, seed=7, interlace=True, greyscale=False)
    for depth in (1, 2, 4, 8, 16):
        files[f"trns_g{depth:02d}.png"] = pypng_write(9, 7, seed=depth, bitdepth=depth, transparent=1)
    files["trns_c08.png"] = pypng_write(9, 7, greyscale=False, transparent=(200, 10, 60))
    files["trns_c16.png"] = pypng_write(9, 7, greyscale=False, bitdepth=16, transparent=(4000, 60000, 9))
    files["trns_c08_interlaced.png"] = pypng_write(9, 7, greyscale=False, interlace=True, transparent=(5, 6, 7))
    partial = [(r, g, b, 40 * i) for i, (r, g, b) in enumerate(palette16[:5])] + palette16[5:]
    files["trns_p04_partial.png"] = pypng_write(9, 7, palette=partial, bitdepth=4)
    files["trns_p08_full.png"] = pypng_write(9, 7, palette=[(r, g, b, 255 - r) for r, g, b in palette16])
    for limit in (1, 7, 64):
        files[f"split_idat_{limit}.png"] = pypng_write(17, 9, greyscale=False, chunk_limit=limit)
    for level in (0, 1, 6, 9):
        files[f"zlib_level{level}.png"] = pypng_write(40, 30, greyscale=False, compression=level)
    files["ancillary_chunks.png"] = pypng_write(9, 7, greyscale=False, gamma=0.45, background=(1, 2, 3),
                                                x_pixels_per_unit=2835, y_pixels_per_unit=2835, unit_is_meter=True)
    base = chunks(pypng_write(9, 7, greyscale=False))
    files["unknown_ancillary_chunk.png"] = assemble(base[:1] + [(b"ruSt", b"skip me")] + base[1:])
    files["palette_in_rgb.png"] = assemble(base[:1] + [(b"PLTE", bytes(range(30)))] + base[1:])
    files["data_after_iend.png"] = assemble(base) + b"trailing bytes"
    return files


def libpng():
    """Files written through libpng 1.6 and zlib, by ImageMagick and OptiPNG, from a smooth
    picture with noise: each filter type on every row, adaptive filtering, interlacing, 16 bits.
    (ImageMagick 6.9's own filter option writes filter type 0 whatever it is asked for, so
    OptiPNG's `-f` rewrites its files with one filter type.)"""
    rng = np.random.default_rng(3)
    y, x = np.mgrid[0:23, 0:37]
    rgb = np.stack([x * 6, y * 10, (x + y) * 4], axis=-1) + rng.integers(0, 24, (23, 37, 3))
    files = {}
    with tempfile.TemporaryDirectory() as tmp:
        def run(*command):
            subprocess.run(command, check=True)

        source = os.path.join(tmp, "in.ppm")
        Image.fromarray(rgb.clip(0, 255).astype(np.uint8)).save(source)
        bases = {"rgb8": ["PNG24:"], "gray8": ["-colorspace", "Gray", "-define", "png:color-type=0", "PNG:"],
                 "rgb16": ["-depth", "16", "PNG48:"]}
        for kind, args in bases.items():
            base = os.path.join(tmp, kind + ".png")
            run("convert", source, "-strip", *args[:-1], args[-1] + base)
            for n in {"rgb8": range(6), "gray8": range(5), "rgb16": [4, 5]}[kind]:
                target = os.path.join(tmp, f"filter{n}_{kind}.png")
                run("optipng", "-quiet", "-force", "-nx", f"-f{n}", "-zc9", "-zm9", "-zs0", "-out", target, base)
                files[f"filter{n}_{kind}.png"] = open(target, "rb").read()
        jobs = {"interlaced_rgb8.png": ["-interlace", "PNG", "PNG24:"],
                "interlaced_rgba16.png": ["-alpha", "set", "-channel", "A", "-fx", "i/w", "+channel",
                                          "-depth", "16", "-interlace", "PNG", "PNG64:"],
                "palette8.png": ["-colors", "200", "PNG8:"],
                "with_metadata.png": ["-set", "comment", "made by ImageMagick", "PNG24:"]}
        for name, args in jobs.items():
            target = os.path.join(tmp, name)
            strip = [] if name == "with_metadata.png" else ["-strip"]
            run("convert", source, *strip, *args[:-1], args[-1] + target)
            files[name] = open(target, "rb").read()
    return files


def pillow():
    """Files written by Pillow (its own zlib-based encoder) in each mode it writes."""
    rng = np.random.default_rng(5)
    rgba = rng.integers(0, 256, (10, 12, 4), dtype=np.uint8)
    files = {}
    for mode in ("1", "L", "LA", "RGB", "RGBA", "P"):
        out = io.BytesIO()
        im = Image.fromarray(rgba).convert(mode) if mode != "P" else \
            Image.fromarray(rgba[..., :3]).quantize(colors=50)
        im.save(out, format="PNG", optimize=True)
        files[f"pillow_{mode}.png"] = out.getvalue()
    return files


# MARK: - Main

def main():
    suite_path = sys.argv[1]
    spec = importlib.util.spec_from_file_location("pngsuite", suite_path)
    suite = importlib.util.module_from_spec(spec)
    sys.modules["pngsuite"] = suite
    spec.loader.exec_module(suite)
    groups = {"pngsuite": {f"{k}.png": v for k, v in suite.png.items()},
              "generated": generated(), "libpng": libpng(), "pillow": pillow()}
    manifest = []
    for group, files in groups.items():
        os.makedirs(os.path.join(HERE, group), exist_ok=True)
        for name, data in sorted(files.items()):
            pixels, reference = expected_pixels(data, name)
            path = os.path.join(HERE, group, name)
            open(path, "wb").write(data)
            open(path[:-4] + ".raw", "wb").write(pixels.tobytes())
            reader = png.Reader(bytes=data)
            reader.preamble()
            manifest.append(dict(file=f"{group}/{name}", width=int(pixels.shape[1]), height=int(pixels.shape[0]),
                                 channels=int(pixels.shape[2]), bitDepth=reader.bitdepth,
                                 interlaced=bool(reader.interlace), reference=reference))
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    import make_broken_fixtures
    make_broken_fixtures.write(os.path.join(HERE, "invalid"), groups)


if __name__ == "__main__":
    sys.path.insert(0, HERE)
    main()
