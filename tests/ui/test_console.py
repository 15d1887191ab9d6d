"""The Meeting console, used as a chair uses it: by keyboard, with speech and the projector."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from meetingroom.domain.conduct import CardKind, TurnKind
from meetingroom.domain.meeting import Attendance, AttendanceStatus, Meeting
from meetingroom.store import Workspace, conduct, groups, meetings
from meetingroom.ui.main_window import MainWindow
from meetingroom.ui.run_panel import RunPanel
from meetingroom.ui.views.console import ConsoleView, best_meeting
from tests.ui.fake_speech import FakeSpeech

pytestmark = pytest.mark.gui


@pytest.fixture
def speech(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSpeech]:
    fake = FakeSpeech()
    from meetingroom.ui.speech_client import SpeechClient

    monkeypatch.setattr(RunPanel, "make_speech", staticmethod(lambda: SpeechClient(backend=fake)))
    yield fake


def checked_in(path: Path, how_many: int, turn_seconds: int | None = None) -> tuple[int, list[int]]:
    with Workspace.open(path, backup=False) as ws:
        meeting_id = max(m.id for m in meetings.list_meetings(ws) if m.id is not None)
        people = meetings.invited_member_ids(ws, meeting_id)[:how_many]
        for member_id in people:
            meetings.set_attendance(ws, Attendance(meeting_id, member_id, AttendanceStatus.PRESENT))
        if turn_seconds is not None:
            group = groups.get_group(ws)
            assert group is not None
            group.turn_seconds = turn_seconds
            groups.save_group(ws, group)
    return meeting_id, people


def console(window: MainWindow, qtbot) -> ConsoleView:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    view = window.workspace_page.current_view()
    assert isinstance(view, ConsoleView)
    return view


def key(qtbot, keys: str) -> None:  # type: ignore[no-untyped-def]
    """Press a key where the focus is, as the chair would."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    combo = QKeySequence(keys)[0]
    focus = QApplication.focusWidget()
    assert focus is not None
    QTest.keyClick(focus, combo.key(), combo.keyboardModifiers())


def test_the_console_opens_on_the_next_meeting() -> None:
    held = Meeting("Last month", datetime(2026, 10, 27, 10), id=1)
    coming = Meeting("Next month", datetime(2026, 12, 15, 10), id=2)
    today = Meeting("Today", datetime(2026, 11, 24, 14), id=3)
    assert best_meeting([held, coming, today], datetime(2026, 11, 24, 9)) is today
    assert best_meeting([held, coming], datetime(2026, 11, 24, 9)) is coming
    assert best_meeting([held, coming], datetime(2027, 1, 1)) is coming
    assert best_meeting([], datetime(2027, 1, 1)) is None


def test_running_the_queue_by_keys_announces_and_shows_on_the_projector(
        example_path: Path, open_window, qtbot, speech: FakeSpeech) -> None:  # type: ignore[no-untyped-def]
    meeting_id, people = checked_in(example_path, 5, turn_seconds=61)
    window = open_window(example_path)
    view = console(window, qtbot)
    view.choose_meeting(meeting_id)
    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # R&un the meeting
    panel = view.run_panel()
    run = view.run
    assert run is not None
    panel.announce.setChecked(True)

    key(qtbot, "F9")  # the first item starts
    assert run.state.current_item_id == run.items[0].id
    assert "Item 1 of 8" in panel.agenda.item.text()
    key(qtbot, "F8")
    who = panel.queue.who
    assert QApplication.focusWidget() is who
    names = [run.name(m) for m in people]
    for name in names[:3]:
        qtbot.wait(QApplication.keyboardInputInterval() + 50)  # a new search, as a person types
        qtbot.keyClicks(who, name[:4])  # type-ahead finds the person
        assert who.currentText() == name
        qtbot.keyClick(who, Qt.Key.Key_Return)
    assert [run.name(h.member_id) for h in run.waiting()] == names[:3]
    # A point of order from the fourth person jumps the queue.
    who.setCurrentIndex(who.findText(names[3]))
    panel.queue.kind.setCurrentIndex(panel.queue.kind.findData(TurnKind.POINT_OF_ORDER))
    qtbot.keyClick(who, Qt.Key.Key_Return)
    assert "1. " + names[3] in panel.queue.model.index(0).data()
    assert "Point of order" in panel.queue.model.index(0).data()

    key(qtbot, "Ctrl+Shift+P")
    assert panel.projector is not None and panel.projector.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # keys stay on the console

    key(qtbot, "F5")
    assert run.running is not None and run.name(run.running.member_id) == names[3]
    assert panel.queue.speaker.text() == f"Speaking: {names[3]}"
    qtbot.waitUntil(lambda: speech.said[-1:] == [f"Next speaker: {run.people[people[3]].spoken_name}."])
    qtbot.waitUntil(lambda: "One minute left." in speech.said, timeout=5000)
    panel.stop_speaking.click()
    assert speech.stops == 1
    key(qtbot, "F6")
    assert "Paused" in panel.queue.countdown.text()
    key(qtbot, "F6")
    assert "Paused" not in panel.queue.countdown.text()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # a "slow down" card
    qtbot.waitUntil(lambda: [run.cards[c].kind for c in run.state.cards_on_show] == [CardKind.SLOW_DOWN])
    assert panel.cards.shown.item(0).text().startswith("Slow down")
    board = run.board()
    assert board.speaker is not None and board.speaker.name == names[3]
    assert board.next_names == tuple(names[:3])
    key(qtbot, "F7")
    assert run.running is None and panel.queue.speaker.text() == "Nobody is speaking."
    turns = [t for t in conduct.turns(window.session.workspace, meeting_id) if t.started_at is not None]
    assert len(turns) == 1 and turns[0].ended_at is not None and len(turns[0].pauses) == 1
    key(qtbot, "Ctrl+Shift+P")
    assert panel.projector is None


