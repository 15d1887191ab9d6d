"""A report's charts, data tables, picture scale and easy-read summary page, written as real
PDF and DOCX files in standard print, large print and easy read, and read back: fonts
embedded (AD2), every word at least the body size (LP2) and on the page, the charts' words
in the text, alt text on every picture (AD1), header rows that repeat, and a new page for the
summary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from meetingroom.documents.docx import write_docx
from meetingroom.documents.layout import PICTURE_PT, Layout
from meetingroom.documents.model import Chart, DataTable, Document, FormatProfile, PictureScale
from meetingroom.documents.pdf import write_pdf
from meetingroom.domain.papers import Block, BlockKind
from meetingroom.domain.people import FormatKind
from meetingroom.language.pictures import picture_name
from tests.documents.readback import (
    docx_file,
    outline_titles,
    pdf_chars,
    pdf_reader,
    pdf_text,
    report_like,
    squash,
)

STANDARD = FormatProfile()
LARGE = FormatProfile(FormatKind.LARGE_PRINT, 24)
LARGEST = FormatProfile(FormatKind.LARGE_PRINT, 28)
EASY = FormatProfile(FormatKind.EASY_READ)
PROFILES = [STANDARD, LARGE, LARGEST, EASY]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    folder = tmp_path_factory.mktemp("report")
    files: dict[str, tuple[Path, Path]] = {}
    for profile in PROFILES:
        stem = f"{profile.name}-{profile.size}"
        pdf, docx = folder / f"{stem}.pdf", folder / f"{stem}.docx"
        write_pdf(report_like(), profile, pdf)
        write_docx(report_like(), profile, docx)
        files[stem] = (pdf, docx)
    return files


def _files(written: dict[str, tuple[Path, Path]], profile: FormatProfile) -> tuple[Path, Path]:
    return written[f"{profile.name}-{profile.size}"]


def _shown(profile: FormatProfile) -> tuple[object, ...]:
    document = report_like()
    return document.easy_read if profile.kind is FormatKind.EASY_READ else document.blocks


def _charts(profile: FormatProfile) -> list[Chart]:
    return [item for item in _shown(profile) if isinstance(item, Chart)]


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: f"{p.name}-{p.size}")
def test_every_character_is_at_least_the_body_size_and_on_the_page(
        written: dict[str, tuple[Path, Path]], profile: FormatProfile) -> None:
    pdf, _docx = _files(written, profile)
    chars = [(page, char, size) for page, char, size in pdf_chars(pdf) if str(char["text"]).strip()]
    pages = {page for page, _char, _size in chars}
    assert len(pages) == len(pdf_reader(pdf).pages)  # no blank page
    for page in pages:  # LP2 on every page, the chart pages included
        sizes = [float(char["size"]) for number, char, _size in chars if number == page]
        assert min(sizes) >= profile.body_pt - 0.01, page
    for page, char, (width, height) in chars:
        assert 0 <= float(char["x0"]) and float(char["x1"]) <= width, (page, char["text"])
        assert 0 <= float(char["top"]) and float(char["bottom"]) <= height, (page, char["text"])


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: f"{p.name}-{p.size}")
def test_every_font_is_embedded_and_the_language_is_set(
        written: dict[str, tuple[Path, Path]], profile: FormatProfile) -> None:
    reader = pdf_reader(_files(written, profile)[0])
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descendant = font.get_object().get("/DescendantFonts")
            font = descendant[0].get_object() if descendant else font.get_object()
            assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]  # AD2


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: f"{p.name}-{p.size}")
def test_the_charts_words_and_figures_are_text_in_the_pdf(
        written: dict[str, tuple[Path, Path]], profile: FormatProfile) -> None:
    text = squash(" ".join(pdf_text(_files(written, profile)[0])))
    for chart in _charts(profile):
        assert squash(chart.title) in text
        for series in chart.series:
            for value in series.values:
                if chart.kind.value == "bars":  # every bar's figure is written (UI6)
                    assert chart.value_text(value) in text, (chart.title, value)
    assert "Carer" in text and "no figure" in text
    if profile.kind is not FormatKind.EASY_READ:
        assert "£1,250.00" in text and "49.5%" in text and "fair share: 1.0×" in text
        assert "Commissioner <&> 🧑‍⚕️" in text  # AD4: exactly as typed, emoji and all


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: f"{p.name}-{p.size}")
def test_the_data_table_is_all_there_with_its_header_on_every_page(
        written: dict[str, tuple[Path, Path]], profile: FormatProfile) -> None:
    pages = [squash(page) for page in pdf_text(_files(written, profile)[0])]
    table = next(item for item in _shown(profile) if isinstance(item, DataTable))
    holding = [page for page in pages if "Partnership" in page]
    assert len(holding) > 1  # sixty rows run over pages
    for page in holding:
        assert re.search(r"Date Meeting|Date \d\d/03/2025 Meeting", page), page  # the header, or each row's names
    joined = " ".join(pages)
    at = [joined.find(row[0]) for row in table.rows]
    assert -1 not in at and at == sorted(at)  # every row, in order
    for row, start, end in zip(table.rows, at, [*at[1:], len(joined)], strict=True):
        for cell in row:  # a cell may wrap: its words, in the row's stretch of text
            assert all(word in joined[start:end] for word in cell.split()), cell


@pytest.mark.parametrize("profile", [STANDARD, LARGE], ids=lambda p: f"{p.name}-{p.size}")
def test_the_easy_read_summary_starts_a_new_page_under_its_own_bookmark(
        written: dict[str, tuple[Path, Path]], profile: FormatProfile) -> None:
    pdf, docx = _files(written, profile)
    pages = pdf_text(pdf)
    summary = next(index for index, page in enumerate(pages) if "This report in easy read" in page)
    lines = [line for line in pages[summary].splitlines() if line.strip()]
    assert lines[1] == "This report in easy read"  # under the running title only
    assert "We held 60 meetings." in pages[summary]
    titles = [title for _depth, title in outline_titles(pdf_reader(pdf))]
    assert titles == ["Involvement report 2025", "Presence", "Process", "What people told us",
                      "This report in easy read"]
    heading = next(p for p in docx_file(docx).paragraphs if p.text == "This report in easy read")
    assert heading.paragraph_format.page_break_before


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: f"{p.name}-{p.size}")
def test_every_chart_is_a_picture_as_wide_as_the_text_with_its_alt_text(
        written: dict[str, tuple[Path, Path]], profile: FormatProfile) -> None:
    document = docx_file(_files(written, profile)[1])
    drawn = document.element.body.findall(".//" + qn("wp:inline"))
    described = {inline.find(qn("wp:docPr")).get("descr"): inline for inline in drawn}
    for inline in drawn:
        doc_pr = inline.find(qn("wp:docPr"))
        assert doc_pr.get("descr") and doc_pr.get("title") == doc_pr.get("descr")  # AD1
    width = Layout.for_profile(profile).text_width
    for chart in _charts(profile):
        parts = [descr for descr in described if descr.startswith(f"Bar chart: {chart.title}")
                 or descr.startswith(f"Line chart: {chart.title}")]
        assert parts, chart.title
        assert described.get(chart.alt_text()) is not None or len(parts) > 1
        for descr in parts:
            extent = described[descr].find(qn("wp:extent"))
            assert int(extent.get("cx")) / 12700 == pytest.approx(width, abs=0.5)
            assert int(extent.get("cy")) / 12700 <= 842 - 2 * 71  # fits a page


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: f"{p.name}-{p.size}")
def test_the_docx_table_is_a_real_table_with_a_repeating_header_or_stacked(
        written: dict[str, tuple[Path, Path]], profile: FormatProfile) -> None:
    document = docx_file(_files(written, profile)[1])
    table = next(item for item in _shown(profile) if isinstance(item, DataTable))
    grids = [grid for grid in document.tables
             if any("Partnership Board 1 <&>" == cell.text for cell in grid.columns[-1].cells)
             or any("Partnership Board 1 <&>" == cell.text for cell in grid.rows[0].cells)
             or "Partnership Board 1 <&>" in {cell.text for row in grid.rows for cell in row.cells}]
    assert len(grids) == 1
    grid = grids[0]
    caption = grid._tbl.getprevious()
    assert _words(caption) == table.caption and caption.find(".//" + qn("w:b")) is not None
    assert grid._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val")) == table.caption
    first = grid.rows[0]
    if first.cells[0].text == "Date" and len(first.cells) == len(table.header):
        assert [cell.text for cell in first.cells] == list(table.header)
        assert first._tr.trPr.find(qn("w:tblHeader")) is not None
        assert [[cell.text for cell in row.cells] for row in grid.rows[1:]] == [list(r) for r in table.rows]
    else:  # large print: each row as (column name, words) pairs
        assert profile.kind is FormatKind.LARGE_PRINT
        pairs = [(row.cells[0].text, row.cells[1].text) for row in grid.rows]
        assert pairs == [pair for row in table.rows for pair in zip(table.header, row, strict=True)]
    for row in grid.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: f"{p.name}-{p.size}")
def test_the_picture_scale_has_a_big_picture_words_and_a_tick_box_for_each_choice(
        written: dict[str, tuple[Path, Path]], profile: FormatProfile) -> None:
    pdf, docx = _files(written, profile)
    scale = next(item for item in _shown(profile) if isinstance(item, PictureScale))
    document = docx_file(docx)
    grid = next(grid for grid in document.tables if len(grid.rows) > 1
                and [cell.paragraphs[1].text for cell in grid.rows[1].cells if len(cell.paragraphs) > 1]
                == [choice.text for choice in scale.choices])
    question = grid.rows[0]  # the question across the top, its picture on the left
    assert scale.question in _words(question._tr)
    assert question._tr.find(".//" + qn("wp:docPr")).get("descr") == f"Picture: {picture_name(scale.picture)}"
    for row in grid.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    for cell in grid.rows[1].cells:
        inline = cell._tc.find(".//" + qn("wp:inline"))
        assert int(inline.find(qn("wp:extent")).get("cx")) / 12700 >= 70  # ER3
        assert inline.find(qn("wp:docPr")).get("descr").startswith("Picture: ")
        box = cell.paragraphs[2]._p.pPr.find(qn("w:pBdr"))
        assert box is not None and len(box) == 4  # an empty box drawn round
        assert all(p.paragraph_format.keep_with_next for p in cell.paragraphs[:-1])
    import pdfplumber
    with pdfplumber.open(pdf) as opened:
        for page in opened.pages:
            words = page.extract_text()
            if scale.question in words:
                big = [image for image in page.images if image["width"] >= PICTURE_PT - 0.5]
                boxes = [rect for rect in page.rects
                         if abs(rect["width"] - rect["height"]) < 0.5 and rect["width"] < PICTURE_PT / 2]
                assert len(big) >= len(scale.choices) + 1 and len(boxes) >= len(scale.choices)
                assert all(choice.text in words for choice in scale.choices)  # never split
                break
        else:
            pytest.fail("the question is not in the PDF")


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: f"{p.name}-{p.size}")
def test_docx_headings_in_order_and_every_size_at_least_the_body(
        written: dict[str, tuple[Path, Path]], profile: FormatProfile) -> None:
    document = docx_file(_files(written, profile)[1])
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    shown = [item for item in _shown(profile) if isinstance(item, Block) and item.kind is BlockKind.HEADING]
    expected_texts = ["Involvement report 2025"] + [b.plain_text() for b in shown
                                                    if b.plain_text() != "Involvement report 2025"]
    if profile.kind is FormatKind.EASY_READ:
        expected_texts.append("Hard words")
    assert [text for _style, text in headings] == expected_texts
    levels = [int(style.split()[-1]) for style, _text in headings]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))
    sizes = [_size(paragraph, run, document) for paragraph in document.element.body.iter(qn("w:p"))
             for run in paragraph.iter(qn("w:r")) if _words(run).strip()]
    assert sizes and min(sizes) >= profile.body_pt  # LP2, table text and all


def _words(element: object) -> str:
    return "".join(text.text or "" for text in element.iter(qn("w:t")))  # type: ignore[attr-defined]


def _size(paragraph: object, run: object, document: object) -> float:
    """The size a run is shown at: its own, else its paragraph style's (or a style it is
    based on), else the document's default."""
    own = run.find(qn("w:rPr") + "/" + qn("w:sz"))  # type: ignore[attr-defined]
    if own is not None:
        return int(own.get(qn("w:val"))) / 2
    styles = document.styles.element  # type: ignore[attr-defined]
    style_ids = paragraph.xpath("./w:pPr/w:pStyle/@w:val") or ["Normal"]  # type: ignore[attr-defined]
    style_id: str | None = style_ids[0]
    while style_id:
        style = styles.xpath(f'./w:style[@w:styleId="{style_id}"]')[0]
        size = style.find(qn("w:rPr") + "/" + qn("w:sz"))
        if size is not None:
            return int(size.get(qn("w:val"))) / 2
        based = style.xpath("./w:basedOn/@w:val")
        style_id = based[0] if based else None
    return int(styles.xpath("./w:docDefaults//w:sz/@w:val")[0]) / 2


