"""The members panel: find, sort, add, edit and deactivate members; export or erase one person.

Every change goes through an undoable command on the session's stack, except erasure, which
cannot be undone and so clears the undo history (undoing an earlier edit would bring the
person's details back).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meetingroom.domain.people import Member
from meetingroom.ui.member_commands import AddMember, EditMember, SetMemberActive
from meetingroom.ui.member_filter import MemberFilter
from meetingroom.ui.member_filter_bar import FlowLayout, MemberFilterBar
from meetingroom.ui.member_model import MemberTableModel
from meetingroom.ui.session import WorkspaceSession

if TYPE_CHECKING:  # the editor, export and erasure load when first used: a quick start
    from meetingroom.ui.member_editor import MemberEditor

SIZING_SAMPLE_ROWS = 50


class MembersPanel(QWidget):
    """The members table with its filters and the buttons that act on the chosen person."""

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.editor: MemberEditor | None = None
        self.confirmation: QMessageBox | None = None
        self.model = MemberTableModel(session)
        self.proxy = MemberFilter(self.model, self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # At 200% text in a small window everything cannot fit: the panel scrolls as a whole
        # rather than squeezing its filters or buttons until they are clipped.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer.addWidget(scroll)
        inside = QWidget()
        scroll.setWidget(inside)
        layout = QVBoxLayout(inside)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filters = MemberFilterBar(self.proxy, [
            str(self.model.headerData(c, Qt.Orientation.Horizontal)) for c in range(self.model.columnCount())])
        layout.addWidget(self.filters)
        # The filter controls, by the names tests and the lead's view may use.
        self.search = self.filters.search
        self.role_filter, self.format_filter = self.filters.role_filter, self.filters.format_filter
        self.need_filter, self.activity_filter = self.filters.need_filter, self.filters.activity_filter
        self.sort_column, self.sort_order = self.filters.sort_column, self.filters.sort_order

        self.table = self._table()
        self.count = QLabel()  # "Members: showing 5 of 13", the table's label
        self.count.setWordWrap(True)
        self.count.setBuddy(self.table)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._buttons())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)

        self.table.activated.connect(lambda _index: self.edit_member())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.horizontalHeader().sortIndicatorChanged.connect(self.filters.show_sort)
        self.filters.sort_chosen.connect(self.table.sortByColumn)
        self.proxy.modelAboutToBeReset.connect(self._remember_current)
        self.proxy.modelReset.connect(self._restore_current)
        self._current_id: int | None = None
        self._fit_table()
        self._show_count()
        self._update_buttons()

    # -- building --------------------------------------------------------------------------

    def _table(self) -> QTableView:
        """One person per row, chosen whole; Tab leaves the table; columns sized once from a sample.

        (Not `views.base.records_table`: the views package imports this panel.)
        """
        table = QTableView()
        table.setAccessibleName(self.tr("Members"))
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(SIZING_SAMPLE_ROWS)
        header.setStretchLastSection(True)
        table.resizeColumnsToContents()
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        return table

    def _buttons(self) -> QWidget:
        self.add_button = QPushButton(self.tr("&Add member…"))
        self.edit_button = QPushButton(self.tr("Ed&it member…"))
        self.active_button = QPushButton(self.tr("Deac&tivate"))
        self.export_button = QPushButton(self.tr("E&xport this person's data…"))
        self.remove_button = QPushButton(self.tr("Remove this &person…"))
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(self.edit_member)
        self.active_button.clicked.connect(self.toggle_active)
        self.export_button.clicked.connect(self.choose_export_file)
        self.remove_button.clicked.connect(self.ask_to_remove)
        row = QWidget()
        self._button_flow = FlowLayout(row)  # the buttons wrap onto more lines when text is large
        self.add_buttons(self.add_button, self.edit_button, self.active_button, self.export_button,
                         self.remove_button)
        return row

    def add_buttons(self, *buttons: QPushButton) -> None:
        """Put more buttons (such as import and export) in the panel's own row, after its own."""
        for button in buttons:
            self._button_flow.addWidget(button)

    def _fit_table(self) -> None:
        """Room for at least six rows at the current text size."""
        rows = self.table.verticalHeader().defaultSectionSize() * 6
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setMinimumHeight(rows + header + 2 * self.table.frameWidth())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_table()

    # -- filters, sorting and the chosen person --------------------------------------------

    def current_member(self) -> Member | None:
        """The chosen (selected) member, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.member(rows[0].row()) if rows else None

    def select_member(self, member_id: int) -> bool:
        """Make this member the chosen row; False when the filters hide them."""
        row = self.proxy.row_of(member_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.proxy.index(row, 0))
        self.table.scrollTo(self.proxy.index(row, 0))
        return True

    def _remember_current(self) -> None:
        member = self.current_member()
        self._current_id = member.id if member is not None else None

    def _restore_current(self) -> None:
        if self._current_id is not None:
            self.select_member(self._current_id)
        self._show_count()
        self._update_buttons()

    def _show_count(self) -> None:
        self.count.setText(self.tr("Mem&bers: showing %1 of %2.")
                           .replace("%1", str(self.proxy.rowCount()))
                           .replace("%2", str(self.model.rowCount())))

    def _update_buttons(self) -> None:
        member = self.current_member()
        usable = member is not None and not member.erased
        for button in (self.edit_button, self.active_button, self.export_button, self.remove_button):
            button.setEnabled(usable)
        active = member is None or member.active
        self.active_button.setText(self.tr("Deac&tivate") if active else self.tr("Reac&tivate"))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- adding, editing, deactivating -----------------------------------------------------

    def _open_editor(self, member: Member | None) -> MemberEditor:
        from meetingroom.ui.member_editor import MemberEditor

        editor = MemberEditor(member, self)
        self.editor = editor
        editor.finished.connect(editor.deleteLater)
        editor.open()
        return editor

    def add_member(self) -> None:
        editor = self._open_editor(None)
        editor.accepted.connect(lambda: self._add(editor.member()))

    def _add(self, member: Member) -> None:
        command = AddMember(self.session.workspace, member)
        self.session.undo_stack.push(command)
        shown = command.member_id is not None and self.select_member(command.member_id)
        self._say("" if shown else self.tr(
            "Member added. The filters above hide them: choose Any and Active and inactive to see them."))

    def edit_member(self) -> None:
        before = self.current_member()
        if before is None or before.erased:
            return
        editor = self._open_editor(before)
        editor.accepted.connect(lambda: self._edit(before, editor.member()))

    def _edit(self, before: Member, after: Member) -> None:
        if after != before:
            self.session.undo_stack.push(EditMember(self.session.workspace, after, before))
            self._say("")

    def toggle_active(self) -> None:
        member = self.current_member()
        if member is None or member.id is None or member.erased:
            return
        self.session.undo_stack.push(SetMemberActive(self.session.workspace, member.id, not member.active))

    # -- subject access and erasure --------------------------------------------------------

    def choose_export_file(self) -> None:
        member = self.current_member()
        if member is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = Path(folder) / self.tr("Data held about %1.txt").replace("%1", member.display_name)
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save this person's data as"), str(suggested), self.tr("Text files (*.txt)"))
        if chosen:
            self.export_person(Path(chosen))

    def export_person(self, path: Path) -> Path | None:
        """Write everything held about the chosen member to `path` and say where it went."""
        member = self.current_member()
        if member is None or member.id is None:
            return None
        from meetingroom.store.subject_access import write_person_export

        try:
            written = write_person_export(self.session.workspace, member.id, path)
        except OSError as error:
            self._say(self.tr("Could not save the file: %1").replace("%1", error.strerror or str(error)))
            return None
        self._say(self.tr("Saved everything held about %1 to %2")
                  .replace("%1", member.display_name).replace("%2", str(written)))
        return written

    def ask_to_remove(self) -> None:
        member = self.current_member()
        if member is None or member.id is None or member.erased:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Remove this person?"), self.tr(
            "Remove %1's personal details for good?").replace("%1", member.display_name), parent=self)
        box.setInformativeText(self.tr(
            "Their name, contact details, needs and notes will be deleted from this workspace and "
            "from its backups. Past meetings will still count them, as \u201cformer member\u201d.\n\n"
            "This cannot be undone. The undo history will also be cleared, because undoing an "
            "earlier change could bring their details back.\n\n"
            "If they asked for a copy of their data, export it first."))
        remove = box.addButton(self.tr("Remove their details"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep them"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        self.confirmation = box
        member_id = member.id
        box.finished.connect(lambda _result: self._removal_answered(box.clickedButton() is remove, member_id))
        box.open()

    def _removal_answered(self, confirmed: bool, member_id: int) -> None:
        if self.confirmation is not None:
            self.confirmation.deleteLater()
            self.confirmation = None
        if confirmed:
            self.remove_person(member_id)

    def remove_person(self, member_id: int) -> None:
        """Erase the person's details everywhere (no undo), then clear the undo history."""
        from meetingroom.store.erasure import ErasureError
        from meetingroom.store.members import erase_member

        try:
            erase_member(self.session.workspace, member_id)
        except (ErasureError, OSError, sqlite3.Error) as error:
            self._say(self.tr("Could not finish removing this person: %1").replace("%1", str(error)))
            return
        finally:
            self.session.undo_stack.clear()
        self._say(self.tr("Their personal details have been removed. Past meetings count them "
                          "as \u201cformer member\u201d."))
