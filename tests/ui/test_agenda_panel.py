"""The agenda builder as a facilitator uses it: typing, keys, drag and drop, undo and redo."""

from __future__ import annotations

import warnings

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from meetingroom.domain.agenda_checks import FindingKind
from meetingroom.domain.people import Role
from meetingroom.store.meetings import agenda_items, list_meetings
from meetingroom.store.members import list_members
from meetingroom.store.papers import list_papers
from meetingroom.ui.agenda_item_editor import AgendaItemEditor
from meetingroom.ui.agenda_model import MINUTES, STARTS, TITLE
from meetingroom.ui.agenda_panel import AgendaPanel
from meetingroom.ui.session import WorkspaceSession
from tests.ui.audit import describe, focusable_widgets, tab_cycle, unnamed

UPCOMING_TITLES = [
    "Welcome, check-in and ground rules",
    "You said, we did: answers since last time",
    "Changes to community mental health services",
    "Break",
    "Paying people for their time: our new policy",
    "Peer support workers in A&E",
    "What should we talk about next time?",
    "Close, and how today went",
]


@pytest.fixture
def panel(session: WorkspaceSession, qtbot) -> AgendaPanel:  # type: ignore[no-untyped-def]
    panel = AgendaPanel(session)
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    panel.show_meeting(upcoming(session))
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    return panel


def upcoming(session: WorkspaceSession) -> int:
    meeting_id = list_meetings(session.workspace)[-1].id
    assert meeting_id is not None
    return meeting_id


def stored_titles(panel: AgendaPanel) -> list[str]:
    return [i.title for i in agenda_items(panel.session.workspace, upcoming(panel.session))]


def shown(panel: AgendaPanel, column: int) -> list[str]:
    return [panel.model.index(row, column).data() for row in range(panel.model.rowCount())]


def open_editor(panel: AgendaPanel, qtbot) -> AgendaItemEditor:  # type: ignore[no-untyped-def]
    editor = panel.editor
    assert editor is not None and editor.isVisible()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    return editor


def selected_title(panel: AgendaPanel) -> str:
    rows = panel.table.selectionModel().selectedRows()
    assert len(rows) == 1
    return str(panel.model.index(rows[0].row(), TITLE).data())


