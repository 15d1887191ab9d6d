"""The projector view: what the room sees, in large type, high contrast, never clipped."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from meetingroom.domain.board import Board, ShownCard, Speaker
from meetingroom.domain.conduct import CardKind, GroundRule, TurnMode
from meetingroom.paths import resources_dir
from meetingroom.themes import load_theme
from meetingroom.ui.labels import label
from meetingroom.ui.projector import ProjectorWindow
from meetingroom.ui.projector_parts import CardTile, Picture, RuleRow
from meetingroom.ui.styling import HIGH_CONTRAST_DARK, apply_theme
from tests.ui.audit import contrast_problems, tab_cycle, unnamed

pytestmark = pytest.mark.gui

HIGH_CONTRAST = load_theme(HIGH_CONTRAST_DARK).colours


def ground_rules() -> tuple[GroundRule, ...]:
    shipped = json.loads((resources_dir() / "ground_rules.json").read_text(encoding="utf-8"))
    return tuple(GroundRule(r["text"], r["easy_read_text"], r["picture"]) for r in shipped)


def realistic() -> Board:
    return Board("Transport and Access Panel", "Transport to appointments", 2, 5, 754.0, None,
                 Speaker("Priya", 83.2), ("Sam", "Dee", "Alex"),
                 (ShownCard(CardKind.SLOW_DOWN, 1_700_000_000.0),))


def everything() -> Board:
    """Over time, on a break, three cards and all the shipped ground rules."""
    cards = (ShownCard(CardKind.BREAK_NEEDED, 3.0), ShownCard(CardKind.JARGON, 2.0),
             ShownCard(CardKind.BREAK_NEEDED, 1.0, "Priya"))
    return replace(realistic(), item_seconds_left=-70.0, break_seconds_left=-12.4, cards=cards,
                   ground_rules=ground_rules(), show_ground_rules=True)


@pytest.fixture
def text_scale(qapp: QApplication) -> Iterator[Callable[[int], None]]:
    yield lambda percent: apply_theme(qapp, load_theme("standard"), percent)
    apply_theme(qapp, load_theme("standard"), 100)


@pytest.fixture
def projector(qtbot, text_scale: Callable[[int], None]) -> ProjectorWindow:  # type: ignore[no-untyped-def]
    text_scale(100)
    window = ProjectorWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


def shown(window: ProjectorWindow) -> list[str]:
    return [w.text() for w in window.findChildren(QLabel) if w.isVisible() and w.text()]


def clipped(window: ProjectorWindow) -> list[str]:
    """Every visible text that does not fit its label, or whose label leaves the window."""
    problems = []
    for words in window.content.findChildren(QLabel):
        if not words.isVisible() or not words.text():
            continue
        need = words.heightForWidth(words.width()) if words.wordWrap() else words.sizeHint().height()
        if need > words.height() or (not words.wordWrap() and words.sizeHint().width() > words.width()):
            problems.append(f"{words.text()!r} needs {need}px, has {words.size().toTuple()}")
        corner = words.mapTo(window, QPoint(words.width(), words.height()))
        if corner.x() > window.width() or corner.y() > window.height():
            problems.append(f"{words.text()!r} ends outside the window at {corner.toTuple()}")
    return problems


def colour_at(widget, x: int, y: int) -> str:  # type: ignore[no-untyped-def]
    """The colour the room sees at (x, y) in widget, drawn as part of the whole window."""
    window = widget.window()
    at = widget.mapTo(window, QPoint(x, y))
    return QColor(window.grab().toImage().pixelColor(at.x(), at.y())).name()


def test_shows_each_part_of_a_board(projector: ProjectorWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    projector.show_board(realistic())
    texts = shown(projector)
    for expected in ("Transport and Access Panel", "Item 2 of 5: Transport to appointments",
                     "12:34", "12 min 34 sec left", "Priya", "1:24", "1 min 24 sec left",
                     "Next: Sam, Dee, Alex", label(CardKind.SLOW_DOWN)):
        assert expected in texts
    assert "Break" not in texts and not projector.rules.isVisible()
    assert not projector.speaker_detail.isVisible()  # spoken, by Priya herself
    picture = projector.cards.findChild(Picture)
    assert picture is not None and picture.pixmap().width() == picture.width() > 0
    assert unnamed(projector) == []
    assert projector.windowTitle() == "MeetingRoom — projector"


def test_over_time_is_said_in_words_and_shown_with_more_than_colour(projector: ProjectorWindow) -> None:
    projector.show_board(realistic())
    clock = projector.item_clock
    assert not clock.over and "Over time" not in projector.accessibleDescription()
    assert colour_at(clock, 8, 8) == HIGH_CONTRAST["window"]
    projector.show_board(replace(realistic(), item_seconds_left=-70.0))
    assert clock.figures.text() == "+1:10" and clock.words.text() == "1 min 10 sec over"
    assert clock.over and "Over time: The item." in projector.accessibleDescription()
    assert colour_at(clock, 8, 8) == HIGH_CONTRAST["warning_base"]  # inverted, with a thick edge
    assert colour_at(clock, 2, clock.height() // 2) == HIGH_CONTRAST["window_text"]
    projector.show_board(replace(realistic(), speaker=Speaker("Priya", -5.0, paused=True)))
    assert projector.speaker_clock.words.text() == "Paused: 5 seconds over"
    assert "The speaker's turn" in projector.accessibleDescription()
    projector.show_board(realistic())
    assert not clock.over and "Over time" not in projector.accessibleDescription()


def test_a_break_shows_a_big_countdown_instead_of_the_speaker(projector: ProjectorWindow) -> None:
    projector.show_board(replace(realistic(), break_seconds_left=300.0))
    assert projector.break_heading.isVisible() and projector.break_clock.isVisible()
    assert projector.break_clock.figures.text() == "5:00"
    assert projector.break_clock.words.text() == "5 minutes left"
    assert not projector.speaker_box.isVisible() and not projector.next_names.isVisible()
    assert not projector.item_clock.isVisible()
    assert projector.break_clock.figures.font().pixelSize() > projector.item.font().pixelSize()
    projector.show_board(realistic())
    assert not projector.break_clock.isVisible() and projector.speaker_box.isVisible()


def test_ground_rules_are_shown_on_request_with_easy_read_words_and_pictures(
        projector: ProjectorWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    rules = ground_rules()
    projector.show_board(replace(realistic(), ground_rules=rules))
    assert not projector.rules.isVisible() and rules[0].text not in shown(projector)
    projector.show_board(replace(realistic(), ground_rules=rules, show_ground_rules=True))
    texts = shown(projector)
    assert "Our ground rules" in texts
    for rule in rules:
        assert rule.text in texts and rule.easy_read_text in texts
    pictures = projector.rules.findChildren(Picture)
    assert len(pictures) == len(rules)
    assert all(p.isVisible() and p.pixmap().width() == p.width() > 0 for p in pictures)
    qtbot.wait(10)  # let the layouts settle as they would on screen
    assert clipped(projector) == []
    projector.show_board(realistic())
    assert not projector.rules.isVisible()


def test_cards_show_in_words_once_per_kind_newest_first(projector: ProjectorWindow) -> None:
    projector.show_board(everything())
    tiles = [t for t in projector.cards.findChildren(CardTile) if t.isVisible()]
    assert [t.words.text() for t in tiles] == [f"{label(CardKind.BREAK_NEEDED)} (2 cards)",
                                               label(CardKind.JARGON)]
    assert "Priya" not in tiles[0].words.text()  # who held a card up is for the minutes, not the room
    projector.show_board(replace(everything(), cards=()))
    assert not projector.cards.isVisible()


def test_someone_speaking_for_a_member_and_the_mode_are_shown(projector: ProjectorWindow) -> None:
    speaker = Speaker("Priya", 30.0, mode=TurnMode.BSL, spoken_by="Sam")
    projector.show_board(replace(realistic(), speaker=speaker))
    detail = projector.speaker_detail
    assert detail.isVisible()
    assert "(Sam speaking for Priya)" in detail.text() and label(TurnMode.BSL) in detail.text()
    projector.show_board(replace(realistic(), speaker=replace(speaker, spoken_by="")))
    assert detail.text() == label(TurnMode.BSL)


def test_names_are_shown_exactly_as_typed_never_as_markup(projector: ProjectorWindow) -> None:
    name = "<b>Jo</b> & Siân"
    projector.show_board(replace(realistic(), speaker=Speaker(name, 10.0), next_names=(name,)))
    assert projector.speaker.text() == name and projector.speaker.textFormat() == Qt.TextFormat.PlainText
    assert projector.next_names.text() == f"Next: {name}"


def test_type_is_very_large_and_follows_the_window(projector: ProjectorWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    projector.show_board(realistic())
    for words in (projector.item, projector.speaker):
        assert 0.05 <= words.font().pixelSize() / projector.height() <= 0.085
    before = projector.speaker.font().pixelSize()
    projector.resize(1920, 1080)
    qtbot.waitUntil(lambda: projector.speaker.font().pixelSize() > before)


def test_a_larger_app_text_scale_makes_the_type_larger_when_there_is_room(
        projector: ProjectorWindow, text_scale, qtbot) -> None:  # type: ignore[no-untyped-def]
    projector.show_board(realistic())
    before = projector.speaker.font().pixelSize()
    text_scale(200)
    qtbot.waitUntil(lambda: projector.speaker.font().pixelSize() > before)
    qtbot.wait(10)
    assert clipped(projector) == [] and not projector.scroll.verticalScrollBar().isVisible()
    assert colour_at(projector, 2, 2) == HIGH_CONTRAST["window"]


@pytest.mark.parametrize("percent", [100, 200])
@pytest.mark.parametrize("board", [realistic, everything])
def test_nothing_is_clipped_and_all_of_it_is_on_screen(
        percent: int, board: Callable[[], Board], text_scale, qtbot) -> None:  # type: ignore[no-untyped-def]
    text_scale(percent)
    window = ProjectorWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.show_board(board())
    qtbot.wait(10)  # let the layouts settle as they would on screen
    assert clipped(window) == []
    assert not window.scroll.verticalScrollBar().isVisible()
    assert not window.scroll.horizontalScrollBar().isVisible()


def test_high_contrast_whatever_the_app_theme(projector: ProjectorWindow, qapp) -> None:  # type: ignore[no-untyped-def]
    apply_theme(qapp, load_theme("low-glare"), 100)
    projector.show_board(realistic())
    assert colour_at(projector, 2, 2) == HIGH_CONTRAST["window"]
    assert contrast_problems(load_theme(HIGH_CONTRAST_DARK), projector.palette()) == []
    assert QApplication.palette().color(QApplication.palette().ColorRole.Window).name() != \
        HIGH_CONTRAST["window"]  # the app itself keeps its own theme


def test_show_on_best_screen_with_one_screen_is_a_large_normal_window(projector: ProjectorWindow,
                                                                     qtbot) -> None:  # type: ignore[no-untyped-def]
    assert len(QGuiApplication.screens()) == 1
    projector.hide()
    projector.show_on_best_screen()
    qtbot.waitExposed(projector)
    area = QGuiApplication.primaryScreen().availableGeometry()
    assert projector.isVisible() and not projector.isFullScreen()
    assert area.contains(projector.geometry())
    assert projector.width() >= area.width() * 0.7 and projector.height() >= area.height() * 0.7


TWO_SCREENS = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtWidgets import QApplication, QWidget
    from meetingroom.ui.projector import ProjectorWindow
    app = QApplication([])
    main = QWidget()
    main.setScreen(app.screens()[int(sys.argv[1])])
    main.setGeometry(main.screen().availableGeometry().adjusted(20, 20, -20, -20))
    main.show()
    window = ProjectorWindow(main)
    window.show_on_best_screen()
    app.processEvents()
    print(json.dumps({"screen": window.screen().name(), "full": window.isFullScreen(),
                      "geometry": window.geometry().getRect()}))
    """
)