def test_a_long_bar_chart_continues_on_the_next_page_in_both_files(tmp_path: Path) -> None:
    from meetingroom.documents.model import ChartKind, Series

    names = tuple(f"Member {number}" for number in range(1, 71))
    chart = Chart("Attendances by person", ChartKind.BARS, names,
                  (Series("Meetings", tuple(float(n % 9 + 1) for n in range(70))),))
    document = Document("People", blocks=(chart,))
    write_pdf(document, LARGE, tmp_path / "long.pdf")
    write_docx(document, LARGE, tmp_path / "long.docx")
    pages = [squash(page) for page in pdf_text(tmp_path / "long.pdf")]
    assert len(pages) > 2 and all("Attendances by person (continued)" in page for page in pages[1:])
    text = " ".join(pages)
    assert all(f"{name} " in text + " " for name in names)
    pictures = docx_file(tmp_path / "long.docx").element.body.findall(".//" + qn("wp:docPr"))
    assert len(pictures) > 2
    described = " ".join(picture.get("descr") for picture in pictures)
    assert all(f"{name} " in described for name in names)


def test_a_table_too_wide_for_large_print_is_stacked_and_a_grid_in_standard_print(tmp_path: Path) -> None:
    header = ("Date", "Meeting", "Came", "Papers on time", "Letters on time", "Answered", "Cards")
    rows = tuple((f"{n:02d}/05/2025", "Recruitment panel", "19 of 23", "78%", "76%", "33% (1 of 3)", "2")
                 for n in range(1, 13))
    document = Document("Each meeting", blocks=(DataTable("Each meeting in the period", header, rows),))
    for profile, stacked in ((STANDARD, False), (LARGEST, True)):
        pdf, docx = tmp_path / f"{profile.name}.pdf", tmp_path / f"{profile.name}.docx"
        write_pdf(document, profile, pdf)
        write_docx(document, profile, docx)
        text = squash(" ".join(pdf_text(pdf)))
        assert (text.count("Letters on time") == len(rows)) is stacked  # each row names its columns
        assert all(f"{n:02d}/05/2025" in text for n in range(1, 13))
        grid = docx_file(docx).tables[0]
        assert (len(grid.columns) == 2) is stacked
        assert (grid.rows[0]._tr.trPr.find(qn("w:tblHeader")) is None) is stacked
        sizes = [float(char["size"]) for _page, char, _size in pdf_chars(pdf) if str(char["text"]).strip()]
        assert min(sizes) >= profile.body_pt - 0.01
