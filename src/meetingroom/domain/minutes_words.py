"""The words the documents after a meeting use for what it produced: how a decision was made,
money, roles, and a long sentence broken into short ones for easy read (ER2).

Pure functions over domain things; the documents layer puts them on the page.
"""

from __future__ import annotations

from collections.abc import Callable

from meetingroom.domain.followup import PaymentKind, PaymentStatus
from meetingroom.domain.outcomes import Decision, HowDecided
from meetingroom.domain.people import Role

EASY_SENTENCE_WORDS = 15  # ER2

_HOW = {
    HowDecided.CONSENSUS: "Everyone agreed",
    HowDecided.CHAIR: "The chair decided",
    HowDecided.DEFERRED: "Put off to a later meeting",
}
_EASY_HOW = {
    HowDecided.CONSENSUS: ["We all agreed."],
    HowDecided.CHAIR: ["The chair decided."],
    HowDecided.DEFERRED: ["We did not decide yet.", "We will decide at a later meeting."],
}

PAYMENT_WORDS = {
    PaymentKind.INVOLVEMENT: "Involvement payment",
    PaymentKind.TRAVEL: "Travel expenses",
    PaymentKind.CARE: "Care costs",
    PaymentKind.OTHER: "Other expenses",
}
_EASY_PAYMENT = {
    PaymentKind.INVOLVEMENT: "for taking part",
    PaymentKind.TRAVEL: "for travel",
    PaymentKind.CARE: "for care while you were at the meeting",
    PaymentKind.OTHER: "for other costs",
}

ROLE_WORDS = {
    Role.EXPERT_BY_EXPERIENCE: "an expert by experience",
    Role.CARER: "a carer",
    Role.PROFESSIONAL: "a professional member",
    Role.CHAIR: "the chair",
    Role.FACILITATOR: "the facilitator",
    Role.MINUTE_TAKER: "the minute taker",
    Role.SUPPORTER: "a supporter or interpreter",
}


def _people(count: int) -> str:
    return "1 person" if count == 1 else f"{count} people"


def how_decided(decision: Decision) -> str:
    """"Everyone agreed", "Vote: 9 for, 2 against, 1 did not vote", "The chair decided",
    "Put off to a later meeting"."""
    if decision.how is not HowDecided.VOTE:
        return _HOW[decision.how]
    counts = [f"{number} {words}" for number, words in (
        (decision.votes_for, "for"), (decision.votes_against, "against"),
        (decision.votes_abstaining, "did not vote")) if number is not None]
    return f"Vote: {', '.join(counts)}" if counts else "Vote"


def easy_how_decided(decision: Decision) -> list[str]:
    """How a decision was made, in short sentences for easy read."""
    if decision.how is not HowDecided.VOTE:
        return list(_EASY_HOW[decision.how])
    sentences = ["We voted."]
    for number, words in ((decision.votes_for, "voted yes"), (decision.votes_against, "voted no"),
                          (decision.votes_abstaining, "did not vote")):
        if number is not None:
            sentences.append(f"{_people(number)} {words}.")
    return sentences


def money(pence: int, *, spoken: bool = False) -> str:
    """"£75.00"; spoken, "75 pounds", "22 pounds 60", "60 pence"."""
    pounds, rest = divmod(abs(pence), 100)
    sign = "minus " if pence < 0 else ""
    if not spoken:
        return f"{'-' if pence < 0 else ''}£{pounds:,}.{rest:02d}"
    if pounds == 0:
        return f"{sign}{rest} pence"
    unit = "pound" if pounds == 1 else "pounds"
    return f"{sign}{pounds} {unit}" + (f" {rest}" if rest else "")


def payment_status_words(status: PaymentStatus) -> str:
    return "paid" if status is PaymentStatus.PAID else "claimed, not paid yet"


def easy_payment(kind: PaymentKind, status: PaymentStatus, amount: str) -> str:
    """"We paid you £75.00 for taking part." / "You claimed £22.60 for travel. We have not
    paid it yet.\""""
    what = _EASY_PAYMENT[kind]
    if status is PaymentStatus.PAID:
        return f"We paid you {amount} {what}."
    return f"You claimed {amount} {what}. We have not paid it yet."


