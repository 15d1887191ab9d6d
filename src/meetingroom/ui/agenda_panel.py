"""The agenda builder: a meeting's items in order, their total against its length, and the
co-production checks beside them, each with a plain reason.

Items are added, edited, removed and moved (by drag and drop, buttons, or Alt+Up and
Alt+Down) through undoable commands; the table, total and checks follow the store.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meetingroom.domain.agenda import AgendaItem
from meetingroom.domain.agenda_checks import Finding, FindingKind, check_agenda
from meetingroom.domain.group import Group
from meetingroom.language.glossary import Glossary
from meetingroom.store.glossary import group_terms
from meetingroom.store.groups import get_group
from meetingroom.store.members import list_members
from meetingroom.store.papers import list_papers
from meetingroom.ui.agenda_commands import (
    AddAgendaItem,
    AddBreak,
    DeleteAgendaItem,
    EditAgendaItem,
    MoveAgendaItem,
)
from meetingroom.ui.agenda_item_editor import AgendaItemEditor, title_hard_words
from meetingroom.ui.agenda_model import PRESENTER, PROPOSED_BY, PURPOSE, TITLE, AgendaTableModel
from meetingroom.ui.session import WorkspaceSession

DEFAULT_BREAK_MINUTES = 15
MIN_TITLE_CHARACTERS = 24
WRAPPED_COLUMNS = {PURPOSE: 11, PROPOSED_BY: 16, PRESENTER: 12}  # widths in characters when short of room
SIDE_BY_SIDE_CHARACTERS = 130  # narrower than this many characters: the checks go under the agenda
_WATCHED = AgendaTableModel.TABLES | {"group_info", "glossary_term"}


class WrappedTextDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the list's current width, so nothing is cut off
    (a word-wrapped list otherwise measures some rows a line short and elides the end)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        view = self.parent()
        assert isinstance(view, QListWidget)
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        width = max(1, view.viewport().width() - 2 * view.spacing())
        text = str(index.data() or "")
        bounds = QFontMetrics(option.font).boundingRect(
            QRect(0, 0, width - 2 * margin, 1_000_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(width, bounds.height() + 2 * margin)


class AgendaPanel(QWidget):
    """A meeting's agenda with its buttons and total on one side, the checks on the other."""

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName(self.tr("Agenda builder"))
        self.model = AgendaTableModel(session)
        self.editor: AgendaItemEditor | None = None
        self.findings: list[Finding] = []
        self._glossary: Glossary | None = None
        self._selected_id: int | None = None

        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Agenda items"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropOverwriteMode(False)
        # DragDrop, not InternalMove: the model itself refuses anything but its own items.
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.viewport().installEventFilter(self)
        for signal in (self.model.modelReset, self.model.layoutChanged, self.model.dataChanged):
            signal.connect(self._fit_columns)
        self.table.activated.connect(lambda _index: self.edit_item())
        agenda_label = QLabel(self.tr("A&genda items"))
        agenda_label.setBuddy(self.table)

        self.add_action = self._action(self.tr("&Add item"), self.add_item)
        self.break_action = self._action(self.tr("Add brea&k"), self.add_break)
        self.edit_action = self._action(self.tr("Ed&it item"), self.edit_item)
        self.remove_action = self._action(self.tr("&Remove item"), self.remove_item, "Delete")
        # Delete removes an item only from the table, never while reading the checks.
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.removeAction(self.remove_action)
        self.table.addAction(self.remove_action)
        self.up_action = self._action(self.tr("Move &up"), lambda: self.move_selected(-1), "Alt+Up")
        self.down_action = self._action(self.tr("Move &down"), lambda: self.move_selected(1), "Alt+Down")
        buttons = QGridLayout()
        self.buttons: dict[QAction, QPushButton] = {}
        for number, action in enumerate((self.add_action, self.break_action, self.edit_action,
                                         self.remove_action, self.up_action, self.down_action)):
            button = QPushButton(action.text())
            if not action.shortcut().isEmpty():
                shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                button.setToolTip(f"{action.text().replace('&', '')} ({shortcut})")
            button.clicked.connect(action.trigger)
            buttons.addWidget(button, number // 3, number % 3)
            self.buttons[action] = button

        self.total = QLabel()
        self.total.setWordWrap(True)

        self.checks = QListWidget()
        self.checks.setAccessibleName(self.tr("Co-production checks"))
        self.checks.setWordWrap(True)
        self.checks.setTabKeyNavigation(False)
        self.checks.setSpacing(4)
        self.checks.setItemDelegate(WrappedTextDelegate(self.checks))
        self.checks.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.checks.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.checks.itemActivated.connect(self._show_finding)
        checks_label = QLabel(self.tr("Co-production &checks"))
        checks_label.setBuddy(self.checks)
        checks_label.setWordWrap(True)

        left = QVBoxLayout()
        left.addWidget(agenda_label)
        left.addWidget(self.table, 1)
        left.addLayout(buttons)
        left.addWidget(self.total)
        right = QVBoxLayout()
        right.addWidget(checks_label)
        right.addWidget(self.checks, 1)
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(left, 2)
        self._layout.addLayout(right, 1)

        self.table.selectionModel().currentRowChanged.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        session.changed.connect(self._on_changed)
        self.show_meeting(None)

    def _action(self, text: str, slot: object, shortcut: str = "") -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The checks sit beside the agenda, or under it when the text is large for the width."""
        narrow = self.width() < SIDE_BY_SIDE_CHARACTERS * self.fontMetrics().averageCharWidth()
        self._layout.setDirection(QBoxLayout.Direction.TopToBottom if narrow
                                  else QBoxLayout.Direction.LeftToRight)
        self._fit_heights()
        super().resizeEvent(event)

    def _fit_heights(self) -> None:
        """Room for at least five agenda items and three lines of checks at any text size."""
        row = max(self.table.verticalHeader().defaultSectionSize(), self.table.fontMetrics().height() * 2)
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setMinimumHeight(header + 5 * row + 2 * self.table.frameWidth())
        self.checks.setMinimumHeight(4 * self.checks.fontMetrics().height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Every column as wide as its text; when that is too wide, people and purpose wrap onto
        two lines so the title keeps room; past that, the table scrolls sideways."""
        header = self.table.horizontalHeader()
        char = self.table.fontMetrics().averageCharWidth()
        widths = {column: max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
                  for column in range(self.model.columnCount())}
        title_want = widths.pop(TITLE)
        available = self.table.viewport().width()
        if sum(widths.values()) + title_want > available:
            for column, characters in WRAPPED_COLUMNS.items():
                widths[column] = min(widths[column], max(characters * char, header.sectionSizeHint(column)))
        for column, width in widths.items():
            header.resizeSection(column, width)
        header.resizeSection(TITLE, max(MIN_TITLE_CHARACTERS * char, available - sum(widths.values())))

    # -- showing ---------------------------------------------------------------------------

    def show_meeting(self, meeting_id: int | None) -> None:
        self._selected_id = None
        self.model.set_meeting(meeting_id)
        self.refresh()

    def _on_changed(self, tables: frozenset[str]) -> None:
        if "glossary_term" in tables:
            self._glossary = None
        if tables & _WATCHED:
            self.refresh()

    def glossary(self) -> Glossary:
        if self._glossary is None:
            self._glossary = Glossary.load(group_terms(self.session.workspace))
        return self._glossary

    def group(self) -> Group:
        return get_group(self.session.workspace) or Group("")

    def refresh(self) -> None:
        """The total, the checks and the buttons, after any change."""
        meeting = self.model.meeting
        has_meeting = meeting is not None
        self.setEnabled(has_meeting)
        self._update_actions()
        self.checks.clear()
        if meeting is None:
            self.total.setText(self.tr("Choose a meeting to see its agenda."))
            self.findings = []
            return
        total = sum(item.minutes for item in self.model.items)
        self.total.setText(self.total_text(total, meeting.minutes))
        self.findings = check_agenda(
            self.model.items, meeting_minutes=meeting.minutes,
            max_stretch_minutes=self.group().max_stretch_minutes, roles=self.model.roles(),
            hard_words=title_hard_words(self.glossary()))
        for finding in self.findings:
            entry = QListWidgetItem(self.tr("%1: %2").replace("%1", self.finding_heading(finding.kind))
                                    .replace("%2", finding.reason), self.checks)
            entry.setData(Qt.ItemDataRole.UserRole, finding.item_ids)
        if not self.findings:
            QListWidgetItem(self.tr(
                "No problems found: members' items have their fair place and time, there are "
                "enough breaks, the agenda fits the meeting, and every title and summary is plain."),
                self.checks)

    def finding_heading(self, kind: FindingKind) -> str:
        """A few words that say what kind of problem a finding is, read before its reason."""
        return {
            FindingKind.RUNS_OVER: self.tr("Runs over"),
            FindingKind.LONG_STRETCH: self.tr("Too long without a break"),
            FindingKind.LIVED_EXPERIENCE_LAST: self.tr("Members' items come last"),
            FindingKind.LIVED_EXPERIENCE_LESS_TIME: self.tr("Members' items get less time"),
            FindingKind.NO_EXPERT_BY_EXPERIENCE_ITEM: self.tr("No item from an expert by experience"),
            FindingKind.NO_PLAIN_SUMMARY: self.tr("No plain summary"),
            FindingKind.JARGON_IN_TITLE: self.tr("Jargon in a title"),
            FindingKind.ACRONYM_IN_TITLE: self.tr("Acronym in a title"),
        }[kind]

    def _update_actions(self) -> None:
        row = self.selected_row()
        has_meeting = self.model.meeting is not None
        self.add_action.setEnabled(has_meeting)
        self.break_action.setEnabled(has_meeting)
        self.edit_action.setEnabled(row >= 0)
        self.remove_action.setEnabled(row >= 0)
        self.up_action.setEnabled(row > 0)
        self.down_action.setEnabled(0 <= row < self.model.rowCount() - 1)
        for action, button in self.buttons.items():
            button.setEnabled(action.isEnabled())

    # -- selection -------------------------------------------------------------------------

    def selected_row(self) -> int:
        index = self.table.selectionModel().currentIndex()
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else (index.row() if index.isValid() else -1)

    def select_item(self, item_id: int | None) -> None:
        row = self.model.row_of(item_id)
        if row < 0:
            return
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(self.model.index(row, 0))

    def _remember_selection(self) -> None:
        row = self.selected_row()
        if row >= 0:
            self._selected_id = self.model.item(row).id
        self._update_actions()

    def _restore_selection(self) -> None:
        if self.model.row_of(self._selected_id) >= 0:
            self.select_item(self._selected_id)
        self._update_actions()

    def _show_finding(self, entry: QListWidgetItem) -> None:
        ids = entry.data(Qt.ItemDataRole.UserRole)
        if ids:
            self.select_item(ids[0])
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- edits -----------------------------------------------------------------------------

    def _insert_at(self) -> int:
        row = self.selected_row()
        return row + 1 if row >= 0 else self.model.rowCount()

    def add_item(self) -> None:
        meeting = self.model.meeting
        if meeting is None or meeting.id is None:
            return
        self._open_editor(AgendaItem(meeting.id, "", self._insert_at()))

    def edit_item(self) -> None:
        row = self.selected_row()
        if row >= 0:
            self._open_editor(self.model.item(row))

    def _open_editor(self, item: AgendaItem) -> None:
        ws = self.session.workspace
        self.editor = AgendaItemEditor(item, list_members(ws), list_papers(ws),
                                       title_hard_words(self.glossary()), self)
        self.editor.accepted.connect(self._editor_done)
        self.editor.open()

    def _editor_done(self) -> None:
        editor = self.editor
        if editor is None:
            return
        item = editor.item()
        if item.id is None:
            command = AddAgendaItem(self.session.workspace, item)
            self.session.undo_stack.push(command)
            self._selected_id = command.item_id
            self.select_item(command.item_id)
        elif item != editor.original:  # unchanged: nothing to undo
            self.session.undo_stack.push(EditAgendaItem(self.session.workspace, item))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_break(self) -> None:
        meeting = self.model.meeting
        if meeting is None or meeting.id is None:
            return
        command = AddBreak(self.session.workspace, meeting.id, self._insert_at(), DEFAULT_BREAK_MINUTES,
                           self.tr("Break"), self.tr("A rest, with tea and coffee."))
        self.session.undo_stack.push(command)
        self._selected_id = command.item_id
        self.select_item(command.item_id)

    def remove_item(self) -> None:
        row = self.selected_row()
        item_id = self.model.item(row).id if row >= 0 else None
        if item_id is None:
            return
        after = self.model.item(row + 1).id if row + 1 < self.model.rowCount() else (
            self.model.item(row - 1).id if row > 0 else None)
        self._selected_id = after
        self.session.undo_stack.push(DeleteAgendaItem(self.session.workspace, item_id))

    def move_selected(self, step: int) -> None:
        row = self.selected_row()
        to = row + step
        if row < 0 or not 0 <= to < self.model.rowCount():
            return
        item_id = self.model.item(row).id
        assert item_id is not None
        self.session.undo_stack.push(MoveAgendaItem(self.session.workspace, item_id, to))
        self.select_item(item_id)


    def total_text(self, total: int, length: int) -> str:
        """ "Total 125 of 120 minutes: 5 minutes over", in words: never colour alone."""
        difference = abs(total - length)
        if total > length:
            text = self.tr("Total %1 of %2 minutes: %3 minutes over")
        elif total < length:
            text = self.tr("Total %1 of %2 minutes: %3 minutes to spare")
        else:
            text = self.tr("Total %1 of %2 minutes: exactly on time")
        if difference == 1:
            text = text.replace("%3 minutes", "%3 minute")
        return text.replace("%1", str(total)).replace("%2", str(length)).replace("%3", str(difference))
