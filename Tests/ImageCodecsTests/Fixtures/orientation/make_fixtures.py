"""Makes the orientation fixtures: a small crop of a real photo, and ImageMagick's own turn of it
for each EXIF orientation (the operation its -auto-orient applies for that tag value).

Run from this folder: python3 make_fixtures.py   (needs ImageMagick's `convert`)
"""
import subprocess

# PNG files without the date chunks ImageMagick adds, so that running this again changes nothing.
NO_DATES = ["-define", "png:exclude-chunks=date,time"]

PHOTO = "../../../../Datasets/photos/chelsea.png"
# The ImageMagick operation that shows a picture stored with each orientation upright.
OPERATIONS = {
    2: ["-flop"],
    3: ["-rotate", "180"],
    4: ["-flip"],
    5: ["-transpose"],
    6: ["-rotate", "90"],
    7: ["-transverse"],
    8: ["-rotate", "270"],
}

subprocess.run(["convert", PHOTO, "-crop", "9x5+200+120", "+repage", *NO_DATES, "stored.png"], check=True)
for value, operation in OPERATIONS.items():
    subprocess.run(["convert", "stored.png", *operation, *NO_DATES, f"upright-{value}.png"], check=True)

# JPEG photos whose EXIF Orientation tag is 1…8 (exiftool writes the tag into a cjpeg file), and
# what ImageMagick shows for each: decoded by libjpeg and turned by -auto-orient.
subprocess.run(["convert", PHOTO, "-crop", "16x10+200+120", "+repage", "/tmp/orientation-source.ppm"], check=True)
for value in range(1, 9):
    name = f"tagged-{value}.jpg"
    with open(name, "wb") as out:
        subprocess.run(["cjpeg", "-quality", "95", "/tmp/orientation-source.ppm"], stdout=out, check=True)
    byte_order = ["-ExifByteOrder=MM"] if value % 2 == 0 else ["-ExifByteOrder=II"]
    subprocess.run(
        ["exiftool", "-q", "-overwrite_original", *byte_order, f"-Orientation={value}", "-n", name], check=True)
    subprocess.run(["convert", name, "-auto-orient", *NO_DATES, f"tagged-{value}-upright.png"], check=True)
