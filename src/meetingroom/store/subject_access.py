"""Subject access: everything the workspace holds about one person, as one readable text file.

Every table with a column pointing at a member is covered (see `members.records_of`); other
people's contributions and comments are never included, only the person's own records.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from meetingroom.domain.conduct import SpeakingTurn
from meetingroom.domain.followup import EVALUATION_QUESTIONS, QUESTION_WORDS
from meetingroom.domain.people import Member
from meetingroom.store import conduct
from meetingroom.store.members import get_member
from meetingroom.store.private_file import write_private
from meetingroom.store.workspace import Workspace

_WORDS = {
    "supporter": "Supporter or interpreter", "braille-text": "Plain text for braille",
    "other-language": "Another language", "bsl-interpreter": "BSL interpreter",
    "language-interpreter": "Spoken-language interpreter", "cant-hear": "Can't hear",
    "text": "Text message", "phone": "Phone call", "letter": "Letter by post",
    "involvement": "Involvement payment", "bsl": "British Sign Language",
}


def words(value: object) -> str:
    """A stored code in plain words: 'expert-by-experience' -> 'Expert by experience'."""
    text = str(value)
    return _WORDS.get(text) or text.replace("-", " ").replace("_", " ").capitalize()


def _day(text: str | None) -> str:
    if not text:
        return "not recorded"
    moment = datetime.fromisoformat(text)
    shown = f"{moment:%A} {moment.day} {moment:%B %Y}"
    if isinstance(moment, datetime) and len(text) > 10:
        shown += f" at {moment:%H:%M}"
    return shown


def _date(value: date | None) -> str:
    return "not recorded" if value is None else f"{value.day} {value:%B %Y}"


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s" if minutes else f"{rest} s"


def _money(pence: int) -> str:
    return f"£{pence // 100}.{pence % 100:02d}"


class _Report:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def heading(self, text: str, underline: str = "-") -> None:
        if self.lines:
            self.lines.append("")
        self.lines += [text, underline * len(text)]

    def line(self, text: str = "") -> None:
        self.lines.append(text)

    def field(self, name: str, value: object) -> None:
        self.lines.append(f"{name}: {value if value not in ('', None) else '(none)'}")

    def items(self, rows: list[str], empty: str) -> None:
        self.lines += [f"- {row}" for row in rows] or [empty]


def person_export(ws: Workspace, member_id: int, *, now: datetime | None = None) -> str:
    """Everything held about one member, with a heading for each kind of record."""
    member = get_member(ws, member_id)
    report = _Report()
    who = member.display_name if member.erased or not member.preferred_name else (
        f"{member.name} ({member.preferred_name})")
    report.heading(f"Everything MeetingRoom holds about {who or member.display_name}", "=")
    report.line(f"Made on {_day((now or datetime.now()).isoformat(timespec='minutes'))} "
                f"from the workspace \"{ws.path.stem}\".")
    report.line("This file holds personal information. Keep it safe and share it only with them.")
    _details(report, member)
    _meetings(ws, report, member_id)
    _turns(ws, report, member_id)
    _outcomes(ws, report, member_id)
    _followup(ws, report, member_id)
    return "\n".join(report.lines) + "\n"


def write_person_export(ws: Workspace, member_id: int, path: Path) -> Path:
    """Write `person_export` to `path` as UTF-8 that only its owner can read."""
    return write_private(path, person_export(ws, member_id).encode("utf-8"))


def _details(report: _Report, m: Member) -> None:
    report.heading("Their details")
    report.field("Name", m.name if not m.erased else "former member (details removed)")
    report.field("Preferred name", m.preferred_name)
    report.field("How to say their name", m.pronunciation)
    report.field("Pronouns", m.pronouns)
    report.field("Role", words(m.role))
    report.field("Organisation", m.organisation)
    report.field("How they like to be contacted", words(m.contact_preference))
    report.field("Contact details", m.contact_details)
    report.field("Payment preference", m.payment_preference)
    report.field("Agreed to us keeping their details on", _date(m.consent_date))
    report.field("Active member", "yes" if m.active else "no")
    report.heading("Format and access needs")
    need = m.format_need
    shown = words(need.kind) + (f", {need.size} point" if need.size else "") + (
        f" ({need.language})" if need.language else "")
    report.field("Papers in", shown)
    report.field("Access needs", ", ".join(words(n) for n in sorted(m.access_needs)))
    report.field("Notes about access", m.access_notes)


def _meetings(ws: Workspace, report: _Report, member_id: int) -> None:
    report.heading("Meetings they were invited to")
    rows = ws.query(
        "SELECT meeting.title, meeting.start, attendance.status, attendance.arrived_at "
        "FROM meeting LEFT JOIN invitation ON invitation.meeting_id = meeting.id "
        "AND invitation.member_id = :m LEFT JOIN attendance ON attendance.meeting_id = meeting.id "
        "AND attendance.member_id = :m WHERE invitation.member_id IS NOT NULL "
        "OR attendance.member_id IS NOT NULL ORDER BY meeting.start", {"m": member_id})
    shown = []
    for r in rows:
        came = "attendance not recorded" if r["status"] is None else words(r["status"])
        if r["arrived_at"]:
            came += f", arrived {datetime.fromisoformat(r['arrived_at']):%H:%M}"
        shown.append(f"{r['title']} — {_day(r['start'])} — {came}")
    report.items(shown, "None.")
    report.heading("Agenda items they proposed or presented")
    report.items([f"{r['title']} ({r['meeting']}, {_day(r['start'])}): "
                  + " and ".join(x for x, yes in (("proposed", r["proposed"]), ("presented", r["presented"])) if yes)
                  for r in ws.query(
        "SELECT agenda_item.title, meeting.title AS meeting, meeting.start, "
        "proposed_by_id = :m AS proposed, presenter_id = :m AS presented FROM agenda_item "
        "JOIN meeting ON meeting.id = meeting_id WHERE proposed_by_id = :m OR presenter_id = :m "
        "ORDER BY meeting.start, position", {"m": member_id})], "None.")
    report.heading("Group contact person")
    contact = ws.query("SELECT name FROM group_info WHERE contact_member_id = ?", (member_id,))
    report.items([f"They are the contact person for {r['name']}." for r in contact], "No.")


def _turns(ws: Workspace, report: _Report, member_id: int) -> None:
    report.heading("Speaking turns")
    meetings = ws.query(
        "SELECT DISTINCT meeting.id, meeting.title, meeting.start FROM speaking_turn JOIN meeting "
        "ON meeting.id = meeting_id WHERE member_id = :m OR speaker_id = :m ORDER BY meeting.start",
        {"m": member_id})
    shown = []
    for meeting in meetings:
        turns: list[SpeakingTurn] = conduct.turns(ws, meeting["id"])
        own = [t for t in turns if t.member_id == member_id]
        talk = sum(t.talk_seconds() for t in own)
        line = (f"{meeting['title']} ({_day(meeting['start'])}): {len(own)} "
                f"turn{'s' if len(own) != 1 else ''}, {_duration(talk)} of talk time in all")
        for_others = sum(1 for t in turns if t.speaker_id == member_id and t.member_id != member_id)
        if for_others:
            line += f"; spoke on someone else's behalf {for_others} time{'s' if for_others != 1 else ''}"
        shown.append(line)
    report.items(shown, "None.")
    report.heading("Cards they showed")
    report.items([f"{words(r['kind'])} — {r['title']}, {_day(r['at'])}" for r in ws.query(
        "SELECT card.kind, card.at, meeting.title FROM card JOIN meeting ON meeting.id = meeting_id "
        "WHERE member_id = ? ORDER BY card.at", (member_id,))], "None.")
    report.heading("Meeting log entries about them")
    entries = []
    for r in ws.query("SELECT meeting_event.kind, at, detail, meeting.title FROM meeting_event "
                      "JOIN meeting ON meeting.id = meeting_id ORDER BY meeting_event.id"):
        detail = json.loads(r["detail"] or "{}")
        if isinstance(detail, dict) and member_id in (detail.get("member_id"), detail.get("speaker_id")):
            entries.append(f"{words(r['kind'])} — {r['title']}, "
                           f"{datetime.fromtimestamp(r['at']):%d/%m/%Y %H:%M:%S}")
    report.items(entries, "None.")


def _outcomes(ws: Workspace, report: _Report, member_id: int) -> None:
    report.heading("What they said, and the answers (\"you said, we did\")")
    said = ws.query(
        "SELECT contribution.*, meeting.title AS meeting, meeting.start, agenda_item.title AS item "
        "FROM contribution JOIN meeting ON meeting.id = contribution.meeting_id LEFT JOIN agenda_item "
        "ON agenda_item.id = agenda_item_id WHERE member_id = ? ORDER BY meeting.start, contribution.id",
        (member_id,))
    if not said:
        report.line("None.")
    for r in said:
        report.line(f"- {r['meeting']} ({_day(r['start'])})" + (f", item: {r['item']}" if r["item"] else ""))
        report.line(f"  They said: {r['summary']}")
        report.line(f"  Answer: {r['response'] or '(no answer yet)'}")
        report.line(f"  Status: {words(r['status'])}"
                    + (f", answered {_day(r['answered_at'])}" if r["answered_at"] else ""))
    report.heading("Actions they own")
    report.items([
        f"{r['text']} — due {_day(r['due'])}, {words(r['status']).lower()}"
        + (f". Result: {r['result']}" if r["result"] else "") + f" ({r['title']})"
        for r in ws.query("SELECT action.*, meeting.title FROM action JOIN meeting ON meeting.id = "
                          "meeting_id WHERE owner_id = ? ORDER BY action.id", (member_id,))], "None.")


def _followup(ws: Workspace, report: _Report, member_id: int) -> None:
    report.heading("Letters")
    report.items([
        f"{words(r['kind'])} in {words(r['format']).lower()}" + (f" ({r['size']} point)" if r["size"] else "")
        + f" — made {_day(r['made_at'])}, "
        + (f"sent {_day(r['sent_at'])}" + (f" by {words(r['channel']).lower()}" if r["channel"] else "")
           if r["sent_at"] else "not sent yet") + (f" ({r['title']})" if r["title"] else "")
        for r in ws.query("SELECT letter.*, meeting.title FROM letter LEFT JOIN meeting ON meeting.id = "
                          "meeting_id WHERE member_id = ? ORDER BY made_at, letter.id", (member_id,))], "None.")
    report.heading("Papers sent to them")
    report.items([
        f"{r['paper'] or 'The whole pack'} in {words(r['format']).lower()}"
        + (f" ({r['size']} point)" if r["size"] else "")
        + f" — sent {_day(r['sent_at'])} by {words(r['channel']).lower()} ({r['title']})"
        for r in ws.query(
            "SELECT distribution.*, paper.title AS paper, meeting.title FROM distribution JOIN meeting "
            "ON meeting.id = meeting_id LEFT JOIN paper ON paper.id = paper_id WHERE member_id = ? "
            "ORDER BY sent_at, distribution.id", (member_id,))], "None.")
    report.heading("Payments")
    report.items([
        f"{words(r['kind'])}: {_money(r['amount_pence'])}, {words(r['status']).lower()} ({r['title']})"
        for r in ws.query("SELECT payment.*, meeting.title FROM payment JOIN meeting ON meeting.id = "
                          "meeting_id WHERE member_id = ? ORDER BY payment.id", (member_id,))], "None.")
    report.heading("Their evaluations of meetings")
    rows = ws.query("SELECT evaluation.*, meeting.title, meeting.start FROM evaluation JOIN meeting "
                    "ON meeting.id = meeting_id WHERE member_id = ? ORDER BY meeting.start", (member_id,))
    if not rows:
        report.line("None.")
    for r in rows:
        answers = json.loads(r["answers"] or "{}")
        report.line(f"- {r['title']} ({_day(r['start'])})")
        for question in EVALUATION_QUESTIONS:
            if question in answers:
                report.line(f"  {QUESTION_WORDS[question]}: {answers[question]} out of 5")
        report.line(f"  Comment: {r['comment'] or '(none)'}")
