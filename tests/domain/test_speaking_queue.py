from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meetingroom.domain.conduct import Pause, SpeakingTurn, TurnKind, TurnMode
from meetingroom.domain.group import QueuePolicy
from meetingroom.domain.speaking_queue import (
    SpeakingQueue,
    end_turn,
    is_paused,
    pause_turn,
    resume_turn,
    start_turn,
    time_left,
)

# A realistic board: Dr Okafor (professional), Jo (expert by experience),
# Priya (carer) and Sam, Priya's supporter who speaks for her.
OKAFOR, JO, PRIYA, SAM, CHAIR = 1, 2, 3, 4, 5
ITEM_1, ITEM_2 = 10, 11


def spoken(member: int, start: float, seconds: float, item: int = ITEM_1,
           speaker: int | None = None) -> SpeakingTurn:
    return SpeakingTurn(7, member, queued_at=start, agenda_item_id=item, started_at=start,
                        ended_at=start + seconds, speaker_id=speaker)


def test_fair_order_puts_new_voices_before_the_professional_who_has_spoken_six_minutes() -> None:
    queue = SpeakingQueue(7, {OKAFOR, JO, PRIYA, SAM, CHAIR}, turns=[spoken(OKAFOR, 0, 360)],
                          agenda_item_id=ITEM_1)
    queue.raise_hand(OKAFOR, at=400)
    queue.raise_hand(JO, at=401)
    queue.raise_hand(PRIYA, at=402, mode=TurnMode.SPOKEN, speaker_id=SAM)
    assert [h.member_id for h in queue.peek()] == [JO, PRIYA, OKAFOR]
    jo = queue.next_speaker(now=410)
    assert jo is not None and jo.member_id == JO and jo.started_at == 410
    assert [h.member_id for h in queue.waiting()] == [PRIYA, OKAFOR]


def test_a_supporter_speaking_for_a_carer_counts_for_the_carer() -> None:
    queue = SpeakingQueue(7, {OKAFOR, PRIYA, SAM}, turns=[spoken(PRIYA, 0, 120, speaker=SAM)],
                          agenda_item_id=ITEM_2)
    assert queue.talk_seconds(PRIYA) == 120 and queue.talk_seconds(SAM) == 0
    queue.raise_hand(PRIYA, at=200, speaker_id=SAM)
    queue.raise_hand(OKAFOR, at=201)
    # Neither has spoken on item 2; Priya has spoken more in the meeting, so Dr Okafor is first.
    assert [h.member_id for h in queue.waiting()] == [OKAFOR, PRIYA]
    assert queue.waiting()[1].speaker_id == SAM


def test_someone_who_spoke_on_this_item_waits_behind_someone_who_has_not() -> None:
    turns = [spoken(JO, 0, 30, item=ITEM_2), spoken(OKAFOR, 100, 300, item=ITEM_1)]
    queue = SpeakingQueue(7, {OKAFOR, JO}, turns=turns, agenda_item_id=ITEM_2)
    queue.raise_hand(JO, at=500)
    queue.raise_hand(OKAFOR, at=501)
    assert [h.member_id for h in queue.waiting()] == [OKAFOR, JO]


def test_a_point_of_order_goes_first_under_both_policies() -> None:
    for policy in QueuePolicy:
        queue = SpeakingQueue(7, {OKAFOR, JO, CHAIR}, policy=policy, turns=[spoken(OKAFOR, 0, 600)])
        queue.raise_hand(JO, at=1)
        queue.raise_hand(OKAFOR, at=2, kind=TurnKind.POINT_OF_ORDER)
        assert queue.waiting()[0].member_id == OKAFOR


def test_first_come_is_hand_order_whatever_the_talk_time() -> None:
    queue = SpeakingQueue(7, {OKAFOR, JO}, policy=QueuePolicy.FIRST_COME,
                          turns=[spoken(OKAFOR, 0, 600)], agenda_item_id=ITEM_1)
    queue.raise_hand(OKAFOR, at=700)
    queue.raise_hand(JO, at=701)
    assert [h.member_id for h in queue.waiting()] == [OKAFOR, JO]


def test_one_hand_each_only_for_people_present_and_hands_can_be_lowered() -> None:
    queue = SpeakingQueue(7, {JO, PRIYA})
    queue.raise_hand(JO, at=1)
    with pytest.raises(ValueError):
        queue.raise_hand(JO, at=2)
    with pytest.raises(ValueError):
        queue.raise_hand(OKAFOR, at=3)
    assert queue.lower_hand(JO).member_id == JO
    assert JO not in queue and len(queue) == 0
    with pytest.raises(ValueError):
        queue.lower_hand(JO)
    queue.raise_hand(JO, at=4)
    queue.raise_hand(PRIYA, at=5)
    assert [h.member_id for h in queue.set_present({PRIYA})] == [JO]
    assert [h.member_id for h in queue.waiting()] == [PRIYA]
    assert SpeakingQueue(7, {JO}).next_speaker(now=1) is None


def test_queue_is_rebuilt_from_stored_turns_after_a_restart() -> None:
    queue = SpeakingQueue(7, {OKAFOR, JO, PRIYA}, turns=[spoken(OKAFOR, 0, 60)], agenda_item_id=ITEM_1)
    stored = [spoken(OKAFOR, 0, 60), queue.raise_hand(OKAFOR, at=70), queue.raise_hand(JO, at=71)]
    again = SpeakingQueue(7, {OKAFOR, JO, PRIYA}, turns=stored, agenda_item_id=ITEM_1)
    assert again.waiting() == queue.waiting()


