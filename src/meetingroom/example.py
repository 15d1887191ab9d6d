"""The example workspace: a fictional co-production network with one held and one upcoming meeting.

Everything in it is read from `resources/example/*.json` and `resources/ground_rules.json`;
this module only turns that data into domain things and saves them, in one transaction, so
the example is written whole or not at all. Dates are counted from today, so there is always
one meeting behind and one ahead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from meetingroom import paths
from meetingroom.domain.agenda import AgendaItem, ItemPurpose
from meetingroom.domain.conduct import (
    Card,
    CardKind,
    GroundRule,
    Pause,
    SpeakingTurn,
    TurnKind,
    TurnMode,
)
from meetingroom.domain.followup import (
    Evaluation,
    Letter,
    LetterKind,
    Payment,
    PaymentKind,
    PaymentStatus,
)
from meetingroom.domain.group import AvoidTime, Group, InvolvementLevel, QueuePolicy
from meetingroom.domain.meeting import (
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingMode,
    MeetingStatus,
    Venue,
    VenueFeature,
)
from meetingroom.domain.outcomes import (
    Action,
    ActionStatus,
    Contribution,
    ContributionStatus,
    Decision,
    HowDecided,
)
from meetingroom.domain.papers import Channel, Distribution, EasyReadPoint, Paper
from meetingroom.domain.people import (
    AccessNeed,
    ContactPreference,
    FormatKind,
    FormatNeed,
    Member,
    Role,
)
from meetingroom.store import (
    Workspace,
    conduct,
    followup,
    groups,
    meetings,
    members,
    outcomes,
    papers,
)
from meetingroom.store.papers import body_from_json

Data = dict[str, Any]

_GROUP_SETTINGS = (
    "purpose", "terms_of_reference", "can_change", "cannot_change", "meeting_minutes",
    "papers_deadline_days", "feedback_deadline_days", "max_stretch_minutes", "turn_seconds",
    "payment_how_to_claim", "payment_days",
)
_MEMBER_TEXT = (
    "preferred_name", "pronunciation", "pronouns", "organisation", "contact_details",
    "access_notes", "payment_preference",
)
_DECISION_FIELDS = ("plain_text", "votes_for", "votes_against", "votes_abstaining",
                  "must_also_agree", "cannot_change")


def write_example(path: Path, *, today: date | None = None) -> None:
    """Create a new workspace at `path` holding the example group. An existing file is refused
    (WorkspaceError) and left alone; if filling fails, the new file is removed again, so a later
    attempt starts clean.
    """
    path = Path(path)
    ws = Workspace.create(path)
    try:
        with ws.transaction():
            _Example(ws, today or date.today()).fill()
    except BaseException:
        ws.close()
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        raise
    ws.close()


def ground_rule_templates() -> dict[str, GroundRule]:
    """The ground-rule templates the app ships, by key, in their listed order."""
    rules = _load(paths.resources_dir() / "ground_rules.json")
    return {
        rule["key"]: GroundRule(rule["text"], rule["easy_read_text"], rule["picture"], position=n)
        for n, rule in enumerate(rules)
    }


def meeting_day(today: date, weeks_from_today: int, weekday: int) -> date:
    """The given weekday (0 = Monday) on or before the day `weeks_from_today` weeks away."""
    day = today + timedelta(weeks=weeks_from_today)
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _example_data(name: str) -> Any:
    return _load(paths.resources_dir() / "example" / f"{name}.json")


def _offset(text: str) -> timedelta:
    """A time from the meeting's start written as M:SS, or -M:SS for before it."""
    sign = -1 if text.startswith("-") else 1
    minutes, seconds = text.lstrip("-").split(":")
    return sign * timedelta(minutes=int(minutes), seconds=int(seconds))


