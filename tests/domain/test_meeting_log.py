from hypothesis import given
from hypothesis import strategies as st

from meetingroom.domain.agenda import AgendaItem
from meetingroom.domain.agenda_progress import ItemState, progress
from meetingroom.domain.meeting_clock import MeetingClock
from meetingroom.domain.meeting_log import EventKind, MeetingEvent, RunState, replay

WELCOME, TRANSPORT, BREAK_ITEM, PHARMACY = 21, 22, 23, 24


def event(at: float, kind: EventKind, **detail: int) -> MeetingEvent:
    return MeetingEvent(7, at, kind, detail)


def agenda() -> list[AgendaItem]:
    return [
        AgendaItem(7, "Welcome", 0, WELCOME, minutes=10),
        AgendaItem(7, "Transport to appointments", 1, TRANSPORT, minutes=30),
        AgendaItem(7, "Tea break", 2, BREAK_ITEM, minutes=15, is_break=True),
        AgendaItem(7, "Pharmacy hours", 3, PHARMACY, minutes=20),
    ]


def test_items_breaks_and_cards_replay_to_where_the_meeting_is() -> None:
    log = [
        event(0, EventKind.ITEM, item=WELCOME),
        event(720, EventKind.ITEM, item=TRANSPORT),  # welcome took 12 minutes
        event(900, EventKind.CARD, card=5),
        event(1000, EventKind.BREAK, minutes=5),  # a break someone needed, mid-item
        event(1300, EventKind.BREAK_OVER),
        event(1310, EventKind.CARD_CLEARED, card=5),
        event(1320, EventKind.CARD, card=6),
    ]
    state = replay(log)
    assert state.current_item_id == TRANSPORT
    assert state.item_seconds(WELCOME, now=5000) == 720
    # 1,400 s since transport started, less the 300 s break.
    assert state.item_seconds(TRANSPORT, now=2120) == 1400 - 300
    assert state.on_break is None and state.cards_on_show == (6,)

    report = progress(agenda(), state, planned_finish=75 * 60, now=2120)
    assert [p.state for p in report.items] == [
        ItemState.DONE, ItemState.CURRENT, ItemState.TO_COME, ItemState.TO_COME]
    assert report.current is not None and report.current.seconds_left == 1800 - 1100
    # Transport has 700 s left, then the tea break and pharmacy: 2120 + 700 = 2820.
    assert report.items[2].expected_start == 2820
    assert report.items[3].expected_start == 2820 + 900
    assert report.expected_finish == 2820 + 900 + 1200
    assert report.running_late == 4920 - 4500
    assert report.next_item() is not None and report.next_item().id == BREAK_ITEM  # type: ignore[union-attr]


def test_on_a_break_the_item_clock_stands_still_and_the_break_counts_down() -> None:
    state = replay([event(0, EventKind.ITEM, item=WELCOME), event(300, EventKind.BREAK, minutes=10)])
    assert state.on_break is not None
    assert state.on_break.seconds_left(now=420) == 480
    assert state.item_seconds(WELCOME, now=420) == 300
    report = progress(agenda(), state, planned_finish=75 * 60, now=420)
    # The break's 480 s left, then welcome's 300 s left, then the other items.
    assert report.items[1].expected_start == 420 + 480 + 300


def test_an_item_overrun_pushes_the_rest_from_now_and_a_revisited_item_adds_up() -> None:
    state = replay([event(0, EventKind.ITEM, item=WELCOME), event(900, EventKind.ITEM, item=TRANSPORT),
                    event(1000, EventKind.ITEM, item=WELCOME)])
    assert state.item_seconds(WELCOME, now=1060) == 900 + 60
    report = progress(agenda(), state, planned_finish=0, now=1200)
    assert report.current is not None and report.current.seconds_left == 600 - 1100
    assert report.items[2].expected_start == 1200  # welcome has run over: the rest starts now


def test_agenda_done_closes_the_item_and_nothing_is_current() -> None:
    state = replay([event(0, EventKind.ITEM, item=WELCOME), event(60, EventKind.AGENDA_DONE)])
    assert state.current_item_id is None and state.agenda_done
    assert state.item_seconds(WELCOME, now=9999) == 60


def test_the_clock_never_reads_before_what_is_stored_and_never_runs_backwards() -> None:
    wall = iter([100.0])
    ticks = iter([5.0, 5.5, 7.0])
    clock = MeetingClock(not_before=500.0, wall=lambda: next(wall), monotonic=lambda: next(ticks))
    assert clock.now() == 500.5
    assert clock.now() == 502.0


kinds = st.sampled_from(list(EventKind))


@given(st.lists(st.tuples(st.floats(0, 600), kinds, st.sampled_from([WELCOME, TRANSPORT, PHARMACY])),
                max_size=40))
def test_time_on_items_never_exceeds_the_time_since_the_first_event(
        steps: list[tuple[float, EventKind, int]]) -> None:
    at = 0.0
    log = []
    for gap, kind, item in steps:
        at += gap
        log.append(event(at, kind, item=item, card=item, minutes=5))
    state = replay(log)
    assert replay(log) == state  # the same log always replays the same way
    now = at + 10
    spent = sum(state.item_seconds(i, now) for i in (WELCOME, TRANSPORT, PHARMACY))
    assert 0 <= spent <= now + 1e-6
    assert isinstance(state, RunState)
