"""Feedback letters ("you said, we did") read back from the files: every invited member's letter
has their own contributions and the answers to them, and nobody else's; thanks or sorry;
decisions, their actions, the next meeting, whom to ask, their payments; exactly as typed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from meetingroom.documents.agenda import EasyWords
from meetingroom.documents.feedback_letter import (
    RECEIPT,
    STILL_WORKING,
    feedback_letter,
    letter_text,
    payment_days_words,
)
from meetingroom.documents.letters import LetterEntry, member_letter, write_letters
from meetingroom.documents.meeting_record import MeetingRecord, read_meeting_record
from meetingroom.documents.minutes import easy_sentences
from meetingroom.documents.model import FormatProfile
from meetingroom.domain.outcomes import Contribution, ContributionStatus
from meetingroom.domain.papers import EasyReadPoint
from meetingroom.domain.people import FormatKind, FormatNeed, Member
from meetingroom.language.glossary import Glossary
from meetingroom.store import Workspace
from meetingroom.store.groups import get_group, save_group
from meetingroom.store.members import get_member, update_member
from tests.documents.held_meeting import (
    HELD_DAY,
    NEXT_DAY,
    TRICKY_ANSWER,
    TRICKY_SAID,
    add_tricky_member,
    file_words,
    held_id,
    write_held,
)
from tests.documents.readback import TRICKY, squash


@dataclass
class Written:
    record: MeetingRecord
    folder: Path
    entries: list[LetterEntry]

    def entry(self, name: str) -> LetterEntry:
        return next(e for e in self.entries if e.member == name)

    def member(self, name: str) -> Member:
        return next(m for m in self.record.snapshot.invited if m.name == name)

    def words(self, name: str, suffix: str) -> str:
        return file_words(self.folder / next(f for f in self.entry(name).files if f.endswith(suffix)))


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Written:
    """Every invited member's letter, written once (no speech engine: audio becomes print)."""
    base = tmp_path_factory.mktemp("letters")
    path = write_held(base / "example.meetingroom")
    with Workspace.open(path, backup=False) as ws:
        record = read_meeting_record(ws, held_id(ws))
    entries = write_letters(record, record.meeting_id, base / "letters")
    return Written(record, base / "letters", entries)


def _answer_words(contribution: Contribution) -> str:
    if contribution.status is ContributionStatus.ACTED_ON:
        return f"We did: {contribution.response}"
    if contribution.status is ContributionStatus.NOT_POSSIBLE:
        return f"We could not do this, because: {contribution.response}"
    return STILL_WORKING


def _easy(text: str, record: MeetingRecord) -> list[str]:
    return easy_sentences(text, EasyWords(Glossary.load(record.snapshot.glossary_terms)))


def test_each_letter_has_its_members_own_contributions_and_answers_and_no_one_elses(written: Written) -> None:
    record = written.record
    assert len(written.entries) == len(record.snapshot.invited) == 14
    speakers = {c.member_id for c in record.contributions}
    assert len(speakers) == 10 and len({c.summary for c in record.contributions}) == len(record.contributions)
    checked = 0
    for member, entry in zip(record.snapshot.invited, written.entries, strict=True):
        assert entry.member_id == member.id
        mine = record.contributions_of(member.id or 0)
        others = [c for c in record.contributions if c.member_id != member.id]
        for name in entry.files:
            text = file_words(written.folder / name)
            easy = entry.format == "easy-read"
            for contribution in mine:
                if easy:  # in its easy-read words: short sentences, acronyms spelled out
                    expected = [*_easy(contribution.summary, record), *_easy(contribution.response, record)]
                    assert expected and all(squash(s) in text for s in expected), (name, expected)
                else:
                    assert squash(f"You said: {contribution.summary}") in text, name
                    assert squash(_answer_words(contribution)) in text, name
                checked += 1
            for contribution in others:
                assert squash(contribution.summary) not in text, name
                assert squash(_easy(contribution.summary, record)[0]) not in text, name
                if contribution.response:
                    assert squash(contribution.response) not in text, name
                    assert squash(_easy(contribution.response, record)[0]) not in text, name
    assert checked >= 9 * 2 + 1  # a PDF and a DOCX (or the braille text) for each speaker


