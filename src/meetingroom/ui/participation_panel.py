"""A record of participation for one member over a chosen period (meetings attended, roles
taken, contributions made), made in their own format in the background."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from meetingroom.store import members
from meetingroom.ui.form_fields import (
    buddy,
    choices,
    choose,
    date_box,
    form,
    period_of,
    scrolled_page,
)
from meetingroom.ui.job_run import JobRun, ask_folder
from meetingroom.ui.labels import format_label
from meetingroom.ui.session import WorkspaceSession
from meetingroom.ui.views.base import explanation

_TABLES = frozenset({"member"})


def _t(text: str) -> str:
    return QCoreApplication.translate("participation_panel", text)


class ParticipationPanel(QWidget):
    def __init__(self, session: WorkspaceSession, today: date | None = None) -> None:
        super().__init__()
        self.session = session
        self.run: JobRun | None = None
        today = today or date.today()
        layout = scrolled_page(self)
        layout.addWidget(explanation(_t(
            "A record of participation shows what a member has given: the meetings they came to, "
            "the roles they took and what they said. It is made in their own format, for a CV, "
            "a job or a course application.")))
        fields = form()
        self.member = choices([])
        self.member.setEditable(False)
        self.start = date_box(today - timedelta(days=365), _t("From"))
        self.end = date_box(today, _t("Up to and including"))
        self.format = explanation("")
        fields.addRow(buddy(_t("Mem&ber:"), self.member, _t("Member")), self.member)
        fields.addRow(buddy(_t("Startin&g on:"), self.start, _t("From")), self.start)
        fields.addRow(buddy(_t("Up to and includ&ing:"), self.end, _t("Up to and including")), self.end)
        layout.addLayout(fields)
        layout.addWidget(self.format)
        row = QHBoxLayout()
        self.make_button = QPushButton(_t("Ma&ke the record…"))
        row.addWidget(self.make_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.make_button.clicked.connect(self.make)
        self.member.currentIndexChanged.connect(self._show_format)
        session.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, tables: frozenset[str]) -> None:
        if tables & _TABLES:
            self.refresh()

    def refresh(self) -> None:
        chosen = self.member.currentData()
        self.people = {m.id: m for m in members.list_members(self.session.workspace)
                       if m.id is not None and not m.erased}
        self.member.blockSignals(True)
        self.member.clear()
        for member_id, member in sorted(self.people.items(), key=lambda p: p[1].display_name.casefold()):
            self.member.addItem(member.display_name, member_id)
        self.member.blockSignals(False)
        choose(self.member, chosen)
        self.make_button.setEnabled(bool(self.people))
        self._show_format()

    def _show_format(self) -> None:
        member = self.people.get(self.member.currentData())
        self.format.setText(_t("It will be made in: %1.").replace("%1", format_label(member.format_need))
                            if member is not None else "")

    def period(self) -> tuple[date, date]:
        return period_of(self.start, self.end)

    def make(self) -> None:
        folder = ask_folder(self, self.session.path, _t("Choose a folder for the record of participation"))
        if folder is not None:
            self.start_making(folder)

    def start_making(self, folder: Path) -> JobRun | None:
        """Make the chosen member's record for the period into `folder`, in the background."""
        from meetingroom.ui.letters_run import ParticipationRun

        member_id = self.member.currentData()
        if member_id is None:
            return None
        start, end = self.period()
        self.run = ParticipationRun(self, self.session, int(member_id), start, end, folder)
        return self.run
