"""OpenMoji pictures drawn by Pillow from OpenMoji's colour font."""

from __future__ import annotations

import io

from PIL import Image

from meetingroom.documents.picture_images import PICTURE_PX, picture_png


def _image(code: str, size: int = PICTURE_PX) -> Image.Image:
    return Image.open(io.BytesIO(picture_png(code, size))).convert("RGB")


def test_a_square_colour_picture_on_white() -> None:
    image = _image("267F")  # wheelchair: a blue square with a white figure
    assert image.size == (PICTURE_PX, PICTURE_PX)
    assert image.getpixel((1, 1)) == (255, 255, 255)  # white margin (ER7)
    colours = image.getcolors(maxcolors=1 << 16) or []
    blue = [count for count, (r, g, b) in colours if b > 200 and r < 180]
    assert sum(blue) > PICTURE_PX * PICTURE_PX * 0.2


def test_sequences_draw_as_one_picture_and_unknown_codes_get_the_default() -> None:
    health_worker = _image("1F9D1-200D-2695-FE0F", 120)
    assert health_worker.getbbox() is not None
    assert picture_png("NOT-A-CODE", 120) == picture_png("1F4AC", 120)
    assert picture_png("1F68C", 120) != picture_png("1F4AC", 120)


def test_the_picture_fills_its_square() -> None:
    bus = _image("1F68C")
    inverted = Image.eval(bus.convert("L"), lambda value: 255 - value)
    left, _top, right, _bottom = inverted.getbbox() or (0, 0, 0, 0)
    assert right - left > PICTURE_PX * 0.8  # a wide picture spans the width
