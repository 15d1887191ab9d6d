"""`SpeechProcess`: the parent's side of the speech worker (SP1, SP3), with no Qt in it.

The engine runs in a child process started with multiprocessing's "spawn" context and fed
by a queue. Nothing here waits on the child except `save_to_file`, `wait_ready` and
`close`, which are for background workers, the command line, and shutting down. Whoever
owns the object calls `poll()` now and then (the GUI's `SpeechClient` does it on a
timer): it collects answers as `SpeechEvent`s, and restarts a child that died, or that did
not answer a stop within `stop_grace` seconds. One `SpeechProcess` may be used from more
than one thread; `stop()` stops everything it is doing, files included, so background
audio files are best made with a `SpeechProcess` of their own.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import queue
import shutil
import signal
import tempfile
import threading
import time
from dataclasses import dataclass, replace
from enum import StrEnum
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from meetingroom.speech.engine import Voice
from meetingroom.speech.worker import Command, Kind, Reply, WorkerSettings, serve


class SpeechState(StrEnum):
    STARTING = "starting"
    READY = "ready"
    UNAVAILABLE = "unavailable"
    CLOSED = "closed"


@dataclass(frozen=True)
class SpeechEvent:
    """Something the worker finished: `kind` is ready, unavailable, done, failed or
    stopped (`request` says which say or setting), or "restarted" with the reason."""

    kind: str
    request: int = 0
    reason: str = ""


class SpeechUnavailable(Exception):
    """There is no speech engine; the message says why (SP3)."""


class SpeechFailed(Exception):
    """The engine could not make the audio; the message says why in plain words."""


STARTING_REASON = "Speech is starting."
CLOSED_REASON = "Speech has been switched off."
MAX_CRASHES = 3


class SpeechProcess:
    """Speech in a child process: say, stop, voice, rate and WAV files."""

    def __init__(self, *, library: str | None = None, player: tuple[str, ...] | None = None,
                 language: str = "en-GB", stop_grace: float = 1.0,
                 start_timeout: float = 30.0) -> None:
        self._settings = WorkerSettings(library=library, player=player, language=language)
        self._stop_grace, self._start_timeout = stop_grace, start_timeout
        self._lock = threading.RLock()
        self._requests = itertools.count(1)
        self._state = SpeechState.STARTING
        self._reason = STARTING_REASON
        self._voices: tuple[Voice, ...] = ()
        self._can_play, self._play_reason = False, STARTING_REASON
        self._child: BaseProcess | None = None
        self._commands: Any = None
        self._replies: Any = None
        self._shared_generation: Any = None
        self._generation = 0
        self._outstanding: dict[int, Kind] = {}
        self._waited: dict[int, Reply | None] = {}  # blocking saves, answered or not yet
        self._events: list[SpeechEvent] = []
        self._stop_deadline: float | None = None
        self._start_deadline = 0.0
        self._crashes = 0
        self._ending: list[tuple[BaseProcess, str]] = []  # ended, and their scratch folders

    # -- state ----------------------------------------------------------------------------
    @property
    def state(self) -> SpeechState:
        return self._state

    def available(self) -> bool:
        """True when the engine is running and can make speech (into files at least)."""
        return self._state is SpeechState.READY

    def why_unavailable(self) -> str:
        """A plain reason when `available()` is False, else ""."""
        return "" if self.available() else self._reason

    def can_speak_aloud(self) -> bool:
        return self.available() and self._can_play

    def why_silent(self) -> str:
        """A plain reason when speech cannot be heard, else ""."""
        if not self.available():
            return self._reason
        return "" if self._can_play else self._play_reason

    def voices(self) -> tuple[Voice, ...]:
        return self._voices

    @property
    def voice(self) -> str:
        return self._settings.voice

    @property
    def rate(self) -> int:
        return self._settings.rate

    @property
    def pid(self) -> int | None:
        return self._child.pid if self._child is not None else None

    def busy(self) -> bool:
        """True while a say, save or stop is not yet answered."""
        return bool(self._outstanding) or self._stop_deadline is not None

    # -- commands (none of them waits) -----------------------------------------------------
    def start(self) -> None:
        with self._lock:
            if self._child is None and self._state is SpeechState.STARTING:
                self._launch()

    def say(self, text: str) -> int:
        """Queue `text` to be spoken; returns the request number its event will carry."""
        return self._send(Kind.SAY, text=text)

    def set_rate(self, words_per_minute: int) -> int:
        self._settings = replace(self._settings, rate=int(words_per_minute))
        return self._send(Kind.RATE, rate=int(words_per_minute))

    def set_voice(self, voice_id: str) -> int:
        self._settings = replace(self._settings, voice=voice_id)
        return self._send(Kind.VOICE, voice=voice_id)

    def stop(self) -> None:
        """Stop speaking now and forget anything queued. A child that does not answer in
        `stop_grace` seconds is ended and started again at the next `poll()`."""
        with self._lock:
            if self._child is None or self._state in (SpeechState.UNAVAILABLE, SpeechState.CLOSED):
                return
            self._generation += 1
            self._shared_generation.value = self._generation
            self._commands.put(Command(Kind.STOP, generation=self._generation))
            if self._outstanding:
                self._stop_deadline = time.monotonic() + self._stop_grace

    def poll(self) -> list[SpeechEvent]:
        """Collect what the worker has finished, and mend a dead or stuck child."""
        with self._lock:
            self._collect()
            events, self._events = self._events, []
        return events

    # -- blocking: background threads and the command line only ------------------------------
    def wait_ready(self, timeout: float | None = None) -> bool:
        """Start if need be and wait until the engine is ready or known to be missing."""
        self.start()
        deadline = time.monotonic() + (self._start_timeout if timeout is None else timeout)
        while self._state is SpeechState.STARTING and time.monotonic() < deadline:
            with self._lock:
                self._collect()
            time.sleep(0.02)
        return self.available()

    def save_to_file(self, text: str, path: Path, timeout: float | None = None) -> Path:
        """Write `text` spoken as a WAV file at `path` and return the path; blocks.

        Raises SpeechUnavailable when there is no engine and SpeechFailed when it could not
        be written (or took longer than `timeout` seconds, by default a generous allowance
        for the length of the text).
        """
        if not self.wait_ready():
            raise SpeechUnavailable(self.why_unavailable())
        allowed = timeout if timeout is not None else 30.0 + len(text) / 100
        with self._lock:
            request = self._send(Kind.SAVE, text=text, path=str(Path(path).absolute()))
            self._waited[request] = None
        deadline = time.monotonic() + allowed
        while True:
            with self._lock:
                self._collect()
                reply = self._waited.get(request)
                if reply is not None or time.monotonic() > deadline:
                    self._waited.pop(request, None)
                    if reply is None:
                        self._restart(Kind.FAILED, "The speech engine took too long.")
                        raise SpeechFailed("The speech engine took too long to make the audio.")
                    break
            time.sleep(0.02)
        if reply.kind is Kind.DONE:
            return Path(path)
        if reply.kind is Kind.STOPPED:
            raise SpeechFailed("Making the audio was stopped.")
        raise SpeechFailed(reply.reason or "The audio could not be made.")

    def close(self, timeout: float = 1.0) -> None:
        """End the child: ask it to quit, then end it if it has not within `timeout`."""
        with self._lock:
            child, self._state, self._reason = self._child, SpeechState.CLOSED, CLOSED_REASON
            if child is not None:
                self._generation += 1
                self._shared_generation.value = self._generation
                self._commands.put(Command(Kind.QUIT))
        if child is not None:
            child.join(timeout)
        with self._lock:
            self._end_child()
            for ending, scratch in self._ending:
                ending.join(timeout)
                shutil.rmtree(scratch, ignore_errors=True)
            self._ending.clear()

    def __enter__(self) -> SpeechProcess:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- inside -----------------------------------------------------------------------------
    def _send(self, kind: Kind, **fields: Any) -> int:
        with self._lock:
            request = next(self._requests)
            if self._state in (SpeechState.UNAVAILABLE, SpeechState.CLOSED):
                self._events.append(SpeechEvent(Kind.FAILED, request, self._reason))
                return request
            self.start()
            self._collect()
            if self._commands is None:  # it has just given up
                self._events.append(SpeechEvent(Kind.FAILED, request, self._reason))
                return request
            self._commands.put(Command(kind, request, self._generation, **fields))
            self._outstanding[request] = kind
            return request

    def _launch(self) -> None:
        context = multiprocessing.get_context("spawn")
        scratch = tempfile.mkdtemp(prefix="meetingroom-speech-")
        self._settings = replace(self._settings, scratch=scratch)
        self._commands, self._replies = context.Queue(), context.Queue()
        self._shared_generation = context.Value("q", self._generation, lock=False)
        self._child = context.Process(
            target=serve, name="meetingroom-speech", daemon=True,
            args=(self._commands, self._replies, self._shared_generation, self._settings))
        self._child.start()
        self._start_deadline = time.monotonic() + self._start_timeout

    def _collect(self) -> None:
        self._read_replies()
        for ending, scratch in list(self._ending):
            if not ending.is_alive():
                self._ending.remove((ending, scratch))
                shutil.rmtree(scratch, ignore_errors=True)
        if self._child is None or self._state is SpeechState.CLOSED:
            return
        now = time.monotonic()
        if self._stop_deadline is not None and now > self._stop_deadline:
            self._restart(Kind.STOPPED, "")
        elif not self._child.is_alive():
            self._read_replies()  # what it said before it ended
            if self._child is not None and self._state is not SpeechState.UNAVAILABLE:
                self._crashes += 1
                if self._crashes >= MAX_CRASHES:
                    self._give_up("The speech engine keeps stopping, so speech is off.")
                else:
                    self._restart(Kind.FAILED, "The speech engine stopped and was started again.")
        elif self._state is SpeechState.STARTING and now > self._start_deadline:
            self._give_up("The speech engine did not start.")

    def _read_replies(self) -> None:
        while self._replies is not None:
            try:
                reply: Reply = self._replies.get_nowait()
            except (queue.Empty, OSError, EOFError, ValueError):
                return
            self._take(reply)

    def _take(self, reply: Reply) -> None:
        if reply.kind is Kind.READY:
            self._voices, self._can_play, self._play_reason = reply.voices, reply.can_play, reply.reason
            self._settings = replace(self._settings, voice=reply.voice, rate=reply.rate)
            if self._state is SpeechState.STARTING:
                self._state, self._reason = SpeechState.READY, ""
                self._events.append(SpeechEvent(Kind.READY))
        elif reply.kind is Kind.UNAVAILABLE:
            self._give_up(reply.reason)
        elif reply.request == 0:  # the answer to a stop
            if reply.generation >= self._generation:
                self._stop_deadline = None
        else:
            self._finish(reply)

    def _finish(self, reply: Reply) -> None:
        kind = self._outstanding.pop(reply.request, None)
        if reply.kind is Kind.DONE:
            self._crashes = 0
            if kind in (Kind.RATE, Kind.VOICE) and reply.voice:
                self._settings = replace(self._settings, voice=reply.voice, rate=reply.rate)
        if reply.request in self._waited:
            self._waited[reply.request] = reply
        else:
            self._events.append(SpeechEvent(reply.kind, reply.request, reply.reason))

    def _fail_outstanding(self, kind: Kind, reason: str) -> None:
        for request in list(self._outstanding):
            self._finish(Reply(kind, request, reason=reason))
        self._stop_deadline = None

    def _restart(self, kind: Kind, reason: str) -> None:
        self._end_child()
        self._fail_outstanding(kind, reason)
        if reason:
            self._events.append(SpeechEvent("restarted", reason=reason))
        self._launch()

    def _give_up(self, reason: str) -> None:
        self._end_child()
        self._state, self._reason = SpeechState.UNAVAILABLE, reason
        self._fail_outstanding(Kind.FAILED, reason)
        self._events.append(SpeechEvent(Kind.UNAVAILABLE, reason=reason))

    def _end_child(self) -> None:
        """End the child and its sound player at once, without waiting for them."""
        child, self._child = self._child, None
        for channel in (self._commands, self._replies):
            if channel is not None:
                channel.cancel_join_thread()
                channel.close()
        self._commands = self._replies = None
        if child is None:
            return
        self._ending.append((child, self._settings.scratch))
        if not child.is_alive():
            return
        try:
            if hasattr(os, "killpg") and child.pid is not None:
                os.killpg(child.pid, signal.SIGKILL)  # its group: the player goes too
            else:
                child.kill()
        except OSError:
            child.kill()  # it had not made its own group yet
