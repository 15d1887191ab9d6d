"""Co-production checks on an agenda, each with a plain reason a facilitator can act on.

The checks look at who proposed each item (are the items of people with lived experience
last, or squeezed?), breaks, the total against the meeting's length, plain summaries and
hard words in titles. Which words are hard is not decided here: the caller passes a
function (the glossary lives in `meetingroom.language`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from meetingroom.domain.agenda import AgendaItem
from meetingroom.domain.people import Role


class FindingKind(StrEnum):
    RUNS_OVER = "runs-over"
    LONG_STRETCH = "long-stretch"
    LIVED_EXPERIENCE_LAST = "lived-experience-last"
    LIVED_EXPERIENCE_LESS_TIME = "lived-experience-less-time"
    NO_EXPERT_BY_EXPERIENCE_ITEM = "no-expert-by-experience-item"
    NO_PLAIN_SUMMARY = "no-plain-summary"
    JARGON_IN_TITLE = "jargon-in-title"
    ACRONYM_IN_TITLE = "acronym-in-title"


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    reason: str
    item_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class HardWord:
    """A word in a title that readers may not know: jargon, or an acronym not spelled out.

    `plain` is a plain alternative and `expansion` what an acronym stands for; either may be
    empty when nothing is known about the word.
    """

    text: str
    plain: str = ""
    expansion: str = ""
    acronym: bool = False


HardWords = Callable[[str], Sequence[HardWord]]


def check_agenda(
    items: Sequence[AgendaItem],
    *,
    meeting_minutes: int,
    max_stretch_minutes: int,
    roles: Mapping[int, Role],
    hard_words: HardWords | None = None,
) -> list[Finding]:
    """Every finding for an agenda, whole-agenda findings first, then item by item.

    `roles` gives the role of each member who may have proposed an item. Items nobody (or
    "the group") proposed, such as a welcome or a close, are left out of the comparisons
    between people's items; so are breaks.
    """
    ordered = sorted(items, key=lambda item: item.position)
    findings = runs_over(ordered, meeting_minutes)
    findings += long_stretches(ordered, max_stretch_minutes)
    findings += lived_experience_findings(ordered, roles)
    for item in ordered:
        findings += item_findings(item, hard_words)
    return findings


def _ids(items: Sequence[AgendaItem]) -> tuple[int, ...]:
    return tuple(item.id for item in items if item.id is not None)


def _minutes(n: int | float) -> str:
    shown = f"{n:.1f}".rstrip("0").rstrip(".") if isinstance(n, float) else str(n)
    return f"{shown} minute" if shown == "1" else f"{shown} minutes"


def _quoted(item: AgendaItem) -> str:
    return f"\u2018{item.title.strip() or 'Untitled item'}\u2019"


def runs_over(items: Sequence[AgendaItem], meeting_minutes: int) -> list[Finding]:
    total = sum(item.minutes for item in items)
    if total <= meeting_minutes:
        return []
    over, at, late = total - meeting_minutes, 0, []
    for item in items:
        at += item.minutes
        if at > meeting_minutes:
            late.append(item)
    return [Finding(FindingKind.RUNS_OVER, (
        f"The agenda adds up to {_minutes(total)}, but the meeting is {_minutes(meeting_minutes)}: "
        f"it runs {_minutes(over)} over. Shorten some items, or move one to the next meeting. "
        f"Otherwise the last items, often the ones members asked for, get rushed or cut."
    ), _ids(late))]


def long_stretches(items: Sequence[AgendaItem], max_stretch_minutes: int) -> list[Finding]:
    """A finding for each run of items longer than the group's limit with no break in it."""
    findings: list[Finding] = []
    stretch: list[AgendaItem] = []
    for item in [*items, None]:
        if item is not None and not item.is_break:
            stretch.append(item)
            continue
        minutes = sum(i.minutes for i in stretch)
        if minutes > max_stretch_minutes:
            findings.append(_long_stretch(stretch, minutes, max_stretch_minutes))
        stretch = []
    return findings


