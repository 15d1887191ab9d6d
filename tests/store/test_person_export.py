"""Subject access: one readable file with everything held about a person, and nobody else's words."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from meetingroom.domain.conduct import SpeakingTurn
from meetingroom.domain.people import Member
from meetingroom.example import write_example
from meetingroom.store import Workspace, conduct, outcomes
from meetingroom.store.members import add_member, erase_member, list_members, records_of
from meetingroom.store.subject_access import person_export, write_person_export

# Every table that can point at a member, and the heading its records appear under.
SECTIONS = {
    "invitation": "Meetings they were invited to",
    "attendance": "Meetings they were invited to",
    "agenda_item": "Agenda items they proposed or presented",
    "group_info": "Group contact person",
    "speaking_turn": "Speaking turns",
    "card": "Cards they showed",
    "contribution": "What they said, and the answers",
    "action": "Actions they own",
    "letter": "Letters",
    "distribution": "Papers sent to them",
    "payment": "Payments",
    "evaluation": "Their evaluations of meetings",
}


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    path = tmp_path / "example.meetingroom"
    write_example(path)
    opened = Workspace.open(path, backup=False)
    yield opened
    opened.close()


def person(ws: Workspace, name: str) -> Member:
    return next(m for m in list_members(ws) if m.name == name)


def test_every_table_that_points_at_a_member_has_a_section(ws: Workspace) -> None:
    """A new table holding people's records must get a place in the export too."""
    tables = {row[0] for row in ws.query(
        "SELECT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) p "
        "WHERE m.type = 'table' AND p.\"table\" = 'member'")}
    assert tables - {"member_access_need"} == set(SECTIONS)
    text = person_export(ws, person(ws, "Siobhan Kelly").id)  # type: ignore[arg-type]
    for heading in set(SECTIONS.values()):
        assert heading in text


def test_export_holds_their_details_records_and_answers(ws: Workspace) -> None:
    nnamdi = person(ws, "Nnamdi Okafor")
    assert nnamdi.id is not None
    text = person_export(ws, nnamdi.id, now=datetime(2025, 6, 1, 9, 30))
    for detail in (nnamdi.name, nnamdi.pronunciation, nnamdi.contact_details, nnamdi.access_notes,
                   "Audio", "Quiet space", "Bank transfer", "Made on Sunday 1 June 2025 at 09:30"):
        assert detail in text
    meeting_id = int(ws.query("SELECT id FROM meeting WHERE status != 'planning'")[0][0])
    said = [c for c in outcomes.contributions(ws, meeting_id) if c.member_id == nnamdi.id]
    assert said and all(c.summary in text and c.response in text for c in said)
    turns: list[SpeakingTurn] = [t for t in conduct.turns(ws, meeting_id) if t.member_id == nnamdi.id]
    seconds = round(sum(t.talk_seconds() for t in turns))
    assert f"{len(turns)} turns, {seconds // 60} min {seconds % 60} s of talk time in all" in text
    assert "Involvement payment: £75.00, paid" in text
    assert "I was listened to: 5 out of 5" in text
    assert "Present, arrived" in text


def test_export_holds_nothing_of_anyone_elses_contributions(ws: Workspace) -> None:
    eileen = person(ws, "Eileen Foster")
    text = person_export(ws, eileen.id)  # type: ignore[arg-type]
    meeting_id = int(ws.query("SELECT id FROM meeting WHERE status != 'planning'")[0][0])
    others = [c for c in outcomes.contributions(ws, meeting_id) if c.member_id != eileen.id]
    assert others
    for contribution in others:
        assert contribution.summary not in text
        if contribution.response:
            assert contribution.response not in text
    for evaluation_comment in ("The audio papers came late", "Too many initials"):
        assert evaluation_comment not in text
    assert "I couldn't hear a lot of it again" in text  # her own comment


def test_a_member_with_no_records_gets_every_heading_and_none(ws: Workspace) -> None:
    new_id = add_member(ws, Member("Newcomer <Test> & Co"))
    assert records_of(ws, new_id) == []
    text = person_export(ws, new_id)
    assert "Everything MeetingRoom holds about Newcomer <Test> & Co" in text
    assert text.count("None.") >= 9


def test_the_file_is_utf8_and_only_its_owner_can_read_it(ws: Workspace, tmp_path: Path) -> None:
    renee = person(ws, "Renée O'Connell")
    target = write_person_export(ws, renee.id, tmp_path / "renee.txt")  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8").startswith("Everything MeetingRoom holds about Renée O'Connell")
    assert oct(target.stat().st_mode & 0o777) == "0o600"


def test_after_erasure_the_export_holds_nothing_personal(ws: Workspace) -> None:
    grace = person(ws, "Grace Mensah")
    erase_member(ws, grace.id)  # type: ignore[arg-type]
    text = person_export(ws, grace.id)  # type: ignore[arg-type]
    assert "former member" in text
    for detail in ("Grace", "Mensah", "07700 900761", "Book two BSL interpreters"):
        assert detail not in text
