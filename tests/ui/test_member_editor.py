"""The member editor on its own: every field survives a round trip; problems are shown by the field."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from meetingroom.domain.people import (
    LARGE_PRINT_SIZES,
    AccessNeed,
    ContactPreference,
    FormatKind,
    FormatNeed,
    Member,
    Role,
)
from meetingroom.themes import load_theme
from meetingroom.ui.labels import label
from meetingroom.ui.member_editor import MemberEditor
from meetingroom.ui.styling import apply_theme
from tests.ui.audit import unnamed

Key = Qt.Key

EVERYTHING = Member(
    name="Siân ap Rhys <o'r Bala> & co", role=Role.SUPPORTER, id=42, preferred_name="Siân",
    pronunciation="SHAHN ap REES", pronouns="she/her", organisation="Cymdeithas \"Llais\"",
    contact_preference=ContactPreference.LETTER,
    contact_details="Flat 1\n2 Stryd Fawr\nBala LL23 7AA",
    format_need=FormatNeed(FormatKind.OTHER_LANGUAGE, language="Welsh"),
    access_needs=frozenset({AccessNeed.LANGUAGE_INTERPRETER, AccessNeed.DIETARY, AccessNeed.OTHER}),
    access_notes="Vegan.\nNeeds a Welsh interpreter 🙂", payment_preference="Cheque",
    consent_date=date(2024, 2, 29), active=False,
)


@pytest.fixture
def editor(qapp: QApplication, qtbot) -> MemberEditor:  # type: ignore[no-untyped-def]
    apply_theme(qapp, load_theme("standard"), 100)
    made = MemberEditor(EVERYTHING)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def test_every_field_comes_back_unchanged(editor: MemberEditor) -> None:
    assert editor.member() == EVERYTHING


@pytest.mark.parametrize("size", LARGE_PRINT_SIZES)
def test_each_large_print_size_round_trips(qtbot, size: int) -> None:  # type: ignore[no-untyped-def]
    member = Member("Eileen", format_need=FormatNeed(FormatKind.LARGE_PRINT, size))
    editor = MemberEditor(member)
    qtbot.addWidget(editor)
    assert editor.print_size.isEnabled() and editor.print_size.currentText() == f"{size} point"
    assert editor.member().format_need == FormatNeed(FormatKind.LARGE_PRINT, size)


def test_size_and_language_only_for_their_formats(editor: MemberEditor, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert editor.language.isEnabled() and not editor.print_size.isEnabled()
    editor.format_kind.setFocus()
    while editor.format_kind.currentText() != label(FormatKind.EASY_READ):
        qtbot.keyClick(editor.format_kind, Key.Key_Up)
    assert not editor.language.isEnabled() and not editor.print_size.isEnabled()
    assert editor.member().format_need == FormatNeed(FormatKind.EASY_READ)  # no stray language kept


def test_another_language_needs_the_language(editor: MemberEditor, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor.language.clear()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and editor.language_problem.isVisible()
    assert "language" in editor.language_problem.text()
    assert editor.language.accessibleDescription() in editor.language_problem.text()
    qtbot.keyClicks(editor.language, "Welsh")
    with qtbot.waitSignal(editor.accepted):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.language_problem.isVisible()


def test_a_new_member_starts_with_no_consent_and_active(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = MemberEditor()
    qtbot.addWidget(editor)
    assert editor.windowTitle() == "Add a member" and editor.save_button.text() == "Add member"
    assert not editor.consent_given.isChecked() and not editor.consent_date.isEnabled()
    assert editor.active.isChecked()
    qtbot.keyClicks(editor.name, "New Person")
    made = editor.member()
    assert made.consent_date is None and made.id is None and made.active


def test_consent_date_changed_by_keyboard(editor: MemberEditor, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor.consent_date.setFocus()
    qtbot.keyClick(editor.consent_date, Key.Key_Home)  # the day
    qtbot.keyClick(editor.consent_date, Key.Key_Down)
    assert editor.consent_date.date() == QDate(2024, 2, 28)
    assert editor.member().consent_date == date(2024, 2, 28)


def test_every_control_has_a_name(editor: MemberEditor) -> None:
    assert unnamed(editor) == []
