"""SpeechClient in the GUI: it never makes the GUI wait, stops at once, and says when
speech is off. The real engine runs in its child process; the sound player is silent."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QPushButton

from meetingroom.documents.audio import write_audio
from meetingroom.documents.model import Document
from meetingroom.domain.papers import Block, BlockKind, Run
from meetingroom.domain.people import Member
from meetingroom.speech.process import SpeechProcess
from meetingroom.ui.speech_client import SpeechClient
from tests.speech.players import SILENT_PLAYER, words

pytestmark = [pytest.mark.gui, pytest.mark.slow]


class Heartbeat(QObject):
    """A 10 ms timer on the GUI thread that remembers its longest gap between ticks."""

    def __init__(self) -> None:
        super().__init__()
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._timer.start(10)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now


class Recording(SpeechProcess):
    """The real speech process, remembering what it was asked to say."""

    def __init__(self, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.said: list[str] = []

    def say(self, text: str) -> int:
        self.said.append(text)
        return super().say(text)


@pytest.fixture
def client(qtbot) -> Iterator[SpeechClient]:  # type: ignore[no-untyped-def]
    speech = SpeechClient(backend=Recording(player=SILENT_PLAYER))
    with qtbot.waitSignal(speech.available_changed, timeout=20000) as ready:
        speech.start()
    assert ready.args == [True, ""]
    yield speech
    speech.close()


def test_stop_during_a_long_say_is_prompt_and_the_gui_never_waits(qtbot, client: SpeechClient) -> None:  # type: ignore[no-untyped-def]
    heartbeat = Heartbeat()
    client.say(words(300))  # over a minute of speech
    qtbot.wait(1500)
    assert client.is_speaking()
    started = time.perf_counter()
    with qtbot.waitSignal(client.finished, timeout=2000):
        client.stop()
    assert time.perf_counter() - started < 0.5
    assert not client.is_speaking()
    with qtbot.waitSignal(client.finished, timeout=10000):
        client.say("Thank you.")
    with qtbot.assertNotEmitted(client.failed):
        qtbot.wait(50)
    assert heartbeat.longest < 0.1


def test_next_speaker_is_announced_with_their_pronunciation(qtbot, client: SpeechClient) -> None:  # type: ignore[no-untyped-def]
    member = Member(name="Siobhan Kelly", preferred_name="Siobhan", pronunciation="Shi-vawn")
    with qtbot.waitSignal(client.finished, timeout=10000):
        client.announce_next_speaker(member)
    with qtbot.waitSignal(client.finished, timeout=10000):
        client.announce_one_minute_left()
    backend = client._backend
    assert isinstance(backend, Recording)
    assert backend.said == ["Next speaker: Shi-vawn.", "One minute left."]


def test_no_engine_turns_speech_off_with_a_reason_and_the_gui_goes_on(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    client = SpeechClient(backend=SpeechProcess(library=str(tmp_path / "libespeak-ng.so.1")))
    button = QPushButton("Next speaker")
    qtbot.addWidget(button)
    clicks: list[bool] = []
    button.clicked.connect(lambda: clicks.append(True))
    try:
        with qtbot.waitSignal(client.available_changed, timeout=20000) as changed:
            client.start()
        assert changed.args[0] is False and "speech library is missing" in changed.args[1]
        assert "missing" in client.why_unavailable()
        with qtbot.waitSignal(client.failed, timeout=5000) as failed:
            client.say("Hello")
        assert "missing" in failed.args[0]
        client.stop()  # harmless when there is nothing to stop
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert clicks == [True]
    finally:
        client.close()


def test_environment_can_switch_the_engine_off(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEETINGROOM_ESPEAK_LIBRARY", str(tmp_path / "gone.so"))
    client = SpeechClient()
    try:
        with qtbot.waitSignal(client.available_changed, timeout=20000) as changed:
            client.start()
        assert changed.args == [False, "The speech library is missing (gone.so was not found)."]
    finally:
        client.close()


def test_an_audio_file_made_in_the_background_never_stalls_the_gui(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    heartbeat = Heartbeat()
    document = Document("Minutes", (Block(BlockKind.PARAGRAPH, (Run(words(1500)),)),))
    done: list[Path] = []

    def make() -> None:
        with SpeechProcess() as speech:
            done.append(write_audio(document, tmp_path / "minutes.wav", speech=speech))

    worker = threading.Thread(target=make)
    worker.start()
    qtbot.waitUntil(lambda: bool(done), timeout=60000)
    worker.join()
    assert done[0].stat().st_size > 1_000_000
    assert heartbeat.longest < 0.1
