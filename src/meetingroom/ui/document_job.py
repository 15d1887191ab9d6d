"""Long document work (packs, agenda documents, papers) in a child process, so the GUI never stalls.

The PDF and picture libraries are pure Python and hold the interpreter lock, so a thread is not
enough: `DocumentJob` runs a module-level job function in a child process ("spawn", not daemonic,
so the job may start its own speech process for audio). The job opens its own workspace
connection (`Workspace.attach`) from the plain arguments it is given and is called as
`job(*args, progress=..., cancelled=...)`; it returns its result (usually the files written),
raises `JobStopped(written)` when `cancelled()` says so, or `JobFailed(reason, *details)`.
The child never touches Qt: reasons and progress words are source strings, translated here.
The GUI side polls a queue with a timer while the job runs and emits signals; Stop sets an
event the job checks between files, and a job that does not stop within the grace period is
ended. Quitting the app ends every job still running.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections.abc import Callable
from multiprocessing.process import BaseProcess
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Event
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]

POLL_MS = 50
GRACE_SECONDS = 10.0  # how long a job may take to stop after Stop before it is ended
KILL_SECONDS = 2.0  # after asking it to end, how long before it is killed outright


class JobStopped(Exception):
    """Raised by a job that saw `cancelled()`; `written` are the files made before that."""

    def __init__(self, written: list[Path]) -> None:
        super().__init__("stopped")
        self.written = list(written)


class JobFailed(Exception):
    """Raised by a job with a reason for the person: a source string with %1, %2… for `details`."""

    def __init__(self, reason: str, *details: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.details = details


# -- the child's side: no Qt here ------------------------------------------------------------

def _end_now(_signum: int, _frame: object) -> None:
    raise SystemExit(1)  # so `with` blocks (a speech process of the job's own) are closed


def _child_main(job: Callable[..., Any], args: tuple[Any, ...], messages: Queue[tuple[Any, ...]],
                stop: Event) -> None:
    signal.signal(signal.SIGTERM, _end_now)
    with contextlib.suppress(AttributeError, OSError):
        os.nice(10)  # background work gives way to the GUI
    parent = multiprocessing.parent_process()

    def cancelled() -> bool:
        return stop.is_set() or (parent is not None and not parent.is_alive())

    def progress(done: int, total: int, what: str) -> None:
        messages.put(("progress", int(done), int(total), str(what)))

    try:
        result = job(*args, progress=progress, cancelled=cancelled)
    except JobStopped as stopped:
        messages.put(("stopped", len(stopped.written)))
    except JobFailed as failure:
        messages.put(("failed", failure.reason, tuple(str(d) for d in failure.details)))
    except OSError as error:
        messages.put(("failed", "The files could not be written: %1.",
                      (error.strerror or type(error).__name__,)))
    except Exception as error:  # noqa: BLE001 - any failure must reach the person, not vanish
        log.error("document job failed: %s", type(error).__name__)
        messages.put(("failed", "Something went wrong while making the files.", ()))
    else:
        messages.put(("finished", result))
    messages.close()
    messages.join_thread()


# -- the GUI's side ----------------------------------------------------------------------------

class _Child:
    """The process, its queue and its stop event; also ended at exit if still running.

    The process is started from a short-lived thread: starting one pickles the arguments and
    hands them over through a pipe, which waits for the new interpreter when they are large.
    """

    live: set[_Child] = set()

    def __init__(self, job: Callable[..., Any], args: tuple[Any, ...]) -> None:
        context = multiprocessing.get_context("spawn")
        self.messages: Queue[tuple[Any, ...]] = context.Queue()
        self.stop = context.Event()
        self.process: BaseProcess = context.Process(
            target=_child_main, name="meetingroom-documents", daemon=False,
            args=(job, args, self.messages, self.stop))
        self.launch_error = ""
        self._launcher = threading.Thread(target=self._launch, name="meetingroom-documents-start",
                                          daemon=True)
        _Child.live.add(self)
        self._launcher.start()

    def _launch(self) -> None:
        try:
            self.process.start()
        except Exception as error:  # noqa: BLE001 - reported as a failure on the GUI side
            log.error("a document job could not start: %s", type(error).__name__)
            self.launch_error = type(error).__name__

    def starting(self) -> bool:
        return self._launcher.is_alive()

    def alive(self) -> bool:
        if self.starting():
            return True
        return not self.launch_error and self.process.is_alive()

    def end(self, wait: float = 0.0) -> None:
        """Ask it to stop, wait up to `wait` seconds, then end it; returns once it is gone."""
        if self not in _Child.live:
            return
        self.stop.set()
        self._launcher.join()
        if not self.launch_error:
            self.process.join(wait)
            if self.process.is_alive():
                self.process.terminate()
                self.process.join(KILL_SECONDS)
            if self.process.is_alive():
                self.process.kill()
                self.process.join(KILL_SECONDS)
        self.reap()

    def reap(self) -> None:
        _Child.live.discard(self)
        self.messages.cancel_join_thread()
        self.messages.close()
        with contextlib.suppress(ValueError):
            self.process.close()


@atexit.register
def _end_all() -> None:
    for child in list(_Child.live):
        child.end(wait=1.0)


class DocumentJob(QObject):
    """One job in a child process, reported by signal on the GUI thread.

    Exactly one of `finished(result)`, `stopped(files written)` or `failed(reason)` ends it.
    `folder` is where the job writes: when a job has to be ended, the files written there since
    it started are counted for `stopped`. Reasons are translated in `context`.
    """

    progress = Signal(int, int, str)
    finished = Signal(object)  # the job's result: a list (of files written, or pack entries)
    stopped = Signal(int)
    failed = Signal(str)

    def __init__(self, job: Callable[..., Any], *args: Any, folder: Path | None = None,
                 grace: float = GRACE_SECONDS, context: str = "document_job",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job, self._args = job, args
        self.folder, self.grace, self.context = folder, grace, context
        self._child: _Child | None = None
        self._pid: int | None = None
        self._started_at = 0.0
        self._stop_deadline: float | None = None
        self._kill_deadline: float | None = None
        self._ended = False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    @property
    def running(self) -> bool:
        return self._child is not None and not self._ended

    @property
    def pid(self) -> int | None:
        """The child's process id, once it has started (kept after it has ended)."""
        self._remember_pid()
        return self._pid

    def _remember_pid(self) -> None:
        child = self._child
        if self._pid is None and child is not None and not child.starting() and not child.launch_error:
            self._pid = child.process.pid  # before the process object is closed

    def start(self) -> None:
        if self._child is not None:
            raise RuntimeError("a document job runs once")
        self._started_at = time.time()
        self._child = _Child(self._job, self._args)
        child = self._child
        # Whatever happens to this object or the app, the child does not outlive them.
        self.destroyed.connect(lambda *_: child.end(wait=1.0))
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self._timer.start()

    def cancel(self) -> None:
        """Stop after the file being written now; end the child if it has not within the grace."""
        if self.running and self._child is not None and self._stop_deadline is None:
            self._child.stop.set()
            self._stop_deadline = time.monotonic() + self.grace

    def shutdown(self) -> None:
        """End the job now (the app is closing): no signal follows."""
        self._timer.stop()
        self._ended = True
        if self._child is not None:
            self._child.end(wait=min(self.grace, 2.0))

    def _poll(self) -> None:
        child = self._child
        if child is None:
            return
        if not self._ended:
            self._read(child)
        if self._ended:
            if not child.alive():
                self._remember_pid()
                self._timer.stop()
                child.reap()
            return
        if child.starting():
            return
        if child.launch_error:
            self._end()
            self.failed.emit(self._translate("The work could not be started.", ()))
            return
        if not child.alive():
            self._read(child)  # what it said just before it ended
            if not self._ended:
                self._end()
                if self._stop_deadline is not None:
                    self.stopped.emit(self._written_since_start())
                else:
                    self.failed.emit(self._translate("The work stopped before it had finished.", ()))
            return
        now = time.monotonic()
        if self._kill_deadline is not None and now > self._kill_deadline:
            child.process.kill()
        elif self._stop_deadline is not None and now > self._stop_deadline and self._kill_deadline is None:
            log.info("a document job did not stop in time and was ended")
            child.process.terminate()
            self._kill_deadline = now + KILL_SECONDS

    def _read(self, child: _Child) -> None:
        while not self._ended:
            try:
                message = child.messages.get_nowait()
            except (queue.Empty, OSError, EOFError, ValueError):
                return
            kind = message[0]
            if kind == "progress":
                if self._stop_deadline is None:
                    self.progress.emit(message[1], message[2], message[3])
                continue
            self._end()
            if kind == "finished":
                self.finished.emit(message[1])
            elif kind == "stopped":
                self.stopped.emit(message[1])
            else:
                self.failed.emit(self._translate(message[1], message[2]))

    def _end(self) -> None:
        self._ended = True  # the timer goes on until the child has gone, then reaps it

    def _translate(self, reason: str, details: tuple[str, ...]) -> str:
        text = QCoreApplication.translate(self.context, reason)
        for number, detail in enumerate(details, start=1):
            text = text.replace(f"%{number}", detail)
        return text

    def _written_since_start(self) -> int:
        if self.folder is None or not self.folder.is_dir():
            return 0
        since = self._started_at - 1.0
        return sum(1 for path in self.folder.rglob("*") if path.is_file() and path.stat().st_mtime >= since)
