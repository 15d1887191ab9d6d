"""Right to erasure: after removal nothing personal remains in the workspace file, its WAL or any
backup (searched as raw bytes), and the statistics still add up with a "former member"."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from meetingroom.domain.people import FORMER_MEMBER, Member, Role
from meetingroom.example import write_example
from meetingroom.store import Workspace, conduct, followup, meetings, outcomes
from meetingroom.store.backups import list_backups
from meetingroom.store.groups import get_group
from meetingroom.store.members import (
    MemberHasRecords,
    add_member,
    delete_member,
    erase_member,
    get_member,
    list_members,
    records_of,
)


@pytest.fixture
def example(tmp_path: Path) -> Iterator[Workspace]:
    """The example workspace, opened twice before so two backups hold everyone."""
    path = tmp_path / "example.meetingroom"
    write_example(path)
    Workspace.open(path).close()
    ws = Workspace.open(path, backup_in_background=True)
    yield ws
    ws.close()


def person(ws: Workspace, name: str) -> Member:
    return next(m for m in list_members(ws) if m.name == name)


def files_of(ws: Workspace) -> list[Path]:
    """The workspace file, its WAL if there is one, and every backup."""
    wal = ws.path.with_name(ws.path.name + "-wal")
    return [ws.path, *([wal] if wal.exists() else []), *list_backups(ws.path)]


def secrets(member: Member) -> list[str]:
    texts = [member.name, member.preferred_name, member.pronunciation, member.contact_details,
             member.access_notes, member.payment_preference if len(member.payment_preference) > 20 else ""]
    return [t for t in texts if t]


def leaks(ws: Workspace, texts: list[str]) -> list[str]:
    found = []
    for path in files_of(ws):
        raw = path.read_bytes()
        for text in texts:
            for form in {text.encode("utf-8"), json.dumps(text)[1:-1].encode("ascii")}:
                if form in raw:
                    found.append(f"{path.name}: {text!r}")
    return found


def held_meeting(ws: Workspace) -> int:
    return int(ws.query("SELECT id FROM meeting WHERE status != 'planning' ORDER BY start LIMIT 1")[0][0])


def statistics(ws: Workspace, meeting_id: int) -> dict[str, object]:
    turns = conduct.turns(ws, meeting_id)
    return {
        "attendance": sorted((a.member_id, a.status.value) for a in meetings.attendance(ws, meeting_id)),
        "turns": len(turns),
        "talk_seconds": round(sum(t.talk_seconds() for t in turns), 3),
        "turns_by_person": sorted((t.member_id, round(t.talk_seconds(), 3)) for t in turns),
        "contributions": sorted((c.member_id, c.status.value) for c in outcomes.contributions(ws, meeting_id)),
        "payments": sum(p.amount_pence for p in followup.payments(ws, meeting_id)),
        "evaluation_answers": [e.answers for e in followup.evaluations(ws, meeting_id)],
    }


def test_setup_holds_the_person_everywhere_before_erasure(example: Workspace) -> None:
    nnamdi = person(example, "Nnamdi Okafor")
    example.wait_for_backup()
    assert len(list_backups(example.path)) == 2
    assert leaks(example, secrets(nnamdi)), "the search must find them before they are erased"


def test_erase_a_member_with_attendance_turns_contributions_and_payments(example: Workspace) -> None:
    nnamdi = person(example, "Nnamdi Okafor")
    assert nnamdi.id is not None
    meeting_id = held_meeting(example)
    before = statistics(example, meeting_id)
    assert {"attendance", "speaking_turn", "contribution", "payment"} <= set(records_of(example, nnamdi.id))
    heard: list[frozenset[str]] = []
    example.on_change(heard.append)

    erase_member(example, nnamdi.id)

    assert leaks(example, [*secrets(nnamdi), "Nnamdi", "07700 900412"]) == []
    assert not example.path.with_name(example.path.name + "-wal").exists() or \
        example.path.with_name(example.path.name + "-wal").stat().st_size == 0
    assert statistics(example, meeting_id) == before
    erased = get_member(example, nnamdi.id)
    assert erased.erased and not erased.active and erased.role is Role.EXPERT_BY_EXPERIENCE
    assert erased.display_name == FORMER_MEMBER and erased.access_needs == frozenset()
    assert (erased.pronouns, erased.contact_details, erased.consent_date) == ("", "", None)
    said = [c.summary for c in outcomes.contributions(example, meeting_id) if c.member_id == nnamdi.id]
    assert said and said[0].startswith("former member said that when he rang the crisis line")
    comments = [e.comment for e in followup.evaluations(example, meeting_id) if e.member_id == nnamdi.id]
    assert comments == [""]
    assert any("member" in tables for tables in heard)


def test_every_backup_is_erased_too(example: Workspace) -> None:
    renee = person(example, "Renée O'Connell")  # a name with an accent: checked as UTF-8 and JSON
    assert renee.id is not None
    erase_member(example, renee.id)
    backups = list_backups(example.path)
    assert len(backups) == 2
    assert leaks(example, [*secrets(renee), "Renée", "O'Connell"]) == []
    for backup in backups:
        with Workspace.open(backup, backup=False) as copy:
            assert get_member(copy, renee.id).erased
            assert person(copy, "Eileen Foster").access_notes  # nobody else lost anything


def test_a_backup_that_cannot_be_erased_is_deleted(example: Workspace) -> None:
    broken = list_backups(example.path)[0].with_name("broken-99999999.meetingroom")
    broken.write_bytes(b"SQLite format 3\x00" + b"Nnamdi Okafor" * 100)
    nnamdi = person(example, "Nnamdi Okafor")
    erase_member(example, nnamdi.id)  # type: ignore[arg-type]
    assert not broken.exists()
    assert leaks(example, secrets(nnamdi)) == []


def test_mentions_in_other_records_become_former_member(example: Workspace) -> None:
    aisha = person(example, "Aisha Rahman")
    darren = person(example, "Darren Hughes")
    erase_member(example, aisha.id)  # type: ignore[arg-type]
    darren_now = get_member(example, darren.id)  # type: ignore[arg-type]
    assert "copy to former member at Brookside" in darren_now.contact_details
    assert "support worker, former member." in darren_now.access_notes
    comments = [e.comment for e in followup.evaluations(example, held_meeting(example))]
    assert "I liked the pictures. former member helped me say my bit." in comments
    assert leaks(example, ["Aisha", "Rahman", "Halal food, please.", "07700 900538"]) == []


def test_a_first_name_another_member_shares_is_kept(example: Workspace) -> None:
    aisha = person(example, "Aisha Rahman")
    add_member(example, Member("Aisha Khan", Role.CARER))
    erase_member(example, aisha.id)  # type: ignore[arg-type]
    assert person(example, "Aisha Khan").name == "Aisha Khan"
    darren = person(example, "Darren Hughes")
    assert "copy to former member at Brookside" in darren.contact_details  # the full name went
    assert "support worker, Aisha." in darren.access_notes  # "Aisha" alone could be Aisha Khan
    assert leaks(example, ["Aisha Rahman", "Rahman"]) == []


def test_erasing_the_groups_contact_person_leaves_no_contact(example: Workspace) -> None:
    group = get_group(example)
    assert group is not None and group.contact_member_id is not None
    rhiannon = get_member(example, group.contact_member_id)
    erase_member(example, group.contact_member_id)
    after = get_group(example)
    assert after is not None and after.contact_member_id is None
    assert leaks(example, ["Rhiannon Llywelyn", "rhiannon.llywelyn@example.org"]) == []
    actions = outcomes.actions(example)
    assert any(a.owner_id == rhiannon.id for a in actions)  # still owns them, as a former member


def test_erasure_refuses_inside_another_change(example: Workspace) -> None:
    nnamdi = person(example, "Nnamdi Okafor")
    with pytest.raises(Exception, match="outside another change"), example.transaction():
        erase_member(example, nnamdi.id)  # type: ignore[arg-type]
    assert get_member(example, nnamdi.id).name == "Nnamdi Okafor"  # type: ignore[arg-type]


def test_delete_member_only_when_they_are_in_no_record(example: Workspace) -> None:
    new_id = add_member(example, Member("Just Added", access_needs=frozenset()))
    assert records_of(example, new_id) == []
    delete_member(example, new_id)
    with pytest.raises(KeyError):
        get_member(example, new_id)
    nnamdi = person(example, "Nnamdi Okafor")
    with pytest.raises(MemberHasRecords, match="attendance"):
        delete_member(example, nnamdi.id)  # type: ignore[arg-type]
    assert get_member(example, nnamdi.id).name == "Nnamdi Okafor"  # type: ignore[arg-type]


def test_erasing_in_a_copy_without_wal_or_backups(tmp_path: Path) -> None:
    path = tmp_path / "plain.meetingroom"
    write_example(path)
    shutil.rmtree(path.with_name(path.name + ".backups"), ignore_errors=True)
    with Workspace.open(path, backup=False) as ws:
        kwame = person(ws, "Kwame Asante")
        erase_member(ws, kwame.id)  # type: ignore[arg-type]
        assert leaks(ws, [*secrets(kwame), "Kwame", "Bramble"]) == []
        assert any("Find out why former member's booked taxi" in a.text for a in outcomes.actions(ws))
