"""The SQLite schema of the session store and its migrations, one function per version step."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import suppress

# Version 0 is an empty database (a new file). MIGRATIONS[n] brings a database from
# version n to n + 1; to change the schema, append a function and never edit old ones.

_V1 = """
CREATE TABLE sessions (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('team', 'practice')),
    month         TEXT NOT NULL,
    team          TEXT,
    participants  INTEGER NOT NULL CHECK (participants >= 0),
    deck_id       TEXT NOT NULL,
    deck_version  TEXT NOT NULL,
    completed     INTEGER NOT NULL DEFAULT 0,
    abandoned     INTEGER NOT NULL DEFAULT 0,
    state_json    TEXT,
    seq           INTEGER NOT NULL
);
CREATE INDEX sessions_kind_month ON sessions (kind, month);
CREATE INDEX sessions_seq ON sessions (seq);

CREATE TABLE rounds (
    session_id    TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    dilemma       TEXT NOT NULL,
    theme         TEXT NOT NULL,
    vote          TEXT NOT NULL CHECK (vote IN ('hands', 'secret', 'none')),
    counts_json   TEXT,
    revotes_json  TEXT,
    minutes       INTEGER,
    note          TEXT,
    PRIMARY KEY (session_id, idx)
) WITHOUT ROWID;
CREATE INDEX rounds_dilemma ON rounds (dilemma);

CREATE TABLE pulse (
    session_id    TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    question      TEXT NOT NULL,
    counts_json   TEXT NOT NULL,
    PRIMARY KEY (session_id, idx)
) WITHOUT ROWID;

CREATE TABLE walkthroughs (
    id            TEXT PRIMARY KEY,
    session_id    TEXT REFERENCES sessions (id) ON DELETE SET NULL,
    dilemma_id    TEXT,
    data_json     TEXT NOT NULL,
    seq           INTEGER NOT NULL
);
"""


def _v0_to_v1(conn: sqlite3.Connection) -> None:
    for statement in _V1.split(";"):
        if statement.strip():
            conn.execute(statement)


def _v1_to_v2(conn: sqlite3.Connection) -> None:
    # The lease: the instance playing a session (its owner id) and until when (Unix time).
    conn.execute("ALTER TABLE sessions ADD COLUMN lease_owner TEXT")
    conn.execute("ALTER TABLE sessions ADD COLUMN lease_until REAL")


def _v2_to_v3(conn: sqlite3.Connection) -> None:
    # Abstentions in a secret vote, counted apart from the distribution.
    conn.execute(
        "ALTER TABLE rounds ADD COLUMN blanco INTEGER NOT NULL DEFAULT 0 CHECK (blanco >= 0)"
    )


def _v3_to_v4(conn: sqlite3.Connection) -> None:
    # An eigen casus: the card typed in the room (title, situation, question, options).
    conn.execute("ALTER TABLE rounds ADD COLUMN own_json TEXT")


_V5 = """
CREATE TABLE sessions_v5 (
    id            TEXT PRIMARY KEY NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('team', 'practice')),
    month         TEXT NOT NULL,
    team          TEXT,
    participants  INTEGER NOT NULL CHECK (participants >= 0),
    deck_id       TEXT NOT NULL,
    deck_version  TEXT NOT NULL,
    completed     INTEGER NOT NULL DEFAULT 0,
    abandoned     INTEGER NOT NULL DEFAULT 0,
    state_json    TEXT,
    holder        TEXT
) WITHOUT ROWID;
INSERT OR IGNORE INTO sessions_v5
    SELECT id, kind, month, team, participants, deck_id, deck_version, completed, abandoned,
        CASE WHEN (completed OR abandoned) AND json_valid(state_json)
             THEN json_remove(state_json, '$.clock_started') ELSE state_json END,
        NULL
    FROM sessions;
DROP TABLE sessions;
ALTER TABLE sessions_v5 RENAME TO sessions;
CREATE INDEX sessions_kind_month ON sessions (kind, month);

CREATE TABLE walkthroughs_v5 (
    id            TEXT PRIMARY KEY NOT NULL,
    session_id    TEXT REFERENCES sessions (id) ON DELETE SET NULL,
    dilemma_id    TEXT,
    data_json     TEXT NOT NULL
) WITHOUT ROWID;
INSERT OR IGNORE INTO walkthroughs_v5 SELECT id, session_id, dilemma_id, data_json FROM walkthroughs;
DROP TABLE walkthroughs;
ALTER TABLE walkthroughs_v5 RENAME TO walkthroughs;
DELETE FROM rounds WHERE session_id NOT IN (SELECT id FROM sessions);
DELETE FROM pulse WHERE session_id NOT IN (SELECT id FROM sessions)
"""


def _v4_to_v5(conn: sqlite3.Connection) -> None:
    # SPEC §8: nothing finer than the month, nothing in play order. Sessions and walkthroughs
    # become WITHOUT ROWID tables keyed by their random ids (rounds and pulse answers already
    # are, by plan position): no `seq`, no implicit rowid; the lease's time and host:pid owner
    # give way to a random token (`holder`) cleared when the session ends or the app closes;
    # an ended session keeps no clock start. The caller runs VACUUM afterwards.
    for statement in _V5.split(";"):
        if statement.strip():
            conn.execute(statement)


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _v0_to_v1,
    _v1_to_v2,
    _v2_to_v3,
    _v3_to_v4,
    _v4_to_v5,
)
# Steps that rewrite whole tables: the old pages are freed, and VACUUM rebuilds the file so
# that no page of the old tables stays behind in it.
_REWRITES = frozenset({4})
CURRENT_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the database header."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the database to CURRENT_VERSION in one transaction (the caller refused newer ones).

    Foreign keys are off meanwhile: rebuilding the sessions table must not cascade into the
    rounds that reference it. A step that rewrote tables is followed by VACUUM.
    """
    foreign_keys = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the lock.
            version = user_version(conn)
            for step in MIGRATIONS[version:]:
                step(conn)
            # PRAGMA cannot take a parameter; CURRENT_VERSION is an int of ours.
            conn.execute(f"PRAGMA user_version = {CURRENT_VERSION:d}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute(f"PRAGMA foreign_keys = {int(foreign_keys):d}")
    if _REWRITES.intersection(range(version, CURRENT_VERSION)):
        # When another process reads the file now, VACUUM cannot run; the freed pages were
        # zeroed all the same (secure_delete), and the next open's checkpoint empties the WAL.
        with suppress(sqlite3.OperationalError):
            conn.execute("VACUUM")
