"""The engine module: choosing the voice, cutting long text, and a missing library."""

from __future__ import annotations

from pathlib import Path

import pytest

from meetingroom.speech.engine import (
    EngineUnavailable,
    Voice,
    choose_voice,
    espeak_paths,
    load_espeak,
)
from meetingroom.speech.pieces import pieces
from tests.speech.players import words


def test_en_gb_voice_is_chosen_over_other_english() -> None:
    voices = [Voice("gmw/en-us", "English (America)", ("en-us",)),
              Voice("gmw/en-gb-scotland", "English (Scotland)", ("en-gb-scotland",)),
              Voice("gmw/en", "English (Great Britain)", ("en-gb",))]
    assert choose_voice(voices) == voices[2]
    assert choose_voice(voices[:2]) == voices[1]  # a British variant before American
    assert choose_voice(voices[:1]) == voices[0]  # any English before none
    assert choose_voice([Voice("fr", "French", ("fr-fr",))]) is None
    assert choose_voice([Voice("x", "SAPI", ("EN_GB",))]) is not None


def test_pieces_keep_every_word_in_order_and_stay_short() -> None:
    text = words(900) + "\n\n" + "Supercalifragilistic" * 80 + "\n\n  \n\nEnd."
    cut = list(pieces(text, limit=300))
    assert all(0 < len(piece) <= 300 for piece in cut)
    assert "".join("".join(cut).split()) == "".join(text.split())
    assert cut[-1] == "End."


def test_bundled_espeak_ships_library_and_data() -> None:
    library, data = espeak_paths()
    assert library.name == "libespeak-ng.so.1" and library.is_file()
    assert data is not None and (data / "phontab").is_file()


def test_a_missing_library_is_reported_in_plain_words(tmp_path: Path) -> None:
    with pytest.raises(EngineUnavailable, match="speech library is missing"):
        load_espeak(str(tmp_path / "libespeak-ng.so.1"))


def test_environment_variable_overrides_the_library(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path) -> None:
    monkeypatch.setenv("MEETINGROOM_ESPEAK_LIBRARY", str(tmp_path / "nothing.so"))
    assert espeak_paths()[0] == tmp_path / "nothing.so"


def test_the_worker_refuses_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from meetingroom.speech.worker import refuse_network

    for name in ("connect", "connect_ex"):  # so the test's own guard comes back after
        monkeypatch.setattr(socket.socket, name, getattr(socket.socket, name))
    monkeypatch.setattr(socket, "create_connection", socket.create_connection)
    monkeypatch.setattr(socket, "getaddrinfo", socket.getaddrinfo)
    refuse_network()
    with pytest.raises(OSError, match="never uses the network"):
        socket.create_connection(("example.org", 80))
    with pytest.raises(OSError, match="never uses the network"):
        socket.getaddrinfo("example.org", 80)

