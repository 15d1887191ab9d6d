"""The speech worker: the main loop of the child process that owns the speech engine (SP1).

The parent (`SpeechProcess`) feeds it `Command`s on a queue and reads `Reply`s from another.
Speaking aloud is done by writing a WAV and playing it with a sound player the worker can
end at once, so "stop" is prompt; when the engine itself is stuck in a long synthesis the
parent ends this whole process and starts another. The worker never touches the network.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import wave
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from meetingroom.speech.engine import (
    EngineUnavailable,
    SpeechEngine,
    Voice,
    find_player,
    open_engine,
)
from meetingroom.speech.pieces import pieces


class Kind(StrEnum):
    SAY = "say"
    SAVE = "save"
    RATE = "rate"
    VOICE = "voice"
    STOP = "stop"
    QUIT = "quit"
    READY = "ready"
    UNAVAILABLE = "unavailable"
    DONE = "done"
    FAILED = "failed"
    STOPPED = "stopped"


@dataclass(frozen=True)
class Command:
    """What the parent asks for. A say or save whose generation is older than the shared
    stop generation was stopped before it began and is not spoken."""

    kind: Kind
    request: int = 0
    generation: int = 0
    text: str = ""
    path: str = ""
    rate: int = 0
    voice: str = ""


@dataclass(frozen=True)
class Reply:
    kind: Kind
    request: int = 0
    reason: str = ""
    generation: int = 0
    voices: tuple[Voice, ...] = ()
    voice: str = ""
    rate: int = 0
    can_play: bool = False


@dataclass(frozen=True)
class WorkerSettings:
    """How to start: which library (None: the bundled one), which player (None: find one,
    (): none), and the voice and rate to restore after a restart."""

    library: str | None = None
    player: tuple[str, ...] | None = None
    language: str = "en-GB"
    voice: str = ""
    rate: int = 0
    scratch: str = ""  # a folder for its temporary sound files, which the parent removes


class Channel(Protocol):
    def get(self, block: bool = True, timeout: float | None = None) -> Any: ...
    def put(self, obj: Any, block: bool = True, timeout: float | None = None) -> None: ...


class Counter(Protocol):
    value: int


NO_PLAYER = ("There is no sound player (aplay, paplay or pw-play), so speech cannot be "
             "heard; audio files can still be made.")


def refuse_network() -> None:
    """MeetingRoom is offline: in this process any attempt to reach the network fails."""

    def refuse(*args: object, **kwargs: object) -> Any:
        raise OSError("the speech worker never uses the network")

    for name in ("connect", "connect_ex"):
        setattr(socket.socket, name, refuse)
    socket.create_connection = refuse
    socket.getaddrinfo = refuse


class Worker:
    """Carries out one command at a time with the engine, replying on `replies`."""

    def __init__(self, engine: SpeechEngine, player: tuple[str, ...] | None, replies: Channel,
                 stop_generation: Counter, scratch: Path) -> None:
        self.engine, self.player, self.replies = engine, player, replies
        self.stop_generation, self.scratch = stop_generation, scratch

    def stopped(self, command: Command) -> bool:
        return command.generation < self.stop_generation.value

    def handle(self, command: Command) -> None:
        if command.kind is Kind.STOP:
            self.replies.put(Reply(Kind.STOPPED, generation=command.generation))
            return
        try:
            if command.kind is Kind.RATE:
                self.engine.set_rate(command.rate)
            elif command.kind is Kind.VOICE:
                self.engine.set_voice(command.voice)
            elif command.kind is Kind.SAY:
                self.say(command)
                return
            elif command.kind is Kind.SAVE:
                self.save(command)
                return
        except (OSError, ValueError, RuntimeError, wave.Error) as error:
            self.replies.put(Reply(Kind.FAILED, command.request, reason=plain(error)))
            return
        self.replies.put(Reply(Kind.DONE, command.request, voice=self.engine.voice,
                               rate=self.engine.rate))

    def synthesise(self, command: Command, target: Path) -> bool:
        """Speak the command's text into one WAV at `target`, a piece at a time so that a
        stop is noticed between pieces. False when stopped."""
        with wave.open(str(target), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(22050)
            for number, piece in enumerate(pieces(command.text)):
                if self.stopped(command):
                    return False
                part = self.scratch / f"piece-{number}.wav"
                self.engine.write_wav(piece, part)
                with wave.open(str(part), "rb") as chunk:
                    if number == 0:
                        out.setnchannels(chunk.getnchannels())
                        out.setsampwidth(chunk.getsampwidth())
                        out.setframerate(chunk.getframerate())
                    out.writeframes(chunk.readframes(chunk.getnframes()))
                part.unlink()
        return not self.stopped(command)

    def save(self, command: Command) -> None:
        if self.stopped(command):
            self.replies.put(Reply(Kind.STOPPED, command.request))
            return
        if not command.text.strip():
            self.replies.put(Reply(Kind.FAILED, command.request, reason="There is nothing to say."))
            return
        destination = Path(command.path)
        handle, name = tempfile.mkstemp(suffix=".wav", dir=self.scratch)
        os.close(handle)
        made = Path(name)
        try:
            if not self.synthesise(command, made):
                self.replies.put(Reply(Kind.STOPPED, command.request))
                return
            shutil.move(str(made), destination)  # may cross file systems
        finally:
            made.unlink(missing_ok=True)
        self.replies.put(Reply(Kind.DONE, command.request))

    def say(self, command: Command) -> None:
        if self.stopped(command) or not command.text.strip():
            kind = Kind.STOPPED if self.stopped(command) else Kind.DONE
            self.replies.put(Reply(kind, command.request))
            return
        if self.player is None:
            if sys.platform == "win32":  # SAPI5 plays by itself; stop ends the process
                self.engine.say(command.text)
                self.replies.put(Reply(Kind.DONE, command.request))
            else:
                self.replies.put(Reply(Kind.FAILED, command.request, reason=NO_PLAYER))
            return
        sound = self.scratch / "say.wav"
        if not self.synthesise(command, sound):
            self.replies.put(Reply(Kind.STOPPED, command.request))
            return
        playing = subprocess.Popen([*self.player, str(sound)], stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while playing.poll() is None:
            if self.stopped(command):
                playing.kill()
                playing.wait()
                self.replies.put(Reply(Kind.STOPPED, command.request))
                return
            time.sleep(0.02)
        if playing.returncode == 0:
            self.replies.put(Reply(Kind.DONE, command.request))
        else:
            self.replies.put(Reply(Kind.FAILED, command.request,
                                   reason="The sound player could not play the speech."))


def plain(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return f"The audio could not be made: {error.strerror.lower()}."
    return f"The speech engine could not do that: {error}"


def serve(commands: Channel, replies: Channel, stop_generation: Counter,
          settings: WorkerSettings) -> None:
    """The child process's main: open the engine, say whether it is ready, then obey."""
    if hasattr(os, "setsid"):
        os.setsid()  # its own process group, so ending it also ends a sound player
    refuse_network()
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - pyttsx3 prints after each file
    try:
        engine = open_engine(settings.library, settings.language)
    except EngineUnavailable as error:
        replies.put(Reply(Kind.UNAVAILABLE, reason=str(error)))
        return
    try:
        if settings.voice:
            engine.set_voice(settings.voice)
        if settings.rate:
            engine.set_rate(settings.rate)
    except ValueError:
        pass  # the voice went away: keep the chosen default
    player = find_player() if settings.player is None else (settings.player or None)
    replies.put(Reply(Kind.READY, voices=engine.voices, voice=engine.voice, rate=engine.rate,
                      can_play=player is not None or sys.platform == "win32",
                      reason="" if player or sys.platform == "win32" else NO_PLAYER))
    own = (contextlib.nullcontext(settings.scratch) if settings.scratch
           else tempfile.TemporaryDirectory(prefix="meetingroom-speech-"))
    with own as scratch:
        worker = Worker(engine, player, replies, stop_generation, Path(scratch))
        while True:
            command: Command = commands.get()
            if command.kind is Kind.QUIT:
                return
            worker.handle(command)
