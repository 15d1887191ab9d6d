"""Changing the group's ground rules in the store: add one or the usual set, edit, remove and
put back (with the meetings that agreed it), move; positions stay dense; agreeing and taking
back at a meeting."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from meetingroom.domain.conduct import GroundRule
from meetingroom.domain.group import Group
from meetingroom.domain.meeting import Meeting
from meetingroom.example import ground_rule_templates
from meetingroom.store import Workspace
from meetingroom.store.conduct import agree_ground_rule, agreed_ground_rules, ground_rules
from meetingroom.store.ground_rules import (
    add_ground_rules,
    agree_ground_rules,
    agreed_at,
    get_ground_rule,
    move_ground_rule,
    put_agreement,
    put_ground_rule,
    remove_ground_rule,
    remove_ground_rules,
    restore_ground_rule,
    restore_ground_rules,
    unagree_ground_rule,
    unagree_ground_rules,
    update_ground_rule,
)
from meetingroom.store.groups import save_group
from meetingroom.store.meetings import add_meeting

AT = datetime(2026, 11, 24, 10, 6)


@pytest.fixture
def ws(workspace_path: Path):  # type: ignore[no-untyped-def]
    with Workspace.create(workspace_path) as workspace:
        yield workspace


@pytest.fixture
def group_id(ws: Workspace) -> int:
    return save_group(ws, Group("Partnership board"))


def texts(ws: Workspace) -> list[str]:
    return [r.text for r in ground_rules(ws)]


def positions(ws: Workspace) -> list[int]:
    return [r.position for r in ground_rules(ws)]


def add_three(ws: Workspace, group_id: int) -> list[int]:
    return add_ground_rules(ws, [GroundRule(t, group_id=group_id) for t in ("One.", "Two.", "Three.")])


def test_the_usual_rules_go_in_after_the_others_in_their_order(ws: Workspace, group_id: int) -> None:
    put_ground_rule(ws, GroundRule("Our own rule.", group_id=group_id))
    templates = list(ground_rule_templates().values())
    ids = add_ground_rules(ws, [replace(t, group_id=group_id) for t in templates])
    assert len(ids) == len(templates) == 9
    assert texts(ws) == ["Our own rule.", *(t.text for t in templates)]
    assert positions(ws) == list(range(10))
    saved = ground_rules(ws)[1]
    assert (saved.easy_read_text, saved.picture, saved.group_id) == (
        templates[0].easy_read_text, templates[0].picture, group_id)


def test_put_at_a_place_moves_later_rules_down_and_keeps_a_given_id(ws: Workspace, group_id: int) -> None:
    add_three(ws, group_id)
    put_ground_rule(ws, GroundRule("First!", position=0, group_id=group_id))
    put_ground_rule(ws, GroundRule("Kept id.", position=2, group_id=group_id, id=77))
    assert texts(ws) == ["First!", "One.", "Kept id.", "Two.", "Three."]
    assert positions(ws) == [0, 1, 2, 3, 4]
    assert get_ground_rule(ws, 77).text == "Kept id."


def test_update_changes_words_and_picture_not_place(ws: Workspace, group_id: int) -> None:
    ids = add_three(ws, group_id)
    rule = get_ground_rule(ws, ids[1])
    update_ground_rule(ws, replace(rule, text="Deux.", easy_read_text="Two, easy.", picture="1F44D",
                                   position=0))
    again = get_ground_rule(ws, ids[1])
    assert (again.text, again.easy_read_text, again.picture, again.position) == (
        "Deux.", "Two, easy.", "1F44D", 1)
    with pytest.raises(KeyError):
        update_ground_rule(ws, replace(rule, id=999))
    with pytest.raises(ValueError):
        update_ground_rule(ws, replace(rule, id=None))


def test_remove_and_restore_puts_the_rule_back_in_place_with_its_agreements(
        ws: Workspace, group_id: int) -> None:
    ids = add_three(ws, group_id)
    meeting = add_meeting(ws, Meeting("Board", datetime(2026, 11, 24, 10), group_id))
    other = add_meeting(ws, Meeting("Board again", datetime(2026, 12, 24, 10), group_id))
    agree_ground_rule(ws, meeting, ids[1], AT)
    agree_ground_rule(ws, other, ids[1], AT.replace(month=12))
    removed = remove_ground_rule(ws, ids[1])
    assert texts(ws) == ["One.", "Three."] and positions(ws) == [0, 1]
    assert agreed_ground_rules(ws, meeting) == {} and agreed_ground_rules(ws, other) == {}
    assert removed.rule.position == 1
    assert restore_ground_rule(ws, removed) == ids[1]
    assert texts(ws) == ["One.", "Two.", "Three."] and positions(ws) == [0, 1, 2]
    assert agreed_ground_rules(ws, meeting) == {ids[1]: AT}
    assert agreed_ground_rules(ws, other) == {ids[1]: AT.replace(month=12)}


def test_removing_several_and_putting_them_back_keeps_the_order(ws: Workspace, group_id: int) -> None:
    ids = add_three(ws, group_id)
    put_ground_rule(ws, GroundRule("Four.", position=9, group_id=group_id))
    removed = remove_ground_rules(ws, [ids[0], ids[2]])
    assert texts(ws) == ["Two.", "Four."]
    assert restore_ground_rules(ws, removed) == [ids[0], ids[2]]
    assert texts(ws) == ["One.", "Two.", "Three.", "Four."] and positions(ws) == [0, 1, 2, 3]


def test_move_returns_the_old_place_and_clamps(ws: Workspace, group_id: int) -> None:
    ids = add_three(ws, group_id)
    assert move_ground_rule(ws, ids[0], 2) == 0
    assert texts(ws) == ["Two.", "Three.", "One."]
    assert move_ground_rule(ws, ids[0], -5) == 2
    assert texts(ws) == ["One.", "Two.", "Three."]
    assert move_ground_rule(ws, ids[1], 99) == 1
    assert texts(ws) == ["One.", "Three.", "Two."] and positions(ws) == [0, 1, 2]


def test_rules_of_another_group_keep_their_own_order(ws: Workspace, group_id: int) -> None:
    ours = add_three(ws, group_id)
    theirs = put_ground_rule(ws, GroundRule("No group.", position=0))
    move_ground_rule(ws, ours[2], 0)
    assert get_ground_rule(ws, theirs).position == 0
    assert [r.text for r in ground_rules(ws) if r.group_id == group_id] == ["Three.", "One.", "Two."]


def test_agree_many_then_take_back(ws: Workspace, group_id: int) -> None:
    ids = add_three(ws, group_id)
    meeting = add_meeting(ws, Meeting("Board", datetime(2026, 11, 24, 10), group_id))
    heard: list[frozenset[str]] = []
    ws.on_change(heard.append)
    agree_ground_rules(ws, meeting, ids, AT)
    assert heard == [frozenset({"ground_rule_agreed"})]  # one transaction for all of them
    assert agreed_ground_rules(ws, meeting) == dict.fromkeys(ids, AT)
    unagree_ground_rule(ws, meeting, ids[0])
    assert agreed_at(ws, meeting, ids[0]) is None and agreed_at(ws, meeting, ids[1]) == AT
    unagree_ground_rules(ws, meeting, ids[1:])
    assert agreed_ground_rules(ws, meeting) == {}
    put_agreement(ws, meeting, ids[2], AT)
    assert agreed_ground_rules(ws, meeting) == {ids[2]: AT}
    put_agreement(ws, meeting, ids[2], None)
    assert agreed_ground_rules(ws, meeting) == {}