def test_thanks_for_coming_or_sorry_we_missed_you(written: Written) -> None:
    came = written.words("Grace Mensah", ".pdf")
    assert "Dear Grace Mensah," in came and f"Thank you for coming to the meeting of Riverside Mental " \
        f"Health Co-production Network on {HELD_DAY}." in came
    assert "We are sorry we missed you" not in came
    sorry = written.words("Tomasz Nowak", ".docx")  # sent apologies
    assert f"We are sorry we missed you at the meeting of Riverside Mental Health Co-production " \
        f"Network on {HELD_DAY}. Thank you for letting us know you could not come." in sorry
    assert "You said, we did" not in sorry  # he said nothing: he was not there
    absent = written.words("Kwame Asante", ".txt")  # absent, but sent a message
    assert "We are sorry we missed you" in absent and "Thank you for letting us know" not in absent
    assert "You said: Kwame sent a message asking for the crisis line number in braille." in absent
    easy = written.words("Daz", ".pdf")
    assert "Hello Daz. Thank you for coming to our meeting. It was on Tuesday 20 October 2026." in easy
    quiet = written.words("Hannah Whitfield", ".pdf")  # came, said nothing written down
    assert "We did not write down anything you said at this meeting." in quiet


def test_decisions_actions_next_meeting_contact_and_payments(written: Written) -> None:
    renee = written.words("Renée O'Connell", ".pdf")
    assert "Decision: We all agreed to help make the new course about hearing voices." in renee
    assert "Everyone agreed." in renee and "Vote: 5 for, 1 against, 1 did not vote." in renee
    assert "What cannot change: The budget for room hire stays the same." in renee
    assert "About: Recovery College: a new course about hearing voices" in renee
    assert f"Our next meeting Date: {NEXT_DAY} Time: 10:30 to 12:30 Place: Riverside Community Hub" in renee
    assert "Involvement payment: £75.00 (paid)" in renee and "Care costs: £36.00 (paid)" in renee
    assert "How you asked to be paid: Bank transfer; claims replacement care" in renee
    assert "please contact Rhiannon Llywelyn" in renee
    assert "Contact details: rhiannon.llywelyn@example.org, 07700 900101" in renee
    assert "Your actions" not in renee
    marcus = written.words("Marcus Campbell", ".docx")
    assert "Travel expenses: £22.60 (claimed, not paid yet)" in marcus
    assert "Involvement payment" not in marcus
    rhiannon = written.words("Rhiannon Llywelyn", ".pdf")
    assert "Your actions" in rhiannon
    assert "Find out why Kwame's booked taxi did not arrive, and set up a second taxi firm as a back-up." in rhiannon
    assert "Done. The firm had double-booked the car." in rhiannon
    assert "Book Riverside Community Hub for the next 12 months" in rhiannon and "Still to do." in rhiannon
    assert "Send the network's feedback on the crisis line" not in rhiannon  # Priya's action
    assert "We have no payment or expenses claim from you for this meeting." in rhiannon
    daz = written.words("Daz", ".pdf")
    assert "We could not do this. This is why. The Trust cannot add a text service this year." in daz
    assert "We paid you £75.00 for taking part." in daz
    assert "If you have a question, contact Rhiannon Llywelyn." in daz


def test_the_review_shows_the_words_each_format_shows(written: Written) -> None:
    record = written.record
    kwame = written.member("Kwame Asante")
    document, profile = member_letter(record, kwame)
    assert profile == FormatProfile()
    assert letter_text(document, profile) == (written.folder / written.entry("Kwame Asante").files[0]).read_text(
        encoding="utf-8")
    daz = written.member("Darren Hughes")
    document, profile = member_letter(record, daz)
    assert profile.kind is FormatKind.EASY_READ
    shown = letter_text(document, profile)
    pdf = written.words("Daz", ".pdf")
    points = [p.text for p in document.easy_read if isinstance(p, EasyReadPoint)]
    assert all(p in shown and squash(p) in pdf for p in points)
    assert "Dear Daz" not in shown  # the print words are not what easy read shows
    nnamdi = written.member("Nnamdi Okafor")
    document, profile = member_letter(record, nnamdi)
    heard = letter_text(document, profile)
    assert profile.kind is FormatKind.AUDIO
    assert "Dear NAHM-dee oh-KAH-for," in heard and "Nnamdi Okafor" not in heard  # AD3
    assert "contact hree-AN-on hluh-WEL-in" in heard and "75 pounds" in heard
    assert heard.count("Feedback: Network meeting") == 1  # the title is read once


