"""Writes the PBM/PGM/PPM fixtures in this folder and the pixels Netpbm decodes them to.

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

    # Bitmaps (PBM: 1 is black), raw rows padded to whole bytes: 13 and 5 columns leave 3 bits
    # of padding, 17 columns leave 7.
    rgb.convert("1").save("p4-pillow.pbm")
    write("p1-netpbm.pbm", run("pnmtoplainpnm p4-pillow.pbm"))
    write("p1-magick.pbm", run("convert p4-pillow.pbm -compress none pbm:-"))
    write("p4-magick.pbm", run("convert p5-maxval255-pillow.pgm -threshold 50% pbm:-"))
    write("p4-width17-netpbm.pbm", run("pbmmake -gray 17 5"))
    write("p1-white-netpbm.pbm", run("pbmmake -white 5 3 | pnmtoplainpnm"))
    write("p4-black-netpbm.pbm", run("pbmmake -black 5 3"))
    # Hand-edited: padding bits set to 1, which readers ignore; and a plain file with comments
    # in the header and between bits, CR LF, tabs, and bits with no space between them.
    p4 = open("p4-pillow.pbm", "rb").read()
    header = b"P4\n13 7\n"
    write("p4-padding-bits-set-edited.pbm", header + bytes(b | 0x07 if i % 2 else b for i, b in enumerate(p4[len(header) :])))
    rows = run("pnmtoplainpnm p4-pillow.pbm").split(b"\n")[2:9]
    body = b"".join(row[:6] + b"\t# six bits, then seven\r\n" + b" ".join(row[i : i + 1] for i in range(6, len(row))) + b"\r\n" for row in rows)
    write("p1-comments-edited.pbm", b"P1 # plain bitmap\n13\t#width\n7\n" + body)

    expected = []
    for name in sorted(os.listdir(".")):
        if not name.endswith((".pbm", ".pgm", ".ppm")) or name.startswith("invalid-"):
            continue
        fields, pixels = netpbm_pixels(name)
        if name.endswith(".pbm"):
            # Pillow, the second reference, decodes every bitmap to the same pixels.
            assert Image.open(name).convert("L").tobytes() == pixels, name
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
    write("invalid-truncated-p4.pbm", p4[:-3])
    write("invalid-truncated-p1.pbm", open("p1-netpbm.pbm", "rb").read()[:-20])
    write("invalid-truncated-header-p4.pbm", b"P4\n13")
    write("invalid-bad-bit-p1.pbm", b"P1\n3 1\n0 2 1\n")
    write("invalid-pam-p7.pam", run("pamtopam < p6-maxval255-pillow.ppm"))


if __name__ == "__main__":
    main()
