"""The minutes of the example's held meeting, read back from the files: who came and who sent
apologies, each item in agenda order with its decisions and actions in plain words, anything
not tied to an item, the next meeting; and the words they are made of."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from meetingroom.documents.agenda import EasyWords
from meetingroom.documents.letters import write_minutes
from meetingroom.documents.meeting_record import FORMER_MEMBER_WORDS, read_meeting_record
from meetingroom.documents.minutes import easy_sentences, minutes_document
from meetingroom.domain.minutes_words import easy_how_decided, how_decided, money, split_long
from meetingroom.domain.outcomes import Action, Decision, HowDecided
from meetingroom.domain.papers import EasyReadPoint
from meetingroom.language.glossary import Glossary
from meetingroom.store import Workspace
from meetingroom.store.members import erase_member
from meetingroom.store.outcomes import add_action, add_decision
from tests.documents.example_meeting import upcoming_id
from tests.documents.held_meeting import (
    HELD_DAY,
    NEXT_DAY,
    file_words,
    held_id,
    member_id,
    write_held,
)


@pytest.fixture(scope="module")
def minutes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """The held meeting, with a decision and an action on no item, written once."""
    base = tmp_path_factory.mktemp("minutes")
    path = write_held(base / "example.meetingroom", tricky=False)
    with Workspace.open(path, backup=False) as ws:
        meeting_id = held_id(ws)
        add_decision(ws, Decision(meeting_id, "The network will look at its terms of reference again.",
                                  how=HowDecided.DEFERRED))
        add_action(ws, Action(meeting_id, "Send everyone the dates of next year's meetings.",
                              owner_id=member_id(ws, "Hannah Whitfield"), due=date(2026, 11, 30)))
        files = write_minutes(ws, meeting_id, base / "out")
    return path, files


def test_minutes_in_every_printed_format_with_their_names(minutes: tuple[Path, list[Path]]) -> None:
    _path, files = minutes
    assert [f.name for f in files] == [
        "minutes-standard.pdf", "minutes-standard.docx",
        "minutes-large-print-18pt.pdf", "minutes-large-print-18pt.docx",  # Siobhan reads 18 pt
        "minutes-large-print-24pt.pdf", "minutes-large-print-24pt.docx",  # Eileen reads 24 pt
        "minutes-easy-read.pdf", "minutes-easy-read.docx"]
    assert all(f.is_file() and f.stat().st_size > 0 for f in files)


@pytest.mark.parametrize("name", ["minutes-standard.pdf", "minutes-standard.docx",
                                  "minutes-large-print-24pt.pdf"])
def test_attendance_then_each_item_in_order_with_decisions_and_actions(
        minutes: tuple[Path, list[Path]], name: str) -> None:
    _path, files = minutes
    text = file_words(files[0].parent / name)
    assert HELD_DAY in text and "10:30 to 12:30" in text and "St Brigid's Church Hall" in text
    assert ("Present: Siobhan Kelly, Rhiannon Llywelyn, Nnamdi Okafor, Renée O'Connell, Marcus "
            "Campbell, Daz, Aisha Rahman, Priya Sharma, Grace Mensah, Eileen Foster, Hannah "
            "Whitfield.") in text
    assert "Apologies: Tomasz Nowak." in text and "Kwame" not in text.split("Apologies")[1][:40]
    order = ["Welcome, introductions and ground rules", "Calling the crisis line", "Recovery College: a new course",
             "Where we meet next year", "Anything else, and how today went", "Other decisions and actions",
             "Our next meeting"]
    at = [text.index(heading) for heading in order]
    assert at == sorted(at)
    assert "Break" not in text  # a break with nothing decided is left out
    crisis = text[at[1]:at[2]]
    assert ("Action: Send the network's feedback on the crisis line to the crisis team manager and ask "
            "for a written reply before the next meeting.") in crisis
    assert "Who: Priya Sharma" in crisis and "By when: Tuesday 3 November 2026" in crisis
    college = text[at[2]:at[3]]
    # The decision in its plain words, how it was made, and its limits.
    assert "Decision: We all agreed to help make the new course about hearing voices." in college
    assert "Everyone agreed." in college
    assert "Who else must agree: The Recovery College management board, which funds the course." in college
    assert "What cannot change: The course must be ready for the spring term." in college
    venue = text[at[3]:at[4]]
    assert "Vote: 5 for, 1 against, 1 did not vote." in venue
    other = text[at[5]:at[6]]
    assert "Decision: The network will look at its terms of reference again." in other
    assert "Put off to a later meeting." in other
    assert "Who: Hannah Whitfield" in other and "By when: Monday 30 November 2026" in other
    assert NEXT_DAY in text[at[6]:] and "Riverside Community Hub" in text[at[6]:]
    assert "You can also join online." in text[at[6]:]
    # Minutes are not letters: what each member said stays in their own letter.
    assert "40 minutes" not in text and "phone calls make him anxious" not in text


def test_easy_read_minutes_have_a_picture_per_point_and_short_words(minutes: tuple[Path, list[Path]]) -> None:
    path, files = minutes
    with Workspace.open(path, backup=False) as ws:
        document = minutes_document(read_meeting_record(ws, held_id(ws)))
    points = [p for p in document.easy_read if isinstance(p, EasyReadPoint)]
    assert all(p.picture for p in points)
    text = file_words(files[0].parent / "minutes-easy-read.pdf")
    assert "These are the minutes of our meeting." in text
    assert "11 people came to the meeting:" in text and "1 person could not come and said sorry:" in text
    assert "Tomasz Nowak" in text
    assert "We voted to move our meetings to Riverside Community Hub." in text
    assert "2 of us will join the group that plans it" in text  # ER5: "Two" as a digit
    assert "Priya Sharma will do this by Tuesday 3 November 2026." in text
    assert "We did not decide yet. We will decide at a later meeting." in text
    assert "Hannah Whitfield will do this by Monday 30 November 2026." in text
    assert "Hard words" in text and "Notes of what a meeting talked about and decided." in text


def test_action_owners_whose_details_were_erased_are_a_former_member(tmp_path: Path) -> None:
    path = write_held(tmp_path / "example.meetingroom", tricky=False)
    with Workspace.open(path, backup=False) as ws:
        erase_member(ws, member_id(ws, "Priya Sharma"))
        record = read_meeting_record(ws, held_id(ws))
    document = minutes_document(record)
    words = " ".join(b.plain_text() or " ".join("".join(r.text for r in i) for i in b.items)
                     for b in document.blocks)
    assert "Priya" not in words and f"Who: {FORMER_MEMBER_WORDS}" in words
    easy = " ".join(p.text for p in document.easy_read if isinstance(p, EasyReadPoint))
    assert "A former member will do this by Tuesday 3 November 2026." in easy


def test_no_next_meeting_and_no_such_meeting(tmp_path: Path) -> None:
    path = write_held(tmp_path / "example.meetingroom", tricky=False)
    with Workspace.open(path, backup=False) as ws:
        record = read_meeting_record(ws, upcoming_id(ws))  # nothing planned after the last meeting
        assert record.next_meeting is None
        with pytest.raises(KeyError):
            read_meeting_record(ws, 999)
        with pytest.raises(KeyError):
            write_minutes(ws, 999, tmp_path / "none")
    words = " ".join(b.plain_text() for b in minutes_document(record).blocks)
    assert "The date of our next meeting is not set yet." in words
    assert "Present: Not recorded." in words


# -- the words -------------------------------------------------------------------------------

def test_how_a_decision_was_made_in_words() -> None:
    vote = Decision(1, "x", how=HowDecided.VOTE, votes_for=9, votes_against=2, votes_abstaining=1)
    assert how_decided(vote) == "Vote: 9 for, 2 against, 1 did not vote"
    assert how_decided(Decision(1, "x", how=HowDecided.VOTE, votes_for=4)) == "Vote: 4 for"
    assert how_decided(Decision(1, "x", how=HowDecided.VOTE)) == "Vote"
    assert how_decided(Decision(1, "x")) == "Everyone agreed"
    assert how_decided(Decision(1, "x", how=HowDecided.CHAIR)) == "The chair decided"
    assert how_decided(Decision(1, "x", how=HowDecided.DEFERRED)) == "Put off to a later meeting"
    assert easy_how_decided(vote) == ["We voted.", "9 people voted yes.", "2 people voted no.",
                                      "1 person did not vote."]


def test_money_in_pounds_written_and_spoken() -> None:
    assert [money(p) for p in (7500, 480, 5, 123456)] == ["£75.00", "£4.80", "£0.05", "£1,234.56"]
    assert [money(p, spoken=True) for p in (7500, 2260, 100, 60)] == [
        "75 pounds", "22 pounds 60", "1 pound", "60 pence"]


def test_long_sentences_break_where_a_clause_ends() -> None:
    nnamdi = ("Nnamdi said that when he rang the crisis line at night he waited 40 minutes, then "
              "had to tell his whole story again to someone who had not read his notes.")
    parts = split_long(nnamdi)
    assert parts[0] == "Nnamdi said that when he rang the crisis line at night he waited 40 minutes."
    assert all(len(p.split()) <= 15 and p[0].isupper() and p.endswith(".") for p in parts)
    assert " ".join(parts).replace(".", "").lower() == nnamdi.replace(",", "").replace(".", "").lower()
    daz = "Daz said, through Aisha, that phone calls make him anxious and the crisis line should have a text option."
    assert split_long(daz) == ["Daz said, through Aisha, that phone calls make him anxious.",
                               "The crisis line should have a text option."]
    assert split_long("Short and sweet?") == ["Short and sweet?"]
    unbroken = " ".join(["word"] * 40) + "?"
    assert [len(p.split()) for p in split_long(unbroken)] == [10, 10, 10, 10]
    assert split_long(unbroken)[-1].endswith("?")


def test_easy_sentences_spell_out_acronyms_and_use_digits() -> None:
    words = EasyWords(Glossary.load())
    said = easy_sentences("Grace said Deaf people cannot use the crisis line at all, because it has "
                          "no BSL video relay and no text option; forty people agreed.", words)
    assert all(len(s.split()) <= 15 for s in said)
    joined = " ".join(said)
    assert "BSL" not in joined and "British Sign Language" in joined and "40 people agreed." in joined
