"""Who speaks next: raised hands in the group's order, and the clock of a running turn.

A raised hand is a `SpeakingTurn` that has not started (``started_at is None``), so the
queue can be stored and rebuilt exactly after a restart. Talk time always comes from the
stored turns' start, end and pause times, never from counting timer ticks.

Order under `QueuePolicy.FAIR`: points of order first, then people who have not spoken on
the current agenda item, then those who have spoken least in this meeting, then the order
hands went up. Under `QueuePolicy.FIRST_COME` it is the order hands went up, but points of
order still go first: a point of order is about how the meeting is being run (someone
cannot hear, the chair has skipped an item, a ground rule is broken), so it has to be dealt
with before the next contribution whatever the group's speaking policy.
Ties are broken by member id, so the order is total and the same every time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from meetingroom.domain.conduct import Pause, SpeakingTurn, TurnKind, TurnMode
from meetingroom.domain.group import QueuePolicy

QueueKey = tuple[int, int, float, float, int]


class SpeakingQueue:
    """The raised hands of one meeting, for the members present, in the group's order."""

    def __init__(
        self,
        meeting_id: int,
        present: Iterable[int],
        policy: QueuePolicy = QueuePolicy.FAIR,
        turns: Iterable[SpeakingTurn] = (),
        agenda_item_id: int | None = None,
    ) -> None:
        """`turns` are the meeting's stored turns; the ones not started are the raised hands."""
        self.meeting_id = meeting_id
        self.policy = policy
        self.agenda_item_id = agenda_item_id
        self._present: frozenset[int] = frozenset(present)
        self._hands: dict[int, SpeakingTurn] = {}
        # Talk is kept as running totals so ordering 200 hands over 2,000 turns stays cheap:
        # ended turns add to `_talk_done`; turns still running are summed up to `now`.
        self._spoken: dict[object, SpeakingTurn] = {}
        self._talk_done: dict[int, float] = {}
        self._running: dict[object, SpeakingTurn] = {}
        self._on_item: dict[tuple[int | None, int], int] = {}
        for turn in turns:
            if turn.started_at is None:
                if turn.member_id in self._present and turn.member_id not in self._hands:
                    self._hands[turn.member_id] = turn
            else:
                self._add(turn)

    @staticmethod
    def _token(turn: SpeakingTurn) -> object:
        return ("id", turn.id) if turn.id is not None else ("object", id(turn))

    def _add(self, turn: SpeakingTurn) -> None:
        token = self._token(turn)
        self._spoken[token] = turn
        if turn.ended_at is None:
            self._running[token] = turn
        else:
            self._talk_done[turn.member_id] = self._talk_done.get(turn.member_id, 0.0) + turn.talk_seconds()
        on_item = (turn.agenda_item_id, turn.member_id)
        self._on_item[on_item] = self._on_item.get(on_item, 0) + 1

    def _remove(self, token: object) -> None:
        turn = self._spoken.pop(token)
        if self._running.pop(token, None) is None:
            self._talk_done[turn.member_id] -= turn.talk_seconds()
        on_item = (turn.agenda_item_id, turn.member_id)
        self._on_item[on_item] -= 1

    # -- who is here and what has been said -------------------------------------------

    @property
    def present(self) -> frozenset[int]:
        return self._present

    def set_present(self, member_ids: Iterable[int]) -> tuple[SpeakingTurn, ...]:
        """Change who is present; hands of people who left are lowered and returned."""
        self._present = frozenset(member_ids)
        gone = tuple(h for m, h in self._hands.items() if m not in self._present)
        for hand in gone:
            del self._hands[hand.member_id]
        return gone

    def record(self, turn: SpeakingTurn) -> None:
        """Add or update a started turn, so talk time counts it (matched by id when it has one)."""
        if turn.started_at is None:
            raise ValueError("a turn that has not started is a raised hand, not talk")
        token = self._token(turn)
        if token in self._spoken:
            self._remove(token)
        self._add(turn)

    def talk_seconds(self, member_id: int, now: float | None = None) -> float:
        """Talk time counted for a member in this meeting, including what supporters said."""
        running = sum(t.talk_seconds(now) for t in self._running.values() if t.member_id == member_id)
        return self._talk_done.get(member_id, 0.0) + running

    def has_spoken_on_item(self, member_id: int) -> bool:
        return self._on_item.get((self.agenda_item_id, member_id), 0) > 0

    # -- hands ---------------------------------------------------------------------------

    def raise_hand(
        self,
        member_id: int,
        at: float,
        kind: TurnKind = TurnKind.CONTRIBUTION,
        mode: TurnMode = TurnMode.SPOKEN,
        speaker_id: int | None = None,
    ) -> SpeakingTurn:
        """Queue a present member; one hand each. Returns the waiting turn to store."""
        if member_id not in self._present:
            raise ValueError("only a member who is present can raise a hand")
        if member_id in self._hands:
            raise ValueError("this member's hand is already up")
        hand = SpeakingTurn(
            self.meeting_id, member_id, queued_at=at, agenda_item_id=self.agenda_item_id,
            kind=kind, mode=mode, speaker_id=speaker_id,
        )
        self._hands[member_id] = hand
        return hand

    def lower_hand(self, member_id: int) -> SpeakingTurn:
        """Take a member's hand down; returns the waiting turn so the store can delete it."""
        try:
            return self._hands.pop(member_id)
        except KeyError:
            raise ValueError("this member's hand is not up") from None

    def __contains__(self, member_id: object) -> bool:
        return member_id in self._hands

    def __len__(self) -> int:
        return len(self._hands)

    # -- order ---------------------------------------------------------------------------

    def key(self, hand: SpeakingTurn, now: float | None = None) -> QueueKey:
        """Sort key: smaller goes first. `now` counts a turn still running up to now."""
        order = 0 if hand.kind is TurnKind.POINT_OF_ORDER else 1
        if self.policy is QueuePolicy.FIRST_COME or order == 0:
            return (order, 0, 0.0, hand.queued_at, hand.member_id)
        spoken_here = 1 if self.has_spoken_on_item(hand.member_id) else 0
        talk = self.talk_seconds(hand.member_id, now)
        return (order, spoken_here, talk, hand.queued_at, hand.member_id)

    def waiting(self, now: float | None = None) -> tuple[SpeakingTurn, ...]:
        """All raised hands, first speaker first."""
        return tuple(sorted(self._hands.values(), key=lambda h: self.key(h, now)))

    def peek(self, n: int = 3, now: float | None = None) -> tuple[SpeakingTurn, ...]:
        """The next `n` speakers, for the console and the projector; the queue is unchanged."""
        return self.waiting(now)[: max(0, n)]

    def next_speaker(self, now: float) -> SpeakingTurn | None:
        """Take the first hand and start its turn at `now`; None when nobody is waiting."""
        ordered = self.waiting(now)
        if not ordered:
            return None
        hand = self._hands.pop(ordered[0].member_id)
        turn = start_turn(hand, now)
        self._add(turn)
        return turn


