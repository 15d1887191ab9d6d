"""Changing an agenda in the store: edit, remove and put back, move, breaks; positions stay dense."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from meetingroom.domain.agenda import AgendaItem, ItemPurpose
from meetingroom.domain.meeting import Meeting
from meetingroom.domain.outcomes import Contribution, Decision
from meetingroom.domain.papers import Paper
from meetingroom.domain.people import Member, Role
from meetingroom.example import write_example
from meetingroom.store import Workspace
from meetingroom.store.agenda import (
    get_agenda_item,
    insert_break,
    move_agenda_item,
    put_agenda_item,
    remove_agenda_item,
    restore_agenda_item,
    update_agenda_item,
)
from meetingroom.store.meetings import add_agenda_item, add_meeting, agenda_items, list_meetings
from meetingroom.store.members import add_member
from meetingroom.store.outcomes import add_contribution, add_decision, contributions, decisions
from meetingroom.store.papers import add_paper


@pytest.fixture
def ws(workspace_path: Path):  # type: ignore[no-untyped-def]
    with Workspace.create(workspace_path) as workspace:
        yield workspace


def meeting_with_items(ws: Workspace, titles: list[str]) -> int:
    meeting_id = add_meeting(ws, Meeting("Board", datetime(2030, 5, 7, 10, 30)))
    for position, title in enumerate(titles, start=1):  # the example numbers from 1
        add_agenda_item(ws, AgendaItem(meeting_id, title, position))
    return meeting_id


def titles(ws: Workspace, meeting_id: int) -> list[str]:
    items = agenda_items(ws, meeting_id)
    return [i.title for i in items]


def positions(ws: Workspace, meeting_id: int) -> list[int]:
    return [i.position for i in agenda_items(ws, meeting_id)]


def test_update_saves_every_field_and_the_papers(ws: Workspace) -> None:
    meeting_id = meeting_with_items(ws, ["A", "B"])
    nnamdi = add_member(ws, Member("Nnamdi", Role.EXPERT_BY_EXPERIENCE))
    priya = add_member(ws, Member("Priya", Role.PROFESSIONAL))
    p1 = add_paper(ws, Paper("Crisis line report"))
    p2 = add_paper(ws, Paper("Budget"))
    item = agenda_items(ws, meeting_id)[1]
    heard: list[frozenset[str]] = []
    ws.on_change(heard.append)
    changed = replace(item, title="Crisis line <night> & day", plain_summary="We talk about it.",
                      purpose=ItemPurpose.DECISION, presenter_id=priya, proposed_by_id=nnamdi,
                      minutes=35, is_break=False, paper_ids=(p2, p1))
    update_agenda_item(ws, changed)
    assert get_agenda_item(ws, item.id) == changed  # type: ignore[arg-type]
    assert heard == [frozenset({"agenda_item", "agenda_item_paper"})]
    update_agenda_item(ws, replace(changed, paper_ids=(p1,), presenter_id=None, position=99))
    again = get_agenda_item(ws, item.id)  # type: ignore[arg-type]
    assert again.paper_ids == (p1,) and again.presenter_id is None
    assert again.position == item.position  # moving is move_agenda_item's job
    with pytest.raises(KeyError):
        update_agenda_item(ws, replace(changed, id=9999))


def test_remove_and_restore_puts_the_item_back_in_place_with_its_links(ws: Workspace) -> None:
    meeting_id = meeting_with_items(ws, ["A", "B", "C", "D"])
    paper = add_paper(ws, Paper("Report"))
    member = add_member(ws, Member("Eileen", Role.CARER))
    c = agenda_items(ws, meeting_id)[2]
    update_agenda_item(ws, replace(c, paper_ids=(paper,)))
    decision = add_decision(ws, Decision(meeting_id, "Agreed", agenda_item_id=c.id))
    add_contribution(ws, Contribution(meeting_id, member, "Said a thing", agenda_item_id=c.id))
    heard: list[frozenset[str]] = []
    ws.on_change(heard.append)
    removed = remove_agenda_item(ws, c.id)  # type: ignore[arg-type]
    assert heard == [frozenset({"agenda_item", "agenda_item_paper", "decision", "contribution"})]
    assert titles(ws, meeting_id) == ["A", "B", "D"]
    assert positions(ws, meeting_id) == [0, 1, 2]
    assert removed.item.position == 2 and removed.item.paper_ids == (paper,)
    assert decisions(ws, meeting_id)[0].agenda_item_id is None
    assert restore_agenda_item(ws, removed) == c.id
    assert titles(ws, meeting_id) == ["A", "B", "C", "D"]
    assert positions(ws, meeting_id) == [0, 1, 2, 3]
    back = get_agenda_item(ws, c.id)  # type: ignore[arg-type]
    assert back.paper_ids == (paper,) and back.title == "C"
    assert decisions(ws, meeting_id)[0].id == decision
    assert decisions(ws, meeting_id)[0].agenda_item_id == c.id
    assert contributions(ws, meeting_id)[0].agenda_item_id == c.id


def test_move_keeps_positions_dense_and_returns_the_old_place(ws: Workspace) -> None:
    meeting_id = meeting_with_items(ws, ["A", "B", "C", "D"])
    ids = {i.title: i.id for i in agenda_items(ws, meeting_id)}
    assert positions(ws, meeting_id) == [1, 2, 3, 4]
    assert move_agenda_item(ws, ids["A"], 2) == 0  # type: ignore[arg-type]
    assert titles(ws, meeting_id) == ["B", "C", "A", "D"]
    assert positions(ws, meeting_id) == [0, 1, 2, 3]
    assert move_agenda_item(ws, ids["D"], 0) == 3  # type: ignore[arg-type]
    assert titles(ws, meeting_id) == ["D", "B", "C", "A"]
    assert move_agenda_item(ws, ids["D"], 99) == 0  # type: ignore[arg-type]
    assert titles(ws, meeting_id) == ["B", "C", "A", "D"]
    assert move_agenda_item(ws, ids["C"], -5) == 1  # type: ignore[arg-type]
    assert titles(ws, meeting_id) == ["C", "B", "A", "D"]
    with pytest.raises(KeyError):
        move_agenda_item(ws, 9999, 0)


def test_put_and_insert_break_at_a_place(ws: Workspace) -> None:
    meeting_id = meeting_with_items(ws, ["A", "B", "C"])
    new_id = put_agenda_item(ws, AgendaItem(meeting_id, "New", 1, minutes=20))
    assert titles(ws, meeting_id) == ["A", "New", "B", "C"]
    break_id = insert_break(ws, meeting_id, 3, minutes=10)
    assert titles(ws, meeting_id) == ["A", "New", "B", "Break", "C"]
    assert positions(ws, meeting_id) == [0, 1, 2, 3, 4]
    tea = get_agenda_item(ws, break_id)
    assert tea.is_break and tea.minutes == 10 and tea.purpose is ItemPurpose.INFORMATION
    put_agenda_item(ws, AgendaItem(meeting_id, "Last", 50))
    assert titles(ws, meeting_id)[-1] == "Last"
    assert new_id != break_id


def test_a_failed_change_leaves_the_agenda_as_it_was(ws: Workspace) -> None:
    meeting_id = meeting_with_items(ws, ["A", "B"])
    with pytest.raises(sqlite3.IntegrityError):  # the paper does not exist
        put_agenda_item(ws, AgendaItem(meeting_id, "Bad", 0, paper_ids=(4242,)))
    assert titles(ws, meeting_id) == ["A", "B"]
    assert positions(ws, meeting_id) == [1, 2]


def test_the_example_agenda_can_be_reordered(tmp_path: Path) -> None:
    path = tmp_path / "example.meetingroom"
    write_example(path)
    with Workspace.open(path, backup=False) as ws:
        upcoming = list_meetings(ws)[-1]
        assert upcoming.id is not None
        items = agenda_items(ws, upcoming.id)
        assert len(items) == 8
        last = items[-1]
        move_agenda_item(ws, last.id, 0)  # type: ignore[arg-type]
        after = agenda_items(ws, upcoming.id)
        assert after[0].id == last.id and [i.position for i in after] == list(range(8))
