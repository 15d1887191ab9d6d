"""The PDF writer read back: sizes (CP1, LP1-LP2, ER1), fonts, language, title, bookmarks,
alignment, line length and page size (LP3-LP7, AD2)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pdfplumber
import pytest

from meetingroom.documents.model import FormatProfile
from meetingroom.documents.pdf import write_pdf
from meetingroom.domain.people import FormatKind
from tests.documents.readback import (
    LONG_SENTENCE,
    PROFILES,
    agenda_like,
    outline_titles,
    pdf_lines,
    pdf_reader,
)

A4 = (595.28, 841.89)


def _written(tmp_path: Path, profile: FormatProfile) -> Path:
    path = tmp_path / f"{profile.name}-{profile.size}.pdf"
    write_pdf(agenda_like(), profile, path)
    return path


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: f"{p.name}-{p.size}")
def test_every_character_on_every_page_is_at_least_the_body_size(tmp_path: Path,
                                                                  profile: FormatProfile) -> None:
    path = _written(tmp_path, profile)
    with pdfplumber.open(path) as pdf:
        sizes = [char["size"] for page in pdf.pages for char in page.chars]
        pages = len(pdf.pages)
        footers = [page.extract_text() for page in pdf.pages]
    assert sizes and min(sizes) >= profile.body_pt - 0.01
    # the page numbers are there, at that size too (they are among the characters above)
    for number, text in enumerate(footers, start=1):
        assert f"Page {number} of {pages}" in text


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: f"{p.name}-{p.size}")
def test_headings_bold_and_larger_no_italics(tmp_path: Path, profile: FormatProfile) -> None:
    path = _written(tmp_path, profile)
    with pdfplumber.open(path) as pdf:
        chars = [char for page in pdf.pages for char in page.chars]
    fonts = {char["fontname"].split("+")[-1] for char in chars}
    assert not any("Italic" in name or "Oblique" in name for name in fonts)
    heading_chars = [c for c in chars if c["size"] > profile.body_pt + 1]
    assert heading_chars
    assert all(c["fontname"].endswith("AtkinsonHyperlegible-Bold") for c in heading_chars
               if c["text"].isalpha())


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: f"{p.name}-{p.size}")
def test_fonts_embedded_language_title_and_a4(tmp_path: Path, profile: FormatProfile) -> None:
    reader = pdf_reader(_written(tmp_path, profile))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    assert reader.metadata is not None and reader.metadata.title == "Partnership Board: agenda"
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=0.1)
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert font["/Subtype"] == "/TrueType", font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]


def test_bookmarks_for_every_heading_without_skipped_levels(tmp_path: Path) -> None:
    reader = pdf_reader(_written(tmp_path, FormatProfile()))
    assert outline_titles(reader) == [
        (0, "Partnership Board: agenda"),
        (1, "Items"), (2, "Who is coming"), (1, "Papers"),
        (0, "Getting there"), (1, "By bus"),
    ]


@pytest.mark.parametrize("size", [16, 18, 20, 24, 28])
def test_large_print_is_left_aligned_ragged_and_short_lined(tmp_path: Path, size: int) -> None:
    lines = pdf_lines(_written(tmp_path, FormatProfile(FormatKind.LARGE_PRINT, size)))
    assert max(len(line.text) for line in lines) <= 70  # LP6
    starts = {round(line.x0) for line in lines}
    assert len(starts) <= 4, starts  # margin, list number, list text; nothing centred
    assert min(starts) == pytest.approx(71, abs=1)  # 25 mm: the same margin at every size
    # The long paragraph: left-aligned, not justified, so its right edge is ragged.
    ends = [line.x1 for line in lines if line.text in LONG_SENTENCE * 6]
    assert len(ends) >= 5 and max(ends) - min(ends) > 5  # LP4
    right_margin = A4[0] - 71
    assert sum(abs(end - right_margin) < 1 for end in ends) < len(ends) / 2


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: f"{p.name}-{p.size}")
def test_spaces_between_words_never_stretched(tmp_path: Path, profile: FormatProfile) -> None:
    """Justified text stretches the spaces; left-aligned text keeps every space the same."""
    path = _written(tmp_path, profile)
    gaps: list[float] = []

    def plain(word: dict[str, object]) -> bool:
        text = str(word["text"])
        marker = text == "•" or text.rstrip(".").isdigit()
        return (str(word["fontname"]).endswith("AtkinsonHyperlegible-Regular")
                and word["size"] == profile.body_pt and not marker)

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            lines: dict[float, list[dict[str, object]]] = defaultdict(list)
            for word in page.extract_words(extra_attrs=["fontname", "size"]):
                lines[round(word["top"])].append(word)
            for words in lines.values():
                gaps.extend(float(b["x0"]) - float(a["x1"])  # type: ignore[arg-type]
                            for a, b in zip(words, words[1:], strict=False) if plain(a) and plain(b))
    assert len(gaps) > 20
    assert max(gaps) - min(gaps) < 0.2, (min(gaps), max(gaps))


def test_characters_per_line_fall_as_the_size_grows(tmp_path: Path) -> None:
    longest = {}
    for size in (16, 20, 28):
        lines = pdf_lines(_written(tmp_path, FormatProfile(FormatKind.LARGE_PRINT, size)))
        longest[size] = max(len(line.text) for line in lines)
    assert longest[16] > longest[20] > longest[28]
    assert 50 <= longest[16] <= 70


def test_line_spacing_about_one_and_a_half(tmp_path: Path) -> None:
    lines = pdf_lines(_written(tmp_path, FormatProfile(FormatKind.LARGE_PRINT, 20)))
    by_page: dict[int, list[float]] = defaultdict(list)
    for line in lines:
        if line.text in LONG_SENTENCE * 6:  # the long paragraph's lines
            by_page[line.page].append(line.top)
    gaps = [b - a for tops in by_page.values() for a, b in zip(tops, tops[1:], strict=False)]
    assert len(gaps) > 10 and all(gap == pytest.approx(30, abs=0.5) for gap in gaps)


@pytest.mark.parametrize("filler", range(8, 15))
def test_a_heading_is_never_left_alone_above_its_short_list(tmp_path: Path, filler: int) -> None:
    """However much text comes before it, a heading starts the page its list is on."""
    from meetingroom.documents.model import Document
    from meetingroom.domain.papers import BlockKind
    from tests.documents.readback import heading, listing, paragraph

    blocks = (*(paragraph(f"Filler paragraph {n}: " + LONG_SENTENCE) for n in range(filler)),
              heading("What we will talk about", 2),
              listing(BlockKind.BULLETS, *(f"Item {n} of the agenda, with a few words" for n in range(8))))
    path = tmp_path / "stranded.pdf"
    write_pdf(Document("Stranding", blocks), FormatProfile(FormatKind.LARGE_PRINT, 24), path)
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            text = page.extract_text()
            if "What we will talk about" in text:
                assert "Item 0 of the agenda" in text, f"the heading is alone on page {page.page_number}"
