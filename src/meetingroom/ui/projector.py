"""The projector view: a second window that shows the room what is happening now, in very large
type and a high-contrast theme whatever the app's own theme is.

It only draws a `Board` snapshot made by the console. `show_board` is called every second, so
it sets label texts only; widgets are rebuilt only when the cards or ground rules on show
change, and the type is re-fitted to the window only when something other than a clock changes.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QResizeEvent,
    QScreen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from meetingroom.domain.board import Board
from meetingroom.domain.conduct import TurnMode
from meetingroom.themes import load_theme
from meetingroom.ui.labels import label
from meetingroom.ui.projector_parts import (
    STYLE,
    CardTile,
    Clock,
    RuleRow,
    add_shown,
    empty_grid,
    fit_type,
    text_label,
    tr,
)
from meetingroom.ui.styling import HIGH_CONTRAST_DARK, theme_palette

WINDOW_SHARE = 0.8  # of the only screen, when there is no second screen to fill


class ProjectorWindow(QWidget):
    """A top-level window that draws `Board`s for the room; `closed` when it is closed."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(tr("MeetingRoom — projector"))
        self.setAccessibleName(tr("Projector view"))
        self._description = ""
        self._set_description(())
        # Showing it on the projector must not take the keyboard away from the console.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self._apply_theme()
        for keys in (QKeySequence(Qt.Key.Key_Escape), QKeySequence("Ctrl+W")):
            QShortcut(keys, self, self.close)

        self.meeting_title = text_label("title")
        self.item = text_label("item")
        self.item_clock = Clock(tr("Time left for this item"))
        self.break_heading = text_label("break", tr("Break"))
        self.break_clock = Clock(tr("Time left for the break"), "break-figures", "break-words")
        self.speaker_box = QFrame()
        self.speaker_box.setObjectName("speaker")
        self.speaker_box.setAccessibleName(tr("Speaking now"))
        self.speaker_caption = text_label("detail", tr("Speaking now:"))
        self.speaker = text_label("speaker")
        self.speaker_detail = text_label("detail")
        self.speaker_clock = Clock(tr("Time left for this turn"))
        speaker_layout = QVBoxLayout(self.speaker_box)
        speaker_layout.setSpacing(0)
        for widget in (self.speaker_caption, self.speaker, self.speaker_detail, self.speaker_clock):
            speaker_layout.addWidget(widget)
        self.next_names = text_label("next")
        self.cards = QWidget()
        self.cards.setAccessibleName(tr("Cards on show"))
        self.cards_grid = QGridLayout(self.cards)
        self.cards_grid.setContentsMargins(0, 0, 0, 0)
        self.rules = QWidget()
        self.rules.setAccessibleName(tr("Our ground rules"))
        self.rules_grid = QGridLayout(self.rules)
        self.rules_grid.setContentsMargins(0, 0, 0, 0)

        self.content = QWidget()
        self.content.setObjectName("projectorContent")
        self.content_layout = QVBoxLayout(self.content)
        for widget in (self.meeting_title, self.item, self.item_clock, self.break_heading,
                       self.break_clock, self.speaker_box, self.next_names, self.cards, self.rules):
            self.content_layout.addWidget(widget)
        self.content_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("projectorScroll")
        self.scroll.setAccessibleName(tr("What the room sees"))
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)

        self._shape: tuple[object, ...] | None = None
        self._cards_key: tuple[object, ...] | None = None
        self._rules_key: tuple[object, ...] | None = None
        self._fitting = False
        self._scale: float | None = None
        self.show_board(Board(meeting_title=""))

    # What the room sees

    def show_board(self, board: Board) -> None:
        """Draw `board`: clock texts only, unless something else on it changed."""
        if board.item_seconds_left is not None:
            self.item_clock.show_time(board.item_seconds_left)
        if board.break_seconds_left is not None:
            self.break_clock.show_time(board.break_seconds_left)
        if board.speaker is not None:
            self.speaker_clock.show_time(board.speaker.seconds_left, board.speaker.paused)
        shape = self._shape_of(board)
        if shape != self._shape:
            self._shape = shape
            self._show_shape(board)
            self._fit()
        self._set_description(tuple(
            what for what, clock in ((tr("The item"), self.item_clock),
                                     (tr("The break"), self.break_clock),
                                     (tr("The speaker's turn"), self.speaker_clock))
            if clock.isVisibleTo(self) and clock.over))

    @staticmethod
    def _shape_of(board: Board) -> tuple[object, ...]:
        """Everything on the board but the clocks' times (which change every second)."""
        speaker = board.speaker
        return (board.meeting_title, board.item_title, board.item_number, board.item_count,
                board.item_seconds_left is None, board.break_seconds_left is None,
                speaker and (speaker.name, speaker.mode, speaker.spoken_by), board.next_names,
                tuple(card.kind for card in board.cards),
                board.show_ground_rules and board.ground_rules)

    def _show_shape(self, board: Board) -> None:
        on_break = board.break_seconds_left is not None
        self.meeting_title.setText(board.meeting_title)
        self.meeting_title.setVisible(bool(board.meeting_title))
        if board.item_number and board.item_count:
            item = tr("Item %1 of %2: %3").replace("%1", str(board.item_number)).replace(
                "%2", str(board.item_count)).replace("%3", board.item_title)
        else:
            item = board.item_title
        self.item.setText(item)
        self.item.setVisible(bool(item))
        self.item_clock.setVisible(board.item_seconds_left is not None and not on_break)
        self.break_heading.setVisible(on_break)
        self.break_clock.setVisible(on_break)
        speaker = board.speaker
        self.speaker_box.setVisible(speaker is not None and not on_break)
        if speaker is not None:
            self.speaker.setText(speaker.name)
            detail = []
            if speaker.spoken_by:
                detail.append(tr("(%1 speaking for %2)").replace("%1", speaker.spoken_by).replace(
                    "%2", speaker.name))
            if speaker.mode is not TurnMode.SPOKEN:
                detail.append(label(speaker.mode))
            self.speaker_detail.setText(" · ".join(detail))
            self.speaker_detail.setVisible(bool(detail))
        self.next_names.setText(tr("Next: %1").replace("%1", ", ".join(board.next_names)))
        self.next_names.setVisible(bool(board.next_names) and not on_break)
        self._show_cards(board)
        self._show_rules(board)

    def _show_cards(self, board: Board) -> None:
        counts = Counter(card.kind for card in board.cards)
        kinds = tuple(dict.fromkeys(card.kind for card in board.cards))  # newest first
        key = tuple((kind, counts[kind]) for kind in kinds)
        if key == self._cards_key:
            return
        self._cards_key = key
        empty_grid(self.cards_grid)
        for index, (kind, count) in enumerate(key):
            add_shown(self.cards_grid, CardTile(kind, count), index // 3, index % 3)
        self.cards.setVisible(bool(key))

    def _show_rules(self, board: Board) -> None:
        rules = board.ground_rules if board.show_ground_rules else ()
        key = tuple((rule.text, rule.easy_read_text, rule.picture) for rule in rules)
        if key == self._rules_key:
            return
        self._rules_key = key
        empty_grid(self.rules_grid)
        if rules:
            add_shown(self.rules_grid, text_label("heading", tr("Our ground rules")), 0, 0, 2)
        columns = 2 if len(rules) > 2 else 1
        for index, rule in enumerate(rules):
            add_shown(self.rules_grid, RuleRow(rule), 1 + index // columns, index % columns)
        self.rules.setVisible(bool(rules))

    def _set_description(self, over: tuple[str, ...]) -> None:
        """Say in words what has run over, for screen readers (UI6); changed only when it does."""
        text = tr("The meeting as the room sees it.")
        if over:
            text += " " + tr("Over time: %1.").replace("%1", ", ".join(over))
        if text != self._description:
            self._description = text
            self.setAccessibleDescription(text)

    # Type that fills the window without clipping

    def _fit(self) -> None:
        if not self._fitting:  # sizing labels can send events that would fit again
            self._fitting = True
            try:
                self._scale = fit_type(self.content, self.width(), self.height(),
                                       self.logicalDpiY(), self._scale)
            finally:
                self._fitting = False

    # The window itself

    def show_on_best_screen(self) -> None:
        """Full screen on a screen other than the main window's, else a large normal window."""
        main = self._main_screen()
        if self.isVisible():
            self.raise_()  # already open, perhaps behind the main window
        others = [screen for screen in QGuiApplication.screens() if screen is not main]
        if others:
            screen = max(others, key=lambda s: s.geometry().width() * s.geometry().height())
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            area = main.availableGeometry()
            width, height = round(area.width() * WINDOW_SHARE), round(area.height() * WINDOW_SHARE)
            self.setScreen(main)
            self.showNormal()
            self.setGeometry(area.x() + (area.width() - width) // 2,
                             area.y() + (area.height() - height) // 2, width, height)

    def _main_screen(self) -> QScreen:
        owner = self.parentWidget()
        if owner is not None:
            return owner.window().screen()
        active = QApplication.activeWindow()
        if active is not None and active is not self:
            return active.screen()
        return QGuiApplication.primaryScreen()

    def _apply_theme(self) -> None:
        self._styled_pt = self.font().pointSizeF()
        theme = load_theme(HIGH_CONTRAST_DARK)
        projector = dataclasses.replace(theme, stylesheet_template=theme.stylesheet_template + STYLE)
        self.setPalette(theme_palette(theme))
        self.setStyleSheet(projector.stylesheet(self._styled_pt))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._styled_pt != self.font().pointSizeF():
            self._apply_theme()  # the app's text scale changed: follow it
            self._fit()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()
