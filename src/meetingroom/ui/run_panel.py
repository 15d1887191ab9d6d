"""Running the meeting: agenda clock, speaking queue, cards, fairness, projector and speech.

The keys work anywhere in the console (it makes them shortcuts, see `keys`): F5 next speaker, F6 pause or resume, F7 end the turn,
F8 choose who wants to speak, F9 next item, Ctrl+Shift+P the projector view, Ctrl+Shift+G
ground rules on the projector, Ctrl+Shift+R read the current item aloud. Every action goes
to `MeetingRun`, which stores it before anything on screen changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QWidget,
)

from meetingroom.domain.people import Member
from meetingroom.ui.agenda_clock import AgendaClock
from meetingroom.ui.cards_panel import CardsPanel
from meetingroom.ui.fairness_panel import FairnessPanel, Person
from meetingroom.ui.meeting_run import MeetingRun
from meetingroom.ui.queue_panel import QueuePanel

if TYPE_CHECKING:
    from meetingroom.ui.projector import ProjectorWindow
    from meetingroom.ui.speech_client import SpeechClient


def _real_speech() -> SpeechClient:
    from meetingroom.ui.speech_client import SpeechClient

    return SpeechClient()


class RunPanel(QWidget):
    make_speech: Callable[[], SpeechClient] = staticmethod(_real_speech)  # tests put a fake here

    def __init__(self, run: MeetingRun, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run = run
        self.agenda = AgendaClock(run)
        self.queue = QueuePanel(run)
        self.cards = CardsPanel(run)
        self.fairness = FairnessPanel()
        self.projector: ProjectorWindow | None = None
        self.speech: SpeechClient | None = None

        room = QGroupBox(self.tr("The room"))
        self.projector_button = QPushButton(self.tr("Open the projector view (Ctrl+Shift+P)"))
        self.projector_button.clicked.connect(self.toggle_projector)
        self.rules_on_projector = QCheckBox(self.tr("Ground rules on the projector (Ctrl+Shift+G)"))
        self.rules_on_projector.toggled.connect(lambda _on: self.show_board())
        self.announce = QCheckBox(self.tr("Announce aloud: ne&xt speaker and one minute left"))
        self.read_item = QPushButton(self.tr("Read the item aloud (Ctrl+Shift+R)"))
        self.read_item.clicked.connect(self.read_item_aloud)
        self.stop_speaking = QPushButton(self.tr("Stop speaking"))
        self.stop_speaking.clicked.connect(lambda: self.speech.stop() if self.speech is not None else None)
        self.speech_words = QLabel(self.tr("Speech starts when it is first needed."))
        self.speech_words.setWordWrap(True)
        room_layout = QGridLayout(room)
        room_layout.addWidget(self.projector_button, 0, 0)
        room_layout.addWidget(self.rules_on_projector, 0, 1)
        room_layout.addWidget(self.announce, 1, 0)
        room_layout.addWidget(self.read_item, 1, 1)
        room_layout.addWidget(self.stop_speaking, 2, 0)
        room_layout.addWidget(self.speech_words, 3, 0, 1, 2)

        self.room = room
        self.grid = QGridLayout(self)
        self._columns = 0
        self._arrange(2)
        self._connect(run)
        self.refresh()

    def _arrange(self, columns: int) -> None:
        """Two columns when they fit; one (queue under the agenda) at large text or narrow windows."""
        if columns == self._columns:
            return
        self._columns = columns
        for part in (self.agenda, self.queue, self.cards, self.fairness, self.room):
            self.grid.removeWidget(part)
        if columns == 2:
            places = ((self.agenda, 0, 0, 1, 1), (self.queue, 0, 1, 2, 1), (self.cards, 1, 0, 1, 1),
                      (self.fairness, 2, 0, 1, 2), (self.room, 3, 0, 1, 2))
        else:
            places = ((self.agenda, 0, 0, 1, 1), (self.queue, 1, 0, 1, 1), (self.cards, 2, 0, 1, 1),
                      (self.fairness, 3, 0, 1, 1), (self.room, 4, 0, 1, 1))
        for part, row, column, rows, spans in places:
            self.grid.addWidget(part, row, column, rows, spans)
        for column in (0, 1):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        wanted = self.agenda.minimumSizeHint().width() + self.queue.minimumSizeHint().width() + 48
        self._arrange(2 if event.size().width() >= wanted else 1)
        super().resizeEvent(event)

    def keys(self) -> tuple[tuple[str, Callable[[], object]], ...]:
        """The console's keys and what each does; the console view makes them shortcuts."""
        return (
            ("F5", self.queue.call_next), ("F6", lambda: self.run.pause_or_resume()),
            ("F7", lambda: self.run.end_turn()), ("F8", self.queue.focus_who),
            ("F9", lambda: self.run.next_item()), ("Ctrl+Shift+P", self.toggle_projector),
            ("Ctrl+Shift+G", self.rules_on_projector.toggle), ("Ctrl+Shift+R", self.read_item_aloud),
        )

    def _connect(self, run: MeetingRun) -> None:
        run.changed.connect(self.refresh)
        run.tick.connect(self.refresh_clocks)
        run.next_speaker_called.connect(self._announce_next)
        run.one_minute_left.connect(self._announce_one_minute)

    def set_run(self, run: MeetingRun) -> None:
        """Show another meeting (the console's meeting chooser)."""
        for signal in (self.run.changed, self.run.tick, self.run.next_speaker_called, self.run.one_minute_left):
            signal.disconnect()
        self.run = run
        for part in (self.agenda, self.queue, self.cards):
            part.run = run
        self._connect(run)
        self.refresh()

    # -- showing ----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.queue.refresh()
        self.agenda.refresh()
        self.cards.refresh()
        self.show_fairness()
        self.show_board()

    def refresh_clocks(self) -> None:
        self.queue.refresh_clock()
        self.agenda.refresh_clock()
        if self.run.running is not None:
            self.show_fairness()
        self.show_board()

    def show_fairness(self) -> None:
        people = {m: Person(p.display_name, p.role) for m, p in self.run.people.items()}
        self.fairness.show_fairness(self.run.fairness(), people)

    def show_board(self) -> None:
        if self.projector is not None:
            self.projector.show_board(self.run.board(self.rules_on_projector.isChecked()))

    # -- the projector ------------------------------------------------------------------------
    def toggle_projector(self) -> None:
        if self.projector is not None:
            self.projector.close()
            return
        from meetingroom.ui.projector import ProjectorWindow

        self.projector = ProjectorWindow(self.window())  # it takes the screen the console is not on
        self.projector.closed.connect(self._projector_closed)
        self.show_board()
        self.projector.show_on_best_screen()
        self.window().activateWindow()  # the chair's keys stay on the console
        self.projector_button.setText(self.tr("Close the projector view (Ctrl+Shift+P)"))

    def _projector_closed(self) -> None:
        if self.projector is not None:
            self.projector.deleteLater()
        self.projector = None
        self.projector_button.setText(self.tr("Open the projector view (Ctrl+Shift+P)"))

    # -- speech ---------------------------------------------------------------------------
    def _speech(self) -> SpeechClient:
        if self.speech is None:
            self.speech = type(self).make_speech()
            self.speech.setParent(self)
            self.speech.available_changed.connect(self._speech_available)
            self.speech.failed.connect(self.speech_words.setText)
            self.speech.start()
        return self.speech

    def _speech_available(self, available: bool, reason: str) -> None:
        self.speech_words.setText(self.tr("Speech is on.") if available
                                  else self.tr("Speech is off: %1").replace("%1", reason))

    def _announce_next(self, member: Member) -> None:
        if self.announce.isChecked() and member.name:
            self._speech().announce_next_speaker(member)

    def _announce_one_minute(self) -> None:
        if self.announce.isChecked():
            self._speech().announce_one_minute_left()

    def read_item_aloud(self) -> None:
        current = self.run.progress().current
        if current is None:
            self.speech_words.setText(self.tr("No item has started, so there is nothing to read."))
            return
        words = current.item.title
        if current.item.plain_summary:
            words = f"{words}. {current.item.plain_summary}"
        self._speech().say(words)

    def say(self, text: str) -> None:
        """Read any text aloud (the ground rules tab sends its rules here)."""
        self._speech().say(text)

    def close_run(self) -> None:
        if self.projector is not None:
            self.projector.close()
        if self.speech is not None:
            self.speech.close()
        self.run.close()
