"""Writes the BMP fixtures in this folder and the pixels Pillow (or ImageMagick) decodes them to.

Run from this folder with Pillow installed and ImageMagick 6 (`convert`) on the PATH:

    python3 make_fixtures.py

See README.md for what each file is and which tool made it.
"""
import json
import os
import struct
import subprocess

from PIL import Image

PHOTOS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../Datasets/photos")


def run(command, data=None):
    """Runs a shell command (ImageMagick), feeding `data` on stdin; returns stdout."""
    return subprocess.run(command, shell=True, input=data, capture_output=True, check=True).stdout


def crop(photo, box):
    """A crop of one of the lesson's photos, as RGB; `box` is (left, top, right, bottom)."""
    return Image.open(os.path.join(PHOTOS, photo)).convert("RGB").crop(box)


def write(name, data):
    with open(name, "wb") as file:
        file.write(data)


def read(name):
    with open(name, "rb") as file:
        return file.read()


def u32(data, offset):
    return struct.unpack_from("<I", data, offset)[0]


def with_u32(data, offset, value, signed=False):
    """`data` with the little-endian 32-bit field at `offset` replaced."""
    return data[:offset] + struct.pack("<i" if signed else "<I", value) + data[offset + 4 :]


def shrink_header(data, size):
    """A V5-header BMP rewritten with its info header cut to `size` bytes (V4 108, V3 56, V2 52):
    the fields they share sit at the same offsets, so only the sizes and bfOffBits change."""
    cut = u32(data, 14) - size
    data = data[:14 + size] + data[14 + u32(data, 14) :]
    data = with_u32(data, 14, size)
    data = with_u32(data, 10, u32(data, 10) - cut)
    return with_u32(data, 2, len(data))


def flip_to_top_down(data):
    """A bottom-up BMP (40-byte or later header, uncompressed) rewritten top-down: rows in
    reverse order and the height negated."""
    width, height, bits = struct.unpack_from("<iiH", data, 18)[0], u32(data, 22), struct.unpack_from("<H", data, 28)[0]
    stride = (width * bits + 31) // 32 * 4
    start = u32(data, 10)
    rows = [data[start + i * stride : start + (i + 1) * stride] for i in range(height)]
    data = data[:start] + b"".join(reversed(rows)) + data[start + height * stride :]
    return with_u32(data, 22, -height, signed=True)


def rle4_encode(indices, width):
    """RLE4 data for rows of 4-bit indices (bottom row first): a repeated pair of pixels becomes
    an encoded run, the rest absolute runs of 3 or more pixels (padded to 16 bits), so both
    kinds of run appear."""
    out = bytearray()
    for row in indices:
        x = 0
        while x < width:
            run = 1
            while x + run < width and run < 255 and row[x + run] == row[x + (run % 2)]:
                run += 1
            if run >= 4 or width - x < 3:
                out += bytes([run, row[x] << 4 | row[x + 1 if run > 1 else x]])
                x += run
                continue
            count = min(width - x, 3 + (x % 5))
            literal = row[x : x + count] + [0] * (count % 2)
            packed = bytes(literal[i] << 4 | literal[i + 1] for i in range(0, len(literal), 2))
            out += bytes([0, count]) + packed + b"\0" * (len(packed) % 2)
            x += count
        out += b"\0\0"
    return bytes(out + b"\0\1")


def channels_of(data):
    """4 when the file declares an alpha mask (bitfields with a V3+ header), else 3: our rule."""
    header = u32(data, 14)
    if header < 56 or u32(data, 30) not in (3, 6) or struct.unpack_from("<H", data, 28)[0] < 16:
        return 3
    return 4 if u32(data, 14 + 52) else 3


def pillow_pixels(name, channels):
    """Pillow's decoding as raw RGB or RGBA, or None when Pillow refuses the file or gives a
    different channel count than the rule above (it drops the alpha of 16-bit files)."""
    try:
        image = Image.open(name)
        image.load()
    except Exception:
        return None
    if ("A" in image.mode) != (channels == 4):
        return None
    return image.convert("RGBA" if channels == 4 else "RGB").tobytes()


