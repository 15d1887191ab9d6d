"""The speech worker process, driven for real: WAV files, stop, restarts, no engine."""

from __future__ import annotations

import os
import signal
import time
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from meetingroom.speech.process import SpeechEvent, SpeechFailed, SpeechProcess, SpeechUnavailable
from tests.speech.players import SILENT_PLAYER, words

pytestmark = pytest.mark.slow


@pytest.fixture
def speech() -> Iterator[SpeechProcess]:
    process = SpeechProcess(player=SILENT_PLAYER, stop_grace=1.0)
    process.start()
    yield process
    process.close()


_seen: dict[tuple[int, int], SpeechEvent] = {}


def wait_for(process: SpeechProcess, request: int, seconds: float = 30) -> SpeechEvent:
    """The event answering `request` (events for other requests are kept for later)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for event in process.poll():
            _seen[(id(process), event.request)] = event
        if (id(process), request) in _seen:
            return _seen.pop((id(process), request))
        time.sleep(0.01)
    raise AssertionError("no answer from the speech worker")


def duration(path: Path) -> float:
    with wave.open(str(path), "rb") as sound:
        assert sound.getnchannels() == 1
        assert sound.getsampwidth() == 2
        assert sound.getframerate() == 22050
        assert sound.getnframes() > 0
        return sound.getnframes() / sound.getframerate()


def test_wav_files_hold_speech_as_long_as_the_text(speech: SpeechProcess, tmp_path: Path) -> None:
    assert speech.wait_ready()
    assert speech.voice == "gmw/en"  # British English
    short = duration(speech.save_to_file(words(50), tmp_path / "short.wav"))
    long = duration(speech.save_to_file(words(200), tmp_path / "long.wav"))
    assert 12 < short < 40  # about 150-250 words a minute
    assert 3.0 < long / short < 5.0
    with wave.open(str(tmp_path / "long.wav"), "rb") as sound:
        frames = sound.readframes(sound.getnframes())
    samples = memoryview(frames).cast("h")
    assert max(abs(s) for s in samples[::50]) > 1000  # sound, not silence


def test_text_longer_than_a_piece_is_all_spoken(speech: SpeechProcess, tmp_path: Path) -> None:
    """The worker joins pieces; 1,200 words must come out about six times 200 words."""
    one = duration(speech.save_to_file(words(200), tmp_path / "one.wav"))
    six = duration(speech.save_to_file(words(1200), tmp_path / "six.wav"))
    assert 5.0 < six / one < 7.0


def test_slower_rate_makes_longer_speech(speech: SpeechProcess, tmp_path: Path) -> None:
    normal = duration(speech.save_to_file(words(60), tmp_path / "a.wav"))
    assert wait_for(speech, speech.set_rate(100)).kind == "done"
    assert speech.rate == 100
    slow = duration(speech.save_to_file(words(60), tmp_path / "b.wav"))
    assert slow > normal * 1.5


def test_a_bad_destination_fails_plainly_and_the_worker_goes_on(speech: SpeechProcess,
                                                                tmp_path: Path) -> None:
    with pytest.raises(SpeechFailed, match="could not be made"):
        speech.save_to_file("Hello.", tmp_path / "no such folder" / "x.wav")
    assert duration(speech.save_to_file("Hello.", tmp_path / "x.wav")) > 0


def test_stop_during_a_long_say_is_prompt_and_speech_goes_on(speech: SpeechProcess) -> None:
    assert speech.wait_ready()
    pid = speech.pid
    request = speech.say(words(300))  # over a minute of speech
    time.sleep(1.0)  # it is playing now
    assert speech.busy()
    started = time.monotonic()
    speech.stop()
    event = wait_for(speech, request)
    assert event.kind == "stopped"
    assert time.monotonic() - started < 0.5
    assert speech.pid == pid  # stopped by the worker itself, not by ending it
    assert wait_for(speech, speech.say("Thank you.")).kind == "done"


def test_stop_forgets_what_was_queued(speech: SpeechProcess) -> None:
    assert speech.wait_ready()
    first, second = speech.say(words(100)), speech.say(words(100))
    speech.stop()
    assert wait_for(speech, first).kind == "stopped"
    assert wait_for(speech, second).kind == "stopped"


def test_a_killed_worker_is_started_again(speech: SpeechProcess, tmp_path: Path) -> None:
    assert speech.wait_ready()
    first = speech.pid
    assert first is not None
    assert wait_for(speech, speech.set_rate(120)).kind == "done"
    request = speech.say(words(100))
    os.kill(first, signal.SIGKILL)
    event = wait_for(speech, request)
    assert event.kind == "failed" and "started again" in event.reason
    assert speech.pid not in (None, first)
    assert speech.available()
    assert duration(speech.save_to_file("Still here.", tmp_path / "after.wav")) > 0
    assert speech.rate == 120  # the new worker speaks as the old one was told to


def test_a_hung_worker_is_ended_when_stop_gets_no_answer(speech: SpeechProcess,
                                                         tmp_path: Path) -> None:
    assert speech.wait_ready()
    first = speech.pid
    assert first is not None
    request = speech.say(words(100))
    os.kill(first, signal.SIGSTOP)  # the engine hangs: it answers nothing
    started = time.monotonic()
    speech.stop()
    event = wait_for(speech, request)
    assert event.kind == "stopped"
    assert time.monotonic() - started < 3.0  # the grace is one second
    assert speech.pid not in (None, first)
    assert duration(speech.save_to_file("Back again.", tmp_path / "after.wav")) > 0


def test_no_engine_says_why_and_never_blocks(tmp_path: Path) -> None:
    process = SpeechProcess(library=str(tmp_path / "libespeak-ng.so.1"))
    try:
        started = time.monotonic()
        request = process.say("Hello")
        assert time.monotonic() - started < 0.5
        assert not process.wait_ready()
        assert "speech library is missing" in process.why_unavailable()
        events = process.poll()
        assert any(e.request == request and e.kind == "failed" for e in events)
        with pytest.raises(SpeechUnavailable, match="missing"):
            process.save_to_file("Hello", tmp_path / "x.wav")
    finally:
        process.close()


def test_no_sound_player_still_makes_files(tmp_path: Path) -> None:
    with SpeechProcess(player=()) as process:
        assert process.wait_ready()
        assert not process.can_speak_aloud()
        assert "no sound player" in process.why_silent()
        event = wait_for(process, process.say("Hello"))
        assert event.kind == "failed" and "no sound player" in event.reason
        assert duration(process.save_to_file("Hello.", tmp_path / "x.wav")) > 0
