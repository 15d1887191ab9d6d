"""How fairly the talk is shared: figures for the fairness panel, from the stored turns.

Talk time is each turn's stored start, end and pauses (`SpeakingTurn.talk_seconds`), with
`now` for a turn still running; it counts for `member_id`, so what a supporter or
interpreter said on a member's behalf is that member's talk. Only started turns count.

`present` maps each person present to their role: it is the people whose voices the panel
compares, so the caller decides whether supporters and interpreters belong in it. Role
groups and the Gini coefficient cover the people present only; talk by someone who has
since left still shows in `people` but in no role group.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass

from meetingroom.domain.conduct import SpeakingTurn
from meetingroom.domain.people import Role


@dataclass(frozen=True)
class Tally:
    """Turns taken and seconds spoken."""

    turns: int = 0
    talk_seconds: float = 0.0

    def add(self, talk_seconds: float) -> Tally:
        return Tally(self.turns + 1, self.talk_seconds + talk_seconds)


@dataclass(frozen=True)
class RoleShare:
    """One role group's talk against its size. `ratio` 1.0 is fair, below 1 is under-heard."""

    role: Role
    people: int
    tally: Tally
    talk_share: float  # of the talk by people present; 0.0 when nobody has spoken
    people_share: float  # of the people present
    ratio: float | None  # talk_share / people_share; None when nobody has spoken


@dataclass(frozen=True)
class Fairness:
    people: Mapping[int, Tally]  # everyone with a started turn, present or not
    roles: Mapping[Role, RoleShare]  # each role with someone present
    not_spoken_on_item: tuple[int, ...]  # present, in member id order
    not_spoken_in_meeting: tuple[int, ...]
    gini: float
    total_talk_seconds: float  # by everyone, present or not


def gini(values: Sequence[float]) -> float:
    """Gini coefficient: 0 when everyone has the same, towards 1 when one person has it all."""
    xs = sorted(max(0.0, v) for v in values)
    n = len(xs)
    total = sum(xs)
    if n < 2 or total <= 0:
        return 0.0
    weighted = sum((2 * i - n + 1) * x for i, x in enumerate(xs))
    return min(1.0, max(0.0, weighted / (n * total)))


def tally(
    turns: Iterable[SpeakingTurn], agenda_item_id: int | None = None, now: float | None = None
) -> tuple[dict[int, Tally], set[int]]:
    """Turns and talk per member, and who has spoken on the item: the part worth keeping.

    Finished turns never change, so a caller can tally them once and `add_running` the turn
    under way each time; `figures` then gives the same result as `measure` over all turns.
    """
    people: dict[int, Tally] = {}
    spoke_on_item: set[int] = set()
    add_running(people, spoke_on_item, turns, agenda_item_id, now)
    return people, spoke_on_item


def add_running(people: dict[int, Tally], spoke_on_item: set[int], turns: Iterable[SpeakingTurn],
                agenda_item_id: int | None, now: float | None) -> None:
    """Add more turns to a tally in place."""
    for turn in turns:
        if turn.started_at is None:
            continue
        people[turn.member_id] = people.get(turn.member_id, Tally()).add(turn.talk_seconds(now))
        if turn.agenda_item_id == agenda_item_id:
            spoke_on_item.add(turn.member_id)


def measure(
    turns: Iterable[SpeakingTurn],
    present: Mapping[int, Role],
    agenda_item_id: int | None = None,
    now: float | None = None,
) -> Fairness:
    """The fairness figures for one meeting's turns; `agenda_item_id` is the current item."""
    people, spoke_on_item = tally(turns, agenda_item_id, now)
    return figures(people, spoke_on_item, present)


def figures(people: Mapping[int, Tally], spoke_on_item: Set[int], present: Mapping[int, Role]) -> Fairness:
    """The fairness figures from a tally (see `tally`)."""
    role_tallies: dict[Role, Tally] = {}
    role_people: dict[Role, int] = {}
    for member_id, role in present.items():
        role_people[role] = role_people.get(role, 0) + 1
        mine = people.get(member_id, Tally())
        had = role_tallies.get(role, Tally())
        role_tallies[role] = Tally(had.turns + mine.turns, had.talk_seconds + mine.talk_seconds)

    present_talk = sum(t.talk_seconds for t in role_tallies.values())
    roles: dict[Role, RoleShare] = {}
    for role in Role:
        if role not in role_people:
            continue
        people_share = role_people[role] / len(present)
        talk_share = role_tallies[role].talk_seconds / present_talk if present_talk > 0 else 0.0
        roles[role] = RoleShare(
            role, role_people[role], role_tallies[role], talk_share, people_share,
            talk_share / people_share if present_talk > 0 else None,
        )

    present_ids = sorted(present)
    return Fairness(
        people=dict(people),
        roles=roles,
        not_spoken_on_item=tuple(m for m in present_ids if m not in spoke_on_item),
        not_spoken_in_meeting=tuple(m for m in present_ids if m not in people),
        gini=gini([people.get(m, Tally()).talk_seconds for m in present_ids]),
        total_talk_seconds=sum(t.talk_seconds for t in people.values()),
    )
