#!/usr/bin/env python3
"""Writes the zlib streams the inflate tests decompress; see README.md beside this file.

Run with any Python 3 (only the standard library's zlib, here zlib 1.2.13 / 1.3):
    python3 make_zlib_fixtures.py
Each `NAME.zlib` (or `NAME.deflate`, raw DEFLATE without header and checksum) decompresses to
`SOURCE.bin`, where SOURCE is the part of NAME before the first dot.
"""
import os
import random
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def sources():
    rng = random.Random(2083)
    words = ("the quick brown fox jumps over a lazy dog while pixels filter through "
             "huffman codes and sliding windows of thirty two kilobytes").split()
    text = " ".join(rng.choice(words) for _ in range(6000)).encode()
    # Scanline-like bytes: smooth ramps with noise, as filtered image rows look.
    ramp = bytes((i // 7 + rng.randrange(3)) % 256 for i in range(12_000))
    noise = bytes(rng.randrange(256) for _ in range(3000))  # incompressible: stored blocks
    return {"text": text, "ramp": ramp, "noise": noise}


def main():
    streams = {}
    for name, data in sources().items():
        with open(os.path.join(HERE, f"{name}.bin"), "wb") as f:
            f.write(data)
        for level in {"text": (1, 6, 9), "ramp": (0, 1, 6, 9), "noise": (0, 9)}[name]:
            streams[f"{name}.level{level}.zlib"] = zlib.compress(data, level)
    text = sources()["text"]
    for wbits in (9, 12, 15):
        streams[f"text.wbits{wbits}.zlib"] = compress(text, wbits=wbits)
    for strategy in ("Z_FILTERED", "Z_HUFFMAN_ONLY", "Z_RLE", "Z_FIXED"):
        streams[f"ramp.{strategy.lower()}.zlib"] = compress(sources()["ramp"], strategy=getattr(zlib, strategy))
    streams["text.raw.deflate"] = compress(text, wbits=-15)
    # Flushes between pieces: sync flushes add empty stored blocks, full flushes reset the window.
    packer = zlib.compressobj(6)
    pieces = [packer.compress(text[i:i + 4000]) + packer.flush(zlib.Z_SYNC_FLUSH if i % 8000 else zlib.Z_FULL_FLUSH)
              for i in range(0, len(text), 4000)]
    streams["text.flushed.zlib"] = b"".join(pieces) + packer.flush()
    for name, data in streams.items():
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)


def compress(data, level=9, wbits=15, strategy=zlib.Z_DEFAULT_STRATEGY):
    packer = zlib.compressobj(level, zlib.DEFLATED, wbits, 9, strategy)
    return packer.compress(data) + packer.flush()


if __name__ == "__main__":
    main()
