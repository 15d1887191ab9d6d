"""A group (board, panel, network) and the defaults its meetings start from."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class InvolvementLevel(StrEnum):
    INFORM = "inform"
    CONSULT = "consult"
    ENGAGE = "engage"
    CO_DESIGN = "co-design"
    CO_PRODUCE = "co-produce"


class QueuePolicy(StrEnum):
    FAIR = "fair"  # points of order, then new voices, then least talk time, then hand order
    FIRST_COME = "first-come"


@dataclass(frozen=True)
class AvoidTime:
    """A weekly time the group keeps meetings out of, such as Friday prayers or school runs."""

    label: str
    weekday: int | None  # 0 = Monday; None = every day
    start: str  # "HH:MM"
    end: str


@dataclass
class Group:
    name: str
    id: int | None = None
    purpose: str = ""
    terms_of_reference: str = ""
    involvement_level: InvolvementLevel = InvolvementLevel.CO_PRODUCE
    can_change: str = ""
    cannot_change: str = ""
    contact_member_id: int | None = None
    meeting_minutes: int = 120
    papers_deadline_days: int = 7
    feedback_deadline_days: int = 14
    max_stretch_minutes: int = 60
    turn_seconds: int = 180
    queue_policy: QueuePolicy = QueuePolicy.FAIR
    times_to_avoid: tuple[AvoidTime, ...] = field(default_factory=tuple)
    payment_how_to_claim: str = ""  # the group's payment policy, told in members' letters
    payment_days: int = 0  # how many days payment takes; 0 when the group has not said
