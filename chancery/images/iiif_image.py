"""The IIIF Image API 3.0 at level 2 over one stored image: parsing a request's region,
size, rotation, quality and format as the specification says (a 400 naming the parameter
for what it forbids), and making the image with libvips (pyvips).

Each image gets a tiled pyramid once (a TIFF of 256-pixel JPEG tiles at every halving,
made on first request, kept node-local under the archive's cache folder), so that a tile at
any zoom is read from the level nearest it instead of decoding the whole scan; each answer
is kept too, so the same tile is read from disk the second time.
https://iiif.io/api/image/3.0/
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pyvips

from chancery.errors import InputError

TILE = 256
MAX_AREA = 100_000_000  # pixels of one answer: the limit info.json announces as maxArea
QUALITIES = ("default", "color", "gray", "bitonal")
FORMATS = {"jpg": "image/jpeg", "png": "image/png"}
JPEG_QUALITY = 85
_NUMBER = r"\d+(?:\.\d+)?"


class IiifRequestError(InputError):
    """A request the specification answers with 400 Bad Request."""


@dataclass(frozen=True, slots=True)
class ImageRequest:
    """A request made concrete for one image: the region in its pixels, the size to make,
    mirroring and rotation, quality and format."""

    x: int
    y: int
    width: int
    height: int
    target_width: int
    target_height: int
    mirror: bool
    rotation: float
    quality: str
    format: str

    @property
    def key(self) -> str:
        return (f"{self.x},{self.y},{self.width},{self.height}-{self.target_width},"
                f"{self.target_height}-{'!' if self.mirror else ''}{self.rotation:g}-"
                f"{self.quality}.{self.format}")


def parse(region: str, size: str, rotation: str, quality_format: str, image_width: int,
          image_height: int, max_area: int = MAX_AREA) -> ImageRequest:
    """The request for an image of this size; IiifRequestError for what the spec refuses."""
    x, y, width, height = _region(region, image_width, image_height)
    target_width, target_height = _size(size, width, height, max_area)
    mirror, angle = _rotation(rotation)
    quality, _, format_name = quality_format.rpartition(".")
    if quality not in QUALITIES:
        raise IiifRequestError(f"quality {quality!r}: one of {', '.join(QUALITIES)}")
    if format_name not in FORMATS:
        raise IiifRequestError(f"format {format_name!r}: this server makes jpg and png")
    return ImageRequest(x, y, width, height, target_width, target_height, mirror, angle,
                        quality, format_name)


def _region(region: str, image_width: int, image_height: int) -> tuple[int, int, int, int]:
    if region == "full":
        return 0, 0, image_width, image_height
    if region == "square":
        side = min(image_width, image_height)
        return (image_width - side) // 2, (image_height - side) // 2, side, side
    percent = region.startswith("pct:")
    numbers = region[4:] if percent else region
    pattern = _NUMBER if percent else r"\d+"
    if not re.fullmatch(",".join([pattern] * 4), numbers):
        raise IiifRequestError(f"region {region!r}: full, square, x,y,w,h or pct:x,y,w,h")
    x, y, width, height = (float(part) for part in numbers.split(","))
    if percent:
        x, width = x * image_width / 100, width * image_width / 100
        y, height = y * image_height / 100, height * image_height / 100
    x, y = round(x), round(y)
    width, height = round(width), round(height)
    if width <= 0 or height <= 0:
        raise IiifRequestError(f"region {region!r} has no width or height")
    if x >= image_width or y >= image_height:
        raise IiifRequestError(f"region {region!r} lies outside the image "
                               f"({image_width} x {image_height})")
    # a region reaching past the edge is cut at it (the specification's rule)
    return x, y, min(width, image_width - x), min(height, image_height - y)


def _size(size: str, width: int, height: int, max_area: int) -> tuple[int, int]:
    upscale = size.startswith("^")
    spec = size[1:] if upscale else size
    ratio = width / height
    if spec == "max":
        scale = min(1.0, math.sqrt(max_area / (width * height)))
        if upscale:
            scale = math.sqrt(max_area / (width * height))
        target = (max(1, round(width * scale)), max(1, round(height * scale)))
    elif spec.startswith("pct:"):
        if not re.fullmatch(_NUMBER, spec[4:]):
            raise IiifRequestError(f"size {size!r}: pct:n")
        percent = float(spec[4:])
        if percent <= 0 or (percent > 100 and not upscale):
            raise IiifRequestError(f"size {size!r}: a percentage over 100 needs ^")
        target = (round(width * percent / 100), round(height * percent / 100))
    else:
        found = re.fullmatch(r"(!)?(\d*),(\d*)", spec)
        if not found or (not found.group(2) and not found.group(3)) or \
                (found.group(1) and not (found.group(2) and found.group(3))):
            raise IiifRequestError(f"size {size!r}: max, w,, ,h, pct:n, w,h or !w,h")
        wanted_width = int(found.group(2)) if found.group(2) else None
        wanted_height = int(found.group(3)) if found.group(3) else None
        if wanted_width == 0 or wanted_height == 0:
            raise IiifRequestError(f"size {size!r} is zero")
        if found.group(1):  # the largest that fits inside, keeping the shape
            scale = min(wanted_width / width, wanted_height / height)
            target = (round(width * scale), round(height * scale))
        elif wanted_width is None:
            target = (round(wanted_height * ratio), wanted_height)
        elif wanted_height is None:
            target = (wanted_width, round(wanted_width / ratio))
        else:
            target = (wanted_width, wanted_height)
    target = (max(1, target[0]), max(1, target[1]))
    if not upscale and (target[0] > width or target[1] > height):
        raise IiifRequestError(f"size {size!r} is larger than the region ({width} x "
                               f"{height}): ask with ^ to upscale")
    if target[0] * target[1] > max_area:
        raise IiifRequestError(f"size {size!r}: {target[0]} x {target[1]} is over the "
                               f"limit of {max_area:,} pixels")
    return target


def _rotation(rotation: str) -> tuple[bool, float]:
    mirror = rotation.startswith("!")
    number = rotation[1:] if mirror else rotation
    if not re.fullmatch(_NUMBER, number) or not 0 <= float(number) <= 360:
        raise IiifRequestError(f"rotation {rotation!r}: a number from 0 to 360, "
                               "! before it to mirror")
    return mirror, float(number) % 360


class Renderer:
    """Makes IIIF answers for images kept under ``cache`` (node-local, rebuilt at will)."""

    def __init__(self, cache: Path) -> None:
        self.cache = cache

    def pyramid(self, source: Path, sha256: str) -> Path:
        """The image's tiled pyramid, made once."""
        target = self.cache / sha256[:2] / f"{sha256}.pyramid.tif"
        if not target.exists():
            image = pyvips.Image.new_from_file(str(source), access="sequential")
            if image.hasalpha():
                image = image.flatten(background=[255])
            _write_atomically(target, lambda path: image.tiffsave(
                path, tile=True, tile_width=TILE, tile_height=TILE, pyramid=True,
                compression="jpeg", Q=90, strip=True))
        return target

    def render(self, source: Path, sha256: str, request: ImageRequest) -> bytes:
        """The answer's bytes, from the cache when made before."""
        key = hashlib.sha256(request.key.encode()).hexdigest()[:32]
        cached = self.cache / sha256[:2] / sha256 / f"{key}.{request.format}"
        if cached.exists():
            return cached.read_bytes()
        made = _made(self.pyramid(source, sha256), request)
        _write_atomically(cached, lambda path: Path(path).write_bytes(made))
        return made


