"""Members of a group: their role, and what they need to take part."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

LARGE_PRINT_SIZES: tuple[int, ...] = (16, 18, 20, 24, 28)
DEFAULT_LARGE_PRINT_SIZE = 18
FORMER_MEMBER = "former member"


class Role(StrEnum):
    EXPERT_BY_EXPERIENCE = "expert-by-experience"
    CARER = "carer"
    PROFESSIONAL = "professional"
    CHAIR = "chair"
    FACILITATOR = "facilitator"
    MINUTE_TAKER = "minute-taker"
    SUPPORTER = "supporter"  # supporter or interpreter

    @property
    def has_lived_experience(self) -> bool:
        """Experts by experience and carers: the voices co-production exists for."""
        return self in (Role.EXPERT_BY_EXPERIENCE, Role.CARER)


class ContactPreference(StrEnum):
    EMAIL = "email"
    TEXT = "text"
    PHONE = "phone"
    LETTER = "letter"


class FormatKind(StrEnum):
    STANDARD = "standard"
    LARGE_PRINT = "large-print"
    EASY_READ = "easy-read"
    AUDIO = "audio"
    BRAILLE_TEXT = "braille-text"  # plain text for braille
    OTHER_LANGUAGE = "other-language"


class AccessNeed(StrEnum):
    STEP_FREE = "step-free-access"
    HEARING_LOOP = "hearing-loop"
    BSL_INTERPRETER = "bsl-interpreter"
    LANGUAGE_INTERPRETER = "language-interpreter"
    PERSONAL_ASSISTANT = "personal-assistant"
    QUIET_SPACE = "quiet-space"
    REGULAR_BREAKS = "regular-breaks"
    DIETARY = "dietary-needs"
    TRANSPORT = "transport-help"
    OTHER = "other"


@dataclass(frozen=True)
class FormatNeed:
    """How a member reads: a kind, with the point size for large print or the language."""

    kind: FormatKind = FormatKind.STANDARD
    size: int | None = None
    language: str = ""

    def __post_init__(self) -> None:
        if self.kind is FormatKind.LARGE_PRINT:
            if self.size is None:
                object.__setattr__(self, "size", DEFAULT_LARGE_PRINT_SIZE)
            elif self.size not in LARGE_PRINT_SIZES:
                raise ValueError(
                    f"large print size must be one of {', '.join(map(str, LARGE_PRINT_SIZES))} pt"
                )
        elif self.size is not None:
            raise ValueError("only large print has a point size")


@dataclass
class Member:
    name: str
    role: Role = Role.EXPERT_BY_EXPERIENCE
    id: int | None = None
    preferred_name: str = ""
    pronunciation: str = ""
    pronouns: str = ""
    organisation: str = ""
    contact_preference: ContactPreference = ContactPreference.EMAIL
    contact_details: str = ""
    format_need: FormatNeed = field(default_factory=FormatNeed)
    access_needs: frozenset[AccessNeed] = frozenset()
    access_notes: str = ""  # free text: dietary details, "other" needs
    payment_preference: str = ""
    consent_date: date | None = None
    active: bool = True
    erased: bool = False

    @property
    def display_name(self) -> str:
        """What to call this person: preferred name first; erased people are a former member."""
        if self.erased:
            return FORMER_MEMBER
        return self.preferred_name or self.name

    @property
    def spoken_name(self) -> str:
        """What speech should say: the pronunciation the member gave, else their name."""
        return self.pronunciation or self.display_name
