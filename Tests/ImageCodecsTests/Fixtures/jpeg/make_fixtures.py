#!/usr/bin/env python3
"""Makes the JPEG decoder's fixtures and their reference pixels; see README.md beside this file.

Tools (Debian bookworm): libjpeg-turbo-progs 2.1.5 (cjpeg, djpeg, jpegtran), libjpeg62-turbo-dev
2.1.5 and gcc (for the YCCK writer), ImageMagick 6.9.11-60, exiftool 12.57, Python 3.11 with
Pillow 13.0.0 and numpy.

    python3 make_fixtures.py

Valid files get their reference pixels beside them from `djpeg -pnm` (islow IDCT, fancy
upsampling: djpeg's defaults), and `NAME.scale2.pnm`, `.scale4.pnm`, `.scale8.pnm` from
`djpeg -scale 1/N` for the files listed with scales. `expected.json` lists each valid file;
`broken.json` lists each damaged or unsupported file and the problem it must give.
"""
import json
import os
import subprocess
import tempfile

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
PHOTOS = os.path.join(HERE, "../../../../Datasets/photos")
TMP = tempfile.mkdtemp()

YCCK_WRITER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <jpeglib.h>
/* Writes a CMYK PPM-like raw input (width height, then w*h*4 bytes, inverted CMYK as Adobe
   stores it) as an Adobe YCCK JPEG: ycck_writer W H in.raw out.jpg */
int main(int argc, char **argv) {
  int w = atoi(argv[1]), h = atoi(argv[2]);
  unsigned char *data = malloc((size_t)w * h * 4);
  FILE *in = fopen(argv[3], "rb"); fread(data, 1, (size_t)w * h * 4, in); fclose(in);
  struct jpeg_compress_struct c; struct jpeg_error_mgr e;
  c.err = jpeg_std_error(&e); jpeg_create_compress(&c);
  FILE *out = fopen(argv[4], "wb"); jpeg_stdio_dest(&c, out);
  c.image_width = w; c.image_height = h; c.input_components = 4; c.in_color_space = JCS_CMYK;
  jpeg_set_defaults(&c); jpeg_set_colorspace(&c, JCS_YCCK); jpeg_set_quality(&c, 90, TRUE);
  jpeg_start_compress(&c, TRUE);
  while (c.next_scanline < c.image_height) {
    JSAMPROW row = data + (size_t)c.next_scanline * w * 4; jpeg_write_scanlines(&c, &row, 1);
  }
  jpeg_finish_compress(&c); fclose(out); return 0;
}
"""


def run(*args, stdin=None):
    return subprocess.run(args, input=stdin, check=True, capture_output=True).stdout


def path(name):
    full = os.path.join(HERE, name)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    return full


def source(name, photo, box, size=None, gray=False):
    """Crops (and resizes) a photo to a small PPM/PGM in the temporary folder."""
    image = Image.open(os.path.join(PHOTOS, photo)).convert("RGB").crop(box)
    if size:
        image = image.resize(size, Image.LANCZOS)
    if gray:
        image = image.convert("L")
    out = os.path.join(TMP, name + (".pgm" if gray else ".ppm"))
    image.save(out)
    return out


def cjpeg(name, input_file, *options):
    run("cjpeg", *options, "-outfile", path(name), input_file)
    return name


def reference(name, scales=()):
    """Writes djpeg's output beside the fixture: NAME.pnm, and NAME.scaleN.pnm per scale."""
    base = path(name)[:-4]
    with open(base + ".pnm", "wb") as f:
        f.write(run("djpeg", "-pnm", path(name)))
    for scale in scales:
        with open(base + f".scale{scale}.pnm", "wb") as f:
            f.write(run("djpeg", "-pnm", "-scale", f"1/{scale}", path(name)))


