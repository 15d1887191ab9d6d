"""Printing a paper (issue 4, point 5): the print document in each format, printed to a PDF
through QPrinter and read back, and the preview opened from the Papers view and closed by key."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument, QTextFormat
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication

from meetingroom.documents.model import FormatProfile
from meetingroom.documents.pack_contents import paper_document
from meetingroom.documents.paper_import import paper_from_text
from meetingroom.domain.papers import EasyReadPoint
from meetingroom.domain.people import FormatKind
from meetingroom.ui.paper_print import PrintPaperDialog, a4_printer, print_document, print_pages
from meetingroom.ui.styling import register_app_fonts
from tests.ui.audit import unnamed
from tests.ui.test_papers_view import papers_view

pytestmark = pytest.mark.gui

TRICKY = """\
Budget <b>plans</b> & more

We need a & b to agree before the board meets. <script>alert(1)</script> stays as text 😀.

Languages

- Welsh members wrote: Mae'r ŵyn yn y cae
- Polish members wrote: Zażółć gęślą jaźń
- Arabic members wrote: مرحبا بكم في الاجتماع

1. Tea and coffee are **free**
2. The lift is working again
"""
PROFILES = [(FormatProfile(), 14), (FormatProfile(FormatKind.LARGE_PRINT, 18), 18),
            (FormatProfile(FormatKind.LARGE_PRINT, 28), 28), (FormatProfile(FormatKind.EASY_READ), 16)]


def words(text: str) -> set[str]:
    return set(re.findall(r"[\w']+", unicodedata.normalize("NFC", text)))


PAPER_WORDS = words(re.sub(r"^(?:\d+\.|-) ", "", TRICKY, flags=re.MULTILINE))  # list markers are not words


def tricky_document():  # type: ignore[no-untyped-def]
    return paper_document(paper_from_text(TRICKY, markdown=False, title="Budget"))


def fragments(document: QTextDocument) -> list[tuple[str, float, bool, str]]:
    """(text, point size, bold, first family) of every piece of text in the document."""
    found = []
    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            font = fragment.charFormat().font()
            found.append((fragment.text(), font.pointSizeF(), font.bold(), font.families()[0]))
            iterator += 1
        block = block.next()
    del cursor
    return found


@pytest.mark.parametrize(("profile", "body"), PROFILES)
def test_print_document_has_every_word_in_the_format_sizes(qapp, profile: FormatProfile, body: int) -> None:  # type: ignore[no-untyped-def]
    source = tricky_document()
    printed = print_document(source, profile)
    text = printed.toPlainText()
    assert words(text) >= PAPER_WORDS
    squashed = " ".join(text.split())
    for exact in ("<b>plans</b> & more", "a & b", "<script>alert(1)</script>", "😀",
                  "Mae'r ŵyn yn y cae", "Zażółć gęślą jaźń", "مرحبا بكم في الاجتماع"):
        assert exact in squashed
    pieces = [f for f in fragments(printed) if f[0].strip() and f[0] != "\ufffc"]
    assert {family for *_, family in pieces} == {register_app_fonts()}
    assert min(size for _, size, _, _ in pieces) == body
    title = next(f for f in pieces if f[0].startswith("Budget"))
    assert title[2] and title[1] > body  # headings bold and larger
    assert printed.defaultFont().pointSizeF() == body  # Qt prints page numbers in this font
    first = printed.begin()
    assert first.blockFormat().headingLevel() == 1
    assert first.next().blockFormat().lineHeight() == 150  # 1.5 line spacing (LP5)
    assert all(int(b.blockFormat().alignment()) & int(Qt.AlignmentFlag.AlignLeft)
               for b in _blocks(printed))
    if profile.kind is FormatKind.EASY_READ:
        images = [f for f in fragments(printed) if f[0] == "\ufffc"]
        tables = [frame for frame in printed.rootFrame().childFrames()]
        assert tables and len(images) == sum(t.rows() for t in tables)  # type: ignore[attr-defined]
        assert "Hard words" in text or not source.hard_words
        picture = _first_image_format(printed)
        assert picture.property(QTextFormat.Property.ImageAltText).startswith("Picture: ")


def _blocks(document: QTextDocument) -> list:  # type: ignore[type-arg]
    found, block = [], document.begin()
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


def _first_image_format(document: QTextDocument):  # type: ignore[no-untyped-def]
    for block in _blocks(document):
        iterator = block.begin()
        while not iterator.atEnd():
            form = iterator.fragment().charFormat()
            if form.isImageFormat():
                return form.toImageFormat()
            iterator += 1
    raise AssertionError("no picture")


@pytest.mark.parametrize(("profile", "body"), PROFILES)
def test_printed_pdf_is_a4_with_nothing_smaller_than_the_body(qapp, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                            profile: FormatProfile, body: int) -> None:
    source = tricky_document()
    printer = a4_printer(source.title)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / f"{profile.name}-{profile.size}.pdf"
    printer.setOutputFileName(str(out))
    print_pages(print_document(source, profile), printer)
    with pdfplumber.open(out) as pdf:
        pages = {(round(p.width), round(p.height)) for p in pdf.pages}
        chars = [c for p in pdf.pages for c in p.chars if c["text"].strip()]
        text = " ".join(p.extract_text() or "" for p in pdf.pages)
        lowest = []
        for page in pdf.pages:
            bottom = max(c["top"] for c in page.chars)
            lowest.append(" ".join("".join(c["text"] for c in page.chars if abs(c["top"] - bottom) < 1).split()))
        picture_sides = [min(i["width"], i["height"]) for p in pdf.pages for i in p.images]
    assert pages == {(595, 842)}
    assert min(c["size"] for c in chars) >= body - 0.05
    assert {c["fontname"].split("+")[-1] for c in chars} >= {"AtkinsonHyperlegible-Regular",
                                                             "AtkinsonHyperlegible-Bold"}
    latin = {w for w in PAPER_WORDS if w.isascii() or w in {"ŵyn", "Zażółć", "gęślą", "jaźń"}}
    if profile.kind is FormatKind.EASY_READ:
        points = sum(isinstance(item, EasyReadPoint) for item in source.easy_read)
        pictures = [side for side in picture_sides if side > body * 1.5]  # not the emoji in the text
        assert len(pictures) == points and min(pictures) >= 70  # ER3: pictures at least 70 pt
    assert words(text) >= latin
    assert lowest == [f"Page {n} of {len(lowest)}" for n in range(1, len(lowest) + 1)]


def test_print_button_opens_a_preview_that_closes_by_keyboard(open_window, example_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    _, view = papers_view(open_window, example_path)
    printer = view.printer
    assert printer.button.isEnabled() and printer.button.text() == "Print or pre&view…"
    qtbot.mouseClick(printer.button, Qt.MouseButton.LeftButton)
    chooser = printer.chooser
    assert isinstance(chooser, PrintPaperDialog)
    qtbot.waitExposed(chooser)
    assert unnamed(chooser) == []
    chooser.choose(FormatKind.LARGE_PRINT, 24)
    assert chooser.profile() == FormatProfile(FormatKind.LARGE_PRINT, 24)
    chooser.preview_button.setFocus()
    qtbot.keyClick(chooser.preview_button, Qt.Key.Key_Space)
    preview = printer.preview
    assert isinstance(preview, QPrintPreviewDialog)
    qtbot.waitExposed(preview)
    assert unnamed(preview) == []
    assert preview.windowTitle().startswith("Print preview: ")
    preview.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is preview)
    focused = QApplication.focusWidget()
    assert focused is not None and preview.isAncestorOf(focused)
    with qtbot.waitSignal(preview.finished):
        qtbot.keyClick(focused, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: printer.preview is None)  # closed, and let go
    assert view.isVisible()