def _made(pyramid: Path, request: ImageRequest) -> bytes:
    # the level whose pixels are nearest above what is asked: each level halves the last
    shrink = min(request.width / request.target_width, request.height / request.target_height)
    level = max(0, int(math.floor(math.log2(shrink)))) if shrink >= 2 else 0
    levels = pyvips.Image.new_from_file(str(pyramid)).get_n_pages() \
        if level else 1
    level = min(level, levels - 1)
    image = pyvips.Image.new_from_file(str(pyramid), page=level, access="random")
    factor = 2 ** level
    x, y = request.x // factor, request.y // factor
    width = max(1, min(math.ceil(request.width / factor), image.width - x))
    height = max(1, min(math.ceil(request.height / factor), image.height - y))
    image = image.crop(x, y, width, height)
    if (image.width, image.height) != (request.target_width, request.target_height):
        image = image.resize(request.target_width / image.width,
                             vscale=request.target_height / image.height,
                             kernel="linear" if request.target_width > image.width
                             else "lanczos3")
        if (image.width, image.height) != (request.target_width, request.target_height):
            image = image.gravity("north-west", request.target_width,
                                  request.target_height, extend="copy")
    if request.mirror:
        image = image.fliphor()
    image = _rotated(image, request.rotation, request.format)
    if request.quality in ("gray", "bitonal"):
        image = image.colourspace("b-w")
        if request.quality == "bitonal":
            image = (image > 128).ifthenelse(255, 0).cast("uchar")
    if request.format == "jpg":
        if image.hasalpha():
            image = image.flatten(background=[255])
        return image.jpegsave_buffer(Q=JPEG_QUALITY, strip=True)
    return image.pngsave_buffer(compression=6)


def _rotated(image: pyvips.Image, angle: float, format_name: str) -> pyvips.Image:
    if angle == 0:
        return image
    if angle in (90, 180, 270):
        return {90: image.rot90, 180: image.rot180, 270: image.rot270}[angle]()
    # any other angle: the corners outside the page transparent in PNG, white in JPEG
    if format_name == "png" and not image.hasalpha():
        image = image.bandjoin(255)
    background = [0] * image.bands if format_name == "png" else [255] * image.bands
    return image.rotate(angle, background=background)


def _write_atomically(target: Path, write) -> None:  # noqa: ANN001 - a writer of a path
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".part-",
                                         suffix=target.suffix)
    os.close(handle)
    try:
        write(temporary)
        os.replace(temporary, target)
    finally:
        Path(temporary).unlink(missing_ok=True)
