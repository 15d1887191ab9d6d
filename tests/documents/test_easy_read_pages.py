"""Easy read read back from the PDF: a picture on the left of every point, at least 70 pt,
16 pt text, points never split across pages, hard words and the picture credit at the end
(ER1, ER3, ER4, ER6, ER7)."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from meetingroom.documents.docx import write_docx
from meetingroom.documents.model import FormatProfile
from meetingroom.documents.pdf import write_pdf
from meetingroom.domain.people import FormatKind
from tests.documents.readback import docx_file, many_points, outline_titles, pdf_reader, squash

EASY_READ = FormatProfile(FormatKind.EASY_READ)
COUNT = 40


def test_forty_points_each_whole_on_one_page_with_its_picture(tmp_path: Path) -> None:
    path = tmp_path / "points.pdf"
    write_pdf(many_points(COUNT), EASY_READ, path)
    seen: dict[int, int] = {}
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) > 3  # the points really do run over several pages
        for number, page in enumerate(pdf.pages, start=1):
            assert min(char["size"] for char in page.chars) >= 16 - 0.01
            pictures = sorted(page.images, key=lambda image: image["top"])
            for picture in pictures:
                assert picture["width"] >= 70 and picture["height"] >= 70
            for line in page.extract_text_lines():
                if not line["text"].startswith("Point "):
                    continue
                assert line["text"].endswith("is about the bus to the meeting.")  # not split
                point = int(line["text"].split()[1])
                assert point not in seen
                seen[point] = number
                # its picture is beside it, on the left, on the same page
                beside = [p for p in pictures if p["top"] <= line["top"] and p["bottom"] >= line["bottom"]]
                assert len(beside) == 1 and beside[0]["x1"] < line["x0"]
            points_here = sum(1 for p in seen.values() if p == number)
            assert len(pictures) == points_here
    assert sorted(seen) == list(range(1, COUNT + 1))


def test_headings_between_points_are_bookmarked_and_hard_words_end(tmp_path: Path) -> None:
    path = tmp_path / "points.pdf"
    write_pdf(many_points(COUNT), EASY_READ, path)
    titles = outline_titles(pdf_reader(path))
    assert titles[:2] == [(0, "Many points"), (0, "Our plan")]
    assert (1, "Part 2") in titles and titles[-1] == (1, "Hard words")
    with pdfplumber.open(path) as pdf:
        last = pdf.pages[-1].extract_text()
    assert "Transport" in last and "How you get to places." in last
    assert "Pictures: OpenMoji" in last and "CC BY-SA 4.0" in last


def test_a_very_long_point_still_prints(tmp_path: Path) -> None:
    """A point is meant to be one short sentence; a pasted page must still not crash."""
    from meetingroom.documents.model import Document
    from meetingroom.domain.papers import EasyReadPoint

    text = "This point goes on and on about the bus. " * 120
    path = tmp_path / "long.pdf"
    write_pdf(Document("Long", easy_read=(EasyReadPoint(text),)), EASY_READ, path)
    with pdfplumber.open(path) as pdf:
        printed = squash(" ".join(page.extract_text() for page in pdf.pages))
    assert printed.count("about the bus.") == 120


def test_docx_easy_read_keeps_forty_rows_whole(tmp_path: Path) -> None:
    path = tmp_path / "points.docx"
    write_docx(many_points(COUNT), EASY_READ, path)
    document = docx_file(path)
    rows = [row for table in document.tables for row in table.rows]
    assert len(rows) == COUNT
    assert all(row._tr.trPr is not None and row._tr.trPr.xml.count("cantSplit") == 1 for row in rows)