# -- the clock of one turn -------------------------------------------------------------


def is_paused(turn: SpeakingTurn) -> bool:
    return bool(turn.pauses) and turn.pauses[-1].resumed_at is None


def start_turn(turn: SpeakingTurn, now: float) -> SpeakingTurn:
    if turn.started_at is not None:
        raise ValueError("this turn has already started")
    return replace(turn, started_at=now)


def pause_turn(turn: SpeakingTurn, now: float) -> SpeakingTurn:
    """A new turn with a new open Pause at `now`."""
    if turn.started_at is None or turn.ended_at is not None:
        raise ValueError("only a running turn can be paused")
    if is_paused(turn):
        raise ValueError("this turn is already paused")
    return replace(turn, pauses=(*turn.pauses, Pause(now)))


def resume_turn(turn: SpeakingTurn, now: float) -> SpeakingTurn:
    """A new turn whose open Pause is closed at `now`."""
    if not is_paused(turn) or turn.ended_at is not None:
        raise ValueError("only a paused turn can be resumed")
    last = turn.pauses[-1]
    return replace(turn, pauses=(*turn.pauses[:-1], Pause(last.paused_at, now)))


def end_turn(turn: SpeakingTurn, now: float) -> SpeakingTurn:
    """End at `now`; an open pause is closed then, so paused time never counts as talk."""
    if turn.started_at is None or turn.ended_at is not None:
        raise ValueError("only a running turn can be ended")
    if is_paused(turn):
        turn = resume_turn(turn, now)
    return replace(turn, ended_at=now)


def time_left(turn: SpeakingTurn, turn_seconds: float, now: float) -> float:
    """Seconds left of the group's turn length; negative once the speaker has run over."""
    return turn_seconds - turn.talk_seconds(now)
