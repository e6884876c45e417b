"""Makes the orientation fixtures: a small crop of a real photo, and ImageMagick's own turn of it
for each EXIF orientation (the operation its -auto-orient applies for that tag value).

Run from this folder: python3 make_fixtures.py   (needs ImageMagick's `convert`)
"""
import subprocess

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

subprocess.run(["convert", PHOTO, "-crop", "9x5+200+120", "+repage", "stored.png"], check=True)
for value, operation in OPERATIONS.items():
    subprocess.run(["convert", "stored.png", *operation, f"upright-{value}.png"], check=True)
