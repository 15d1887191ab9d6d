"""The Papers view, used as a person would: write a paper with the keyboard (headings, lists,
bold), undo and redo, import files, see the plain-language check, make large print."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QApplication, QMessageBox

from meetingroom.documents.model import FormatProfile
from meetingroom.domain.papers import Block, BlockKind, Paper, Run
from meetingroom.domain.people import FormatKind
from meetingroom.store.papers import get_paper, list_papers
from meetingroom.ui.main_window import MainWindow
from meetingroom.ui.paper_make_dialog import MakePaperDialog
from meetingroom.ui.paper_text import blocks_from_document, document_from_blocks, normalised
from meetingroom.ui.views.papers import PapersView
from tests.ui.audit import describe, focusable_widgets, tab_cycle, unnamed

pytestmark = pytest.mark.gui

CTRL, ALT, SHIFT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier,
                    Qt.KeyboardModifier.ShiftModifier)

LONG = ("When the meeting has finished the facilitator will write to every member to tell "
        "them what was decided and what will happen next and who will do it by when.")


def papers_view(open_window, example_path: Path) -> tuple[MainWindow, PapersView]:  # type: ignore[no-untyped-def]
    window = open_window(workspace=example_path)
    page = window.workspace_page
    assert page is not None
    row = next(r for r in range(page.navigation.count()) if page.navigation.item(r).text() == "Papers")
    page.navigation.setCurrentRow(row)
    view = page.current_view()
    assert isinstance(view, PapersView)
    return window, view


def stored(view: PapersView) -> Paper:
    paper_id = view.editor.paper_id
    assert paper_id is not None
    return get_paper(view.session.workspace, paper_id)


def test_body_converts_to_the_editor_and_back_exactly(qapp) -> None:  # type: ignore[no-untyped-def]
    body = (
        Block(BlockKind.HEADING, (Run("Why <b>a & b</b> 🙂"),), level=1),
        Block(BlockKind.HEADING, (Run("Sub "), Run("bold", True)), level=3),
        Block(BlockKind.PARAGRAPH, (Run("مرحبا بكم "), Run("Croeso — Zażółć gęślą jaźń", True),
                                    Run(" <script>alert(1)</script>\nnext line"))),
        Block(BlockKind.BULLETS, items=((Run("one"),), (Run("two "), Run("& more", True)))),
        Block(BlockKind.BULLETS, items=((Run("a second list"),),)),
        Block(BlockKind.NUMBERED, items=((Run("first"),), (Run("👩🏽‍⚕️ second"),))),
        Block(BlockKind.PARAGRAPH, (Run("\u00a0non-breaking\ttab"),)),
    )
    assert blocks_from_document(document_from_blocks(body)) == body
    messy = (Block(BlockKind.PARAGRAPH, (Run(""), Run("x"), Run("y"), Run("z", True))),
             Block(BlockKind.PARAGRAPH, ()), Block(BlockKind.HEADING, (Run("h"),), level=5))
    assert blocks_from_document(document_from_blocks(messy)) == normalised(messy) == (
        Block(BlockKind.PARAGRAPH, (Run("xy"), Run("z", True))), Block(BlockKind.HEADING, (Run("h"),), 3))


def test_write_a_paper_with_the_keyboard_then_undo_and_redo(open_window, example_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, view = papers_view(open_window, example_path)
    before = len(list_papers(view.session.workspace))
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert len(list_papers(view.session.workspace)) == before + 1
    title = view.editor.title
    assert QApplication.focusWidget() is title and title.selectedText() == "New paper"
    qtbot.keyClicks(title, "Budget & <plans>")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert stored(view).title == "Budget & <plans>"
    assert view.list.currentIndex().data() == "Budget & <plans>"

    body = view.editor.body
    body.setFocus()
    qtbot.keyClicks(body, "Money")
    qtbot.keyClick(body, Qt.Key.Key_1, CTRL | ALT)  # heading 1
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClicks(body, "We have less money this year.")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClick(body, Qt.Key.Key_L, CTRL | SHIFT)  # bulleted list
    qtbot.keyClicks(body, "Rent")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClicks(body, "Food")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClick(body, Qt.Key.Key_Return)  # an empty item ends the list
    qtbot.keyClicks(body, "Please ")
    qtbot.keyClick(body, Qt.Key.Key_B, CTRL)
    qtbot.keyClicks(body, "act now")
    qtbot.keyClick(body, Qt.Key.Key_B, CTRL)
    qtbot.keyClicks(body, ".")
    body.insertPlainText(" Diolch 🙂 شكرا")
    final = (
        Block(BlockKind.HEADING, (Run("Money"),), 1),
        Block(BlockKind.PARAGRAPH, (Run("We have less money this year."),)),
        Block(BlockKind.BULLETS, items=((Run("Rent"),), (Run("Food"),))),
        Block(BlockKind.PARAGRAPH, (Run("Please "), Run("act now", True), Run(". Diolch 🙂 شكرا"))),
    )
    qtbot.waitUntil(lambda: stored(view).body == final, timeout=5000)  # committed after a pause
    assert view.editor.style.currentText() == "Paragraph"
    # Typing is not one step per key: the whole session is a handful of steps.
    stack = view.session.undo_stack
    assert stack.count() <= 9

    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL)
    undone = stored(view).body
    assert undone != final and blocks_from_document(body.document()) == undone
    assert "act now" not in "".join(b.plain_text() for b in undone)
    qtbot.keyClick(body, Qt.Key.Key_Y, CTRL)
    assert stored(view).body == final and blocks_from_document(body.document()) == final
    # The Edit menu's undo is the same history, from anywhere in the window.
    view.list.setFocus()
    window.menu.undo_action.trigger()
    assert stored(view).body == undone


def test_style_box_and_bold_button_work_without_stealing_the_cursor(open_window, example_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    _, view = papers_view(open_window, example_path)
    view.new_paper()
    editor = view.editor
    editor.body.setFocus()
    qtbot.keyClicks(editor.body, "Item")
    editor.style.setCurrentIndex(5)
    editor.style.activated.emit(5)  # "Numbered list", as chosen from the box
    assert stored(view).body == (Block(BlockKind.NUMBERED, items=((Run("Item"),),)),)
    editor.body.selectAll()
    qtbot.mouseClick(editor.bold, Qt.MouseButton.LeftButton)
    assert stored(view).body == (Block(BlockKind.NUMBERED, items=((Run("Item", True),),)),)
    assert QApplication.focusWidget() is editor.body and editor.bold.isChecked()
    assert "Ctrl+Alt+1" in editor.style.accessibleDescription()
    assert "Ctrl+B" in editor.bold.toolTip()


def test_import_markdown_and_text_then_undo(open_window, example_path, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _, view = papers_view(open_window, example_path)
    md = tmp_path / "update.md"
    md.write_text("# Our update\n\n## Money\n\nWe spent **£5 & more** on <u>rent</u>.\n\n- one\n- two\n",
                  encoding="utf-8")
    paper_id = view.import_file(md)
    assert paper_id is not None and view.editor.paper_id == paper_id
    paper = stored(view)
    assert paper.title == "Our update"
    assert Block(BlockKind.BULLETS, items=((Run("one"),), (Run("two"),))) in paper.body
    assert any(run.bold and run.text == "£5 & more" for b in paper.body for run in b.runs)
    assert blocks_from_document(view.editor.body.document()) == paper.body
    assert view.editor.title.text() == "Our update"

    txt = tmp_path / "notes.txt"
    txt.write_text("First line.\n\nSecond paragraph with 🙂 and العربية.\n", encoding="utf-8")
    text_id = view.import_file(txt)
    assert text_id is not None
    assert "العربية" in view.editor.body.toPlainText()
    view.session.undo_stack.undo()
    assert text_id not in [p.id for p in list_papers(view.session.workspace)]
    assert view.editor.paper_id != text_id

    assert view.import_file(tmp_path / "missing.pdf") is None
    assert view.message is not None and view.message.isVisible()
    view.message.button(QMessageBox.StandardButton.Close).click()


def test_rename_with_f2_delete_and_undo(open_window, example_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    _, view = papers_view(open_window, example_path)
    first = view.current_paper_id()
    assert first is not None
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not view.list
    editor.selectAll()  # type: ignore[union-attr]
    qtbot.keyClicks(editor, "Renamed")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the list commits the new name just after
    qtbot.waitUntil(lambda: get_paper(view.session.workspace, first).title == "Renamed")
    assert view.editor.title.text() == "Renamed"
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert first not in [p.id for p in list_papers(view.session.workspace)]
    assert view.editor.paper_id is not None and view.editor.paper_id != first
    view.session.undo_stack.undo()
    assert get_paper(view.session.workspace, first).title == "Renamed"
    view.session.undo_stack.undo()
    assert get_paper(view.session.workspace, first).title != "Renamed"


def _underlined(view: PapersView, start: int, end: int) -> set[QTextCharFormat.UnderlineStyle]:
    block = view.editor.body.document().findBlock(start)
    styles = set()
    for span in block.layout().formats():
        at = block.position() + span.start
        if at < end and start < at + span.length:
            styles.add(span.format.underlineStyle())
    return styles


def test_plain_language_highlights_and_findings(open_window, example_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    _, view = papers_view(open_window, example_path)
    view.new_paper()
    body = view.editor.body
    body.setFocus()
    qtbot.keyClicks(body, "The ICB will leverage the plan. " + LONG)
    panel = view.editor.check
    qtbot.waitUntil(lambda: panel.list.count() >= 3, timeout=5000)
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert any(t.startswith("“ICB”: say “") and "spell it out the first time" in t for t in texts)
    assert any(t.startswith("“leverage”: say “") for t in texts)
    assert any(t.startswith("Long sentence (30 words)") for t in texts)
    assert "long sentences" in panel.summary.text() and "reading age" in panel.summary.text()
    text = body.toPlainText()
    icb = text.index("ICB")
    assert QTextCharFormat.UnderlineStyle.WaveUnderline in _underlined(view, icb, icb + 3)
    long_at = text.index("When")
    assert QTextCharFormat.UnderlineStyle.DashUnderline in _underlined(view, long_at, long_at + 4)
    short = text.index("plan")
    assert _underlined(view, short, short + 4) <= {QTextCharFormat.UnderlineStyle.NoUnderline}
    # Choosing a finding with the keyboard puts the cursor on the words.
    row = next(i for i, t in enumerate(texts) if t.startswith("“ICB”"))
    panel.list.setFocus()
    panel.list.setCurrentRow(row)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is body and body.textCursor().selectedText() == "ICB"
    assert "spell it out" in panel.message_at(icb)


def test_make_large_print_pdf_in_the_background(open_window, example_path, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _, view = papers_view(open_window, example_path)
    paper = stored(view)
    dialog = MakePaperDialog(paper.title, tmp_path, view)
    assert unnamed(dialog) == []
    dialog.choose(FormatKind.LARGE_PRINT, 24)
    assert dialog.size.isEnabled() and dialog.profile() == FormatProfile(FormatKind.LARGE_PRINT, 24)
    dialog.choose(FormatKind.EASY_READ)
    assert not dialog.size.isEnabled()
    folder = tmp_path / "made"
    run = view.editor.make_files(FormatProfile(FormatKind.LARGE_PRINT, 24), folder)
    assert run is not None
    with qtbot.waitSignal(run.done, timeout=120_000) as blocker:
        pass
    assert blocker.args == [True]
    pdf = next(f for f in run.files if f.suffix == ".pdf")
    assert pdf.parent == folder and "large print 24" in pdf.name
    with pdfplumber.open(pdf) as document:
        chars = [c for page in document.pages for c in page.chars if c["text"].strip()]
        text = " ".join(page.extract_text() or "" for page in document.pages)
    assert chars and min(round(c["size"], 1) for c in chars) >= 24
    assert "Purpose of this paper" in text
    assert run.message is not None
    run.message.button(QMessageBox.StandardButton.Close).click()


def test_the_view_passes_the_audit(open_window, example_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    _, view = papers_view(open_window, example_path)
    assert unnamed(view) == []
    visited, came_back = tab_cycle(view.list, qtbot)
    assert came_back
    missing = [describe(w) for w in focusable_widgets(view) if w not in visited and w is not view.list]
    assert missing == []
    assert view.editor.body in visited and view.editor.check.list in visited
