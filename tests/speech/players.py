"""Speech test helpers: a "sound player" for machines with no sound card, and sample text."""

from __future__ import annotations

import sys

# A real process that takes as long as the sound to "play" it, but makes no noise: what a
# player such as aplay does, minus the loudspeaker.
SILENT_PLAYER: tuple[str, ...] = (
    sys.executable, "-c",
    "import sys, time, wave\n"
    "w = wave.open(sys.argv[1])\n"
    "time.sleep(w.getnframes() / w.getframerate())\n",
)

SENTENCE = ("The chair welcomed everyone to the meeting and asked who would like to speak "
            "first about the new day centre. ")


def words(count: int) -> str:
    """`count` words of ordinary meeting English, ending with a full stop."""
    text = (SENTENCE * (count // len(SENTENCE.split()) + 1)).split()[:count]
    return " ".join(text).rstrip(".") + "."
