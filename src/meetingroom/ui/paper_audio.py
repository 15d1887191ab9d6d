""""Make audio…" in the Papers view: the chosen paper read aloud into a WAV file (AD3).

The paper and the group's glossary terms are copied on the GUI thread; `AudioWork` (plain,
picklable data) builds the document and has a speech worker of its own read it into the file,
run by `PaperFilesRun` away from the GUI, with a progress dialog whose Stop also stops the
speech engine.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QPushButton

from meetingroom.documents.audio import AudioFailed, AudioUnavailable, write_audio
from meetingroom.documents.pack_contents import paper_document
from meetingroom.domain.papers import Paper
from meetingroom.language.glossary import Glossary
from meetingroom.speech.process import SpeechProcess
from meetingroom.store.glossary import GroupTerm, group_terms
from meetingroom.store.groups import get_group
from meetingroom.store.papers import get_paper
from meetingroom.ui.document_job import JobFailed
from meetingroom.ui.paper_editor import PaperEditor
from meetingroom.ui.paper_making import MakingStopped, PaperFilesRun, Progress

_NOT_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')


# Progress words and reasons are source strings: the runner translates them on the GUI side,
# in its "paper_making" context.
_GETTING_READY = str(QT_TRANSLATE_NOOP("paper_making", "Getting the paper ready…"))
_STARTING = str(QT_TRANSLATE_NOOP("paper_making", "Starting the speech engine…"))
_READING = str(QT_TRANSLATE_NOOP("paper_making", "Reading the paper aloud into the file…"))
_DONE = str(QT_TRANSLATE_NOOP("paper_making", "Done"))
_NO_AUDIO = str(QT_TRANSLATE_NOOP("paper_making", "No audio could be made: %1"))


def _t(text: str) -> str:
    return QCoreApplication.translate("paper_audio", text)


def audio_file_name(title: str) -> str:
    """"Budget plans - audio.wav": a file name from the paper's title, safe on every system."""
    name = re.sub(r"\s+", " ", _NOT_IN_NAMES.sub(" ", title)).strip(" .")[:80].strip(" .")
    return f"{name or 'paper'} - audio.wav"


class AudioWork:
    """The job: `(progress, cancelled) -> [the WAV file]`. A plain object of plain data, so a
    runner may also hand it to another process."""

    def __init__(self, paper: Paper, terms: list[GroupTerm], path: Path, author: str = "") -> None:
        self.paper = replace(paper)
        self.terms = list(terms)
        self.path = Path(path)
        self.author = author

    def __call__(self, progress: Progress, cancelled: Callable[[], bool]) -> list[Path]:
        progress(0, 3, _GETTING_READY)
        document = paper_document(self.paper, Glossary.load(self.terms), self.author)
        if cancelled():
            raise MakingStopped([])
        progress(1, 3, _STARTING)
        with SpeechProcess() as speech:
            if not speech.wait_ready():
                raise JobFailed(_NO_AUDIO, speech.why_unavailable() or "there is no speech engine.")
            if cancelled():
                raise MakingStopped([])
            progress(2, 3, _READING)
            finished = threading.Event()
            watcher = threading.Thread(target=_stop_when_cancelled, args=(speech, cancelled, finished),
                                       daemon=True)
            watcher.start()
            try:
                write_audio(document, self.path, speech=speech)
            except (AudioUnavailable, AudioFailed) as error:
                if cancelled():
                    self.path.unlink(missing_ok=True)
                    raise MakingStopped([]) from None
                raise JobFailed(_NO_AUDIO, str(error)) from None
            finally:
                finished.set()
                watcher.join()
        progress(3, 3, _DONE)
        return [self.path]


def _stop_when_cancelled(speech: SpeechProcess, cancelled: Callable[[], bool],
                         finished: threading.Event) -> None:
    """Stop pressed while the engine reads: stop the engine, so Stop never waits for it."""
    while not finished.wait(0.1):
        if cancelled():
            speech.stop()
            return


class PaperAudioMaker(QObject):
    """Adds "Make audio…" to a paper editor; `running` is the last run (for tests)."""

    def __init__(self, editor: PaperEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.running: PaperFilesRun | None = None
        self.button: QPushButton = editor.add_maker(_t("Make audi&o…"), self.ask)
        self.button.setToolTip(_t("Read the paper aloud into a sound file (WAV)"))

    def ask(self, paper_id: int) -> None:
        title = get_paper(self.editor.session.workspace, paper_id).title
        suggested = self.editor.folder / audio_file_name(title)
        chosen, _ = QFileDialog.getSaveFileName(self.editor, _t("Make audio"), str(suggested),
                                                _t("Sound files (*.wav)"))
        if chosen:
            path = Path(chosen)
            if path.suffix.lower() != ".wav":
                path = path.with_name(f"{path.name}.wav")
            self.make(paper_id, path)

    def make(self, paper_id: int, path: Path) -> PaperFilesRun:
        """Read the paper aloud into `path` in the background."""
        ws = self.editor.session.workspace
        paper = get_paper(ws, paper_id)
        group = get_group(ws)
        work = AudioWork(paper, group_terms(ws), path, group.name if group else "")
        self.editor.folder = path.parent
        self.running = PaperFilesRun(self.editor, _t("Making audio of “%1”").replace("%1", paper.title),
                                     path.parent, work)
        return self.running
