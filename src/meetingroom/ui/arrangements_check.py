"""The arrangements check under a meeting's set-up: each line from `arrangements_needed` with
a tick box (stored, undoable), problems at the venue in words with a warning sign, and a
warning when the meeting falls in a time the group avoids."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidgetItem, QStyle, QVBoxLayout, QWidget

from meetingroom.domain.arrangements import Arrangement, arrangements_needed, avoid_time_clashes
from meetingroom.domain.meeting import Meeting, Venue
from meetingroom.domain.people import Member
from meetingroom.store.groups import get_group
from meetingroom.store.meetings import arrangement_done
from meetingroom.ui.avoid_time_dialog import describe_avoid_time
from meetingroom.ui.form_fields import KEY, FittedList, buddy, check_item, is_ticked
from meetingroom.ui.meeting_commands import TickArrangement
from meetingroom.ui.session import WorkspaceSession


class ArrangementsCheck(QGroupBox):
    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Arrangements check"), parent)
        self.session = session
        self._meeting_id: int | None = None
        self.clash = QLabel()
        self.clash.setWordWrap(True)
        self.clash.setStyleSheet("QLabel { font-weight: bold; }")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.arrangements = FittedList(most_lines=40)
        column = QVBoxLayout(self)
        column.addWidget(self.clash)
        column.addWidget(self.summary)
        column.addWidget(buddy(self.tr("&Arrangements to tick off as they are made:"),
                               self.arrangements, self.tr("Arrangements to tick off")))
        column.addWidget(self.arrangements)
        self.arrangements.itemChanged.connect(self._tick)

    def show_for(self, meeting: Meeting, venue: Venue | None, invited: list[Member]) -> None:
        """Check the meeting as it now is: its venue and the members invited to it."""
        assert meeting.id is not None
        self._meeting_id = meeting.id
        group = get_group(self.session.workspace)
        clashes = avoid_time_clashes(meeting, group.times_to_avoid) if group else []
        self.clash.setVisible(bool(clashes))
        self.clash.setText(self.tr("⚠ Warning: this meeting falls in a time the group avoids: %1.")
                           .replace("%1", "; ".join(describe_avoid_time(c) for c in clashes)))
        lines = arrangements_needed(meeting, venue, invited,
                                    max_stretch_minutes=group.max_stretch_minutes if group else None)
        done = arrangement_done(self.session.workspace, meeting.id)
        self._fill(lines, done, {m.id: m.display_name for m in invited if m.id is not None})
        self._summarise(lines, done)

    def _words(self, line: Arrangement, names: dict[int, str]) -> str:
        words = [line.text]
        if line.member_ids:  # names on screen for the organiser; never in the line itself
            words.append(self.tr("For: %1").replace(
                "%1", ", ".join(names[i] for i in line.member_ids if i in names)))
        if line.problem:
            words.append(self.tr("⚠ Problem: %1").replace("%1", line.problem))
        return "\n".join(words)

    def _fill(self, lines: list[Arrangement], done: dict[str, bool], names: dict[int, str]) -> None:
        side = self.arrangements.fontMetrics().height()  # the picture grows with the text
        self.arrangements.setIconSize(QSize(side, side))
        warning = QIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(side, side))
        blank = QPixmap(side, side)
        blank.fill(Qt.GlobalColor.transparent)
        any_problem = any(line.problem for line in lines)
        row = self.arrangements.currentRow()
        with QSignalBlocker(self.arrangements):
            self.arrangements.clear()
            for line in lines:
                item = check_item(self._words(line, names), line.key, done.get(line.key, False))
                if any_problem:  # a blank beside the others keeps every line's words in line
                    item.setIcon(warning if line.problem else QIcon(blank))
                self.arrangements.addItem(item)
            if lines:
                self.arrangements.setCurrentRow(min(max(row, 0), len(lines) - 1))
        self.arrangements.setVisible(bool(lines))

    def _summarise(self, lines: list[Arrangement], done: dict[str, bool]) -> None:
        if not lines:
            self.summary.setText(self.tr("Nothing to arrange: no one invited has a need recorded."))
            return
        ticked = sum(done.get(line.key, False) for line in lines)
        text = self.tr("%1 of %2 arrangements ticked off.").replace("%1", str(ticked)).replace(
            "%2", str(len(lines)))
        problems = sum(bool(line.problem) for line in lines)
        if problems:
            text += " " + self.tr("⚠ %1 with a problem at the venue.").replace("%1", str(problems))
        self.summary.setText(text)

    def _tick(self, item: QListWidgetItem) -> None:
        if self._meeting_id is not None:
            self.session.undo_stack.push(TickArrangement(
                self.session.workspace, self._meeting_id, item.data(KEY), is_ticked(item)))
