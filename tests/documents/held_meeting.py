"""The example's held meeting, with more said by more members, for the tests of the documents
written after a meeting: minutes, feedback letters, records of participation.

With today = Tuesday 17 November 2026 (example_meeting.TODAY) the held meeting was on
Tuesday 20 October 2026 and the next one is on Tuesday 8 December 2026.
"""

from __future__ import annotations

from pathlib import Path

from docx.oxml.ns import qn

from meetingroom.domain.meeting import Attendance, AttendanceStatus, MeetingStatus
from meetingroom.domain.outcomes import Contribution, ContributionStatus
from meetingroom.domain.people import FormatNeed, Member, Role
from meetingroom.store import Workspace
from meetingroom.store.meetings import (
    agenda_items,
    invited_member_ids,
    list_meetings,
    set_attendance,
    set_invited,
)
from meetingroom.store.members import add_member, list_members
from meetingroom.store.outcomes import add_contribution
from tests.documents.example_meeting import write
from tests.documents.readback import TRICKY, docx_file, pdf_text, squash

HELD_DAY = "Tuesday 20 October 2026"
NEXT_DAY = "Tuesday 8 December 2026"
TRICKY_SAID = f"{TRICKY} asked for a ramp at the side door."
TRICKY_ANSWER = f"We did it: {TRICKY}"

# More things said, so that most members have something and every text is different:
# (member's name, item index or None, summary, status, response).
MORE_SAID: list[tuple[str, int | None, str, ContributionStatus, str]] = [
    ("Siobhan Kelly", 0, "Siobhan asked that the summary at the end of each item is read out slowly.",
     ContributionStatus.ACTED_ON, "From the next meeting the chair reads each summary slowly and shows it on the screen."),
    ("Priya Sharma", 4, "Priya offered to bring the crisis team manager to a future meeting.",
     ContributionStatus.WAITING, ""),
    ("Kwame Asante", None, "Kwame sent a message asking for the crisis line number in braille.",
     ContributionStatus.ACTED_ON, "We posted Kwame a braille card with the crisis line number on it."),
    ("Eileen Foster", 6, "Eileen asked for the minutes to come by post, not by email.",
     ContributionStatus.ACTED_ON, "Your minutes now come by post, printed large."),
    ("Darren Hughes", 2, "Daz said the pictures in the easy read agenda helped him follow the meeting.",
     ContributionStatus.ACTED_ON, "We will keep using pictures in every easy read paper."),
    ("Renée O'Connell", 4, "Renée asked whether carers could claim for replacement care during travel time too.",
     ContributionStatus.NOT_POSSIBLE, "The budget only covers care during meetings, so travel time is not included."),
]


def held_id(ws: Workspace) -> int:
    meeting = next(m for m in list_meetings(ws) if m.status is MeetingStatus.HELD)
    assert meeting.id is not None
    return meeting.id


def member_id(ws: Workspace, name: str) -> int:
    found = next(m.id for m in list_members(ws) if m.name == name)
    assert found is not None
    return found


def add_tricky_member(ws: Workspace, meeting_id: int, need: FormatNeed | None = None) -> int:
    """A member whose name and words are TRICKY (AD4), invited, present, who said something."""
    tricky = add_member(ws, Member(TRICKY, Role.CARER, format_need=need or FormatNeed(),
                                   payment_preference=TRICKY))
    set_invited(ws, meeting_id, [*invited_member_ids(ws, meeting_id), tricky])
    set_attendance(ws, Attendance(meeting_id, tricky, AttendanceStatus.PRESENT))
    add_contribution(ws, Contribution(meeting_id, tricky, TRICKY_SAID, None, TRICKY_ANSWER,
                                      ContributionStatus.ACTED_ON))
    return tricky


def write_held(path: Path, *, tricky: bool = True) -> Path:
    """The example workspace, with MORE_SAID (and the TRICKY member) added to the held meeting."""
    write(path)
    with Workspace.open(path, backup=False) as ws:
        meeting_id = held_id(ws)
        items = [item.id for item in agenda_items(ws, meeting_id)]
        for name, item, summary, status, response in MORE_SAID:
            add_contribution(ws, Contribution(meeting_id, member_id(ws, name), summary,
                                              None if item is None else items[item], response, status))
        if tricky:
            add_tricky_member(ws, meeting_id)
    return path


def file_words(path: Path) -> str:
    """All the words of a written letter as a reader's software gets them, squashed."""
    if path.suffix == ".pdf":
        return squash(" ".join(pdf_text(path)))
    if path.suffix == ".docx":
        body = docx_file(path).element.body
        paragraphs = ("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))
        return squash(" ".join(paragraphs))
    return squash(path.read_text(encoding="utf-8"))

