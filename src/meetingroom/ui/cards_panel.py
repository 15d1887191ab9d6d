"""Participation cards: one key logs a card, shown at once here and on the projector.

Each card button has a mnemonic (Alt+J jargon, Alt+S slow down, Alt+E can't hear, Alt+B
break needed, Alt+W want to speak). "Who" is optional. Cards on show are listed newest first
with the time and the item; Clear takes the chosen one off the screens (it stays recorded).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meetingroom.domain.conduct import CardKind
from meetingroom.ui.form_fields import buddy
from meetingroom.ui.labels import label
from meetingroom.ui.meeting_run import MeetingRun

KEY = Qt.ItemDataRole.UserRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("CardsPanel", text)


def card_button_text(kind: CardKind) -> str:
    return {
        CardKind.JARGON: _tr("&Jargon"),
        CardKind.SLOW_DOWN: _tr("&Slow down"),
        CardKind.CANT_HEAR: _tr("Can'&t hear"),
        CardKind.BREAK_NEEDED: _tr("&Break needed"),
        CardKind.WANT_TO_SPEAK: _tr("&Want to speak"),
    }[kind]


class CardsPanel(QGroupBox):
    def __init__(self, run: MeetingRun, parent: QWidget | None = None) -> None:
        super().__init__(_tr("Cards"), parent)
        self.run = run
        self.buttons: dict[CardKind, QPushButton] = {}
        grid = QGridLayout()
        for i, kind in enumerate(CardKind):
            button = QPushButton(card_button_text(kind))
            button.setAccessibleName(_tr("Log a card: %1").replace("%1", label(kind)))
            button.clicked.connect(lambda _=False, k=kind: self.hold_up(k))
            grid.addWidget(button, i // 3, i % 3)
            self.buttons[kind] = button
        self.who = QComboBox()
        self.shown = QListWidget()
        self.shown.setAccessibleName(_tr("Cards on show, newest first"))
        self.shown.setTabKeyNavigation(False)
        self.clear_button = QPushButton(_tr("Clear car&d"))
        self.clear_button.clicked.connect(self.clear)
        who_row = QHBoxLayout()
        who_row.addWidget(buddy(_tr("Card held up b&y"), self.who, _tr("Who held the card up (optional)")))
        who_row.addWidget(self.who, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(who_row)
        layout.addWidget(self.shown, 1)
        layout.addWidget(self.clear_button)
        self._people_key: tuple[int, ...] = ()
        self._shown_key: tuple[int, ...] | None = None

    def hold_up(self, kind: CardKind) -> None:
        self.run.hold_up_card(kind, self.who.currentData())
        self.who.setCurrentIndex(0)

    def clear(self) -> None:
        item = self.shown.currentItem()
        if item is not None:
            self.run.clear_card(int(item.data(KEY)))

    def refresh(self) -> None:
        present = tuple(sorted(self.run.present, key=lambda m: self.run.name(m).casefold()))
        if present != self._people_key:
            self._people_key = present
            self.who.blockSignals(True)
            self.who.clear()
            self.who.addItem(_tr("Not noted"), None)
            for member_id in present:
                self.who.addItem(self.run.name(member_id), member_id)
            self.who.blockSignals(False)
        on_show = tuple(reversed(self.run.state.cards_on_show))
        if on_show == self._shown_key:
            return
        self._shown_key = on_show
        row = self.shown.currentRow()
        self.shown.clear()
        for card_id in on_show:
            card = self.run.cards.get(card_id)
            if card is None:
                continue
            words = f"{label(card.kind)} — {card.at:%H:%M}"
            who = self.run.name(card.member_id)
            if who:
                words += f" — {who}"
            entry = QListWidgetItem(words)
            entry.setData(KEY, card_id)
            self.shown.addItem(entry)
        if self.shown.count():
            self.shown.setCurrentRow(min(max(row, 0), self.shown.count() - 1))
        self.clear_button.setEnabled(bool(self.shown.count()))



