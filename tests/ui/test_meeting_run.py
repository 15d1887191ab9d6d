"""MeetingRun stores every action as it happens; a new run over the same file carries on exactly."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from meetingroom.domain.conduct import CardKind, TurnKind
from meetingroom.domain.fairness import measure
from meetingroom.domain.meeting import Attendance, AttendanceStatus
from meetingroom.store import conduct, meetings
from meetingroom.ui.meeting_run import MeetingRun
from meetingroom.ui.session import WorkspaceSession

pytestmark = pytest.mark.gui


class FakeClock:
    """Stands in for MeetingClock; the test moves time on by hand."""

    at = 1_800_000_000.0

    def __init__(self, not_before: float) -> None:
        FakeClock.at = max(FakeClock.at, not_before)

    def now(self) -> float:
        return FakeClock.at


def later(seconds: float) -> None:
    FakeClock.at += seconds


@pytest.fixture
def upcoming(session: WorkspaceSession) -> Iterator[tuple[WorkspaceSession, int, list[int]]]:
    """The example's planning meeting with its first six invited members checked in."""
    ws = session.workspace
    meeting_id = max(m.id for m in meetings.list_meetings(ws) if m.id is not None)
    present = meetings.invited_member_ids(ws, meeting_id)[:6]
    for member_id in present:
        meetings.set_attendance(ws, Attendance(meeting_id, member_id, AttendanceStatus.PRESENT))
    yield session, meeting_id, present


def test_a_short_meeting_is_stored_as_it_happens_and_rebuilt_exactly(
        upcoming: tuple[WorkspaceSession, int, list[int]], qapp: QApplication) -> None:
    session, meeting_id, present = upcoming
    run = MeetingRun(session, meeting_id, clock=FakeClock)
    first_item = run.items[0].id
    run.next_item()
    assert run.state.current_item_id == first_item
    a, b, c, d = present[:4]
    for member_id in (a, b, c):
        run.raise_hand(member_id)
        later(1)
    turn = run.next_speaker()
    assert turn is not None and turn.member_id == a
    later(30)
    run.pause_or_resume()
    later(100)  # paused: does not count
    run.pause_or_resume()
    later(20)
    run.raise_hand(d, kind=TurnKind.POINT_OF_ORDER)
    run.hold_up_card(CardKind.SLOW_DOWN, member_id=b)
    assert run.board().next_names[0] == run.name(d)  # a point of order goes first
    assert run.board().speaker is not None and run.board().speaker.seconds_left == pytest.approx(180 - 50)
    later(5)

    again = MeetingRun(session, meeting_id, clock=FakeClock)
    assert again.state == run.state
    assert again.running is not None and again.running.id == turn.id
    assert again.running.talk_seconds(again.now()) == pytest.approx(55)
    assert [h.member_id for h in again.waiting()] == [d, b, c]
    assert [run.cards[c].kind for c in again.state.cards_on_show] == [CardKind.SLOW_DOWN]
    assert again.board() == run.board()

    roles = {m: again.people[m].role for m in again.present}
    assert again.fairness() == measure(again.turns.values(), roles, again.state.current_item_id, again.now())

    nxt = again.next_speaker()
    assert again.fairness() == measure(again.turns.values(), roles, again.state.current_item_id, again.now())
    assert nxt is not None and nxt.member_id == d
    stored = {t.id: t for t in conduct.turns(session.workspace, meeting_id)}
    assert stored[turn.id].ended_at == FakeClock.at and stored[nxt.id].started_at == FakeClock.at
    run.close()
    again.close()


def test_someone_who_leaves_has_their_hand_lowered_and_the_log_says_so(
        upcoming: tuple[WorkspaceSession, int, list[int]], qapp: QApplication) -> None:
    session, meeting_id, present = upcoming
    run = MeetingRun(session, meeting_id, clock=FakeClock)
    run.raise_hand(present[0])
    run.raise_hand(present[1])
    meetings.set_attendance(session.workspace, Attendance(meeting_id, present[0], AttendanceStatus.ABSENT))
    assert [h.member_id for h in run.waiting()] == [present[1]]
    kinds = [e.kind.value for e in conduct.events(session.workspace, meeting_id)]
    assert kinds.count("hand-down") == 1
    with pytest.raises(ValueError):
        run.raise_hand(present[0])
    run.close()


def test_breaks_stop_the_item_clock_and_the_agenda_finishes(
        upcoming: tuple[WorkspaceSession, int, list[int]], qapp: QApplication) -> None:
    session, meeting_id, _present = upcoming
    run = MeetingRun(session, meeting_id, clock=FakeClock)
    run.next_item()
    later(60)
    run.start_break(5)
    later(120)
    assert run.progress().current is not None
    assert run.progress().current.spent == pytest.approx(60)  # type: ignore[union-attr]
    assert run.board().break_seconds_left == pytest.approx(180)
    run.end_break()
    for _ in run.items:
        run.next_item()
    assert run.state.current_item_id is None and run.state.agenda_done
    assert run.board().item_title == ""
    run.close()