def test_the_example_agenda_with_times_total_and_checks(panel: AgendaPanel, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(panel.model)
    assert shown(panel, TITLE) == UPCOMING_TITLES
    assert shown(panel, STARTS) == ["10:30", "10:40", "10:50", "11:15", "11:30", "11:55", "12:15", "12:25"]
    assert panel.model.index(3, 3).data() == "Break"
    assert "(Expert by experience)" in panel.model.index(5, 4).data()
    assert panel.total.text() == "Total 120 of 120 minutes: exactly on time"
    # The example is a well-made co-produced agenda: members' items are spread through it and
    # given time, the break keeps both halves within the group's 60 minutes, titles are plain
    # (A&E is an acronym everyone knows), and every item has a plain summary.
    assert panel.findings == []
    assert panel.checks.count() == 1 and panel.checks.item(0).text().startswith("No problems found")
    # Moves are layout changes and removals resets, both watched by Qt's model tester.
    assert panel.model.move_row(0, 3)
    panel.select_item(panel.model.item(0).id)
    panel.remove_item()
    panel.session.undo_stack.undo()
    panel.session.undo_stack.undo()
    assert shown(panel, TITLE) == UPCOMING_TITLES


def test_the_checks_find_what_a_facilitator_should_fix(panel: AgendaPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    # Move the break to the end: the meeting now runs 105 minutes without one.
    panel.select_item(panel.model.item(3).id)
    panel.table.setFocus()
    for _ in range(4):
        qtbot.keyClick(panel.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert shown(panel, TITLE)[-1] == "Break"
    kinds = [f.kind for f in panel.findings]
    assert kinds == [FindingKind.LONG_STRETCH]
    assert "105 minutes without a break" in panel.checks.item(0).text()
    assert "Add a break after \u2018Changes to community mental health services\u2019" in panel.findings[0].reason
    # Enter on the finding selects the first item it is about.
    panel.checks.setFocus()
    panel.checks.setCurrentRow(0)
    qtbot.keyClick(panel.checks, Qt.Key.Key_Return)
    assert selected_title(panel) == UPCOMING_TITLES[0]
    assert panel.table.hasFocus()
    for _ in range(4):
        panel.session.undo_stack.undo()
    assert shown(panel, TITLE) == UPCOMING_TITLES and panel.findings == []


def test_add_an_item_by_typing_in_the_editor_then_undo_and_redo(panel: AgendaPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel.select_item(panel.model.item(2).id)
    qtbot.mouseClick(panel.buttons[panel.add_action], Qt.MouseButton.LeftButton)
    editor = open_editor(panel, qtbot)
    assert unnamed(editor) == []
    qtbot.keyClicks(editor.title, "ICB text option for the crisis line")
    assert "\u2018ICB\u2019 \u2192 \u2018Integrated Care Board\u2019" in editor.title_hint.text()
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, "A text option for the crisis line")
    assert not editor.title_hint.isVisible()
    editor.summary.setFocus()
    qtbot.keyClicks(editor.summary, "Grace asks for a way to reach the crisis line without calling.")
    qtbot.keyClick(editor.summary, Qt.Key.Key_Tab)
    assert editor.purpose.hasFocus()
    assert editor.purpose.currentText() == "For discussion"
    qtbot.keyClick(editor.purpose, Qt.Key.Key_Down)  # (a space would open the list)
    assert editor.purpose.currentText() == "For decision"
    qtbot.keyClick(editor.purpose, Qt.Key.Key_Tab)
    qtbot.keyClicks(editor.proposed_by, "Grace")
    qtbot.keyClick(editor.proposed_by, Qt.Key.Key_Tab)
    qtbot.keyClicks(editor.presenter, "Nnamdi")
    qtbot.keyClick(editor.presenter, Qt.Key.Key_Tab)
    assert editor.minutes.hasFocus()
    editor.minutes.selectAll()
    qtbot.keyClicks(editor.minutes, "20")
    editor.papers.setFocus()
    qtbot.keyClick(editor.papers, Qt.Key.Key_Down)
    qtbot.keyClick(editor.papers, Qt.Key.Key_Space)
    editor.title.setFocus()
    qtbot.keyClick(editor.title, Qt.Key.Key_Return)
    assert not editor.isVisible()

    members = {m.name.split()[0]: m for m in list_members(panel.session.workspace)}
    papers = list_papers(panel.session.workspace)
    titles = stored_titles(panel)
    assert titles[3] == "A text option for the crisis line"
    added = agenda_items(panel.session.workspace, upcoming(panel.session))[3]
    assert added.plain_summary == "Grace asks for a way to reach the crisis line without calling."
    assert added.purpose.value == "decision" and added.minutes == 20
    assert added.proposed_by_id == members["Grace"].id and members["Grace"].role is Role.EXPERT_BY_EXPERIENCE
    assert added.presenter_id == members["Nnamdi"].id
    assert added.paper_ids == (papers[1].id,)
    assert selected_title(panel) == "A text option for the crisis line"
    assert panel.total.text() == "Total 140 of 120 minutes: 20 minutes over"
    assert [f.kind for f in panel.findings][:1] == [FindingKind.RUNS_OVER]
    assert "20 minutes over" in panel.checks.item(0).text()

    panel.session.undo_stack.undo()
    assert stored_titles(panel) == UPCOMING_TITLES and panel.findings == []
    panel.session.undo_stack.redo()
    assert stored_titles(panel)[3] == "A text option for the crisis line"
    again = agenda_items(panel.session.workspace, upcoming(panel.session))[3]
    assert again == added  # the same id, fields and papers


def test_the_editor_needs_a_title(panel: AgendaPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel.add_item()
    editor = open_editor(panel, qtbot)
    qtbot.keyClick(editor.title, Qt.Key.Key_Return)
    assert editor.isVisible() and "needs a title" in editor.problem.text()
    qtbot.keyClick(editor.title, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert stored_titles(panel) == UPCOMING_TITLES and panel.session.undo_stack.count() == 0


def test_alt_down_and_alt_up_move_the_selected_item_and_keep_it_selected(panel: AgendaPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel.table.setFocus()
    panel.select_item(panel.model.item(1).id)
    qtbot.keyClick(panel.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert stored_titles(panel)[2] == UPCOMING_TITLES[1]
    assert selected_title(panel) == UPCOMING_TITLES[1]
    qtbot.keyClick(panel.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert stored_titles(panel)[3] == UPCOMING_TITLES[1]
    assert shown(panel, STARTS)[3] == "11:20"  # after the welcome, the 25-minute item and the break
    qtbot.keyClick(panel.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(panel.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(panel.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert stored_titles(panel)[0] == UPCOMING_TITLES[1]
    assert selected_title(panel) == UPCOMING_TITLES[1]
    assert not panel.up_action.isEnabled()
    qtbot.keyClick(panel.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # already first
    assert panel.session.undo_stack.count() == 5
    positions = [i.position for i in agenda_items(panel.session.workspace, upcoming(panel.session))]
    assert positions == list(range(8))
    panel.session.undo_stack.undo()
    assert stored_titles(panel)[1] == UPCOMING_TITLES[1]
    assert selected_title(panel) == UPCOMING_TITLES[1]  # the selection follows the item
    while panel.session.undo_stack.canUndo():
        panel.session.undo_stack.undo()
    assert stored_titles(panel) == UPCOMING_TITLES
    panel.session.undo_stack.redo()
    assert stored_titles(panel)[2] == UPCOMING_TITLES[1]


def test_move_buttons_do_the_same(panel: AgendaPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel.select_item(panel.model.item(0).id)
    qtbot.mouseClick(panel.buttons[panel.down_action], Qt.MouseButton.LeftButton)
    assert stored_titles(panel)[1] == UPCOMING_TITLES[0] and selected_title(panel) == UPCOMING_TITLES[0]
    qtbot.mouseClick(panel.buttons[panel.up_action], Qt.MouseButton.LeftButton)
    assert stored_titles(panel) == UPCOMING_TITLES


def drop(panel: AgendaPanel, qtbot, row: int, target_row: int) -> None:  # type: ignore[no-untyped-def]
    """Drag `row` and drop it on the top edge of `target_row`, as a person with a mouse would.

    Under the offscreen platform QDrag.exec returns at once, so the press and moves start the
    drag for real (the view asks the model for its mime data) and the drop events that the
    window system would deliver are sent to the viewport, carrying the model's own mime data.
    """
    viewport = panel.table.viewport()
    panel.select_item(panel.model.item(row).id)
    start = panel.table.visualRect(panel.model.index(row, TITLE)).center()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 4):
        qtbot.mouseMove(viewport, QPoint(start.x(), start.y() + 8 * step))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start)
    data = panel.model.mimeData([panel.model.index(row, column) for column in range(panel.model.columnCount())])
    if target_row < panel.model.rowCount():
        rect = panel.table.visualRect(panel.model.index(target_row, TITLE))
        at = QPointF(rect.center().x(), rect.top() + 1)
    else:
        last = panel.table.visualRect(panel.model.index(panel.model.rowCount() - 1, TITLE))
        at = QPointF(last.center().x(), last.bottom() + 20)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    with warnings.catch_warnings():
        # PySide6 marks these QPoint constructors deprecated, yet offers no QPointF ones.
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(at.toPoint(), Qt.DropAction.MoveAction, data, buttons, keys)
        move = QDragMoveEvent(at.toPoint(), Qt.DropAction.MoveAction, data, buttons, keys)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()
    dropped = QDropEvent(at, Qt.DropAction.MoveAction, data, buttons, keys)
    QApplication.sendEvent(viewport, dropped)
    assert dropped.isAccepted()


def test_drag_and_drop_reorders_through_an_undoable_command(panel: AgendaPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    drop(panel, qtbot, 6, 1)  # Daz's item up to second place
    expected = [UPCOMING_TITLES[0], UPCOMING_TITLES[6], *UPCOMING_TITLES[1:6], UPCOMING_TITLES[7]]
    assert stored_titles(panel) == expected
    assert shown(panel, TITLE) == expected
    assert panel.session.undo_stack.count() == 1
    drop(panel, qtbot, 0, panel.model.rowCount())  # the welcome to the very end
    assert stored_titles(panel) == [*expected[1:], expected[0]]
    panel.session.undo_stack.undo()
    panel.session.undo_stack.undo()
    assert stored_titles(panel) == UPCOMING_TITLES
    panel.session.undo_stack.redo()
    assert stored_titles(panel) == expected


def test_add_a_break_edit_minutes_and_remove(panel: AgendaPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel.select_item(panel.model.item(1).id)
    qtbot.mouseClick(panel.buttons[panel.break_action], Qt.MouseButton.LeftButton)
    assert shown(panel, TITLE)[2] == "Break" and selected_title(panel) == "Break"
    tea = agenda_items(panel.session.workspace, upcoming(panel.session))[2]
    assert tea.is_break and tea.minutes == 15
    assert panel.total.text() == "Total 135 of 120 minutes: 15 minutes over"
    assert shown(panel, STARTS)[3] == "11:05"

    # Edit the break's minutes: Enter on the row opens the editor.
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    editor = open_editor(panel, qtbot)
    assert editor.is_break.isChecked() and not editor.proposed_by.isEnabled()
    editor.minutes.setFocus()
    editor.minutes.selectAll()
    qtbot.keyClicks(editor.minutes, "5")
    qtbot.keyClick(editor.minutes, Qt.Key.Key_Return)
    assert not editor.isVisible()
    assert shown(panel, MINUTES)[2] == "5"
    assert shown(panel, STARTS)[3] == "10:55"
    assert panel.total.text() == "Total 125 of 120 minutes: 5 minutes over"
    panel.session.undo_stack.undo()
    assert shown(panel, STARTS)[3] == "11:05" and shown(panel, MINUTES)[2] == "15"
    panel.session.undo_stack.redo()
    assert shown(panel, MINUTES)[2] == "5"

    # Remove the welcome with the Delete key; undo puts it back first.
    panel.activateWindow()  # as the window manager does when the dialog closes
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    panel.select_item(panel.model.item(0).id)
    panel.checks.setFocus()
    qtbot.keyClick(panel.checks, Qt.Key.Key_Delete)  # reading the checks: Delete does nothing
    assert stored_titles(panel)[0] == UPCOMING_TITLES[0]
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert stored_titles(panel)[0] == UPCOMING_TITLES[1]
    assert selected_title(panel) == UPCOMING_TITLES[1]
    assert panel.total.text() == "Total 115 of 120 minutes: 5 minutes to spare"
    panel.session.undo_stack.undo()
    assert stored_titles(panel)[0] == UPCOMING_TITLES[0]
    panel.session.undo_stack.undo()
    panel.session.undo_stack.undo()
    assert stored_titles(panel) == UPCOMING_TITLES
    assert panel.total.text() == "Total 120 of 120 minutes: exactly on time"


def test_an_unchanged_edit_adds_nothing_to_undo(panel: AgendaPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel.select_item(panel.model.item(2).id)
    qtbot.mouseClick(panel.buttons[panel.edit_action], Qt.MouseButton.LeftButton)
    editor = open_editor(panel, qtbot)
    assert editor.item() == editor.original
    qtbot.mouseClick(editor.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert panel.session.undo_stack.count() == 0


def test_no_meeting_chosen(session: WorkspaceSession, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = AgendaPanel(session)
    qtbot.addWidget(panel)
    assert panel.model.rowCount() == 0 and not panel.isEnabled()
    assert panel.total.text() == "Choose a meeting to see its agenda."
    panel.show_meeting(upcoming(session))
    assert panel.isEnabled() and panel.model.rowCount() == 8


def test_the_panel_and_the_editor_pass_the_audit(panel: AgendaPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel.select_item(panel.model.item(2).id)
    assert unnamed(panel) == []
    visited, came_back = tab_cycle(panel.table, qtbot)
    assert came_back, "Tab never comes back round to the agenda"
    missing = [describe(w) for w in focusable_widgets(panel) if w not in visited and w is not panel.table]
    assert missing == []
    panel.edit_item()
    editor = open_editor(panel, qtbot)
    assert unnamed(editor) == []
    visited, came_back = tab_cycle(editor.title, qtbot)
    assert came_back, "Tab never comes back round to the title"
    missing = [describe(w) for w in focusable_widgets(editor) if w not in visited and w is not editor.title]
    assert missing == []
    editor.reject()