@pytest.mark.slow
@pytest.mark.parametrize(("main_on", "expected"), [(0, "projector"), (1, "laptop")])
def test_show_on_best_screen_fills_the_other_screen(main_on: int, expected: str,
                                                    tmp_path: Path) -> None:
    screens = [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768},
               {"name": "projector", "x": 1366, "y": 0, "width": 1920, "height": 1080}]
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [
        {**s, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1} for s in screens]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    child = subprocess.run([sys.executable, "-c", TWO_SCREENS, str(main_on)], env=env,
                           capture_output=True, text=True, timeout=120, check=False)
    assert child.returncode == 0, child.stderr[-2000:]
    shown_on = json.loads(child.stdout.splitlines()[-1])
    screen = next(s for s in screens if s["name"] == expected)
    assert shown_on == {"screen": expected, "full": True,
                        "geometry": [screen["x"], screen["y"], screen["width"], screen["height"]]}


@pytest.mark.parametrize("key", [(Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                                 (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)])
def test_escape_or_ctrl_w_closes_it_and_says_so(projector: ProjectorWindow, key, qtbot) -> None:  # type: ignore[no-untyped-def]
    projector.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is projector)
    visited, came_back = tab_cycle(projector.scroll, qtbot)
    assert came_back and unnamed(projector) == []
    with qtbot.waitSignal(projector.closed, timeout=2000):
        qtbot.keyClick(QApplication.focusWidget(), key[0], key[1])
    assert not projector.isVisible()


def test_showing_an_unchanged_board_only_updates_the_clocks_and_is_cheap(
        projector: ProjectorWindow) -> None:
    board = everything()
    projector.show_board(board)
    tiles, rows = projector.cards.findChildren(CardTile), projector.rules.findChildren(RuleRow)
    durations = []
    for second in range(100):
        ticked = replace(board, item_seconds_left=-70.0 - second, break_seconds_left=-12.4 - second)
        start = time.perf_counter()
        projector.show_board(ticked)
        durations.append(time.perf_counter() - start)
    assert statistics.median(durations) < 0.005, f"median {statistics.median(durations) * 1000:.2f} ms"
    assert projector.break_clock.words.text() == "1 min 52 sec over"
    assert projector.cards.findChildren(CardTile) == tiles  # nothing rebuilt
    assert projector.rules.findChildren(RuleRow) == rows
