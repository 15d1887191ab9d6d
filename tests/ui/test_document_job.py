"""DocumentJob: long document work in a child process, reported by signal on the GUI thread.

The jobs below are module-level so the child process can import them; they never touch Qt.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QTimer

from meetingroom.ui.document_job import Cancelled, DocumentJob, JobFailed, JobStopped, Progress

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def who_runs_it(*, progress: Progress, cancelled: Cancelled) -> list[Any]:
    """The child's pid, and whether it has a Qt application (it must not)."""
    return [os.getpid(), QCoreApplication.instance() is None]


def write_files(folder: Path, count: int, pause: float, *, progress: Progress,
                cancelled: Cancelled) -> list[Path]:
    """Writes `count` small files, asking before each whether to stop, as the renderers do."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for number in range(count):
        if cancelled():
            raise JobStopped(written)
        progress(number, count, f"File {number + 1}")
        time.sleep(pause)
        path = folder / f"file-{number}.txt"
        path.write_text(str(number), encoding="utf-8")
        written.append(path)
    progress(count, count, "Done")
    return written


def refuse(kind: str, *, progress: Progress, cancelled: Cancelled) -> list[Path]:
    if kind == "reason":
        raise JobFailed("Nothing could be made from %1.", "the agenda")
    if kind == "disk":
        raise PermissionError(13, "Permission denied")
    if kind == "crash":
        os._exit(3)  # the process dies without a word
    raise ValueError("a bug")


def never_stop(folder: Path, deaf: bool, *, progress: Progress, cancelled: Cancelled) -> list[Path]:
    """Hangs: writes one file and then ignores Stop (and, when `deaf`, being asked to end too)."""
    if deaf:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "first.txt").write_text("1", encoding="utf-8")
    progress(1, 2, "Stuck")
    while True:
        time.sleep(0.05)


def busy(seconds: float, *, progress: Progress, cancelled: Cancelled) -> list[Path]:
    """Pure-Python CPU work holding its own interpreter lock, like the PDF writer."""
    end = time.monotonic() + seconds
    total = 0
    while time.monotonic() < end:
        total += sum(i * i for i in range(20_000))
        progress(0, 1, "Working")
    return []


class Outcome:
    """Everything a job said, in order."""

    def __init__(self, job: DocumentJob) -> None:
        self.steps: list[tuple[int, int, str]] = []
        self.endings: list[tuple[str, Any]] = []
        job.progress.connect(lambda *step: self.steps.append(step))
        job.finished.connect(lambda result: self.endings.append(("finished", result)))
        job.stopped.connect(lambda written: self.endings.append(("stopped", written)))
        job.failed.connect(lambda reason: self.endings.append(("failed", reason)))


def _run(qtbot, job: DocumentJob, timeout: int = 60_000) -> Outcome:  # type: ignore[no-untyped-def]
    outcome = Outcome(job)
    job.start()
    qtbot.waitUntil(lambda: bool(outcome.endings), timeout=timeout)
    return outcome


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_the_job_runs_in_a_child_process_without_qt(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    job = DocumentJob(who_runs_it, parent=qapp)
    outcome = _run(qtbot, job)
    [(kind, (pid, without_qt))] = outcome.endings
    assert kind == "finished"
    assert pid == job.pid and pid != os.getpid()
    assert without_qt is True
    qtbot.waitUntil(lambda: _gone(pid))  # reaped once it has ended
    assert not job.running
    job.deleteLater()


def test_progress_and_the_files_arrive(qtbot, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    job = DocumentJob(write_files, tmp_path / "out", 5, 0.0, parent=qapp)
    outcome = _run(qtbot, job)
    assert outcome.steps == [(n, 5, f"File {n + 1}") for n in range(5)] + [(5, 5, "Done")]
    [(kind, files)] = outcome.endings
    assert kind == "finished"
    assert files == [tmp_path / "out" / f"file-{n}.txt" for n in range(5)]
    assert [path.read_text(encoding="utf-8") for path in files] == [str(n) for n in range(5)]
    job.deleteLater()


def test_cancel_stops_between_files_and_says_how_many_were_written(qtbot, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "out"
    job = DocumentJob(write_files, folder, 400, 0.02, folder=folder, parent=qapp)
    outcome = Outcome(job)
    job.start()
    qtbot.waitUntil(lambda: len(outcome.steps) >= 3, timeout=60_000)
    job.cancel()
    qtbot.waitUntil(lambda: bool(outcome.endings), timeout=10_000)
    [(kind, written)] = outcome.endings
    assert kind == "stopped"
    on_disk = len(list(folder.iterdir()))
    assert written == on_disk and 3 <= written < 400
    job.deleteLater()


@pytest.mark.parametrize(("kind", "reason"), [
    ("reason", "Nothing could be made from the agenda."),
    ("disk", "The files could not be written: Permission denied."),
    ("bug", "Something went wrong while making the files."),
    ("crash", "The work stopped before it had finished."),
])
def test_a_failing_job_gives_its_reason(qtbot, qapp, kind: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    job = DocumentJob(refuse, kind, parent=qapp)
    outcome = _run(qtbot, job)
    assert outcome.endings == [("failed", reason)]
    job.deleteLater()


@pytest.mark.parametrize("deaf", [False, True], ids=["ends-when-asked", "has-to-be-killed"])
def test_a_hung_job_is_ended_after_the_grace_period(qtbot, qapp, tmp_path: Path, deaf: bool) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "out"
    job = DocumentJob(never_stop, folder, deaf, folder=folder, grace=0.5, parent=qapp)
    outcome = Outcome(job)
    job.start()
    qtbot.waitUntil(lambda: bool(outcome.steps), timeout=60_000)
    pid = job.pid
    assert pid is not None
    clock = QElapsedTimer()
    clock.start()
    job.cancel()
    qtbot.waitUntil(lambda: bool(outcome.endings), timeout=15_000)
    assert outcome.endings == [("stopped", 1)]  # the one file it wrote before it hung
    assert clock.elapsed() >= 500  # it had its grace period first
    qtbot.waitUntil(lambda: _gone(pid), timeout=5_000)
    job.deleteLater()


def test_shutdown_ends_a_running_job_without_a_word(qtbot, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    job = DocumentJob(never_stop, tmp_path / "out", False, parent=qapp)
    outcome = Outcome(job)
    job.start()
    qtbot.waitUntil(lambda: bool(outcome.steps), timeout=60_000)
    pid = job.pid
    assert pid is not None
    job.shutdown()  # what quitting the app does
    assert _gone(pid) and not job.running
    qtbot.wait(200)
    assert outcome.endings == []
    job.deleteLater()


def test_deleting_a_running_job_ends_its_process(qtbot, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    job = DocumentJob(never_stop, tmp_path / "out", False, parent=qapp)
    outcome = Outcome(job)
    job.start()
    qtbot.waitUntil(lambda: bool(outcome.steps), timeout=60_000)
    pid = job.pid
    assert pid is not None
    with qtbot.waitSignal(job.destroyed, timeout=10_000):
        job.deleteLater()
    assert _gone(pid)


def test_the_gui_keeps_ticking_during_cpu_heavy_work(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def beat() -> None:
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    last[0] = clock.nsecsElapsed()
    job = DocumentJob(busy, 2.0, parent=qapp)
    outcome = _run(qtbot, job)
    heartbeat.stop()
    assert outcome.endings == [("finished", [])]
    assert len(outcome.steps) > 10  # it was busy, and said so, all along
    assert len(gaps) > 100
    assert max(gaps) < 100, f"the GUI stalled for {max(gaps):.0f} ms"
    job.deleteLater()
