"""The workspace schema, as an ordered list of migrations.

Migration N takes a workspace from user_version N-1 to N. Never edit a released
migration; append a new one. CURRENT_VERSION is the newest format this build reads.
"""

from __future__ import annotations

import sqlite3

APPLICATION_ID = 0x4D524D31  # "MRM1": marks a SQLite file as a MeetingRoom workspace

_V1 = """
CREATE TABLE workspace_info (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE member (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL,
    preferred_name     TEXT NOT NULL DEFAULT '',
    pronunciation      TEXT NOT NULL DEFAULT '',
    pronouns           TEXT NOT NULL DEFAULT '',
    role               TEXT NOT NULL,
    organisation       TEXT NOT NULL DEFAULT '',
    contact_preference TEXT NOT NULL DEFAULT 'email',
    contact_details    TEXT NOT NULL DEFAULT '',
    format_kind        TEXT NOT NULL DEFAULT 'standard',
    format_size        INTEGER,
    format_language    TEXT NOT NULL DEFAULT '',
    access_notes       TEXT NOT NULL DEFAULT '',
    payment_preference TEXT NOT NULL DEFAULT '',
    consent_date       TEXT,
    active             INTEGER NOT NULL DEFAULT 1,
    erased             INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE member_access_need (
    member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
    need      TEXT NOT NULL,
    PRIMARY KEY (member_id, need)
);

CREATE TABLE group_info (
    id                     INTEGER PRIMARY KEY,
    name                   TEXT NOT NULL,
    purpose                TEXT NOT NULL DEFAULT '',
    terms_of_reference     TEXT NOT NULL DEFAULT '',
    involvement_level      TEXT NOT NULL DEFAULT 'co-produce',
    can_change             TEXT NOT NULL DEFAULT '',
    cannot_change          TEXT NOT NULL DEFAULT '',
    contact_member_id      INTEGER REFERENCES member(id) ON DELETE SET NULL,
    meeting_minutes        INTEGER NOT NULL DEFAULT 120,
    papers_deadline_days   INTEGER NOT NULL DEFAULT 7,
    feedback_deadline_days INTEGER NOT NULL DEFAULT 14,
    max_stretch_minutes    INTEGER NOT NULL DEFAULT 60,
    turn_seconds           INTEGER NOT NULL DEFAULT 180,
    queue_policy           TEXT NOT NULL DEFAULT 'fair'
);

CREATE TABLE avoid_time (
    id       INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES group_info(id) ON DELETE CASCADE,
    label    TEXT NOT NULL,
    weekday  INTEGER,
    start    TEXT NOT NULL,
    end      TEXT NOT NULL
);

CREATE TABLE venue (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    address    TEXT NOT NULL DEFAULT '',
    directions TEXT NOT NULL DEFAULT ''
);

CREATE TABLE venue_feature (
    venue_id INTEGER NOT NULL REFERENCES venue(id) ON DELETE CASCADE,
    feature  TEXT NOT NULL,
    PRIMARY KEY (venue_id, feature)
);

CREATE TABLE meeting (
    id       INTEGER PRIMARY KEY,
    group_id INTEGER REFERENCES group_info(id) ON DELETE CASCADE,
    title    TEXT NOT NULL,
    start    TEXT NOT NULL,
    minutes  INTEGER NOT NULL DEFAULT 120,
    venue_id INTEGER REFERENCES venue(id) ON DELETE SET NULL,
    mode     TEXT NOT NULL DEFAULT 'in-person',
    status   TEXT NOT NULL DEFAULT 'planning'
);
CREATE INDEX meeting_start ON meeting(start);

CREATE TABLE invitation (
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    member_id  INTEGER NOT NULL REFERENCES member(id),
    PRIMARY KEY (meeting_id, member_id)
);

CREATE TABLE arrangement (
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    key        TEXT NOT NULL,
    done       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (meeting_id, key)
);

CREATE TABLE attendance (
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    member_id  INTEGER NOT NULL REFERENCES member(id),
    status     TEXT NOT NULL,
    arrived_at TEXT,
    PRIMARY KEY (meeting_id, member_id)
);

CREATE TABLE paper (
    id             INTEGER PRIMARY KEY,
    group_id       INTEGER REFERENCES group_info(id) ON DELETE CASCADE,
    title          TEXT NOT NULL,
    body           TEXT NOT NULL DEFAULT '[]',
    easy_read      TEXT,
    glossary_terms TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE agenda_item (
    id             INTEGER PRIMARY KEY,
    meeting_id     INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    title          TEXT NOT NULL,
    plain_summary  TEXT NOT NULL DEFAULT '',
    purpose        TEXT NOT NULL DEFAULT 'discussion',
    presenter_id   INTEGER REFERENCES member(id),
    proposed_by_id INTEGER REFERENCES member(id),
    minutes        INTEGER NOT NULL DEFAULT 15,
    is_break       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX agenda_item_meeting ON agenda_item(meeting_id, position);

CREATE TABLE agenda_item_paper (
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
    paper_id       INTEGER NOT NULL REFERENCES paper(id) ON DELETE CASCADE,
    PRIMARY KEY (agenda_item_id, paper_id)
);

CREATE TABLE distribution (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    member_id  INTEGER NOT NULL REFERENCES member(id),
    paper_id   INTEGER REFERENCES paper(id) ON DELETE SET NULL,
    format     TEXT NOT NULL,
    size       INTEGER,
    sent_at    TEXT NOT NULL,
    channel    TEXT NOT NULL,
    files      TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE ground_rule (
    id             INTEGER PRIMARY KEY,
    group_id       INTEGER REFERENCES group_info(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    text           TEXT NOT NULL,
    easy_read_text TEXT NOT NULL DEFAULT '',
    picture        TEXT NOT NULL DEFAULT ''
);

CREATE TABLE ground_rule_agreed (
    meeting_id     INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    ground_rule_id INTEGER NOT NULL REFERENCES ground_rule(id) ON DELETE CASCADE,
    agreed_at      TEXT NOT NULL,
    PRIMARY KEY (meeting_id, ground_rule_id)
);

CREATE TABLE card (
    id             INTEGER PRIMARY KEY,
    meeting_id     INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    at             TEXT NOT NULL,
    member_id      INTEGER REFERENCES member(id),
    agenda_item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL
);

CREATE TABLE speaking_turn (
    id             INTEGER PRIMARY KEY,
    meeting_id     INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    member_id      INTEGER NOT NULL REFERENCES member(id),
    speaker_id     INTEGER REFERENCES member(id),
    agenda_item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
    queued_at      REAL NOT NULL,
    started_at     REAL,
    ended_at       REAL,
    kind           TEXT NOT NULL DEFAULT 'contribution',
    mode           TEXT NOT NULL DEFAULT 'spoken'
);
CREATE INDEX speaking_turn_meeting ON speaking_turn(meeting_id);

CREATE TABLE turn_pause (
    turn_id    INTEGER NOT NULL REFERENCES speaking_turn(id) ON DELETE CASCADE,
    paused_at  REAL NOT NULL,
    resumed_at REAL,
    PRIMARY KEY (turn_id, paused_at)
);

CREATE TABLE meeting_event (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    at         REAL NOT NULL,
    kind       TEXT NOT NULL,
    detail     TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX meeting_event_meeting ON meeting_event(meeting_id, id);

CREATE TABLE decision (
    id               INTEGER PRIMARY KEY,
    meeting_id       INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    agenda_item_id   INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
    text             TEXT NOT NULL,
    plain_text       TEXT NOT NULL DEFAULT '',
    how              TEXT NOT NULL DEFAULT 'consensus',
    votes_for        INTEGER,
    votes_against    INTEGER,
    votes_abstaining INTEGER,
    must_also_agree  TEXT NOT NULL DEFAULT '',
    cannot_change    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE action (
    id             INTEGER PRIMARY KEY,
    meeting_id     INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    agenda_item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
    text           TEXT NOT NULL,
    owner_id       INTEGER REFERENCES member(id),
    due            TEXT,
    status         TEXT NOT NULL DEFAULT 'open',
    result         TEXT NOT NULL DEFAULT ''
);

CREATE TABLE contribution (
    id             INTEGER PRIMARY KEY,
    meeting_id     INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    member_id      INTEGER NOT NULL REFERENCES member(id),
    agenda_item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
    summary        TEXT NOT NULL,
    response       TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL DEFAULT 'waiting',
    answered_at    TEXT
);

CREATE TABLE letter (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER REFERENCES meeting(id) ON DELETE CASCADE,
    member_id  INTEGER NOT NULL REFERENCES member(id),
    kind       TEXT NOT NULL,
    format     TEXT NOT NULL,
    size       INTEGER,
    made_at    TEXT NOT NULL,
    sent_at    TEXT,
    channel    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE payment (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    member_id    INTEGER NOT NULL REFERENCES member(id),
    kind         TEXT NOT NULL,
    amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),
    status       TEXT NOT NULL DEFAULT 'claimed'
);

CREATE TABLE evaluation (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    member_id  INTEGER REFERENCES member(id),
    answers    TEXT NOT NULL DEFAULT '{}',
    comment    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE glossary_term (
    id          INTEGER PRIMARY KEY,
    term        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    plain       TEXT NOT NULL,
    explanation TEXT NOT NULL DEFAULT ''
);
"""

# The group's payment policy, shown in members' letters: how to claim, and how many days
# payment takes (0: not said).
_V2 = """
ALTER TABLE group_info ADD COLUMN payment_how_to_claim TEXT NOT NULL DEFAULT '';
ALTER TABLE group_info ADD COLUMN payment_days INTEGER NOT NULL DEFAULT 0;
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2)
CURRENT_VERSION = len(MIGRATIONS)


def migrate(connection: sqlite3.Connection) -> int:
    """Bring a workspace up to CURRENT_VERSION, one migration per transaction."""
    version: int = connection.execute("PRAGMA user_version").fetchone()[0]
    for number in range(version + 1, CURRENT_VERSION + 1):
        connection.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[number - 1]):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    return CURRENT_VERSION


def _statements(script: str) -> list[str]:
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    return [s for s in statements if s]
