"""What a meeting produced: decisions, actions, and what members said ("you said, we did")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class HowDecided(StrEnum):
    CONSENSUS = "consensus"
    VOTE = "vote"
    CHAIR = "chair"
    DEFERRED = "deferred"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class ContributionStatus(StrEnum):
    WAITING = "waiting"
    ACTED_ON = "acted-on"
    NOT_POSSIBLE = "not-possible"


@dataclass
class Decision:
    meeting_id: int
    text: str
    agenda_item_id: int | None = None
    plain_text: str = ""
    how: HowDecided = HowDecided.CONSENSUS
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstaining: int | None = None
    must_also_agree: str = ""
    cannot_change: str = ""
    id: int | None = None


@dataclass
class Action:
    meeting_id: int
    text: str
    agenda_item_id: int | None = None
    owner_id: int | None = None
    due: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    result: str = ""
    id: int | None = None


@dataclass
class Contribution:
    meeting_id: int
    member_id: int
    summary: str
    agenda_item_id: int | None = None
    response: str = ""
    status: ContributionStatus = ContributionStatus.WAITING
    answered_at: datetime | None = None
    id: int | None = None

    @property
    def answered(self) -> bool:
        return self.status is not ContributionStatus.WAITING
