import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meetingroom.domain.conduct import Pause, SpeakingTurn
from meetingroom.domain.fairness import gini, measure
from meetingroom.domain.people import Role

# Dr Okafor (professional), Jo (expert by experience), Priya (carer), Sam (Priya's
# supporter), Ann (chair), Mo (expert by experience) who has since left.
OKAFOR, JO, PRIYA, SAM, ANN, MO = 1, 2, 3, 4, 5, 6
ITEM_1, ITEM_2 = 10, 11
PRESENT = {OKAFOR: Role.PROFESSIONAL, JO: Role.EXPERT_BY_EXPERIENCE, PRIYA: Role.CARER,
           SAM: Role.SUPPORTER, ANN: Role.CHAIR}


def turn(member: int, start: float, end: float | None, item: int = ITEM_1,
         speaker: int | None = None, pauses: tuple[Pause, ...] = ()) -> SpeakingTurn:
    return SpeakingTurn(7, member, queued_at=start, agenda_item_id=item, started_at=start,
                        ended_at=end, speaker_id=speaker, pauses=pauses)


MEETING = [
    turn(OKAFOR, 0, 200),
    turn(OKAFOR, 300, 460),  # six minutes in all
    turn(PRIYA, 500, 620, speaker=SAM),  # Sam speaks for Priya: two minutes for Priya
    turn(ANN, 620, 680, item=ITEM_2),
    turn(MO, 700, 760, item=ITEM_2),
    SpeakingTurn(7, JO, queued_at=765, agenda_item_id=ITEM_2),  # hand up, not yet spoken
]


def test_worked_example_of_a_real_meeting() -> None:
    figures = measure(MEETING, PRESENT, agenda_item_id=ITEM_2)
    assert figures.people[OKAFOR].turns == 2 and figures.people[OKAFOR].talk_seconds == 360
    assert figures.people[PRIYA].talk_seconds == 120 and SAM not in figures.people
    assert figures.people[MO].talk_seconds == 60  # left, but still counted as talk
    assert figures.total_talk_seconds == 600
    assert figures.not_spoken_in_meeting == (JO, SAM)
    assert figures.not_spoken_on_item == (OKAFOR, JO, PRIYA, SAM)
    professional = figures.roles[Role.PROFESSIONAL]
    # Present talk is 540 s; the professional had 360 s (2/3) being 1 of 5 people (1/5).
    assert professional.talk_share == pytest.approx(2 / 3)
    assert professional.people_share == pytest.approx(1 / 5)
    assert professional.ratio == pytest.approx(10 / 3)
    assert figures.roles[Role.EXPERT_BY_EXPERIENCE].ratio == 0
    assert figures.roles[Role.CARER].ratio == pytest.approx((120 / 540) * 5)
    assert set(figures.roles) == set(PRESENT.values())
    # Talk across the five present: 360, 0, 120, 0, 60.
    xs = sorted([360.0, 0, 120, 0, 60])
    expected = sum(abs(a - b) for a in xs for b in xs) / (2 * 25 * (540 / 5))
    assert figures.gini == pytest.approx(expected)


def test_a_running_turn_counts_up_to_now_less_its_pause() -> None:
    running = turn(JO, 1000, None, item=ITEM_2, pauses=(Pause(1010, 1030),))
    figures = measure([*MEETING, running], PRESENT, agenda_item_id=ITEM_2, now=1100)
    assert figures.people[JO].talk_seconds == 80
    assert JO not in figures.not_spoken_in_meeting


def test_nobody_has_spoken_yet() -> None:
    figures = measure([], PRESENT)
    assert figures.gini == 0 and figures.total_talk_seconds == 0
    assert all(r.talk_share == 0 and r.ratio is None for r in figures.roles.values())
    assert figures.not_spoken_in_meeting == tuple(sorted(PRESENT))


def test_gini_of_known_values() -> None:
    assert gini([]) == 0 and gini([5]) == 0 and gini([0, 0]) == 0
    assert gini([0, 0, 0, 10]) == pytest.approx(0.75)
    assert gini([1, 3]) == pytest.approx(0.25)


@given(st.lists(st.floats(0, 1e5), max_size=40))
def test_gini_is_between_0_and_1(values: list[float]) -> None:
    assert 0 <= gini(values) <= 1


@given(st.floats(0, 1e5), st.integers(1, 40))
def test_gini_is_0_when_everyone_speaks_as_long(value: float, n: int) -> None:
    assert gini([value] * n) == pytest.approx(0, abs=1e-9)


roles = st.dictionaries(st.integers(1, 15), st.sampled_from(list(Role)), min_size=1, max_size=12)
said = st.lists(st.tuples(st.integers(1, 20), st.floats(0, 600), st.booleans()), max_size=30)


@given(roles, said)
def test_shares_and_talk_times_add_up(present: dict[int, Role],
                                      talk: list[tuple[int, float, bool]]) -> None:
    turns = [turn(m, 1000.0 * i, 1000.0 * i + s, item=ITEM_1 if on_item else ITEM_2)
             for i, (m, s, on_item) in enumerate(talk)]
    figures = measure(turns, present, agenda_item_id=ITEM_1)
    assert math.isclose(sum(t.talk_seconds for t in figures.people.values()),
                        figures.total_talk_seconds, abs_tol=1e-6)
    assert math.isclose(figures.total_talk_seconds, sum(t.talk_seconds() for t in turns),
                        abs_tol=1e-6)
    assert sum(t.turns for t in figures.people.values()) == len(turns)
    assert math.isclose(sum(r.people_share for r in figures.roles.values()), 1)
    assert sum(r.people for r in figures.roles.values()) == len(present)
    present_talk = sum(figures.people[m].talk_seconds for m in present if m in figures.people)
    if present_talk > 0:
        assert math.isclose(sum(r.talk_share for r in figures.roles.values()), 1)
    assert 0 <= figures.gini <= 1
    assert set(figures.not_spoken_in_meeting) <= set(figures.not_spoken_on_item)
    assert set(figures.not_spoken_in_meeting) == set(present) - set(figures.people)
