"""`MeetingRun`: one meeting being run at the table, over the store.

Every action (a hand up, the next speaker, a pause, a card, the next item, a break) is
written to the workspace in one transaction together with its line in the meeting's event
log *before* the screen changes, so killing the app loses nothing: opening the meeting again
rebuilds the queue from the stored turns and the agenda's clock from the log. Times come
from a `MeetingClock` (monotonic within a run, never earlier than what is stored).

Signals: `changed` after every action or reload; `tick` about twice a second while a clock
runs; `next_speaker_called(Member)` and `one_minute_left()` for speech.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from meetingroom.domain.agenda import AgendaItem
from meetingroom.domain.agenda_progress import AgendaProgress, progress
from meetingroom.domain.board import Board, ShownCard, Speaker
from meetingroom.domain.conduct import Card, CardKind, GroundRule, SpeakingTurn, TurnKind, TurnMode
from meetingroom.domain.fairness import Fairness, Tally, add_running, figures, tally
from meetingroom.domain.group import Group
from meetingroom.domain.meeting import AttendanceStatus, Meeting
from meetingroom.domain.meeting_clock import MeetingClock
from meetingroom.domain.meeting_log import AGENDA_EVENTS, EventKind, RunState, replay
from meetingroom.domain.people import Member, Role
from meetingroom.domain.speaking_queue import (
    SpeakingQueue,
    end_turn,
    is_paused,
    pause_turn,
    resume_turn,
    time_left,
)
from meetingroom.store import conduct, groups, meetings, members
from meetingroom.ui.session import WorkspaceSession

TICK_MS = 500
ONE_MINUTE = 60.0
_PEOPLE_TABLES = frozenset({"attendance", "member", "invitation"})
_PLAN_TABLES = frozenset({"agenda_item", "meeting", "group_info", "ground_rule"})


class MeetingRun(QObject):
    changed = Signal()
    tick = Signal()
    next_speaker_called = Signal(Member)
    one_minute_left = Signal()

    def __init__(self, session: WorkspaceSession, meeting_id: int,
                 clock: Callable[[float], MeetingClock] = MeetingClock,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.meeting_id = meeting_id
        ws = session.workspace
        self.clock = clock(conduct.latest_time(ws, meeting_id))
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._on_tick)
        self._warned: set[int] = set()  # turns already given "one minute left"
        self._closed = False
        self._finished_turns = 0  # goes up each time a turn ends, so the fairness tally is redone
        self._tally_key: tuple[int | None, int] | None = None
        self._tally: tuple[dict[int, Tally], set[int]] = ({}, set())
        self._load_plan()
        self._load_people()
        turns = conduct.turns(ws, meeting_id)
        self.state: RunState = self._replay()
        self.cards: dict[int, Card] = {c.id: c for c in conduct.cards(ws, meeting_id) if c.id is not None}
        self.queue = SpeakingQueue(meeting_id, self.present, self.group.queue_policy, turns,
                                   self.state.current_item_id)
        self.turns: dict[int, SpeakingTurn] = {t.id: t for t in turns if t.id is not None}
        running = [t for t in turns if t.started_at is not None and t.ended_at is None]
        self.running: SpeakingTurn | None = running[-1] if running else None
        for turn in self.turns.values():  # a reopened meeting does not warn again
            if turn.started_at is not None and self._left(turn) <= ONE_MINUTE:
                self._warned.add(turn.id or 0)
        session.changed.connect(self._on_store_changed)
        self._update_timer()

    # -- loading -----------------------------------------------------------------------------
    def _load_plan(self) -> None:
        ws = self.session.workspace
        self.meeting: Meeting = meetings.get_meeting(ws, self.meeting_id)
        self.group: Group = groups.get_group(ws) or Group(name="")
        self.items: list[AgendaItem] = sorted(meetings.agenda_items(ws, self.meeting_id),
                                              key=lambda i: (i.position, i.id or 0))
        self.ground_rules: list[GroundRule] = conduct.ground_rules(ws)

    def _load_people(self) -> None:
        ws = self.session.workspace
        came = meetings.attendance(ws, self.meeting_id)
        wanted = {a.member_id for a in came} | set(meetings.invited_member_ids(ws, self.meeting_id))
        self.people: dict[int, Member] = {
            m.id: m for m in members.list_members(ws) if m.id is not None and m.id in wanted}
        self.present: frozenset[int] = frozenset(
            a.member_id for a in came if a.status is AttendanceStatus.PRESENT and a.member_id in self.people)

    def _on_store_changed(self, tables: frozenset[str]) -> None:
        if tables & _PLAN_TABLES:
            self._load_plan()
        if tables & _PEOPLE_TABLES:
            self._load_people()
            for hand in self.queue.set_present(self.present):
                if hand.id is not None:  # a person who left: their hand comes down, logged
                    self._write_hand_down(hand)
        if tables & (_PLAN_TABLES | _PEOPLE_TABLES):
            self.changed.emit()

    # -- the clock -------------------------------------------------------------------------
    def now(self) -> float:
        return self.clock.now()

    def _left(self, turn: SpeakingTurn) -> float:
        return time_left(turn, self.group.turn_seconds, self.now())

    def _clock_runs(self) -> bool:
        return (self.running is not None and not is_paused(self.running)) or \
            self.state.current_item_id is not None or self.state.on_break is not None

    def _update_timer(self) -> None:
        if self._clock_runs():
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()

    def _on_tick(self) -> None:
        turn = self.running
        if turn is not None and turn.id not in self._warned and not is_paused(turn) \
                and 0 < self._left(turn) <= ONE_MINUTE:
            self._warned.add(turn.id or 0)
            self.one_minute_left.emit()
        self.tick.emit()

    # -- writing: one transaction per action, with its log line ------------------------------
    def _log(self, kind: EventKind, at: float, **detail: object) -> None:
        conduct.log_event(self.session.workspace, self.meeting_id, at, kind.value, dict(detail))

    def _replay(self) -> RunState:
        return replay(conduct.events(self.session.workspace, self.meeting_id, AGENDA_EVENTS))

    def _after(self, replay_log: bool = False) -> None:
        if replay_log:
            self.state = self._replay()
            self.queue.agenda_item_id = self.state.current_item_id
        self._update_timer()
        self.changed.emit()

    def _write_hand_down(self, hand: SpeakingTurn) -> None:
        ws = self.session.workspace
        with ws.transaction():
            conduct.delete_turn(ws, hand.id or 0)
            self._log(EventKind.HAND_DOWN, self.now(), turn=hand.id, member=hand.member_id)
        self.turns.pop(hand.id or 0, None)

    # -- the queue -----------------------------------------------------------------------------
    def raise_hand(self, member_id: int, kind: TurnKind = TurnKind.CONTRIBUTION,
                   mode: TurnMode = TurnMode.SPOKEN, speaker_id: int | None = None) -> SpeakingTurn:
        """Queue a present member (ValueError if not present or already queued)."""
        now = self.now()
        hand = self.queue.raise_hand(member_id, now, kind, mode, speaker_id)
        ws = self.session.workspace
        try:
            with ws.transaction():
                conduct.add_turn(ws, hand)
                self._log(EventKind.HAND_UP, now, turn=hand.id, member=member_id)
        except BaseException:
            self.queue.lower_hand(member_id)
            raise
        self.turns[hand.id or 0] = hand
        self._after()
        return hand

    def lower_hand(self, member_id: int) -> None:
        hand = self.queue.lower_hand(member_id)
        self._write_hand_down(hand)
        self._after()

    def next_speaker(self) -> SpeakingTurn | None:
        """End the running turn (if any) and start the first hand's; None if nobody waits."""
        if not len(self.queue):
            if self.running is not None:
                self.end_turn()
            return None
        ws = self.session.workspace
        now = self.now()
        with ws.transaction():
            if self.running is not None:
                self._save_turn(end_turn(self.running, now), EventKind.TURN_END, now)
            turn = self.queue.next_speaker(now)
            assert turn is not None
            self._save_turn(turn, EventKind.TURN_START, now)
        self.running = turn
        self._after()
        self.next_speaker_called.emit(self.people.get(turn.member_id) or Member(name=""))
        return turn

    def _save_turn(self, turn: SpeakingTurn, kind: EventKind, at: float) -> None:
        conduct.update_turn(self.session.workspace, turn)
        self._log(kind, at, turn=turn.id, member=turn.member_id)
        self.queue.record(turn)
        self.turns[turn.id or 0] = turn
        if turn.ended_at is not None:  # finished: add it to the kept tally rather than redo it
            item = self.state.current_item_id
            if self._tally_key == (item, self._finished_turns):
                add_running(*self._tally, (turn,), item, None)
                self._tally_key = (item, self._finished_turns + 1)
            self._finished_turns += 1

    def pause_or_resume(self) -> None:
        turn = self.running
        if turn is None:
            return
        now = self.now()
        changed, kind = (resume_turn(turn, now), EventKind.TURN_RESUME) if is_paused(turn) \
            else (pause_turn(turn, now), EventKind.TURN_PAUSE)
        with self.session.workspace.transaction():
            self._save_turn(changed, kind, now)
        self.running = changed
        self._after()

    def end_turn(self) -> None:
        turn = self.running
        if turn is None:
            return
        now = self.now()
        with self.session.workspace.transaction():
            self._save_turn(end_turn(turn, now), EventKind.TURN_END, now)
        self.running = None
        self._after()

    # -- agenda, breaks and cards ------------------------------------------------------------------
    def start_item(self, item_id: int) -> None:
        self._log(EventKind.ITEM, self.now(), item=item_id)
        self._after(replay_log=True)

    def next_item(self) -> AgendaItem | None:
        """Start the next item still to come; after the last one, the agenda is done."""
        item = self.progress().next_item()
        if item is not None and item.id is not None:
            self.start_item(item.id)
        elif self.state.current_item_id is not None:
            self._log(EventKind.AGENDA_DONE, self.now())
            self._after(replay_log=True)
        return item

    def start_break(self, minutes: int) -> None:
        self._log(EventKind.BREAK, self.now(), minutes=minutes)
        self._after(replay_log=True)

    def end_break(self) -> None:
        if self.state.on_break is not None:
            self._log(EventKind.BREAK_OVER, self.now())
            self._after(replay_log=True)

    def hold_up_card(self, kind: CardKind, member_id: int | None = None) -> Card:
        now = self.now()
        card = Card(self.meeting_id, kind, datetime.fromtimestamp(now).replace(microsecond=0),
                    member_id, self.state.current_item_id)
        ws = self.session.workspace
        with ws.transaction():
            conduct.add_card(ws, card)
            self._log(EventKind.CARD, now, card=card.id, card_kind=kind.value)
        self.cards[card.id or 0] = card
        self._after(replay_log=True)
        return card

    def clear_card(self, card_id: int) -> None:
        self._log(EventKind.CARD_CLEARED, self.now(), card=card_id)
        self._after(replay_log=True)

    # -- reading -------------------------------------------------------------------------------
    def latest_speaker(self) -> int | None:
        """Who is speaking now, else who spoke last (None before anyone has)."""
        if self.running is not None:
            return self.running.member_id
        ended = [t for t in self.turns.values() if t.ended_at is not None]
        return max(ended, key=lambda t: t.ended_at or 0.0).member_id if ended else None

    def name(self, member_id: int | None) -> str:
        person = self.people.get(member_id) if member_id is not None else None
        return person.display_name if person is not None else ""

    def planned_finish(self) -> float:
        """The meeting's advertised end; if it is being run on another day, its length from the start."""
        starts = [s.start for spans in self.state.item_stretches.values() for s in spans]
        began = min(starts) if starts else self.now()
        if datetime.fromtimestamp(began).date() == self.meeting.start.date():
            return self.meeting.end.timestamp()
        return began + self.meeting.minutes * 60.0

    def progress(self) -> AgendaProgress:
        return progress(self.items, self.state, self.planned_finish(), self.now())

    def fairness(self) -> Fairness:
        """The fairness figures now: finished turns are tallied once, the running one each time."""
        item = self.state.current_item_id
        key = (item, self._finished_turns)
        if self._tally_key != key:
            finished = (t for t in self.turns.values() if t.ended_at is not None)
            self._tally_key, self._tally = key, tally(finished, item)
        people, on_item = dict(self._tally[0]), set(self._tally[1])
        if self.running is not None:
            add_running(people, on_item, (self.running,), item, self.now())
        roles: dict[int, Role] = {m: self.people[m].role for m in self.present}
        return figures(people, on_item, roles)

    def waiting(self) -> tuple[SpeakingTurn, ...]:
        return self.queue.waiting(self.now())

    def board(self, show_ground_rules: bool = False) -> Board:
        now = self.now()
        report = self.progress()
        current = report.current
        on_break = self.state.on_break
        speaker = None
        if self.running is not None:
            turn = self.running
            speaker = Speaker(self.name(turn.member_id), time_left(turn, self.group.turn_seconds, now),
                              is_paused(turn), turn.mode, self.name(turn.speaker_id))
        shown = [self.cards[c] for c in reversed(self.state.cards_on_show) if c in self.cards]
        return Board(
            meeting_title=self.meeting.title,
            item_title=current.item.title if current else "",
            item_number=current.number if current else 0,
            item_count=len(self.items),
            item_seconds_left=current.seconds_left if current else None,
            break_seconds_left=on_break.seconds_left(now) if on_break else None,
            speaker=speaker,
            next_names=tuple(self.name(h.member_id) for h in self.queue.peek(3, now)),
            cards=tuple(ShownCard(c.kind, c.at.timestamp(), self.name(c.member_id)) for c in shown),
            ground_rules=tuple(self.ground_rules),
            show_ground_rules=show_ground_rules,
        )

    def close(self) -> None:
        """Stop the clock and stop following the store; safe to call more than once."""
        self._timer.stop()
        if not self._closed:
            self._closed = True
            self.session.changed.disconnect(self._on_store_changed)