def segments(data):
    """Splits a JPEG into (marker, whole segment bytes) up to and including SOS; then the rest."""
    out, pos = [], 2
    while pos < len(data):
        marker = data[pos + 1]
        length = int.from_bytes(data[pos + 2:pos + 4], "big")
        out.append((marker, data[pos:pos + 2 + length]))
        pos += 2 + length
        if marker == 0xDA:
            out.append((None, data[pos:]))
            break
    return out


def join(parts):
    return b"\xff\xd8" + b"".join(part for _, part in parts)


def main():
    cat = source("cat", "chelsea.png", (200, 60, 261, 107))  # 61×47: partial MCUs both ways
    cup = source("cup", "coffee.png", (250, 150, 283, 185))  # 33×35
    face = source("face", "astronaut.png", (180, 80, 225, 109), gray=True)  # 45×29 gray
    tiny = source("tiny", "chelsea.png", (220, 70, 236, 86))  # 16×16, for orientation tags
    expected = []

    def valid(name, scales=(), note=""):
        reference(name, scales)
        expected.append({"file": name, "scales": list(scales), "note": note})

    # Baseline, every common sampling.
    for sampling, label in [("1x1", "444"), ("2x1", "422"), ("2x2", "420"), ("1x2", "440"), ("4x1", "411")]:
        name = cjpeg(f"baseline/cat_{label}.jpg", cat, "-quality", "85", "-sample", sampling)
        valid(name, scales=(2, 4, 8), note=f"cjpeg -quality 85 -sample {sampling}")
    valid(cjpeg("baseline/cup_420.jpg", cup, "-quality", "75"), scales=(2, 4, 8), note="cjpeg -quality 75")
    valid(cjpeg("baseline/cat_optimized.jpg", cat, "-optimize"), note="cjpeg -optimize")
    valid(cjpeg("baseline/face_gray.jpg", face), scales=(2, 4, 8), note="cjpeg on a PGM")
    valid(cjpeg("baseline/cup_grayscale.jpg", cup, "-grayscale"), note="cjpeg -grayscale")
    valid(cjpeg("baseline/cat_rgb.jpg", cat, "-rgb", "-sample", "1x1"), note="cjpeg -rgb (Adobe transform 0)")
    valid(cjpeg("baseline/cat_restart_rows.jpg", cat, "-restart", "1"), note="cjpeg -restart 1 (every MCU row)")
    valid(cjpeg("baseline/cat_restart_2blocks.jpg", cat, "-restart", "2B", "-sample", "1x1"),
          note="cjpeg -restart 2B -sample 1x1 (every 2 MCUs)")
    valid(cjpeg("baseline/cat_quality100.jpg", cat, "-quality", "100"), note="cjpeg -quality 100 (all steps 1)")
    valid(cjpeg("baseline/cat_extended_16bit_dqt.jpg", cat, "-quality", "2"),
          note="cjpeg -quality 2: steps above 255, so 16-bit DQT and SOF1")

    # Progressive.
    valid(cjpeg("progressive/cat_420.jpg", cat, "-progressive"), scales=(2, 4, 8), note="cjpeg -progressive")
    valid(cjpeg("progressive/cat_444_restarts.jpg", cat, "-progressive", "-sample", "1x1", "-restart", "1"),
          note="cjpeg -progressive -sample 1x1 -restart 1")
    valid(cjpeg("progressive/cup_422.jpg", cup, "-progressive", "-sample", "2x1", "-optimize"),
          scales=(2, 4, 8), note="cjpeg -progressive -sample 2x1 -optimize")
    valid(cjpeg("progressive/face_gray.jpg", face, "-progressive"), note="cjpeg -progressive on a PGM")
    script = os.path.join(TMP, "scans.txt")
    with open(script, "w") as f:
        # DC of all components with successive approximation, AC bands with spectral
        # selection, then two refinement passes per component.
        f.write("0,1,2: 0-0, 0, 2;\n"
                "0: 1-5, 0, 2;\n2: 1-63, 0, 1;\n1: 1-63, 0, 1;\n0: 6-63, 0, 2;\n"
                "0,1,2: 0-0, 2, 1;\n0,1,2: 0-0, 1, 0;\n"
                "0: 1-63, 2, 1;\n2: 1-63, 1, 0;\n1: 1-63, 1, 0;\n0: 1-63, 1, 0;\n")
    valid(cjpeg("progressive/cat_scans.jpg", cat, "-scans", script, "-sample", "2x1"),
          scales=(2,), note="cjpeg -scans (spectral selection and successive approximation) -sample 2x1")

    # Pillow's encoder (libjpeg-turbo inside, but its own settings and markers).
    image = Image.open(cat)
    image.save(path("pillow/cat_q90.jpg"), quality=90)
    valid("pillow/cat_q90.jpg", note="Pillow quality=90 (4:2:0)")
    Image.open(cup).save(path("pillow/cup_progressive_444.jpg"), quality=80, progressive=True, subsampling=0)
    valid("pillow/cup_progressive_444.jpg", note="Pillow quality=80, progressive, subsampling=0")

    # Four components: Adobe CMYK from ImageMagick, YCCK from a libjpeg program.
    run("convert", cat, "-colorspace", "CMYK", "-quality", "90", path("cmyk/cat_imagemagick.jpg"))
    valid("cmyk/cat_imagemagick.jpg", note="ImageMagick -colorspace CMYK (it writes Adobe YCCK, transform 2)")
    Image.open(cat).convert("CMYK").save(path("cmyk/cat_pillow_cmyk.jpg"), quality=90)
    valid("cmyk/cat_pillow_cmyk.jpg", note="Pillow mode CMYK, quality=90 (Adobe inverted CMYK, transform 0)")
    writer = os.path.join(TMP, "ycck_writer")
    with open(writer + ".c", "w") as f:
        f.write(YCCK_WRITER)
    run("gcc", "-O1", "-o", writer, writer + ".c", "-ljpeg")
    cmyk = Image.open(cup).convert("CMYK")  # Pillow's plain CMYK; invert for Adobe's convention
    raw = bytes(255 - v for v in cmyk.tobytes())
    raw_path = os.path.join(TMP, "cup.cmyk")
    with open(raw_path, "wb") as f:
        f.write(raw)
    run(writer, str(cmyk.width), str(cmyk.height), raw_path, path("cmyk/cup_ycck.jpg"))
    valid("cmyk/cup_ycck.jpg", note="libjpeg jpeg_set_colorspace(JCS_YCCK) (Adobe transform 2)")

    with open(path("expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")

    make_orientation(tiny)
    make_broken(cat)


def make_orientation(tiny):
    """One small file per EXIF orientation 1…8, written by exiftool in both byte orders."""
    plain = cjpeg("orientation/plain.jpg", tiny, "-quality", "50")
    for order in ("MM", "II"):
        for value in range(1, 9):
            name = path(f"orientation/{order}_{value}.jpg")
            if os.path.exists(name):
                os.remove(name)  # exiftool -o never overwrites
            run("exiftool", "-q", "-o", name, f"-ExifByteOrder={order}", f"-Orientation={value}", "-n", path(plain))


def make_broken(cat):
    """Damaged and unsupported files, each with the problem (case and words in its detail)."""
    good = open(path(cjpeg("broken/source_baseline.jpg", cat, "-quality", "85")), "rb").read()
    progressive = open(path(cjpeg("broken/source_progressive.jpg", cat, "-progressive")), "rb").read()
    os.remove(path("broken/source_baseline.jpg"))
    os.remove(path("broken/source_progressive.jpg"))
    parts = segments(good)
    sos_start = good.index(b"\xff\xda")
    dht_start = good.index(b"\xff\xc4")
    broken = []

    def write(name, data, case, detail):
        with open(path("broken/" + name), "wb") as f:
            f.write(data)
        broken.append({"file": "broken/" + name, "problem": case, "detail": detail})

    write("truncated_in_header.jpg", good[:dht_start + 20], "truncated", "segment FF C4")
    write("truncated_in_scan.jpg", good[:sos_start + (len(good) - sos_start) // 2], "truncated", "inside a scan")
    write("truncated_before_eoi.jpg", good[:-2], "truncated", "end-of-image")
    scan_starts = [i for i in range(len(progressive) - 1) if progressive[i:i + 2] == b"\xff\xda"]
    write("truncated_between_scans.jpg", progressive[:scan_starts[4]], "truncated", "4 complete scans")
    write("only_signature.jpg", good[:3], "truncated", "marker")

    oversubscribed = bytearray(good)
    counts = dht_start + 5  # FF C4, length (2), class/index, then the 16 counts
    # Three 1-bit codes (only two fit); the symbol count is kept by taking three from length 3.
    assert oversubscribed[counts + 2] >= 3
    oversubscribed[counts] += 3
    oversubscribed[counts + 2] -= 3
    write("oversubscribed_dht.jpg", bytes(oversubscribed), "invalidHeader", "over-subscribed")

    write("no_sos.jpg", join([p for p in parts if p[0] not in (0xDA, None)]) + b"\xff\xd9",
          "invalidHeader", "no scan")
    write("no_sof.jpg", join([p for p in parts if p[0] != 0xC0]), "invalidHeader", "before the frame header")
    write("no_dht.jpg", join([p for p in parts if p[0] != 0xC4]), "invalidHeader", "Huffman table")
    write("no_dqt.jpg", join([p for p in parts if p[0] != 0xDB]), "invalidHeader", "quantisation table")

    sof = good.index(b"\xff\xc0")
    zero = bytearray(good)
    zero[sof + 7:sof + 9] = b"\x00\x00"  # width 0
    write("zero_width.jpg", bytes(zero), "invalidHeader", "0×47 pixels")
    huge = bytearray(good)
    huge[sof + 5:sof + 9] = b"\xff\xff\xff\xff"
    write("huge.jpg", bytes(huge), "tooLarge", "65535×65535")

    bad_component = bytearray(good)
    bad_component[sos_start + 5] = 9  # the first scan component's ID
    write("scan_names_missing_component.jpg", bytes(bad_component), "invalidHeader", "component 9")
    bad_spectral = bytearray(progressive)
    second = scan_starts[1]
    count = progressive[second + 4]
    bad_spectral[second + 5 + 2 * count + 1] = 0  # Se = 0 < Ss in an AC scan
    write("progressive_bad_spectral_range.jpg", bytes(bad_spectral), "invalidHeader", "Ss ≤ Se")

    for marker, name, detail in [(0xC3, "lossless_sof3.jpg", "lossless JPEG"), (0xC5, "hierarchical_sof5.jpg", "hierarchical")]:
        patched = bytearray(good)
        patched[sof + 1] = marker
        write(name, bytes(patched), "unsupportedFeature", detail)
    twelve = bytearray(good)
    twelve[sof + 4] = 12
    write("precision_12bit.jpg", bytes(twelve), "unsupportedFeature", "12-bit JPEG")
    run("cjpeg", "-arithmetic", "-outfile", path("broken/arithmetic.jpg"), cat)
    broken.append({"file": "broken/arithmetic.jpg", "problem": "unsupportedFeature", "detail": "arithmetic-coded JPEG (SOF9)"})
    run("cjpeg", "-arithmetic", "-progressive", "-outfile", path("broken/arithmetic_progressive.jpg"), cat)
    broken.append({"file": "broken/arithmetic_progressive.jpg", "problem": "unsupportedFeature",
                   "detail": "arithmetic-coded JPEG (SOF10)"})

    with open(path("broken.json"), "w") as f:
        json.dump(broken, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
