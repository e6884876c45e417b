"""Makes a small folder of class folders that mixes every format the loader reads with broken
and misnamed files, as a learner's own photo folder might.

Run from this folder: python3 make_fixtures.py   (needs ImageMagick's `convert` and cjpeg)
"""
import pathlib
import shutil
import subprocess

PHOTOS = pathlib.Path("../../../../Datasets/photos")
CROPS = {"cat": ("chelsea.png", "60x40+180+60"), "cup": ("coffee.png", "60x40+110+60")}

for folder in ["cat", "cup"]:
    shutil.rmtree(folder, ignore_errors=True)
    pathlib.Path(folder).mkdir()

for name, (photo, crop) in CROPS.items():
    source = f"/tmp/{name}-crop.ppm"
    subprocess.run(["convert", str(PHOTOS / photo), "-crop", crop, "+repage", source], check=True)
    subprocess.run(["convert", source, "-define", "png:exclude-chunks=date,time", f"{name}/photo.png"], check=True)
    subprocess.run(["convert", source, f"BMP3:{name}/photo.bmp"], check=True)
    with open(f"{name}/photo.jpg", "wb") as out:
        subprocess.run(["cjpeg", "-quality", "90", source], stdout=out, check=True)
    with open(f"{name}/progressive.jpeg", "wb") as out:
        subprocess.run(["cjpeg", "-quality", "80", "-progressive", source], stdout=out, check=True)

# A PNG saved with a .jpg name: decoded as what it is.
shutil.copy("cup/photo.png", "cup/misnamed-png.jpg")
# Broken files: each must be skipped, named and counted.
jpeg = pathlib.Path("cat/photo.jpg").read_bytes()
pathlib.Path("cat/cut-off.jpg").write_bytes(jpeg[:300])
pathlib.Path("cat/empty.png").write_bytes(b"")
pathlib.Path("cup/notes.bmp").write_bytes(b"BM these are notes, not a bitmap\n")
pathlib.Path("cup/animation.gif").write_bytes(b"GIF89a" + bytes(20))