@dataclass
class _Example:
    ws: Workspace
    today: date
    people: dict[str, int] = field(default_factory=dict)
    formats: dict[str, FormatNeed] = field(default_factory=dict)
    venues: dict[str, int] = field(default_factory=dict)
    paper_ids: dict[str, int] = field(default_factory=dict)
    rule_ids: list[int] = field(default_factory=list)
    group_id: int = 0

    def fill(self) -> None:
        for spec in _example_data("members"):
            self._add_member(spec)
        self._add_group(_example_data("group"))
        for spec in _example_data("venues"):
            venue = Venue(spec["name"], address=spec["address"], directions=spec["directions"],
                          features=frozenset(VenueFeature(f) for f in spec["features"]))
            self.venues[spec["key"]] = meetings.add_venue(self.ws, venue)
        for spec in _example_data("papers"):
            easy = spec.get("easy_read")
            paper = Paper(
                spec["title"], self.group_id, body=body_from_json(json.dumps(spec["body"])),
                easy_read=None if easy is None else tuple(EasyReadPoint(**p) for p in easy),
                glossary_terms=tuple(spec["glossary_terms"]),
            )
            self.paper_ids[spec["key"]] = papers.add_paper(self.ws, paper)
        for spec in _example_data("meetings"):
            self._add_meeting(spec)

    def person(self, key: str | None) -> int | None:
        return None if key is None else self.people[key]

    def _add_member(self, spec: Data) -> None:
        form = spec.get("format", {"kind": "standard"})
        member = Member(
            spec["name"], Role(spec["role"]),
            contact_preference=ContactPreference(spec["contact_preference"]),
            format_need=FormatNeed(FormatKind(form["kind"]), form.get("size")),
            access_needs=frozenset(AccessNeed(n) for n in spec.get("access_needs", ())),
            consent_date=self.today - timedelta(days=spec["consent_days_ago"]),
            **{name: spec[name] for name in _MEMBER_TEXT if name in spec},
        )
        self.people[spec["key"]] = members.add_member(self.ws, member)
        self.formats[spec["key"]] = member.format_need

    def _add_group(self, spec: Data) -> None:
        group = Group(
            spec["name"], involvement_level=InvolvementLevel(spec["involvement_level"]),
            contact_member_id=self.person(spec["contact"]),
            queue_policy=QueuePolicy(spec["queue_policy"]),
            times_to_avoid=tuple(AvoidTime(t["label"], day, t["start"], t["end"])
                                 for t in spec["times_to_avoid"] for day in t["weekdays"]),
            **{name: spec[name] for name in _GROUP_SETTINGS},
        )
        self.group_id = groups.save_group(self.ws, group)
        templates = ground_rule_templates()
        for position, key in enumerate(spec["ground_rules"]):
            template = templates[key]
            rule = GroundRule(template.text, template.easy_read_text, template.picture,
                              position=position, group_id=self.group_id)
            self.rule_ids.append(conduct.add_ground_rule(self.ws, rule))

    def _add_meeting(self, spec: Data) -> None:
        day = meeting_day(self.today, spec["weeks_from_today"], spec["weekday"])
        start = datetime.combine(day, time.fromisoformat(spec["time"]))
        meeting = Meeting(spec["title"], start, self.group_id, minutes=spec["minutes"],
                          venue_id=self.venues[spec["venue"]], mode=MeetingMode(spec["mode"]),
                          status=MeetingStatus(spec["status"]))
        meeting_id = meetings.add_meeting(self.ws, meeting)
        meetings.invite(self.ws, meeting_id, [self.people[key] for key in spec["invited"]])
        items: dict[str, int] = {}
        for position, item in enumerate(spec["agenda"], start=1):
            items[item["key"]] = meetings.add_agenda_item(self.ws, AgendaItem(
                meeting_id, item["title"], position, plain_summary=item["summary"],
                purpose=ItemPurpose(item["purpose"]),
                presenter_id=self.person(item.get("presenter")),
                proposed_by_id=self.person(item.get("proposed_by")), minutes=item["minutes"],
                is_break=item.get("break", False),
                paper_ids=tuple(self.paper_ids[key] for key in item.get("papers", ())),
            ))
        _MeetingRecord(self, meeting_id, start, items).add(spec)


