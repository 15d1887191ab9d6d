"""Has each meeting been followed up in time? Every invited member is owed a feedback letter,
and every contribution an answer, within the group's feedback deadline (days after the
meeting). This says how far each meeting has got, in words, with a warning when it is late;
and where each action stands."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from meetingroom.domain.distribution import short_date
from meetingroom.domain.followup import Letter
from meetingroom.domain.outcomes import Action, ActionStatus, Contribution


def feedback_deadline(meeting_end: datetime, deadline_days: int) -> datetime:
    """The end of the day `deadline_days` after the meeting."""
    day = (meeting_end + timedelta(days=deadline_days)).date()
    return datetime.combine(day, datetime.max.time()).replace(microsecond=0)


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


@dataclass(frozen=True)
class FeedbackProgress:
    """One meeting's follow-up: letters made and sent (of those owed), answers given."""

    meeting_id: int
    owed: int  # invited members, each owed a letter
    made: int
    sent: int
    sent_on_time: int
    contributions: int
    answered: int
    deadline: datetime
    now: datetime

    @property
    def done(self) -> bool:
        return self.sent >= self.owed and self.answered >= self.contributions

    @property
    def late(self) -> bool:
        """Past the deadline with letters or answers still outstanding, or letters sent late."""
        return (self.now > self.deadline and not self.done) or self.sent_on_time < self.sent

    def summary(self) -> str:
        """"Letters: 9 made and 4 sent, of 12. Contributions: 3 of 5 answered.\""""
        return (f"Letters: {self.made} made and {self.sent} sent, of {self.owed}. "
                f"Contributions: {self.answered} of {self.contributions} answered.")

    def deadline_words(self) -> str:
        """"Due by 10 November (4 days left)." or "The deadline was 10 November.\""""
        when = short_date(self.deadline)
        if self.now > self.deadline:
            return f"The deadline was {when}."
        left = (self.deadline.date() - self.now.date()).days
        return f"Due by {when} ({'today' if left == 0 else _count(left, 'day', 'days') + ' left'})."

    def warning(self) -> str:
        """What is late, in words; "" when nothing is."""
        parts = []
        if self.now > self.deadline:
            if self.sent < self.owed:
                parts.append(f"{_count(self.owed - self.sent, 'letter has', 'letters have')} not been sent")
            if self.answered < self.contributions:
                waiting = self.contributions - self.answered
                parts.append(f"{_count(waiting, 'contribution is', 'contributions are')} still "
                             f"waiting for an answer")
        late = self.sent - self.sent_on_time
        if late:
            parts.append(f"{_count(late, 'letter was', 'letters were')} sent after the deadline")
        if not parts:
            return ""
        text = "; ".join(parts)
        return f"Late: {text}. The deadline was {short_date(self.deadline)}." if self.now > self.deadline \
            else f"Late: {text}."


def feedback_progress(meeting_id: int, meeting_end: datetime, owed: Iterable[int],
                      letters: Iterable[Letter], contributions: Iterable[Contribution], *,
                      deadline_days: int, now: datetime) -> FeedbackProgress:
    """`owed` are the ids of the members owed a letter (those invited); `letters` are the
    meeting's feedback letters."""
    owed_ids = set(owed)
    deadline = feedback_deadline(meeting_end, deadline_days)
    mine = [letter for letter in letters if letter.member_id in owed_ids]
    sent = [letter for letter in mine if letter.sent_at is not None]
    said = list(contributions)
    return FeedbackProgress(
        meeting_id, len(owed_ids), len({letter.member_id for letter in mine}),
        len({letter.member_id for letter in sent}),
        len({letter.member_id for letter in sent if letter.sent_at and letter.sent_at <= deadline}),
        len(said), sum(c.answered for c in said), deadline, now)


def action_words(action: Action, today: date) -> str:
    """"Done", "Dropped", "Open: due 4 December", "Overdue: was due 4 November", "Open"."""
    if action.status is ActionStatus.DONE:
        return "Done"
    if action.status is ActionStatus.DROPPED:
        return "Dropped"
    if action.due is None:
        return "Open"
    due = short_date(datetime.combine(action.due, datetime.min.time()))
    return f"Overdue: was due {due}" if action.due < today else f"Open: due {due}"


def is_overdue(action: Action, today: date) -> bool:
    return action.status is ActionStatus.OPEN and action.due is not None and action.due < today
