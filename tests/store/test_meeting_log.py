"""Turns and the meeting's log are stored as they happen and read back exactly."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from meetingroom.domain.conduct import Pause, SpeakingTurn, TurnKind
from meetingroom.domain.meeting import Meeting
from meetingroom.domain.meeting_log import AGENDA_EVENTS, EventKind, replay
from meetingroom.domain.people import Member
from meetingroom.store import Workspace, conduct, meetings, members


@pytest.fixture
def ws(workspace_path: Path) -> Workspace:
    return Workspace.create(workspace_path)


def test_a_turn_is_updated_with_its_pauses_and_a_lowered_hand_is_deleted(ws: Workspace) -> None:
    meeting_id = meetings.add_meeting(ws, Meeting("Board", datetime(2026, 12, 1, 10)))
    jo = members.add_member(ws, Member("Jo"))
    hand = SpeakingTurn(meeting_id, jo, queued_at=100.5, kind=TurnKind.POINT_OF_ORDER)
    conduct.add_turn(ws, hand)
    assert hand.id is not None
    hand.started_at, hand.pauses = 110.25, (Pause(120.0, 130.0), Pause(140.0))
    conduct.update_turn(ws, hand)
    assert conduct.turns(ws, meeting_id) == [hand]
    hand.pauses, hand.ended_at = (Pause(120.0, 130.0), Pause(140.0, 150.0)), 150.0
    conduct.update_turn(ws, hand)
    assert conduct.turns(ws, meeting_id)[0].pauses == hand.pauses
    assert conduct.latest_time(ws, meeting_id) == 150.0
    conduct.delete_turn(ws, hand.id)
    assert conduct.turns(ws, meeting_id) == []


def test_the_log_reads_back_in_order_and_filtered_by_kind(ws: Workspace) -> None:
    meeting_id = meetings.add_meeting(ws, Meeting("Board", datetime(2026, 12, 1, 10)))
    conduct.log_event(ws, meeting_id, 10.0, EventKind.ITEM.value, {"item": 3})
    conduct.log_event(ws, meeting_id, 11.0, EventKind.HAND_UP.value, {"turn": 1})
    conduct.log_event(ws, meeting_id, 12.0, "from-a-later-version", {})
    conduct.log_event(ws, meeting_id, 13.0, EventKind.BREAK.value, {"minutes": 5})
    every = conduct.events(ws, meeting_id)
    assert [e.kind for e in every] == [EventKind.ITEM, EventKind.HAND_UP, EventKind.BREAK]
    agenda = conduct.events(ws, meeting_id, AGENDA_EVENTS)
    assert [e.kind for e in agenda] == [EventKind.ITEM, EventKind.BREAK]
    state = replay(agenda)
    assert state.current_item_id == 3 and state.on_break is not None
    assert conduct.latest_time(ws, meeting_id) == 13.0
