"""Co-production checks on an agenda: who proposed what, where it sits, time, breaks and words."""

from __future__ import annotations

from meetingroom.domain.agenda import AgendaItem
from meetingroom.domain.agenda_checks import (
    Finding,
    FindingKind,
    HardWord,
    check_agenda,
)
from meetingroom.domain.people import Role

# Members who propose items: 1 expert by experience, 2 carer, 3 professional, 4 facilitator.
ROLES = {1: Role.EXPERT_BY_EXPERIENCE, 2: Role.CARER, 3: Role.PROFESSIONAL, 4: Role.FACILITATOR}


def item(id: int, title: str, minutes: int, by: int | None = None, *, summary: str = "About it.",
         is_break: bool = False) -> AgendaItem:
    return AgendaItem(1, title, position=id, id=id, minutes=minutes, proposed_by_id=by,
                      plain_summary=summary, is_break=is_break)


def check(items: list[AgendaItem], minutes: int = 120, stretch: int = 120, hard=None) -> list[Finding]:  # type: ignore[no-untyped-def]
    return check_agenda(items, meeting_minutes=minutes, max_stretch_minutes=stretch, roles=ROLES,
                        hard_words=hard)


def kinds(findings: list[Finding]) -> list[FindingKind]:
    return [f.kind for f in findings]


GOOD = [
    item(1, "Welcome", 10),
    item(2, "Crisis line", 30, 1),
    item(3, "Budget", 15, 3),
    item(4, "Break", 15, is_break=True),
    item(5, "Carers' passports", 25, 2),
    item(6, "Close", 10),
]


def test_a_good_agenda_has_no_findings() -> None:
    assert check(GOOD) == []


def test_running_over_says_by_how_much_and_which_items() -> None:
    findings = check(GOOD, minutes=100)
    assert kinds(findings) == [FindingKind.RUNS_OVER]
    reason = findings[0].reason
    assert "105 minutes" in reason and "100 minutes" in reason and "5 minutes over" in reason
    assert findings[0].item_ids == (6,)
    assert check(GOOD, minutes=105) == []


def test_a_stretch_longer_than_the_limit_says_where_a_break_would_go() -> None:
    assert check(GOOD, stretch=60) == []
    findings = check(GOOD, stretch=50)
    assert kinds(findings) == [FindingKind.LONG_STRETCH]
    assert findings[0].item_ids == (1, 2, 3)
    reason = findings[0].reason
    assert "55 minutes without a break" in reason and "limit is 50 minutes" in reason
    assert "after \u2018Crisis line\u2019" in reason
    # The limit itself is allowed; each stretch is judged on its own.
    assert check(GOOD, stretch=55) == []
    no_breaks = [i for i in GOOD if not i.is_break]
    findings = check(no_breaks, stretch=40)
    assert kinds(findings) == [FindingKind.LONG_STRETCH]
    assert "90 minutes" in findings[0].reason


def test_one_long_item_alone_is_a_long_stretch() -> None:
    findings = check([item(1, "Away day", 90, 1)], stretch=60)
    assert kinds(findings) == [FindingKind.LONG_STRETCH]
    assert "Shorten \u2018Away day\u2019" in findings[0].reason


def test_lived_experience_items_last() -> None:
    agenda = [item(1, "Welcome", 10), item(2, "Budget", 20, 3), item(3, "Plans", 20, 4),
              item(4, "Crisis line", 20, 1), item(5, "Carers", 20, 2), item(6, "Close", 10)]
    findings = check(agenda)
    assert kinds(findings) == [FindingKind.LIVED_EXPERIENCE_LAST]
    assert findings[0].item_ids == (4, 5)
    assert "Move at least one of them earlier" in findings[0].reason
    # One lived-experience item before a staff item is enough.
    agenda[1], agenda[3] = agenda[3], agenda[1]
    for position, moved in enumerate(agenda):
        moved.position = position
    assert check(agenda) == []


def test_lived_experience_items_squeezed() -> None:
    agenda = [item(1, "Crisis line", 10, 1), item(2, "Budget", 30, 3), item(3, "Carers", 15, 2),
              item(4, "Plans", 20, 4)]
    findings = check(agenda)
    assert kinds(findings) == [FindingKind.LIVED_EXPERIENCE_LESS_TIME]
    assert "12.5 minutes on average" in findings[0].reason
    assert "get 25 minutes" in findings[0].reason
    assert findings[0].item_ids == (1, 3)
    # Breaks and items nobody proposed (welcome, close) do not count either way.
    assert check([*agenda, item(5, "Close", 2), item(6, "Break", 5, 3, is_break=True)]) == findings


def test_no_item_from_an_expert_by_experience() -> None:
    agenda = [item(1, "Welcome", 10), item(2, "Carers", 30, 2), item(3, "Budget", 20, 3)]
    findings = check(agenda)
    assert kinds(findings) == [FindingKind.NO_EXPERT_BY_EXPERIENCE_ITEM]
    assert findings[0].item_ids == ()
    assert check([]) == []


def test_items_without_a_plain_summary_but_breaks_need_none() -> None:
    agenda = [item(1, "Crisis line", 20, 1, summary="  "),
              item(2, "Break", 10, is_break=True, summary="")]
    findings = check(agenda)
    assert kinds(findings) == [FindingKind.NO_PLAIN_SUMMARY]
    assert findings[0].item_ids == (1,)
    assert "\u2018Crisis line\u2019 has no plain summary" in findings[0].reason


def test_jargon_and_acronyms_in_titles_come_from_the_caller() -> None:
    def hard(title: str) -> list[HardWord]:
        words = []
        if "transformation" in title:
            words.append(HardWord("transformation", "change"))
        if "ICB" in title:
            words.append(HardWord("ICB", "the local NHS", "Integrated Care Board", acronym=True))
        if "XYZ" in title:
            words.append(HardWord("XYZ", acronym=True))
        return words

    agenda = [item(1, "ICB transformation plan", 20, 1), item(2, "XYZ update", 20, 1),
              item(3, "Tea", 10, is_break=True)]
    findings = check(agenda, hard=hard)
    assert kinds(findings) == [FindingKind.JARGON_IN_TITLE, FindingKind.ACRONYM_IN_TITLE,
                               FindingKind.ACRONYM_IN_TITLE]
    assert [f.item_ids for f in findings] == [(1,), (1,), (2,)]
    assert "\u2018transformation\u2019 (try \u2018change\u2019)" in findings[0].reason
    assert "write \u2018Integrated Care Board\u2019 or \u2018the local NHS\u2019" in findings[1].reason
    assert "spell it out" in findings[2].reason
    assert check(agenda) == []  # without a way to find hard words, titles are not checked


def test_findings_come_whole_agenda_first_then_in_agenda_order() -> None:
    agenda = [item(2, "Budget", 50, 3, summary=""), item(1, "Crisis line", 20, 2, summary="")]
    found = kinds(check(agenda, minutes=60, stretch=60))
    assert found[:2] == [FindingKind.RUNS_OVER, FindingKind.LONG_STRETCH]
    assert found == [FindingKind.RUNS_OVER, FindingKind.LONG_STRETCH,
                     FindingKind.NO_EXPERT_BY_EXPERIENCE_ITEM, FindingKind.LIVED_EXPERIENCE_LESS_TIME,
                     FindingKind.NO_PLAIN_SUMMARY, FindingKind.NO_PLAIN_SUMMARY]
    summaries = [f for f in check(agenda, minutes=60) if f.kind is FindingKind.NO_PLAIN_SUMMARY]
    assert [f.item_ids for f in summaries] == [(1,), (2,)]
