"""User text as reportlab Paragraph markup: escaped, and each character in a font that has it.

Every character a person typed reaches the page (AD4): markup characters are escaped,
characters Atkinson Hyperlegible lacks go to a fallback font, and emoji go to OpenMoji's
blank-outlined font with an `<onDraw>` callback that paints the OpenMoji picture over them,
so the picture shows and the character can still be copied or read out from the PDF.
Text is put in NFC form first: reportlab places no combining marks, so "e" + U+0308 would
print its diaeresis beside the e; as "ë" it prints right (the same text to Unicode).
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.fonts import tt2ps
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from meetingroom.documents import fonts
from meetingroom.documents.layout import clean_text
from meetingroom.documents.picture_images import picture_png
from meetingroom.domain.papers import Run
from meetingroom.language.pictures import picture_codes

PICTURE_CALLBACK = "meetingroom_picture"

_ZWJ = 0x200D
_JOINERS = frozenset({0xFE0E, 0xFE0F, 0x20E3}) | frozenset(range(0x1F3FB, 0x1F400)) \
    | frozenset(range(0xE0020, 0xE0080))
_REGIONAL = range(0x1F1E6, 0x1F200)


def _is_emoji(code_point: int, main: frozenset[int]) -> bool:
    if code_point in main or code_point not in fonts.emoji_characters():
        return False
    return unicodedata.category(chr(code_point)) in ("So", "Sk", "Mn", "Cf") or code_point >= 0x1F000


def _clusters(text: str, main: frozenset[int]) -> Iterator[tuple[str, str]]:
    """(font kind, text) pieces: kind is "main", "emoji" or a fallback font's name."""
    index = 0
    while index < len(text):
        point = ord(text[index])
        if _is_emoji(point, main):
            end = index + 1
            while end < len(text):
                nxt = ord(text[end])
                if nxt in _JOINERS:
                    end += 1
                elif nxt == _ZWJ and end + 1 < len(text) and _is_emoji(ord(text[end + 1]), main):
                    end += 2
                elif point in _REGIONAL and nxt in _REGIONAL and end == index + 1:
                    end += 1
                else:
                    break
            yield "emoji", text[index:end]
            index = end
            continue
        if point in main or text[index] in " \n":
            yield "main", text[index]
        else:
            fallback = fonts.fallback_for(point)
            if fallback is None:
                fonts.keep_uncovered(point)
            yield fallback or "main", text[index]
        index += 1


def _picture_code(cluster: str) -> str:
    code = "-".join(f"{ord(char):X}" for char in cluster)
    if code in picture_codes():
        return code
    stripped = "-".join(f"{ord(char):X}" for char in cluster if ord(char) not in (0xFE0F, 0xFE0E))
    if stripped in picture_codes():
        return stripped
    first = f"{ord(cluster[0]):X}"
    return first if first in picture_codes() else ""  # joiners alone have no picture


def _escape(text: str) -> str:
    return escape(text, {'"': "&quot;", "'": "&#39;"}).replace("\n", "<br/>")


def markup(runs: Iterable[Run]) -> str:
    """Paragraph markup for runs of user text, bold where a run is bold."""
    main = fonts.register_pdf_fonts()
    out: list[str] = []
    for run in runs:
        text = unicodedata.normalize("NFC", clean_text(run.text))
        pieces: list[tuple[str, str]] = []
        for kind, piece in _clusters(text, main):
            if pieces and pieces[-1][0] == kind and kind != "emoji":
                pieces[-1] = (kind, pieces[-1][1] + piece)
            else:
                pieces.append((kind, piece))
        part = "".join(_piece(kind, piece) for kind, piece in pieces)
        out.append(f"<b>{part}</b>" if run.bold and part else part)
    return "".join(out)


def plain_markup(text: str, bold: bool = False) -> str:
    return markup((Run(text, bold),))


def _piece(kind: str, text: str) -> str:
    if kind == "main":
        return _escape(text)
    if kind == "emoji":
        label = _picture_code(text) if ord(text[0]) not in _JOINERS | {_ZWJ} else ""
        first = f'<font name="{fonts.EMOJI if label else fonts.EMOJI_JOINED}">{_escape(text[0])}</font>'
        rest = f'<font name="{fonts.EMOJI_JOINED}">{_escape(text[1:])}</font>' if text[1:] else ""
        # The callback comes after the characters: placed before them, reportlab may leave
        # it at the end of the line above when the emoji wraps.
        drawn = f'<onDraw name="{PICTURE_CALLBACK}" label="{label}"/>' if label else ""
        return first + rest + drawn
    return f'<font name="{kind}">{_escape(text)}</font>'


def draw_picture(canvas: Canvas, kind: str, label: str | None) -> None:
    """The `<onDraw>` callback: paint the picture over the emoji's blank glyph just drawn."""
    info = getattr(canvas, "_curr_tx_info", None)
    if info is None or not label:
        return
    size = float(info["xs"].style.fontSize)  # one size per paragraph in these documents
    advance = stringWidth(chr(int(label.split("-")[0], 16)), fonts.EMOJI, size)
    x, y = float(info["cur_x"]) - advance, float(info["cur_y"])
    side = size * 1.2
    image = ImageReader(io.BytesIO(picture_png(label, 96)))
    canvas.drawImage(image, x + size * 0.045, y - size * 0.25, side, side)


def font_pieces(text: str, bold: bool = False) -> list[tuple[str, str, str]]:
    """A line of user text as (PDF font name, characters, OpenMoji picture code or "")
    pieces, for painters that place words themselves (charts): each character in a font
    that has it; an emoji in OpenMoji's blank-outlined font, with the picture to paint."""
    main = fonts.register_pdf_fonts()
    fonts.emoji_characters()
    pieces: list[tuple[str, str, str]] = []
    for kind, piece in _clusters(unicodedata.normalize("NFC", clean_text(text)), main):
        if kind == "emoji":
            code = _picture_code(piece) if ord(piece[0]) not in _JOINERS | {_ZWJ} else ""
            pieces.append((fonts.EMOJI if code else fonts.EMOJI_JOINED, piece, code))
            continue
        name = str(tt2ps(fonts.MAIN if kind == "main" else kind, int(bold), 0))
        if pieces and pieces[-1][0] == name:
            pieces[-1] = (name, pieces[-1][1] + piece, "")
        else:
            pieces.append((name, piece, ""))
    return pieces


def piece_width(font: str, characters: str, code: str, size: float) -> float:
    """The advance of one piece from `font_pieces` (an emoji advances by its first character)."""
    return float(stringWidth(characters[0] if code else characters, font, size))


@lru_cache(maxsize=8192)
def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of a line of user text at `size` in the fonts the PDF prints it in (in the
    unit `size` is in: points, or pixels for a picture)."""
    return sum(piece_width(font, characters, code, size)
               for font, characters, code in font_pieces(text, bold))
