""""Make audio…" in the Papers view: a WAV made off the GUI thread, read back with `wave`."""

from __future__ import annotations

import wave

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from meetingroom.ui.paper_audio import audio_file_name
from tests.ui.test_papers_view import papers_view

pytestmark = pytest.mark.gui


def test_file_names_are_safe() -> None:
    assert audio_file_name('Budget: <plans> & "more"?') == "Budget plans & more - audio.wav"
    assert audio_file_name("...") == "paper - audio.wav"


@pytest.mark.slow
def test_make_audio_from_the_button(open_window, example_path, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _, view = papers_view(open_window, example_path)
    maker = view.audio
    assert maker.button.isEnabled() and maker.button.text().replace("&", "") == "Make audio…"
    out = tmp_path / "read aloud"  # no ending typed: .wav is added
    asked: list[str] = []

    def save_name(_parent, _title, suggested, _filter):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(out), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    qtbot.mouseClick(maker.button, Qt.MouseButton.LeftButton)
    assert asked and asked[0].endswith(" - audio.wav")
    run = maker.running
    assert run is not None
    with qtbot.waitSignal(run.done, timeout=120_000) as blocker:
        pass
    assert blocker.args == [True]
    wav = tmp_path / "read aloud.wav"
    assert run.files == [wav]
    with wave.open(str(wav), "rb") as sound:
        assert sound.getnchannels() == 1 and sound.getsampwidth() == 2
        assert sound.getnframes() / sound.getframerate() > 3
    assert run.message is not None and wav.name in run.message.text()
    run.message.button(QMessageBox.StandardButton.Close).click()


def test_no_speech_engine_says_why(open_window, example_path, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MEETINGROOM_ESPEAK_LIBRARY", str(tmp_path / "missing" / "libespeak-ng.so.1"))
    _, view = papers_view(open_window, example_path)
    paper_id = view.editor.paper_id
    assert paper_id is not None
    run = view.audio.make(paper_id, tmp_path / "paper.wav")
    with qtbot.waitSignal(run.done, timeout=60_000) as blocker:
        pass
    assert blocker.args == [False]
    assert not (tmp_path / "paper.wav").exists()
    assert run.message is not None and "speech library is missing" in run.message.text()
    run.message.button(QMessageBox.StandardButton.Close).click()
