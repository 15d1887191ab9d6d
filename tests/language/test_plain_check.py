"""The plain-language check: PE1-PE5, with offsets that point at what was flagged."""

from __future__ import annotations

import json
import socket

import pytest
import textstat

from meetingroom.domain.papers import Block, BlockKind, Paper, Run
from meetingroom.language.glossary import Glossary
from meetingroom.language.plain_check import (
    LONG_SENTENCE_WORDS,
    check_paper,
    check_text,
    paper_text,
    split_sentences,
)
from meetingroom.paths import resources_dir
from meetingroom.store.papers import body_from_json

DESIGN_KEYS = {"words", "sentences", "average_sentence_words", "long_sentences", "reading_age",
               "flesch_reading_ease", "jargon", "acronyms"}


def example_paper(key: str = "transformation") -> Paper:
    data = json.loads((resources_dir() / "example" / "papers.json").read_text(encoding="utf-8"))
    spec = next(p for p in data if p["key"] == key)
    return Paper(title=spec["title"], body=body_from_json(json.dumps(spec["body"])))


def test_pe1_long_sentences_are_flagged_with_offsets() -> None:
    long = " ".join(["Word"] * (LONG_SENTENCE_WORDS + 1)) + "."
    short = "This one is short."
    text = f"{short} {long} {' '.join(['W'] * LONG_SENTENCE_WORDS)}."
    report = check_text(text)
    assert [s.words for s in report.long_sentences] == [LONG_SENTENCE_WORDS + 1]
    flag = next(f for f in report.flags if f.rule == "PE1")
    assert text[flag.start:flag.end] == long == flag.text
    assert report.sentences[0].text == short
    assert report.average_sentence_words == round((4 + 26 + 25) / 3, 1)


def test_pe2_reading_age_and_reading_ease_agree_with_textstat() -> None:
    text = ("The cat sat on the mat. It was a sunny day and the children played in the park. "
            "Everyone had a good time at the meeting.")
    report = check_text(text)
    assert report.flesch_reading_ease == pytest.approx(textstat.flesch_reading_ease(text), abs=0.15)
    grade = textstat.flesch_kincaid_grade(text)
    assert report.reading_age == pytest.approx(max(grade, 0) + 5, abs=0.15)
    hard = check_text("Operationalisation of multidisciplinary interventions necessitates "
                      "comprehensive organisational transformation.")
    assert hard.reading_age is not None and report.reading_age is not None
    assert hard.reading_age > report.reading_age + 5
    assert hard.flesch_reading_ease is not None and hard.flesch_reading_ease < 0


def test_pe2_needs_no_network() -> None:
    """The conftest guard refuses every connection; textstat must still work."""
    with pytest.raises(AssertionError):
        socket.create_connection(("example.org", 80))
    assert check_text("A short plain sentence about the meeting.").reading_age is not None


def test_empty_text_has_no_reading_age() -> None:
    report = check_text("  \n\n - \n")
    assert report.words == 0 and report.sentences == ()
    assert report.reading_age is None and report.to_json()["flesch_reading_ease"] is None


def test_pe3_acronyms_not_spelled_out_the_first_time() -> None:
    text = "The PCN met the ICB. The Integrated Care Board (ICB) agreed. Then the PCN and NHS left."
    report = check_text(text)
    found = {a["term"]: a["explained"] for a in report.to_json()["acronyms"]}
    assert found == {"PCN": False, "ICB": False, "NHS": False}
    flagged = [f for f in report.flags if f.rule == "PE3"]
    assert [(f.text, text[f.start:f.end]) for f in flagged] == [("PCN", "PCN"), ("ICB", "ICB")]
    assert flagged[0].start == text.index("PCN") and flagged[1].start == text.index("ICB")
    assert "Primary Care Network" in flagged[0].message  # NHS is well known: not flagged
    spelled = check_text("The Primary Care Network (PCN) met. The PCN agreed.")
    assert [a.explained for a in spelled.acronyms] == [True]
    assert not [f for f in spelled.flags if f.rule == "PE3"]


def test_pe4_jargon_with_plain_words_and_a_groups_own_terms() -> None:
    text = "Going forward we will leverage the pathway. The pathway is co-located."
    report = check_text(text)
    jargon = {j["term"]: (j["count"], j["suggestion"]) for j in report.to_json()["jargon"]}
    assert jargon["pathway"][0] == 2 and jargon["going forward"][1] == "from now on"
    for flag in (f for f in report.flags if f.rule == "PE4"):
        assert text[flag.start:flag.end] == flag.text and flag.suggestion
    assert {f.text for f in report.flags if f.rule == "PE4"} >= {"Going forward", "leverage",
                                                                  "pathway", "co-located"}

    class Own:
        term, plain, explanation = "huddle", "short meeting", ""

    own = check_text("We had a huddle.", Glossary.load((Own(),)))
    assert [(j.term, j.suggestion) for j in own.jargon] == [("huddle", "short meeting")]
    assert not check_text("We had a huddle.").jargon


def test_pe5_bullets_and_line_breaks_end_sentences() -> None:
    text = "What we will do\n- meet every month\n- pay people for their time\n1. Tea\n2) Talk more"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["What we will do", "meet every month",
                                           "pay people for their time", "Tea", "Talk more"]
    for s in sentences:
        assert text[s.start:s.end] == s.text
    assert check_text(text).to_json()["sentences"] == 5


def test_sentence_ends_and_abbreviations() -> None:
    text = "We met at 2.30 pm. Dr. Khan spoke, e.g. about buses. Is it fair? Yes! it is…  Done"
    assert [s.text for s in split_sentences(text)] == [
        "We met at 2.30 pm.", "Dr. Khan spoke, e.g. about buses.", "Is it fair?",
        "Yes! it is…", "Done"]


def test_odd_characters_keep_offsets_right() -> None:
    text = "😀 Mae'r ŵyn yn y cae.\r\nZażółć gęślą jaźń — the ICB\u00a0and co\u00adproduction. مرحبا"
    report = check_text(text)
    for item in (*report.flags, *report.sentences):
        assert text[item.start:item.end] == item.text
    assert report.words == 13


def test_the_example_paper_is_flagged_for_acronyms_and_jargon() -> None:
    paper = example_paper()
    report = check_paper(paper)
    text = paper_text(paper)
    found = report.to_json()
    assert set(found) >= DESIGN_KEYS
    unexplained = {a["term"] for a in found["acronyms"] if not a["explained"]}
    assert {"ICB", "PCN", "MDT", "VCSE", "SMI", "CMHT", "CPA", "KPI"} <= unexplained
    terms = {j["term"].casefold() for j in found["jargon"]}
    assert {"core offer", "leverage", "going forward", "stakeholder"} <= terms
    assert found["long_sentences"] and all(s["words"] > 25 for s in found["long_sentences"])
    assert found["reading_age"] > 14
    for flag in report.flags:
        assert text[flag.start:flag.end] == flag.text
    json.dumps(found)


def test_check_paper_puts_each_block_and_item_on_its_own_line() -> None:
    paper = Paper("Title", body=(
        Block(BlockKind.HEADING, (Run("Heading"),)),
        Block(BlockKind.PARAGRAPH, (Run("Some "), Run("bold", True), Run(" words."))),
        Block(BlockKind.BULLETS, items=((Run("one"),), (Run("two"), Run(" more", True)))),
    ))
    assert paper_text(paper) == "Title\nHeading\nSome bold words.\none\ntwo more"
    assert paper_text(paper, title=False).startswith("Heading\n")
    assert check_paper(paper).to_json()["sentences"] == 5
