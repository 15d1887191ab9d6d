"""Invitation letters: each member's own arrangements, contact person, payment note, agenda
summary, and an easy-read version with a picture beside every point."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from meetingroom.documents.invitation import invitation_document, invitation_profile
from meetingroom.documents.snapshot import take_snapshot
from meetingroom.domain.meeting import MeetingMode
from meetingroom.domain.papers import BlockKind
from meetingroom.domain.people import FormatKind
from meetingroom.language.glossary import Glossary
from meetingroom.language.pictures import picture_codes
from meetingroom.store import Workspace
from meetingroom.store.groups import get_group, save_group
from meetingroom.store.meetings import get_meeting, set_arrangement_done, update_meeting
from tests.documents.example_meeting import (
    MEETING_DAY,
    member_named,
    points,
    sentences,
    snapshot_of,
    texts,
    upcoming_id,
    words,
    write,
)

RHIANNON_DETAILS = "rhiannon.llywelyn@example.org, 07700 900101"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return write(tmp_path / "example.meetingroom")


def _section(document, title: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The text under a heading, up to the next heading of the same or a higher level."""
    blocks = list(document.blocks)
    start = next(i for i, b in enumerate(blocks) if b.kind is BlockKind.HEADING and b.plain_text() == title)
    level = blocks[start].level
    found = []
    for block in blocks[start + 1:]:
        if block.kind is BlockKind.HEADING and block.level <= level:
            break
        found.extend(block.plain_text().split("\n"))
    return found


def test_letter_is_addressed_by_preferred_name_and_says_when_and_where(example: Path) -> None:
    snapshot = snapshot_of(example)
    document = invitation_document(snapshot, member_named(snapshot, "Darren Hughes"))
    lines = texts(document.blocks)
    assert document.title.startswith("Invitation: Network meeting")
    assert lines[1] == "Dear Daz,"
    assert "You are invited to a meeting of Riverside Mental Health Co-production Network." in lines
    assert f"Date: {MEETING_DAY}" in lines and "Time: 10:30 to 12:30" in lines
    getting_there = _section(document, "How to get there")
    assert getting_there[0].startswith("Bus 7 or 12 to Mill Lane. The stop is 30 metres from the door.")
    online = _section(document, "Joining online")
    assert online == ["You can come to the venue, or join online by computer, tablet or phone. "
                      "Rhiannon Llywelyn will send you the link to join before the meeting."]


def test_arrangements_are_the_members_own_and_say_whether_they_are_made(example: Path) -> None:
    snapshot = snapshot_of(example)
    daz = member_named(snapshot, "Darren Hughes")
    before = _section(invitation_document(snapshot, daz), "Access arrangements for you")
    assert before[:2] == [
        "We are keeping a seat for your personal assistant. They come free of charge.",
        "We are planning regular breaks. There is a break at 11:15.",
    ]
    assert not any("interpreter" in line or "hearing loop" in line for line in before)
    with Workspace.open(example, backup=False) as ws:
        set_arrangement_done(ws, upcoming_id(ws), "personal-assistant", True)
        snapshot = take_snapshot(ws, upcoming_id(ws))
    after = _section(invitation_document(snapshot, daz), "Access arrangements for you")
    assert after[0] == "We have kept a seat for your personal assistant. They come free of charge."
    assert after[1].startswith("We are planning regular breaks.")


def test_bsl_hearing_loop_and_step_free_lines(example: Path) -> None:
    snapshot = snapshot_of(example)
    grace = _section(invitation_document(snapshot, member_named(snapshot, "Grace Mensah")),
                     "Access arrangements for you")
    assert grace[0] == ("We are booking 2 British Sign Language (BSL) interpreters for you. "
                        "They take turns.")  # 120 minutes: a pair
    eileen = _section(invitation_document(snapshot, member_named(snapshot, "Eileen Foster")),
                      "Access arrangements for you")
    assert eileen[:2] == [
        "The room has a hearing loop. We will check that it works.",
        "The venue has step-free access. We will check the way to the room is clear.",
    ]
    tomasz = _section(invitation_document(snapshot, member_named(snapshot, "Tomasz Nowak")),
                      "Access arrangements for you")
    assert tomasz[0] == "You have not told us about any access needs."