@dataclass
class _MeetingRecord:
    """What happened at (and after) one meeting, as far as its spec says."""

    example: _Example
    meeting_id: int
    start: datetime
    items: dict[str, int]

    def at(self, offset: str) -> datetime:
        return self.start + _offset(offset)

    def epoch(self, offset: str) -> float:
        return self.at(offset).timestamp()

    def day(self, days: int) -> datetime:
        return self.start + timedelta(days=days)

    def add(self, spec: Data) -> None:
        ex, ws, mid = self.example, self.example.ws, self.meeting_id
        for a in spec.get("attendance", ()):
            arrived = self.at(a["arrived"]) if "arrived" in a else None
            meetings.set_attendance(ws, Attendance(mid, ex.people[a["member"]],
                                                   AttendanceStatus(a["status"]), arrived))
        if "ground_rules_agreed" in spec:
            for rule_id in ex.rule_ids:
                conduct.agree_ground_rule(ws, mid, rule_id, self.at(spec["ground_rules_agreed"]))
        for t in spec.get("turns", ()):
            self._add_turn(t)
        for c in spec.get("cards", ()):
            conduct.add_card(ws, Card(mid, CardKind(c["kind"]), self.at(c["at"]),
                                      ex.person(c.get("member")), self.items[c["item"]]))
        for d in spec.get("decisions", ()):
            outcomes.add_decision(ws, Decision(
                mid, d["text"], self.items[d["item"]], how=HowDecided(d["how"]),
                **{name: d[name] for name in _DECISION_FIELDS if name in d}))
        for a in spec.get("actions", ()):
            outcomes.add_action(ws, Action(
                mid, a["text"], self.items[a["item"]], ex.person(a["owner"]),
                self.day(a["due"]).date(), ActionStatus(a["status"]), a.get("result", "")))
        for c in spec.get("contributions", ()):
            answered = self.day(c["answered"]) if "answered" in c else None
            outcomes.add_contribution(ws, Contribution(
                mid, ex.people[c["member"]], c["summary"], self.items[c["item"]],
                c.get("response", ""), ContributionStatus(c["status"]), answered))
        self._add_followup(spec)

    def _add_turn(self, t: Data) -> None:
        started = self.epoch(t["at"])
        pauses = tuple(Pause(self.epoch(p["at"]), self.epoch(p["at"]) + p["seconds"])
                       for p in t.get("pauses", ()))
        paused = sum(p["seconds"] for p in t.get("pauses", ()))
        conduct.add_turn(self.example.ws, SpeakingTurn(
            self.meeting_id, self.example.people[t["member"]], started - t.get("queued", 15),
            self.items[t["item"]], started, started + t["seconds"] + paused, pauses,
            TurnKind(t.get("kind", "contribution")), TurnMode(t.get("mode", "spoken")),
            self.example.person(t.get("speaker")),
        ))

    def _add_followup(self, spec: Data) -> None:
        ex, ws, mid = self.example, self.example.ws, self.meeting_id
        for p in spec.get("packs", ()):
            need = ex.formats[p["member"]]
            papers.add_distribution(ws, Distribution(
                mid, ex.people[p["member"]], need.kind, self.day(p["sent"]), Channel(p["channel"]),
                size=need.size))
        for letter in spec.get("letters", ()):
            need = ex.formats[letter["member"]]
            sent = None if letter["sent"] is None else self.day(letter["sent"])
            followup.add_letter(ws, Letter(
                mid, ex.people[letter["member"]], LetterKind(letter["kind"]), need.kind,
                self.day(letter["made"]), need.size, sent, Channel(letter["channel"]).value))
        for p in spec.get("payments", ()):
            followup.add_payment(ws, Payment(mid, ex.people[p["member"]], PaymentKind(p["kind"]),
                                             p["pence"], PaymentStatus(p["status"])))
        for e in spec.get("evaluations", ()):
            followup.add_evaluation(ws, Evaluation(mid, ex.person(e["member"]), e["answers"],
                                                   e["comment"]))
