"""The involvement report written to real PDF and DOCX files and read back: the figures worked
out by hand for the example workspace (see tests/store/test_involvement_read.py for the
working) reach both files, under the 4Pi headings, with charts that carry their figures in
words, tables, and an easy-read summary page; AD1, AD2 and CP1 hold."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pdfplumber
import pytest
from docx.oxml.ns import qn

from meetingroom.documents.involvement_report import make_report, report_document, write_report
from meetingroom.documents.model import Chart, DataTable, PageBreak
from meetingroom.domain.papers import EasyReadPoint
from meetingroom.example import write_example
from meetingroom.store import Workspace
from tests.documents.readback import docx_file, outline_titles, pdf_reader, pdf_text, squash

TODAY = date(2025, 6, 3)  # the held meeting was on 6 May 2025
START, END = date(2025, 1, 1), date(2025, 6, 3)
STANDARDS = ("Principles: are we working in line with our values?", "Purpose: why are we involving people?",
             "Presence: who is involved?", "Process: how are people involved?",
             "Impact: what difference has involvement made?")
# Worked out by hand (tests/store/test_involvement_read.py): papers 10 of 13 on time, letters 1
# of 13, contributions 4 of 6; £415.80 paid to 5 people and £97.60 claimed (£513.40 in all);
# 11 people came once each, so 6 people make up half; Kwame and Tomasz never came.
SENTENCES = (
    "Papers reached members on time: 77% (10 of 13).",
    "Feedback letters went out on time: 8% (1 of 13).",
    "Contributions answered: 67% (4 of 6).",
    "£513.40 in all: £415.80 paid to 5 people, and £97.60 claimed and not paid yet.",
    "11 attendances by 11 people. Half of all attendances were by 6 people (55% of the people who came).",
    "They made 2 decisions: 1 everyone agreed, 1 by a vote.",
    "Actions agreed: 4. 2 done, 2 still open (1 of them overdue), 0 dropped.",
    "4 evaluation forms came back (1 without a name).",
    "\"I was listened to\" scored 4.5 out of 5 on average (4 answers).",
)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("report")
    write_example(folder / "example.meetingroom", today=TODAY)
    with Workspace.open(folder / "example.meetingroom", backup=False) as ws:
        make_report(ws, START, END, [folder / "report.pdf", folder / "report.docx"], today=TODAY)
    return folder / "report.pdf", folder / "report.docx"


def test_the_pdf_says_the_hand_worked_figures_under_the_4pi_headings(written: tuple[Path, Path]) -> None:
    pdf, _docx = written
    text = squash(" ".join(pdf_text(pdf)))
    for sentence in SENTENCES:
        assert sentence in text, sentence
    for name in ("Kwame Asante", "Tomasz Nowak"):
        assert name in text  # never came: someone could get back in touch
    reader = pdf_reader(pdf)
    titles = [title for _depth, title in outline_titles(reader)]
    assert titles[0] == "Involvement report: 1 January 2025 to 3 June 2025"
    positions = [titles.index(standard) for standard in STANDARDS]
    assert positions == sorted(positions)
    assert "This report in easy read" in titles
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            assert "/FontFile2" in font.get_object()["/FontDescriptor"]  # AD2: embedded


def test_the_pdf_charts_write_their_figures_and_nothing_is_below_12_pt(written: tuple[Path, Path]) -> None:
    pdf, _docx = written
    with pdfplumber.open(pdf) as opened:
        chars = [c for page in opened.pages for c in page.chars if c["text"].strip()]
        words = " ".join(squash(page.extract_text()) for page in opened.pages)
    assert min(c["size"] for c in chars) >= 12 - 0.01  # CP1, charts and tables included
    assert "Evaluation: the average answer to each question, out of 5" in words
    assert "£375.00" in words  # the involvement payments paid, at the end of their bar
    # The easy-read page starts on a page of its own.
    pages = pdf_text(pdf)
    easy = next(n for n, page in enumerate(pages) if "This report in easy read" in page)
    assert squash(pages[easy]).split(" ")[:6] != [] and "Each meeting" not in pages[easy]


def test_the_docx_has_the_same_figures_tables_and_charts_with_alt_text(written: tuple[Path, Path]) -> None:
    _pdf, docx = written
    opened = docx_file(docx)
    text = squash(" ".join(p.text for p in opened.paragraphs))
    cells = squash(" ".join(cell.text for table in opened.tables for row in table.rows for cell in row.cells))
    for sentence in SENTENCES:
        assert sentence in text, sentence
    assert "Kwame Asante" in cells and "Never came" in cells
    headings = [p.text for p in opened.paragraphs if p.style.name.startswith("Heading")]
    assert [h for h in headings if h in STANDARDS] == list(STANDARDS)
    document = report_document_for_example()
    charts = [c for c in document.blocks if isinstance(c, Chart)]
    tables = [t for t in document.blocks if isinstance(t, DataTable)]
    described = [p.get("descr") for p in opened.element.body.findall(".//" + qn("wp:docPr"))]
    for chart in charts:
        assert chart.alt_text() in described, chart.title
    assert len(opened.tables) >= len(tables)
    header_rows = opened.element.body.findall(".//" + qn("w:tblHeader"))
    assert len(header_rows) >= len(tables)  # every table's header repeats on a new page
    lang = opened.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert lang.get(qn("w:val")) == "en-GB"


def report_document_for_example():  # type: ignore[no-untyped-def]
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "example.meetingroom"
        write_example(path, today=TODAY)
        with Workspace.open(path, backup=False) as ws:
            from meetingroom.store.involvement import read_involvement

            return report_document(read_involvement(ws, START, END, today=TODAY))


def test_the_easy_read_page_has_a_picture_for_every_point() -> None:
    document = report_document_for_example()
    blocks = list(document.blocks)
    start = next(n for n, b in enumerate(blocks) if isinstance(b, PageBreak))
    points = [b for b in blocks[start:] if isinstance(b, EasyReadPoint)]
    assert len(points) >= 8 and all(p.picture for p in points)
    assert all(len(sentence.split()) <= 15 for p in points for sentence in p.text.split(". "))  # ER2
    assert any("We had 1 meeting." == p.text for p in points)


def test_a_period_with_no_meetings_still_makes_a_report(tmp_path: Path) -> None:
    write_example(tmp_path / "example.meetingroom", today=TODAY)
    with Workspace.open(tmp_path / "example.meetingroom", backup=False) as ws:
        figures = make_report(ws, TODAY + timedelta(days=400), TODAY + timedelta(days=500),
                              [tmp_path / "empty.pdf", tmp_path / "empty.docx"], today=TODAY)
    assert figures.meetings_held == 0
    text = squash(" ".join(pdf_text(tmp_path / "empty.pdf")))
    assert "No meeting was held in this period" in text
    with pytest.raises(ValueError, match=r"\.pdf or a \.docx"):
        write_report(figures, tmp_path / "report.txt")


def test_long_lists_are_cut_to_the_first_40_and_counted() -> None:
    import dataclasses

    from meetingroom.documents.model import DataTable
    from meetingroom.domain.involvement import LongAbsence
    from meetingroom.domain.papers import Block, BlockKind
    from meetingroom.domain.people import Role

    with __import__("tempfile").TemporaryDirectory() as folder:
        path = Path(folder) / "example.meetingroom"
        write_example(path, today=TODAY)
        with Workspace.open(path, backup=False) as ws:
            from meetingroom.store.involvement import read_involvement

            figures = read_involvement(ws, START, END, today=TODAY)
    absent = tuple(LongAbsence(n, f"Person {n}", Role.CARER, None, None) for n in range(100))
    figures = dataclasses.replace(
        figures, usual_suspects=dataclasses.replace(figures.usual_suspects, long_absent=absent),
        evaluation=dataclasses.replace(figures.evaluation, comments=tuple(f"Comment {n}" for n in range(60))))
    blocks = report_document(figures).blocks
    table = next(b for b in blocks if isinstance(b, DataTable) and b.caption.startswith("Members not involved"))
    assert len(table.rows) == 40 and table.rows[0][0] == "Person 0"
    words = " ".join(b.plain_text() for b in blocks if isinstance(b, Block))
    assert "100 members have not been involved for more than 6 months (100 of them have never come)." in words
    assert "The first 40 are listed here" in words
    assert "the latest 40 of 60 comments" in words
    listed = next(b for b in blocks if isinstance(b, Block) and b.kind is BlockKind.BULLETS
                  and "Comment 59" in b.plain_text())
    assert len(listed.items) == 40 and "Comment 19" not in listed.plain_text()