def test_audio_members_get_print_with_a_note_when_no_sound_can_be_made(written: Written) -> None:
    entry = written.entry("Nnamdi Okafor")
    assert (entry.format, entry.kind) == ("standard", FormatKind.STANDARD)
    assert entry.note.startswith("You asked for audio.")
    text = written.words("Nnamdi Okafor", ".pdf")
    assert "Dear Nnamdi Okafor," in text and squash(entry.note) in text
    braille = written.entry("Kwame Asante")
    assert (braille.format, braille.kind, braille.files) == (
        "standard", FormatKind.BRAILLE_TEXT, ("Kwame-Asante/feedback-letter.txt",))
    assert braille.letter_made().format is FormatKind.BRAILLE_TEXT


@pytest.mark.parametrize("need", [FormatNeed(), FormatNeed(FormatKind.LARGE_PRINT, 20),
                                  FormatNeed(FormatKind.EASY_READ)], ids=lambda n: n.kind.value)
def test_a_tricky_name_and_contribution_come_out_exactly_as_typed(tmp_path: Path, need: FormatNeed) -> None:
    """AD4: markup, quotes, emoji and right-to-left scripts, never markup, never a crash."""
    path = write_held(tmp_path / "example.meetingroom", tricky=False)
    with Workspace.open(path, backup=False) as ws:
        meeting_id = held_id(ws)
        tricky = add_tricky_member(ws, meeting_id, need)
        entries = write_letters(ws, meeting_id, tmp_path / "letters", members=[tricky])
    assert [e.member for e in entries] == [TRICKY]
    for name in entries[0].files:
        text = file_words(tmp_path / "letters" / name)
        if need.kind is FormatKind.EASY_READ:
            assert squash(f"Hello {TRICKY}.") in text and squash(f"This is what you said. {TRICKY}") in text
            assert squash(TRICKY_ANSWER.removeprefix("We did it: ")) in text
        else:
            assert squash(f"Dear {TRICKY},") in text
            assert squash(f"You said: {TRICKY_SAID}") in text and squash(f"We did: {TRICKY_ANSWER}") in text
            assert squash(f"How you asked to be paid: {TRICKY}") in text


def test_some_letters_only_and_a_changed_format_replaces_the_old_files(written: Written, tmp_path: Path) -> None:
    path = write_held(tmp_path / "example.meetingroom", tricky=False)
    folder = tmp_path / "letters"
    with Workspace.open(path, backup=False) as ws:
        meeting_id = held_id(ws)
        write_letters(ws, meeting_id, folder)
        marcus = next(m for m in read_meeting_record(ws, meeting_id).snapshot.invited if m.name == "Marcus Campbell")
        assert marcus.id is not None
        changed = get_member(ws, marcus.id)
        changed.format_need = FormatNeed(FormatKind.BRAILLE_TEXT)
        update_member(ws, changed)
        entries = write_letters(ws, meeting_id, folder, members=[marcus.id])
        with pytest.raises(KeyError):
            write_letters(ws, meeting_id, folder, members=[9999])
    assert [e.files for e in entries] == [("Marcus-Campbell/feedback-letter.txt",)]
    assert sorted(p.name for p in (folder / "Marcus-Campbell").iterdir()) == ["feedback-letter.txt"]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest) == 13  # the others' entries are kept
    assert [e for e in manifest if e["member"] == "Marcus Campbell"] == [
        {"member": "Marcus Campbell", "format": "standard", "size": None,
         "files": ["Marcus-Campbell/feedback-letter.txt"]}]


