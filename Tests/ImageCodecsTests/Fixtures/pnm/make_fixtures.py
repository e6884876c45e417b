"""Writes the PGM/PPM fixtures in this folder and the pixels Netpbm decodes them to.

Run from this folder with Pillow installed and Netpbm and ImageMagick on the PATH:

    python3 make_fixtures.py

See README.md for what each file is and which tool made it.
"""
import json
import os
import random
import subprocess

from PIL import Image

WIDTH, HEIGHT = 13, 7


def run(command, data=None):
    """Runs a shell command (Netpbm or ImageMagick), feeding `data` on stdin; returns stdout."""
    return subprocess.run(command, shell=True, input=data, capture_output=True, check=True).stdout


def source_rgb():
    """A 13x7 RGB test card: ramps, the extremes 0 and 255, and some random pixels."""
    rng = random.Random(2024)
    pixels = []
    for y in range(HEIGHT):
        for x in range(WIDTH):
            if y == 0:
                pixels += [x * 255 // (WIDTH - 1), 255 - x * 255 // (WIDTH - 1), 128]
            elif y == 1:
                pixels += [0, 0, 0] if x % 2 == 0 else [255, 255, 255]
            else:
                pixels += [rng.randrange(256) for _ in range(3)]
    return Image.frombytes("RGB", (WIDTH, HEIGHT), bytes(pixels))


def netpbm_pixels(path):
    """The 8-bit samples Netpbm reads from `path`: `pnmdepth 255` writes a binary file at maxval
    255, whose header (magic, width, height, maxval) is dropped here."""
    output = run(f"pnmdepth 255 {path}")
    fields, offset = [], 0
    while len(fields) < 4:
        while output[offset : offset + 1].isspace():
            offset += 1
        start = offset
        while not output[offset : offset + 1].isspace():
            offset += 1
        fields.append(output[start:offset])
    return fields, output[offset + 1 :]


def write(name, data):
    with open(name, "wb") as file:
        file.write(data)


def main():
    rgb = source_rgb()
    rgb.save("p6-maxval255-pillow.ppm")
    rgb.convert("L").save("p5-maxval255-pillow.pgm")
    write("p3-maxval255-magick.ppm", run("convert p6-maxval255-pillow.ppm -compress none ppm:-"))
    write("p2-maxval255-netpbm.pgm", run("pnmtoplainpnm p5-maxval255-pillow.pgm"))
    write("p5-maxval1-netpbm.pgm", run("pnmdepth 1 p5-maxval255-pillow.pgm"))
    write("p5-maxval15-netpbm.pgm", run("pnmdepth 15 p5-maxval255-pillow.pgm"))
    write("p3-maxval15-netpbm.ppm", run("pnmdepth 15 p6-maxval255-pillow.ppm | pnmtoplainpnm"))
    write("p6-maxval1000-netpbm.ppm", run("pnmdepth 1000 p6-maxval255-pillow.ppm"))
    write("p2-maxval1000-netpbm.pgm", run("pnmdepth 1000 p5-maxval255-pillow.pgm | pnmtoplainpnm"))
    write("p6-maxval65535-magick.ppm", run("convert p6-maxval255-pillow.ppm -depth 16 ppm:-"))
    write("p5-maxval65535-netpbm.pgm", run("pnmdepth 65535 p5-maxval255-pillow.pgm"))
    # Every 16-bit value class at once: 64x64 random samples, saved by Pillow as 16-bit PGM.
    rng = random.Random(65535)
    sixteen = Image.new("I;16", (64, 64))
    sixteen.putdata([rng.randrange(65536) for _ in range(64 * 64)])
    sixteen.save("p5-maxval65535-pillow.pgm")

    # Every sample value of a few maxvals, one row each, written here: the scaling rule on every
    # value, with exact halves (maxval 2 and 6) and two-byte samples (4095).
    for maxval in (2, 6, 100, 4095):
        values = range(maxval + 1)
        raster = bytes(values) if maxval < 256 else b"".join(v.to_bytes(2, "big") for v in values)
        write(f"p5-maxval{maxval}-every-value.pgm", b"P5\n%d 1\n%d\n" % (maxval + 1, maxval) + raster)

    # Hand-edited from tool output: comments and unusual whitespace in the header (and, for the
    # plain file, between samples), which the PGM/PPM specifications allow.
    p6 = open("p6-maxval255-pillow.ppm", "rb").read()
    raster = p6[len(b"P6\n13 7\n255\n") :]
    write("p6-comments-edited.ppm", b"P6 # made by Pillow, comments added\n\t13\r\n#another\n 7  \t255#last\n" + raster)
    plain = run("pnmtoplainpnm p5-maxval15-netpbm.pgm").split(b"\n", 3)
    samples = plain[3].split()
    body = b"".join(s + (b"\t" if (i + 1) % 5 else b"  # five more\r\n") for i, s in enumerate(samples[:-1]))
    body += samples[-1] + b"\n"
    write("p2-comments-edited.pgm", b"P2\n#size next\n13 7\n15\n" + body)

    expected = []
    for name in sorted(os.listdir(".")):
        if not name.endswith((".pgm", ".ppm")) or name.startswith("invalid-"):
            continue
        fields, pixels = netpbm_pixels(name)
        magic = open(name, "rb").read(2).decode()
        write(name + ".expected", pixels)
        # `pamfile -machine` prints "name: PPM RAW width height depth maxval tupletype".
        expected.append(
            {
                "file": name,
                "magic": magic,
                "width": int(fields[1]),
                "height": int(fields[2]),
                "channels": 3 if fields[0] == b"P6" else 1,
                "maxval": int(run(f"pamfile -machine {name}").split()[6]),
                "reference": "Netpbm 11.1.0 pnmdepth 255",
            }
        )
    with open("expected.json", "w") as file:
        json.dump(expected, file, indent=1)

    # Broken files, each for one error.
    p5 = open("p5-maxval255-pillow.pgm", "rb").read()
    write("invalid-truncated-p6.ppm", p6[:-10])
    write("invalid-truncated-p5-16bit.pgm", open("p5-maxval65535-netpbm.pgm", "rb").read()[:-1])
    write("invalid-truncated-p2.pgm", open("p2-maxval255-netpbm.pgm", "rb").read()[:-40])
    write("invalid-truncated-header.pgm", b"P5\n13 ")
    write("invalid-sample-above-maxval-p2.pgm", b"P2\n3 1\n15\n1 16 2\n")
    write("invalid-sample-above-maxval-p5.pgm", b"P5\n3 1\n15\n\x01\xc8\x02")
    write("invalid-sample-above-maxval-p6.ppm", b"P6\n1 1\n1000\n\x00\x01\x03\xe9\x00\x00")
    write("invalid-not-a-number-p3.ppm", b"P3\n1 1\n255\n1 x 3\n")
    write("invalid-maxval-zero.pgm", b"P5\n1 1\n0\n\x00")
    write("invalid-maxval-70000.pgm", b"P5\n1 1\n70000\n\x00\x00")
    write("invalid-zero-width.pgm", b"P5\n0 7\n255\n")
    write("invalid-width-not-a-number.pgm", b"P5\n13x 7\n255\n" + p5[-91:])
    write("invalid-bitmap-p1.pbm", run("pbmmake -white 5 3 | pnmtoplainpnm"))
    write("invalid-bitmap-p4.pbm", run("pbmmake -black 5 3"))
    write("invalid-pam-p7.pam", run("pamtopam < p6-maxval255-pillow.ppm"))


if __name__ == "__main__":
    main()
