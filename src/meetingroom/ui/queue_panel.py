"""The speaking queue at the table: who is speaking, their countdown, and the raised hands.

Keyboard first: F5 calls the next speaker, F6 pauses or resumes the turn, F7 ends it, and F8
goes to "Who" — pick a name by typing its first letters, press Return, and their hand is up.
Delete on the queue lowers the chosen hand. Time left is in figures and words (UI6).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meetingroom.domain.conduct import SpeakingTurn, TurnKind, TurnMode
from meetingroom.domain.speaking_queue import is_paused, time_left
from meetingroom.ui import clock_words
from meetingroom.ui.form_fields import buddy, choices
from meetingroom.ui.labels import label
from meetingroom.ui.meeting_run import MeetingRun

_Index = QModelIndex | QPersistentModelIndex


class QueueModel(QAbstractListModel):
    """The raised hands as lines of text, first speaker first; the member id is the UserRole."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, int]] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        text, member_id = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        if role == Qt.ItemDataRole.UserRole:
            return member_id
        return None

    def set_rows(self, rows: list[tuple[str, int]]) -> None:
        if len(rows) != len(self._rows):
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
        elif rows != self._rows:
            self._rows = rows
            self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))


def hand_words(position: int, name: str, hand: SpeakingTurn, spoken_by: str) -> str:
    words = f"{position}. {name}"
    extras = [label(hand.kind)] if hand.kind is not TurnKind.CONTRIBUTION else []
    if hand.mode is not TurnMode.SPOKEN:
        extras.append(label(hand.mode))
    if spoken_by:
        extras.append(QCoreApplication.translate("QueuePanel", "%1 speaking for them").replace("%1", spoken_by))
    return f"{words} ({', '.join(extras)})" if extras else words


