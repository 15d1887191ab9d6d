from hypothesis import given
from hypothesis import strategies as st

from meetingroom.domain.conduct import Pause, SpeakingTurn


def test_talk_time_leaves_out_pauses() -> None:
    turn = SpeakingTurn(1, 1, queued_at=0, started_at=10, ended_at=100, pauses=(Pause(20, 30), Pause(50, 55)))
    assert turn.talk_seconds() == 75


def test_running_turn_counts_to_now_and_an_open_pause_to_now() -> None:
    turn = SpeakingTurn(1, 1, queued_at=0, started_at=10, pauses=(Pause(40),))
    assert turn.talk_seconds(now=100) == 30
    assert SpeakingTurn(1, 1, queued_at=0).talk_seconds(now=100) == 0


@given(st.floats(0, 1e6), st.floats(0, 1e4), st.lists(st.tuples(st.floats(0, 1e4), st.floats(0, 1e3)), max_size=5))
def test_talk_time_is_never_negative_nor_longer_than_the_turn(start: float, length: float,
                                                              pauses: list[tuple[float, float]]) -> None:
    turn = SpeakingTurn(1, 1, queued_at=start, started_at=start, ended_at=start + length,
                        pauses=tuple(Pause(start + a, start + a + b) for a, b in sorted(pauses)))
    assert 0 <= turn.talk_seconds() <= length + 1e-6
