#!/usr/bin/env python3
"""Generate the `shapes` dataset: 32x32 RGB pictures of five shapes.

Run from the repository root (needs only numpy and Pillow):

    python3 Datasets/shapes/generate.py

It deletes Datasets/shapes/{train,val,test} and writes them again:
train/ 200, val/ 50 and test/ 50 images per class, as
<split>/<class>/0000.png, 0001.png, ... Every split has its own fixed seed,
so a rerun gives the same files. Other numpy or Pillow versions may change a
few pixels (see README.md); numpy 2.4.6 and Pillow 13.0.0 made the
committed files.

Each picture is drawn at SUPERSAMPLE times the final size and shrunk with
an area filter, which gives smooth edges. What varies from picture to
picture: background colour and texture (plain, gradient, stripes or soft
blobs), shape colour and its contrast with the background, size, stretch,
rotation, position, filled or outlined, an optional distractor mark, an
optional occluding bar, a slight blur and a little pixel noise.

The knobs that set how hard the task is are the constants below.
"""
import math
import os
import shutil

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

# --------------------------------------------------------------------------
# Layout
IMAGE_SIZE = 32               # final width and height in pixels
SUPERSAMPLE = 4               # drawn at IMAGE_SIZE * SUPERSAMPLE, then shrunk
CLASSES = ("circle", "plus", "square", "star", "triangle")  # sorted = labels 0..4
SPLITS = (                    # (folder, images per class, seed)
    ("train", 200, 20240101),
    ("val", 50, 20240202),
    ("test", 50, 20240303),
)

# Difficulty knobs (fractions are of the image width unless said otherwise).
# ROTATION, MAX_SHIFT and SHAPE_DIAMETER move the difficulty most: the lesson's
# first model (one 3x3 convolution, 2x2 pooling, then a dense layer) matches
# fixed templates and copes badly with shapes that move or turn. Colours,
# textures, blur and noise matter much less to it. With ROTATION 180 and
# MAX_SHIFT 0.20 that model stays near chance (about 22 % validation accuracy);
# with the values below it reaches about 73 % (see README.md).
SHAPE_DIAMETER = (0.50, 0.80)  # diameter of the shape's outer circle
MAX_SHIFT = 0.04               # largest shift of the shape centre from the image centre, per axis
ROTATION = 12.0                # shape turned by up to +/- this many degrees from upright
STRETCH = 0.18                 # one axis scaled by a factor in [1 - STRETCH, 1 + STRETCH]
OUTLINE_PROB = 0.15            # chance the shape is drawn as a thick outline only
OUTLINE_WIDTH = (0.07, 0.12)   # outline stroke width
CONTRAST = (45.0, 230.0)       # RGB distance between shape colour and mean background
SHAPE_SHADE = 0.20             # light falloff across the shape (0 = flat colour)
BACKGROUNDS = {                # background kind -> weight
    "plain": 0.15,
    "gradient": 0.35,
    "stripes": 0.25,
    "blobs": 0.25,
}
TEXTURE_STRENGTH = (0.15, 0.60)  # how far a background's second colour strays from its first
STRIPE_PERIOD = (0.10, 0.35)     # stripe period
DISTRACTOR_PROB = 0.35           # chance of one extra line or dot
OCCLUDER_PROB = 0.20             # chance of a bar that covers part of the shape
BLUR_RADIUS = (0.0, 0.7)         # Gaussian blur radius, final-size pixels
NOISE_STD = (0.0, 5.0)           # Gaussian pixel noise, in 0..255 units

# --------------------------------------------------------------------------
HERE = os.path.dirname(os.path.abspath(__file__))
BIG = IMAGE_SIZE * SUPERSAMPLE