def _long_stretch(stretch: list[AgendaItem], minutes: int, limit: int) -> Finding:
    where = ""
    at = 0
    for item in stretch[:-1]:
        at += item.minutes
        if at > limit:
            break
        where = f" Add a break after {_quoted(item)}, or shorten items."
    if not where:
        where = f" Shorten {_quoted(stretch[0])}, or split it with a break."
    span = (f"{_quoted(stretch[0])} to {_quoted(stretch[-1])}" if len(stretch) > 1
            else _quoted(stretch[0]))
    return Finding(FindingKind.LONG_STRETCH, (
        f"From {span} runs {_minutes(minutes)} without a break. The group's limit is "
        f"{_minutes(limit)}.{where}"
    ), _ids(stretch))


def lived_experience_findings(items: Sequence[AgendaItem], roles: Mapping[int, Role]) -> list[Finding]:
    """Items of experts by experience and carers: last, or given less time, or none at all."""
    def role(item: AgendaItem) -> Role | None:
        return None if item.proposed_by_id is None else roles.get(item.proposed_by_id)

    talks = [item for item in items if not item.is_break]
    lived = [i for i in talks if (r := role(i)) is not None and r.has_lived_experience]
    others = [i for i in talks if (r := role(i)) is not None and not r.has_lived_experience]
    findings: list[Finding] = []
    if talks and not any(role(i) is Role.EXPERT_BY_EXPERIENCE for i in talks):
        findings.append(Finding(FindingKind.NO_EXPERT_BY_EXPERIENCE_ITEM, (
            "No item on this agenda was proposed by an expert by experience. Ask members with "
            "lived experience what they want to talk about, and put their items on the agenda."
        )))
    if not lived or not others:
        return findings
    if min(i.position for i in lived) > max(i.position for i in others):
        findings.append(Finding(FindingKind.LIVED_EXPERIENCE_LAST, (
            "Every item proposed by experts by experience or carers comes after all the items "
            "other people proposed. If the meeting runs late, their items are the ones that get cut. "
            "Move at least one of them earlier."
        ), _ids(lived)))
    lived_average = sum(i.minutes for i in lived) / len(lived)
    others_average = sum(i.minutes for i in others) / len(others)
    if lived_average < others_average:
        findings.append(Finding(FindingKind.LIVED_EXPERIENCE_LESS_TIME, (
            f"Items proposed by experts by experience or carers get {_average(lived_average)} on "
            f"average; other people's items get {_average(others_average)}. Give their items "
            f"at least as much time."
        ), _ids(lived)))
    return findings


def _average(minutes: float) -> str:
    return _minutes(round(minutes, 1) if minutes != int(minutes) else int(minutes))


def item_findings(item: AgendaItem, hard_words: HardWords | None = None) -> list[Finding]:
    """An item (not a break) with no plain summary, and hard words in any item's title."""
    findings: list[Finding] = []
    ids = _ids([item])
    if not item.is_break and not item.plain_summary.strip():
        findings.append(Finding(FindingKind.NO_PLAIN_SUMMARY, (
            f"{_quoted(item)} has no plain summary. Add a sentence or two in everyday words "
            f"saying what the item is about and what members are asked to do."
        ), ids))
    if hard_words is None:
        return findings
    words = list(hard_words(item.title))
    jargon = [w for w in words if not w.acronym]
    acronyms = [w for w in words if w.acronym]
    if jargon:
        findings.append(Finding(FindingKind.JARGON_IN_TITLE, (
            f"The title {_quoted(item)} uses jargon: "
            + "; ".join(_jargon_advice(w) for w in jargon) + "."
        ), ids))
    if acronyms:
        findings.append(Finding(FindingKind.ACRONYM_IN_TITLE, (
            f"The title {_quoted(item)} uses "
            + "; ".join(_acronym_advice(w) for w in acronyms) + "."
        ), ids))
    return findings


def _jargon_advice(word: HardWord) -> str:
    if word.plain:
        return f"\u2018{word.text}\u2019 (try \u2018{word.plain}\u2019)"
    return f"\u2018{word.text}\u2019"


def _acronym_advice(word: HardWord) -> str:
    if word.expansion:
        advice = f"\u2018{word.text}\u2019 without spelling it out: write \u2018{word.expansion}\u2019"
        if word.plain and word.plain.casefold() != word.expansion.casefold():
            advice += f" or \u2018{word.plain}\u2019"
        return advice
    return f"\u2018{word.text}\u2019 without saying what it stands for: spell it out, or use plain words"
