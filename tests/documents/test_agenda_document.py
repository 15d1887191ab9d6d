"""The agenda document: what it says in print and in easy read (ER2-ER5), read from a real
example workspace; and, once written, what the PDF and DOCX files hold."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime
from pathlib import Path

import pytest

from meetingroom.documents.agenda import agenda_document
from meetingroom.documents.snapshot import take_snapshot
from meetingroom.domain.agenda import AgendaItem
from meetingroom.domain.meeting import Meeting, MeetingMode
from meetingroom.domain.papers import BlockKind
from meetingroom.domain.people import Member, Role
from meetingroom.language.glossary import Glossary
from meetingroom.language.pictures import picture_codes
from meetingroom.store import Workspace
from meetingroom.store.glossary import GroupTerm, add_group_term
from meetingroom.store.meetings import add_agenda_item, add_meeting, get_meeting, update_meeting
from meetingroom.store.members import add_member
from tests.documents.example_meeting import (
    ITEM_TIMES,
    MEETING_DAY,
    points,
    sentences,
    snapshot_of,
    texts,
    upcoming_id,
    words,
    write,
)

NUMBER_WORDS = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b", re.I)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return write(tmp_path / "example.meetingroom")


def test_print_says_when_where_and_every_item_in_order(example: Path) -> None:
    document = agenda_document(snapshot_of(example))
    lines = texts(document.blocks)
    assert document.title.startswith("Agenda: Network meeting: community mental health services")
    assert document.author == "Riverside Mental Health Co-production Network"
    assert document.language == "en-GB"
    assert "Riverside Mental Health Co-production Network" in lines
    assert f"Date: {MEETING_DAY}" in lines
    assert "Time: 10:30 to 12:30" in lines
    assert "Place: Riverside Community Hub, Main Hall, 14 Mill Lane, Riverside RV1 2AB" in lines
    assert "You can also join online." in lines  # hybrid
    item_headings = [b.plain_text() for b in document.blocks
                     if b.kind is BlockKind.HEADING and b.level == 3]
    assert [h.split(" – ")[0] for h in item_headings] == ITEM_TIMES
    assert item_headings[3] == "11:15 – Break"
    assert item_headings[5] == "11:55 – Peer support workers in A&E"
    assert lines[-1] == "The meeting ends at 12:30."


def test_each_item_says_purpose_presenter_proposer_and_minutes(example: Path) -> None:
    document = agenda_document(snapshot_of(example))
    blocks = list(document.blocks)
    details = {}
    for index, block in enumerate(blocks):
        if block.kind is BlockKind.HEADING and block.level == 3:
            following = blocks[index + 1: index + 3]
            listed = next(b for b in following if b.kind is BlockKind.BULLETS)
            details[block.plain_text().split(" – ", 1)[1]] = listed.plain_text().split("\n")
    assert details["What should we talk about next time?"] == [
        "For discussion: we talk about this and share our views.",
        "Presented by Daz", "Proposed by Daz", "10 minutes"]  # preferred name, not Darren
    assert details["Paying people for their time: our new policy"] == [
        "For decision: we talk about this and decide together.",
        "Presented by Rhiannon Llywelyn", "Proposed by Eileen Foster", "25 minutes"]
    assert details["You said, we did: answers since last time"][2] == "Proposed by Renée O'Connell"
    assert details["Break"] == ["15 minutes"]  # a break has no presenter or purpose
    summaries = texts(document.blocks)
    assert "Tea, coffee and a rest. The quiet room is open." in summaries


def test_headings_go_down_one_level_at_a_time(example: Path) -> None:
    levels = [b.level for b in agenda_document(snapshot_of(example)).blocks
              if b.kind is BlockKind.HEADING]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))


def test_easy_read_has_a_picture_and_a_short_line_per_item(example: Path) -> None:
    document = agenda_document(snapshot_of(example))
    shown = points(document.easy_read)
    codes = picture_codes()
    assert all(p.picture in codes for p in shown), [p.picture for p in shown if p.picture not in codes]
    item_points = [p for p in shown if p.text.startswith("At ")]
    assert [p.text[3:8] for p in item_points] == ITEM_TIMES
    assert item_points[3].text == "At 11:15 we have a break for 15 minutes."
    assert item_points[6].text.startswith("At 12:15: What should we talk about next time? Daz leads")
    for p in shown:
        for sentence in sentences(p.text):
            assert words(sentence) <= 15, sentence  # ER2
        assert not NUMBER_WORDS.search(p.text), p.text  # ER5: digits
    easy_text = " ".join(texts(document.easy_read))
    assert MEETING_DAY in easy_text and "It starts at 10:30. It ends at 12:30." in easy_text


def test_easy_read_spells_out_acronyms_and_explains_hard_words(example: Path) -> None:
    document = agenda_document(snapshot_of(example))
    easy_text = " ".join(texts(document.easy_read))
    glossary = Glossary.load()
    assert not [hit.text for hit in glossary.find_jargon(easy_text) if hit.entry.is_acronym]  # ER4
    peer = next(p.text for p in points(document.easy_read) if "Peer support" in p.text)
    assert peer.startswith("At 11:55: Peer support workers in accident and emergency. "
                           "Accident and emergency means the emergency department at a hospital.")
    hard = {w.word: w.meaning for w in document.hard_words}
    assert hard["agenda"].startswith("A list of what we talk about")
    assert hard["accident and emergency"] == "The emergency department at a hospital."
    assert "An agenda is a list of what we talk about." in easy_text  # explained where first used


def test_a_groups_own_acronym_is_spelled_out_in_easy_read(example: Path) -> None:
    with Workspace.open(example, backup=False) as ws:
        add_group_term(ws, GroupTerm("RVX", "the Riverside exchange", "Where we swap ideas."))
        meeting_id = upcoming_id(ws)
        add_agenda_item(ws, AgendaItem(meeting_id, "News from the RVX", 20, minutes=5))
        document = agenda_document(take_snapshot(ws, meeting_id))
    last = [p.text for p in points(document.easy_read) if p.text.startswith("At 12:30")]
    assert last == ["At 12:30: News from the Riverside exchange. Where we swap ideas. "
                    "We all talk about it."]
    assert {w.word: w.meaning for w in document.hard_words}["Riverside exchange"] == "Where we swap ideas."
    assert "RVX" not in " ".join(texts(document.easy_read))
    assert "News from the RVX" in " ".join(texts(document.blocks))  # print keeps it as typed


def test_online_meeting_has_no_place_and_says_online(example: Path) -> None:
    with Workspace.open(example, backup=False) as ws:
        meeting = get_meeting(ws, upcoming_id(ws))
        update_meeting(ws, dataclasses.replace(meeting, mode=MeetingMode.ONLINE))
        document = agenda_document(take_snapshot(ws, upcoming_id(ws)))
    assert "Place: Online" in texts(document.blocks)
    easy_text = " ".join(texts(document.easy_read))
    assert "The meeting is online." in easy_text and "Mill Lane" not in easy_text


def test_text_comes_through_exactly_as_typed(tmp_path: Path) -> None:
    """AD4: builders never escape or change what people typed; renderers do the escaping."""
    title = 'Café <b>&amp; "plans" 🙂 مرحبا'
    with Workspace.create(tmp_path / "w.meetingroom") as ws:
        meeting_id = add_meeting(ws, Meeting(title, datetime(2026, 7, 1, 18, 0), minutes=60,
                                             mode=MeetingMode.ONLINE))
        person = add_member(ws, Member("Ada <Lovelace>", Role.CHAIR, preferred_name="A & B"))
        add_agenda_item(ws, AgendaItem(meeting_id, title, 1, presenter_id=person, minutes=60))
        document = agenda_document(take_snapshot(ws, meeting_id))
    assert document.title == f"Agenda: {title}"
    assert f"18:00 – {title}" in texts(document.blocks)
    assert any("Presented by A & B" in t for t in texts(document.blocks))
    assert any(title in t for t in texts(document.easy_read))
    assert "Date: Wednesday 1 July 2026" in texts(document.blocks)
    assert "Time: 18:00 to 19:00" in texts(document.blocks)


def test_an_erased_presenter_shows_as_former_member(example: Path) -> None:
    from meetingroom.store.members import list_members, update_member

    with Workspace.open(example, backup=False) as ws:
        daz = next(m for m in list_members(ws) if m.preferred_name == "Daz")
        update_member(ws, dataclasses.replace(daz, erased=True, name="", preferred_name=""))
        document = agenda_document(take_snapshot(ws, upcoming_id(ws)))
    lines = " ".join(texts(document.blocks))
    assert "Presented by former member" in lines and "Presented by Daz" not in lines


def test_unknown_meeting_is_a_key_error(example: Path) -> None:
    with Workspace.open(example, backup=False) as ws, pytest.raises(KeyError):
        take_snapshot(ws, 999)


def test_a_meeting_with_no_items_yet_says_so(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "w.meetingroom") as ws:
        meeting_id = add_meeting(ws, Meeting("Planning day", datetime(2027, 1, 12, 14, 0), minutes=90))
        document = agenda_document(take_snapshot(ws, meeting_id))
    lines = texts(document.blocks)
    assert "The items are not chosen yet." in lines
    assert "Place: The place is not chosen yet" in lines
    easy = texts(document.easy_read)
    assert "We have not chosen what we talk about yet." in easy
    assert "We will tell you where the meeting is." in easy
