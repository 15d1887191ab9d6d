"""The fairness panel shows real figures from `measure()`: words for each role group, m:ss per
person, who has not spoken, the Gini reading; live updates change cells without a reset; it
is quick with 200 people and 2,000 turns; and it passes the accessibility audit."""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from meetingroom.domain.conduct import SpeakingTurn
from meetingroom.domain.fairness import Fairness, measure
from meetingroom.domain.people import Role
from meetingroom.themes import load_theme
from meetingroom.ui.fairness_model import (
    NAME,
    SHARE,
    TALK,
    PersonTalkModel,
    RoleShareModel,
    comparison,
    gini_words,
    percent,
)
from meetingroom.ui.fairness_panel import FairnessPanel, Person
from meetingroom.ui.labels import label
from meetingroom.ui.styling import apply_theme
from tests.ui.audit import tab_cycle, unnamed

pytestmark = pytest.mark.gui

OKAFOR, JO, PRIYA, ANN, MO = 1, 2, 3, 4, 5
ITEM_1, ITEM_2 = 10, 11
PEOPLE = {OKAFOR: Person("Dr Okafor", Role.PROFESSIONAL),
          JO: Person("Jo", Role.EXPERT_BY_EXPERIENCE),
          PRIYA: Person("Priya", Role.CARER),
          ANN: Person("Ann", Role.CHAIR)}
PRESENT = {member_id: person.role for member_id, person in PEOPLE.items()}


def turn(member: int, start: float, end: float | None, item: int) -> SpeakingTurn:
    return SpeakingTurn(3, member, queued_at=start, agenda_item_id=item, started_at=start,
                        ended_at=end)


# Dr Okafor speaks six minutes in two turns, Jo one minute, Ann 1:40, Priya not at all.
MEETING = [turn(OKAFOR, 0, 200, ITEM_1), turn(OKAFOR, 300, 460, ITEM_1),
           turn(JO, 500, 560, ITEM_2), turn(ANN, 600, 700, ITEM_2)]


@pytest.fixture
def panel(qtbot, qapp: QApplication) -> Iterator[FairnessPanel]:  # type: ignore[no-untyped-def]
    apply_theme(qapp, load_theme("standard"), 100)
    made = FairnessPanel()
    qtbot.addWidget(made)
    made.resize(900, 900)
    made.show()
    qtbot.waitExposed(made)
    made.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is made)
    yield made
    apply_theme(qapp, load_theme("standard"), 100)


def role_row(model: RoleShareModel, role: Role) -> list[str]:
    row = model.roles.index(role)
    return [model.text(row, column) for column in range(model.columnCount())]


def person_row(model: PersonTalkModel, member_id: int) -> list[str]:
    row = model.row_of(member_id)
    assert row is not None
    return [model.text(row, column) for column in range(model.columnCount())]


def names_in_order(model: PersonTalkModel) -> list[str]:
    return [model.text(row, NAME) for row in range(model.rowCount())]


