"""Follow-up against the group's feedback deadline: letters owed, made, sent, answers given."""

from __future__ import annotations

from datetime import date, datetime

from meetingroom.domain.feedback import (
    action_words,
    feedback_deadline,
    feedback_progress,
    is_overdue,
)
from meetingroom.domain.followup import Letter, LetterKind
from meetingroom.domain.outcomes import Action, ActionStatus, Contribution, ContributionStatus
from meetingroom.domain.people import FormatKind

END = datetime(2026, 10, 27, 12, 30)


def _letter(member: int, sent: datetime | None = None) -> Letter:
    return Letter(1, member, LetterKind.FEEDBACK, FormatKind.STANDARD, datetime(2026, 10, 28), sent_at=sent)


def _said(member: int, status: ContributionStatus) -> Contribution:
    return Contribution(1, member, "More buses", status=status)


def test_the_deadline_is_the_end_of_the_day_n_days_after() -> None:
    assert feedback_deadline(END, 14) == datetime(2026, 11, 10, 23, 59, 59)


def test_counts_and_words_before_the_deadline() -> None:
    progress = feedback_progress(
        1, END, [1, 2, 3, 4], [_letter(1, datetime(2026, 11, 1)), _letter(2), _letter(9)],
        [_said(1, ContributionStatus.ACTED_ON), _said(2, ContributionStatus.WAITING)],
        deadline_days=14, now=datetime(2026, 11, 6, 9, 0))
    assert (progress.owed, progress.made, progress.sent, progress.answered, progress.contributions) == \
        (4, 2, 1, 1, 2)  # member 9 was not invited: not counted
    assert progress.summary() == "Letters: 2 made and 1 sent, of 4. Contributions: 1 of 2 answered."
    assert progress.deadline_words() == "Due by 10 November (4 days left)."
    assert not progress.late and progress.warning() == ""


def test_late_says_what_is_outstanding() -> None:
    progress = feedback_progress(
        1, END, [1, 2, 3], [_letter(1, datetime(2026, 11, 1)), _letter(2, datetime(2026, 11, 12))],
        [_said(1, ContributionStatus.WAITING)], deadline_days=14, now=datetime(2026, 11, 20))
    assert progress.late
    assert progress.warning() == (
        "Late: 1 letter has not been sent; 1 contribution is still waiting for an answer; "
        "1 letter was sent after the deadline. The deadline was 10 November.")
    assert progress.deadline_words() == "The deadline was 10 November."


def test_all_done_in_time_is_not_late_even_after_the_deadline() -> None:
    progress = feedback_progress(1, END, [1], [_letter(1, datetime(2026, 11, 2))],
                                 [_said(1, ContributionStatus.NOT_POSSIBLE)],
                                 deadline_days=14, now=datetime(2026, 12, 1))
    assert progress.done and not progress.late and progress.warning() == ""


def test_action_words() -> None:
    today = date(2026, 11, 24)
    assert action_words(Action(1, "x", status=ActionStatus.DONE), today) == "Done"
    assert action_words(Action(1, "x", due=date(2026, 12, 4)), today) == "Open: due 4 December"
    late = Action(1, "x", due=date(2026, 11, 4))
    assert action_words(late, today) == "Overdue: was due 4 November" and is_overdue(late, today)
    assert action_words(Action(1, "x"), today) == "Open"
