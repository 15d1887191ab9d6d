"""The words people see for each domain value, through Qt's translation function."""

from __future__ import annotations

from enum import Enum
from functools import cache

from PySide6.QtCore import QCoreApplication

from meetingroom.domain.agenda import ItemPurpose
from meetingroom.domain.conduct import CardKind, TurnKind, TurnMode
from meetingroom.domain.followup import PaymentKind, PaymentStatus
from meetingroom.domain.group import InvolvementLevel, QueuePolicy
from meetingroom.domain.meeting import MeetingMode, MeetingStatus, VenueFeature
from meetingroom.domain.outcomes import ActionStatus, ContributionStatus, HowDecided
from meetingroom.domain.papers import Channel
from meetingroom.domain.people import AccessNeed, ContactPreference, FormatKind, FormatNeed, Role


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


@cache
def _labels() -> dict[tuple[type, Enum], str]:
    """Built once per language; call `_labels.cache_clear()` when the language changes.

    Keyed by type as well as value: str enums of different types compare equal when their
    values do (the chair's role and "the chair decided" are both "chair")."""
    return {(type(value), value): words for value, words in _words()}


def _words() -> list[tuple[Enum, str]]:
    return [
        (Role.EXPERT_BY_EXPERIENCE, _t("Expert by experience")),
        (Role.CARER, _t("Carer")),
        (Role.PROFESSIONAL, _t("Professional")),
        (Role.CHAIR, _t("Chair")),
        (Role.FACILITATOR, _t("Facilitator")),
        (Role.MINUTE_TAKER, _t("Minute taker")),
        (Role.SUPPORTER, _t("Supporter or interpreter")),
        (FormatKind.STANDARD, _t("Standard")),
        (FormatKind.LARGE_PRINT, _t("Large print")),
        (FormatKind.EASY_READ, _t("Easy read")),
        (FormatKind.AUDIO, _t("Audio")),
        (FormatKind.BRAILLE_TEXT, _t("Plain text for braille")),
        (FormatKind.OTHER_LANGUAGE, _t("Another language")),
        (AccessNeed.STEP_FREE, _t("Step-free access")),
        (AccessNeed.HEARING_LOOP, _t("Hearing loop")),
        (AccessNeed.BSL_INTERPRETER, _t("BSL interpreter")),
        (AccessNeed.LANGUAGE_INTERPRETER, _t("Spoken-language interpreter")),
        (AccessNeed.PERSONAL_ASSISTANT, _t("Personal assistant")),
        (AccessNeed.QUIET_SPACE, _t("Quiet space")),
        (AccessNeed.REGULAR_BREAKS, _t("Regular breaks")),
        (AccessNeed.DIETARY, _t("Dietary needs")),
        (AccessNeed.TRANSPORT, _t("Transport or parking help")),
        (AccessNeed.OTHER, _t("Other")),
        (MeetingStatus.PLANNING, _t("Planning")),
        (MeetingStatus.PAPERS_SENT, _t("Papers sent")),
        (MeetingStatus.HELD, _t("Held")),
        (MeetingStatus.FOLLOWED_UP, _t("Followed up")),
        (MeetingMode.IN_PERSON, _t("In person")),
        (MeetingMode.ONLINE, _t("Online")),
        (MeetingMode.HYBRID, _t("Hybrid")),
        (ContactPreference.EMAIL, _t("Email")),
        (ContactPreference.TEXT, _t("Text message")),
        (ContactPreference.PHONE, _t("Phone call")),
        (ContactPreference.LETTER, _t("Letter by post")),
        (InvolvementLevel.INFORM, _t("Inform")),
        (InvolvementLevel.CONSULT, _t("Consult")),
        (InvolvementLevel.ENGAGE, _t("Engage")),
        (InvolvementLevel.CO_DESIGN, _t("Co-design")),
        (InvolvementLevel.CO_PRODUCE, _t("Co-produce")),
        (QueuePolicy.FAIR, _t("Fair: new voices first")),
        (QueuePolicy.FIRST_COME, _t("First come, first served")),
        (VenueFeature.STEP_FREE, _t("Step-free access")),
        (VenueFeature.HEARING_LOOP, _t("Hearing loop")),
        (VenueFeature.QUIET_ROOM, _t("Quiet room")),
        (VenueFeature.ACCESSIBLE_TOILET, _t("Accessible toilet")),
        (VenueFeature.ACCESSIBLE_PARKING, _t("Accessible parking")),
        (VenueFeature.PUBLIC_TRANSPORT, _t("Near public transport")),
        (VenueFeature.REFRESHMENTS, _t("Refreshments")),
        (ItemPurpose.INFORMATION, _t("For information")),
        (ItemPurpose.DISCUSSION, _t("For discussion")),
        (ItemPurpose.DECISION, _t("For decision")),
        (CardKind.JARGON, _t("Jargon")),
        (CardKind.SLOW_DOWN, _t("Slow down")),
        (CardKind.CANT_HEAR, _t("Can't hear")),
        (CardKind.BREAK_NEEDED, _t("Break needed")),
        (CardKind.WANT_TO_SPEAK, _t("Want to speak")),
        (TurnKind.CONTRIBUTION, _t("Contribution")),
        (TurnKind.POINT_OF_ORDER, _t("Point of order")),
        (TurnKind.REPLY, _t("Reply")),
        (TurnMode.SPOKEN, _t("Spoken")),
        (TurnMode.BSL, _t("BSL")),
        (TurnMode.WRITTEN, _t("Written")),
        (TurnMode.CARD, _t("By card")),
        (HowDecided.CONSENSUS, _t("Everyone agreed")),
        (HowDecided.VOTE, _t("A vote")),
        (HowDecided.CHAIR, _t("The chair decided")),
        (HowDecided.DEFERRED, _t("Put off to a later meeting")),
        (ActionStatus.OPEN, _t("Open")),
        (ActionStatus.DONE, _t("Done")),
        (ActionStatus.DROPPED, _t("Dropped")),
        (ContributionStatus.WAITING, _t("Waiting for an answer")),
        (ContributionStatus.ACTED_ON, _t("We did it")),
        (ContributionStatus.NOT_POSSIBLE, _t("Not possible")),
        (Channel.EMAIL, _t("Email")),
        (Channel.POST, _t("Post")),
        (Channel.BY_HAND, _t("By hand")),
        (Channel.TEXT, _t("Text message")),
        (Channel.PHONE, _t("Phone")),
        (PaymentKind.INVOLVEMENT, _t("Involvement payment")),
        (PaymentKind.TRAVEL, _t("Travel")),
        (PaymentKind.CARE, _t("Care")),
        (PaymentKind.OTHER, _t("Other expenses")),
        (PaymentStatus.CLAIMED, _t("Claimed, not paid yet")),
        (PaymentStatus.PAID, _t("Paid")),
    ]


def label(value: Enum) -> str:
    """A plain, translated label for an enumeration value."""
    return _labels().get((type(value), value)) or str(value.value).replace("-", " ").capitalize()


def format_label(need: FormatNeed) -> str:
    if need.kind is FormatKind.LARGE_PRINT:
        return _t("Large print, %1 pt").replace("%1", str(need.size))
    if need.kind is FormatKind.OTHER_LANGUAGE and need.language:
        return _t("In %1").replace("%1", need.language)
    return label(need.kind)
