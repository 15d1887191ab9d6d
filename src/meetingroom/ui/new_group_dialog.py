"""Asks for a new group's name and where its workspace file goes."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meetingroom import paths


def file_name_for(group_name: str) -> str:
    slug = re.sub(r"[^\w]+", "-", group_name.strip().lower(), flags=re.UNICODE).strip("-")
    return (slug or "group") + paths.WORKSPACE_SUFFIX


class NewGroupDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start a new group"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Group name"))
        name_label = QLabel(self.tr("Group &name:"))
        name_label.setBuddy(self.name)
        form.addRow(name_label, self.name)

        self.location = QLineEdit()
        self.location.setAccessibleName(self.tr("Workspace file"))
        self.browse = QPushButton(self.tr("&Choose…"))
        self.browse.setAccessibleName(self.tr("Choose where to save the workspace file"))
        where = QHBoxLayout()
        where.addWidget(self.location, 1)
        where.addWidget(self.browse)
        location_label = QLabel(self.tr("Workspace &file:"))
        location_label.setBuddy(self.location)
        form.addRow(location_label, where)
        layout.addLayout(form)

        self.problem = QLabel()
        self.problem.setObjectName("warning")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create group"))
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._check_and_accept)
        self.buttons.rejected.connect(self.reject)
        self.browse.clicked.connect(self._choose)
        self.name.textEdited.connect(self._suggest_location)
        self._location_edited = False
        self.location.textEdited.connect(lambda _text: setattr(self, "_location_edited", True))
        self._suggest_location("")

    def _suggest_location(self, name: str) -> None:
        if not self._location_edited:
            self.location.setText(str(paths.data_dir() / file_name_for(name)))

    def _choose(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the workspace as"), self.location.text(),
            self.tr("MeetingRoom workspaces (*.meetingroom)"))
        if chosen:
            self._location_edited = True
            self.location.setText(chosen)

    def path(self) -> Path:
        return Path(self.location.text().strip()).expanduser()

    def _check_and_accept(self) -> None:
        if not self.name.text().strip():
            self._show_problem(self.tr("Please give the group a name."), self.name)
        elif not self.location.text().strip():
            self._show_problem(self.tr("Please choose where to save the workspace."), self.location)
        elif self.path().exists():
            self._show_problem(self.tr("A file with that name already exists. Choose another."),
                               self.location)
        else:
            self.accept()

    def _show_problem(self, text: str, focus: QWidget) -> None:
        self.problem.setText(text)
        self.problem.show()
        focus.setFocus()
