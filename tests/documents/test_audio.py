"""The audio format (AD3): a document read aloud into a WAV, names spoken as asked."""

from __future__ import annotations

import time
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from meetingroom.documents.audio import AudioFailed, AudioUnavailable, audio_script, write_audio
from meetingroom.documents.model import Document, HardWord
from meetingroom.domain.papers import Block, BlockKind, EasyReadPoint, Run
from meetingroom.domain.people import Member
from meetingroom.speech.process import SpeechProcess
from tests.speech.players import words

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def speech() -> Iterator[SpeechProcess]:
    with SpeechProcess() as process:
        yield process


def seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as sound:
        assert (sound.getnchannels(), sound.getsampwidth(), sound.getframerate()) == (1, 2, 22050)
        assert sound.getnframes() > 0
        return sound.getnframes() / sound.getframerate()


def paper(name: str) -> Document:
    return Document(
        title="Day centre review",
        blocks=(
            Block(BlockKind.HEADING, (Run("Welcome"),)),
            Block(BlockKind.PARAGRAPH, (Run(f"{name} will chair. "), Run("Tea is free", bold=True))),
            Block(BlockKind.BULLETS, items=((Run("Transport"),), (Run("Opening hours"),))),
            Block(BlockKind.NUMBERED, items=((Run("Agree the minutes"),),)),
        ),
    )


def test_script_reads_headings_paragraphs_and_points_in_order() -> None:
    script = audio_script(paper("Ann"))
    assert script.split("\n\n") == [
        "Day centre review.", "Welcome.", "Ann will chair. Tea is free.",
        "Point 1. Transport.", "Point 2. Opening hours.", "Point 1. Agree the minutes."]


def test_script_reads_easy_read_points_and_hard_words() -> None:
    document = Document(
        title="Our meeting",
        easy_read=(Block(BlockKind.HEADING, (Run("Getting there"),)),
                   EasyReadPoint("The bus stops outside.", "1F68C"), EasyReadPoint("Ask for help!")),
        hard_words=(HardWord("Agenda", "the list of things we talk about"),))
    assert audio_script(document).split("\n\n") == [
        "Our meeting.", "Getting there.", "Point 1. The bus stops outside.", "Point 2. Ask for help!",
        "Hard words.", "Agenda: the list of things we talk about."]


def test_a_paper_becomes_a_wav_as_long_as_its_words(speech: SpeechProcess, tmp_path: Path) -> None:
    short = seconds(write_audio(paper("Ann"), tmp_path / "short.wav", speech=speech))
    long_doc = Document("Long paper", (Block(BlockKind.PARAGRAPH, (Run(words(400)),)),))
    started = time.perf_counter()
    long = seconds(write_audio(long_doc, tmp_path / "long.wav", speech=speech))
    assert time.perf_counter() - started < 20
    assert 3 < short < 20
    assert long > 6 * short


def test_names_are_spoken_as_the_member_asked(speech: SpeechProcess, tmp_path: Path) -> None:
    """The builder puts `spoken_name` in the text; the WAV says that, not the spelling."""
    member = Member(name="Xi Li", pronunciation="Shee Lee, said slowly, like the letters S H E E")
    assert member.spoken_name != member.name
    as_written = seconds(write_audio(paper(member.name), tmp_path / "a.wav", speech=speech))
    as_asked = seconds(write_audio(paper(member.spoken_name), tmp_path / "b.wav", speech=speech))
    assert member.spoken_name in audio_script(paper(member.spoken_name))
    assert as_asked > as_written + 1.5


def test_every_kind_of_text_comes_through_without_a_crash(speech: SpeechProcess,
                                                          tmp_path: Path) -> None:
    text = "<b>bold</b> a & b <script>x</script> 😀 مرحبا Croeso, diolch. Zażółć gęślą jaźń."
    document = Document(text, (Block(BlockKind.PARAGRAPH, (Run(text),)),))
    assert text in audio_script(document)
    assert seconds(write_audio(document, tmp_path / "mixed.wav", speech=speech)) > 2


def test_no_engine_raises_a_clear_reason(tmp_path: Path) -> None:
    with SpeechProcess(library=str(tmp_path / "missing.so")) as process:
        with pytest.raises(AudioUnavailable, match="speech library is missing"):
            write_audio(paper("Ann"), tmp_path / "x.wav", speech=process)
    assert not (tmp_path / "x.wav").exists()


def test_a_missing_folder_is_a_plain_failure(speech: SpeechProcess, tmp_path: Path) -> None:
    with pytest.raises(AudioFailed, match="does not exist"):
        write_audio(paper("Ann"), tmp_path / "nowhere" / "x.wav", speech=speech)
