"""Importing members from a spreadsheet and exporting them to one, from the UI.

The dialog shows what a file would do (people to add and update) and every bad row with its
number and reason; nothing is written until the person presses "Import N good rows". The
import is one undoable command.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QStandardPaths,
    Qt,
    QTimer,
)
from PySide6.QtGui import QGuiApplication, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meetingroom.store import Workspace
from meetingroom.store.member_csv import (
    BadRow,
    ImportPlan,
    MemberCsvError,
    apply_import,
    plan_import,
    read_member_file,
    undo_import,
    write_member_file,
)
from meetingroom.ui.session import WorkspaceSession

Index = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate("MemberImport", text)


class ImportMembers(QUndoCommand):
    """Adds and updates the people of an import plan; undo removes and restores them."""

    def __init__(self, workspace: Workspace, plan: ImportPlan, file_name: str) -> None:
        super().__init__(_t("Import members from %1").replace("%1", file_name))
        self._workspace = workspace
        self._plan = plan
        self.done = False  # set once applied, so the stack's first redo does not apply it twice

    def redo(self) -> None:
        if self.done:
            self.done = False
            return
        apply_import(self._workspace, self._plan)

    def undo(self) -> None:
        undo_import(self._workspace, self._plan)


class BadRowModel(QAbstractTableModel):
    """The rows of a file that cannot be imported: row number and reason."""

    def __init__(self, bad: list[BadRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bad = bad
        self._headers = [self.tr("Row"), self.tr("Problem")]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._bad)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        bad = self._bad[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(bad.row) if index.column() == 0 else bad.reason
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("Row %1").replace("%1", str(bad.row)) if index.column() == 0 else bad.reason
        return None


class MemberImportDialog(QDialog):
    def __init__(self, plan: ImportPlan, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("Import members from %1").replace("%1", file_name))
        layout = QVBoxLayout(self)
        good = len(plan.good_rows)
        self.summary = QLabel(self._summary(file_name))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setObjectName("warning")
        self.bad_rows = QTableView()
        self.bad_rows.setAccessibleName(self.tr("Rows with problems"))
        self.bad_rows.setModel(BadRowModel(plan.bad, self))
        self.bad_rows.setTabKeyNavigation(False)
        self.bad_rows.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.bad_rows.setWordWrap(True)
        self.bad_rows.verticalHeader().setVisible(False)
        header = self.bad_rows.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self._fit_rows.start())
        self._fit_rows = QTimer(self, singleShot=True, interval=50)  # once a resize settles
        self._fit_rows.timeout.connect(self.bad_rows.resizeRowsToContents)
        self.table_label = QLabel(self.tr("&Rows with problems:"))
        self.table_label.setBuddy(self.bad_rows)
        self.table_label.setWordWrap(True)
        if plan.bad:
            self.problems.setText(self._problems_text(len(plan.bad), good))
            layout.addWidget(self.problems)
            layout.addWidget(self.table_label)
            layout.addWidget(self.bad_rows, 1)
        else:
            self.bad_rows.hide()
            self.table_label.hide()
            self.problems.hide()
            layout.addStretch(1)

        self.buttons = QDialogButtonBox()
        text = self.tr("&Import 1 good row") if good == 1 else self.tr("&Import %1 good rows").replace("%1", str(good))
        self.import_button = QPushButton(text)
        self.import_button.setEnabled(bool(plan.to_add or plan.to_update))
        self.import_button.setDefault(self.import_button.isEnabled())
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        room = self.screen().availableGeometry().size()
        wanted = QSize(int(room.width() * 0.6), int(room.height() * 0.75))
        self.resize(self.sizeHint().expandedTo(wanted).boundedTo(room))

    def _summary(self, file_name: str) -> str:
        plan = self.plan
        if not plan.good_rows:
            return self.tr("No row of “%1” can be imported.").replace("%1", file_name)
        text = self.tr("From “%1”: %2 to add, %3 to update, %4 already up to date.")
        return (text.replace("%1", file_name).replace("%2", _people(len(plan.to_add)))
                .replace("%3", _people(len(plan.to_update))).replace("%4", _people(plan.unchanged)))

    def _problems_text(self, bad: int, good: int) -> str:
        rows = self.tr("1 row has a problem") if bad == 1 else self.tr("%1 rows have problems").replace("%1", str(bad))
        if good:
            return rows + " " + self.tr("and will not be imported. Fix the file and import it "
                                        "again, or import the good rows now.")
        return rows + ". " + self.tr("Fix the file and import it again.")

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.bad_rows.resizeRowsToContents()
        (self.bad_rows if self.plan.bad else self.import_button if self.import_button.isEnabled()
         else self.cancel_button).setFocus()


def _people(count: int) -> str:
    return _t("1 person") if count == 1 else _t("%1 people").replace("%1", str(count))


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


def _tell(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Close, parent)
    box.open()
    return box


def import_members(parent: QWidget, session: WorkspaceSession, path: Path | None = None) -> QDialog | None:
    """Ask for a file if none is given, show what importing it would do, import on acceptance.

    Returns the dialog or message it opened (both window-modal), or None if the person
    chose no file.
    """
    title = _t("Import members")
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            parent, _t("Import members from a spreadsheet"), _documents(),
            _t("CSV files (*.csv *.txt);;All files (*)"))
        if not chosen:
            return None
        path = Path(chosen)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        plan = plan_import(session.workspace, read_member_file(path))
    except MemberCsvError as error:
        return _tell(parent, QMessageBox.Icon.Warning, title,
                     _t("MeetingRoom cannot import “%1”: %2. Nothing has been imported.")
                     .replace("%1", path.name).replace("%2", error.reason))
    finally:
        QGuiApplication.restoreOverrideCursor()
    dialog = MemberImportDialog(plan, path.name, parent)
    dialog.accepted.connect(lambda: _accept(parent, session, plan, path.name))
    dialog.open()
    return dialog


def _accept(parent: QWidget, session: WorkspaceSession, plan: ImportPlan, file_name: str) -> None:
    command = ImportMembers(session.workspace, plan, file_name)
    try:
        apply_import(session.workspace, plan)  # here, so a failure is told and nothing is pushed
    except sqlite3.Error:
        _tell(parent, QMessageBox.Icon.Warning, _t("Import members"),
              _t("The workspace could not be changed, so nothing has been imported."))
        return
    command.done = True
    session.undo_stack.push(command)


def export_members(parent: QWidget, session: WorkspaceSession, path: Path | None = None) -> QMessageBox | None:
    """Write every member to a CSV file (asking where if no path is given) and say so."""
    title = _t("Export members")
    if path is None:
        suggested = Path(_documents()) / f"{session.name}-members.csv"
        chosen, _ = QFileDialog.getSaveFileName(parent, _t("Export members to a spreadsheet"),
                                                str(suggested), _t("CSV files (*.csv)"))
        if not chosen:
            return None
        path = Path(chosen) if Path(chosen).suffix else Path(chosen).with_suffix(".csv")
    try:
        count = write_member_file(session.workspace, path)
    except OSError as error:
        return _tell(parent, QMessageBox.Icon.Warning, title,
                     _t("MeetingRoom cannot write “%1”: %2.").replace("%1", path.name)
                     .replace("%2", str(error.strerror or error)))
    people = _t("1 member") if count == 1 else _t("%1 members").replace("%1", str(count))
    return _tell(parent, QMessageBox.Icon.Information, title, _t(
        "%1 written to “%2”. The file holds personal details: keep it safe, and delete it when "
        "it is no longer needed.").replace("%1", people).replace("%2", str(path)))