class QueuePanel(QGroupBox):
    def __init__(self, run: MeetingRun, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Speaking queue"), parent)
        self.run = run
        self.speaker = QLabel()
        self.speaker.setObjectName("speakerName")
        self.speaker.setWordWrap(True)
        self.countdown = QLabel()
        self.countdown.setWordWrap(True)
        self.next_button = QPushButton(self.tr("Next speaker (F5)"))
        self.pause_button = QPushButton(self.tr("Pause (F6)"))
        self.end_button = QPushButton(self.tr("End turn (F7)"))
        self.next_button.clicked.connect(self.call_next)
        self.pause_button.clicked.connect(lambda: self.run.pause_or_resume())
        self.end_button.clicked.connect(lambda: self.run.end_turn())
        buttons = QHBoxLayout()
        for button in (self.next_button, self.pause_button, self.end_button):
            buttons.addWidget(button)

        self.who = QComboBox()
        self.who.installEventFilter(self)
        self.kind = choices([(label(k), k) for k in TurnKind])
        self.mode = choices([(label(m), m) for m in TurnMode])
        self.spoken_by = QComboBox()
        self.raise_button = QPushButton(self.tr("&Raise hand"))
        self.raise_button.clicked.connect(self.raise_hand)
        form = QGridLayout()
        form.addWidget(buddy(self.tr("Who (F8)"), self.who, self.tr("Who wants to speak")), 0, 0)
        form.addWidget(self.who, 0, 1)
        form.addWidget(buddy(self.tr("Ki&nd"), self.kind, self.tr("Kind of turn")), 1, 0)
        form.addWidget(self.kind, 1, 1)
        form.addWidget(buddy(self.tr("H&ow"), self.mode, self.tr("How they will speak")), 2, 0)
        form.addWidget(self.mode, 2, 1)
        form.addWidget(buddy(self.tr("S&poken by"), self.spoken_by,
                             self.tr("Supporter or interpreter speaking for them")), 3, 0)
        form.addWidget(self.spoken_by, 3, 1)
        form.addWidget(self.raise_button, 4, 1)
        form.setColumnStretch(1, 1)

        self.model = QueueModel(self)
        self.hands = QListView()
        self.hands.setModel(self.model)
        self.hands.setAccessibleName(self.tr("Raised hands, next speaker first"))
        self.hands.setAccessibleDescription(self.tr("Delete lowers the chosen hand"))
        self.hands.setUniformItemSizes(True)
        self.hands.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hands.installEventFilter(self)
        self.lower_button = QPushButton(self.tr("&Lower hand"))
        self.lower_button.clicked.connect(self.lower_hand)
        self.waiting_words = QLabel()
        self.waiting_words.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.speaker)
        layout.addWidget(self.countdown)
        layout.addLayout(buttons)
        layout.addLayout(form)
        layout.addWidget(self.waiting_words)
        layout.addWidget(self.hands, 1)
        layout.addWidget(self.lower_button)
        self._people_key: tuple[int, ...] = ()

    # -- actions ------------------------------------------------------------------------
    def call_next(self) -> None:
        self.run.next_speaker()

    def raise_hand(self) -> None:
        member_id = self.who.currentData()
        if member_id is None:
            return
        if member_id in self.run.queue:
            self.waiting_words.setText(self.tr("%1's hand is already up.").replace(
                "%1", self.run.name(member_id)))
            return
        kind, mode = TurnKind(self.kind.currentData()), TurnMode(self.mode.currentData())
        self.run.raise_hand(member_id, kind, mode, self.spoken_by.currentData())
        self.kind.setCurrentIndex(0)
        self.mode.setCurrentIndex(0)
        self.spoken_by.setCurrentIndex(0)

    def lower_hand(self) -> None:
        index = self.hands.currentIndex()
        if index.isValid():
            row = index.row()
            self.run.lower_hand(int(index.data(Qt.ItemDataRole.UserRole)))
            if self.model.rowCount():
                self.hands.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1)))

    def focus_who(self) -> None:
        self.who.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.who and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.raise_hand()
                return True
            if watched is self.hands and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.lower_hand()
                return True
        return super().eventFilter(watched, event)

    # -- showing ------------------------------------------------------------------------
    def refresh_people(self) -> None:
        """The Who and Spoken-by lists: the people present, by name."""
        present = sorted(self.run.present, key=lambda m: self.run.name(m).casefold())
        key = tuple(present)
        if key == self._people_key:
            return
        self._people_key = key
        for box, blank in ((self.who, ""), (self.spoken_by, self.tr("Nobody: they speak for themselves"))):
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            if blank:
                box.addItem(blank, None)
            for member_id in present:
                box.addItem(self.run.name(member_id), member_id)
            box.setCurrentIndex(max(0, box.findData(chosen)))
            box.blockSignals(False)
        self.raise_button.setEnabled(bool(present))

    def refresh(self) -> None:
        self.refresh_people()
        self.refresh_clock()
        now = self.run.now()
        hands = self.run.queue.waiting(now)
        self.model.set_rows([
            (hand_words(i, self.run.name(h.member_id), h, self.run.name(h.speaker_id)), h.member_id)
            for i, h in enumerate(hands, start=1)])
        if hands:
            self.waiting_words.setText(self.tr("%1 waiting to speak.").replace("%1", str(len(hands))))
        else:
            self.waiting_words.setText(self.tr("Nobody is waiting to speak."))
        self.next_button.setEnabled(bool(hands) or self.run.running is not None)
        self.lower_button.setEnabled(bool(hands))

    def refresh_clock(self) -> None:
        turn = self.run.running
        self.pause_button.setEnabled(turn is not None)
        self.end_button.setEnabled(turn is not None)
        if turn is None:
            self.speaker.setText(self.tr("Nobody is speaking."))
            self.countdown.setText("")
            clock_words.mark_over(self.countdown, False)
            self.pause_button.setText(self.tr("Pause (F6)"))
            return
        name = self.run.name(turn.member_id)
        if turn.speaker_id is not None:
            name = self.tr("%1 (%2 speaking for them)").replace("%1", name).replace(
                "%2", self.run.name(turn.speaker_id))
        if turn.mode is not TurnMode.SPOKEN:
            name = f"{name} — {label(turn.mode)}"
        self.speaker.setText(self.tr("Speaking: %1").replace("%1", name))
        left = time_left(turn, self.run.group.turn_seconds, self.run.now())
        paused = is_paused(turn)
        words = f"{clock_words.figures(left)} — {clock_words.left_or_over(left)}"
        if paused:
            words = self.tr("Paused. %1").replace("%1", words)
        self.countdown.setText(words)
        clock_words.mark_over(self.countdown, clock_words.is_over(left))
        self.pause_button.setText(self.tr("Resume (F6)") if paused else self.tr("Pause (F6)"))
