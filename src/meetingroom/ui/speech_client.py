"""`SpeechClient`: speech for the GUI, over the speech worker process (SP1, SP3).

It never waits: commands go onto the worker's queue, and a timer on the GUI thread collects
the answers while anything is outstanding, turning them into signals. With no engine the
app goes on working; `available_changed(False, reason)` says why speech is off. Names are
spoken as the member asked (`Member.spoken_name`).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from meetingroom.domain.people import Member
from meetingroom.speech.engine import Voice
from meetingroom.speech.process import SpeechEvent, SpeechProcess

POLL_MS = 50


class SpeechBackend(Protocol):
    """What the client drives: `SpeechProcess`, or a stand-in in tests."""

    def start(self) -> None: ...
    def say(self, text: str) -> int: ...
    def stop(self) -> None: ...
    def set_rate(self, words_per_minute: int) -> int: ...
    def set_voice(self, voice_id: str) -> int: ...
    def poll(self) -> list[SpeechEvent]: ...
    def busy(self) -> bool: ...
    def can_speak_aloud(self) -> bool: ...
    def why_silent(self) -> str: ...
    def voices(self) -> tuple[Voice, ...]: ...
    def close(self, timeout: float = 1.0) -> None: ...


class SpeechClient(QObject):
    """Say, stop, voice and rate for the GUI; `finished()` after each say ends."""

    available_changed = Signal(bool, str)  # can speak aloud, and if not, why
    finished = Signal()
    failed = Signal(str)  # a plain reason a say did not work

    def __init__(self, parent: QObject | None = None, *,
                 backend: SpeechBackend | None = None) -> None:
        super().__init__(parent)
        self._backend: SpeechBackend = backend if backend is not None else SpeechProcess()
        self._saying: set[int] = set()
        self._available = False
        self._reason = self.tr("Speech is starting.")
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._collect)
        self._starting = False
        self._started = False

    # -- state --------------------------------------------------------------------------
    def is_available(self) -> bool:
        return self._available

    def why_unavailable(self) -> str:
        return "" if self._available else self._reason

    def is_speaking(self) -> bool:
        return bool(self._saying)

    def voices(self) -> tuple[Voice, ...]:
        return self._backend.voices()

    # -- commands (none waits) -------------------------------------------------------------
    def start(self) -> None:
        """Start the worker; `available_changed` follows when it is ready or missing."""
        self._starting = self._started = True
        self._backend.start()
        self._timer.start()

    def say(self, text: str) -> None:
        if not text.strip():
            return
        if not self._started:
            self.start()
        self._saying.add(self._backend.say(text))
        self._timer.start()

    def say_name(self, template: str, member: Member) -> None:
        """Say `template` with "{name}" replaced by how the member's name is spoken."""
        self.say(template.replace("{name}", member.spoken_name))

    def announce_next_speaker(self, member: Member) -> None:
        self.say_name(self.tr("Next speaker: {name}."), member)

    def announce_one_minute_left(self) -> None:
        self.say(self.tr("One minute left."))

    def stop(self) -> None:
        if not self._started:
            self.start()
        self._backend.stop()
        self._timer.start()

    def set_rate(self, words_per_minute: int) -> None:
        if not self._started:
            self.start()
        self._backend.set_rate(words_per_minute)
        self._timer.start()

    def set_voice(self, voice_id: str) -> None:
        if not self._started:
            self.start()
        self._backend.set_voice(voice_id)
        self._timer.start()

    def close(self) -> None:
        self._timer.stop()
        self._backend.close()

    # -- answers ------------------------------------------------------------------------------
    def _collect(self) -> None:
        for event in self._backend.poll():
            self._take(event)
        self._update_availability()
        if not self._backend.busy() and not self._starting:
            self._timer.stop()

    def _take(self, event: SpeechEvent) -> None:
        if event.kind in ("ready", "unavailable"):
            self._starting = False
        elif event.request in self._saying:
            self._saying.discard(event.request)
            if event.kind == "failed" and event.reason:
                self.failed.emit(event.reason)
            self.finished.emit()

    def _update_availability(self) -> None:
        if self._starting:
            return
        available = self._backend.can_speak_aloud()
        reason = "" if available else self._backend.why_silent()
        if (available, reason) != (self._available, self._reason):
            self._available, self._reason = available, reason
            self.available_changed.emit(available, reason)