def unit_shape(name, rng):
    """Outline of a shape as an (N, 2) array, centred at 0, outer radius about 1."""
    if name == "circle":
        a = np.linspace(0, 2 * math.pi, 96, endpoint=False)
        return 0.80 * np.stack([np.cos(a), np.sin(a)], 1)
    if name == "square":
        h = 0.71
        return np.array([[-h, -h], [h, -h], [h, h], [-h, h]])
    if name == "triangle":
        a = -math.pi / 2 + np.arange(3) * 2 * math.pi / 3
        return 1.08 * np.stack([np.cos(a), np.sin(a)], 1)
    if name == "star":
        inner = rng.uniform(0.40, 0.52)
        a = -math.pi / 2 + np.arange(10) * math.pi / 5
        r = np.where(np.arange(10) % 2 == 0, 1.0, inner)
        return 1.08 * np.stack([r * np.cos(a), r * np.sin(a)], 1)
    if name == "plus":
        w = rng.uniform(0.24, 0.34)
        return np.array([
            [-w, -1], [w, -1], [w, -w], [1, -w], [1, w], [w, w],
            [w, 1], [-w, 1], [-w, w], [-1, w], [-1, -w], [-w, -w],
        ]) * 0.95
    raise ValueError(name)


def place(points, centre, radius, angle, stretch, stretch_angle):
    """Stretch along a random axis, rotate, scale to `radius` pixels and move to `centre`."""
    c, s = math.cos(stretch_angle), math.sin(stretch_angle)
    to_axis = np.array([[c, -s], [s, c]])
    p = points @ to_axis
    p[:, 0] *= stretch
    p = p @ to_axis.T
    c, s = math.cos(angle), math.sin(angle)
    p = p @ np.array([[c, s], [-s, c]])
    return p * radius + np.asarray(centre)


def polygon_mask(points, outline_width=0):
    mask = Image.new("L", (BIG, BIG), 0)
    draw = ImageDraw.Draw(mask)
    xy = [tuple(map(float, p)) for p in points]
    if outline_width > 0:
        draw.line(xy + [xy[0], xy[1]], fill=255, width=int(outline_width), joint="curve")
    else:
        draw.polygon(xy, fill=255)
    return np.asarray(mask, dtype=np.float32) / 255.0


def random_colour(rng):
    return rng.uniform(0, 255, 3)


def background(rng):
    """Background as a (BIG, BIG, 3) float array, plus its mean colour."""
    kinds = list(BACKGROUNDS)
    weights = np.array([BACKGROUNDS[k] for k in kinds], dtype=float)
    kind = kinds[rng.choice(len(kinds), p=weights / weights.sum())]
    c1 = random_colour(rng)
    c2 = c1 + rng.uniform(*TEXTURE_STRENGTH) * (random_colour(rng) - c1) * 1.5
    c2 = np.clip(c2, 0, 255)
    y, x = np.mgrid[0:BIG, 0:BIG].astype(np.float32) / BIG
    a = rng.uniform(0, 2 * math.pi)
    along = x * math.cos(a) + y * math.sin(a)
    if kind == "plain":
        t = np.zeros_like(x)
    elif kind == "gradient":
        t = (along - along.min()) / (along.max() - along.min())
    elif kind == "stripes":
        period = rng.uniform(*STRIPE_PERIOD)
        t = 0.5 + 0.5 * np.sin(2 * math.pi * along / period + rng.uniform(0, 2 * math.pi))
        if rng.random() < 0.5:   # hard-edged stripes
            t = (t > 0.5).astype(np.float32)
    else:  # blobs
        t = np.zeros_like(x)
        for _ in range(rng.integers(3, 8)):
            cx, cy = rng.uniform(-0.1, 1.1, 2)
            sigma = rng.uniform(0.08, 0.25)
            t += rng.uniform(0.4, 1.0) * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * sigma ** 2))
        t = np.clip(t, 0, 1)
    img = c1 + t[..., None] * (c2 - c1)
    return img, img.reshape(-1, 3).mean(0)


def shape_colour(rng, bg_mean):
    lo, hi = CONTRAST
    best = None
    for _ in range(200):
        col = random_colour(rng)
        d = float(np.linalg.norm(col - bg_mean))
        if lo <= d <= hi:
            return col
        if best is None or abs(d - lo) < abs(best[0] - lo):
            best = (d, col)
    return best[1]


def paint(img, mask, colour):
    m = mask[..., None]
    return img * (1 - m) + np.asarray(colour) * m


