"""A stand-in for the speech worker in GUI tests: it remembers what it was asked to say."""

from __future__ import annotations

from meetingroom.speech.engine import Voice
from meetingroom.speech.process import SpeechEvent


class FakeSpeech:
    """Implements `SpeechBackend`: ready at once, every say done at the next poll."""

    def __init__(self, available: bool = True, why: str = "") -> None:
        self.said: list[str] = []
        self.available = available
        self.why = why
        self._events: list[SpeechEvent] = []
        self._next = 0
        self.stops = 0

    def start(self) -> None:
        self._events.append(SpeechEvent("ready" if self.available else "unavailable", reason=self.why))

    def say(self, text: str) -> int:
        self._next += 1
        self.said.append(text)
        self._events.append(SpeechEvent("done", self._next))
        return self._next

    def stop(self) -> None:
        self.stops += 1

    def set_rate(self, words_per_minute: int) -> int:
        return 0

    def set_voice(self, voice_id: str) -> int:
        return 0

    def poll(self) -> list[SpeechEvent]:
        events, self._events = self._events, []
        return events

    def busy(self) -> bool:
        return bool(self._events)

    def can_speak_aloud(self) -> bool:
        return self.available

    def why_silent(self) -> str:
        return self.why

    def voices(self) -> tuple[Voice, ...]:
        return ()

    def close(self, timeout: float = 1.0) -> None:
        pass