def test_a_running_turn_counts_up_to_now_in_the_order() -> None:
    queue = SpeakingQueue(7, {OKAFOR, JO}, agenda_item_id=ITEM_1)
    queue.raise_hand(OKAFOR, at=0)
    okafor = queue.next_speaker(now=10)
    assert okafor is not None
    queue.agenda_item_id = ITEM_2
    queue.raise_hand(OKAFOR, at=20)
    queue.raise_hand(JO, at=21)
    assert [h.member_id for h in queue.waiting(now=100)] == [JO, OKAFOR]
    queue.record(end_turn(okafor, 100))
    assert queue.talk_seconds(OKAFOR) == 90


def test_countdown_with_pause_and_resume_from_timestamps() -> None:
    turn = start_turn(SpeakingTurn(7, JO, queued_at=0), now=100)
    assert time_left(turn, 180, now=160) == 120
    turn = pause_turn(turn, now=160)
    assert is_paused(turn)
    assert time_left(turn, 180, now=500) == 120  # the clock stands still while paused
    with pytest.raises(ValueError):
        pause_turn(turn, now=501)
    turn = resume_turn(turn, now=600)
    assert turn.pauses == (Pause(160, 600),) and not is_paused(turn)
    assert time_left(turn, 180, now=700) == 20
    turn = pause_turn(turn, now=710)
    turn = end_turn(turn, now=800)
    assert turn.pauses[-1] == Pause(710, 800) and turn.ended_at == 800
    assert time_left(turn, 180, now=5000) == 180 - (60 + 110)
    assert time_left(start_turn(SpeakingTurn(7, JO, 0), 0), 180, now=200) == -20  # overrun
    with pytest.raises(ValueError):
        resume_turn(turn, now=900)
    with pytest.raises(ValueError):
        start_turn(turn, now=900)


hands = st.lists(
    st.tuples(st.integers(1, 12), st.floats(0, 1000), st.booleans()), max_size=30)
history = st.lists(
    st.tuples(st.integers(1, 12), st.floats(0, 600), st.sampled_from([ITEM_1, ITEM_2])),
    max_size=20)


@given(hands, history, st.sampled_from(list(QueuePolicy)))
def test_queue_never_holds_a_member_twice_and_follows_the_rules(
        raised: list[tuple[int, float, bool]], said: list[tuple[int, float, int]],
        policy: QueuePolicy) -> None:
    turns = [spoken(m, 1000 + i, s, item=item) for i, (m, s, item) in enumerate(said)]
    queue = SpeakingQueue(7, set(range(1, 11)), policy=policy, turns=turns, agenda_item_id=ITEM_1)
    for member, at, point_of_order in raised:
        kind = TurnKind.POINT_OF_ORDER if point_of_order else TurnKind.CONTRIBUTION
        try:
            queue.raise_hand(member, at=at, kind=kind)
        except ValueError:
            assert member > 10 or member in queue
    ordered = queue.waiting()
    ids = [h.member_id for h in ordered]
    assert len(ids) == len(set(ids)) == len(queue)
    assert all(m <= 10 for m in ids)
    keys = [queue.key(h) for h in ordered]
    assert all(a < b for a, b in pairwise(keys))  # a strict, hence total, order
    for a, b in pairwise(ordered):
        a_po, b_po = a.kind is TurnKind.POINT_OF_ORDER, b.kind is TurnKind.POINT_OF_ORDER
        assert a_po or not b_po  # points of order always first
        if a_po != b_po:
            continue
        if policy is QueuePolicy.FIRST_COME or a_po:
            assert a.queued_at <= b.queued_at
            continue
        a_new = not queue.has_spoken_on_item(a.member_id)
        b_new = not queue.has_spoken_on_item(b.member_id)
        assert a_new or not b_new
        if a_new == b_new:
            a_talk, b_talk = queue.talk_seconds(a.member_id), queue.talk_seconds(b.member_id)
            assert a_talk <= b_talk
            if a_talk == b_talk:
                assert a.queued_at <= b.queued_at
    assert queue.peek(3) == ordered[:3]
    first = queue.next_speaker(now=5000)
    assert (first is None) == (not ordered)
    if first is not None:
        assert first.member_id == ids[0] and first.member_id not in queue


actions = st.lists(st.tuples(st.integers(1, 6), st.sampled_from(["hand", "next", "pause", "end"]),
                             st.floats(0, 120)), max_size=60)


@given(actions)
def test_running_totals_match_the_turns_recounted_from_scratch(steps: list[tuple[int, str, float]]) -> None:
    """The queue keeps talk as running totals; they must equal a recount of the stored turns."""
    queue = SpeakingQueue(7, set(range(1, 7)), agenda_item_id=ITEM_1)
    stored: dict[int, SpeakingTurn] = {}
    running: SpeakingTurn | None = None
    hand_ids: list[int] = []
    now = 0.0
    for member, action, gap in steps:
        now += gap
        if action == "hand" and member not in queue:
            hand_ids.append(1000 + len(hand_ids))  # the store gives each hand its row id
            queue.raise_hand(member, at=now).id = hand_ids[-1]
            continue
        if action == "next" and running is None:
            running = queue.next_speaker(now)
        elif action == "pause" and running is not None:
            running = resume_turn(running, now) if is_paused(running) else pause_turn(running, now)
            queue.record(running)
        elif action == "end" and running is not None:
            ended = end_turn(running, now)
            queue.record(ended)
            stored[ended.id or 0] = ended
            running = None
        if running is not None:
            stored[running.id or 0] = running
    for member in range(1, 7):
        recount = sum(t.talk_seconds(now) for t in stored.values() if t.member_id == member)
        assert queue.talk_seconds(member, now) == pytest.approx(recount)