def distractor(rng, img):
    mask = Image.new("L", (BIG, BIG), 0)
    draw = ImageDraw.Draw(mask)
    if rng.random() < 0.5:   # a line
        x0, y0, x1, y1 = rng.uniform(0, BIG, 4)
        draw.line([(x0, y0), (x1, y1)], fill=255, width=int(rng.uniform(0.02, 0.05) * BIG))
    else:                    # a small dot
        r = rng.uniform(0.03, 0.07) * BIG
        cx, cy = rng.uniform(0, BIG, 2)
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=255)
    return paint(img, np.asarray(mask, dtype=np.float32) / 255.0, random_colour(rng))


def occluder(rng, img, centre, radius):
    """A bar whose near edge lies somewhere across the shape."""
    a = rng.uniform(0, 2 * math.pi)
    normal = np.array([math.cos(a), math.sin(a)])
    tangent = np.array([-normal[1], normal[0]])
    edge = np.asarray(centre) + normal * radius * rng.uniform(0.3, 0.8)
    depth = rng.uniform(0.08, 0.25) * BIG
    half = BIG
    pts = [edge - tangent * half, edge + tangent * half,
           edge + tangent * half + normal * depth, edge - tangent * half + normal * depth]
    mask = polygon_mask(np.array(pts))
    return paint(img, mask, random_colour(rng))


def make_image(name, rng):
    img, bg_mean = background(rng)
    if rng.random() < DISTRACTOR_PROB:
        img = distractor(rng, img)

    radius = rng.uniform(*SHAPE_DIAMETER) * BIG / 2
    centre = BIG / 2 + rng.uniform(-MAX_SHIFT, MAX_SHIFT, 2) * BIG
    points = place(unit_shape(name, rng), centre, radius,
                   angle=math.radians(rng.uniform(-ROTATION, ROTATION)),
                   stretch=rng.uniform(1 - STRETCH, 1 + STRETCH),
                   stretch_angle=rng.uniform(0, math.pi))
    width = 0
    if rng.random() < OUTLINE_PROB:
        width = rng.uniform(*OUTLINE_WIDTH) * BIG
    mask = polygon_mask(points, width)

    colour = shape_colour(rng, bg_mean)
    # a soft light falloff across the shape
    y, x = np.mgrid[0:BIG, 0:BIG].astype(np.float32)
    a = rng.uniform(0, 2 * math.pi)
    t = ((x - centre[0]) * math.cos(a) + (y - centre[1]) * math.sin(a)) / max(radius, 1.0)
    shade = 1 + SHAPE_SHADE * rng.uniform(0, 1) * np.clip(t, -1, 1)
    fill = np.clip(colour * shade[..., None], 0, 255)
    m = mask[..., None]
    img = img * (1 - m) + fill * m

    if rng.random() < OCCLUDER_PROB:
        img = occluder(rng, img, centre, radius)

    small = Image.fromarray(np.clip(np.rint(img), 0, 255).astype(np.uint8))
    small = small.resize((IMAGE_SIZE, IMAGE_SIZE), Image.Resampling.BOX)
    blur = rng.uniform(*BLUR_RADIUS)
    if blur > 0.05:
        small = small.filter(ImageFilter.GaussianBlur(blur))
    arr = np.asarray(small, dtype=np.float32)
    arr = arr + rng.normal(0, rng.uniform(*NOISE_STD), arr.shape)
    return Image.fromarray(np.clip(np.rint(arr), 0, 255).astype(np.uint8))


def main():
    total = 0
    for split, per_class, seed in SPLITS:
        shutil.rmtree(os.path.join(HERE, split), ignore_errors=True)
        rng = np.random.default_rng(seed)
        for name in CLASSES:
            os.makedirs(os.path.join(HERE, split, name))
        # one random stream per split, classes taken in turn, so that the
        # conditions (backgrounds, colours ...) are spread evenly over the classes
        for i in range(per_class):
            for name in CLASSES:
                image = make_image(name, rng)
                image.save(os.path.join(HERE, split, name, f"{i:04d}.png"), optimize=True)
                total += 1
    print(f"wrote {total} images under {HERE}")


if __name__ == "__main__":
    main()
