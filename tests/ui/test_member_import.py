"""Importing members from a spreadsheet in the UI: see every bad row, cancel, import by keyboard, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from meetingroom.store.member_csv import current_members
from meetingroom.ui.main_window import MainWindow
from meetingroom.ui.member_import import MemberImportDialog, export_members, import_members
from tests.ui.audit import tab_cycle, unnamed

MIXED = (
    "Name;Role;Large print size;Format;Consent date;Contact details\r\n"
    "Zoë Ó Briain;carer;18;large print;07/03/2024;zoe@example.org\r\n"    # row 2: added
    "José;boss;15;standard;31/02/2024;\r\n"                               # row 3: bad
    "Siobhan Kelly;chair;20;large print;;siobhan.kelly@example.org\r\n"   # row 4: updated
    "Ann;carer;20;standard;;\r\n"                                         # row 5: bad
    "Bob Evans;supporter;;;;\r\n"                                         # row 6: added
)


@pytest.fixture
def window(open_window, example_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window(workspace=example_path)
    assert window.session is not None
    return window


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    path = tmp_path / "new members.csv"
    path.write_bytes(MIXED.encode("cp1252"))
    return path


def people(window: MainWindow) -> dict[str, object]:
    assert window.session is not None
    return {m.name: m for m in current_members(window.session.workspace)}


def open_dialog(window: MainWindow, path: Path, qtbot) -> MemberImportDialog:  # type: ignore[no-untyped-def]
    assert window.session is not None
    dialog = import_members(window, window.session, path)
    assert isinstance(dialog, MemberImportDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_bad_rows_are_listed_and_cancel_imports_nothing(window: MainWindow, mixed: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = people(window)
    dialog = open_dialog(window, mixed, qtbot)
    assert "2 people to add, 1 person to update" in dialog.summary.text()
    assert dialog.problems.text().startswith("2 rows have problems")
    model = dialog.bad_rows.model()
    rows = [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]
    assert rows[0][0] == "3" and rows[0][1].startswith("role 'boss' is not one of")
    assert "large print size 15 is not one of 16, 18, 20, 24, 28" in rows[0][1]
    assert "consent date '31/02/2024' is not a real date" in rows[0][1]
    assert rows[1] == ("5", "a large print size is given but the format is standard")
    assert model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) == "Row 3"
    assert dialog.import_button.text() == "&Import 3 good rows"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert people(window) == before
    assert window.session is not None and window.session.undo_stack.count() == 0


def test_import_by_keyboard_then_undo_and_redo(window: MainWindow, mixed: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = people(window)
    siobhan = before["Siobhan Kelly"]
    dialog = open_dialog(window, mixed, qtbot)
    assert QApplication.focusWidget() is dialog.bad_rows  # the problems are read first
    qtbot.keyClick(dialog.bad_rows, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.import_button
    qtbot.keyClick(dialog.import_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    after = people(window)
    assert set(after) - set(before) == {"Zoë Ó Briain", "Bob Evans"}
    assert after["Siobhan Kelly"].format_need.size == 20  # type: ignore[attr-defined]
    assert "José" not in after and "Ann" not in after
    view = window.workspace_page.current_view()
    assert view.model.rowCount() == len(after)  # the members table followed the change

    window.activateWindow()  # the offscreen platform does not hand activation back by itself
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert people(window) == before
    assert people(window)["Siobhan Kelly"] == siobhan
    window.menu.redo_action.trigger()  # Edit > Redo (its Ctrl+Y is bound twice: ambiguous)
    assert people(window) == after


def test_the_dialog_passes_the_accessibility_audit(window: MainWindow, mixed: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(window, mixed, qtbot)
    assert unnamed(dialog) == []
    visited, closed = tab_cycle(dialog.bad_rows, qtbot)
    assert closed, [type(w).__name__ for w in visited]
    assert visited == [dialog.import_button, dialog.cancel_button]
    assert dialog.table_label.buddy() is dialog.bad_rows
    dialog.reject()


def test_an_unreadable_file_gets_a_clear_message(window: MainWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = people(window)
    assert window.session is not None
    for path, says in ((tmp_path / "missing.csv", "cannot be read"),
                       (tmp_path / "photo.csv", "not text in UTF-8 or Windows-1252")):
        if path.name == "photo.csv":
            path.write_bytes(bytes(range(256)) * 4)
        box = import_members(window, window.session, path)
        assert isinstance(box, QMessageBox) and box.isVisible()
        assert says in box.text() and "Nothing has been imported" in box.text()
        box.close()
    assert people(window) == before


def test_nothing_to_import_disables_the_button(window: MainWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.csv"
    path.write_text("name,role\nAnn,boss\n", encoding="utf-8")
    dialog = open_dialog(window, path, qtbot)
    assert "No row" in dialog.summary.text() and not dialog.import_button.isEnabled()
    assert dialog.problems.text() == "1 row has a problem. Fix the file and import it again."
    assert unnamed(dialog) == []
    dialog.reject()


def test_export_then_import_again_adds_nobody(window: MainWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.session is not None
    path = tmp_path / "members.csv"
    box = export_members(window, window.session, path)
    assert isinstance(box, QMessageBox) and "13 members written" in box.text()
    box.close()
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    dialog = open_dialog(window, path, qtbot)
    assert "0 people to add, 0 people to update, 13 people already up to date" in dialog.summary.text()
    assert not dialog.import_button.isEnabled() and dialog.bad_rows.isHidden()
    dialog.reject()
    failed = export_members(window, window.session, tmp_path / "no such folder" / "x.csv")
    assert isinstance(failed, QMessageBox) and "cannot write" in failed.text()
    failed.close()


def test_nothing_is_clipped_at_200_percent_text(open_window, example_path: Path, mixed: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(workspace=example_path, text_scale=200)
    dialog = open_dialog(window, mixed, qtbot)
    table = dialog.bad_rows

    def rows_fit() -> bool:
        return all(table.rowHeight(r) >= table.sizeHintForRow(r) for r in range(table.model().rowCount()))

    qtbot.waitUntil(rows_fit)
    for label in (dialog.summary, dialog.problems, dialog.table_label):
        assert label.height() >= label.heightForWidth(label.width()) > 0
    for button in (dialog.import_button, dialog.cancel_button):
        assert button.width() >= button.sizeHint().width()
    dialog.reject()