def pillow_colour_magick_alpha(name):
    """For 16-bit files with alpha, which Pillow reads as RGB: Pillow's colours with ImageMagick's
    alpha, or None when either refuses the file."""
    try:
        image = Image.open(name).convert("RGB")
        alpha = magick_pixels(name, 4)[3::4]
    except Exception:
        return None
    rgb = image.tobytes()
    return b"".join(rgb[3 * i : 3 * i + 3] + alpha[i : i + 1] for i in range(len(alpha)))


def magick_pixels(name, channels):
    """ImageMagick's decoding as raw RGB or RGBA, or None when it refuses the file."""
    try:
        return run(f"convert {name} -depth 8 {'rgba' if channels == 4 else 'rgb'}:-")
    except subprocess.CalledProcessError:
        return None


def magick_rescaled_4bit_pixels(name, channels):
    """For 4-4-4-4 files, which Pillow refuses: ImageMagick 6 reads a 4-bit value v as v * 16
    (so white is 240), so its samples are brought to v * 17 = v * 255 / 15, the full range."""
    data = read(name)
    masks = struct.unpack_from("<4I", data, 54) if u32(data, 14) >= 56 else ()
    pixels = magick_pixels(name, channels)
    if masks != (0x0F00, 0x00F0, 0x000F, 0xF000) or pixels is None:
        return None
    assert all(sample % 16 == 0 for sample in pixels)
    return bytes(sample // 16 * 17 for sample in pixels)


def header_fields(name, data):
    """Width and height as Pillow (or, if it refuses the file, ImageMagick's `identify`) reads
    them, and the bits-per-pixel field."""
    try:
        width, height = Image.open(name).size
    except Exception:
        width, height = run(f"identify -format '%w %h' {name}").split()
    bits = struct.unpack_from("<H", data, 24 if u32(data, 14) == 12 else 28)[0]
    return int(width), int(height), bits


def main():
    cat = crop("chelsea.png", (200, 100, 213, 107))  # 13x7
    coffee = crop("coffee.png", (150, 120, 183, 137))  # 33x17
    astronaut = crop("astronaut.png", (180, 60, 211, 69))  # 31x9
    alpha = crop("astronaut.png", (100, 300, 133, 317)).convert("L")  # a real alpha plane
    with_alpha = coffee.copy()
    with_alpha.putalpha(alpha)
    cat.save("cat.png")
    coffee.save("coffee.png")
    with_alpha.save("coffee-alpha.png")

    # Tool-made files.
    run("convert coffee.png -colors 2 -compress none BMP3:pal1-magick.bmp")
    run("convert coffee.png -colors 16 -compress none BMP3:pal4-magick.bmp")
    run("convert cat.png -colors 64 BMP3:pal8-rle8-magick.bmp")
    run("convert cat.png -colors 256 -compress none BMP2:pal8-os2-magick.bmp")
    run("convert cat.png -type truecolor BMP2:rgb24-os2-magick.bmp")
    run("convert coffee.png -type truecolor BMP:rgb24-v5-magick.bmp")
    run("convert coffee.png -type truecolor -define bmp:subtype=RGB565 BMP:rgb565-magick.bmp")
    run("convert coffee.png -type truecolor -define bmp:subtype=RGB555 BMP:rgb555-magick.bmp")
    run("convert coffee-alpha.png -define bmp:subtype=ARGB4444 BMP:argb4444-magick.bmp")
    run("convert coffee-alpha.png -define bmp:subtype=ARGB1555 BMP:argb1555-magick.bmp")
    run("convert coffee-alpha.png BMP:rgba32-magick.bmp")
    coffee.quantize(200).save("pal8-pillow.bmp")
    cat.convert("L").save("gray8-pillow.bmp")
    astronaut.save("rgb24-pillow.bmp")
    with_alpha.save("rgbx32-pillow.bmp")  # BI_RGB 32-bit: the 4th byte holds alpha, readers ignore it

    # Edited from tool output (see README.md).
    write("rgba32-v4-edited.bmp", shrink_header(read("rgba32-magick.bmp"), 108))
    write("argb4444-v3-edited.bmp", shrink_header(read("argb4444-magick.bmp"), 56))
    write("rgb565-v2-edited.bmp", shrink_header(read("rgb565-magick.bmp"), 52))
    # A 52-byte header is a 40-byte one followed by the three masks, so relabelling it as 40 makes
    # the classic BITMAPINFOHEADER + BI_BITFIELDS layout.
    write("rgb565-info-header-edited.bmp", with_u32(read("rgb565-v2-edited.bmp"), 14, 40))
    # BI_RGB at 16 bits means 5-5-5: the same file with compression 0; the masks stay as unused
    # bytes before bfOffBits.
    write("rgb555-bi-rgb-edited.bmp", with_u32(with_u32(read("rgb555-magick.bmp"), 14, 40), 30, 0))
    write("rgb24-top-down-edited.bmp", flip_to_top_down(read("rgb24-pillow.bmp")))
    write("pal4-top-down-edited.bmp", flip_to_top_down(read("pal4-magick.bmp")))
    write("rgb565-top-down-edited.bmp", flip_to_top_down(read("rgb565-magick.bmp")))
    # Only 16 of the 200 colours listed as used: indices 16 and above are beyond the palette.
    write("pal8-short-palette-edited.bmp", with_u32(read("pal8-pillow.bmp"), 46, 16))
    pal4 = read("pal4-magick.bmp")
    start, stride = u32(pal4, 10), (33 * 4 + 31) // 32 * 4
    rows = [[b >> s & 15 for b in pal4[start + y * stride : start + y * stride + 17] for s in (4, 0)][:33] for y in range(17)]
    rle4 = pal4[:start] + rle4_encode(rows, 33)
    write("pal4-rle4-edited.bmp", with_u32(with_u32(with_u32(rle4, 30, 2), 34, len(rle4) - start), 2, len(rle4)))

    expected = []
    for name in sorted(os.listdir(".")):
        if not name.endswith(".bmp") or name.startswith("invalid-"):
            continue
        data = read(name)
        channels = channels_of(data)
        references = {
            "Pillow 13.0.0": pillow_pixels(name, channels),
            "Pillow 13.0.0 colour, ImageMagick 6.9.11-60 alpha": pillow_colour_magick_alpha(name) if channels == 4 else None,
            "ImageMagick 6.9.11-60, 4-bit v * 16 rescaled to v * 17": magick_rescaled_4bit_pixels(name, channels),
            "ImageMagick 6.9.11-60": magick_pixels(name, channels),
        }
        reference = next(tool for tool, pixels in references.items() if pixels is not None)
        pixels = references[reference]
        write(name + ".expected", pixels)
        others = {tool: other for tool, other in references.items() if other is not None and tool != reference}
        header = header_fields(name, data)
        expected.append(
            {
                "file": name,
                "width": header[0],
                "height": header[1],
                "channels": channels,
                "bitsPerPixel": header[2],
                "reference": reference,
                "agreeing": [tool for tool, other in others.items() if other == pixels],
                "largestDifference": {
                    tool: max(abs(a - b) for a, b in zip(other, pixels)) if len(other) == len(pixels) else "size"
                    for tool, other in others.items()
                    if other != pixels
                },
            }
        )
    with open("expected.json", "w") as file:
        json.dump(expected, file, indent=1)

    # Broken files, each for one error.
    rgb24 = read("rgb24-pillow.bmp")
    write("invalid-truncated-header.bmp", rgb24[:30])
    write("invalid-truncated-palette.bmp", read("pal8-pillow.bmp")[:54 + 100])
    write("invalid-truncated-pixels.bmp", rgb24[:-200])
    write("invalid-truncated-rle8.bmp", read("pal8-rle8-magick.bmp")[:-40])
    write("invalid-zero-width.bmp", with_u32(rgb24, 18, 0))
    write("invalid-bit-depth-7.bmp", rgb24[:28] + struct.pack("<H", 7) + rgb24[30:])
    write("invalid-huge-dimensions.bmp", with_u32(with_u32(rgb24, 18, 1_000_000), 22, 1_000_000))
    write("invalid-offset-past-end.bmp", with_u32(rgb24, 10, len(rgb24) + 1))
    write("invalid-header-size-20.bmp", with_u32(rgb24, 14, 20))
    write("invalid-jpeg-inside.bmp", with_u32(rgb24, 30, 4))
    write("invalid-compression-9.bmp", with_u32(rgb24, 30, 9))
    for name in ("cat.png", "coffee.png", "coffee-alpha.png"):
        os.remove(name)


if __name__ == "__main__":
    main()
