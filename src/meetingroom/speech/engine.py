"""The offline speech engine (pyttsx3), opened inside the speech worker process only.

On Linux pyttsx3's eSpeak driver loads `libespeak-ng.so.1` by name. The `espeakng-loader`
wheel ships that library (same soname) and its voice data, so loading it first with
`RTLD_GLOBAL` and pointing `ESPEAK_DATA_PATH` at the data means no system package is
needed (SP2). Writing a WAV needs nothing else; speaking aloud needs a sound player
(`aplay`, `paplay` or `pw-play` on Linux, `afplay` on macOS).

Nothing here may run on the GUI thread: `open_engine` and `SpeechEngine.write_wav` block.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LIBRARY_ENV = "MEETINGROOM_ESPEAK_LIBRARY"  # a path to use instead of espeakng-loader's
PLAYERS: tuple[tuple[str, ...], ...] = (
    ("aplay", "-q"), ("paplay",), ("pw-play",), ("afplay",),
)
MIN_RATE, MAX_RATE = 80, 450  # words a minute


class EngineUnavailable(Exception):
    """There is no speech engine; the message says why in plain words (SP3)."""


@dataclass(frozen=True)
class Voice:
    """A voice the engine offers: its id, a readable name and its languages (BCP 47)."""

    id: str
    name: str
    languages: tuple[str, ...] = ()


def espeak_paths(library: str | None = None) -> tuple[Path, Path | None]:
    """The eSpeak NG library to load and its data folder (None: the library's own default).

    `library` (or the MEETINGROOM_ESPEAK_LIBRARY variable) overrides the bundled one.
    """
    chosen = library or os.environ.get(LIBRARY_ENV)
    if chosen:
        path = Path(chosen)
        data = path.parent / "espeak-ng-data"
        return path, data if data.is_dir() else None
    try:
        import espeakng_loader
    except ImportError as error:
        raise EngineUnavailable(
            "The speech voice package (espeakng-loader) is not installed.") from error
    base = Path(espeakng_loader.get_library_path())
    versioned = base.with_name(base.name + ".1")  # the soname pyttsx3 asks for
    return (versioned if versioned.exists() else base), Path(espeakng_loader.get_data_path())


def load_espeak(library: str | None = None) -> None:
    """Load eSpeak NG globally so pyttsx3's own `LoadLibrary("libespeak-ng.so.1")` finds it."""
    path, data = espeak_paths(library)
    if not path.is_file():
        raise EngineUnavailable(f"The speech library is missing ({path.name} was not found).")
    if data is not None:
        os.environ["ESPEAK_DATA_PATH"] = str(data)
    try:
        ctypes.CDLL(str(path), mode=ctypes.RTLD_GLOBAL)
    except OSError as error:
        raise EngineUnavailable(f"The speech library could not be loaded: {error}") from error


def choose_voice(voices: Sequence[Voice], language: str = "en-GB") -> Voice | None:
    """The voice for `language` (en-GB by default): an exact match first, then a regional
    variant of it, then any voice in the same language."""

    def norm(code: str) -> str:
        return code.strip().lower().replace("_", "-")

    wanted = norm(language)
    base = wanted.split("-")[0]
    tests: tuple[Callable[[str], bool], ...] = (
        lambda c: c == wanted, lambda c: c.startswith(wanted + "-"),
        lambda c: c == base, lambda c: c.split("-")[0] == base)
    for test in tests:
        for voice in voices:
            if any(test(norm(code)) for code in voice.languages):
                return voice
    return None


def find_player() -> tuple[str, ...] | None:
    """A command that plays a WAV file aloud (the file name goes last), or None."""
    for command in PLAYERS:
        found = shutil.which(command[0])
        if found:
            return (found, *command[1:])
    return None


class SpeechEngine:
    """pyttsx3 with the settings MeetingRoom uses: one voice, one rate, WAV output."""

    def __init__(self, engine: Any, espeak: Any = None) -> None:
        self._engine = engine
        self._espeak = espeak  # pyttsx3's eSpeak module, when that is the driver
        self._voices = tuple(self._read_voices())
        # pyttsx3 queues property changes until the next utterance, so reading them back
        # straight after setting gives the old value: keep what was asked for.
        self._voice = str(engine.getProperty("voice") or "")
        self._rate = int(engine.getProperty("rate") or 0)

    def _read_voices(self) -> list[Voice]:
        voices = []
        for voice in self._engine.getProperty("voices") or ():
            languages = tuple(
                code.decode("utf-8", "ignore") if isinstance(code, bytes) else str(code)
                for code in (getattr(voice, "languages", None) or ()))
            voices.append(Voice(str(voice.id), str(voice.name or voice.id), languages))
        return voices

    @property
    def voices(self) -> tuple[Voice, ...]:
        return self._voices

    @property
    def voice(self) -> str:
        return self._voice

    def set_voice(self, voice_id: str) -> None:
        if self._voices and voice_id not in {v.id for v in self._voices}:
            raise ValueError("there is no such voice")
        self._engine.setProperty("voice", voice_id)
        self._voice = voice_id

    @property
    def rate(self) -> int:
        return self._rate

    def set_rate(self, words_per_minute: int) -> None:
        self._rate = max(MIN_RATE, min(MAX_RATE, int(words_per_minute)))
        self._engine.setProperty("rate", self._rate)

    def write_wav(self, text: str, path: Path, timeout: float = 120.0) -> None:
        """Speak `text` into a WAV file at `path` (blocks until written).

        pyttsx3 2.99's eSpeak driver synthesises on eSpeak's own thread: the first
        `runAndWait()` can return before the file is written, and starting the next text
        while eSpeak is still finishing the last one cancels it. So wait for the
        finished-utterance notice, then for eSpeak to be idle.
        """
        finished = threading.Event()
        outcome: dict[str, object] = {}

        def on_finished(**details: object) -> None:
            outcome.update(details)
            finished.set()

        token = self._engine.connect("finished-utterance", on_finished)
        try:
            self._engine.save_to_file(text, str(path))
            self._engine.runAndWait()
            if not finished.wait(timeout):
                raise RuntimeError("the speech engine did not finish")
            self._settle(timeout)
        finally:
            self._engine.disconnect(token)
        if outcome.get("completed") is False:
            raise RuntimeError("the speech engine stopped part way")

    def _settle(self, timeout: float) -> None:
        if self._espeak is None:
            return
        deadline = time.monotonic() + timeout
        while self._espeak.IsPlaying():
            if time.monotonic() > deadline:
                raise RuntimeError("the speech engine did not finish")
            time.sleep(0.002)

    def say(self, text: str) -> None:
        """Speak through the platform's own audio (used where there is no WAV player)."""
        self._engine.say(text)
        self._engine.runAndWait()


def open_engine(library: str | None = None, language: str = "en-GB") -> SpeechEngine:
    """Start pyttsx3 (eSpeak NG from espeakng-loader on Linux), in `language`'s voice."""
    driver: str | None = None
    if sys.platform.startswith("linux"):
        load_espeak(library)
        driver = "espeak"
    try:
        import pyttsx3

        espeak: Any = None
        if driver == "espeak":
            from pyttsx3.drivers import _espeak

            espeak = _espeak
        engine = SpeechEngine(pyttsx3.init(driver), espeak)
    except EngineUnavailable:
        raise
    except Exception as error:  # pyttsx3 raises many kinds when no engine is present
        raise EngineUnavailable(f"The speech engine could not start: {error}") from error
    chosen = choose_voice(engine.voices, language)
    if chosen is not None:
        engine.set_voice(chosen.id)
    return engine
