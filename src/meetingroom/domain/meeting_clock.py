"""The meeting's clock: seconds since the epoch that never run backwards.

Turn and item times are stored as they happen and must survive a crash, so they are wall-clock
seconds (a process's monotonic clock starts again at each run). Within one run the clock is
the monotonic clock anchored to the wall clock once, so a clock change mid-meeting (a laptop
syncing its time, summer time) cannot make a turn negative; across runs it never reads earlier
than the latest time already stored.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class MeetingClock:
    def __init__(
        self,
        not_before: float = 0.0,
        wall: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._monotonic = monotonic
        self._anchor_wall = max(wall(), not_before)
        self._anchor_monotonic = monotonic()

    def now(self) -> float:
        return self._anchor_wall + (self._monotonic() - self._anchor_monotonic)