def test_contact_details_only_for_the_groups_contact_person(example: Path) -> None:
    snapshot = snapshot_of(example)
    questions = _section(invitation_document(snapshot, member_named(snapshot, "Eileen Foster")), "Questions")
    assert questions[-1] == "We look forward to seeing you."
    assert questions[:-1] == [
        "If you have a question, or need anything else to take part, please contact Rhiannon Llywelyn.",
        f"Contact details: {RHIANNON_DETAILS}"]
    with Workspace.open(example, backup=False) as ws:
        group = get_group(ws)
        assert group is not None
        save_group(ws, dataclasses.replace(group, contact_member_id=None))
        snapshot = take_snapshot(ws, upcoming_id(ws))
    document = invitation_document(snapshot, member_named(snapshot, "Eileen Foster"))
    # Rhiannon is still asked for, as the facilitator, but her details are not given out.
    assert _section(document, "Questions")[:-1] == [
        "If you have a question, or need anything else to take part, please contact Rhiannon Llywelyn."]
    assert "07700 900101" not in " ".join(texts(document.blocks) + texts(document.easy_read))


def test_payment_note_and_the_members_preference(example: Path) -> None:
    snapshot = snapshot_of(example)
    payment = _section(invitation_document(snapshot, member_named(snapshot, "Eileen Foster")),
                       "Payment and expenses")
    assert payment[0].startswith("If you are paid for taking part, you can claim your involvement payment")
    assert "travel expenses" in payment[0]
    assert payment[1] == "How you asked to be paid: Shopping vouchers"


def test_agenda_summary_lists_every_item(example: Path) -> None:
    snapshot = snapshot_of(example)
    summary = _section(invitation_document(snapshot, member_named(snapshot, "Eileen Foster")),
                       "What we will talk about")
    assert summary[0] == "10:30 – Welcome, check-in and ground rules"
    assert summary[3] == "11:15 – Break"
    assert len(summary) == 8 + 1


def test_audio_members_get_print_with_a_note_saying_so(example: Path) -> None:
    snapshot = snapshot_of(example)
    nnamdi = member_named(snapshot, "Nnamdi Okafor")
    assert nnamdi.format_need.kind is FormatKind.AUDIO
    assert invitation_profile(nnamdi).kind is FormatKind.STANDARD
    lines = texts(invitation_document(snapshot, nnamdi).blocks)
    assert any(line.startswith("You asked for audio. We cannot make audio yet") for line in lines)
    eileen = member_named(snapshot, "Eileen Foster")
    assert invitation_profile(eileen).size == 24
    assert not any("You asked for" in line for line in texts(invitation_document(snapshot, eileen).blocks))


def test_easy_read_letter_has_a_picture_per_point_and_short_sentences(example: Path) -> None:
    snapshot = snapshot_of(example)
    document = invitation_document(snapshot, member_named(snapshot, "Darren Hughes"))
    shown = points(document.easy_read)
    assert shown[0].text == "Hello Daz."
    codes = picture_codes()
    assert all(p.picture in codes for p in shown)
    for p in shown:
        for sentence in sentences(p.text):
            assert words(sentence) <= 15, sentence
    easy = [p.text for p in shown]
    assert "We are keeping a seat for your personal assistant. They come free of charge." in easy
    assert "If you have a question, contact Rhiannon Llywelyn." in easy
    assert f"You can contact Rhiannon Llywelyn at: {RHIANNON_DETAILS}." in easy
    assert sum(p.text.startswith("At ") for p in shown) == 8
    text = " ".join(easy)
    assert not [h.text for h in Glossary.load().find_jargon(text) if h.entry.is_acronym]
    bus = next(p for p in shown if p.text.startswith("Bus 7"))
    assert bus.picture == "1F68C"  # a bus, chosen from the words


def test_online_meeting_letter_has_no_directions(example: Path) -> None:
    with Workspace.open(example, backup=False) as ws:
        meeting = get_meeting(ws, upcoming_id(ws))
        update_meeting(ws, dataclasses.replace(meeting, mode=MeetingMode.ONLINE))
        snapshot = take_snapshot(ws, upcoming_id(ws))
    document = invitation_document(snapshot, member_named(snapshot, "Eileen Foster"))
    headings = [b.plain_text() for b in document.blocks if b.kind is BlockKind.HEADING]
    assert "How to get there" not in headings
    assert _section(document, "Joining online")[0].startswith("This meeting is online.")
    # Venue arrangements do not apply online: nothing about the hearing loop in the room.
    assert not any("hearing loop" in line for line in _section(document, "Access arrangements for you"))
