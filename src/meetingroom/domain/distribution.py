"""Did each invited member get their papers in time? Papers are due a number of days before
the meeting (the group's papers deadline); for each member this says on time, late, missing
or not sent yet, with the reason in plain words (and never the member's name)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from meetingroom.domain.papers import Channel, Distribution
from meetingroom.domain.people import FormatKind, FormatNeed, Member

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_CHANNEL_WORDS = {Channel.EMAIL: "by email", Channel.POST: "by post", Channel.BY_HAND: "by hand",
                  Channel.TEXT: "by text message", Channel.PHONE: "by phone"}
_FORMAT_WORDS = {FormatKind.STANDARD: "standard print", FormatKind.EASY_READ: "easy read",
                 FormatKind.AUDIO: "audio", FormatKind.BRAILLE_TEXT: "plain text for braille",
                 FormatKind.OTHER_LANGUAGE: "another language"}


class PapersStatus(StrEnum):
    ON_TIME = "on-time"
    LATE = "late"
    MISSING = "missing"  # the deadline has passed and nothing (or not everything) went out
    NOT_SENT_YET = "not-sent-yet"  # nothing yet, and there is still time

    @property
    def needs_attention(self) -> bool:
        return self in (PapersStatus.LATE, PapersStatus.MISSING)


@dataclass(frozen=True)
class MemberPapers:
    """Where one invited member's papers stand. `sent_at`, `channel`, `format` and `size`
    describe the sending that completed their papers (None when nothing has)."""

    member_id: int
    status: PapersStatus
    reason: str
    sent_at: datetime | None = None
    channel: Channel | None = None
    format: FormatKind | None = None
    size: int | None = None
    wrong_format: bool = False


def papers_deadline(meeting_start: datetime, deadline_days: int) -> datetime:
    """When papers are due: the meeting's start less the group's papers deadline in days."""
    return meeting_start - timedelta(days=deadline_days)


def short_date(moment: datetime) -> str:
    """"11 October": the UK way, whatever the computer's locale."""
    return f"{moment.day} {_MONTHS[moment.month - 1]}"


def format_words(kind: FormatKind, size: int | None = None) -> str:
    """"large print, 24 pt", "easy read", "standard print"."""
    if kind is FormatKind.LARGE_PRINT:
        return f"large print, {size} pt" if size else "large print"
    return _FORMAT_WORDS[kind]


def channel_words(channel: Channel) -> str:
    return _CHANNEL_WORDS[channel]


def _days(delta: timedelta) -> str:
    days = delta.days
    return "1 day" if days == 1 else f"{days} days"


def _matches(need: FormatNeed, record: Distribution) -> bool:
    if need.kind is FormatKind.LARGE_PRINT:
        return record.format is FormatKind.LARGE_PRINT and record.size == need.size
    return record.format is need.kind


def member_papers(member: Member, paper_ids: Iterable[int], sent: Iterable[Distribution], *,
                  meeting_start: datetime, deadline_days: int, now: datetime) -> MemberPapers:
    """One member's papers: complete once a whole pack, or every paper of the meeting, went
    out to them; on time when that happened by the deadline."""
    assert member.id is not None
    mine = sorted((r for r in sent if r.member_id == member.id), key=lambda r: r.sent_at)
    deadline = papers_deadline(meeting_start, deadline_days)
    due = f"the deadline was {short_date(deadline)}" if now > deadline else \
        f"they are due by {short_date(deadline)}"
    needed = set(paper_ids)
    covered: set[int] = set()
    done: Distribution | None = None
    for record in mine:
        if record.paper_id is None:
            done = record
            break
        covered.add(record.paper_id)
        if needed and needed <= covered:
            done = record
            break
    if done is None:
        if now > deadline:
            what = "Not all papers were sent" if mine else "Nothing was sent"
            return MemberPapers(member.id, PapersStatus.MISSING, f"{what}, and {due}.")
        what = "Some papers are sent, not all yet" if mine else "Not sent yet"
        return MemberPapers(member.id, PapersStatus.NOT_SENT_YET, f"{what}: {due}.")
    how = f"Sent {channel_words(done.channel)} on {short_date(done.sent_at)}"
    if done.sent_at <= deadline:
        before = meeting_start - done.sent_at
        status, reason = PapersStatus.ON_TIME, f"{how}, {_days(before)} before the meeting."
    else:
        late = done.sent_at - deadline
        status = PapersStatus.LATE
        reason = f"{how}, {_days(late) if late.days else 'less than a day'} after the deadline " \
                 f"of {short_date(deadline)}."
    wrong = not _matches(member.format_need, done)
    if wrong:
        reason += (f" It went in {format_words(done.format, done.size)}, but they asked for "
                   f"{format_words(member.format_need.kind, member.format_need.size)}.")
    return MemberPapers(member.id, status, reason, done.sent_at, done.channel, done.format,
                        done.size, wrong)


def meeting_papers(invited: Sequence[Member], paper_ids: Iterable[int],
                   sent: Iterable[Distribution], *, meeting_start: datetime, deadline_days: int,
                   now: datetime) -> list[MemberPapers]:
    """`member_papers` for every invited member, in the order given."""
    papers, records = tuple(paper_ids), tuple(sent)
    return [member_papers(m, papers, records, meeting_start=meeting_start,
                          deadline_days=deadline_days, now=now) for m in invited]


def warning(statuses: Iterable[MemberPapers]) -> str:
    """"2 members got their papers late; 1 has not had them." or "" when all is well."""
    statuses = list(statuses)
    late = sum(s.status is PapersStatus.LATE for s in statuses)
    missing = sum(s.status is PapersStatus.MISSING for s in statuses)
    wrong = sum(s.wrong_format for s in statuses)
    parts = []
    if late:
        parts.append(f"{late} {'member' if late == 1 else 'members'} got their papers late")
    if missing:
        parts.append(f"{missing} {'member has' if missing == 1 else 'members have'} not had "
                     f"all their papers, and the deadline has passed")
    if wrong:
        parts.append(f"{wrong} {'member' if wrong == 1 else 'members'} got papers in a format "
                     f"they did not ask for")
    if not parts:
        return ""
    text = "; ".join(parts) + "."
    return text[:1].upper() + text[1:]
