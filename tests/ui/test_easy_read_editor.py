"""The Papers view's "Easy read" tab, used as a person would: start from the automatic
version, add and word a point, choose its picture by typing, reorder, undo and redo, and go
back to the automatic version."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from meetingroom.domain.papers import EasyReadPoint
from meetingroom.store.papers import get_paper
from meetingroom.ui.easy_read_editor import EasyReadEditor
from meetingroom.ui.main_window import MainWindow
from meetingroom.ui.picture_chooser import PictureChooser
from meetingroom.ui.views.papers import PapersView
from tests.ui.audit import describe, focusable_widgets, tab_cycle, unnamed

pytestmark = pytest.mark.gui

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
BUS = "1F68C"
TWENTY = ("We will all meet at the town hall on Monday and talk about the new plan for "
          "the care homes")


def easy_read_tab(open_window, example_path: Path) -> tuple[MainWindow, PapersView, EasyReadEditor]:  # type: ignore[no-untyped-def]
    window = open_window(workspace=example_path)
    page = window.workspace_page
    assert page is not None
    row = next(r for r in range(page.navigation.count()) if page.navigation.item(r).text() == "Papers")
    page.navigation.setCurrentRow(row)
    view = page.current_view()
    assert isinstance(view, PapersView)
    bar = view.tabs.tabBar()
    qtbot_click(window, bar, bar.tabRect(1).center())
    assert view.easy_read is not None and view.easy_read.isVisible()
    return window, view, view.easy_read


def qtbot_click(window, widget, at) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtTest import QTest

    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)


def stored(editor: EasyReadEditor) -> tuple[EasyReadPoint, ...] | None:
    assert editor.paper_id is not None
    return get_paper(editor.session.workspace, editor.paper_id).easy_read


def test_make_a_hand_made_easy_read_with_the_keyboard(open_window, example_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, view, editor = easy_read_tab(open_window, example_path)
    assert stored(editor) is None
    automatic = editor.automatic_points()
    assert editor.model.points == automatic and len(automatic) > 3
    assert not editor.sentence.isEnabled() and not editor.add_button.isEnabled()

    qtbot.mouseClick(editor.start_button, Qt.MouseButton.LeftButton)
    assert stored(editor) == automatic
    assert editor.automatic_button.isEnabled() and not editor.start_button.isEnabled()

    # A new point after the first: the cursor goes to its sentence; 20 words are flagged.
    editor.list.setCurrentIndex(editor.model.index(0, 0))
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is editor.sentence and editor.current_row() == 1
    assert "This point has no sentence yet." in editor.flags.text()
    qtbot.keyClicks(editor.sentence, TWENTY + ", seven of us.")
    assert "This sentence has 23 words. Easy read uses 15 or fewer." in editor.flags.text()
    qtbot.keyClick(editor.sentence, Qt.Key.Key_Return)
    points = stored(editor)
    assert points is not None and points[1].text == TWENTY + ", seven of us." and len(points) == len(automatic) + 1
    shown = editor.model.index(1, 0).data(Qt.ItemDataRole.DisplayRole)
    assert "Check: This sentence has 23 words. Easy read uses 15 or fewer." in shown
    assert "Check: Write 7, not seven." in shown

    # Its picture, chosen by typing a word and Enter.
    qtbot.mouseClick(editor.choose_button, Qt.MouseButton.LeftButton)
    chooser = editor.chooser
    assert isinstance(chooser, PictureChooser)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is chooser.search)
    qtbot.keyClicks(chooser.search, "bus")
    qtbot.keyClick(chooser.search, Qt.Key.Key_Return)
    points = stored(editor)
    assert points is not None and points[1] == EasyReadPoint(TWENTY + ", seven of us.", BUS)
    assert editor.picture.accessibleName() == "bus" and editor.picture_said.text() == "Picture: bus"
    assert window.focusWidget() is editor.choose_button  # focus goes back where it was
    window.activateWindow()  # the offscreen platform does not give it back by itself
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    # Alt+Down moves it down one; the chosen point goes with it.
    editor.list.setFocus()
    qtbot.keyClick(editor.list, Qt.Key.Key_Down, ALT)
    points = stored(editor)
    assert points is not None and points[2].picture == BUS and points[1] == automatic[1]
    assert editor.current_row() == 2
    qtbot.keyClick(editor.list, Qt.Key.Key_Up, ALT)
    qtbot.keyClick(editor.list, Qt.Key.Key_Up, ALT)
    assert stored(editor)[0].picture == BUS  # type: ignore[index]
    assert not editor.up_button.isEnabled()

    # Undo (Ctrl+Z) goes back step by step; redo comes forward again.
    qtbot.keyClick(editor.list, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(editor.list, Qt.Key.Key_Z, CTRL)
    assert stored(editor)[2].picture == BUS  # type: ignore[index]
    qtbot.keyClick(editor.list, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(editor.list, Qt.Key.Key_Z, CTRL)
    assert stored(editor)[1] == EasyReadPoint(TWENTY + ", seven of us.", "")  # type: ignore[index]
    window.redo()
    assert stored(editor)[1].picture == BUS  # type: ignore[index]

    # Back to the automatic version, and undo brings the hand-made one back.
    made = stored(editor)
    qtbot.mouseClick(editor.automatic_button, Qt.MouseButton.LeftButton)
    assert stored(editor) is None
    assert editor.model.points == automatic and editor.start_button.isEnabled()
    window.undo()
    assert stored(editor) == made and editor.model.points == made


def test_remove_with_the_delete_key_and_sentences_saved_per_paper(open_window, example_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, view, editor = easy_read_tab(open_window, example_path)
    editor.start_from_automatic()
    before = stored(editor)
    assert before is not None
    editor.list.setFocus()
    editor.list.setCurrentIndex(editor.model.index(1, 0))
    qtbot.keyClick(editor.list, Qt.Key.Key_Delete)
    assert stored(editor) == (before[0], *before[2:])
    assert editor.current_row() == 1
    # A sentence typed and left unfinished is saved when another paper is chosen.
    first_paper = editor.paper_id
    editor.sentence.setFocus()
    editor.sentence.selectAll()
    qtbot.keyClicks(editor.sentence, "We meet on 3 June.")
    view.list.setCurrentIndex(view.model.index(1, 0))
    assert editor.paper_id != first_paper
    assert get_paper(view.session.workspace, first_paper).easy_read[1].text == "We meet on 3 June."  # type: ignore[arg-type, index]


def test_easy_read_tab_is_named_and_tab_goes_round(open_window, example_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, view, editor = easy_read_tab(open_window, example_path)
    editor.start_from_automatic()
    assert unnamed(editor) == []
    visited, came_back = tab_cycle(view.list, qtbot)
    assert came_back
    missing = [describe(w) for w in focusable_widgets(editor) if w not in visited]
    assert missing == []
