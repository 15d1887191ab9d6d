"""Feedback letters for one meeting: per invited member their format, when their letter was
made and when and how it was sent. Choosing a member shows their letter's words exactly as
their format gives them, so the facilitator reads each one before marking it sent. Letters
and minutes are made in the background with progress and Stop.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QWidget

from meetingroom.documents.feedback_letter import letter_text
from meetingroom.documents.letters import member_letter
from meetingroom.documents.meeting_record import MeetingRecord, read_meeting_record
from meetingroom.domain.followup import Letter, LetterKind
from meetingroom.domain.papers import Channel
from meetingroom.domain.people import Member
from meetingroom.store.followup import letters
from meetingroom.ui.distribution_panel import SentDialog
from meetingroom.ui.fairness_model import TextTable
from meetingroom.ui.form_fields import scrolled_page
from meetingroom.ui.job_run import JobRun, ask_folder
from meetingroom.ui.labels import format_label, label
from meetingroom.ui.outcome_commands import MarkLettersSent
from meetingroom.ui.session import WorkspaceSession
from meetingroom.ui.views.base import explanation, records_table

_TABLES = frozenset({"letter", "member", "invitation", "meeting", "decision", "action", "contribution",
                     "payment", "attendance", "agenda_item", "group_info"})


def _t(text: str) -> str:
    return QCoreApplication.translate("letters_panel", text)


class LettersModel(TextTable):
    def __init__(self) -> None:
        super().__init__([_t("Member"), _t("Format"), _t("Letter made"), _t("Sent")])
        self.members: list[Member] = []
        self.letters: list[Letter | None] = []

    def set_rows(self, members: list[Member], found: dict[int, Letter]) -> None:
        rows = []
        for member in members:
            letter = found.get(member.id or 0)
            made = f"{letter.made_at:%d %b %Y %H:%M}" if letter else _t("Not made")
            if letter is None or letter.sent_at is None:
                sent = _t("Not sent")
            else:
                channel = label(Channel(letter.channel)).lower() if letter.channel in set(Channel) else letter.channel
                sent = f"{letter.sent_at:%d %b %Y}, {channel}"
            rows.append((member.display_name, format_label(member.format_need), made, sent))
        self.beginResetModel()
        self.members, self.letters = members, [found.get(m.id or 0) for m in members]
        self._rows = rows
        self.endResetModel()


class LettersPanel(QWidget):
    def __init__(self, session: WorkspaceSession, meeting_id: int | None = None) -> None:
        super().__init__()
        self.session = session
        self.meeting_id = meeting_id
        self.record: MeetingRecord | None = None
        self.run: JobRun | None = None
        self.dialog: SentDialog | None = None
        layout = scrolled_page(self)
        layout.addWidget(explanation(_t(
            "Every member gets a letter in their own format: thanks, what was decided, what they "
            "said and what happened because of it, their actions, the next meeting and payments. "
            "Make the letters, read each one here, then mark it sent.")))
        self.summary = explanation("")
        layout.addWidget(self.summary)
        self.model = LettersModel()
        self.table = records_table(_t("Letters to members"), self.model)
        self.table.setMinimumHeight(self.table.fontMetrics().height() * 8)
        caption = QLabel(_t("Letters to mem&bers:"))
        caption.setBuddy(self.table)
        layout.addWidget(caption)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.make_button = QPushButton(_t("Ma&ke letters…"))
        self.mark_button = QPushButton(_t("Mark &sent…"))
        self.minutes_button = QPushButton(_t("Make mi&nutes…"))
        for button in (self.make_button, self.mark_button, self.minutes_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.letter = QPlainTextEdit()
        self.letter.setReadOnly(True)
        self.letter.setTabChangesFocus(True)
        self.letter.setMinimumHeight(self.letter.fontMetrics().height() * 12)
        self.letter_caption = QLabel(_t("&Read the chosen member's letter:"))
        self.letter_caption.setWordWrap(True)
        self.letter_caption.setBuddy(self.letter)
        self.letter.setAccessibleName(_t("The chosen member's letter"))
        layout.addWidget(self.letter_caption)
        layout.addWidget(self.letter, 1)
        self.make_button.clicked.connect(self.make_letters)
        self.mark_button.clicked.connect(self.mark_sent)
        self.minutes_button.clicked.connect(self.make_minutes)
        self.table.selectionModel().currentRowChanged.connect(self._show_letter)
        session.changed.connect(self._on_changed)
        self.refresh()

    def set_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.refresh()

    def _on_changed(self, tables: frozenset[str]) -> None:
        if tables & _TABLES:
            self.refresh()

    def refresh(self) -> None:
        ws = self.session.workspace
        self.record = None
        if self.meeting_id is not None:
            try:
                self.record = read_meeting_record(ws, self.meeting_id)
            except KeyError:
                self.meeting_id = None
        members = list(self.record.snapshot.invited) if self.record is not None else []
        found = {letter.member_id: letter for letter in letters(ws, self.meeting_id, LetterKind.FEEDBACK)} \
            if self.meeting_id is not None else {}
        current = self.table.currentIndex().row()
        self.model.set_rows(members, found)
        for column in range(self.model.columnCount() - 1):
            self.table.resizeColumnToContents(column)  # tens of members, not thousands
        if members:
            self.table.selectRow(min(max(current, 0), len(members) - 1))
        made = sum(1 for m in members if m.id in found)
        sent = sum(1 for m in members if m.id in found and found[m.id or 0].sent_at is not None)
        self.summary.setText(_t("Choose a meeting.") if self.meeting_id is None else
                             _t("Nobody was invited to this meeting.") if not members else
                             _t("%1 of %2 letters made; %3 sent.").replace("%1", str(made))
                             .replace("%2", str(len(members))).replace("%3", str(sent)))
        for button in (self.make_button, self.minutes_button):
            button.setEnabled(bool(members))
        self.mark_button.setEnabled(made > 0)
        self._show_letter()

    def chosen_members(self) -> list[Member]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.members[row] for row in rows]

    def _show_letter(self) -> None:
        row = self.table.currentIndex().row()
        if self.record is None or not 0 <= row < len(self.model.members):
            self.letter.setPlainText("")
            self.letter_caption.setText(_t("&Read the chosen member's letter:"))
            return
        member = self.model.members[row]
        document, profile = member_letter(self.record, member)  # exactly as the file will say it
        self.letter_caption.setText(_t("&Read %1's letter (%2):").replace("%1", member.display_name)
                                    .replace("%2", format_label(member.format_need)))
        self.letter.setPlainText(letter_text(document, profile))

    # -- making and sending ------------------------------------------------------------------------
    def make_letters(self) -> None:
        if self.meeting_id is None:
            return
        folder = ask_folder(self, self.session.path, _t("Choose a folder for the letters"))
        if folder is not None:
            self.start_letters(folder)

    def start_letters(self, folder: Path, member_ids: list[int] | None = None) -> JobRun:
        """Every invited member's letter (or just these members'), in the background."""
        from meetingroom.ui.letters_run import LettersRun

        assert self.meeting_id is not None
        self.run = LettersRun(self, self.session, self.meeting_id, folder, member_ids)
        return self.run

    def make_minutes(self) -> None:
        from meetingroom.ui.letters_run import MinutesRun

        if self.meeting_id is None:
            return
        folder = ask_folder(self, self.session.path, _t("Choose a folder for the minutes"))
        if folder is not None:
            self.run = MinutesRun(self, self.session, self.meeting_id, folder)

    def mark_sent(self) -> None:
        chosen = self.chosen_members()
        letters_ = [self.model.letters[self.model.members.index(m)] for m in chosen]
        ready = [letter for letter in letters_ if letter is not None]
        if not ready:
            return
        count = len(ready)
        dialog = SentDialog(
            _t("Mark letter sent") if count == 1 else _t("Mark %1 letters sent").replace("%1", str(count)),
            _t("Record that the chosen member's letter went out.") if count == 1 else
            _t("Record that the letters of the %1 chosen members went out.").replace("%1", str(count)), self)
        dialog.accepted.connect(lambda: self._record_sent(ready, dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _record_sent(self, ready: list[Letter], dialog: SentDialog) -> None:
        channel, when = dialog.chosen()
        self.session.undo_stack.push(MarkLettersSent(self.session.workspace, ready, when, channel.value))