# -- short sentences (ER2) --------------------------------------------------------------------

_CONJUNCTIONS = frozenset({
    "and", "but", "so", "then", "because", "when", "while", "which", "who", "where", "until",
    "before", "after", "if", "or", "although", "though", "since", "unless", "whether"})
_PREPOSITIONS = frozenset({
    "at", "to", "on", "in", "for", "with", "from", "by", "about", "through", "into", "over",
    "under", "during", "without", "instead", "between"})
# A break never comes straight after these: "Nnamdi said that. When he rang..." reads badly.
_NEVER_LAST = frozenset({
    "a", "an", "the", "that", "to", "of", "said", "and", "or", "but", "my", "his", "her",
    "their", "our", "your", "its", "this", "these", "those", "very", "not", "no", "is", "are",
    "was", "were", "be", "will", "would", "can", "could", "should", "must", "has", "have", "had"})
_CLAUSE_ENDS = (",", ";", ":", "\u2013", "\u2014")
_SENTENCE_ENDS = (".", "?", "!")


def _bare(word: str) -> str:
    return word.strip("\"'\u201c\u201d\u2018\u2019()[],;:").casefold()


def _penalty(before: str, after: str) -> float | None:
    """How much a break between these two words costs; None where no break may go."""
    if before.endswith(_CLAUSE_ENDS) or after in ("\u2013", "\u2014"):
        return 0.0
    if _bare(before) in _NEVER_LAST:
        return None
    word = _bare(after)
    if word in _CONJUNCTIONS:
        return 2.0
    if word in _PREPOSITIONS:
        return 5.0
    return 10.0


def _finish(words: list[str], end: str) -> str:
    while words and words[-1] in ("\u2013", "\u2014"):
        words = words[:-1]
    while words and words[0] in ("\u2013", "\u2014"):
        words = words[1:]
    if len(words) > 1 and words[0].casefold() == "and":
        words = words[1:]
    text = " ".join(words).rstrip(",;:").strip()
    if not text:
        return ""
    text = text[:1].upper() + text[1:]
    return text if text.endswith(_SENTENCE_ENDS) else text + end


def split_long(sentence: str, limit: int = EASY_SENTENCE_WORDS,
               count: Callable[[str], int] | None = None) -> list[str]:
    """`sentence` as sentences of at most `limit` words, each starting with a capital and
    ending with a full stop. A long one breaks where a clause ends (after a comma, semicolon,
    colon or dash), else before "and", "because", "when"..., else before "at", "to", "for"...,
    as near its middle as can be; never straight after "the", "said", "that" and the like.
    `count` says how many words a piece of text has (default: split on spaces)."""
    counter = count or (lambda text: len(text.split()))
    words = sentence.split()
    if not words:
        return []
    end = sentence.rstrip()[-1] if sentence.rstrip().endswith(_SENTENCE_ENDS) else "."
    sizes = [max(counter(word), 0) for word in words]
    total = sum(sizes)
    if total <= limit or len(words) < 2:
        return [_finish(words, end)]
    best: tuple[bool, float, int] | None = None
    left_size = 0
    for index in range(1, len(words)):
        left_size += sizes[index - 1]
        right_size = total - left_size
        if min(left_size, right_size) < 3:
            continue
        penalty = _penalty(words[index - 1], words[index])
        if penalty is None:
            continue
        # A break that leaves both halves short enough wins; then a clause end over a
        # conjunction over a preposition, and halves of about the same length.
        candidate = (max(left_size, right_size) > limit, 3 * penalty + abs(left_size - right_size), index)
        if best is None or candidate[:2] < best[:2]:
            best = candidate
    if best is None:  # nowhere good to break: the middle, counted in words
        running, middle = 0, len(words) - 1
        for at, size in enumerate(sizes[:-1], start=1):
            running += size
            if running >= total / 2:
                middle = at
                break
        best = (True, 0.0, middle)
    cut = best[2]
    left = _finish(words[:cut], ".")
    right = " ".join(words[cut:])
    right = right if right.rstrip().endswith(_SENTENCE_ENDS) else right + end
    return [part for piece in (left, right) for part in split_long(piece, limit, counter) if part]
