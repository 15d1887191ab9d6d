"""AD4: whatever a person typed comes out exactly as typed, never as markup, never a crash."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetingroom.documents import fonts
from meetingroom.documents.docx import write_docx
from meetingroom.documents.layout import clean_text
from meetingroom.documents.model import Document, FormatProfile, HardWord
from meetingroom.documents.pdf import write_pdf
from meetingroom.domain.papers import EasyReadPoint
from meetingroom.domain.people import FormatKind
from tests.documents.readback import TRICKY, docx_file, heading, paragraph, pdf_text, squash

TEXTS = [
    TRICKY,
    '<b>bold?</b> &amp; <font name="Courier">x</font> <br/> <para> &#169; &lt;',
    "Zoë, Siobhán, Łukasz, Nguyễn, Ọlárewájú, Zoe\u0308",
    "Cost: £12.50 — €3 — 10% off — “quotes” ‘single’",
    "مرحبا بكم في الاجتماع",
    "שלום לכולם",
    "اردو میں خوش آمدید",
    "Emoji: 😀 🧑‍⚕️ 👍🏽 ♿ 🏳️‍🌈 🇬🇧",
    "日本語 \U00018d09 ꙮ",  # no font here has these: printed as boxes, still in the text
]


def _document(text: str) -> Document:
    return Document(
        title=text,
        blocks=(heading(text, 2), paragraph(text), paragraph((text, True))),
        easy_read=(heading(text), EasyReadPoint(text)),
        hard_words=(HardWord(text, text),),
    )


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("kind", [FormatKind.STANDARD, FormatKind.EASY_READ])
def test_pdf_text_comes_out_as_typed(tmp_path: Path, text: str, kind: FormatKind) -> None:
    path = tmp_path / "out.pdf"
    write_pdf(_document(text), FormatProfile(kind), path)
    pages = pdf_text(path)
    expected = squash(text)
    # Title heading, a heading, the paragraph, the bold paragraph (or point and hard word).
    assert squash("\n".join(pages)).count(expected) >= 3, (expected, pages)


def test_pdf_never_shows_markup_as_formatting(tmp_path: Path) -> None:
    path = tmp_path / "out.pdf"
    write_pdf(_document("<b>not bold</b> <i>not italic</i>"), FormatProfile(), path)
    with pdfplumber.open(path) as pdf:
        chars = pdf.pages[0].chars
    plain = [c for c in chars if c["size"] == 14 and c["top"] > 100]
    text = "".join(c["text"] for c in plain)
    assert "<b>not bold</b> <i>not italic</i>" in text
    first = next(c for c in plain if c["text"] == "n")
    assert first["fontname"].endswith("AtkinsonHyperlegible-Regular")


def test_every_character_has_a_font_that_draws_it(tmp_path: Path) -> None:
    """Emoji go to OpenMoji (drawn as pictures); Arabic and Hebrew to a fallback font."""
    path = tmp_path / "out.pdf"
    write_pdf(_document(TRICKY), FormatProfile(), path)
    with pdfplumber.open(path) as pdf:
        chars = [c for page in pdf.pages for c in page.chars]
        pictures = sum(len(page.images) for page in pdf.pages)
    by_font: dict[str, set[str]] = {}
    for char in chars:
        by_font.setdefault(char["fontname"].split("+")[-1], set()).add(char["text"])
    assert "😀" in by_font["OpenMojiColor"]
    assert not any(char in by_font.get("AtkinsonHyperlegible-Regular", set()) for char in "مש😀")
    assert any("م" in texts for name, texts in by_font.items() if "OpenMoji" not in name
               and "Atkinson" not in name)
    assert pictures >= 3 * 3  # three emoji pictures in each of three places


@pytest.mark.parametrize("text", TEXTS)
def test_docx_text_is_exactly_as_typed(tmp_path: Path, text: str) -> None:
    path = tmp_path / "out.docx"
    write_docx(_document(text), FormatProfile(), path)
    document = docx_file(path)
    assert document.core_properties.title == text
    assert [p.text for p in document.paragraphs].count(text) == 4  # title, heading, 2 paragraphs
    path = tmp_path / "easy.docx"
    write_docx(_document(text), FormatProfile(FormatKind.EASY_READ), path)
    assert docx_file(path).tables[0].rows[0].cells[1].text == text


def test_fallback_fonts_found_here() -> None:
    """The machines MeetingRoom is built on have DejaVu Sans: Arabic and Hebrew print."""
    fonts.register_pdf_fonts()
    assert fonts.fallback_for(ord("م")) and fonts.fallback_for(ord("ש"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_any_text_never_crashes_and_survives(tmp_path: Path, text: str) -> None:
    document = _document(text)
    write_docx(document, FormatProfile(FormatKind.LARGE_PRINT, 24), tmp_path / "any.docx")
    write_pdf(document, FormatProfile(FormatKind.LARGE_PRINT, 24), tmp_path / "any.pdf")
    expected = squash(clean_text(text).replace("\xa0", " "))  # reportlab prints nbsp as a space
    assert expected in squash("\n".join(pdf_text(tmp_path / "any.pdf")))


def test_each_emoji_picture_sits_on_its_own_character(tmp_path: Path) -> None:
    """Pictures are painted over the emoji's blank glyph, also when the emoji wraps."""
    text = "Map first. Then 👍🏽 thumbs and 🏳️‍🌈 flag 🇬🇧 and keycap 1️⃣ end. " * 3
    path = tmp_path / "emoji.pdf"
    write_pdf(Document("x", blocks=(paragraph(text),)), FormatProfile(FormatKind.LARGE_PRINT, 24), path)
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        glyphs = [c for c in page.chars if c["fontname"].endswith("+OpenMojiColor")]
        images = page.images
    assert len(glyphs) == len(images) == 9
    lines = {round(glyph["top"]) for glyph in glyphs}
    assert len(lines) > 1  # the emoji fall on several lines
    for glyph in glyphs:
        over = [image for image in images if abs(image["x0"] - glyph["x0"]) < 3
                and image["top"] < glyph["bottom"] and image["bottom"] > glyph["top"]]
        assert len(over) == 1, glyph["text"]