def test_speech_off_says_why_and_the_console_still_works(
        example_path: Path, open_window, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from meetingroom.ui.speech_client import SpeechClient

    fake = FakeSpeech(available=False, why="no speech engine is installed")
    monkeypatch.setattr(RunPanel, "make_speech", staticmethod(lambda: SpeechClient(backend=fake)))
    meeting_id, _people = checked_in(example_path, 3)
    window = open_window(example_path)
    view = console(window, qtbot)
    view.choose_meeting(meeting_id)
    panel = view.run_panel()
    panel.run.next_item()
    panel.read_item.click()
    qtbot.waitUntil(lambda: "no speech engine is installed" in panel.speech_words.text())
    assert "Speech is off" in panel.speech_words.text()
    panel.queue.who.setCurrentIndex(0)
    panel.queue.raise_button.click()
    assert len(panel.run.queue) == 1


def widget_named(root: QWidget, name: str) -> QWidget:
    found = [w for w in root.findChildren(QWidget) if w.accessibleName() == name]
    assert found, name
    return found[0]


def alt(qtbot, window: QWidget, letter: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)


def test_a_short_meeting_run_by_keyboard_alone(
        example_path: Path, open_window, qtbot, speech: FakeSpeech) -> None:  # type: ignore[no-untyped-def]
    """Check-in, ground rules agreed, three items, several turns, a card and a pause: keys only."""
    window = open_window(example_path)
    view = console(window, qtbot)
    run = view.run
    assert run is not None
    meeting_id = run.meeting_id
    ws = window.session.workspace

    # Check-in: Alt+W goes to the list, type a name to find them, Alt+P marks them present.
    alt(qtbot, window, "i")
    check_in = view._check_in
    assert check_in is not None
    invited = sorted(run.people.values(), key=lambda m: m.display_name)
    arriving = invited[:5]
    for person in arriving:
        alt(qtbot, window, "w")
        qtbot.wait(QApplication.keyboardInputInterval() + 50)
        qtbot.keyClicks(QApplication.focusWidget(), person.display_name[:4])
        alt(qtbot, window, "p")
        qtbot.waitUntil(lambda p=person: p.id in run.present)
    late = next(m for m in invited if m not in arriving)
    alt(qtbot, window, "w")
    qtbot.wait(QApplication.keyboardInputInterval() + 50)
    qtbot.keyClicks(QApplication.focusWidget(), late.display_name[:4])
    alt(qtbot, window, "a")  # apologies
    qtbot.waitUntil(lambda: any(a.member_id == late.id and a.status is AttendanceStatus.APOLOGIES
                                for a in meetings.attendance(ws, meeting_id)))
    assert run.present == frozenset(m.id for m in arriving)

    # Ground rules: Alt+G, then "The group agreed all of these" (Alt+A).
    alt(qtbot, window, "g")
    alt(qtbot, window, "a")
    rules = conduct.ground_rules(ws)
    qtbot.waitUntil(lambda: len(conduct.agreed_ground_rules(ws, meeting_id)) == len(rules))

    # Run the meeting: three items, turns with a pause, a card.
    alt(qtbot, window, "u")
    panel = view.run_panel()
    names = [m.display_name for m in arriving]
    said_on: dict[int, list[str]] = {}
    for item_number in range(3):
        key(qtbot, "F9")
        item_id = run.items[item_number].id
        assert run.state.current_item_id == item_id
        for name in names[item_number:item_number + 3]:
            key(qtbot, "F8")
            qtbot.wait(QApplication.keyboardInputInterval() + 50)
            qtbot.keyClicks(panel.queue.who, name[:4])
            qtbot.keyClick(panel.queue.who, Qt.Key.Key_Return)
        said_on[item_id] = []  # type: ignore[index]
        while len(run.queue):
            key(qtbot, "F5")
            assert run.running is not None
            said_on[item_id].append(run.name(run.running.member_id))  # type: ignore[index]
            qtbot.wait(30)
        if item_number == 1:
            key(qtbot, "F6")
            assert "Paused" in panel.queue.countdown.text()
            qtbot.wait(50)
            key(qtbot, "F6")
            alt(qtbot, window, "j")  # a jargon card
            qtbot.waitUntil(lambda: len(run.state.cards_on_show) == 1)
        key(qtbot, "F7")
        assert run.running is None
    assert "Item 3 of 8" in panel.agenda.item.text()

    turns = [t for t in conduct.turns(ws, meeting_id) if t.started_at is not None]
    assert len(turns) == 9 and all(t.ended_at is not None for t in turns)
    assert sum(len(t.pauses) for t in turns) == 1
    card = conduct.cards(ws, meeting_id)[0]
    assert card.kind is CardKind.JARGON and card.agenda_item_id == run.items[1].id
    assert sorted(n for names_ in said_on.values() for n in names_) == sorted(
        names[0:3] + names[1:4] + names[2:5])
    fairness = run.fairness()
    assert sum(t.turns for t in fairness.people.values()) == 9
    assert fairness.not_spoken_in_meeting == ()
    assert panel.fairness.total.text().startswith("Total talk time")
