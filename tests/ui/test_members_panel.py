"""The members panel as a person uses it: filters and sorting by keyboard, add, edit, deactivate,
undo and redo, subject access export and erasure, and the accessibility audit."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from meetingroom.domain.people import AccessNeed, FormatKind, Member, Role
from meetingroom.store.members import get_member, list_members
from meetingroom.ui.labels import label
from meetingroom.ui.member_editor import MemberEditor
from meetingroom.ui.member_filter import Activity, MemberFilter
from meetingroom.ui.member_model import MemberTableModel
from meetingroom.ui.members_panel import MembersPanel
from meetingroom.ui.session import WorkspaceSession
from tests.ui.audit import describe, focusable_widgets, tab_cycle, unnamed

Key = Qt.Key


@pytest.fixture
def panel(session: WorkspaceSession, qtbot) -> MembersPanel:  # type: ignore[no-untyped-def]
    made = MembersPanel(session)
    qtbot.addWidget(made)
    made.resize(1000, 760)
    made.show()
    qtbot.waitExposed(made)
    made.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is made)
    return made


def member_named(session: WorkspaceSession, name: str) -> Member:
    return next(m for m in list_members(session.workspace) if m.name == name)


def shown_names(panel: MembersPanel) -> list[str]:
    return [panel.proxy.data(panel.proxy.index(row, 0)) for row in range(panel.proxy.rowCount())]


def focus(widget: QWidget, qtbot) -> None:  # type: ignore[no-untyped-def]
    if QApplication.activeWindow() is not widget.window():
        widget.window().activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: widget.hasFocus())


def choose(panel: MembersPanel, qtbot, name: str) -> Member:  # type: ignore[no-untyped-def]
    member = member_named(panel.session, name)
    assert member.id is not None and panel.select_member(member.id)
    focus(panel.table, qtbot)
    return member


def open_editor(panel: MembersPanel, qtbot) -> MemberEditor:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: panel.editor is not None and panel.editor.isVisible())
    assert panel.editor is not None
    editor = panel.editor
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    return editor


def test_the_filter_proxy_passes_the_model_tester(session: WorkspaceSession, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = MemberTableModel(session)
    proxy = MemberFilter(model)
    qtmodeltester.check(proxy)
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    proxy.set_criteria(access_need=AccessNeed.DIETARY, activity=Activity.ACTIVE)
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 3  # Renée, Aisha and Priya
    assert all(AccessNeed.DIETARY in proxy.member(r).access_needs for r in range(proxy.rowCount()))
    proxy.set_criteria(search="zzz-nobody")
    assert proxy.rowCount() == 0 and not proxy.hasChildren()
    assert proxy.headerData(0, Qt.Orientation.Horizontal) == "Name"


def test_filters_are_used_from_the_keyboard(panel: MembersPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    total = panel.model.rowCount()
    assert panel.proxy.rowCount() == total == 13
    focus(panel.role_filter, qtbot)
    while panel.role_filter.currentText() != label(Role.CARER):
        qtbot.keyClick(panel.role_filter, Key.Key_Down)
    assert sorted(shown_names(panel)) == ["Eileen Foster", "Renée O'Connell"]
    assert "showing 2 of 13" in panel.count.text()
    qtbot.keyClick(panel.role_filter, Key.Key_Home)  # back to "Any role"
    assert panel.proxy.rowCount() == total

    focus(panel.format_filter, qtbot)
    while panel.format_filter.currentText() != label(FormatKind.LARGE_PRINT):
        qtbot.keyClick(panel.format_filter, Key.Key_Down)
    assert sorted(shown_names(panel)) == ["Eileen Foster", "Siobhan Kelly"]
    qtbot.keyClick(panel.format_filter, Key.Key_Home)

    focus(panel.need_filter, qtbot)
    while panel.need_filter.currentText() != label(AccessNeed.STEP_FREE):
        qtbot.keyClick(panel.need_filter, Key.Key_Down)
    assert sorted(shown_names(panel)) == ["Eileen Foster", "Marcus Campbell"]
    qtbot.keyClick(panel.need_filter, Key.Key_Home)

    focus(panel.search, qtbot)
    qtbot.keyClicks(panel.search, "renee")  # accents and case do not matter
    assert shown_names(panel) == ["Renée O'Connell"]
    panel.search.clear()
    qtbot.keyClicks(panel.search, "daz")  # the preferred name finds them too
    assert shown_names(panel) == ["Daz"]
    panel.search.clear()
    assert panel.proxy.rowCount() == total


def test_active_filter_and_deactivate_then_undo_and_redo(panel: MembersPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    stack = panel.session.undo_stack
    grace = choose(panel, qtbot, "Grace Mensah")
    assert panel.active_button.text() == "Deac&tivate"
    qtbot.mouseClick(panel.active_button, Qt.MouseButton.LeftButton)
    assert get_member(panel.session.workspace, grace.id).active is False  # type: ignore[arg-type]
    assert panel.current_member() is not None and panel.current_member().id == grace.id  # type: ignore[union-attr]
    assert panel.active_button.text() == "Reac&tivate"

    focus(panel.activity_filter, qtbot)
    qtbot.keyClick(panel.activity_filter, Key.Key_Down)  # "Active members only"
    assert "Grace Mensah" not in shown_names(panel) and panel.proxy.rowCount() == 12
    qtbot.keyClick(panel.activity_filter, Key.Key_Down)  # "Inactive members only"
    assert shown_names(panel) == ["Grace Mensah"]

    stack.undo()
    assert get_member(panel.session.workspace, grace.id).active is True  # type: ignore[arg-type]
    assert panel.proxy.rowCount() == 0
    stack.redo()
    assert get_member(panel.session.workspace, grace.id).active is False  # type: ignore[arg-type]
    assert shown_names(panel) == ["Grace Mensah"]


def test_sort_by_clicking_a_header_and_from_the_keyboard(panel: MembersPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    names = shown_names(panel)
    assert names == sorted(names, key=str.casefold)
    header = panel.table.horizontalHeader()
    middle = QPoint(header.sectionViewportPosition(1) + header.sectionSize(1) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=middle)
    roles = [panel.proxy.data(panel.proxy.index(r, 1)) for r in range(panel.proxy.rowCount())]
    assert roles == sorted(roles) and roles != [panel.model.data(panel.model.index(r, 1)) for r in range(13)]
    assert panel.sort_column.currentText() == "Role"  # the sort controls follow the header

    focus(panel.sort_column, qtbot)
    qtbot.keyClick(panel.sort_column, Key.Key_Home)  # Name
    focus(panel.sort_order, qtbot)
    qtbot.keyClick(panel.sort_order, Key.Key_End)  # Z to A
    names = shown_names(panel)
    assert names == sorted(names, key=str.casefold, reverse=True)
    assert header.sortIndicatorSection() == 0
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_add_a_member_by_typing_then_undo_and_redo(panel: MembersPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    stack = panel.session.undo_stack
    before = len(list_members(panel.session.workspace))
    focus(panel.add_button, qtbot)
    qtbot.keyClick(panel.add_button, Key.Key_Space)
    editor = open_editor(panel, qtbot)
    qtbot.keyClicks(editor.name, "Zoe Adeyemi")
    editor.name.insert(" (Zoë)")
    qtbot.keyClicks(editor.preferred_name, "Zo")
    qtbot.keyClicks(editor.pronunciation, "ZOH-ee ah-DAY-eh-mee")
    focus(editor.role, qtbot)
    while editor.role.currentText() != label(Role.CARER):
        qtbot.keyClick(editor.role, Key.Key_Down)
    focus(editor.format_kind, qtbot)
    assert not editor.print_size.isEnabled()
    while editor.format_kind.currentText() != label(FormatKind.LARGE_PRINT):
        qtbot.keyClick(editor.format_kind, Key.Key_Down)
    assert editor.print_size.isEnabled() and not editor.language.isEnabled()
    focus(editor.print_size, qtbot)
    qtbot.keyClick(editor.print_size, Key.Key_End)  # 28 point
    check = editor.access_needs[AccessNeed.HEARING_LOOP]
    focus(check, qtbot)
    qtbot.keyClick(check, Key.Key_Space)
    focus(editor.access_notes, qtbot)
    qtbot.keyClicks(editor.access_notes, "Sits near the front <please> & on the left")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not editor.isVisible())

    added = [m for m in list_members(panel.session.workspace) if m.name == "Zoe Adeyemi (Zoë)"]
    assert len(added) == 1 and len(list_members(panel.session.workspace)) == before + 1
    zoe = added[0]
    assert (zoe.role, zoe.format_need.kind, zoe.format_need.size) == (Role.CARER, FormatKind.LARGE_PRINT, 28)
    assert zoe.access_needs == {AccessNeed.HEARING_LOOP} and zoe.preferred_name == "Zo"
    assert zoe.access_notes == "Sits near the front <please> & on the left"
    assert zoe.consent_date is None  # never silently today
    assert panel.current_member() is not None and panel.current_member().id == zoe.id  # type: ignore[union-attr]

    stack.undo()
    with pytest.raises(KeyError):
        get_member(panel.session.workspace, zoe.id)  # type: ignore[arg-type]
    assert panel.model.rowCount() == before
    stack.redo()
    assert get_member(panel.session.workspace, zoe.id).name == "Zoe Adeyemi (Zoë)"  # type: ignore[arg-type]


def test_a_name_is_needed(panel: MembersPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    editor = open_editor(panel, qtbot)
    qtbot.keyClicks(editor.name, "   ")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and editor.name_problem.isVisible()
    assert "name is needed" in editor.name_problem.text()
    assert editor.name.hasFocus()
    qtbot.keyClick(editor, Key.Key_Escape)
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert panel.model.rowCount() == 13 and panel.session.undo_stack.count() == 0


@pytest.mark.parametrize("how", ["enter", "double-click"])
def test_edit_a_member_with_enter_or_double_click_then_undo(panel: MembersPanel, qtbot, how: str) -> None:  # type: ignore[no-untyped-def]
    nnamdi = choose(panel, qtbot, "Nnamdi Okafor")
    if how == "enter":
        qtbot.keyClick(panel.table, Key.Key_Return)
    else:
        row = panel.table.currentIndex().row()
        rect = panel.table.visualRect(panel.proxy.index(row, 1))
        # A real double-click: a click, then the second press Qt reports as a double-click.
        qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = open_editor(panel, qtbot)
    assert editor.name.text() == "Nnamdi Okafor"
    assert editor.access_needs[AccessNeed.QUIET_SPACE].isChecked()
    editor.pronouns.clear()
    qtbot.keyClicks(editor.pronouns, "they/them")
    focus(editor.access_needs[AccessNeed.REGULAR_BREAKS], qtbot)
    qtbot.keyClick(editor.access_needs[AccessNeed.REGULAR_BREAKS], Key.Key_Space)
    focus(editor.pronouns, qtbot)
    qtbot.keyClick(editor.pronouns, Key.Key_Return)  # Enter saves, like the Save button
    qtbot.waitUntil(lambda: not editor.isVisible())

    after = get_member(panel.session.workspace, nnamdi.id)  # type: ignore[arg-type]
    assert after.pronouns == "they/them"
    assert after.access_needs == {AccessNeed.QUIET_SPACE, AccessNeed.REGULAR_BREAKS}
    assert after.consent_date == nnamdi.consent_date
    assert panel.session.undo_stack.count() == 1
    panel.session.undo_stack.undo()
    assert get_member(panel.session.workspace, nnamdi.id) == nnamdi  # type: ignore[arg-type]
    panel.session.undo_stack.redo()
    assert get_member(panel.session.workspace, nnamdi.id) == after  # type: ignore[arg-type]


def test_consent_date_is_recorded_only_when_ticked(panel: MembersPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    choose(panel, qtbot, "Hannah Whitfield")
    qtbot.keyClick(panel.table, Key.Key_Return)
    editor = open_editor(panel, qtbot)
    assert editor.consent_given.isChecked()
    focus(editor.consent_given, qtbot)
    qtbot.keyClick(editor.consent_given, Key.Key_Space)
    assert not editor.consent_date.isEnabled()
    assert editor.consent_date.text() == "No consent recorded"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not editor.isVisible())
    hannah = member_named(panel.session, "Hannah Whitfield")
    assert hannah.consent_date is None

    qtbot.keyClick(panel.table, Key.Key_Return)
    editor = open_editor(panel, qtbot)
    assert not editor.consent_given.isChecked()
    focus(editor.consent_given, qtbot)
    qtbot.keyClick(editor.consent_given, Key.Key_Space)
    assert editor.consent_date.isEnabled() and editor.consent_date.text() != "No consent recorded"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert member_named(panel.session, "Hannah Whitfield").consent_date == date.today()


def test_export_this_persons_data(panel: MembersPanel, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    choose(panel, qtbot, "Eileen Foster")
    target = tmp_path / "eileen.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    text = target.read_text(encoding="utf-8")
    assert "Eileen Foster" in text and "hearing loop" in text.lower()
    assert "Eileen said the hearing loop" in text  # her contribution, with its answer
    assert "Renée said carers" not in text  # nobody else's
    assert str(target) in panel.message.text() and panel.message.isVisible()
    assert oct(target.stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize("confirm", [True, False])
def test_remove_this_person_asks_first_then_erases_and_clears_undo(
        panel: MembersPanel, qtbot, confirm: bool) -> None:  # type: ignore[no-untyped-def]
    stack = panel.session.undo_stack
    marcus = choose(panel, qtbot, "Marcus Campbell")
    qtbot.mouseClick(panel.active_button, Qt.MouseButton.LeftButton)
    assert stack.count() == 1
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.confirmation is not None and panel.confirmation.isVisible())
    box = panel.confirmation
    assert box is not None and "cannot be undone" in box.informativeText()
    answer = next(b for b in box.buttons()
                  if box.buttonRole(b) == (QMessageBox.ButtonRole.DestructiveRole if confirm
                                           else QMessageBox.ButtonRole.RejectRole))
    qtbot.mouseClick(answer, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.confirmation is None)
    after = get_member(panel.session.workspace, marcus.id)  # type: ignore[arg-type]
    if not confirm:
        assert after.name == "Marcus Campbell" and stack.count() == 1
        return
    assert after.erased and after.name == "" and after.contact_details == "" and not after.access_needs
    assert after.role is Role.EXPERT_BY_EXPERIENCE and not after.active
    assert stack.count() == 0 and not stack.canUndo()
    assert "former member" in shown_names(panel)
    row = panel.proxy.row_of(marcus.id)  # type: ignore[arg-type]
    assert row is not None
    panel.table.selectRow(row)
    assert not panel.edit_button.isEnabled() and not panel.remove_button.isEnabled()


def test_panel_passes_the_accessibility_audit(panel: MembersPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    choose(panel, qtbot, "Darren Hughes")  # every button enabled, so every one is checked
    assert unnamed(panel) == []
    visited, came_back = tab_cycle(panel.search, qtbot)
    assert came_back, "Tab never comes back round to the search box (a focus trap)"
    missing = [describe(w) for w in focusable_widgets(panel) if w not in visited and w is not panel.search]
    assert missing == []
    order = [panel.search, panel.role_filter, panel.format_filter, panel.need_filter,
             panel.activity_filter, panel.sort_column, panel.sort_order, panel.table,
             panel.add_button, panel.edit_button, panel.active_button, panel.export_button,
             panel.remove_button]
    assert [w for w in visited if w in order] == order[1:]  # Tab follows the screen


def test_editor_passes_the_accessibility_audit(panel: MembersPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    choose(panel, qtbot, "Eileen Foster")  # large print: the size box is enabled
    qtbot.keyClick(panel.table, Key.Key_Return)
    editor = open_editor(panel, qtbot)
    assert unnamed(editor) == []
    visited, came_back = tab_cycle(editor.name, qtbot)
    assert came_back
    missing = [describe(w) for w in focusable_widgets(editor) if w not in visited and w is not editor.name]
    assert missing == []
    qtbot.keyClick(editor, Key.Key_Escape)
