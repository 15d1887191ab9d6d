"""The shared measure for background-work benchmarks: run a `JobRun` to its end while a
10 ms QTimer on the GUI thread records the gaps between its ticks. The stall is the longest
gap less the timer's own interval."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

TICK_MS = 10
TARGET_MS = 50.0


@dataclass
class Beat:
    stall_ms: float
    started: float  # time.perf_counter() values
    ended: float
    finished: bool

    @property
    def seconds(self) -> float:
        return self.ended - self.started


def beat_through(start_run: Callable[[], Any], watch: Callable[[Any], None] | None = None) -> Beat:
    """Start the run (`start_run()` returns a JobRun), let `watch(run)` connect to it, and
    wait for its `done` with the heartbeat going; print the tick count and median gap."""
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def beat() -> None:
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        last[0] = now

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(beat)
    loop = QEventLoop()
    outcome: list[bool] = []
    started = time.perf_counter()
    timer.start()
    last[0] = clock.nsecsElapsed()
    run = start_run()
    if watch is not None:
        watch(run)
    run.done.connect(lambda ok: (outcome.append(ok), loop.quit()))
    loop.exec()
    ended = time.perf_counter()
    timer.stop()
    if run.message is not None:
        run.message.close()
    print(f"   heartbeat ticks: {len(gaps)}, median gap {statistics.median(gaps):.1f} ms")
    return Beat(max(gaps) - TICK_MS if gaps else 0.0, started, ended, bool(outcome and outcome[0]))