def test_a_record_for_another_meeting_is_refused(written: Written, tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_letters(written.record, written.record.meeting_id + 1, tmp_path / "x")
    letter = feedback_letter(written.record, written.member("Grace Mensah"), note="A note for Grace.")
    assert letter.title.startswith("Feedback: Network meeting")
    assert any(b.plain_text() == "A note for Grace." for b in letter.blocks)


EXAMPLE_POLICY = ("Fill in the claim form in your letter, or tell Rhiannon by phone or email. "
                  "Send receipts for travel and care, or a photo of them.")


def test_every_letter_says_how_to_claim_and_how_long_payment_takes(written: Written) -> None:
    """The group's payment policy in every format, read back from the files: how to claim
    exactly as typed, and "Payment takes up to 10 days." in digits (ER5)."""
    record = written.record
    assert (record.payment_how_to_claim, record.payment_days) == (EXAMPLE_POLICY, 10)
    easy_policy = _easy(EXAMPLE_POLICY, record)
    assert easy_policy == ["Fill in the claim form in your letter, or tell Rhiannon by phone or email.",
                           "Send receipts for travel and care, or a photo of them."]
    seen: set[str] = set()
    for entry in written.entries:
        for name in entry.files:
            text = file_words(written.folder / name)
            seen.add(f"{entry.format}{Path(name).suffix}")
            assert "Payment takes up to 10 days." in text, name
            assert "ten days" not in text
            if entry.format == "easy-read":
                assert squash(" ".join(["This is how to claim money.", *easy_policy])) in text, name
            else:
                assert squash(f"How to claim: {EXAMPLE_POLICY}") in text, name
    assert seen == {"standard.pdf", "standard.docx", "standard.txt", "large-print.pdf",
                    "large-print.docx", "easy-read.pdf", "easy-read.docx"}
    # No payment from Rhiannon this time: her letter still tells her how to claim.
    assert not record.payments_of(written.member("Rhiannon Llywelyn").id or 0)
    rhiannon = written.words("Rhiannon Llywelyn", ".docx")
    assert f"this meeting. How to claim: {EXAMPLE_POLICY} Payment takes up to 10 days." in rhiannon
    # Easy read: a picture for each point of the policy.
    document, _ = member_letter(record, written.member("Darren Hughes"))
    claim = next(p for p in document.easy_read if isinstance(p, EasyReadPoint)
                 and p.text.startswith("This is how to claim money."))
    days = next(p for p in document.easy_read if isinstance(p, EasyReadPoint)
                and p.text == "Payment takes up to 10 days.")
    assert claim.picture == RECEIPT and days.picture
    # Audio: the script says it too.
    heard = letter_text(*member_letter(record, written.member("Nnamdi Okafor")))
    assert f"How to claim: {EXAMPLE_POLICY}" in heard and "Payment takes up to 10 days." in heard


def test_payment_days_in_words() -> None:
    assert payment_days_words(10) == "Payment takes up to 10 days."
    assert payment_days_words(1) == "Payment takes up to 1 day."
    assert payment_days_words(0) == ""


@pytest.mark.parametrize("need", [FormatNeed(), FormatNeed(FormatKind.BRAILLE_TEXT),
                                  FormatNeed(FormatKind.EASY_READ)], ids=lambda n: n.kind.value)
def test_a_tricky_policy_comes_out_as_typed_and_no_days_says_nothing_of_days(
        tmp_path: Path, need: FormatNeed) -> None:
    """AD4 for the group's own words; a group that has not said how long payment takes (0)
    gets nothing about days."""
    path = write_held(tmp_path / "example.meetingroom", tricky=False)
    policy = f"Ask {TRICKY} for a form.\nSend it back by post."
    with Workspace.open(path, backup=False) as ws:
        group = get_group(ws)
        assert group is not None
        group.payment_how_to_claim, group.payment_days = policy, 0
        save_group(ws, group)
        meeting_id = held_id(ws)
        tricky = add_tricky_member(ws, meeting_id, need)
        entries = write_letters(ws, meeting_id, tmp_path / "letters", members=[tricky])
    assert entries[0].files
    for name in entries[0].files:
        text = file_words(tmp_path / "letters" / name)
        assert "Payment takes" not in text and " days" not in text, name
        if need.kind is FormatKind.EASY_READ:
            assert squash(f"This is how to claim money. Ask {TRICKY} for a form. Send it back by post.") in text
        else:  # each line (the DOCX reader here runs a line break's two sides together)
            assert squash(f"How to claim: Ask {TRICKY} for a form.") in text, name
            assert "Send it back by post." in text, name
    if need.kind is FormatKind.BRAILLE_TEXT:  # the line break as typed
        raw = (tmp_path / "letters" / entries[0].files[0]).read_text(encoding="utf-8")
        assert f"How to claim: Ask {TRICKY} for a form.\nSend it back by post." in raw
