"""After the meeting: letters, payments and evaluations."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from meetingroom.domain.people import FormatKind


class LetterKind(StrEnum):
    INVITATION = "invitation"
    PAPERS_COVER = "papers-cover"
    FEEDBACK = "feedback"
    PARTICIPATION = "record-of-participation"


class PaymentKind(StrEnum):
    INVOLVEMENT = "involvement"
    TRAVEL = "travel"
    CARE = "care"
    OTHER = "other"


class PaymentStatus(StrEnum):
    CLAIMED = "claimed"
    PAID = "paid"


EVALUATION_QUESTIONS: tuple[str, ...] = (
    "listened_to",
    "papers_in_time",
    "understood_papers",
    "venue_access",
    "would_come_again",
)
# The questions as the form, the app and the report say them, and the five answers (1 to 5).
QUESTION_WORDS: dict[str, str] = {
    "listened_to": "I was listened to",
    "papers_in_time": "I got the papers in time",
    "understood_papers": "I understood the papers",
    "venue_access": "The venue worked for me",
    "would_come_again": "I would come again",
}
ANSWER_WORDS: tuple[str, ...] = ("No, not at all", "Not really", "Not sure", "Yes, mostly",
                                 "Yes, very much")


@dataclass
class Letter:
    meeting_id: int | None
    member_id: int
    kind: LetterKind
    format: FormatKind
    made_at: datetime
    size: int | None = None
    sent_at: datetime | None = None
    channel: str = ""
    id: int | None = None


@dataclass
class Payment:
    meeting_id: int
    member_id: int
    kind: PaymentKind
    amount_pence: int
    status: PaymentStatus = PaymentStatus.CLAIMED
    id: int | None = None


@dataclass
class Evaluation:
    """Answers on a five-point picture scale (1-5), any of which may be skipped."""

    meeting_id: int
    member_id: int | None = None
    answers: dict[str, int] = field(default_factory=dict)
    comment: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        for question, answer in self.answers.items():
            if question not in EVALUATION_QUESTIONS:
                raise ValueError(f"unknown evaluation question: {question}")
            if not 1 <= answer <= 5:
                raise ValueError("evaluation answers run from 1 to 5")
