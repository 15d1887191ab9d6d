"""The glossary: shipped terms, a group's own terms, jargon in text and acronyms spelled out."""

from __future__ import annotations

import json

import pytest

from meetingroom.language.glossary import (
    Glossary,
    GlossaryEntry,
    find_acronyms,
    looks_like_acronym,
    shipped_entries,
)
from meetingroom.paths import resources_dir
from meetingroom.store import Workspace
from meetingroom.store.glossary import GroupTerm, add_group_term, group_terms, remove_group_term

EXAMPLE_TERMS = ["ICB", "PCN", "MDT", "VCSE", "SMI", "CMHT", "CPA", "KPI", "transformation",
                 "core offer", "stakeholder", "leverage", "going forward", "pathway", "co-located",
                 "operationalise", "mobilise"]


def test_the_shipped_glossary_is_big_enough_and_well_formed() -> None:
    entries = shipped_entries()
    assert len(entries) >= 80
    assert len({e.term.casefold() for e in entries}) == len(entries)
    for entry in entries:
        assert entry.term.strip() and entry.plain.strip(), entry
        assert entry.term == entry.term.strip()
    glossary = Glossary.load()
    for term in EXAMPLE_TERMS:
        assert glossary.lookup(term) is not None, term
    icb = glossary.lookup("ICB")
    assert icb is not None and icb.is_acronym and icb.expansion == "Integrated Care Board"
    stakeholder = glossary.lookup("stakeholder")
    assert stakeholder is not None and not stakeholder.is_acronym


def test_every_glossary_term_in_the_example_paper_is_found() -> None:
    """The example's own list of terms for its jargon-heavy paper is covered by the glossary."""
    papers = json.loads((resources_dir() / "example" / "papers.json").read_text(encoding="utf-8"))
    paper = next(p for p in papers if p["key"] == "transformation")
    glossary = Glossary.load()
    body = " ".join(run["text"] for block in paper["body"] for run in block.get("runs", []))
    body += " ".join(run["text"] for block in paper["body"] for item in block.get("items", [])
                     for run in item)
    found = {hit.entry.term for hit in glossary.find_jargon(body)}
    for term in paper["glossary_terms"]:
        assert glossary.lookup(term) is not None, term
    assert {"ICB", "PCN", "MDT", "VCSE", "SMI", "CMHT", "CPA", "KPI", "core offer",
            "transformation programme", "leverage", "operationalise", "co-located", "mobilise",
            "going forward", "stakeholder", "pathway"} <= found


def test_find_jargon_whole_words_case_and_forms() -> None:
    glossary = Glossary.load()
    text = ("Going Forward we will leverage the pathway. Stakeholders were co located and "
            "operationalised it. The ICB and the PCNs. icb is not an acronym here; nor is "
            "Pathwayside or leverages-free. The transformation programme.")
    hits = glossary.find_jargon(text)
    assert [(h.text, h.entry.term) for h in hits] == [
        ("Going Forward", "going forward"),
        ("leverage", "leverage"),
        ("pathway", "pathway"),
        ("Stakeholders", "stakeholder"),
        ("co located", "co-located"),
        ("operationalised", "operationalise"),
        ("ICB", "ICB"),
        ("PCNs", "PCN"),
        ("leverages", "leverage"),
        ("transformation programme", "transformation programme"),
    ]
    for hit in hits:
        assert text[hit.start:hit.end] == hit.text
    assert hits[0].suggestion == "from now on"


def test_acronyms_match_only_as_written_and_not_inside_words() -> None:
    glossary = Glossary.load()
    assert [h.text for h in glossary.find_jargon("MHA, MH and SMIs; NOT an OT")] == ["MHA", "MH", "SMIs", "OT"]
    assert glossary.find_jargon("the kpi and Icb") == []
    assert [h.text for h in glossary.find_jargon("Go to A&E, not AE")] == ["A&E"]


def test_lookup_ignores_case_for_words_and_finds_forms() -> None:
    glossary = Glossary.load()
    leverage = glossary.lookup("leverage")
    assert glossary.lookup("Leveraging") is leverage
    assert glossary.lookup("co located") is glossary.lookup("co-located")
    assert glossary.lookup("KPIs") is glossary.lookup("KPI")
    assert glossary.lookup("kpi") is None and glossary.lookup("kpis") is None
    assert glossary.lookup("Stakeholders") is glossary.lookup("stakeholder")
    assert glossary.lookup("sandwich") is None