def test_the_models_pass_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    roles, people = RoleShareModel(), PersonTalkModel()
    figures = measure(MEETING, PRESENT, agenda_item_id=ITEM_2)
    roles.show(figures)
    people.show(figures, PEOPLE)
    qtmodeltester.check(roles)
    qtmodeltester.check(people)
    people.sort(TALK, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(people)


def test_a_real_meeting_in_words_and_figures(panel: FairnessPanel) -> None:
    panel.show_fairness(measure(MEETING, PRESENT, agenda_item_id=ITEM_2), PEOPLE)
    # 520 seconds of talk among 4 people, a quarter each: Okafor 360 s is 69% (2.8x),
    # Jo 60 s is 12% (0.5x), Ann 100 s is 19% (0.8x), Priya none.
    assert role_row(panel.roles, Role.PROFESSIONAL) == [
        label(Role.PROFESSIONAL), "over-heard (2.8×)", "69%", "25%", "1"]
    assert role_row(panel.roles, Role.EXPERT_BY_EXPERIENCE)[1:3] == ["under-heard (0.5×)", "12%"]
    assert role_row(panel.roles, Role.CHAIR)[1] == "about fair (0.8×)"
    assert role_row(panel.roles, Role.CARER)[1:3] == ["under-heard (not heard yet)", "0%"]
    assert panel.roles.rowCount() == 4

    assert person_row(panel.people, OKAFOR) == ["Dr Okafor", "6:00", "69%", "2", "Professional"]
    assert person_row(panel.people, JO)[1:4] == ["1:00", "12%", "1"]
    assert person_row(panel.people, ANN)[1] == "1:40"
    assert person_row(panel.people, PRIYA)[1:4] == ["0:00", "0%", "0"]
    assert names_in_order(panel.people) == ["Ann", "Dr Okafor", "Jo", "Priya"]

    assert panel.not_spoken_in_meeting.text() == "Not spoken yet in this meeting (1 of 4): Priya."
    assert panel.not_spoken_on_item.text() == (
        "Not spoken yet on this item (2 of 4): Dr Okafor, Priya.")
    # Talk of 0, 60, 100, 360 seconds: Gini (-1*60 + 1*100 + 3*360) / (4 * 520) = 0.54.
    assert "0.54 — a few people are doing most of the talking" in panel.gini.text()
    assert panel.total.text() == "Total talk time: 8:40 (minutes and seconds)."


def test_before_anyone_speaks_and_before_anyone_arrives(panel: FairnessPanel) -> None:
    assert panel.roles.rowCount() == 0 and panel.people.rowCount() == 0
    assert panel.not_spoken_in_meeting.text() == "Nobody is checked in yet."
    panel.show_fairness(measure([], PRESENT, agenda_item_id=ITEM_1), PEOPLE)
    assert {role_row(panel.roles, role)[1] for role in PRESENT.values()} == {"nobody has spoken yet"}
    assert "nobody has spoken yet" in panel.gini.text()
    assert panel.not_spoken_in_meeting.text() == (
        "Not spoken yet in this meeting (4 of 4): Ann, Dr Okafor, Jo, Priya.")
    everyone = [turn(m, 100 * m, 100 * m + 30, ITEM_1) for m in PEOPLE]
    panel.show_fairness(measure(everyone, PRESENT, agenda_item_id=ITEM_1), PEOPLE)
    assert panel.not_spoken_in_meeting.text() == "Everyone here has spoken in this meeting."
    assert panel.not_spoken_on_item.text() == "Everyone here has spoken on this item."
    assert "0.00 — talk is shared evenly" in panel.gini.text()


def test_someone_who_left_still_shows_with_their_talk(panel: FairnessPanel) -> None:
    left = {**PEOPLE, MO: Person("Mo", Role.EXPERT_BY_EXPERIENCE)}
    figures = measure([*MEETING, turn(MO, 800, 890, ITEM_2)], PRESENT, agenda_item_id=ITEM_2)
    panel.show_fairness(figures, left)
    assert person_row(panel.people, MO)[:2] == ["Mo", "1:30"]
    assert role_row(panel.roles, Role.EXPERT_BY_EXPERIENCE)[4] == "1"  # Mo is not counted here
    panel.show_fairness(figures, PEOPLE)  # the caller did not name Mo
    assert person_row(panel.people, MO)[:2] == ["Someone not listed", "1:30"]


def test_a_running_turn_updates_cells_without_a_reset(panel: FairnessPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    running = [*MEETING, turn(PRIYA, 1000, None, ITEM_2)]
    panel.show_fairness(measure(running, PRESENT, agenda_item_id=ITEM_2, now=1010), PEOPLE)
    assert person_row(panel.people, PRIYA)[1] == "0:10"
    panel.people_table.selectRow(panel.people.row_of(PRIYA))
    with qtbot.assertNotEmitted(panel.people.modelReset), \
            qtbot.assertNotEmitted(panel.roles.modelReset), \
            qtbot.assertNotEmitted(panel.people.layoutChanged), \
            qtbot.waitSignal(panel.people.dataChanged) as changed:
        panel.show_fairness(measure(running, PRESENT, agenda_item_id=ITEM_2, now=1125), PEOPLE)
    top_left, bottom_right = changed.args[0], changed.args[1]
    assert (top_left.column(), bottom_right.column()) == (TALK, SHARE)  # her turns are still 1
    assert person_row(panel.people, PRIYA)[1:4] == ["2:05", "19%", "1"]
    assert role_row(panel.roles, Role.CARER)[1] == "about fair (0.8×)"
    assert panel.not_spoken_in_meeting.text() == "Everyone here has spoken in this meeting."
    assert panel.current_person() == PRIYA
    with qtbot.assertNotEmitted(panel.people.dataChanged):  # nothing changed, nothing reported
        panel.show_fairness(measure(running, PRESENT, agenda_item_id=ITEM_2, now=1125), PEOPLE)


def test_sorting_by_keyboard_follows_the_talk(panel: FairnessPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    running = [*MEETING, turn(PRIYA, 1000, None, ITEM_2)]
    panel.show_fairness(measure(running, PRESENT, agenda_item_id=ITEM_2, now=1001), PEOPLE)
    panel.sort_choice.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(panel.sort_choice.hasFocus)
    while panel.sort_choice.currentText() != "Most talk time first":
        qtbot.keyClick(panel.sort_choice, Qt.Key.Key_Down)
    assert names_in_order(panel.people) == ["Dr Okafor", "Ann", "Jo", "Priya"]
    assert panel.people_table.horizontalHeader().sortIndicatorSection() == TALK
    panel.people_table.selectRow(panel.people.row_of(PRIYA))
    # Priya talks on past Jo (60 s) and then Ann (100 s): rows move, the selection follows her.
    with qtbot.assertNotEmitted(panel.people.modelReset), \
            qtbot.waitSignal(panel.people.layoutChanged):
        panel.show_fairness(measure(running, PRESENT, agenda_item_id=ITEM_2, now=1130), PEOPLE)
    assert names_in_order(panel.people) == ["Dr Okafor", "Priya", "Ann", "Jo"]
    assert panel.current_person() == PRIYA
    # Clicking a column header sorts too, and the choice follows it.
    header = panel.people_table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(SHARE) + 5, 5))
    assert header.sortIndicatorSection() == SHARE
    assert panel.sort_choice.currentData() // 2 == TALK  # share of talk sorts as talk time does
    assert panel.people.sort_column == SHARE


def test_someone_arriving_resets_and_keeps_the_chosen_person(panel: FairnessPanel) -> None:
    panel.show_fairness(measure(MEETING, PRESENT, agenda_item_id=ITEM_2), PEOPLE)
    panel.people_table.setCurrentIndex(panel.people.index(panel.people.row_of(JO), 0))
    arrived = {**PEOPLE, 9: Person("Bea", Role.CARER)}
    panel.show_fairness(measure(MEETING, {**PRESENT, 9: Role.CARER}, ITEM_2), arrived)
    assert names_in_order(panel.people) == ["Ann", "Bea", "Dr Okafor", "Jo", "Priya"]
    assert role_row(panel.roles, Role.CARER)[4] == "2"
    assert panel.current_person() == JO


@pytest.mark.parametrize(("ratio", "words"), [
    (None, "nobody has spoken yet"), (0.0, "under-heard (not heard yet)"),
    (0.4, "under-heard (0.4×)"), (0.64, "under-heard (0.6×)"), (0.66, "about fair (0.7×)"),
    (1.0, "about fair (1.0×)"), (1.54, "about fair (1.5×)"), (1.56, "over-heard (1.6×)"),
    (2.3, "over-heard (2.3×)")])
def test_the_words_agree_with_the_figure_shown(ratio: float | None, words: str) -> None:
    assert comparison(ratio) == words


def test_gini_and_percent_words() -> None:
    assert gini_words(0.12, 60) == "0.12 — talk is shared evenly"
    assert gini_words(0.3, 60) == "0.30 — some people are talking more than others"
    assert gini_words(0.55, 60) == "0.55 — a few people are doing most of the talking"
    assert gini_words(0.8, 60) == "0.80 — one or two people are doing almost all the talking"
    assert gini_words(0.0, 0) == "nobody has spoken yet"
    assert [percent(0), percent(0.001), percent(0.344), percent(1)] == ["0%", "under 1%", "34%", "100%"]


def big_meeting(now: float) -> tuple[Fairness, dict[int, Person]]:
    roles = [Role.EXPERT_BY_EXPERIENCE, Role.CARER, Role.PROFESSIONAL, Role.SUPPORTER, Role.CHAIR]
    people = {m: Person(f"Person {m:03d}", roles[m % len(roles)]) for m in range(1, 201)}
    turns = [turn(1 + (i * 37) % 200, 60.0 * i, 60.0 * i + 10 + i % 45, ITEM_1 + i // 700)
             for i in range(1999)]
    turns.append(turn(7, 60.0 * 2000, None, ITEM_1 + 2))
    present = {m: p.role for m, p in people.items()}
    return measure(turns, present, ITEM_1 + 2, now=now), people


def test_two_hundred_people_update_in_well_under_8_ms(panel: FairnessPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    start = 60.0 * 2000
    ticks = [big_meeting(start + second) for second in range(51)]
    panel.show_fairness(*ticks[0])
    assert panel.people.rowCount() == 200
    panel.people_table.sortByColumn(TALK, Qt.SortOrder.DescendingOrder)
    QApplication.processEvents()
    costs = []
    with qtbot.assertNotEmitted(panel.people.modelReset):
        for fairness, people in ticks[1:]:
            began = time.perf_counter()
            panel.show_fairness(fairness, people)
            costs.append(time.perf_counter() - began)
            QApplication.processEvents()  # paint, as the console would between calls
    median_ms = statistics.median(costs) * 1000
    print(f"\nshow_fairness with 200 people: median {median_ms:.2f} ms, "
          f"max {max(costs) * 1000:.2f} ms over {len(costs)} calls")
    assert person_row(panel.people, 7)[1] != "0:00"
    assert median_ms < 8


def test_accessibility_audit(panel: FairnessPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel.show_fairness(measure(MEETING, PRESENT, agenda_item_id=ITEM_2), PEOPLE)
    assert unnamed(panel) == []
    visited, closed = tab_cycle(panel.roles_table, qtbot)
    assert closed, "Tab is trapped"
    assert visited == [panel.sort_choice, panel.people_table]


@pytest.mark.parametrize("theme", ["standard", "high-contrast-dark"])
def test_nothing_clipped_at_200_percent(panel: FairnessPanel, qtbot, qapp: QApplication,  # type: ignore[no-untyped-def]
                                        theme: str) -> None:
    panel.show_fairness(measure(MEETING, PRESENT, agenda_item_id=ITEM_2), PEOPLE)
    panel.resize(520, 700)
    apply_theme(qapp, load_theme(theme), 200)

    def nothing_clipped() -> bool:
        roles, people = panel.roles_table, panel.people_table
        text_height = roles.fontMetrics().height()
        rows = roles.verticalHeader().length()
        return (rows >= 4 * text_height  # the rows have grown with the text...
                and roles.viewport().height() >= rows  # ...and all four are in view
                and people.horizontalHeader().sectionSize(NAME)
                >= people.fontMetrics().horizontalAdvance("Dr Okafor")
                and people.height() >= 6 * people.fontMetrics().height()
                and all(w.height() >= w.heightForWidth(w.width())
                        for w in (panel.heading, panel.gini, panel.not_spoken_on_item)))

    qtbot.waitUntil(nothing_clipped)
    assert unnamed(panel) == []
