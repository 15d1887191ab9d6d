"""The picture chooser, used with the keyboard alone: type a word, arrows, Enter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from meetingroom.language.pictures import choose_picture, picture_name
from meetingroom.ui import picture_icons
from meetingroom.ui.picture_chooser import CODE_ROLE, PictureChooser
from tests.ui.audit import describe, focusable_widgets, tab_cycle, unnamed

pytestmark = pytest.mark.gui

BUS, BUS_STOP, MEETING = "1F68C", "1F68F", "1F465"
SENTENCE = "We will talk about the money for your time."


def shown(qtbot, chooser: PictureChooser) -> PictureChooser:  # type: ignore[no-untyped-def]
    qtbot.addWidget(chooser)
    chooser.show()
    qtbot.waitExposed(chooser)
    chooser.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is chooser.search)
    return chooser


def names(chooser: PictureChooser) -> list[str]:
    model = chooser.model
    return [model.index(row, 0).data(Qt.ItemDataRole.AccessibleTextRole) for row in range(model.rowCount())]


def test_typing_a_word_finds_its_pictures_and_enter_takes_the_first(qtbot) -> None:  # type: ignore[no-untyped-def]
    chooser = shown(qtbot, PictureChooser(SENTENCE, MEETING))
    qtbot.keyClicks(chooser.search, "bus")
    found = names(chooser)
    assert found[0] == "bus" and "bus stop" in found
    assert chooser.found.text() == f"{len(found)} pictures found."
    with qtbot.waitSignal(chooser.accepted):
        qtbot.keyClick(chooser.search, Qt.Key.Key_Return)
    assert chooser.chosen() == BUS


def test_arrows_in_the_search_box_move_through_the_pictures(qtbot) -> None:  # type: ignore[no-untyped-def]
    chooser = shown(qtbot, PictureChooser(SENTENCE))
    qtbot.keyClicks(chooser.search, "bus")
    first = chooser.chosen()
    qtbot.keyClick(chooser.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is chooser.search  # still typing
    assert chooser.chosen() not in (None, first)
    qtbot.keyClick(chooser.search, Qt.Key.Key_Up)
    assert chooser.chosen() == first


def test_with_nothing_typed_the_suggested_picture_comes_first_and_the_current_is_chosen(qtbot) -> None:  # type: ignore[no-untyped-def]
    chooser = shown(qtbot, PictureChooser(SENTENCE, BUS_STOP))
    suggested = choose_picture(SENTENCE)
    assert chooser.model.index(0, 0).data(CODE_ROLE) == suggested
    assert names(chooser)[0] == f"{picture_name(suggested)} (suggested)"
    assert chooser.chosen() == BUS_STOP
    qtbot.keyClick(chooser.search, Qt.Key.Key_Escape)
    assert not chooser.isVisible()


def test_a_word_with_no_picture_says_so_and_cannot_be_taken(qtbot) -> None:  # type: ignore[no-untyped-def]
    chooser = shown(qtbot, PictureChooser(SENTENCE))
    qtbot.keyClicks(chooser.search, "qqzzxx")
    assert chooser.model.rowCount() == 0
    assert "No picture has that word" in chooser.found.text()
    assert not chooser.ok.isEnabled()
    qtbot.keyClick(chooser.search, Qt.Key.Key_Return)
    assert chooser.isVisible() and chooser.chosen() is None


def test_only_the_pictures_on_screen_are_drawn(qtbot) -> None:  # type: ignore[no-untyped-def]
    chooser = shown(qtbot, PictureChooser(SENTENCE))
    before = len(picture_icons._drawn)
    qtbot.keyClicks(chooser.search, "a")  # hundreds of pictures have an "a"
    assert chooser.model.rowCount() > 300
    qtbot.waitUntil(lambda: chooser.icons.pending() == 0 and len(picture_icons._drawn) > before, timeout=10000)
    assert len(picture_icons._drawn) - before < 100


def test_every_control_is_named_and_tab_goes_round(qtbot) -> None:  # type: ignore[no-untyped-def]
    chooser = shown(qtbot, PictureChooser(SENTENCE))
    assert unnamed(chooser) == []
    visited, came_back = tab_cycle(chooser.search, qtbot)
    assert came_back
    missing = [describe(w) for w in focusable_widgets(chooser) if w not in visited and w is not chooser.search]
    assert missing == []