def test_a_group_term_extends_and_wins(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with Workspace.create(tmp_path / "g.meetingroom") as ws:
        assert add_group_term(ws, GroupTerm("RMHN", "our network", "Riverside Mental Health Network")) is None
        assert add_group_term(ws, GroupTerm("stakeholder", "everyone with a say")) is None
        assert add_group_term(ws, GroupTerm("ICB", "the NHS in our area")) is None
        replaced = add_group_term(ws, GroupTerm("Stakeholder", "anyone with a say"))
        assert replaced == GroupTerm("stakeholder", "everyone with a say", "")
        assert [t.term for t in group_terms(ws)] == ["ICB", "RMHN", "Stakeholder"]
        glossary = Glossary.load(group_terms(ws))
    assert len(glossary) == len(shipped_entries()) + 1
    stakeholder = glossary.lookup("stakeholders")
    assert stakeholder is not None and stakeholder.plain == "anyone with a say"
    leverage = Glossary.load([GroupTerm("Leverage", "use")]).lookup("leveraging")
    assert leverage is not None and leverage.term == "Leverage" and leverage.plain == "use"
    icb = glossary.lookup("ICB")
    # The group's plain words win; the shipped expansion is kept for spelling it out.
    assert icb is not None and icb.plain == "the NHS in our area" and icb.expansion == "Integrated Care Board"
    hits = glossary.find_jargon("The RMHN met the ICB.")
    assert [(h.text, h.entry.plain) for h in hits] == [("RMHN", "our network"), ("ICB", "the NHS in our area")]
    assert Glossary.load().lookup("RMHN") is None


def test_group_terms_can_be_removed_and_need_plain_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with Workspace.create(tmp_path / "g.meetingroom") as ws:
        add_group_term(ws, GroupTerm("huddle", "short meeting"))
        heard: list[frozenset[str]] = []
        ws.on_change(heard.append)
        assert remove_group_term(ws, "HUDDLE") == GroupTerm("huddle", "short meeting")
        assert heard == [frozenset({"glossary_term"})]
        assert remove_group_term(ws, "huddle") is None
        assert group_terms(ws) == []
        with pytest.raises(ValueError):
            add_group_term(ws, GroupTerm("huddle", "  "))


def test_the_glossary_takes_any_entries() -> None:
    glossary = Glossary([GlossaryEntry("flux capacitor", "time machine part"),
                         GlossaryEntry("TARDIS", "time machine", expansion="Time And Relative Dimension In Space")])
    assert [h.text for h in glossary.find_jargon("Flux-capacitors in the TARDIS")] == ["Flux-capacitors", "TARDIS"]
    assert Glossary([]).find_jargon("anything") == []
    assert looks_like_acronym("DoLS") and looks_like_acronym("A&E") and not looks_like_acronym("Care")


@pytest.mark.parametrize(("text", "expected"), [
    ("The Integrated Care Board (ICB) met. Then the ICB agreed.",
     [("ICB", True, True, "Integrated Care Board"), ("ICB", False, True, "Integrated Care Board")]),
    ("The ICB (the Integrated Care Board) met.", [("ICB", True, True, "Integrated Care Board")]),
    ("Key Performance Indicators (KPIs) and KPIs", [("KPI", True, True, "Key Performance Indicators"),
                                                    ("KPI", False, True, "Key Performance Indicators")]),
    ("Peer workers in Accident and Emergency (A&E)", [("A&E", True, True, "Accident and Emergency")]),
    ("a multidisciplinary team (MDT)", [("MDT", True, True, "multidisciplinary team")]),
    ("Voluntary, Community and Social Enterprise (VCSE) groups",
     [("VCSE", True, True, "Voluntary, Community and Social Enterprise")]),
    ("The CMHT said. Later: community mental health team (CMHT).",
     [("CMHT", False, False, ""), ("CMHT", True, False, "community mental health team")]),
    ("We talked to the team about it (ABT).", [("ABT", False, False, "")]),
    ("Peer support workers in A&E", [("A&E", False, False, "")]),
])
def test_find_acronyms_says_whether_spelled_out_first(text: str, expected: list[tuple[str, bool, bool, str]]) -> None:
    uses = find_acronyms(text)
    assert [(u.term, u.spelled_out, u.explained, u.expansion) for u in uses] == expected
    assert [u.first_use for u in uses] == [True] + [False] * (len(uses) - 1)
    for use in uses:
        assert text[use.start:use.end] == use.text


def test_find_acronyms_leaves_out_non_acronyms() -> None:
    assert find_acronyms("OK, see you at 10 AM. Part II. A1 road.") == []
    assert find_acronyms("PLEASE SEND THE PAPERS EARLY\nThe ICB") [0].term == "ICB"
    assert len(find_acronyms("PLEASE SEND THE PAPERS EARLY")) == 0
    assert [u.text for u in find_acronyms("PCNs, COVID19 and B&Bs")] == ["PCNs", "COVID19", "B&Bs"]
