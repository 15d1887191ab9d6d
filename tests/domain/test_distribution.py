"""Papers on time, late, missing or not sent yet, against the group's deadline."""

from __future__ import annotations

from datetime import datetime

from meetingroom.domain.distribution import (
    PapersStatus,
    meeting_papers,
    member_papers,
    papers_deadline,
    warning,
)
from meetingroom.domain.papers import Channel, Distribution
from meetingroom.domain.people import FormatKind, FormatNeed, Member

START = datetime(2026, 10, 20, 10, 30)  # deadline 7 days before: 13 October 10:30
AFTER = datetime(2026, 10, 19, 9, 0)
BEFORE = datetime(2026, 10, 1, 9, 0)


def _member(member_id: int, need: FormatNeed | None = None) -> Member:
    return Member(f"Person {member_id}", id=member_id, format_need=need or FormatNeed())


def _sent(member_id: int, when: datetime, paper_id: int | None = None,
          kind: FormatKind = FormatKind.STANDARD, size: int | None = None,
          channel: Channel = Channel.EMAIL) -> Distribution:
    return Distribution(1, member_id, kind, when, channel, paper_id=paper_id, size=size)


def _status(member: Member, sent: list[Distribution], now: datetime = AFTER, papers: tuple[int, ...] = (5,)):  # type: ignore[no-untyped-def]
    return member_papers(member, papers, sent, meeting_start=START, deadline_days=7, now=now)


def test_deadline_is_the_meeting_start_less_the_groups_days() -> None:
    assert papers_deadline(START, 7) == datetime(2026, 10, 13, 10, 30)


def test_a_pack_sent_by_the_deadline_is_on_time_with_how_and_when() -> None:
    result = _status(_member(1), [_sent(1, datetime(2026, 10, 11, 10, 30), channel=Channel.POST)])
    assert result.status is PapersStatus.ON_TIME
    assert result.reason == "Sent by post on 11 October, 9 days before the meeting."
    assert result.channel is Channel.POST and not result.wrong_format


def test_exactly_at_the_deadline_is_on_time_a_minute_after_is_late() -> None:
    assert _status(_member(1), [_sent(1, datetime(2026, 10, 13, 10, 30))]).status is PapersStatus.ON_TIME
    late = _status(_member(1), [_sent(1, datetime(2026, 10, 13, 10, 31))])
    assert late.status is PapersStatus.LATE
    assert late.reason == "Sent by email on 13 October, less than a day after the deadline of 13 October."
    later = _status(_member(1), [_sent(1, datetime(2026, 10, 15, 11, 0))])
    assert "2 days after the deadline of 13 October" in later.reason


def test_nothing_sent_is_missing_after_the_deadline_and_not_yet_before() -> None:
    missing = _status(_member(1), [])
    assert missing.status is PapersStatus.MISSING
    assert missing.reason == "Nothing was sent, and the deadline was 13 October."
    waiting = _status(_member(1), [], now=BEFORE)
    assert waiting.status is PapersStatus.NOT_SENT_YET
    assert waiting.reason == "Not sent yet: they are due by 13 October."


def test_papers_one_by_one_count_when_the_last_one_goes() -> None:
    sent = [_sent(1, datetime(2026, 10, 10, 9, 0), paper_id=5), _sent(1, datetime(2026, 10, 14, 9, 0), paper_id=6)]
    result = _status(_member(1), sent, papers=(5, 6))
    assert result.status is PapersStatus.LATE and result.sent_at == datetime(2026, 10, 14, 9, 0)
    part = _status(_member(1), sent[:1], papers=(5, 6))
    assert part.status is PapersStatus.MISSING and part.reason.startswith("Not all papers were sent")


def test_other_members_records_do_not_count() -> None:
    assert _status(_member(1), [_sent(2, BEFORE)]).status is PapersStatus.MISSING


def test_a_pack_in_the_wrong_format_or_size_is_said() -> None:
    reader = _member(1, FormatNeed(FormatKind.LARGE_PRINT, 24))
    wrong = _status(reader, [_sent(1, BEFORE, kind=FormatKind.LARGE_PRINT, size=18)])
    assert wrong.status is PapersStatus.ON_TIME and wrong.wrong_format
    assert wrong.reason.endswith("It went in large print, 18 pt, but they asked for large print, 24 pt.")
    right = _status(reader, [_sent(1, BEFORE, kind=FormatKind.LARGE_PRINT, size=24)])
    assert not right.wrong_format


def test_the_warning_counts_late_missing_and_wrong_format() -> None:
    members = [_member(1), _member(2), _member(3), _member(4, FormatNeed(FormatKind.EASY_READ))]
    sent = [_sent(1, BEFORE), _sent(2, datetime(2026, 10, 15, 9, 0)), _sent(4, BEFORE)]
    rows = meeting_papers(members, (), sent, meeting_start=START, deadline_days=7, now=AFTER)
    assert [r.status for r in rows] == [PapersStatus.ON_TIME, PapersStatus.LATE,
                                        PapersStatus.MISSING, PapersStatus.ON_TIME]
    assert warning(rows) == ("1 member got their papers late; 1 member has not had all their "
                             "papers, and the deadline has passed; 1 member got papers in a format "
                             "they did not ask for.")
    assert warning(rows[:1]) == ""
